"""Fills the status placeholders of a rendered page with the register's words.

The renderer turns ``{{status:ID}}`` into an empty ``<span class="status" data-status="ID">``,
so that rendered pages (and their cache) do not depend on the reader's region; this pass writes
the sentence for the reader's region and language each time a page is shown.
"""

from __future__ import annotations

import html
import re

from her2guide.content.status_register import StatusRegister
from her2guide.content.status_text import sentence
from her2guide.i18n import gettext_for

PLACEHOLDER = re.compile(r'<span class="status" data-status="([a-z0-9-]*)"></span>')


def placeholder(entry_id: str) -> str:
    return f'<span class="status" data-status="{html.escape(entry_id, quote=True)}"></span>'


def fill_status(document: str, register: StatusRegister, region: str, lang: str) -> str:
    """The page with every placeholder replaced by its status sentence."""

    def words(match: re.Match[str]) -> str:
        entry = register.get(match.group(1))
        if entry is None:
            text = gettext_for(
                lang, "The approval status is missing here. Ask your care team what applies to you."
            )
        else:
            text = sentence(entry, region, lang)
        return f'<span class="status">{html.escape(text)}</span>'

    return PLACEHOLDER.sub(words, document)

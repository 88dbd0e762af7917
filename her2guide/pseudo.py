"""Pseudo-translation: every interface string accented and about 40 % longer.

German runs about a third longer than English, and a translation nobody has written yet may run
longer still. Shown with ``HER2GUIDE_PSEUDO=1`` (or :func:`her2guide.i18n.set_pseudo`), it makes
text that would be clipped visible without waiting for a translator, as Qt projects do with
``lrelease -pseudo``-like catalogs. Placeholders, mnemonics and tags are kept, so the app still
works: ``&Quit`` becomes ``[&Qüît ··]``, ``{count} pages`` keeps ``{count}``.
"""

from __future__ import annotations

import gettext
import math
import re

GROWTH = 0.4
OPEN, CLOSE, PAD = "[", "]", "\u00b7"
_ACCENTS = str.maketrans(
    "aeiouycnszAEIOUYCNSZ",
    "áéîöüýçñšžÁÉÎÖÜÝÇÑŠŽ",
)
# Kept as they are: {placeholders}, HTML tags, "&&" and the mnemonic letter after "&".
_KEEP = re.compile(r"\{[^{}]*\}|<[^<>]*>|&&|&.")


def pseudo(text: str) -> str:
    """``text`` accented and padded to at least 140 % of its visible length."""
    if not text.strip():
        return text
    parts: list[str] = []
    visible = 0
    position = 0
    for match in _KEEP.finditer(text):
        plain = text[position : match.start()]
        parts += [plain.translate(_ACCENTS), match.group()]
        visible += len(plain) + (1 if match.group().startswith("&") else 0)
        position = match.end()
    plain = text[position:]
    parts.append(plain.translate(_ACCENTS))
    visible += len(plain)
    padding = math.ceil(visible * GROWTH)  # the brackets come on top
    return f"{OPEN}{''.join(parts)} {PAD * padding}{CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """Another catalog's translations, pseudo-translated."""

    def __init__(self, inner: gettext.NullTranslations) -> None:
        super().__init__()
        self._inner = inner

    def gettext(self, message: str) -> str:
        return pseudo(self._inner.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(self._inner.ngettext(msgid1, msgid2, n))

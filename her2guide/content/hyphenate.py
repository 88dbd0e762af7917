"""Soft hyphens (U+00AD) at dictionary points of long words, so narrow columns break words there.

Qt breaks a line at a soft hyphen and draws a visible hyphen at the break; without one it breaks
a word that is wider than the line anywhere ("Trastuzum/ab"). The points come from LibreOffice's
de_DE and en_US patterns (Pyphen). This runs once per page when it is rendered and cached, never
while painting; only words of ``MIN_LETTERS`` or more get points, so short words stay whole.

Text for search, find, the clipboard or a screen reader goes through
:func:`without_soft_hyphens`.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyphen

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 10
"""Words shorter than this never need to break: even at 300 % they fit a column."""

_DICTIONARIES = {"de": "de_DE", "en": "en_US"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_UNTOUCHED_ELEMENTS = frozenset({"code", "pre", "style", "script", "kbd", "samp"})
_ENTITY_OR_CHUNK = re.compile(r"&#?\w+;|[^\s&]+|&")
_ADDRESS = re.compile(r"://|^www\.|@|/|\\|\.[a-z]{2,4}$|^&")
_WORD = re.compile(rf"\b[^\W\d_]{{{MIN_LETTERS},}}\b")
_LOADING = threading.Lock()
_PRELOADED: set[str] = set()


@cache
def _hyphenator(lang: str) -> pyphen.Pyphen:  # imported lazily (pyphen reads its dictionaries)
    from her2guide.content.hyphenation_patterns import hyphenator

    # At least three letters after the last break: no "Trastuzum-ab", no "Nebenwirkung-en".
    return hyphenator(_DICTIONARIES.get(lang, "en_US"), left=2, right=3)


def _dictionary(lang: str) -> pyphen.Pyphen:
    with _LOADING:  # one load per language, also when a preload is still running
        return _hyphenator(lang)


def preload(lang: str) -> None:
    """Loads the patterns of ``lang`` in a background thread, once: after a start from the
    cache no page needs them, and the German ones take about half a second to read, which the
    first treatment path or glossary headword would otherwise wait for."""
    if lang not in _PRELOADED:
        _PRELOADED.add(lang)
        threading.Thread(target=_dictionary, args=(lang,), name="hyphenation", daemon=True).start()


@cache
def hyphenate_word(word: str, lang: str) -> str:
    """``word`` with soft hyphens at its dictionary points (unchanged when it is short)."""
    if len(word) < MIN_LETTERS:
        return word
    parts = _dictionary(lang).inserted(word, hyphen=SOFT_HYPHEN).split(SOFT_HYPHEN)
    # A one-letter piece is a pattern slip ("Langzei-t-ergebnisse"): it joins the one before.
    joined = [parts[0]]
    for part in parts[1:]:
        if len(part) == 1:
            joined[-1] += part
        else:
            joined.append(part)
    return SOFT_HYPHEN.join(joined)


def _hyphenate_chunk(chunk: str, lang: str) -> str:
    if _ADDRESS.search(chunk):  # addresses, e-mail, entities, file names: never broken
        return chunk
    return _WORD.sub(lambda m: hyphenate_word(m.group(0), lang), chunk)


def hyphenate_text(text: str, lang: str) -> str:
    """Plain text (a label, a name) with soft hyphens in its long words."""
    return _ENTITY_OR_CHUNK.sub(lambda m: _hyphenate_chunk(m.group(0), lang), text)


def hyphenate_html(document: str, lang: str) -> str:
    """The HTML with soft hyphens in the long words of its text; tags, attributes, entities,
    addresses and code are left as they are."""
    parts = _TAG.split(document)
    untouched = 0
    for index, part in enumerate(parts):
        if index % 2:
            tag = _TAG_NAME.match(part)
            if tag and tag.group(2).lower() in _UNTOUCHED_ELEMENTS and not part.endswith("/>"):
                untouched += -1 if tag.group(1) else 1
                untouched = max(0, untouched)
        elif part and not untouched:
            parts[index] = hyphenate_text(part, lang)
    return "".join(parts)


def without_soft_hyphens(text: str) -> str:
    """The text as it was written: what search, find, copy and screen readers must get."""
    return text.replace(SOFT_HYPHEN, "")

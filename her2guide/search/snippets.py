"""Where a result's hit is and the text shown around it, cut only for the results shown.

A search ranks its results first; the snippet (the text around the first hit, hits marked), the
heading it comes from and the hit's original text (which the reader highlights after opening the
page) are cut when the list first shows the result, so a keystroke does this work for the rows in
view only. Paragraphs are folded once and kept: the next keystroke mostly shows the same ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from her2guide.search.fold import Folded, fold_with_offsets
from her2guide.search.query import Query

if TYPE_CHECKING:
    from her2guide.search.index import Document

SNIPPET_CHARS = 150
SNIPPET_LEAD = 40

Snippet = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Excerpt:
    """``snippet`` is the text around the hit as (text, is_hit) pieces; ``heading`` the heading
    it stands under; ``match`` the original text of the first hit."""

    heading: str
    snippet: Snippet
    match: str


def hit_pattern(query: Query) -> re.Pattern[str]:
    """Where the query's alternatives occur in folded text, the way the index matches them."""
    return _compiled_hits(query.hit_pieces)


@lru_cache(maxsize=256)
def _compiled_hits(pieces: frozenset[tuple[str, bool]]) -> re.Pattern[str]:
    patterns = []
    for piece, at_word_start in sorted(pieces, key=lambda p: len(p[0]), reverse=True):
        pattern = r"\W+".join(re.escape(word) for word in piece.split(" "))
        patterns.append(r"(?<!\w)" + pattern if at_word_start else pattern)
    return re.compile("|".join(patterns))


@lru_cache(maxsize=1024)
def _folded(text: str, lang: str) -> Folded:
    return fold_with_offsets(text, lang)


def snippet(text: str, lang: str, pattern: re.Pattern[str]) -> tuple[Snippet, str]:
    """The text around the first hit, cut at word boundaries, with every hit in it marked;
    and the original text of that first hit. Only the hits inside the snippet are mapped back
    to the original text: a short prefix can occur hundreds of times in a long paragraph."""
    folded = _folded(text, lang)
    found = pattern.search(folded.text)
    first = folded.span(found.start(), found.end()) if found else (0, 0)
    start = max(0, first[0] - SNIPPET_LEAD)
    if start:
        start = text.find(" ", start, first[0]) + 1 or first[0]
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text) and " " in text[first[1] : end]:
        end = text.rfind(" ", first[1], end)
    pieces: list[tuple[str, bool]] = [("\u2026", False)] if start else []
    position = start
    for hit in pattern.finditer(folded.text, found.start()) if found else ():
        hit_start, hit_end = folded.span(hit.start(), hit.end())
        if hit_end > end:
            break  # hits come in order: the rest lie beyond the snippet too
        if hit_start < position:
            continue
        pieces += [(text[position:hit_start], False), (text[hit_start:hit_end], True)]
        position = hit_end
    pieces.append((text[position:end].rstrip(), False))
    if end < len(text):
        pieces.append((" \u2026", False))
    return tuple(p for p in pieces if p[0]), text[first[0] : first[1]]


def excerpt(document: Document, query: Query, lang: str) -> Excerpt:
    """The snippet from the first paragraph (or heading) holding a hit, else from the summary
    (the hit is in the title)."""
    pattern = hit_pattern(query)
    for section in (document.summary, *document.body):
        hit = next((p for p in section.paragraphs if p.holds(query)), None)
        if hit is not None:
            return Excerpt(section.heading.original, *snippet(hit.original, lang, pattern))
        if section.heading.original and section.heading.holds(query):
            heading = section.heading.original
            first = section.paragraphs[0].original if section.paragraphs else ""
            return Excerpt(
                heading, snippet(first, lang, pattern)[0], snippet(heading, lang, pattern)[1]
            )
    summary = document.summary.paragraphs
    text = summary[0].original if summary else ""
    title = snippet(document.title_text.original, lang, pattern)[1]
    return Excerpt("", snippet(text, lang, pattern)[0], title)

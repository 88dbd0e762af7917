"""Ranking that prefers the page about the thing over a page that mentions it.

BM25 (in the index) counts how often and where the words occur; this adds how much a title or a
heading *is* the query. A page whose title or a heading consists of the query's words ("Fever or
signs of infection" for ``fever``) counts more than one whose long heading names it in passing.
Glossary entries are short, which BM25 favours; they count more when one of their names is what
the reader typed (``Herceptin`` is a name of trastuzumab), less when a name only holds it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from her2guide.search.query import Query

if TYPE_CHECKING:
    from her2guide.search.index import Document

MENTION_IN_DEFINITION_WEIGHT = 0.4
TERM_NAMED_BOOST = 2.0
TERM_SYNONYM_NAMED_BOOST = 1.5
TERM_NAME_PART_WEIGHT = 0.6
TITLE_ABOUT_WEIGHT = 4.0
HEADING_ABOUT_WEIGHT = 3.0
FULL = 0.99


def whole_word_pattern(query: Query, *, typed_only: bool = False) -> re.Pattern[str]:
    """The query's pieces as whole words in stored text (one space between words); with
    ``typed_only``, only the reader's own words (and corrections), not their synonyms."""
    alternatives = [a for a in query.alternatives if not (typed_only and a.anchored)]
    pieces = sorted({p for a in alternatives for p in a.pieces}, key=len, reverse=True)
    return re.compile("|".join(rf"(?<= ){re.escape(piece)}(?= )" for piece in pieces))


def _coverage(stored: str, pattern: re.Pattern[str]) -> float:
    """How much of a stored text the query's whole words make up: 1.0 for a heading that is
    just the query, little for a long heading that mentions it."""
    letters = len(stored.replace(" ", ""))
    if not letters:
        return 0.0
    matched = sum(len(m.group().replace(" ", "")) for m in pattern.finditer(stored))
    return min(1.0, matched / letters)


def aboutness(document: Document, query: Query, whole_words: re.Pattern[str]) -> float:
    """How much more a document counts because it is about the query, not just using it.

    A glossary entry counts more when one of its names is the query (``Herceptin`` is a name of
    trastuzumab), less when a name only holds it (``neutropenic fever`` for ``fever``) and little
    when just its definition uses it: BM25 favours short texts, and entries are short. A page
    counts more the more its title and a heading are the query itself.
    """
    if document.kind == "term":
        if not document.title_text.holds(query):
            return MENTION_IN_DEFINITION_WEIGHT
        named = [name for name in document.names if _coverage(name, whole_words) >= FULL]
        if not named:
            return TERM_NAME_PART_WEIGHT
        typed = whole_word_pattern(query, typed_only=True)
        if any(_coverage(name, typed) >= FULL for name in named):
            return TERM_NAMED_BOOST
        return TERM_SYNONYM_NAMED_BOOST
    title = _about(document.title_text.stored, query, whole_words)
    heading = max((_about(s.heading.stored, query, whole_words) for s in document.body), default=0)
    return 1.0 + TITLE_ABOUT_WEIGHT * title + HEADING_ABOUT_WEIGHT * heading


def _about(stored: str, query: Query, whole_words: re.Pattern[str]) -> float:
    """How much a title or heading is about the query: its coverage by the query's words, times
    the share of the query's clauses it holds (a heading about one word of two counts half)."""
    coverage = _coverage(stored, whole_words)
    if not coverage or len(query.clauses) == 1:
        return coverage
    held = sum(
        1
        for clause in query.clauses
        if any(needle in stored for alternative in clause for needle in alternative.needles())
    )
    return coverage * held / len(query.clauses)

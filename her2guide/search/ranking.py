"""Ranking that prefers the page about the thing over a page that mentions it.

BM25 (in the index) counts how often and where the words occur; this adds how much a title or a
heading *is* the query. A page whose title or a heading consists of the query's words ("Fever or
signs of infection" for ``fever``) counts more than one whose long heading names it in passing.
Glossary entries are short, which BM25 favours; they count more when one of their names is what
the reader typed (``Herceptin`` is a name of trastuzumab), less when a name only holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from her2guide.search.query import Query

if TYPE_CHECKING:
    from her2guide.search.index import Document

MENTION_IN_DEFINITION_WEIGHT = 0.4
TERM_NAMED_BOOST = 2.0
TERM_SYNONYM_NAMED_BOOST = 1.5
TERM_NAME_PART_WEIGHT = 0.6
TITLE_ABOUT_WEIGHT = 8.0
HEADING_ABOUT_WEIGHT = 3.0
FULL = 0.99


def whole_words(query: Query, *, typed_only: bool = False) -> tuple[str, ...]:
    """The query's pieces as whole words of stored text (one space around every word); with
    ``typed_only``, only the reader's own words (and corrections), not their synonyms."""
    alternatives = [a for a in query.alternatives if not (typed_only and a.anchored)]
    return tuple({f" {p} " for a in alternatives for p in a.pieces})


def _coverage(stored: str, pieces: tuple[str, ...]) -> float:
    """How much of a stored text the query's whole words make up: 1.0 for a heading that is
    just the query, little for a long heading that mentions it. (Plain string search: compiling
    a pattern per keystroke would cost more than the whole search.)"""
    letters = len(stored) - stored.count(" ")
    if not letters:
        return 0.0
    spans = []  # what each occurrence covers: the words, without the spaces around them
    for piece in pieces:
        start = stored.find(piece)
        while start >= 0:
            spans.append((start + 1, start + len(piece) - 1))
            start = stored.find(piece, start + 1)
    matched, covered_to = 0, 0
    for start, end in sorted(spans):
        start = max(start, covered_to)
        if end > start:
            matched += end - start - stored.count(" ", start, end)
            covered_to = end
    return min(1.0, matched / letters)


class Aboutness:
    """How much more a document counts because it is about the query, not just using it.

    A glossary entry counts more when one of its names is the query (``Herceptin`` is a name of
    trastuzumab), less when a name only holds it (``neutropenic fever`` for ``fever``) and little
    when just its definition uses it: BM25 favours short texts, and entries are short. A page
    counts more the more its title and a heading are the query itself.
    """

    def __init__(self, query: Query) -> None:
        self.query = query
        self.whole_words = whole_words(query)
        self.typed = whole_words(query, typed_only=True)
        self.clause_needles = [
            tuple(n for alternative in clause for n in alternative.needles())
            for clause in query.clauses
        ]

    def factor(self, document: Document) -> float:
        if document.kind == "term":
            return self._term(document)
        title = self._about(document.title_text.stored)
        heading = 0.0
        needles = self.query.needles
        if any(needle in document.headings for needle in needles):
            # A heading without a needle is about nothing of the query (leaving out other
            # names only removes needles), so only the headings holding one are weighed.
            headings = (s.heading.stored for s in document.body)
            heading = max(
                (self._about(h) for h in headings if any(n in h for n in needles)), default=0.0
            )
        return 1.0 + TITLE_ABOUT_WEIGHT * title + HEADING_ABOUT_WEIGHT * heading

    def _term(self, document: Document) -> float:
        if not document.title_text.holds(self.query):
            return MENTION_IN_DEFINITION_WEIGHT
        named = [name for name in document.names if _coverage(name, self.whole_words) >= FULL]
        if not named:
            return TERM_NAME_PART_WEIGHT
        boost = TERM_SYNONYM_NAMED_BOOST
        if any(_coverage(name, self.typed) >= FULL for name in named):
            boost = TERM_NAMED_BOOST
        # An entry named after one word of several is about that word, not the whole query.
        names = document.title_text.stored
        held = sum(1 for needles in self.clause_needles if any(n in names for n in needles))
        return boost * held / len(self.clause_needles)

    def _without_other_names(self, stored: str) -> str:
        for name in self.query.other_names:
            if name in stored:
                stored = stored.replace(name, " " + "#" * (len(name) - 2) + " ")
        return stored

    def _about(self, stored: str) -> float:
        """How much a title or heading is about the query: its coverage by the query's words,
        times the share of the query's clauses it holds (one word of two counts half)."""
        stored = self._without_other_names(stored)
        held = sum(1 for needles in self.clause_needles if any(n in stored for n in needles))
        if not held:
            return 0.0
        return _coverage(stored, self.whole_words) * held / len(self.clause_needles)

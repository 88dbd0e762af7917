"""From what the reader typed to what a page must hold: words, synonyms, typos and compounds.

The reader's text is folded into words (see :mod:`her2guide.search.fold`). Each run of words
that names a synonym group becomes one clause with the group's phrases as alternatives; a word
the content does not know is replaced by its correction (see :mod:`her2guide.search.spelling`);
a German compound may also match its parts written apart, and two German words written apart
may match the compound (see :mod:`her2guide.search.compounds`). Small words ("is", "the",
"ich") are left out when the query has others, because pages say the same thing in other words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from her2guide.search.compounds import GENITIVE_WORDS, join, split
from her2guide.search.fold import words
from her2guide.search.spelling import MIN_CORRECTED, Correction, Vocabulary
from her2guide.search.synonyms import Phrase, Synonyms

MIN_QUERY_CHARS = 2

_ENGLISH_SMALL_WORDS = (
    "a an and are am be can could do does did for from get got have has how i if in is it "
    "its me my no not of on or should so that the this to was what when where which who why "
    "will with would you your"
)
_GERMAN_SMALL_WORDS = (
    "aber am an auch auf bei bin bis das dass dem den der des die du ein eine einem einen "
    "einer er es fur hat habe ich ihr im in ist kann man mein meine mich mir mit nach nicht "
    "noch oder sich sie sind so soll uber um und vom von was wann warum welche wenn werde "
    "wie wird wo zu zum zur"
)
STOP_WORDS = {
    "en": frozenset(_ENGLISH_SMALL_WORDS.split()),
    "de": frozenset(_GERMAN_SMALL_WORDS.split()),
}


@dataclass(frozen=True)
class Alternative:
    """Words that must stand in a row (or, if ``apart``, each anywhere in the document);
    ``anchored`` ones only at the start of a word.

    What the reader typed may sit inside a longer word (compound parts); a synonym is anchored,
    so that the abbreviation ``ILD`` does not turn up inside ``bildet``.
    """

    words: Phrase
    anchored: bool = False
    apart: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def pieces(self) -> tuple[str, ...]:
        """What must occur: the phrase, or each of the words that may stand apart."""
        return self.words if self.apart else (self.text,)

    def at_word_start(self, piece: str) -> bool:
        """Two letters form no trigram, so short pieces are looked up as word starts."""
        return self.anchored or len(piece) < 3

    def needles(self) -> tuple[str, ...]:
        """The strings a stored text holds (any of them) where this alternative matches."""
        return tuple(" " + p if self.at_word_start(p) else p for p in self.pieces)

    def fts(self, *, word_start: bool) -> str:
        """As FTS5 MATCH text: the stored text has one space between words, so a phrase's
        words stand side by side; a leading space anchors a piece at the start of a word."""
        strings = [
            f'"{" " if word_start or self.at_word_start(p) else ""}{p}"' for p in self.pieces
        ]
        return strings[0] if len(strings) == 1 else "(" + " AND ".join(strings) + ")"


@dataclass(frozen=True)
class Query:
    """What a result must hold: every clause, and of each clause any one alternative.

    ``corrections`` are the typos that were replaced; ``left_out`` are words no page holds,
    left out so that the others still find something. ``other_names`` are synonyms of other
    things that contain a query word ("trastuzumab deruxtecan" for ``Herceptin``, which finds
    "trastuzumab"): a title naming them is not about the query.
    """

    clauses: tuple[tuple[Alternative, ...], ...]
    corrections: tuple[Correction, ...] = ()
    left_out: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()  # longer names of other things that hold a query word

    @cached_property
    def alternatives(self) -> frozenset[Alternative]:
        return frozenset(alternative for clause in self.clauses for alternative in clause)

    @cached_property
    def hit_pieces(self) -> frozenset[tuple[str, bool]]:
        """Every piece that must occur, and whether only at the start of a word: made once per
        query, not once per result whose snippet is cut."""
        return frozenset((p, a.at_word_start(p)) for a in self.alternatives for p in a.pieces)

    @cached_property
    def needles(self) -> tuple[str, ...]:
        """The strings any of which a stored text holds when it matches some alternative."""
        return tuple(dict.fromkeys(n for a in self.alternatives for n in a.needles()))

    @cached_property
    def _word_starts(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Per clause, per alternative, its pieces as word starts (made once, not per row)."""
        return tuple(
            tuple(tuple(f" {piece}" for piece in a.pieces) for a in clause)
            for clause in self.clauses
        )

    def starts_words(self, *stored: str) -> bool:
        """Whether the stored texts (taken together) hold every clause with each word at the
        start of a word: what :meth:`match_expression` with ``word_start`` matches. A stored
        text begins and ends with a space, so no word start spans two of them."""
        return all(
            any(all(any(s in text for text in stored) for s in starts) for starts in clause)
            for clause in self._word_starts
        )

    def match_expression(self, *, word_start: bool = False) -> str:
        """The FTS5 MATCH text; words are folded ``\\w+`` runs, so quoting is safe."""
        return " AND ".join(
            "(" + " OR ".join(a.fts(word_start=word_start) for a in clause) + ")"
            for clause in self.clauses
        )


def _corrected(
    tokens: list[str], vocabulary: Vocabulary, synonyms: Synonyms, lang: str, typing: bool
) -> tuple[list[str], list[Correction]]:
    """The tokens with every unknown word replaced by its closest known one."""
    corrections = []
    fixed = list(tokens)
    for number, token in enumerate(tokens):
        last = typing and number == len(tokens) - 1
        if len(token) < MIN_CORRECTED or vocabulary.occurs(token):
            continue
        if synonyms.alternatives((token,), lang, typing=last):
            continue
        correction = vocabulary.correct(token, typing=last)
        if correction is not None:
            fixed[number] = correction.best
            corrections.append(correction)
    return fixed, corrections


def _word_clause(token: str, lang: str, vocabulary: Vocabulary | None) -> tuple[Alternative, ...]:
    """A single word, and in German its compound parts written apart."""
    alternatives = [Alternative((token,))]
    if lang == "de" and vocabulary is not None:
        parts = split(token, vocabulary)
        if parts:
            alternatives.append(Alternative(parts, apart=True))
    return tuple(alternatives)


def _joined_clause(
    tokens: list[str], start: int, vocabulary: Vocabulary | None
) -> tuple[int, tuple[Alternative, ...]] | None:
    """Two German words written apart ("Entzündung der Lunge") that the content writes as one
    word: where the run ends, and the clause that accepts either form."""
    if vocabulary is None:
        return None
    following = start + 1
    while following < len(tokens) and tokens[following] in GENITIVE_WORDS:
        following += 1
    if following >= len(tokens) or following - start > 2:
        return None
    first, second = tokens[start], tokens[following]
    joined = join(first, second, genitive=following > start + 1, vocabulary=vocabulary)
    if not joined:
        return None
    return following + 1, (Alternative((first, second), apart=True), Alternative((joined,)))


def plan_query(
    text: str, lang: str, synonyms: Synonyms, vocabulary: Vocabulary | None = None
) -> Query:
    """Folds the reader's text into words and adds the synonyms each run of words names.

    A trailing space means the last word is complete; otherwise it may still grow, so it also
    names the synonym groups it begins (``Enher`` → Enhertu, T-DXd, ...). A lone letter is too
    little to search for, but it may finish a phrase (``shortness of b``). With a
    ``vocabulary``, typos are corrected and German compounds split and joined.
    """
    tokens = words(text, lang)
    typing = bool(text) and not text[-1].isspace()
    corrections: list[Correction] = []
    if vocabulary is not None:
        tokens, corrections = _corrected(tokens, vocabulary, synonyms, lang, typing)
    stop = STOP_WORDS.get(lang, frozenset())
    if all(token in stop for token in tokens):
        stop = frozenset()
    clauses: list[tuple[Alternative, ...]] = []
    start = 0
    while start < len(tokens):
        end = synonyms.longest_span(tokens, start, lang, typing=typing)
        joined = None
        if not end and lang == "de" and tokens[start] not in stop:
            joined = _joined_clause(tokens, start, vocabulary)
        if end:
            span = tuple(tokens[start:end])
            still_typing = typing and end == len(tokens)
            found = synonyms.alternatives(span, lang, typing=still_typing)
            alternatives = [Alternative(span), *(Alternative(p, anchored=True) for p in found)]
            if len(span) == 1:
                alternatives += _word_clause(span[0], lang, vocabulary)[1:]
            clauses.append(tuple(dict.fromkeys(alternatives)))
            start = end
        elif joined is not None:
            start, clause = joined
            clauses.append(clause)
        else:
            token = tokens[start]
            if len(token) >= MIN_QUERY_CHARS and token not in stop:
                clauses.append(_word_clause(token, lang, vocabulary))
            start += 1
    pieces = {p for clause in clauses for a in clause for p in a.pieces}
    other_names = synonyms.other_names(pieces, lang)
    return Query(tuple(clauses), tuple(corrections), other_names=other_names)

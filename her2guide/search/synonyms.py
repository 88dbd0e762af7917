"""Synonym groups for search: brand, generic name, abbreviation and code, lay and technical words.

The groups live in ``content/synonyms.yaml`` beside the language folders, because drug names and
codes are the same in both languages and a German reader may well type an English word (or the
other way round). A query that names one member of a group also finds the others.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from her2guide.content.model import Problem
from her2guide.content.pages import EntryFields, parse_entries
from her2guide.search.fold import words

SYNONYMS_FILE = "synonyms.yaml"
SYNONYM_KEYS = ("id", "terms")
MIN_PREFIX = 4


@dataclass(frozen=True)
class SynonymGroup:
    id: str
    terms: tuple[str, ...]


def parse_synonyms(path: Path) -> tuple[list[SynonymGroup], list[Problem]]:
    """The groups of a synonyms file and every problem in it; a missing file means no synonyms."""
    if not path.exists():
        return [], []
    seen: dict[tuple[str, ...], str] = {}

    def build(fields: EntryFields) -> SynonymGroup | None:
        group_id = fields.data["id"]
        terms = fields.text_list("terms", None)
        usable = []
        for term in terms:
            key = tuple(words(term, "en"))
            if not key:
                fields.fail("terms", f"synonym '{term}' has no letters or digits")
            elif key in seen:
                other = seen[key]
                where = "twice in this group" if other == group_id else f"also in group '{other}'"
                fields.fail("terms", f"synonym '{term}' is {where}")
            else:
                seen[key] = group_id
                usable.append(term)
        if terms and len(terms) < 2:
            fields.fail("terms", "a synonym group needs at least two terms")
        return SynonymGroup(group_id, tuple(usable)) if len(usable) >= 2 else None

    return parse_entries(path, SYNONYM_KEYS, build)


Phrase = tuple[str, ...]


class Synonyms:
    """Looks up the groups a run of folded query words names, per language (folding differs)."""

    def __init__(self, groups: list[SynonymGroup]) -> None:
        self.groups = groups
        self._phrases: dict[str, list[tuple[Phrase, int]]] = {}
        self._exact: dict[str, dict[Phrase, set[int]]] = {}
        self._joined: dict[str, list[tuple[str, int]]] = {}
        self._by_word: dict[str, dict[str, list[tuple[str, int]]]] = {}
        self._of_group: dict[str, list[list[Phrase]]] = {}  # each group's phrases, in order
        self._longest: dict[str, int] = {}  # words in the longest phrase

    def _table(self, lang: str) -> list[tuple[Phrase, int]]:
        if lang not in self._phrases:
            table = [
                (tuple(words(term, lang)), number)
                for number, group in enumerate(self.groups)
                for term in group.terms
            ]
            self._phrases[lang] = table
            exact: dict[Phrase, set[int]] = {}
            for phrase, number in table:
                exact.setdefault(phrase, set()).add(number)
            self._exact[lang] = exact
            self._joined[lang] = sorted((" ".join(phrase), number) for phrase, number in table)
            by_word: dict[str, list[tuple[str, int]]] = {}
            for phrase, number in table:
                if len(phrase) > 1:
                    for word in set(phrase):
                        by_word.setdefault(word, []).append((f" {' '.join(phrase)} ", number))
            self._by_word[lang] = by_word
            of_group: list[list[Phrase]] = [[] for _group in self.groups]
            for phrase, number in table:
                of_group[number].append(phrase)
            self._of_group[lang] = of_group
            self._longest[lang] = max(map(len, exact), default=0)
        return self._phrases[lang]

    def alternatives(self, span: Phrase, lang: str, *, typing: bool) -> list[Phrase]:
        """Every phrase of every group that ``span`` names, as folded words.

        An exact match wins. While the reader is still typing the span's last word, a span of at
        least ``MIN_PREFIX`` characters that begins a synonym names that group too.
        """
        self._table(lang)
        numbers = self._exact[lang].get(span, set())
        text = " ".join(span)
        if not numbers and typing and span and len(text) >= MIN_PREFIX:
            # Words hold no spaces, so a phrase begins with the span exactly when its text does.
            joined = self._joined[lang]
            start = bisect.bisect_left(joined, (text, -1))
            numbers = set()
            for phrase_text, number in joined[start:]:
                if not phrase_text.startswith(text):
                    break
                numbers.add(number)
        of_group = self._of_group[lang]
        return [phrase for number in sorted(numbers) for phrase in of_group[number]]

    def other_names(self, pieces: set[str], lang: str) -> tuple[str, ...]:
        """The phrases that hold one of ``pieces`` as a shorter part but belong to a group none
        of the pieces names, each with a space around it (as the index stores text)."""
        self._table(lang)
        exact = self._exact[lang]
        named = {n for piece in pieces for n in exact.get(tuple(piece.split(" ")), ())}
        by_word = self._by_word[lang]
        found = {
            text
            for piece in pieces
            for text, number in by_word.get(piece.split(" ")[0], ())
            if number not in named and f" {piece} " in text
        }
        return tuple(sorted(found))

    def longest_span(self, tokens: list[str], start: int, lang: str, *, typing: bool) -> int:
        """Where the longest run of ``tokens`` from ``start`` that names a group ends (0: none)."""
        self._table(lang)
        longest = self._longest[lang]
        for end in range(min(len(tokens), start + longest), start, -1):
            still_typing = typing and end == len(tokens)
            if self.alternatives(tuple(tokens[start:end]), lang, typing=still_typing):
                return end
        return 0

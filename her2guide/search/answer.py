"""What a search tells the reader besides its results: corrections, choices, ways on.

A corrected typo is shown in the text as the reader wrote it ("enhertoo side effects" →
"Enhertu side effects"); a correction that is not sure comes with the other readings; a search
that finds nothing names the closest known terms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from her2guide.search.fold import fold, words
from her2guide.search.query import STOP_WORDS, Query
from her2guide.search.spelling import Vocabulary

if TYPE_CHECKING:
    from her2guide.search.index import SearchResult

MAX_CLOSEST = 5
MIN_CLOSEST_WORD = 4

_WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class Answer:
    """The results of a search and what to tell the reader about them.

    ``corrected``: the text as searched, when typos were corrected ("" otherwise);
    ``suggestions``: the readings of a correction that is not sure, the searched one first
    ("Did you mean …?"); ``left_out``: words no page holds, left out of the search;
    ``closest``: known terms close to what was typed, offered when nothing is found.
    """

    results: list[SearchResult]
    corrected: str = ""
    suggestions: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()
    closest: tuple[str, ...] = ()


def replace_words(text: str, lang: str, fixes: Mapping[str, str]) -> str:
    """``text`` with each word whose folded form is a key of ``fixes`` replaced."""
    return _WORD_RUN.sub(lambda m: fixes.get(fold(m.group(), lang), m.group()), text)


def explain(
    text: str,
    langs: Sequence[str],
    queries: Mapping[str, Query],
    results: list[SearchResult],
    vocabularies: Mapping[str, Vocabulary],
) -> Answer:
    """The answer, with how the text was read in the first language that corrected it."""
    lang = next((lang for lang in langs if lang in queries and queries[lang].corrections), "")
    corrected, suggestions = "", ()
    if lang:
        vocabulary = vocabularies[lang]
        corrections = queries[lang].corrections
        fixes = {c.word: vocabulary.written(c.best) for c in corrections}
        corrected = replace_words(text, lang, fixes).strip()
        unsure = [c for c in corrections if not c.sure]
        if unsure:
            first = unsure[0]
            suggestions = tuple(
                replace_words(text, lang, {**fixes, first.word: vocabulary.written(o)}).strip()
                for o in (first.best, *first.others)
            )
    left_out = next((q.left_out for q in queries.values() if q.left_out), ())
    closest: tuple[str, ...] = ()
    if not results and langs:
        reader = langs[0]
        typed = [
            w
            for w in words(text, reader)
            if len(w) >= MIN_CLOSEST_WORD and w not in STOP_WORDS.get(reader, ())
        ]
        names = (name for word in typed for name in vocabularies[reader].nearest(word))
        closest = tuple(dict.fromkeys(names))[:MAX_CLOSEST]
    return Answer(results, corrected, suggestions, left_out, closest)

"""Typo tolerance: the words the content knows, and the closest of them to a word it does not.

The vocabulary of a language is every folded word of its pages and glossary, and every word of
the synonyms (so ``birth`` and ``Kadcyla`` are known even where a page does not use them). A
word the index cannot find anywhere (not even inside a longer word) is compared with the
vocabulary: candidates share a trigram with it, and the closest by edit distance (a swap of two
letters counts as one edit) win, the more frequent and the names (drugs, glossary terms) first.
Drug names with one or two typos (``enhertoo``, ``trastuzamab``, ``Kadcila``) come back right.

A correction is *sure* when one word is clearly closest; otherwise the search shows the best
guess and asks "Did you mean …?" with the others.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from her2guide.search.fold import fold

MIN_CORRECTED = 4  # shorter words are left alone: too many words lie one edit away
MAX_CANDIDATES = 40
MAX_SUGGESTIONS = 3
MIN_SIMILARITY = 0.2  # share of letter triples for a "closest term"
NAME_BONUS = 3  # a name (drug, glossary term) counts as if it were used this many times more

_SURFACE = re.compile(r"\w[\w\u00ad-]*\w|\w")
_WORD = re.compile(r"\w+")


def allowed_edits(word: str) -> int:
    """How many typos a word may hold: one in a short word, two in a long one."""
    return 0 if len(word) < MIN_CORRECTED else 1 if len(word) < 7 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edit distance with swaps of neighbours (optimal string alignment); ``limit + 1`` once it
    is certain to exceed ``limit``, which keeps the comparisons cheap."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@dataclass(frozen=True)
class Correction:
    """What a word was corrected to: the best guess, whether it is sure, and other guesses."""

    word: str
    best: str
    sure: bool
    others: tuple[str, ...] = ()


class Vocabulary:
    """The folded words of one language, with how often each occurs and how it is written."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._counts: Counter[str] = Counter()
        self._names: set[str] = set()
        self._written: dict[str, Counter[str]] = {}
        self._raw: Counter[str] = Counter()  # written words not yet folded
        self._raw_names: set[str] = set()
        self._by_trigram: dict[str, list[str]] | None = None
        self._sorted: list[str] = []
        self._joined = ""
        self._cache: dict[tuple[str, bool], Correction | None] = {}

    def add_text(self, original: str, *, name: bool = False) -> None:
        """Counts the words of an original text; a ``name`` is a drug or glossary term."""
        written = _SURFACE.findall(original)
        self._raw.update(written)
        if name:
            self._raw_names.update(written)
        self._by_trigram = None

    def add_texts(self, originals: Iterable[str], *, name: bool = False) -> None:
        for original in originals:
            self.add_text(original, name=name)

    def prepare(self) -> dict[str, list[str]]:
        """Folds the words (each written form once) and indexes them by letter triples; once,
        after the last text was added."""
        if self._by_trigram is None:
            for written, count in self._raw.items():
                folded = fold(written, self.lang)
                for word in _WORD.findall(folded):
                    self._counts[word] += count
                    if written in self._raw_names:
                        self._names.add(word)
                    if word == folded:
                        self._written.setdefault(word, Counter())[
                            written.replace("\u00ad", "")
                        ] += count
            self._raw.clear()
            index: dict[str, list[str]] = {}
            for word in self._counts:
                if len(word) >= MIN_CORRECTED - 1:
                    for gram in _trigrams(word):
                        index.setdefault(gram, []).append(word)
            self._by_trigram = index
            self._sorted = sorted(self._counts)
            self._joined = " " + " ".join(self._sorted) + " "
            self._cache.clear()
        return self._by_trigram

    def rows(self) -> Iterator[tuple[str, int, bool, str]]:
        """Each folded word with its count, whether it is a name, and how it is usually written:
        what :meth:`from_rows` needs to make the same vocabulary again (the index file keeps it)."""
        self.prepare()
        for word, count in self._counts.items():
            yield word, count, word in self._names, self.written(word)

    @classmethod
    def from_rows(cls, lang: str, rows: Iterable[tuple[str, int, bool, str]]) -> Vocabulary:
        """The vocabulary that :meth:`rows` gave; its letter triples are indexed on first use."""
        vocabulary = cls(lang)
        for word, count, name, written in rows:
            vocabulary._counts[word] = count
            if name:
                vocabulary._names.add(word)
            if written != word:
                vocabulary._written[word] = Counter({written: count})
        return vocabulary

    def __contains__(self, word: str) -> bool:
        self.prepare()
        return word in self._counts

    def occurs(self, word: str) -> bool:
        """Whether ``word`` occurs anywhere, also inside a longer word (as the index finds it)."""
        self.prepare()
        return word in self._joined

    def begins_a_word(self, part: str, *, besides: str = "") -> bool:
        """Whether some word of the vocabulary starts with ``part``; with ``besides``, some word
        that does not also start with that (the compound being split does not count)."""
        self.prepare()
        position = bisect.bisect_left(self._sorted, part)
        for word in self._sorted[position:]:
            if not word.startswith(part):
                return False
            if not besides or not word.startswith(besides):
                return True
        return False

    def written(self, word: str) -> str:
        """How the text usually writes a folded word (``enhertu`` → ``Enhertu``)."""
        self.prepare()
        forms = self._written.get(word)
        return forms.most_common(1)[0][0] if forms else word

    def nearest(self, word: str, count: int = 3) -> list[str]:
        """The names (drugs, glossary terms) that share the most letter triples with ``word``,
        as written; the closest terms offered when nothing is found."""
        index = self.prepare()
        grams = _trigrams(word)
        shared: Counter[str] = Counter()
        for gram in grams:
            shared.update(w for w in index.get(gram, ()) if w in self._names)
        scored = sorted(
            (-overlap / len(grams | _trigrams(name)), -self._counts[name], name)
            for name, overlap in shared.items()
            if name != word and overlap / len(grams | _trigrams(name)) >= MIN_SIMILARITY
        )
        return [self.written(name) for _score, _count, name in scored[:count]]

    def correct(self, word: str, *, typing: bool = False) -> Correction | None:
        """The closest known words to an unknown ``word``; ``typing`` compares with the starts
        of longer words too, since the reader may not have finished it. None: nothing close."""
        key = (word, typing)
        if key not in self._cache:
            self._cache[key] = self._correct(word, typing)
        return self._cache[key]

    def _correct(self, word: str, typing: bool) -> Correction | None:
        limit = allowed_edits(word)
        if not limit:
            return None
        index = self.prepare()
        shared: Counter[str] = Counter()
        for gram in _trigrams(word):
            shared.update(index.get(gram, ()))
        distances: list[tuple[int, bool, int, str]] = []
        for candidate, _count in shared.most_common(MAX_CANDIDATES * 4):
            if len(candidate) < MIN_CORRECTED:
                continue
            whole = edit_distance(word, candidate, limit)
            distance = whole
            if typing and len(candidate) > len(word):
                distance = min(whole, edit_distance(word, candidate[: len(word)], limit))
            if distance <= limit:
                weight = self._counts[candidate] + NAME_BONUS * (candidate in self._names)
                distances.append((distance, whole > distance, -weight, candidate))
        if not distances:
            return None
        distances.sort()
        best_distance, _start, _weight, best = distances[0]
        # Longer words that begin with the best guess are no rivals: the reader may still type.
        others = [(d, c) for d, _s, _w, c in distances[1:] if not c.startswith(best)]
        rivals = [c for d, c in others if d == best_distance]
        sure = not rivals and (best_distance == 1 or len(word) >= 7)
        others = tuple(c for _d, c in others[: MAX_SUGGESTIONS - 1])
        return Correction(word, best, sure, others)

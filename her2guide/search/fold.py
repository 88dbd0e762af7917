"""Folding: the spelling search compares, so that case, accents, umlauts and hyphens never matter.

German readers type umlauts three ways (``Übelkeit``, ``Uebelkeit``, ``Ubelkeit``); all three fold
to ``ubelkeit``. ``ß`` folds to ``ss``. Hyphens are dropped, so ``T-DXd`` and ``TDXd`` are the same
and the parts of ``Antikörper-Wirkstoff-Konjugat`` are found inside one folded word. The German
digraph rule (``ae``/``oe``/``ue`` → ``a``/``o``/``u``, as in Lucene's German normaliser) applies
to German text only: in English it would merge words such as ``does`` and ``dos``.

:func:`fold` is the fast path for whole texts; :func:`fold_with_offsets` gives the same text plus
where each folded character came from, so that a hit found in folded text can be shown (and
highlighted) in the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_DROPPED = "-\u2010\u2011\u00ad"
_DROP_TABLE = str.maketrans("", "", _DROPPED)
_GERMAN_DIGRAPH = re.compile("(?<!q)ue|ae|oe")
_WORD = re.compile(r"\w+")
_ASCII_RUN = re.compile("[\x00-\x2c\x2e-\x7f]+")  # ASCII but the hyphen


def fold(text: str, lang: str) -> str:
    """The folded form of ``text`` as written in language ``lang``."""
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))
    folded = folded.translate(_DROP_TABLE)
    if lang == "de":
        folded = _GERMAN_DIGRAPH.sub(lambda m: m.group(0)[0], folded)
    return folded


def words(text: str, lang: str) -> list[str]:
    """The folded words of ``text``: what a query is made of."""
    return _WORD.findall(fold(text, lang))


@dataclass(frozen=True)
class Folded:
    """A folded text that remembers which original characters each folded character stands for."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind the folded span ``[start, end)``."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]


def _fold_char(char: str) -> str:
    return _COMBINING.sub("", unicodedata.normalize("NFKD", char.casefold())).translate(_DROP_TABLE)


def fold_with_offsets(text: str, lang: str) -> Folded:
    """Like :func:`fold`, with the original span of every folded character.

    ASCII runs (the bulk of any text) fold by ``lower()`` one to one; only the other characters
    are folded one by one, which keeps this fast enough to run while the reader types.
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def single(index: int) -> None:
        folded_char = _fold_char(text[index])
        pieces.append(folded_char)
        starts.extend([index] * len(folded_char))
        ends.extend([index + 1] * len(folded_char))

    position = 0
    for run in _ASCII_RUN.finditer(text):
        for index in range(position, run.start()):
            single(index)
        pieces.append(run.group().lower())
        starts.extend(range(run.start(), run.end()))
        ends.extend(range(run.start() + 1, run.end() + 1))
        position = run.end()
    for index in range(position, len(text)):
        single(index)
    folded = "".join(pieces)
    if lang == "de":
        dropped = {m.start() + 1 for m in _GERMAN_DIGRAPH.finditer(folded)}
        if dropped:
            for index in dropped:
                ends[index - 1] = ends[index]
            kept = [i for i in range(len(folded)) if i not in dropped]
            folded = "".join(folded[i] for i in kept)
            starts = [starts[i] for i in kept]
            ends = [ends[i] for i in kept]
    return Folded(text, folded, tuple(starts), tuple(ends))

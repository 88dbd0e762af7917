"""German compounds, split and joined against the content's own words.

German writes one idea as one word or as several: "Zweitlinie" or "zweite Linie",
"Lungenentzündung" or "Entzündung der Lunge". :func:`split` cuts a long query word into parts
that the content knows (each part a word of the content or the start of one, joined by the usual
linking letters ``s``, ``n``, ``en``, ``es``, ``e``), so that a page holding the parts apart is
found. :func:`join` does the reverse for a query written apart: "Entzündung der Lunge" also
looks for "lungenentzundung", if the content has that word.
"""

from __future__ import annotations

from functools import cache

from her2guide.search.spelling import Vocabulary

MIN_COMPOUND = 9  # shorter words are rarely compounds worth splitting
MIN_PART = 4
LINKS = ("es", "en", "er", "s", "n", "e", "")  # longest first: the shortest stem matches most
ENDINGS = ("en", "er", "es", "e", "n", "s", "")  # an adjective or plural before a head noun
GENITIVE_WORDS = frozenset({"der", "des", "die", "das", "dem", "den", "von", "vom", "im", "am"})


def split(word: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The parts of a compound (at least two), fewest first; ``()`` if it does not split."""
    if len(word) < MIN_COMPOUND:
        return ()

    def known(part: str) -> bool:
        return len(part) >= MIN_PART and vocabulary.begins_a_word(part, besides=word)

    @cache
    def parts(rest: str) -> tuple[str, ...] | None:
        # The last part may end a word of the content ("linie" in "Therapielinie").
        if rest != word and (known(rest) or (len(rest) >= MIN_PART and vocabulary.occurs(rest))):
            return (rest,)
        best: tuple[str, ...] | None = None
        for end in range(len(rest) - MIN_PART, MIN_PART - 1, -1):
            head = rest[:end]
            for link in LINKS:
                if link and not head.endswith(link):
                    continue
                stem = head[: len(head) - len(link)] if link else head
                if not known(stem):
                    continue
                tail = parts(rest[end:])
                if tail and (best is None or len(tail) + 1 < len(best)):
                    best = (stem, *tail)
            if best is not None and len(best) == 2:
                break
        return best

    found = parts(word)
    return found if found and len(found) > 1 else ()


def join(first: str, second: str, *, genitive: bool, vocabulary: Vocabulary) -> str:
    """The compound the content uses for two words written apart, or ``""``.

    ``genitive`` words ("Entzündung der Lunge") join the other way round: Lunge + n + Entzündung.
    Otherwise the first word loses its ending ("zweite Linie" → "zweitlinie").
    """
    if genitive:
        for link in LINKS:
            joined = second + link + first
            if joined in vocabulary:
                return joined
        return ""
    for ending in ENDINGS:
        if ending and not first.endswith(ending):
            continue
        stem = first[: len(first) - len(ending)] if ending else first
        for link in LINKS:
            joined = stem + link + second
            if len(stem) >= MIN_PART - 1 and joined in vocabulary:
                return joined
    return ""

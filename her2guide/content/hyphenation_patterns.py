"""Pyphen's hyphenation patterns, each one parsed when a word first needs it.

``pyphen.HyphDict`` parses every pattern of a dictionary when it is loaded: about 0.1 s for
English and over a second for German, all of it on the first start's path (the start page is
rendered and hyphenated before the first paint when the content cache is empty). A page needs a
few hundred of the tens of thousands of patterns, so here loading only files each pattern line
under its letters, and the line is parsed as pyphen parses it when a word's letters ask for it.
The points found are pyphen's own: :class:`PatternsOnDemand` is given to pyphen as its
dictionary, and pyphen's ``positions`` does the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyphen

_DIGITS = re.compile(r"\d")

Pattern = tuple[int, tuple[int, ...]]
"""Where a pattern's values start in the pattern's letters, and the values (pyphen's form)."""


def _parsed(line: str) -> tuple[str, Pattern | None]:
    """A pattern line's letters and its values as ``pyphen.HyphDict`` stores them; None when all
    of its values are zero (pyphen leaves those out)."""
    line = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), line)
    factory: object = int
    if "/" in line and "=" in line:  # a nonstandard hyphenation ("ck" becomes "k-k")
        line, alternative = line.split("/", 1)
        factory = pyphen.AlternativeParser(line, alternative)
    pairs = [(letters, factory(digit or "0")) for digit, letters in pyphen.parse(line)]  # type: ignore[operator]
    key = "".join(letters for letters, _value in pairs)
    values = tuple(value for _letters, value in pairs)
    if max(values) == 0:
        return key, None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return key, (start, values[start:end])


class _Table:
    """The patterns by their letters, parsed on first use (``get`` is all pyphen asks of it)."""

    def __init__(self, lines: dict[str, str], parsed: dict[str, Pattern | None]) -> None:
        self.lines = lines
        self.parsed = parsed

    def get(self, key: str) -> Pattern | None:
        if key in self.parsed:
            return self.parsed[key]
        line = self.lines.get(key)
        pattern = None if line is None else _parsed(line)[1]
        self.parsed[key] = pattern
        return pattern


def _without_digits(text: str) -> str:
    """``text`` without its digits 0-9, the values in a pattern file (libhyphen's format has no
    others); at C speed: a regular expression's substitution per digit took 0.1 s for German."""
    return text.encode().translate(None, b"0123456789").decode()


def _filed(raw_lines: list[str]) -> tuple[dict[str, str], dict[str, Pattern | None]]:
    """The pattern lines by their letters, and the few lines parsed already, as pyphen would
    have them.

    Most lines are the only one with their letters: those are filed in one sweep at C speed (a
    line by line loop took 0.2 s for German, on the first start's path). The lines that share
    their letters with others, and the rare ones whose letters need care ("/", "^^"), are then
    filed one by one in their order, as pyphen does; each line only touches its own letters'
    entry, so the order among different letters does not matter.
    """
    candidates = [
        line for line in map(str.strip, raw_lines) if line and not line.startswith(pyphen.ignored)
    ]
    joined = "\n".join(candidates)
    keys = _without_digits(joined).split("\n")
    lines = dict(zip(keys, candidates, strict=True))
    parsed: dict[str, Pattern | None] = {}
    if len(lines) == len(candidates) and "/" not in joined and "^^" not in joined:
        return lines, parsed
    careful = {
        key for key, count in Counter(keys).items() if count > 1 or "/" in key or "^^" in key
    }
    for key in careful:
        lines.pop(key, None)
    for key, line in zip(keys, candidates, strict=True):
        if key not in careful:
            continue
        if "/" in line or "^^" in line:
            letters, pattern = _parsed(line)
            if pattern is not None:
                parsed[letters] = pattern
                lines.pop(letters, None)
            continue
        # pyphen keeps the last of several lines with the same letters that has a value
        if key not in lines or _parsed(line)[1] is not None:
            lines[key] = line
            parsed.pop(key, None)
    return lines, parsed


class PatternsOnDemand(pyphen.HyphDict):  # type: ignore[misc]
    """A ``pyphen.HyphDict`` whose patterns are parsed when first looked up."""

    def __init__(self, path: Path) -> None:  # pyphen's own loading is left out on purpose
        with path.open("rb") as file:
            encoding = file.readline().decode().strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        self.patterns = _Table(*_filed(path.read_text(encoding).split("\n")[1:]))
        self.cache: dict[str, list[int]] = {}
        self.maxlen = max(map(len, [*self.patterns.lines, *self.patterns.parsed]))


def hyphenator(dictionary: str, left: int, right: int) -> pyphen.Pyphen:
    """``pyphen.Pyphen(lang=dictionary, left=left, right=right)``, on patterns parsed on
    demand."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(dictionary)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = PatternsOnDemand(path)
    return pyphen.Pyphen(lang=dictionary, left=left, right=right)

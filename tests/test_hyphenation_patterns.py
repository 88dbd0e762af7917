"""Patterns parsed on demand find exactly the points pyphen's own loading finds."""

from __future__ import annotations

import re

import pyphen
import pytest

from her2guide.content.hyphenation_patterns import PatternsOnDemand
from her2guide.paths import content_dir


@pytest.mark.parametrize(("lang", "dictionary"), [("en", "en_US"), ("de", "de_DE")])
def test_every_word_of_the_content_breaks_where_pyphen_breaks_it(
    lang: str, dictionary: str
) -> None:
    words: set[str] = set()
    for path in (content_dir() / lang).iterdir():
        words |= set(re.findall(r"[^\W\d_]{3,}", path.read_text(encoding="utf-8")))
    words |= {"backstreet", "Zucker", "Schiffahrt", "Rückkehr"}  # nonstandard breaks in de
    path = pyphen.LANGUAGES[dictionary]
    on_demand, loaded = PatternsOnDemand(path), pyphen.HyphDict(path)
    for word in sorted(words):
        expected = [(int(point), point.data) for point in loaded.positions(word)]
        assert [(int(point), point.data) for point in on_demand.positions(word)] == expected, word


@pytest.mark.parametrize("dictionary", ["en_US", "de_DE"])
def test_every_pattern_is_filed_as_pyphen_files_it(dictionary: str) -> None:
    """The same value for every pattern's letters (none where pyphen keeps none) and the same
    longest pattern, also where several lines share their letters."""
    path = pyphen.LANGUAGES[dictionary]
    on_demand, loaded = PatternsOnDemand(path), pyphen.HyphDict(path)
    assert {key: on_demand.patterns.get(key) for key in loaded.patterns} == loaded.patterns
    filed = set(on_demand.patterns.lines) | set(on_demand.patterns.parsed)
    assert all(on_demand.patterns.get(key) is None for key in filed - set(loaded.patterns))
    assert on_demand.maxlen == loaded.maxlen

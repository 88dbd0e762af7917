"""Search-as-you-type speed of the search index, over the whole content, in English and German.

Types each query letter by letter, as a reader would, and searches after every keystroke the way
the search field does (ranking, snippets and all): the field cuts snippets for the rows it shows,
so the snippets of the first :data:`SHOWN` results are cut here.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from her2guide.content.library import Library
from her2guide.i18n import LANGUAGES
from her2guide.paths import resources_dir
from her2guide.search.index import SearchIndex
from her2guide.search.relevance import Outcome, evaluate, load
from her2guide.search.store import FILE_NAME
from her2guide.search.synonyms import SYNONYMS_FILE

JUDGED_QUERIES = Path(__file__).resolve().parent.parent / "tests" / "search_relevance.yaml"

QUERIES = {
    "en": [
        "trastuzumab deruxtecan",
        "Enhertu",
        "breathlessness",
        "shortness of breath",
        "brain metastases",
        "diarrhoea",
        "heart ultrasound",
        "what is HER2",
        "T-DM1 platelets",
    ],
    "de": [
        "Übelkeit",
        "Uebelkeit",
        "Lungenentzündung",
        "Entzündung",
        "Hirnmetastasen",
        "Durchfall",
        "Herzultraschall",
        "Kadcyla Blutplättchen",
        "Wirkstoff-Konjugat",
    ],
}
# Results the search field shows without scrolling (70 % of an 800-pixel window, at least); their
# snippets are cut with the search.
SHOWN = 8
# What is searched: the reader's language alone, and both languages at once.
CASES = {"en": ("en",), "de": ("de",), "both": ("en", "de")}


@dataclass(frozen=True)
class Timings:
    """Milliseconds: median, 90th percentile and worst of a set of measurements."""

    median: float
    p90: float
    worst: float
    count: int

    @classmethod
    def of(cls, samples: Iterable[float]) -> Timings:
        ordered = sorted(samples)
        return cls(
            median=statistics.median(ordered),
            p90=ordered[int(len(ordered) * 0.9)],
            worst=ordered[-1],
            count=len(ordered),
        )


def keystrokes(query: str) -> list[str]:
    """What the field holds after each keystroke of typing ``query``."""
    return [query[:end] for end in range(1, len(query) + 1)]


def typed(langs: Iterable[str]) -> list[str]:
    """Every keystroke of every query of the given languages, in order."""
    return [text for lang in langs for query in QUERIES[lang] for text in keystrokes(query)]


@dataclass(frozen=True)
class Searched:
    """The index build per language (ms, as the worker makes the kept file), the first search of
    a new run that opens the kept files (ms, both languages), and the time per keystroke."""

    builds: dict[str, float]
    first_search: float
    per_keystroke: dict[str, Timings]


def search_shown(index: SearchIndex, text: str, langs: Sequence[str]) -> None:
    """A search as the field makes it: the results ranked, the snippets of those shown cut."""
    for result in index.search(text, langs)[:SHOWN]:
        result.snippet  # noqa: B018 - cut, as the list does when it shows the row


def measure_search(
    content: Path,
    rounds: int,
    cases: Iterable[str] = tuple(CASES),
    cache: Path | None = None,
) -> Searched:
    """The index build and first search and the time per keystroke for each case; ``cache`` is
    a content cache folder, as the app's, to read the content from and keep the index in."""
    library = Library(content, resources_dir(), cache=cache)
    for lang in LANGUAGES:
        library.language(lang)

    def kept_at(lang: str) -> Path | None:
        path = library.kept_file(lang, FILE_NAME)
        return path if cache is not None else None

    builder = SearchIndex(library.language, content / SYNONYMS_FILE, kept_at)
    builder.synonyms  # noqa: B018 - read the synonyms file outside the timed build
    builds = {}
    for lang in LANGUAGES:
        path = kept_at(lang)
        if path is not None:
            path.unlink(missing_ok=True)
        start = time.perf_counter()
        builder.build(lang)
        builds[lang] = (time.perf_counter() - start) * 1000
    index = SearchIndex(library.language, content / SYNONYMS_FILE, kept_at)
    start = time.perf_counter()
    search_shown(index, typed(LANGUAGES)[0], LANGUAGES)
    first_search = (time.perf_counter() - start) * 1000
    per_keystroke = {}
    for case in cases:
        langs = CASES[case]
        times = []
        for _round in range(rounds):
            for text in typed(langs):
                start = time.perf_counter()
                search_shown(index, text, langs)
                times.append((time.perf_counter() - start) * 1000)
        per_keystroke[case] = Timings.of(times)
    return Searched(builds, first_search, per_keystroke)


def measure_relevance(content: Path, cache: Path | None = None) -> Outcome:
    """How often the right page comes first (and in the first three) for the judged queries
    of tests/search_relevance.yaml, searched over ``content``."""
    library = Library(content, resources_dir(), cache=cache)
    index = SearchIndex(library.language, content / SYNONYMS_FILE)
    return evaluate(index, load(JUDGED_QUERIES))

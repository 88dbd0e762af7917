"""Search-as-you-type speed over the whole shipped content, in English and German.

Types each query letter by letter, as a reader would, and searches after every keystroke the way
the search field does (ranking, snippets and all). Prints the index build time per language and
the median, 90th percentile and worst time per keystroke, for each language alone and for both.
Usage: python benchmarks/search.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.search.index import SearchIndex
from her2guide.search.synonyms import SYNONYMS_FILE

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


def keystrokes(query: str) -> list[str]:
    return [query[:end] for end in range(1, len(query) + 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times to type every query")
    args = parser.parse_args()

    library = Library(content_dir(), resources_dir())
    for lang in QUERIES:
        library.language(lang)
    index = SearchIndex(library.language, content_dir() / SYNONYMS_FILE)
    index.synonyms  # noqa: B018 - read the synonyms file outside the timed keystrokes
    for lang in QUERIES:
        start = time.perf_counter()
        documents = index.build(lang)
        print(f"index build {lang}: {(time.perf_counter() - start) * 1000:6.1f} ms "
              f"({documents} documents)")  # fmt: skip

    cases = {"en": ("en",), "de": ("de",), "both": ("en", "de")}
    for name, langs in cases.items():
        typed = [
            text
            for lang in langs
            for query in QUERIES[lang]
            for text in keystrokes(query)
        ]  # fmt: skip
        times = []
        for _round in range(args.rounds):
            for text in typed:
                start = time.perf_counter()
                index.search(text, langs)
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(
            f"per keystroke, {name:4}: median {statistics.median(times):5.2f} ms, "
            f"p90 {times[int(len(times) * 0.9)]:5.2f} ms, max {times[-1]:5.2f} ms "
            f"({len(typed)} keystrokes x {args.rounds})"
        )


if __name__ == "__main__":
    main()

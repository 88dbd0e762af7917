"""How long a nurse waits for a handout: composing, drawing the timeline and writing the PDF.

Builds the handout the way File → Print a handout does (red-flag card, two pages, the treatment
path with "you are here", a question list), in one language and in both, and prints the median
time per step and the number of pages. Usage: python benchmarks/print_handout.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from her2guide.app import create_application
from her2guide.care_card import ClinicContact
from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.printing.handout import HandoutOptions, compose_handout
from her2guide.printing.paint import pdf_printer, print_sections
from her2guide.questions import QuestionList
from her2guide.timeline.loader import load_timeline
from her2guide.ui.print_support import make_job

CLINIC = ClinicContact("Brustzentrum Musterstadt, Station 4", "030 1234 5678")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    create_application()
    timelines = {
        lang: load_timeline(content_dir() / lang / "timeline.yaml")[0] for lang in ("en", "de")
    }
    questions = QuestionList()
    questions.add("How often will my heart be checked?")
    with tempfile.TemporaryDirectory() as folder:
        for languages in (("en",), ("en", "de")):
            times: dict[str, list[float]] = {"compose": [], "pictures": [], "pdf": []}
            pages = 0
            for _ in range(args.rounds):
                library = Library(content_dir(), resources_dir())
                start = time.perf_counter()
                sections = compose_handout(
                    library,
                    HandoutOptions(
                        pages=("side-effects", "lines-of-therapy"),
                        languages=languages,
                        timeline=True,
                        questions=True,
                    ),
                    clinic=CLINIC,
                    questions=questions,
                    timelines=timelines,
                    you_are_here="second-line",
                )
                composed = time.perf_counter()
                job = make_job(
                    sections,
                    resources_dir(),
                    clinic=CLINIC,
                    timelines=timelines,
                    you_are_here="second-line",
                )
                drawn = time.perf_counter()
                pages = print_sections(pdf_printer(Path(folder) / "h.pdf", "bench"), job)
                written = time.perf_counter()
                times["compose"].append(composed - start)
                times["pictures"].append(drawn - composed)
                times["pdf"].append(written - drawn)
            figures = ", ".join(
                f"{step} {statistics.median(values) * 1000:.0f} ms"
                for step, values in times.items()
            )
            print(f"{'+'.join(languages)}: {pages} pages; median {figures}")


if __name__ == "__main__":
    main()

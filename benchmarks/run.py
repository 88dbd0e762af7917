"""her2guide's speed against a bare Qt window: one command, one table.

    python benchmarks/run.py [--runs N] [--quick]

1. start-up to the first paint of the home page, and peak memory, against a bare PySide6
   QMainWindow with a QTextBrowser (fresh processes, see startup.py);
2. page navigation (a click in the contents) and 3. the language switch, in the real main window,
   against setHtml of the same page in a bare QTextBrowser (see interaction.py);
4. search as you type, per keystroke, over the whole content in both languages (search.py), in
   the index and in the window's search field; and how often the right page comes first for the
   judged queries of tests/search_relevance.yaml (success@1, success@3, MRR);
5. start-up and search with 10x and 100x synthetic content (synthetic.py) against the real one.

Every figure is a median over ``--runs`` repetitions; ``--quick`` is one repetition (the smoke
test uses it). Targets are those of the performance issue; the last column says whether each is
met on this machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from interaction import Bench
from search import CASES, measure_relevance, measure_search
from startup import app_command, floor_command, measure_startup
from synthetic import make_content

from her2guide.paths import content_dir

FRAME_MS = 1000 / 60
SCALES = (10, 100)


def machine() -> str:
    """This machine: CPU model and the number of processors (as ``nproc`` counts them)."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0))
    versions = f"Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    return f"{model}, {cpus} CPUs (nproc), {versions}"


class Table:
    """The figures, one row each: item, what, her2guide, floor or reference, ratio, target, met."""

    HEADER = ("#", "what", "her2guide", "floor", "ratio", "target", "met")
    RIGHT = frozenset({2, 3, 4})  # the columns of numbers

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(
        self, item: str, what: str, value: str, target: str = "", met: bool | None = None
    ) -> None:
        """A figure without a floor, e.g. a time per keystroke against a fixed target."""
        self.rows.append((item, what, value, "", "", target, _met(met)))

    def versus(
        self,
        item: str,
        what: str,
        value: float,
        floor: float,
        unit: str,
        limit: float | None = None,
        frame: bool = False,
    ) -> None:
        """A figure against its floor: the ratio, and whether it is within ``limit`` times the
        floor (and, with ``frame``, within one 60 Hz frame)."""
        ratio = value / floor
        met = None if limit is None else ratio <= limit and (not frame or value < FRAME_MS)
        target = "" if limit is None else f"≤ {limit:.2f}x" + (", < 16.7 ms" if frame else "")
        row = (item, what, _format(value, unit), _format(floor, unit), f"{ratio:.2f}x")
        self.rows.append((*row, target, _met(met)))

    def print(self) -> None:
        rows = [self.HEADER, *self.rows]
        widths = [max(len(row[column]) for row in rows) for column in range(len(self.HEADER))]
        for number, row in enumerate(rows):
            cells = [
                cell.rjust(width) if column in self.RIGHT else cell.ljust(width)
                for column, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            print("| " + " | ".join(cells) + " |")
            if number == 0:
                rules = [
                    "-" * (width + 1) + ":" if column in self.RIGHT else "-" * (width + 2)
                    for column, width in enumerate(widths)
                ]
                print("|" + "|".join(rules) + "|")


def _format(value: float, unit: str) -> str:
    return f"{value:.0f} {unit}" if unit == "MB" or value >= 100 else f"{value:.1f} {unit}"


def _met(met: bool | None) -> str:
    return "" if met is None else "yes" if met else "NO"


def measure(work: Path, runs: int) -> Table:
    """Every figure, with ``work`` for the synthetic content, settings and caches."""
    real = content_dir()
    contents = {1: real, **{factor: make_content(work, factor) for factor in SCALES}}
    table = Table()

    # 1 and 5: fresh processes, all in turn; each content has its own settings and cache.
    commands = {
        "floor": floor_command(),
        "empty cache": app_command(work / "config-empty", real, fresh=True),
    }
    for factor, content in contents.items():
        commands[f"{factor}x"] = app_command(work / f"config-{factor}x", content)
    started = measure_startup(commands, runs)
    floor, app, empty = started["floor"], started["1x"], started["empty cache"]
    table.versus("1", "start-up to first paint", app.wall * 1000, floor.wall * 1000, "ms", 1.25)
    table.versus("1", "start-up, peak RSS", app.rss, floor.rss, "MB", 1.25)
    first = "  first start (empty content cache)"
    table.versus("1", first, empty.wall * 1000, floor.wall * 1000, "ms", 1.6)

    # 2, 3 and 4 in the window: in this process, offscreen.
    bench = Bench(real, work / "config-window")
    navigation = bench.navigation(runs)
    switch = bench.language_switch(runs)
    typing = bench.typing(runs)
    bench.close()
    for item, what, result, limit in (
        ("2", "page navigation (contents click → page shown)", navigation, 1.5),
        ("3", "language switch (whole window + page)", switch, 2.0),
    ):
        table.versus(item, what, result.median, result.floor, "ms", limit, frame=True)
        worst = f"  slowest page: {result.worst_page}"
        table.versus(item, worst, result.worst, result.worst_floor, "ms")

    # 4 and 5: the search index on the real and the synthetic content.
    searched = {
        factor: measure_search(
            content,
            runs,
            cases=CASES if factor == 1 else ("both",),
            cache=work / f"config-{factor}x" / "content",  # as the start-ups left it
        )
        for factor, content in contents.items()
    }
    builds, keys = searched[1].builds, searched[1].per_keystroke
    for case, label in (("en", "English"), ("de", "German"), ("both", "both languages")):
        timing = keys[case]
        what = f"search per keystroke, index, {label} (p90 {timing.p90:.1f} ms)"
        table.add("4", what, _format(timing.median, "ms"), "≤ 5 ms", timing.median <= 5)
    what = f"search per keystroke, search field, both (p90 {typing.p90:.1f} ms)"
    table.add("4", what, _format(typing.median, "ms"), "≤ 5 ms", typing.median <= 5)
    table.add("4", "search index build, en + de (once, kept)", _format(sum(builds.values()), "ms"))
    what = "first search, both, index kept between runs"
    table.add("4", what, _format(searched[1].first_search, "ms"))
    relevance = measure_relevance(real)
    count = len(relevance.ranks)
    for k, target in ((1, 0.90), (3, 0.98)):
        what = f"search success@{k}, {count} judged queries (tests/search_relevance.yaml)"
        met = relevance.success_at(k) >= target
        table.add("4", what, f"{relevance.success_at(k):.1%}", f"≥ {target:.0%}", met)
    table.add("4", f"search MRR, {count} judged queries", f"{relevance.mrr:.3f}")

    for factor in SCALES:
        scaled = started[f"{factor}x"]
        what = f"start-up, {factor}x content (vs real content)"
        table.versus("5", what, scaled.wall * 1000, app.wall * 1000, "ms", 1.10)
        table.versus("5", f"start-up peak RSS, {factor}x content", scaled.rss, app.rss, "MB")
        found = searched[factor]
        typed = found.per_keystroke["both"]
        what = f"search per keystroke, both, {factor}x content (p90 {typed.p90:.1f} ms)"
        table.add("5", what, _format(typed.median, "ms"), "≤ 5 ms", typed.median <= 5)
        what = f"search index build, {factor}x content (worker thread, once)"
        table.versus("5", what, sum(found.builds.values()), sum(builds.values()), "ms")
        what = f"first search, {factor}x content, index kept"
        first = found.first_search
        table.add("5", what, _format(first, "ms"), "≤ 300 ms", first <= 300)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="repetitions of each measurement")
    parser.add_argument("--quick", action="store_true", help="one repetition (smoke test)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="her2guide-bench-") as work:
        table = measure(Path(work), runs)
    print(
        f"her2guide benchmarks, {time.strftime('%Y-%m-%d')}, {machine()}, offscreen, "
        + (f"median of {runs} runs" if runs != 1 else "one run")
    )
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""her2guide's speed against a bare Qt window: one command, one table.

    python benchmarks/run.py [--runs N] [--quick]

1. start-up to the first paint of the home page, and peak memory, against a bare PySide6
   QMainWindow with a QTextBrowser (fresh processes, see startup.py);
2. page navigation (a click in the contents) and 3. the language switch, in the real main window,
   against setHtml of the same page in a bare QTextBrowser (see interaction.py);
4. search as you type, per keystroke, over the whole content in both languages (search.py), in
   the index and in the window's search field;
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

from interaction import Bench  # noqa: E402
from search import measure_search  # noqa: E402
from startup import app_command, floor_command, measure_startup  # noqa: E402
from synthetic import make_content  # noqa: E402

from her2guide.paths import content_dir  # noqa: E402

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
    return f"{model}, {len(os.sched_getaffinity(0))} CPUs (nproc), Python {platform.python_version()}"


class Table:
    """Rows of: what, unit, her2guide, floor or reference, ratio, target, met."""

    HEADER = ("#", "what", "her2guide", "floor", "ratio", "target", "met")

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(
        self,
        item: str,
        what: str,
        value: str,
        floor: str = "",
        ratio: float | None = None,
        target: str = "",
        met: bool | None = None,
    ) -> None:
        self.rows.append(
            (
                item,
                what,
                value,
                floor,
                "" if ratio is None else f"{ratio:.2f}x",
                target,
                "" if met is None else ("yes" if met else "NO"),
            )
        )

    def print(self) -> None:
        rows = [self.HEADER, *self.rows]
        widths = [max(len(row[column]) for row in rows) for column in range(len(self.HEADER))]
        right = {2, 3, 4}
        for number, row in enumerate(rows):
            cells = [
                cell.rjust(width) if column in right else cell.ljust(width)
                for column, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            print("| " + " | ".join(cells) + " |")
            if number == 0:
                print(
                    "|"
                    + "|".join(
                        "-" * (width + 1) + ":" if column in right else "-" * (width + 2)
                        for column, width in enumerate(widths)
                    )
                    + "|"
                )


def ms(value: float) -> str:
    return f"{value:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="repetitions of each measurement")
    parser.add_argument("--quick", action="store_true", help="one repetition (smoke test)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    work = Path(tempfile.mkdtemp(prefix="her2guide-bench-"))
    real = content_dir()
    contents = {1: real, **{factor: make_content(work, factor) for factor in SCALES}}
    table = Table()

    # 1 and 5: fresh processes, all in turn; each content has its own settings and cache.
    commands = {"floor": floor_command()}
    for factor, content in contents.items():
        commands[f"{factor}x"] = app_command(work / f"config-{factor}x", content)
    started = measure_startup(commands, runs)
    floor, app = started["floor"], started["1x"]
    table.add(
        "1", "start-up to first paint, wall", f"{app.wall * 1000:.0f} ms",
        f"{floor.wall * 1000:.0f} ms", app.wall / floor.wall, "≤ 1.25x",
        app.wall <= 1.25 * floor.wall,
    )  # fmt: skip
    table.add(
        "1", "start-up, peak RSS", f"{app.rss:.0f} MB", f"{floor.rss:.0f} MB",
        app.rss / floor.rss, "≤ 1.25x", app.rss <= 1.25 * floor.rss,
    )  # fmt: skip

    # 2, 3 and 4 in the window: in this process, offscreen.
    bench = Bench(real, work / "config-window")
    navigation = bench.navigation(runs)
    switch = bench.language_switch(runs)
    typing = bench.typing(runs)
    bench.close()
    table.add(
        "2", "page navigation (contents click → page shown)", ms(navigation.median),
        ms(navigation.floor), navigation.ratio, "≤ 1.5x, < 16.7 ms",
        navigation.ratio <= 1.5 and navigation.median < FRAME_MS,
    )  # fmt: skip
    table.add(
        "2", f"  slowest page ({navigation.worst_page})", "", "", navigation.worst_ratio
    )  # fmt: skip
    table.add(
        "3", "language switch (whole window + page)", ms(switch.median), ms(switch.floor),
        switch.ratio, "≤ 2x, < 16.7 ms", switch.ratio <= 2 and switch.median < FRAME_MS,
    )  # fmt: skip
    table.add("3", f"  slowest page ({switch.worst_page})", "", "", switch.worst_ratio)

    # 4 and 5: the search index on the real and the synthetic content.
    searched = {factor: measure_search(content, runs) for factor, content in contents.items()}
    builds, keys = searched[1]
    for case, label in (("en", "English"), ("de", "German"), ("both", "both languages")):
        timing = keys[case]
        table.add(
            "4", f"search per keystroke, index, {label} (p90 {timing.p90:.1f} ms)",
            ms(timing.median), target="≤ 5 ms", met=timing.median <= 5,
        )  # fmt: skip
    table.add(
        "4", f"search per keystroke, search field, both (p90 {typing.p90:.1f} ms)",
        ms(typing.median), target="≤ 5 ms", met=typing.median <= 5,
    )  # fmt: skip
    table.add("4", "search index build, en + de (first search)", ms(sum(builds.values())))

    for factor in SCALES:
        scaled = started[f"{factor}x"]
        table.add(
            "5", f"start-up, {factor}x content (vs real content)",
            f"{scaled.wall * 1000:.0f} ms", f"{app.wall * 1000:.0f} ms", scaled.wall / app.wall,
            "≤ 1.10x" if factor == 10 else "", scaled.wall <= 1.10 * app.wall if factor == 10 else None,
        )  # fmt: skip
        table.add(
            "5", f"start-up peak RSS, {factor}x content", f"{scaled.rss:.0f} MB",
            f"{app.rss:.0f} MB", scaled.rss / app.rss,
        )  # fmt: skip
        scaled_builds, scaled_keys = searched[factor]
        table.add(
            "5", f"search per keystroke, both, {factor}x content", ms(scaled_keys["both"].median),
            ms(keys["both"].median), scaled_keys["both"].median / keys["both"].median,
        )  # fmt: skip
        table.add(
            "5", f"search index build, {factor}x content", ms(sum(scaled_builds.values())),
            ms(sum(builds.values())), sum(scaled_builds.values()) / sum(builds.values()),
        )  # fmt: skip

    print(
        f"her2guide benchmarks, {time.strftime('%Y-%m-%d')}, {machine()}, offscreen, "
        f"median of {runs} run(s)"
    )
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark command keeps working: one quick repetition prints the whole table.

Only that it runs is checked here; its figures are for people to read (see the README).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_the_benchmark_prints_its_table_for_every_item() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARK), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,  # about half a minute; only a hang should ever reach this
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    items = {row.split("|")[1].strip() for row in rows[1:]}
    assert items == {"1", "2", "3", "4", "5"}, result.stdout
    for what in ("start-up to first paint", "page navigation", "language switch", "100x content"):
        assert any(what in row for row in rows), f"no row for {what}"

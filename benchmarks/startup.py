"""Start-up cost of her2guide against a bare PySide6 window with a QTextBrowser (the floor).

Runs both as fresh processes, interleaved, and prints the median wall time to the first paint and
the median peak RSS, with their ratios. Usage: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

FLOOR = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv)
window = QMainWindow()
browser = QTextBrowser()
browser.setHtml("<h1>Welcome</h1><p>" + "Text. " * 200 + "</p>")
window.setCentralWidget(browser)
class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
quit_filter = Quit()
browser.viewport().installEventFilter(quit_filter)
window.resize(1180, 800)
window.show()
app.exec()
"""

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HER2GUIDE_CONFIG_DIR=tempfile.mkdtemp())
    commands = {
        "bare QMainWindow + QTextBrowser": [sys.executable, "-c", FLOOR],
        "her2guide": [sys.executable, "-m", "her2guide", "--lang", "en", "--quit-after-paint"],
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        _run(command, env)  # warm the file cache once before measuring
    for _ in range(args.runs):
        for name, command in commands.items():
            results[name].append(_run(command, env))
    floor_wall = statistics.median(w for w, _ in results["bare QMainWindow + QTextBrowser"])
    floor_rss = statistics.median(r for _, r in results["bare QMainWindow + QTextBrowser"])
    print(f"start-up to first paint, median of {args.runs} interleaved runs, offscreen")
    print(f"{'':34} {'wall s':>8} {'ratio':>6} {'peak RSS MB':>12} {'ratio':>6}")
    for name, samples in results.items():
        wall = statistics.median(w for w, _ in samples)
        rss = statistics.median(r for _, r in samples)
        print(f"{name:34} {wall:8.3f} {wall / floor_wall:6.2f} {rss:12.1f} {rss / floor_rss:6.2f}")
    print(time.strftime("measured %Y-%m-%d on"), os.uname().machine, f"{os.cpu_count()} cores")


if __name__ == "__main__":
    main()

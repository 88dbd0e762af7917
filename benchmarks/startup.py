"""Start-up cost: wall time to the first paint and peak memory of fresh processes.

Every command runs as a fresh process, all of them in turn in each round (so that a busy moment
of the machine hits them alike), after one unmeasured run each that warms the file cache and
writes the content cache and the bytecode, as an installed app has them. Each process quits at
its first paint and leaves without tearing down the interpreter, so that the wall time ends at
the first paint, not at the end of clean-up.
"""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The floor: a bare PySide6 window with a text browser, quit at the browser's first paint.
FLOOR = """
import os, sys
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
os._exit(0)
"""

# her2guide as ``python -m her2guide --quit-after-paint``, without the clean-up at exit.
APP = """
import os, sys
from her2guide.app import main
main(sys.argv[1:])
os._exit(0)
"""

# Runs the command given as arguments and prints its wall seconds and peak RSS (kB).
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass(frozen=True)
class Command:
    """A process to start: its arguments and the variables it adds to the environment; with
    ``fresh``, the folder ``HER2GUIDE_CONFIG_DIR`` names is emptied before each start."""

    argv: list[str]
    env: dict[str, str]
    fresh: bool = False


@dataclass(frozen=True)
class Startup:
    """Median wall seconds to the first paint and median peak RSS in MB."""

    wall: float
    rss: float


@cache
def _pycache_folder() -> str:
    """A bytecode folder for this run alone (two runs on one machine must not share one),
    removed when the run ends."""
    folder = tempfile.mkdtemp(prefix="her2guide-bench-pycache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def base_environment() -> dict[str, str]:
    """Offscreen, with bytecode kept between the starts of this run (in a folder of its own, not
    in the checkout) as it is for an installed app, whatever the calling shell says."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _pycache_folder()
    return env


def floor_command() -> Command:
    return Command([sys.executable, "-c", FLOOR], {})


def app_command(config: Path, content: Path | None = None, *, fresh: bool = False) -> Command:
    """her2guide in English, with its settings and content cache in ``config`` (emptied before
    each start if ``fresh``: the first start, or the first after the content changed)."""
    argv = [sys.executable, "-c", APP, "--lang", "en", "--quit-after-paint"]
    if content is not None:
        argv += ["--content", str(content)]
    return Command(argv, {"HER2GUIDE_CONFIG_DIR": str(config)}, fresh)


def _run(command: Command) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh process."""
    if command.fresh:
        shutil.rmtree(command.env["HER2GUIDE_CONFIG_DIR"], ignore_errors=True)
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command.argv],
        env={**base_environment(), **command.env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]) / 1024


def measure_startup(commands: dict[str, Command], runs: int) -> dict[str, Startup]:
    """Each command's median start-up over ``runs`` interleaved rounds."""
    for command in commands.values():
        _run(command)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _round in range(runs):
        for name, command in commands.items():
            samples[name].append(_run(command))
    return {
        name: Startup(
            wall=statistics.median(wall for wall, _rss in values),
            rss=statistics.median(rss for _wall, rss in values),
        )
        for name, values in samples.items()
    }

"""Page navigation, the language switch and typing a search in the real main window (offscreen).

Each action is timed until the window has handled every event it caused, painting included. The
floor of navigation and of the language switch is a bare QTextBrowser of the reader's size
that is given the same page's HTML with ``setHtml`` and then painted; each action and its floor
run one after the other, so that a busy moment of the machine hits both. One unmeasured pass
first fills the caches (pages read from the content cache, the German catalog, the search index).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, qInstallMessageHandler
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleFactory, QTextBrowser, QWidget
from search import QUERIES, Timings, keystrokes

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.i18n import LANGUAGES
from her2guide.paths import resources_dir
from her2guide.settings import Settings
from her2guide.ui.contents_tree import PAGE_ID_ROLE
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow
from her2guide.ui.reader import PREPARE_DELAY_MS, lay_out_fully

SETTLE_MS = 50
"""Untimed wait after a switch, shorter than the reader's wait before it lays out a spare page."""


@dataclass(frozen=True)
class Versus:
    """Median milliseconds of an action and of its floor over every page (the median of each
    page's medians), and those of the page with the highest ratio."""

    median: float
    floor: float
    worst: float
    worst_floor: float
    worst_page: str


def _quiet_offscreen(_kind: object, _context: object, message: str) -> None:
    """Drops the offscreen platform's notices (it has no window manager); prints the rest."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def _type(widget: QWidget, letter: str) -> None:
    """Types one letter, any letter (QTest.keyClicks knows ASCII only)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter))


def _timed(action: Callable[[], object], settle: Callable[[], object] | None = None) -> float:
    """Milliseconds for ``action`` and every event it caused, painting included; then, not
    timed, ``settle`` finishes what was left for later, so that it does not fall into the next
    measurement."""
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    took = (time.perf_counter() - start) * 1000
    if settle is not None:
        settle()
    QApplication.processEvents()
    return took


class Bench:
    """The main window on ``content`` and a bare text browser beside it."""

    def __init__(self, content: Path, config: Path) -> None:
        qInstallMessageHandler(_quiet_offscreen)
        self.app = create_application()
        self.languages = LanguageController("en", self.app)
        library = Library(content, resources_dir(), cache=config / "cache")
        self.window = MainWindow(library, Settings(config / "settings.ini"), self.languages)
        self.window.resize(1180, 800)
        self.window.show()
        self.floor = QTextBrowser()
        self._floor_style = QStyleFactory.create("Fusion")  # Qt's own style, not the app's
        self.floor.setStyle(self._floor_style)
        self.floor.resize(self.window.reader.size())
        self.floor.show()
        QApplication.processEvents()
        model = self.window.contents.model()
        self.pages = [
            model.index(row, 0, model.index(section, 0)).data(PAGE_ID_ROLE)
            for section in range(model.rowCount())
            for row in range(model.rowCount(model.index(section, 0)))
        ]

    def close(self) -> None:
        self.languages.set_language("en")
        self.window.close()
        self.floor.close()
        self.window.deleteLater()
        self.floor.deleteLater()
        QApplication.processEvents()

    def _show_floor(self, lang: str, page: str) -> float:
        rendered = self.window.library.render(lang, page)
        assert rendered is not None
        # A text browser lays out the rest of a long page in the background after the first
        # paint; that part is left out of the floor's time.
        return _timed(lambda: self.floor.setHtml(rendered.html), lambda: lay_out_fully(self.floor))

    def _click(self, page: str) -> float:
        tree = self.window.contents
        index = tree.page_index(page)
        assert index is not None
        tree.scrollTo(index)
        QApplication.processEvents()
        centre: QPoint = tree.visualRect(index).center()
        return _timed(
            lambda: QTest.mouseClick(
                tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
            )
        )

    def navigation(self, passes: int) -> Versus:
        """Clicking each page in the contents tree, against setHtml of its HTML."""
        samples: dict[str, list[tuple[float, float]]] = {page: [] for page in self.pages}
        for number in range(passes + 1):
            for page in self.pages:
                shown = self._click(page)
                assert self.window.current_page == page
                floor = self._show_floor("en", page)
                if number:
                    samples[page].append((shown, floor))
        return _versus(samples)

    def language_switch(self, passes: int) -> Versus:
        """Switching the language (the whole window and the page) on each page, both ways,
        against setHtml of the page's HTML in the new language. The reader stays on each page
        a moment before switching (no hand reaches the switch sooner), in which the window,
        idle, lays out the page in the other language."""
        samples: dict[str, list[tuple[float, float]]] = {page: [] for page in self.pages}
        for number in range(passes + 1):
            for page in self.pages:
                self.window.open_page(page)
                QTest.qWait(PREPARE_DELAY_MS + 100)
                for lang in ("de", "en"):
                    # Whatever the switch left for the next rounds of the event loop runs before
                    # the floor is timed, not in the floor's time (the spare page waits longer).
                    shown = _timed(self.languages.toggle, lambda: QTest.qWait(SETTLE_MS))
                    assert self.languages.language == lang
                    floor = self._show_floor(lang, page)
                    if number:
                        samples[page].append((shown, floor))
        return _versus(samples)

    def typing(self, passes: int) -> Timings:
        """Typing every query into the search field, letter by letter, with the results shown;
        both languages searched (the larger case)."""
        box = self.window.search_tools.search_box
        self.window.activateWindow()
        QApplication.processEvents()  # the floor's window was shown last: activation waits
        box.setFocus()
        box.panel.both_languages.setChecked(True)
        times = []
        for number in range(passes + 1):
            for lang in LANGUAGES:
                self.languages.set_language(lang)
                QTest.qWait(200)  # the switch moves the keyboard to the contents, a little later
                for query in QUERIES[lang]:
                    box.clear()
                    QApplication.processEvents()
                    box.setFocus()
                    for text in keystrokes(query):
                        took = _timed(lambda text=text: _type(box, text[-1]))
                        assert box.text() == text
                        assert box.panel.isVisible(), "the results must be shown and painted"
                        if number:
                            times.append(took)
        box.clear()
        box.panel.both_languages.setChecked(False)
        QApplication.processEvents()
        return Timings.of(times)


def _versus(samples: dict[str, list[tuple[float, float]]]) -> Versus:
    """Per page, the median of the action and of the floor; then the median over pages."""
    pages = {
        page: (
            statistics.median(shown for shown, _floor in values),
            statistics.median(floor for _shown, floor in values),
        )
        for page, values in samples.items()
    }
    worst = max(pages, key=lambda page: pages[page][0] / pages[page][1])
    return Versus(
        median=statistics.median(shown for shown, _floor in pages.values()),
        floor=statistics.median(floor for _shown, floor in pages.values()),
        worst=pages[worst][0],
        worst_floor=pages[worst][1],
        worst_page=worst,
    )

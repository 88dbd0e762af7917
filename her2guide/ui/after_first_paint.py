"""What the main window builds right after its first paint, and why.

Start-up ends when the reader sees the page, so the window builds before its first paint only
what that paint shows: the frame, the menu bar's titles, the toolbar, the contents, the page and
the bar above it. The parts nobody sees at start are built a moment later, when the event loop
has handled what came with the page's first paint (:class:`BuiltAfterFirstPaint`, a part of the
main window, builds them):

- side by side (View → Side by side): a view of its own with two more page views, hidden until
  asked for;
- counselling mode (View → Counselling mode): its step bar is hidden until the mode is on;
- the read-aloud menu entries (View → Read aloud, Go → sections), which come after those two;
- the side panels (View → Glossary, View → My questions), hidden at start: their docks are
  there from the start, their panels are built then, or at once if a dock is shown earlier
  (:class:`~her2guide.ui.side_dock.SideDock`; a damaged question list shows its dock at start).

As none of them is on screen, nothing pops in or shifts when they arrive. They are built earlier
if they are needed earlier: when one of the window's menus is about to open (so that it shows all
its entries), or when code asks for one of them (``MainWindow.counselling``, ``.side_by_side``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from her2guide.ui.access_tools import AccessTools
    from her2guide.ui.care_tools import CareTools
    from her2guide.ui.counselling import CounsellingMode
    from her2guide.ui.reader import ReaderView
    from her2guide.ui.reading_tools import ReadingTools
    from her2guide.ui.search_tools import SearchTools
    from her2guide.ui.side_by_side import SideBySide
    from her2guide.ui.window_api import WindowApi


class AfterFirstPaint(QObject):
    """Runs ``build`` once: a moment after ``watched`` is first painted, or when one of
    ``menus`` is about to show, or when :meth:`ensure` is called, whichever comes first."""

    def __init__(self, watched: QWidget, build: Callable[[], None], menus: Iterable[QMenu]) -> None:
        super().__init__(watched)
        self._build: Callable[[], None] | None = build
        watched.installEventFilter(self)
        for menu in menus:
            menu.aboutToShow.connect(self.ensure)

    @property
    def done(self) -> bool:
        return self._build is None

    def ensure(self) -> None:
        """Builds now, unless that has been done."""
        build, self._build = self._build, None
        if build is not None:
            build()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Two turns of the event loop later: what the paint set off (the page's other
            # parts, the flush to the screen, a quit after the first paint) comes first.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self.ensure))
        return False


class BuiltAfterFirstPaint(QMainWindow):
    """The main window's parts that are built after its first paint, in the order of their
    menu entries; a mixin of :class:`~her2guide.ui.main_window.MainWindow`, which calls
    :meth:`_build_the_rest_later` once its features are built."""

    reader: ReaderView
    file_menu: QMenu
    view_menu: QMenu
    go_menu: QMenu
    help_menu: QMenu
    access_tools: AccessTools
    care_tools: CareTools
    search_tools: SearchTools
    reading_tools: ReadingTools

    def _build_the_rest_later(self) -> None:
        """Arranges for :meth:`_build_after_first_paint` to run once (see the module)."""
        self._side_by_side: SideBySide | None = None
        self._counselling: CounsellingMode | None = None
        self.after_first_paint = AfterFirstPaint(
            self.reader.viewport(),
            self._build_after_first_paint,
            (self.file_menu, self.view_menu, self.go_menu, self.help_menu),
        )

    def _build_after_first_paint(self) -> None:
        from her2guide.ui.counselling import CounsellingMode
        from her2guide.ui.side_by_side import SideBySide

        window = cast("WindowApi", self)  # a part of MainWindow, which is the WindowApi
        self._side_by_side = SideBySide(window, self.access_tools.themes)
        self._counselling = CounsellingMode(window, self._side_by_side)
        self._counselling.action.toggled.connect(self.search_tools.close_hit_find_bar)
        self.reading_tools.add_to_menus()
        # The side panels, so that they open at once when first asked for:
        self.search_tools.glossary_dock.panel()
        self.care_tools.question_dock.panel()

    @property
    def side_by_side(self) -> SideBySide:
        """Side by side, built now if the first paint has not come yet."""
        self.after_first_paint.ensure()
        assert self._side_by_side is not None
        return self._side_by_side

    @property
    def counselling(self) -> CounsellingMode:
        """Counselling mode, built now if the first paint has not come yet."""
        self.after_first_paint.ensure()
        assert self._counselling is not None
        return self._counselling

    def _counselling_active(self) -> bool:
        """Whether counselling mode is on, without building it."""
        return self._counselling is not None and self._counselling.active

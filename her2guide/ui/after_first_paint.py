"""What the main window builds right after its first paint, and why.

Start-up ends when the reader sees the page, so the window builds before its first paint only
what that paint shows: the frame, the menu bar's titles, the toolbar, the contents, the page and
the bar above it. The parts nobody sees at start are built a moment later, when the event loop
has handled what came with the page's first paint (``MainWindow._build_after_first_paint``):

- side by side (View → Side by side): a view of its own with two more page views, hidden until
  asked for;
- counselling mode (View → Counselling mode): its step bar is hidden until the mode is on;
- the read-aloud menu entries (View → Read aloud, Go → sections), which come after those two.

As none of them is on screen, nothing pops in or shifts when they arrive. They are built earlier
if they are needed earlier: when one of the window's menus is about to open (so that it shows all
its entries), or when code asks for one of them (``MainWindow.counselling``, ``.side_by_side``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMenu, QWidget


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

"""Unexpected errors: written to the log, told to the reader calmly, and the app goes on.

PySide passes an exception raised in a slot or an event handler to ``sys.excepthook`` and then
carries on with the event loop, so replacing the hook is enough to keep the app running: the
reader gets a short, friendly dialog in the current language instead of a silent failure.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from her2guide.i18n import _, window_title
from her2guide.logfile import log, start_log
from her2guide.ui.screen_fit import keep_on_screen

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ErrorReporter(QObject):
    """Catches exceptions nobody handled once :meth:`install` is called.

    Each error is logged with its traceback; the dialog is shown once per kind of error (a
    failing paint event would otherwise open one dialog after another), never two at a time.
    ``before_dialog`` runs first, e.g. to save the settings, so that the dialog can say that the
    reader's data is safe.
    """

    def __init__(
        self,
        log_path: Path,
        *,
        before_dialog: Callable[[], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self._before_dialog = before_dialog
        self._previous: ExceptHook | None = None
        self._shown: set[tuple[str, str, int]] = set()
        self._showing = False
        start_log(log_path)

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None and sys.excepthook == self.handle:
            sys.excepthook = self._previous
        self._previous = None

    def handle(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
            (self._previous or sys.__excepthook__)(kind, error, trace)
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        if self._before_dialog is not None:
            try:
                self._before_dialog()
            except Exception:
                log.exception("could not save before reporting the error")
        frames = traceback.extract_tb(trace)
        where = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("", 0)
        key = (kind.__qualname__, *where)
        if self._showing or key in self._shown:
            return
        self._shown.add(key)
        if QThread.currentThread().loopLevel() == 0:
            self._show_dialog()
        else:
            # Not inside the handler that failed (it may be a paint event): once it has returned.
            QTimer.singleShot(0, self._show_dialog)

    def _show_dialog(self) -> None:
        self._showing = True
        try:
            error_box(self.log_path, QApplication.activeWindow()).exec()
        finally:
            self._showing = False


def error_box(log_path: Path, parent: QWidget | None = None) -> QMessageBox:
    """The calm message about an unexpected error, sized to fit its screen when shown."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(window_title(_("Something went wrong")))
    box.setText(_("Sorry, something in the app did not work as it should."))
    box.setInformativeText(
        _(
            "Your settings and what you entered are saved. You can carry on reading. "
            "If it happens again, close the app and open it again.\n\n"
            "If it keeps happening, please tell the person who set up the app for you "
            "and give them this file:\n{log}"
        ).format(log=log_path)
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    keep_on_screen(box)
    return box

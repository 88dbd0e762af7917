"""Opens the main window and the main dialogs pseudo-translated, at a given text size, on the
screen Qt was given, and prints (as JSON) every button and label whose text does not fit.

Run as ``python -m tests.pseudo_layout_probe LANG PERCENT [SCREENSHOT-PREFIX]`` with
HER2GUIDE_PSEUDO=1 and QT_QPA_PLATFORM="offscreen:configfile=screens.json"
(tests/test_pseudo_translation.py does).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QToolBar,
    QWidget,
)

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.i18n import window_title
from her2guide.paths import content_dir, resources_dir
from her2guide.settings import Settings
from her2guide.ui.first_start import FirstStartNotice
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow
from her2guide.ui.preferences import PreferencesDialog

PAGE = "side-effects"


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    return f"{widget.window().windowTitle()} / {type(widget).__name__} {text!r}"


def clipped(widget: QWidget) -> str | None:
    """Why the text of a shown button or label does not fit, or None when it fits."""
    if isinstance(widget, QLabel) and widget.wordWrap():
        needed = widget.heightForWidth(widget.contentsRect().width())
        if needed > widget.contentsRect().height() + 1:
            return f"{_describe(widget)}: {widget.height()} px high, needs {needed}"
        return None
    hint = widget.sizeHint()
    if widget.width() < hint.width() or widget.height() < hint.height():
        return (
            f"{_describe(widget)}: {widget.width()}x{widget.height()} px, "
            f"needs {hint.width()}x{hint.height()}"
        )
    return None


def problems(window: QWidget) -> list[str]:
    """The clipped texts of one window (not of the dialogs it owns: each is checked itself)."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLabel) or not widget.isVisible():
            continue
        if widget.window() is not window or not widget.text():
            continue
        if isinstance(widget.parentWidget(), QToolBar):
            continue  # a toolbar moves what does not fit into its » menu
        problem = clipped(widget)
        if problem:
            found.append(problem)
    return found


def main(lang: str, percent: int, screenshots: str = "") -> int:
    app = create_application()
    settings = Settings()
    settings.text_scale = percent
    languages = LanguageController(lang, app)
    window = MainWindow(
        Library(content_dir(), resources_dir()), settings, languages, start_page=PAGE
    )
    window.show()
    window.access_tools.show_shortcuts()
    window.care_tools.show_card()
    opened: dict[str, QWidget | None] = {
        "main window": window,
        "keyboard shortcuts": window.access_tools.shortcuts_dialog,
        "care card": window.care_tools.card_dialog,
        "preferences": PreferencesDialog(settings, percent, window),
        "first-start notice": FirstStartNotice(languages, percent, window),
    }
    shown = {name: widget for name, widget in opened.items() if widget is not None}
    screen = app.primaryScreen().availableGeometry().size()
    for widget in shown.values():
        widget.show()
        widget.resize(widget.size().boundedTo(screen))  # as a window manager keeps it on screen
    for _ in range(4):  # layouts that answer a resize (a bar going to two rows) settle
        app.processEvents()
    if screenshots:
        for name, widget in shown.items():
            widget.grab().save(f"{screenshots}-{name.replace(' ', '-')}.png")
    report = {name: problems(widget) for name, widget in shown.items()}
    print(json.dumps({"app name": window_title(), "problems": report}))
    return 0


if __name__ == "__main__":
    QApplication.setDesktopSettingsAware(False)
    raise SystemExit(main(*sys.argv[1:2], int(sys.argv[2]), *sys.argv[3:4]))

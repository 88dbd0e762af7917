"""The layout audit: every window, dialog and panel at one screen size, in both languages and at
several text sizes, checked for what a reader with large text on a small screen would meet.

One function per kind of check (each returns the problems it found, as sentences); ``audit``
opens each item and applies the checks that matter for it. Run as a script on a configured
offscreen screen (the platform is chosen when the QApplication is created, so each screen size
needs its own process); tests/test_layout_audit.py does that for each screen and reads the JSON
this prints::

    QT_QPA_PLATFORM=offscreen:configfile=tests/screens/1024x768.json \\
        python -m tests.layout_audit 100,200,300
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QToolButton,
    QWidget,
)

ITEMS = (
    "main",
    "care-card",
    "handout",
    "shortcuts",
    "preferences",
    "first-start",
    "errors",
    "glossary",
    "questions",
    "treatment-path",
    "counselling",
    "side-by-side",
)
PHONE = "030 1234 5678"


def _name(widget: QWidget) -> str:
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {widget.objectName() or ''} {text[:40]!r}".strip()


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


# -- checks ------------------------------------------------------------------------------------


def outside_screen(window: QWidget) -> list[str]:
    """The window, frame included, lies inside the available geometry of its screen."""
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if area.contains(frame):
        return []
    return [f"{_name(window)} is {frame.width()}x{frame.height()} at {frame.x()},{frame.y()}, "
            f"outside the screen's {area.width()}x{area.height()}"]  # fmt: skip


def _clipped_by_ancestors(widget: QWidget) -> bool:
    """Part of the widget is cut off by its window or a parent (not by a scroll area that
    lets the reader scroll to it)."""
    visible = widget.visibleRegion().boundingRect()
    return visible != widget.rect()


def hidden_buttons(window: QWidget) -> list[str]:
    """Every button of a dialog's button row is wholly visible."""
    problems = []
    for box in window.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if not button.isVisibleTo(window):
                continue
            corner = button.mapTo(window, button.rect().bottomRight())
            if not _shown(button) or not window.rect().contains(corner):
                problems.append(f"button {_name(button)} is not wholly visible")
            elif _clipped_by_ancestors(button):
                problems.append(f"button {_name(button)} is cut off")
    return problems


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped_texts(root: QWidget) -> list[str]:
    """No label or button shows its text elided or cut where the full text does not fit."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        full = getattr(widget, "full_text", None)
        if callable(full) and isinstance(widget, QAbstractButton):
            if full() and widget.text().replace("\n", " ") != full():
                problems.append(f"{_name(widget)} shows {widget.text()!r} for {full()!r}")
            continue
        if isinstance(widget, QLabel):
            problems += _clipped_label(widget)
        elif isinstance(widget, QAbstractButton) and widget.text():
            if isinstance(widget, QToolButton) and (
                widget.toolButtonStyle() == widget.toolButtonStyle().ToolButtonIconOnly
            ):
                continue
            text = _plain(widget.text())
            need = widget.fontMetrics().horizontalAdvance(text)
            if need > widget.width() - 2:
                problems.append(f"{_name(widget)} needs {need} px, has {widget.width()}")
    return problems


def _clipped_label(label: QLabel) -> list[str]:
    text = _plain(label.text())
    if not text.strip():
        return []
    rect = label.contentsRect()
    metrics = label.fontMetrics()
    margin = 2 * label.margin()
    if label.wordWrap():
        longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        if longest > rect.width() - margin + 1:
            return [f"label {_name(label)}: a word needs {longest} px, has {rect.width()}"]
        need = label.heightForWidth(label.width())
        if need > label.height() + 1:
            return [f"label {_name(label)} needs {need} px of height, has {label.height()}"]
        return []
    need = max(metrics.horizontalAdvance(line) for line in text.splitlines())
    if need > rect.width() - margin + 1:
        return [f"label {_name(label)} needs {need} px, has {rect.width()}"]
    return []


def horizontal_scrolling(view: QAbstractScrollArea) -> list[str]:
    """A text is read from top to bottom: it never needs scrolling sideways (once the view
    has settled: a scroll range can lag behind a change of width for a moment)."""
    return _settled(lambda: _sideways(view))


def _settled(check: Callable[[], list[str]], tries: int = 20) -> list[str]:
    """The problems ``check`` still finds after the event loop had up to a second to finish
    what it was doing (like qtbot.waitUntil)."""
    problems = check()
    for _ in range(tries):
        if not problems:
            break
        QTest.qWait(50)
        problems = check()
    return problems


def _sideways(view: QAbstractScrollArea) -> list[str]:
    bar = view.horizontalScrollBar()
    if _shown(view) and bar.maximum() > 0:
        return [f"{_name(view)} scrolls sideways by {bar.maximum()} px "
                f"(viewport {view.viewport().width()} px)"]  # fmt: skip
    return []


def too_narrow(widget: QWidget, characters: int) -> list[str]:
    """A panel is wide enough for ``characters`` characters of its own font."""
    need = characters * widget.fontMetrics().averageCharWidth()
    if _shown(widget) and widget.width() < need:
        return [f"{_name(widget)} is {widget.width()} px wide, less than {characters} characters"]
    return []


def number_out_of_view(card: QWidget) -> list[str]:
    """The care team's number is in view when the card opens."""
    view = card.view  # type: ignore[attr-defined]
    cursor = view.document().find(PHONE)
    if cursor.isNull():
        return ["the care card does not show the phone number"]
    rect = view.cursorRect(cursor)
    if rect.top() < 0 or rect.bottom() > view.viewport().height():
        return [f"the phone number is out of view (at y={rect.top()})"]
    return []


def unreachable_toolbar_actions(window: QWidget) -> list[str]:
    """An action folded into the toolbar's » menu is also in a menu of the menu bar."""
    in_menus: set[object] = set()

    def collect(actions: list) -> None:
        for action in actions:
            in_menus.add(action)
            if action.menu() is not None:
                collect(action.menu().actions())

    collect(window.menuBar().actions())  # type: ignore[attr-defined]
    problems = []
    toolbar = window.toolbar  # type: ignore[attr-defined]
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if widget is None or widget.isVisible() or action.isSeparator():
            continue
        if action not in in_menus and type(widget) is not QWidget:
            problems.append(f"{_name(widget)} is only in the toolbar's overflow menu")
    return problems


# -- the walk ------------------------------------------------------------------------------


def _settle(app: QApplication, rounds: int = 4) -> None:
    for _ in range(rounds):
        app.processEvents()


def _dialog_checks(dialog: QWidget) -> list[str]:
    return outside_screen(dialog) + hidden_buttons(dialog) + clipped_texts(dialog)


@contextmanager
def _open(app: QApplication, dialog: QWidget) -> Iterator[QWidget]:
    dialog.show()
    _settle(app)
    try:
        yield dialog
    finally:
        dialog.close()
        dialog.deleteLater()
        _settle(app, 1)


def audit(lang: str, scales: list[int]) -> dict[str, list[str]]:
    """Opens the main window once in ``lang`` and every item at each text size; returns the
    problems found by "lang/scale/item"."""
    from her2guide.app import create_application
    from her2guide.care_card import ClinicContact
    from her2guide.content.library import Library
    from her2guide.paths import content_dir, resources_dir
    from her2guide.settings import Settings
    from her2guide.ui.errors import error_box
    from her2guide.ui.first_start import FirstStartNotice
    from her2guide.ui.handout_dialog import HandoutDialog
    from her2guide.ui.language import LanguageController
    from her2guide.ui.main_window import MainWindow
    from her2guide.ui.preferences import PreferencesDialog

    app = create_application()
    settings = Settings(Path(os.environ["HER2GUIDE_CONFIG_DIR"]) / f"{lang}.ini")
    settings.notice_acknowledged = True
    settings.clinic = ClinicContact("Breast Centre, Ward 4", PHONE)
    languages = LanguageController(lang)
    window = MainWindow(
        Library(content_dir(), resources_dir()), settings, languages, start_page="side-effects"
    )
    window.show()
    _settle(app)
    found: dict[str, list[str]] = {}

    def main() -> list[str]:
        return (
            outside_screen(window)
            + clipped_texts(window.toolbar)
            + clipped_texts(window.care_tools.care_toolbar)
            + clipped_texts(window.menuBar())
            + horizontal_scrolling(window.reader)
            + unreachable_toolbar_actions(window)
        )

    def care_card() -> list[str]:
        window.care_tools.show_card()
        _settle(app)
        card = window.care_tools.card_dialog
        problems = _dialog_checks(card) + number_out_of_view(card)
        card.close()
        return problems

    def handout() -> list[str]:
        dialog = HandoutDialog(window.content, current_page=window.current_page,
                               question_count=2, you_are_here=True,
                               text_scale=window.text_scale, parent=window)  # fmt: skip
        with _open(app, dialog):
            return _dialog_checks(dialog)

    def shortcuts() -> list[str]:
        window.access_tools.show_shortcuts()
        _settle(app)
        dialog = window.access_tools.shortcuts_dialog
        problems = _dialog_checks(dialog)
        dialog.close()
        return problems

    def preferences() -> list[str]:
        with _open(app, PreferencesDialog(settings, window.text_scale, window)) as dialog:
            return _dialog_checks(dialog)

    def first_start() -> list[str]:
        with _open(app, FirstStartNotice(languages, window.text_scale, window)) as dialog:
            return _dialog_checks(dialog)

    def errors() -> list[str]:
        with _open(app, error_box(Path(tempfile.gettempdir()) / "her2guide.log", window)) as box:
            return _dialog_checks(box)

    def dock(item: QDockWidget) -> Callable[[], list[str]]:
        def check() -> list[str]:
            item.toggleViewAction().trigger()
            _settle(app)
            problems = (
                outside_screen(window)
                + clipped_texts(item)
                + too_narrow(item.widget(), 18)
                + horizontal_scrolling(window.reader)
            )
            item.toggleViewAction().trigger()
            _settle(app)
            return problems

        return check

    def treatment_path() -> list[str]:
        window.show_timeline()
        _settle(app)
        view = window.timeline_view
        problems = (
            outside_screen(window) + horizontal_scrolling(view.scroll_area) + clipped_texts(view)
        )
        window.go_back()
        _settle(app)
        return problems

    def counselling() -> list[str]:
        window.counselling.set_active(True)
        _settle(app, 8)
        problems = outside_screen(window) + clipped_texts(window.counselling.bar)
        problems += horizontal_scrolling(window.reader)
        window.counselling.set_active(False)
        _settle(app)
        return problems

    def side_by_side() -> list[str]:
        window.side_by_side.action.trigger()
        _settle(app)
        view = window.side_by_side.view
        problems = outside_screen(window) + clipped_texts(view)
        for reader in view.readers.values():
            problems += horizontal_scrolling(reader)
        window.side_by_side.action.trigger()
        _settle(app)
        return problems

    checks: dict[str, Callable[[], list[str]]] = {
        "main": main,
        "care-card": care_card,
        "handout": handout,
        "shortcuts": shortcuts,
        "preferences": preferences,
        "first-start": first_start,
        "errors": errors,
        "glossary": dock(window.search_tools.glossary_dock),
        "questions": dock(window.care_tools.question_dock),
        "treatment-path": treatment_path,
        "counselling": counselling,
        "side-by-side": side_by_side,
    }
    for scale in scales:
        window.set_text_scale(scale)
        _settle(app)
        for item, check in checks.items():
            try:
                found[f"{lang}/{scale}/{item}"] = check()
            except Exception as error:  # a crash is a finding too, and the rest goes on
                found[f"{lang}/{scale}/{item}"] = [f"the check failed: {error!r}"]
    window.close()
    return found


def main(argv: list[str]) -> int:
    scales = [int(part) for part in (argv[1] if len(argv) > 1 else "100,200,300").split(",")]
    langs = argv[2].split(",") if len(argv) > 2 else ["en", "de"]
    with tempfile.TemporaryDirectory() as config:
        os.environ["HER2GUIDE_CONFIG_DIR"] = config
        results: dict[str, list[str]] = {}
        for lang in langs:
            results.update(audit(lang, scales))
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

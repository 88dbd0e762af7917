"""What the window builds after its first paint is there whenever the reader reaches it: in the
menus (opened at once or later), through its shortcuts, in the glossary dock, and in the language
shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.i18n import gettext_for
from her2guide.paths import content_dir, resources_dir
from her2guide.settings import Settings
from her2guide.ui.contents_tree import BASE_POINT_SIZE
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow
from tests.helpers import WindowFactory


def _entries(menu: QMenu) -> list[str]:
    """A menu's entries as the reader sees them, submenus with their entries."""
    entries = []
    for action in menu.actions():
        if action.isSeparator():
            entries.append("---")
        elif action.menu() is not None:
            entries.append(f"{action.text()} > {', '.join(_entries(action.menu()))}")
        else:
            entries.append(action.text())
    return entries


def _menus(window: MainWindow) -> dict[str, list[str]]:
    menus = (window.file_menu, window.view_menu, window.go_menu, window.help_menu)
    return {menu.title(): _entries(menu) for menu in menus}


def _unpainted_window(qtbot: QtBot, tmp_path: Path, lang: str = "en") -> MainWindow:
    """A window as it is before its first paint: built, not yet shown."""
    create_application()
    library = Library(content_dir(), resources_dir())
    window = MainWindow(library, Settings(tmp_path / "s.ini"), LanguageController(lang))
    qtbot.addWidget(window)
    return window


def _painted(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.after_first_paint.done)


def test_the_rest_is_built_right_after_the_first_paint(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    unpainted = _unpainted_window(qtbot, tmp_path)
    assert not unpainted.after_first_paint.done  # not before the paint: start-up stays short
    window = make_window()
    _painted(qtbot, window)
    view = _menus(window)["&View"]
    assert "Side by side (English and German)" in view
    assert "Counselling mode" in view
    assert view[-1].startswith("&Read aloud > ")
    assert window.side_by_side.view.parent() is not None


def test_a_menu_opened_before_the_build_shows_every_entry_in_its_place(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    painted = make_window()
    _painted(qtbot, painted)
    complete = _menus(painted)
    window = _unpainted_window(qtbot, tmp_path)
    for menu in (window.file_menu, window.view_menu, window.go_menu, window.help_menu):
        menu.aboutToShow.emit()  # what opening it does first
    assert window.after_first_paint.done
    assert _menus(window) == complete


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen menus
def test_each_menu_opened_right_after_start_has_its_entries(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    for menu in (window.file_menu, window.view_menu, window.go_menu, window.help_menu):
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible)
        assert window.after_first_paint.done
        assert [entry for entry in _entries(menu) if entry != "---"]
        menu.hide()
    assert "Counselling mode" in _entries(window.view_menu)
    go = _entries(window.go_menu)
    assert go[-3:] == ["On this page…", "Next section", "Previous section"]


def test_the_shortcuts_of_what_is_built_later_work_right_after_start(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(active=True)
    _painted(qtbot, window)
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.reader, Qt.Key.Key_B, control_shift)
    assert window.views.currentWidget() is window.side_by_side.view
    qtbot.keyClick(window.reader, Qt.Key.Key_B, control_shift)
    assert window.views.currentWidget() is window.reader
    qtbot.keyClick(window.reader, Qt.Key.Key_F11)
    assert window.counselling.active
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.counselling.active)


def test_what_is_built_later_speaks_the_language_shown_and_follows_a_switch(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(lang="de")
    _painted(qtbot, window)
    german = gettext_for("de", "Counselling mode")
    assert german != "Counselling mode"
    assert window.counselling.action.text() == german
    assert window.reading_tools.menu.title() == gettext_for("de", "&Read aloud")
    window.languages.set_language("en")
    qtbot.waitUntil(lambda: window.counselling.action.text() == "Counselling mode")
    assert window.reading_tools.menu.title() == "&Read aloud"
    assert window.side_by_side.action.text() == "Side by side (English and German)"


def test_nothing_on_screen_moves_when_the_rest_arrives(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = MainWindow._build_after_first_paint
    monkeypatch.setattr(MainWindow, "_build_after_first_paint", lambda _self: None)
    window = make_window()
    _painted(qtbot, window)
    qtbot.wait(100)
    before = window.grab().toImage()
    build(window)
    qtbot.wait(100)
    assert window.grab().toImage() == before
    assert window.counselling.action.text() == "Counselling mode"  # it did arrive


def test_the_glossary_opened_before_the_first_paint_is_whole_in_the_language_and_size_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = _unpainted_window(qtbot, tmp_path, lang="de")
    window.set_text_scale(150)
    window.search_tools.glossary_action.trigger()  # View → Glossary, or Ctrl+G
    window.show()
    qtbot.waitExposed(window)
    dock = window.search_tools.glossary_dock
    assert dock.isVisible()
    shown = dock.widget()  # on screen with the dock, before anything asks for the panel
    assert shown is not None
    assert shown.isVisible()
    panel = window.search_tools.glossary_panel
    assert panel.isVisible()
    assert panel.terms.count() > 0
    assert panel.filter_label.text() == gettext_for("de", "Fi&lter the glossary:")
    assert panel.terms.font().pointSizeF() == BASE_POINT_SIZE * 1.5


def test_my_questions_opened_before_the_first_paint_offer_the_page_s_questions(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = _unpainted_window(qtbot, tmp_path, lang="de")
    window.care_tools.questions_action.trigger()  # View → My questions, or Ctrl+Shift+M
    window.show()
    qtbot.waitExposed(window)
    shown = window.care_tools.question_dock.widget()
    assert shown is not None
    assert shown.isVisible()
    panel = window.care_tools.question_panel
    page = window.content.pages[window.current_page]
    suggested = [panel.suggestions.item(row).text() for row in range(panel.suggestions.count())]
    assert suggested == list(page.questions)

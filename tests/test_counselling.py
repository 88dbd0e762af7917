"""Counselling mode as a nurse uses it: full screen, larger text, the guided path, teach-back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot

from her2guide import themes
from her2guide.content.guided_path import TIMELINE_STEP
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.settings import Settings
from her2guide.ui import theming
from her2guide.ui.main_window import MainWindow
from her2guide.ui.teach_back import closing_heading
from tests.helpers import FIXTURE_CONTENT, WindowFactory


def _place(window: MainWindow) -> str:
    """What the window shows: a page id, or "timeline"."""
    location = window.history.current
    assert location is not None
    if location.kind == "timeline":
        assert window.views.currentWidget() is window.timeline_view
        return TIMELINE_STEP
    return location.target


def _checked_step(window: MainWindow) -> int | None:
    """The step ticked in the step bar's list."""
    actions = window.counselling.bar.step_actions
    return next((index for index, action in enumerate(actions) if action.isChecked()), None)


def _start(qtbot: QtBot, window: MainWindow) -> None:
    """Starts the mode and waits for the full-screen window (the platform resizes it later)."""
    window.counselling.action.trigger()
    assert window.counselling.active
    screen = window.screen().size()
    qtbot.waitUntil(lambda: window.size() == screen)


def test_counselling_mode_is_calm_and_gives_back_the_window_as_it_was(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    window.zoom_in_action.trigger()
    assert window.counselling.action.shortcut() == QKeySequence("F11")
    assert window.counselling.action in window.view_menu.actions()
    _start(qtbot, window)
    assert window.isFullScreen()
    assert window.text_scale == 160
    for chrome in (window.menuBar(), window.toolbar, window.contents, window.statusBar()):
        assert chrome.isHidden()
    assert window.counselling.toolbar.isVisible()
    assert _place(window) == "side-effects"
    window.zoom_in_action.trigger()
    assert window.text_scale == 170
    assert Settings(window.settings.path).text_scale == 110
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not window.counselling.active
    assert not window.isFullScreen()
    assert window.text_scale == 110
    assert window.menuBar().isVisible()
    assert window.contents.isVisible()
    assert window.counselling.toolbar.isHidden()
    window.close()
    assert Settings(window.settings.path).text_scale == 110


def test_shortcuts_of_hidden_menus_keep_working_in_the_mode(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Qt ignores the shortcut of an action whose only menus and toolbars are hidden."""
    window = make_window()
    _start(qtbot, window)
    for action in (window.zoom_in_action, window.switch_language_action, window.back_action):
        assert action in window.actions()
    window.counselling.bar.leave_button.click()
    assert not window.counselling.active
    assert window.zoom_in_action not in window.actions()


def test_the_steps_follow_the_guided_path_of_the_content(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="welcome", content=FIXTURE_CONTENT)
    bar = window.counselling.bar
    _start(qtbot, window)
    assert _checked_step(window) is None
    assert bar.step_button.full_text() == "Not on the path yet: next is step 1 of 3"
    assert not bar.previous_button.isEnabled()
    seen = []
    while bar.next_button.isEnabled():
        qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
        seen.append(_place(window))
    assert tuple(seen) == ("her2-basics", TIMELINE_STEP, "side-effects")
    assert bar.step_button.full_text() == "Step 3 of 3: Side effects"
    window.counselling.previous_action.trigger()
    assert _place(window) == TIMELINE_STEP
    window.counselling.previous_action.trigger()
    assert _place(window) == "her2-basics"
    assert bar.step_button.full_text() == "Step 1 of 3: What is HER2?"
    assert _checked_step(window) == 0
    assert window.counselling.next_action.shortcut() == QKeySequence("Ctrl+PgDown")
    assert window.counselling.previous_action.shortcut() == QKeySequence("Ctrl+PgUp")


def _teach_back_in_view(window: MainWindow) -> bool:
    """Whether the teach-back box is on screen: the source list starts just below it."""
    reader = window.reader
    sources = closing_heading(reader.document())
    top = reader.document().documentLayout().blockBoundingRect(sources).top()
    bottom_of_box = top - reader.verticalScrollBar().value()
    return 0 < bottom_of_box <= reader.viewport().height()


def test_page_down_reads_a_page_to_its_teach_back_then_goes_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="her2-basics")
    _start(qtbot, window)
    bar = window.reader.verticalScrollBar()
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    assert _place(window) == "her2-basics"
    assert bar.value() > 0
    while not _teach_back_in_view(window):
        qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
        assert _place(window) == "her2-basics"
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    assert _place(window) == "how-treatments-work"
    assert bar.value() == 0
    qtbot.keyClick(window.reader, Qt.Key.Key_PageUp)
    assert _place(window) == "her2-basics"
    assert _teach_back_in_view(window)
    assert bar.value() < bar.maximum()  # the source list below is not paged through
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    assert _place(window) == "how-treatments-work"
    qtbot.keyClick(window.reader, Qt.Key.Key_PageUp)
    qtbot.keyClick(window.reader, Qt.Key.Key_PageUp)
    assert _place(window) == "her2-basics"
    assert not _teach_back_in_view(window)
    window.counselling.set_active(False)
    bar.setValue(bar.maximum())
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    assert _place(window) == "her2-basics"


def test_page_keys_in_the_side_by_side_columns_step_too(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    _start(qtbot, window)
    window.side_by_side.action.trigger()
    english = window.side_by_side.view.readers["en"]
    english.verticalScrollBar().setValue(english.verticalScrollBar().maximum())
    qtbot.keyClick(english, Qt.Key.Key_PageDown)
    assert _place(window) == "when-to-call"
    assert english.document().firstBlock().text() == "When to call your care team now"


def test_page_down_on_the_timeline_goes_to_the_next_step(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="how-treatments-work")
    window.settings.you_are_here = "second-line"
    _start(qtbot, window)
    window.counselling.next_action.trigger()
    assert _place(window) == TIMELINE_STEP
    assert window.timeline_view is not None
    widget = window.timeline_view.timeline_widget
    assert widget.navigation.current_id == widget.you_are_here() == "second-line"
    area = window.timeline_view.scroll_area.verticalScrollBar()
    area.setValue(area.maximum())
    qtbot.keyClick(widget, Qt.Key.Key_PageDown)
    assert _place(window) == "side-effects"


def test_each_page_ends_with_its_teach_back_question(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="when-to-call")
    question = window.content.pages["when-to-call"].teach_back
    assert question not in window.reader.toPlainText()
    _start(qtbot, window)
    text = window.reader.toPlainText()
    assert text.index("Your turn") < text.index(question) < text.rindex("Sources")
    window.counselling.bar.step_actions[0].trigger()
    assert _place(window) == "her2-basics"
    assert window.content.pages["her2-basics"].teach_back in window.reader.toPlainText()
    window.counselling.set_active(False)
    assert "Your turn" not in window.reader.toPlainText()


def test_a_page_off_the_path_keeps_the_place_on_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="her2-basics", content=FIXTURE_CONTENT)
    _start(qtbot, window)
    bar = window.counselling.bar
    assert _checked_step(window) == 0
    window.open_page("glossary")
    assert _checked_step(window) is None
    assert bar.step_button.full_text() == "Off the path (after step 1 of 3)"
    window.counselling.next_action.trigger()
    assert _place(window) == TIMELINE_STEP
    window.open_page("glossary")
    window.counselling.previous_action.trigger()
    assert _place(window) == TIMELINE_STEP


def test_the_mode_speaks_german_and_shows_both_languages_side_by_side(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="her2-basics")
    _start(qtbot, window)
    window.counselling.bar.language_button.click()
    bar = window.counselling.bar
    qtbot.waitUntil(lambda: bar.leave_button.text() == "Beenden")
    assert bar.step_button.full_text() == "Schritt 1 von 6: Was ist HER2?"
    assert bar.title_label.text() == "Schritt für Schritt"
    assert "Jetzt sind Sie dran" in window.reader.toPlainText()
    window.side_by_side.action.trigger()
    readers = window.side_by_side.view.readers
    assert "Your turn" in readers["en"].toPlainText()
    assert (
        window.library.language("de").pages["her2-basics"].teach_back in readers["de"].toPlainText()
    )
    window.counselling.next_action.trigger()
    title = without_soft_hyphens(readers["de"].document().firstBlock().text())
    assert title == "Wie Medikamente gegen HER2 wirken"
    assert "Jetzt sind Sie dran" in readers["de"].toPlainText()


def test_the_step_bar_has_targets_large_enough_for_unsteady_hands(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _start(qtbot, window)
    for widget in window.counselling.bar.buttons():
        assert widget.height() >= 44, widget
        assert widget.width() >= 44, widget


def test_the_teach_back_box_stays_when_the_theme_changes(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """View → Theme (or the desktop turning dark under "follow the system") while a nurse is
    counselling: the page is drawn in the new colours, and its teach-back question stays."""
    window = make_window(page="when-to-call")
    question = window.content.pages["when-to-call"].teach_back
    _start(qtbot, window)
    window.access_tools.theme_actions[themes.DARK_ID].trigger()
    assert window.access_tools.themes.theme is themes.DARK
    text = window.reader.toPlainText()
    assert text.index("Your turn") < text.index(question) < text.rindex("Sources")
    window.side_by_side.action.trigger()
    window.access_tools.theme_actions[themes.HIGH_CONTRAST_ID].trigger()
    for lang, reader in window.side_by_side.view.readers.items():
        page = window.library.language(lang).pages["when-to-call"]
        assert page.teach_back in reader.toPlainText()


def test_the_teach_back_box_stays_when_the_desktop_turns_dark(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under "follow the system", the desktop switching to dark redraws the page, box and all."""
    window = make_window(page="her2-basics")
    window.access_tools.themes.set_choice(themes.SYSTEM)
    _start(qtbot, window)
    question = window.content.pages["her2-basics"].teach_back
    assert question in window.reader.toPlainText()
    monkeypatch.setattr(theming, "system_preferences", lambda: (True, False))
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.access_tools.themes.theme is themes.DARK
    assert question in window.reader.toPlainText()


def test_leaving_the_mode_gives_the_page_bar_its_height_back(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The mode's larger text and targets make the bar's controls taller; after it, the reading
    toolbar is as high as before (the "On this page" box kept its large minimum once)."""
    window = make_window(page="side-effects")
    window.show()
    qtbot.waitExposed(window)
    outline = window.reading_tools.outline
    heights = (outline.height(), outline.parentWidget().height())
    _start(qtbot, window)
    assert outline.height() > heights[0]
    window.counselling.action.trigger()
    assert not window.counselling.active
    qtbot.waitUntil(lambda: (outline.height(), outline.parentWidget().height()) == heights)

"""Windows fit the screen: the main window's size on first start and after a restart, the
contents pane that can be hidden and folds away by itself, side panels that do not widen the
window, dialogs whose buttons stay visible, and one text size for menus, toolbar and tooltips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from her2guide.settings import Settings
from her2guide.ui import main_window, screen_fit
from her2guide.ui.app_text_size import system_font
from her2guide.ui.first_start import FirstStartNotice
from her2guide.ui.language import LanguageController
from her2guide.ui.preferences import PreferencesDialog
from tests.helpers import WindowFactory


def _screen() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def test_the_first_window_takes_its_size_from_the_screen(make_window: WindowFactory) -> None:
    window = make_window()
    screen = _screen()
    assert screen.contains(window.frameGeometry())
    assert window.width() >= min(screen.width() * 0.8, screen_fit.FIRST_START_LARGEST.width())


def test_a_headless_run_never_saves_the_window_geometry(make_window: WindowFactory) -> None:
    window = make_window()
    window.resize(853, 291)
    window.close()
    assert Settings(window.settings.path).geometry is None


def test_a_saved_geometry_comes_back_only_when_it_fits(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "can_save_geometry", lambda: True)
    window = make_window()
    window.resize(900, 640)
    window.close()
    assert make_window().size() == QSize(900, 640)

    tiny = make_window()
    tiny.resize(682, 254)  # what a saved large-screen geometry became on a small screen
    tiny.close()
    restarted = make_window()
    assert restarted.height() > 254
    assert _screen().contains(restarted.frameGeometry())


def test_the_contents_pane_can_be_hidden_and_stays_hidden(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(size=(1400, 900), active=True)
    qtbot.waitUntil(window.contents.isVisible)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F9)
    assert not window.contents.isVisible()
    assert window.window_fit.contents_action.text() == "Contents"
    window.close()
    restarted = make_window(lang="de", size=(1400, 900))
    assert not restarted.contents.isVisible()
    assert restarted.window_fit.contents_action.text() == "Inhalt"
    restarted.window_fit.contents_action.trigger()
    assert restarted.contents.isVisible()


def test_the_contents_fold_away_when_the_page_would_be_too_narrow(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(size=(1024, 700))
    qtbot.waitUntil(window.contents.isVisible)
    window.set_text_scale(250)
    qtbot.waitUntil(lambda: not window.contents.isVisible())
    assert window.reader.width() >= window.window_fit.reading_width()
    assert window.window_fit.contents_action.isChecked()  # the reader's choice is kept
    window.set_text_scale(100)
    qtbot.waitUntil(window.contents.isVisible)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_side_panels_share_one_dock_and_never_widen_the_window(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    window = make_window(lang=lang, scale=200, size=(1000, 700))
    width = window.width()
    window.care_tools.questions_action.trigger()
    window.search_tools.glossary_action.trigger()
    qtbot.waitUntil(lambda: window.search_tools.glossary_dock.isVisible())
    qtbot.wait(10)
    assert window.width() <= width
    assert window.tabifiedDockWidgets(window.search_tools.glossary_dock)
    glossary = window.search_tools.glossary_dock
    assert glossary.width() >= window.window_fit.dock_width(glossary) - 8
    assert glossary.width() >= 20 * glossary.widget().fontMetrics().averageCharWidth()


def test_menus_toolbar_and_tooltips_follow_the_text_size(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(scale=200)
    base = system_font().pointSizeF()
    qtbot.waitUntil(lambda: window.menuBar().font().pointSizeF() == pytest.approx(2 * base))
    button = window.toolbar.widgetForAction(window.timeline_action)
    assert button.font().pointSizeF() == pytest.approx(2 * base)
    assert QToolTip.font().pointSizeF() == pytest.approx(2 * base)
    window.set_text_scale(100)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_after_the_language_button_the_notice_can_be_confirmed_with_return(
    qtbot: QtBot,
) -> None:
    languages = LanguageController("en")
    notice = FirstStartNotice(languages, 200)
    qtbot.addWidget(notice)
    with qtbot.waitExposed(notice):
        notice.show()
    notice.language_button.setFocus()
    qtbot.keyClick(notice.language_button, Qt.Key.Key_Space)
    assert languages.language == "de"
    assert notice.confirm_button.hasFocus()
    languages.set_language("en")


def test_a_dialog_larger_than_the_screen_scrolls_and_keeps_its_buttons(
    qtbot: QtBot, tmp_path
) -> None:
    dialog = PreferencesDialog(Settings(tmp_path / "s.ini"), 300)
    qtbot.addWidget(dialog)
    dialog.layout_.addSpacing(4000)  # far more than any screen
    with qtbot.waitExposed(dialog):
        dialog.show()
    screen = _screen()
    assert screen.contains(dialog.frameGeometry())
    assert dialog.body.verticalScrollBar().maximum() > 0
    for button in dialog.buttons.buttons():
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)

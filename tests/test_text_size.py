"""Text size as a reader changes it: shortcuts, View → Text size, what follows it, restarts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from her2guide.settings import Settings
from tests.helpers import WindowFactory


def test_the_zoom_actions_answer_to_the_usual_keys(make_window: WindowFactory) -> None:
    window = make_window()
    assert QKeySequence("Ctrl++") in window.zoom_in_action.shortcuts()
    assert QKeySequence("Ctrl+=") in window.zoom_in_action.shortcuts()
    assert window.zoom_out_action.shortcut() == QKeySequence("Ctrl+-")
    assert window.zoom_reset_action.shortcut() == QKeySequence("Ctrl+0")


def test_smaller_and_normal_text_are_remembered(make_window: WindowFactory) -> None:
    window = make_window()
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert window.text_scale == 80
    window.close()
    assert Settings(window.settings.path).text_scale == 80
    restarted = make_window()
    assert restarted.text_scale == 80
    restarted.zoom_reset_action.trigger()
    restarted.close()
    assert Settings(window.settings.path).text_scale == 100


def test_text_size_stops_at_50_and_300_percent(make_window: WindowFactory) -> None:
    window = make_window()
    window.text_size_menu.preset_actions[300].trigger()
    assert not window.zoom_in_action.isEnabled()
    window.zoom_in_action.trigger()
    assert window.text_scale == 300
    window.text_size_menu.preset_actions[50].trigger()
    assert not window.zoom_out_action.isEnabled()
    window.zoom_out_action.trigger()
    assert window.text_scale == 50


def test_the_view_menu_offers_fixed_sizes_and_shows_the_size_in_use(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    menu = window.text_size_menu
    assert menu.menuAction() in window.view_menu.actions()
    assert menu.title() == "Text size: 100 %"
    assert menu.preset_actions[100].isChecked()
    menu.preset_actions[200].trigger()
    assert window.text_scale == 200
    assert Settings(window.settings.path).text_scale == 200
    assert menu.title() == "Text size: 200 %"
    window.zoom_in_action.trigger()
    assert menu.title() == "Text size: 210 %"
    assert not any(action.isChecked() for action in menu.preset_actions.values())
    window.languages.set_language("de")
    qtbot.waitUntil(lambda: menu.title() == "Schriftgröße: 210 %")


def test_reader_contents_timeline_and_side_panels_follow_the_size(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    window.show_timeline()
    assert window.timeline_view is not None
    window.side_by_side.action.trigger()
    sizes = {
        "reader": lambda: window.reader.document().defaultFont().pointSizeF(),
        "contents": lambda: window.contents.font().pointSizeF(),
        "timeline": lambda: window.timeline_view.font().pointSizeF(),
        "side by side": lambda: (
            window.side_by_side.view.readers["de"].document().defaultFont().pointSizeF()
        ),
        "step bar": lambda: window.counselling.bar.font().pointSizeF(),
    }
    before = {name: size() for name, size in sizes.items()}
    window.text_size_menu.preset_actions[150].trigger()
    for name, size in sizes.items():
        assert size() == before[name] * 1.5, name


def test_the_page_keeps_its_size_once_the_whole_app_has_followed(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """The app-wide font change reaches the widgets a moment after the reader's own; the page
    must not fall back to the (smaller) application font then, at any size or back at 100 %."""
    window = make_window()
    side = window.side_by_side
    side.action.trigger()
    pages = {
        "reader": window.reader,
        "side by side": side.view.readers["de"],
    }
    at_100 = {name: view.document().defaultFont().pointSizeF() for name, view in pages.items()}
    for preset in (200, 100):
        window.text_size_menu.preset_actions[preset].trigger()
        qtbot.wait(50)
        for name, view in pages.items():
            assert view.document().defaultFont().pointSizeF() == at_100[name] * preset / 100, name

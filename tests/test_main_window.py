"""The reader as a user meets it: start, contents, links, back/forward, language, restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.settings import Settings
from her2guide.ui.main_window import MainWindow
from tests.helpers import FIXTURE_CONTENT, WindowFactory


def _click_page(qtbot: QtBot, window: MainWindow, page_id: str) -> None:
    index = window.contents.page_index(page_id)
    assert index is not None, f"{page_id} is not in the contents"
    window.contents.scrollTo(index)
    rect = window.contents.visualRect(index)
    qtbot.mouseClick(window.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _page_heading(window: MainWindow) -> str:
    return without_soft_hyphens(window.reader.document().firstBlock().text())


def test_start_shows_the_home_page(make_window: WindowFactory) -> None:
    window = make_window()
    assert window.current_page == "welcome"
    assert _page_heading(window) == "Welcome"
    assert window.windowTitle() == "Welcome \u2014 HER2 Guide"
    assert window.contents.current_page() == "welcome"


def test_clicking_a_page_in_the_contents_opens_it(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    _click_page(qtbot, window, "side-effects")
    assert window.current_page == "side-effects"
    assert _page_heading(window) == window.content.pages["side-effects"].title
    assert "In short" in window.reader.toPlainText()


def test_back_and_forward_retrace_the_visited_pages(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert not window.back_action.isEnabled()
    _click_page(qtbot, window, "her2-basics")
    _click_page(qtbot, window, "glossary")
    window.back_action.trigger()
    assert window.current_page == "her2-basics"
    window.back_action.trigger()
    assert window.current_page == "welcome"
    assert not window.back_action.isEnabled()
    window.forward_action.trigger()
    assert window.current_page == "her2-basics"
    assert window.contents.current_page() == "her2-basics"


def test_links_in_a_page_open_the_linked_page(make_window: WindowFactory) -> None:
    window = make_window(page="her2-basics")
    window.reader.anchorClicked.emit(QUrl("page:side-effects"))
    assert window.current_page == "side-effects"
    window.reader.anchorClicked.emit(QUrl("page:glossary"))
    assert window.current_page == "glossary"


def test_language_switch_changes_everything_and_keeps_the_page(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    with qtbot.waitSignal(window.languages.language_changed):
        window.switch_language_action.trigger()
    qtbot.waitUntil(lambda: window.go_menu.title() == "&Gehe zu")
    german = window.library.language("de").pages["side-effects"]
    assert window.current_page == "side-effects"
    assert _page_heading(window) == german.title
    assert window.windowTitle() == f"{german.title} \u2014 HER2-Ratgeber"
    assert window.file_menu.title() == "&Datei"
    assert window.back_action.text() == "Zurück"
    assert window.switch_language_action.text() == "Zu English wechseln"
    model = window.contents.model()
    section_titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "Nebenwirkungen und Sicherheit" in section_titles
    assert window.contents.current_page() == "side-effects"
    assert window.reader.accessibleName() == "Seitentext"


def test_qt_standard_buttons_follow_the_language(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.languages.set_language("de")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_settings_persist_across_a_restart(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    _click_page(qtbot, window, "lines-of-therapy")
    window.languages.set_language("de")
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    window.close()
    settings = Settings(window.settings.path)
    assert settings.language == "de"
    restarted = make_window(lang=settings.language)
    assert restarted.current_page == "lines-of-therapy"
    assert restarted.text_scale == 120


def test_text_size_changes_the_reader_font(make_window: WindowFactory) -> None:
    window = make_window()
    before = window.reader.document().defaultFont().pointSizeF()
    window.zoom_in_action.trigger()
    assert window.reader.document().defaultFont().pointSizeF() > before
    window.zoom_reset_action.trigger()
    assert window.reader.document().defaultFont().pointSizeF() == before


def test_broken_page_is_left_out_and_reported(
    content_copy: Path, make_window: WindowFactory
) -> None:
    (content_copy / "en" / "resistance.md").write_text("---\ntitle: [broken\n---\n")
    window = make_window(content=content_copy)
    assert window.contents.page_index("resistance") is None
    assert window.contents.page_index("side-effects") is not None
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("1 content problem found; the page concerned is left out.")
    )


def test_external_link_opens_only_after_the_user_agrees(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    opened: list[QUrl] = []
    monkeypatch.setattr("her2guide.ui.main_window.QDesktopServices.openUrl", opened.append)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    url = QUrl("https://doi.org/10.1055/a-1471-4063")
    window.reader.anchorClicked.emit(url)
    assert opened == []
    window.reader.anchorClicked.emit(url)
    assert opened == [url]


def test_broken_link_says_so_in_the_status_bar(make_window: WindowFactory) -> None:
    window = make_window()
    window.reader.anchorClicked.emit(QUrl("missing:nowhere"))
    assert "does not exist" in window.statusBar().currentMessage()
    assert window.current_page == "welcome"


def test_reader_never_loads_images_from_outside_resources(make_window: WindowFactory) -> None:
    reader = make_window().reader
    image = 2
    assert reader.loadResource(image, QUrl("https://example.org/a.png")) is None
    assert reader.loadResource(image, QUrl("../../etc/passwd")) is None
    svg = reader.loadResource(image, QUrl("diagrams/adc.svg"))
    assert svg is not None
    assert not svg.isNull()


def test_timeline_opens_from_the_toolbar_and_from_page_links(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="her2-basics", content=FIXTURE_CONTENT)
    window.timeline_action.trigger()
    assert window.views.currentWidget() is window.timeline_view
    assert window.windowTitle() == "Treatment path \u2014 HER2 Guide"
    window.back_action.trigger()
    assert window.views.currentWidget() is window.reader
    window.reader.anchorClicked.emit(QUrl("timeline:brain"))
    assert window.views.currentWidget() is window.timeline_view
    assert window.timeline_view is not None
    assert window.timeline_view.timeline_widget.navigation.current_id == "brain"


def test_timeline_read_more_opens_the_explainer_page(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(content=FIXTURE_CONTENT)
    window.show_timeline("first-line")
    view = window.timeline_view
    assert view is not None
    qtbot.keyClick(view.timeline_widget, Qt.Key.Key_Down)
    option = view.timeline_widget.navigation.current_option
    assert option is not None
    assert option.page == "her2-basics"
    view.read_more_button.click()
    assert window.views.currentWidget() is window.reader
    assert window.current_page == option.page


def test_language_switch_on_the_timeline_keeps_the_selection(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(content=FIXTURE_CONTENT)
    window.show_timeline("first-line")
    view = window.timeline_view
    assert view is not None
    qtbot.keyClick(view.timeline_widget, Qt.Key.Key_Right)
    selected = view.timeline_widget.navigation.current_id
    assert selected == "brain"
    window.languages.set_language("de")
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Behandlungsweg"))
    assert view.timeline_widget.navigation.current_id == selected
    assert window.views.currentWidget() is view

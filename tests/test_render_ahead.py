"""The other language's page is rendered while the window is idle, so a switch only shows it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QAccessibleTextUpdateEvent,
    QImage,
    QTextBlock,
    QTextDocument,
    QTextFragment,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from her2guide.care_card import CARD_PAGE, ClinicContact
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.model import Rendered
from her2guide.ui import reader as reader_module
from her2guide.ui.main_window import MainWindow
from her2guide.ui.reader import PREPARE_DELAY_MS
from tests.helpers import WindowFactory


def test_a_page_shown_is_rendered_ahead_in_the_other_language(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    library = window.library
    library.language("de")  # read, as the search index worker does after start-up
    rendered: list[tuple[str, str]] = []
    render = library.render

    def spy(lang: str, page_id: str) -> Rendered | None:
        rendered.append((lang, page_id))
        return render(lang, page_id)

    monkeypatch.setattr(library, "render", spy)
    window.open_page("side-effects")
    qtbot.waitUntil(lambda: ("de", "side-effects") in rendered)


def _shown(window: MainWindow) -> tuple[str, str, float]:
    """What the reader shows: the document (text, colours, soft hyphens, boxes), its style
    sheet and its text size."""
    document = window.reader.document()
    return document.toHtml(), document.defaultStyleSheet(), document.defaultFont().pointSizeF()


def _as_drawn_afresh(window: MainWindow) -> tuple[str, str, float]:
    """What the reader shows once the page is drawn again the ordinary way (setHtml)."""
    window.refresh_page()
    return _shown(window)


def _halfway(qtbot: QtBot, window: MainWindow) -> None:
    window.reader.set_scroll_fraction(0.5)
    qtbot.wait(PREPARE_DELAY_MS + 200)  # the reader reads a moment: the window is idle


def _switch(window: MainWindow, lang: str) -> None:
    window.languages.set_language(lang)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory) -> MainWindow:
    window = make_window(page="side-effects", size=(1000, 700))
    window.library.language("de")  # read, as the search index worker does after start-up
    return window


def test_a_switch_shows_the_page_laid_out_ahead_at_the_same_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    _halfway(qtbot, window)
    prepared = [
        document
        for document in window.reader.findChildren(QTextDocument)
        if "Nebenwirkungen" in without_soft_hyphens(document.toPlainText())
    ]
    assert len(prepared) == 1, "the German page is laid out while the window is idle"
    _switch(window, "de")
    assert window.reader.document() is prepared[0]
    assert window.reader.scroll_fraction() == pytest.approx(0.5, abs=0.02)
    assert window.windowTitle().startswith("Nebenwirkungen")
    assert _shown(window) == _as_drawn_afresh(window)


def test_switching_back_and_forth_keeps_the_page_and_the_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    _halfway(qtbot, window)
    english = _shown(window)
    for lang in ("de", "en", "de", "en"):
        _switch(window, lang)
        assert window.reader.scroll_fraction() == pytest.approx(0.5, abs=0.02)
    assert _shown(window) == english


def _larger_text(window: MainWindow) -> None:
    window.set_text_scale(150)


def _dark_theme(window: MainWindow) -> None:
    window.access_tools.themes.set_choice("dark")


def _swiss_region(window: MainWindow) -> None:
    window.settings.region = "ch"
    window.apply_region()


def _another_page(window: MainWindow) -> None:
    window.open_page("help-and-support")


def _teach_back(window: MainWindow) -> None:
    window.set_teach_back(True)


def _new_clinic_numbers(window: MainWindow) -> None:
    window.open_page(CARD_PAGE)
    window.settings.clinic = ClinicContact(name="Brustzentrum", phone="+41 44 123 45 67")
    window.refresh_page()


@pytest.mark.parametrize(
    ("start", "change"),
    [
        ("side-effects", _larger_text),
        ("side-effects", _dark_theme),
        ("help-and-support", _swiss_region),  # its list of countries puts the reader's first
        ("side-effects", _another_page),
        ("side-effects", _teach_back),
        ("side-effects", _new_clinic_numbers),
    ],
)
def test_a_switch_right_after_a_change_shows_the_changed_page(
    qtbot: QtBot, window: MainWindow, start: str, change: Callable[[MainWindow], None]
) -> None:
    """The page laid out ahead is out of date; the switch shows the page as it is now."""
    window.open_page(start)
    _halfway(qtbot, window)
    change(window)
    QApplication.processEvents()
    page = window.current_page
    fraction = window.reader.scroll_fraction()
    text_size = window.reader.document().defaultFont().pointSizeF()
    _switch(window, "de")
    assert window.current_page == page
    assert window.reader.scroll_fraction() == pytest.approx(fraction, abs=0.02)
    assert window.reader.locale().name().startswith("de")
    assert window.reader.document().defaultFont().pointSizeF() == text_size
    assert _shown(window) == _as_drawn_afresh(window)


def test_find_bar_outline_and_read_aloud_use_the_page_switched_to(
    qtbot: QtBot, window: MainWindow
) -> None:
    _halfway(qtbot, window)
    _switch(window, "de")
    qtbot.wait(10)  # the outline reads the headings once the page is laid out
    tools = window.reading_tools
    outline = [heading.text for heading in tools.outline.headings]
    assert "Nebenwirkungen" in without_soft_hyphens(window.reader.page_html)
    window.search_tools.find_bar.open("Übelkeit")
    found = window.search_tools.find_bar.match_count
    window.search_tools.find_bar.close_bar()
    window.refresh_page()
    qtbot.wait(10)
    assert outline == [heading.text for heading in tools.outline.headings]
    window.search_tools.find_bar.open("Übelkeit")
    assert found == window.search_tools.find_bar.match_count > 0


def test_a_diagram_is_drawn_on_a_page_switched_to(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(page="antibody-drug-conjugates")
    window.library.language("de")
    qtbot.wait(PREPARE_DELAY_MS + 200)
    _switch(window, "de")
    document = window.reader.document()
    images = [
        fragment.charFormat().toImageFormat().name()
        for block in _blocks(document)
        for fragment in _fragments(block)
        if fragment.charFormat().isImageFormat()
    ]
    assert images
    for name in images:
        image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert isinstance(image, QImage)
        assert not image.isNull()


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


def test_a_screen_reader_is_told_of_the_page_switched_to(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []

    class ScreenReaderOn:
        """Qt's accessibility as when a screen reader runs: every text change is reported."""

        @staticmethod
        def isActive() -> bool:
            return True

        @staticmethod
        def updateAccessibility(event: QAccessibleTextUpdateEvent) -> None:
            told.append(event.textInserted())

    monkeypatch.setattr(reader_module, "QAccessible", ScreenReaderOn)
    _halfway(qtbot, window)
    _switch(window, "de")
    assert told == [window.reader.toPlainText()]
    assert told[0].startswith("Nebenwirkungen")


def test_the_treatment_path_and_counselling_keep_working_across_switches(
    qtbot: QtBot, window: MainWindow
) -> None:
    _halfway(qtbot, window)
    window.show_timeline()
    _switch(window, "de")
    assert window.views.currentWidget() is window.timeline_view
    assert window.windowTitle().startswith("Behandlungsweg")
    window.go_back()
    assert window.windowTitle().startswith("Nebenwirkungen")
    window.counselling.action.trigger()
    qtbot.wait(PREPARE_DELAY_MS + 200)
    _switch(window, "en")
    assert window.counselling.active
    assert window.windowTitle().startswith("Side effects")
    assert "Your turn" in window.reader.toPlainText()
    assert _shown(window) == _as_drawn_afresh(window)
    window.counselling.action.trigger()
    _switch(window, "de")
    assert "Nebenwirkungen" in without_soft_hyphens(window.reader.toPlainText())
    assert _shown(window) == _as_drawn_afresh(window)

"""Side by side: one page in English and German next to each other, at the same section."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextBlock
from pytestqt.qtbot import QtBot

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.ui.main_window import MainWindow
from her2guide.ui.side_by_side import SideBySideView
from tests.helpers import WindowFactory
from tests.test_main_window import _click_page


def _view(window: MainWindow) -> SideBySideView:
    return window.side_by_side.view


def _titles(window: MainWindow) -> dict[str, str]:
    return {
        lang: without_soft_hyphens(reader.document().firstBlock().text())
        for lang, reader in _view(window).readers.items()
    }


def _headings(view: SideBySideView, lang: str) -> list[QTextBlock]:
    document = view.readers[lang].document()
    blocks = []
    block = document.firstBlock()
    while block.isValid():
        if block.blockFormat().headingLevel():
            blocks.append(block)
        block = block.next()
    return blocks


def _heading_on_reading_line(view: SideBySideView, lang: str) -> int:
    """The index of the last heading above the reading line (see ``twin_scroll``)."""
    geometry = view.geometry_of(lang)
    value = view.readers[lang].verticalScrollBar().value()
    line = value * geometry.height / geometry.maximum
    tops = [top for _level, top in geometry.headings]
    return max(index for index, top in enumerate(tops) if top <= line + 2)


def test_the_page_is_shown_in_both_languages_with_the_same_id(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    assert window.side_by_side.action.shortcut() == QKeySequence("Ctrl+Shift+B")
    window.side_by_side.action.trigger()
    assert window.views.currentWidget() is _view(window)
    english, german = (window.library.language(lang).pages for lang in ("en", "de"))
    assert _titles(window) == {
        "en": english["side-effects"].title,
        "de": german["side-effects"].title,
    }
    _click_page(qtbot, window, "her2-basics")
    assert _view(window).page_id == window.current_page == "her2-basics"
    assert _titles(window) == {"en": "What is HER2?", "de": "Was ist HER2?"}
    _view(window).readers["de"].anchorClicked.emit(QUrl("page:glossary"))
    assert _titles(window) == {"en": "Glossary", "de": german["glossary"].title}
    window.side_by_side.action.trigger()
    assert window.views.currentWidget() is window.reader
    assert window.reader.document().firstBlock().text() == "Glossary"


def test_scrolling_one_column_keeps_the_other_at_the_same_section(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="lines-of-therapy")
    window.resize(1180, 700)
    window.side_by_side.action.trigger()
    view = _view(window)
    qtbot.waitUntil(lambda: view.readers["de"].verticalScrollBar().maximum() > 0)
    assert len(_headings(view, "en")) == len(_headings(view, "de")) > 5
    for source, other in (("en", "de"), ("de", "en")):
        geometry = view.geometry_of(source)
        bar = view.readers[source].verticalScrollBar()
        for index, (_level, top) in enumerate(geometry.headings[1:], start=1):
            bar.setValue(round((top + 10) * geometry.maximum / geometry.height))
            if bar.value() == bar.maximum():
                break
            assert _heading_on_reading_line(view, source) == index
            assert _heading_on_reading_line(view, other) == index, (source, index)


def test_the_columns_stay_english_then_german_whatever_the_interface_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="when-to-call")
    window.side_by_side.action.trigger()
    view = _view(window)
    assert [label.text() for label in view.headers.values()] == [
        "<b>English</b>",
        "<b>Deutsch (German)</b>",
    ]
    bar = view.readers["en"].verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    german_place = view.readers["de"].verticalScrollBar().value()
    window.languages.set_language("de")
    qtbot.waitUntil(lambda: view.headers["de"].text() == "<b>Deutsch</b>")
    assert view.headers["en"].text() == "<b>English (Englisch)</b>"
    assert window.side_by_side.action.text() == "Nebeneinander (Deutsch und Englisch)"
    assert window.views.currentWidget() is view
    assert _titles(window)["en"] == "When to call your care team now"
    assert abs(view.readers["de"].verticalScrollBar().value() - german_place) <= 2

"""Soft hyphens: in the rendered pages at dictionary points, never in what is searched, found,
copied or read out."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QGuiApplication
from pytestqt.qtbot import QtBot

from her2guide.content.hyphenate import SOFT_HYPHEN, hyphenate_html, hyphenate_text
from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.search.index import SearchIndex
from her2guide.ui.main_window import MainWindow
from tests.helpers import WindowFactory

SHY = SOFT_HYPHEN
LIBRARY = Library(content_dir(), resources_dir())


def _html(lang: str, page_id: str) -> str:
    rendered = LIBRARY.render(lang, page_id)
    assert rendered is not None
    return rendered.html


# -- rendering ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_id", "hyphenated"),
    [
        ("side-effects", f"Ne{SHY}ben{SHY}wir{SHY}kun{SHY}gen"),
        ("glossary", f"Erst{SHY}li{SHY}ni{SHY}en{SHY}the{SHY}ra{SHY}pie"),
        ("antibody-drug-conjugates", f"Trastu{SHY}zu{SHY}mab"),
    ],
)
def test_german_pages_carry_soft_hyphens_at_dictionary_points(
    page_id: str, hyphenated: str
) -> None:
    assert hyphenated in _html("de", page_id)


def test_english_pages_carry_soft_hyphens_at_dictionary_points() -> None:
    text = re.sub(r"<[^>]*>", "", _html("en", "lines-of-therapy"))
    assert f"chemo{SHY}ther{SHY}apy" in text
    assert "chemotherapy" not in text.lower()  # every long word got its points, not only some


def test_headings_tables_and_glossary_headwords_are_hyphenated() -> None:
    side_effects = _html("de", "side-effects")
    assert re.search(rf"<h1>[^<]*Ne{SHY}ben{SHY}wir{SHY}kun{SHY}gen", side_effects)
    table_cells = re.findall(r"<td>(.*?)</td>", _html("de", "lines-of-therapy"), re.S)
    assert any(SHY in cell for cell in table_cells)
    headword = r'<p class="term"><a name="[^"]*"></a><b>([^<]*)</b>'
    headwords = re.findall(headword, _html("de", "glossary"))
    assert any(SHY in headword for headword in headwords)


def test_short_words_tags_attributes_addresses_and_code_stay_whole() -> None:
    for lang, page_id in [("de", "side-effects"), ("en", "glossary"), ("de", "glossary")]:
        html = _html(lang, page_id)
        for tag in re.findall(r"<[^>]*>", html):
            assert SHY not in tag, tag
        assert not re.search(rf"https?://\S*{SHY}", html)
    assert hyphenate_text("Herz", "de") == "Herz"
    untouched = '<code>Nebenwirkungen</code> <a href="x">https://example.org/Nebenwirkungen</a>'
    assert hyphenate_html(untouched, "de") == untouched


def test_no_break_leaves_fewer_than_three_letters() -> None:
    """The breaks the issue saw ("Trastuzum/ab", "Nebenwirkung/en") are not offered."""
    assert not hyphenate_text("Trastuzumab", "en").endswith(f"{SHY}ab")
    assert not hyphenate_text("Nebenwirkungen", "de").endswith(f"{SHY}en")


def test_the_glossary_panel_breaks_its_headword_at_a_hyphenation_point(
    make_window: WindowFactory,
) -> None:
    window = make_window(lang="de")
    window.search_tools.glossary_action.trigger()
    panel = window.search_tools.glossary_panel
    assert panel.select_term("response-rate")
    heading = panel.definition.document().firstBlock().text()
    assert heading == f"An{SHY}sprech{SHY}rate"


# -- search, find, copy, screen readers -------------------------------------------------------


def test_search_finds_long_words_and_shows_them_without_soft_hyphens() -> None:
    index = SearchIndex(LIBRARY.language, content_dir() / "synonyms.yaml")
    results = index.search("Nebenwirkungen", ["de"])
    assert results
    for result in results:
        shown = [result.title, result.heading, result.match, *(text for text, _ in result.snippet)]
        assert not any(SHY in text for text in shown)
    assert any("nebenwirkungen" in text.lower() for r in results for text, hit in r.snippet if hit)


def test_find_in_page_finds_a_word_the_page_breaks_with_soft_hyphens(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(lang="de", page="side-effects")
    assert SHY in window.reader.document().toRawText()
    bar = window.search_tools.find_bar
    window.search_tools.find_action.trigger()
    qtbot.keyClicks(bar.field, "Nebenwirkungen")
    written = window.reader.document().toRawText().replace(SHY, "")
    assert bar.match_count == written.count("Nebenwirkungen") > 0
    selections = window.reader.extraSelections()
    found = selections[bar.current_index].cursor.selectedText()
    assert found.replace(SHY, "") == "Nebenwirkungen"


def _copied(window_reader) -> tuple[str, str]:
    window_reader.selectAll()
    window_reader.copy()
    mime = QGuiApplication.clipboard().mimeData()
    return mime.text(), mime.html()


def test_copying_from_the_reader_gives_the_text_without_soft_hyphens(
    make_window: WindowFactory,
) -> None:
    window = make_window(lang="de", page="side-effects")
    text, html = _copied(window.reader)
    assert "Nebenwirkungen" in text
    assert SHY not in text
    assert SHY not in html


def test_copying_from_side_by_side_gives_the_text_without_soft_hyphens(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(lang="de", page="side-effects")
    window.side_by_side.action.trigger()
    reader = window.side_by_side.view.readers["de"]
    qtbot.waitUntil(lambda: SHY in reader.document().toRawText())
    text, html = _copied(reader)
    assert "Nebenwirkungen" in text
    assert SHY not in text + html


@pytest.fixture
def screen_reader_running() -> Iterator[None]:
    """Qt's accessibility is active, as when Orca or NVDA is running."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


@pytest.mark.usefixtures("screen_reader_running")
def test_a_screen_reader_reads_the_page_without_soft_hyphens(make_window: WindowFactory) -> None:
    window: MainWindow = make_window(lang="de", page="side-effects")
    window.open_page("lines-of-therapy")
    interface = QAccessible.queryAccessibleInterface(window.reader)
    assert interface is not None
    value = interface.text(QAccessible.Text.Value)
    assert "Therapielinien" in value
    assert SHY not in value
    text = interface.textInterface()
    assert SHY not in text.text(0, text.characterCount())

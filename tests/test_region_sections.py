"""Help and support puts the reader's own country first, in both languages, live."""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.library import Library
from her2guide.content.region_sections import reader_region_first
from her2guide.paths import content_dir, resources_dir
from tests.helpers import WindowFactory
from tests.test_region_preference import _choose_region

COUNTRIES = {
    "en": [
        "Germany",
        "Austria",
        "Switzerland",
        "United Kingdom",
        "United States",
        "Other countries",
    ],
    "de": [
        "Deutschland",
        "Österreich",
        "Schweiz",
        "Vereinigtes Königreich",
        "Vereinigte Staaten",
        "Andere Länder",
    ],
}


def _headings(document: str) -> list[str]:
    """The headings as written (on screen their long words carry soft hyphens)."""
    return re.findall(r"<h2[^>]*>(.*?)</h2>", without_soft_hyphens(document))


def _countries(headings: list[str], lang: str) -> list[str]:
    return [h for h in headings if h in COUNTRIES[lang]]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_readers_region_comes_first(lang: str) -> None:
    library = Library(content_dir(), resources_dir())
    germany, austria, switzerland, uk, us, other = COUNTRIES[lang]
    shown = {}
    for region in ("eu", "ch", "other"):
        library.region = region
        page = library.render(lang, "help-and-support")
        assert page is not None
        shown[region] = _headings(page.html)
    assert _countries(shown["ch"], lang) == [switzerland, germany, austria, uk, us, other]
    assert _countries(shown["eu"], lang) == [germany, austria, switzerland, uk, us, other]
    assert _countries(shown["other"], lang) == COUNTRIES[lang]
    for headings in shown.values():  # the care team's help stays on top, the sources at the end
        assert headings[0] != switzerland
        assert headings[-1] in ("Sources", "Quellen")


def test_a_section_keeps_its_text_when_it_moves() -> None:
    library = Library(content_dir(), resources_dir())
    library.region = "ch"
    page = library.render("de", "help-and-support")
    assert page is not None
    switzerland = page.html.index('<h2 id="schweiz">')
    germany = page.html.index('<h2 id="deutschland">')
    assert "0800 11 88 11" in page.html[switzerland:germany]
    assert "0800 420 30 40" in page.html[germany:]


def test_pages_without_country_sections_are_left_alone() -> None:
    document = '<h2 id="schweiz">Schweiz</h2><p>x</p><h2 id="deutschland">Deutschland</h2>'
    assert reader_region_first(document, "lines-of-therapy", "ch") == document
    assert reader_region_first(document, "help-and-support", "other") == document


@pytest.mark.parametrize(
    ("lang", "germany", "switzerland", "ch_label", "eu_label"),
    [
        ("en", "Germany", "Switzerland", "Switzerland", "Germany or Austria (EU)"),
        ("de", "Deutschland", "Schweiz", "Schweiz", "Deutschland oder Österreich (EU)"),
    ],
)
def test_the_order_changes_live_with_the_region(
    qtbot: QtBot,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    germany: str,
    switzerland: str,
    ch_label: str,
    eu_label: str,
) -> None:
    window = make_window(lang=lang, page="help-and-support")

    def order() -> list[str]:
        text = without_soft_hyphens(window.reader.toPlainText())
        return sorted([germany, switzerland], key=lambda name: text.index("\n" + name + "\n"))

    assert order() == [germany, switzerland]
    _choose_region(monkeypatch, ch_label)
    window.care_tools.preferences_action.trigger()
    assert window.settings.region == "ch"
    assert order() == [switzerland, germany]
    _choose_region(monkeypatch, eu_label)
    window.care_tools.preferences_action.trigger()
    assert window.settings.region == "eu"
    assert order() == [germany, switzerland]

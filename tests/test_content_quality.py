"""Quality gates of the shipped content: parity, plain language, spelling, sources, review dates."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest

from her2guide.content.check import check_content
from her2guide.content.library import Library
from her2guide.content.model import Page
from her2guide.content.readability import prose, score
from her2guide.content.spelling import hunspell_available, unknown_words
from her2guide.paths import content_dir, resources_dir
from tests.helpers import shipped_timeline_texts

LIBRARY = Library(content_dir(), resources_dir())
PAGES = {lang: LIBRARY.language(lang).pages for lang in ("en", "de")}
PAGE_IDS = sorted(PAGES["en"])
BACKGROUND_SECTIONS = {"start", "basics", "support"}
TODAY = dt.date(2026, 12, 6)  # a fixed "today": this test must not turn red by itself one day
STATISTIC = re.compile(r"\d+(?:[.,]\d+)?\s?%|\b\d+ (?:in|von|of) 100\b")


def _page(lang: str, page_id: str) -> Page:
    return PAGES[lang][page_id]


def test_shipped_content_has_no_problems() -> None:
    assert [str(p) for p in check_content(content_dir(), resources_dir())] == []


def test_both_languages_have_the_same_pages_and_glossary_terms() -> None:
    assert set(PAGES["en"]) == set(PAGES["de"])
    assert len(PAGE_IDS) >= 16
    en, de = LIBRARY.language("en").glossary, LIBRARY.language("de").glossary
    assert list(en) == list(de)
    assert len(en) >= 50


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_twins_match_in_structure(page_id: str) -> None:
    en, de = _page("en", page_id), _page("de", page_id)
    assert (len(en.sources), len(en.questions), en.section, en.order) == (
        len(de.sources),
        len(de.questions),
        de.section,
        de.order,
    )
    assert [(s.doi, s.pmid) for s in en.sources] == [(s.doi, s.pmid) for s in de.sources]
    assert en.body.count("!!! warning") == de.body.count("!!! warning")


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_english_is_plain_language(page_id: str) -> None:
    page = _page("en", page_id)
    scores = score(prose(page.summary + "\n\n" + page.body), "en")
    assert scores.fk_grade is not None
    assert scores.fk_grade <= 8, f"{page_id}: Flesch-Kincaid grade {scores.fk_grade} > 8"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_german_is_plain_language(page_id: str) -> None:
    page = _page("de", page_id)
    scores = score(prose(page.summary + "\n\n" + page.body), "de")
    assert scores.amstad is not None
    assert scores.wstf is not None
    assert scores.amstad >= 60, f"{page_id}: Amstad {scores.amstad} < 60"
    assert scores.wstf <= 8, f"{page_id}: Wiener Sachtextformel {scores.wstf} > 8"


@pytest.mark.system
@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_spelling(lang: str, page_id: str) -> None:
    if not hunspell_available(lang):
        if os.environ.get("CI"):
            pytest.fail("Hunspell with its dictionaries must be installed in CI")
        pytest.skip("hunspell or its dictionaries are not installed")
    page = _page(lang, page_id)
    text = "\n".join([page.title, page.summary, prose(page.body), page.teach_back, *page.questions])
    assert unknown_words(text, lang, resources_dir()) == set()


@pytest.mark.system
@pytest.mark.parametrize("lang", ["en", "de"])
def test_glossary_spelling(lang: str) -> None:
    if not hunspell_available(lang):
        if os.environ.get("CI"):
            pytest.fail("Hunspell with its dictionaries must be installed in CI")
        pytest.skip("hunspell or its dictionaries are not installed")
    terms = LIBRARY.language(lang).glossary.values()
    text = "\n".join(f"{t.term}\n{t.definition}" for t in terms)
    assert unknown_words(text, lang, resources_dir()) == set()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_statistic_cites_its_source(lang: str, page_id: str) -> None:
    uncited = [
        line
        for line in _page(lang, page_id).body.splitlines()
        if STATISTIC.search(line) and not re.search(r"\[S\d+\]", line)
    ]
    assert uncited == []


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_review_dates_are_current(lang: str, page_id: str) -> None:
    page = _page(lang, page_id)
    months = 24 if page.section in BACKGROUND_SECTIONS else 12
    latest = page.reviewed.replace(year=page.reviewed.year + months // 12)
    assert page.review_due <= latest, f"{page_id}: review due more than {months} months ahead"
    assert not page.is_overdue(TODAY), f"{page_id}: review overdue"


@pytest.mark.system
@pytest.mark.parametrize("lang", ["en", "de"])
def test_timeline_spelling(lang: str) -> None:
    if not hunspell_available(lang):
        if os.environ.get("CI"):
            pytest.fail("Hunspell with its dictionaries must be installed in CI")
        pytest.skip("hunspell or its dictionaries are not installed")
    texts = shipped_timeline_texts(lang)
    assert unknown_words(prose("\n\n".join(texts)), lang, resources_dir()) == set()

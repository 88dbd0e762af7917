"""What goes on paper and on the card, in each language, from the content and nothing else."""

from __future__ import annotations

import html
import re

import pytest

from her2guide.care_card import CARD_PAGE, ClinicContact, card_html, red_flag_parts
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.library import Library
from her2guide.i18n import gettext_for
from her2guide.paths import content_dir, resources_dir
from her2guide.printing.handout import HandoutOptions, compose_handout, timeline_section
from her2guide.questions import QuestionList
from her2guide.timeline.loader import load_timeline

CLINIC = ClinicContact("Breast Centre, Ward 4", "030 1234 5678")
_BOX_TITLE = re.compile(r'<p class="box-title">(.*?)</p>')
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(content_dir(), resources_dir())


def _page_html(library: Library, lang: str) -> str:
    rendered = library.render(lang, CARD_PAGE)
    assert rendered is not None
    return rendered.html


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_card_shows_the_clinic_and_every_warning_of_the_page(
    library: Library, lang: str
) -> None:
    page_html = _page_html(library, lang)
    title = library.language(lang).pages[CARD_PAGE].title
    card = card_html(page_html, title, CLINIC, lang)
    flags = red_flag_parts(page_html)
    assert len(flags.warnings) >= 5
    assert card.index("030 1234 5678") < card.index(flags.warnings[0])
    assert "Breast Centre, Ward 4" in card
    for box in flags.warnings:
        assert box in card
    assert f'<html lang="{lang}">' in card
    assert flags.sources
    assert flags.sources in card


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_printed_card_keeps_every_warning_sign_but_not_the_explanations(
    library: Library, lang: str
) -> None:
    page_html = _page_html(library, lang)
    title = library.language(lang).pages[CARD_PAGE].title
    printed = card_html(page_html, title, CLINIC, lang, for_print=True)
    for box in red_flag_parts(page_html).warnings:
        for heading in _BOX_TITLE.findall(box):
            assert heading in printed
        for item in _ITEM.findall(box):
            assert item in printed
    lung_page_link = "page:lung-safety-t-dxd"
    assert lung_page_link in page_html
    assert lung_page_link not in printed


@pytest.mark.parametrize("lang", ["en", "de"])
def test_without_a_number_the_screen_says_where_to_enter_it_and_paper_leaves_a_line(
    library: Library, lang: str
) -> None:
    page_html = _page_html(library, lang)
    screen = card_html(page_html, "T", ClinicContact(), lang)
    paper = card_html(page_html, "T", ClinicContact(), lang, for_print=True)
    hint = gettext_for(
        lang,
        "No phone number entered yet. Add your care team's name and phone number in "
        "Preferences (File menu, or Ctrl+,).",
    )
    assert html.escape(hint) in screen
    assert "_" * 20 in paper
    assert html.escape(hint) not in paper


def test_a_handout_in_both_languages_has_each_part_in_each_language(library: Library) -> None:
    questions = QuestionList()
    english = library.language("en").pages["side-effects"].questions[0]
    questions.set_ticked("side-effects", 0, english, "en", True)
    questions.add("Can I still travel?")
    timelines = {
        lang: load_timeline(content_dir() / lang / "timeline.yaml")[0] for lang in ("en", "de")
    }
    sections = compose_handout(
        library,
        HandoutOptions(
            pages=("side-effects", "lines-of-therapy"),
            languages=("en", "de"),
            red_flags=True,
            timeline=True,
            questions=True,
        ),
        clinic=CLINIC,
        questions=questions,
        timelines=timelines,
        you_are_here="second-line",
    )
    # Each topic in both languages, one after the other; the sources last.
    assert [s.lang for s in sections] == ["en", "de"] * 6
    assert sections[-1].page_id == sections[-2].page_id == "sources"
    for lang in ("en", "de"):
        content = library.language(lang)
        titles = [s.title for s in sections if s.lang == lang]
        assert titles[:3] == [
            content.pages[CARD_PAGE].title,
            content.pages["side-effects"].title,
            content.pages["lines-of-therapy"].title,
        ]
        appendix = without_soft_hyphens(sections[-2 if lang == "en" else -1].html)
        for page_id in ("side-effects", "lines-of-therapy"):
            first_source = content.pages[page_id].sources[0].text
            assert html.escape(first_source) in appendix
            assert html.escape(first_source) not in without_soft_hyphens(
                next(s.html for s in sections if s.lang == lang and s.page_id == page_id)
            )
    german_questions = sections[-3].html
    german = library.language("de").pages["side-effects"].questions[0]
    assert html.escape(german) in german_questions
    assert "Can I still travel?" in german_questions
    assert all(s.reviewed is not None for s in sections if s.title.startswith("Side"))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_printed_treatment_path_names_the_stage_you_are_on_in_words(lang: str) -> None:
    timeline = load_timeline(content_dir() / lang / "timeline.yaml")[0]
    assert timeline is not None
    stage = timeline.stages[1]
    section = timeline_section(timeline, lang, stage.id)
    here = gettext_for(lang, "You are here: {stage}").format(stage=stage.label)
    assert html.escape(here) in section.html
    assert section.images == (f"handout:timeline-{lang}",)
    assert section.has_sources
    unmarked = timeline_section(timeline, lang, None)
    assert html.escape(here) not in unmarked.html


def test_an_empty_question_list_prints_lines_to_write_on(library: Library) -> None:
    sections = compose_handout(
        library,
        HandoutOptions(languages=("en",), red_flags=False, questions=True),
        clinic=ClinicContact(),
        questions=QuestionList(),
        timelines={},
        you_are_here=None,
    )
    assert len(sections) == 1
    assert sections[0].html.count('<td class="answer">') >= 12


def test_every_question_gets_four_ruled_lines_in_one_box(library: Library) -> None:
    questions = QuestionList()
    questions.add("Can I still travel?")
    questions.add("Who do I call at night?")
    sections = compose_handout(
        library,
        HandoutOptions(languages=("de",), red_flags=False, questions=True),
        clinic=ClinicContact(),
        questions=questions,
        timelines={},
        you_are_here=None,
    )
    boxes = re.findall(r'<table class="question".*?</table></td></tr></table>', sections[0].html)
    assert len(boxes) == 2
    assert all(box.count('<td class="answer">') == 4 for box in boxes)
    assert "Can I still travel?" in boxes[0]


def test_links_to_printed_pages_say_see_page_and_others_name_the_app_page(
    library: Library,
) -> None:
    sections = compose_handout(
        library,
        HandoutOptions(pages=("antibody-drug-conjugates", "lines-of-therapy"), languages=("de",)),
        clinic=ClinicContact(),
        questions=QuestionList(),
        timelines={},
        you_are_here=None,
    )
    adc = next(s for s in sections if s.page_id == "antibody-drug-conjugates")
    assert "(siehe Seite \u27e6de:lines-of-therapy\u27e7)" in adc.html
    title = library.language("de").pages["pregnancy-fertility"].title
    assert html.escape(f"(in der App: „{title}“)") in adc.html

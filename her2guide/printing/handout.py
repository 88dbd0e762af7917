"""What goes on paper: the sections of a handout, each an HTML document in one language.

A section is one topic that starts on a new sheet and carries its own header and footer (title,
review date, sources), so that every printed sheet says where its text comes from. Images that
only Qt can draw (the timeline) are named here and supplied by the painter. Plain Python.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from her2guide.care_card import CARD_PAGE, ClinicContact, card_html
from her2guide.content.library import Library
from her2guide.content.model import Reviewer, Source
from her2guide.i18n import gettext_for
from her2guide.questions import QuestionList

if TYPE_CHECKING:
    from her2guide.timeline.model import Timeline

TIMELINE_IMAGE = "handout:timeline-{lang}"
BLANK_QUESTION_LINES = 6


@dataclass(frozen=True)
class HandoutOptions:
    """What the reader chose in the handout dialog. ``pages`` are page ids in reading order."""

    pages: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)
    red_flags: bool = True
    timeline: bool = False
    questions: bool = False


@dataclass(frozen=True)
class PrintSection:
    """One topic of a printout, printed from the top of a new sheet.

    ``reviewed`` is the date of the medical review shown in the footer (None where the text is
    not medical content); ``has_sources`` says that the section ends with its list of sources.
    ``images`` names the pictures the painter must provide (see TIMELINE_IMAGE). A ``compact``
    section is set at 11 pt instead of 12 pt, so that the red-flag card fits on one sheet.
    """

    lang: str
    title: str
    html: str
    reviewed: dt.date | None = None
    reviewed_by: Reviewer | None = None
    has_sources: bool = False
    images: tuple[str, ...] = ()
    compact: bool = False


def _t(message: str, lang: str) -> str:
    return gettext_for(lang, message)


def _document(lang: str, parts: Sequence[str]) -> str:
    return f'<html lang="{lang}"><body>' + "\n".join(parts) + "</body></html>"


def page_section(library: Library, lang: str, page_id: str) -> PrintSection | None:
    """A content page as the reader shows it, with its sources; None if it does not exist."""
    page = library.language(lang).pages.get(page_id)
    rendered = library.render(lang, page_id)
    if page is None or rendered is None:
        return None
    return PrintSection(
        lang, page.title, rendered.html, page.reviewed, page.reviewed_by, has_sources=True
    )


def card_section(library: Library, lang: str, clinic: ClinicContact) -> PrintSection | None:
    """The red-flag card with the clinic's number (or a line to write it on)."""
    page = library.language(lang).pages.get(CARD_PAGE)
    rendered = library.render(lang, CARD_PAGE)
    if page is None or rendered is None:
        return None
    document = card_html(rendered.html, page.title, clinic, lang, for_print=True)
    return PrintSection(
        lang, page.title, document, page.reviewed, page.reviewed_by, has_sources=True, compact=True
    )


def _timeline_sources(timeline: Timeline) -> list[Source]:
    seen: dict[Source, None] = {}
    for stage in timeline.stages:
        for option in stage.options:
            for source in option.sources:
                seen.setdefault(source, None)
    return list(seen)


def _source_list(sources: Sequence[Source], lang: str) -> str:
    items = []
    for source in sources:
        ref = (source.doi and f"DOI {source.doi}") or (source.pmid and f"PMID {source.pmid}")
        items.append(f"<li>{html.escape(source.text)}. {html.escape(ref or source.link)}</li>")
    heading = html.escape(_t("Sources", lang))
    return f'<h2 class="sources">{heading}</h2><ol class="sources">{"".join(items)}</ol>'


def timeline_section(timeline: Timeline, lang: str, you_are_here: str | None) -> PrintSection:
    """The treatment path as a picture, with "you are here" named in words as well."""
    image = TIMELINE_IMAGE.format(lang=lang)
    parts = []  # the picture shows the title itself
    stage = timeline.stage(you_are_here) if you_are_here else None
    if stage is not None:
        here = _t("You are here: {stage}", lang).format(stage=stage.label)
        parts.append(f'<p class="here">\u25bc {html.escape(here)}</p>')
    parts.append(f'<p class="picture"><img src="{image}" /></p>')
    parts.append(
        '<p class="caption">'
        + html.escape(
            _t(
                "The app shows what each treatment is, what the studies found, its side "
                "effects and what to ask: open Treatment path.",
                lang,
            )
        )
        + "</p>"
    )
    parts.append(_source_list(_timeline_sources(timeline), lang))
    title = _t("Treatment path", lang)
    return PrintSection(lang, title, _document(lang, parts), has_sources=True, images=(image,))


def questions_section(questions: QuestionList, lang: str, library: Library) -> PrintSection:
    """The reader's questions with room for notes; blank lines when the list is empty."""

    def questions_of(page_id: str, page_lang: str) -> tuple[str, ...] | None:
        page = library.language(page_lang).pages.get(page_id)
        return page.questions if page else None

    title = _t("My questions for the care team", lang)
    parts = [f"<h1>{html.escape(title)}</h1>"]
    if len(questions):
        intro = _t("Take this list to your next appointment. Write the answers below.", lang)
        items = "".join(
            f'<li><p class="question">{html.escape(q.text_in(lang, questions_of))}</p>'
            '<p class="notes">&nbsp;</p></li>'
            for q in questions
        )
    else:
        intro = _t("Write down what you want to ask at your next appointment.", lang)
        items = '<li><p class="notes">&nbsp;</p></li>' * BLANK_QUESTION_LINES
    parts.append(f'<p class="intro">{html.escape(intro)}</p>')
    parts.append(f'<ol class="questions">{items}</ol>')
    return PrintSection(lang, title, _document(lang, parts))


def compose_handout(
    library: Library,
    options: HandoutOptions,
    *,
    clinic: ClinicContact,
    questions: QuestionList,
    timelines: Mapping[str, Timeline | None],
    you_are_here: str | None,
) -> list[PrintSection]:
    """All sections of a handout, language by language: the red-flag card first (it is the
    sheet to keep by the phone), then the chosen pages, the treatment path and the questions."""
    sections: list[PrintSection | None] = []
    for lang in options.languages:
        if options.red_flags:
            sections.append(card_section(library, lang, clinic))
        sections += [page_section(library, lang, page_id) for page_id in options.pages]
        timeline = timelines.get(lang)
        if options.timeline and timeline is not None:
            sections.append(timeline_section(timeline, lang, you_are_here))
        if options.questions:
            sections.append(questions_section(questions, lang, library))
    return [section for section in sections if section is not None]

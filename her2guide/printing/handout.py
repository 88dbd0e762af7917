"""What goes on paper: the sections of a handout, each an HTML document in one language.

A section is one topic that starts on a new sheet; its footer names the topic, the review date
and where its sources are. In a handout the sources of all topics are gathered in one appendix,
numbered as on screen, and links to other pages become "see page N": the page numbers are
known only once the painter has laid the handout out, so the HTML carries a placeholder
(:func:`page_ref`) that the painter fills in. Images that only Qt can draw (the timeline) are
named here and supplied by the painter. Plain Python.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from her2guide.care_card import CARD_PAGE, ClinicContact, card_html
from her2guide.content.library import Library
from her2guide.content.model import Reviewer, Source
from her2guide.i18n import gettext_for
from her2guide.questions import QuestionList

if TYPE_CHECKING:
    from her2guide.timeline.model import Timeline

TIMELINE_IMAGE = "handout:timeline-{lang}"
TIMELINE_ID = "treatment-path"
QUESTIONS_ID = "my-questions"
SOURCES_ID = "sources"
CARD_ID = "care-card"
BLANK_LINES = 16
ANSWER_LINES = 4
PAGE_REF = re.compile(r"\u27e6([a-z]{2}):([\w-]+)\u27e7")
_PAGE_LINK = re.compile(r'<a href="page:([\w-]+)(?:#[^"]*)?">(.*?)</a>', re.DOTALL)
_SOURCES = re.compile(r'<h2 class="sources">.*?(?=</body>)', re.DOTALL)
_SOURCE_LIST = re.compile(r'<ol class="sources">.*?</ol>', re.DOTALL)
_REVIEWED = re.compile(r'<p class="reviewed">.*?</p>', re.DOTALL)


@dataclass(frozen=True)
class HandoutOptions:
    """What the reader chose in the handout dialog. ``pages`` are page ids in reading order;
    ``languages`` are printed one after the other for every topic."""

    pages: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)
    red_flags: bool = True
    timeline: bool = False
    questions: bool = False
    sources: bool = True


@dataclass(frozen=True)
class PrintSection:
    """One topic of a printout, printed from the top of a new sheet.

    ``reviewed`` is the review date shown in the footer. ``has_sources`` says that the topic has
    sources: at its own end, or, when ``sources_in_appendix``, in the appendix (or only in the
    app, when the reader left the appendix out). ``images`` names
    the pictures the painter must provide (see TIMELINE_IMAGE). A ``compact`` section is set at
    11 pt instead of 12 pt, so that the red-flag card fits on one sheet. ``page_id`` is what
    "see page N" links point at; ``sources_html`` is the topic's numbered source list (and
    review line) for the appendix.
    """

    lang: str
    title: str
    html: str
    reviewed: dt.date | None = None
    reviewed_by: Reviewer | None = None
    has_sources: bool = False
    images: tuple[str, ...] = ()
    compact: bool = False
    page_id: str = ""
    sources_in_appendix: bool = False
    sources_html: str = ""


def _t(message: str, lang: str) -> str:
    return gettext_for(lang, message)


def _document(lang: str, parts: Sequence[str]) -> str:
    return f'<html lang="{lang}"><body>' + "\n".join(parts) + "</body></html>"


def page_ref(lang: str, page_id: str) -> str:
    """The placeholder the painter replaces with the sheet number where ``page_id`` starts."""
    return f"\u27e6{lang}:{page_id}\u27e7"


def _numbered_sources(page_html: str) -> str:
    items = _SOURCE_LIST.search(page_html)
    reviewed = _REVIEWED.search(page_html)
    return (items.group(0) if items else "") + (reviewed.group(0) if reviewed else "")


def page_section(
    library: Library, lang: str, page_id: str, *, appendix: bool = False
) -> PrintSection | None:
    """A content page as the reader shows it, with its sources at its end or (``appendix``)
    left for the appendix; None if it does not exist."""
    page = library.language(lang).pages.get(page_id)
    rendered = library.render(lang, page_id)
    if page is None or rendered is None:
        return None
    return PrintSection(
        lang,
        page.title,
        _SOURCES.sub("", rendered.html) if appendix else rendered.html,
        page.reviewed,
        page.reviewed_by,
        has_sources=True,
        page_id=page_id,
        sources_in_appendix=appendix,
        sources_html=_numbered_sources(rendered.html),
    )


def card_section(
    library: Library, lang: str, clinic: ClinicContact, *, appendix: bool = False
) -> PrintSection | None:
    """The red-flag card with the clinic's number (or a line to write it on), on one sheet
    with a one-line note on where its sources are."""
    page = library.language(lang).pages.get(CARD_PAGE)
    rendered = library.render(lang, CARD_PAGE)
    if page is None or rendered is None:
        return None
    if appendix:
        where = _t("Sources: see page {number}", lang).format(number=page_ref(lang, SOURCES_ID))
    else:
        where = _t("Sources: in the HER2 Guide app, on the page “{title}”", lang).format(
            title=page.title
        )
    note = f'<p class="source-note">{html.escape(where)}</p>'
    document = card_html(rendered.html, page.title, clinic, lang, for_print=True, source_note=note)
    return PrintSection(
        lang,
        page.title,
        document,
        page.reviewed,
        page.reviewed_by,
        has_sources=appendix,
        compact=True,
        page_id=CARD_ID,
        sources_in_appendix=appendix,
        sources_html=_numbered_sources(rendered.html),
    )


def _timeline_sources(timeline: Timeline) -> list[Source]:
    seen: dict[Source, None] = {}
    for stage in timeline.stages:
        for option in stage.options:
            for source in option.sources:
                seen.setdefault(source, None)
    return list(seen)


def _source_items(sources: Sequence[Source]) -> str:
    items = []
    for source in sources:
        ref = (source.doi and f"DOI {source.doi}") or (source.pmid and f"PMID {source.pmid}")
        items.append(f"<li>{html.escape(source.text)}. {html.escape(ref or source.link)}</li>")
    return f'<ol class="sources">{"".join(items)}</ol>'


def _source_list(sources: Sequence[Source], lang: str) -> str:
    heading = html.escape(_t("Sources", lang))
    return f'<h2 class="sources">{heading}</h2>{_source_items(sources)}'


def timeline_section(
    timeline: Timeline, lang: str, you_are_here: str | None, *, appendix: bool = False
) -> PrintSection:
    """The treatment path as a picture, with "you are here" named in words as well."""
    image = TIMELINE_IMAGE.format(lang=lang)
    title = _t("Treatment path", lang)
    parts = []  # the picture shows the title itself
    stage = timeline.stage(you_are_here) if you_are_here else None
    if stage is not None:
        here = _t("You are here: {stage}", lang).format(stage=stage.label)
        parts.append(f'<p class="here">\u25ba {html.escape(here)} \u25c4</p>')
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
    if not appendix:
        parts.append(_source_list(_timeline_sources(timeline), lang))
    return PrintSection(
        lang,
        title,
        _document(lang, parts),
        has_sources=True,
        images=(image,),
        page_id=TIMELINE_ID,
        sources_in_appendix=appendix,
        sources_html=_source_items(_timeline_sources(timeline)),
    )


def _answer_lines(count: int) -> str:
    cells = '<tr><td class="answer">&nbsp;</td></tr>' * count
    return f'<table class="answer" width="100%" cellspacing="0" cellpadding="0">{cells}</table>'


def questions_section(questions: QuestionList, lang: str, library: Library) -> PrintSection:
    """The reader's questions, each with ruled lines for the answer; blank lines when the
    list is empty. A question and its lines are one box, so they stay on one sheet."""

    def questions_of(page_id: str, page_lang: str) -> tuple[str, ...] | None:
        page = library.language(page_lang).pages.get(page_id)
        return page.questions if page else None

    title = _t("My questions for the care team", lang)
    parts = [f"<h1>{html.escape(title)}</h1>"]
    if len(questions):
        intro = _t("Take this list to your next appointment. Write the answers below.", lang)
        texts = [q.text_in(lang, questions_of) for q in questions]
    else:
        intro = _t("Write down what you want to ask at your next appointment.", lang)
        texts = []
    parts.append(f'<p class="intro">{html.escape(intro)}</p>')
    for number, text in enumerate(texts, start=1):
        parts.append(
            '<table class="question" width="100%" cellspacing="0" cellpadding="0"><tr><td>'
            f'<p class="question">{number}. {html.escape(text)}</p>'
            + _answer_lines(ANSWER_LINES)
            + "</td></tr></table>"
        )
    if not texts:
        parts.append(_answer_lines(BLANK_LINES))
    return PrintSection(lang, title, _document(lang, parts), page_id=QUESTIONS_ID)


def sources_section(sections: Sequence[PrintSection], lang: str) -> PrintSection | None:
    """One appendix with the sources of every topic in ``lang``, each list numbered as the
    [n] marks in its text, under the topic's title and the sheet it starts on."""
    title = _t("Sources", lang)
    intro = _t(
        "The numbers in square brackets in the text refer to the sources of that topic.", lang
    )
    parts = [f"<h1>{html.escape(title)}</h1>", f'<p class="intro">{html.escape(intro)}</p>']
    listed: set[str] = set()
    for section in sections:
        if section.lang != lang or not section.sources_html or section.sources_html in listed:
            continue
        listed.add(section.sources_html)
        where = _t("page {number}", lang).format(number=page_ref(lang, section.page_id))
        parts.append(f'<h2 class="appendix">{html.escape(section.title)} \u2013 {where}</h2>')
        parts.append(section.sources_html)
    if len(parts) == 2:
        return None
    return PrintSection(lang, title, _document(lang, parts), page_id=SOURCES_ID)


def link_pages(section: PrintSection, library: Library, included: set[str]) -> PrintSection:
    """Links to the ``included`` pages as "see page N" (the painter fills in N), to others as
    the name of the page in the app."""
    lang = section.lang

    def reference(match: re.Match[str]) -> str:
        page_id = match.group(1)
        if page_id in included:
            where = _t("(see page {number})", lang).format(number=page_ref(lang, page_id))
        else:
            page = library.language(lang).pages.get(page_id)
            if page is None:
                return match.group(0)
            where = _t("(in the app: “{title}”)", lang).format(title=page.title)
        return f"{match.group(0)} {html.escape(where)}"

    return replace(section, html=_PAGE_LINK.sub(reference, section.html))


def _oldest_review(library: Library, lang: str) -> dt.date | None:
    dates = [page.reviewed for page in library.language(lang).pages.values() if page.reviewed]
    return min(dates, default=None)


def compose_handout(
    library: Library,
    options: HandoutOptions,
    *,
    clinic: ClinicContact,
    questions: QuestionList,
    timelines: Mapping[str, Timeline | None],
    you_are_here: str | None,
) -> list[PrintSection]:
    """All sections of a handout, topic by topic, each topic in every chosen language one after
    the other: the red-flag card first (it is the sheet to keep by the phone), then the chosen
    pages, the treatment path, the questions and, if chosen, the sources (else no topic
    prints its sources, and the footers say they are in the app)."""
    appendix = options.sources
    topics: list[list[PrintSection | None]] = []
    if options.red_flags:
        topics.append(
            [card_section(library, lang, clinic, appendix=appendix) for lang in options.languages]
        )
    for page_id in options.pages:
        topics.append(
            [page_section(library, lang, page_id, appendix=True) for lang in options.languages]
        )
    if options.timeline:
        topics.append(
            [
                timeline_section(timeline, lang, you_are_here, appendix=True)
                for lang in options.languages
                if (timeline := timelines.get(lang)) is not None
            ]
        )
    if options.questions:
        topics.append([questions_section(questions, lang, library) for lang in options.languages])
    sections = [section for topic in topics for section in topic if section is not None]
    included = {section.page_id for section in sections}
    sections = [link_pages(section, library, included) for section in sections]
    if appendix:
        sections += [
            appendix_section
            for lang in options.languages
            if (appendix_section := sources_section(sections, lang)) is not None
        ]
    return [
        section
        if section.reviewed
        else replace(section, reviewed=_oldest_review(library, section.lang))
        for section in sections
    ]

"""Markdown pages to the HTML the reader shows: raw HTML escaped, links resolved, boxes drawn."""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import SplitResult, urlsplit

import markdown
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from her2guide.content.glossary_marks import TermMarker
from her2guide.content.hyphenate import hyphenate_html
from her2guide.content.model import GLOSSARY_PAGE, LanguageContent, Page, Problem, Rendered
from her2guide.content.review_status import review_line
from her2guide.content.status_register import MARKER
from her2guide.i18n import format_date, gettext_for

CITATION = r"\[S(\d+)\]"
RAW_HTML_TAG = r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?/?>"
_BOX_KINDS = {"warning": "box-warning", "danger": "box-warning", "note": "box-note"}
_BOX_SYMBOL = {"box-warning": "\u26a0 ", "box-note": "\u2139 "}


@dataclass
class _Context:
    """What the Markdown extension needs to know about the page being rendered."""

    content: LanguageContent
    page: Page
    resources: Path
    timeline_ids: set[str] | None
    problems: list[Problem] = field(default_factory=list)

    def report(self, message: str, needle: str = "") -> None:
        self.problems.append(Problem(self.page.path, self._line_of(needle), message))

    def _line_of(self, needle: str) -> int:
        """The body line that holds ``needle``, so that a problem points where the editor types."""
        if needle:
            for offset, line in enumerate(self.page.body.split("\n")):
                if needle in line:
                    return self.page.body_line + offset
        return self.page.body_line


def _split(address: str) -> SplitResult | None:
    """The parts of a link or image address, or None when it cannot be read as one."""
    try:
        return urlsplit(address)
    except ValueError:  # e.g. an unclosed [ in the host part
        return None


def _did_you_mean(name: str, known: Iterable[str], suffix: str = "") -> str:
    """A hint for a typo: the closest known name, if one is close enough."""
    match = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{match[0]}{suffix}'?)" if match else ""


class _PagePattern(InlineProcessor):
    """An inline pattern that needs the page being rendered (``holder.context``)."""

    def __init__(self, pattern: str, context_holder: _PageExtension) -> None:
        super().__init__(pattern)
        self.holder = context_holder


class _CitationPattern(_PagePattern):
    """``[S2]`` becomes a small link to the second entry of the page's source list."""

    # Markdown's own stubs give InlineProcessor a handleMatch unlike Pattern's (they ignore it too).
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        number = int(m.group(1))
        context = self.holder.context
        listed = len(context.page.sources) if context is not None else 0
        if context is not None and not 1 <= number <= listed:
            context.report(
                f"citation [S{number}] has no source {number}; the page lists {listed} "
                + ("source" if listed == 1 else "sources"),  # editors' messages are English
                m.group(0),
            )
        link = etree.Element("a", {"href": f"#source-{number}", "class": "cite"})
        sup = etree.SubElement(link, "sup")
        sup.text = f"[{number}]"
        return link, m.start(0), m.end(0)


class _StatusPattern(_PagePattern):
    """``{{status:ID}}`` becomes a placeholder for the register's sentence (content.status_markers),
    filled in for the reader's region when the page is shown."""

    # Markdown's own stubs give InlineProcessor a handleMatch unlike Pattern's (they ignore it too).
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        entry_id = m.group(1).strip()
        context, known = self.holder.context, self.holder.status_ids
        if context is not None and known is not None and entry_id not in known:
            context.report(
                f"unknown status register entry '{entry_id}'" + _did_you_mean(entry_id, known),
                m.group(0),
            )
        span = etree.Element("span", {"class": "status", "data-status": entry_id})
        return span, m.start(0), m.end(0)


class _RawHtmlPattern(_PagePattern):
    """Raw HTML stays text (never run); the editor learns that it will not format anything."""

    # Markdown's own stubs give InlineProcessor a handleMatch unlike Pattern's (they ignore it too).
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        context = self.holder.context
        if context is not None and not m.group(1):
            context.report(
                f"raw HTML <{m.group(2)}> is shown as text, never run; "
                "use Markdown instead (e.g. **bold**, ## heading, [link](page.md))",
                m.group(0),
            )
        return AtomicString(m.group(0)), m.start(0), m.end(0)


class _LinkResolver(Treeprocessor):
    """Resolves page, glossary, timeline and image references and turns boxes into tables."""

    def __init__(self, md: markdown.Markdown, holder: _PageExtension) -> None:
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        context = self.holder.context
        assert context is not None
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "a":
                    self._link(element, context)
                elif element.tag == "img":
                    self._image(parent, index, element, context)
                elif element.tag == "table" and "class" not in element.attrib:
                    element.attrib.update(
                        {"class": "data", "border": "1", "cellspacing": "0", "cellpadding": "6"}
                    )
                elif element.tag == "div" and "admonition" in element.get("class", ""):
                    parent[index] = self._box(element)

    def _link(self, element: etree.Element, context: _Context) -> None:
        href = element.get("href", "")
        parts = _split(href)
        if parts is None:
            context.report(f"link '{href}' is not a valid address; check its spelling", href)
            element.set("href", "missing:")
            return
        if href.startswith("#") or parts.scheme in ("https", "http", "mailto"):
            return
        if parts.scheme == "timeline":
            target = parts.path
            if target and context.timeline_ids is not None and target not in context.timeline_ids:
                context.report(f"link to unknown timeline stage or option '{target}'", href)
            return
        path = PurePosixPath(parts.path)
        if parts.scheme or len(path.parts) != 1 or path.suffix != ".md":
            context.report(
                f"link '{href}' is not a page of this language; "
                "write it as other-page.md (same folder, no ../ or language folder)",
                href,
            )
            element.set("href", f"missing:{href}")
            return
        page_id = path.stem
        if page_id not in context.content.pages:
            if (context.content.folder / path.name).is_file():
                message = (
                    f"link to '{path.name}', which is left out until its own problems are fixed"
                )
            else:
                message = f"link to missing page '{path.name}'" + _did_you_mean(
                    page_id, context.content.pages, ".md"
                )
            context.report(message, href)
            element.set("href", f"missing:{page_id}")
            return
        if page_id == GLOSSARY_PAGE and parts.fragment:
            term = context.content.glossary.get(parts.fragment)
            if term is None:
                context.report(
                    f"link to unknown glossary term '{parts.fragment}'"
                    + _did_you_mean(parts.fragment, context.content.glossary),
                    href,
                )
            else:
                element.set("class", "term")
                element.set("title", term.definition)
        element.set("href", f"page:{page_id}" + (f"#{parts.fragment}" if parts.fragment else ""))

    def _image(
        self, parent: etree.Element, index: int, element: etree.Element, context: _Context
    ) -> None:
        src = element.get("src", "")
        parts = _split(src)
        path = PurePosixPath(parts.path if parts else "")
        problem = None
        if parts is None:
            problem = f"image '{src}' is not a valid address; check its spelling"
        elif parts.scheme or parts.netloc:
            problem = f"image '{src}' is not a local file; put it in resources/ and link it there"
        elif path.is_absolute():
            problem = (
                f"image '{src}' must be a path inside resources/ such as diagrams/adc.svg, "
                "not an absolute path"
            )
        elif ".." in path.parts:
            problem = f"image '{src}' must be a path inside resources/, without ../"
        elif not (context.resources / path).is_file():
            problem = f"image '{src}' not found in resources/"
        if problem is None:
            return
        context.report(problem, src)
        stand_in = etree.Element("em")
        stand_in.text = element.get("alt") or src
        stand_in.tail = element.tail
        parent[index] = stand_in

    @staticmethod
    def _box(div: etree.Element) -> etree.Element:
        kind = next(
            (_BOX_KINDS[c] for c in div.get("class", "").split() if c in _BOX_KINDS), "box-note"
        )
        table = etree.Element(
            "table",
            {"class": kind, "width": "100%", "cellspacing": "0", "cellpadding": "12"},
        )
        cell = etree.SubElement(etree.SubElement(table, "tr"), "td")
        for child in list(div):
            if "admonition-title" in child.get("class", ""):
                child.set("class", "box-title")
                child.text = _BOX_SYMBOL[kind] + (child.text or "")
            cell.append(child)
        return table


class _PageExtension(markdown.Extension):
    def __init__(self, status_ids: set[str] | None = None) -> None:
        super().__init__()
        self.context: _Context | None = None
        self.status_ids = status_ids

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_RawHtmlPattern(RAW_HTML_TAG, self), "raw_html_as_text", 90)
        md.inlinePatterns.register(_CitationPattern(CITATION, self), "citation", 175)
        md.inlinePatterns.register(_StatusPattern(MARKER.pattern, self), "status_marker", 185)
        md.treeprocessors.register(_LinkResolver(md, self), "her2guide_links", 15)
        md.treeprocessors.register(TermMarker(md, self._current_page), "her2guide_terms", 14)

    def _current_page(self) -> tuple[LanguageContent, Page] | None:
        return (self.context.content, self.context.page) if self.context else None


def _sort_key(text: str) -> str:
    """Alphabetical order as readers expect it: Ü with U, case ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class PageRenderer:
    """Renders the pages of one language; keep one per language and reuse it."""

    def __init__(
        self,
        content: LanguageContent,
        resources: Path,
        timeline_ids: set[str] | None = None,
        status_ids: set[str] | None = None,
    ) -> None:
        self.content = content
        self.resources = resources
        self.timeline_ids = timeline_ids
        self._extension = _PageExtension(status_ids)
        # The extensions themselves, not their names: a name is looked up among the installed
        # packages' entry points, which costs the first start tens of milliseconds.
        extensions = [TableExtension(), SaneListExtension(), AdmonitionExtension(), TocExtension()]
        self._markdown = markdown.Markdown(
            extensions=[*extensions, self._extension], output_format="html"
        )

    def _t(self, message: str) -> str:
        return gettext_for(self.content.lang, message)

    def render(self, page: Page, today: dt.date | None = None) -> Rendered:
        context = _Context(self.content, page, self.resources, self.timeline_ids)
        self._extension.context = context
        try:
            body = self._markdown.reset().convert(page.body)
        except RecursionError:
            context.report(
                "the text is nested too deeply to show (emphasis marks, brackets or lists "
                "inside each other); simplify it",
                self._too_deep_block(page),
            )
            body = "".join(f"<p>{html.escape(part)}</p>" for part in page.body.split("\n\n"))
        finally:
            self._extension.context = None
        parts = [f"<h1>{html.escape(page.title)}</h1>"]
        review = html.escape(review_line(page.reviewed_by, page.lang))
        parts.append(f'<p class="review-status"><i>{review}</i></p>')
        if page.is_overdue(today):
            parts.append(self._overdue(page))
        in_short = self._t("In short")
        parts.append(
            '<table class="inshort" width="100%" cellspacing="0" cellpadding="12"><tr><td>'
            f'<p class="box-title">{html.escape(in_short)}</p>'
            f"<p>{html.escape(page.summary.strip())}</p></td></tr></table>"
        )
        parts.append(body)
        if page.id == GLOSSARY_PAGE:
            parts.append(self._glossary())
        parts.append(self._sources(page))
        body_html = hyphenate_html("\n".join(parts), page.lang)
        document = f'<html lang="{page.lang}"><body>' + body_html + "</body></html>"
        return Rendered(document, context.problems)

    def _too_deep_block(self, page: Page) -> str:
        """The first line of the paragraph that Python-Markdown cannot parse, to point at it."""
        self._extension.context = _Context(self.content, page, self.resources, self.timeline_ids)
        for block in page.body.split("\n\n"):
            try:
                self._markdown.reset().convert(block)
            except RecursionError:
                return next((line for line in block.split("\n") if line.strip()), "")
        return ""

    def _overdue(self, page: Page) -> str:
        text = self._t(
            "This page was due for its medical review on {date}. Some of it may be out of "
            "date: please check with your care team."
        ).format(date=format_date(page.review_due, page.lang))
        return (
            '<table class="box-warning" width="100%" cellspacing="0" cellpadding="12">'
            f"<tr><td><p>{html.escape(text)}</p></td></tr></table>"
        )

    def _sources(self, page: Page) -> str:
        items = []
        for number, source in enumerate(page.sources, start=1):
            ref = (source.doi and f"DOI {source.doi}") or (source.pmid and f"PMID {source.pmid}")
            link = html.escape(source.link, quote=True)
            label = html.escape(ref or source.link)
            items.append(
                f'<li><a name="source-{number}"></a>{html.escape(source.text)}. '
                f'<a href="{link}">{label}</a></li>'
            )
        reviewed = self._t("Reviewed on {reviewed} · next review due {due}").format(
            reviewed=format_date(page.reviewed, page.lang),
            due=format_date(page.review_due, page.lang),
        )
        heading = self._t("Sources")
        return (
            f'<h2 class="sources">{html.escape(heading)}</h2>'
            f'<ol class="sources">{"".join(items)}</ol>'
            f'<p class="reviewed">{html.escape(reviewed)}</p>'
        )

    def _glossary(self) -> str:
        rows = []
        for term in sorted(self.content.glossary.values(), key=lambda t: _sort_key(t.term)):
            say = ""
            if term.pronunciation:
                hint = self._t("Say: {pronunciation}").format(pronunciation=term.pronunciation)
                say = f' <span class="say">({html.escape(hint)})</span>'
            rows.append(
                f'<p class="term"><a name="{term.id}"></a><b>{html.escape(term.term)}</b>{say}'
                f"<br/>{html.escape(term.definition)}</p>"
            )
        return "\n".join(rows)

"""Marks the first use of each glossary term on a page as a link to its glossary entry.

The reader sees which words the glossary explains, can rest the pointer on one to read the
definition, and can follow it to the entry. Only running text is marked: never inside a link
(that would nest links), a heading (headings stay plain and keep their anchors), code, or a data
table (a longer cell could reflow the table); the single-cell warning and note boxes are running
text and are marked. A term the page already links to explicitly is left alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import markdown
from markdown.treeprocessors import Treeprocessor

from her2guide.content.model import (
    GLOSSARY_HREF,
    GLOSSARY_PAGE,
    GlossaryTerm,
    LanguageContent,
    Page,
)

SKIPPED_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "sup", "script", "style"}
BOX_CLASSES = {"box-warning", "box-note"}
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


def _is_case_sensitive(name: str) -> bool:
    """Abbreviations (a capital after the first letter: ``DAR``, ``T-DXd``, ``HER2``) match only
    as written, so that German ``dar`` or English ``os`` are never taken for them."""
    return any(char.isupper() for char in name[1:])


@dataclass(frozen=True)
class TermMatcher:
    """Finds glossary terms and their aliases in text, the longest name first."""

    pattern: re.Pattern[str]
    exact: dict[str, str]
    folded: dict[str, str]

    @classmethod
    def build(cls, terms: Iterable[GlossaryTerm]) -> TermMatcher:
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        for term in terms:
            names = {term.term, _PARENTHESIS.sub("", term.term), *term.aliases}
            for name in (n.strip() for n in names):
                if not name:
                    continue
                if _is_case_sensitive(name):
                    exact.setdefault(name, term.id)
                else:
                    folded.setdefault(name.casefold(), term.id)
        alternatives = [(name, True) for name in exact] + [(name, False) for name in folded]
        alternatives.sort(key=lambda item: len(item[0]), reverse=True)
        parts = [
            (r"\s+".join(map(re.escape, name.split())) if sensitive else _insensitive(name))
            for name, sensitive in alternatives
        ]
        pattern = r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])" if parts else r"(?!x)x"
        return cls(re.compile(pattern), exact, folded)

    def term_id(self, found: str) -> str | None:
        name = " ".join(found.split())
        return self.exact.get(name) or self.folded.get(name.casefold())


def _insensitive(name: str) -> str:
    return "(?i:" + r"\s+".join(map(re.escape, name.split())) + ")"


def _linked_terms(root: etree.Element) -> set[str]:
    return {
        link.get("href", "")[len(GLOSSARY_HREF) :]
        for link in root.iter("a")
        if link.get("href", "").startswith(GLOSSARY_HREF)
    }


def mark_terms(
    root: etree.Element, glossary: Mapping[str, GlossaryTerm], matcher: TermMatcher
) -> None:
    """Links the first use of every term in ``root`` that the page does not already link to."""
    done = _linked_terms(root)

    def link_in(text: str | None) -> tuple[str | None, list[etree.Element]]:
        """The text up to the first new term, and the links (with their tails) that follow."""
        if not text:
            return text, []
        links: list[etree.Element] = []
        head: str | None = None
        position = 0
        for found in matcher.pattern.finditer(text):
            term_id = matcher.term_id(found.group(0))
            if term_id is None or term_id in done or term_id not in glossary:
                continue
            done.add(term_id)
            before = text[position : found.start()]
            if links:
                links[-1].tail = before
            else:
                head = before
            link = etree.Element(
                "a",
                {
                    "href": GLOSSARY_HREF + term_id,
                    "class": "term",
                    "title": glossary[term_id].definition,
                },
            )
            link.text = found.group(0)
            links.append(link)
            position = found.end()
        if not links:
            return text, []
        links[-1].tail = text[position:]
        return head, links

    def visit(element: etree.Element) -> None:
        if _skipped(element):
            return
        element.text, links = link_in(element.text)
        for index, link in enumerate(links):
            element.insert(index, link)
        for child in list(element)[len(links) :]:
            visit(child)
            child.tail, links = link_in(child.tail)
            position = list(element).index(child) + 1
            for offset, link in enumerate(links):
                element.insert(position + offset, link)

    visit(root)


def _skipped(element: etree.Element) -> bool:
    if element.tag in SKIPPED_TAGS:
        return True
    if element.tag == "table":
        return not (set(element.get("class", "").split()) & BOX_CLASSES)
    return False


class TermMarker(Treeprocessor):
    """The Markdown step that runs :func:`mark_terms` on each page (after links are resolved).

    ``page`` tells which page of which language content is being rendered (None: none).
    """

    def __init__(
        self, md: markdown.Markdown, page: Callable[[], tuple[LanguageContent, Page] | None]
    ) -> None:
        super().__init__(md)
        self._page = page
        self._matcher: tuple[Mapping[str, GlossaryTerm], TermMatcher] | None = None

    def run(self, root: etree.Element) -> None:
        current = self._page()
        if current is None:
            return
        content, page = current
        if page.id == GLOSSARY_PAGE or GLOSSARY_PAGE not in content.pages:
            return
        if self._matcher is None or self._matcher[0] is not content.glossary:
            self._matcher = (content.glossary, TermMatcher.build(content.glossary.values()))
        mark_terms(root, content.glossary, self._matcher[1])

"""What the search tells the reader about a search: corrections, choices and ways on.

A corrected typo is said ("Showing results for *Enhertu*"); a guess that is not sure asks "Did
you mean …?" with each choice as a link; a word no page holds is named. When nothing is found,
the list is never empty: it offers the closest known terms, the glossary and the contents, as
rows the keyboard can choose like results.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from her2guide.i18n import _

if TYPE_CHECKING:
    from her2guide.search.index import Answer

SUGGESTION_SCHEME = "suggest:"


@dataclass(frozen=True)
class WayOn:
    """A row offered instead of results: search for ``text``, look it up in the glossary, or
    browse the contents."""

    kind: str  # "search", "glossary" or "contents"
    text: str = ""

    def label(self) -> str:
        if self.kind == "search":
            return _("Search for “{term}”").format(term=self.text)
        if self.kind == "glossary":
            return _("Look up “{query}” in the glossary").format(query=self.text)
        return _("Browse the contents: all pages by topic")

    def html(self, link: str) -> str:
        arrow = "\u2192 "
        return f"<p style='margin:0; color:{link}'><b>{arrow}{html.escape(self.label())}</b></p>"


def _choice(text: str) -> str:
    return f'<a href="{SUGGESTION_SCHEME}{html.escape(text, quote=True)}">{html.escape(text)}</a>'


def note_html(query: str, answer: Answer) -> str:
    """The line above the results: what was searched instead, and other choices ("" if none)."""
    parts = []
    if answer.corrected and answer.results:
        shown = f"<i>{html.escape(answer.corrected)}</i>"
        parts.append(html.escape(_("Showing results for {corrected}")).format(corrected=shown))
    if answer.suggestions[1:]:  # the first is the one searched
        choices = " \u00b7 ".join(_choice(s) for s in answer.suggestions[1:])
        parts.append(html.escape(_("Did you mean: {choices}?")).format(choices=choices))
    if answer.left_out and answer.results:
        words = html.escape(" ".join(answer.left_out))
        left_out = html.escape(_("No page holds “{words}”; it was left out."))
        parts.append(left_out.format(words=words))
    if not answer.results and query.strip():
        parts.append(html.escape(_("Try one of these:")))
    return "<br>".join(parts)


def ways_on(query: str, answer: Answer) -> list[WayOn]:
    """The rows offered when nothing is found: the closest terms, the glossary, the contents."""
    if not query.strip():
        return []
    if answer.results:
        return [WayOn("search", choice) for choice in answer.suggestions[1:]]
    rows = [WayOn("search", term) for term in answer.closest]
    rows += [WayOn("glossary", query.strip()), WayOn("contents")]
    return rows

"""The page as a view shows it: the rendered page plus the view's options, composed into HTML.

Pure (no Qt), so that every view shows what it is given and shows it the same way again: a
theme change re-composes the same page in the new colours instead of patching the document a
view holds (which lost counselling's teach-back box). Data flow: Markdown → render → cache →
:func:`compose_page` → reader.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from her2guide.i18n import N_, gettext_for
from her2guide.themes import Theme

TEACH_BACK_TITLE = N_("Your turn")
TEACH_BACK_CLASS = "teach-back"
TEACH_BACK_ANCHOR = "teach-back"  # names the box's title, so that the view can find the box
_TERM_LINK = re.compile(r'<a (?=[^>]*\bclass="term")')


@dataclass(frozen=True)
class TeachBack:
    """Counselling's question at the end of a page, in the page's language."""

    title: str
    question: str


@dataclass(frozen=True)
class ViewOptions:
    """What a view adds to a rendered page."""

    glossary_marks: bool = True
    teach_back: TeachBack | None = None


@dataclass(frozen=True)
class ViewedPage:
    """A rendered page and the options it is shown with; a view keeps it to show it again."""

    html: str
    options: ViewOptions = field(default_factory=ViewOptions)

    def compose(self, theme: Theme) -> str:
        return compose_page(self.html, self.options, theme)


def teach_back_for(question: str, lang: str) -> TeachBack:
    """The box with its title in the page's language (a German column says "Jetzt sind Sie
    dran" whatever the interface language)."""
    return TeachBack(gettext_for(lang, TEACH_BACK_TITLE), question)


def compose_page(page_html: str, options: ViewOptions, theme: Theme) -> str:
    """The final HTML of a page: glossary marks in ``theme``'s colour, the teach-back box."""
    composed = page_html
    if options.teach_back is not None:
        composed = with_teach_back(composed, options.teach_back)
    if options.glossary_marks:
        composed = dotted_terms(composed, theme.colours["term_underline"])
    return composed


def dotted_terms(page_html: str, colour: str) -> str:
    """The page's glossary links drawn with a dotted underline in ``colour``.

    Qt's rich text takes the style and colour of an underline only from a link's own ``style``
    attribute, not from the style sheet, so it is written into each glossary link.
    """
    style = f'style="text-decoration-color: {colour}; text-underline-style: dotted" '
    return _TERM_LINK.sub(r"\g<0>" + style, page_html)


def teach_back_html(box: TeachBack) -> str:
    return (
        f'<table class="{TEACH_BACK_CLASS}" width="100%" cellspacing="0" cellpadding="14">'
        f'<tr><td><p class="box-title"><a name="{TEACH_BACK_ANCHOR}">'
        f"{html.escape(box.title)}</a></p>"
        f"<p>{html.escape(box.question)}</p></td></tr></table>"
    )


def with_teach_back(page_html: str, box: TeachBack) -> str:
    """The box before the page's last ``<h2>`` (its source list, which follows the page's own
    text), so the nurse meets it where the patient has just finished reading; else at the end."""
    at = page_html.rfind("<h2")
    if at < 0:
        at = page_html.rfind("</body>")
    if at < 0:
        at = len(page_html)
    return page_html[:at] + teach_back_html(box) + page_html[at:]

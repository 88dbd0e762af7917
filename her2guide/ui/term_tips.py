"""Glossary terms in the reader: a dotted underline, and their definition on hover or focus.

The underline is written into the page's HTML before it is shown
(:func:`her2guide.compose.dotted_terms`). Qt shows a link's ``title`` as a plain one-line tooltip;
:class:`TermTips` shows the term, how to say it and its definition instead, wrapped, in the
current language, both when the pointer rests on a term and when the keyboard reaches it (Tab
moves through the links of a page).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip

from her2guide.content.model import GLOSSARY_HREF, GlossaryTerm
from her2guide.i18n import _

TOOLTIP_TEXT_RATIO = 0.9


def term_id(href: str) -> str | None:
    """The glossary term a link leads to, if it leads to one."""
    return href[len(GLOSSARY_HREF) :] or None if href.startswith(GLOSSARY_HREF) else None


def tooltip_html(term: GlossaryTerm, point_size: float | None = None) -> str:
    """The term, its pronunciation (drug names) and its definition, for a tooltip; at
    ``point_size`` (the reader's text size), so that larger text stays large here too."""
    say = ""
    if term.pronunciation:
        hint = _("Say: {pronunciation}").format(pronunciation=term.pronunciation)
        say = f"<br/><i>{html.escape(hint)}</i>"
    size = f" style='font-size:{point_size:.1f}pt'" if point_size else ""
    follow = _("Click the word to open its glossary entry.")
    return (
        f"<div{size}><p><b>{html.escape(term.term)}</b>{say}</p>"
        f"<p>{html.escape(term.definition)}</p><p><i>{html.escape(follow)}</i></p></div>"
    )


class TermTips(QObject):
    """Shows a glossary term's definition where the reader meets it.

    ``lookup`` finds a term of the current language by id; ``announce`` (optional) also puts
    the definition where a screen reader or a reader who missed the tooltip finds it again,
    such as the status bar, when the keyboard reaches a term.
    """

    def __init__(
        self,
        reader: QTextBrowser,
        lookup: Callable[[str], GlossaryTerm | None],
        announce: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(reader)
        self._reader = reader
        self._lookup = lookup
        self._announce = announce
        reader.viewport().installEventFilter(self)
        reader.installEventFilter(self)

    def term_at(self, url: QUrl | str) -> GlossaryTerm | None:
        found = term_id(url.toString() if isinstance(url, QUrl) else url)
        return self._lookup(found) if found else None

    def _html(self, term: GlossaryTerm) -> str:
        size = self._reader.document().defaultFont().pointSizeF() * TOOLTIP_TEXT_RATIO
        return tooltip_html(term, size)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._reader
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            # The browser moves to the next link after this filter; look once it has (it
            # sends no signal for a link reached by keyboard).
            QTimer.singleShot(0, self._on_link_focused)
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            term = self.term_at(self._reader.anchorAt(event.pos()))
            if term is not None:
                QToolTip.showText(event.globalPos(), self._html(term), self._reader.viewport())
                return True
        return super().eventFilter(watched, event)

    def _on_link_focused(self) -> None:
        """Tab reached a link: the text cursor then selects the whole link."""
        cursor = self._reader.textCursor()
        if not (self._reader.hasFocus() and cursor.hasSelection()):
            return
        term = self.term_at(cursor.charFormat().anchorHref())
        if term is None:
            return
        rect = self._reader.cursorRect(cursor)
        where = self._reader.viewport().mapToGlobal(rect.bottomLeft())
        QToolTip.showText(where, self._html(term), self._reader.viewport())
        if self._announce is not None:
            self._announce(f"{term.term}: {term.definition}")

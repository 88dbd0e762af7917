"""The glossary as a panel: an A to Z list with a filter, and the chosen term's definition.

It sits in a dock beside the reader, so a nurse can keep it open while going through a page with
a patient. The filter reads what is typed as the search does (see :meth:`set_matcher`): folding
(``Ubelkeit`` finds ``Übelkeit``), a term's other names and synonyms (``Enhertu`` finds
trastuzumab deruxtecan, ``Lunge`` finds pneumonitis in English), typos (``Kadcila``) and German
compounds. A glossary word clicked in a page opens its entry here, highlighted.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from her2guide.content.hyphenate import hyphenate_text
from her2guide.content.model import GLOSSARY_HREF, GlossaryTerm, LanguageContent
from her2guide.i18n import _
from her2guide.search.fold import fold
from her2guide.ui.contents_tree import BASE_POINT_SIZE
from her2guide.ui.reader import for_screen_readers
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.search_box import is_search_shortcut
from her2guide.ui.theming import theme_colour

TERM_ROLE = Qt.ItemDataRole.UserRole

Matcher = Callable[[str, str], tuple[list[str], str]]
"""(filter text, language) → the ids of the matching terms, and the text as corrected."""


def sort_key(text: str, lang: str) -> str:
    """Alphabetical order as readers expect it: Ü with U, case ignored."""
    return fold(text, lang)


class GlossaryPanel(Retranslating, QWidget):
    """A to Z list of the glossary terms of one language, a filter and the chosen definition.

    Signals:
        page_requested(str, str): open a page (the glossary page at an entry).
    """

    page_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: LanguageContent | None = None
        self._listed = True  # whether the list shows self._content
        self._matcher: Matcher | None = None
        self._highlighted = ""  # the term opened from a link in a page
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.terms = QListWidget()
        self.terms.setUniformItemSizes(False)
        self.terms.setWordWrap(True)
        self.terms.setResizeMode(QListView.ResizeMode.Adjust)
        self.terms.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.definition = QTextBrowser()
        self.definition.setOpenLinks(False)
        self.definition.anchorClicked.connect(self._follow)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.correction_label = QLabel()
        self.correction_label.setWordWrap(True)
        self.correction_label.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.terms)
        splitter.addWidget(self.definition)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_label)
        layout.addWidget(self.filter)
        layout.addWidget(self.correction_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)

        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.terms.currentItemChanged.connect(self._show_current)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.filter_label.setText(_("Fi&lter the glossary:"))
        self.filter.setPlaceholderText(_("Type part of a word"))
        self.terms.setAccessibleName(_("Glossary terms from A to Z"))
        self.definition.setAccessibleName(_("Definition"))
        self.empty_label.setText(_("No term matches this filter."))
        self._apply_filter(self.filter.text())
        self._show_current(self.terms.currentItem())

    def set_text_scale(self, percent: int) -> None:
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
        for widget in (self.terms, self.definition, self.filter, self.correction_label):
            widget.setFont(font)

    def set_matcher(self, matcher: Matcher) -> None:
        """Lets the filter read text as the search does; without one, it matches parts of names."""
        self._matcher = matcher

    def show_entry(self, term_id: str) -> bool:
        """Selects a term and highlights its entry (a glossary word was clicked in a page)."""
        self._highlighted = term_id
        found = self.select_term(term_id)
        self._show_current(self.terms.currentItem())
        return found

    @property
    def highlighted(self) -> str:
        """The id of the term shown highlighted, "" if none."""
        current = self.current_term()
        return self._highlighted if current and current.id == self._highlighted else ""

    def show_content(self, content: LanguageContent) -> None:
        """Lists the terms of ``content`` under their initial letters; keeps the chosen term.

        A hidden panel (the glossary is mostly closed) lists them when it is shown or asked, so
        that neither start-up nor a language switch waits for a list nobody sees.
        """
        self._content = content
        self._listed = False
        if self.isVisible():
            self._list_terms()

    def showEvent(self, event: QShowEvent) -> None:
        self._list_terms()
        super().showEvent(event)

    def _list_terms(self) -> None:
        if self._listed or self._content is None:
            return
        self._listed = True
        current = self.current_term()
        lang = self._content.lang
        self.terms.clear()
        letter = ""
        for term in sorted(self._content.glossary.values(), key=lambda t: sort_key(t.term, lang)):
            initial = sort_key(term.term, lang)[:1].upper()
            if initial != letter:
                letter = initial
                header = QListWidgetItem(letter)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.terms.addItem(header)
            item = QListWidgetItem(term.term)
            item.setData(TERM_ROLE, term.id)
            self.terms.addItem(item)
        self._apply_filter(self.filter.text())
        if current is not None:
            self.select_term(current.id)

    def current_term(self) -> GlossaryTerm | None:
        item = self.terms.currentItem()
        term_id = item.data(TERM_ROLE) if item is not None else None
        return self._content.glossary.get(term_id) if self._content and term_id else None

    def select_term(self, term_id: str) -> bool:
        self._list_terms()
        for row in range(self.terms.count()):
            item = self.terms.item(row)
            if item.data(TERM_ROLE) == term_id and not item.isHidden():
                self.terms.setCurrentItem(item)
                self.terms.scrollToItem(item)
                return True
        return False

    def visible_terms(self) -> list[str]:
        """The ids of the terms the filter lets through, in list order."""
        self._list_terms()
        return [
            self.terms.item(row).data(TERM_ROLE)
            for row in range(self.terms.count())
            if self.terms.item(row).data(TERM_ROLE) and not self.terms.item(row).isHidden()
        ]

    def _matching(self, text: str) -> set[str] | None:
        """The ids of the terms the filter lets through; None: all."""
        assert self._content is not None
        lang = self._content.lang
        if not text.strip():
            self.correction_label.hide()
            return None
        if self._matcher is not None:
            found, corrected = self._matcher(text, lang)
            shown = html.escape(_("Showing terms for {corrected}"))
            self.correction_label.setText(
                shown.format(corrected=f"<i>{html.escape(corrected)}</i>") if corrected else ""
            )
            self.correction_label.setVisible(bool(corrected and found))
            return set(found)
        needle = fold(text.strip(), lang)
        return {
            term.id
            for term in self._content.glossary.values()
            if needle in fold(" ".join((term.term, *term.aliases)), lang)
        }

    def _apply_filter(self, text: str) -> None:
        if self._content is None or not self._listed:
            return
        matching = self._matching(text)
        header: QListWidgetItem | None = None
        header_used = False
        for row in range(self.terms.count()):
            item = self.terms.item(row)
            term_id = item.data(TERM_ROLE)
            if not term_id:
                if header is not None:
                    header.setHidden(not header_used)
                header, header_used = item, False
                continue
            shown = matching is None or term_id in matching
            item.setHidden(not shown)
            header_used = header_used or shown
        if header is not None:
            header.setHidden(not header_used)
        self.empty_label.setVisible(matching is not None and not self.visible_terms())
        current = self.terms.currentItem()
        if current is None or current.isHidden():
            visible = self.visible_terms()
            if visible:
                self.select_term(visible[0])
            else:
                self.terms.setCurrentItem(None)

    def _show_current(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        term = self.current_term() if item is not None else None
        if term is None:
            self.definition.clear()
            return
        assert self._content is not None
        headword = hyphenate_text(term.term, self._content.lang)  # breaks at a real point
        heading = html.escape(headword)
        if term.id == self._highlighted:
            # A table cell is the background QTextBrowser paints behind a whole block.
            background, colour = theme_colour("match").name(), theme_colour("match_text").name()
            heading = (
                f'<table width="100%" cellpadding="6" bgcolor="{background}"><tr><td>'
                f'<h3 style="color:{colour}">{heading}</h3></td></tr></table>'
            )
        else:
            heading = f"<h3>{heading}</h3>"
        parts = [heading]
        if term.pronunciation:
            hint = _("Say: {pronunciation}").format(pronunciation=term.pronunciation)
            parts.append(f"<p><i>{html.escape(hint)}</i></p>")
        parts.append(f"<p>{html.escape(term.definition)}</p>")
        link = html.escape(GLOSSARY_HREF + term.id, quote=True)
        label = _("Show in the glossary page")
        parts.append(f'<p><a href="{link}">{html.escape(label)}</a></p>')
        self.definition.setHtml(for_screen_readers("".join(parts)))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "page":
            self.page_requested.emit(url.path(), url.fragment())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter move through the list, so the keyboard can stay there."""
        if watched is self.filter and is_search_shortcut(event):
            return True
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                visible = self.visible_terms()
                current = self.current_term()
                if visible:
                    index = visible.index(current.id) if current and current.id in visible else -1
                    step = 1 if event.key() == Qt.Key.Key_Down else -1
                    self.select_term(visible[max(0, min(len(visible) - 1, index + step))])
                return True
        return super().eventFilter(watched, event)

"""Side by side: the current page in English and German next to each other, scrolling together.

For counselling across languages: the nurse reads one column, the patient the other. The columns
are always English | Deutsch (the interface language changes the headers' wording only);
scrolling either keeps the other at the same section (``twin_scroll``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from her2guide.compose import ViewedPage
from her2guide.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _
from her2guide.navigation import Location
from her2guide.twin_scroll import ScrollGeometry, counterpart_value
from her2guide.ui.action_registry import VIEW_MENU
from her2guide.ui.reader import ReaderView, lay_out_fully
from her2guide.ui.retranslate import Retranslating, retranslate_on_language_change

if TYPE_CHECKING:
    from pathlib import Path

    from her2guide.themes import Theme
    from her2guide.ui.theming import ThemeController
    from her2guide.ui.window_api import WindowApi

HEADER_POINT_SIZE = 12.0
# The language names as the interface says them, for the column headers.
_NAMES_IN_UI = {"en": N_("English"), "de": N_("German")}


MIN_COLUMN_WIDTH = 160


class SideBySideView(Retranslating, QWidget):
    """Two readers (English, German) showing one page; scrolling one moves the other.

    Signals:
        page_requested(str, str), timeline_requested(str), external_link_requested(QUrl),
        broken_link(str): links followed in either column, as :class:`ReaderView` sends them.
    """

    def __init__(self, resources: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_id: str | None = None
        self.readers: dict[str, ReaderView] = {}
        self.headers: dict[str, QLabel] = {}
        self._syncing = False
        self._leader = LANGUAGES[0]  # the column the user moved last; the other follows it
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        for column, lang in enumerate(LANGUAGES):
            header = QLabel()
            header.setObjectName(f"side-by-side-header-{lang}")
            header.setContentsMargins(24, 8, 24, 4)
            header.setWordWrap(True)
            reader = ReaderView(resources)
            reader.setObjectName(f"side-by-side-{lang}")
            bar = reader.verticalScrollBar()
            bar.valueChanged.connect(lambda value, source=lang: self._follow(source, value))
            # A new width or text size moves the sections: the follower finds its place again.
            bar.rangeChanged.connect(lambda _low, _high: self._refollow())
            layout.addWidget(header, 0, column)
            layout.addWidget(reader, 1, column)
            layout.setColumnStretch(column, 1)
            self.headers[lang] = header
            self.readers[lang] = reader
        layout.setRowStretch(1, 1)
        # Never wider than two narrow columns need, whatever the headers' longest word at large
        # text: the view shares the window with the other views and the side panels.
        self.setMinimumWidth(2 * MIN_COLUMN_WIDTH)
        self.set_text_scale(100)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for lang, header in self.headers.items():
            own = LANGUAGE_NAMES[lang]
            said = _(_NAMES_IN_UI[lang])
            text = own if said == own else f"{own} ({said})"
            header.setText(f"<b>{html.escape(text)}</b>")
            header.setAccessibleName(text)
            self.readers[lang].setAccessibleName(_("Page text in {language}").format(language=said))

    def set_text_scale(self, percent: int) -> None:
        """Scales both columns and their headers; the first keeps its place, the other follows."""
        first = self.readers[LANGUAGES[0]]
        fraction = first.scroll_fraction()
        font = QFont(self.font())
        font.setPointSizeF(HEADER_POINT_SIZE * percent / 100)
        self._syncing = True
        try:
            for lang, reader in self.readers.items():
                reader.set_text_scale(percent)
                self.headers[lang].setFont(font)
        finally:
            self._syncing = False
        first.set_scroll_fraction(fraction)
        self._follow(LANGUAGES[0], first.verticalScrollBar().value())

    def set_theme(self, theme: Theme) -> None:
        for reader in self.readers.values():
            reader.set_theme(theme)

    def show_page(self, page_id: str, pages: dict[str, ViewedPage | None], missing: str) -> None:
        """Shows each language's page (None: ``missing`` is said instead), at the same section.

        The same page shown again (a language switch, a mode change) keeps its place.
        """
        first = self.readers[LANGUAGES[0]]
        keep = first.scroll_fraction() if page_id == self.page_id else 0.0
        self.page_id = page_id
        self._syncing = True
        try:
            for lang, reader in self.readers.items():
                page = pages.get(lang)
                if page is None:
                    said = missing.format(language=_(_NAMES_IN_UI[lang]))
                    page = ViewedPage(f"<p><i>{html.escape(said)}</i></p>")
                reader.show_page(page)
        finally:
            self._syncing = False
        first.set_scroll_fraction(keep)
        self._follow(LANGUAGES[0], first.verticalScrollBar().value())

    def geometry_of(self, lang: str) -> ScrollGeometry:
        """The headings and scroll range of one column, measured from its laid-out document."""
        reader = self.readers[lang]
        lay_out_fully(reader)
        document = reader.document()
        layout = document.documentLayout()
        headings = []
        block = document.firstBlock()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                headings.append((level, layout.blockBoundingRect(block).top()))
            block = block.next()
        return ScrollGeometry(
            headings, layout.documentSize().height(), reader.verticalScrollBar().maximum()
        )

    def _refollow(self) -> None:
        self._follow(self._leader, self.readers[self._leader].verticalScrollBar().value())

    def _follow(self, source: str, value: int) -> None:
        if self._syncing:
            return
        self._leader = source
        self._syncing = True
        try:
            for lang, reader in self.readers.items():
                if lang != source:
                    target = counterpart_value(
                        value, self.geometry_of(source), self.geometry_of(lang)
                    )
                    reader.verticalScrollBar().setValue(target)
        finally:
            self._syncing = False


class SideBySide(QObject):
    """View → Side by side: shows the side-by-side view instead of the reader while it is on.

    Follows the window's pages (``location_shown``); the timeline stays a view of its own.

    """

    def __init__(self, window: WindowApi, themes: ThemeController) -> None:
        super().__init__(window.host())
        self.window = window
        self.view = SideBySideView(window.library.resources)
        window.views.addWidget(self.view)
        for reader in self.view.readers.values():
            reader.page_requested.connect(window.reader.page_requested)
            reader.timeline_requested.connect(window.reader.timeline_requested)
            reader.external_link_requested.connect(window.reader.external_link_requested)
            reader.broken_link.connect(window.reader.broken_link)
        self.action = QAction(window.host(), checkable=True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.action.toggled.connect(self._on_toggled)
        window.action_registry.keep_shortcuts(self.action)
        window.action_registry.add(VIEW_MENU, self.action, separator=True)
        window.location_shown.connect(self._on_location_shown)
        window.text_scale_changed.connect(self.view.set_text_scale)
        themes.theme_changed.connect(self.view.set_theme)
        self.view.set_theme(themes.theme)
        retranslate_on_language_change(window.host(), self.retranslate_ui)
        self.view.set_text_scale(window.text_scale)
        self.retranslate_ui()

    @property
    def active(self) -> bool:
        return self.action.isChecked()

    def retranslate_ui(self) -> None:
        # Both languages named in the current one ("Deutsch und Englisch"), as everywhere both
        # are offered.
        self.action.setText(
            _("Side by side ({languages})").format(languages=_("English and German"))
        )
        self.action.setToolTip(
            _("Show this page in English and German next to each other; they scroll together")
        )

    def refresh(self) -> None:
        """Shows the current page again in both columns (after a mode changed how pages look)."""
        location = self.window.current_location
        if self.active and location is not None and location.kind == "page":
            self._show(location.target)

    def _on_toggled(self, on: bool) -> None:
        location = self.window.current_location
        if location is None or location.kind != "page":
            return
        if on:
            self._show(location.target)
        else:
            self.window.views.setCurrentWidget(self.window.reader)

    def _on_location_shown(self, location: Location) -> None:
        if self.active and location.kind == "page":
            self._show(location.target)

    def _show(self, page_id: str) -> None:
        library = self.window.library
        pages: dict[str, ViewedPage | None] = {}
        for lang in LANGUAGES:
            rendered = library.render(lang, page_id)
            options = self.window.view_options(lang, page_id)
            pages[lang] = ViewedPage(rendered.html, options) if rendered is not None else None
        # Shown first: a hidden text browser does not know its width, nor its scroll range.
        self.window.views.setCurrentWidget(self.view)
        self.view.show_page(page_id, pages, _("This page is not available in {language}."))

"""Search, find in page and the glossary, fitted into the main window in one place.

The main window creates one :class:`SearchTools`; it adds the search field to the toolbar, the
find bar under the pages, the glossary dock, their actions and menu entries, and the glossary
tooltips of the reader. The search index is kept between runs; when it is missing, a worker
thread builds it a moment after start-up (never before the first paint), so that the first
search only opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QWidget

from her2guide.content.model import GLOSSARY_PAGE
from her2guide.i18n import LANGUAGES, _
from her2guide.ui.action_registry import GO_MENU, TOOLBAR, VIEW_MENU
from her2guide.ui.find_bar import FindBar
from her2guide.ui.retranslate import retranslate_on_language_change
from her2guide.ui.search_box import SEARCH_LIMIT, SEARCH_SHORTCUT, SearchBox
from her2guide.ui.side_dock import add_side_dock
from her2guide.ui.term_tips import TermTips

if TYPE_CHECKING:
    from her2guide.navigation import Location
    from her2guide.search.index import Answer, SearchIndex, SearchResult
    from her2guide.ui.glossary_panel import GlossaryPanel
    from her2guide.ui.window_api import WindowApi

STATUS_TIMEOUT_MS = 15000
INDEX_BUILD_DELAY_MS = 2000  # after the first paint and the first moments of reading


class SearchTools(QObject):
    """Owns the search field, the find bar, the glossary dock and their actions."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.host())
        self.window = window
        self._index: SearchIndex | None = None
        self._hit_page: str | None = None  # the page whose search hit the find bar shows

        self.search_box = SearchBox(self.search, lambda: window.languages.language, window.host())
        self.find_bar = FindBar(window.reader, lambda: window.languages.language)
        window.add_below_pages(self.find_bar)
        self._glossary_panel: GlossaryPanel | None = None
        self.glossary_dock = add_side_dock(
            window.host(), self._build_glossary_panel, "glossary-dock"
        )
        self.term_tips = TermTips(
            window.reader,
            lambda term_id: window.content.glossary.get(term_id),
            lambda text: window.show_status(text, STATUS_TIMEOUT_MS),
        )

        self._create_actions()
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        window.action_registry.add_widget(TOOLBAR, spacer)
        window.action_registry.add_widget(TOOLBAR, self.search_box)

        self.search_box.result_chosen.connect(self.open_result)
        self.search_box.escaped.connect(lambda: window.reader.setFocus())
        self.search_box.glossary_requested.connect(self.look_up)
        self.search_box.contents_requested.connect(self.browse_contents)
        window.views.currentChanged.connect(self._on_view_changed)
        window.location_shown.connect(self._on_location_shown)
        self.find_bar.field.textEdited.connect(self._on_find_text_edited)
        window.languages.language_changed.connect(self._on_language_changed)
        retranslate_on_language_change(window.host(), self.retranslate_ui)
        self.retranslate_ui()
        QTimer.singleShot(INDEX_BUILD_DELAY_MS, self._build_index_in_background)

    # -- set-up --------------------------------------------------------------------------------

    @property
    def glossary_panel(self) -> GlossaryPanel:
        """The glossary beside the page, built now if it is not yet (see ``SideDock``)."""
        self.glossary_dock.panel()
        assert self._glossary_panel is not None
        return self._glossary_panel

    def _build_glossary_panel(self) -> GlossaryPanel:
        from her2guide.ui.glossary_panel import GlossaryPanel  # not needed by the first paint

        window = self.window
        panel = GlossaryPanel()
        panel.show_content(window.content)
        panel.set_matcher(self._matching_terms)
        panel.page_requested.connect(window.open_page)
        panel.set_text_scale(window.text_scale)
        self._glossary_panel = panel
        return panel

    def _create_actions(self) -> None:
        host = self.window.host()
        self.search_action = QAction(host)
        self.search_action.setShortcut(QKeySequence(SEARCH_SHORTCUT))
        self.search_action.triggered.connect(self.focus_search)
        self.find_action = QAction(host)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.find_in_page)
        self.find_next_action = QAction(host)
        self.find_next_action.setShortcut(QKeySequence("F3"))
        self.find_next_action.triggered.connect(lambda: self._find_step(1))
        self.find_previous_action = QAction(host)
        self.find_previous_action.setShortcut(QKeySequence("Shift+F3"))
        self.find_previous_action.triggered.connect(lambda: self._find_step(-1))
        self.glossary_action = self.glossary_dock.toggleViewAction()
        self.glossary_action.setShortcut(QKeySequence("Ctrl+G"))

        registry = self.window.action_registry
        finding = (
            self.search_action,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
        )
        registry.add(GO_MENU, *finding, separator=True)
        registry.add(VIEW_MENU, self.glossary_action, separator=True)

    def retranslate_ui(self) -> None:
        self.search_action.setText(_("Search all pages…"))
        self.find_action.setText(_("Find in this page…"))
        self.find_next_action.setText(_("Find next"))
        self.find_previous_action.setText(_("Find previous"))
        self.glossary_dock.setWindowTitle(_("Glossary"))
        self.glossary_action.setText(_("Glossary"))
        self.glossary_action.setToolTip(_("Show or hide the glossary beside the page"))

    def set_text_scale(self, percent: int) -> None:
        self.search_box.set_text_scale(percent)
        if self._glossary_panel is not None:
            self._glossary_panel.set_text_scale(percent)

    # -- search --------------------------------------------------------------------------------

    @property
    def index(self) -> SearchIndex:
        """The full-text index, created (and its modules loaded) on the first search."""
        if self._index is None:
            from her2guide.search.index import SearchIndex
            from her2guide.search.store import FILE_NAME
            from her2guide.search.synonyms import SYNONYMS_FILE

            library = self.window.library
            self._index = SearchIndex(
                library.language,
                library.root / SYNONYMS_FILE,
                kept_at=lambda lang: library.kept_file(lang, FILE_NAME),
            )
        return self._index

    def _build_index_in_background(self) -> None:
        """Makes sure the kept index files exist, in a worker thread (the window stays free)."""
        current = self.window.languages.language
        self.index.build_in_background((current, *(lang for lang in LANGUAGES if lang != current)))

    def search(self, text: str, langs: Sequence[str]) -> Answer:
        return self.index.answer(text, langs, limit=SEARCH_LIMIT)

    def _matching_terms(self, text: str, lang: str) -> tuple[list[str], str]:
        return self.index.matching_terms(text, lang)

    def look_up(self, text: str) -> None:
        """Opens the glossary beside the page, filtered by ``text`` if any term matches it."""
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        panel = self.glossary_panel
        panel.filter.setText(text)
        if not panel.visible_terms():
            panel.filter.clear()
        panel.filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def browse_contents(self) -> None:
        """Shows the contents (all pages by topic) and puts the keyboard there."""
        contents = self.window.contents
        contents.show()
        contents.setFocus(Qt.FocusReason.OtherFocusReason)

    def follow_link(self, page_id: str, fragment: str) -> None:
        """A link in a page: a glossary word opens its entry in the glossary beside the page,
        highlighted, and the page stays; any other link opens its page."""
        if page_id == GLOSSARY_PAGE and fragment and fragment in self.window.content.glossary:
            self.glossary_dock.show()
            self.glossary_dock.raise_()
            self.glossary_panel.filter.clear()
            self.glossary_panel.show_entry(fragment)
            return
        self.window.open_page(page_id, fragment)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def open_result(self, result: SearchResult) -> None:
        """Shows the result's page (switching language for a result in the other one) and
        highlights the hit with the find bar, from the part of the page the result came from."""
        window = self.window
        if result.lang != window.languages.language:
            window.languages.set_language(result.lang)
        window.open_page(result.page_id, result.fragment)
        if window.current_page != result.page_id or not result.match:
            return
        self.find_bar.open(result.match, after=result.heading or result.title)
        self._hit_page = result.page_id
        window.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- find in page --------------------------------------------------------------------------

    def find_in_page(self) -> None:
        if self.window.views.currentWidget() is self.window.reader:
            selected = self.window.reader.textCursor().selectedText().strip()
            self.find_bar.open(selected or None)

    def _find_step(self, step: int) -> None:
        if self.find_bar.isHidden() or not self.find_bar.field.text():
            self.find_in_page()
        elif step > 0:
            self.find_bar.find_next()
        else:
            self.find_bar.find_previous()

    def _on_view_changed(self, _index: int) -> None:
        if self.window.views.currentWidget() is not self.window.reader:
            self.find_bar.close_bar()

    def close_hit_find_bar(self) -> None:
        """Closes the find bar if a search hit opened it: the hit belongs to its page only
        (a bar the reader opened with Ctrl+F follows the pages)."""
        if self._hit_page is not None:
            self._hit_page = None
            self.find_bar.close_bar()

    def _on_find_text_edited(self, _text: str) -> None:
        self._hit_page = None  # the reader typed: the bar is theirs now, and follows the pages

    def _on_location_shown(self, location: Location) -> None:
        if location.kind != "page" or location.target != self._hit_page:
            self.close_hit_find_bar()

    # -- language ------------------------------------------------------------------------------

    def _on_language_changed(self, _lang: str) -> None:
        # Words typed in the old language find nothing in the new one: the find bar and the
        # glossary filter start empty rather than report "no matches".
        self.close_hit_find_bar()
        self.find_bar.field.clear()
        if self._glossary_panel is not None:
            self._glossary_panel.filter.clear()
            self._glossary_panel.show_content(self.window.content)
        if self.search_box.text().strip():
            self.search_box.refresh()

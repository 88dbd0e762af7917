"""The search field of the toolbar and its list of results, shown while the reader types.

The keyboard stays in the field: Up and Down move through the results, Enter opens one, Esc
closes the list. The list is a panel inside the main window, not a separate pop-up window, so
that typing never loses the field and screen readers and screenshots see it with the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from her2guide.i18n import LANGUAGES, _
from her2guide.ui.contents_tree import BASE_POINT_SIZE
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.search_hints import SUGGESTION_SCHEME, WayOn, note_html, ways_on
from her2guide.ui.search_results import PANEL_WIDTH, ResultsList

if TYPE_CHECKING:
    from her2guide.search.index import Answer, SearchResult

SEARCH_LIMIT = 20
SEARCH_SHORTCUT = "Ctrl+K"

Search = Callable[[str, Sequence[str]], "Answer"]


def _plain(rich: str) -> str:
    """Rich text as plain text, for screen readers."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def is_search_shortcut(event: QEvent) -> bool:
    """Whether ``event`` asks a text field to keep Ctrl+K (on Linux, "delete to the end of the
    line"). A field's event filter swallows it, so that Ctrl+K reaches search from any field."""
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and QKeySequence(event.keyCombination()) == QKeySequence(SEARCH_SHORTCUT)
    )


class SearchResultsPanel(Retranslating, QFrame):
    """The ranked results under the search field, and the choice to search both languages.

    Signals:
        both_languages_changed(bool): the reader ticked or unticked "both languages".
        result_clicked(object): a result (SearchResult) or a way on (WayOn) was clicked.
        suggestion_chosen(str): a "Did you mean" choice was clicked.
    """

    both_languages_changed = Signal(bool)
    result_clicked = Signal(object)
    suggestion_chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.count_label = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.note.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note.linkActivated.connect(self._on_note_link)
        self.note.hide()
        self.both_languages = QCheckBox()
        self.both_languages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.both_languages.toggled.connect(self.both_languages_changed)
        self.list = ResultsList()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.clicked.connect(self._on_clicked)
        header = QHBoxLayout()
        header.addWidget(self.count_label, 1)
        header.addWidget(self.both_languages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self._results: list[SearchResult] = []
        self._answer: Answer | None = None
        self._query = ""
        self.text_scale = 100
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.both_languages.setText(_("Search in &both languages"))
        self.both_languages.setToolTip(_("Also show results from the pages in the other language"))
        self.list.setAccessibleName(_("Search results"))
        self.setAccessibleName(_("Search results"))
        self.show_answer(self._query, self._answer)

    @property
    def results(self) -> list[SearchResult]:
        return list(self._results)

    @property
    def ways_on(self) -> list[WayOn]:
        """The rows offered besides the results (closest terms, glossary, contents)."""
        return [row for row in self.list.results_model.rows if isinstance(row, WayOn)]

    def show_answer(self, query: str, answer: Answer | None) -> None:
        """Shows the results of a search, what was searched instead, and ways on."""
        self._query, self._answer = query, answer
        self._results = list(answer.results) if answer is not None else []
        ways = ways_on(query, answer) if answer is not None else []
        both = self.both_languages.isChecked()
        self.list.results_model.set_rows([*self._results, *ways], show_language=both)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_note()
        self._show_count()

    def _show_note(self) -> None:
        note = note_html(self._query, self._answer) if self._answer is not None else ""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.list.setAccessibleDescription(_plain(note) if note else "")

    def _on_note_link(self, link: str) -> None:
        if link.startswith(SUGGESTION_SCHEME):
            self.suggestion_chosen.emit(link.removeprefix(SUGGESTION_SCHEME))

    def _show_count(self) -> None:
        if not self._query.strip():
            self.count_label.setText("")
        elif not self._results:
            self.count_label.setText(_("Nothing found for “{query}”").format(query=self._query))
        else:
            self.count_label.setText(_("Results: {count}").format(count=len(self._results)))

    def current_result(self) -> SearchResult | WayOn | None:
        row = self.list.currentRow()
        return self.list.row(row) if 0 <= row < self.list.count() else None

    def move_selection(self, step: int) -> None:
        if self.list.count():
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            self.list.scrollTo(self.list.currentIndex())

    def set_text_scale(self, percent: int) -> None:
        self.text_scale = percent
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
        self.list.setFont(font)
        font.setPointSizeF(BASE_POINT_SIZE * (100 + percent) / 200)
        self.count_label.setFont(font)
        self.note.setFont(font)
        self.both_languages.setFont(font)

    def preferred_width(self) -> int:
        """Wider with larger text, so that a snippet still fits on two or three lines."""
        return round(PANEL_WIDTH * (100 + self.text_scale) / 200)

    def preferred_height(self, most: int) -> int:
        """The height that shows every row, or ``most`` if that is less: rows past it are not
        measured, nor given to the list before it scrolls to them."""
        rows, count = 0, 0
        while count < self.list.count() and rows <= most:
            rows += self.list.row_height(count)
            count += 1
        self.list.results_model.in_view = max(1, count)
        layout = self.layout()
        margins = layout.contentsMargins()
        parts = [
            max(self.count_label.sizeHint().height(), self.both_languages.sizeHint().height()),
            rows + 2 * self.list.frameWidth(),
        ]
        if self.note.isVisibleTo(self):
            width = self.preferred_width() - margins.left() - margins.right()
            parts.append(self.note.heightForWidth(width))
        spacing = layout.spacing() * (len(parts) - 1)
        total = sum(parts) + spacing + margins.top() + margins.bottom() + 2 * self.frameWidth()
        return min(total, most)

    def _on_clicked(self, index: QModelIndex) -> None:
        self.result_clicked.emit(self.list.row(index.row()))


class SearchBox(Retranslating, QLineEdit):
    """The toolbar's search field: searches all pages as the reader types.

    ``search`` runs a query in the given languages; ``language`` tells the current one. The
    results panel is placed in ``host`` (the main window), under the field.

    Signals:
        result_chosen(SearchResult): Enter or a click chose this result.
        escaped(): Esc in a field whose list is closed; the window returns to the page.
        glossary_requested(str): nothing was found and the reader chose to look in the glossary.
        contents_requested(): nothing was found and the reader chose to browse the contents.
    """

    result_chosen = Signal(object)
    escaped = Signal()
    glossary_requested = Signal(str)
    contents_requested = Signal()

    def __init__(self, search: Search, language: Callable[[], str], host: QWidget) -> None:
        super().__init__()
        self._search = search
        self._language = language
        self._host = host
        self._panel: SearchResultsPanel | None = None
        self._text_scale = 100
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(200)
        self.textChanged.connect(self.refresh)
        self.retranslate_ui()

    @property
    def panel(self) -> SearchResultsPanel:
        """The results under the field, built when first needed: the first paint does not
        show it, and its filter on the window would see every event before that paint."""
        if self._panel is None:
            panel = SearchResultsPanel(self._host)
            panel.set_text_scale(self._text_scale)
            panel.both_languages_changed.connect(lambda _checked: self.refresh())
            panel.result_clicked.connect(self._choose)
            panel.suggestion_chosen.connect(self._search_for)
            self._host.installEventFilter(self)
            self._panel = panel
        return self._panel

    def set_text_scale(self, percent: int) -> None:
        """The results' text size, kept for the panel if it is not built yet."""
        self._text_scale = percent
        if self._panel is not None:
            self._panel.set_text_scale(percent)

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(_("Search (Ctrl+K)"))
        self.setAccessibleName(_("Search all pages"))
        self.setToolTip(
            _("Type a word: results show as you type. Up and Down choose, Enter opens.")
        )

    def languages(self) -> tuple[str, ...]:
        """The current language, then (if the reader asked for both) the other one."""
        current = self._language()
        if self._panel is not None and self._panel.both_languages.isChecked():
            return (current, *(lang for lang in LANGUAGES if lang != current))
        return (current,)

    def refresh(self) -> None:
        """Searches again for the field's text (after typing, a language change, a new option)."""
        text = self.text()
        if not text.strip():
            if self._panel is not None:
                self._panel.show_answer("", None)
                self._panel.hide()
            return
        self.panel.show_answer(text, self._search(text, self.languages()))
        if self.hasFocus():
            self._place_panel()
            self.panel.show()
            self.panel.raise_()

    def _place_panel(self) -> None:
        host = self._host
        below = self.mapTo(host, QPoint(0, self.height() + 2))
        width = min(max(self.panel.preferred_width(), self.width()), host.width() - 16)
        right = self.mapTo(host, QPoint(self.width(), 0)).x()
        left = max(8, min(right - width, host.width() - width - 8))
        height = self.panel.preferred_height(int(host.height() * 0.7))
        self.panel.setGeometry(left, below.y(), width, max(height, 80))

    def _choose(self, result: SearchResult | WayOn | None) -> None:
        if isinstance(result, WayOn):
            if result.kind == "search":
                self._search_for(result.text)
                return
            self.panel.hide()
            if result.kind == "glossary":
                self.glossary_requested.emit(result.text)
            else:
                self.contents_requested.emit()
        elif result is not None:
            self.panel.hide()
            self.result_chosen.emit(result)

    def _search_for(self, text: str) -> None:
        """Searches for a suggestion, as if the reader had typed it."""
        self.setText(text)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5,
        }  # fmt: skip
        if key in steps and self.text().strip():
            if self.panel.isHidden():
                self.refresh()
            else:
                self.panel.move_selection(steps[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.panel.isHidden() and self.text().strip():
                self.refresh()
            self._choose(self.panel.current_result())
            return
        if key == Qt.Key.Key_Escape:
            if self._panel is not None and self._panel.isVisible():
                self._panel.hide()
            else:
                self.escaped.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.text().strip() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.refresh()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._panel is not None:
            self._panel.hide()

    def event(self, event: QEvent) -> bool:
        if is_search_shortcut(event):
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self._place_panel()
        return super().eventFilter(watched, event)

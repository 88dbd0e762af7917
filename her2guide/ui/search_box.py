"""The search field of the toolbar and its list of results, shown while the reader types.

The keyboard stays in the field: Up and Down move through the results, Enter opens one, Esc
closes the list. The list is a panel inside the main window, not a separate pop-up window, so
that typing never loses the field and screen readers and screenshots see it with the window.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from her2guide.i18n import LANGUAGE_NAMES, LANGUAGES, _
from her2guide.ui.contents_tree import BASE_POINT_SIZE
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.search_hints import SUGGESTION_SCHEME, WayOn, note_html, ways_on
from her2guide.ui.theming import theme_colour

if TYPE_CHECKING:
    from her2guide.search.index import Answer, SearchResult

RESULT_ROLE = Qt.ItemDataRole.UserRole
BOTH_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 8
PANEL_WIDTH = 620
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


def result_html(result: SearchResult, *, show_language: bool, muted: str) -> str:
    """A result as rich text: the title, where it is, and the snippet with the hits in bold."""
    badge = ""
    if show_language:
        badge = f' <span style="color:{muted}">[{result.lang.upper()}]</span>'
    where = " \u00b7 ".join(html.escape(part) for part in (result.section, result.heading) if part)
    snippet = "".join(
        f"<b>{html.escape(text)}</b>" if hit else html.escape(text) for text, hit in result.snippet
    )
    return (
        f"<p style='margin:0'><b>{html.escape(result.title)}</b>{badge}</p>"
        f"<p style='margin:0; color:{muted}'>{where}</p>"
        f"<p style='margin-top:2px; margin-bottom:0'>{snippet}</p>"
    )


def result_text(result: SearchResult, *, show_language: bool) -> str:
    """The same as plain text, for screen readers."""
    parts = [result.title]
    if show_language:
        parts.append(f"({LANGUAGE_NAMES[result.lang]})")
    where = ", ".join(part for part in (result.section, result.heading) if part)
    snippet = "".join(text for text, _hit in result.snippet)
    return " ".join(parts) + f" \u2013 {where}: {snippet}"


class _ResultDelegate(QStyledItemDelegate):
    """Paints a result's rich text; its height follows the text at the list's width.

    The list asks for each row's size many times per search (layout, scrolling, the panel's
    height, painting), so each row's laid-out text is kept until the results change.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[int, int, str, str], tuple[QTextDocument, int]] = {}

    def forget(self) -> None:
        """Drops the kept rows; called when the list gets new results."""
        self._documents.clear()

    def _document(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex,
        width: int,
        muted: str | None = None,
    ) -> tuple[QTextDocument, int]:
        """The row's laid-out text and its height."""
        accent = muted or theme_colour("link").name()  # a selected row has one text colour
        muted = muted or theme_colour("muted").name()
        key = (index.row(), width, option.font.key(), muted)
        if key not in self._documents:
            document = self._lay_out(option, index, width, muted, accent)
            self._documents[key] = document, round(document.size().height())
        return self._documents[key]

    def _lay_out(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex,
        width: int,
        muted: str,
        accent: str,
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        result = index.data(RESULT_ROLE)
        if result is None:
            document.setPlainText(index.data() or "")
        elif isinstance(result, WayOn):
            document.setHtml(result.html(accent))
        else:
            both = bool(index.data(BOTH_ROLE))
            document.setHtml(result_html(result, show_language=both, muted=muted))
        document.setTextWidth(max(100, width - 2 * PADDING))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = option.palette.color(role).name() if selected else None
        document, _height = self._document(option, index, option.rect.width(), muted)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft() + QPoint(PADDING, PADDING // 2))
        painter.setClipRect(QRect(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else PANEL_WIDTH
        _document, height = self._document(option, index, width)
        return QSize(width, height + PADDING)


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
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._delegate = _ResultDelegate(self.list)
        self.list.setItemDelegate(self._delegate)
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._on_clicked)
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
        rows = (self.list.item(row).data(RESULT_ROLE) for row in range(self.list.count()))
        return [row for row in rows if isinstance(row, WayOn)]

    def show_answer(self, query: str, answer: Answer | None) -> None:
        """Shows the results of a search, what was searched instead, and ways on."""
        self._query, self._answer = query, answer
        self._results = list(answer.results) if answer is not None else []
        self.list.clear()
        self._delegate.forget()
        both = self.both_languages.isChecked()
        for result in self._results:
            item = QListWidgetItem(result_text(result, show_language=both))
            item.setData(RESULT_ROLE, result)
            item.setData(BOTH_ROLE, both)
            self.list.addItem(item)
        for way in ways_on(query, answer) if answer is not None else []:
            item = QListWidgetItem(way.label())
            item.setData(RESULT_ROLE, way)
            self.list.addItem(item)
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
        item = self.list.currentItem()
        return item.data(RESULT_ROLE) if item is not None else None

    def move_selection(self, step: int) -> None:
        if self.list.count():
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            self.list.scrollToItem(self.list.currentItem())

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

    def preferred_height(self) -> int:
        rows = sum(self.list.sizeHintForRow(row) for row in range(self.list.count()))
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
        return sum(parts) + spacing + margins.top() + margins.bottom() + 2 * self.frameWidth()

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.result_clicked.emit(item.data(RESULT_ROLE))


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
        self.panel = SearchResultsPanel(host)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(200)
        self.textChanged.connect(self.refresh)
        self.panel.both_languages_changed.connect(lambda _checked: self.refresh())
        self.panel.result_clicked.connect(self._choose)
        self.panel.suggestion_chosen.connect(self._search_for)
        host.installEventFilter(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(_("Search (Ctrl+K)"))
        self.setAccessibleName(_("Search all pages"))
        self.setToolTip(
            _("Type a word: results show as you type. Up and Down choose, Enter opens.")
        )

    def languages(self) -> tuple[str, ...]:
        """The current language, then (if the reader asked for both) the other one."""
        current = self._language()
        if self.panel.both_languages.isChecked():
            return (current, *(lang for lang in LANGUAGES if lang != current))
        return (current,)

    def refresh(self) -> None:
        """Searches again for the field's text (after typing, a language change, a new option)."""
        text = self.text()
        if not text.strip():
            self.panel.show_answer("", None)
            self.panel.hide()
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
        height = min(self.panel.preferred_height(), int(host.height() * 0.7))
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
            if self.panel.isVisible():
                self.panel.hide()
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
        self.panel.hide()

    def event(self, event: QEvent) -> bool:
        if is_search_shortcut(event):
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self._place_panel()
        return super().eventFilter(watched, event)

"""The list of search results: a model of the rows and a delegate that paints them cheaply.

Each keystroke gives a new list of up to 20 results. The view paints only the rows in view; the
delegate paints a row with plain text calls (the title in bold, where it is in a muted colour,
the snippet with its hits in bold, wrapped by a :class:`QTextLayout`) rather than a rich-text
document per row, and a row's height comes from the fonts' line heights and the snippet's line
count. Screen readers read each row as one plain sentence (:func:`result_text`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QResizeEvent,
    QStaticText,
    QTextCharFormat,
    QTextLayout,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from her2guide.i18n import LANGUAGE_NAMES
from her2guide.ui.search_hints import WayOn
from her2guide.ui.theming import theme_colour

if TYPE_CHECKING:
    from her2guide.search.index import SearchResult
    from her2guide.search.snippets import Snippet

RESULT_ROLE = Qt.ItemDataRole.UserRole
PADDING = 8
PANEL_WIDTH = 620
SNIPPET_LINES = 3  # a snippet is at most 150 characters: three lines even at 200 % text
ARROW = "\u2192 "
LINES_KEPT = 500  # lines and snippets laid out, kept from one keystroke to the next
UNCUT = 1 << 20  # room enough for any line
FETCHED_ROWS = 2  # rows given to the view at a time when it scrolls past the last

Index = QModelIndex | QPersistentModelIndex


def result_text(result: SearchResult, *, show_language: bool) -> str:
    """A result as one plain sentence, for screen readers."""
    parts = [result.title]
    if show_language:
        parts.append(f"({LANGUAGE_NAMES[result.lang]})")
    where = ", ".join(part for part in (result.section, result.heading) if part)
    snippet = "".join(text for text, _hit in result.snippet)
    return " ".join(parts) + f" \u2013 {where}: {snippet}"


def _has_background(option: QStyleOptionViewItem) -> bool:
    """Whether the row has a background of its own (selected, under the mouse, or given one):
    most rows of a list have none, and asking the style to draw nothing costs as much as
    drawing."""
    shown = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver
    return bool(option.state & shown) or option.backgroundBrush.style() != Qt.BrushStyle.NoBrush


def _places(rows: list[SearchResult | WayOn]) -> list[object]:
    """Where each row leads (a result's page and language, or the way on itself)."""
    return [
        row if isinstance(row, WayOn) else (row.lang, row.kind, row.page_id, row.fragment)
        for row in rows
    ]


class ResultsModel(QAbstractListModel):
    """The rows of the list: results, then the ways on; replaced on each search.

    The view is given rows as it needs them: those the panel shows without scrolling (see
    :meth:`give`), the next ones when the reader scrolls or moves down to them (Qt's
    ``fetchMore``). So a keystroke measures, wraps and cuts snippets for the rows in view only.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SearchResult | WayOn] = []
        self.given = 0  # the first rows, which the view has
        # Rows the panel showed without scrolling: the next search gives the view as many at
        # once, so that the view is laid out (and its scroll bar shown or hidden) only once.
        self.in_view = 1
        self.show_language = False

    def set_rows(self, rows: list[SearchResult | WayOn], *, show_language: bool) -> None:
        """The rows of a new search. When they are the same places as before (half the
        keystrokes of a word), only their snippets change: the view keeps its rows and
        lays them out again, so the scroll bar and selection stay as they are, not rebuilt."""
        if show_language == self.show_language and _places(rows) == _places(self.rows):
            self.layoutAboutToBeChanged.emit()
            self.rows = rows
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self.rows = rows
        self.given = min(self.in_view, len(rows))
        self.show_language = show_language
        self.endResetModel()

    def give(self, count: int) -> None:
        """Gives the view the first ``count`` rows (or all there are)."""
        count = min(count, len(self.rows))
        if count > self.given:
            self.beginInsertRows(QModelIndex(), self.given, count - 1)
            self.given = count
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.given

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self.given < len(self.rows)

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self.give(self.given + FETCHED_ROWS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == RESULT_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if isinstance(row, WayOn):
                return row.label()
            return result_text(row, show_language=self.show_language)
        return None


class ResultDelegate(QStyledItemDelegate):
    """Paints a result (title, where, snippet) or a way on (an arrow and its label).

    The view asks for every row's height several times per search (layout, scroll bar, the
    panel's height); each row's height is worked out once and kept until the rows change. A
    wrapped snippet is kept by its text and hits: the next keystroke often shows it again.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layouts: dict[tuple[Snippet, int], QTextLayout] = {}
        self._sizes: dict[int, QSize] = {}
        self._plain = QFont()
        self._bold = QFont()
        self._set_fonts(self._plain)
        self._lines: dict[tuple[str, bool, int], tuple[QStaticText, int]] = {}

    def forget(self) -> None:
        """Drops the row heights; called when the model gets new rows and when the view's width
        or font changes."""
        self._sizes.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        if option.font != self._plain:
            self._set_fonts(option.font)
            self._lines.clear()
            self._layouts.clear()
        return self._plain, self._bold

    def _set_fonts(self, font: QFont) -> None:
        self._plain = QFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._metrics = (QFontMetrics(self._plain), QFontMetrics(self._bold))

    def _snippet_layout(self, result: SearchResult, option: QStyleOptionViewItem) -> QTextLayout:
        """The snippet wrapped to the view's width, hits in bold, at most
        :data:`SNIPPET_LINES` lines."""
        key = (result.snippet, self._width(option))
        if key not in self._layouts:
            if len(self._layouts) > LINES_KEPT:
                self._layouts.clear()
            self._layouts[key] = self._wrapped(result, option, key[1])
        return self._layouts[key]

    def _wrapped(
        self, result: SearchResult, option: QStyleOptionViewItem, width: int
    ) -> QTextLayout:
        plain, bold = self._fonts(option)
        text = "".join(piece for piece, _hit in result.snippet)
        layout = QTextLayout(text, plain)
        hit = QTextCharFormat()
        hit.setFont(bold)
        ranges, start = [], 0
        for piece, is_hit in result.snippet:
            if is_hit:
                found = QTextLayout.FormatRange()
                found.start, found.length, found.format = start, len(piece), hit
                ranges.append(found)
            start += len(piece)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        for _number in range(SNIPPET_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else PANEL_WIDTH
        return max(100, width - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The row's height, worked out once per row: the view asks for it many times."""
        row = index.row()
        if row not in self._sizes:
            self._sizes[row] = self._size(option, index)
        return self._sizes[row]

    def _size(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = index.data(RESULT_ROLE)
        self._fonts(option)
        height = self._metrics[True].height()
        if not isinstance(row, WayOn):
            if row.section or row.heading:
                height += self._metrics[False].height()
            layout = self._snippet_layout(row, option)
            height += round(layout.boundingRect().height()) + 2
        return QSize(self._width(option) + 2 * PADDING, height + PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        widget = option.widget
        style = widget.style() if widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None and _has_background(option):
            # The background and selection only (the list never has focus).
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(role)
        muted = text_colour if selected else theme_colour("muted")
        self._fonts(option)
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, 0)
        row = index.data(RESULT_ROLE)
        painter.save()
        painter.setClipRect(option.rect)
        if isinstance(row, WayOn):
            painter.setPen(text_colour if selected else theme_colour("link"))
            self._line(painter, rect, ARROW + row.label(), True)
        else:
            show_language = getattr(index.model(), "show_language", False)
            badge = f" [{row.lang.upper()}]" if show_language else ""
            painter.setPen(text_colour)
            rect = self._line(painter, rect, row.title, True, (badge, muted))
            where = " \u00b7 ".join(part for part in (row.section, row.heading) if part)
            if where:
                painter.setPen(muted)
                rect = self._line(painter, rect, where, False)
            painter.setPen(text_colour)
            self._snippet_layout(row, option).draw(painter, QPointF(rect.left(), rect.top() + 2))
        painter.restore()

    def _shaped(self, text: str, strong: bool, room: int) -> tuple[QStaticText, int]:
        """``text`` cut with "…" to fit ``room``, laid out once, and its width: titles and
        places come back from one keystroke to the next."""
        key = (text, strong, room)
        if key not in self._lines:
            if len(self._lines) > LINES_KEPT:
                self._lines.clear()
            metrics = self._metrics[strong]
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), self._bold if strong else self._plain)
            self._lines[key] = (static, metrics.horizontalAdvance(shown))
        return self._lines[key]

    def _line(
        self,
        painter: QPainter,
        rect: QRect,
        text: str,
        strong: bool,
        after: tuple[str, QColor] | None = None,
    ) -> QRect:
        """Draws one line of ``text`` (in bold if ``strong``) at the top of ``rect``, cut with
        "…" if too long, and ``after`` it a short plain text in its own colour (the language of
        a result); returns what is left of ``rect`` below the line."""
        tail, tail_colour = after or ("", QColor())
        badge, badge_width = self._shaped(tail, False, UNCUT)
        shown, width = self._shaped(text, strong, rect.width() - badge_width)
        painter.setFont(self._bold if strong else self._plain)
        painter.drawStaticText(rect.topLeft(), shown)
        if tail:
            painter.setFont(self._plain)
            painter.setPen(tail_colour)
            painter.drawStaticText(QPoint(rect.left() + width, rect.top()), badge)
        return rect.adjusted(0, self._metrics[strong].height(), 0, 0)


class ResultsList(QListView):
    """The view of the results, with the few row helpers the panel and its tests need."""

    def __init__(self) -> None:
        super().__init__()
        self.results_model = ResultsModel(self)
        self.setModel(self.results_model)
        self.delegate = ResultDelegate(self)
        self.results_model.modelAboutToBeReset.connect(self.delegate.forget)
        self.results_model.layoutAboutToBeChanged.connect(self.delegate.forget)
        self.setItemDelegate(self.delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self.delegate.forget()  # the snippets wrap anew at the new width
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.delegate.forget()
        super().changeEvent(event)

    def count(self) -> int:
        """All rows, also those not yet given to the view."""
        return len(self.results_model.rows)

    def currentRow(self) -> int:
        return self.currentIndex().row()

    def setCurrentRow(self, row: int) -> None:
        self.results_model.give(row + 1)
        self.setCurrentIndex(self.results_model.index(row))

    def row_text(self, row: int) -> str:
        """What a screen reader reads for the row."""
        self.results_model.give(row + 1)
        return self.results_model.index(row).data()

    def row_height(self, row: int) -> int:
        """The row's height, given to the view first if need be."""
        self.results_model.give(row + 1)
        return self.sizeHintForRow(row)

    def row(self, row: int) -> SearchResult | WayOn:
        return self.results_model.rows[row]

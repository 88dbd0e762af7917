"""The contents tree: sections with their pages, in the current language.

A model/view tree whose page rows are asked for their titles only when they are shown, so that
filling it costs the same with ten pages or ten thousand; a language switch relabels it in place.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QGuiApplication,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from her2guide.content.model import WORD, LanguageContent, Page, Pages, Section
from her2guide.i18n import _
from her2guide.ui.retranslate import Retranslating

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole
BASE_POINT_SIZE = 11.0
MAX_SCREEN_SHARE = 0.3
_ITEM_SLACK = 16  # the delegate's 8 px and the style's text margins around an item
_PAGE_ROLES = frozenset(
    role.value for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, PAGE_ID_ROLE)
)
"""The roles a page row answers: its title (shown and as tooltip) and its id."""


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped title, so long (German) titles are never cut off.

    The heights are kept while the tree keeps its width: a language switch asks for every row
    again, and switching back asks for the same titles as before."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        self._heights: dict[tuple[int, str, str], int] = {}
        self._heights_for = (0, 0)  # the viewport's width and the indentation they were for

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        depth = 1 if index.parent().isValid() else 0
        viewport_width, indentation = self.tree.viewport().width(), self.tree.indentation()
        if (viewport_width, indentation) != self._heights_for:
            self._heights.clear()
            self._heights_for = (viewport_width, indentation)
        width = max(viewport_width - indentation * (depth + 1) - 8, 40)
        font = index.data(Qt.ItemDataRole.FontRole) or self.tree.font()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (width, font.key(), text)
        height = self._heights.get(key)
        if height is None:
            bounds = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
            )
            height = self._heights[key] = bounds.height() + 8
        return QSize(width, height)


class _ContentsModel(QStandardItemModel):
    """Sections at the top, their pages below, in one column. A section holds its pages as empty
    rows (made in one call, however many there are); a page row's title and id are looked up
    when the view asks for them, that is when it paints the row. An empty row has the model's
    default flags: selectable and enabled, and editable, which the tree never lets happen."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.section_ids: list[str] = []  # the sections shown
        self.ids: list[list[str]] = []  # each shown section's page ids, in order
        self.pages = Pages({}, {}, _no_page, dict)
        self.section_font = QFont()

    def show(self, sections: list[Section], ids: list[list[str]], pages: Pages) -> None:
        self.clear()
        self.section_ids = [section.id for section in sections]
        self.ids, self.pages = ids, pages
        for section, section_ids in zip(sections, ids, strict=True):
            item = QStandardItem(section.title)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setFont(self.section_font)
            item.setRowCount(len(section_ids))
            item.setColumnCount(1)
            self.appendRow(item)

    def relabel(self, sections: list[Section], pages: Pages) -> None:
        """The same rows with the titles of ``pages`` (another language)."""
        self.pages = pages
        for row, section in enumerate(sections):
            self.item(row).setText(section.title)
        self._pages_changed()

    def set_section_font(self, font: QFont) -> None:
        self.section_font = font
        for row in range(self.rowCount()):
            self.item(row).setFont(font)
        self._pages_changed()

    def _pages_changed(self) -> None:
        """Every page row's text changed: the view asks again for the rows it shows."""
        for row, ids in enumerate(self.ids):
            section = self.index(row, 0)
            self.dataChanged.emit(self.index(0, 0, section), self.index(len(ids) - 1, 0, section))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        # The view asks each painted row for a dozen roles: those a page row does not answer
        # go straight to the items (a page row has none, so nothing), without finding its page.
        if role not in _PAGE_ROLES:
            return super().data(index, role)
        section = index.parent()
        if not section.isValid():
            return super().data(index, role)
        page_id = self.ids[section.row()][index.row()]
        return page_id if role == PAGE_ID_ROLE else self.pages.title(page_id)

    def page_index(self, page_id: str) -> QModelIndex:
        """The row of ``page_id``; invalid when it is not shown."""
        if page_id not in self.pages or self.pages.section_of(page_id) not in self.section_ids:
            return QModelIndex()
        row = self.section_ids.index(self.pages.section_of(page_id))
        return self.index(self.ids[row].index(page_id), 0, self.index(row, 0))

    def section_titles(self) -> list[str]:
        return [self.item(row).text() for row in range(self.rowCount())]


def _no_page(page_id: str) -> Page:
    raise KeyError(page_id)


class ContentsTree(Retranslating, QTreeView):
    """Sections and pages; choosing a page emits its id.

    Signals:
        page_chosen(str): the id of the page the user picked.
    """

    page_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contents_model = _ContentsModel(self)
        self.setModel(self.contents_model)
        # The widest word's width for each language and text size met (section titles, font,
        # indentation), with the page titles' words it was measured on: switching back and forth
        # measures each language once.
        self._widest_words: dict[tuple[tuple[str, ...], str, int], tuple[list[str], int]] = {}
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setIndentation(14)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.activated.connect(self._on_index)
        self.clicked.connect(self._on_index)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Contents"))
        self.setAccessibleDescription(_("Sections and pages of the guide"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def set_text_scale(self, percent: int) -> None:
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
        self.setFont(font)
        self.contents_model.set_section_font(self._section_font())
        self._fit_longest_word()

    def show_content(self, content: LanguageContent) -> None:
        """Shows the sections and pages of ``content``, keeping the selected page. Both
        languages usually hold the same pages, so a language switch only relabels the rows."""
        if self.relabel(content):
            return
        sections, ids = _shown(content)
        selected = self.current_page()
        self.blockSignals(True)
        self.contents_model.section_font = self._section_font()
        self.contents_model.show(sections, ids, content.pages)
        for row in range(len(sections)):
            self.expand(self.contents_model.index(row, 0))
        self._fit_longest_word()
        self.blockSignals(False)
        if selected:
            self.select_page(selected)

    def relabel(self, content: LanguageContent) -> bool:
        """Shows the titles of ``content`` (the other language) in the rows as they are, keeping
        the expanded sections, the selection and the scroll position; False, changing nothing,
        when ``content`` has other sections or pages (then :meth:`show_content` rebuilds). Its
        cost grows with the sections, not the pages: titles are read as rows are painted."""
        sections, ids = _shown(content)
        model = self.contents_model
        if [section.id for section in sections] != model.section_ids or ids != model.ids:
            return False
        model.relabel(sections, content.pages)
        self._fit_longest_word()
        return True

    def _section_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _fit_longest_word(self) -> None:
        """Keeps the tree at least as wide as its longest word, which wrapping cannot split:
        long German compounds at large text sizes would otherwise be cut off."""
        model = self.contents_model
        titles, words = tuple(model.section_titles()), model.pages.title_words()
        key = (titles, self.font().key(), self.indentation())
        kept = self._widest_words.get(key)
        if kept is not None and kept[0] is words:  # the same language at the same size
            widest = kept[1]
        else:
            sections = {word for title in titles for word in WORD.findall(title)}
            widest = max(
                _widest(_sorted_longest_first(sections), self._section_font()) + self.indentation(),
                _widest(words, self.font()) + self.indentation() * 2,
            )
            self._widest_words[key] = (words, widest)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        wanted = widest + _ITEM_SLACK + 2 * self.frameWidth() + scroll_bar
        # Never so wide that the window cannot fit its screen: where the longest word does not
        # fit, the page is too narrow beside the contents anyway and they fold away.
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.setMinimumWidth(min(wanted, round(screen.width() * MAX_SCREEN_SHARE)))

    def select_page(self, page_id: str | None) -> None:
        """Marks ``page_id`` as the current page without emitting ``page_chosen``."""
        self.blockSignals(True)
        self.setCurrentIndex(
            self.page_index(page_id) or QModelIndex() if page_id else QModelIndex()
        )
        if not page_id:
            self.clearSelection()
        self.blockSignals(False)

    def current_page(self) -> str | None:
        index = self.currentIndex()
        return index.data(PAGE_ID_ROLE) if index.isValid() else None

    def page_index(self, page_id: str) -> QModelIndex | None:
        """The row showing ``page_id``; None when the contents do not show it."""
        index = self.contents_model.page_index(page_id)
        return index if index.isValid() else None

    def _on_index(self, index: QModelIndex) -> None:
        page_id = index.data(PAGE_ID_ROLE)
        if page_id:
            self.page_chosen.emit(page_id)


def _shown(content: LanguageContent) -> tuple[list[Section], list[list[str]]]:
    """The sections that hold pages, and their page ids in order."""
    shown = [(section, content.pages.ids_in(section.id)) for section in content.sections]
    shown = [(section, ids) for section, ids in shown if ids]
    return [section for section, _ids in shown], [ids for _section, ids in shown]


def _sorted_longest_first(words: Iterable[str]) -> list[str]:
    return sorted(words, key=lambda word: (-len(word), word))


def _widest(longest_first: list[str], font: QFont) -> int:
    """The widest advance of the words, given the longest first. Measuring stops at the first
    word too short to be wider than the widest so far even if each of its letters were as wide
    as the widest letter in any of the words (plus a pixel for kerning), so that many titles
    cost no more than a few."""
    metrics = QFontMetrics(font)
    widest_letter = max(map(metrics.horizontalAdvance, set("".join(longest_first))), default=0)
    widest = 0
    for word in longest_first:
        if len(word) * (widest_letter + 1) <= widest:
            break
        widest = max(widest, metrics.horizontalAdvance(word))
    return widest

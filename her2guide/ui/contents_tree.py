"""The contents tree: sections with their pages, in the current language."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from her2guide.content.model import LanguageContent
from her2guide.i18n import _
from her2guide.ui.retranslate import Retranslating

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole
BASE_POINT_SIZE = 11.0
MAX_SCREEN_SHARE = 0.3
_ITEM_SLACK = 16  # the delegate's 8 px and the style's text margins around an item
_WORD = re.compile(r"[^\s-]+-?")  # what wrapping cannot split: a word, up to its hyphen


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped title, so long (German) titles are never cut off."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        depth = 1 if index.parent().isValid() else 0
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 8
        font = index.data(Qt.ItemDataRole.FontRole) or self.tree.font()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = QFontMetrics(font).boundingRect(
            QRect(0, 0, max(width, 40), 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(max(width, 40), bounds.height() + 8)


class ContentsTree(Retranslating, QTreeWidget):
    """Sections and pages; choosing a page emits its id.

    Signals:
        page_chosen(str): the id of the page the user picked.
    """

    page_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setIndentation(14)
        self._layout: list[tuple[str, list[str]]] = []  # section and page ids as shown
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)
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
        for index in range(self.topLevelItemCount()):
            self.topLevelItem(index).setFont(0, self._section_font())
        self._fit_longest_word()

    def show_content(self, content: LanguageContent) -> None:
        """Shows the sections and pages of ``content``, keeping the selected page. Both
        languages usually hold the same pages, so a language switch only renames the items."""
        pages = content.pages
        sections = [(section, pages.ids_in(section.id)) for section in content.sections]
        sections = [(section, ids) for section, ids in sections if ids]
        layout = [(section.id, ids) for section, ids in sections]
        if layout == self._layout:
            for number, (section, ids) in enumerate(sections):
                section_item = self.topLevelItem(number)
                section_item.setText(0, section.title)
                for row, page_id in enumerate(ids):
                    section_item.child(row).setText(0, pages.title(page_id))
                    section_item.child(row).setToolTip(0, pages.title(page_id))
            self._fit_longest_word()
            return
        selected = self.current_page()
        self.blockSignals(True)
        self.clear()
        for section, ids in sections:
            section_item = QTreeWidgetItem(self, [section.title])
            section_item.setFont(0, self._section_font())
            section_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for page_id in ids:
                item = QTreeWidgetItem(section_item, [pages.title(page_id)])
                item.setData(0, PAGE_ID_ROLE, page_id)
                item.setToolTip(0, pages.title(page_id))
        self._layout = layout
        self.expandAll()
        self._fit_longest_word()
        self.blockSignals(False)
        if selected:
            self.select_page(selected)

    def _section_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _fit_longest_word(self) -> None:
        """Keeps the tree at least as wide as its longest word, which wrapping cannot split:
        long German compounds at large text sizes would otherwise be cut off."""
        sections: set[str] = set()
        pages: set[str] = set()  # each word measured once, however many titles hold it
        for index in range(self.topLevelItemCount()):
            section = self.topLevelItem(index)
            sections.update(_WORD.findall(section.text(0)))
            for row in range(section.childCount()):
                pages.update(_WORD.findall(section.child(row).text(0)))
        widest = 0
        for words, font, depth in ((sections, self._section_font(), 1), (pages, self.font(), 2)):
            metrics = QFontMetrics(font)
            longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
            widest = max(widest, longest + self.indentation() * depth)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        wanted = widest + _ITEM_SLACK + 2 * self.frameWidth() + scroll_bar
        # Never so wide that the window cannot fit its screen: where the longest word does not
        # fit, the page is too narrow beside the contents anyway and they fold away.
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.setMinimumWidth(min(wanted, round(screen.width() * MAX_SCREEN_SHARE)))

    def select_page(self, page_id: str | None) -> None:
        """Marks ``page_id`` as the current page without emitting ``page_chosen``."""
        self.blockSignals(True)
        self.setCurrentItem(self._item_for(page_id) if page_id else None)  # type: ignore[arg-type]
        if not page_id:
            self.clearSelection()
        self.blockSignals(False)

    def current_page(self) -> str | None:
        item = self.currentItem()
        return item.data(0, PAGE_ID_ROLE) if item is not None else None

    def page_item(self, page_id: str) -> QTreeWidgetItem | None:
        return self._item_for(page_id)

    def _item_for(self, page_id: str | None) -> QTreeWidgetItem | None:
        for index in range(self.topLevelItemCount()):
            section = self.topLevelItem(index)
            for row in range(section.childCount()):
                item = section.child(row)
                if item.data(0, PAGE_ID_ROLE) == page_id:
                    return item
        return None

    def _on_item(self, item: QTreeWidgetItem) -> None:
        page_id = item.data(0, PAGE_ID_ROLE)
        if page_id:
            self.page_chosen.emit(page_id)

""" "On this page": the headings of the shown page, to list and jump to by keyboard, pointer or
screen reader; Qt gives a screen reader no heading structure of the page itself."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QApplication, QComboBox, QTextEdit, QWidget

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.i18n import _

_MARGIN = 2  # pixels: a heading this close to the top counts as the one in view


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    position: int  # the document position of its block


def document_headings(view: QTextEdit) -> list[Heading]:
    """The section headings (h2 and below) of the document the view shows, in order."""
    headings = []
    block: QTextBlock = view.document().begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        text = without_soft_hyphens(block.text()).strip()
        if level >= 2 and text:
            headings.append(Heading(text, level, block.position()))
        block = block.next()
    return headings


class PageOutline(QComboBox):
    """Lists the page's headings; choosing one scrolls the page to it."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._headings: list[Heading] = []
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.activated.connect(self.jump_to)
        view.verticalScrollBar().valueChanged.connect(self._follow_scrolling)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """A smaller font gives a smaller box: Qt's combo box forgets its size on a font change
        but keeps its least size, which a style change (counselling mode's larger targets)
        may have measured in the larger font; a style change makes it forget both."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QApplication.sendEvent(self, QEvent(QEvent.Type.StyleChange))

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(_("On this page"))
        self.setAccessibleName(_("On this page"))
        self.setToolTip(_("The sections of this page: choose one to go to it"))
        self.setAccessibleDescription(self.toolTip())

    @property
    def headings(self) -> list[Heading]:
        return self._headings

    def refresh(self) -> None:
        """Reads the headings of the page now shown."""
        self._headings = document_headings(self._view)
        self.blockSignals(True)
        self.clear()
        for heading in self._headings:
            indent = "    " * (heading.level - 2)
            self.addItem(indent + heading.text)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        self.setEnabled(bool(self._headings))
        self._follow_scrolling()

    def jump_to(self, index: int) -> None:
        if not 0 <= index < len(self._headings):
            return
        bar = self._view.verticalScrollBar()
        bar.setValue(round(self._top(self._headings[index])))
        self.setCurrentIndex(index)

    def step(self, delta: int) -> None:
        """Goes to the next (+1) or previous (-1) heading from where the page stands."""
        value = self._view.verticalScrollBar().value()
        tops = [self._top(heading) for heading in self._headings]
        if delta > 0:
            following = [i for i, top in enumerate(tops) if top > value + _MARGIN]
            if following:
                self.jump_to(following[0])
        else:
            before = [i for i, top in enumerate(tops) if top < value - _MARGIN]
            if before:
                self.jump_to(before[-1])

    def _top(self, heading: Heading) -> float:
        block = self._view.document().findBlock(heading.position)
        return self._view.document().documentLayout().blockBoundingRect(block).top()

    def _follow_scrolling(self) -> None:
        """The section in view is the one shown as chosen."""
        value = self._view.verticalScrollBar().value()
        current = -1
        for index, heading in enumerate(self._headings):
            if self._top(heading) <= value + _MARGIN:
                current = index
        if current != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(current)
            self.blockSignals(False)

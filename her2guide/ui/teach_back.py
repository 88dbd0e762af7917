"""Where counselling's teach-back box sits in a shown page: just before the source list.

The box itself is composed into the page's HTML (:mod:`her2guide.compose`); this finds its
place in the laid-out document, for paging a page up to its question and no further.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFrame

from her2guide.compose import TEACH_BACK_ANCHOR


def closing_heading(document: QTextDocument) -> QTextBlock:
    """The last ``##`` heading of a page: "Sources", which follows the page's own text.

    An invalid block when the page has none.
    """
    block = document.lastBlock()
    while block.isValid() and block.blockFormat().headingLevel() != 2:
        block = block.previous()
    return block


def teach_back_box(document: QTextDocument) -> QTextFrame | None:
    """The teach-back box of the shown page, if it has one (found by its title's anchor: HTML
    classes do not survive in a Qt document)."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if TEACH_BACK_ANCHOR in fragment.charFormat().anchorNames():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                return cursor.currentTable()
            fragments += 1
        block = block.next()
    return None

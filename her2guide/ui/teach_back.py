"""Where counselling's teach-back box sits in a shown page: just before the source list.

The box itself is composed into the page's HTML (:mod:`her2guide.compose`); this finds its
place in the laid-out document, for paging a page up to its question and no further.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument


def closing_heading(document: QTextDocument) -> QTextBlock:
    """The last ``##`` heading of a page: "Sources", which follows the page's own text.

    An invalid block when the page has none.
    """
    block = document.lastBlock()
    while block.isValid() and block.blockFormat().headingLevel() != 2:
        block = block.previous()
    return block

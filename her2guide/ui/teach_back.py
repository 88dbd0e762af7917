"""The teach-back box of counselling mode, added to a page already shown in a text browser.

The box goes at the end of the page text, before the source list, so the nurse meets it where
the patient has just finished reading. It is added to the shown document (not to the cached
HTML), so the page is not rendered and laid out a second time.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextFrame
from PySide6.QtWidgets import QTextBrowser

from her2guide.ui.reader import lay_out_fully

BOX_CLASS = "teach-back"
_BOX_MARK = QTextFormat.Property.UserProperty + 1
"""Set on the box's table in the document, where HTML classes do not survive."""


def teach_back_html(title: str, question: str) -> str:
    return (
        f'<table class="{BOX_CLASS}" width="100%" cellspacing="0" cellpadding="14"><tr><td>'
        f'<p class="box-title">{html.escape(title)}</p>'
        f"<p>{html.escape(question)}</p></td></tr></table>"
    )


def closing_heading(document: QTextDocument) -> QTextBlock:
    """The last ``##`` heading of a page: "Sources", which follows the page's own text.

    An invalid block when the page has none.
    """
    block = document.lastBlock()
    while block.isValid() and block.blockFormat().headingLevel() != 2:
        block = block.previous()
    return block


def insert_teach_back(browser: QTextBrowser, title: str, question: str) -> None:
    """Adds the box before the source list (:func:`closing_heading`), or at the end.

    The box is inserted at the end of the block before that heading: inserting at the
    heading itself would take its heading format away.
    """
    lay_out_fully(browser)  # else the text after the box is never laid out (see there)
    document = browser.document()
    block = closing_heading(document)
    cursor = QTextCursor(document)
    if block.isValid() and block.previous().isValid():
        cursor.setPosition(block.previous().position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.End)
    start = cursor.position()
    cursor.insertHtml(teach_back_html(title, question))
    for frame in document.rootFrame().childFrames():
        if start <= frame.firstPosition() <= cursor.position():
            box_format = frame.frameFormat()
            box_format.setProperty(_BOX_MARK, True)
            frame.setFrameFormat(box_format)
            break


def teach_back_box(document: QTextDocument) -> QTextFrame | None:
    """The teach-back box of the shown page, if it has one."""
    return next(
        (f for f in document.rootFrame().childFrames() if f.frameFormat().boolProperty(_BOX_MARK)),
        None,
    )

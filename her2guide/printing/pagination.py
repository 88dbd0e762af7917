"""Page breaks that respect the content: boxes, figures and headings are never cut in two.

QTextDocument paginates line by line and knows no "avoid break inside". So the document is laid
out, and every part that must stay whole and would cross the bottom of a sheet gets a page break
before it; then the layout is read again for the next part. A part taller than a sheet is left to
Qt, which breaks it between lines. Parts that stay whole:

- a box or table (a top-level table) with everything in it;
- a figure with its legend (the picture, the paragraph under it and the list that follows);
- a heading with the first lines of what follows it;
- the first two lines of a paragraph (so that no paragraph starts on a sheet's last line).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextImageFormat,
)

KEEP_WITH_HEADING_LINES = 2
ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


@dataclass
class _Part:
    """A run of top-level blocks or one table, as laid out now."""

    first: QTextBlock | QTextFrame
    items: list[QTextBlock | QTextFrame]
    heading: bool = False
    figure: bool = False


def _top(document: QTextDocument, item: QTextBlock | QTextFrame) -> float:
    layout = document.documentLayout()
    if isinstance(item, QTextFrame):
        return layout.frameBoundingRect(item).top()
    return layout.blockBoundingRect(item).top()


def _bottom(document: QTextDocument, item: QTextBlock | QTextFrame) -> float:
    layout = document.documentLayout()
    if isinstance(item, QTextFrame):
        return layout.frameBoundingRect(item).bottom()
    return layout.blockBoundingRect(item).bottom()


def _first_lines_bottom(
    document: QTextDocument, item: QTextBlock | QTextFrame, lines: int
) -> float:
    """Where the first ``lines`` lines of a block (or of a table's first cell) end."""
    if isinstance(item, QTextFrame):
        block = document.findBlock(item.firstPosition())
        top = document.documentLayout().blockBoundingRect(block).top()
    else:
        block, top = item, _top(document, item)
    text_layout = block.layout()
    count = min(lines, text_layout.lineCount())
    if count == 0:
        return _bottom(document, item)
    line = text_layout.lineAt(count - 1)
    return top + line.y() + line.height()


def _has_image(block: QTextBlock) -> bool:
    iterator = block.begin()
    while not iterator.atEnd():
        if iterator.fragment().charFormat().isImageFormat():
            return QTextImageFormat(iterator.fragment().charFormat()).name() != ""
        iterator += 1
    return False


def _top_level(document: QTextDocument) -> list[QTextBlock | QTextFrame]:
    items: list[QTextBlock | QTextFrame] = []
    iterator = document.rootFrame().begin()
    while not iterator.atEnd():
        frame = iterator.currentFrame()
        items.append(frame if frame is not None else iterator.currentBlock())
        iterator += 1
    return items


def _parts(document: QTextDocument) -> list[_Part]:
    """The document as parts to keep whole, in reading order."""
    items = _top_level(document)
    parts: list[_Part] = []
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, QTextBlock) and _has_image(item):
            group = [item]
            index += 1
            list_seen = None
            while index < len(items) and isinstance(items[index], QTextBlock):
                block = items[index]
                if block.blockFormat().headingLevel() or _has_image(block):
                    break
                text_list = block.textList()
                if list_seen is not None and text_list != list_seen:
                    break
                if text_list is not None:
                    list_seen = text_list
                elif len(group) > 1:
                    break
                group.append(block)
                index += 1
            parts.append(_Part(item, group, figure=True))
            continue
        heading = isinstance(item, QTextBlock) and item.blockFormat().headingLevel() > 0
        parts.append(_Part(item, [item], heading=heading))
        index += 1
    return parts


def _break_before(document: QTextDocument, item: QTextBlock | QTextFrame) -> None:
    """A page break before ``item``, then a full new layout: Qt's incremental layout after a
    format change can leave the parts after it where they were."""
    _set_break(item)
    document.markContentsDirty(0, document.characterCount())


def _set_break(item: QTextBlock | QTextFrame) -> None:
    if isinstance(item, QTextFrame):
        frame_format = item.frameFormat()
        frame_format.setPageBreakPolicy(ALWAYS_BEFORE)
        item.setFrameFormat(frame_format)
        return
    block_format = QTextBlockFormat(item.blockFormat())
    block_format.setPageBreakPolicy(ALWAYS_BEFORE)
    QTextCursor(item).setBlockFormat(block_format)


def _page(y: float, height: float) -> int:
    return int(y // height)


def keep_together(document: QTextDocument) -> int:
    """Moves every part that must stay whole and would be cut to the next sheet; returns how
    many page breaks were added. The document must have its page size set."""
    height = document.pageSize().height()
    parts = _parts(document)
    added = 0
    for index, part in enumerate(parts):
        top = _top(document, part.first)
        if top % height < 1:
            continue
        if part.heading and index + 1 < len(parts):
            following = parts[index + 1].first
            end = _first_lines_bottom(document, following, KEEP_WITH_HEADING_LINES)
        elif part.figure or isinstance(part.first, QTextFrame):
            end = _bottom(document, part.items[-1])
            if end - top > height * 0.95:  # too tall to keep whole: keep its first item whole
                end = _bottom(document, part.first)
        else:  # a paragraph may be split, but not after its first line
            end = _first_lines_bottom(document, part.first, KEEP_WITH_HEADING_LINES)
        if end - top > height * 0.95:
            continue
        if _page(top, height) != _page(end - 1, height):
            _break_before(document, part.first)
            added += 1
    return added


def cut_lines(document: QTextDocument) -> list[str]:
    """Lines of text that cross the bottom of a sheet (and would be clipped): none expected."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    cut = []
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            start = top + line.y()
            if _page(start + 0.5, height) != _page(start + line.height() - 0.5, height):
                cut.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return cut

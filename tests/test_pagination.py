"""Page breaks on paper: what must stay whole is moved to the next sheet, nothing is cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument, QTextFrame
from pytestqt.qtbot import QtBot

from her2guide.care_card import ClinicContact
from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.printing.handout import HandoutOptions, compose_handout
from her2guide.printing.pagination import cut_lines, keep_together
from her2guide.printing.paint import PrintJob, lay_out_job, pdf_printer
from her2guide.questions import QuestionList

PAGE = QSizeF(400, 300)


def _document(body: str) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(PAGE)
    document.setHtml(f"<body>{body}</body>")
    return document


def _filler(lines: int) -> str:
    return "".join(f"<p>Filler line {n}.</p>" for n in range(lines))


def _tables(document: QTextDocument) -> list[QTextFrame]:
    return document.rootFrame().childFrames()


def _crosses(top: float, bottom: float) -> bool:
    return int(top // PAGE.height()) != int((bottom - 1) // PAGE.height())


def test_a_box_that_would_be_cut_starts_the_next_sheet(qtbot: QtBot) -> None:
    box = '<table border="1" width="100%"><tr><td>' + _filler(6) + "</td></tr></table>"
    document = _document(_filler(9) + box + _filler(2))
    layout = document.documentLayout()
    before = layout.frameBoundingRect(_tables(document)[0])
    assert _crosses(before.top(), before.bottom())
    assert keep_together(document) == 1
    after = layout.frameBoundingRect(_tables(document)[0])
    assert after.top() >= PAGE.height()
    assert not _crosses(after.top(), after.bottom())


def test_a_heading_never_ends_a_sheet(qtbot: QtBot) -> None:
    document = _document(_filler(10) + "<h2>Heading</h2><p>" + "Its first words. " * 30 + "</p>")
    keep_together(document)
    block = document.begin()
    while not block.blockFormat().headingLevel():
        block = block.next()
    top = document.documentLayout().blockBoundingRect(block).top()
    assert top >= PAGE.height()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_sheet_cuts_a_line_or_box_or_ends_with_a_heading_or_a_lone_figure(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    library = Library(content_dir(), resources_dir())
    content = library.language(lang)
    pages = tuple(p.id for s in content.sections for p in content.pages_in(s.id))
    sections = compose_handout(
        library,
        HandoutOptions(pages=pages, languages=(lang,), questions=True),
        clinic=ClinicContact(),
        questions=QuestionList(),
        timelines={},
        you_are_here=None,
    )
    writer = pdf_printer(tmp_path / "x.pdf", "x")
    laid, _numbers = lay_out_job(writer, PrintJob(sections, library.resources))
    for item in laid:
        document = item.document
        assert not cut_lines(document), item.section.title
        height = document.pageSize().height()
        for table in _tables(document):
            rect = document.documentLayout().frameBoundingRect(table)
            if rect.height() < height * 0.95:
                assert not _crosses_page(rect.top(), rect.bottom(), height), item.section.title
        for heading, following in _headings(document):
            assert int(heading // height) == int(following // height), item.section.title
        for picture, legend in _figures(document):
            assert int(picture // height) == int(legend // height), item.section.title


def _figures(document: QTextDocument) -> list[tuple[float, float]]:
    """Each picture's top, and where the paragraph under it (its legend) ends."""
    layout = document.documentLayout()
    pairs = []
    block = document.begin()
    while block.isValid() and block.next().isValid():
        if "\ufffc" in block.text() and block.next().text().strip():
            top = layout.blockBoundingRect(block).top()
            pairs.append((top, layout.blockBoundingRect(block.next()).bottom() - 1))
        block = block.next()
    return pairs


def _headings(document: QTextDocument) -> list[tuple[float, float]]:
    """Each heading's top, and where the first line after it ends."""
    layout = document.documentLayout()
    pairs = []
    iterator = document.rootFrame().begin()
    heading_top = None
    while not iterator.atEnd():
        frame, block = iterator.currentFrame(), iterator.currentBlock()
        if heading_top is not None:
            first = document.findBlock(frame.firstPosition()) if frame is not None else block
            rect = layout.blockBoundingRect(first)
            line = first.layout().lineAt(0)
            pairs.append((heading_top, rect.top() + line.y() + line.height() - 1))
            heading_top = None
        if frame is None and block.blockFormat().headingLevel():
            heading_top = layout.blockBoundingRect(block).top()
        iterator += 1
    return pairs


def _crosses_page(top: float, bottom: float, height: float) -> bool:
    return int(top // height) != int((bottom - 1) // height)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_card_stays_one_sheet_at_twice_the_text_size(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    library = Library(content_dir(), resources_dir())
    clinic = ClinicContact("Breast Centre, Ward 4", "030 1234 5678")
    sections = compose_handout(
        library,
        HandoutOptions(languages=(lang,)),
        clinic=clinic,
        questions=QuestionList(),
        timelines={},
        you_are_here=None,
    )
    job = PrintJob(sections, library.resources, clinic=clinic, text_scale=200)
    laid, _numbers = lay_out_job(pdf_printer(tmp_path / "x.pdf", "x"), job)
    assert [item.pages for item in laid if item.section.compact] == [1]

"""Paints print sections onto a printer or into a PDF, sheet by sheet, with a footer.

Every section is laid out as its own paginated QTextDocument (so each topic starts on a new
sheet), with page breaks moved so that no box, figure or heading is cut (pagination.py). Then
"see page N" placeholders are filled in from where each topic starts, and each sheet is painted:
the part of the text that belongs on it, and the footer (topic, page x of y, the clinic's
number, review date, where the sources are, date printed). Paper is always light: a fixed
print style sheet and palette, never the screen theme, and body text of at least 12 pt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from her2guide import __version__, themes
from her2guide.care_card import ClinicContact
from her2guide.content.review_status import review_footer
from her2guide.i18n import format_date, gettext_for
from her2guide.printing.handout import PAGE_REF, SOURCES_ID, PrintSection
from her2guide.printing.pagination import keep_together
from her2guide.qt_palette import palette_for
from her2guide.themes import fill_style_sheet

BODY_POINT_SIZE = 12.0
COMPACT_POINT_SIZE = 11.0
SMALLEST_COMPACT_POINT_SIZE = 10.0  # the card may go this small to stay on one sheet
SMALL_POINT_SIZE = 9.0
MARGINS_MM = QMarginsF(18, 14, 18, 10)
PDF_RESOLUTION = 1200
IMAGE_WIDTH = 600  # pixels at 96 dpi, the unit QTextDocument sizes images in on paper
INK = QColor("#1b1b1b")
RULE = QColor("#8a8a8a")


def _t(message: str, lang: str) -> str:
    return gettext_for(lang, message)


def set_up_page(printer: QPagedPaintDevice) -> None:
    """A4 portrait with margins that leave room for the header and footer."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def pdf_printer(path: Path, title: str, author: str = "") -> QPdfWriter:
    """A high-resolution A4 PDF writer for ``path``; the creator is the app and its version.

    A QPdfWriter, not a QPrinter: creating a QPrinter loads Qt's CUPS support, which connects to
    the print service even when the output is only a file.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(f"HER2 Guide {__version__}")
    if author:
        writer.setAuthor(author)
    set_up_page(writer)
    return writer


def light_palette() -> QPalette:
    """Dark ink on white paper, whatever colours the screen uses."""
    return palette_for(themes.LIGHT)


def print_style_sheet(resources: Path) -> str:
    """The reader's style sheet in the light theme's colours, then the additions for paper."""
    style = resources / "style"
    reader = fill_style_sheet((style / "reader.css").read_text(encoding="utf-8"), themes.LIGHT)
    return reader + "\n" + (style / "print.css").read_text(encoding="utf-8")


def svg_image(path: Path, width: int, ratio: float = 3.0) -> QImage | None:
    """An SVG drawn sharp enough for paper, ``width`` pixels wide at 96 dpi."""
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    height = round(width * size.height() / max(1, size.width()))
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


class _PrintDocument(QTextDocument):
    """A section's text; images come from the handout's own pictures or from resources/."""

    def __init__(self, images: Mapping[str, QImage], resources: Path) -> None:
        super().__init__()
        self._images = images
        self._resources = resources.resolve()

    def loadResource(self, kind: int, url: QUrl) -> object:
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return None
        name = url.toString()
        if name in self._images:
            return self._images[name]
        relative = PurePosixPath(url.path())
        if url.scheme() or relative.is_absolute() or ".." in relative.parts:
            return None
        path = (self._resources / relative).resolve()
        if not path.is_file() or self._resources not in path.parents:
            return None
        if path.suffix.lower() == ".svg":
            return svg_image(path, IMAGE_WIDTH)
        image = QImage(str(path))
        return None if image.isNull() else image


@dataclass
class PrintJob:
    """Everything a printout needs besides the printer."""

    sections: Sequence[PrintSection]
    resources: Path
    clinic: ClinicContact = field(default_factory=ClinicContact)
    images: Mapping[str, QImage] = field(default_factory=dict)
    printed_on: dt.date = field(default_factory=dt.date.today)
    text_scale: int = 100


@dataclass
class _Laid:
    section: PrintSection
    document: _PrintDocument
    pages: int
    html: str


class _Sheet:
    """Geometry of one sheet in device pixels: the body and the footer band under it."""

    def __init__(self, printer: QPagedPaintDevice) -> None:
        paint_rect = printer.pageLayout().paintRectPixels(printer.resolution())
        self.width = float(paint_rect.width())
        height = float(paint_rect.height())
        small = QFont(QGuiApplication.font())
        small.setPointSizeF(SMALL_POINT_SIZE)
        self.small = small
        self.small_bold = QFont(small)
        self.small_bold.setBold(True)
        self.line = QFontMetricsF(small, printer).lineSpacing()
        self.rule = max(1.0, self.line / 14)
        gap = self.line * 0.8
        self.footer = QRectF(0, height - 4.3 * self.line, self.width, 4.3 * self.line)
        self.body = QRectF(0, 0, self.width, self.footer.top() - gap)


PICTURE_SLICE = "{name}/{number}"


def expand_pictures(html: str, names: Sequence[str], images: Mapping[str, QImage]) -> str:
    """A picture too tall for one sheet comes in slices (``name/1``, ``name/2`` …): each slice
    is its own paragraph, so that each can go on a sheet of its own."""
    for name in names:
        count = 0
        while PICTURE_SLICE.format(name=name, number=count + 1) in images:
            count += 1
        if count:
            slices = '</p><p class="picture">'.join(
                f'<img src="{PICTURE_SLICE.format(name=name, number=n)}" />'
                for n in range(1, count + 1)
            )
            html = html.replace(f'<img src="{name}" />', slices)
    return html


def fill_page_numbers(html: str, numbers: Mapping[tuple[str, str], int]) -> str:
    """The "see page N" placeholders with the sheet each topic starts on (88 while unknown)."""
    return PAGE_REF.sub(lambda match: str(numbers.get((match.group(1), match.group(2)), 88)), html)


def _document(
    html: str, printer: QPagedPaintDevice, sheet: _Sheet, job: PrintJob, style: str, size: float
) -> _PrintDocument:
    document = _PrintDocument(job.images, job.resources)
    document.documentLayout().setPaintDevice(printer)
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(size)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(style)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(sheet.body.width(), sheet.body.height()))
    document.setHtml(html)
    keep_together(document)
    return document


def _lay_out(
    section: PrintSection,
    html: str,
    printer: QPagedPaintDevice,
    sheet: _Sheet,
    job: PrintJob,
    style: str,
) -> _Laid:
    """The section at the reader's text size; a compact section (the card, one sheet to keep
    by the phone) is made smaller again, down to 10 pt, until it fits one sheet."""
    base = COMPACT_POINT_SIZE if section.compact else BODY_POINT_SIZE
    size = base * max(100, min(200, job.text_scale)) / 100
    document = _document(html, printer, sheet, job, style, size)
    smallest = SMALLEST_COMPACT_POINT_SIZE
    while section.compact and document.pageCount() > 1 and size > smallest:
        size = max(smallest, size - 0.5)
        document = _document(html, printer, sheet, job, style, size)
    return _Laid(section, document, max(1, document.pageCount()), html)


def _first_pages(laid: Sequence[_Laid]) -> dict[tuple[str, str], int]:
    numbers: dict[tuple[str, str], int] = {}
    number = 1
    for item in laid:
        if item.section.page_id:
            numbers.setdefault((item.section.lang, item.section.page_id), number)
        number += item.pages
    return numbers


def lay_out_job(
    printer: QPagedPaintDevice, job: PrintJob
) -> tuple[list[_Laid], dict[tuple[str, str], int]]:
    """Every section laid out, with the page numbers filled in; a section is laid out again
    only when its numbers changed (at most three rounds: numbers hardly move pages)."""
    style = print_style_sheet(job.resources)
    sheet = _Sheet(printer)
    sources = [
        expand_pictures(section.html, section.images, job.images) for section in job.sections
    ]
    numbers: dict[tuple[str, str], int] = {}
    laid: list[_Laid] = []
    for _round in range(3):
        previous = laid
        laid = []
        for index, section in enumerate(job.sections):
            html = fill_page_numbers(sources[index], numbers)
            if previous and previous[index].html == html:
                laid.append(previous[index])
            else:
                laid.append(_lay_out(section, html, printer, sheet, job, style))
        found = _first_pages(laid)
        if found == numbers:
            break
        numbers = found
    return laid, numbers


def print_sections(printer: QPagedPaintDevice, job: PrintJob) -> int:
    """Prints the job; returns the number of sheets. Nothing is printed for an empty job."""
    if not job.sections:
        return 0
    sheet = _Sheet(printer)
    laid, numbers = lay_out_job(printer, job)
    total = sum(item.pages for item in laid)
    painter = QPainter()
    if not painter.begin(printer):
        name = getattr(printer, "printerName", None)  # a QPrinter; a QPdfWriter writes a file
        raise OSError(f"cannot print to {name() if name else 'the PDF file'}")
    try:
        number = 0
        for item in laid:
            sources_at = numbers.get((item.section.lang, SOURCES_ID))
            for index in range(item.pages):
                if number:
                    printer.newPage()
                number += 1
                _paint_body(painter, sheet, item.document, index)
                _paint_footer(painter, sheet, item.section, job, (number, total), sources_at)
    finally:
        painter.end()
    return total


def _paint_body(painter: QPainter, sheet: _Sheet, document: QTextDocument, index: int) -> None:
    height = sheet.body.height()
    painter.save()
    painter.translate(sheet.body.left(), sheet.body.top() - index * height)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette = light_palette()
    context.clip = QRectF(0, index * height, sheet.body.width(), height)
    painter.setClipRect(context.clip)
    document.documentLayout().draw(painter, context)
    painter.restore()


def _draw_line(
    painter: QPainter, rect: QRectF, left: str, right: str, font: QFont, right_font: QFont
) -> None:
    """Text at both ends of a line; the left part is shortened if both do not fit."""
    painter.setFont(right_font)
    right_width = painter.fontMetrics().horizontalAdvance(right) if right else 0
    if right:
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    painter.setFont(font)
    room = max(0, int(rect.width() - right_width - painter.fontMetrics().averageCharWidth() * 3))
    elided = painter.fontMetrics().elidedText(left, Qt.TextElideMode.ElideRight, room)
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


def _paint_footer(
    painter: QPainter,
    sheet: _Sheet,
    section: PrintSection,
    job: PrintJob,
    page: tuple[int, int],
    sources_at: int | None,
) -> None:
    """Topic and page number, the clinic's number (or a line to write it on), then the review
    date, where the sources are and when this was printed."""
    lang = section.lang
    painter.setPen(QPen(RULE, sheet.rule))
    top = round(sheet.footer.top())
    painter.drawLine(0, top, round(sheet.width), top)
    painter.setPen(INK)
    line = QRectF(0, sheet.footer.top() + sheet.line * 0.3, sheet.width, sheet.line)
    topic = f"{_t('HER2 Guide', lang)} \u2013 {section.title}"
    number = _t("Page {number} of {total}", lang).format(number=page[0], total=page[1])
    _draw_line(painter, line, topic, number, sheet.small_bold, sheet.small_bold)
    line = line.translated(0, sheet.line)
    if job.clinic.is_set:
        contact = _t("Your care team: {contact}", lang).format(contact=job.clinic.one_line(lang))
    else:
        contact = _t("Your care team: {contact}", lang).format(contact="_" * 40)
    _draw_line(painter, line, contact, "", sheet.small_bold, sheet.small_bold)
    # The review note has a line of its own (it is long); where the sources are goes with the
    # date printed, so that neither is cut short.
    review = ""
    if section.reviewed is not None:
        review = review_footer(section.reviewed, section.reviewed_by, lang)
    notes = [_t("Printed on {date}", lang).format(date=format_date(job.printed_on, lang))]
    if section.has_sources and section.sources_in_appendix and sources_at is not None:
        notes.append(_t("Sources: see page {number}", lang).format(number=sources_at))
    elif section.has_sources and section.sources_in_appendix:
        notes.append(_t("Sources: in the HER2 Guide app", lang))
    elif section.has_sources and not section.sources_in_appendix:
        notes.append(_t("Sources: listed at the end of this topic", lang))
    line = line.translated(0, sheet.line)
    _draw_line(painter, line, review, "", sheet.small, sheet.small)
    joined = " \u00b7 ".join(notes)
    _draw_line(painter, line.translated(0, sheet.line), joined, "", sheet.small, sheet.small)

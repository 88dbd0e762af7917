"""Paints print sections onto a printer or into a PDF, sheet by sheet, with header and footer.

Every section is laid out as its own paginated QTextDocument (so each topic starts on a new
sheet), then each sheet is painted by hand: the header (app, topic, the clinic's number), the
part of the text that belongs on that sheet, and the footer (review date, sources, date printed,
page x of y). Paper is always light: a fixed print style sheet and palette, never the screen
theme, and body text of at least 12 pt.
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

from her2guide import themes
from her2guide.care_card import ClinicContact
from her2guide.content.review_status import review_footer
from her2guide.i18n import format_date, gettext_for
from her2guide.printing.handout import PrintSection
from her2guide.themes import fill_style_sheet
from her2guide.ui.theming import palette_for

BODY_POINT_SIZE = 12.0
COMPACT_POINT_SIZE = 11.0
SMALL_POINT_SIZE = 9.0
MARGINS_MM = QMarginsF(18, 14, 18, 12)
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


def pdf_printer(path: Path, title: str) -> QPdfWriter:
    """A high-resolution A4 PDF writer for ``path``.

    A QPdfWriter, not a QPrinter: creating a QPrinter loads Qt's CUPS support, which connects to
    the print service even when the output is only a file.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(title)
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


class _Sheet:
    """Geometry of one sheet in device pixels: header, body and footer bands."""

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
        self.header = QRectF(0, 0, self.width, self.line * 1.2)
        self.footer = QRectF(0, height - 3.3 * self.line, self.width, 3.3 * self.line)
        top = self.header.bottom() + gap
        self.body = QRectF(0, top, self.width, self.footer.top() - gap - top)


def _lay_out(
    section: PrintSection, printer: QPagedPaintDevice, sheet: _Sheet, job: PrintJob, style: str
) -> _Laid:
    document = _PrintDocument(job.images, job.resources)
    document.documentLayout().setPaintDevice(printer)
    font = QFont(QGuiApplication.font())
    size = COMPACT_POINT_SIZE if section.compact else BODY_POINT_SIZE
    font.setPointSizeF(size * max(100, min(200, job.text_scale)) / 100)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(style)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(sheet.body.width(), sheet.body.height()))
    document.setHtml(section.html)
    return _Laid(section, document, max(1, document.pageCount()))


def print_sections(printer: QPagedPaintDevice, job: PrintJob) -> int:
    """Prints the job; returns the number of sheets. Nothing is printed for an empty job."""
    if not job.sections:
        return 0
    style = print_style_sheet(job.resources)
    sheet = _Sheet(printer)
    laid = [_lay_out(section, printer, sheet, job, style) for section in job.sections]
    total = sum(item.pages for item in laid)
    painter = QPainter()
    if not painter.begin(printer):
        name = getattr(printer, "printerName", None)  # a QPrinter; a QPdfWriter writes a file
        raise OSError(f"cannot print to {name() if name else 'the PDF file'}")
    try:
        number = 0
        for item in laid:
            for index in range(item.pages):
                if number:
                    printer.newPage()
                number += 1
                _paint_header(painter, sheet, item.section, number, total)
                _paint_body(painter, sheet, item.document, index)
                _paint_footer(painter, sheet, item.section, job)
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


def _paint_header(
    painter: QPainter, sheet: _Sheet, section: PrintSection, number: int, total: int
) -> None:
    lang = section.lang
    painter.setPen(INK)
    title = f"{_t('HER2 Guide', lang)} \u2013 {section.title}"
    page = _t("Page {number} of {total}", lang).format(number=number, total=total)
    _draw_line(painter, sheet.header, title, page, sheet.small_bold, sheet.small_bold)
    painter.setPen(QPen(RULE, sheet.rule))
    y = round(sheet.header.bottom())
    painter.drawLine(0, y, round(sheet.width), y)


def _paint_footer(painter: QPainter, sheet: _Sheet, section: PrintSection, job: PrintJob) -> None:
    """The clinic's number on every sheet, then where the text comes from and when printed."""
    lang = section.lang
    painter.setPen(QPen(RULE, sheet.rule))
    top = round(sheet.footer.top())
    painter.drawLine(0, top, round(sheet.width), top)
    painter.setPen(INK)
    line = QRectF(0, sheet.footer.top() + sheet.line * 0.3, sheet.width, sheet.line)
    if job.clinic.is_set:
        contact = _t("Your care team: {contact}", lang).format(contact=job.clinic.one_line())
        _draw_line(painter, line, contact, "", sheet.small_bold, sheet.small_bold)
    notes = []
    if section.reviewed is not None:
        notes.append(review_footer(section.reviewed, section.reviewed_by, lang))
    if section.has_sources:
        notes.append(_t("Sources: listed at the end of this topic", lang))
    line = line.translated(0, sheet.line)
    _draw_line(painter, line, " \u00b7 ".join(notes), "", sheet.small, sheet.small)
    printed = _t("Printed on {date}", lang).format(date=format_date(job.printed_on, lang))
    _draw_line(painter, line.translated(0, sheet.line), printed, "", sheet.small, sheet.small)

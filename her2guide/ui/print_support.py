"""Turns what the reader chose into paper or a PDF: pictures, the print dialog, the PDF file.

The timeline picture is painted by a TimelineWidget of its own, in the light palette and in
the language of the handout, with "you are here" marked; the screen's widget is not touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths
from PySide6.QtGui import QFont, QGuiApplication, QImage, QResizeEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from her2guide import i18n
from her2guide.care_card import ClinicContact
from her2guide.i18n import _
from her2guide.printing.handout import TIMELINE_IMAGE, PrintSection
from her2guide.printing.paint import (
    IMAGE_WIDTH,
    PrintJob,
    light_palette,
    pdf_printer,
    print_sections,
    set_up_page,
)

if TYPE_CHECKING:
    from her2guide.content.status_register import StatusRegister
    from her2guide.timeline.model import Timeline
    from her2guide.ui.timeline_widget import TimelineWidget

TIMELINE_POINT_SIZE = 10.0
PICTURE_MAX_HEIGHT = 850  # pixels at 96 dpi: what is left of an A4 sheet under the heading
LAYOUT_WIDTHS = range(560, 1441, 80)
PICTURE_RESOLUTION = 3.0


@contextlib.contextmanager
def _language(lang: str) -> Iterator[None]:
    """Lets a widget take its texts from ``lang`` while it paints, without telling the app."""
    before = i18n.current_language()
    i18n.set_current_language(lang)
    try:
        yield
    finally:
        i18n.set_current_language(before)


def _best_width(widget: TimelineWidget) -> int:
    """The layout width at which the picture, shrunk to fit one sheet, is drawn largest."""
    return max(
        LAYOUT_WIDTHS,
        key=lambda width: min(
            IMAGE_WIDTH / width, PICTURE_MAX_HEIGHT / max(1, widget.heightForWidth(width))
        ),
    )


def timeline_image(
    timeline: Timeline,
    lang: str,
    you_are_here: str | None,
    status: tuple[StatusRegister, str] | None = None,
) -> QImage:
    """The whole treatment path for paper: light colours, "you are here" marked, laid out in
    the proportions that fit one sheet best; ``status`` (register, reader's region) draws the
    approval badges."""
    with _language(lang):
        from her2guide.ui.timeline_widget import TimelineWidget  # only when a handout needs it

        widget = TimelineWidget()
        widget.setPalette(light_palette())
        font = QFont(QGuiApplication.font())
        font.setPointSizeF(TIMELINE_POINT_SIZE)
        widget.setFont(font)
        if status is not None:
            widget.set_status_register(*status)
        widget.set_timeline(timeline)
        widget.set_you_are_here(you_are_here)
        width = _best_width(widget)
        size = QSize(width, widget.heightForWidth(width))
        widget.resize(size)
        # A hidden widget gets its resize event only when shown; the layout needs it now.
        QCoreApplication.sendEvent(widget, QResizeEvent(size, size))
        image = widget.render_image(PICTURE_RESOLUTION)
        widget.deleteLater()
    scale = min(IMAGE_WIDTH / size.width(), PICTURE_MAX_HEIGHT / max(1, size.height()))
    image.setDevicePixelRatio(PICTURE_RESOLUTION / scale)
    return image


def pictures_for(
    sections: Sequence[PrintSection],
    timelines: Mapping[str, Timeline | None],
    you_are_here: str | None,
    status: tuple[StatusRegister, str] | None = None,
) -> dict[str, QImage]:
    """The pictures the sections name, drawn once each."""
    images: dict[str, QImage] = {}
    for section in sections:
        for name in section.images:
            timeline = timelines.get(section.lang)
            if name == TIMELINE_IMAGE.format(lang=section.lang) and timeline is not None:
                picture = timeline_image(timeline, section.lang, you_are_here, status)
                images.setdefault(name, picture)
    return images


def make_job(
    sections: Sequence[PrintSection],
    resources: Path,
    *,
    clinic: ClinicContact,
    timelines: Mapping[str, Timeline | None],
    you_are_here: str | None,
    text_scale: int = 100,
    status: tuple[StatusRegister, str] | None = None,
) -> PrintJob:
    return PrintJob(
        sections=sections,
        resources=resources,
        clinic=clinic,
        images=pictures_for(sections, timelines, you_are_here, status),
        printed_on=dt.date.today(),
        text_scale=text_scale,
    )


def default_pdf_path(name: str) -> Path:
    """Where "Save as PDF" suggests saving: the documents folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / f"{name}.pdf"


def save_pdf(job: PrintJob, path: Path, title: str) -> int:
    """Writes the job as a PDF; returns the number of pages."""
    return print_sections(pdf_printer(path, title), job)


def choose_pdf_file(parent: QWidget, suggested: Path) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Save as PDF"), str(suggested), _("PDF documents (*.pdf)")
    )
    if not name:
        return None
    return Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")


def save_pdf_with_dialog(
    parent: QWidget, job: PrintJob, suggested: Path, title: str
) -> Path | None:
    """Asks where to save, saves, and says so; None if the reader cancelled or it failed."""
    path = choose_pdf_file(parent, suggested)
    if path is None:
        return None
    try:
        save_pdf(job, path, title)
    except OSError as error:
        QMessageBox.warning(
            parent,
            _("Save as PDF"),
            _("The PDF could not be saved:\n{error}").format(error=error),
        )
        return None
    return path


def print_with_dialog(parent: QWidget, job: PrintJob, title: str) -> bool:
    """Shows the system's print dialog (A4 preset) and prints; False if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # printing support on first use

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    set_up_page(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    try:
        print_sections(printer, job)
    except OSError as error:
        QMessageBox.warning(
            parent, _("Print"), _("Printing did not work:\n{error}").format(error=error)
        )
        return False
    return True

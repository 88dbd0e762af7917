"""Turns what the reader chose into paper or a PDF: pictures, the print dialog, the PDF file.

The timeline picture is painted by a TimelineWidget of its own, in the light palette and in
the language of the handout, with "you are here" marked; the screen's widget is not touched. It
is drawn at its real size (no text under 10 pt) and, when taller than a sheet, cut between its
boxes into slices that each fill a sheet. A saved PDF gets its metadata, and the user is offered
to open it or its folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QImage, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from her2guide import i18n
from her2guide.care_card import ClinicContact
from her2guide.i18n import _
from her2guide.printing.handout import TIMELINE_IMAGE, PrintSection
from her2guide.printing.paint import (
    PICTURE_SLICE,
    PrintJob,
    light_palette,
    pdf_printer,
    print_sections,
    set_up_page,
)
from her2guide.printing.pdf_info import add_subject_and_language

if TYPE_CHECKING:
    from her2guide.content.status_register import StatusRegister
    from her2guide.timeline.model import Timeline
    from her2guide.ui.timeline_widget import TimelineWidget

# The widget's smallest text is 0.9 times its font: 11.2 pt keeps every word at 10 pt or more.
TIMELINE_POINT_SIZE = 11.2
TIMELINE_WIDTH = 650  # pixels at 96 dpi (1 px = 1/96 inch on paper): the width of the text
SLICE_HEIGHT = 850  # pixels at 96 dpi: what is left of an A4 sheet under the heading
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


Span = tuple[int, int]
PIN_ROOM = 34  # pixels above a stage kept with it: its "you are here" flag


def _spans(widget: TimelineWidget, timeline: Timeline) -> list[Span]:
    """The rows a cut must not go through: each option, and each stage header together with
    its "you are here" flag and its first option."""
    spans = []
    for stage in timeline.stages:
        header = widget.item_rect(stage.id)
        first = widget.item_rect(stage.options[0].id) if stage.options else header
        spans.append((header.top() - PIN_ROOM, max(header.bottom(), first.bottom())))
        for option in stage.options:
            rect = widget.item_rect(option.id)
            spans.append((rect.top(), rect.bottom()))
    return spans


def timeline_image(
    timeline: Timeline,
    lang: str,
    you_are_here: str | None,
    status: tuple[StatusRegister, str] | None = None,
) -> tuple[QImage, list[Span]]:
    """The whole treatment path for paper at its real size: light colours, "you are here"
    marked, as wide as the text of a sheet, so that no word is printed under 10 pt; with the
    rows a cut must not go through. ``status`` (register, reader's region) draws the approval
    badges."""
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
        size = QSize(TIMELINE_WIDTH, widget.heightForWidth(TIMELINE_WIDTH))
        widget.resize(size)
        # A hidden widget gets its resize event only when shown; the layout needs it now.
        QCoreApplication.sendEvent(widget, QResizeEvent(size, size))
        image = widget.render_image(PICTURE_RESOLUTION)
        spans = _spans(widget, timeline)
        widget.deleteLater()
    return image, spans


def cut_points(height: int, limit: int, spans: Sequence[Span]) -> list[int]:
    """Rows where a picture ``height`` pixels high is cut into slices of at most ``limit``:
    as low as possible, outside every span (a box is never cut), never less than half full."""
    cuts = [0]
    while height - cuts[-1] > limit:
        start = cuts[-1]
        free = (
            row
            for row in range(start + limit, start + limit // 2, -1)
            if not any(top <= row <= bottom for top, bottom in spans)
        )
        cuts.append(next(free, start + limit))
    return [*cuts, height]


def picture_slices(name: str, image: QImage, spans: Sequence[Span]) -> dict[str, QImage]:
    """The picture under its own name if it fits one sheet, else as numbered slices."""
    ratio = image.devicePixelRatio()
    cuts = cut_points(round(image.height() / ratio), SLICE_HEIGHT, spans)
    if len(cuts) == 2:
        return {name: image}
    slices = {}
    for number, (top, bottom) in enumerate(itertools.pairwise(cuts), start=1):
        piece = image.copy(0, round(top * ratio), image.width(), round((bottom - top) * ratio))
        piece.setDevicePixelRatio(ratio)
        slices[PICTURE_SLICE.format(name=name, number=number)] = piece
    return slices


def pictures_for(
    sections: Sequence[PrintSection],
    timelines: Mapping[str, Timeline | None],
    you_are_here: str | None,
    status: tuple[StatusRegister, str] | None = None,
) -> dict[str, QImage]:
    """The pictures the sections name, drawn once each (in slices when taller than a sheet)."""
    images: dict[str, QImage] = {}
    for section in sections:
        for name in section.images:
            timeline = timelines.get(section.lang)
            drawn = name in images or PICTURE_SLICE.format(name=name, number=1) in images
            if name == TIMELINE_IMAGE.format(lang=section.lang) and timeline and not drawn:
                picture, spans = timeline_image(timeline, section.lang, you_are_here, status)
                images |= picture_slices(name, picture, spans)
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


@dataclass(frozen=True)
class PdfInfo:
    """What a PDF says about itself: title, author (the clinic), subject and language."""

    title: str
    subject: str
    lang: str
    author: str = ""


def pdf_info(sections: Sequence[PrintSection], title: str, clinic: ClinicContact) -> PdfInfo:
    """The title as given, the topics of the first language as subject, the clinic's name."""
    lang = sections[0].lang if sections else i18n.current_language()
    topics = ", ".join(section.title for section in sections if section.lang == lang)
    return PdfInfo(title, topics, lang, clinic.name.strip())


def handout_title(lang: str) -> str:
    return "{app} \u2013 {what}".format(
        app=i18n.gettext_for(lang, "HER2 Guide"), what=i18n.gettext_for(lang, "Handout")
    )


def file_name(topic: str, day: dt.date) -> str:
    """A file name from the topic and the date, e.g. ``HER2-Guide-Handout-2026-12-06.pdf``:
    letters, digits and hyphens only, so it is safe on every system and in e-mail."""
    words = re.findall(r"\w+", topic.replace("\u2013", " "))
    return "-".join([*words, day.isoformat()]) + ".pdf"


def default_pdf_path(topic: str) -> Path:
    """Where "Save as PDF" suggests saving: the documents folder, named by topic and date."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / file_name(topic, dt.date.today())


def save_pdf(job: PrintJob, path: Path, info: PdfInfo) -> int:
    """Writes the job as a PDF with its metadata; returns the number of pages."""
    pages = print_sections(pdf_printer(path, info.title, info.author), job)
    try:
        add_subject_and_language(path, info.subject, info.lang)
    except ValueError as error:
        raise OSError(f"{path}: {error}") from error
    return pages


def choose_pdf_file(parent: QWidget, suggested: Path) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Save as PDF"), str(suggested), _("PDF documents (*.pdf)")
    )
    if not name:
        return None
    return Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")


def offer_to_open(parent: QWidget, path: Path) -> QMessageBox:
    """Says where the PDF is and offers to open it or its folder; opens nothing unless the user
    asks. The box is window-modal but does not block, so the app keeps running."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Save as PDF"))
    box.setText(_("The PDF was saved:\n{path}").format(path=path))
    open_file = box.addButton(_("&Open the PDF"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(_("Open the &folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)

    def clicked(button: QAbstractButton) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(clicked)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def save_pdf_with_dialog(
    parent: QWidget, job: PrintJob, suggested: Path, info: PdfInfo
) -> Path | None:
    """Asks where to save, saves, and offers to open it; None if cancelled or it failed."""
    path = choose_pdf_file(parent, suggested)
    if path is None:
        return None
    try:
        save_pdf(job, path, info)
    except OSError as error:
        QMessageBox.warning(
            parent,
            _("Save as PDF"),
            _("The PDF could not be saved:\n{error}").format(error=error),
        )
        return None
    offer_to_open(parent, path)
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

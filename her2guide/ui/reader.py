"""The page view: shows composed pages, loads images only from resources/, routes every link.

It shows what it is given (:class:`~her2guide.compose.ViewedPage`) and never edits the page
itself; a new theme composes the same page again in the theme's colours.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QLocale, QMimeData, QRectF, QSize, QSizeF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleTextUpdateEvent,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QTextBrowser, QWidget

from her2guide.compose import ViewedPage
from her2guide.content.hyphenate import preload as preload_hyphenation
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.i18n import _
from her2guide.themes import Theme, fill_style_sheet
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.theming import current_theme

BASE_POINT_SIZE = 12.0
PRELOAD_DELAY_MS = 1500
"""After the first page, the hyphenation patterns of its language load in the background."""
PREPARE_DELAY_MS = 250
"""How long the window must be idle after a page is shown before the page of the other language
is prepared: long enough that going through pages quickly never waits for it, short enough that
no reader reaches the language switch sooner."""
MAX_IMAGE_WIDTH = 640
_DOCUMENT_LANGUAGE = re.compile(r'<html\s+lang="([\w-]+)"')


def for_screen_readers(html: str) -> str:
    """The HTML to show: while a screen reader runs it gets the text as written, since it reads
    the document text as it is and soft hyphens would be spoken or split words (Qt then wraps
    long words without them)."""
    return without_soft_hyphens(html) if QAccessible.isActive() else html


def without_soft_hyphens_in(data: QMimeData) -> QMimeData:
    """The selection Qt made for the clipboard, as written: the soft hyphens that break long
    words on screen stay behind. Qt's own object is changed (not a new one made in Python),
    so that the clipboard, not Python, owns it."""
    data.setText(without_soft_hyphens(data.text()))
    if data.hasHtml():
        data.setHtml(without_soft_hyphens(data.html()))
    return data


def lay_out_fully(browser: QTextBrowser) -> None:
    """Lays out the whole page now. Qt lays out a long page a piece at a time; a change to the
    text before it is done (a teach-back box) leaves the rest of the page unlaid and invisible,
    and until then scroll range and positions are those of a part."""
    document = browser.document()
    layout = document.documentLayout()
    layout.blockBoundingRect(document.lastBlock())
    # The scroll bars follow the size Qt reported last, which can be that of a step before the
    # end (e.g. laid out without the vertical scroll bar); they get the final one now.
    layout.documentSizeChanged.emit(layout.documentSize())


class _OverlappingScrollBar(QScrollBar):
    """A vertical scroll bar whose page step keeps one line of the last page in view, as
    browsers do, so that the eye finds its place after Page Down or Page Up.

    Qt sets the page step to the viewport's height whenever the page or the view changes size;
    each time, one line is taken off again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.overlap = 0
        """The height of one line of the page text; the view keeps it up to date."""
        self._overlapped = -1

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if change == QAbstractSlider.SliderChange.SliderStepsChange:
            step = self.pageStep()
            if step != self._overlapped:
                self._overlapped = max(self.singleStep(), step - self.overlap)
                self.setPageStep(self._overlapped)
                return
        super().sliderChange(change)


class ReaderView(Retranslating, QTextBrowser):
    """A text browser that never fetches anything from the network.

    Signals:
        page_requested(str, str): a page id and fragment the user followed a link to.
        timeline_requested(str): a timeline stage or option id ("" for the whole timeline).
        external_link_requested(QUrl): a web or mail link; the window asks before opening it.
        broken_link(str): a link whose target does not exist.
    """

    page_requested = Signal(str, str)
    timeline_requested = Signal(str)
    external_link_requested = Signal(QUrl)
    broken_link = Signal(str)

    def __init__(self, resources: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resources = resources.resolve()
        self._template = (resources / "style" / "reader.css").read_text(encoding="utf-8")
        self._theme = current_theme()
        self._style = fill_style_sheet(self._template, self._theme)
        self._page: ViewedPage | None = None
        self._scroll_bar = _OverlappingScrollBar()
        self.setVerticalScrollBar(self._scroll_bar)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)
        # Two documents, both the view's own (Qt deletes a document its text control made when
        # another is set): the page shown and a spare one, which holds the page a language
        # switch is expected to show, laid out ahead (prepare_later), or the page shown before.
        self.setDocument(self._new_document())
        self._spare = self._new_document()
        self._shown_html = ""
        self._spare_html = ""
        self._spare_page: Callable[[], ViewedPage | None] | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_DELAY_MS)
        self._prepare_timer.timeout.connect(self._prepare)
        self.set_text_scale(100)
        self.retranslate_ui()

    def _new_document(self) -> QTextDocument:
        document = QTextDocument(self)  # its images come from loadResource, through its parent
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(24)
        document.documentLayout().setPaintDevice(self.viewport())
        return document

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Page text"))
        self.setAccessibleDescription(_("The text of the page you are reading"))

    def set_text_scale(self, percent: int) -> None:
        """The page's size is the reader's own font: a text edit gives its document the
        widget's font whenever that changes, so a document font alone would fall back to the
        application's (smaller) font when the app-wide text size follows a moment later."""
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._scroll_bar.overlap = QFontMetrics(font).lineSpacing()
        self._prepare_soon()

    def set_theme(self, theme: Theme) -> None:
        """Shows the same page again, with the same options, in the theme's colours, at the
        same place."""
        self._theme = theme
        self._style = fill_style_sheet(self._template, theme)
        if self._page is not None:
            scroll = self.scroll_fraction()
            self._set_document(self._page)
            self.set_scroll_fraction(scroll)

    @property
    def page_html(self) -> str:
        """The page as rendered, before the view's options (for reading it aloud: the
        teach-back box is not part of the page)."""
        return self._page.html if self._page is not None else ""

    @property
    def page(self) -> ViewedPage | None:
        """The page shown and the options it is shown with."""
        return self._page

    def show_html(self, html: str, fragment: str = "") -> None:
        """Shows a rendered page with the default options (glossary marks)."""
        self.show_page(ViewedPage(html), fragment)

    def show_page(self, page: ViewedPage, fragment: str = "") -> None:
        self._set_document(page)
        if fragment:
            self.scrollToAnchor(fragment)
        else:
            self.verticalScrollBar().setValue(0)

    def _set_document(self, page: ViewedPage) -> None:
        """Sets the page with the current style sheet."""
        self._adopt(page)
        self.document().setDefaultStyleSheet(self._style)
        self._shown_html = self._final_html(page)
        self.setHtml(self._shown_html)
        lay_out_fully(self)
        self._prepare_soon()

    def _adopt(self, page: ViewedPage) -> None:
        """Takes ``page`` as the one shown: its declared language becomes the view's locale,
        which is what screen readers are told the text's language is."""
        self._page = page
        declared = _DOCUMENT_LANGUAGE.match(page.html)
        if declared:
            self.setLocale(QLocale(declared.group(1)))
            lang = declared.group(1)
            QTimer.singleShot(PRELOAD_DELAY_MS, self, lambda: preload_hyphenation(lang))

    def _final_html(self, page: ViewedPage) -> str:
        return for_screen_readers(page.compose(self._theme))

    # -- the page of the other language, ready ahead ---------------------------------------------

    def prepare_later(self, page: Callable[[], ViewedPage | None]) -> None:
        """Once the view has been idle for a moment, sets the page ``page()`` gives in the
        spare document and lays it out, so that :meth:`switch_to` that page only swaps the
        documents. Asked again after every change of the page, size or theme."""
        self._spare_page = page
        self._prepare_timer.start()

    def _prepare_soon(self) -> None:
        if self._spare_page is not None:
            self._prepare_timer.start()

    def _prepare(self) -> None:
        page = self._spare_page() if self._spare_page is not None else None
        if page is not None and not self._spare_holds(page):
            self._fill_spare(page)
            self._spare.setPageSize(self.document().pageSize())
            self._spare.documentLayout().blockBoundingRect(self._spare.lastBlock())

    def _spare_holds(self, page: ViewedPage) -> bool:
        """Whether the spare document shows ``page`` exactly as it would be set now."""
        return (
            self._spare_html == self._final_html(page)
            and self._spare.defaultStyleSheet() == self._style
            and self._spare.defaultFont() == self.document().defaultFont()
        )

    def _fill_spare(self, page: ViewedPage) -> None:
        spare = self._spare
        spare.setPageSize(QSizeF())  # not laid out here: the view lays it out when it is set
        spare.setDefaultFont(self.document().defaultFont())
        spare.setDefaultStyleSheet(self._style)
        self._spare_html = self._final_html(page)
        spare.setHtml(self._spare_html)

    def switch_to(self, page: ViewedPage) -> None:
        """Shows ``page`` instead of the page shown at the same place in the text (the same
        page in the other language): the prepared document if it holds that page, else the
        spare one filled now. The page shown before is kept as the spare, for switching back."""
        fraction = self.scroll_fraction()
        if not self._spare_holds(page):
            self._fill_spare(page)
        shown = self.document()
        self._adopt(page)
        self.setDocument(self._spare)
        if QAccessible.isActive():  # a screen reader is told of the new text, as by setHtml
            QAccessible.updateAccessibility(
                QAccessibleTextUpdateEvent(self, 0, shown.toPlainText(), self.toPlainText())
            )
        self._spare = shown
        self._shown_html, self._spare_html = self._spare_html, self._shown_html
        lay_out_fully(self)
        self.set_scroll_fraction(fraction)

    def createMimeDataFromSelection(self) -> QMimeData:
        return without_soft_hyphens_in(super().createMimeDataFromSelection())

    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def _follow(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "page":
            self.page_requested.emit(url.path(), url.fragment())
        elif scheme == "timeline":
            self.timeline_requested.emit(url.path())
        elif scheme in ("http", "https", "mailto"):
            self.external_link_requested.emit(url)
        elif not scheme and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        else:
            self.broken_link.emit(url.toString())

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Images come from resources/ only; nothing else is ever loaded."""
        if kind != QTextDocument.ResourceType.ImageResource.value or url.scheme():
            return None
        relative = PurePosixPath(url.path())
        if relative.is_absolute() or ".." in relative.parts:
            return None
        path = (self._resources / relative).resolve()
        if not path.is_file() or self._resources not in path.parents:
            return None
        if path.suffix.lower() == ".svg":
            return self._svg_image(path)
        image = QImage(str(path))
        return None if image.isNull() else image

    def _svg_image(self, path: Path) -> QImage | None:
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        width = min(MAX_IMAGE_WIDTH, self.viewport().width() - 64) or MAX_IMAGE_WIDTH
        scaled = QSize(max(width, 200), 0)
        scaled.setHeight(round(scaled.width() * size.height() / max(1, size.width())))
        ratio = self.devicePixelRatioF()
        image = QImage(scaled * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, scaled.width(), scaled.height()))
        painter.end()
        return image

"""The timeline screen: the painted timeline, a detail panel and the "you are here" controls."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from her2guide.content.hyphenate import hyphenate_html
from her2guide.content.status_register import StatusRegister
from her2guide.i18n import _, current_language, window_title
from her2guide.settings import MAX_SCALE, MIN_SCALE, Settings
from her2guide.timeline.living_with import LivingWithData
from her2guide.timeline.model import Timeline
from her2guide.ui.reader import BASE_POINT_SIZE, for_screen_readers, without_soft_hyphens_in
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.timeline_details import option_html, stage_html
from her2guide.ui.timeline_widget import TimelineWidget

_NO_HEIGHT_LIMIT = 16_777_215  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export


class _DetailView(QTextBrowser):
    """The details text: hyphenated on screen, copied as written."""

    def createMimeDataFromSelection(self) -> QMimeData:
        return without_soft_hyphens_in(super().createMimeDataFromSelection())


class TimelineView(Retranslating, QWidget):
    """The treatment path with the details of the selected treatment beside it.

    Reads and writes ``settings.you_are_here``; the main window shows it as a view of its own
    and calls :meth:`set_timeline` whenever the language changes.

    Signals:
        page_requested(str): "Read more" asks for the explainer page with this id.
    """

    page_requested = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._register: StatusRegister | None = None
        self._lang = current_language()

        self.timeline_widget = TimelineWidget()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        # The hint scrolls with the path: at large text on a small screen a fixed hint would
        # take a third of the height.
        path = QWidget()
        path_layout = QVBoxLayout(path)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.hint)
        path_layout.addWidget(self.timeline_widget, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(path)
        self.mark_button = QPushButton()
        self.clear_button = QPushButton()
        self.export_button = QPushButton()
        self.mark_action = QAction(self)
        self.clear_action = QAction(self)
        self.export_action = QAction(self)

        self.detail = _DetailView()
        self.detail.setOpenLinks(False)
        self.read_more_button = QPushButton()
        self.care_button = QPushButton()
        self._living: LivingWithData | None = None

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.detail, 1)
        # Beside the timeline the buttons stand one under the other, so that at large text sizes
        # a row of them never makes the window wider than the screen; below it (narrow windows)
        # they share rows when they fit, leaving the height to the path and its details.
        self._buttons = (
            self.read_more_button,
            self.care_button,
            self.mark_button,
            self.clear_button,
            self.export_button,
        )
        self._button_grid = QGridLayout()
        self._button_columns = 0
        panel_layout.addLayout(self._button_grid)
        self._place_buttons(1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll_area)
        # Below the path the details and buttons scroll together, the details at full length:
        # at large text a details box of its own would be left a line or two high.
        self.panel_area = QScrollArea()
        self.panel_area.setWidgetResizable(True)
        self.panel_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.panel_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_area.setWidget(panel)
        self.panel_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the details and buttons take it
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._keep_focus_in_view)
        self.splitter.addWidget(self.panel_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 300])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)

        self.mark_button.clicked.connect(self.mark_you_are_here)
        self.mark_action.triggered.connect(self.mark_you_are_here)
        self.clear_button.clicked.connect(self.clear_you_are_here)
        self.clear_action.triggered.connect(self.clear_you_are_here)
        self.export_button.clicked.connect(self.choose_export_file)
        self.export_action.triggered.connect(self.choose_export_file)
        self.read_more_button.clicked.connect(self._read_more)
        self.care_button.clicked.connect(self._open_care_page)
        self.detail.document().documentLayout().documentSizeChanged.connect(self._fit_detail)
        self.timeline_widget.current_changed.connect(self._on_current_changed)
        self.timeline_widget.activated.connect(self._on_activated)
        self.timeline_widget.you_are_here_changed.connect(self._on_you_are_here_changed)
        self.timeline_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline_widget.customContextMenuRequested.connect(self._show_context_menu)
        self.retranslate_ui()

    # -- public API -------------------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline, lang: str | None = None) -> None:
        """Shows the timeline of the current language (or ``lang``), keeping the selection
        by id."""
        self._lang = lang or current_language()
        self.timeline_widget.set_timeline(timeline, self._lang)
        marked = self.settings.you_are_here
        if marked and timeline.stage(marked) is not None:
            self.timeline_widget.set_you_are_here(marked)
        self._refresh()

    def set_status_register(self, register: StatusRegister | None, region: str) -> None:
        """Badges and approval details from the register, the reader's region first."""
        self.timeline_widget.set_status_register(register, region)
        self._register = register
        self._refresh()

    def set_living_with(self, data: LivingWithData | None) -> None:
        """What living with each option is like, in the language of the current timeline."""
        self._living = data
        self._refresh()

    def vertical_scroll_bar(self) -> QScrollBar:
        """The bar that scrolls the treatment path up and down (counselling pages with it)."""
        return self.scroll_area.verticalScrollBar()

    def select(self, target_id: str) -> bool:
        """Selects a stage or option (links like ``timeline:second-line``) and scrolls to it."""
        found = self.timeline_widget.select(target_id)
        if found:
            self._scroll_to(target_id)
            QTimer.singleShot(0, self, self._scroll_to_current)  # again once laid out
        return found

    def set_text_scale(self, percent: int) -> None:
        """Text zoom (50 to 300 %): the timeline and its details at the size of the page text
        (never smaller); the timeline lays itself out again."""
        factor = min(MAX_SCALE, max(MIN_SCALE, percent)) / 100
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * factor)
        self.setFont(font)
        QTimer.singleShot(0, self, self._scroll_to_current)

    def export_png(self, path: Path) -> None:
        """Saves the whole timeline (not just the visible part) as a PNG for handouts."""
        image = self.timeline_widget.render_image()
        if not image.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")

    def mark_you_are_here(self) -> None:
        stage = self.timeline_widget.navigation.current_stage
        if stage is not None:
            self.timeline_widget.set_you_are_here(stage.id)

    def clear_you_are_here(self) -> None:
        self.timeline_widget.set_you_are_here(None)

    def choose_export_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            window_title(_("Export the timeline as an image")),
            str(Path(folder) / _("treatment-path.png")),
            _("PNG images (*.png)"),
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".png") else Path(name + ".png")
        try:
            self.export_png(path)
        except OSError:
            QMessageBox.warning(
                self,
                window_title(_("Export as PNG")),
                _("The image could not be saved to {path}.").format(path=path),
            )

    # -- language ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.hint.setText(
            _(
                "Click a stage or treatment, or use the arrow keys. Enter shows the details; "
                "H marks the stage you are on now."
            )
        )
        self.mark_button.setText(_("Mark as you are here"))
        self.mark_action.setText(_("Mark as you are here"))
        self.clear_button.setText(_("Clear “you are here”"))
        self.clear_action.setText(_("Clear “you are here”"))
        self.export_button.setText(_("Export as PNG…"))
        self.export_action.setText(_("Export as PNG…"))
        self.read_more_button.setText(_("Read more"))
        self.care_button.setText(_("Palliative care, breaks, stopping"))
        self.care_button.setToolTip(
            _("Always possible, beside every line: care for symptoms, a break, or stopping")
        )
        self.detail.setAccessibleName(_("Details of the selected treatment"))
        self.scroll_area.setAccessibleName(_("Treatment path"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._arrange()
        super().changeEvent(event)  # the language change: Retranslating

    # -- arrangement ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _fitting_columns(self) -> int:
        """How many columns of buttons fit the width (4, 2 or 1)."""
        spacing = self._button_grid.horizontalSpacing() + 2
        widths = [button.sizeHint().width() for button in self._buttons]
        for columns in (4, 2):
            needed = sum(max(widths[column::columns]) + spacing for column in range(columns))
            if needed <= self.width() - 2 * self.layout().contentsMargins().left():
                return columns
        return 1

    def _fit_detail(self) -> None:
        """Beside the path the details scroll in their own box; below it they are as high as
        their text, and scroll with the buttons."""
        if self.details_beside():
            self.detail.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.detail.setMinimumHeight(0)
            self.detail.setMaximumHeight(_NO_HEIGHT_LIMIT)
        else:
            self.detail.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            height = math.ceil(self.detail.document().size().height())
            self.detail.setFixedHeight(height + 2 * self.detail.frameWidth())

    def _place_buttons(self, columns: int) -> None:
        if columns == self._button_columns:
            return
        self._button_columns = columns
        align = Qt.AlignmentFlag.AlignRight if columns == 1 else Qt.AlignmentFlag.AlignLeft
        for index, button in enumerate(self._buttons):
            self._button_grid.removeWidget(button)
            self._button_grid.addWidget(button, index // columns, index % columns, align)

    def _keep_focus_in_view(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A button below the details that gets the focus (however) is scrolled into view."""
        panel = self.panel_area.widget()
        if now is not None and panel is not None and panel.isAncestorOf(now):
            self.panel_area.ensureWidgetVisible(now)

    def details_beside(self) -> bool:
        """Whether the details stand beside the path (else below it)."""
        return self.splitter.orientation() == Qt.Orientation.Horizontal

    def _arrange(self) -> None:
        """Details beside the path while the path keeps room for two stages side by side and
        the details for a readable line; below it otherwise, so that the path gets the whole
        width and never needs sideways scrolling."""
        em = self.fontMetrics().height()
        scroll_bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        wanted = self.timeline_widget.two_stages_width() + scroll_bar + 18 * em
        beside = self.width() >= wanted
        self._place_buttons(1 if beside else self._fitting_columns())
        orientation = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if orientation != self.splitter.orientation():
            self.splitter.setOrientation(orientation)
            self._fit_detail()
            QTimer.singleShot(0, self, self._scroll_to_current)
            total = self.width() if beside else self.splitter.height()
            self.splitter.setSizes(
                [total * 3 // 4, total // 4] if beside else [total * 3 // 5, total * 2 // 5]
            )

    # -- reactions --------------------------------------------------------------------------------

    def _on_current_changed(self, target_id: str) -> None:
        self._scroll_to(target_id)
        self._refresh()

    def _on_activated(self, _target_id: str) -> None:
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_you_are_here_changed(self, stage_id: str | None) -> None:
        if self.settings.you_are_here != stage_id:
            self.settings.you_are_here = stage_id
            self.settings.sync()
        self._refresh()

    def _read_more(self) -> None:
        option = self.timeline_widget.navigation.current_option
        if option is not None and option.page:
            self.page_requested.emit(option.page)

    def _open_care_page(self) -> None:
        if self._living and self._living.always:
            self.page_requested.emit(self._living.always.page)

    def _scroll_to_current(self) -> None:
        current = self.timeline_widget.current_id()
        if current is not None:
            self._scroll_to(current)

    def show_from_top(self) -> None:
        """Shows the path from its top, as the counselling step opens it; when the stage marked
        "you are here" lies below the first screen, scrolls just far enough to show it with its
        flag."""
        window_layout = self.window().layout()
        if window_layout is not None:
            window_layout.activate()  # a view just made current has not had its size yet
        self.scroll_area.verticalScrollBar().setValue(0)
        marked = self.timeline_widget.you_are_here()
        if marked is not None:
            self._ensure_visible(self._marked_rect(marked))

    def _scroll_to(self, target_id: str) -> None:
        """Scrolls the item into view, with its stage's heading (and "you are here" flag) when
        both fit."""
        widget = self.timeline_widget
        rect = widget.item_rect(target_id)
        found = widget.timeline.find(target_id) if widget.timeline else None
        if found is not None:
            stage_id = found[0].id
            with_heading = rect.united(
                self._marked_rect(stage_id)
                if stage_id == widget.you_are_here()
                else widget.item_rect(stage_id)
            )
            if with_heading.height() < self.scroll_area.viewport().height():
                rect = with_heading
        self._ensure_visible(rect)

    def _marked_rect(self, stage_id: str) -> QRect:
        """A stage's header with its "you are here" flag above it."""
        widget = self.timeline_widget
        return widget.item_rect(stage_id).united(widget.pin_rect(stage_id))

    def _ensure_visible(self, rect: QRect) -> None:
        """Scrolls the least needed to show ``rect`` (timeline coordinates)."""
        if rect.isEmpty():
            return
        center = rect.translated(self.timeline_widget.pos()).center()
        self.scroll_area.ensureVisible(
            center.x(), center.y(), rect.width() // 2 + 8, rect.height() // 2 + 8
        )

    def _show_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.mark_action)
        menu.addAction(self.clear_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.exec(self.timeline_widget.mapToGlobal(pos))

    def _refresh(self) -> None:
        """Brings the detail panel and the enabled state of every control up to date."""
        cursor = self.timeline_widget.navigation
        stage, option = cursor.current_stage, cursor.current_option
        marked = cursor.you_are_here
        can_mark = stage is not None and stage.id != marked
        self.mark_button.setEnabled(can_mark)
        self.mark_action.setEnabled(can_mark)
        self.clear_button.setEnabled(marked is not None)
        self.clear_action.setEnabled(marked is not None)
        self.read_more_button.setEnabled(option is not None and bool(option.page))
        self.care_button.setVisible(bool(self._living and self._living.always))
        if stage is None:
            self.detail.clear()
        elif option is None:
            self._show_detail(stage_html(stage, here=stage.id == marked, living=self._living))
        else:
            self._show_detail(
                option_html(
                    stage,
                    option,
                    here=stage.id == marked,
                    status_lines=self.timeline_widget.status_lines(option),
                    register=self._register,
                    living=self._living,
                )
            )

    def _show_detail(self, detail_html: str) -> None:
        """Long words break at their dictionary points, as on the pages."""
        self.detail.setHtml(for_screen_readers(hyphenate_html(detail_html, self._lang)))

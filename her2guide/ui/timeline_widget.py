"""The line-of-therapy timeline, painted: stages left to right, options inside, side lanes below.

Geometry is computed once per width, font, language or timeline (timeline_geometry.py) and kept
in ``self._layout``; ``paintEvent`` only draws it (timeline_paint.py). The navigation state lives
in the Qt-free :class:`~her2guide.timeline.cursor.TimelineCursor`; this widget turns its changes
into signals. What screen readers learn is in timeline_accessible.py.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleValueChangeEvent,
    QFocusEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from her2guide.content.hyphenate import hyphenate_text
from her2guide.content.status_register import DEFAULT_READER_REGION, StatusRegister
from her2guide.content.status_text import Badge, badges, clauses
from her2guide.i18n import _, current_language
from her2guide.timeline.cursor import TimelineCursor
from her2guide.timeline.model import Option, Timeline
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.timeline_accessible import install_accessible_factory
from her2guide.ui.timeline_geometry import (
    LaidItem,
    Metrics,
    TimelineLayout,
    TimelineLayouter,
    widest_word,
)
from her2guide.ui.timeline_paint import TimelinePainter

YOU_ARE_HERE_KEY = Qt.Key.Key_H
"""Marks or clears "you are here" on the selected stage: H for "here" (German "hier")."""

_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


# -- the widget -----------------------------------------------------------------------------------


class TimelineWidget(Retranslating, QWidget):
    """The treatment path as a diagram a patient and a nurse can point at together.

    Mouse: hover highlights and explains; click selects; double-click opens the details.
    Keyboard: Left/Right between stages, Up/Down between the options of a stage, Home/End to
    the first/last stage, Enter/Return opens the details, H marks or clears "you are here".

    Signals:
        current_changed(str): the id of the newly selected stage or option.
        activated(str): the id of the item whose details should open (Enter, double-click).
        you_are_here_changed(object): the marked stage id, or None after clearing.
    """

    current_changed = Signal(str)
    activated = Signal(str)
    you_are_here_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        install_accessible_factory(TimelineWidget)
        super().__init__(parent)
        self._cursor = TimelineCursor()
        self._layout = TimelineLayout()
        self._layout_cache: dict[int, TimelineLayout] = {}
        self._metrics_cache: Metrics | None = None
        self._hovered: str | None = None
        self._register: StatusRegister | None = None
        self._region = DEFAULT_READER_REGION
        self._lang = current_language()
        self._hyphenated: dict[str, str] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.retranslate_ui()

    # -- state ------------------------------------------------------------------------------------

    @property
    def navigation(self) -> TimelineCursor:
        """The navigation model; change it through this widget so that signals are sent."""
        return self._cursor

    @property
    def timeline(self) -> Timeline | None:
        return self._cursor.timeline

    def current_id(self) -> str | None:
        return self._cursor.current_id

    def you_are_here(self) -> str | None:
        return self._cursor.you_are_here

    def set_timeline(self, timeline: Timeline | None, lang: str | None = None) -> None:
        """Shows a timeline (e.g. the other language), keeping the selection by id; ``lang``
        (the interface language unless given) chooses the hyphenation patterns."""
        before = self._cursor.current_id
        marked = self._cursor.you_are_here
        self._lang = lang or current_language()
        self._hyphenated.clear()
        self._cursor.set_timeline(timeline)
        self._relayout()
        if self._cursor.you_are_here != marked:
            self.you_are_here_changed.emit(self._cursor.you_are_here)
        if self._cursor.current_id != before:
            self._selection_changed()
        else:
            self._announce_value()

    def set_status_register(self, register: StatusRegister | None, region: str) -> None:
        """Badges come from the approval-status register, the reader's region first."""
        self._register, self._region = register, region
        self._relayout()

    def status_badges(self, option: Option) -> list[Badge]:
        entry = self._register.get(option.status) if self._register and option.status else None
        return badges(entry, self._region, current_language())

    def status_lines(self, option: Option) -> list[str]:
        """The option's status, one line per region (reader's first); empty when unknown."""
        entry = self._register.get(option.status) if self._register and option.status else None
        return clauses(entry, self._region, current_language()) if entry else []

    def select(self, target_id: str) -> bool:
        """Selects a stage or option by id; returns whether the id exists on the timeline."""
        if self.timeline is None or self.timeline.find(target_id) is None:
            return False
        if self._cursor.select(target_id):
            self._selection_changed()
        return True

    def set_you_are_here(self, stage_id: str | None) -> None:
        """Marks a stage as the patient's current one, or clears the mark with None."""
        if self._cursor.set_you_are_here(stage_id):
            self._you_are_here_changed()

    def toggle_you_are_here(self) -> None:
        """Marks the selected item's stage, or clears the mark if it is already there."""
        if self._cursor.toggle_you_are_here():
            self._you_are_here_changed()

    def _selection_changed(self) -> None:
        self.update()
        current = self._cursor.current_id
        if current is not None:
            self.current_changed.emit(current)
        self._announce_value()

    def _you_are_here_changed(self) -> None:
        self.update()
        self.you_are_here_changed.emit(self._cursor.you_are_here)
        self._announce_value()

    def _shown(self, text: str) -> str:
        """A label as drawn: with soft hyphens at its dictionary points, worked out once per
        timeline (screen readers and tooltips get the label as written)."""
        if text not in self._hyphenated:
            self._hyphenated[text] = hyphenate_text(text, self._lang)
        return self._hyphenated[text]

    def _announce_value(self) -> None:
        QAccessible.updateAccessibility(QAccessibleValueChangeEvent(self, self.accessible_value()))

    def accessible_value(self) -> str:
        """The selection in words, as a screen reader should say it."""
        stage = self._cursor.current_stage
        if stage is None:
            return ""
        stage_text = stage.label
        if stage.id == self._cursor.you_are_here:
            stage_text = _("{stage} (you are here)").format(stage=stage.label)
        option = self._cursor.current_option
        return f"{stage_text}: {option.label}" if option else stage_text

    # -- language, font, palette ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Treatment path"))
        self.setAccessibleDescription(
            _(
                "The treatment stages from left to right, with the treatments of each stage. "
                "Left and right arrow keys move between stages, up and down between treatments. "
                "Enter shows the details. H marks or clears the stage you are on now."
            )
        )
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._relayout()
        elif event.type() == QEvent.Type.PaletteChange:
            self.update()
        super().changeEvent(event)

    # -- geometry ---------------------------------------------------------------------------------

    def item_rect(self, item_id: str) -> QRect:
        """Where a stage header or option is drawn, in widget coordinates (empty if unknown)."""
        item = self._items().get(item_id)
        return QRect(item.rect) if item else QRect()

    def pin_rect(self, stage_id: str) -> QRect:
        """Where the "you are here" flag of a stage goes, in widget coordinates (empty if
        unknown); it stands above the stage's box."""
        boxes = self._layout_for(self.width()).boxes
        box = next((box for box in boxes if box.stage_id == stage_id), None)
        return QRect(box.pin_label) if box else QRect()

    def item_at(self, pos: QPoint) -> str | None:
        return next((item.id for item in self._items().values() if item.rect.contains(pos)), None)

    def tooltip_at(self, pos: QPoint) -> str:
        """The full text for the item under ``pos``; what a hover tooltip shows."""
        item_id = self.item_at(pos)
        return self._items()[item_id].tooltip if item_id else ""

    def _items(self) -> dict[str, LaidItem]:
        """The items at the current width, also before a pending resize event has arrived."""
        return self._layout_for(self.width()).items

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout_for(width).height

    def minimumSizeHint(self) -> QSize:
        """One stage wide, as narrow as its widest unbreakable piece (long words break at
        their soft hyphens); the height follows from heightForWidth."""
        metrics = self._metrics()
        return QSize(metrics.narrowest + 2 * metrics.margin, metrics.em * 4)

    def two_stages_width(self) -> int:
        """The width at which two stages stand side by side; narrower, one stage per row."""
        m = self._metrics()
        return 2 * m.unit_min + m.gap + 2 * m.margin

    def sizeHint(self) -> QSize:
        metrics = self._metrics()
        stages = len(self.timeline.main_stages) if self.timeline else 1
        width = stages * (metrics.unit_min + metrics.gap) + 2 * metrics.margin
        return QSize(width, self.heightForWidth(width))

    def _metrics(self) -> Metrics:
        """Font-derived sizes; a column is at least as wide as the longest word it must show,
        so German compounds wrap between words instead of inside them."""
        if self._metrics_cache is None:
            metrics = Metrics.of(self.font())
            widest = widest_word(self.timeline, metrics, self._shown) if self.timeline else 0
            self._metrics_cache = replace(
                metrics,
                unit_min=min(metrics.em * 20, max(metrics.unit_min, widest)),
                narrowest=max(widest, metrics.em * 4),
            )
        return self._metrics_cache

    def _layouter(self) -> TimelineLayouter:
        return TimelineLayouter(
            self.timeline, self._metrics(), self._shown, self.status_badges, self.status_lines
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout = self._layout_for(event.size().width())
        super().resizeEvent(event)

    def _relayout(self) -> None:
        """Throws away all geometry after a change of timeline, font or language."""
        self._layout_cache.clear()
        self._metrics_cache = None
        self._layout = self._layout_for(self.width())
        self.updateGeometry()
        self.update()

    def _layout_for(self, width: int) -> TimelineLayout:
        if width not in self._layout_cache:
            if len(self._layout_cache) > 8:
                self._layout_cache.clear()
            self._layout_cache[width] = self._layouter().layout(width)
        return self._layout_cache[width]

    # -- painting (reads self._layout only) -------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setClipRegion(event.region())
        selected = self._cursor.current_id
        self._painter().paint(
            painter,
            self.size(),
            selected=selected,
            hovered=self._hovered,
            focus_ring=self.hasFocus(),
        )
        painter.end()

    def render_image(self, scale: float = 2.0) -> QImage:
        """The whole timeline as an image (for handouts): "you are here" is drawn, the
        on-screen selection, hover and focus ring are not."""
        return self._painter().image(scale)

    def _painter(self) -> TimelinePainter:
        return TimelinePainter(self._layout, self.palette(), self._cursor.you_are_here)

    # -- input ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left: self._cursor.previous_stage,
            Qt.Key.Key_Right: self._cursor.next_stage,
            Qt.Key.Key_Up: self._cursor.previous_option,
            Qt.Key.Key_Down: self._cursor.next_option,
            Qt.Key.Key_Home: self._cursor.first_stage,
            Qt.Key.Key_End: self._cursor.last_stage,
        }
        key = Qt.Key(event.key())
        if key in moves:
            if moves[key]():
                self._selection_changed()
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._cursor.current_id is not None:
                self.activated.emit(self._cursor.current_id)
            event.accept()
        elif key == YOU_ARE_HERE_KEY and not event.modifiers() & _COMMAND_MODIFIERS:
            self.toggle_you_are_here()
            event.accept()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item_id = self.item_at(event.position().toPoint())
        if item_id is not None and event.button() in (
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.RightButton,
        ):
            self.select(item_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item_id = self.item_at(event.position().toPoint())
        if item_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(item_id)
            self.activated.emit(item_id)
        else:
            super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hovered(self.item_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hovered(None)
        super().leaveEvent(event)

    def _set_hovered(self, item_id: str | None) -> None:
        if item_id != self._hovered:
            self._hovered = item_id
            self.update()

    def hovered_id(self) -> str | None:
        return self._hovered

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item_id = self.item_at(event.pos())
            if item_id is None:
                QToolTip.hideText()
                event.ignore()
            else:
                item = self._items()[item_id]
                QToolTip.showText(event.globalPos(), item.tooltip, self, item.rect)
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

"""The line-of-therapy timeline, painted: stages left to right, options inside, side lanes below.

Geometry is computed once per width, font, language or timeline (``_compute_layout``) and kept in
``self._layout``; ``paintEvent`` only reads it. The navigation state lives in the Qt-free
:class:`~her2guide.timeline.model.TimelineCursor`; this widget turns its changes into signals.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import cache

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QAccessibleValueChangeEvent,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QToolTip, QWidget

from her2guide.content.status_register import DEFAULT_READER_REGION, StatusRegister
from her2guide.content.status_text import LEGEND, Badge, badges, clauses
from her2guide.i18n import _, current_language
from her2guide.timeline.model import Option, Stage, Timeline, TimelineCursor
from her2guide.ui.retranslate import Retranslating

YOU_ARE_HERE_KEY = Qt.Key.Key_H
"""Marks or clears "you are here" on the selected stage: H for "here" (German "hier")."""

_NAME_LINES = 3
_BRAND_LINES = 2
_HEADER_LINES = 3
_TITLE_LINES = 2
_MANY_OPTIONS = 5  # a stage with more options gets two columns when the width allows
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


# -- layout records (geometry only; computed off the paint path) --------------------------------


@dataclass(frozen=True)
class _Text:
    """Lines of one wrapped text, their box and font; line i starts at rect.top() + i * height."""

    lines: tuple[str, ...]
    rect: QRect
    font: QFont
    line_height: int

    def moved(self, dx: int, dy: int) -> _Text:
        return replace(self, rect=self.rect.translated(dx, dy))


@dataclass(frozen=True)
class _Badge:
    flag: str
    text: str
    rect: QRect
    font: QFont

    def moved(self, dx: int, dy: int) -> _Badge:
        return replace(self, rect=self.rect.translated(dx, dy))


@dataclass(frozen=True)
class _Item:
    """A selectable thing on the timeline: a stage header or an option card."""

    id: str
    rect: QRect
    texts: tuple[_Text, ...]
    badges: tuple[_Badge, ...] = ()
    tooltip: str = ""
    is_stage: bool = False

    def moved(self, dx: int, dy: int) -> _Item:
        return replace(
            self,
            rect=self.rect.translated(dx, dy),
            texts=tuple(text.moved(dx, dy) for text in self.texts),
            badges=tuple(badge.moved(dx, dy) for badge in self.badges),
        )


@dataclass(frozen=True)
class _Box:
    stage_id: str
    rect: QRect
    side: bool
    pin_label: QRect
    pin_arrow: QPolygonF
    pin_text: str


@dataclass
class _Layout:
    width: int = 0
    height: int = 0
    title: _Text | None = None
    side_heading: _Text | None = None
    side_rule_y: int = 0
    boxes: list[_Box] = field(default_factory=list)
    items: dict[str, _Item] = field(default_factory=dict)
    arrows: list[tuple[QPoint, ...]] = field(default_factory=list)
    legend: list[tuple[_Badge, _Text]] = field(default_factory=list)
    pin_font: QFont = field(default_factory=QFont)
    arrow_size: float = 5.0


@dataclass(frozen=True)
class _Metrics:
    """Sizes derived from the widget's font, so that text zoom scales the whole drawing."""

    font: QFont
    bold: QFont
    small: QFont
    small_bold: QFont
    title: QFont
    em: int
    pad: int
    gap: int
    margin: int
    unit_min: int
    pin_height: int
    badge_height: int

    @classmethod
    def of(cls, font: QFont) -> _Metrics:
        em = QFontMetrics(font).height()
        bold = _font_variant(font, 1.0, bold=True)
        small = _font_variant(font, 0.9)
        small_bold = _font_variant(font, 0.9, bold=True)
        pad = max(4, em // 2)
        return cls(
            font=font,
            bold=bold,
            small=small,
            small_bold=small_bold,
            title=_font_variant(font, 1.3, bold=True),
            em=em,
            pad=pad,
            gap=max(14, round(em * 1.5)),
            margin=em,
            unit_min=em * 9,
            pin_height=QFontMetrics(small_bold).height() + 4 + pad,
            badge_height=QFontMetrics(small).height() + 2,
        )


def _font_variant(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    variant = QFont(font)
    if font.pointSizeF() > 0:
        variant.setPointSizeF(font.pointSizeF() * factor)
    else:
        variant.setPixelSize(max(1, round(font.pixelSize() * factor)))
    variant.setBold(bold)
    return variant


def _wrap(text: str, font: QFont, width: int, max_lines: int) -> tuple[str, ...]:
    """Word-wrapped lines, breaking inside a word only when it is wider than the line. Past
    ``max_lines`` the last line is elided; every item's tooltip carries the full text."""
    if not text:
        return ()
    width = max(1, width)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    text_layout = QTextLayout(text, font)
    text_layout.setTextOption(option)
    text_layout.beginLayout()
    lines: list[str] = []
    while (line := text_layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    text_layout.endLayout()
    if len(lines) <= max_lines:
        return tuple(lines)
    rest = " ".join(lines[max_lines - 1 :])
    last = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return (*lines[: max_lines - 1], last)


def _widest_word(timeline: Timeline, m: _Metrics) -> int:
    """The column width the longest unbreakable word of a label or name needs, with padding."""
    bold, normal, small = QFontMetrics(m.bold), QFontMetrics(m.font), QFontMetrics(m.small)
    card_inset = 2 * (m.pad + max(3, m.pad // 2 + 1)) + 2
    needs = [0]
    for stage in timeline.stages:
        needs += [bold.horizontalAdvance(word) + 2 * m.pad + 2 for word in _words(stage.label)]
        for option in stage.options:
            needs += [normal.horizontalAdvance(word) + card_inset for word in _words(option.name)]
            needs += [small.horizontalAdvance(word) + card_inset for word in _words(option.brand)]
    return max(needs)


def _words(text: str) -> list[str]:
    """The pieces a line may not break inside: words, split after hyphens."""
    return re.findall(r"[^\s-]+-?", text)


def _text(text: str, font: QFont, x: int, y: int, width: int, max_lines: int) -> _Text:
    lines = _wrap(text, font, width, max_lines)
    line_height = QFontMetrics(font).height()
    return _Text(lines, QRect(x, y, width, line_height * len(lines)), font, line_height)


# -- accessibility --------------------------------------------------------------------------------


class TimelineAccessible(QAccessibleWidget):
    """Gives assistive technology a role, and the selected stage or option as the value.

    The items are painted, not widgets, so they have no accessible children; the value (and a
    value-change event on every move) is how a screen reader follows the selection.
    """

    def __init__(self, widget: TimelineWidget) -> None:
        super().__init__(widget, QAccessible.Role.List)

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Value and isinstance(widget, TimelineWidget):
            return widget.accessible_value()
        return super().text(kind)


def _accessible_factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    return TimelineAccessible(obj) if isinstance(obj, TimelineWidget) else None


@cache
def _install_accessible_factory() -> None:
    """Registers the factory once per process; Qt asks it for every object it meets."""
    QAccessible.installFactory(_accessible_factory)


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
        _install_accessible_factory()
        super().__init__(parent)
        self._cursor = TimelineCursor()
        self._layout = _Layout()
        self._layout_cache: dict[int, _Layout] = {}
        self._metrics_cache: _Metrics | None = None
        self._hovered: str | None = None
        self._register: StatusRegister | None = None
        self._region = DEFAULT_READER_REGION
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

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Shows a timeline (e.g. the other language), keeping the selection by id."""
        before = self._cursor.current_id
        marked = self._cursor.you_are_here
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

    def item_at(self, pos: QPoint) -> str | None:
        return next((item.id for item in self._items().values() if item.rect.contains(pos)), None)

    def tooltip_at(self, pos: QPoint) -> str:
        """The full text for the item under ``pos``; what a hover tooltip shows."""
        item_id = self.item_at(pos)
        return self._items()[item_id].tooltip if item_id else ""

    def _items(self) -> dict[str, _Item]:
        """The items at the current width, also before a pending resize event has arrived."""
        return self._layout_for(self.width()).items

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout_for(width).height

    def minimumSizeHint(self) -> QSize:
        """One stage wide (the longest word fits); the height follows from heightForWidth."""
        metrics = self._metrics()
        return QSize(metrics.unit_min + 2 * metrics.margin, metrics.em * 4)

    def sizeHint(self) -> QSize:
        metrics = self._metrics()
        stages = len(self.timeline.main_stages) if self.timeline else 1
        width = stages * (metrics.unit_min + metrics.gap) + 2 * metrics.margin
        return QSize(width, self.heightForWidth(width))

    def _metrics(self) -> _Metrics:
        """Font-derived sizes; a column is at least as wide as the longest word it must show,
        so German compounds wrap between words instead of inside them."""
        if self._metrics_cache is None:
            metrics = _Metrics.of(self.font())
            widest = _widest_word(self.timeline, metrics) if self.timeline else 0
            self._metrics_cache = replace(
                metrics, unit_min=min(metrics.em * 20, max(metrics.unit_min, widest))
            )
        return self._metrics_cache

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

    def _layout_for(self, width: int) -> _Layout:
        if width not in self._layout_cache:
            if len(self._layout_cache) > 8:
                self._layout_cache.clear()
            self._layout_cache[width] = self._compute_layout(width)
        return self._layout_cache[width]

    def _compute_layout(self, width: int) -> _Layout:
        m = self._metrics()
        layout = _Layout(width=width, arrow_size=max(5.0, m.em / 3))
        timeline = self.timeline
        if timeline is None:
            layout.height = 2 * m.margin
            return layout
        avail = max(m.unit_min, width - 2 * m.margin)
        layout.title = _text(timeline.title, m.title, m.margin, m.margin, avail, _TITLE_LINES)
        layout.pin_font = m.small_bold
        y = layout.title.rect.bottom() + 1 + m.pad
        y = self._place_lane(layout, timeline.main_stages, y, avail, m, side=False)
        if timeline.side_stages:
            y += m.em
            layout.side_heading = _text(_("Special situations"), m.bold, m.margin, y, avail, 2)
            layout.side_rule_y = layout.side_heading.rect.bottom() + 3
            y = layout.side_rule_y + m.pad
            y = self._place_lane(layout, timeline.side_stages, y, avail, m, side=True)
        y = self._place_legend(layout, y + m.em, avail, m)
        layout.height = y + m.margin
        return layout

    def _place_lane(
        self,
        layout: _Layout,
        stages: tuple[Stage, ...],
        y: int,
        avail: int,
        m: _Metrics,
        *,
        side: bool,
    ) -> int:
        """Lays out one lane in as many rows as the width needs; returns the y below it."""
        if not stages:
            return y
        rows = self._rows(stages, avail, m, side=side)
        previous_box: _Box | None = None
        for row_index, (row, unit) in enumerate(rows):
            if row_index:
                y += m.em
            y += m.pin_height
            measured = []
            x = m.margin
            for stage, columns in row:
                box_width = round(unit * columns + m.gap * (columns - 1)) if not side else unit
                sub_columns = columns if not side else self._side_columns(stage, unit, m)
                measured.append(
                    (stage, x, box_width, *self._measure_stage(stage, box_width, sub_columns, m))
                )
                x += box_width + m.gap
            header_height = max(header.rect.height() for _s, _x, _w, header, _o, _h in measured)
            box_height = header_height + max(body for *_rest, body in measured)
            for stage, x, box_width, header, options, body in measured:
                rect = QRect(x, y, box_width, header_height + body)
                header = replace(header, rect=QRect(0, 0, box_width, header_height)).moved(x, y)
                layout.items[stage.id] = header
                for option in options:
                    layout.items[option.id] = option.moved(x, y + header_height)
                box = self._box(stage.id, rect, side, m)
                layout.boxes.append(box)
                if previous_box is not None and not side:
                    layout.arrows.append(self._arrow(previous_box, box, header_height, m))
                previous_box = box
            y += box_height
        return y

    def _rows(
        self, stages: tuple[Stage, ...], avail: int, m: _Metrics, *, side: bool
    ) -> list[tuple[list[tuple[Stage, int]], float]]:
        """Stages per row and the width of one column: one row if it fits, else wrapped rows.

        In the main lane a stage with many options gets two columns when that still fits.
        """

        def unit_for(columns: int) -> float:
            return (avail - m.gap * (columns - 1)) / columns

        if not side:
            wide = [2 if len(stage.options) > _MANY_OPTIONS else 1 for stage in stages]
            if unit_for(sum(wide)) >= m.unit_min:
                return [(list(zip(stages, wide, strict=True)), unit_for(sum(wide)))]
        per_row = max(1, min(len(stages), (avail + m.gap) // (m.unit_min + m.gap)))
        rows = [stages[i : i + per_row] for i in range(0, len(stages), per_row)]
        unit = unit_for(per_row)
        return [([(stage, 1) for stage in row], unit) for row in rows]

    def _side_columns(self, stage: Stage, box_width: float, m: _Metrics) -> int:
        fitting = int((box_width + m.pad) // (m.unit_min + m.pad))
        return max(1, min(len(stage.options), fitting))

    def _measure_stage(
        self, stage: Stage, width: int, columns: int, m: _Metrics
    ) -> tuple[_Item, list[_Item], int]:
        """The header and option cards relative to the box (options relative to below the
        header), and the height the options need."""
        label = _text(stage.label, m.bold, m.pad, m.pad, width - 2 * m.pad, _HEADER_LINES)
        tooltip = stage.label + "\n\n" + stage.description
        header = _Item(
            stage.id,
            QRect(0, 0, width, label.rect.height() + 2 * m.pad),
            (label,),
            tooltip=tooltip,
            is_stage=True,
        )
        spacing = max(3, m.pad // 2)
        column_width = (width - 2 * m.pad - (columns - 1) * m.pad) // columns
        per_column = math.ceil(len(stage.options) / columns) if stage.options else 0
        options: list[_Item] = []
        body = 0
        for column in range(columns):
            x = m.pad + column * (column_width + m.pad)
            y = m.pad
            for option in stage.options[column * per_column : (column + 1) * per_column]:
                card = self._measure_option(stage, option, column_width, m).moved(x, y)
                options.append(card)
                y += card.rect.height() + spacing
            body = max(body, y - spacing + m.pad)
        return header, options, body

    def _measure_option(self, stage: Stage, option: Option, width: int, m: _Metrics) -> _Item:
        inset = max(3, m.pad // 2 + 1)
        inner = width - 2 * inset
        name = _text(option.name, m.font, inset, inset, inner, _NAME_LINES)
        texts = [name]
        y = name.rect.bottom() + 1
        if option.brand:
            brand = _text(option.brand, m.small, inset, y, inner, _BRAND_LINES)
            texts.append(brand)
            y = brand.rect.bottom() + 1
        badges = self._badges(self.status_badges(option), inset, y + 3, inner, m)
        if badges:
            y = max(badge.rect.bottom() for badge in badges) + 1
        words = self.status_lines(option) or [_("Approval for this use: not confirmed")]
        tooltip = "\n".join([option.label, stage.label, *words])
        return _Item(
            option.id, QRect(0, 0, width, y + inset), tuple(texts), tuple(badges), tooltip=tooltip
        )

    def _badges(
        self, wanted: list[Badge], x0: int, y0: int, width: int, m: _Metrics
    ) -> list[_Badge]:
        """Badges side by side; one with a long condition gets a row of its own and wraps."""
        metrics = QFontMetrics(m.small)
        placed: list[_Badge] = []
        x, y, row_bottom = x0, y0, y0
        for badge in wanted:
            badge_width = min(width, metrics.horizontalAdvance(badge.text) + m.pad)
            height = m.badge_height
            if badge_width == width:
                wrap = QRect(0, 0, max(1, width - m.pad), 10 * m.badge_height)
                flags = Qt.TextFlag.TextWordWrap
                height = max(height, metrics.boundingRect(wrap, flags, badge.text).height() + 2)
            if x > x0 and x + badge_width > x0 + width:
                x, y = x0, row_bottom + 3
            rect = QRect(x, y, badge_width, height)
            placed.append(_Badge(badge.kind, badge.text, rect, m.small))
            row_bottom = max(row_bottom, rect.bottom())
            x += badge_width + 4
        return placed

    def _box(self, stage_id: str, rect: QRect, side: bool, m: _Metrics) -> _Box:
        """A stage's frame and where its "you are here" flag goes (drawn only when marked)."""
        pin_text = _("You are here")
        metrics = QFontMetrics(m.small_bold)
        label = QRect(
            rect.left(),
            rect.top() - m.pin_height,
            min(rect.width() - m.pad * 4, metrics.horizontalAdvance(pin_text) + m.pad * 2),
            metrics.height() + 4,
        )
        tip_x = rect.left() + m.pad * 1.5
        arrow = QPolygonF(
            [
                QPointF(tip_x - m.pad * 0.8, label.bottom()),
                QPointF(tip_x + m.pad * 0.8, label.bottom()),
                QPointF(tip_x, rect.top() - 1),
            ]
        )
        text = metrics.elidedText(pin_text, Qt.TextElideMode.ElideRight, label.width() - m.pad)
        return _Box(stage_id, rect, side, label, arrow, text)

    def _arrow(
        self, before: _Box, after: _Box, header_height: int, m: _Metrics
    ) -> tuple[QPoint, ...]:
        """A connector from one main stage to the next: straight within a row, bent between
        rows (down from the end of one row, through the gap between the rows, into the right
        part of the next row's first stage, clear of its "you are here" flag)."""
        if after.rect.top() == before.rect.top():
            y = before.rect.top() + header_height // 2
            return (QPoint(before.rect.right() + 4, y), QPoint(after.rect.left() - 4, y))
        x_from = before.rect.center().x()
        x_to = after.rect.right() - m.pad * 2
        y_mid = after.rect.top() - m.pin_height - m.em // 2
        return (
            QPoint(x_from, before.rect.bottom() + 2),
            QPoint(x_from, y_mid),
            QPoint(x_to, y_mid),
            QPoint(x_to, after.rect.top() - 2),
        )

    def _place_legend(self, layout: _Layout, y: int, avail: int, m: _Metrics) -> int:
        metrics = QFontMetrics(m.small)
        x = m.margin
        row_height = max(m.badge_height, metrics.height())
        for flag, sample, meaning in LEGEND:
            badge_text = _(sample)
            badge_width = metrics.horizontalAdvance(badge_text) + m.pad
            words = _(meaning)
            words_width = min(avail - badge_width - 6, metrics.horizontalAdvance(words) + 2)
            entry = badge_width + 6 + words_width
            if x > m.margin and x + entry > m.margin + avail:
                x, y = m.margin, y + row_height + 4
            badge = _Badge(flag, badge_text, QRect(x, y, badge_width, m.badge_height), m.small)
            text = _text(words, m.small, x + badge_width + 6, y + 1, words_width, 1)
            layout.legend.append((badge, text))
            x += entry + m.em
        return y + row_height

    # -- painting (reads self._layout only) -------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setClipRegion(event.region())
        self._paint(painter, interactive=True)
        painter.end()

    def render_image(self, scale: float = 2.0) -> QImage:
        """The whole timeline as an image (for handouts): "you are here" is drawn, the
        on-screen selection, hover and focus ring are not."""
        layout = self._layout
        size = QSize(max(1, layout.width), max(1, layout.height))
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        painter = QPainter(image)
        self._paint(painter, interactive=False)
        painter.end()
        return image

    def _paint(self, painter: QPainter, *, interactive: bool) -> None:
        layout = self._layout
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(
            QRect(0, 0, max(layout.width, self.width()), max(layout.height, self.height())),
            palette.color(QPalette.ColorRole.Base),
        )
        text_color = palette.color(QPalette.ColorRole.Text)
        if layout.title is not None:
            self._draw_text(painter, layout.title, text_color)
        if layout.side_heading is not None:
            self._draw_text(painter, layout.side_heading, text_color)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.drawLine(
                layout.side_heading.rect.left(),
                layout.side_rule_y,
                layout.width - layout.side_heading.rect.left(),
                layout.side_rule_y,
            )
        for arrow in layout.arrows:
            self._draw_arrow(painter, arrow, text_color)
        selected = self._cursor.current_id if interactive else None
        hovered = self._hovered if interactive else None
        for box in layout.boxes:
            self._draw_box(painter, box, palette)
        for item in layout.items.values():
            self._draw_item(
                painter, item, palette, selected=item.id == selected, hovered=item.id == hovered
            )
        marked = self._cursor.you_are_here
        for box in layout.boxes:
            if box.stage_id == marked:
                self._draw_pin(painter, box, palette)
        for badge, text in layout.legend:
            self._draw_badge(painter, badge, text_color, palette.color(QPalette.ColorRole.Base))
            self._draw_text(painter, text, text_color)
        if interactive and self.hasFocus() and selected in layout.items:
            pen = QPen(text_color, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(layout.items[selected].rect.adjusted(-3, -3, 3, 3), 5, 5)

    def _draw_box(self, painter: QPainter, box: _Box, palette: QPalette) -> None:
        marked = box.stage_id == self._cursor.you_are_here
        border = palette.color(QPalette.ColorRole.Text if marked else QPalette.ColorRole.Mid)
        pen = QPen(border, 3 if marked else 1.5)
        if box.side:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(
            palette.color(QPalette.ColorRole.Base if box.side else QPalette.ColorRole.AlternateBase)
        )
        painter.drawRoundedRect(box.rect, 6, 6)

    def _draw_item(
        self, painter: QPainter, item: _Item, palette: QPalette, *, selected: bool, hovered: bool
    ) -> None:
        rect = item.rect.adjusted(1, 1, -1, -1) if item.is_stage else item.rect
        if selected:
            fill = palette.color(QPalette.ColorRole.Highlight)
            ink = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            fill = palette.color(
                QPalette.ColorRole.Button if item.is_stage else QPalette.ColorRole.Base
            )
            ink = palette.color(
                QPalette.ColorRole.ButtonText if item.is_stage else QPalette.ColorRole.Text
            )
        painter.setPen(
            Qt.PenStyle.NoPen
            if item.is_stage
            else QPen(palette.color(QPalette.ColorRole.Mid), 1)
        )
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 5, 5)
        if hovered and not selected:
            glow = QColor(palette.color(QPalette.ColorRole.Highlight))
            glow.setAlpha(45)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1))
            painter.setBrush(glow)
            painter.drawRoundedRect(rect, 5, 5)
        for text in item.texts:
            self._draw_text(painter, text, ink)
        for badge in item.badges:
            self._draw_badge(painter, badge, ink, fill)

    def _draw_text(self, painter: QPainter, text: _Text, color: QColor) -> None:
        painter.setFont(text.font)
        painter.setPen(color)
        flags = (
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        )
        for index, line in enumerate(text.lines):
            top = text.rect.top() + index * text.line_height
            painter.drawText(
                QRect(text.rect.left(), top, text.rect.width(), text.line_height), flags, line
            )

    def _draw_badge(self, painter: QPainter, badge: _Badge, ink: QColor, fill: QColor) -> None:
        """A text badge; approvals have a solid outline, a review a dashed one and a refusal a
        dotted one, so the kind shows by text and shape, never by colour alone."""
        pen = QPen(ink, 1)
        if badge.flag == "under-review":
            pen.setStyle(Qt.PenStyle.DashLine)
        elif badge.flag == "not-approved":
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge.rect.adjusted(0, 0, -1, -1), 4, 4)
        painter.setFont(badge.font)
        painter.setPen(ink)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(badge.rect.adjusted(2, 0, -2, 0), flags, badge.text)

    def _draw_arrow(self, painter: QPainter, points: tuple[QPoint, ...], color: QColor) -> None:
        painter.setPen(QPen(color, 2))
        painter.setBrush(color)
        painter.drawPolyline(list(points))
        tip, before = QPointF(points[-1]), QPointF(points[-2])
        direction = tip - before
        length = math.hypot(direction.x(), direction.y()) or 1.0
        unit = direction / length
        normal = QPointF(-unit.y(), unit.x())
        size = self._layout.arrow_size
        painter.drawPolygon(
            QPolygonF(
                [
                    tip,
                    tip - unit * size * 1.6 + normal * size,
                    tip - unit * size * 1.6 - normal * size,
                ]
            )
        )

    def _draw_pin(self, painter: QPainter, box: _Box, palette: QPalette) -> None:
        """The "you are here" flag: a labelled tab with a pointer into the stage box."""
        fill = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box.pin_label, 4, 4)
        painter.drawPolygon(box.pin_arrow)
        painter.setFont(self._layout.pin_font)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(box.pin_label, Qt.AlignmentFlag.AlignCenter, box.pin_text)

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

    def focusInEvent(self, event: QEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QEvent) -> None:
        self.update()
        super().focusOutEvent(event)

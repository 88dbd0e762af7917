"""The treatment path's geometry as plain data: where every stage, option, badge, arrow and
"you are here" flag goes at a given width and font. No painting: timeline_paint.py draws these
records on the screen, into the handout's picture or onto paper, and the widget answers hit tests
and size questions from them. Computed once per width, font, language or timeline, off the paint
path."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPolygonF, QTextLayout, QTextOption

from her2guide.content.hyphenate import SOFT_HYPHEN
from her2guide.content.status_text import LEGEND, Badge
from her2guide.i18n import _
from her2guide.timeline.model import Option, Stage, Timeline

_NAME_LINES = 6
_BRAND_LINES = 4
_HEADER_LINES = 4
_TITLE_LINES = 4
_MANY_OPTIONS = 5  # a stage with more options gets two columns when the width allows


@dataclass(frozen=True)
class LaidText:
    """Lines of one wrapped text, their box and font; line i starts at rect.top() + i * height."""

    lines: tuple[str, ...]
    rect: QRect
    font: QFont
    line_height: int

    def moved(self, dx: int, dy: int) -> LaidText:
        return replace(self, rect=self.rect.translated(dx, dy))


@dataclass(frozen=True)
class LaidBadge:
    flag: str
    text: str
    rect: QRect
    font: QFont

    def moved(self, dx: int, dy: int) -> LaidBadge:
        return replace(self, rect=self.rect.translated(dx, dy))


@dataclass(frozen=True)
class LaidItem:
    """A selectable thing on the timeline: a stage header or an option card."""

    id: str
    rect: QRect
    texts: tuple[LaidText, ...]
    badges: tuple[LaidBadge, ...] = ()
    tooltip: str = ""
    is_stage: bool = False

    def moved(self, dx: int, dy: int) -> LaidItem:
        return replace(
            self,
            rect=self.rect.translated(dx, dy),
            texts=tuple(text.moved(dx, dy) for text in self.texts),
            badges=tuple(badge.moved(dx, dy) for badge in self.badges),
        )


@dataclass(frozen=True)
class StageBox:
    stage_id: str
    rect: QRect
    side: bool
    pin_label: QRect
    pin_arrow: QPolygonF
    pin_text: str


@dataclass
class TimelineLayout:
    width: int = 0
    height: int = 0
    title: LaidText | None = None
    side_heading: LaidText | None = None
    side_rule_y: int = 0
    boxes: list[StageBox] = field(default_factory=list)
    items: dict[str, LaidItem] = field(default_factory=dict)
    arrows: list[tuple[QPoint, ...]] = field(default_factory=list)
    legend: list[tuple[LaidBadge, LaidText]] = field(default_factory=list)
    pin_font: QFont = field(default_factory=QFont)
    arrow_size: float = 5.0


@dataclass(frozen=True)
class Metrics:
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
    narrowest: int = 0
    """The width of the widest piece no line may break inside: the narrowest column."""

    @classmethod
    def of(cls, font: QFont) -> Metrics:
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


def _shown_line(line: str) -> str:
    """A wrapped line as drawn: a break at a soft hyphen shows a hyphen, other soft hyphens
    are invisible."""
    line = line.strip()
    if line.endswith(SOFT_HYPHEN):
        line = line[:-1] + "-"
    return line.replace(SOFT_HYPHEN, "")


def _wrap(text: str, font: QFont, width: int, max_lines: int) -> tuple[str, ...]:
    """Word-wrapped lines, breaking inside a word at its soft hyphens (shown as a hyphen), and
    elsewhere only when it is wider than the line. Past ``max_lines`` the last line is elided;
    every item's tooltip carries the full text."""
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
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    text_layout.endLayout()
    if len(lines) <= max_lines:
        return tuple(_shown_line(line) for line in lines)
    rest = "".join(lines[max_lines - 1 :]).replace(SOFT_HYPHEN, "").strip()
    lines = [_shown_line(line) for line in lines]
    last = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return (*lines[: max_lines - 1], last)


def widest_word(timeline: Timeline, m: Metrics, shown: Callable[[str], str]) -> int:
    """The column width the longest unbreakable piece of a label or name needs, with padding;
    ``shown`` gives a text as drawn (with its soft hyphens)."""
    bold, normal, small = QFontMetrics(m.bold), QFontMetrics(m.font), QFontMetrics(m.small)
    card_inset = 2 * (m.pad + max(3, m.pad // 2 + 1)) + 2

    def need(metrics: QFontMetrics, text: str, inset: int) -> list[int]:
        return [metrics.horizontalAdvance(piece) + inset for piece in _words(shown(text))]

    needs = [0]
    for stage in timeline.stages:
        needs += need(bold, stage.label, 2 * m.pad + 2)
        for option in stage.options:
            needs += need(normal, option.name, card_inset)
            needs += need(small, option.brand, card_inset)
    return max(needs)


def _words(text: str) -> list[str]:
    """The pieces a line may not break inside, as drawn at the end of a line: words, split
    after hyphens and at soft hyphens (which then show as a hyphen)."""
    pieces = re.findall(rf"[^\s\-{SOFT_HYPHEN}]+[\-{SOFT_HYPHEN}]?", text)
    return [piece.replace(SOFT_HYPHEN, "-") for piece in pieces]


def laid_text(text: str, font: QFont, x: int, y: int, width: int, max_lines: int) -> LaidText:
    lines = _wrap(text, font, width, max_lines)
    line_height = QFontMetrics(font).height()
    return LaidText(lines, QRect(x, y, width, line_height * len(lines)), font, line_height)


class TimelineLayouter:
    """Lays out one timeline with one set of metrics at any width.

    ``shown`` gives a label as drawn (with its soft hyphens); ``status_badges`` and
    ``status_lines`` give an option's approval badges and its status in words.
    """

    def __init__(
        self,
        timeline: Timeline | None,
        metrics: Metrics,
        shown: Callable[[str], str],
        status_badges: Callable[[Option], list[Badge]],
        status_lines: Callable[[Option], list[str]],
    ) -> None:
        self.timeline = timeline
        self.metrics = metrics
        self._shown = shown
        self.status_badges = status_badges
        self.status_lines = status_lines

    def layout(self, width: int) -> TimelineLayout:
        """Every record at ``width`` pixels."""
        m = self.metrics
        layout = TimelineLayout(width=width, arrow_size=max(5.0, m.em / 3))
        timeline = self.timeline
        if timeline is None:
            layout.height = 2 * m.margin
            return layout
        avail = max(m.narrowest, width - 2 * m.margin)
        title = self._shown(timeline.title)
        layout.title = laid_text(title, m.title, m.margin, m.margin, avail, _TITLE_LINES)
        layout.pin_font = m.small_bold
        y = layout.title.rect.bottom() + 1 + m.pad
        y = self._place_lane(layout, timeline.main_stages, y, avail, m, side=False)
        if timeline.side_stages:
            y += m.em
            layout.side_heading = laid_text(_("Special situations"), m.bold, m.margin, y, avail, 2)
            layout.side_rule_y = layout.side_heading.rect.bottom() + 3
            y = layout.side_rule_y + m.pad
            y = self._place_lane(layout, timeline.side_stages, y, avail, m, side=True)
        y = self._place_legend(layout, y + m.em, avail, m)
        layout.height = y + m.margin
        return layout

    def _place_lane(
        self,
        layout: TimelineLayout,
        stages: tuple[Stage, ...],
        y: int,
        avail: int,
        m: Metrics,
        *,
        side: bool,
    ) -> int:
        """Lays out one lane in as many rows as the width needs; returns the y below it."""
        if not stages:
            return y
        rows = self._rows(stages, avail, m, side=side)
        previous_box: StageBox | None = None
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
        self, stages: tuple[Stage, ...], avail: int, m: Metrics, *, side: bool
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

    def _side_columns(self, stage: Stage, box_width: float, m: Metrics) -> int:
        fitting = int((box_width + m.pad) // (m.unit_min + m.pad))
        return max(1, min(len(stage.options), fitting))

    def _measure_stage(
        self, stage: Stage, width: int, columns: int, m: Metrics
    ) -> tuple[LaidItem, list[LaidItem], int]:
        """The header and option cards relative to the box (options relative to below the
        header), and the height the options need."""
        label = laid_text(
            self._shown(stage.label), m.bold, m.pad, m.pad, width - 2 * m.pad, _HEADER_LINES
        )
        tooltip = stage.label + "\n\n" + stage.description
        header = LaidItem(
            stage.id,
            QRect(0, 0, width, label.rect.height() + 2 * m.pad),
            (label,),
            tooltip=tooltip,
            is_stage=True,
        )
        spacing = max(3, m.pad // 2)
        column_width = (width - 2 * m.pad - (columns - 1) * m.pad) // columns
        per_column = math.ceil(len(stage.options) / columns) if stage.options else 0
        options: list[LaidItem] = []
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

    def _measure_option(self, stage: Stage, option: Option, width: int, m: Metrics) -> LaidItem:
        inset = max(3, m.pad // 2 + 1)
        inner = width - 2 * inset
        name = laid_text(self._shown(option.name), m.font, inset, inset, inner, _NAME_LINES)
        texts = [name]
        y = name.rect.bottom() + 1
        if option.brand:
            brand = laid_text(self._shown(option.brand), m.small, inset, y, inner, _BRAND_LINES)
            texts.append(brand)
            y = brand.rect.bottom() + 1
        badges = self._badges(self.status_badges(option), inset, y + 3, inner, m)
        if badges:
            y = max(badge.rect.bottom() for badge in badges) + 1
        words = self.status_lines(option) or [_("Approval for this use: not confirmed")]
        tooltip = "\n".join([option.label, stage.label, *words])
        return LaidItem(
            option.id, QRect(0, 0, width, y + inset), tuple(texts), tuple(badges), tooltip=tooltip
        )

    def _badges(
        self, wanted: list[Badge], x0: int, y0: int, width: int, m: Metrics
    ) -> list[LaidBadge]:
        """Badges side by side; one with a long condition gets a row of its own and wraps."""
        metrics = QFontMetrics(m.small)
        placed: list[LaidBadge] = []
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
            placed.append(LaidBadge(badge.kind, badge.text, rect, m.small))
            row_bottom = max(row_bottom, rect.bottom())
            x += badge_width + 4
        return placed

    def _box(self, stage_id: str, rect: QRect, side: bool, m: Metrics) -> StageBox:
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
        return StageBox(stage_id, rect, side, label, arrow, text)

    def _arrow(
        self, before: StageBox, after: StageBox, header_height: int, m: Metrics
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

    def _place_legend(self, layout: TimelineLayout, y: int, avail: int, m: Metrics) -> int:
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
            badge = LaidBadge(flag, badge_text, QRect(x, y, badge_width, m.badge_height), m.small)
            text = laid_text(words, m.small, x + badge_width + 6, y + 1, words_width, 1)
            layout.legend.append((badge, text))
            x += entry + m.em
        return y + row_height

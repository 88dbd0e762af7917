"""Draws a laid-out treatment path (timeline_geometry.py) with a palette: on the screen (the
widget adds the selection, hover and focus ring) and as a picture for handouts and paper."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QPolygonF

from her2guide.ui.timeline_geometry import LaidBadge, LaidItem, LaidText, StageBox, TimelineLayout


@dataclass(frozen=True)
class TimelinePainter:
    """One layout in one palette; ``marked`` is the stage with the "you are here" flag."""

    layout: TimelineLayout
    palette: QPalette
    marked: str | None

    def image(self, scale: float = 2.0) -> QImage:
        """The whole timeline as an image: "you are here" is drawn, a selection is not."""
        layout = self.layout
        size = QSize(max(1, layout.width), max(1, layout.height))
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        painter = QPainter(image)
        self.paint(painter, size)
        painter.end()
        return image

    def paint(
        self,
        painter: QPainter,
        fill: QSize,
        *,
        selected: str | None = None,
        hovered: str | None = None,
        focus_ring: bool = False,
    ) -> None:
        """Draws everything; ``fill`` (at least the layout's size) is painted in the base
        colour first. The selection, hover and focus ring are only for the screen."""
        layout = self.layout
        palette = self.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(
            QRect(0, 0, max(layout.width, fill.width()), max(layout.height, fill.height())),
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
        for box in layout.boxes:
            self._draw_box(painter, box, palette)
        for item in layout.items.values():
            self._draw_item(
                painter, item, palette, selected=item.id == selected, hovered=item.id == hovered
            )
        marked = self.marked
        for box in layout.boxes:
            if box.stage_id == marked:
                self._draw_pin(painter, box, palette)
        for badge, text in layout.legend:
            self._draw_badge(painter, badge, text_color, palette.color(QPalette.ColorRole.Base))
            self._draw_text(painter, text, text_color)
        if focus_ring and selected in layout.items:
            pen = QPen(text_color, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(layout.items[selected].rect.adjusted(-3, -3, 3, 3), 5, 5)

    def _draw_box(self, painter: QPainter, box: StageBox, palette: QPalette) -> None:
        marked = box.stage_id == self.marked
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
        self, painter: QPainter, item: LaidItem, palette: QPalette, *, selected: bool, hovered: bool
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
            Qt.PenStyle.NoPen if item.is_stage else QPen(palette.color(QPalette.ColorRole.Mid), 1)
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

    def _draw_text(self, painter: QPainter, text: LaidText, color: QColor) -> None:
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

    def _draw_badge(self, painter: QPainter, badge: LaidBadge, ink: QColor, fill: QColor) -> None:
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
        size = self.layout.arrow_size
        painter.drawPolygon(
            QPolygonF(
                [
                    tip,
                    tip - unit * size * 1.6 + normal * size,
                    tip - unit * size * 1.6 - normal * size,
                ]
            )
        )

    def _draw_pin(self, painter: QPainter, box: StageBox, palette: QPalette) -> None:
        """The "you are here" flag: a labelled tab with a pointer into the stage box."""
        fill = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box.pin_label, 4, 4)
        painter.drawPolygon(box.pin_arrow)
        painter.setFont(self.layout.pin_font)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(box.pin_label, Qt.AlignmentFlag.AlignCenter, box.pin_text)

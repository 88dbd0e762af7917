"""The title bar of the side panels (dock windows) grows with the reader's text size.

Qt draws a dock's title in the font the dock had when it was made (``QDockWidget`` keeps a copy),
so after the reader chose larger text the title stayed small while the bar grew, and Fusion
gives the close and float buttons 10-px icons at any text size. Here the title is drawn in the
dock's own font, which follows the application font like the rest of the chrome, and the icons
grow in proportion to it; the buttons are at least the minimum target (larger in counselling).
At 100 % everything is as Fusion and the minimum target make it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionDockWidget,
    QWidget,
)

from her2guide.ui.app_text_size import system_font
from her2guide.ui.theming import FocusRingStyle, minimum_target

_DOCK_BUTTONS = ("qt_dockwidget_closebutton", "qt_dockwidget_floatbutton")
"""The names Qt gives the buttons in a dock window's title bar."""

# Looked up once: Qt calls the style's methods often (see theming).
_TITLE = QStyle.ControlElement.CE_DockWidgetTitle
_SMALL_ICON = QStyle.PixelMetric.PM_SmallIconSize
_BUTTON_MARGIN = QStyle.PixelMetric.PM_DockWidgetTitleBarButtonMargin
_CLOSE = QStyle.SubElement.SE_DockWidgetCloseButton
_FLOAT = QStyle.SubElement.SE_DockWidgetFloatButton
_TITLE_TEXT = QStyle.SubElement.SE_DockWidgetTitleBarText
_FONT_CHANGE = QEvent.Type.FontChange
_ICON_PADDING = 2
"""Pixels on each side of an icon that has outgrown the minimum target."""


def _text_ratio(metrics: QFontMetrics) -> float:
    """How much larger than the system's font the text is (1.0 at 100 %)."""
    return metrics.height() / max(1, QFontMetrics(system_font()).height())


class DockTitleStyle(FocusRingStyle):
    """:class:`~her2guide.ui.theming.FocusRingStyle` for dock windows and their title bar's
    buttons only (the dock places the buttons by the same sizes the buttons take): the title in
    the dock's font, icons as large as the text asks, buttons at least the minimum target."""

    def polish(self, target: QWidget | QApplication | QPalette) -> None:  # type: ignore[override]
        QProxyStyle.polish(self, target)  # type: ignore[arg-type]
        if isinstance(target, QAbstractButton):
            target.installEventFilter(self)

    def unpolish(self, target: QWidget | QApplication) -> None:  # type: ignore[override]
        if isinstance(target, QAbstractButton):
            target.removeEventFilter(self)
        QProxyStyle.unpolish(self, target)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A title button keeps its icon size until its style changes, not when its font
        does: it is told that its style changed, so that it asks again."""
        if event.type() == _FONT_CHANGE:
            QApplication.sendEvent(watched, QEvent(QEvent.Type.StyleChange))
        return False

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is _TITLE and widget is not None:
            painter.setFont(widget.font())  # not the copy Qt made when the dock was made
            option.fontMetrics = widget.fontMetrics()
        super().drawControl(element, option, painter, widget)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if widget is None:
            return value
        if metric is _SMALL_ICON:  # the dock's buttons draw 5/8 of it
            return round(value * _text_ratio(widget.fontMetrics()))
        if metric is _BUTTON_MARGIN:  # the button asks for its side and a pixel each way
            icon = self._icon_side(widget.fontMetrics())
            return max(value, (self._button_side(widget.fontMetrics()) - icon + 1) // 2 + 1)
        return value

    def subElementRect(
        self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None
    ) -> QRect:
        """The close and float buttons are squares at the bar's right end, the title left of
        them. Fusion makes a button its icon's size plus one margin, which falls short of a
        44-px target (34 px) while the margin counts twice in the title bar's height."""
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]  # may be None
        if (
            element in (_CLOSE, _FLOAT, _TITLE_TEXT)
            and isinstance(option, QStyleOptionDockWidget)
            and not option.verticalTitleBar  # the app's docks have none; Fusion places those
        ):
            metrics = widget.fontMetrics() if widget is not None else option.fontMetrics
            close, float_ = _dock_buttons(option, self._button_side(metrics))
            if element is _CLOSE:
                return close
            if element is _FLOAT:
                return float_
            margin = self.pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleMargin, option, widget)
            leftmost = min((r.left() for r in (close, float_) if not r.isNull()), default=None)
            if leftmost is not None:
                rect.setRight(min(rect.right(), leftmost - 1 - margin))
        return rect

    def _icon_side(self, metrics: QFontMetrics) -> int:
        """Pixels: the icon a dock's button draws with text of these metrics (Fusion's 10 at
        100 %)."""
        small = super().pixelMetric(_SMALL_ICON)
        return round(small * _text_ratio(metrics)) * 5 // 8

    def _button_side(self, metrics: QFontMetrics) -> int:
        return max(minimum_target(), self._icon_side(metrics) + 2 * _ICON_PADDING)


def _dock_buttons(option: QStyleOptionDockWidget, side: int) -> tuple[QRect, QRect]:
    """Where a dock's close and float buttons go in its title bar (empty if it has none): at
    the right end, side by side, as Fusion places them, but squares of ``side``."""
    bar = option.rect
    top = bar.center().y() - side // 2
    right = bar.right()
    close = float_ = QRect()
    if option.closable:
        close = QRect(right - side, top, side, side)
        right = close.left() - 1
    if option.floatable:
        float_ = QRect(right - side, top, side, side)
    return close, float_


_style: DockTitleStyle | None = None


def use_dock_title_style(dock: QDockWidget) -> None:
    """Gives the dock and its title bar's buttons :class:`DockTitleStyle` (the one instance,
    made when first needed): only they pay for its answers from Python."""
    global _style
    if _style is None:
        _style = DockTitleStyle("Fusion")
    dock.setStyle(_style)
    for button in dock.findChildren(QAbstractButton):
        if button.objectName() in _DOCK_BUTTONS:
            button.setStyle(_style)

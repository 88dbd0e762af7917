"""Applies a colour theme to the whole application: Qt's palette, a clearly visible focus ring,
and the named colours widgets ask for. The reader's choice ("system" follows the desktop's
colour scheme and contrast setting) is kept in the settings."""

from __future__ import annotations

from typing import ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from her2guide import themes
from her2guide.contrast import GRAPHICS, contrast_ratio
from her2guide.qt_palette import palette_for
from her2guide.settings import Settings
from her2guide.themes import Theme

FOCUS_RING_WIDTH = 2
"""Pixels; with the theme's focus colour (at least 3:1 against every background) it stays
visible for readers with low vision, unlike Fusion's faint, translucent focus rectangle."""

MINIMUM_TARGET = 24
"""Pixels: the least width and height of anything clicked (WCAG 2.5.8, target size)."""

# Qt calls the style's methods thousands of times per repaint; a Python enum attribute costs a
# lookup each time, so the few compared against are looked up once.
_FOCUS_RECT = QStyle.PrimitiveElement.PE_FrameFocusRect
_FRAME_WIDTH = QStyle.PixelMetric.PM_DefaultFrameWidth
_SCROLL_BAR = QStyle.ComplexControl.CC_ScrollBar

_current: Theme = themes.LIGHT
_controller: ThemeController | None = None
_minimum_target = MINIMUM_TARGET


def controller() -> ThemeController | None:
    """The application's theme controller (the main window makes it), if there is one."""
    return _controller if _controller is not None and shiboken6.isValid(_controller) else None


def current_theme() -> Theme:
    """The theme in use: widgets that draw their own colours take them from here."""
    return _current


def theme_colour(name: str) -> QColor:
    """A named colour of the current theme (see ``themes.COLOUR_NAMES``)."""
    return QColor(_current.colours[name])


def minimum_target() -> int:
    """Pixels: the least width and height of anything clicked, as set now."""
    return _minimum_target


def set_minimum_target(pixels: int) -> None:
    """Makes every button, field and box at least ``pixels`` wide and high (larger targets for
    a shared screen in counselling); every widget is told that its style changed."""
    global _minimum_target
    _minimum_target = pixels
    app = QApplication.instance()
    if isinstance(app, QApplication):
        for widget in app.allWidgets():
            QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))


def tinted_icon(icon: QIcon, colour: QColor, sizes: tuple[int, ...] = (16, 24, 32, 48)) -> QIcon:
    """The icon's shape in one colour: Fusion's dark arrows vanish on a dark theme."""
    tinted = QIcon()
    for size in sizes:
        pixmap = icon.pixmap(size, size)
        if pixmap.isNull():
            continue
        shape = QPixmap(pixmap)
        painter = QPainter(shape)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(shape.rect(), colour)
        painter.end()
        tinted.addPixmap(shape)
    return tinted


class FocusRingStyle(QProxyStyle):
    """Fusion with outlines that can be seen, for readers with low vision.

    Fusion draws the edges of fields, buttons, check boxes and scroll-bar handles a shade
    darker than the window (about 2:1, invisible in a black high-contrast theme) and its focus
    rectangle translucent. Here those edges are drawn in the palette's Mid colour and the
    focused control gets a solid ring in the theme's focus colour, whether focus came by key or
    by mouse; both colours reach 3:1 against every background (tests/test_themes.py).
    """

    _FOCUS_FRAMES = (
        QStyle.PrimitiveElement.PE_PanelButtonCommand,
        QStyle.PrimitiveElement.PE_FrameLineEdit,
        QStyle.PrimitiveElement.PE_Frame,
    )
    _EDGES: ClassVar[dict[QStyle.PrimitiveElement, float]] = {
        QStyle.PrimitiveElement.PE_PanelButtonCommand: 2.0,
        QStyle.PrimitiveElement.PE_FrameLineEdit: 2.0,
        QStyle.PrimitiveElement.PE_IndicatorCheckBox: 1.0,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton: -1.0,
    }
    """Elements whose edge is redrawn, with the corner radius (-1 for a circle)."""
    _TARGETS = (
        QStyle.ContentsType.CT_PushButton,
        QStyle.ContentsType.CT_ToolButton,
        QStyle.ContentsType.CT_CheckBox,
        QStyle.ContentsType.CT_RadioButton,
        QStyle.ContentsType.CT_ComboBox,
        QStyle.ContentsType.CT_LineEdit,
        QStyle.ContentsType.CT_SpinBox,
    )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is _FOCUS_RECT:
            background = getattr(option, "backgroundColor", None)
            _ring(painter, QRectF(option.rect), _ring_colour(option.palette, background))
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in self._EDGES:
            _edge(painter, QRectF(option.rect), option.palette, self._EDGES[element])
        if (
            element in self._FOCUS_FRAMES  # first: most elements are none, and cheap to tell
            and option.state & QStyle.StateFlag.State_HasFocus
            and _draws_own_frame(element, widget)
        ):
            _ring(painter, QRectF(option.rect), theme_colour("focus"))

    def polish(self, target: QWidget | QApplication | QPalette) -> None:  # type: ignore[override]
        """Scroll areas are given :class:`RoomyStyle`, the only widgets besides the dock
        windows (:mod:`her2guide.ui.dock_title`) whose sizes differ from Fusion's (see there
        why not all widgets); it polishes them in turn."""
        if isinstance(target, QWidget) and _wants_room(target):
            target.setStyle(roomy_style())
            return
        super().polish(target)

    def sizeFromContents(
        self,
        contents: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        """Buttons, fields and boxes are never smaller than the minimum target size."""
        result = super().sizeFromContents(contents, option, size, widget)
        if contents in self._TARGETS:
            result = result.expandedTo(QSize(_minimum_target, _minimum_target))
        return result

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control is _SCROLL_BAR:
            handle = self.subControlRect(
                control, option, QStyle.SubControl.SC_ScrollBarSlider, widget
            )
            if handle.isValid():
                _edge(painter, QRectF(handle), option.palette, 2.0)


class RoomyStyle(FocusRingStyle):
    """:class:`FocusRingStyle` with room for the whole focus ring around text views and lists.

    Only the widgets that need these sizes have this style: Qt asks a style for its sizes
    thousands of times while it lays out the window, and each answer from Python costs as
    much as a dozen from Fusion, so the application's style leaves sizes to Fusion.
    """

    def polish(self, target: QWidget | QApplication | QPalette) -> None:  # type: ignore[override]
        QProxyStyle.polish(self, target)  # type: ignore[arg-type]

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric is _FRAME_WIDTH and isinstance(widget, QAbstractScrollArea):
            return max(value, FOCUS_RING_WIDTH)
        return value


_roomy: RoomyStyle | None = None


def roomy_style() -> RoomyStyle:
    """The one :class:`RoomyStyle`, made when a widget first needs it."""
    global _roomy
    if _roomy is None:
        _roomy = RoomyStyle("Fusion")
    return _roomy


def _wants_room(widget: QWidget) -> bool:
    """Scroll areas: the focus ring's room (dock windows take their own style, see
    :mod:`her2guide.ui.dock_title`)."""
    return isinstance(widget, QAbstractScrollArea)


def _edge(painter: QPainter, rect: QRectF, palette: QPalette, radius: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    if radius < 0:
        painter.drawEllipse(inner)
    else:
        painter.drawRoundedRect(inner, radius, radius)
    painter.restore()


def _ring_colour(palette: QPalette, background: QColor | None) -> QColor:
    """The focus colour, unless the ring is drawn on a fill it would vanish on (the focus
    colour may be the selection colour): then the text colour that stands out most there."""
    focus = theme_colour("focus")
    if background is None or not background.isValid():
        return focus
    if contrast_ratio(focus.name(), background.name()) >= GRAPHICS:
        return focus
    candidates = [
        palette.color(role)
        for role in (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Text)
    ]
    return max(candidates, key=lambda colour: contrast_ratio(colour.name(), background.name()))


def _ring(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    inset = FOCUS_RING_WIDTH / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, FOCUS_RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), 3, 3)
    painter.restore()


def _draws_own_frame(element: QStyle.PrimitiveElement, widget: QWidget | None) -> bool:
    """PE_Frame is also drawn for menus, tooltips and plain frames; only scroll areas (text
    views, lists, the contents) take the focus among them."""
    if element != QStyle.PrimitiveElement.PE_Frame:
        return True
    return isinstance(widget, QAbstractScrollArea)


class ThemeController(QObject):
    """Owns the theme choice; applies the resolved theme to the application.

    Signals:
        theme_changed(object): the newly applied :class:`~her2guide.themes.Theme`.
        choice_changed(str): the reader chose another entry (menu or preferences).
    """

    theme_changed = Signal(object)
    choice_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._choice = settings.theme
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_system_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._on_system_changed)
        self._theme = self._resolve()
        _apply(self._theme)
        global _controller
        _controller = self

    @property
    def choice(self) -> str:
        return self._choice

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_choice(self, choice: str) -> None:
        """Remembers the reader's choice and applies the theme it stands for."""
        if choice not in themes.CHOICES:
            raise ValueError(f"unknown theme {choice!r}")
        changed = choice != self._choice
        self._choice = choice
        self.settings.theme = choice
        if changed:
            self.choice_changed.emit(choice)
        self._update()

    def _on_system_changed(self, *_args: object) -> None:
        if self._choice == themes.SYSTEM:
            self._update()

    def _update(self) -> None:
        theme = self._resolve()
        if theme is not self._theme:
            self._theme = theme
            _apply(theme)
            self.theme_changed.emit(theme)

    def _resolve(self) -> Theme:
        dark, high_contrast = system_preferences()
        return themes.resolve(self._choice, system_dark=dark, system_high_contrast=high_contrast)


def system_preferences() -> tuple[bool, bool]:
    """Whether the desktop asks for dark colours, and whether it asks for high contrast."""
    hints = QGuiApplication.styleHints()
    contrast = hints.accessibility().contrastPreference()
    return (
        hints.colorScheme() == Qt.ColorScheme.Dark,
        contrast == Qt.ContrastPreference.HighContrast,
    )


def _apply(theme: Theme) -> None:
    global _current
    _current = theme
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle("Fusion"))
    app.setPalette(palette_for(theme))

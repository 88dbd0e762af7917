"""One text size for the whole app: the application font follows the reader's text size.

Menus, the toolbar, tooltips, dialogs and panels take the application font unless they set
their own, so scaling it once makes them all grow with the page. The system's font at 100 % is
remembered the first time, so that going back to 100 % gives exactly the system's size.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QToolTip

_system_font: QFont | None = None


def system_font() -> QFont:
    """The application font as the system set it, before any scaling."""
    global _system_font
    if _system_font is None:
        _system_font = QFont(QApplication.font())
    return QFont(_system_font)


def scaled_system_font(percent: int) -> QFont:
    """The system's font at ``percent`` of its size."""
    font = system_font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * percent / 100)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    return font


def apply_app_text_scale(percent: int) -> None:
    """Sets the application font (and the tooltips' font) to ``percent`` of the system's."""
    font = scaled_system_font(percent)
    if QApplication.font() != font:
        QApplication.setFont(font)
    QToolTip.setFont(font)

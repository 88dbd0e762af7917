"""A colour theme (plain data in themes.py) as Qt's palette.

Below both the interface (``ui.theming`` applies it to the application) and printing (paper is
always painted with the light palette), so that printing never has to import the interface.
Qt GUI only, no widgets."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from her2guide.themes import Theme


def palette_for(theme: Theme) -> QPalette:
    """The theme's colours as a QPalette: the same in active and inactive windows, so that a
    selection does not fade when another window has the focus."""
    palette = QPalette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    for role_name, colour in theme.palette.items():
        role = QPalette.ColorRole[role_name]
        for group in (*groups, QPalette.ColorGroup.Disabled):
            palette.setColor(group, role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role_name, colour in theme.disabled.items():
        palette.setColor(disabled, QPalette.ColorRole[role_name], QColor(colour))
    return palette

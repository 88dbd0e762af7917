"""The app's icon and the icons of its actions.

Actions use the desktop's icon theme (freedesktop names such as ``go-home``) where it has one, so
that the app looks at home on the desktop, and otherwise the drawings in resources/icons/actions/
(Windows, macOS, a bare desktop, offscreen). The app's own icon is drawn for it
(resources/icons/hicolor/, rendered from its SVG by scripts/render-icons.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
TREATMENT_PATH = "her2guide-treatment-path"
"""No icon theme has one for a treatment path: always the bundled drawing."""


def action_icon(name: str, resources: Path) -> QIcon:
    """The theme's icon ``name``, else the bundled drawing of the same name."""
    return QIcon.fromTheme(name, QIcon(str(resources / "icons" / "actions" / f"{name}.svg")))


def app_icon(resources: Path) -> QIcon:
    """The app's own icon, in every drawn size (the window title bar, the task bar, Alt+Tab)."""
    icon = QIcon()
    hicolor = resources / "icons" / "hicolor"
    for size in APP_ICON_SIZES:
        icon.addFile(str(hicolor / f"{size}x{size}" / "apps" / "her2guide.png"))
    return icon

"""Renders the app icon (resources/icons/hicolor/scalable/apps/her2guide.svg) to the PNG sizes a
desktop's icon theme looks for, with Qt's own SVG renderer:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render-icons.py

The PNGs are committed (resources/icons/hicolor/<size>x<size>/apps/her2guide.png), so that desktops
and the window title bar need no SVG support; run this again after changing the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HICOLOR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HICOLOR / "scalable" / "apps" / "her2guide.svg"))
    if not renderer.isValid():
        print("the app icon's SVG cannot be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = HICOLOR / f"{size}x{size}" / "apps" / "her2guide.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(HICOLOR.parent.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The app as tests/test_screen_reader.py shows it to a screen reader: English, a page open and
the treatment path visited (so that both views exist), for at most a minute.

Run as ``python -m tests.atspi_app`` under Xvfb with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.settings import Settings
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow

PAGE = "side-effects"
TIMELINE_STAGE = "second-line"
LIFETIME_MS = 60_000


def main() -> int:
    app = create_application()
    settings = Settings()
    languages = LanguageController("en", app)
    window = MainWindow(
        Library(content_dir(), resources_dir()), settings, languages, start_page=PAGE
    )
    window.show()
    window.show_timeline(TIMELINE_STAGE)
    window.go_back()
    QTimer.singleShot(LIFETIME_MS, app.quit)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

"""A whole session as a reader has it: start, every page in both languages, the timeline, a
search, a language switch and a page printed to PDF.

Used by tests/test_offline.py in-process (with Python's sockets blocked) and as a separate
process under strace (which sees the sockets Qt itself might open):
``python -m tests.offline_session OUT_DIR``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.i18n import LANGUAGES
from her2guide.paths import content_dir, resources_dir
from her2guide.settings import Settings
from her2guide.ui import print_support
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow


@dataclass
class SessionReport:
    pages_shown: list[str] = field(default_factory=list)
    search_results: int = 0
    opened_from_search: str | None = None
    pdf: Path | None = None


def run_session(out_dir: Path, settings: Settings | None = None) -> SessionReport:
    app = create_application()
    report = SessionReport()
    languages = LanguageController("en")
    library = Library(content_dir(), resources_dir())
    window = MainWindow(library, settings or Settings(), languages)
    window.show()
    try:
        for lang in LANGUAGES:
            languages.set_language(lang)
            for page_id in sorted(window.content.pages):
                window.open_page(page_id)
                app.processEvents()
                if window.current_page == page_id:
                    report.pages_shown.append(f"{lang}/{page_id}")
            window.show_timeline()
            app.processEvents()
        languages.set_language("en")
        box = window.search_tools.search_box
        box.setFocus()
        QTest.keyClicks(box, "trastuzumab")
        app.processEvents()
        report.search_results = len(box.panel.results)
        QTest.keyClick(box, Qt.Key.Key_Down)
        QTest.keyClick(box, Qt.Key.Key_Return)
        app.processEvents()
        report.opened_from_search = window.current_page
        window.switch_language_action.trigger()
        app.processEvents()
        # The app's own File -> Save this page as PDF, with the file dialog answered.
        report.pdf = out_dir / "page.pdf"
        print_support.choose_pdf_file = lambda _parent, _suggested: report.pdf
        window.care_tools.pdf_action.trigger()
        window.close()
    finally:
        languages.set_language("en")
        window.deleteLater()
        QCoreApplication.processEvents()
    return report


if __name__ == "__main__":
    result = run_session(Path(sys.argv[1]))
    print(f"pages={len(result.pages_shown)} results={result.search_results} pdf={result.pdf}")

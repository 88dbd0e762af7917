"""Start-up: the one ``main()`` behind ``her2guide`` and ``python -m her2guide``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from her2guide import __version__
from her2guide.cli import parse_args
from her2guide.paths import content_dir, resources_dir


def create_application(argv: Sequence[str] | None = None):
    """The QApplication with the identity Qt uses for settings paths; reused if one exists."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName("her2guide")
    app.setApplicationName("her2guide")
    app.setApplicationDisplayName("HER2 Guide")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    if args.command == "check":
        from her2guide.content.check import run_check

        return run_check(args.folder or content_dir(), resources_dir(), stats=args.stats)
    if args.command == "handout":
        from her2guide.printing.command import run_handout

        return run_handout(args, args.content)

    from PySide6.QtCore import QEvent, QLocale, QObject, QTimer

    from her2guide.content.library import Library
    from her2guide.i18n import system_language
    from her2guide.settings import Settings
    from her2guide.ui.errors import ErrorReporter
    from her2guide.ui.language import LanguageController
    from her2guide.ui.main_window import MainWindow
    from her2guide.userfolders import cache_folder, log_path

    app = create_application()
    settings = Settings()
    ErrorReporter(log_path(), before_dialog=settings.sync, parent=app).install()
    lang = args.lang or settings.language or system_language(QLocale.system().name())
    languages = LanguageController(lang, app)
    library = Library(
        (args.content or content_dir()).resolve(), resources_dir(), cache=cache_folder()
    )
    window = MainWindow(library, settings, languages, start_page=args.page)
    settings.language = lang

    if args.quit_after_paint:

        class _QuitOnPaint(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    QTimer.singleShot(0, app.quit)
                return False

        quitter = _QuitOnPaint(window)
        window.reader.viewport().installEventFilter(quitter)

    window.show()
    if not args.quit_after_paint and not settings.notice_acknowledged:
        from her2guide.ui.first_start import show_first_start_notice

        show_first_start_notice(settings, languages, window)
    return app.exec()

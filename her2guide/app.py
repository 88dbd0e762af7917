"""Start-up: the one ``main()`` behind ``her2guide`` and ``python -m her2guide``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from her2guide import __version__
from her2guide.cli import build_parser
from her2guide.paths import content_dir, resources_dir


def create_application(argv: Sequence[str] | None = None):
    """The QApplication with the identity Qt uses for settings paths; reused if one exists."""
    from PySide6.QtWidgets import QApplication

    from her2guide.ui.icons import app_icon

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName("her2guide")
    app.setApplicationName("her2guide")
    app.setApplicationDisplayName("HER2 Guide")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("her2guide")  # ties the window to the installed desktop entry
    app.setWindowIcon(app_icon(resources_dir()))
    app.setStyle("Fusion")
    return app


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if "run" in args:
        return args.run(args)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from her2guide.desktop_entry import run

        return run(resources_dir(), remove=args.uninstall_desktop_entry)
    if args.content is not None:
        from her2guide.content.folder import folder_problem

        unusable = folder_problem(args.content)
        if unusable:
            parser.error(f"--content {args.content}: {unusable}")

    # Qt-free, so imported before Qt: PySide reads the source of every module imported after it
    # (looking for its __feature__ switches), which costs time and keeps the text in memory.
    from her2guide.content.library import Library
    from her2guide.qt_messages import install_filter

    install_filter()

    from PySide6.QtCore import QEvent, QLocale, QObject, QTimer

    from her2guide.i18n import system_language
    from her2guide.settings import Settings
    from her2guide.ui.errors import ErrorReporter
    from her2guide.ui.language import LanguageController
    from her2guide.ui.main_window import MainWindow
    from her2guide.userfolders import cache_folder, log_path

    app = create_application()
    settings = Settings()
    ErrorReporter(log_path(), before_dialog=settings.sync, parent=app).install()
    saved = settings.language or system_language(QLocale.system().name())
    lang = args.lang or saved
    library = Library(
        (args.content or content_dir()).resolve(), resources_dir(), cache=cache_folder()
    )
    pages = library.language(lang).pages
    if args.page and args.page not in pages:
        parser.error(f"--page {args.page}: no such page; the pages are: {', '.join(sorted(pages))}")
    languages = LanguageController(lang, app)
    window = MainWindow(library, settings, languages, start_page=args.page)
    # A one-off --lang is for this start only: the next start is in the reader's own language.
    settings.language = saved

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

"""The live language switch: gettext catalog, Qt's own translations and the change event.

A switch also takes away what belongs to the old language and is not a widget's text: an open
tooltip or popup (a menu, a completer list) and the application's display name, which Qt appends
to every window title that does not already end with it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QToolTip

from her2guide import i18n


class LanguageController(QObject):
    """Owns the current language; one call switches every window, dialog and page.

    Signals:
        language_changed(str): the new language code, after every catalog is swapped.
    """

    language_changed = Signal(str)

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qt_translator: QTranslator | None = None
        self._apply(lang)

    @property
    def language(self) -> str:
        return i18n.current_language()

    def set_language(self, lang: str) -> None:
        if lang == self._applied == self.language:
            return
        self._apply(lang)
        self.language_changed.emit(lang)

    def toggle(self) -> None:
        """Switches to the other language (the app has two)."""
        others = [lang for lang in i18n.LANGUAGES if lang != self.language]
        self.set_language(others[0])

    def _apply(self, lang: str) -> None:
        self._applied = lang
        i18n.set_current_language(lang)
        QLocale.setDefault(QLocale(lang))
        app = QCoreApplication.instance()
        if app is None:
            return
        if isinstance(app, QGuiApplication):
            app.setApplicationDisplayName(i18n.window_title())
        if isinstance(app, QApplication):
            _close_transient_windows()
        announced = False
        if self._qt_translator is not None:
            app.removeTranslator(self._qt_translator)
            self._qt_translator = None
            announced = True
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if lang != i18n.DEFAULT_LANGUAGE and translator.load(f"qtbase_{lang}", folder):
            app.installTranslator(translator)
            self._qt_translator = translator
            announced = True
        if not announced:
            QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))


def _close_transient_windows() -> None:
    """Hides the tooltip and closes open popups: they show the old language's text and would
    otherwise stay over the switched window (a tooltip for about ten seconds)."""
    QToolTip.hideText()
    for _attempt in range(10):  # popups close one at a time, innermost first
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()

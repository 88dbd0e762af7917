"""The live language switch: gettext catalog, Qt's own translations and the change event.

A switch also takes away what belongs to the old language and is not a widget's text: an open
tooltip or popup (a menu, a completer list) and the application's display name, which Qt appends
to every window title that does not already end with it.

Qt tells the widgets of a new language by posted events, and the new words then post the layout
work they cause; left to the event loop, the window would be painted once with the new words in
the old places (clipped or overlapping) and again a moment later. The switch delivers both before
it returns, so that the next paint is the only one, in the new language and its final layout.
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
        _relabel_and_lay_out_now()

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


_SETTLING_PASSES = 8
"""Enough for the nesting of the window's layouts (a button in a toolbar in the window) and the
refitting they start; a pass with nothing left to do costs next to nothing."""
_SETTLING_EVENTS = (
    QEvent.Type.LanguageChange,  # to the application, then to its windows, then their widgets
    QEvent.Type.MetaCall,  # work deferred "until the current events are done" (window fitting)
    QEvent.Type.LayoutRequest,  # the new words' sizes, once the window has been refitted to them
)


def _relabel_and_lay_out_now() -> None:
    """Sends the language change to every widget and the layout work it causes now, not on the
    event loop's next rounds, which would paint the window in between. Each pass sends only
    what was posted before it began (Qt's guard against endless loops), hence several."""
    for _pass in range(_SETTLING_PASSES):
        for kind in _SETTLING_EVENTS:
            QCoreApplication.sendPostedEvents(None, kind.value)


def _close_transient_windows() -> None:
    """Hides the tooltip and closes open popups: they show the old language's text and would
    otherwise stay over the switched window (a tooltip for about ten seconds)."""
    QToolTip.hideText()
    for _attempt in range(10):  # popups close one at a time, innermost first
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()

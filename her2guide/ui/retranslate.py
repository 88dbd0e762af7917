"""One way to follow a language switch: every text set again by ``retranslate_ui()``.

Qt sends each widget a LanguageChange event once a new translator is installed
(:mod:`her2guide.ui.language`). Widgets and dialogs take :class:`Retranslating` as their first
base; the features, which are not widgets, call :func:`retranslate_on_language_change` with the
window they add to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class Retranslating:
    """Mixin for a widget with a ``retranslate_ui()`` method: it runs on every language switch.

    First among the bases (``class Panel(Retranslating, QWidget)``), so that its
    ``changeEvent`` comes before Qt's.
    """

    _features_to_retranslate: list[Callable[[], None]]

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def retranslate_feature(self, retranslate: Callable[[], None]) -> None:
        """Calls ``retranslate`` too on every switch (a feature that adds to this widget),
        without an event filter, which would see every event of the widget."""
        if not hasattr(self, "_features_to_retranslate"):
            self._features_to_retranslate = []
        self._features_to_retranslate.append(retranslate)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # The features first, the latest added first, as event filters would be called.
            for retranslate in reversed(getattr(self, "_features_to_retranslate", ())):
                retranslate()
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


class _LanguageWatch(QObject):
    """One event filter per widget (one that is not :class:`Retranslating`) for all the
    features that add to it: every filter on a widget sees each of its events."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.setObjectName(_WATCH_NAME)
        self._retranslates: list[Callable[[], None]] = []
        widget.installEventFilter(self)

    def add(self, retranslate: Callable[[], None]) -> None:
        self._retranslates.append(retranslate)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            # The last added first, as Qt calls a widget's filters: the latest installed first.
            for retranslate in reversed(self._retranslates):
                retranslate()
        return False


_WATCH_NAME = "her2guide-language-watch"


def retranslate_on_language_change(widget: QWidget, retranslate: Callable[[], None]) -> None:
    """Calls ``retranslate`` whenever ``widget`` (the window a feature adds to) is told that
    the language changed."""
    if isinstance(widget, Retranslating):
        widget.retranslate_feature(retranslate)
        return
    watch = widget.findChild(QObject, _WATCH_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if not isinstance(watch, _LanguageWatch):
        watch = _LanguageWatch(widget)
    watch.add(retranslate)

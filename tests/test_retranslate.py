"""Features that add to one window all follow a language switch, however many there are and
whenever they were added."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from her2guide.ui.retranslate import Retranslating, retranslate_on_language_change


def test_every_feature_of_a_window_retranslates_once_per_switch(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    retranslate_on_language_change(window, lambda: calls.append("first"))
    retranslate_on_language_change(window, lambda: calls.append("second"))

    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert sorted(calls) == ["first", "second"]

    # A feature added later (as after the first paint) follows the next switch too.
    retranslate_on_language_change(window, lambda: calls.append("later"))
    calls.clear()
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert sorted(calls) == ["first", "later", "second"]


def test_other_events_do_not_retranslate(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    retranslate_on_language_change(window, lambda: calls.append("first"))
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.FontChange))
    assert calls == []


class _Window(Retranslating, QWidget):
    def __init__(self, calls: list[str]) -> None:
        super().__init__()
        self.calls = calls

    def retranslate_ui(self) -> None:
        self.calls.append("window")


def test_a_retranslating_window_and_its_features_all_follow_a_switch(qtbot) -> None:
    calls: list[str] = []
    window = _Window(calls)
    qtbot.addWidget(window)
    retranslate_on_language_change(window, lambda: calls.append("feature"))
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert sorted(calls) == ["feature", "window"]

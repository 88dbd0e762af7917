"""Unexpected errors and the first start: a calm word to the reader, and the app goes on."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from her2guide import app as app_module
from her2guide.app import create_application
from her2guide.settings import Settings
from her2guide.ui.errors import ErrorReporter
from her2guide.ui.first_start import FirstStartNotice, show_first_start_notice
from her2guide.ui.language import LanguageController
from her2guide.userfolders import log_path


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes that would have been shown: (title, text, informative text)."""
    shown: list[tuple[str, str, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


@pytest.fixture
def saved() -> list[bool]:
    """Each time the reporter saved the user's data before telling about an error."""
    return []


@pytest.fixture
def reporter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: list[bool]
) -> Iterator[ErrorReporter]:
    create_application()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_reporter = ErrorReporter(
        tmp_path / "state" / "her2guide.log", before_dialog=lambda: saved.append(True)
    )
    error_reporter.install()
    yield error_reporter
    error_reporter.uninstall()


def _widget_with_failing_action(qtbot: QtBot, calls: list[int]) -> QWidget:
    """A shown widget whose only action raises in its slot, as a bug in the app would."""
    widget = QWidget()
    qtbot.addWidget(widget)
    action = QAction("Fails", widget)

    def slot() -> None:
        calls.append(1)
        raise RuntimeError("simulated failure in a slot")

    action.triggered.connect(slot)
    widget.addAction(action)
    widget.show()
    return widget


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_told_calmly(
    qtbot: QtBot,
    reporter: ErrorReporter,
    dialogs: list[tuple[str, str, str]],
    saved: list[bool],
) -> None:
    calls: list[int] = []
    widget = _widget_with_failing_action(qtbot, calls)
    widget.actions()[0].trigger()
    assert calls == [1]
    assert len(dialogs) == 1
    title, text, details = dialogs[0]
    assert title == "Something went wrong \u2014 HER2 Guide"
    assert "did not work as it should" in text
    assert "saved" in details
    assert str(reporter.log_path) in details
    log = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "RuntimeError: simulated failure in a slot" in log
    assert saved == [True]
    widget.actions()[0].trigger()
    assert calls == [1, 1], "the app keeps running: the action still works"
    assert len(dialogs) == 1, "the same error is not told twice"
    assert reporter.log_path.read_text(encoding="utf-8").count("RuntimeError: simulated") == 2


@pytest.mark.qt_no_exception_capture
def test_the_error_dialog_speaks_the_current_language(
    qtbot: QtBot, reporter: ErrorReporter, dialogs: list[tuple[str, str, str]]
) -> None:
    languages = LanguageController("de")
    widget = _widget_with_failing_action(qtbot, [])
    try:
        widget.actions()[0].trigger()
    finally:
        languages.set_language("en")
    title, _text, details = dialogs[0]
    assert title == "Etwas ist schiefgegangen \u2014 HER2-Ratgeber"
    assert "gespeichert" in details
    assert str(reporter.log_path) in details


def test_log_goes_to_the_users_state_folder(tmp_path: Path) -> None:
    assert log_path() == tmp_path / "config" / "her2guide.log"


def _notice(qtbot: QtBot, settings: Settings, languages: LanguageController) -> FirstStartNotice:
    notice = show_first_start_notice(settings, languages)
    assert notice is not None
    qtbot.addWidget(notice)
    qtbot.waitExposed(notice)
    return notice


def test_first_start_notice_is_shown_until_confirmed_once(qtbot: QtBot, tmp_path: Path) -> None:
    create_application()
    settings = Settings(tmp_path / "settings.ini")
    languages = LanguageController("en")
    notice = _notice(qtbot, settings, languages)
    text = notice.body.text()
    assert "information, not medical advice" in text
    assert "care team" in text
    notice.reject()
    assert not settings.notice_acknowledged, "closing without confirming shows it again"
    notice = _notice(qtbot, settings, languages)
    with qtbot.waitSignal(notice.accepted):
        qtbot.mouseClick(notice.confirm_button, Qt.MouseButton.LeftButton)
    assert Settings(tmp_path / "settings.ini").notice_acknowledged
    assert show_first_start_notice(settings, languages) is None


def test_first_start_notice_can_be_read_in_the_other_language(qtbot: QtBot, tmp_path: Path) -> None:
    create_application()
    languages = LanguageController("en")
    try:
        notice = _notice(qtbot, Settings(tmp_path / "settings.ini"), languages)
        assert notice.language_button.text() == "Switch to Deutsch"
        qtbot.mouseClick(notice.language_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: notice.confirm_button.text() == "Verstanden")
        assert "keine medizinische Beratung" in notice.body.text()
        assert notice.language_button.text() == "Zu English wechseln"
    finally:
        languages.set_language("en")


def test_app_start_installs_the_error_handler_and_shows_the_notice(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_application()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(type(app), "exec", lambda _self: 0)
    assert app_module.main(["--lang", "en"]) == 0
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    try:
        assert any(isinstance(w, FirstStartNotice) for w in windows)
        assert isinstance(getattr(sys.excepthook, "__self__", None), ErrorReporter)
    finally:
        for window in windows:
            window.close()
            window.deleteLater()

"""The handout dialog: any language on paper, and usable at 300 % text on a small screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from her2guide.ui import print_support
from her2guide.ui.handout_dialog import HandoutDialog
from tests.helpers import WindowFactory


def _dialog(window, qtbot: QtBot, text_scale: int = 100) -> HandoutDialog:
    dialog = HandoutDialog(
        window.content,
        current_page="welcome",
        question_count=0,
        you_are_here=False,
        text_scale=text_scale,
        parent=window,
    )
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize(
    ("lang", "both"), [("en", "English and German"), ("de", "Deutsch und Englisch")]
)
def test_any_language_can_be_printed_whatever_the_app_shows(
    make_window: WindowFactory, qtbot: QtBot, lang: str, both: str
) -> None:
    window = make_window(lang=lang)
    dialog = _dialog(window, qtbot)
    assert dialog.both_languages.text() == both
    assert dialog.options().languages == (lang,)
    assert dialog.options().sources
    other = "de" if lang == "en" else "en"
    dialog.language_buttons[other].click()
    assert dialog.options().languages == (other,)
    dialog.both_languages.click()
    assert dialog.options().languages == (lang, other)
    dialog.sources_box.click()
    assert not dialog.options().sources


@pytest.mark.parametrize("lang", ["en", "de"])
def test_at_300_percent_text_the_body_scrolls_and_the_buttons_stay_on_screen(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang)
    dialog = _dialog(window, qtbot, text_scale=300)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width()
    assert dialog.height() <= screen.height()
    assert dialog.scroll.verticalScrollBar().maximum() > 0
    inside = QRect(QPoint(0, 0), dialog.size())
    for button in (dialog.print_button, dialog.pdf_button):
        assert button.isVisible()
        top_left = button.mapTo(dialog, QPoint(0, 0))
        assert inside.contains(QRect(top_left, button.size()))


def test_save_as_pdf_proposes_the_documents_folder_and_offers_to_open_the_file(
    make_window: WindowFactory,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = make_window(lang="de")
    target = tmp_path / "merkblatt.pdf"
    suggested: list[Path] = []
    opened: list[QUrl] = []

    def answer(_parent: object, proposal: Path) -> Path:
        suggested.append(proposal)
        return target

    def save_pdf(dialog: HandoutDialog) -> int:
        dialog.pdf_button.click()
        return dialog.result()

    monkeypatch.setattr(print_support, "choose_pdf_file", answer)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(HandoutDialog, "exec", save_pdf)
    window.care_tools.handout_action.trigger()

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    today = dt.date.today().isoformat()
    assert suggested == [Path(documents) / f"HER2-Ratgeber-Merkblatt-{today}.pdf"]
    assert target.stat().st_size > 0
    box = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert str(target) in box.text()
    assert not opened  # nothing opens unless the user asks
    folder = next(b for b in box.buttons() if b.text() == "&Ordner öffnen")
    folder.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]

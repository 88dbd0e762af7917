"""The second number, for nights and weekends: entered once, shown beside the warning signs."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from her2guide.care_card import CARD_PAGE, ClinicContact, clinic_html
from her2guide.ui.preferences import PreferencesDialog
from tests.helpers import WindowFactory

DAY = "+49 30 1234 5678"
NIGHT = "+49 30 1234 9999"


def _enter_numbers(monkeypatch: pytest.MonkeyPatch, day: str, night: str) -> None:
    """Makes the Preferences dialog, when it opens, be filled in and confirmed."""

    def fill_and_confirm(dialog: PreferencesDialog) -> int:
        dialog.clinic_phone.setText(day)
        dialog.night_phone.setText(night)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", fill_and_confirm)


def test_the_night_number_is_saved_under_its_own_key_and_kept_after_a_restart(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = make_window()
    _enter_numbers(monkeypatch, DAY, NIGHT)
    first.care_tools.preferences_action.trigger()
    first.close()
    ini = configparser.ConfigParser()
    ini.read(tmp_path / "settings.ini")
    assert ini["care"]["night_phone"] == NIGHT
    window = make_window()
    assert window.settings.clinic == ClinicContact("", DAY, NIGHT)


@pytest.mark.parametrize(("lang", "label"), [("en", "Nights and weekends:"), ("de", "Nachts und")])
def test_the_card_shows_both_numbers_in_the_reader_s_language(
    qtbot: QtBot,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    label: str,
) -> None:
    window = make_window(lang=lang)
    _enter_numbers(monkeypatch, DAY, NIGHT)
    window.care_tools.preferences_action.trigger()
    qtbot.mouseClick(window.care_tools.care_button, Qt.MouseButton.LeftButton)
    card = window.care_tools.card_dialog
    assert card is not None
    text = card.card_text()
    assert text.index(DAY) < text.index(label) < text.index(NIGHT) < text.index("112")


def test_the_warning_page_shows_the_numbers_and_follows_a_change(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(page=CARD_PAGE)
    text = window.reader.toPlainText()
    assert "No phone number entered yet" in text
    assert text.index("No phone number entered yet") < text.index("Breathing")
    _enter_numbers(monkeypatch, DAY, NIGHT)
    window.care_tools.preferences_action.trigger()
    text = window.reader.toPlainText()
    assert "No phone number entered yet" not in text
    assert text.index(DAY) < text.index(NIGHT) < text.index("Breathing")


def test_paper_without_a_night_number_has_a_line_to_write_it_on() -> None:
    printed = clinic_html(ClinicContact("Ward 4", DAY), "en", for_print=True)
    assert "Nights and weekends:" in printed
    assert "____" in printed
    screen = clinic_html(ClinicContact("Ward 4", DAY), "en", for_print=False)
    assert "Nights and weekends:" not in screen

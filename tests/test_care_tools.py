"""The care-team card, the question list and printing, as a reader or nurse meets them."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from her2guide.care_card import CARD_PAGE, ClinicContact
from her2guide.i18n import format_date, gettext_for
from her2guide.ui.handout_dialog import HandoutDialog
from her2guide.ui.preferences import PreferencesDialog
from her2guide.userfolders import data_folder
from tests.helpers import WindowFactory

PHONE = "+49 30 1234 5678"
CLINIC_NAME = "Brustzentrum Musterstadt, Station 4"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="needs poppler-utils (pdftotext, pdftoppm); scripts/test.sh installs them",
)


def _enter_clinic(monkeypatch: pytest.MonkeyPatch, name: str, phone: str) -> None:
    """Makes the Preferences dialog, when it opens, be filled in and confirmed."""

    def fill_and_confirm(dialog: PreferencesDialog) -> int:
        dialog.clinic_name.setText(name)
        dialog.clinic_phone.setText(phone)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", fill_and_confirm)


def _pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


# -- the care-team button and card ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Call your care team"), ("de", "Behandlungsteam anrufen")]
)
def test_the_care_button_is_at_the_right_end_of_the_toolbar_on_every_screen(
    qtbot: QtBot, make_window: WindowFactory, lang: str, label: str
) -> None:
    window = make_window(lang=lang)
    button = window.care_tools.care_button
    for show in (lambda: window.open_page("glossary"), window.show_timeline):
        show()
        assert button.isVisible()
        assert button.text() == label
        assert button.accessibleName() == label
        assert not button.icon().isNull()
        right_end = button.mapTo(window, button.rect().topRight()).x()
        assert right_end > window.width() - 40


def test_the_card_shows_the_phone_number_entered_in_the_preferences(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    qtbot.mouseClick(window.care_tools.care_button, Qt.MouseButton.LeftButton)
    card = window.care_tools.card_dialog
    assert card is not None
    assert card.isVisible()
    assert "No phone number entered yet" in card.card_text()
    assert window.content.pages[CARD_PAGE].title in card.card_text()

    _enter_clinic(monkeypatch, CLINIC_NAME, PHONE)
    qtbot.mouseClick(card.preferences_button, Qt.MouseButton.LeftButton)
    text = card.card_text()
    assert PHONE in text
    assert CLINIC_NAME in text
    assert "No phone number entered yet" not in text
    assert text.index(PHONE) < text.index("112")


def test_the_number_is_kept_after_a_restart_and_the_card_follows_the_language(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_window()
    _enter_clinic(monkeypatch, CLINIC_NAME, PHONE)
    first.care_tools.preferences_action.trigger()
    first.close()

    window = make_window()
    assert window.settings.clinic == ClinicContact(CLINIC_NAME, PHONE)
    window.care_tools.care_action.trigger()
    card = window.care_tools.card_dialog
    assert card is not None
    with qtbot.waitSignal(window.languages.language_changed):
        window.switch_language_action.trigger()
    german_title = window.library.language("de").pages[CARD_PAGE].title
    assert german_title in card.card_text()
    assert PHONE in card.card_text()


# -- the question list ---------------------------------------------------------------------------


def test_ticked_and_typed_questions_survive_a_restart_in_their_order(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    window.care_tools.questions_action.trigger()
    panel = window.care_tools.question_panel
    suggested = window.content.pages["side-effects"].questions
    assert [panel.suggestions.item(i).text() for i in range(panel.suggestions.count())] == list(
        suggested
    )
    panel.suggestions.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(panel.entry, "How often is my heart checked?")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.entry, "Can I travel?")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    panel.list.setCurrentRow(2)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    expected = [suggested[1], "Can I travel?", "How often is my heart checked?"]
    assert panel.questions.texts() == expected
    window.close()

    again = make_window(page="side-effects")
    restarted = again.care_tools.question_panel
    assert restarted.questions.texts() == expected
    assert restarted.suggestions.item(1).checkState() == Qt.CheckState.Checked
    assert restarted.list.item(0).text() == suggested[1]


def test_questions_can_be_edited_removed_and_cleared_after_confirming(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(page="side-effects")
    panel = window.care_tools.question_panel
    panel.suggestions.item(0).setCheckState(Qt.CheckState.Checked)
    for text in ("First", "Second"):
        panel.add_question(text)
    panel.list.setCurrentRow(0)
    panel.edit_question(0, "Which side effects should I watch for?")
    assert panel.suggestions.item(0).checkState() == Qt.CheckState.Unchecked
    panel.list.setFocus()
    panel.list.setCurrentRow(1)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.questions.texts() == ["Which side effects should I watch for?", "Second"]

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert len(panel.questions) == 2
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert len(panel.questions) == 0
    assert not panel.clear_button.isEnabled()


def test_a_damaged_question_file_is_kept_aside_and_the_reader_is_told(
    make_window: WindowFactory,
) -> None:
    path = data_folder() / "questions.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"version": 1, "questions": [', encoding="utf-8")
    window = make_window()
    panel = window.care_tools.question_panel
    assert len(panel.questions) == 0
    assert window.care_tools.question_dock.isVisible()
    assert panel.notice.isVisible()
    backups = list(path.parent.glob("questions.json.broken-*"))
    assert len(backups) == 1
    assert backups[0].read_text(encoding="utf-8") == '{"version": 1, "questions": ['
    assert backups[0].name in panel.notice.text()
    panel.add_question("A new start")
    assert "A new start" in path.read_text(encoding="utf-8")


def test_a_ticked_question_is_shown_in_the_new_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    panel = window.care_tools.question_panel
    panel.suggestions.item(2).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.languages.language_changed):
        window.switch_language_action.trigger()
    german = window.library.language("de").pages["side-effects"].questions[2]
    assert panel.list.item(0).text() == german
    assert panel.suggestions.item(2).checkState() == Qt.CheckState.Checked


# -- printing and PDF ----------------------------------------------------------------------------


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), "PDF (*.pdf)")
    )


@pytest.mark.system
@needs_poppler
def test_this_page_saved_as_pdf_has_its_text_header_and_footer(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(lang="de", page="side-effects")
    window.settings.clinic = ClinicContact(CLINIC_NAME, PHONE)
    target = tmp_path / "seite.pdf"
    _save_to(monkeypatch, target)
    window.care_tools.pdf_action.trigger()
    text = _pdf_text(target)
    page = window.content.pages["side-effects"]
    assert page.title in text
    assert " ".join(page.summary.split()) in text
    assert re.search(r"Seite 1 von [2-9]", text)
    assert format_date(page.reviewed, "de") in text
    assert format_date(dt.date.today(), "de") in text
    assert PHONE in text
    assert page.sources[0].text.split(" (")[0] in text
    assert "In short" not in text


@pytest.mark.system
@needs_poppler
def test_a_handout_in_both_languages_has_everything_in_each_language(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(page="lines-of-therapy")
    window.settings.clinic = ClinicContact(CLINIC_NAME, PHONE)
    window.settings.you_are_here = "second-line"
    panel = window.care_tools.question_panel
    window.open_page("side-effects")
    panel.suggestions.item(0).setCheckState(Qt.CheckState.Checked)
    panel.add_question("Can I still travel?")
    window.open_page("lines-of-therapy")

    def choose_both_and_save(dialog: HandoutDialog) -> int:
        assert dialog.questions_box.isChecked()
        assert dialog.timeline_box.isChecked()
        dialog.set_pages({"lines-of-therapy"})
        dialog.both_languages.setChecked(True)
        dialog.pdf_button.click()
        return dialog.result()

    monkeypatch.setattr(HandoutDialog, "exec", choose_both_and_save)
    target = tmp_path / "handout.pdf"
    _save_to(monkeypatch, target)
    window.care_tools.handout_action.trigger()

    text = _pdf_text(target)
    for lang in ("en", "de"):
        content = window.library.language(lang)
        assert content.pages[CARD_PAGE].title in text
        assert content.pages["lines-of-therapy"].title in text
        assert content.pages["side-effects"].questions[0] in text
        assert gettext_for(lang, "You are here: {stage}").split("{")[0] in text
        assert (
            gettext_for(lang, "Printed on {date}").format(date=format_date(dt.date.today(), lang))
            in text
        )
    assert text.count("Can I still travel?") == 2
    assert text.count(PHONE) >= 4


@pytest.mark.system
@needs_poppler
def test_ctrl_p_prints_what_is_shown_even_the_treatment_path(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(lang="de")
    window.settings.you_are_here = "second-line"
    window.show_timeline()
    target = tmp_path / "printed.pdf"

    def print_to_file(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    assert window.care_tools.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    window.care_tools.print_action.trigger()
    text = _pdf_text(target)
    assert "Sie sind hier: Zweitlinientherapie" in text
    assert "Behandlungsweg" in text
    assert "Seite 1 von" in text


def _first_sheet(pdf: Path) -> QImage:
    subprocess.run(
        ["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(pdf), str(pdf.with_suffix(""))],
        check=True,
    )
    return QImage(str(next(pdf.parent.glob(f"{pdf.stem}*.png"))))


@pytest.mark.system
@needs_poppler
def test_paper_looks_the_same_in_every_screen_theme(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(page="when-to-call")
    sheets = {}
    for theme in ("light", "dark", "high-contrast"):
        window.access_tools.themes.set_choice(theme)
        target = tmp_path / f"{theme}.pdf"
        _save_to(monkeypatch, target)
        window.care_tools.pdf_action.trigger()
        sheets[theme] = _first_sheet(target)
    assert sheets["light"].pixelColor(2, sheets["light"].height() // 2).lightness() > 240
    assert sheets["dark"] == sheets["light"]
    assert sheets["high-contrast"] == sheets["light"]


def test_nothing_chosen_means_nothing_to_print(make_window: WindowFactory) -> None:
    window = make_window()
    dialog = HandoutDialog(
        window.content,
        current_page=None,
        question_count=0,
        you_are_here=False,
        text_scale=100,
        parent=window,
    )
    assert dialog.pdf_button.isEnabled()
    dialog.card_box.setChecked(False)
    assert not dialog.pdf_button.isEnabled()
    assert not dialog.print_button.isEnabled()
    dialog.set_pages({"welcome"})
    assert dialog.pdf_button.isEnabled()
    assert dialog.result() == QDialog.DialogCode.Rejected

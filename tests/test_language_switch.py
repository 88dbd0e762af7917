"""A language switch leaves nothing of the old language behind: titles, the language menu, the find
bar, the glossary filter, tooltips and popups."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from her2guide.i18n import LANGUAGE_NAMES, gettext_for
from her2guide.ui.first_start import FirstStartNotice
from her2guide.ui.main_window import MainWindow
from her2guide.ui.preferences import PreferencesDialog
from tests.helpers import WindowFactory

NAMES = {"en": "HER2 Guide", "de": "HER2-Ratgeber"}
OTHER = {"en": "de", "de": "en"}


def _switch(qtbot: QtBot, window: MainWindow, lang: str) -> None:
    window.languages.set_language(lang)
    expected = gettext_for(lang, "&Help")
    qtbot.waitUntil(lambda: window.help_menu.title() == expected)


def _assert_title(title: str, subject: str, lang: str) -> None:
    """``subject \u2014 name``: the name once, in ``lang``, after one em dash; what Qt would add to
    it (the display name, unless the title ends with it) is nothing."""
    assert title == f"{subject} \u2014 {NAMES[lang]}"
    assert title.endswith(QGuiApplication.applicationDisplayName())
    assert NAMES[OTHER[lang]] not in title
    assert title.count("\u2014") == 1  # one separator: the same dash Qt uses on Linux
    assert "\u2013" not in title


@pytest.fixture
def dialogs(make_window: WindowFactory) -> Iterator[tuple[MainWindow, list[QWidget]]]:
    window = make_window(page="side-effects")
    window.access_tools.show_shortcuts()
    window.care_tools.show_card()
    opened = [
        window.access_tools.shortcuts_dialog,
        window.care_tools.card_dialog,
        PreferencesDialog(window.settings, 100, window),
        FirstStartNotice(window.languages, 100, window),
    ]
    yield window, [w for w in opened if w is not None]
    for widget in opened:
        if widget is not None:
            widget.close()


def test_every_title_is_written_once_in_the_current_language(
    qtbot: QtBot, dialogs: tuple[MainWindow, list[QWidget]]
) -> None:
    window, opened = dialogs
    subjects = ("Keyboard shortcuts", "Call your care team", "Preferences", "Before you start")
    assert len(opened) == len(subjects)
    for lang in ("en", "de", "en"):
        _switch(qtbot, window, lang)
        assert QGuiApplication.applicationDisplayName() == NAMES[lang]
        _assert_title(window.windowTitle(), window.content.pages["side-effects"].title, lang)
        for dialog, subject in zip(opened, subjects, strict=True):
            _assert_title(dialog.windowTitle(), gettext_for(lang, subject), lang)
        window.show_timeline()
        _assert_title(window.windowTitle(), gettext_for(lang, "Treatment path"), lang)
        window.go_back()


def test_the_first_start_notice_is_titled_as_what_it_says(
    qtbot: QtBot, dialogs: tuple[MainWindow, list[QWidget]]
) -> None:
    window, opened = dialogs
    notice = next(w for w in opened if isinstance(w, FirstStartNotice))
    _switch(qtbot, window, "de")
    assert notice.windowTitle().startswith(notice.heading.text())


def test_a_message_box_is_titled_like_the_windows(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    _switch(qtbot, window, "de")
    titles: list[str] = []

    def answer(_parent: QWidget, title: str, *_args: object) -> QMessageBox.StandardButton:
        titles.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    from PySide6.QtCore import QUrl

    window.reader.external_link_requested.emit(QUrl("https://example.org"))
    assert titles == ["Webseite öffnen? \u2014 HER2-Ratgeber"]


# -- the language menu -----------------------------------------------------------------------------


def _menu_entries(window: MainWindow) -> list[QAction]:
    return [a for a in window.language_menu.actions() if not a.isSeparator()]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_language_menu_has_one_radio_entry_per_language_and_a_clear_switch(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    window = make_window(lang=lang)
    entries = _menu_entries(window)
    texts = [action.text() for action in entries]
    assert len(texts) == len(set(texts)), texts  # no entry reads like another
    radios = [action for action in entries if action.actionGroup() is window.language_group]
    assert [a.text() for a in radios] == ["English", "Deutsch"]
    assert window.language_group.isExclusive()
    assert [a.isChecked() for a in radios] == [lang == "en", lang == "de"]
    (switch,) = [action for action in entries if action not in radios]
    target = LANGUAGE_NAMES[OTHER[lang]]
    expected = {"en": "Switch to Deutsch", "de": "Zu English wechseln"}[lang]
    assert switch.text() == expected
    assert window.language_button.text() == f"\u2192 {target}"
    assert target in window.language_button.toolTip()

    window.access_tools.show_shortcuts()
    dialog = window.access_tools.shortcuts_dialog
    assert dialog is not None
    rows = {text: keys for _group, text, keys in dialog.rows()}
    assert expected in rows
    assert "English" not in rows
    assert "Deutsch" not in rows
    dialog.close()


def test_choosing_a_language_in_the_menu_checks_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.language_actions["de"].trigger()
    assert window.languages.language == "de"
    assert window.language_actions["de"].isChecked()
    assert not window.language_actions["en"].isChecked()
    window.switch_language_action.trigger()
    assert window.languages.language == "en"
    qtbot.waitUntil(window.language_actions["en"].isChecked)
    assert window.switch_language_action.text() == "Switch to Deutsch"


@pytest.mark.parametrize(
    ("lang", "both"), [("en", "English and German"), ("de", "Deutsch und Englisch")]
)
def test_both_languages_are_named_in_the_current_one(
    make_window: WindowFactory, lang: str, both: str
) -> None:
    window = make_window(lang=lang)
    assert both in window.side_by_side.action.text()


# -- what the switch takes away --------------------------------------------------------------------


def test_the_find_bar_starts_empty_in_the_new_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    bar = window.search_tools.find_bar
    window.search_tools.find_action.trigger()
    qtbot.keyClicks(bar.field, "diarrhoea")
    assert bar.match_count > 0
    _switch(qtbot, window, "de")
    assert bar.field.text() == ""
    assert bar.count_label.text() == ""  # not "Keine Treffer" for an English word
    assert window.reader.extraSelections() == []


def test_the_glossary_filter_starts_empty_in_the_new_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    tools = window.search_tools
    tools.glossary_action.trigger()
    panel = tools.glossary_panel
    qtbot.keyClicks(panel.filter, "lung")
    assert panel.visible_terms()
    _switch(qtbot, window, "de")
    assert panel.filter.text() == ""
    assert not panel.empty_label.isVisible()
    assert len(panel.visible_terms()) == len(window.content.glossary)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")  # offscreen menus
def test_a_tooltip_and_a_popup_close_on_a_switch(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(active=True)
    QToolTip.showText(window.mapToGlobal(QPoint(50, 50)), "Zurück zur vorigen Seite", window)
    qtbot.waitUntil(QToolTip.isVisible)
    window.view_menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.view_menu)
    window.languages.set_language("de")
    assert not QToolTip.isVisible()
    assert QApplication.activePopupWidget() is None
    assert not window.view_menu.isVisible()


# -- a find bar opened by a search hit ------------------------------------------------------------


def _open_hit(window: MainWindow, text: str, page_id: str) -> None:
    answer = window.search_tools.search(text, ["en"])
    result = next(r for r in answer.results if r.page_id == page_id)
    window.search_tools.open_result(result)
    assert window.current_page == page_id
    assert window.search_tools.find_bar.isVisible()


def test_a_find_bar_from_a_search_hit_closes_when_the_reader_leaves_the_page(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    bar = window.search_tools.find_bar
    _open_hit(window, "Enhertu", "lung-safety-t-dxd")
    window.open_page("when-to-call")
    assert not bar.isVisible()
    assert window.reader.extraSelections() == []
    window.go_back()
    assert not bar.isVisible()


def test_a_find_bar_from_a_search_hit_is_the_readers_once_they_type(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    bar = window.search_tools.find_bar
    _open_hit(window, "Enhertu", "lung-safety-t-dxd")
    bar.field.clear()
    qtbot.keyClicks(bar.field, "lung")
    window.open_page("when-to-call")
    assert bar.isVisible()
    assert bar.field.text() == "lung"


def test_a_find_bar_opened_by_the_reader_follows_the_pages(make_window: WindowFactory) -> None:
    window = make_window(page="side-effects")
    bar = window.search_tools.find_bar
    bar.open("diarrhoea")
    window.open_page("when-to-call")
    assert bar.isVisible()


def test_a_find_bar_from_a_search_hit_closes_in_counselling_mode(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _open_hit(window, "Enhertu", "lung-safety-t-dxd")
    window.counselling.set_active(True)
    try:
        assert not window.search_tools.find_bar.isVisible()
    finally:
        window.counselling.set_active(False)


def test_an_open_dialog_is_not_a_popup_and_stays_open(make_window: WindowFactory) -> None:
    """A dialog is not a popup: the switch keeps it (it follows the language itself)."""
    window = make_window()
    dialog = QDialog(window)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    window.languages.set_language("de")
    assert dialog.isVisible()
    dialog.close()


@pytest.mark.parametrize("width", [1180, 796])  # one toolbar line in both languages; two in German
def test_the_window_is_laid_out_for_the_new_words_before_it_is_painted_again(
    qtbot: QtBot, make_window: WindowFactory, width: int
) -> None:
    """When the switch returns, every widget has its new text at its final place and size: the
    next paint is the last, with nothing shifting or refitting a moment later."""
    window = make_window(page="side-effects", size=(width, 800))
    qtbot.wait(50)
    for lang in ("de", "en", "de"):
        window.languages.set_language(lang)
        assert window.help_menu.title() == gettext_for(lang, "&Help")
        widgets = [window, *window.findChildren(QWidget)]
        placed = [(w, w.isVisible(), w.geometry()) for w in widgets]
        qtbot.wait(100)
        moved = [
            w
            for w, visible, geometry in placed
            if (w.isVisible(), w.geometry()) != (visible, geometry)
        ]
        assert moved == [], [type(w).__name__ + ":" + w.objectName() for w in moved]

"""The reader's region in the preferences: remembered, and status sentences and badges follow it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.settings import Settings
from her2guide.ui.preferences import PreferencesDialog
from tests.helpers import WindowFactory


def _choose_region(monkeypatch: pytest.MonkeyPatch, label: str) -> None:
    """Makes the Preferences dialog, when it opens, choose a region by its label and confirm."""

    def choose_and_confirm(dialog: PreferencesDialog) -> int:
        combo = dialog.region_group.combo
        index = combo.findText(label)
        assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
        combo.setCurrentIndex(index)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", choose_and_confirm)


def _status_text(window) -> str:
    text = without_soft_hyphens(window.reader.toPlainText())
    start = text.index("Approval differs between regions")
    return text[start : start + 300]


def test_choosing_switzerland_rewrites_the_page_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(page="lines-of-therapy")
    assert window.settings.region == "other"
    assert "regions [4] [5]. In the EU (Germany, Austria): under review" in _status_text(window)
    _choose_region(monkeypatch, "Switzerland")
    window.care_tools.preferences_action.trigger()
    assert window.settings.region == "ch"
    assert "[5]. In Switzerland: approved since 20 March 2026" in _status_text(window)
    window.close()

    again = make_window(page="lines-of-therapy")
    assert again.settings.region == "ch"
    assert "In Switzerland: approved since 20 March 2026" in _status_text(again)


def test_the_timeline_badges_follow_the_region_in_german(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(lang="de")
    window.show_timeline("t-dxd-pertuzumab")
    view = window.timeline_view
    assert view is not None
    option = view.timeline_widget.timeline.find("t-dxd-pertuzumab")[1]
    assert next(b.text for b in view.timeline_widget.status_badges(option)) == "EU: in Prüfung"
    _choose_region(monkeypatch, "Schweiz")
    window.care_tools.preferences_action.trigger()
    assert [b.text for b in view.timeline_widget.status_badges(option)] == [
        "CH: befristet",
        "EU: in Prüfung",
        "USA",
    ]
    detail = without_soft_hyphens(view.detail.toPlainText())
    assert detail.index("In der Schweiz:") < detail.index("In der EU (Deutschland, Österreich):")


def test_an_unknown_region_in_the_settings_file_falls_back_to_other(tmp_path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nregion=mars\n", encoding="utf-8")
    settings = Settings(path)
    assert settings.region == "other"
    with pytest.raises(ValueError, match="unknown region 'mars'"):
        settings.region = "mars"

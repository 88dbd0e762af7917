"""Pseudo-translation: every interface string about 40 % longer, and no button or label of the main
window and the main dialogs clipped by it at 200 % text on a 1024x768 screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from her2guide import i18n
from her2guide.pseudo import pseudo
from tests.pseudo_layout_probe import clipped

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {"name": "small", "x": 0, "y": 0, "width": 1024, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
WINDOWS = ("main window", "keyboard shortcuts", "care card", "preferences", "first-start notice")
KNOWN: dict[str, str] = {}  # window name: why it is known to clip (a strict xfail)


@pytest.fixture
def pseudo_on() -> Iterator[None]:
    i18n.set_pseudo(True)
    yield
    i18n.set_pseudo(False)


def test_every_string_grows_by_at_least_40_percent_and_still_works(pseudo_on: None) -> None:
    source = "Remove all {count} questions from your list? This cannot be undone."
    shown = i18n._(source)
    assert len(shown.format(count=3)) >= 1.4 * len(source.format(count=3))
    assert shown.format(count=3).count("3") == 1  # the placeholder survives
    assert not shown.isascii()  # accented: text that bypasses gettext stands out
    menu = i18n._("&Quit")
    assert QKeySequence.mnemonic(menu) == QKeySequence.mnemonic("&Quit")
    assert pseudo("<b>Bold</b> text").startswith("[<b>")  # tags stay tags
    i18n.set_current_language("de")
    assert i18n._("Back") == pseudo("Zurück")
    assert (
        i18n.ngettext("{count} problem found.", "{count} problems found.", 2)
        .format(count=2)
        .startswith("[2 Pröblémé")
    )


def test_it_is_off_unless_asked_for() -> None:
    assert i18n._("Back") == "Back"


def test_the_clipping_check_sees_a_cut_button_and_a_cut_label(qtbot: QtBot) -> None:
    button = QPushButton("A button with a long label")
    qtbot.addWidget(button)
    button.show()
    assert clipped(button) is None
    button.setFixedWidth(button.sizeHint().width() // 2)
    assert clipped(button) is not None
    label = QLabel("Several words that wrap onto a second and a third line here " * 3)
    label.setWordWrap(True)
    qtbot.addWidget(label)
    label.setFixedSize(200, label.heightForWidth(200))
    label.show()
    assert clipped(label) is None
    label.setFixedHeight(label.fontMetrics().height())
    assert clipped(label) is not None


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """The probe's findings per language: the app in a subprocess on a 1024x768 offscreen screen
    (a QApplication's platform is fixed for the life of a process)."""
    folder = tmp_path_factory.mktemp("pseudo")
    screens = folder / "screens.json"
    screens.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    found = {}
    for lang in i18n.LANGUAGES:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
            HER2GUIDE_PSEUDO="1",
            HER2GUIDE_CONFIG_DIR=str(folder / f"config-{lang}"),
        )
        result = subprocess.run(
            [sys.executable, "-m", "tests.pseudo_layout_probe", lang, "200"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        found[lang] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_probe_ran_pseudo_translated(reports: dict[str, dict[str, object]], lang: str) -> None:
    name = {"en": "HER2 Guide", "de": "HER2-Ratgeber"}[lang]
    assert reports[lang]["app name"] == pseudo(name)
    assert set(reports[lang]["problems"]) == set(WINDOWS)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "window",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN[name], strict=True))
        if name in KNOWN
        else name
        for name in WINDOWS
    ],
)
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_text_is_clipped_at_200_percent_on_a_small_screen(
    reports: dict[str, dict[str, object]], lang: str, window: str
) -> None:
    problems = reports[lang]["problems"][window]  # type: ignore[index]
    assert problems == [], "\n".join(problems)

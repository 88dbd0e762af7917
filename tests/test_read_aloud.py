"""Reading a page aloud and moving through it by its sections (issue #20).

The UI tests use Qt's ``mock`` speech engine (tests/conftest.py chooses it): it reports every
word and changes state like a real engine, without sound. It has English voices only, which is
also how the tests check that a German page is never read with an English voice.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from her2guide.speech.locate import FoldedText
from her2guide.speech.script import page_blocks, reading_script
from her2guide.speech.sentences import split_sentences
from tests.helpers import WindowFactory, write_page

QtTextToSpeech = pytest.importorskip(
    "PySide6.QtTextToSpeech", reason="the speech extra (PySide6-Addons) is not installed"
)

CORPUS_BASE = Path(__file__).parent / "corpus" / "_base"
BODY = {
    "en": """!!! warning "Call at once"
    Call your team if you get a new cough [S1]. Do not wait.

## First section

Trastuzumab works against HER2, e.g. in the first line. Half lived 16.3 months.

| Drug | Given as |
|---|---|
| Trastuzumab | a drip |

## Second section

The last sentence of the page.
""",
    "de": """!!! warning "Sofort anrufen"
    Rufen Sie an, z. B. bei neuem Husten [S1]. Warten Sie nicht.

## Erster Abschnitt

Am 15. Mai 2026 kam eine Zulassung. Die Rate lag bei 16,3 %.

## Zweiter Abschnitt

Der letzte Satz der Seite.
""",
}


@pytest.fixture
def reading_content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CORPUS_BASE, folder)
    for lang, body in BODY.items():
        write_page(folder / lang, "reading", title="Reading test", order=9, body=body)
    return folder


# -- sentences and reading order (no Qt) -----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Ask your team, e.g. Dr. Smith. Half lived 16.3 months! Why?",
            ["Ask your team, e.g. Dr. Smith.", "Half lived 16.3 months!", "Why?"],
        ),
        (
            "en",
            "Approved in the US (Dec. 2025). Then ask.",
            ["Approved in the US (Dec. 2025).", "Then ask."],
        ),
        (
            "de",
            "Das sind z. B. Herzprobleme. Die Rate lag bei 16,3 %. Danach d. h. mehr.",
            ["Das sind z. B. Herzprobleme.", "Die Rate lag bei 16,3 %.", "Danach d. h. mehr."],
        ),
        (
            "de",
            "Am 15. Mai 2026 kam die Zulassung. Fragen Sie Dr. Weber.",
            ["Am 15. Mai 2026 kam die Zulassung.", "Fragen Sie Dr. Weber."],
        ),
        ("de", "Das ist z.B. so. „Gut.“ Weiter.", ["Das ist z.B. so.", "„Gut.“", "Weiter."]),
    ],
)
def test_sentences_end_where_a_reader_hears_an_end(lang: str, text: str, expected: list[str]):
    assert split_sentences(text, lang) == expected


PAGE_HTML = (
    '<html lang="en"><body><h1>Ti\u00adtle</h1>'
    '<table class="inshort"><tr><td><p class="box-title">In short</p><p>Short one.</p></td></tr>'
    "</table>"
    '<table class="box-warning"><tr><td><p class="box-title">\u26a0 Call now</p>'
    '<p>Call for fever <a class="cite" href="#source-1"><sup>[1]</sup></a>.</p></td></tr></table>'
    '<h2 id="a">Sec\u00adtion</h2><p>A <a class="term" href="page:glossary#x">term</a> here.</p>'
    "<table><tr><th>Drug</th><th>Given as</th></tr><tr><td>T-DXd</td><td>a drip</td></tr></table>"
    '<h2 class="sources">Sources</h2><ol class="sources"><li>Not read</li></ol></body></html>'
)


def test_a_page_is_read_in_order_with_boxes_announced_and_without_its_sources():
    spoken = [(u.kind, u.spoken) for u in reading_script(PAGE_HTML)]
    assert spoken == [
        ("title", "Title"),
        ("in-short-title", "In short"),
        ("in-short", "Short one."),
        ("warning-title", "Warning: Call now"),
        ("warning", "Call for fever."),
        ("heading", "Section"),
        ("text", "A term here."),
        ("row", "Drug, Given as"),
        ("row", "T-DXd, a drip"),
    ]


def test_what_is_spoken_maps_back_to_what_is_shown():
    warning = next(u for u in reading_script(PAGE_HTML) if u.kind == "warning")
    assert warning.shown == "Call for fever [1]."
    fever = warning.spoken.index("fever")
    assert warning.shown[warning.origin[fever] : warning.origin[fever] + 5] == "fever"


def test_sentences_are_found_in_the_shown_text_despite_soft_hyphens_and_block_breaks():
    raw = "\ufdd0Ti\u00adtle\u2029Call for\u00a0fever [1].\u2029Drug\u2029Given as"
    folded = FoldedText.of(raw)
    found = folded.find("Call for fever [1].")
    assert found is not None
    start, end = folded.document_range(*found)
    assert raw[start:end] == "Call for\u00a0fever [1]."
    assert folded.find("Drug Given as") is not None


def test_the_sources_heading_ends_what_is_read():
    assert all("Not read" not in block.text for block in page_blocks(PAGE_HTML))


# -- the window ------------------------------------------------------------------------------


def _highlighted(window) -> list[str]:
    return [s.cursor.selectedText() for s in window.reader.extraSelections()]


def test_reading_highlights_each_sentence_and_follows_the_engine(
    make_window: WindowFactory, reading_content: Path, qtbot: QtBot
):
    window = make_window(content=reading_content, page="reading")
    tools = window.reading_tools
    qtbot.mouseClick(tools.read_button, Qt.MouseButton.LeftButton)
    assert tools.reader.state == "reading"
    assert _highlighted(window)[0] == "Reading test"
    qtbot.waitUntil(lambda: tools.reader.script[tools.reader.index].kind == "warning", timeout=8000)
    qtbot.waitUntil(lambda: len(window.reader.extraSelections()) == 2, timeout=5000)
    sentence, word = _highlighted(window)
    assert sentence.startswith("Call your team if you get a new cough")
    assert word in sentence.split()
    qtbot.waitUntil(lambda: tools.reader.state == "idle", timeout=30000)
    assert window.reader.extraSelections() == []


def test_pause_resume_stop_and_the_sentence_steps(
    make_window: WindowFactory, reading_content: Path, qtbot: QtBot
):
    window = make_window(content=reading_content, page="reading")
    tools = window.reading_tools
    tools.read_action.trigger()
    tools.read_action.trigger()
    assert tools.reader.state == "paused"
    assert tools.read_action.text() == "Resume reading"
    tools.next_action.trigger()
    tools.next_action.trigger()
    assert tools.reader.index == 2
    assert tools.reader.state == "paused"
    assert _highlighted(window) == [tools.reader.script[2].shown]
    tools.previous_action.trigger()
    assert tools.reader.index == 1
    tools.read_action.trigger()
    assert tools.reader.state == "reading"
    tools.stop_action.trigger()
    assert tools.reader.state == "idle"
    assert window.reader.extraSelections() == []
    assert not tools.next_action.isEnabled()


def test_changing_page_or_language_stops_reading(
    make_window: WindowFactory, reading_content: Path, qtbot: QtBot
):
    window = make_window(content=reading_content, page="reading")
    tools = window.reading_tools
    tools.read_action.trigger()
    window.open_page("welcome")
    assert tools.reader.state == "idle"
    window.open_page("reading")
    tools.read_action.trigger()
    assert tools.reader.state == "reading"
    window.languages.set_language("de")
    assert tools.reader.state == "idle"
    assert window.reader.extraSelections() == []


def test_a_german_page_is_never_read_with_an_english_voice(
    make_window: WindowFactory, reading_content: Path, qtbot: QtBot
):
    window = make_window(content=reading_content, page="reading", lang="de")
    tools = window.reading_tools
    tools.read_action.trigger()
    assert tools.reader.state == "idle"
    assert tools.message_label.isVisibleTo(window)
    assert "Deutsch" in tools.message_label.text() or "deutsche" in tools.message_label.text()
    assert "espeak-ng" in tools.message_label.text()


def test_an_english_page_gets_an_english_voice(make_window: WindowFactory, reading_content: Path):
    window = make_window(content=reading_content, page="reading")
    window.reading_tools.read_action.trigger()
    voice = window.reading_tools.reader.voice_locale
    assert voice is not None
    assert voice.language() == QLocale.Language.English


def test_without_the_speech_module_the_button_says_how_to_get_it(
    make_window: WindowFactory, reading_content: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("her2guide.ui.read_aloud.create_engine", lambda _parent: None)
    window = make_window(content=reading_content, page="reading")
    tools = window.reading_tools
    assert tools.read_button.isVisibleTo(window)
    tools.read_action.trigger()
    assert "her2guide[speech]" in tools.message_label.text()
    window.open_page("welcome")
    assert not tools.message_label.isVisibleTo(window)


def test_the_reading_speed_is_remembered(make_window: WindowFactory, reading_content: Path):
    window = make_window(content=reading_content, page="reading")
    window.reading_tools.rate_actions["slower"].trigger()
    window.settings.sync()
    again = make_window(content=reading_content, page="reading")
    assert again.reading_tools.rate_actions["slower"].isChecked()
    assert again.reading_tools.rate_button.accessibleName() == "Reading speed: Slower"


def test_the_outline_lists_the_sections_and_jumps_to_them(
    make_window: WindowFactory, reading_content: Path, qtbot: QtBot
):
    window = make_window(content=reading_content, page="reading", size=(900, 300))
    outline = window.reading_tools.outline
    qtbot.waitUntil(lambda: outline.count() > 0)
    items = [outline.itemText(i) for i in range(outline.count())]
    assert items == ["First section", "Second section", "Sources"]
    assert outline.accessibleName() == "On this page"
    bar = window.reader.verticalScrollBar()
    assert bar.value() == 0
    window.reading_tools.next_heading_action.trigger()
    assert outline.currentIndex() == 0
    first = bar.value()
    assert first > 0
    window.reading_tools.next_heading_action.trigger()
    assert bar.value() > first
    window.reading_tools.previous_heading_action.trigger()
    assert bar.value() == first
    outline.setFocus()
    qtbot.keyClick(outline, Qt.Key.Key_Down)
    assert outline.currentIndex() == 1


def test_the_outline_follows_the_language(
    make_window: WindowFactory, reading_content: Path, qtbot: QtBot
):
    window = make_window(content=reading_content, page="reading")
    outline = window.reading_tools.outline
    window.languages.set_language("de")
    qtbot.waitUntil(lambda: outline.itemText(0) == "Erster Abschnitt")
    assert outline.accessibleName() == "Auf dieser Seite"
    assert window.reading_tools.read_action.text() == "Diese Seite vorlesen"


def test_the_page_bar_stays_in_counselling_mode_and_hides_on_the_treatment_path(
    make_window: WindowFactory, reading_content: Path
):
    window = make_window(content=reading_content, page="reading")
    bar = window.reading_tools.bar
    window.counselling.set_active(True)
    assert bar.isVisibleTo(window)
    window.counselling.set_active(False)
    window.show_timeline()
    assert not bar.isVisibleTo(window)


SMOKE = """
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech as Engine
from her2guide.ui.read_aloud import choose_voice
app = QCoreApplication(sys.argv)
if "speechd" not in Engine.availableEngines():
    print(json.dumps({"skip": "no speech-dispatcher engine in Qt (libspeechd missing)"}))
    sys.exit()
engine = Engine("speechd")
result = {"state": engine.state().name}
result["voices"] = {lang: choose_voice(engine, lang) and engine.locale().name()
                    for lang in ("de", "en")}
states = []
engine.stateChanged.connect(lambda state: (states.append(state.name), app.quit()))
engine.say("Test.")
QTimer.singleShot(20000, app.quit)
app.exec()
result["after_say"] = states
print(json.dumps(result))
"""


@pytest.mark.system
@pytest.mark.slow
def test_the_system_engine_has_a_voice_for_each_language(tmp_path: Path):
    """Smoke test of the real engine (speech-dispatcher on Linux), where the system has it.

    It runs in a process of its own with its own speech-dispatcher (a private home and runtime
    folder), ended afterwards, since a daemon left behind can block the next client. Without a
    sound device it may never finish a sentence, so it checks what can be checked anywhere: the
    engine is ready, has a German and an English voice and starts speaking."""
    if shutil.which("speech-dispatcher") is None:
        pytest.skip(
            "speech-dispatcher is not installed (Debian: speech-dispatcher, "
            "speech-dispatcher-espeak-ng, espeak-ng)"
        )
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    (home / "run").mkdir(parents=True)
    try:
        done = subprocess.run(
            [sys.executable, "-c", SMOKE],
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            check=True,
        )
    finally:
        subprocess.run(["pkill", "-KILL", "-f", str(home)], check=False)  # it ignores TERM
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if "skip" in result:
        pytest.skip(result["skip"])
    assert result["state"] == "Ready", result
    assert result["voices"]["de"].startswith("de"), "no German voice: speech-dispatcher-espeak-ng"
    assert result["voices"]["en"].startswith("en"), "no English voice: speech-dispatcher-espeak-ng"
    assert result["after_say"][:1] in (["Speaking"], ["Synthesizing"]), result


def test_the_page_bar_takes_two_rows_rather_than_widen_a_narrow_window(
    make_window: WindowFactory, reading_content: Path, qtbot: QtBot
):
    window = make_window(content=reading_content, page="reading", scale=300)
    bar = window.reading_tools.bar
    qtbot.waitUntil(lambda: bar.width() > 0)
    assert (
        bar.minimumSizeHint().width()
        < bar.leading.minimumSizeHint().width() + bar.controls.sizeHint().width()
    )
    bar.resize(bar.minimumSizeHint().width(), bar.height())
    assert not bar.one_row
    bar.resize(2000, bar.height())
    assert bar.one_row


def test_the_buttons_symbols_grow_with_the_text(make_window: WindowFactory, reading_content: Path):
    window = make_window(content=reading_content, page="reading")
    small = window.reading_tools.read_button.iconSize().height()
    window.set_text_scale(250)
    assert window.reading_tools.read_button.iconSize().height() > small * 2

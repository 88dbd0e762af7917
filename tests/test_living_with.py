"""Living with each option of the treatment path: the data, its checks, and the detail panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from her2guide.content.check import check_content
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.readability import prose, score
from her2guide.content.spelling import hunspell_available, unknown_words
from her2guide.paths import content_dir, resources_dir
from her2guide.timeline.living_with import FILE_NAME, LivingWithData, load_living_with
from her2guide.timeline.loader import load_timeline
from tests.helpers import WindowFactory


def _shipped(lang: str) -> LivingWithData:
    data, problems = load_living_with(content_dir() / lang / FILE_NAME)
    assert problems == []
    assert data is not None
    return data


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_option_of_the_path_says_how_it_is_given_and_its_harms(lang: str) -> None:
    timeline, _problems = load_timeline(content_dir() / lang / "timeline.yaml")
    assert timeline is not None
    data = _shipped(lang)
    option_ids = {option.id for stage in timeline.stages for option in stage.options}
    assert set(data.options) == option_ids
    for entry in data.options.values():
        assert entry.given
        assert entry.burden
        assert entry.harms
        assert entry.sources
    assert data.always is not None
    assert data.always.page == "supportive-care"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_living_with_texts_are_plain_and_spelt_right(lang: str) -> None:
    data = _shipped(lang)
    texts = [data.always.title, data.always.text] if data.always else []
    for entry in data.options.values():
        texts += [entry.given, entry.burden, *entry.harms]
    text = prose("\n\n".join(texts))
    scores = score(text, lang)
    if lang == "en":
        assert scores.fk_grade is not None
        assert scores.fk_grade <= 8
    else:
        assert scores.amstad is not None
        assert scores.amstad >= 60
        assert scores.wstf is not None
        assert scores.wstf <= 8
    if hunspell_available(lang):
        assert unknown_words(text, lang, resources_dir()) == set()


def test_a_wrong_evidence_kind_and_a_citation_without_source_are_reported_with_lines(
    content_copy: Path,
) -> None:
    path = content_copy / "en" / FILE_NAME
    text = path.read_text(encoding="utf-8")
    text = text.replace("    evidence: single-arm\n", "    evidence: anecdote\n", 1)
    text = text.replace("9 of 504 people in the trial died of lung inflammation [S1]", "x [S9]")
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    evidence_line = lines.index("    evidence: anecdote") + 1
    harms_line = next(n for n, line in enumerate(lines, 1) if "x [S9]" in line) - 1
    messages = [f"{p.line}: {p.message}" for p in load_living_with(path)[1]]
    kinds = "randomised, single-arm, subgroup, expert"
    assert f"{evidence_line}: 'evidence' must be one of {kinds}" in messages
    assert f"{harms_line}: citation [S9] has no source (there are 2)" in messages


def test_the_check_finds_a_missing_entry_and_a_german_file_that_differs(content_copy: Path) -> None:
    en = content_copy / "en" / FILE_NAME
    en.write_text(en.read_text(encoding="utf-8").replace("  pyrotinib:\n", "  pyrotinib-x:\n"))
    de = content_copy / "de" / FILE_NAME
    german = de.read_text(encoding="utf-8")
    de.write_text(german.replace("evidence: subgroup", "evidence: expert", 1))
    problems = [p.message for p in check_content(content_copy, resources_dir())]
    assert "no entry for the timeline option 'pyrotinib'" in problems
    assert "'pyrotinib-x' is not an option of the timeline" in problems
    assert any("differs from English in evidence" in message for message in problems)


@pytest.mark.parametrize(
    ("lang", "given", "marker", "button"),
    [
        ("en", "How it is given:", "Single-arm trial", "Palliative care, breaks, stopping"),
        ("de", "Wie es gegeben wird:", "Einarmige Studie", "Palliative Hilfe, Pausen, Aufhören"),
    ],
)
def test_the_detail_panel_shows_living_with_and_the_choice_that_is_always_there(
    qtbot: QtBot, make_window: WindowFactory, lang: str, given: str, marker: str, button: str
) -> None:
    window = make_window(lang=lang)
    window.show_timeline("t-dxd-brain")
    view = window.timeline_view
    assert view is not None
    text = without_soft_hyphens(view.detail.toPlainText())
    assert given in text
    assert marker in text
    assert "504" in text
    # the entry's own sources are listed after the option's, so its [S1] becomes [3]
    assert text.count("Harbeck N et al.") == 2
    assert view.care_button.isVisible()
    assert view.care_button.text() == button
    with qtbot.waitSignal(view.page_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.care_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["supportive-care"]
    view.select("second-line")
    always = _shipped(lang).always
    assert always is not None
    assert always.title in without_soft_hyphens(view.detail.toPlainText())

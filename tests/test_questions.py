"""The question list as a reader uses it: tick, type, edit, reorder, clear, and keep it safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from her2guide.questions import (
    MAX_QUESTIONS,
    Question,
    QuestionList,
    load_questions,
    save_questions,
)

PAGES = {
    ("side-effects", "en"): ("Which side effects are likely?", "What helps against nausea?"),
    ("side-effects", "de"): (
        "Welche Nebenwirkungen sind wahrscheinlich?",
        "Was hilft gegen Übelkeit?",
    ),
}


def questions_of(page_id: str, lang: str) -> tuple[str, ...] | None:
    return PAGES.get((page_id, lang))


def test_own_questions_are_added_edited_moved_and_removed() -> None:
    questions = QuestionList()
    assert questions.add("  How long   will I take this?\n") == 0
    assert questions.add("   ") is None
    questions.add("Can I travel?")
    questions.add("Who do I call at night?")
    assert questions.move(2, -1) == 1
    assert questions.texts() == [
        "How long will I take this?",
        "Who do I call at night?",
        "Can I travel?",
    ]
    assert questions.move(0, -1) == 0
    assert questions.edit(2, "Can I fly?")
    assert not questions.edit(2, "")
    questions.remove(0)
    assert questions.texts() == ["Who do I call at night?", "Can I fly?"]
    questions.clear()
    assert len(questions) == 0


def test_ticking_a_suggestion_adds_it_once_and_unticking_takes_it_off() -> None:
    questions = QuestionList()
    text = PAGES[("side-effects", "en")][1]
    assert questions.set_ticked("side-effects", 1, text, "en", True)
    assert not questions.set_ticked("side-effects", 1, text, "en", True)
    assert questions.is_ticked("side-effects", 1)
    assert not questions.is_ticked("side-effects", 0)
    assert questions.set_ticked("side-effects", 1, text, "en", False)
    assert len(questions) == 0


def test_an_edited_suggestion_becomes_the_readers_own_question() -> None:
    questions = QuestionList()
    questions.set_ticked("side-effects", 0, PAGES[("side-effects", "en")][0], "en", True)
    questions.edit(0, "Which side effects are likely with T-DXd?")
    assert not questions.is_ticked("side-effects", 0)
    assert not questions[0].suggested


def test_a_ticked_suggestion_reads_in_the_other_language_but_own_text_stays() -> None:
    questions = QuestionList()
    questions.set_ticked("side-effects", 1, PAGES[("side-effects", "en")][1], "en", True)
    questions.add("Can I travel?")
    assert [q.text_in("de", questions_of) for q in questions] == [
        "Was hilft gegen Übelkeit?",
        "Can I travel?",
    ]


def test_a_suggestion_whose_page_changed_keeps_the_words_it_was_ticked_with() -> None:
    ticked = Question("What helped against nausea before?", "side-effects", 1, "en")
    assert ticked.text_in("de", questions_of) == "What helped against nausea before?"
    gone = Question("Old question", "removed-page", 0, "en")
    assert gone.text_in("de", questions_of) == "Old question"


def test_the_list_survives_a_save_and_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "data" / "questions.json"
    questions = QuestionList()
    questions.set_ticked("side-effects", 0, PAGES[("side-effects", "en")][0], "en", True)
    questions.add("Wie oft muss ich zur Kontrolle?")
    save_questions(path, questions)
    loaded = load_questions(path)
    assert loaded.problem is None
    assert loaded.value == questions
    assert loaded.value.is_ticked("side-effects", 0)


def test_a_missing_file_is_an_empty_list_without_a_notice(tmp_path: Path) -> None:
    loaded = load_questions(tmp_path / "questions.json")
    assert len(loaded.value) == 0
    assert loaded.problem is None


@pytest.mark.parametrize(
    "content",
    [
        "{ this is not json",
        json.dumps(["a bare list"]),
        json.dumps({"version": 99, "questions": []}),
        json.dumps({"version": 1, "questions": [{"text": 5}]}),
        json.dumps({"version": 1, "questions": [{"text": "q", "page": "p", "index": -1}]}),
        json.dumps({"version": 1, "questions": [{"text": "q", "page": "p", "index": True}]}),
    ],
)
def test_a_damaged_file_is_kept_aside_and_the_list_starts_empty(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "questions.json"
    path.write_text(content, encoding="utf-8")
    loaded = load_questions(path)
    assert len(loaded.value) == 0
    assert loaded.problem
    assert loaded.backup is not None
    assert loaded.backup.read_text(encoding="utf-8") == content
    assert not path.exists()


def test_the_list_has_a_sane_limit() -> None:
    questions = QuestionList()
    for number in range(MAX_QUESTIONS + 5):
        questions.add(f"Question {number}")
    assert len(questions) == MAX_QUESTIONS

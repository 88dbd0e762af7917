"""The guided path of counselling mode as content data: loading and what ``check`` says."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2guide.content.check import check_content
from her2guide.content.guided_path import (
    DEFAULT_STEPS,
    GUIDED_PATH_FILE,
    TIMELINE_STEP,
    check_guided_paths,
    default_path,
    load_guided_path,
)
from her2guide.paths import content_dir


def _write(folder: Path, text: str) -> Path:
    path = folder / GUIDED_PATH_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_path_is_the_same_in_both_languages() -> None:
    en, en_problems = load_guided_path(content_dir() / "en" / GUIDED_PATH_FILE)
    de, de_problems = load_guided_path(content_dir() / "de" / GUIDED_PATH_FILE)
    assert en_problems == de_problems == []
    assert en is not None
    assert de is not None
    assert en.steps == de.steps == DEFAULT_STEPS
    assert (en.title, de.title) == ("Step by step", "Schritt für Schritt")
    assert check_guided_paths(content_dir()) == []


def test_check_reports_an_unknown_page_at_its_line_with_a_hint(
    content_copy: Path, resources: Path
) -> None:
    path = _write(
        content_copy / "en",
        "title: Step by step\nsteps:\n  - her2-basics\n  - timeline\n  - side-effect\n",
    )
    problems = check_content(content_copy, resources)
    messages = [str(p) for p in problems if p.path == path]
    assert any(
        m.startswith(f"{path}:5: step 'side-effect' is not a page (did you mean 'side-effects'?)")
        for m in messages
    ), messages


def test_steps_that_differ_between_the_languages_are_reported(content_copy: Path) -> None:
    path = _write(
        content_copy / "de",
        "title: Schritt für Schritt\nsteps:\n  - her2-basics\n  - timeline\n"
        "  - how-treatments-work\n",
    )
    problems = [str(p) for p in check_guided_paths(content_copy)]
    assert problems == [
        f"{path}:4: step 2 is 'timeline' here but 'how-treatments-work' in "
        "en/guided-path.yaml; both languages list the same steps in the same order"
    ]


def test_a_path_in_one_language_only_is_reported(content_copy: Path) -> None:
    (content_copy / "de" / GUIDED_PATH_FILE).unlink()
    problems = [str(p) for p in check_guided_paths(content_copy)]
    assert problems == [f"{content_copy / 'en' / GUIDED_PATH_FILE}:1: {GUIDED_PATH_FILE} is "
                        "missing in 'de'"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: A\nsteps:\n  - welcome\n  - welcome\n", 4, "step 'welcome' is listed twice"),
        ("title: A\nsteps: her2-basics\n", 2, "'steps' must be a list of page ids or 'timeline'"),
        ("title: A\nsteps:\n  - Side Effects\n", 3, "step 1 must be a page id or 'timeline'"),
        ("title: A\nstep:\n  - her2-basics\n", 2, "unknown key 'step' (did you mean 'steps'?)"),
        ("title: [A\n", 1, "YAML syntax error"),
    ],
)  # fmt: skip
def test_broken_files_say_where_and_what(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = _write(tmp_path, text)
    _path, problems = load_guided_path(path)
    assert any(p.line == line and p.message.startswith(message) for p in problems), problems


def test_without_a_file_the_default_path_keeps_the_pages_that_exist(tmp_path: Path) -> None:
    assert load_guided_path(tmp_path / GUIDED_PATH_FILE) == (None, [])
    assert check_guided_paths(tmp_path) == []
    path = default_path("Guided path", ["her2-basics", "questions", "welcome"])
    assert path.steps == ("her2-basics", TIMELINE_STEP, "questions")


def test_a_place_is_found_on_the_path() -> None:
    path = default_path("Guided path", DEFAULT_STEPS)
    assert path.index_of("page", "side-effects") == 3
    assert path.index_of("timeline", "second-line") == 2
    assert path.index_of("page", "glossary") is None

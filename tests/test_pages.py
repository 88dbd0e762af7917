"""Loading and validating pages: good files load, broken ones are reported with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from her2guide.content.pages import load_language, parse_page
from tests.helpers import PAGE, write_page

SECTIONS = {"basics"}


def _problems(path: Path) -> list[str]:
    page, problems = parse_page(path, "en", SECTIONS)
    assert page is None, "a broken page must not load"
    return [f"{p.line}: {p.message}" for p in problems]


def test_valid_page_loads_with_typed_fields(tmp_path: Path) -> None:
    path = write_page(tmp_path, "her2-basics", title="What is HER2?", body="## Heading\n\nText.")
    page, problems = parse_page(path, "en", SECTIONS)
    assert problems == []
    assert page is not None
    assert page.id == "her2-basics"
    assert page.title == "What is HER2?"
    assert page.reviewed == dt.date(2026, 11, 24)
    assert page.sources[0].link == "https://doi.org/10.1055/a-1471-4063"
    assert page.questions == ("What does this mean for me?",)
    assert page.body.strip() == "## Heading\n\nText."
    assert page.body_line == 15


def test_missing_required_key_is_reported(tmp_path: Path) -> None:
    path = write_page(tmp_path, "page")
    path.write_text(
        path.read_text().replace("teach_back: In your own words, what is this page about?\n", "")
    )
    assert _problems(path) == ["2: missing required key 'teach_back'"]


def test_wrong_types_point_at_their_lines(tmp_path: Path) -> None:
    path = write_page(tmp_path, "page")
    text = (
        path.read_text()
        .replace("title: A page", "title: 42")
        .replace("reviewed: 2026-11-24", "reviewed: 24.11.2026")
    )
    path.write_text(text)
    assert _problems(path) == [
        "2: 'title' must be text, not a number",
        "6: 'reviewed' must be a date like 2026-11-24, not the text '24.11.2026'",
    ]


def test_unknown_key_suggests_the_intended_one(tmp_path: Path) -> None:
    path = write_page(tmp_path, "page")
    path.write_text(path.read_text().replace("summary:", "sumary:"))
    problems = _problems(path)
    assert "5: unknown key 'sumary' (did you mean 'summary'?)" in problems


def test_yaml_syntax_error_has_its_line(tmp_path: Path) -> None:
    path = write_page(tmp_path, "page")
    path.write_text(path.read_text().replace("order: 1", "order: [1"))
    (problem,) = _problems(path)
    assert problem.startswith(("4: YAML syntax error", "5: YAML syntax error"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "1: the file is empty; a page needs front matter and text"),
        ("# Just text\n", "1: the page must start with a line '---' that opens the front matter"),
        ("---\ntitle: x\n", "1: the front matter is not closed by a line '---'"),
    ],
)
def test_files_without_front_matter_are_explained(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(text)
    assert _problems(path) == [expected]


def test_bom_and_windows_line_endings_simply_work(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    text = PAGE.format(title="A page", order=1, body="Line one.\n\nLine two.")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    page, problems = parse_page(path, "en", SECTIONS)
    assert problems == []
    assert page is not None
    assert page.title == "A page"
    assert "\r" not in page.body


def test_invalid_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    text = PAGE.format(title="A page", order=1, body="Fine.\nBroken: {byte} here")
    before, after = text.split("{byte}")
    path.write_bytes(before.encode() + b"\xff" + after.encode())
    (problem,) = _problems(path)
    assert problem.startswith("16: the file is not UTF-8 text")


def test_source_without_identifier_is_reported(tmp_path: Path) -> None:
    path = write_page(tmp_path, "page")
    path.write_text(path.read_text().replace("    doi: 10.1055/a-1471-4063\n", ""))
    assert any("needs a 'doi', 'pmid' or 'url'" in p for p in _problems(path))


def test_unknown_section_is_reported(tmp_path: Path) -> None:
    path = write_page(tmp_path, "page")
    path.write_text(path.read_text().replace("section: basics", "section: basic"))
    assert _problems(path) == ["3: unknown section 'basic'; sections are: basics"]


def test_broken_page_is_skipped_and_the_rest_loads(content_copy: Path) -> None:
    (content_copy / "en" / "her2-basics.md").write_text("no front matter here\n")
    content = load_language(content_copy / "en", "en")
    assert "her2-basics" not in content.pages
    assert "welcome" in content.pages
    assert [str(p.path.name) for p in content.problems] == ["her2-basics.md"]


def test_duplicate_glossary_id_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "sections.yaml").write_text("- id: basics\n  title: Basics\n")
    (folder / "glossary.yaml").write_text(
        "- id: her2\n  term: HER2\n  definition: A protein.\n"
        "- id: her2\n  term: HER2 again\n  definition: Twice.\n"
    )
    content = load_language(folder, "en")
    assert [(p.line, p.message) for p in content.problems] == [(4, "duplicate id 'her2'")]
    assert list(content.glossary) == ["her2"]

"""The broken-content corpus: every case gets a message an editor can act on from
``her2guide check``, and the app still starts and shows everything else.

Each case is a folder in ``tests/corpus/`` (see its README): files laid over a copy of the small,
valid content in ``tests/corpus/_base/`` and a ``case.yaml`` that says what is broken, which
``path:line: message`` lines ``check`` must print and which pages the app leaves out.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytestqt.qtbot import QtBot

from her2guide.app import create_application, main
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.library import Library
from her2guide.paths import resources_dir
from her2guide.settings import Settings
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow

CORPUS = Path(__file__).parent / "corpus"
BASE = CORPUS / "_base"
BASE_PAGES = ("welcome", "her2-basics", "side-effects", "glossary")
CASES = sorted(path.parent.name for path in CORPUS.glob("*/case.yaml"))
MESSAGE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<text>.+)$")


def _spec(name: str) -> dict[str, Any]:
    return yaml.safe_load((CORPUS / name / "case.yaml").read_text(encoding="utf-8"))


def _build(name: str, target: Path) -> Path:
    """The base content with the case's files laid over it, removed and generated."""
    spec = _spec(name)
    root = target / "content"
    shutil.copytree(BASE, root)
    for relative in spec.get("remove", []):
        (root / relative).unlink()
    case_folder = CORPUS / name
    for source in sorted(case_folder.rglob("*")):
        if source.is_file() and source.name != "case.yaml":
            destination = root / source.relative_to(case_folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
    for step in spec.get("generate", []):
        path = root / step["file"]
        text = (BASE / step["from"]).read_text(encoding="utf-8") if "from" in step else ""
        pieces = [
            step["append"].replace("{i}", str(i)).replace("{pad}", "    " * i)
            for i in range(step.get("times", 1))
        ]
        with path.open("a" if "from" not in step else "w", encoding="utf-8") as handle:
            handle.write(text + "".join(pieces))
    return root


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    return _spec(request.param), _build(request.param, tmp_path)


def test_the_corpus_covers_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


def test_the_base_content_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BASE)]) == 0, capsys.readouterr().out


def test_check_names_file_line_and_what_to_do(
    case: tuple[dict[str, Any], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    spec, root = case
    status = main(["check", str(root)])
    output = capsys.readouterr().out
    assert status == spec.get("exit", 1), output
    lines = output.splitlines()
    if status:
        remarks = (": note: ", ": warning: ")  # printed, but not counted as problems
        count = sum(
            1
            for line in lines
            if line.startswith(str(root)) and not any(mark in line for mark in remarks)
        )
        assert f"{count} {'problem' if count == 1 else 'problems'} found." in lines, output
    for expected in spec["expect"]:
        match = MESSAGE.match(expected)
        if match is None:
            assert expected in output, f"{expected!r} not printed:\n{output}"
            continue
        prefix = f"{root / match['path']}:{match['line']}: "
        assert any(
            line.startswith(prefix) and match["text"] in line[len(prefix) :] for line in lines
        ), f"{expected!r} not printed:\n{output}"


@pytest.fixture
def languages() -> Iterator[LanguageController]:
    create_application()
    controller = LanguageController("en")
    yield controller
    controller.set_language("en")


def test_app_starts_and_shows_everything_else(
    case: tuple[dict[str, Any], Path],
    qtbot: QtBot,
    tmp_path: Path,
    languages: LanguageController,
) -> None:
    spec, root = case
    library = Library(root, resources_dir())
    window = MainWindow(library, Settings(tmp_path / "settings.ini"), languages)
    qtbot.addWidget(window)
    window.show()
    hidden = set(spec.get("hidden", []))
    for lang in ("en", "de"):
        languages.set_language(lang)
        for page_id in BASE_PAGES:
            item = window.contents.page_index(page_id)
            if f"{lang}/{page_id}" in hidden:
                assert item is None, f"{lang}/{page_id} should be left out"
                continue
            assert item is not None, f"{lang}/{page_id} is missing from the contents"
            window.open_page(page_id)
            title = library.language(lang).pages[page_id].title
            assert without_soft_hyphens(window.reader.document().firstBlock().text()) == title
    shows = spec.get("shows")
    if shows:
        lang, page_id = shows["page"].split("/")
        languages.set_language(lang)
        window.open_page(page_id)
        assert shows["text"] in window.reader.toPlainText()

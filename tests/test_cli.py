"""The command line as a new user meets it: help, bad input, one-off options, start-up output."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from her2guide.app import main
from her2guide.cli import build_parser
from her2guide.content import check

ROOT = Path(__file__).resolve().parent.parent


def test_help_names_check_once_and_shows_the_command_as_optional(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    assert text.count("check") == 1, text
    usage = text.split("\n\n")[0]
    assert "[COMMAND ...]" in usage, usage
    assert "this start only" in text  # --lang says it is not saved


def test_an_unknown_page_is_an_error_that_lists_the_pages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--page", "no-such-page", "--quit-after-paint"])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert "--page no-such-page: no such page" in error
    assert "side-effects" in error


@pytest.mark.parametrize(
    ("make", "says"), [(lambda _p: None, "does not exist"), (Path.mkdir, "is empty")]
)
def test_a_missing_or_empty_content_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, says: str
) -> None:
    folder = tmp_path / "content"
    make(folder)  # type: ignore[operator]
    with pytest.raises(SystemExit) as exit_:
        main(["--content", str(folder)])
    assert exit_.value.code == 2
    assert f"--content {folder}: the folder {says}" in capsys.readouterr().err


def test_check_on_a_missing_folder_says_so_without_a_line_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nowhere"
    assert main(["check", str(folder)]) == 1
    output = capsys.readouterr().out
    assert f"{folder}: the folder does not exist" in output
    assert f"{folder}:1" not in output


def test_check_stats_without_the_authoring_tools_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check, "find_spec", lambda name: None)
    assert main(["check", "--stats"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [check.AUTHORING_MISSING]
    assert "pip install 'her2guide[authoring]'" in captured.err
    assert captured.out == ""


def test_the_authoring_extra_holds_textstat_and_the_test_extra_includes_it() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(dep.startswith("textstat") for dep in extras["authoring"])
    assert "her2guide[authoring]" in extras["test"]
    assert all(not dep.startswith("textstat") for dep in extras["test"])


@pytest.fixture(scope="module")
def started_in_german(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A real start offscreen, as ``python -m her2guide --lang de``: its console output and its
    settings folder."""
    config = tmp_path_factory.mktemp("config")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HER2GUIDE_CONFIG_DIR": str(config)}
    result = subprocess.run(
        [sys.executable, "-m", "her2guide", "--lang", "de", "--quit-after-paint"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr, config


def test_an_offscreen_start_prints_nothing(started_in_german: tuple[str, Path]) -> None:
    output, _config = started_in_german
    assert "propagateSizeHints" not in output
    assert output == ""


def test_a_one_off_language_is_not_saved(started_in_german: tuple[str, Path]) -> None:
    _output, config = started_in_german
    settings = configparser.ConfigParser()
    settings.read(config / "settings.ini", encoding="utf-8")
    saved = {key: value for section in settings.values() for key, value in section.items()}
    assert saved.get("language") == "en"  # the system's language (tests run with LANGUAGE=en)


def test_the_dump_script_refuses_an_output_name_that_is_not_json(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "atspi_dump.py"), "her2guide", "60"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_no_stray_files_at_the_top_of_the_repository() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    top = {path.split("/")[0] for path in tracked}
    assert not {name for name in top if name.isdigit()}, top


def test_ci_and_the_benchmarks_use_temporary_folders_of_their_own() -> None:
    """Two runs on one machine must not share a fixed path in the temporary folder."""
    for path in (ROOT / ".ci" / "run", *sorted((ROOT / "benchmarks").glob("*.py"))):
        text = path.read_text(encoding="utf-8")
        assert "/tmp/" not in text, path
        assert "gettempdir()" not in text, path
    assert "mktemp" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_names_every_system_package_and_the_venvs_python() -> None:
    """A new user follows the README: every Debian package the scripts install is named there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    words = set(readme.replace("`", " ").replace(",", " ").split())
    script = (ROOT / "scripts" / "system-packages.sh").read_text(encoding="utf-8")
    lists = script.split("app=(")[1].split("wanted=")[0]
    packages = {
        word
        for line in lists.splitlines()
        for word in line.split("#")[0].replace("(", " ").replace(")", " ").split()
        if "=" not in word
    }
    assert {"python3-venv", "xauth", "gir1.2-atspi-2.0"} <= packages
    assert packages - words == set()
    assert "or `python -m her2guide`" not in readme
    assert "`.venv/bin/python -m her2guide`" in readme

"""User files: saved in one step, and a damaged file is kept aside while defaults are used."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from her2guide.userdata import Loaded, move_aside, read_json, write_atomic, write_json

QUESTIONS = ["How long will I take this?", "Wie oft muss ich zur Kontrolle?"]


def _questions(data: object) -> list[str]:
    if not isinstance(data, list) or not all(isinstance(q, str) for q in data):
        raise ValueError("the question list must be a list of texts")
    return data


def test_saved_text_reads_back_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "notes" / "questions.json"
    write_json(path, QUESTIONS)
    assert read_json(path, [], _questions) == Loaded(QUESTIONS)
    assert [p.name for p in path.parent.iterdir()] == ["questions.json"]
    assert "Wie oft" in path.read_text(encoding="utf-8")


def test_a_failed_save_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "questions.json"
    write_json(path, QUESTIONS)

    def disk_full(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "[]\n")
    monkeypatch.undo()
    assert read_json(path, [], _questions).value == QUESTIONS
    assert [p.name for p in tmp_path.iterdir()] == ["questions.json"]


def test_missing_file_gives_the_defaults_without_a_notice(tmp_path: Path) -> None:
    assert read_json(tmp_path / "none.json", ["default"], _questions) == Loaded(["default"])


@pytest.mark.parametrize(
    "damage",
    [b'["half a list', b"\xff\xfe not text", b'{"not": "a list"}', b""],
    ids=["cut-off", "not-utf8", "wrong-shape", "empty"],
)
def test_damaged_file_is_moved_aside_and_defaults_are_used(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "questions.json"
    path.write_bytes(damage)
    loaded = read_json(path, [], _questions)
    assert loaded.value == []
    assert loaded.problem is not None
    assert "questions.json" in loaded.problem
    assert loaded.backup is not None
    assert loaded.backup.name.startswith("questions.json.broken-")
    assert loaded.backup.read_bytes() == damage
    assert not path.exists()
    write_json(path, ["new"])
    assert read_json(path, [], _questions) == Loaded(["new"])


def test_backups_never_overwrite_each_other(tmp_path: Path) -> None:
    now = dt.datetime(2026, 11, 24, 10, 30, 0)
    names = []
    for text in ("one", "two", "three"):
        path = tmp_path / "settings.ini"
        path.write_text(text)
        names.append(move_aside(path, now).name)
    assert names == [
        "settings.ini.broken-20261124-103000",
        "settings.ini.broken-20261124-103000-2",
        "settings.ini.broken-20261124-103000-3",
    ]

"""Settings persist, and a damaged file never stops the app."""

from __future__ import annotations

from pathlib import Path

from her2guide.settings import Settings


def test_values_persist_across_a_restart(tmp_path: Path) -> None:
    first = Settings(tmp_path / "settings.ini")
    first.language = "de"
    first.text_scale = 150
    first.last_page = "side-effects"
    first.you_are_here = "second-line"
    first.sync()
    again = Settings(tmp_path / "settings.ini")
    assert (again.language, again.text_scale, again.last_page, again.you_are_here) == (
        "de",
        150,
        "side-effects",
        "second-line",
    )


def test_defaults_when_nothing_is_stored(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert (settings.language, settings.text_scale, settings.last_page) == (None, 100, None)
    assert settings.geometry is None


def test_corrupt_file_falls_back_to_defaults_and_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\xff\xfe\x00garbage[[[\x00\x81")
    settings = Settings(path)
    assert settings.recovered_from is not None
    assert settings.recovered_from.parent == tmp_path
    assert settings.recovered_from.name.startswith("settings.ini.broken-")
    assert settings.recovered_from.read_bytes().startswith(b"\xff\xfe")
    assert settings.language is None
    settings.language = "en"
    settings.sync()
    assert Settings(path).language == "en"


def test_out_of_range_values_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=fr\ntext_scale=9000\n")
    settings = Settings(path)
    assert settings.language is None
    assert settings.text_scale == 300


def test_a_second_damaged_file_does_not_overwrite_the_first_backup(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\xff first")
    first = Settings(path).recovered_from
    path.write_bytes(b"\xff second")
    second = Settings(path).recovered_from
    assert first is not None
    assert second is not None
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"\xff first", b"\xff second")


def test_first_start_notice_is_remembered_once_acknowledged(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert not settings.notice_acknowledged
    settings.notice_acknowledged = True
    settings.sync()
    assert Settings(tmp_path / "settings.ini").notice_acknowledged


def test_saving_leaves_no_temporary_files_behind(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.language = "de"
    settings.sync()
    assert [p.name for p in tmp_path.iterdir()] == ["settings.ini"]

"""The app on a Linux desktop: its icon, the desktop entry and AppStream description (validated
with the desktop's own tools), installing them for a venv install, and the toolbar's icons."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QStyle

from her2guide import desktop_entry
from her2guide.app import create_application, main
from her2guide.paths import resources_dir
from her2guide.ui.icons import APP_ICON_SIZES
from tests.helpers import WindowFactory

DESKTOP = resources_dir() / "desktop"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is missing (scripts/system-packages.sh test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.system
def test_the_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP / desktop_entry.DESKTOP_FILE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not result.stdout.strip(), result.stdout  # not even a hint


@pytest.mark.system
def test_the_appstream_metainfo_is_valid_and_bilingual() -> None:
    metainfo = DESKTOP / desktop_entry.METAINFO_FILE
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(metainfo)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = metainfo.read_text(encoding="utf-8")
    assert '<p xml:lang="de">' in text
    assert "<screenshot " in text
    assert f'<launchable type="desktop-id">{desktop_entry.DESKTOP_FILE}</launchable>' in text


def test_the_app_icon_exists_in_every_size_and_is_the_window_icon() -> None:
    hicolor = resources_dir() / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "her2guide.svg").is_file()
    for size in APP_ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / "her2guide.png"))
        assert (image.width(), image.height()) == (size, size)
    create_application()
    icon = QApplication.windowIcon()
    assert {size.width() for size in icon.availableSizes()} >= set(APP_ICON_SIZES)
    assert _entry(DESKTOP / desktop_entry.DESKTOP_FILE)["Icon"] == "her2guide"


def test_install_and_uninstall_into_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    assert main(["--install-desktop-entry"]) == 0
    entry_path = data / "applications" / "her2guide.desktop"
    entry = _entry(entry_path)
    command = desktop_entry.launcher()
    assert entry["Exec"].startswith(command[0].replace("\\", "\\\\"))
    assert Path(entry["TryExec"]).exists()
    assert (data / "metainfo" / desktop_entry.METAINFO_FILE).is_file()
    for size in APP_ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "her2guide.png").is_file()
    assert str(entry_path) in capsys.readouterr().out
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True)
        assert result.returncode == 0, result.stdout

    (data / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    assert main(["--uninstall-desktop-entry"]) == 0
    left = sorted(str(path.relative_to(data)) for path in data.rglob("*") if path.is_file())
    assert left == ["applications/other.desktop"]


def test_a_path_with_spaces_is_quoted_in_exec() -> None:
    text = desktop_entry._entry_text("Exec=her2guide\n", ["/opt/my apps/her2guide", "-m"])
    assert text == 'Exec="/opt/my apps/her2guide" -m\n'


def test_toolbar_icons_say_what_they_do(make_window: WindowFactory) -> None:
    window = make_window()

    def image(icon: QIcon) -> QImage:
        return icon.pixmap(24, 24).toImage()

    folder = window.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon)
    assert image(window.home_action.icon()) != image(folder)
    assert image(window.timeline_action.icon()) != image(window.forward_action.icon())
    icons = [
        window.back_action,
        window.forward_action,
        window.home_action,
        window.timeline_action,
        window.quit_action,
        window.about_action,
    ]
    assert all(not action.icon().isNull() for action in icons)
    drawn = [image(action.icon()) for action in icons]
    assert all(drawn.count(one) == 1 for one in drawn)

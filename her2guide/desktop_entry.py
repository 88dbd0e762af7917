"""``her2guide --install-desktop-entry``: the app in the desktop's menu and software centre.

A venv or a frozen bundle is not known to the desktop. This copies the desktop entry (with the
command that starts this very installation), the app icon in every size and the AppStream
description into the user's own data folder (``$XDG_DATA_HOME``, by default
``~/.local/share``), where freedesktop.org desktops look for them; ``--uninstall-desktop-entry``
removes exactly those files again.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

DESKTOP_FILE = "her2guide.desktop"
METAINFO_FILE = "io.github.her2guide.her2guide.metainfo.xml"
ICON_NAME = "her2guide"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when it is an absolute path (as the specification asks), else the
    default ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this installation: the bundle's program, the venv's
    ``her2guide`` script, or this Python with ``-m her2guide``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("her2guide")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "her2guide"]


def _exec_argument(argument: str) -> str:
    """One argument of the entry's ``Exec`` key, quoted as the Desktop Entry spec asks."""
    argument = argument.replace("%", "%%")
    if _RESERVED & set(argument):
        for special in ("\\", '"', "`", "$"):
            argument = argument.replace(special, "\\" + special)
        argument = f'"{argument}"'
    return argument.replace("\\", "\\\\")  # the value itself is a string with escapes


def _entry_text(template: str, command: list[str]) -> str:
    """The shipped desktop entry with ``Exec`` and ``TryExec`` naming this installation."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_exec_argument(part) for part in command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _targets(data: Path, resources: Path) -> dict[Path, Path]:
    """Each shipped file and where it goes under ``data``."""
    desktop = resources / "desktop"
    hicolor = resources / "icons" / "hicolor"
    targets = {
        desktop / DESKTOP_FILE: data / "applications" / DESKTOP_FILE,
        desktop / METAINFO_FILE: data / "metainfo" / METAINFO_FILE,
    }
    for icon in sorted(hicolor.glob(f"*/apps/{ICON_NAME}.*")):
        targets[icon] = data / "icons" / "hicolor" / icon.relative_to(hicolor)
    return targets


def install(resources: Path, data: Path | None = None) -> list[Path]:
    """Writes the entry, icons and description; returns the files written."""
    data = data or data_home()
    written = []
    for source, target in _targets(data, resources).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.name == DESKTOP_FILE:
            text = _entry_text(source.read_text(encoding="utf-8"), launcher())
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(resources: Path, data: Path | None = None) -> list[Path]:
    """Removes what :func:`install` wrote; returns the files removed."""
    removed = []
    for target in _targets(data or data_home(), resources).values():
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed


def run(resources: Path, *, remove: bool) -> int:
    """The command-line action: does it, says what it did, returns the exit status."""
    try:
        files = uninstall(resources) if remove else install(resources)
    except OSError as error:
        print(f"her2guide: cannot change {error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    if remove:
        print(
            f"Removed {len(files)} file(s) of the desktop entry."
            if files
            else "No desktop entry of her2guide was installed."
        )
    else:
        entry = next(path for path in files if path.name == DESKTOP_FILE)
        print(f"Installed the desktop entry {entry} with its icon and description;")
        print(f"it starts: {' '.join(launcher())}")
    return 0

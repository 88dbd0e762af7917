"""Files that hold what the user entered: written atomically, and read so that damage costs nothing.

A crash or a full disk in the middle of a save must never leave a half-written file, so every save
goes to a temporary file in the same folder that then replaces the old one in one step. A file
that cannot be read is never overwritten with defaults: it is moved aside first, so that whatever
was in it can still be rescued by hand. Plain Python, no Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def write_atomic(path: Path, text: str) -> None:
    """Replaces ``path`` with ``text`` in one step; on any failure the old file stays as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself survive a power cut, where the system allows it (not on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def move_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Renames a damaged file to ``<name>.broken-<date-time>`` (never over an earlier backup)."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    os.replace(path, backup)
    return backup


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What was read, or the defaults with the reason the file could not be used.

    ``backup`` is where the unusable file was moved (None if it could not be moved either); the
    UI tells the user in a short notice whenever ``problem`` is set.
    """

    value: T
    problem: str | None = None
    backup: Path | None = None


def read_json(path: Path, default: T, validate: Callable[[Any], T]) -> Loaded[T]:
    """Reads a JSON file through ``validate`` (which raises ValueError or TypeError on bad data).

    A missing file gives the defaults quietly; a damaged one gives the defaults and is moved aside.
    """
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(default)
    except (OSError, UnicodeDecodeError) as error:
        return _recover(path, default, f"cannot read {path.name}: {error}")
    try:
        return Loaded(validate(json.loads(data)))
    except (ValueError, TypeError) as error:
        return _recover(path, default, f"{path.name} is damaged: {error}")


def _recover(path: Path, default: T, problem: str) -> Loaded[T]:
    try:
        backup: Path | None = move_aside(path)
    except OSError:
        backup = None
    return Loaded(default, problem, backup)


def write_json(path: Path, value: Any) -> None:
    """Saves ``value`` as readable UTF-8 JSON, atomically."""
    write_atomic(path, json.dumps(value, ensure_ascii=False, indent=2) + "\n")

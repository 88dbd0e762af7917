"""Parsed content and rendered pages kept on disk between runs, so start-up skips the parsing.

Everything for one language of one content folder lives in a folder named after a fingerprint of
what it was made from: the content folder's resolved path and its files, the interface
translations and every other resource (diagrams, style), the app's own code, the versions of the
libraries that read and render content (Markdown, Babel, PyYAML, Pyphen), the app's version and
today's date (pages past their review date show a note). Any change gives a new fingerprint and so
a fresh folder; older folders of the same content folder and language are removed.

The files are JSON (see ``content.datacodec``): the cache folder belongs to the user, and reading
it must never run code. A file that cannot be read back into the model is treated as missing:
it is rebuilt, silently.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import zlib
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from her2guide import __version__
from her2guide.content.datacodec import from_data, to_data
from her2guide.content.model import LanguageContent, Rendered

_PACKAGE = Path(__file__).resolve().parent.parent
_LIBRARIES = {"markdown": "markdown", "babel": "babel", "yaml": "pyyaml", "pyphen": "pyphen"}
"""Modules whose output ends up in the cache (pyphen: soft hyphens), with their distributions."""


def _stamps(folder: Path, suffix: str = "", *, recursive: bool = False) -> list[str]:
    """Name, modification time and size of each file in ``folder`` (ending in ``suffix``)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    stamps = []
    for entry in entries:
        if recursive and entry.is_dir() and entry.name != "__pycache__":
            inner = _stamps(Path(entry.path), suffix, recursive=True)
            stamps += [f"{entry.name}/{stamp}" for stamp in inner]
        elif entry.name.endswith(suffix) and entry.is_file():
            info = entry.stat()
            stamps.append(f"{entry.name}:{info.st_mtime_ns}:{info.st_size}")
    return stamps


@cache
def _code_and_libraries() -> tuple[str, ...]:
    """The app's code and the installed versions of the libraries that render; the same for the
    whole run, so measured once. A library's version is told by its installed files (the
    ``*.dist-info`` folder's name and the package's ``__init__``), found without importing it."""
    stamps = [__version__, sys.version, *_stamps(_PACKAGE, ".py", recursive=True)]
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the code is inside the program
        program = Path(sys.executable)
        stamps += [str(program), *_stamps(program.parent, program.name)]
    for name, distribution in _LIBRARIES.items():
        spec = find_spec(name)
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin is None:
            stamps.append(f"{name}: absent")
            continue
        info = [n for n in _names(origin.parent.parent) if n.startswith(f"{distribution}-")]
        stamps += [f"{name}: {origin}", *_stamps(origin.parent, "__init__.py"), *info]
    return tuple(stamps)


@cache
def _names(folder: Path) -> tuple[str, ...]:
    """The lower-case names in ``folder`` (a site-packages folder, read once)."""
    try:
        return tuple(sorted(name.lower() for name in os.listdir(folder)))
    except OSError:
        return ()


def fingerprint(content_root: Path, resources: Path, lang: str) -> str:
    """A short key for everything that changes what is cached for ``lang`` of ``content_root``."""
    root = content_root.resolve()
    stamps: list[str] = [str(root), lang, dt.date.today().isoformat()]
    stamps += _stamps(root / lang, recursive=True)
    stamps += _stamps(root, ".yaml")
    stamps += _stamps(resources.resolve(), recursive=True)
    stamps += _code_and_libraries()
    return _checksum("\n".join(stamps))


def _folder_tag(content_root: Path) -> str:
    """Part of the cache folder's name that tells content folders apart (old ones are removed)."""
    return _checksum(str(content_root.resolve()))[:8]


def _checksum(text: str) -> str:
    """64 bits that change with ``text``: enough to tell cached states apart (no one forges
    them). zlib, not hashlib: hashlib loads OpenSSL, 3.5 MB more memory at every start."""
    data = text.encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


class ContentCache:
    """One language's parsed content and rendered pages of one content folder, valid for one
    fingerprint."""

    def __init__(self, folder: Path, content_root: Path, lang: str, key: str) -> None:
        self._prefix = f"{lang}-{_folder_tag(content_root)}-"
        self.folder = folder / f"{self._prefix}{key}"

    def load_content(self) -> LanguageContent | None:
        return self._read("content.json", LanguageContent)

    def store_content(self, content: LanguageContent) -> None:
        self._write("content.json", content)
        for old in self.folder.parent.glob(f"{self._prefix}*"):
            if old != self.folder:
                shutil.rmtree(old, ignore_errors=True)

    def load_page(self, page_id: str) -> Rendered | None:
        return self._read(f"page-{page_id}.json", Rendered)

    def store_page(self, page_id: str, rendered: Rendered) -> None:
        self._write(f"page-{page_id}.json", rendered)

    def _read(self, name: str, kind: type) -> Any:
        """What was stored under ``name``; None when it is missing or damaged (then removed)."""
        path = self.folder / name
        try:
            text = path.read_bytes()
        except OSError:
            return None
        try:
            return from_data(kind, json.loads(text))
        except (ValueError, TypeError, KeyError, RecursionError):
            path.unlink(missing_ok=True)
            return None

    def _write(self, name: str, data: LanguageContent | Rendered) -> None:
        """Best effort: a cache that cannot be written only costs time on the next start."""
        try:
            text = json.dumps(to_data(data), ensure_ascii=False, separators=(",", ":"))
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f".{name}.{os.getpid()}.tmp"
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(self.folder / name)
        except (OSError, TypeError):
            return

"""Parsed content and rendered pages kept on disk between runs, so start-up skips the parsing.

Everything for one language lives in a folder named after a fingerprint of what it was made
from: the language's files, the interface translations, the code that reads and renders content,
the app's version and today's date (pages past their review date show a note). Any change gives a
new fingerprint and so a fresh folder; older folders of that language are removed.

The files are pickles of the content model: reading them back is several times faster than
building the model from JSON, which matters for large content. The fingerprint covers the code
of the model, so a pickle is only ever read by the code that wrote it; the folder is the user's
own cache folder, written only by the app.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

from her2guide import __version__
from her2guide.content.model import LanguageContent, Problem

_CODE = Path(__file__).resolve().parent


def _stamps(folder: Path, suffix: str = "") -> list[str]:
    """Name, modification time and size of each file in ``folder`` (ending in ``suffix``)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    stamps = []
    for entry in entries:
        if entry.name.endswith(suffix) and entry.is_file():
            info = entry.stat()
            stamps.append(f"{entry.name}:{info.st_mtime_ns}:{info.st_size}")
    return stamps


def fingerprint(content_root: Path, resources: Path, lang: str) -> str:
    stamps: list[str] = [__version__, lang, dt.date.today().isoformat()]
    stamps += _stamps(content_root / lang)
    stamps += _stamps(content_root, ".yaml")
    for catalogs in sorted({po.parent for po in (resources / "locale").rglob("*.po")}):
        stamps += _stamps(catalogs, ".po")
    stamps += _stamps(_CODE, ".py")
    return hashlib.sha1("\n".join(stamps).encode()).hexdigest()[:16]


class ContentCache:
    """One language's parsed content and rendered pages, valid for one fingerprint."""

    def __init__(self, folder: Path, lang: str, key: str) -> None:
        self.lang = lang
        self.folder = folder / f"{lang}-{key}"

    def load_content(self) -> LanguageContent | None:
        content = self._read("content.pickle")
        return content if isinstance(content, LanguageContent) else None

    def store_content(self, content: LanguageContent) -> None:
        self._write("content.pickle", content)
        for old in self.folder.parent.glob(f"{self.lang}-*"):
            if old != self.folder:
                shutil.rmtree(old, ignore_errors=True)

    def load_page(self, page_id: str) -> tuple[str, list[Problem]] | None:
        page = self._read(f"{page_id}.pickle")
        if not (isinstance(page, tuple) and len(page) == 2 and isinstance(page[0], str)):
            return None
        return page

    def store_page(self, page_id: str, html: str, problems: list[Problem]) -> None:
        self._write(f"{page_id}.pickle", (html, problems))

    def _read(self, name: str) -> Any:
        """What was stored under ``name``; None when it is missing or damaged."""
        try:
            return pickle.loads((self.folder / name).read_bytes())
        except Exception:  # a damaged file, whatever the damage, only costs a new parse
            return None

    def _write(self, name: str, data: object) -> None:
        """Best effort: a cache that cannot be written only costs time on the next start."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f".{name}.tmp"
            temporary.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self.folder / name)
        except OSError:
            return

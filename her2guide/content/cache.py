"""Parsed content and rendered pages kept on disk between runs, so start-up skips the parsing.

Everything for one language of one content folder lives in a folder named after a fingerprint of
what it was made from: the content folder's resolved path and its files, the interface
translations (the compiled catalogs among them) and every other resource (diagrams, style), the
app's own code, the versions of the libraries that read and render content (Markdown, PyYAML,
Pyphen) and the app's version. Any change gives a new fingerprint and so a fresh folder; older
folders of the same content folder and language are removed. Babel is not among the libraries:
it only compiles a catalog, and the compiled catalog is a resource, stamped itself. So that the
key sees the catalogs the app will read, any catalog still to be compiled (a fresh checkout's, an
edited .po's) is compiled before the resources are stamped; otherwise the start that first
compiles it would leave a key that the next start no longer finds.

Today's date is not in the fingerprint, so that the first start of a day reads the cache like any
other start. The one thing cached that depends on the date is the note on a page past its review
date: a rendered page is kept under a name that says whether it carries that note
(``page-ID.json`` or ``overdue-ID.json``), and the caller asks for the one that fits the day.

A language is kept in two files, so that start-up reads only what the first paint needs:
``index.json`` holds the sections, the glossary, the problems found and each page's id, title and
section, in the order the contents show them; ``pages.json`` holds the pages themselves (front
matter and body), one JSON object after the other, each read on its own when first asked for
(the index says where each one starts and ends). Start-up thus reads the same few kilobytes per
section however many pages there are, and decodes no page but the one it shows.

The files are JSON (see ``content.datacodec``): the cache folder belongs to the user, and reading
it must never run code. A file that cannot be read back into the model is treated as missing:
it is rebuilt, silently; a damaged page found later is read again from its content file.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
import zlib
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from her2guide import __version__
from her2guide.catalogs import compile_stale
from her2guide.content.datacodec import from_data, to_data
from her2guide.content.model import (
    GlossaryTerm,
    LanguageContent,
    Page,
    Pages,
    Problem,
    Rendered,
    Section,
)
from her2guide.paths import runs_from_checkout

_PACKAGE = Path(__file__).resolve().parent.parent
_LIBRARIES = {"markdown": "markdown", "yaml": "pyyaml", "pyphen": "pyphen"}
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
    compile_stale(resources / "locale", from_source=runs_from_checkout())
    stamps: list[str] = [str(root), lang]
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
        """The language as stored, its pages read when first asked for; None when missing."""
        index = self._read("index.json", dict[str, Any])
        if index is None:
            return None
        try:
            return self._content(index)
        except (ValueError, TypeError, KeyError):
            (self.folder / "index.json").unlink(missing_ok=True)
            return None

    def _content(self, index: dict[str, Any]) -> LanguageContent:
        """The content the index describes; ``ValueError`` (or ``TypeError``, ``KeyError``)
        when the index does not match the model or ``pages.json`` does not match the index."""
        ids, titles, within, ends = (index[key] for key in ("ids", "titles", "in", "ends"))
        columns = ((ids, str), (titles, str), (within, str), (ends, int))
        if not all(isinstance(c, list) and _all_of(c, kind) for c, kind in columns):
            raise ValueError("the index's page columns are not lists of the right kind")
        if not len(ids) == len(titles) == len(within) == len(ends):
            raise ValueError("the index's page columns differ in length")
        outline = index["outline"]
        if not isinstance(outline, dict) or not all(
            isinstance(shown, list) and _all_of(shown, str) for shown in outline.values()
        ):
            raise ValueError("the index's outline is not lists of page ids")
        words = index["words"]
        if not isinstance(words, list) or not _all_of(words, str):
            raise ValueError("the index's title words are not a list of text")
        headings = dict(zip(ids, zip(titles, within, strict=True), strict=True))
        if any(page_id not in headings for shown in outline.values() for page_id in shown):
            raise ValueError("the index's outline names pages it does not hold")
        lang, folder = from_data(str, index["lang"]), from_data(Path, index["folder"])
        sections = from_data(list[Section], index["sections"])
        known = {section.id for section in sections}
        records = _Records(
            self.folder / "pages.json",
            ids,
            ends,
            lambda page_id: _parse_again(folder, lang, page_id, known),
        )
        if records.size() != (ends[-1] if ends else 1) + 1:
            raise ValueError("pages.json does not match the index")
        return LanguageContent(
            lang=lang,
            folder=folder,
            sections=sections,
            pages=Pages(headings, outline, records.page, records.pages, words),
            glossary=from_data(dict[str, GlossaryTerm], index["glossary"]),
            problems=from_data(list[Problem], index["problems"]),
        )

    def store_content(self, content: LanguageContent) -> None:
        """Keeps ``content`` (read in full) and removes older folders of its language."""
        pages = content.pages
        try:
            records = [_json(page).encode() for page in pages.values()]
        except TypeError:
            return
        # pages.json is one JSON list: "[" and a comma before each page after the first.
        ends = list(itertools.accumulate(len(record) + 1 for record in records))
        index = {
            "lang": content.lang,
            "folder": str(content.folder),
            "sections": to_data(content.sections),
            "glossary": to_data(content.glossary),
            "problems": to_data(content.problems),
            "ids": list(pages),
            "titles": [pages.title(page_id) for page_id in pages],
            "in": [pages.section_of(page_id) for page_id in pages],
            "ends": ends,
            "outline": pages.outline,
            "words": pages.title_words(),
        }
        if self._write_bytes("pages.json", b"[" + b",".join(records) + b"]"):
            self._write("index.json", index)
        for old in self.folder.parent.glob(f"{self._prefix}*"):
            if old != self.folder:
                shutil.rmtree(old, ignore_errors=True)

    def load_page(self, page_id: str, *, overdue: bool) -> Rendered | None:
        """The page as rendered with (``overdue``) or without the note that its review is due."""
        return self._read(_page_file(page_id, overdue), Rendered)

    def store_page(self, page_id: str, rendered: Rendered, *, overdue: bool) -> None:
        self._write(_page_file(page_id, overdue), rendered)

    def _read(self, name: str, kind: Any) -> Any:
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

    def _write(self, name: str, data: Any) -> None:
        try:
            text = _json(data)
        except TypeError:
            return
        self._write_bytes(name, text.encode())

    def _write_bytes(self, name: str, data: bytes) -> bool:
        """Best effort: a cache that cannot be written only costs time on the next start."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f".{name}.{os.getpid()}.tmp"
            temporary.write_bytes(data)
            temporary.replace(self.folder / name)
        except OSError:
            return False
        return True


def _page_file(page_id: str, overdue: bool) -> str:
    return f"{'overdue' if overdue else 'page'}-{page_id}.json"


def _json(value: Any) -> str:
    return json.dumps(to_data(value), ensure_ascii=False, separators=(",", ":"))


def _all_of(values: list[Any], kind: type) -> bool:
    """Whether every value is exactly of ``kind`` (a check at C speed: it runs at start-up)."""
    return set(map(type, values)) <= {kind}


class _Records:
    """The pages in ``pages.json``, a JSON list: each page ends at the offset ``ends`` gives and
    starts one byte after the previous one's end (after the "[" or the comma). A page that cannot
    be read is read again from its content file (the fingerprint says that it did not change)."""

    def __init__(
        self, path: Path, ids: list[str], ends: list[int], again: Callable[[str], Page]
    ) -> None:
        self.path = path
        self._ids = ids
        self._ends = ends
        self._positions = dict(zip(ids, range(len(ids)), strict=True))
        self._again = again

    def _span(self, position: int) -> slice:
        start = self._ends[position - 1] + 1 if position else 1
        return slice(start, self._ends[position])

    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return -1

    def page(self, page_id: str) -> Page:
        span = self._span(self._positions[page_id])
        try:
            with self.path.open("rb") as file:
                file.seek(span.start)
                data = file.read(span.stop - span.start)
        except (OSError, ValueError):  # ValueError: a damaged index gave a negative offset
            data = b""
        return self._decode(page_id, data)

    def pages(self) -> dict[str, Page]:
        try:
            data = self.path.read_bytes()
        except OSError:
            data = b""
        return {
            page_id: self._decode(page_id, data[self._span(position)])
            for position, page_id in enumerate(self._ids)
        }

    def _decode(self, page_id: str, data: bytes) -> Page:
        try:
            page = from_data(Page, json.loads(data))
        except (ValueError, TypeError, KeyError, RecursionError):
            page = None
        if isinstance(page, Page) and page.id == page_id:
            return page
        return self._again(page_id)


def _parse_again(folder: Path, lang: str, page_id: str, sections: set[str]) -> Page:
    """The page read from its content file, for a damaged cache entry; ``KeyError`` when the file
    no longer holds a page."""
    from her2guide.content.pages import parse_page

    page = parse_page(folder / f"{page_id}.md", lang, sections)[0]
    if page is None:
        raise KeyError(page_id)
    return page

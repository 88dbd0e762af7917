"""The search index of one language as an SQLite database, kept on disk between runs.

The file lives in the content cache's folder of its language (see ``content.cache``), so it is
keyed exactly like the cached content: the content folder and its files, the app's code and the
libraries' versions. Any change gives a new folder, and so a new index.

Besides the FTS5 table, the file holds every document (read back one at a time, only for the hits
that are ranked or shown) and the vocabulary for typos and compounds (a few thousand words, read
whole: it grows with the words the content uses, not with its pages). The last thing written is
the format number; a file without it (a build cut short), of another format, or damaged is
deleted, and the caller builds it again.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from her2guide.content.datacodec import from_data, to_data
from her2guide.search.spelling import Vocabulary

if TYPE_CHECKING:
    from her2guide.search.index import Document

FORMAT = "1"
FILE_NAME = "search-index.sqlite"
COLUMNS = ("title", "headings", "summary", "body", "terms")

Row = tuple[str, str, str, str, str]  # the stored text of each column


def create(
    db: sqlite3.Connection, rows: Iterable[Row], documents: list[Document], vocabulary: Vocabulary
) -> None:
    """Writes the whole index into an empty database; the format number goes in last."""
    db.execute(f"CREATE VIRTUAL TABLE docs USING fts5({', '.join(COLUMNS)}, tokenize='trigram')")
    db.executemany(
        f"INSERT INTO docs(rowid, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)",
        ((number, *row) for number, row in enumerate(rows)),
    )
    db.execute("CREATE TABLE documents (rowid INTEGER PRIMARY KEY, kind TEXT, data TEXT)")
    db.executemany(
        "INSERT INTO documents VALUES (?, ?, ?)",
        (
            (number, document.kind, json.dumps(to_data(document), ensure_ascii=False))
            for number, document in enumerate(documents)
        ),
    )
    db.execute("CREATE TABLE words (word TEXT, count INTEGER, name INTEGER, written TEXT)")
    db.executemany("INSERT INTO words VALUES (?, ?, ?, ?)", vocabulary.rows())
    db.execute("CREATE TABLE format (number TEXT)")
    db.execute("INSERT INTO format VALUES (?)", (FORMAT,))
    db.commit()


def write_file(
    path: Path, rows: Iterable[Row], documents: list[Document], vocabulary: Vocabulary
) -> None:
    """Builds the file beside ``path`` and moves it there when complete, so that a reader never
    sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(temporary)
    try:
        create(db, rows, documents, vocabulary)
    finally:
        db.close()
    temporary.replace(path)


def open_kept(path: Path) -> sqlite3.Connection | None:
    """The kept index at ``path``, or None when there is none or it is unusable (then deleted)."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        path.unlink(missing_ok=True)
        return None
    try:
        (number,) = db.execute("SELECT number FROM format").fetchone()
        db.execute("SELECT rowid FROM docs LIMIT 1").fetchall()
        if number == FORMAT:
            return db
    except (sqlite3.Error, TypeError, ValueError):
        pass
    db.close()
    path.unlink(missing_ok=True)
    return None


def is_kept(path: Path) -> bool:
    """Whether a usable index is kept at ``path``."""
    db = open_kept(path)
    if db is None:
        return False
    db.close()
    return True


class StoredDocuments:
    """The documents of an index, read from the database when first asked for, then kept."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._read: dict[int, Document] = {}

    def __getitem__(self, rowid: int) -> Document:
        if rowid not in self._read:
            (data,) = self._db.execute(
                "SELECT data FROM documents WHERE rowid = ?", (rowid,)
            ).fetchone()
            self._read[rowid] = _document(data)
        return self._read[rowid]

    def __len__(self) -> int:
        count: int = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        return count

    def of_kind(self, kind: str) -> Iterator[Document]:
        """Every document of one kind (``term``: the glossary), in index order."""
        rowids = self._db.execute(
            "SELECT rowid FROM documents WHERE kind = ? ORDER BY rowid", (kind,)
        ).fetchall()
        return (self[rowid] for (rowid,) in rowids)


def _document(data: str) -> Document:
    from her2guide.search.index import Document

    document: Document = from_data(Document, json.loads(data))
    return document


def load_vocabulary(db: sqlite3.Connection, lang: str) -> Vocabulary:
    return Vocabulary.from_rows(lang, db.execute("SELECT word, count, name, written FROM words"))

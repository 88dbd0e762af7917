"""Parsed content and rendered pages kept on disk between runs, so start-up skips the parsing.

Everything for one language lives in a folder named after a fingerprint of what it was made
from: the language's files, the interface translations, the code that reads and renders content,
the app's version and today's date (pages past their review date show a note). Any change gives a
new fingerprint and so a fresh folder; older folders of that language are removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

from her2guide import __version__
from her2guide.content.model import (
    GlossaryTerm,
    LanguageContent,
    Page,
    Problem,
    Section,
    Source,
)

_CODE = Path(__file__).resolve().parent


def fingerprint(content_root: Path, resources: Path, lang: str) -> str:
    stamps: list[str] = [__version__, lang, dt.date.today().isoformat()]
    files = [
        *sorted((content_root / lang).iterdir()),
        *sorted(content_root.glob("*.yaml")),
        *sorted((resources / "locale").rglob("*.po")),
        *sorted(_CODE.glob("*.py")),
    ]
    for path in files:
        if path.is_file():
            info = path.stat()
            stamps.append(f"{path.name}:{info.st_mtime_ns}:{info.st_size}")
    return hashlib.sha1("\n".join(stamps).encode()).hexdigest()[:16]


def _page_to_json(page: Page) -> dict[str, Any]:
    data = asdict(page)
    data["path"] = str(page.path)
    data["reviewed"] = page.reviewed.isoformat()
    data["review_due"] = page.review_due.isoformat()
    return data


def _page_from_json(data: dict[str, Any]) -> Page:
    return Page(
        **{
            **data,
            "path": Path(data["path"]),
            "reviewed": dt.date.fromisoformat(data["reviewed"]),
            "review_due": dt.date.fromisoformat(data["review_due"]),
            "sources": tuple(Source(**s) for s in data["sources"]),
            "questions": tuple(data["questions"]),
        }
    )


def _problem_to_json(problem: Problem) -> list[Any]:
    return [str(problem.path), problem.line, problem.message]


class ContentCache:
    """One language's parsed content and rendered pages, valid for one fingerprint."""

    def __init__(self, folder: Path, lang: str, key: str) -> None:
        self.lang = lang
        self.folder = folder / f"{lang}-{key}"

    def load_content(self) -> LanguageContent | None:
        try:
            data = json.loads((self.folder / "content.json").read_text(encoding="utf-8"))
            return LanguageContent(
                lang=self.lang,
                folder=Path(data["folder"]),
                sections=[Section(**s) for s in data["sections"]],
                pages={p["id"]: _page_from_json(p) for p in data["pages"]},
                glossary={
                    g["id"]: GlossaryTerm(**{**g, "aliases": tuple(g["aliases"])})
                    for g in data["glossary"]
                },
                problems=[Problem(Path(p), line, m) for p, line, m in data["problems"]],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store_content(self, content: LanguageContent) -> None:
        data = {
            "folder": str(content.folder),
            "sections": [asdict(s) for s in content.sections],
            "pages": [_page_to_json(p) for p in content.pages.values()],
            "glossary": [asdict(g) for g in content.glossary.values()],
            "problems": [_problem_to_json(p) for p in content.problems],
        }
        self._write("content.json", data)
        for old in self.folder.parent.glob(f"{self.lang}-*"):
            if old != self.folder:
                shutil.rmtree(old, ignore_errors=True)

    def load_page(self, page_id: str) -> tuple[str, list[Problem]] | None:
        try:
            data = json.loads((self.folder / f"{page_id}.json").read_text(encoding="utf-8"))
            return data["html"], [Problem(Path(p), line, m) for p, line, m in data["problems"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store_page(self, page_id: str, html: str, problems: list[Problem]) -> None:
        self._write(
            f"{page_id}.json", {"html": html, "problems": [_problem_to_json(p) for p in problems]}
        )

    def _write(self, name: str, data: dict[str, Any]) -> None:
        """Best effort: a cache that cannot be written only costs time on the next start."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f".{name}.tmp"
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self.folder / name)
        except OSError:
            return

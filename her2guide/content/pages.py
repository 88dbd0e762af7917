"""Reads and validates pages, sections and the glossary of one language folder."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from her2guide.content.model import (
    REVIEW_ROLES,
    ContentError,
    GlossaryTerm,
    LanguageContent,
    Page,
    Pages,
    Problem,
    Reviewer,
    Section,
    Source,
)
from her2guide.content.yamlsource import child, item_lines, key_lines, parse_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PAGE_KEYS = (
    "title", "section", "order", "summary", "reviewed", "review_due",
    "sources", "questions", "teach_back", "reviewed_by",
)  # fmt: skip
REVIEWER_KEYS = ("name", "role")
SOURCE_KEYS = ("text", "doi", "pmid", "url")
GLOSSARY_KEYS = ("id", "term", "definition", "aliases", "pronunciation")
SECTION_KEYS = ("id", "title")
DATA_FILES = ("sections.yaml", "glossary.yaml", "timeline.yaml")
# The longest page is about 11 kB; a 1 MB page already takes seconds to lay out.
MAX_PAGE_BYTES = 200_000
# Python-Markdown parses nested blocks recursively: 60 levels are quick, a few hundred take
# seconds and then hit Python's recursion limit.
MAX_NESTING = 10
_QUOTES = re.compile(r"[ \t]*(?:>[ \t]?)+")


def read_text(path: Path) -> str:
    """A content file's text; a BOM and Windows line endings are accepted, bad encodings and NUL
    bytes (a damaged file, or one that is not text) are not."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(
            Problem(path, line, "the file is not UTF-8 text; save it again as UTF-8")
        ) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        raise ContentError(
            Problem(path, line, "the file contains NUL bytes (damaged, or not text); remove them")
        )
    return text


def unreadable(path: Path, error: OSError) -> Problem:
    """A file the system refuses to read (a folder with a page's name, no permission, ...)."""
    reason = error.strerror or type(error).__name__
    return Problem(path, 1, f"cannot read this file ({reason}); it must be a normal text file")


def nesting_problem(body: str, path: Path, first_line: int) -> Problem | None:
    """Lists, quotes or indented blocks nested deeper than the renderer can take."""
    for offset, line in enumerate(body.split("\n")):
        quotes = _QUOTES.match(line)
        depth = quotes.group(0).count(">") if quotes else 0
        rest = line[quotes.end() :] if quotes else line
        if rest.strip():
            indent = len(rest) - len(rest.lstrip(" \t"))
            depth += len(rest[:indent].expandtabs(4)) // 4
        if depth > MAX_NESTING:
            return Problem(
                path,
                first_line + offset,
                f"lists, quotes or indented text are nested {depth} levels deep here; "
                f"use at most {MAX_NESTING} levels (each level is 4 spaces or one '>')",
            )
    return None


def unknown_key_message(key: str, allowed: tuple[str, ...]) -> str:
    hint = difflib.get_close_matches(key, allowed, n=1)
    suggestion = f" (did you mean '{hint[0]}'?)" if hint else f"; allowed: {', '.join(allowed)}"
    return f"unknown key '{key}'{suggestion}"


@dataclass
class EntryFields:
    """Typed reading of one YAML mapping that collects a problem for every wrong field."""

    data: dict[str, Any]
    lines: dict[str, int]
    path: Path
    line: int
    problems: list[Problem] = field(default_factory=list)

    def at(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def fail(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.at(key), message))

    def unknown(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                self.fail(str(key), unknown_key_message(str(key), allowed))

    def get(self, key: str, kind: type, what: str, *, required: bool = True) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.problems.append(Problem(self.path, self.line, f"missing required key '{key}'"))
            return None
        value = self.data[key]
        if kind is int and isinstance(value, bool):
            value = None
        if kind is dt.date and isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, kind):
            self.fail(key, f"'{key}' must be {what}, not {_describe(self.data[key])}")
            return None
        if isinstance(value, str) and not value.strip():
            self.fail(key, f"'{key}' is empty")
            return None
        return value

    def text_list(self, key: str, node: yaml.Node | None, *, required: bool = True) -> list[str]:
        values = self.get(key, list, "a list", required=required)
        if values is None:
            return []
        lines = item_lines(child(node, key), self.line)
        result = []
        for index, value in enumerate(values):
            if isinstance(value, str) and value.strip():
                result.append(value)
            else:
                line = lines[index] if index < len(lines) else self.at(key)
                self.problems.append(Problem(self.path, line, f"'{key}' item must be text"))
        if required and not values:
            self.fail(key, f"'{key}' needs at least one item")
        return result


def _describe(value: object) -> str:
    if isinstance(value, str):
        return f"the text '{value}'"
    return {
        bool: "yes/no",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """The YAML front matter and the Markdown body of a page, and the body's first line."""
    if not text.strip():
        raise ContentError(
            Problem(path, 1, "the file is empty; a page needs front matter and text")
        )
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise ContentError(
            Problem(path, 1, "the page must start with a line '---' that opens the front matter")
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ContentError(Problem(path, 1, "the front matter is not closed by a line '---'"))


def parse_sources(
    fields: EntryFields, node: yaml.Node | None, *, required: bool = True
) -> tuple[Source, ...]:
    """Source entries, each with text and at least one of DOI, PMID or URL."""
    entries = fields.get("sources", list, "a list of sources", required=required)
    if entries is None:
        return ()
    if required and not entries:
        fields.fail("sources", "'sources' needs at least one entry")
    lines = item_lines(child(node, "sources"), fields.line)
    sources = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else fields.at("sources")
        if not isinstance(entry, dict):
            fields.problems.append(
                Problem(fields.path, line, "a source must have 'text' and 'doi', 'pmid' or 'url'")
            )
            continue
        for key in entry:
            if key not in SOURCE_KEYS:
                fields.problems.append(
                    Problem(fields.path, line, unknown_key_message(str(key), SOURCE_KEYS))
                )
        text = entry.get("text")
        ids = {k: str(entry[k]).strip() for k in ("doi", "pmid", "url") if entry.get(k)}
        if not isinstance(text, str) or not text.strip():
            fields.problems.append(Problem(fields.path, line, "a source needs 'text'"))
            continue
        if not ids:
            fields.problems.append(
                Problem(fields.path, line, f"source '{text}' needs a 'doi', 'pmid' or 'url'")
            )
            continue
        url = ids.get("url")
        if url and not url.startswith(("https://", "http://")):
            fields.problems.append(
                Problem(fields.path, line, f"source url must start with https://: {url}")
            )
        sources.append(Source(text=text, doi=ids.get("doi"), pmid=ids.get("pmid"), url=url))
    return tuple(sources)


def parse_reviewer(fields: EntryFields) -> Reviewer | None:
    """``reviewed_by: {name, role}``: who reviewed the page; a clinician only when one signed."""
    value = fields.data.get("reviewed_by")
    if value is None:
        return None
    if not isinstance(value, dict):
        fields.fail("reviewed_by", "'reviewed_by' must hold 'name' and 'role'")
        return None
    for key in value:
        if key not in REVIEWER_KEYS:
            fields.fail("reviewed_by", unknown_key_message(str(key), REVIEWER_KEYS))
    name, role = value.get("name"), value.get("role")
    if not isinstance(name, str) or not name.strip():
        fields.fail("reviewed_by", "'reviewed_by' needs a 'name' (a person or a team)")
        return None
    if role not in REVIEW_ROLES:
        fields.fail(
            "reviewed_by", f"'reviewed_by' role must be {' or '.join(REVIEW_ROLES)}, not {role!r}"
        )
        return None
    return Reviewer(name.strip(), role)


def parse_page(path: Path, lang: str, section_ids: set[str]) -> tuple[Page | None, list[Problem]]:
    """A page from its file, or None with the problems that make it unusable."""
    page_id = path.stem
    problems: list[Problem] = []
    if not ID_PATTERN.match(page_id):
        return None, [
            Problem(
                path,
                1,
                "file name must be lower-case letters, digits and hyphens, e.g. side-effects.md",
            )
        ]
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return None, [
                Problem(
                    path,
                    1,
                    f"the page is {size / 1_000_000:.1f} MB; a page may be at most "
                    f"{MAX_PAGE_BYTES // 1000} kB: split it into several pages",
                )
            ]
        front, body, body_line = split_front_matter(read_text(path), path)
        data, node = parse_yaml(front, path, first_line=2)
    except OSError as error:
        return None, [unreadable(path, error)]
    except ContentError as error:
        return None, [error.problem]
    too_deep = nesting_problem(body, path, body_line)
    if too_deep is not None:
        return None, [too_deep]
    if not isinstance(data, dict):
        return None, [
            Problem(path, 2, "the front matter must be 'key: value' lines (title, section, ...)")
        ]
    fields = EntryFields(data, key_lines(node, 2), path, 2, problems)
    fields.unknown(PAGE_KEYS)
    values = {
        "title": fields.get("title", str, "text"),
        "section": fields.get("section", str, "a section id"),
        "order": fields.get("order", int, "a whole number"),
        "summary": fields.get("summary", str, "text"),
        "reviewed": fields.get("reviewed", dt.date, "a date like 2026-11-24"),
        "review_due": fields.get("review_due", dt.date, "a date like 2027-11-24"),
        "teach_back": fields.get("teach_back", str, "text"),
    }
    sources = parse_sources(fields, node)
    questions = fields.text_list("questions", node)
    reviewer = parse_reviewer(fields)
    section = values["section"]
    if section is not None and section not in section_ids:
        known = ", ".join(sorted(section_ids)) or "none (sections.yaml could not be read)"
        fields.fail("section", f"unknown section '{section}'; sections are: {known}")
        values["section"] = None
    reviewed, due = values["reviewed"], values["review_due"]
    if reviewed and due and due < reviewed:
        fields.fail("review_due", "'review_due' is before 'reviewed'")
    if any(v is None for v in values.values()) or not sources or not questions:
        return None, problems
    page = Page(
        id=page_id, lang=lang, path=path, sources=sources, questions=tuple(questions),
        body=body, body_line=body_line, reviewed_by=reviewer, **values,
    )  # fmt: skip
    return page, problems


def _read_list(path: Path) -> tuple[list[Any], yaml.Node | None]:
    data, node = parse_yaml(read_text(path), path)
    if not isinstance(data, list):
        raise ContentError(
            Problem(path, 1, "the file must be a list of entries, each starting with '- id:'")
        )
    return data, node


def parse_entries(
    path: Path, allowed: tuple[str, ...], build: Callable[[EntryFields], Any]
) -> tuple[list[Any], list[Problem]]:
    """Entries of a YAML list file, each checked for unknown keys, ids and duplicates."""
    if not path.exists():
        return [], [Problem(path, 1, f"{path.name} is missing")]
    try:
        data, node = _read_list(path)
    except OSError as error:
        return [], [unreadable(path, error)]
    except ContentError as error:
        return [], [error.problem]
    lines = item_lines(node, 1)
    items: list[Any] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, entry in enumerate(data):
        line = lines[index]
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, "each entry must be a mapping with 'id:'"))
            continue
        entry_node = node.value[index] if node is not None else None
        fields = EntryFields(entry, key_lines(entry_node, 1), path, line, problems)
        fields.unknown(allowed)
        entry_id = fields.get("id", str, "an id like side-effects")
        if entry_id is None:
            continue
        if not ID_PATTERN.match(entry_id):
            fields.fail("id", f"id '{entry_id}' must be lower-case letters, digits and hyphens")
            continue
        if entry_id in seen:
            fields.fail("id", f"duplicate id '{entry_id}'")
            continue
        seen.add(entry_id)
        item = build(fields)
        if item is not None:
            items.append(item)
    return items, problems


def parse_sections(path: Path) -> tuple[list[Section], list[Problem]]:
    def build(f: EntryFields) -> Section | None:
        title = f.get("title", str, "text")
        return Section(f.data["id"], title) if title else None

    return parse_entries(path, SECTION_KEYS, build)


def parse_glossary(path: Path) -> tuple[list[GlossaryTerm], list[Problem]]:
    owners: dict[str, str] = {}

    def build(f: EntryFields) -> GlossaryTerm | None:
        term = f.get("term", str, "text")
        definition = f.get("definition", str, "text")
        aliases = f.text_list("aliases", None, required=False) if "aliases" in f.data else []
        pronunciation = f.get("pronunciation", str, "text", required=False)
        if not term or not definition:
            return None
        # A word found in the text must lead to one term only.
        for key, word in [("term", term)] + [("aliases", alias) for alias in aliases]:
            owner = owners.setdefault(word.casefold(), f.data["id"])
            if owner != f.data["id"]:
                f.fail(
                    key,
                    f"'{word}' already belongs to the glossary term '{owner}'; "
                    "a term or alias may lead to one term only",
                )
        return GlossaryTerm(f.data["id"], term, definition.strip(), tuple(aliases), pronunciation)

    return parse_entries(path, GLOSSARY_KEYS, build)


def load_language(folder: Path, lang: str) -> LanguageContent:
    """Loads one language folder; broken pages are left out and reported, never raised."""
    sections, problems = parse_sections(folder / "sections.yaml")
    glossary, glossary_problems = parse_glossary(folder / "glossary.yaml")
    problems += glossary_problems
    section_ids = {s.id for s in sections}
    pages: dict[str, Page] = {}
    for path in sorted(folder.glob("*.md")):
        page, page_problems = parse_page(path, lang, section_ids)
        problems += page_problems
        if page is not None:
            pages[page.id] = page
    glossary_terms = {term.id: term for term in glossary}
    return LanguageContent(lang, folder, sections, Pages.of(pages), glossary_terms, problems)

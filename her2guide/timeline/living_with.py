"""What it is like to live with each treatment of the path: content/<lang>/living-with.yaml.

Kept apart from timeline.yaml so that the treatment path and this data can change on their own.
Each entry is keyed by a timeline option id; ``always`` describes the care that stands beside
every line (supportive and palliative care, a break, stopping). Every problem names file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from her2guide.content.model import ContentError, Problem, Source
from her2guide.content.pages import EntryFields, parse_sources
from her2guide.content.yamlsource import child, key_lines, parse_yaml

FILE_NAME = "living-with.yaml"
EVIDENCE_KINDS = ("randomised", "single-arm", "subgroup", "expert")
TOP_KEYS = ("always", "options")
ALWAYS_KEYS = ("title", "text", "page")
ENTRY_KEYS = ("evidence", "stand_in", "given", "burden", "harms", "sources")
_CITATION = re.compile(r"\[S(\d+)\]")


@dataclass(frozen=True)
class AlwaysThere:
    """The choice that is open beside every line, and the page that explains it."""

    title: str
    text: str
    page: str


@dataclass(frozen=True)
class LivingWith:
    """How one option is given, what it asks of a person, and its harms in numbers."""

    evidence: str
    stand_in: bool
    given: str
    burden: str
    harms: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class LivingWithData:
    always: AlwaysThere | None
    options: dict[str, LivingWith]


def load_living_with(path: Path) -> tuple[LivingWithData | None, list[Problem]]:
    """One language's file; None only when it cannot be used at all (missing, unreadable)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(path, 1, f"the file {FILE_NAME} is missing")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(path, 1, f"cannot read {FILE_NAME}: {error}")]
    try:
        data, node = parse_yaml(text, path)
    except ContentError as error:
        return None, [error.problem]
    top = _fields(data, node, path, 1)
    if top is None:
        message = f"{FILE_NAME} must be a mapping with 'always' and 'options'"
        return None, [Problem(path, 1, message)]
    top.unknown(TOP_KEYS)
    always = _always(top, node)
    options: dict[str, LivingWith] = {}
    entries = top.get("options", dict, "a mapping of option ids")
    options_node = child(node, "options")
    lines = key_lines(options_node, 1)
    for option_id, value in (entries or {}).items():
        fields = _fields(value, child(options_node, option_id), path, lines.get(str(option_id), 1))
        if fields is None:
            top.problems.append(
                Problem(path, lines.get(str(option_id), 1), f"'{option_id}' must be a mapping")
            )
            continue
        entry = _entry(fields, child(options_node, option_id))
        top.problems += fields.problems
        if entry is not None:
            options[str(option_id)] = entry
    return LivingWithData(always, options), top.problems


def _fields(data: Any, node: yaml.Node | None, path: Path, line: int) -> EntryFields | None:
    if not isinstance(data, dict):
        return None
    return EntryFields(data, key_lines(node, 1), path, line)


def _always(top: EntryFields, node: yaml.Node | None) -> AlwaysThere | None:
    value = top.get("always", dict, "a mapping with title, text and page")
    if value is None:
        return None
    fields = EntryFields(value, key_lines(child(node, "always"), 1), top.path, top.at("always"))
    fields.unknown(ALWAYS_KEYS)
    title, text, page = (fields.get(key, str, "text") for key in ALWAYS_KEYS)
    top.problems += fields.problems
    if title and text and page:
        return AlwaysThere(title.strip(), " ".join(text.split()), page.strip())
    return None


def _entry(fields: EntryFields, node: yaml.Node | None) -> LivingWith | None:
    fields.unknown(ENTRY_KEYS)
    evidence = fields.get("evidence", str, "one of " + ", ".join(EVIDENCE_KINDS))
    if evidence is not None and evidence not in EVIDENCE_KINDS:
        fields.fail("evidence", f"'evidence' must be one of {', '.join(EVIDENCE_KINDS)}")
        evidence = None
    stand_in = fields.get("stand_in", bool, "yes or no")
    given = fields.get("given", str, "text")
    burden = fields.get("burden", str, "text")
    harms = fields.text_list("harms", node)
    sources = parse_sources(fields, node)
    for key, texts in (("given", [given]), ("burden", [burden]), ("harms", harms)):
        for number in _citations(t for t in texts if t):
            if not 1 <= number <= len(sources):
                fields.fail(key, f"citation [S{number}] has no source (there are {len(sources)})")
    if None in (evidence, stand_in, given, burden) or fields.problems:
        return None
    return LivingWith(
        evidence=str(evidence),
        stand_in=bool(stand_in),
        given=" ".join(str(given).split()),
        burden=" ".join(str(burden).split()),
        harms=tuple(harms),
        sources=sources,
    )


def _citations(texts: Iterable[str]) -> list[int]:
    return [int(number) for text in texts for number in _CITATION.findall(text)]


def check_living_with_pair(
    en_path: Path, de_path: Path, option_ids: set[str], page_ids: set[str]
) -> list[Problem]:
    """Both languages load, cover every option of the path, and agree on what is not text."""
    (en, en_problems), (de, de_problems) = load_living_with(en_path), load_living_with(de_path)
    problems = en_problems + de_problems
    for data, path in ((en, en_path), (de, de_path)):
        if data is None:
            continue
        for missing in sorted(option_ids - set(data.options)):
            problems.append(Problem(path, 1, f"no entry for the timeline option '{missing}'"))
        for unknown in sorted(set(data.options) - option_ids):
            problems.append(Problem(path, 1, f"'{unknown}' is not an option of the timeline"))
        if data.always and data.always.page not in page_ids:
            message = f"'always' links to a missing page '{data.always.page}'"
            problems.append(Problem(path, 1, message))
    if en is None or de is None:
        return problems
    for option_id in sorted(set(en.options) & set(de.options)):
        a, b = en.options[option_id], de.options[option_id]
        same = (a.evidence, a.stand_in, len(a.harms), [(s.doi, s.pmid) for s in a.sources]) == (
            b.evidence,
            b.stand_in,
            len(b.harms),
            [(s.doi, s.pmid) for s in b.sources],
        )
        if not same:
            message = f"'{option_id}' differs from English in evidence, harms or sources"
            problems.append(Problem(de_path, 1, message))
    return problems

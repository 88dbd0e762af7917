"""``her2guide check``: every problem in a content folder, as ``path:line: message``."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from her2guide.content.folder import folder_problem
from her2guide.content.guided_path import check_guided_paths
from her2guide.content.library import Library
from her2guide.content.model import LanguageContent, Problem
from her2guide.content.pages import DATA_FILES, ID_PATTERN
from her2guide.i18n import LANGUAGES
from her2guide.search.synonyms import SYNONYMS_FILE, parse_synonyms
from her2guide.timeline.model import check_timeline_pair, load_timeline


def _parity(en: LanguageContent, de: LanguageContent) -> Iterable[Problem]:
    """Both languages hold the same pages, sections and glossary terms, with matching lists."""
    for first, second in ((en, de), (de, en)):
        for name in sorted(p.name for p in first.folder.glob("*.md")):
            if ID_PATTERN.match(name[:-3]) and not (second.folder / name).exists():
                yield Problem(
                    first.folder / name, 1, f"page exists in '{first.lang}' only; "
                    f"add {second.folder.name}/{name}"
                )  # fmt: skip
        for name in DATA_FILES:
            if (first.folder / name).exists() and not (second.folder / name).exists():
                yield Problem(first.folder / name, 1, f"{name} is missing in '{second.lang}'")
        for kind, mine, theirs in (
            ("section", [s.id for s in first.sections], {s.id for s in second.sections}),
            ("glossary term", list(first.glossary), set(second.glossary)),
        ):
            for item in mine:
                if item not in theirs:
                    yield Problem(
                        first.folder / ("sections.yaml" if kind == "section" else "glossary.yaml"),
                        1,
                        f"{kind} '{item}' has no '{second.lang}' translation",
                    )
    for page_id, page in en.pages.items():
        twin = de.pages.get(page_id)
        if twin is None:
            continue
        for what, mine, theirs in (
            ("sources", len(page.sources), len(twin.sources)),
            ("questions", len(page.questions), len(twin.questions)),
            ("section", page.section, twin.section),
        ):
            if mine != theirs:
                yield Problem(
                    twin.path, 2, f"'{what}' differs from the English page ({theirs} vs {mine})"
                )


def _pronunciation_parity(en: LanguageContent, de: LanguageContent) -> Iterable[Problem]:
    """A term that has a pronunciation hint (drug names) has one in both languages."""
    for term_id, term in en.glossary.items():
        twin = de.glossary.get(term_id)
        if twin is not None and bool(term.pronunciation) != bool(twin.pronunciation):
            path = (de if term.pronunciation else en).folder / "glossary.yaml"
            lines = path.read_text(encoding="utf-8").split("\n")
            line = next(
                (n for n, text in enumerate(lines, 1) if text.strip(" -") == f"id: {term_id}"), 1
            )
            yield Problem(
                path, line, f"glossary term '{term_id}' needs a 'pronunciation' like its twin"
            )


def check_content(root: Path, resources: Path) -> list[Problem]:
    """Every problem in the content folder ``root``; empty when the content is ready to ship."""
    problems: list[Problem] = []
    unusable = folder_problem(root)
    if unusable:
        return [Problem(root, 0, unusable)]
    timelines = {lang: load_timeline(root / lang / "timeline.yaml") for lang in LANGUAGES}
    for _timeline, timeline_problems in timelines.values():
        problems += timeline_problems
    en_timeline = timelines["en"][0]
    timeline_ids = (
        {s.id for s in en_timeline.stages} | {o.id for s in en_timeline.stages for o in s.options}
        if en_timeline
        else None
    )
    library = Library(root, resources, timeline_ids)
    for lang in LANGUAGES:
        content = library.language(lang)
        problems += content.problems
        for page_id in content.pages:
            rendered = library.render(lang, page_id)
            assert rendered is not None
            problems += rendered.problems
    en, de = library.language("en"), library.language("de")
    problems += _parity(en, de)
    problems += _pronunciation_parity(en, de)
    problems += parse_synonyms(root / SYNONYMS_FILE)[1]
    problems += check_guided_paths(root)
    if timelines["en"][0] and timelines["de"][0]:
        problems += check_timeline_pair(
            timelines["en"][0],
            timelines["de"][0],
            # Pages that exist, even if broken: their own problems are reported on their own.
            {path.stem for path in en.folder.glob("*.md")}
            & {p.stem for p in de.folder.glob("*.md")},
            root / "en" / "timeline.yaml",
            root / "de" / "timeline.yaml",
        )
    return sorted(set(problems))


def overdue_pages(library: Library, today: dt.date | None = None) -> list[Problem]:
    """Pages past their review date: shown with a note in the app, listed by check, not errors."""
    return [
        Problem(page.path, 2, f"review overdue since {page.review_due.isoformat()}")
        for lang in LANGUAGES
        for page in library.language(lang).pages.values()
        if page.is_overdue(today)
    ]


AUTHORING_MISSING = (
    "her2guide check: --stats needs the authoring tools: pip install 'her2guide[authoring]'"
)


def run_check(root: Path, resources: Path, *, stats: bool = False) -> int:
    """Prints every problem and returns the exit status: 1 when anything is wrong, 2 when
    ``stats`` are asked for without the authoring tools (textstat) installed."""
    if stats and find_spec("textstat") is None:
        print(AUTHORING_MISSING, file=sys.stderr)
        return 2
    problems = check_content(root, resources)
    for problem in problems:
        print(problem)
    if folder_problem(root):
        return 1
    library = Library(root, resources)  # one read of the content for the notes and figures below
    for note in overdue_pages(library):
        print(f"{note} (note: the app shows this page with a review-overdue notice)")
    if stats:
        from her2guide.content.readability import readability_table

        print(readability_table(library))
    pages = sum(len(library.language(lang).pages) for lang in LANGUAGES)
    if problems:
        print(f"{len(problems)} problem(s) found.")
        return 1
    print(f"Content OK: {pages} pages in {len(LANGUAGES)} languages.")
    return 0

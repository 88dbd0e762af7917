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
from her2guide.content.status_register import REGISTER_FILE, load_register, stale_entries
from her2guide.i18n import LANGUAGES, ngettext
from her2guide.search.synonyms import SYNONYMS_FILE, parse_synonyms
from her2guide.timeline.living_with import FILE_NAME as LIVING_WITH
from her2guide.timeline.living_with import check_living_with_pair
from her2guide.timeline.loader import load_timeline
from her2guide.timeline.model import Timeline
from her2guide.timeline.pair_check import check_timeline_files


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
        counts: tuple[tuple[str, object, object], ...] = (
            ("sources", len(page.sources), len(twin.sources)),
            ("questions", len(page.questions), len(twin.questions)),
            ("section", page.section, twin.section),
        )
        for what, english, german in counts:
            if english != german:
                yield Problem(
                    twin.path, 2, f"'{what}' differs from the English page ({german} vs {english})"
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


def _timeline_statuses(timeline: Timeline, known: set[str], path: Path) -> Iterable[Problem]:
    """Every timeline option's ``status`` names an entry of the status register."""
    for stage in timeline.stages:
        for option in stage.options:
            if option.status and option.status not in known:
                yield Problem(
                    path,
                    option.key_lines.get("status", option.line),
                    f"option '{option.id}': unknown status register entry '{option.status}' "
                    f"(entries are in {REGISTER_FILE})",
                )


def check_content(root: Path, resources: Path) -> list[Problem]:
    """Every problem in the content folder ``root``; empty when the content is ready to ship."""
    problems: list[Problem] = []
    unusable = folder_problem(root)
    if unusable:
        return [Problem(root, 0, unusable)]
    timelines = {lang: load_timeline(root / lang / "timeline.yaml") for lang in LANGUAGES}
    en_timeline = timelines["en"][0]
    timeline_ids = (
        {s.id for s in en_timeline.stages} | {o.id for s in en_timeline.stages for o in s.options}
        if en_timeline
        else None
    )
    register, register_problems = load_register(root / REGISTER_FILE)
    problems += register_problems
    for lang, (timeline, _problems) in timelines.items():
        if timeline is not None:
            problems += _timeline_statuses(
                timeline, set(register.entries), root / lang / "timeline.yaml"
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
    problems += check_timeline_files(
        root / "en" / "timeline.yaml",
        root / "de" / "timeline.yaml",
        # Pages that exist, even if broken: their own problems are reported on their own.
        {path.stem for path in en.folder.glob("*.md")} & {p.stem for p in de.folder.glob("*.md")},
    )
    if en_timeline and any((root / lang / LIVING_WITH).exists() for lang in LANGUAGES):
        problems += check_living_with_pair(
            root / "en" / LIVING_WITH,
            root / "de" / LIVING_WITH,
            {o.id for s in en_timeline.stages for o in s.options},
            set(en.pages),
        )
    return sorted(set(problems))


def overdue_pages(library: Library, today: dt.date | None = None) -> list[Problem]:
    """Pages past their review date: shown with a note in the app, listed by check, not errors."""
    return [
        Problem(
            page.path,
            2,
            f"note: review overdue since {page.review_due.isoformat()} "
            "(the app shows this page with a review-overdue notice)",
        )
        for lang in LANGUAGES
        for page in library.language(lang).pages.values()
        if page.is_overdue(today)
    ]


AUTHORING_MISSING = (
    "her2guide check: --stats needs the authoring tools: pip install 'her2guide[authoring]'"
)


def unreviewed_pages(library: Library) -> list[Problem]:
    """Pages no clinician has reviewed yet: the app says so under the title."""
    return [
        Problem(page.path, 2, "note: not yet reviewed by a clinician (reviewed_by role)")
        for lang in LANGUAGES
        for page in library.language(lang).pages.values()
        if not page.clinically_reviewed
    ]


def run_check(
    root: Path,
    resources: Path,
    *,
    stats: bool = False,
    strict: bool = False,
    today: dt.date | None = None,
) -> int:
    """Prints every problem, warning and note; returns the exit status.

    Problems always fail (1). Warnings (a register entry not checked for 6 months) and notes
    (review overdue, no clinical review yet) fail only with ``strict``, the release gate. Asking
    for ``stats`` without the authoring tools (textstat) installed is exit status 2.
    """
    if stats and find_spec("textstat") is None:
        print(AUTHORING_MISSING, file=sys.stderr)
        return 2
    today = today or dt.date.today()
    problems = check_content(root, resources)
    for problem in problems:
        print(problem)
    if folder_problem(root):
        return 1
    library = Library(root, resources)  # one read of the content for the notes and figures below
    warnings = stale_entries(library.register, today)
    notes = overdue_pages(library, today) + unreviewed_pages(library)
    for remark in warnings + notes:
        print(remark)
    if stats:
        from her2guide.content.readability import readability_table

        print(readability_table(library))
    pages = sum(len(library.language(lang).pages) for lang in LANGUAGES)
    if problems:
        print(
            ngettext("{count} problem found.", "{count} problems found.", len(problems)).format(
                count=len(problems)
            )
        )
        return 1
    remarks = f"{_count(len(warnings), 'warning')}, {_count(len(notes), 'note')}"
    if strict and (warnings or notes):
        print(f"--strict: {remarks} must be resolved.")
        return 1
    summary = f"Content OK: {pages} pages in {len(LANGUAGES)} languages."
    if warnings or notes:
        summary += f" {remarks}."
    print(summary)
    return 0


def _count(number: int, noun: str) -> str:
    """``1 note``, ``3 notes``: check speaks to editors in English, so an English plural."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

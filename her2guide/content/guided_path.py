"""The guided path of counselling mode: the pages a nurse steps through, as content data.

``guided-path.yaml`` in each language folder holds a title and an ordered list of steps; a step
is a page id or ``timeline`` (the treatment path with "you are here"). Both languages list the same
steps. The file is optional: without it the app uses :data:`DEFAULT_STEPS` (the pages of it that
exist), so that a content folder without one still works in counselling mode.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from her2guide.content.model import ContentError, Problem

GUIDED_PATH_FILE = "guided-path.yaml"
TIMELINE_STEP = "timeline"
DEFAULT_STEPS: tuple[str, ...] = (
    "her2-basics", "how-treatments-work", TIMELINE_STEP, "side-effects", "when-to-call",
    "questions",
)  # fmt: skip
_KEYS = ("title", "steps")


@dataclass(frozen=True)
class GuidedPath:
    """The ordered steps of one language's path; ``step_lines`` point editors at each step."""

    title: str
    steps: tuple[str, ...]
    step_lines: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def index_of(self, kind: str, target: str) -> int | None:
        """The step showing this place (a ``page`` with its id, or the ``timeline``), if any."""
        step = TIMELINE_STEP if kind == TIMELINE_STEP else target if kind == "page" else None
        return self.steps.index(step) if step in self.steps else None


def default_path(title: str, page_ids: Iterable[str]) -> GuidedPath:
    """The built-in path, without the pages a content folder does not have."""
    pages = set(page_ids)
    return GuidedPath(title, tuple(s for s in DEFAULT_STEPS if s == TIMELINE_STEP or s in pages))


def load_guided_path(path: Path) -> tuple[GuidedPath | None, list[Problem]]:
    """Reads one language's guided-path.yaml; None (with the problems) when it cannot be used.

    A missing file is not a problem here: the caller falls back to :func:`default_path`.
    """
    # The YAML reader is loaded here, when a path is read, so that importing this module (the
    # counselling mode does, at start-up) costs nothing.
    from her2guide.content.pages import ID_PATTERN, read_text, unknown_key_message, unreadable
    from her2guide.content.yamlsource import child, item_lines, key_lines, parse_yaml

    if not path.exists():
        return None, []
    try:
        data, node = parse_yaml(read_text(path), path)
    except OSError as error:
        return None, [unreadable(path, error)]
    except ContentError as error:
        return None, [error.problem]
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "the file must have 'title:' and a list of 'steps:'")]
    lines = key_lines(node, 1)
    problems = [
        Problem(path, lines.get(str(key), 1), unknown_key_message(str(key), _KEYS))
        for key in data
        if key not in _KEYS
    ]
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(path, lines.get("title", 1), "'title' must be text"))
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        problems.append(
            Problem(path, lines.get("steps", 1), "'steps' must be a list of page ids or 'timeline'")
        )
        return None, problems
    step_lines = item_lines(child(node, "steps"), 1)
    kept: list[tuple[str, int]] = []
    for index, step in enumerate(steps):
        line = step_lines[index] if index < len(step_lines) else lines.get("steps", 1)
        if not isinstance(step, str) or not ID_PATTERN.match(step):
            problems.append(
                Problem(path, line, f"step {index + 1} must be a page id or 'timeline'")
            )
        elif any(step == seen for seen, _line in kept):
            problems.append(Problem(path, line, f"step '{step}' is listed twice"))
        else:
            kept.append((step, line))
    if not isinstance(title, str) or not title.strip() or not kept:
        return None, problems
    return GuidedPath(
        title.strip(), tuple(s for s, _ in kept), tuple(line for _, line in kept)
    ), problems


def _unknown_pages(path: GuidedPath, file: Path, page_ids: set[str]) -> Iterable[Problem]:
    for step, line in zip(path.steps, path.step_lines, strict=True):
        if step != TIMELINE_STEP and step not in page_ids:
            match = difflib.get_close_matches(step, sorted(page_ids), n=1)
            hint = f" (did you mean '{match[0]}'?)" if match else ""
            yield Problem(
                file,
                line,
                f"step '{step}' is not a page{hint}; a step is a page id (the file name without "
                f".md) or '{TIMELINE_STEP}'",
            )


def _different_steps(en: GuidedPath, de: GuidedPath, de_file: Path) -> Iterable[Problem]:
    if en.steps == de.steps:
        return
    position = next(
        (i for i, (a, b) in enumerate(zip(en.steps, de.steps, strict=False)) if a != b),
        min(len(en.steps), len(de.steps)),
    )
    lines = de.step_lines
    line = lines[min(position, len(lines) - 1)] if lines else 1
    mine = de.steps[position] if position < len(de.steps) else "nothing"
    theirs = en.steps[position] if position < len(en.steps) else "nothing"
    yield Problem(
        de_file,
        line,
        f"step {position + 1} is '{mine}' here but '{theirs}' in en/{GUIDED_PATH_FILE}; "
        "both languages list the same steps in the same order",
    )


def check_guided_paths(root: Path) -> list[Problem]:
    """Every problem of the guided paths under ``root`` (both languages), for ``check``."""
    files = {lang: root / lang / GUIDED_PATH_FILE for lang in ("en", "de")}
    present = {lang for lang, file in files.items() if file.exists()}
    if len(present) == 1:
        (lang,) = present
        other = "de" if lang == "en" else "en"
        return [Problem(files[lang], 1, f"{GUIDED_PATH_FILE} is missing in '{other}'")]
    problems: list[Problem] = []
    paths: dict[str, GuidedPath] = {}
    for lang, file in files.items():
        guided, found = load_guided_path(file)
        problems += found
        if guided is not None:
            paths[lang] = guided
            page_ids = {page.stem for page in (root / lang).glob("*.md")}
            problems += _unknown_pages(guided, file, page_ids)
    if "en" in paths and "de" in paths:
        problems += _different_steps(paths["en"], paths["de"], files["de"])
    return problems

"""Small builders for test content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from her2guide.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]
"""Opens the real main window: ``make_window(lang=..., page=..., scale=...)`` (see conftest)."""

FIXTURE_CONTENT = Path(__file__).resolve().parent / "corpus" / "_base"
"""A small, valid content folder of the tests' own (four pages, a timeline with one main and one
side stage, a guided path: her2-basics, the treatment path, side-effects), so that interface
tests do not depend on the shipped medical text: ``make_window(content=FIXTURE_CONTENT)``."""

PAGE = """---
title: {title}
section: basics
order: {order}
summary: A short summary.
reviewed: 2026-11-24
review_due: 2027-11-24
sources:
  - text: Lüftner D, Peipp M. Geburtshilfe Frauenheilkd 2021
    doi: 10.1055/a-1471-4063
questions:
  - What does this mean for me?
teach_back: In your own words, what is this page about?
---
{body}
"""


def write_page(folder: Path, page_id: str, *, title: str = "A page", order: int = 1,
               body: str = "Some text.") -> Path:  # fmt: skip
    """Writes a valid page, so that a test can change just the part it is about."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{page_id}.md"
    path.write_text(PAGE.format(title=title, order=order, body=body), encoding="utf-8")
    return path


def shipped_timeline_texts(lang: str) -> list[str]:
    """Every text of the shipped treatment path a reader sees, for the content gates."""
    from her2guide.paths import content_dir
    from her2guide.timeline.loader import load_timeline

    timeline, problems = load_timeline(content_dir() / lang / "timeline.yaml")
    assert timeline is not None
    assert problems == []
    texts = [timeline.title]
    for stage in timeline.stages:
        texts += [stage.label, stage.description]
        for option in stage.options:
            texts += [option.name, option.what, option.result, option.ask, *option.side_effects]
    return texts

"""The content as the app sees it: pages, sections, glossary terms and the problems found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

GLOSSARY_PAGE = "glossary"
GLOSSARY_HREF = f"page:{GLOSSARY_PAGE}#"
"""How a rendered page links a glossary term: ``page:glossary#<term id>``."""


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a content file, told the way an editor can act on it; line 0 means
    the file or folder as a whole (a folder that does not exist has no line 1)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """A content file that cannot be used; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Source:
    text: str
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None

    @property
    def link(self) -> str:
        """Where the source can be read: the DOI resolver, PubMed, or the given address."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url or ""


REVIEW_ROLES: tuple[str, ...] = ("editorial", "clinician")


@dataclass(frozen=True)
class Reviewer:
    """Who last reviewed a page (``reviewed_by`` in the front matter) and in what role."""

    name: str
    role: str  # one of REVIEW_ROLES

    @property
    def is_clinician(self) -> bool:
        return self.role == "clinician"


@dataclass(frozen=True)
class Page:
    id: str
    lang: str
    path: Path
    title: str
    section: str
    order: int
    summary: str
    reviewed: dt.date
    review_due: dt.date
    sources: tuple[Source, ...]
    questions: tuple[str, ...]
    teach_back: str
    body: str = field(repr=False)
    body_line: int = 1
    reviewed_by: Reviewer | None = None
    """None when the front matter does not say: shown as not reviewed by a clinician."""

    @property
    def clinically_reviewed(self) -> bool:
        return self.reviewed_by is not None and self.reviewed_by.is_clinician

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.review_due < (today or dt.date.today())


@dataclass(frozen=True)
class Rendered:
    """A page's HTML and the problems found while rendering it."""

    html: str
    problems: list[Problem]


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    pronunciation: str | None = None


@dataclass
class LanguageContent:
    """Everything one language folder holds that the reader shows, and what was wrong in it."""

    lang: str
    folder: Path
    sections: list[Section]
    pages: dict[str, Page]
    glossary: dict[str, GlossaryTerm]
    problems: list[Problem]

    def pages_in(self, section_id: str) -> list[Page]:
        return sorted(
            (p for p in self.pages.values() if p.section == section_id),
            key=lambda p: (p.order, p.title),
        )

    def first_page(self) -> Page | None:
        for section in self.sections:
            pages = self.pages_in(section.id)
            if pages:
                return pages[0]
        return None

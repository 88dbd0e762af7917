"""The content as the app sees it: pages, sections, glossary terms and the problems found."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, ItemsView, Iterator, Mapping, ValuesView
from dataclasses import dataclass, field
from pathlib import Path

GLOSSARY_PAGE = "glossary"
GLOSSARY_HREF = f"page:{GLOSSARY_PAGE}#"
"""How a rendered page links a glossary term: ``page:glossary#<term id>``."""
WORD = re.compile(r"[^\s-]+-?")
"""What wrapping a title cannot split: a word, up to its hyphen."""


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


class Pages(Mapping[str, Page]):
    """One language's pages by id, with each page's title and place in the contents at hand.

    The contents need only ids, titles and sections; the rest of a page (its front matter and
    body) comes from ``read`` when first asked for, so that start-up does not grow with the
    content (see ``content.cache``). Safe to use from a worker thread (the search index): a page
    asked for in two threads at once is only read twice.
    """

    def __init__(
        self,
        headings: dict[str, tuple[str, str]],
        outline: dict[str, list[str]],
        read: Callable[[str], Page],
        read_all: Callable[[], dict[str, Page]],
        title_words: list[str] | None = None,
    ) -> None:
        """``headings``: page id → (title, section id), in the pages' order; ``outline``:
        section id → its page ids in the order shown; ``read_all`` reads every page at once;
        ``title_words`` what :meth:`title_words` returns, if it is known already."""
        self._headings = headings
        self._outline = outline
        self._read = read
        self._read_all = read_all
        self._title_words = title_words
        self._loaded: dict[str, Page] = {}

    @classmethod
    def of(cls, pages: dict[str, Page]) -> Pages:
        """Pages already read: in a section ordered by ``order``, then by title."""
        outline: dict[str, list[str]] = {}
        for page in sorted(pages.values(), key=lambda p: (p.order, p.title)):
            outline.setdefault(page.section, []).append(page.id)
        headings = {page.id: (page.title, page.section) for page in pages.values()}
        made = cls(headings, outline, pages.__getitem__, lambda: pages)
        made._loaded.update(pages)
        return made

    def __getitem__(self, page_id: str) -> Page:
        page = self._loaded.get(page_id)
        if page is None:
            if page_id not in self._headings:
                raise KeyError(page_id)
            page = self._loaded[page_id] = self._read(page_id)
        return page

    def __contains__(self, page_id: object) -> bool:
        return page_id in self._headings

    def __iter__(self) -> Iterator[str]:
        return iter(self._headings)

    def __len__(self) -> int:
        return len(self._headings)

    def values(self) -> ValuesView[Page]:
        self._load_all()
        return super().values()

    def items(self) -> ItemsView[str, Page]:
        self._load_all()
        return super().items()

    def _load_all(self) -> None:
        """Reads every page not read yet in one go (cheaper than one by one)."""
        if len(self._loaded) < len(self._headings):
            for page_id, page in self._read_all().items():
                self._loaded.setdefault(page_id, page)

    def title(self, page_id: str) -> str:
        return self._headings[page_id][0]

    def section_of(self, page_id: str) -> str:
        return self._headings[page_id][1]

    def ids_in(self, section_id: str) -> list[str]:
        """The ids of the section's pages in the order the contents show them."""
        return self._outline.get(section_id, [])

    @property
    def outline(self) -> dict[str, list[str]]:
        return self._outline

    def title_words(self) -> list[str]:
        """Every word (see ``WORD``) of the titles once, the longest first: the contents measure
        the widest of them, and with this order they stop at the first that cannot be wider."""
        if self._title_words is None:
            words = {word for title, _ in self._headings.values() for word in WORD.findall(title)}
            self._title_words = sorted(words, key=lambda word: (-len(word), word))
        return self._title_words


@dataclass
class LanguageContent:
    """Everything one language folder holds that the reader shows, and what was wrong in it."""

    lang: str
    folder: Path
    sections: list[Section]
    pages: Pages
    glossary: dict[str, GlossaryTerm]
    problems: list[Problem]

    def pages_in(self, section_id: str) -> list[Page]:
        return [self.pages[page_id] for page_id in self.pages.ids_in(section_id)]

    def first_page(self) -> Page | None:
        for section in self.sections:
            ids = self.pages.ids_in(section.id)
            if ids:
                return self.pages[ids[0]]
        return None

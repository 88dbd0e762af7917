"""Full-text search over the pages and the glossary: SQLite FTS5, ranked with BM25.

One FTS5 table per language, kept between runs in an SQLite file (see
:mod:`her2guide.search.store`) that a worker thread builds after start-up; without a kept file
the first search in a language builds it. The table holds folded text (see
:mod:`her2guide.search.fold`) and uses the ``trigram`` tokenizer, so any part of a word is
found: ``entzundung`` inside ``lungenentzundung``, and a prefix while the reader is still
typing. Words of two letters (``CT``, ``OS``) cannot form a trigram on their own; every non-word
run is stored as one space, so they are looked up as ``" ct"``, the start of a word. A result
whose query words all start a word in it ranks higher than one that only holds them inside
longer words.

BM25 weighs the columns: a hit in a title counts more than one in a heading (a box title counts
as one), the page's glossary terms, the "In short" summary or the running text, so a page about a
thing ranks above a page that mentions it in passing; :mod:`her2guide.search.ranking` then adds
how much a title or heading *is* the query. What the reader typed is first read by
:mod:`her2guide.search.query` (synonyms, typos, German compounds).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path

from her2guide.content.model import GLOSSARY_PAGE, LanguageContent
from her2guide.content.readability import prose
from her2guide.logfile import LOGGER_NAME
from her2guide.search import store
from her2guide.search.answer import Answer, explain, replace_words
from her2guide.search.fold import fold
from her2guide.search.query import Query, plan_query
from her2guide.search.ranking import Aboutness
from her2guide.search.snippets import Excerpt, Snippet, excerpt
from her2guide.search.spelling import Vocabulary
from her2guide.search.store import StoredDocuments
from her2guide.search.synonyms import Synonyms, parse_synonyms

MIN_SQLITE = (3, 34, 0)
COLUMN_WEIGHTS = (10.0, 4.0, 2.0, 1.0, 3.0)  # title, headings, summary, body, terms
WORD_START_BOOST = 2.0
OTHER_LANGUAGE_WEIGHT = 0.8
NAME_SEPARATOR = " \u00b7 "

ABOUT_DEPTH = 30

_RANKED = (
    f"SELECT rowid, bm25(docs, {', '.join(map(str, COLUMN_WEIGHTS))}) AS score "
    "FROM docs WHERE docs MATCH :match ORDER BY score, rowid LIMIT :limit"
)
_NON_WORD = re.compile(r"\W+")
_GLOSSARY_LINK = re.compile(r"glossary\.md#([\w-]+)")
_MARKER = re.compile(r"\{\{\s*status:[^}]*\}\}")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_BOX_TITLE = re.compile(r'^!!!\s+[\w-]+\s+"([^"]+)"\s*$')  # a box's title heads its text
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


def _check_sqlite() -> None:
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise RuntimeError(
            f"search needs SQLite {'.'.join(map(str, MIN_SQLITE))} or newer (FTS5 trigram "
            f"tokenizer); this Python has {sqlite3.sqlite_version}"
        )


@dataclass(frozen=True)
class SearchResult:
    """One ranked hit: where it is, how to show it, and the words to highlight on its page.

    ``snippet`` is the text around the hit as (text, is_hit) pieces, ``heading`` the heading it
    stands under and ``match`` the original text of the first hit, which the reader highlights
    after opening the page: all three are cut when first asked for (see
    :mod:`her2guide.search.snippets`), so that a keystroke cuts them for the rows shown only.
    """

    lang: str
    kind: str  # "page" or "term"
    page_id: str
    fragment: str
    title: str
    section: str
    score: float
    cut: Callable[[], Excerpt] = field(repr=False, compare=False)

    @cached_property
    def _excerpt(self) -> Excerpt:
        return self.cut()

    @property
    def heading(self) -> str:
        return self._excerpt.heading

    @property
    def snippet(self) -> Snippet:
        return self._excerpt.snippet

    @property
    def match(self) -> str:
        return self._excerpt.match


def _index_form(folded: str) -> str:
    """Folded text as stored: every non-word run one space, so ``" ct"`` finds a word start."""
    return " " + _NON_WORD.sub(" ", folded).strip() + " "


@lru_cache(maxsize=256)
def _stored_section(section: str, lang: str) -> str:
    """A section's title as the index stores it (with the page's headings)."""
    return _index_form(fold(section, lang))


@dataclass(frozen=True)
class _Text:
    """A piece of a document as written and in the form the index stores."""

    original: str
    stored: str

    @classmethod
    def of(cls, text: str, lang: str) -> _Text:
        """A text without register markers (``{{status:ID}}``, filled in only when rendered) and
        soft hyphens: search sees the words as typed."""
        text = _MARKER.sub("", text).replace("\u00ad", "")
        return cls(text, _index_form(fold(text, lang)))

    def holds(self, query: Query) -> bool:
        """Whether any alternative occurs here, exactly as FTS5 matches it (substring test)."""
        return any(needle in self.stored for needle in query.needles)


@dataclass(frozen=True)
class _Section:
    heading: _Text
    paragraphs: tuple[_Text, ...]


@dataclass(frozen=True)
class Document:
    kind: str
    page_id: str
    fragment: str
    title: str
    section: str
    title_text: _Text  # the title, or a term with its aliases
    summary: _Section
    body: tuple[_Section, ...]
    names: tuple[str, ...] = ()  # a term's name and other names, as stored
    terms: str = ""  # a page's glossary terms (the words it links to the glossary), as stored

    @cached_property
    def stored(self) -> str:
        """Everything the index stores of it but its section's title, as stored."""
        paragraphs = (p.stored for s in (self.summary, *self.body) for p in s.paragraphs)
        return self.title_text.stored + self.headings + "".join(paragraphs) + self.terms

    @cached_property
    def headings(self) -> str:
        """All headings as stored, to test at once whether any holds a word."""
        return "".join(section.heading.stored for section in self.body)


def _table_row(line: str) -> str:
    """A pipe-table row as a list item, so that prose() keeps table text for search."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return "- " + " · ".join(cell for cell in cells if cell)


def page_sections(body: str) -> list[tuple[str, list[str]]]:
    """The body's headings, each with the plain-text paragraphs under it ("" before the first)."""
    sections: list[tuple[str, list[str]]] = []
    heading, lines = "", []

    def close() -> None:
        paragraphs = [p for p in prose("\n".join(lines)).split("\n") if p.strip()]
        if heading or paragraphs:
            sections.append((heading, paragraphs))

    for line in body.split("\n"):
        found = _HEADING.match(line) or _BOX_TITLE.match(line)
        if found:
            close()
            heading, lines = prose(found.group(1)).removesuffix("."), []
        elif line.lstrip().startswith("|"):
            if not _TABLE_RULE.match(line.strip()):
                lines.append(_table_row(line))
        else:
            lines.append(line)
    close()
    return sections


def _documents(content: LanguageContent) -> list[Document]:
    """One document per page and one per glossary term (the glossary page opens at it)."""
    lang = content.lang
    section_titles = {s.id: s.title for s in content.sections}

    def section(heading: str, texts: Iterable[str]) -> _Section:
        return _Section(_Text.of(heading, lang), tuple(_Text.of(t, lang) for t in texts))

    documents = [
        Document(
            kind="page",
            page_id=page.id,
            fragment="",
            title=page.title,
            section=section_titles.get(page.section, ""),
            title_text=_Text.of(page.title, lang),
            summary=section("", [page.summary.strip()]),
            body=tuple(section(heading, texts) for heading, texts in page_sections(page.body)),
            terms="".join(
                _Text.of(content.glossary[term_id].term, lang).stored
                for term_id in dict.fromkeys(_GLOSSARY_LINK.findall(page.body))
                if term_id in content.glossary
            ),
        )
        for page in content.pages.values()
    ]
    glossary_page = content.pages.get(GLOSSARY_PAGE)
    if glossary_page is not None:
        documents += [
            Document(
                kind="term",
                page_id=GLOSSARY_PAGE,
                fragment=term.id,
                title=term.term,
                section=glossary_page.title,
                title_text=_Text.of(NAME_SEPARATOR.join((term.term, *term.aliases)), lang),
                summary=section("", [term.definition]),
                body=(),
                names=tuple(_Text.of(n, lang).stored for n in (term.term, *term.aliases)),
            )
            for term in content.glossary.values()
        ]
    return documents


class SearchIndex:
    """Searches the content of one or both languages; each language is indexed on first use.

    ``synonyms`` is a :class:`Synonyms` table or the path of a synonyms file, read on first use.
    ``kept_at`` tells where a language's index is kept between runs (see
    :mod:`her2guide.search.store`); without it, or when it gives None, the index is held in
    memory only. :meth:`build_in_background` makes the kept files in a worker thread, so that
    the first search only opens them.
    """

    def __init__(
        self,
        content_for: Callable[[str], LanguageContent],
        synonyms: Synonyms | Path | None = None,
        kept_at: Callable[[str], Path | None] | None = None,
    ) -> None:
        self._content_for = content_for
        self._synonyms_source = synonyms
        self._synonyms: Synonyms | None = synonyms if isinstance(synonyms, Synonyms) else None
        self._kept_at = kept_at or (lambda _lang: None)
        self._dbs: dict[str, sqlite3.Connection] = {}
        self._documents: dict[str, StoredDocuments] = {}
        self._vocabularies: dict[str, Vocabulary] = {}
        self._building = threading.RLock()  # one build at a time: the worker's or a search's
        self._worker: threading.Thread | None = None

    @property
    def synonyms(self) -> Synonyms:
        with self._building:
            if self._synonyms is None:
                source = self._synonyms_source
                groups = parse_synonyms(source)[0] if isinstance(source, Path) else []
                self._synonyms = Synonyms(groups)
        return self._synonyms

    def is_built(self, lang: str) -> bool:
        return lang in self._dbs

    def build(self, lang: str) -> int:
        """Makes one language searchable and returns how many documents it holds: opens the kept
        index file, or builds it (waiting for the worker if it is building it right now)."""
        with self._building:
            path = self._kept_at(lang)
            db = store.open_kept(path) if path is not None else None
            if db is None:
                db = self._build_kept(lang, path) if path is not None else None
            if db is None:
                db = sqlite3.connect(":memory:")
                store.create(db, *self._made(lang))
        self._dbs[lang] = db
        self._documents[lang] = StoredDocuments(db)
        self._vocabularies[lang] = store.load_vocabulary(db, lang)
        return len(self._documents[lang])

    def build_in_background(self, langs: Sequence[str]) -> threading.Thread:
        """Builds the kept index files that are missing (or stale, or damaged) in a worker
        thread, so that no search waits for them; returns the (started) thread."""

        def work() -> None:
            for lang in langs:
                path = self._kept_at(lang)
                with self._building:
                    try:
                        if path is not None and not store.is_kept(path):
                            self._build_kept(lang, path)
                    except Exception:  # the first search builds it again and reports the problem
                        logging.getLogger(LOGGER_NAME).exception("search index not built ahead")

        self._worker = threading.Thread(target=work, name="search-index", daemon=True)
        self._worker.start()
        return self._worker

    def _build_kept(self, lang: str, path: Path) -> sqlite3.Connection | None:
        """Builds the index file at ``path`` and opens it; None if it cannot be written."""
        try:
            store.write_file(path, *self._made(lang))
        except (OSError, sqlite3.Error):
            return None  # a folder that cannot be written: the index stays in memory
        return store.open_kept(path)

    def _made(self, lang: str) -> tuple[list[store.Row], list[Document], Vocabulary]:
        """What an index holds: each document's stored columns, the documents, the words."""
        _check_sqlite()
        documents = _documents(self._content_for(lang))
        section_title = {d.section: _stored_section(d.section, lang) for d in documents}
        rows = [
            (
                document.title_text.stored,
                section_title[document.section] + document.headings,
                "".join(p.stored for p in document.summary.paragraphs),
                "".join(p.stored for s in document.body for p in s.paragraphs),
                document.terms,
            )
            for document in documents
        ]
        return rows, documents, self._vocabulary(lang, documents)

    def _vocabulary(self, lang: str, documents: list[Document]) -> Vocabulary:
        """The words of the documents and the synonyms; titles, terms and synonyms are names."""
        vocabulary = Vocabulary(lang)
        for document in documents:
            vocabulary.add_text(document.title_text.original, name=document.kind == "term")
            for section in (document.summary, *document.body):
                vocabulary.add_text(section.heading.original)
                vocabulary.add_texts(p.original for p in section.paragraphs)
        vocabulary.add_texts((t for g in self.synonyms.groups for t in g.terms), name=True)
        vocabulary.prepare()
        return vocabulary

    def search(self, text: str, langs: Sequence[str], *, limit: int = 20) -> list[SearchResult]:
        """The best hits for ``text`` in the given languages, best first."""
        return self.answer(text, langs, limit=limit).results

    def answer(self, text: str, langs: Sequence[str], *, limit: int = 20) -> Answer:
        """The best hits for ``text`` in the given languages, best first, and how the text was
        read (typos corrected, words left out); with two languages, hits in the first (the
        reader's) count a little more than equal ones in the other."""
        queries: dict[str, Query] = {}
        hits: dict[str, list[tuple[int, float]]] = {}
        for lang in langs:
            if not self.is_built(lang):
                self.build(lang)
            query = plan_query(text, lang, self.synonyms, self._vocabularies[lang])
            if query.clauses:
                queries[lang] = query
                hits[lang] = self._rank(lang, query, limit)
        if not any(hits.values()):
            # No page in any language holds every word: leave out the words none holds.
            for lang, query in queries.items():
                if len(query.clauses) > 1:
                    queries[lang], hits[lang] = self._without_unknown_words(lang, query, limit)
        ranked = [
            (score * (1.0 if number == 0 else OTHER_LANGUAGE_WEIGHT), lang, rowid, queries[lang])
            for number, lang in enumerate(langs)
            for rowid, score in hits.get(lang, ())
        ]
        ranked.sort(key=lambda item: item[0])
        results = [
            self._result(lang, self._documents[lang][rowid], query, score)
            for score, lang, rowid, query in ranked[:limit]
        ]
        return explain(text, langs, queries, results, self._vocabularies)

    def matching_terms(self, text: str, lang: str) -> tuple[list[str], str]:
        """The glossary terms a filter text names, read as a search reads it (folding,
        synonyms, typos, compounds): terms whose names hold it, else whose definitions do;
        and the text as corrected ("" if nothing was corrected)."""
        if not self.is_built(lang):
            self.build(lang)
        vocabulary = self._vocabularies[lang]
        query = plan_query(text, lang, self.synonyms, vocabulary)
        terms = list(self._documents[lang].of_kind("term"))
        if not query.clauses:
            return [d.fragment for d in terms], ""

        def held(texts: list[_Text]) -> bool:
            return all(
                any(needle in t.stored for t in texts for a in clause for needle in a.needles())
                for clause in query.clauses
            )

        found = [d.fragment for d in terms if held([d.title_text])]
        if not found:
            found = [d.fragment for d in terms if held([d.title_text, *d.summary.paragraphs])]
        fixes = {c.word: vocabulary.written(c.best) for c in query.corrections}
        return found, replace_words(text, lang, fixes).strip() if fixes else ""

    def _without_unknown_words(
        self, lang: str, query: Query, limit: int
    ) -> tuple[Query, list[tuple[int, float]]]:
        """No page holds all the words: the query without the words that no page holds."""
        kept, left_out = [], []
        for clause in query.clauses:
            if self._rank(lang, Query((clause,)), 1):
                kept.append(clause)
            else:
                left_out.append(clause[0].text)
        if not kept or not left_out:
            return query, []
        reduced = Query(tuple(kept), query.corrections, tuple(left_out))
        return reduced, self._rank(lang, reduced, limit)

    def _rank(self, lang: str, query: Query, limit: int) -> list[tuple[int, float]]:
        """The best ``limit`` hits (rowid, score; lower is better), ranked in SQL by BM25, the
        hits where every word starts a word weighed up; the top ones then by what they are about.

        SQL returns ``ABOUT_DEPTH + limit`` rows: however the top ``ABOUT_DEPTH`` are reweighed,
        the best ``limit`` are among them, so the work per keystroke does not grow with the
        content. Whether the words start words is told from those rows' text (a second MATCH in
        SQL would cost as much as the first).
        """
        parameters = {"match": query.match_expression(), "limit": ABOUT_DEPTH + limit}
        hits = self._dbs[lang].execute(_RANKED, parameters).fetchall()
        documents = self._documents[lang]
        weighed = sorted(
            (score * (WORD_START_BOOST if self._starts_words(lang, rowid, query) else 1.0), rowid)
            for rowid, score in hits
        )
        about = Aboutness(query)
        # Only the best by BM25 are weighed for what they are about: enough to reorder the top.
        return [
            (rowid, score * about.factor(documents[rowid]) if number < ABOUT_DEPTH else score)
            for number, (score, rowid) in enumerate(weighed)
        ]

    def _starts_words(self, lang: str, rowid: int, query: Query) -> bool:
        """Whether the document holds every query word at the start of a word."""
        document = self._documents[lang][rowid]
        return query.starts_words(document.stored, _stored_section(document.section, lang))

    @staticmethod
    def _result(lang: str, document: Document, query: Query, score: float) -> SearchResult:
        """The result; its snippet is cut when first shown."""
        return SearchResult(
            lang=lang, kind=document.kind, page_id=document.page_id,
            fragment=document.fragment, title=document.title, section=document.section,
            score=score, cut=partial(excerpt, document, query, lang),
        )  # fmt: skip

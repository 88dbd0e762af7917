"""Both languages of a content folder, loaded when first asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from her2guide.content.cache import ContentCache, fingerprint
from her2guide.content.model import LanguageContent, Rendered
from her2guide.content.status_register import (
    DEFAULT_READER_REGION,
    REGISTER_FILE,
    StatusRegister,
    load_register,
)

if TYPE_CHECKING:
    from her2guide.content.render import PageRenderer


class Library:
    """The content root (holding ``en/`` and ``de/``); each language is read on first use.

    With a ``cache`` folder, parsed content and rendered pages are kept between runs (see
    ``content.cache``), so that a start with unchanged content parses no YAML or Markdown.
    """

    def __init__(
        self,
        root: Path,
        resources: Path,
        timeline_ids: set[str] | None = None,
        *,
        cache: Path | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.root = root
        self.resources = resources
        self.timeline_ids = timeline_ids
        self._cache_folder = cache
        self._caches: dict[str, ContentCache] = {}
        self._languages: dict[str, LanguageContent] = {}
        self._renderers: dict[str, PageRenderer] = {}
        self._html: dict[tuple[str, str], Rendered] = {}
        self._register: StatusRegister | None = None
        self.region = DEFAULT_READER_REGION
        """The reader's region (``eu``, ``ch`` or ``other``): its status is written first."""
        self.today = today
        """The day pages are shown on (a page past its review date gets a note); None: the
        clock's, when each page is first shown."""

    @property
    def register(self) -> StatusRegister:
        """The approval-status register shared by both languages, read on first use."""
        if self._register is None:
            self._register = load_register(self.root / REGISTER_FILE)[0]
        return self._register

    def _cache(self, lang: str) -> ContentCache | None:
        if self._cache_folder is None:
            return None
        if lang not in self._caches:
            key = fingerprint(self.root, self.resources, lang)
            self._caches[lang] = ContentCache(self._cache_folder, self.root, lang, key)
        return self._caches[lang]

    def kept_file(self, lang: str, name: str) -> Path | None:
        """Where a file made from ``lang``'s content (such as the search index) is kept between
        runs: in that language's content cache folder, so it is keyed and cleared like it.
        None without a cache folder."""
        cache = self._cache(lang)
        return cache.folder / name if cache else None

    def is_loaded(self, lang: str) -> bool:
        """Whether ``lang``'s content has been read (asking for it again costs nothing)."""
        return lang in self._languages

    def language(self, lang: str) -> LanguageContent:
        if lang not in self._languages:
            cache = self._cache(lang)
            content = cache.load_content() if cache else None
            if content is None:
                from her2guide.content.pages import load_language

                content = load_language(self.root / lang, lang)
                if cache:
                    cache.store_content(content)
            self._languages[lang] = content
        return self._languages[lang]

    def render(self, lang: str, page_id: str) -> Rendered | None:
        """The page's HTML with its approval statuses and country list for the reader's region."""
        from her2guide.content.region_sections import reader_region_first

        rendered = self._rendered(lang, page_id)
        if rendered is None:
            return None
        document = rendered.html
        if 'data-status="' in document:
            from her2guide.content.status_markers import fill_status  # for pages with statuses

            document = fill_status(document, self.register, self.region, lang)
        document = reader_region_first(document, page_id, self.region)
        if document == rendered.html:
            return rendered
        return Rendered(document, rendered.problems)

    def _rendered(self, lang: str, page_id: str) -> Rendered | None:
        """The page's HTML, cached: pages do not change while the app runs."""
        key = (lang, page_id)
        if key not in self._html:
            content = self.language(lang)
            page = content.pages.get(page_id)
            if page is None:
                return None
            today = self.today or dt.date.today()
            overdue = page.is_overdue(today)
            cache = self._cache(lang)
            rendered = cache.load_page(page_id, overdue=overdue) if cache else None
            if rendered is None:
                rendered = self._renderer(lang, content).render(page, today)
                if cache:
                    cache.store_page(page_id, rendered, overdue=overdue)
            self._html[key] = rendered
        return self._html[key]

    def _renderer(self, lang: str, content: LanguageContent) -> PageRenderer:
        if lang not in self._renderers:
            from her2guide.content.render import PageRenderer

            self._renderers[lang] = PageRenderer(
                content, self.resources, self.timeline_ids, set(self.register.entries)
            )
        return self._renderers[lang]

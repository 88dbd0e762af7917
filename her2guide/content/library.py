"""Both languages of a content folder, loaded when first asked for."""

from __future__ import annotations

from pathlib import Path

from her2guide.content.pages import LanguageContent, load_language
from her2guide.content.render import PageRenderer, Rendered


class Library:
    """The content root (holding ``en/`` and ``de/``); each language is read on first use."""

    def __init__(self, root: Path, resources: Path, timeline_ids: set[str] | None = None) -> None:
        self.root = root
        self.resources = resources
        self.timeline_ids = timeline_ids
        self._languages: dict[str, LanguageContent] = {}
        self._renderers: dict[str, PageRenderer] = {}
        self._html: dict[tuple[str, str], Rendered] = {}

    def language(self, lang: str) -> LanguageContent:
        if lang not in self._languages:
            self._languages[lang] = load_language(self.root / lang, lang)
        return self._languages[lang]

    def render(self, lang: str, page_id: str) -> Rendered | None:
        """The page's HTML, cached: pages do not change while the app runs."""
        key = (lang, page_id)
        if key not in self._html:
            content = self.language(lang)
            page = content.pages.get(page_id)
            if page is None:
                return None
            if lang not in self._renderers:
                self._renderers[lang] = PageRenderer(content, self.resources, self.timeline_ids)
            self._html[key] = self._renderers[lang].render(page)
        return self._html[key]

"""The search index kept between runs: reused, rebuilt when damaged or stale, built off the UI
thread; results the same as an index held in memory."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from her2guide.content.library import Library
from her2guide.content.model import LanguageContent
from her2guide.paths import resources_dir
from her2guide.search import store
from her2guide.search.index import SearchIndex
from her2guide.search.synonyms import SYNONYMS_FILE


def _library(content: Path, cache: Path) -> Library:
    return Library(content, resources_dir(), cache=cache)


def _index(
    library: Library, content_for: Callable[[str], LanguageContent] | None = None
) -> SearchIndex:
    return SearchIndex(
        content_for or library.language,
        library.root / SYNONYMS_FILE,
        kept_at=lambda lang: library.kept_file(lang, store.FILE_NAME),
    )


def _titles(index: SearchIndex, text: str, langs: tuple[str, ...] = ("en",)) -> list[str]:
    return [result.title for result in index.search(text, langs)]


def _unread(_lang: str) -> LanguageContent:
    raise AssertionError("the kept index should have answered without reading the content")


def test_a_second_run_searches_the_kept_index_without_reading_the_content(
    content_copy: Path, tmp_path: Path
) -> None:
    library = _library(content_copy, tmp_path / "cache")
    first = _titles(_index(library), "Enhertu", ("en", "de"))
    assert first
    assert library.kept_file("en", store.FILE_NAME).is_file()
    again = _index(_library(content_copy, tmp_path / "cache"), content_for=_unread)
    assert _titles(again, "Enhertu", ("en", "de")) == first


def test_the_kept_index_finds_what_an_index_in_memory_finds(
    content_copy: Path, tmp_path: Path
) -> None:
    library = _library(content_copy, tmp_path / "cache")
    kept, in_memory = _index(library), SearchIndex(library.language, content_copy / SYNONYMS_FILE)
    for text in ("breathlesness", "brain metastases", "what is HER2", "T-DM1 platelets"):
        assert _titles(kept, text) == _titles(in_memory, text)
    for text in ("Lungenentzündung", "Entzündung der Lunge", "Hirnmetastasen"):
        assert _titles(kept, text, ("de",)) == _titles(in_memory, text, ("de",))


@pytest.mark.parametrize("damage", [b"not a database at all", b""])
def test_a_damaged_index_file_is_rebuilt_silently(
    content_copy: Path, tmp_path: Path, damage: bytes
) -> None:
    library = _library(content_copy, tmp_path / "cache")
    expected = _titles(_index(library), "pneumonitis")
    path = library.kept_file("en", store.FILE_NAME)
    path.write_bytes(damage)
    assert _titles(_index(_library(content_copy, tmp_path / "cache")), "pneumonitis") == expected
    assert store.is_kept(path)


def test_an_index_cut_short_or_of_another_format_is_rebuilt(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = _library(content_copy, tmp_path / "cache")
    _index(library).build("en")
    path = library.kept_file("en", store.FILE_NAME)
    monkeypatch.setattr(store, "FORMAT", "an older one")
    assert not store.is_kept(path)
    assert _titles(_index(_library(content_copy, tmp_path / "cache")), "Kadcyla")
    assert store.is_kept(path)


def test_changed_content_gets_a_new_index(content_copy: Path, tmp_path: Path) -> None:
    library = _library(content_copy, tmp_path / "cache")
    assert not _titles(_index(library), "zebrafinch")
    page = content_copy / "en" / "welcome.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA zebrafinch sings.\n", "utf-8")
    changed = _library(content_copy, tmp_path / "cache")
    assert changed.kept_file("en", store.FILE_NAME) != library.kept_file("en", store.FILE_NAME)
    assert _titles(_index(changed), "zebrafinch") == [changed.language("en").pages["welcome"].title]


def test_the_worker_builds_the_kept_files_off_the_calling_thread(
    content_copy: Path, tmp_path: Path
) -> None:
    library = _library(content_copy, tmp_path / "cache")
    builders: set[threading.Thread] = set()

    def content_for(lang: str) -> LanguageContent:
        builders.add(threading.current_thread())
        return library.language(lang)

    _index(library, content_for).build_in_background(("de", "en")).join()
    assert builders
    assert threading.current_thread() not in builders
    assert all(store.is_kept(library.kept_file(lang, store.FILE_NAME)) for lang in ("en", "de"))
    assert _titles(_index(library, content_for=_unread), "Herceptin")


def test_without_a_writable_cache_the_index_stays_in_memory(
    content_copy: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    library = _library(content_copy, blocked)
    assert _titles(_index(library), "Enhertu")

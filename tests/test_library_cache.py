"""The content cache: a second start reuses parsed pages and HTML, any change is picked up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from her2guide.content import pages, render
from her2guide.content.library import Library
from her2guide.paths import resources_dir


def _fail(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the cache should have answered")


def test_second_start_parses_nothing(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    content = first.language("de")
    html = first.render("de", "side-effects")
    assert html is not None
    monkeypatch.setattr(pages, "load_language", _fail)
    monkeypatch.setattr(render.PageRenderer, "render", _fail)
    second = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    assert second.language("de") == content
    again = second.render("de", "side-effects")
    assert again is not None
    assert again.html == html.html


def test_a_changed_page_is_read_again(content_copy: Path, tmp_path: Path) -> None:
    Library(content_copy, resources_dir(), cache=tmp_path / "cache").render("en", "welcome")
    path = content_copy / "en" / "welcome.md"
    path.write_text(path.read_text().replace("title: Welcome", "title: Hello there"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    library = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    assert library.language("en").pages["welcome"].title == "Hello there"
    rendered = library.render("en", "welcome")
    assert rendered is not None
    assert "<h1>Hello there</h1>" in rendered.html
    assert len(list((tmp_path / "cache").glob("en-*"))) == 1


def test_a_damaged_cache_is_ignored(content_copy: Path, tmp_path: Path) -> None:
    Library(content_copy, resources_dir(), cache=tmp_path / "cache").render("en", "welcome")
    for cached in (tmp_path / "cache").rglob("*.pickle"):
        cached.write_bytes(b"\x80\x05damaged")
    library = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    assert "welcome" in library.language("en").pages
    rendered = library.render("en", "welcome")
    assert rendered is not None
    assert "<h1>Welcome</h1>" in rendered.html

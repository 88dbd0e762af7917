"""The content cache: a second start reuses parsed pages and HTML, any change is picked up."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from her2guide import catalogs
from her2guide.content import cache, pages, render
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.library import Library
from her2guide.i18n import format_date, gettext_for
from her2guide.paths import resources_dir

OVERDUE_NOTE = (
    "This page was due for its medical review on {date}. Some of it may be out of "
    "date: please check with your care team."
)


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


def _resources_without_compiled_catalogs(tmp_path: Path) -> Path:
    """The resources as a fresh checkout has them: the .po sources, no compiled .mo."""
    resources = tmp_path / "resources"
    shutil.copytree(resources_dir(), resources, ignore=shutil.ignore_patterns("*.mo"))
    return resources


@pytest.mark.parametrize("from_checkout", [True, False], ids=["checkout", "wheel"])
def test_the_start_that_compiles_the_catalogs_leaves_a_cache_the_next_start_finds(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, from_checkout: bool
) -> None:
    """A fresh checkout's first start compiles the German catalog while it runs; the second
    start must still find the cache of the first, whatever ran before it."""
    if not from_checkout:  # an installed wheel: its catalogs are used as built
        monkeypatch.setattr(cache, "runs_from_checkout", lambda: False, raising=False)
    resources = _resources_without_compiled_catalogs(tmp_path)
    first = Library(content_copy, resources, cache=tmp_path / "cache")
    content = first.language("de")
    catalogs.load(
        resources / "locale" / "de" / "LC_MESSAGES" / "her2guide.mo", from_source=from_checkout
    )
    monkeypatch.setattr(pages, "load_language", _fail)
    second = Library(content_copy, resources, cache=tmp_path / "cache")
    assert second.language("de") == content


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


@pytest.mark.parametrize(
    "damage",
    [
        b"\x80\x05damaged",  # not JSON at all
        b'{"html": 1}',  # JSON of the wrong shape
        b'{"lang": "en"}',  # an object with fields missing
        b"[" * 5000,  # nested deeper than the reader allows
    ],
)
def test_a_damaged_cache_entry_is_dropped_and_rebuilt(
    content_copy: Path, tmp_path: Path, damage: bytes
) -> None:
    Library(content_copy, resources_dir(), cache=tmp_path / "cache").render("en", "welcome")
    files = sorted((tmp_path / "cache").rglob("*.json"))
    assert files
    for cached in files:
        cached.write_bytes(damage)
    library = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    assert "welcome" in library.language("en").pages
    rendered = library.render("en", "welcome")
    assert rendered is not None
    assert "<h1>Welcome</h1>" in rendered.html
    assert all(json.loads(cached.read_text(encoding="utf-8")) for cached in files)


def test_the_cache_holds_json_and_never_reads_a_pickle(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Library(content_copy, resources_dir(), cache=tmp_path / "cache").render("en", "welcome")
    folder = next((tmp_path / "cache").glob("en-*"))
    assert {path.suffix for path in folder.iterdir()} == {".json"}

    class Planted:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("ran code from the cache",))

    for name in ("content.pickle", "welcome.pickle", "content.json", "page-welcome.json"):
        (folder / name).write_bytes(pickle.dumps(Planted()))
    monkeypatch.setattr(pickle, "loads", _fail)
    library = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    rendered = library.render("en", "welcome")
    assert rendered is not None
    assert "<h1>Welcome</h1>" in rendered.html


def test_each_content_folder_has_its_own_cache(tmp_path: Path) -> None:
    """A folder without content reports its own files, not those of the one read before."""
    cache = tmp_path / "cache"
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        content = Library(tmp_path / name, resources_dir(), cache=cache).language("en")
        assert content.problems
        assert all(str(tmp_path / name) in str(problem.path) for problem in content.problems)
    assert len(list(cache.glob("en-*"))) == 2


def test_the_key_changes_with_the_folder_diagrams_compiled_catalogs_code_and_libraries(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(resources_dir(), resources)
    key = cache.fingerprint(content_copy, resources, "en")
    assert cache.fingerprint(content_copy, resources, "de") != key
    other = tmp_path / "other"
    shutil.copytree(content_copy, other)
    assert cache.fingerprint(other, resources, "en") != key
    diagram = next((resources / "diagrams").iterdir())
    diagram.write_bytes(diagram.read_bytes() + b" ")
    assert cache.fingerprint(content_copy, resources, "en") != key
    catalog = resources / "locale" / "de" / "LC_MESSAGES" / "her2guide.mo"
    catalog.write_bytes(catalog.read_bytes() + b" ")
    assert cache.fingerprint(content_copy, resources, "en") != key
    key = cache.fingerprint(content_copy, resources, "en")
    monkeypatch.setattr(cache, "runs_from_checkout", lambda: False)  # an installed wheel's .mo
    catalog.write_bytes(catalog.read_bytes() + b" ")
    assert cache.fingerprint(content_copy, resources, "en") != key
    stamps = "\n".join(cache._code_and_libraries())
    for part in ("i18n.py:", "render.py:", "markdown-", "yaml: ", "pyphen"):
        assert part in stamps.lower(), part


def test_in_a_frozen_bundle_the_program_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle keeps its code inside the program file: a new build must not reuse the cache."""
    program = tmp_path / "her2guide"
    program.write_bytes(b"build 1")
    monkeypatch.setattr(cache.sys, "frozen", True, raising=False)
    monkeypatch.setattr(cache.sys, "executable", str(program))
    cache._code_and_libraries.cache_clear()
    first = cache._code_and_libraries()
    program.write_bytes(b"build two")
    cache._code_and_libraries.cache_clear()
    assert cache._code_and_libraries() != first
    cache._code_and_libraries.cache_clear()


def test_a_start_from_the_cache_reads_only_the_page_it_shows(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contents come from the index; of the pages only the one shown is read."""
    first = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    expected = first.language("en")
    first.render("en", "welcome")
    read: list[str] = []
    page, pages = cache._Records.page, cache._Records.pages
    monkeypatch.setattr(cache._Records, "page", lambda self, i: read.append(i) or page(self, i))
    monkeypatch.setattr(cache._Records, "pages", lambda self: read.append("all") or pages(self))
    library = Library(content_copy, resources_dir(), cache=tmp_path / "cache")
    content = library.language("en")
    assert content.sections == expected.sections
    assert list(content.pages) == list(expected.pages)
    for section in content.sections:
        shown = [(i, content.pages.title(i)) for i in content.pages.ids_in(section.id)]
        assert shown == [(p.id, p.title) for p in expected.pages_in(section.id)]
    assert read == []
    rendered = library.render("en", "welcome")
    assert rendered is not None
    assert "<h1>Welcome</h1>" in rendered.html
    assert read == ["welcome"]
    assert dict(content.pages.items()) == dict(expected.pages.items())
    assert read == ["welcome", "all"]


def test_a_damaged_page_in_the_cache_is_read_from_its_file(
    content_copy: Path, tmp_path: Path
) -> None:
    expected = Library(content_copy, resources_dir(), cache=tmp_path / "cache").language("de")
    stored = next((tmp_path / "cache").glob("de-*")) / "pages.json"
    data = stored.read_bytes()
    start = data.index(b'{"id":"side-effects"')
    stored.write_bytes(data[:start] + b"x" * 40 + data[start + 40 :])  # the same length
    content = Library(content_copy, resources_dir(), cache=tmp_path / "cache").language("de")
    assert content.pages["side-effects"] == expected.pages["side-effects"]
    assert dict(content.pages.items()) == dict(expected.pages.items())


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_new_day_starts_from_the_cache_built_the_day_before(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """No page fell due overnight: the first start of the day parses and renders nothing."""
    yesterday = dt.date(2027, 1, 10)
    first = Library(content_copy, resources_dir(), cache=tmp_path / "cache", today=yesterday)
    content = first.language(lang)
    html = first.render(lang, "side-effects")
    assert html is not None
    folders = sorted((tmp_path / "cache").iterdir())
    monkeypatch.setattr(pages, "load_language", _fail)
    monkeypatch.setattr(render.PageRenderer, "render", _fail)
    today = yesterday + dt.timedelta(days=1)
    second = Library(content_copy, resources_dir(), cache=tmp_path / "cache", today=today)
    assert second.language(lang) == content
    again = second.render(lang, "side-effects")
    assert again is not None
    assert again.html == html.html
    assert sorted((tmp_path / "cache").iterdir()) == folders


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_page_that_fell_due_since_the_last_start_shows_the_overdue_note(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Only the page that fell due is rendered again; the content is not parsed again. Set back
    a day (the clock put back), the page is shown without the note again."""
    due = Library(content_copy, resources_dir()).language(lang).pages["side-effects"].review_due
    note = gettext_for(lang, OVERDUE_NOTE).format(date=format_date(due, lang))

    def shown(day: dt.date, page_id: str) -> str:
        library = Library(content_copy, resources_dir(), cache=tmp_path / "cache", today=day)
        rendered = library.render(lang, page_id)
        assert rendered is not None
        return without_soft_hyphens(rendered.html)

    assert note not in shown(due, "side-effects")
    assert note not in shown(due, "welcome")
    monkeypatch.setattr(pages, "load_language", _fail)
    rendered: list[str] = []
    real_render = render.PageRenderer.render
    monkeypatch.setattr(
        render.PageRenderer,
        "render",
        lambda self, page, today: rendered.append(page.id) or real_render(self, page, today),
    )
    after = due + dt.timedelta(days=1)
    assert note in shown(after, "side-effects")
    assert note not in shown(after, "welcome")
    assert rendered == ["side-effects"]
    assert note in shown(after + dt.timedelta(days=30), "side-effects")
    assert note not in shown(due, "side-effects")
    assert rendered == ["side-effects"]

"""Generated pages, front matter and data files: the loader and the renderer never fail with
anything but a reported problem (``ContentError`` at most), and never let raw HTML through.

The normal suite tries a few dozen examples per test. The thorough run (10,000 each):
``HYPOTHESIS_PROFILE=thorough scripts/test.sh tests/test_fuzz_content.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from her2guide.content.model import ContentError, Page, Pages
from her2guide.content.pages import (
    PAGE_KEYS,
    LanguageContent,
    parse_glossary,
    parse_page,
    parse_sections,
)
from her2guide.content.render import PageRenderer
from her2guide.paths import resources_dir
from tests.helpers import PAGE

SECTIONS = {"basics"}

# Short, varied text: letters, umlauts, Markdown and YAML punctuation, brackets, quotes.
ALPHABET = st.sampled_from(list("aeiouxyzAEÄöüß 0123456789-_*#>[]()!:;'\"`<>/\\|{}&%\t.,?"))
WORDS = st.text(ALPHABET, max_size=30)
TARGETS = st.sampled_from(
    [
        "other.md", "missing.md", "glossary.md#her2", "glossary.md#nope", "timeline:",
        "timeline:first-line", "https://example.org", "../de/other.md", "de/other.md", "",
        "#source-1", "mailto:x@example.org", "file:///etc/passwd", "javascript:alert(1)",
        "diagrams/adc.svg", "/etc/hosts", "../../x.png", "http://[::1", "page.md#a#b",
    ]
)  # fmt: skip

INLINE = st.one_of(
    WORDS,
    st.builds("**{}**".format, WORDS),
    st.builds("*{}*".format, WORDS),
    st.builds("`{}`".format, WORDS),
    st.builds("[{}]({})".format, WORDS, TARGETS),
    st.builds("![{}]({})".format, WORDS, TARGETS),
    st.builds("[S{}]".format, st.integers(-1, 12)),
    st.builds("<{}>".format, st.sampled_from(["b", "script", "/script", "img src=x", "a href=y"])),
    st.builds("{}[{}]".format, st.text("*_[]", max_size=40), WORDS),
)
LINE = st.lists(INLINE, max_size=6).map(" ".join)
BLOCK = st.one_of(
    LINE,
    st.builds("{} {}".format, st.sampled_from(["#", "##", "###", "####"]), LINE),
    st.builds("{}- {}".format, st.integers(0, 14).map(lambda n: "    " * n), LINE),
    st.builds("{}1. {}".format, st.integers(0, 3).map(lambda n: "  " * n), LINE),
    st.builds("{} {}".format, st.integers(1, 14).map(lambda n: ">" * n), LINE),
    st.builds(
        '!!! {} "{}"\n    {}'.format,
        st.sampled_from(["warning", "note", "danger", "x"]),
        WORDS,
        LINE,
    ),
    st.builds("| {} | {} |\n|---|---|\n| {} | {} |".format, WORDS, WORDS, WORDS, WORDS),
    st.text(max_size=80),
)
BODY = st.lists(BLOCK, max_size=12).map("\n\n".join)

SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    WORDS,
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(WORDS, inner, max_size=4)),
    max_leaves=12,
)
KEY = st.one_of(st.sampled_from((*PAGE_KEYS, "sumary", "text", "doi")), WORDS)
FIELDS = st.dictionaries(KEY, VALUE, max_size=12)


def _valid_front() -> dict[str, Any]:
    return yaml.safe_load(PAGE.split("---\n")[1].format(title="A page", order=1))


# Values YAML reads as dates or numbers, including impossible ones (2027-13-01, 1e999).
DATEISH = st.from_regex(
    r"[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}([ T][0-9]{1,2}:[0-9]{2})?", fullmatch=True
)
NUMBERISH = st.from_regex(
    r"[-+]?(0x[0-9a-f]+|0o[0-7]+|[0-9._]+(e[-+]?[0-9]+)?|\.inf|\.nan)", fullmatch=True
)
RAW_FIELD = st.builds("{}: {}".format, KEY, st.one_of(DATEISH, NUMBERISH, WORDS))
FRONT = st.one_of(
    FIELDS.map(lambda data: yaml.safe_dump(data, allow_unicode=True)),
    st.lists(RAW_FIELD, max_size=10).map("\n".join),
    st.builds(
        lambda base, extra: yaml.safe_dump({**base, **extra}), st.just(_valid_front()), FIELDS
    ),
    st.lists(LINE, max_size=8).map("\n".join),
)
ENCODING = st.sampled_from(["plain", "bom", "crlf", "latin-1", "cut"])


def _encode(text: str, how: str) -> bytes:
    if how == "bom":
        return b"\xef\xbb\xbf" + text.encode()
    if how == "crlf":
        return text.replace("\n", "\r\n").encode()
    if how == "latin-1":
        return text.encode("latin-1", errors="replace")
    if how == "cut":
        data = text.encode()
        return data[: len(data) // 2] + b"\xc3"
    return text.encode()


def _content(folder: Path, page: Page) -> LanguageContent:
    return LanguageContent("en", folder, [], Pages.of({page.id: page}), {}, [])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for all examples (Hypothesis runs many examples per test call)."""
    return tmp_path_factory.mktemp("fuzz")


def _write(folder: Path, data: bytes, name: str = "page.md") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@given(front=FRONT, body=BODY, how=ENCODING)
def test_any_page_loads_or_is_reported_and_renders_safely(
    folder: Path, front: str, body: str, how: str
) -> None:
    path = _write(folder, _encode(f"---\n{front}\n---\n{body}\n", how))
    try:
        page, problems = parse_page(path, "en", SECTIONS)
    except ContentError:
        return
    assert all(problem.path == path and problem.line >= 1 for problem in problems)
    if page is None:
        assert problems, "a page that does not load must say why"
        return
    content = _content(path.parent, page)
    try:
        rendered = PageRenderer(content, resources_dir(), {"first-line"}).render(page)
    except ContentError:
        return
    assert "<script" not in rendered.html


@given(body=BODY)
def test_any_markdown_body_renders_or_reports(folder: Path, body: str) -> None:
    path = _write(folder, PAGE.format(title="A page", order=1, body=body).encode())
    page, problems = parse_page(path, "en", SECTIONS)
    if page is None:
        assert problems
        return
    content = _content(path.parent, page)
    rendered = PageRenderer(content, resources_dir()).render(page)
    assert rendered.html.startswith('<html lang="en">')
    assert "<script" not in rendered.html


DATA_FILE = st.one_of(
    st.lists(st.one_of(FIELDS, VALUE), max_size=6).map(
        lambda v: yaml.safe_dump(v, allow_unicode=True)
    ),
    st.lists(LINE, max_size=8).map("\n".join),
)


@given(text=DATA_FILE, how=ENCODING)
def test_any_sections_or_glossary_file_loads_or_is_reported(
    folder: Path, text: str, how: str
) -> None:
    path = _write(folder, _encode(text, how), "glossary.yaml")
    for parse in (parse_sections, parse_glossary):
        try:
            items, problems = parse(path)
        except ContentError:
            continue
        assert isinstance(items, list)
        assert all(problem.path == path for problem in problems)

"""Inline glossary: the first use of a term on a page links to its entry, and nothing breaks."""

from __future__ import annotations

import re
from pathlib import Path

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.library import Library
from her2guide.content.pages import load_language
from her2guide.content.render import PageRenderer
from her2guide.paths import content_dir, resources_dir
from tests.helpers import write_page

GLOSSARY = """\
- id: her2
  term: HER2
  definition: A protein on the surface of cells.
- id: trastuzumab
  term: Trastuzumab
  aliases: [Herceptin]
  pronunciation: "tras-TOO-zoo-mab"
  definition: An antibody against HER2.
- id: trastuzumab-deruxtecan
  term: Trastuzumab deruxtecan (T-DXd)
  aliases: [T-DXd, trastuzumab deruxtecan]
  definition: An antibody-drug conjugate.
- id: drug-to-antibody-ratio
  term: Drug-to-antibody ratio (DAR)
  aliases: [DAR]
  definition: How many payload molecules each antibody carries.
"""

TERM_LINK = re.compile(
    r'<a class="term" href="page:glossary#([a-z0-9-]+)" title="([^"]*)">([^<]*)</a>'
)


def _render(tmp_path: Path, body: str, page_id: str = "page") -> str:
    folder = tmp_path / "en"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sections.yaml").write_text("- id: basics\n  title: Basics\n")
    (folder / "glossary.yaml").write_text(GLOSSARY)
    write_page(folder, "glossary", title="Glossary", order=3, body="Glossary body with HER2.")
    write_page(folder, "other", title="Other", order=2)
    if page_id != "glossary":
        write_page(folder, page_id, body=body)
    content = load_language(folder, "en")
    return PageRenderer(content, tmp_path).render(content.pages[page_id]).html


def _marks(html: str) -> list[tuple[str, str]]:
    """(term id, marked text) of every glossary link, in page order."""
    return [
        (term_id, without_soft_hyphens(text)) for term_id, _title, text in TERM_LINK.findall(html)
    ]


def test_only_the_first_use_of_a_term_is_marked(tmp_path: Path) -> None:
    html = _render(tmp_path, "HER2 is a protein. Cells with much HER2 grow.\n\nHER2 again.")
    assert _marks(html) == [("her2", "HER2")]
    assert "<p>HER2 is" not in html
    assert "Cells with much HER2 grow." in html


def test_the_mark_carries_the_definition_as_its_title(tmp_path: Path) -> None:
    html = _render(tmp_path, "Herceptin is trastuzumab.")
    assert TERM_LINK.findall(html) == [
        ("trastuzumab", "An antibody against HER2.", "Herceptin"),
    ]


def test_the_longest_name_wins(tmp_path: Path) -> None:
    html = _render(tmp_path, "Trastuzumab deruxtecan differs from trastuzumab.")
    assert _marks(html) == [
        ("trastuzumab-deruxtecan", "Trastuzumab deruxtecan"),
        ("trastuzumab", "trastuzumab"),
    ]


def test_links_and_headings_are_never_marked(tmp_path: Path) -> None:
    body = "## What HER2 means\n\nSee [HER2 in detail](other.md). Then HER2 itself.\n"
    html = _render(tmp_path, body)
    assert '<h2 id="what-her2-means">What HER2 means</h2>' in html
    assert '<a href="page:other">HER2 in detail</a>' in html
    assert _marks(html) == [("her2", "HER2")]
    assert html.index('class="term"') > html.index("HER2 in detail")


def test_data_tables_are_left_alone_but_boxes_are_marked(tmp_path: Path) -> None:
    body = (
        "| Drug | Target |\n|---|---|\n| Trastuzumab | HER2 |\n\n"
        '!!! warning "Call your team"\n    New cough on T-DXd.\n'
    )
    html = _render(tmp_path, body)
    start = html.index('class="data"')
    table = html[start : html.index("</table>", start)]
    assert 'class="term"' not in table
    assert "<td>Trastuzumab</td>" in table
    assert _marks(html) == [("trastuzumab-deruxtecan", "T-DXd")]


def test_a_term_the_page_links_to_itself_is_not_marked_again(tmp_path: Path) -> None:
    html = _render(tmp_path, "HER2 first. Then [HER2](glossary.md#her2) with a link.")
    assert _marks(html) == [("her2", "HER2")]
    assert html.count('href="page:glossary#her2"') == 1
    assert "<p>HER2 first." in html


def test_abbreviations_match_only_as_written(tmp_path: Path) -> None:
    html = _render(tmp_path, "Das stellt sich so dar. The DAR is 8. Her2 in lower case.")
    assert _marks(html) == [("drug-to-antibody-ratio", "DAR")]


def test_the_glossary_page_itself_is_not_marked(tmp_path: Path) -> None:
    html = _render(tmp_path, "", page_id="glossary")
    assert "Glossary body with HER2." in html
    assert _marks(html) == []


def test_shipped_pages_mark_terms_in_both_languages() -> None:
    library = Library(content_dir(), resources_dir())
    for lang in ("en", "de"):
        for page_id in library.language(lang).pages:
            rendered = library.render(lang, page_id)
            assert rendered is not None
            marks = _marks(rendered.html)
            linked = set(
                re.findall(r"glossary\.md#([a-z0-9-]+)", library.language(lang).pages[page_id].body)
            )
            ids = [term_id for term_id, _text in marks if term_id not in linked]
            assert len(ids) == len(set(ids)), f"{lang}/{page_id}: a term is marked twice"
            if page_id != "glossary":
                assert marks, f"{lang}/{page_id}: no glossary term marked"
            for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", rendered.html):
                assert 'class="term"' not in heading, f"{lang}/{page_id}: {heading}"

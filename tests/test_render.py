"""Rendering: raw HTML is escaped, links resolve to pages of the same language, boxes are drawn."""

from __future__ import annotations

from pathlib import Path

from her2guide.content.pages import load_language
from her2guide.content.render import PageRenderer
from tests.helpers import write_page


def _render(tmp_path: Path, body: str, lang: str = "en") -> tuple[str, list[str]]:
    folder = tmp_path / lang
    (folder).mkdir(parents=True, exist_ok=True)
    (folder / "sections.yaml").write_text("- id: basics\n  title: Basics\n")
    (folder / "glossary.yaml").write_text(
        "- id: her2\n  term: HER2\n  definition: A protein on the surface of cells.\n"
    )
    write_page(folder, "other", title="Other page", order=2)
    write_page(folder, "glossary", title="Glossary", order=3)
    write_page(folder, "page", body=body)
    content = load_language(folder, lang)
    resources = tmp_path / "resources"
    (resources / "diagrams").mkdir(parents=True, exist_ok=True)
    (resources / "diagrams" / "adc.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    rendered = PageRenderer(content, resources, {"second-line"}).render(content.pages["page"])
    return rendered.html, [f"{p.line}: {p.message}" for p in rendered.problems]


def test_raw_html_and_scripts_are_shown_as_text(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "<script>alert('x')</script>\n\nA <b>bold</b> try.")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html
    assert [p.split(": ", 1)[1].split(" is shown")[0] for p in problems] == [
        "raw HTML <script>",
        "raw HTML <b>",
    ]


def test_page_links_resolve_within_the_language(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "See [the other page](other.md#part).")
    assert '<a href="page:other#part">the other page</a>' in html
    assert problems == []


def test_link_to_a_missing_page_is_reported_with_its_line(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "Fine.\n\nSee [nothing](missing.md).")
    assert problems == ["17: link to missing page 'missing.md'"]
    assert 'href="missing:missing"' in html


def test_link_into_the_other_language_is_reported(tmp_path: Path) -> None:
    _html, problems = _render(tmp_path, "See [German](../de/other.md) and [also](de/other.md).")
    assert len(problems) == 2
    assert all("is not a page of this language" in problem for problem in problems)


def test_emphasis_nested_too_deeply_is_reported_and_the_page_still_shows(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "*" * 3000 + "x" + "*" * 3000 + "\n\nStill here.")
    assert problems == [
        "15: the text is nested too deeply to show (emphasis marks, brackets or lists "
        "inside each other); simplify it"
    ]
    assert "Still here." in html


def test_glossary_link_carries_the_definition(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "About [HER2](glossary.md#her2) and [x](glossary.md#nope).")
    assert 'href="page:glossary#her2"' in html
    assert 'title="A protein on the surface of cells."' in html
    assert problems == ["15: link to unknown glossary term 'nope'"]


def test_citations_link_to_the_source_list(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "About 1 in 5 [S1]. Made up [S4].")
    assert '<a class="cite" href="#source-1"><sup>[1]</sup></a>' in html
    assert '<a name="source-1"></a>' in html
    assert problems == ["15: citation [S4] has no source 4; the page lists 1 source"]


def test_timeline_links_are_checked_against_its_ids(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "[Line 2](timeline:second-line) [bad](timeline:tenth-line)")
    assert 'href="timeline:second-line"' in html
    assert problems == ["15: link to unknown timeline stage or option 'tenth-line'"]


def test_images_only_from_resources(tmp_path: Path) -> None:
    body = (
        "![ok](diagrams/adc.svg)\n\n![remote](https://example.org/x.png)\n\n"
        "![escape](../secret.png)\n\n![gone](diagrams/none.svg)"
    )
    html, problems = _render(tmp_path, body)
    assert '<img alt="ok" src="diagrams/adc.svg"' in html
    assert "example.org" not in html
    assert [p.split(": ", 1)[1] for p in problems] == [
        "image 'https://example.org/x.png' is not a local file; "
        "put it in resources/ and link it there",
        "image '../secret.png' must be a path inside resources/, without ../",
        "image 'diagrams/none.svg' not found in resources/",
    ]


def test_warning_box_becomes_a_highlighted_table(tmp_path: Path) -> None:
    html, _ = _render(tmp_path, '!!! warning "Call your team"\n    New cough or fever.')
    assert '<table cellpadding="12" cellspacing="0" class="box-warning" width="100%">' in html
    assert "Call your team</p>" in html
    assert "<p>New cough or fever.</p>" in html


def test_page_shows_summary_sources_and_review_dates_in_its_language(tmp_path: Path) -> None:
    html, _ = _render(tmp_path, "Text.", lang="de")
    assert "Kurz gesagt" in html
    assert "Quellen" in html
    assert "Geprüft am 24. November 2026 · nächste Prüfung bis 24. November 2027" in html
    assert 'href="https://doi.org/10.1055/a-1471-4063"' in html


def test_overdue_page_shows_a_review_note(tmp_path: Path) -> None:
    folder = tmp_path / "en"
    write_page(folder, "old")
    path = folder / "old.md"
    path.write_text(
        path.read_text()
        .replace("reviewed: 2026-11-24", "reviewed: 2020-01-01")
        .replace("review_due: 2027-11-24", "review_due: 2021-01-01")
    )
    (folder / "sections.yaml").write_text("- id: basics\n  title: Basics\n")
    (folder / "glossary.yaml").write_text("- id: x\n  term: X\n  definition: Y.\n")
    content = load_language(folder, "en")
    html = PageRenderer(content, tmp_path).render(content.pages["old"]).html
    assert "was due for its medical review on 1 January 2021" in html


def test_an_address_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    html, problems = _render(tmp_path, "[local](http://[::1) and ![pic](http://[x)")
    assert problems == [
        "15: link 'http://[::1' is not a valid address; check its spelling",
        "15: image 'http://[x' is not a valid address; check its spelling",
    ]
    assert "local" in html

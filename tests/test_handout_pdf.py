"""Handouts made with ``her2guide handout`` and read back with poppler, as a nurse gets them."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from her2guide.app import main
from her2guide.care_card import ClinicContact
from her2guide.content.library import Library
from her2guide.i18n import format_date, gettext_for
from her2guide.paths import content_dir, resources_dir
from her2guide.settings import Settings

pytestmark = [
    pytest.mark.system,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
        reason="needs poppler-utils (pdftotext, pdfinfo, pdffonts, pdfimages)",
    ),
]
CLINIC = ClinicContact("Breast Centre, Ward 4", "030 1234 5678")
PAGES = ("welcome", "antibody-drug-conjugates", "side-effects", "lines-of-therapy", "when-to-call")
_BOX = re.compile(r'<table[^>]*class="(?:box-\w+|inshort)".*?</table>', re.DOTALL)
_HEADING = re.compile(r"<h[12][^>]*>(.*?)</h[12]>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(content_dir(), resources_dir())


def _settings(language: str = "en") -> None:
    settings = Settings()
    settings.clinic = CLINIC
    settings.you_are_here = "second-line"
    settings.language = language
    settings.sync()


def _handout(path: Path, *args: str) -> int:
    return main(["handout", "--out", str(path), *args])


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def _squeeze(text: str) -> str:
    """Text without spaces, line breaks and hyphens, so that line breaking does not matter
    (and with ligatures such as "ﬀ" written out)."""
    return re.sub(r"[\s\u00ad\-\u2010]+", "", unicodedata.normalize("NFKC", html.unescape(text)))


def _words(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


@pytest.mark.parametrize("lang", ["en", "de", "both"])
def test_no_box_is_split_and_every_page_has_the_whole_footer(
    library: Library, tmp_path: Path, lang: str
) -> None:
    _settings()
    pdf = tmp_path / "handout.pdf"
    assert _handout(pdf, "--lang", lang, "--pages", ",".join(PAGES), "--card") == 0
    pages = _pages(pdf)
    languages = ("en", "de") if lang == "both" else (lang,)
    today = dt.date.today()
    for number, text in enumerate(pages, start=1):
        page_lang = next(
            code
            for code in languages
            if gettext_for(code, "Printed on {date}").format(date=format_date(today, code)) in text
        )
        page_of = gettext_for(page_lang, "Page {number} of {total}")
        assert page_of.format(number=number, total=len(pages)) in text
        assert CLINIC.phone in text
        assert re.search(r"\b20\d\d\b", text.split(CLINIC.phone)[-1])  # the review date
    # Without the page references print adds after links, so the text is as on screen.
    references = re.compile(r"\((?:seepage\d+|sieheSeite\d+|intheapp:“[^”]*”|inderApp:„[^“]*“)\)")
    squeezed = [references.sub("", _squeeze(text)) for text in pages]
    checked = 0
    for code in languages:
        for page_id in PAGES:
            rendered = library.render(code, page_id)
            assert rendered is not None
            title = library.language(code).pages[page_id].title
            topic = _squeeze(f"{gettext_for(code, 'HER2 Guide')} \u2013 {title}")
            # The first sheets are the cards (one per language), with the signs only.
            own = [i for i, text in enumerate(squeezed) if topic in text and i >= len(languages)]
            for box in _BOX.findall(rendered.html):
                words = _words(box).split()
                start, end = _squeeze(" ".join(words[:6])), _squeeze(" ".join(words[-6:]))
                found = [i for i in own if start in squeezed[i]]
                assert found, f"{page_id} ({code}): box not found: {words[:6]}"
                assert end in squeezed[found[0]], f"{page_id} ({code}) box split: {words[:6]}"
                checked += 1
    assert checked >= 10 * len(languages)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_card_is_one_sheet_with_a_source_note(tmp_path: Path, lang: str) -> None:
    _settings()
    pdf = tmp_path / "card.pdf"
    assert _handout(pdf, "--lang", lang, "--card", "--no-sources") == 0
    pages = _pages(pdf)
    assert len(pages) == 1
    assert CLINIC.phone in pages[0]
    note = gettext_for(lang, "Sources: in the HER2 Guide app, on the page “{title}”")
    assert _squeeze(note.split("{")[0]) in _squeeze(pages[0])
    with_sources = tmp_path / "card-sources.pdf"
    assert _handout(with_sources, "--lang", lang, "--card") == 0
    first, *rest = _pages(with_sources)
    assert gettext_for(lang, "Sources: see page {number}").format(number=2) in first
    assert rest
    assert gettext_for(lang, "Sources") in rest[0]


def test_a_german_handout_from_english_settings_has_no_english_headings(
    library: Library, tmp_path: Path
) -> None:
    _settings("en")
    pdf = tmp_path / "de.pdf"
    assert _handout(pdf, "--lang", "de", "--pages", ",".join(PAGES), "--card", "--questions") == 0
    text = _squeeze("".join(_pages(pdf)))
    german = {_squeeze(_words(h)) for p in PAGES for h in _HEADING.findall(_html(library, "de", p))}
    english = {
        _squeeze(_words(heading))
        for page_id in PAGES
        for heading in _HEADING.findall(_html(library, "en", page_id))
    }
    english |= {
        _squeeze(gettext_for("en", m)) for m in ("Sources", "My questions for the care team")
    }
    english -= german
    assert english
    leaked = [heading for heading in english if heading in text]
    assert not leaked
    assert _squeeze("Seite 1 von") in text
    assert "Page1of" not in text


def _html(library: Library, lang: str, page_id: str) -> str:
    rendered = library.render(lang, page_id)
    assert rendered is not None
    return rendered.html


def test_fonts_are_embedded_and_the_metadata_is_set(tmp_path: Path) -> None:
    _settings()
    pdf = tmp_path / "meta.pdf"
    assert _handout(pdf, "--lang", "de", "--pages", "side-effects", "--card") == 0
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), fonts.stdout
    info = _info(pdf)
    assert info["Title"].strip() == "HER2-Ratgeber \u2013 Merkblatt"
    assert info["Author"].strip() == CLINIC.name
    assert "Nebenwirkungen" in info["Subject"]
    assert info["Creator"].strip().startswith("HER2 Guide")
    assert b"/Lang (de)" in pdf.read_bytes()


def test_the_treatment_path_is_printed_at_full_size_with_you_are_here(tmp_path: Path) -> None:
    """The picture is drawn at 96 pixels per inch times 3: printed smaller, its 10 pt text
    would shrink below 10 pt (pdfimages reports more pixels per inch)."""
    _settings()
    pdf = tmp_path / "path.pdf"
    assert _handout(pdf, "--lang", "en", "--timeline") == 0
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    x_ppi = [int(row.split()[12]) for row in listing]
    assert max(x_ppi) <= 290, listing
    assert "You are here: Second line" in "".join(_pages(pdf))


def test_links_print_the_page_they_point_to(tmp_path: Path) -> None:
    _settings()
    pdf = tmp_path / "links.pdf"
    args = ("--lang", "en", "--pages", "antibody-drug-conjugates,lines-of-therapy")
    assert _handout(pdf, *args) == 0
    pages = _pages(pdf)
    start = next(
        i for i, text in enumerate(pages, 1) if "HER2 Guide \u2013 Lines of therapy" in text
    )
    assert f"(see page {start})" in " ".join("".join(pages).split())


def test_an_unknown_page_or_unwritable_file_ends_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _handout(tmp_path / "x.pdf", "--pages", "welcome,side-efects") == 1
    assert "unknown page: side-efects (did you mean side-effects?)" in capsys.readouterr().err
    assert _handout(tmp_path / "missing" / "x.pdf") == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_sources_are_in_one_appendix_or_left_to_the_app(library: Library, tmp_path: Path) -> None:
    _settings()
    page = library.language("en").pages["side-effects"]
    first_source = _squeeze(page.sources[0].text.split(" (")[0])
    with_sources = tmp_path / "sources.pdf"
    assert _handout(with_sources, "--pages", "welcome,side-effects") == 0
    pages = [_squeeze(text) for text in _pages(with_sources)]
    appendix = [
        i for i, text in enumerate(pages, 1) if _squeeze("HER2 Guide \u2013 Sources") in text
    ]
    assert appendix
    assert all(f"Sources:seepage{appendix[0]}" in text for text in pages[: appendix[0] - 1])
    assert [i for i, text in enumerate(pages, 1) if first_source in text] == appendix[:1]
    assert _squeeze(f"{page.title} \u2013 page") in pages[appendix[0] - 1]
    without = tmp_path / "no-sources.pdf"
    assert _handout(without, "--pages", "welcome,side-effects", "--no-sources") == 0
    pages = [_squeeze(text) for text in _pages(without)]
    assert not any(first_source in text for text in pages)
    assert all(_squeeze("Sources: in the HER2 Guide app") in text for text in pages)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_footer_line_is_cut_short(lang: str, tmp_path: Path) -> None:
    """The footer's review note and where the sources are are long in German: none is elided."""
    _settings()
    pdf = tmp_path / "footer.pdf"
    assert _handout(pdf, "--lang", lang, "--pages", "welcome,side-effects", "--card") == 0
    for number, text in enumerate(_pages(pdf), 1):
        footer = [line for line in text.rstrip().splitlines() if line.strip()][-4:]
        assert not any("\u2026" in line for line in footer), (number, footer)

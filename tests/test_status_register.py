"""The approval-status register: one place for every status, read by pages, timeline and check."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from her2guide.content.check import run_check
from her2guide.content.library import Library
from her2guide.content.status_register import (
    REGISTER_FILE,
    load_register,
    marker_ids,
    stale_entries,
)
from her2guide.content.status_text import badges, sentence
from her2guide.paths import content_dir, resources_dir
from tests.helpers import shipped_timeline_texts

TODAY = dt.date(2026, 12, 6)
SHIPPED, SHIPPED_PROBLEMS = load_register(content_dir() / REGISTER_FILE)

ENTRY = """\
- id: sample
  regimen:
    en: a sample regimen
    de: ein Beispiel
  checked: 2026-12-06
  eu:
    status: under-review
    date: 2026-01
    source: https://example.org/eu
  ch:
    status: approved
    date: 2026-03-20
    source: https://example.org/ch
    condition:
      en: as a temporary extension
      de: befristet
      badge:
        en: temporary
        de: befristet
  us:
    status: approved
    date: 2025-12-15
    source: 10.1056/NEJMoa2508668
"""


def write_register(folder: Path, text: str) -> Path:
    path = folder / REGISTER_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_register_is_valid_and_current() -> None:
    assert SHIPPED_PROBLEMS == []
    assert len(SHIPPED.entries) >= 10
    assert stale_entries(SHIPPED, TODAY) == []


def test_the_sentence_puts_the_readers_region_first_in_each_language(tmp_path: Path) -> None:
    register, problems = load_register(write_register(tmp_path, ENTRY))
    assert problems == []
    entry = register.entries["sample"]
    assert sentence(entry, "ch", "en") == (
        "In Switzerland: approved since 20 March 2026, as a temporary extension. "
        "In the EU (Germany, Austria): under review since January 2026. "
        "In the US: approved since 15 December 2025. "
        "Last checked by us on 6 December 2026. Ask your care team what applies to you."
    )
    german = sentence(entry, "eu", "de")
    assert german.startswith(
        "In der EU (Deutschland, Österreich): in Prüfung seit Januar 2026. "
        "In der Schweiz: zugelassen seit 20. März 2026, befristet."
    )
    assert "Zuletzt von uns geprüft am 6. Dezember 2026." in german
    assert [b.text for b in badges(entry, "other", "de")] == [
        "EU: in Prüfung",
        "CH: befristet",
        "USA",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("    source: https://example.org/eu\n", ""), "status 'under-review' needs a 'source'"),
        (("status: under-review", "status: pending"), "status must be one of approved"),
        (("    date: 2026-01\n", "    date: January\n"), "date must be like 2026-03-20"),
        (("  us:\n", "  usa:\n"), "unknown key 'usa'"),
        (("      de: befristet\n      badge", "      badge"), "needs a 'de' text"),
        (("https://example.org/ch", "example.org/ch"), "source must be a URL"),
    ],
)
def test_a_wrong_entry_is_a_problem_with_its_line(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = ENTRY.replace(*change)
    assert text != ENTRY
    _register, problems = load_register(write_register(tmp_path, text))
    assert any(message in p.message for p in problems), problems
    assert all(p.line >= 1 for p in problems)


def test_an_unknown_status_needs_no_source(tmp_path: Path) -> None:
    text = ENTRY.replace(
        "    status: under-review\n    date: 2026-01\n    source: https://example.org/eu\n",
        "    status: unknown\n",
    )
    register, problems = load_register(write_register(tmp_path, text))
    assert problems == []
    assert "In the EU (Germany, Austria): no approval found in our sources." in sentence(
        register.entries["sample"], "eu", "en"
    )


def test_an_entry_checked_more_than_six_months_ago_gets_a_warning(tmp_path: Path) -> None:
    register, _ = load_register(write_register(tmp_path, ENTRY))
    assert stale_entries(register, dt.date(2027, 6, 1)) == []
    warnings = stale_entries(register, dt.date(2027, 6, 8))
    assert [w.message.split(":")[0] for w in warnings] == ["warning"]
    assert "'sample' was last checked on 2026-12-06" in warnings[0].message


# -- check ----------------------------------------------------------------------------------------


def test_check_fails_on_a_marker_for_an_unknown_entry(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = content_copy / "en" / "research.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{{status:margetuximab}}", "{{status:margetux}}"),
        encoding="utf-8",
    )
    assert run_check(content_copy, resources_dir(), today=TODAY) == 1
    output = capsys.readouterr().out
    assert "research.md" in output
    assert "unknown status register entry 'margetux' (did you mean 'margetuximab'?)" in output


def test_check_fails_on_a_timeline_option_naming_an_unknown_entry(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    timeline = content_copy / "de" / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace("status: margetuximab", "status: margetux"), "utf-8")
    assert run_check(content_copy, resources_dir(), today=TODAY) == 1
    assert "unknown status register entry 'margetux'" in capsys.readouterr().out


def test_check_fails_on_a_status_without_a_source(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = content_copy / REGISTER_FILE
    text = register.read_text(encoding="utf-8")
    register.write_text(
        text.replace("    source: https://www.ema.europa.eu/en/medicines/human/EPAR/kadcyla\n", ""),
        encoding="utf-8",
    )
    assert run_check(content_copy, resources_dir(), today=TODAY) == 1
    assert "'eu': status 'approved' needs a 'source'" in capsys.readouterr().out


def test_notes_and_warnings_pass_check_and_fail_only_under_strict(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = dt.date(2028, 1, 1)  # every page overdue, every register entry stale
    assert run_check(content_copy, resources_dir(), today=later) == 0
    output = capsys.readouterr().out
    assert "note: review overdue since" in output
    assert "note: not yet reviewed by a clinician" in output
    assert "warning: 'thp-first-line' was last checked on 2026-12-06" in output
    assert run_check(content_copy, resources_dir(), today=later, strict=True) == 1
    assert "--strict:" in capsys.readouterr().out


def test_strict_fails_today_only_because_no_clinician_has_reviewed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_check(content_dir(), resources_dir(), today=TODAY) == 0
    assert run_check(content_dir(), resources_dir(), today=TODAY, strict=True) == 1
    output = capsys.readouterr().out
    assert "warning:" not in output
    assert "review overdue" not in output
    pages = sum(1 for lang in ("en", "de") for _ in (content_dir() / lang).glob("*.md"))
    assert f"--strict: 0 warnings, {pages} notes must be resolved." in output


# -- no status typed by hand ----------------------------------------------------------------------

_REGION = (
    r"(?:EU|EMA|Europe|Europa|European|Europäische\w*|US|USA|FDA|Switzerland|Schweiz|Swissmedic)"
)
_STATUS = (
    r"(?:approv\w*|authoris\w*|under review|not approved|zugelassen|zulassung\w*|"
    r"zulassen|in prüfung|prüfung der eu|eu-prüfung)"
)
HAND_TYPED = re.compile(
    rf"\b{_REGION}\b[^.!?\n]{{0,90}}\b{_STATUS}|\b{_STATUS}[^.!?\n]{{0,90}}\b{_REGION}\b",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\{\{status:[^{}]*\}\}")
# Sentences about how approval works in general, not about the status of one regimen.
_GENERAL = (
    "In the EU, this is the European Medicines Agency",
    "In der EU ist das die Europäische Arzneimittel-Agentur",
    "The EU and the US do not always decide the same way",
    "Die EU und die USA entscheiden nicht immer gleich",
    "Sometimes the EU grants a",
    "Manchmal gibt es in der EU eine",
    "Approvals differ between countries, for example between the EU and the US",
    "Zulassungen sind nicht in allen Ländern gleich, zum Beispiel in der EU",
)


def hand_typed_statuses(text: str) -> list[str]:
    """Sentences outside markers that name a region and an approval status together."""
    found = []
    for sentence_text in re.split(r"(?<=[.!?])\s+|\n\s*\n", _MARKER.sub(" ", text)):
        if HAND_TYPED.search(sentence_text) and not any(g in sentence_text for g in _GENERAL):
            found.append(" ".join(sentence_text.split()))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "In the US, this combination was approved in December 2025 [S4].",
        "The EU review started in January 2026. The EU decision is under review.",
        "In den USA ist die Kombination seit Dezember 2025 zugelassen [S4].",
        "Zugelassen ist sie in der EU nach mindestens 2 früheren HER2-Behandlungen.",
        "Swissmedic approved it in March 2026.",
    ],
)
def test_the_heuristic_finds_a_status_typed_by_hand(text: str) -> None:
    assert hand_typed_statuses(text) != []


def test_the_heuristic_leaves_markers_and_other_sentences_alone() -> None:
    text = (
        "Approval differs between regions [S4]. {{status:t-dxd-pertuzumab-first-line}}\n\n"
        "T-DXd was tested in the US and in Europe. Ask if it is paid for where you live."
    )
    assert hand_typed_statuses(text) == []


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_page_types_an_approval_status_by_hand(lang: str) -> None:
    library = Library(content_dir(), resources_dir())
    found = {
        page_id: hand_typed_statuses("\n\n".join([page.summary, page.body]))
        for page_id, page in library.language(lang).pages.items()
    }
    assert {page_id: hits for page_id, hits in found.items() if hits} == {}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_timeline_text_types_an_approval_status_by_hand(lang: str) -> None:
    texts = shipped_timeline_texts(lang)
    assert hand_typed_statuses("\n\n".join(texts)) == []


def test_every_marker_in_the_shipped_pages_names_an_entry() -> None:
    library = Library(content_dir(), resources_dir())
    used = {
        entry_id
        for lang in ("en", "de")
        for page in library.language(lang).pages.values()
        for entry_id in marker_ids(page.body)
    }
    assert used
    assert used <= set(SHIPPED.entries)


# -- pages ----------------------------------------------------------------------------------------


def test_a_page_shows_the_sentence_for_the_readers_region() -> None:
    library = Library(content_dir(), resources_dir())
    library.region = "ch"
    rendered = library.render("en", "lines-of-therapy")
    assert rendered is not None
    assert rendered.problems == []
    assert "{{status" not in rendered.html
    assert "data-status" not in rendered.html
    assert (
        'Approval differs between regions <a class="cite" href="#source-4"><sup>[4]</sup></a>'
    ) in rendered.html
    start = rendered.html.index('<span class="status">In Switzerland: approved since 20 March')
    assert (
        "In the EU (Germany, Austria): under review since January 2026"
        in (rendered.html[start : start + 400])
    )
    library.region = "eu"
    german = library.render("de", "lines-of-therapy")
    assert german is not None
    assert '<span class="status">In der EU (Deutschland, Österreich): in Prüfung seit' in (
        german.html
    )


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "Checked by the editorial team against the sources listed; "
            "not yet reviewed by a clinician.",
        ),
        (
            "de",
            "Von der Redaktion anhand der genannten Quellen geprüft; "
            "noch nicht von einer Ärztin oder einem Arzt geprüft.",
        ),
    ],
)
def test_every_page_says_under_its_title_who_reviewed_it(lang: str, line: str) -> None:
    library = Library(content_dir(), resources_dir())
    for page_id, page in library.language(lang).pages.items():
        assert page.reviewed_by is not None, page_id
        assert page.reviewed_by.role == "editorial", page_id
        rendered = library.render(lang, page_id)
        assert rendered is not None
        title_end = rendered.html.index("</h1>")
        assert rendered.html[title_end:].startswith(
            f'</h1>\n<p class="review-status"><i>{line}</i></p>'
        ), page_id

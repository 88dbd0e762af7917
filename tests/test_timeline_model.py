"""The timeline's data and navigation, without Qt: loading, validation and the cursor."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from her2guide.timeline.cursor import TimelineCursor
from her2guide.timeline.loader import load_timeline
from her2guide.timeline.model import Timeline, strip_citations
from her2guide.timeline.pair_check import check_timeline_files, check_timeline_pair

CONTENT = Path(__file__).resolve().parent.parent / "content"
PAGE_IDS = {
    "how-treatments-work",
    "antibody-drug-conjugates",
    "lines-of-therapy",
    "hormone-receptor-positive",
    "brain-metastases",
    "resistance",
    "research",
    "side-effects",
    "lung-safety-t-dxd",
    "when-to-call",
}

SMALL_EN = """\
title: Treatment path
stages:
  - id: first-line
    lane: main
    label: First line
    description: The first treatment.
    options:
      - id: thp
        name: Taxane + trastuzumab + pertuzumab
        brand: Herceptin + Perjeta
        what: Two antibodies with chemotherapy.
        trial: CLEOPATRA
        result: Half lived 56.5 months or longer [S1].
        sources:
          - text: "Swain SM et al. N Engl J Med 2015"
            doi: 10.1056/NEJMoa1413513
        side_effects: [Diarrhoea, Hair loss]
        status: thp-first-line
        ask: Is this right for me?
        page: how-treatments-work
      - id: t-dxd-pertuzumab
        name: Trastuzumab deruxtecan + pertuzumab
        brand: Enhertu + Perjeta
        what: New first treatment.
        trial: DESTINY-Breast09
        result: Half lived 40.7 months without growth [S1].
        sources:
          - text: "Tolaney SM et al. N Engl J Med 2025"
            doi: 10.1056/NEJMoa2508668
        side_effects: [Lung inflammation]
        status: t-dxd-pertuzumab-first-line
        ask: What would it mean for me?
        page: antibody-drug-conjugates
  - id: second-line
    lane: main
    label: Second line
    description: The next treatment.
    options:
      - id: t-dxd
        name: Trastuzumab deruxtecan
        brand: Enhertu
        what: An antibody-drug conjugate.
        trial: DESTINY-Breast03
        result: Half lived 52.6 months or longer [S1].
        sources:
          - text: "Cortés J et al. Nat Med 2024"
            pmid: "38825627"
        side_effects: [Lung inflammation, Feeling sick]
        status: t-dxd-pretreated
        ask: How are my lungs checked?
        page: antibody-drug-conjugates
  - id: brain-metastases
    lane: side
    label: Brain metastases
    description: Spread to the brain.
    options:
      - id: local-therapy
        name: Surgery or radiotherapy
        what: Treats the brain directly.
        result: New growth often follows within 6 to 12 months [S1].
        sources:
          - text: "ESMO news"
            url: https://www.esmo.org/oncology-news
        side_effects: [Depends on the treatment]
        ask: Would it help me?
        page: brain-metastases
"""

SMALL_DE = (
    SMALL_EN.replace("label: First line", "label: Erstlinientherapie")
    .replace("label: Second line", "label: Zweitlinie")
    .replace("label: Brain metastases", "label: Hirnmetastasen")
    .replace("name: Trastuzumab deruxtecan\n", "name: Trastuzumab-Deruxtecan\n")
)


def write(tmp_path: Path, lang: str, text: str) -> Path:
    path = tmp_path / lang / "timeline.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing ``needle``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def load_ok(tmp_path: Path, lang: str, text: str) -> Timeline:
    timeline, problems = load_timeline(write(tmp_path, lang, text))
    assert problems == []
    assert timeline is not None
    return timeline


def pair_problems(tmp_path: Path, en_text: str, de_text: str) -> list[str]:
    en_path, de_path = write(tmp_path, "en", en_text), write(tmp_path, "de", de_text)
    return [str(problem) for problem in check_timeline_files(en_path, de_path, PAGE_IDS)]


# -- the shipped data ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> dict[str, Timeline]:
    timelines = {}
    for lang in ("en", "de"):
        timeline, problems = load_timeline(CONTENT / lang / "timeline.yaml")
        assert problems == [], [str(problem) for problem in problems]
        assert timeline is not None
        timelines[lang] = timeline
    return timelines


def test_shipped_timelines_pair_cleanly() -> None:
    problems = check_timeline_files(
        CONTENT / "en" / "timeline.yaml", CONTENT / "de" / "timeline.yaml", PAGE_IDS
    )
    assert [str(problem) for problem in problems] == []


def test_shipped_stages_are_the_agreed_path(shipped: dict[str, Timeline]) -> None:
    en, de = shipped["en"], shipped["de"]
    assert [stage.id for stage in en.main_stages] == [
        "first-line",
        "maintenance",
        "second-line",
        "third-line",
    ]
    assert [stage.id for stage in en.side_stages] == ["brain-metastases", "hr-positive"]
    assert en.stage("third-line").label == "Third line and later"
    assert [stage.label for stage in de.stages] == [
        "Erstlinientherapie",
        "Erhaltungstherapie",
        "Zweitlinientherapie",
        "Drittlinientherapie und später",
        "Hirnmetastasen",
        "Hormonrezeptorpositiv",
    ]


def test_every_t_dxd_option_carries_the_lung_warning(shipped: dict[str, Timeline]) -> None:
    words = {"en": ("cough", "breathlessness", "fever"), "de": ("Husten", "Atemnot", "Fieber")}
    for lang, timeline in shipped.items():
        options = [
            option
            for stage in timeline.stages
            for option in stage.options
            if "deruxtecan" in option.name.lower()
        ]
        assert len(options) == 4
        for option in options:
            text = " ".join((option.what, *option.side_effects))
            assert all(word in text for word in words[lang]), (lang, option.id)


def test_shipped_options_name_their_register_entries(shipped: dict[str, Timeline]) -> None:
    en = shipped["en"]
    status = {option.id: option.status for stage in en.stages for option in stage.options}
    assert status["t-dxd-pertuzumab"] == "t-dxd-pertuzumab-first-line"
    assert status["t-dm1"] == "t-dm1-pretreated"
    assert status["tucatinib-triplet-second-line"] == "tucatinib-triplet"
    assert status["palbociclib"] == "palbociclib-maintenance"
    assert status["local-therapy-brain"] == ""
    assert "China" in en.find("pyrotinib")[1].what


def test_german_uses_decimal_commas(shipped: dict[str, Timeline]) -> None:
    results = " ".join(option.result for stage in shipped["de"].stages for option in stage.options)
    assert "56,5" in results
    assert "56.5" not in results


def test_model_never_imports_qt() -> None:
    code = (
        "import sys, her2guide.timeline.model; "
        "sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# -- navigation ----------------------------------------------------------------------------------


@pytest.fixture
def cursor(tmp_path: Path) -> TimelineCursor:
    return TimelineCursor(load_ok(tmp_path, "en", SMALL_EN))


def test_cursor_starts_on_the_first_stage(cursor: TimelineCursor) -> None:
    assert cursor.current_id == "first-line"
    assert cursor.stage_index == 0
    assert cursor.option_index is None
    assert cursor.current_option is None


def test_left_and_right_move_between_stages_in_reading_order(cursor: TimelineCursor) -> None:
    assert cursor.next_stage()
    assert cursor.current_id == "second-line"
    assert cursor.next_stage()
    assert cursor.current_id == "brain-metastases"
    assert not cursor.next_stage()
    assert cursor.previous_stage()
    assert cursor.current_id == "second-line"


def test_up_and_down_move_between_options(cursor: TimelineCursor) -> None:
    assert not cursor.previous_option()
    assert cursor.next_option()
    assert cursor.current_id == "thp"
    assert cursor.next_option()
    assert cursor.current_id == "t-dxd-pertuzumab"
    assert cursor.current_option is not None
    assert cursor.current_option.brand == "Enhertu + Perjeta"
    assert not cursor.next_option()
    assert cursor.previous_option()
    assert cursor.previous_option()
    assert cursor.current_id == "first-line"


def test_a_stage_move_from_an_option_lands_on_the_next_stage(cursor: TimelineCursor) -> None:
    cursor.select("t-dxd-pertuzumab")
    assert cursor.next_stage()
    assert (cursor.current_id, cursor.option_index) == ("second-line", None)
    assert cursor.previous_stage()
    assert cursor.current_id == "first-line"
    assert not cursor.previous_stage()


def test_home_and_end_jump(cursor: TimelineCursor) -> None:
    assert cursor.last_stage()
    assert cursor.current_id == "brain-metastases"
    assert not cursor.last_stage()
    assert cursor.first_stage()
    assert cursor.current_id == "first-line"


def test_select_by_id(cursor: TimelineCursor) -> None:
    assert cursor.select("t-dxd")
    assert (cursor.stage_index, cursor.option_index) == (1, 0)
    assert not cursor.select("t-dxd")
    assert not cursor.select("no-such-id")
    assert cursor.current_id == "t-dxd"


def test_selection_survives_a_language_switch(tmp_path: Path, cursor: TimelineCursor) -> None:
    german = load_ok(tmp_path, "de", SMALL_DE)
    cursor.select("t-dxd")
    cursor.set_timeline(german)
    assert cursor.current_id == "t-dxd"
    assert cursor.current_option is not None
    assert cursor.current_option.name == "Trastuzumab-Deruxtecan"
    assert cursor.current_stage is not None
    assert cursor.current_stage.label == "Zweitlinie"


def test_a_vanished_option_falls_back_to_its_stage(tmp_path: Path, cursor: TimelineCursor) -> None:
    without = SMALL_EN.replace("id: t-dxd\n", "id: t-dxd-renamed\n")
    cursor.select("t-dxd")
    cursor.set_timeline(load_ok(tmp_path, "de", without))
    assert cursor.current_id == "second-line"


def test_you_are_here_set_toggle_and_clear(cursor: TimelineCursor) -> None:
    assert cursor.you_are_here is None
    assert cursor.set_you_are_here("second-line")
    assert not cursor.set_you_are_here("second-line")
    assert cursor.you_are_here == "second-line"
    cursor.select("thp")
    assert cursor.toggle_you_are_here()
    assert cursor.you_are_here == "first-line"
    assert cursor.toggle_you_are_here()
    assert cursor.you_are_here is None
    with pytest.raises(ValueError, match="no stage"):
        cursor.set_you_are_here("thp")


def test_you_are_here_is_dropped_with_its_stage(tmp_path: Path, cursor: TimelineCursor) -> None:
    cursor.set_you_are_here("brain-metastases")
    cursor.set_timeline(load_ok(tmp_path, "de", SMALL_DE))
    assert cursor.you_are_here == "brain-metastases"
    side_less = SMALL_EN[: SMALL_EN.index("  - id: brain-metastases")]
    cursor.set_timeline(load_ok(tmp_path, "x", side_less))
    assert cursor.you_are_here is None


def test_an_empty_cursor_does_nothing() -> None:
    cursor = TimelineCursor()
    assert cursor.current_id is None
    assert not any(
        (
            cursor.next_stage(),
            cursor.previous_stage(),
            cursor.next_option(),
            cursor.previous_option(),
            cursor.first_stage(),
            cursor.last_stage(),
            cursor.toggle_you_are_here(),
        )
    )


# -- validation ----------------------------------------------------------------------------------


def test_the_small_pair_is_clean(tmp_path: Path) -> None:
    assert pair_problems(tmp_path, SMALL_EN, SMALL_DE) == []


def test_missing_translation_of_an_option(tmp_path: Path) -> None:
    start = SMALL_DE.index("      - id: t-dxd-pertuzumab")
    end = SMALL_DE.index("  - id: second-line")
    problems = pair_problems(tmp_path, SMALL_EN, SMALL_DE[:start] + SMALL_DE[end:])
    expected_line = line_of(SMALL_EN, "id: t-dxd-pertuzumab")
    assert problems == [
        f"{tmp_path / 'en' / 'timeline.yaml'}:{expected_line}: option 't-dxd-pertuzumab' is "
        "missing from de/timeline.yaml: missing translation"
    ]


def test_missing_translation_of_a_stage_and_of_an_empty_field(tmp_path: Path) -> None:
    german = SMALL_DE[: SMALL_DE.index("  - id: brain-metastases")]
    german = german.replace("        brand: Enhertu\n", "")
    problems = pair_problems(tmp_path, SMALL_EN, german)
    assert any(
        "stage 'brain-metastases' is missing from de/timeline.yaml: missing translation" in p
        for p in problems
    )
    assert any(
        "de/timeline.yaml:" in p and "'brand' is empty here" in p and "missing translation" in p
        for p in problems
    )


def test_an_empty_required_text_is_reported_with_its_line(tmp_path: Path) -> None:
    german = SMALL_DE.replace("ask: How are my lungs checked?", "ask: ''")
    timeline, problems = load_timeline(write(tmp_path, "de", german))
    assert timeline is not None
    assert [(p.line, p.message) for p in problems] == [
        (line_of(german, "ask: ''"), "option 't-dxd': 'ask' is empty")
    ]


def test_unknown_page_link(tmp_path: Path) -> None:
    english = SMALL_EN.replace("page: brain-metastases", "page: brain-mets")
    german = SMALL_DE.replace("page: brain-metastases", "page: brain-mets")
    problems = pair_problems(tmp_path, english, german)
    line = line_of(english, "page: brain-mets")
    assert problems == [
        f"{tmp_path / lang / 'timeline.yaml'}:{line}: option 'local-therapy': unknown page "
        "'brain-mets' (no page with this id in content/)"
        for lang in ("de", "en")
    ]


def test_status_lane_and_page_must_match(tmp_path: Path) -> None:
    german = (
        SMALL_DE.replace("status: t-dxd-pertuzumab-first-line", "status: t-dxd-pretreated")
        .replace("lane: side", "lane: main")
        .replace("page: how-treatments-work", "page: lines-of-therapy")
    )
    problems = pair_problems(tmp_path, SMALL_EN, german)
    assert len(problems) == 3
    assert any("'status' is 't-dxd-pretreated' here" in p for p in problems)
    assert any("'lane' is 'main' here but 'side'" in p for p in problems)
    assert any("'page' is 'lines-of-therapy' here" in p for p in problems)


def test_order_must_match(tmp_path: Path) -> None:
    first = SMALL_DE.index("      - id: thp")
    second = SMALL_DE.index("      - id: t-dxd-pertuzumab")
    end = SMALL_DE.index("  - id: second-line")
    swapped = SMALL_DE[:first] + SMALL_DE[second:end] + SMALL_DE[first:second] + SMALL_DE[end:]
    problems = pair_problems(tmp_path, SMALL_EN, swapped)
    assert problems == [
        f"{tmp_path / 'de' / 'timeline.yaml'}:{line_of(swapped, 'id: t-dxd-pertuzumab')}: "
        "options are in another order than in en/timeline.yaml "
        "(expected: thp, t-dxd-pertuzumab)"
    ]


def test_source_and_side_effect_counts_must_match(tmp_path: Path) -> None:
    german = SMALL_DE.replace("side_effects: [Diarrhoea, Hair loss]", "side_effects: [Durchfall]")
    problems = pair_problems(tmp_path, SMALL_EN, german)
    assert problems == [
        f"{tmp_path / 'de' / 'timeline.yaml'}:{line_of(german, '[Durchfall]')}: option 'thp': "
        "1 side_effects here but 2 in en/timeline.yaml; translate each one"
    ]


def test_status_must_name_a_register_entry(tmp_path: Path) -> None:
    text = SMALL_EN.replace("status: thp-first-line", "status: [approved-eu]")
    timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert timeline is not None
    assert [(p.line, p.message) for p in problems] == [
        (line_of(text, "[approved-eu]"), "option 'thp': 'status' must be text, not ['approved-eu']")
    ]


def test_citation_beyond_the_sources(tmp_path: Path) -> None:
    text = SMALL_EN.replace("52.6 months or longer [S1]", "52.6 months or longer [S2]")
    _timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert [(p.line, p.message) for p in problems] == [
        (
            line_of(text, "[S2]"),
            "option 't-dxd': [S2] in 'result' points to no source (the option lists 1)",
        )
    ]


def test_a_source_needs_a_link(tmp_path: Path) -> None:
    text = SMALL_EN.replace("            url: https://www.esmo.org/oncology-news\n", "")
    _timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert [(p.line, p.message) for p in problems] == [
        (
            line_of(text, 'text: "ESMO news"'),
            "a source of option 'local-therapy' needs a 'doi', 'pmid' or 'url'",
        )
    ]


def test_a_result_must_cite_its_source(tmp_path: Path) -> None:
    text = SMALL_EN.replace("52.6 months or longer [S1]", "52.6 months or longer")
    _timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert [p.message for p in problems] == [
        "option 't-dxd': 'result' must cite its source, e.g. [S1]"
    ]


def test_unknown_key(tmp_path: Path) -> None:
    text = SMALL_EN.replace(
        "        trial: CLEOPATRA\n", "        trial: CLEOPATRA\n        dose: 6\n"
    )
    _timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "dose: 6")
    assert problems[0].message.startswith("unknown key 'dose' in an option; allowed: id, name")


def test_missing_key_and_wrong_type(tmp_path: Path) -> None:
    text = SMALL_EN.replace("        ask: Would it help me?\n", "").replace(
        "label: Second line", "label: 2"
    )
    timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert timeline is not None
    assert [option.id for option in timeline.stage("brain-metastases").options] == []
    messages = {(p.line, p.message) for p in problems}
    assert (line_of(text, "- id: local-therapy"), "an option lacks the required key 'ask'") in (
        messages
    )
    assert (line_of(text, "label: 2"), "stage 'second-line': 'label' must be text, not 2") in (
        messages
    )


def test_duplicate_and_malformed_ids(tmp_path: Path) -> None:
    text = SMALL_EN.replace("id: t-dxd\n", "id: thp\n").replace("id: local-therapy", "id: Local")
    _timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert {(p.line, p.message) for p in problems} == {
        (
            line_of(text, "id: thp", 2),
            f"the id 'thp' is used twice (first on line {line_of(text, 'id: thp')})",
        ),
        (
            line_of(text, "id: Local"),
            "'Local' is not a valid id: lower-case words joined by hyphens",
        ),
    }


def test_yaml_syntax_error_gives_its_line(tmp_path: Path) -> None:
    text = SMALL_EN.replace("        trial: CLEOPATRA\n", "        trial: [CLEOPATRA\n")
    timeline, problems = load_timeline(write(tmp_path, "en", text))
    assert timeline is None
    assert len(problems) == 1
    assert problems[0].message.startswith("YAML syntax error")
    assert line_of(text, "[CLEOPATRA") <= problems[0].line <= line_of(text, "[CLEOPATRA") + 2


def test_missing_file(tmp_path: Path) -> None:
    timeline, problems = load_timeline(tmp_path / "nowhere.yaml")
    assert timeline is None
    assert [p.message for p in problems] == ["the timeline file is missing"]


def test_pair_check_takes_loaded_timelines(tmp_path: Path) -> None:
    en, de = load_ok(tmp_path, "en", SMALL_EN), load_ok(tmp_path, "de", SMALL_DE)
    problems = check_timeline_pair(
        en, de, PAGE_IDS - {"how-treatments-work"}, Path("en"), Path("de")
    )
    assert len(problems) == 2


def test_strip_citations() -> None:
    assert strip_citations("Half lived longer [S1]. Fewer [S2] died.") == (
        "Half lived longer. Fewer died."
    )

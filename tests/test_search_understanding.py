"""Search understands what readers type: typos, small words, German compounds, ways on."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2guide.search.compounds import split
from her2guide.search.spelling import Vocabulary, edit_distance
from tests.test_search import SHIPPED_INDEX, _ids, _index


@pytest.mark.parametrize(
    ("typed", "lang", "corrected", "expected"),
    [
        ("enhertoo", "en", "Enhertu", "glossary#trastuzumab-deruxtecan"),
        ("trastuzamab", "en", "trastuzumab", "glossary#trastuzumab"),
        ("pertuzumap", "en", "pertuzumab", "glossary#pertuzumab"),
        ("Kadcila", "de", "Kadcyla", "glossary#trastuzumab-emtansine"),
        ("enhertoo Lunge", "de", "Enhertu Lunge", "lung-safety-t-dxd"),
    ],
)
def test_a_misspelt_drug_name_is_corrected_and_said_so(
    typed: str, lang: str, corrected: str, expected: str
) -> None:
    answer = SHIPPED_INDEX.answer(typed, [lang])
    assert answer.corrected == corrected
    assert answer.suggestions == ()
    assert expected in _ids(answer.results[:3])


def test_a_word_being_typed_is_corrected_against_the_start_of_known_words() -> None:
    answer = SHIPPED_INDEX.answer("trastuzam", ["en"])
    assert answer.corrected == "trastuzumab"


def test_an_unsure_correction_offers_the_choices(tmp_path: Path) -> None:
    index = _index(tmp_path, {"en": {"a": ("Cats", "A cats page."), "b": ("Cuts", "A cuts page.")}})
    answer = index.answer("cots ", ["en"])
    assert answer.corrected in ("Cats", "Cuts")
    assert set(answer.suggestions) == {"Cats", "Cuts"}
    assert answer.results


def test_known_words_are_not_corrected() -> None:
    for typed in ("Enhertu", "fever", "Übelkeit", "Enher"):
        answer = SHIPPED_INDEX.answer(typed, ["en", "de"])
        assert answer.corrected == "", typed


def test_edit_distance_counts_a_swap_as_one_and_stops_at_the_limit() -> None:
    assert edit_distance("kadcila", "kadcyla", 2) == 1
    assert edit_distance("enhreut", "enhertu", 2) == 2
    assert edit_distance("xylophone", "enhertu", 2) == 3


def test_small_words_do_not_have_to_be_on_the_page(tmp_path: Path) -> None:
    index = _index(tmp_path, {"en": {"baby": ("Pregnancy", "Planning a pregnancy matters.")}})
    assert _ids(index.search("is a pregnancy possible", ["en"])) == ["baby"]


def test_words_no_page_holds_are_left_out_and_named(tmp_path: Path) -> None:
    index = _index(tmp_path, {"en": {"lungs": ("Lungs", "The lungs take in air.")}})
    answer = index.answer("lungs zzqx", ["en"])
    assert _ids(answer.results) == ["lungs"]
    assert answer.left_out == ("zzqx",)


def test_nothing_found_offers_the_closest_terms() -> None:
    assert SHIPPED_INDEX.answer("Enhertu", ["en"]).closest == ()  # results: no need
    nothing = SHIPPED_INDEX.answer("neratinibbbbbbb", ["en"])
    assert nothing.results == []
    assert "neratinib" in [name.casefold() for name in nothing.closest]


def _german(tmp_path: Path) -> object:
    return _index(
        tmp_path,
        {
            "de": {
                "linien": ("Therapielinien", "Danach kommt die zweite Therapielinie."),
                "lunge": ("Die Lunge", "Eine Entzündung der Lunge ist selten."),
                "andere": ("Andere", "Eine Lungenentzündung durch Keime ist etwas anderes."),
                "fieber": ("Fieber", "Bei Fieber bitte anrufen."),
            }
        },
    )


def test_a_german_compound_finds_its_parts_written_apart(tmp_path: Path) -> None:
    index = _german(tmp_path)
    assert _ids(index.search("Zweitlinie", ["de"])) == ["linien"]
    assert set(_ids(index.search("Lungenentzündung", ["de"]))) == {"lunge", "andere"}


def test_german_words_written_apart_find_the_compound(tmp_path: Path) -> None:
    index = _german(tmp_path)
    assert set(_ids(index.search("Entzündung der Lunge", ["de"]))) == {"lunge", "andere"}


def test_a_compound_splits_only_into_parts_the_content_knows() -> None:
    vocabulary = Vocabulary("de")
    vocabulary.add_text("die zweite Therapielinie und eine Entzündung der Lunge")
    assert split("zweitlinie", vocabulary) == ("zweit", "linie")
    assert split("lungenentzundung", vocabulary) == ("lung", "entzundung")
    assert split("haarausfall", vocabulary) == ()


def test_register_markers_and_soft_hyphens_are_not_searched(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {"en": {"a": ("Approval", "T-DXd is {{status:tdxd-eu}} in the EU. Thera\u00adpy helps.")}},
    )
    assert _ids(index.search("status", ["en"])) == []
    assert _ids(index.search("therapy", ["en"])) == ["a"]


@pytest.mark.parametrize(
    ("query", "lang", "first"),
    [
        ("fever", "en", "when-to-call"),
        ("Fieber", "de", "when-to-call"),
        ("birth control", "en", "pregnancy-fertility"),
        ("is it curable", "en", "advanced-metastatic"),
        ("Zweitlinie", "de", "lines-of-therapy"),
    ],
)
def test_the_page_about_the_thing_comes_first(query: str, lang: str, first: str) -> None:
    pages = [r.page_id for r in SHIPPED_INDEX.search(query, [lang]) if r.kind == "page"]
    assert pages[0] == first


def test_herceptin_finds_the_entry_that_explains_it_first_and_not_other_drugs() -> None:
    results = _ids(SHIPPED_INDEX.search("Herceptin", ["en"]))
    assert results[0] == "glossary#trastuzumab"
    assert "how-treatments-work" in results[:3]
    # "trastuzumab deruxtecan" holds the word trastuzumab, but is another drug.
    assert "glossary#trastuzumab-deruxtecan" not in results[:3]
    assert "lung-safety-t-dxd" not in results[:3]

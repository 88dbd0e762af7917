"""Full-text search: folding, compound parts, synonyms, ranking, languages and snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2guide.content.check import check_content
from her2guide.content.library import Library
from her2guide.content.pages import LanguageContent, load_language
from her2guide.paths import content_dir, resources_dir
from her2guide.search.fold import fold, fold_with_offsets
from her2guide.search.index import SearchIndex, SearchResult, plan_query
from her2guide.search.synonyms import SynonymGroup, Synonyms, parse_synonyms
from tests.helpers import write_page

SHIPPED = Library(content_dir(), resources_dir())
SHIPPED_INDEX = SearchIndex(SHIPPED.language, content_dir() / "synonyms.yaml")

SYNONYMS = Synonyms(
    [
        SynonymGroup("t-dxd", ("Enhertu", "trastuzumab deruxtecan", "T-DXd", "DS-8201")),
        SynonymGroup("pneumonitis", ("pneumonitis", "ILD", "Lungenentzündung")),
    ]
)


def _content(tmp_path: Path, lang: str, pages: dict[str, tuple[str, str]]) -> LanguageContent:
    """A language folder with the given pages (id: (title, body)) and a one-term glossary."""
    folder = tmp_path / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sections.yaml").write_text("- id: basics\n  title: Basics\n")
    (folder / "glossary.yaml").write_text(
        "- id: her2\n  term: HER2\n  definition: A protein on the surface of cells.\n"
    )
    for order, (page_id, (title, body)) in enumerate(pages.items(), start=1):
        write_page(folder, page_id, title=title, order=order, body=body)
    return load_language(folder, lang)


def _index(tmp_path: Path, pages: dict[str, dict[str, tuple[str, str]]]) -> SearchIndex:
    contents = {lang: _content(tmp_path, lang, lang_pages) for lang, lang_pages in pages.items()}
    return SearchIndex(contents.__getitem__, SYNONYMS)


def _ids(results: list[SearchResult]) -> list[str]:
    return [r.page_id if r.kind == "page" else f"{r.page_id}#{r.fragment}" for r in results]


def _hits(result: SearchResult) -> list[str]:
    return [text for text, hit in result.snippet if hit]


# -- folding -----------------------------------------------------------------------------------


def test_umlaut_spellings_and_sharp_s_fold_alike() -> None:
    assert fold("Übelkeit", "de") == fold("Uebelkeit", "de") == fold("Ubelkeit", "de")
    assert fold("Straße", "de") == fold("STRASSE", "de")
    assert fold("T-DXd", "en") == fold("TDXd", "en") == "tdxd"
    # The digraph rule is German only: English "does" stays "does".
    assert fold("does", "en") == "does"


@given(st.text(alphabet="aAeEoOuUqQüÜäÄöÖßẞ-\u2010 .,xé\u0301\ufb01", max_size=20))
def test_offsets_version_folds_exactly_like_the_fast_one(text: str) -> None:
    for lang in ("en", "de"):
        folded = fold_with_offsets(text, lang)
        assert folded.text == fold(text, lang)
        assert len(folded.starts) == len(folded.ends) == len(folded.text)


def test_a_folded_hit_maps_back_to_the_original_word() -> None:
    folded = fold_with_offsets("Eine Lungenentzündung, sagt Frau Müller.", "de")
    start = folded.text.index("entzundung")
    begin, end = folded.span(start, start + len("entzundung"))
    assert folded.original[begin:end] == "entzündung"


# -- matching ----------------------------------------------------------------------------------


def test_all_umlaut_spellings_find_the_same_pages(tmp_path: Path) -> None:
    index = _index(tmp_path, {"de": {"nebenwirkungen": ("Nebenwirkungen", "Gegen Übelkeit.")}})
    for query in ("Übelkeit", "Uebelkeit", "Ubelkeit", "übelkeit"):
        assert _ids(index.search(query, ["de"])) == ["nebenwirkungen"], query


def test_the_part_of_a_compound_finds_the_compound(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {"de": {"lunge": ("Die Lunge", "Eine Lungenentzündung ist selten."), "x": ("X", "Y.")}},
    )
    results = index.search("Entzündung", ["de"])
    assert _ids(results) == ["lunge"]
    assert _hits(results[0]) == ["entzündung"]
    assert results[0].match == "entzündung"


def test_a_prefix_matches_while_typing(tmp_path: Path) -> None:
    index = _index(tmp_path, {"en": {"lungs": ("Lungs", "Pneumonitis is rare.")}})
    for typed in ("Pn", "Pneu", "Pneumon"):
        assert _ids(index.search(typed, ["en"])) == ["lungs"], typed


def test_two_letter_words_match_only_at_the_start_of_a_word(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {"en": {"scan": ("Scans", "A CT scan of the chest."), "fact": ("Facts", "In fact.")}},
    )
    assert _ids(index.search("CT", ["en"])) == ["scan"]


def test_a_brand_name_finds_pages_that_use_the_generic_name_or_code(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {
            "en": {
                "adc": ("ADCs", "T-DXd is given as a drip."),
                "study": ("Study", "DS-8201 was tested first."),
                "other": ("Other", "Trastuzumab alone."),
            }
        },
    )
    assert sorted(_ids(index.search("Enhertu", ["en"]))) == ["adc", "study"]
    assert sorted(_ids(index.search("Enher", ["en"]))) == ["adc", "study"]
    result = next(r for r in index.search("Enhertu", ["en"]) if r.page_id == "adc")
    assert result.match == "T-DXd"


def test_a_lay_word_finds_the_technical_one(tmp_path: Path) -> None:
    index = _index(tmp_path, {"de": {"lunge": ("Lunge", "Eine Pneumonitis ist selten.")}})
    assert _ids(index.search("Lungenentzündung", ["de"])) == ["lunge"]


def test_an_abbreviation_synonym_is_not_found_inside_other_words(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {"de": {"bild": ("Bilder", "Das Bild zeigt es."), "lunge": ("Lunge", "Die ILD.")}},
    )
    assert _ids(index.search("Pneumonitis", ["de"])) == ["lunge"]


def test_all_words_of_a_query_must_match(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {"en": {"a": ("A", "Heart and lungs."), "b": ("B", "Heart only.")}},
    )
    assert _ids(index.search("heart lungs", ["en"])) == ["a"]


@given(st.text(max_size=30))
def test_any_typed_text_searches_without_error(text: str) -> None:
    for result in SHIPPED_INDEX.search(text, ["de", "en"]):
        assert result.title
    assert SHIPPED_INDEX.search('"NEAR(a* OR b) AND -x"', ["en"]) is not None


def test_the_query_plan_names_the_synonyms_of_a_phrase() -> None:
    words = {alternative.text for clause in plan_query("trastuzumab deruxtecan ", "en", SYNONYMS)
             .clauses for alternative in clause}  # fmt: skip
    assert words == {"trastuzumab deruxtecan", "enhertu", "tdxd", "ds8201"}


# -- ranking, languages, snippets ----------------------------------------------------------------


def test_a_title_hit_ranks_above_a_passing_mention(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {
            "en": {
                "mention": (
                    "Side effects",
                    "Many things. " * 20 + "Fatigue can happen. " + "More.",
                ),
                "about": ("Fatigue", "Feeling tired all the time."),
            }
        },
    )
    assert _ids(index.search("fatigue", ["en"])) == ["about", "mention"]


def test_the_best_page_comes_first_when_a_prefix_matches_many_pages(tmp_path: Path) -> None:
    # More matching pages than the search ranks in depth, each mentioning "breathing" once; the
    # page about it comes last in reading order and must still come first, its snippet cut.
    pages = {
        f"mention-{number:03d}": (f"Daily life {number}", "Rest well. Breathing calmly helps.")
        for number in range(120)
    }
    pages["zz-about"] = ("Breathlessness", "Breathlessness means you cannot catch your breath.")
    index = _index(tmp_path, {"en": pages})
    for typed in ("br", "bre", "brea", "breath"):
        results = index.search(typed, ["en"])
        assert _ids(results)[0] == "zz-about", typed
        assert len(results) == 20
        assert _hits(results[0])[0].lower().startswith(typed)


def test_a_word_start_ranks_above_the_same_letters_inside_a_word(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {
            "en": {
                "inside": ("Notes", "Your hearing may change."),
                "start": ("Notes", "Your ear may feel blocked for a few days after it."),
            }
        },
    )
    assert _ids(index.search("ear", ["en"])) == ["start", "inside"]


def test_the_current_language_only_unless_both_are_asked_for(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {
            "en": {"nausea": ("Nausea", "Feeling sick.")},
            "de": {"nausea": ("Übelkeit", "Gegen Übelkeit helfen Mittel.")},
        },
    )
    assert index.search("Übelkeit", ["en"]) == []
    both = index.search("Übelkeit", ["en", "de"])
    assert [(r.lang, r.page_id) for r in both] == [("de", "nausea")]
    assert {r.lang for r in index.search("nausea", ["de", "en"])} == {"en"}


def test_glossary_terms_are_results_that_open_the_glossary_at_the_term(tmp_path: Path) -> None:
    index = _index(
        tmp_path,
        {"en": {"glossary": ("Glossary", "Words."), "basics": ("Basics", "Text.")}},
    )
    results = index.search("protein", ["en"])
    assert [(r.kind, r.page_id, r.fragment, r.title) for r in results] == [
        ("term", "glossary", "her2", "HER2")
    ]
    assert _hits(results[0]) == ["protein"]


def test_a_result_names_the_heading_its_snippet_comes_from(tmp_path: Path) -> None:
    body = "Intro text.\n\n## Checks of the heart\n\nAn echo shows how the heart pumps.\n"
    index = _index(tmp_path, {"en": {"heart": ("Heart", body)}})
    (result,) = index.search("pumps", ["en"])
    assert (result.title, result.section, result.heading) == (
        "Heart",
        "Basics",
        "Checks of the heart",
    )
    assert "".join(text for text, _hit in result.snippet) == "An echo shows how the heart pumps."
    assert _hits(result) == ["pumps"]


def test_table_text_is_searchable(tmp_path: Path) -> None:
    body = "| Drug | Side effect |\n|---|---|\n| T-DM1 | low platelets |\n"
    index = _index(tmp_path, {"en": {"table": ("Table", body)}})
    assert _ids(index.search("platelets", ["en"])) == ["table"]


def test_the_index_is_built_on_the_first_search_only(tmp_path: Path) -> None:
    index = _index(tmp_path, {"en": {"a": ("A", "Text.")}, "de": {"a": ("A", "Text.")}})
    assert not index.is_built("en")
    index.search("text", ["en"])
    assert index.is_built("en")
    assert not index.is_built("de")


# -- the shipped content -----------------------------------------------------------------------


def test_shipped_umlaut_spellings_give_the_same_results() -> None:
    results = [_ids(SHIPPED_INDEX.search(q, ["de"])) for q in ("Übelkeit", "Uebelkeit", "Ubelkeit")]
    assert results[0]
    assert results[0] == results[1] == results[2]
    assert "glossary#nausea" in results[0]


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("Enhertu", "en", "glossary#trastuzumab-deruxtecan"),
        ("DS-8201", "en", "glossary#trastuzumab-deruxtecan"),
        ("T-DM1", "en", "glossary#trastuzumab-emtansine"),
        ("Herceptin", "de", "glossary#trastuzumab"),
        ("Perjeta", "de", "glossary#pertuzumab"),
        ("Tukysa", "en", "glossary#tucatinib"),
        ("Lungenentzündung", "de", "glossary#pneumonitis"),
        ("dyspnoea", "en", "when-to-call"),
        ("Hirnmetastasen", "de", "brain-metastases"),
    ],
)
def test_shipped_synonyms_lead_to_the_right_place(query: str, lang: str, expected: str) -> None:
    assert expected in _ids(SHIPPED_INDEX.search(query, [lang])[:5])


def test_the_shipped_synonyms_file_is_valid_and_names_the_brands() -> None:
    groups, problems = parse_synonyms(content_dir() / "synonyms.yaml")
    assert problems == []
    terms = {term for group in groups for term in group.terms}
    assert {"Enhertu", "T-DXd", "DS-8201", "Kadcyla", "T-DM1", "Herceptin", "Perjeta"} <= terms
    assert {"Tukysa", "Lungenentzündung", "Pneumonitis".lower(), "breathlessness"} <= terms


# -- checks ------------------------------------------------------------------------------------


def test_synonym_problems_point_at_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text(
        "- id: a\n  terms: [Enhertu, T-DXd]\n"
        "- id: b\n  terms: [t-dxd, Kadcyla]\n"
        "- id: c\n  terms: [alone]\n"
        "- id: d\n  term: [x, y]\n"
    )
    groups, problems = parse_synonyms(path)
    assert [g.id for g in groups] == ["a"]
    assert [str(p) for p in sorted(problems)] == [
        f"{path}:4: synonym 't-dxd' is also in group 'a'",
        f"{path}:6: a synonym group needs at least two terms",
        f"{path}:7: missing required key 'terms'",
        f"{path}:8: unknown key 'term' (did you mean 'terms'?)",
    ]


def test_check_reports_broken_synonyms_and_missing_pronunciations(content_copy: Path) -> None:
    (content_copy / "synonyms.yaml").write_text("- id: a\n  terms: [Enhertu]\n")
    glossary = content_copy / "de" / "glossary.yaml"
    lines = glossary.read_text(encoding="utf-8").split("\n")
    start = lines.index("- id: tucatinib")
    pronunciation = next(i for i in range(start, len(lines)) if "pronunciation:" in lines[i])
    del lines[pronunciation]
    glossary.write_text("\n".join(lines), encoding="utf-8")
    problems = [str(p) for p in check_content(content_copy, resources_dir())]
    assert (
        f"{content_copy / 'synonyms.yaml'}:2: a synonym group needs at least two terms" in problems
    )
    assert (
        f"{glossary}:{start + 1}: glossary term 'tucatinib' needs a 'pronunciation' like its twin"
        in problems
    )


def test_glossary_terms_match_in_both_languages_and_drugs_say_how_to_say_them() -> None:
    en, de = SHIPPED.language("en").glossary, SHIPPED.language("de").glossary
    assert list(en) == list(de)
    drugs = {term_id for term_id, term in en.items() if term.pronunciation}
    assert {"trastuzumab", "trastuzumab-deruxtecan", "pertuzumab", "tucatinib"} <= drugs
    assert drugs == {term_id for term_id, term in de.items() if term.pronunciation}

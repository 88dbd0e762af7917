"""The search puts the right page first for what patients and nurses really type.

The judged queries are in tests/search_relevance.yaml (both languages; typos, lay words,
compounds, brand and generic names), with the pages that are a right first answer.
"""

from __future__ import annotations

from pathlib import Path

from her2guide.search.relevance import evaluate, load
from tests.test_search import SHIPPED_INDEX

JUDGED = load(Path(__file__).parent / "search_relevance.yaml")


def test_the_query_set_is_large_and_covers_both_languages_and_every_kind() -> None:
    assert len(JUDGED) >= 60
    assert {j.lang for j in JUDGED} == {"en", "de"}
    kinds = {j.kind for j in JUDGED}
    assert {"typo", "lay", "compound", "brand", "generic", "phrase"} <= kinds


def test_the_right_page_comes_first_for_nine_queries_in_ten() -> None:
    outcome = evaluate(SHIPPED_INDEX, JUDGED)
    assert outcome.success_at(1) >= 0.90, outcome.misses(1)
    assert outcome.success_at(3) >= 0.98, outcome.misses(3)

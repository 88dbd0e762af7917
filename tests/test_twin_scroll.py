"""Two language versions of a page stay at the same section while one scrolls (pure logic)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from her2guide.twin_scroll import ScrollGeometry, counterpart_value, matching_anchors

# An English page and its longer German twin: the same headings, further down.
EN = ScrollGeometry([(1, 0.0), (2, 400.0), (3, 700.0), (2, 1000.0)], height=2000.0, maximum=1200)
DE = ScrollGeometry([(1, 0.0), (2, 500.0), (3, 900.0), (2, 1500.0)], height=2600.0, maximum=1800)


def _reading_line(value: int, page: ScrollGeometry) -> float:
    return value * page.height / page.maximum


def test_the_ends_of_one_page_meet_the_ends_of_the_other() -> None:
    assert counterpart_value(0, EN, DE) == 0
    assert counterpart_value(EN.maximum, EN, DE) == DE.maximum
    assert counterpart_value(DE.maximum, DE, EN) == EN.maximum


def test_a_heading_on_the_reading_line_brings_its_twin_to_the_reading_line() -> None:
    for (_level, en_top), (_twin_level, de_top) in zip(EN.headings, DE.headings, strict=True):
        value = round(en_top * EN.maximum / EN.height)
        assert abs(_reading_line(counterpart_value(value, EN, DE), DE) - de_top) < 3


def test_different_subheadings_fall_back_to_the_main_headings() -> None:
    german_without_subheading = ScrollGeometry([(1, 0.0), (2, 500.0), (2, 1500.0)], 2600.0, 1800)
    assert matching_anchors(EN.headings, german_without_subheading.headings) == (
        [0.0, 400.0, 1000.0],
        [0.0, 500.0, 1500.0],
    )
    value = round(1000.0 * EN.maximum / EN.height)
    target = counterpart_value(value, EN, german_without_subheading)
    assert abs(_reading_line(target, german_without_subheading) - 1500.0) < 3


def test_without_matching_headings_the_pages_move_in_proportion() -> None:
    other = ScrollGeometry([(2, 100.0)], height=3000.0, maximum=2000)
    assert matching_anchors(EN.headings, other.headings) == ([], [])
    assert counterpart_value(600, EN, other) == 1000


def test_a_page_that_does_not_scroll_stays_at_the_top() -> None:
    short = ScrollGeometry([(1, 0.0)], height=500.0, maximum=0)
    assert counterpart_value(700, EN, short) == 0
    assert counterpart_value(0, short, EN) == 0


@given(st.integers(0, 1200), st.integers(0, 1200))
def test_scrolling_further_never_moves_the_twin_back(first: int, second: int) -> None:
    low, high = sorted((first, second))
    assert 0 <= counterpart_value(low, EN, DE) <= counterpart_value(high, EN, DE) <= DE.maximum

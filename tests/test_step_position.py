"""Counselling's place on the guided path, without Qt: stepping, leaving and rejoining the
path, and what the step bar says."""

from __future__ import annotations

from her2guide.step_position import StepPosition

TITLES = ["Step 1 of 3: Welcome", "Step 2 of 3: Treatment path", "Step 3 of 3: When to call"]


def test_before_the_first_step_the_bar_says_what_comes_next() -> None:
    position = StepPosition()
    assert position.current() is None
    assert position.has_next(3)
    assert not position.has_previous()
    assert position.next_index() == 0
    assert position.summary(TITLES) == "Not on the path yet: next is step 1 of 3"


def test_on_the_path_the_bar_marks_the_step_and_the_ends_stop() -> None:
    position = StepPosition()
    position.sync(2)
    assert position.current() == 2
    assert position.summary(TITLES) == TITLES[2]
    assert not position.has_next(3)
    assert position.previous_index() == 1


def test_a_page_off_the_path_keeps_the_last_step_and_back_returns_to_it() -> None:
    position = StepPosition()
    position.sync(1)
    position.sync(None)
    assert position.current() is None
    assert position.summary(TITLES) == "Off the path (after step 2 of 3)"
    assert position.previous_index() == 1  # back to the step seen last, not the one before
    assert position.next_index() == 2

"""The treatment path on small screens and at large text: one column, no sideways scrolling,
text as large as the page text, long words broken at their hyphenation points."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from her2guide.content.hyphenate import SOFT_HYPHEN
from her2guide.paths import content_dir
from her2guide.settings import Settings
from her2guide.timeline.loader import load_timeline
from her2guide.timeline.model import Timeline
from her2guide.ui.main_window import MainWindow
from her2guide.ui.timeline_view import TimelineView
from tests.helpers import WindowFactory

LANGUAGES = ("en", "de")


def _timeline(lang: str) -> Timeline:
    timeline, problems = load_timeline(content_dir() / lang / "timeline.yaml")
    assert timeline is not None
    assert problems == []
    return timeline


def _view(qtbot: QtBot, tmp_path: Path, lang: str, width: int, scale: int) -> TimelineView:
    view = TimelineView(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(view)
    view.set_text_scale(scale)
    view.set_timeline(_timeline(lang), lang)
    view.resize(width, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _main_stage_boxes(view: TimelineView) -> list[tuple[int, int]]:
    """(left, top) of each main stage's header, left to right along the path."""
    widget = view.timeline_widget
    assert widget.timeline is not None
    boxes = []
    for stage in widget.timeline.main_stages:
        rect = widget.item_rect(stage.id)
        boxes.append((rect.left(), rect.top()))
    return boxes


def _no_sideways_scrolling(view: TimelineView) -> bool:
    area = view.scroll_area
    return (
        area.horizontalScrollBar().maximum() == 0
        and area.widget().width() <= area.viewport().width()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stages_go_top_to_bottom_when_two_do_not_fit_side_by_side(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    view = _view(qtbot, tmp_path, lang, width=560, scale=200)
    boxes = _main_stage_boxes(view)
    assert len(boxes) >= 3
    assert len({left for left, _top in boxes}) == 1
    tops = [top for _left, top in boxes]
    assert tops == sorted(tops)
    assert len(set(tops)) == len(tops)
    assert not view.details_beside()
    assert _no_sideways_scrolling(view)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stages_stand_side_by_side_where_they_fit(qtbot: QtBot, tmp_path: Path, lang: str) -> None:
    view = _view(qtbot, tmp_path, lang, width=2400, scale=100)
    assert len({top for _left, top in _main_stage_boxes(view)}) == 1
    assert view.details_beside()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_sideways_scrolling_at_200_percent_on_1024_by_768(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    window: MainWindow = make_window(lang=lang, scale=200, size=(1024, 768))
    window.timeline_action.trigger()
    view = window.timeline_view
    assert view is not None
    qtbot.waitUntil(lambda: view.scroll_area.viewport().width() > 0)
    widget = view.timeline_widget
    assert widget.minimumSizeHint().width() <= view.scroll_area.viewport().width()
    qtbot.waitUntil(lambda: _no_sideways_scrolling(view))
    for item_id in [s.id for s in widget.timeline.stages]:
        assert widget.item_rect(item_id).right() < view.scroll_area.viewport().width()


@pytest.mark.parametrize("scale", [100, 200, 300])
def test_timeline_and_detail_text_are_as_large_as_the_page_text(
    make_window: WindowFactory, scale: int
) -> None:
    window = make_window(scale=scale)
    body = window.reader.document().defaultFont().pointSizeF()
    window.timeline_action.trigger()
    view = window.timeline_view
    assert view is not None
    assert view.timeline_widget.font().pointSizeF() >= body
    assert view.detail.font().pointSizeF() >= body
    window.set_text_scale(scale - 25)
    smaller = window.reader.document().defaultFont().pointSizeF()
    assert smaller < body
    assert view.timeline_widget.font().pointSizeF() == pytest.approx(smaller)


def test_long_labels_break_at_a_hyphenation_point_with_a_visible_hyphen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    view = _view(qtbot, tmp_path, "de", width=520, scale=300)
    widget = view.timeline_widget
    lines = [
        line
        for item in widget._layout_for(widget.width()).items.values()
        for text in item.texts
        for line in text.lines
    ]
    assert not any(SOFT_HYPHEN in line for line in lines)
    broken = [line for line in lines if line.endswith("-") and not line.endswith(" -")]
    assert broken, "at 300 % some long German word must break"
    joined = " ".join(lines)
    assert "…" not in joined

"""Keys from the walk through the app: Ctrl+T then the arrows, the counselling step "treatment
path", Page Down/Up with one line of overlap, and Page Down stopping at the teach-back box."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from her2guide.content.guided_path import TIMELINE_STEP
from her2guide.ui.main_window import MainWindow
from her2guide.ui.teach_back import teach_back_box
from tests.helpers import WindowFactory


def _start_counselling(qtbot: QtBot, window: MainWindow) -> None:
    window.counselling.action.trigger()
    assert window.counselling.active
    screen = window.screen().size()
    qtbot.waitUntil(lambda: window.size() == screen)


def test_after_ctrl_t_the_arrow_keys_move_along_the_path(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(active=True)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    assert view is not None
    widget = view.timeline_widget
    assert window.views.currentWidget() is view
    qtbot.waitUntil(widget.hasFocus)
    first = widget.current_id()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    assert widget.current_id() != first
    assert widget.timeline is not None
    assert widget.current_id() == widget.timeline.main_stages[1].id


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("stage", ["first-line", "second-line", "third-line"])
def test_the_counselling_step_opens_the_path_at_its_top_with_you_are_here_in_view(
    qtbot: QtBot, make_window: WindowFactory, lang: str, stage: str
) -> None:
    window = make_window(lang=lang, page="how-treatments-work", size=(1024, 768), scale=200)
    window.settings.you_are_here = stage
    _start_counselling(qtbot, window)
    steps = window.counselling.path.steps
    window.counselling.go_to_step(steps.index(TIMELINE_STEP))
    view = window.timeline_view
    assert view is not None
    widget = view.timeline_widget
    bar = view.scroll_area.verticalScrollBar()
    viewport = view.scroll_area.viewport()
    flag = widget.pin_rect(stage).united(widget.item_rect(stage))
    flag = flag.translated(widget.mapTo(viewport, widget.rect().topLeft()))
    assert viewport.rect().contains(flag)
    top_of_path = widget.mapTo(viewport, widget.rect().topLeft()).y() + bar.value()
    if flag.bottom() + bar.value() < viewport.height():
        assert bar.value() == 0  # both fit: the path shows from its top
    else:
        assert top_of_path >= 0


@pytest.mark.parametrize("scale", [100, 200])
def test_page_down_and_up_keep_one_line_in_view(
    qtbot: QtBot, make_window: WindowFactory, scale: int
) -> None:
    window = make_window(page="side-effects", size=(1024, 768), scale=scale)
    reader = window.reader
    bar = reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2 * reader.viewport().height())
    line = QFontMetrics(reader.document().defaultFont()).lineSpacing()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    assert bar.value() == reader.viewport().height() - line
    qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    assert bar.value() == 2 * (reader.viewport().height() - line)
    qtbot.keyClick(reader, Qt.Key.Key_PageUp)
    assert bar.value() == reader.viewport().height() - line


def _box_top(window: MainWindow) -> int:
    document = window.reader.document()
    box = teach_back_box(document)
    assert box is not None
    return math.floor(document.documentLayout().frameBoundingRect(box).top())


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("page", ["her2-basics", "side-effects", "when-to-call"])
@pytest.mark.parametrize("scale", [100, 200])
def test_page_down_in_counselling_stops_before_the_teach_back_box_leaves_view(
    qtbot: QtBot, make_window: WindowFactory, lang: str, page: str, scale: int
) -> None:
    window = make_window(lang=lang, page=page, size=(1024, 768), scale=scale)
    _start_counselling(qtbot, window)
    reader = window.reader
    bar = reader.verticalScrollBar()
    box_top = _box_top(window)
    last = bar.value()
    while window.history.current is not None and window.history.current.target == page:
        last = bar.value()
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    assert last <= box_top < last + reader.viewport().height()

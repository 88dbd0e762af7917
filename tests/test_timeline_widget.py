"""The painted timeline and its view: keys, clicks, hover, you-are-here, language, a11y, export."""

from __future__ import annotations

import gettext
from itertools import combinations
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QAccessible, QFont, QFontMetrics, QHelpEvent, QImage
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from her2guide import i18n
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.content.status_register import REGISTER_FILE, load_register
from her2guide.paths import content_dir, locale_dir
from her2guide.settings import Settings
from her2guide.timeline.loader import load_timeline
from her2guide.timeline.model import Timeline
from her2guide.ui.timeline_view import TimelineView
from her2guide.ui.timeline_widget import TimelineWidget


class _Catalog(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message


REGISTER = load_register(content_dir() / REGISTER_FILE)[0]


def _option(option_id: str) -> str:
    return f"""
      - id: {option_id}
        name: Option {option_id}
        what: What {option_id} is.
        result: What {option_id} did [S1].
        sources:
          - text: "A source"
            url: https://example.org/{option_id}
        side_effects: [One]
        ask: A question?
        page: a-page"""


def _stage(stage_id: str, lane: str, options: tuple[str, ...]) -> str:
    head = f"""
  - id: {stage_id}
    lane: {lane}
    label: Stage {stage_id}
    description: About {stage_id}.
    options:"""
    return head + "".join(_option(option) for option in options)


TEST_PATH = "title: A test path\nstages:" + "".join(
    (
        _stage("start", "main", ("a1",)),
        _stage("middle", "main", ("b1", "b2")),
        _stage("later", "main", ("c1",)),
        _stage("aside", "side", ("d1",)),
    )
)
"""A treatment path of the tests' own (not the shipped medical one): three main stages, the
middle one with two options, and a side stage."""


@pytest.fixture(scope="module")
def timelines() -> dict[str, Timeline]:
    loaded = {}
    for lang in ("en", "de"):
        timeline, problems = load_timeline(content_dir() / lang / "timeline.yaml")
        assert problems == []
        assert timeline is not None
        loaded[lang] = timeline
    return loaded


@pytest.fixture
def german_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    """The German catalog, including the timeline's own part until it is merged; the tests
    switch the language themselves, after their widgets exist in English."""
    messages: dict[str, str] = {}
    for name in ("her2guide.po", "timeline-part.po"):
        path = locale_dir() / "de" / "LC_MESSAGES" / name
        if path.exists():
            with path.open("rb") as handle:
                for message in read_po(handle, locale="de"):
                    if message.id and message.string and not message.fuzzy:
                        messages[str(message.id)] = str(message.string)
    catalogs = {"de": _Catalog(messages), "en": gettext.NullTranslations()}
    monkeypatch.setattr(i18n, "translations", catalogs.__getitem__)


def switch_to_german(widget: TimelineWidget | TimelineView) -> None:
    i18n.set_current_language("de")
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


@pytest.fixture
def widget(qtbot: QtBot, timelines: dict[str, Timeline]) -> TimelineWidget:
    timeline_widget = TimelineWidget()
    qtbot.addWidget(timeline_widget)
    timeline_widget.set_status_register(REGISTER, "other")
    timeline_widget.set_timeline(timelines["en"])
    timeline_widget.resize(1000, timeline_widget.heightForWidth(1000))
    timeline_widget.show()
    qtbot.waitExposed(timeline_widget)
    return timeline_widget


@pytest.fixture
def path_widget(qtbot: QtBot, tmp_path: Path) -> TimelineWidget:
    """The widget showing :data:`TEST_PATH`."""
    path = tmp_path / "timeline.yaml"
    path.write_text(TEST_PATH, encoding="utf-8")
    timeline, problems = load_timeline(path)
    assert problems == []
    timeline_widget = TimelineWidget()
    qtbot.addWidget(timeline_widget)
    timeline_widget.set_timeline(timeline)
    timeline_widget.resize(1000, timeline_widget.heightForWidth(1000))
    timeline_widget.show()
    qtbot.waitExposed(timeline_widget)
    return timeline_widget


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(path=tmp_path / "settings.ini")


@pytest.fixture
def view(qtbot: QtBot, settings: Settings, timelines: dict[str, Timeline]) -> TimelineView:
    timeline_view = TimelineView(settings)
    qtbot.addWidget(timeline_view)
    timeline_view.set_status_register(REGISTER, "other")
    timeline_view.set_timeline(timelines["en"])
    timeline_view.resize(1200, 700)
    timeline_view.show()
    qtbot.waitExposed(timeline_view)
    return timeline_view


def press(qtbot: QtBot, widget: TimelineWidget, key: Qt.Key) -> str:
    with qtbot.waitSignal(widget.current_changed, timeout=1000) as blocker:
        qtbot.keyClick(widget, key)
    return blocker.args[0]


def _detail_text(view: TimelineView) -> str:
    """The details as written (on screen their long words carry soft hyphens)."""
    return without_soft_hyphens(view.detail.toPlainText())


def all_ids(timeline: Timeline) -> list[str]:
    return [item.id for stage in timeline.stages for item in (stage, *stage.options)]


# -- keyboard -------------------------------------------------------------------------------------


def test_arrow_keys_move_the_selection_and_signal(
    qtbot: QtBot, path_widget: TimelineWidget
) -> None:
    widget = path_widget
    assert widget.current_id() == "start"
    assert press(qtbot, widget, Qt.Key.Key_Right) == "middle"
    assert press(qtbot, widget, Qt.Key.Key_Down) == "b1"
    assert press(qtbot, widget, Qt.Key.Key_Down) == "b2"
    assert press(qtbot, widget, Qt.Key.Key_Up) == "b1"
    assert press(qtbot, widget, Qt.Key.Key_Up) == "middle"
    assert press(qtbot, widget, Qt.Key.Key_Right) == "later"
    assert press(qtbot, widget, Qt.Key.Key_Left) == "middle"
    assert press(qtbot, widget, Qt.Key.Key_End) == "aside"
    assert press(qtbot, widget, Qt.Key.Key_Home) == "start"
    with qtbot.assertNotEmitted(widget.current_changed):
        qtbot.keyClick(widget, Qt.Key.Key_Left)
        qtbot.keyClick(widget, Qt.Key.Key_Up)
    assert widget.current_id() == "start"


def test_enter_opens_the_details(qtbot: QtBot, path_widget: TimelineWidget) -> None:
    widget = path_widget
    widget.select("c1")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(widget.activated, timeout=1000) as blocker:
            qtbot.keyClick(widget, key)
        assert blocker.args == ["c1"]


def test_h_marks_and_clears_you_are_here(qtbot: QtBot, path_widget: TimelineWidget) -> None:
    widget = path_widget
    widget.select("b2")
    with qtbot.waitSignal(widget.you_are_here_changed, timeout=1000) as blocker:
        qtbot.keyClick(widget, Qt.Key.Key_H)
    assert blocker.args == ["middle"]
    assert widget.you_are_here() == "middle"
    with qtbot.waitSignal(widget.you_are_here_changed, timeout=1000) as blocker:
        qtbot.keyClick(widget, Qt.Key.Key_H)
    assert blocker.args == [None]
    with qtbot.assertNotEmitted(widget.you_are_here_changed):
        qtbot.keyClick(widget, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)


def test_the_widget_takes_keyboard_focus(widget: TimelineWidget) -> None:
    assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
    widget.activateWindow()
    widget.setFocus()
    assert widget.hasFocus()


# -- mouse ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["third-line", "thp", "pyrotinib", "investigational-drugs", "t-dxd-brain"]
)
def test_click_selects_the_item_under_the_pointer(
    qtbot: QtBot, widget: TimelineWidget, target: str
) -> None:
    rect = widget.item_rect(target)
    assert not rect.isEmpty()
    with qtbot.waitSignal(widget.current_changed, timeout=1000) as blocker:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [target]
    assert widget.current_id() == target


def test_double_click_opens_the_details(qtbot: QtBot, widget: TimelineWidget) -> None:
    center = widget.item_rect("palbociclib").center()
    with qtbot.waitSignal(widget.activated, timeout=1000) as blocker:
        qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == ["palbociclib"]


def test_click_between_items_changes_nothing(qtbot: QtBot, widget: TimelineWidget) -> None:
    widget.select("thp")
    with qtbot.assertNotEmitted(widget.current_changed):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert widget.current_id() == "thp"


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hover_highlights_and_explains(qtbot: QtBot, widget: TimelineWidget) -> None:
    center = widget.item_rect("t-dxd-pertuzumab").center()
    qtbot.mouseMove(widget, center)
    qtbot.waitUntil(lambda: widget.hovered_id() == "t-dxd-pertuzumab", timeout=1000)
    expected = "\n".join(
        [
            "Trastuzumab deruxtecan + pertuzumab (Enhertu + Perjeta)",
            "First line",
            "In the EU (Germany, Austria): under review since January 2026",
            "In Switzerland: approved since 20 March 2026, as a temporary extension",
            "In the US: approved since 15 December 2025",
        ]
    )
    assert widget.tooltip_at(center) == expected
    event = QHelpEvent(QEvent.Type.ToolTip, center, widget.mapToGlobal(center))
    QCoreApplication.sendEvent(widget, event)
    assert QToolTip.text() == expected
    QToolTip.hideText()
    stage_center = widget.item_rect("hr-positive").center()
    assert widget.tooltip_at(stage_center).startswith("Hormone receptor-positive\n\nIf the cancer")
    assert widget.tooltip_at(QPoint(1, 1)) == ""


# -- layout ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(("width", "scale"), [(1200, 1.0), (800, 1.0), (420, 1.0), (900, 2.0)])
def test_items_never_overlap_or_overflow(
    timelines: dict[str, Timeline], qtbot: QtBot, lang: str, width: int, scale: float
) -> None:
    timeline_widget = TimelineWidget()
    qtbot.addWidget(timeline_widget)
    font = QFont(timeline_widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    timeline_widget.setFont(font)
    timeline_widget.set_timeline(timelines[lang])
    width = max(width, timeline_widget.minimumSizeHint().width())
    timeline_widget.resize(width, timeline_widget.heightForWidth(width))
    rects = {item: timeline_widget.item_rect(item) for item in all_ids(timelines[lang])}
    bounds = timeline_widget.rect()
    for item, rect in rects.items():
        assert not rect.isEmpty(), item
        assert bounds.contains(rect), item
    for (first, a), (second, b) in combinations(rects.items(), 2):
        assert not a.intersects(b), (first, second)
    for item in timeline_widget._layout.items.values():  # the geometry painting reads
        for text in item.texts:
            metrics = QFontMetrics(text.font)
            assert item.rect.contains(text.rect), item.id
            for line in text.lines:
                assert metrics.horizontalAdvance(line) <= text.rect.width(), (item.id, line)


def test_size_follows_the_font(timelines: dict[str, Timeline], qtbot: QtBot) -> None:
    timeline_widget = TimelineWidget()
    qtbot.addWidget(timeline_widget)
    timeline_widget.set_timeline(timelines["de"])
    height, minimum = timeline_widget.heightForWidth(1000), timeline_widget.minimumSizeHint()
    font = QFont(timeline_widget.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    timeline_widget.setFont(font)
    assert timeline_widget.heightForWidth(1000) > height
    assert timeline_widget.minimumSizeHint().width() > minimum.width()
    assert timeline_widget.hasHeightForWidth()


# -- accessibility -------------------------------------------------------------------------------


def test_accessible_role_name_and_value(
    qtbot: QtBot, widget: TimelineWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[QAccessible.Event, str]] = []

    def record(event: QAccessible.Event) -> None:
        events.append((event.type(), event.value()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    assert interface.role() == QAccessible.Role.List
    assert interface.text(QAccessible.Text.Name) == "Treatment path"
    assert "arrow keys" in interface.text(QAccessible.Text.Description)
    assert interface.text(QAccessible.Text.Value) == "First line"

    press(qtbot, widget, Qt.Key.Key_Right)
    press(qtbot, widget, Qt.Key.Key_Right)
    press(qtbot, widget, Qt.Key.Key_Down)
    value = "Second line: Trastuzumab deruxtecan (Enhertu)"
    assert interface.text(QAccessible.Text.Value) == value
    assert events[-1] == (QAccessible.Event.ValueChanged, value)
    qtbot.keyClick(widget, Qt.Key.Key_H)
    marked = "Second line (you are here): Trastuzumab deruxtecan (Enhertu)"
    assert interface.text(QAccessible.Text.Value) == marked
    assert events[-1] == (QAccessible.Event.ValueChanged, marked)


@pytest.mark.usefixtures("german_catalog")
def test_accessible_texts_follow_the_language(
    widget: TimelineWidget, timelines: dict[str, Timeline]
) -> None:
    assert widget.accessibleName() == "Treatment path"
    switch_to_german(widget)
    widget.set_timeline(timelines["de"])
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface.text(QAccessible.Text.Name) == "Behandlungsweg"
    assert "Pfeiltasten" in interface.text(QAccessible.Text.Description)
    assert interface.text(QAccessible.Text.Value) == "Erstlinientherapie"


# -- the view --------------------------------------------------------------------------------------


def test_you_are_here_survives_a_restart(
    qtbot: QtBot, tmp_path: Path, timelines: dict[str, Timeline]
) -> None:
    path = tmp_path / "settings.ini"
    first = TimelineView(Settings(path=path))
    qtbot.addWidget(first)
    first.set_timeline(timelines["en"])
    first.select("tucatinib-triplet")
    qtbot.keyClick(first.timeline_widget, Qt.Key.Key_H)
    assert first.settings.you_are_here == "third-line"
    first.close()
    first.deleteLater()
    assert "third-line" in path.read_text(encoding="utf-8")

    second = TimelineView(Settings(path=path))
    qtbot.addWidget(second)
    second.set_timeline(timelines["en"])
    assert second.timeline_widget.you_are_here() == "third-line"
    second.clear_button.click()
    assert second.timeline_widget.you_are_here() is None
    assert Settings(path=path).you_are_here is None


def test_mark_and_clear_buttons_and_menu_actions(view: TimelineView) -> None:
    view.select("maintenance")
    assert view.mark_button.isEnabled()
    assert not view.clear_button.isEnabled()
    view.mark_button.click()
    assert view.settings.you_are_here == "maintenance"
    assert not view.mark_action.isEnabled()
    assert view.clear_action.isEnabled()
    view.select("palbociclib")
    view.mark_action.trigger()
    assert view.timeline_widget.you_are_here() == "hr-positive"
    view.clear_action.trigger()
    assert view.settings.you_are_here is None


def test_select_from_a_page_link_and_read_more(qtbot: QtBot, view: TimelineView) -> None:
    assert not view.select("no-such-stage")
    assert view.select("second-line")
    assert not view.read_more_button.isEnabled()
    assert "Trastuzumab deruxtecan (Enhertu)" in _detail_text(view)
    assert view.select("t-dxd-second-line")
    assert view.read_more_button.isEnabled()
    text = _detail_text(view)
    for expected in (
        "Brand name: Enhertu",
        "DESTINY-Breast03",
        "In the EU (Germany, Austria): approved since 20 January 2021",
        "Last checked by us on 6 December 2026.",
        "Call your team at once",
        "How will my lungs be checked",
        "https://pubmed.ncbi.nlm.nih.gov/38825627/",
    ):
        assert expected in text
    with qtbot.waitSignal(view.page_requested, timeout=1000) as blocker:
        view.read_more_button.click()
    assert blocker.args == ["antibody-drug-conjugates"]


def test_unconfirmed_approval_is_said_in_words(view: TimelineView) -> None:
    view.select("tucatinib-maintenance")
    assert "In the US: no approval found in our sources" in _detail_text(view)
    view.select("local-therapy-brain")
    assert "no confirmed approval for this use" in _detail_text(view)


@pytest.mark.usefixtures("german_catalog")
def test_language_switch_keeps_the_selection_and_relabels(
    view: TimelineView, timelines: dict[str, Timeline]
) -> None:
    view.select("t-dxd-second-line")
    view.mark_you_are_here()
    assert view.clear_button.text() == "Clear “you are here”"
    switch_to_german(view)
    view.set_timeline(timelines["de"])
    widget = view.timeline_widget
    assert widget.current_id() == "t-dxd-second-line"
    assert widget.you_are_here() == "second-line"
    assert widget.accessible_value() == (
        "Zweitlinientherapie (Sie sind hier): Trastuzumab-Deruxtecan (Enhertu)"
    )
    center = widget.item_rect("t-dxd-second-line").center()
    lines = widget.tooltip_at(center).splitlines()
    assert lines[:2] == ["Trastuzumab-Deruxtecan (Enhertu)", "Zweitlinientherapie"]
    assert [line.split(":")[0] for line in lines[2:]] == [
        "In der EU (Deutschland, Österreich)",
        "In der Schweiz",
        "In den USA",
    ]
    assert lines[2].startswith("In der EU (Deutschland, Österreich): zugelassen seit 20. Januar")
    assert "Nebenwirkungen" in _detail_text(view)
    assert widget.accessibleName() == "Behandlungsweg"
    assert view.clear_button.text() == "„Sie sind hier“ entfernen"
    assert view.read_more_button.text() == "Weiterlesen"


def test_text_scale_grows_the_timeline(view: TimelineView) -> None:
    widget = view.timeline_widget
    view.set_text_scale(100)
    base, height = widget.font().pointSizeF(), widget.heightForWidth(900)
    view.set_text_scale(200)
    assert widget.font().pointSizeF() == pytest.approx(2 * base)
    assert widget.heightForWidth(900) > height
    view.set_text_scale(1000)
    assert widget.font().pointSizeF() == pytest.approx(3 * base)


def test_export_png_renders_the_whole_timeline(view: TimelineView, tmp_path: Path) -> None:
    view.select("margetuximab")
    view.timeline_widget.set_you_are_here("third-line")
    path = tmp_path / "timeline.png"
    view.export_png(path)
    assert path.stat().st_size > 10_000
    image = QImage(str(path))
    assert not image.isNull()
    widget = view.timeline_widget
    assert image.width() == 2 * widget.width()
    assert image.height() == 2 * widget.heightForWidth(widget.width())
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
    assert len(colours) > 5


def test_export_to_an_unwritable_place_raises(view: TimelineView, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="could not write"):
        view.export_png(tmp_path / "missing-folder" / "timeline.png")


def test_badges_put_the_readers_region_first_and_show_conditions(widget: TimelineWidget) -> None:
    option = widget.timeline.find("tucatinib-triplet-second-line")[1]
    assert [b.text for b in widget.status_badges(option)] == [
        "EU: after 2 or more HER2 treatments",
        "US: after 1 or more HER2 treatments",
    ]
    first_line = widget.timeline.find("t-dxd-pertuzumab")[1]
    widget.set_status_register(REGISTER, "ch")
    assert [b.text for b in widget.status_badges(first_line)] == [
        "CH: temporary",
        "EU: under review",
        "US",
    ]
    assert widget.status_lines(first_line)[0].startswith("In Switzerland: approved since")
    center = widget.item_rect("t-dxd-pertuzumab").center()
    assert widget.tooltip_at(center).split("\n")[2].startswith("In Switzerland")

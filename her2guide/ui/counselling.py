"""Counselling mode: a nurse and a patient at one screen, stepping through a guided path.

Full screen, larger text (the user's own size comes back afterwards and is never overwritten),
the contents, menus, toolbar and status bar out of the way, and a step bar at the bottom. The
path is content data (``guided-path.yaml``). Every page ends with its teach-back question.

Keys while it is on: Page Down / Page Up scroll the page and, once its text and teach-back
question have been shown (at its top), go on to the next (previous) step, the way a presentation
clicker works; Ctrl+Page Down / Ctrl+Page Up jump a whole step; Esc or F11 leaves.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPushButton,
    QScrollBar,
    QSizePolicy,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from her2guide.content.guided_path import (
    GUIDED_PATH_FILE,
    TIMELINE_STEP,
    GuidedPath,
    default_path,
    load_guided_path,
)
from her2guide.i18n import _
from her2guide.navigation import Location
from her2guide.settings import MAX_SCALE
from her2guide.ui.action_registry import VIEW_MENU
from her2guide.ui.reader import lay_out_fully
from her2guide.ui.retranslate import retranslate_on_language_change
from her2guide.ui.side_by_side import SideBySide
from her2guide.ui.teach_back import closing_heading

if TYPE_CHECKING:
    from her2guide.ui.window_api import WindowApi

SCALE_BOOST = 50
BAR_POINT_SIZE = 11.0
MAX_BAR_SCALE = 200  # beyond this the step bar would not fit a laptop screen
MIN_TARGET = 44  # px: touch and pointer targets for unsteady hands
READING_WIDTH = 72  # characters: longer lines are hard to follow on a wide screen


class StepButton(QToolButton):
    """The step shown, on two lines when one is too short (cut with "…" only when two are
    too); a click lists every step.

    Its size hint does not depend on the text, so a long German title never pushes the
    other buttons off a laptop screen; the whole text is the tooltip and the accessible
    description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_text = ""
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMenu(QMenu(self))

    def full_text(self) -> str:
        return self._full_text

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._full_text) + 3 * MIN_TARGET // 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(3 * MIN_TARGET, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        """The whole text on one line, or on two when it is too long for one; cut short only
        when not even two lines hold it."""
        room = max(MIN_TARGET, self.width() - MIN_TARGET)
        metrics = self.fontMetrics()
        text = self._full_text
        if metrics.horizontalAdvance(text) > room:
            text = two_lines(text, metrics, room) or metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, room
            )
        if text != self.text():
            self.setText(text)
            self.updateGeometry()


def two_lines(text: str, metrics: QFontMetrics, room: int) -> str | None:
    """``text`` broken at the space that makes its longer line shortest, if both lines fit."""
    best: tuple[int, str] | None = None
    for index, character in enumerate(text):
        if character != " ":
            continue
        first, second = text[:index], text[index + 1 :]
        longest = max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second))
        if longest <= room and (best is None or longest < best[0]):
            best = (longest, f"{first}\n{second}")
    return best[1] if best else None


class StepBar(QWidget):
    """Previous / the step (a list to jump to any step) / next, and the few tools a nurse needs.

    The controller sets the steps and the current one; the buttons trigger its actions. The
    path's title goes first when there is room for it.

    Signals:
        step_chosen(int): the index of the step picked from the list.
    """

    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setObjectName("counselling-path-title")
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.step_button = StepButton()
        self.step_group = QActionGroup(self)
        self.step_actions: list[QAction] = []
        self.language_button = QToolButton()
        self.language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.smaller_button = QPushButton("A\u2212")
        self.larger_button = QPushButton("A+")
        self.leave_button = QPushButton()
        # One line when the step's whole text fits; otherwise the step gets a line of its own
        # above the buttons (its text is never cut short to "Step…").
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 8)
        outer.setSpacing(6)
        self.step_line = QHBoxLayout()
        self.step_line.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.button_line = layout
        outer.addLayout(self.step_line)
        outer.addLayout(layout)
        layout.addWidget(self.title_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.step_button, 1)
        layout.addWidget(self.next_button)
        layout.addSpacing(24)
        for widget in (
            self.language_button,
            self.smaller_button,
            self.larger_button,
            self.leave_button,
        ):
            layout.addWidget(widget)
        self.set_text_scale(100)

    def buttons(self) -> list[QWidget]:
        return [
            self.previous_button, self.step_button, self.next_button, self.language_button,
            self.smaller_button, self.larger_button, self.leave_button,
        ]  # fmt: skip

    def set_steps(self, titles: list[str], current: int | None, text: str) -> None:
        """The list of steps (``current`` checked, None when off the path) and the shown text."""
        menu = self.step_button.menu()
        menu.clear()
        self.step_actions = []
        for index, title in enumerate(titles):
            action = QAction(title, menu, checkable=True)
            action.setChecked(index == current)
            action.triggered.connect(lambda _checked=False, i=index: self.step_chosen.emit(i))
            self.step_group.addAction(action)
            menu.addAction(action)
            self.step_actions.append(action)
        self.step_button.set_full_text(text)
        self._place_title()

    def set_text_scale(self, percent: int) -> None:
        """Follows the text size up to :data:`MAX_BAR_SCALE`; targets stay at least 44 px."""
        font = QFont(self.font())
        font.setPointSizeF(BAR_POINT_SIZE * min(percent, MAX_BAR_SCALE) / 100)
        self.setFont(font)
        height = max(MIN_TARGET, QFontMetrics(font).height() + 18)
        for widget in self.buttons():
            widget.setFont(font)
            widget.setMinimumSize(MIN_TARGET, height)
        self.step_button.menu().setFont(font)
        self.title_label.setFont(font)
        self._place_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_title()

    def _place_title(self) -> None:
        """The step beside the buttons when its whole text fits there, else on a line of its
        own; the path's title only when the step's whole text still fits beside it."""
        layout = self.button_line
        margins = self.layout().contentsMargins()
        used = margins.left() + margins.right() + 24 + layout.spacing() * len(self.buttons())
        used += sum(w.sizeHint().width() for w in self.buttons() if w is not self.step_button)
        room = self.width() - used
        step = self.step_button.sizeHint().width()
        own_line = room < step
        if own_line != (self.step_line.indexOf(self.step_button) >= 0):
            if own_line:
                layout.removeWidget(self.step_button)
                self.step_line.addWidget(self.step_button, 1)
            else:
                self.step_line.removeWidget(self.step_button)
                layout.insertWidget(layout.indexOf(self.next_button), self.step_button, 1)
        title = self.title_label.sizeHint().width() + layout.spacing()
        self.title_label.setVisible(not own_line and room - title >= step)


@dataclass
class _Before:
    """What counselling mode changes, to put back when it ends."""

    state: Qt.WindowState
    scale: int
    hidden: list[QWidget]
    added_actions: list[QAction]


class CounsellingMode(QObject):
    """View → Counselling mode (F11): the mode, its guided path and its step bar.

    ``index`` is the step shown, or the last one shown while a page off the path is open
    (``on_path`` False); -1 before the first step.
    """

    def __init__(self, window: WindowApi, side_by_side: SideBySide) -> None:
        host = window.host()
        super().__init__(host)
        self.window = window
        self.side_by_side = side_by_side
        self.index = -1
        self.on_path = False
        self._paths: dict[str, GuidedPath] = {}
        self._before: _Before | None = None

        self.action = QAction(host, checkable=True)
        self.action.setShortcut(QKeySequence("F11"))
        self.action.toggled.connect(self.set_active)
        self.next_action = QAction(host)
        self.next_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.next_action.triggered.connect(self.next_step)
        self.previous_action = QAction(host)
        self.previous_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.previous_action.triggered.connect(lambda: self.previous_step())
        registry = window.action_registry
        registry.keep_shortcuts(self.action, self.next_action, self.previous_action)
        registry.add(VIEW_MENU, self.action)

        self.bar = StepBar()
        self.bar.previous_button.clicked.connect(self.previous_action.trigger)
        self.bar.next_button.clicked.connect(self.next_action.trigger)
        self.bar.step_chosen.connect(self.go_to_step)
        self.bar.language_button.setDefaultAction(registry.action("switch-language"))
        self.bar.smaller_button.clicked.connect(registry.action("zoom-out").trigger)
        self.bar.larger_button.clicked.connect(registry.action("zoom-in").trigger)
        self.bar.leave_button.clicked.connect(lambda: self.set_active(False))
        self.toolbar = QToolBar(host)
        self.toolbar.setObjectName("counselling-bar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.toggleViewAction().setVisible(False)
        self.toolbar.addWidget(self.bar)
        host.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.toolbar)
        self.toolbar.hide()

        window.location_shown.connect(self._on_location_shown)
        window.text_scale_changed.connect(self._on_text_scale_changed)
        window.languages.language_changed.connect(lambda _lang: self._update_bar())
        host.installEventFilter(self)
        retranslate_on_language_change(host, self.retranslate_ui)
        window.reader.installEventFilter(self)
        self._set_step_actions()
        self.retranslate_ui()

    # -- state ---------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._before is not None

    @property
    def path(self) -> GuidedPath:
        """The guided path of the current language (the built-in one if the file is unusable)."""
        lang = self.window.languages.language
        if lang not in self._paths:
            path, problems = load_guided_path(self.window.library.root / lang / GUIDED_PATH_FILE)
            for problem in problems:
                print(problem, file=sys.stderr)
            if path is None:
                path = default_path(_("Guided path"), self.window.library.language(lang).pages)
            self._paths[lang] = path
        return self._paths[lang]

    def step_title(self, step: str) -> str:
        if step == TIMELINE_STEP:
            return _("Treatment path")
        page = self.window.content.pages.get(step)
        return page.title if page else step

    # -- texts ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.action.setText(_("Counselling mode"))
        self.action.setToolTip(
            _(
                "Full screen with larger text and a guided path through the main pages, for a "
                "nurse and a patient at one screen (F11; Esc leaves)"
            )
        )
        self.next_action.setText(_("Next step"))
        self.previous_action.setText(_("Previous step"))
        bar = self.bar
        bar.previous_button.setText("\u25c0 " + _("Previous"))
        bar.previous_button.setToolTip(
            _("The previous step of the path (Ctrl+Page Up; Page Up at the top of a page)")
        )
        bar.next_button.setText(_("Next") + " \u25b6")
        bar.next_button.setToolTip(
            _("The next step of the path (Ctrl+Page Down; Page Down at the end of a page)")
        )
        bar.step_button.setAccessibleName(_("Steps of the guided path"))
        bar.smaller_button.setToolTip(_("Smaller text"))
        bar.smaller_button.setAccessibleName(_("Smaller text"))
        bar.larger_button.setToolTip(_("Larger text"))
        bar.larger_button.setAccessibleName(_("Larger text"))
        bar.leave_button.setText(_("Leave"))
        bar.leave_button.setToolTip(_("Leave counselling mode (Esc or F11)"))
        bar.leave_button.setAccessibleName(_("Leave counselling mode"))
        self.toolbar.setWindowTitle(_("Counselling mode"))
        self._update_bar()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window.host():
            if kind == QEvent.Type.Close and self.active:
                self.set_active(False)  # so that the window's size is saved, not full screen
        elif watched is self.window.reader and kind == QEvent.Type.Resize:
            self._update_reading_width()
        if self.active and kind == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            return self._key(watched, event)
        return super().eventFilter(watched, event)

    # -- entering and leaving ------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        if on:
            self._enter()
        else:
            self._leave()
        self.action.setChecked(on)
        self._set_step_actions()
        self._update_bar()

    def _enter(self) -> None:
        window = self.window
        host = window.host()
        # Every toolbar and side panel, whoever added it: the step bar is the only chrome left.
        chrome: list[QWidget] = [
            host.menuBar(),
            window.contents,
            host.statusBar(),
            *(
                widget
                for kind in (QToolBar, QDockWidget)
                for widget in host.findChildren(
                    kind, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if widget is not self.toolbar
            ),
        ]
        hidden = [widget for widget in chrome if not widget.isHidden()]
        # Shortcuts of actions that sit only in hidden menus and toolbars stop working.
        added = [a for a in _menu_actions(host.menuBar()) if a not in host.actions()]
        host.addActions(added)
        self._before = _Before(host.windowState(), window.text_scale, hidden, added)
        for widget in chrome:
            widget.hide()
        self.toolbar.show()
        host.showFullScreen()
        window.set_text_scale(min(MAX_SCALE, window.text_scale + SCALE_BOOST))
        QApplication.instance().installEventFilter(self)
        self._sync_with(window.current_location)
        self._show_again(True)

    def _leave(self) -> None:
        before = self._before
        assert before is not None
        self._before = None
        window = self.window
        host = window.host()
        QApplication.instance().removeEventFilter(self)
        self.toolbar.hide()
        for action in before.added_actions:
            host.removeAction(action)
        for widget in before.hidden:
            widget.show()
        host.setWindowState(before.state)
        window.set_text_scale(before.scale)
        window.reader.setViewportMargins(0, 0, 0, 0)
        self._show_again(False)

    def _show_again(self, teach_back: bool) -> None:
        """Shows the current page again, with or without its teach-back box, at the same place."""
        location = self.window.current_location
        self.window.set_teach_back(teach_back)
        if location is None or location.kind != "page":
            return
        self.side_by_side.refresh()
        self._update_reading_width()

    # -- steps ---------------------------------------------------------------------------------

    def go_to_step(self, index: int, *, at_end: bool = False) -> None:
        """Shows step ``index`` of the path; ``at_end`` scrolls to the end of its text, where
        the teach-back question is (going backwards)."""
        steps = self.path.steps
        if not 0 <= index < len(steps):
            return
        self.index = index
        step = steps[index]
        if step == TIMELINE_STEP:
            self.window.show_timeline(self.window.settings.you_are_here or "")
        else:
            self.window.open_page(step)
        if at_end:
            target = self._scroll_target()
            if target is not None:
                target[0].setValue(target[1])
        self._update_bar()

    def next_step(self) -> None:
        """The step after the one shown, or after the last one seen when off the path."""
        if self.active:
            self.go_to_step(self.index + 1)

    def previous_step(self, *, at_end: bool = False) -> None:
        """The step before the one shown; off the path, back to the last step seen."""
        if self.active:
            self.go_to_step(self._previous_index(), at_end=at_end)

    def _previous_index(self) -> int:
        return self.index - 1 if self.on_path else self.index

    def advance(self, direction: int) -> None:
        """Page Down / Page Up: scrolls the page; once its text and teach-back question are
        in view, goes on to the next step (the source list is not paged through)."""
        target = self._scroll_target()
        if direction > 0:
            if target is not None and target[0].value() < target[1]:
                target[0].triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            else:
                self.next_step()
        elif target is not None and target[0].value() > target[0].minimum():
            target[0].triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
        else:
            self.previous_step(at_end=True)

    def _scroll_target(self) -> tuple[QScrollBar, int] | None:
        """The scroll bar of what is shown (the page, the column in the interface language or
        the timeline) and the value at which the end of its text is in view."""
        window = self.window
        view = window.views.currentWidget()
        if view is self.side_by_side.view:
            view = self.side_by_side.view.readers[window.languages.language]
        timeline = window.timeline_view
        if timeline is not None and view is timeline:
            bar = timeline.vertical_scroll_bar()
            return bar, bar.maximum()
        if not isinstance(view, QTextBrowser):
            return None
        lay_out_fully(view)
        bar = view.verticalScrollBar()
        sources = closing_heading(view.document())
        if not sources.isValid():
            return bar, bar.maximum()
        top = view.document().documentLayout().blockBoundingRect(sources).top()
        return bar, max(0, min(bar.maximum(), math.ceil(top) - view.viewport().height()))

    def _sync_with(self, location: Location | None) -> None:
        """Finds the step for a place shown; another page leaves the path at the last step."""
        found = self.path.index_of(location.kind, location.target) if location else None
        self.on_path = found is not None
        if found is not None:
            self.index = found
        self._update_bar()

    def _set_step_actions(self) -> None:
        self.next_action.setEnabled(self.active and self.index + 1 < len(self.path.steps))
        self.previous_action.setEnabled(self.active and self._previous_index() >= 0)
        self.bar.next_button.setEnabled(self.next_action.isEnabled())
        self.bar.previous_button.setEnabled(self.previous_action.isEnabled())

    def _update_bar(self) -> None:
        if not self.active:
            return  # the bar is hidden; entering the mode fills it (and reads the path then)
        path = self.path
        count = len(path.steps)
        titles = [
            _("Step {number} of {count}: {title}").format(
                number=number, count=count, title=self.step_title(step)
            )
            for number, step in enumerate(path.steps, start=1)
        ]
        if self.on_path:
            text = titles[self.index]
        elif self.index < 0:
            text = _("Not on the path yet: next is step 1 of {count}").format(count=count)
        else:
            text = _("Off the path (after step {number} of {count})").format(
                number=self.index + 1, count=count
            )
        self.bar.title_label.setText(path.title)
        self.bar.set_steps(titles, self.index if self.on_path else None, text)
        self._set_step_actions()

    # -- pages ---------------------------------------------------------------------------------

    def _on_location_shown(self, location: Location) -> None:
        if not self.active:
            return
        self._sync_with(location)

    def _on_text_scale_changed(self, percent: int) -> None:
        self.bar.set_text_scale(percent)
        self._update_reading_width()

    def _update_reading_width(self) -> None:
        """In the mode, the page is a centred column of readable width on the wide screen."""
        reader = self.window.reader
        if not self.active:
            return
        width = QFontMetrics(reader.document().defaultFont()).averageCharWidth() * READING_WIDTH
        margin = max(
            0, (reader.width() - width - 2 * round(reader.document().documentMargin())) // 2
        )
        reader.setViewportMargins(margin, 0, margin, 0)

    # -- keys ----------------------------------------------------------------------------------

    def _key(self, receiver: QWidget, event: QKeyEvent) -> bool:
        """Page Down / Page Up anywhere in the window except text fields; Esc when unused."""
        if receiver.window() is not self.window.host():
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and receiver is self.window.host():
            self.set_active(False)  # reached the window: no field or popup wanted the Esc
            return True
        plain = (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            == Qt.KeyboardModifier.NoModifier
        )
        if not plain or key not in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            return False
        if isinstance(receiver, QLineEdit | QAbstractSpinBox | QComboBox):
            return False
        self.advance(1 if key == Qt.Key.Key_PageDown else -1)
        return True


def _menu_actions(bar: QMenuBar) -> list[QAction]:
    """Every action of the menu bar's menus and their submenus."""
    found: list[QAction] = []
    pending = list(bar.actions())
    while pending:
        action = pending.pop(0)
        menu = action.menu()
        if menu is not None:
            pending.extend(menu.actions())
        elif not action.isSeparator():
            found.append(action)
    return found

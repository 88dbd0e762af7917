"""Counselling mode: a nurse and a patient at one screen, stepping through a guided path.

Full screen, larger text (the user's own size comes back afterwards and is never overwritten),
click targets of 44 px instead of 24 (also in a side panel opened again in the mode), the
contents, menus, toolbar and status bar out of the way, and a step bar (step_bar.py) at the
bottom. The path is content data (``guided-path.yaml``); where the mode is on it, a plain
:class:`~her2guide.step_position.StepPosition`. Every page ends with its teach-back question.

Keys while it is on: Page Down / Page Up scroll the page and, once its text and teach-back
question have been shown (at its top), go on to the next (previous) step, the way a presentation
clicker works; Ctrl+Page Down / Ctrl+Page Up jump a whole step; Esc or F11 leaves.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QMenuBar,
    QScrollBar,
    QTextBrowser,
    QToolBar,
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
from her2guide.step_position import StepPosition
from her2guide.ui import theming
from her2guide.ui.action_registry import VIEW_MENU
from her2guide.ui.reader import lay_out_fully
from her2guide.ui.retranslate import retranslate_on_language_change
from her2guide.ui.side_by_side import SideBySide
from her2guide.ui.step_bar import MIN_TARGET, StepBar
from her2guide.ui.teach_back import closing_heading, teach_back_box

if TYPE_CHECKING:
    from her2guide.ui.window_api import WindowApi

SCALE_BOOST = 50
READING_WIDTH = 72  # characters: longer lines are hard to follow on a wide screen


@dataclass
class _Before:
    """What counselling mode changes, to put back when it ends."""

    state: Qt.WindowState
    scale: int
    hidden: list[QWidget]
    added_actions: list[QAction]


class CounsellingMode(QObject):
    """View → Counselling mode (F11): the mode, its guided path and its step bar; where it is
    on the path is ``position`` (step_position.py)."""

    def __init__(self, window: WindowApi, side_by_side: SideBySide) -> None:
        host = window.host()
        super().__init__(host)
        self.window = window
        self.side_by_side = side_by_side
        self.position = StepPosition()
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
        theming.set_minimum_target(MIN_TARGET)  # larger targets, also in a panel opened again
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
        theming.set_minimum_target(theming.MINIMUM_TARGET)
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
        self.position.go_to(index)
        step = steps[index]
        if step == TIMELINE_STEP:
            self.window.show_timeline(self.window.settings.you_are_here or "")
            if self.window.timeline_view is not None:
                self.window.timeline_view.show_from_top()
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
            self.go_to_step(self.position.next_index())

    def previous_step(self, *, at_end: bool = False) -> None:
        """The step before the one shown; off the path, back to the last step seen."""
        if self.active:
            self.go_to_step(self.position.previous_index(), at_end=at_end)

    def advance(self, direction: int) -> None:
        """Page Down / Page Up: scrolls the page; once its text and teach-back question are
        in view, goes on to the next step (the source list is not paged through)."""
        target = self._scroll_target()
        if direction > 0:
            if target is not None and target[0].value() < target[1]:
                bar = target[0]
                stop = min(s for s in (*self._teach_back_top(), target[1]) if s > bar.value())
                bar.setValue(min(bar.value() + bar.pageStep(), stop))
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

    def _teach_back_top(self) -> tuple[int, ...]:
        """Where the shown page's teach-back box starts, if it has one: Page Down stops there
        on its way, so that the box is never scrolled past its top."""
        view = self.window.views.currentWidget()
        if view is self.side_by_side.view:
            view = self.side_by_side.view.readers[self.window.languages.language]
        if not isinstance(view, QTextBrowser):
            return ()
        box = teach_back_box(view.document())
        if box is None:
            return ()
        return (math.floor(view.document().documentLayout().frameBoundingRect(box).top()),)

    def _sync_with(self, location: Location | None) -> None:
        """Finds the step for a place shown; another page leaves the path at the last step."""
        found = self.path.index_of(location.kind, location.target) if location else None
        self.position.sync(found)
        self._update_bar()

    def _set_step_actions(self) -> None:
        self.next_action.setEnabled(self.active and self.position.has_next(len(self.path.steps)))
        self.previous_action.setEnabled(self.active and self.position.has_previous())
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
        self.bar.title_label.setText(path.title)
        self.bar.set_steps(titles, self.position.current(), self.position.summary(titles))
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

"""The bar above the page: "On this page" (the page's sections) and the read-aloud controls,
with their actions in View → Read aloud and shortcuts for every step.

It sits in the central area, not in a toolbar, so it stays in counselling mode too, and it is
shown only while a page (not the treatment path) is in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QStyle,
    QToolButton,
)

from her2guide.i18n import N_, _
from her2guide.ui.action_registry import GO_MENU, VIEW_MENU
from her2guide.ui.page_bar import PageBar
from her2guide.ui.page_outline import PageOutline
from her2guide.ui.read_aloud import RATES, ReadAloud
from her2guide.ui.retranslate import retranslate_on_language_change

if TYPE_CHECKING:
    from her2guide.ui.window_api import WindowApi

RATE_LABELS = {"slower": N_("Slower"), "normal": N_("Normal speed"), "faster": N_("Faster")}


class ReadingTools(QObject):
    """Owns the page bar, the read-aloud controller and their actions."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.host())
        self.window = window
        self.reader = ReadAloud(window.reader, self)
        self.reader.set_rate(window.settings.speech_rate)
        self.outline = PageOutline(window.reader)
        self._create_actions()
        self._create_bar()
        self.menu = QMenu(window.host())  # View → Read aloud, put in place by add_to_menus()
        for action in (self.read_action, self.stop_action, self.previous_action, self.next_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in self.rate_actions.values():
            self.menu.addAction(action)
        window.add_above_pages(self.bar)

        self.reader.state_changed.connect(self._on_state)
        self.reader.message.connect(self._tell)
        window.location_shown.connect(self._on_location_shown)
        window.languages.language_changed.connect(lambda _lang: self.reader.stop())
        window.views.currentChanged.connect(self._on_view_changed)
        window.text_scale_changed.connect(self._fit_icons)
        retranslate_on_language_change(window.host(), self.retranslate_ui)
        self.retranslate_ui()
        self._on_state("idle")
        self._fit_icons()

    # -- set-up --------------------------------------------------------------------------------

    def _create_actions(self) -> None:
        host = self.window.host()
        style = host.style()
        icon = style.standardIcon
        self.read_action = QAction(host)
        self.read_action.setShortcut(QKeySequence("Ctrl+R"))
        self.read_action.triggered.connect(self.read_or_pause)
        self.stop_action = QAction(icon(QStyle.StandardPixmap.SP_MediaStop), "", host)
        self.stop_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.stop_action.triggered.connect(self.reader.stop)
        self.previous_action = QAction(icon(QStyle.StandardPixmap.SP_MediaSkipBackward), "", host)
        self.previous_action.setShortcut(QKeySequence("Alt+Shift+Left"))
        self.previous_action.triggered.connect(lambda: self.reader.step(-1))
        self.next_action = QAction(icon(QStyle.StandardPixmap.SP_MediaSkipForward), "", host)
        self.next_action.setShortcut(QKeySequence("Alt+Shift+Right"))
        self.next_action.triggered.connect(lambda: self.reader.step(1))
        self.rate_group = QActionGroup(self)
        self.rate_actions: dict[str, QAction] = {}
        for name in RATES:
            action = QAction(host, checkable=True)
            action.triggered.connect(lambda _checked=False, n=name: self.set_rate(n))
            self.rate_group.addAction(action)
            self.rate_actions[name] = action
        self.rate_actions[self.window.settings.speech_rate].setChecked(True)
        self.next_heading_action = QAction(host)
        self.next_heading_action.setShortcut(QKeySequence("Alt+Down"))
        self.next_heading_action.triggered.connect(lambda: self.outline.step(1))
        self.previous_heading_action = QAction(host)
        self.previous_heading_action.setShortcut(QKeySequence("Alt+Up"))
        self.previous_heading_action.triggered.connect(lambda: self.outline.step(-1))
        self.outline_action = QAction(host)
        self.outline_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.outline_action.triggered.connect(self._focus_outline)
        # Shortcuts work in counselling mode, when menus are hidden.
        self.window.action_registry.keep_shortcuts(*self._page_actions())

    def _page_actions(self) -> list[QAction]:
        return [
            self.read_action,
            self.stop_action,
            self.previous_action,
            self.next_action,
            self.next_heading_action,
            self.previous_heading_action,
            self.outline_action,
        ]

    def _create_bar(self) -> None:
        self.read_button = QToolButton()
        self.read_button.setDefaultAction(self.read_action)
        self.read_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.step_buttons = []
        for action in (self.previous_action, self.next_action, self.stop_action):
            button = QToolButton()
            button.setDefaultAction(action)
            self.step_buttons.append(button)
        self.rate_button = QToolButton()
        self.rate_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.rate_button.setMenu(QMenu(self.rate_button))
        self.rate_button.menu().addActions(list(self.rate_actions.values()))
        self.bar = PageBar(self.outline, [self.read_button, *self.step_buttons, self.rate_button])
        self.message_label = self.bar.message

    def add_to_menus(self) -> None:
        """View → Read aloud and the Go menu's section steps: after the first paint, behind the
        entries of side by side and counselling (:mod:`her2guide.ui.after_first_paint`); the
        shortcuts work before, from the window."""
        registry = self.window.action_registry
        registry.add_menu(VIEW_MENU, self.menu)
        headings = (self.outline_action, self.next_heading_action, self.previous_heading_action)
        registry.add(GO_MENU, *headings, separator=True)

    # -- texts ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.menu.setTitle(_("&Read aloud"))
        self.stop_action.setText(_("Stop reading"))
        self.previous_action.setText(_("Previous sentence"))
        self.next_action.setText(_("Next sentence"))
        for name, action in self.rate_actions.items():
            action.setText(_(RATE_LABELS[name]))
        self._show_rate()
        self.outline_action.setText(_("On this page…"))
        self.next_heading_action.setText(_("Next section"))
        self.previous_heading_action.setText(_("Previous section"))
        self.bar.setAccessibleName(_("Page tools"))
        self.outline.retranslate_ui()
        for button in self.step_buttons:
            button.setAccessibleName(button.defaultAction().text())
        self._on_state(self.reader.state)

    # -- behaviour -----------------------------------------------------------------------------

    def read_or_pause(self) -> None:
        """Starts reading the page, or pauses and resumes reading."""
        if self.reader.state == "idle":
            self.message_label.hide()
            self.reader.start(self.window.reader.page_html)
        else:
            self.reader.toggle_pause()

    def set_rate(self, name: str) -> None:
        self.reader.set_rate(name)
        self.window.settings.speech_rate = name
        self.rate_actions[name].setChecked(True)
        self._show_rate()

    def _show_rate(self) -> None:
        """The speed button names the speed in use; its menu offers the others."""
        rate = next(name for name, action in self.rate_actions.items() if action.isChecked())
        self.rate_button.setText(_("Speed"))  # short on the bar; the menu ticks the speed in use
        name = _("Reading speed: {speed}").format(speed=_(RATE_LABELS[rate]))
        self.rate_button.setAccessibleName(name)
        self.rate_button.setToolTip(name)

    def _fit_icons(self, _percent: int = 0) -> None:
        """The buttons' symbols grow with the text, as the toolbar's do."""
        side = QFontMetrics(QApplication.font()).height()  # the bar's own font follows later
        for button in (self.read_button, *self.step_buttons):
            button.setIconSize(QSize(side, side))

    def _focus_outline(self) -> None:
        self.outline.setFocus()
        self.outline.showPopup()

    def _on_state(self, state: str) -> None:
        style = self.window.host().style()
        if state == "reading":
            self.read_action.setText(_("Pause reading"))
            self.read_action.setIconText(_("Pause"))
            self.read_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPause))
        else:
            text = _("Resume reading") if state == "paused" else _("Read this page aloud")
            self.read_action.setText(text)
            self.read_action.setIconText(_("Resume") if state == "paused" else _("Read aloud"))
            self.read_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.read_action.setToolTip(self.read_action.text())
        self.read_button.setAccessibleName(self.read_action.text())
        active = state != "idle"
        for action in (self.stop_action, self.previous_action, self.next_action):
            action.setEnabled(active)

    def _on_location_shown(self, _location: object) -> None:
        self.reader.stop()
        self.message_label.hide()
        QTimer.singleShot(0, self.outline.refresh)  # after the page is laid out

    def _on_view_changed(self, _index: int) -> None:
        on_page = self.window.views.currentWidget() is self.window.reader
        self.bar.setVisible(on_page)
        box = self.bar.parentWidget()
        if box is not None and box.layout() is not None:
            box.layout().activate()  # the view gets the bar's room now, not at the next event
        if not on_page:
            self.reader.stop()

    def _tell(self, text: str) -> None:
        """Shown in the bar, under the button that was pressed, until the page changes."""
        self.bar.show_message(text)

"""The main window's actions, menus and toolbar: what the window offers and where, built once.

A mixin of :class:`~her2guide.ui.main_window.MainWindow` (its first part to be built), so that
the window's own module keeps to navigation, views and messages. Features add their actions
through the places registered here (:mod:`her2guide.ui.action_registry`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar, QToolButton

from her2guide.i18n import LANGUAGE_NAMES, LANGUAGES
from her2guide.settings import SCALE_STEP
from her2guide.ui.action_registry import FILE_MENU, GO_MENU, HELP_MENU, TOOLBAR, VIEW_MENU
from her2guide.ui.icons import TREATMENT_PATH, action_icon
from her2guide.ui.text_size_menu import TextSizeMenu
from her2guide.ui.window_events import WindowEvents

if TYPE_CHECKING:
    from her2guide.content.library import Library
    from her2guide.ui.action_registry import ActionRegistry
    from her2guide.ui.language import LanguageController

HOME_PAGE = "welcome"


class WindowChrome(WindowEvents):
    """Creates the window's actions, its menus and its toolbar, and registers their places.

    What the actions call is the window's own (declared here, defined by the window).
    """

    library: Library
    languages: LanguageController
    action_registry: ActionRegistry
    text_scale: int
    text_scale_changed: SignalInstance
    go_back: Callable[[], None]
    go_forward: Callable[[], None]
    open_page: Callable[..., None]
    show_timeline: Callable[..., None]
    set_text_scale: Callable[[int], None]

    def _create_actions(self) -> None:
        resources = self.library.resources
        self.back_action = QAction(self)
        self.back_action.setIcon(action_icon("go-previous", resources))
        self.back_action.setShortcut(QKeySequence.StandardKey.Back)
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = QAction(self)
        self.forward_action.setIcon(action_icon("go-next", resources))
        self.forward_action.setShortcut(QKeySequence.StandardKey.Forward)
        self.forward_action.triggered.connect(self.go_forward)
        self.home_action = QAction(self)
        self.home_action.setIcon(action_icon("go-home", resources))
        self.home_action.setShortcut(QKeySequence("Alt+Home"))
        self.home_action.triggered.connect(lambda: self.open_page(HOME_PAGE))

        self.switch_language_action = QAction(self)
        self.switch_language_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.switch_language_action.triggered.connect(self.languages.toggle)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], self, checkable=True)
            action.triggered.connect(
                lambda _checked=False, code=lang: self.languages.set_language(code)
            )
            self.language_group.addAction(action)
            self.language_actions[lang] = action

        self.zoom_in_action = QAction(self)
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_in_action.triggered.connect(
            lambda: self.set_text_scale(self.text_scale + SCALE_STEP)
        )
        self.zoom_out_action = QAction(self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(
            lambda: self.set_text_scale(self.text_scale - SCALE_STEP)
        )
        self.zoom_reset_action = QAction(self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.triggered.connect(lambda: self.set_text_scale(100))

        self.timeline_action = QAction(self)
        self.timeline_action.setIcon(action_icon(TREATMENT_PATH, resources))
        self.timeline_action.setShortcut(QKeySequence("Ctrl+T"))
        self.timeline_action.triggered.connect(lambda: self.show_timeline())

        self.about_action = QAction(self)
        self.about_action.setIcon(action_icon("help-about", resources))
        self.about_action.triggered.connect(lambda: self.open_page("about"))
        self.quit_action = QAction(self)
        self.quit_action.setIcon(action_icon("application-exit", resources))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.language_menu.addSeparator()
        self.language_menu.addAction(self.switch_language_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.timeline_action)
        self.view_menu.addSeparator()
        self.text_size_menu = TextSizeMenu(
            (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action),
            self.set_text_scale,
            self.view_menu,
        )
        self.view_menu.addMenu(self.text_size_menu)
        self.text_scale_changed.connect(self.text_size_menu.show_scale)
        self.go_menu = bar.addMenu("")
        for action in (self.back_action, self.forward_action, self.home_action):
            self.go_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.back_action, self.forward_action, self.home_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.timeline_action)
        self.toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.language_button = QToolButton(self.toolbar)
        self.language_button.setDefaultAction(self.switch_language_action)
        self.language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.language_button)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _register_places(self) -> None:
        """The places features add to (see :mod:`her2guide.ui.action_registry`)."""
        registry = self.action_registry
        for name, holder in (
            (FILE_MENU, self.file_menu),
            (VIEW_MENU, self.view_menu),
            (GO_MENU, self.go_menu),
            (HELP_MENU, self.help_menu),
            (TOOLBAR, self.toolbar),
        ):
            registry.add_place(name, holder)
        for action_id, action in (
            ("quit", self.quit_action),
            ("zoom-in", self.zoom_in_action),
            ("zoom-out", self.zoom_out_action),
            ("switch-language", self.switch_language_action),
        ):
            registry.register(action_id, action)

"""Themes and keyboard help, fitted into the main window in one place.

The main window creates one :class:`AccessTools` with the theme controller it made before its
first widget (a style or palette set later polishes every widget again). It offers the colour
theme (View → Theme), keeps the reader's page in the theme's colours, adds Help → Keyboard
shortcuts and puts the tab order in reading order: toolbar, contents, page.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon
from PySide6.QtWidgets import QToolBar, QWidget

from her2guide import themes
from her2guide.i18n import _
from her2guide.themes import Theme
from her2guide.ui.action_registry import HELP_MENU, TOOLBAR, VIEW_MENU
from her2guide.ui.retranslate import retranslate_on_language_change
from her2guide.ui.theming import tinted_icon

if TYPE_CHECKING:
    from her2guide.ui.shortcuts_dialog import ShortcutsDialog
    from her2guide.ui.theming import ThemeController
    from her2guide.ui.window_api import WindowApi


class AccessTools(QObject):
    """Owns the theme controller, the Theme menu and the keyboard-shortcuts dialog."""

    def __init__(self, window: WindowApi, theme_controller: ThemeController) -> None:
        super().__init__(window.host())
        self.window = window
        host = window.host()
        registry = window.action_registry
        self.themes = theme_controller
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for choice in themes.CHOICES:
            action = QAction(host, checkable=True)
            action.setData(choice)
            action.triggered.connect(lambda _checked=False, c=choice: self.themes.set_choice(c))
            self.theme_group.addAction(action)
            self.theme_actions[choice] = action
        self.theme_actions[self.themes.choice].setChecked(True)
        self.theme_menu = registry.add_menu(VIEW_MENU)
        self.theme_menu.addAction(self.theme_actions[themes.SYSTEM])
        self.theme_menu.addSeparator()
        for choice in themes.CHOICES[1:]:
            self.theme_menu.addAction(self.theme_actions[choice])

        self.shortcuts_action = QAction(host)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        registry.add(HELP_MENU, self.shortcuts_action, before=registry.first(HELP_MENU))
        self.shortcuts_dialog: ShortcutsDialog | None = None

        self._icons: dict[QAction, QIcon] = {}
        self.themes.theme_changed.connect(self._on_theme_changed)
        self.themes.choice_changed.connect(self._on_choice_changed)
        window.reader.set_theme(self.themes.theme)
        window.shown.connect(self._on_shown)
        retranslate_on_language_change(host, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.theme_menu.setTitle(_("&Theme"))
        for choice, action in self.theme_actions.items():
            action.setText(_(themes.CHOICE_LABELS[choice]))
        self.shortcuts_action.setText(_("&Keyboard shortcuts"))

    def _on_shown(self) -> None:
        self.set_reading_tab_order()
        self._tint_icons(self.themes.theme)
        focused = self.window.host().focusWidget()
        if focused is None or self._toolbar().isAncestorOf(focused):
            self.window.contents.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_shortcuts(self) -> None:
        """Opens the list of shortcuts, read afresh from the window's actions."""
        if self.shortcuts_dialog is None:
            from her2guide.ui.shortcuts_dialog import ShortcutsDialog  # built when first asked

            self.shortcuts_dialog = ShortcutsDialog(self.window.host())
        self.shortcuts_dialog.set_text_scale(self.window.text_scale)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        self.shortcuts_dialog.activateWindow()

    def set_reading_tab_order(self) -> None:
        """Tab goes through the toolbar from left to right, then the contents, then what stands
        above the page (its bar), then the page: the order in which the window is read. Done
        when the window is shown, so that every feature's controls are there."""
        toolbar = self._toolbar()
        in_toolbar = [toolbar.widgetForAction(action) for action in toolbar.actions()]
        reader = self.window.reader
        host = self.window.host()
        above_page = [
            widget
            for widget in _focus_candidates(self.window.views.parentWidget())
            if not self.window.views.isAncestorOf(widget)
            and widget.mapTo(host, widget.rect().bottomLeft()).y()
            <= reader.mapTo(host, reader.rect().topLeft()).y()
        ]
        above_page.sort(key=lambda w: _reading_place(w.mapTo(host, w.rect().topLeft())))
        chain = [*_tab_focusable(in_toolbar), self.window.contents, *above_page, reader]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _toolbar(self) -> QToolBar:
        toolbar = self.window.action_registry.place(TOOLBAR)
        assert isinstance(toolbar, QToolBar)
        return toolbar

    def _on_choice_changed(self, choice: str) -> None:
        self.theme_actions[choice].setChecked(True)

    def _on_theme_changed(self, theme: Theme) -> None:
        self.window.reader.set_theme(theme)
        self._tint_icons(theme)

    def _tint_icons(self, theme: Theme) -> None:
        """Toolbar icons in the theme's text colour on dark themes, their own colours on light."""
        for action in self._toolbar().actions():
            if action not in self._icons and not action.icon().isNull():
                self._icons[action] = action.icon()
        ink = QColor(theme.palette["ButtonText"])
        for action, icon in self._icons.items():
            action.setIcon(tinted_icon(icon, ink) if theme.dark else icon)


def _tab_focusable(widgets: list[QWidget | None]) -> list[QWidget]:
    return [
        widget
        for widget in widgets
        if widget is not None
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not widget.isHidden()
    ]


def _focus_candidates(root: QWidget | None) -> list[QWidget]:
    """The widgets under ``root`` that Tab can reach."""
    return [] if root is None else _tab_focusable(root.findChildren(QWidget))


def _reading_place(corner: QPoint) -> tuple[int, int]:
    """Top to bottom, then left to right."""
    return corner.y(), corner.x()

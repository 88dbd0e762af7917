"""Named places in the window's menus and toolbar, where features put their actions.

A feature asks for a place by name ("view", "help", …) instead of reaching for the window's
menu objects, so the window can arrange its menus without changing its features. Actions that
other features trigger (the zoom and language actions the counselling bar repeats) are
registered by id.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

FILE_MENU = "file"
VIEW_MENU = "view"
GO_MENU = "go"
HELP_MENU = "help"
TOOLBAR = "toolbar"


class ActionRegistry:
    """The window's places for actions, and its actions by id.

    ``owner`` is the window: actions given to :meth:`keep_shortcuts` work there even while the
    menus that hold them are hidden (counselling mode).
    """

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._places: dict[str, QMenu | QToolBar] = {}
        self._actions: dict[str, QAction] = {}

    def add_place(self, name: str, holder: QMenu | QToolBar) -> None:
        self._places[name] = holder

    def register(self, action_id: str, action: QAction) -> QAction:
        self._actions[action_id] = action
        return action

    def place(self, name: str) -> QMenu | QToolBar:
        """The menu or toolbar behind a place, for what reads it as a whole (the tab order
        through the toolbar, its icons' tint)."""
        return self._places[name]

    def action(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def first(self, place: str) -> QAction | None:
        """The first entry of a place: what goes "at the top" goes before it."""
        return next(iter(self._places[place].actions()), None)

    def add(
        self,
        place: str,
        *actions: QAction,
        before: QAction | None = None,
        separator: bool = False,
    ) -> None:
        """Adds ``actions`` to ``place`` (before ``before``, else at its end), after a separator
        when ``separator``."""
        if separator:
            self.add_separator(place, before=before)
        holder = self._places[place]
        for action in actions:
            if before is None:
                holder.addAction(action)
            else:
                holder.insertAction(before, action)

    def add_separator(self, place: str, *, before: QAction | None = None) -> None:
        holder = self._places[place]
        if before is None:
            holder.addSeparator()
        else:
            holder.insertSeparator(before)

    def add_menu(self, place: str, menu: QMenu | None = None) -> QMenu:
        """A submenu (``menu``, else a new one) at the end of a menu place; its title is set by
        the feature."""
        holder = self._places[place]
        assert isinstance(holder, QMenu)
        if menu is None:
            return holder.addMenu("")
        holder.addMenu(menu)
        return menu

    def add_widget(self, place: str, widget: QWidget) -> None:
        """A widget (a field, a button) at the end of a toolbar place."""
        holder = self._places[place]
        assert isinstance(holder, QToolBar)
        holder.addWidget(widget)

    def keep_shortcuts(self, *actions: QAction) -> None:
        self._owner.addActions(list(actions))

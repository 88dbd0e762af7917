"""Help → Keyboard shortcuts: every key the app answers to, in the current language.

The list is read from the window's menus and actions each time it is shown, so it cannot go
stale when an action or a shortcut is added; the keys of the painted timeline (which are not
actions) come from the widget's own key constants.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from her2guide.i18n import N_, _, window_title
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.screen_fit import fit_window, keep_on_screen
from her2guide.ui.timeline_widget import YOU_ARE_HERE_KEY

BASE_POINT_SIZE = 11.0

_MOVING = (
    (N_("Next control, or next link in a page"), "Tab"),
    (N_("Previous control, or previous link in a page"), "Shift+Tab"),
    (N_("Follow the selected link, or open the selected page"), "Return"),
    (N_("Open the menu of the selected item"), "Shift+F10"),
)
_TIMELINE = (
    (N_("Previous or next stage"), "Left, Right"),
    (N_("Previous or next treatment of a stage"), "Up, Down"),
    (N_("First or last stage"), "Home, End"),
    (N_("Show the details"), "Return"),
)


@dataclass(frozen=True)
class ShortcutGroup:
    """A heading (a menu's title) and its rows of (what it does, keys)."""

    title: str
    rows: tuple[tuple[str, str], ...]


def plain(text: str) -> str:
    """A menu text without its mnemonic marker ("&File" → "File", "&&" → "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_text(sequences: list[QKeySequence]) -> str:
    """Key sequences as the reader's keyboard labels them, in the current language."""
    return _(" or ").join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText) for sequence in sequences
    )


def _native(portable: str) -> str:
    return ", ".join(
        QKeySequence(key.strip()).toString(QKeySequence.SequenceFormat.NativeText)
        for key in portable.split(",")
    )


def shortcut_groups(window: QMainWindow) -> list[ShortcutGroup]:
    """The window's menus with the actions that have shortcuts, then the keys that work
    inside the views."""
    groups: list[ShortcutGroup] = []
    listed: set[QAction] = set()
    menu_rows: list[tuple[str, str]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu) or not top.isVisible():
            continue
        title = plain(top.text())
        mnemonic = QKeySequence.mnemonic(top.text())
        if not mnemonic.isEmpty():
            opens = _("Open the menu “{menu}”").format(menu=title)
            menu_rows.append((opens, keys_text([mnemonic])))
        rows = _action_rows(menu, listed)
        if rows:
            groups.append(ShortcutGroup(title, tuple(rows)))
    others = [
        action
        for action in window.findChildren(QAction)
        if action not in listed and action.shortcuts() and action.isVisible()
    ]
    if others:
        rows = [(plain(action.text()), keys_text(action.shortcuts())) for action in others]
        groups.append(ShortcutGroup(_("Other"), tuple(rows)))
    moving = [(_(text), _native(keys)) for text, keys in _MOVING]
    groups.append(ShortcutGroup(_("Moving around"), tuple(moving + menu_rows)))
    here = QKeySequence(YOU_ARE_HERE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
    timeline = [(_(text), _native(keys)) for text, keys in _TIMELINE]
    timeline.append((_("Mark or clear “you are here”"), here))
    groups.append(ShortcutGroup(_("In the treatment path"), tuple(timeline)))
    return groups


def _action_rows(menu: QMenu, listed: set[QAction]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows += _action_rows(submenu, listed)
        elif action.shortcuts() and action.isVisible():
            listed.add(action)
            rows.append((plain(action.text()), keys_text(action.shortcuts())))
    return rows


class ShortcutsDialog(Retranslating, QDialog):
    """The keyboard shortcuts of ``window``, grouped by menu; rebuilt on a language switch."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self._window = window
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self._factor = 1.0
        keep_on_screen(self, self.wanted_size)
        self.retranslate_ui()

    def wanted_size(self) -> QSize:
        """Larger with the text; on a small screen the list scrolls above the Close button."""
        return QSize(round(640 * self._factor), round(560 * self._factor))

    def set_text_scale(self, percent: int) -> None:
        """Text as large as the reader chose for the pages, never smaller than normal."""
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * max(100, percent) / 100)
        self.setFont(font)
        self._fill()
        self._factor = max(1.0, percent / 100)
        fit_window(self, self.wanted_size())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("Keyboard shortcuts")))
        self.tree.setHeaderLabels([_("What it does"), _("Keys")])
        self.tree.setAccessibleName(_("Keyboard shortcuts"))
        self.tree.setAccessibleDescription(_("Each row: what a key does, then the key"))
        self._fill()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the dialog shows: (group, what it does, keys) for every row."""
        found = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for row in range(group.childCount()):
                item = group.child(row)
                found.append((group.text(0), item.text(0), item.text(1)))
        return found

    def _fill(self) -> None:
        self.tree.clear()
        for group in shortcut_groups(self._window):
            heading = QTreeWidgetItem(self.tree, [group.title])
            bold = QFont(self.tree.font())
            bold.setBold(True)
            heading.setFont(0, bold)
            heading.setFirstColumnSpanned(True)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, keys in group.rows:
                QTreeWidgetItem(heading, [text, keys])
        self.tree.expandAll()
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))

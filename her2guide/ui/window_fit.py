"""The main window reflows instead of overflowing the screen.

The main window creates one :class:`WindowFit`, after the other tools. It

- adds View → Contents (F9): the contents pane can be hidden and shown, and the choice is
  remembered; the pane also folds away by itself while the page would be narrower than
  :data:`READING_CHARACTERS` characters, and comes back when there is room again;
- keeps the side panels (glossary, my questions) in one dock as tabs, a readable width and never
  wider than :data:`DOCK_SHARE` of the window, so that opening one never widens the window;
- shows the toolbar's Back, Forward and Home as icons only when their labels would not fit
  (the labels stay in tooltips, accessible names and the Go menu);
- keeps the window inside the available geometry of its screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from her2guide.i18n import _
from her2guide.ui.retranslate import retranslate_on_language_change
from her2guide.ui.screen_fit import move_inside, room_for
from her2guide.ui.side_dock import SideDock

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QTextBrowser

    from her2guide.settings import Settings

READING_CHARACTERS = 45
"""Below this many characters a line the page is hard to read: the contents give way."""
DOCK_CHARACTERS = 26
"""A side panel's width in characters of its own font when it opens."""
DOCK_SHARE = 0.4
"""A side panel takes at most this share of the window."""
CONTENTS_SHORTCUT = "F9"
QWIDGETSIZE_MAX = (1 << 24) - 1
SMALLEST_ICON = 16
LARGEST_ICON = 40
TOOLBAR_SLACK = 8
"""Pixels the toolbar's own margins take beyond the sum of its items."""


@dataclass(frozen=True)
class WindowParts:
    """The parts of the main window that fitting arranges; the window gives them, since it
    owns them (fitting is the window's own business, not a feature's)."""

    settings: Settings
    contents: QWidget
    reader: QTextBrowser
    views: QStackedWidget
    view_menu: QMenu
    toolbar: QToolBar
    navigation: tuple[QAction, ...]
    """Back, forward, home: the toolbar's buttons that stay when it gets narrow."""
    care_toolbar: QToolBar
    care_button: QWidget
    search_box: QWidget
    glossary_dock: SideDock
    question_dock: SideDock
    text_scale_changed: SignalInstance
    shown: SignalInstance
    resized: SignalInstance
    counselling_active: Callable[[], bool]


class WindowFit(QObject):
    """Owns View → Contents and keeps the window's parts within the window and the screen."""

    def __init__(self, window: QMainWindow, parts: WindowParts, splitter: QSplitter) -> None:
        super().__init__(window)
        self.window = window
        self.parts = parts
        self.splitter = splitter
        self.contents_folded = False
        self._pending = False
        self._width_before = 0
        self._in_counselling = False
        self._font_pending: set[QObject] = set()
        self._policies: dict[QWidget, QSizePolicy.Policy] = {}

        self.contents_action = QAction(window, checkable=True)
        self.contents_action.setShortcut(QKeySequence(CONTENTS_SHORTCUT))
        self.contents_action.setChecked(self.parts.settings.contents_visible)
        self.contents_action.toggled.connect(self._on_contents_toggled)
        self.parts.contents.setVisible(self.contents_action.isChecked())
        first = next(iter(self.parts.view_menu.actions()), None)
        self.parts.view_menu.insertAction(first, self.contents_action)
        self.parts.view_menu.insertSeparator(first)

        self.docks = [self.parts.glossary_dock, self.parts.question_dock]
        window.tabifyDockWidget(*self.docks)
        for dock in self.docks:
            dock.toggleViewAction().toggled.connect(
                lambda checked, d=dock: self._before_dock_opens(d) if checked else None
            )
            dock.toggleViewAction().triggered.connect(
                lambda checked, d=dock: d.raise_() if checked else None
            )
            dock.visibilityChanged.connect(
                lambda visible, d=dock: self._on_dock_visibility(d, visible)
            )
            dock.installEventFilter(self)
        self.parts.text_scale_changed.connect(lambda _percent: self._on_text_scale_changed())
        self.parts.views.currentChanged.connect(lambda _index: self._only_current_view_counts())
        self._only_current_view_counts()
        self.parts.shown.connect(self.schedule)
        self.parts.resized.connect(self.schedule)
        retranslate_on_language_change(window, self._on_language_changed)
        self.retranslate_ui()
        self.reflow()

    def retranslate_ui(self) -> None:
        self.contents_action.setText(_("Contents"))
        self.contents_action.setToolTip(_("Show or hide the contents beside the page"))

    def _on_language_changed(self) -> None:
        self.retranslate_ui()
        self._name_dock_tabs()
        self.schedule()  # the new words may be longer

    def schedule(self) -> None:
        """Reflows once the current round of events is done (many changes come together)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.reflow)

    def reflow(self) -> None:
        self._pending = False
        if not isValid(self.window):
            return
        self._name_dock_tabs()
        self._fit_toolbar()
        self._fold_contents()
        if self._width_before and self.window.width() > self._width_before:
            self.window.resize(self._width_before, self.window.height())
        self._width_before = 0
        self._keep_on_screen()

    # -- the contents pane ---------------------------------------------------------------------

    def _on_contents_toggled(self, visible: bool) -> None:
        self.parts.settings.contents_visible = visible
        self.contents_folded = False
        if not self.parts.counselling_active():
            self.parts.contents.setVisible(visible)
        if visible:
            self._keep_on_screen()

    def reading_width(self) -> int:
        """The least width of the page for :data:`READING_CHARACTERS` characters a line."""
        reader = self.parts.reader
        metrics = QFontMetrics(reader.document().defaultFont())
        margin = 2 * round(reader.document().documentMargin())
        scroll_bar = reader.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return READING_CHARACTERS * metrics.averageCharWidth() + margin + scroll_bar

    def _before_dock_opens(self, dock: SideDock) -> None:
        """Folds the contents before Qt shows the panel, so that the window need not grow; if
        it grows all the same (a panel wider than the room), the next reflow takes it back."""
        self._width_before = self.window.width()
        self._fold_contents(opening=dock)

    def _central_width(self, opening: SideDock | None = None) -> int:
        """The width the page and the contents share: the window's less the side panels'
        (a group of tabs once per side). Worked out from the window, not the splitter, so that
        it is right before Qt has laid out a panel being opened, or a window not shown yet."""
        widest: dict[Qt.DockWidgetArea, int] = {}
        for dock in self.docks:
            if dock.isFloating() or (dock.isHidden() and dock is not opening):
                continue
            area = self.window.dockWidgetArea(dock)
            width = dock.width() if dock.isVisible() else self.dock_width(dock)
            widest[area] = max(widest.get(area, 0), width)
        return self.window.width() - sum(widest.values())

    def _fold_contents(self, opening: SideDock | None = None) -> None:
        """Hides the contents while the page would be too narrow beside them; the reader's own
        choice (the action) stays as it is."""
        if self.parts.counselling_active() or not self.contents_action.isChecked():
            return
        contents = self.parts.contents
        beside = max(contents.minimumWidth(), contents.sizeHint().width())
        room = self._central_width(opening) - beside - self.splitter.handleWidth()
        fold = room < self.reading_width()
        if fold != self.contents_folded or contents.isVisible() == fold:
            self.contents_folded = fold
            contents.setVisible(not fold)

    def _only_current_view_counts(self) -> None:
        """A view not shown (the treatment path behind the page) does not make the window
        wider: only the current view's width counts in the layout."""
        views = self.parts.views
        for index in range(views.count()):
            view = views.widget(index)
            policy = view.sizePolicy()
            if view is views.currentWidget():
                wanted = self._policies.setdefault(view, policy.horizontalPolicy())
            else:
                self._policies.setdefault(view, policy.horizontalPolicy())
                wanted = QSizePolicy.Policy.Ignored
            if policy.horizontalPolicy() != wanted:
                policy.setHorizontalPolicy(wanted)
                view.setSizePolicy(policy)

    # -- side panels ---------------------------------------------------------------------------

    def _on_text_scale_changed(self) -> None:
        """Leaving counselling mode gives the panels their width for the reader's own text size
        once their fonts have changed (see :meth:`eventFilter`): a panel opened in the mode was
        made wide for its larger text and targets, and the window keeps a dock area's width."""
        counselling = self.parts.counselling_active()
        leaving = self._in_counselling and not counselling
        self._font_pending = set(self.docks) if leaving else set()
        self._in_counselling = counselling
        self.schedule()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self._font_pending and event.type() == QEvent.Type.FontChange:
            self._font_pending.discard(watched)
            if not self._font_pending:  # every panel has its new font: fitted before a paint
                self._fit_docks_after_counselling()
        return super().eventFilter(watched, event)

    def _fit_docks_after_counselling(self) -> None:
        for dock in self.docks:
            if dock.isVisible() and not dock.isFloating():
                width = self.dock_width(dock)
                self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        self.window.layout().activate()  # laid out now, before the next paint

    def _name_dock_tabs(self) -> None:
        """The tabs Qt makes for the shared dock get a name a screen reader can say, and are
        in the Tab chain only while there are two panels to choose from."""
        for tabs in self.window.findChildren(
            QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            tabs.setAccessibleName(_("Side panels"))
            shared = tabs.count() > 1
            tabs.setFocusPolicy(Qt.FocusPolicy.TabFocus if shared else Qt.FocusPolicy.NoFocus)

    def _on_dock_visibility(self, dock: SideDock, visible: bool) -> None:
        if not isValid(self.window):  # the docks hide while the window is being destroyed
            return
        self._name_dock_tabs()
        self._fold_contents()  # now, before the opened panel can make the window wider
        if visible and not dock.isFloating():
            self.window.resizeDocks([dock], [self.dock_width(dock)], Qt.Orientation.Horizontal)
        self.schedule()

    def dock_width(self, dock: SideDock) -> int:
        """Wide enough for :data:`DOCK_CHARACTERS` characters, at most :data:`DOCK_SHARE`."""
        widget = dock.panel()
        wanted = DOCK_CHARACTERS * QFontMetrics(widget.font()).averageCharWidth() + 40
        share = round(self.window.width() * DOCK_SHARE)
        return max(widget.minimumSizeHint().width(), min(wanted, share))

    # -- toolbar and screen --------------------------------------------------------------------

    def _fit_toolbar(self) -> None:
        """One line when it fits. Otherwise Back, Forward and Home lose their labels; if that is
        not enough, the search field and the care-team button go to a line of their own, so
        that both stay whole and usable and the main toolbar has the window's width. What
        still does not fit goes into the toolbar's » menu; every toolbar action is in the
        menus too.

        The widths are worked out with the field at its least width wherever it is now, so the
        outcome depends on the window's width alone: a second fit moves nothing."""
        window = self.window
        toolbar = self.parts.toolbar
        care = self.parts.care_toolbar
        icon = max(SMALLEST_ICON, min(LARGEST_ICON, round(toolbar.fontMetrics().height() * 0.8)))
        toolbar.setIconSize(QSize(icon, icon))  # icons as large as the labels beside them
        box = self.parts.search_box
        search = self._search_action()
        field = max(box.sizeHint().width(), box.minimumWidth()) + toolbar.layout().spacing()
        inside = field if search in toolbar.actions() else 0
        buttons = [toolbar.widgetForAction(action) for action in self.parts.navigation]
        width = window.width()
        one_line = True
        without_field: dict[Qt.ToolButtonStyle, int] = {}
        for style in (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon,
            Qt.ToolButtonStyle.ToolButtonIconOnly,
        ):
            _set_style(toolbar, buttons, style)
            without_field[style] = toolbar.sizeHint().width() - inside
            one_line = without_field[style] + field + care.minimumWidth() <= width
            if one_line:
                break
        longest = QWIDGETSIZE_MAX
        if not one_line:
            labelled = without_field[Qt.ToolButtonStyle.ToolButtonTextBesideIcon] <= width
            if labelled:
                _set_style(toolbar, buttons, Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            room = width - care.minimumWidth() - TOOLBAR_SLACK
            longest = max(box.minimumSizeHint().width(), room)
        if box.maximumWidth() != longest:
            box.setMaximumWidth(longest)
        self._put_search(search, toolbar if one_line else care)
        if window.toolBarBreak(care) == one_line:
            if one_line:
                window.removeToolBarBreak(care)
            else:
                window.insertToolBarBreak(care)

    def _search_action(self) -> QAction:
        """The toolbar entry that holds the search field (in whichever toolbar it is)."""
        box = self.parts.search_box
        for toolbar in (self.parts.toolbar, self.parts.care_toolbar):
            for action in toolbar.actions():
                if toolbar.widgetForAction(action) is box:
                    return action
        raise LookupError("the search field is in no toolbar")

    def _put_search(self, action: QAction, target: QToolBar) -> None:
        """At the end of the main toolbar, or just before the care-team button."""
        if action in target.actions():
            return
        source = self.parts.care_toolbar if target is self.parts.toolbar else self.parts.toolbar
        source.removeAction(action)
        if target is self.parts.toolbar:
            target.addAction(action)
        else:
            care_button = next(
                a for a in target.actions() if target.widgetForAction(a) is self.parts.care_button
            )
            target.insertAction(care_button, action)
        self.parts.search_box.show()

    def _keep_on_screen(self) -> None:
        """A window that grew past its screen (a panel opened) is brought back inside."""
        window = self.window
        if window.isMaximized() or window.isFullScreen() or not window.isVisible():
            return
        room = room_for(window)
        if window.width() > room.width() or window.height() > room.height():
            window.resize(window.size().boundedTo(room))
        move_inside(window)


def _set_style(toolbar: QToolBar, buttons: list[QToolButton], style: Qt.ToolButtonStyle) -> None:
    """Gives ``buttons`` ``style``; the toolbar's size hint then counts their new widths even
    before the window is shown (a hidden button does not tell the toolbar it changed)."""
    if all(button.toolButtonStyle() == style for button in buttons):
        return
    for button in buttons:
        button.setToolButtonStyle(style)
    toolbar.layout().invalidate()

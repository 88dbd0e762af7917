"""What the main window offers its features: the one interface they are given.

Features (access, care, counselling, search, side by side, reading tools) receive a
:class:`WindowApi`, never the window class, so that a change inside the window does not ripple
into every feature, and no feature module imports ``main_window``. The window satisfies it
structurally (a :class:`typing.Protocol`); tests may hand a feature anything that does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QMainWindow, QWidget

    from her2guide.compose import ViewOptions
    from her2guide.content.library import Library
    from her2guide.content.model import LanguageContent
    from her2guide.navigation import Location
    from her2guide.settings import Settings
    from her2guide.ui.action_registry import ActionRegistry
    from her2guide.ui.contents_tree import ContentsTree
    from her2guide.ui.language import LanguageController
    from her2guide.ui.reader import ReaderView
    from her2guide.ui.timeline_view import TimelineView
    from her2guide.ui.view_stack import ViewStack


class WindowApi(Protocol):
    """The window as its features see it.

    Signals (Qt signals of the window):
        location_shown(Location): a page or the treatment path was just shown.
        text_scale_changed(int): the text size now shown, in percent.
        shown(): the window is being shown.
    """

    @property
    def location_shown(self) -> SignalInstance: ...

    @property
    def shown(self) -> SignalInstance: ...

    @property
    def text_scale_changed(self) -> SignalInstance: ...

    # -- what the window holds -----------------------------------------------------------------

    def host(self) -> QMainWindow:
        """The window as a Qt widget: the parent of a feature's actions, dialogs, toolbars and
        docks, and where its events (language change, show, close) are watched."""
        ...

    @property
    def action_registry(self) -> ActionRegistry: ...

    @property
    def library(self) -> Library: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def languages(self) -> LanguageController: ...

    @property
    def content(self) -> LanguageContent:
        """The content of the current language."""
        ...

    @property
    def current_location(self) -> Location | None: ...

    @property
    def current_page(self) -> str | None: ...

    @property
    def text_scale(self) -> int: ...

    @property
    def reader(self) -> ReaderView: ...

    @property
    def views(self) -> ViewStack:
        """The stack of views in the centre (reader, treatment path, side by side)."""
        ...

    @property
    def contents(self) -> ContentsTree: ...

    @property
    def timeline_view(self) -> TimelineView | None:
        """The treatment path's view, once it has been shown."""
        ...

    # -- what the window does ------------------------------------------------------------------

    def add_above_pages(self, widget: QWidget) -> None: ...

    def add_below_pages(self, widget: QWidget) -> None: ...

    def open_page(self, page_id: str, fragment: str = "") -> None: ...

    def show_timeline(self, target: str = "") -> None: ...

    def refresh_page(self) -> None: ...

    def apply_region(self) -> None: ...

    def set_text_scale(self, percent: int) -> None: ...

    def show_status(self, message: str, timeout_ms: int = 0) -> None: ...

    def view_options(self, lang: str, page_id: str) -> ViewOptions: ...

    def set_teach_back(self, on: bool) -> None: ...

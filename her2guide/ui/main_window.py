"""The main window: contents on the left, the page on the right, menus and a toolbar."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from her2guide.care_card import CARD_PAGE, with_clinic_box
from her2guide.compose import ViewedPage, ViewOptions, teach_back_for
from her2guide.content.library import Library
from her2guide.content.model import LanguageContent
from her2guide.i18n import LANGUAGE_NAMES, LANGUAGES, _, ngettext, window_title
from her2guide.navigation import History, Location
from her2guide.settings import MAX_SCALE, MIN_SCALE, Settings
from her2guide.ui.access_tools import AccessTools
from her2guide.ui.action_registry import ActionRegistry
from her2guide.ui.after_first_paint import BuiltAfterFirstPaint
from her2guide.ui.app_text_size import apply_app_text_scale
from her2guide.ui.care_tools import CareTools
from her2guide.ui.contents_tree import ContentsTree
from her2guide.ui.language import LanguageController
from her2guide.ui.reader import ReaderView
from her2guide.ui.reading_tools import ReadingTools
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.screen_fit import can_save_geometry, restore_or_fit
from her2guide.ui.search_tools import SearchTools
from her2guide.ui.theming import ThemeController
from her2guide.ui.view_stack import ViewStack
from her2guide.ui.window_chrome import HOME_PAGE, WindowChrome
from her2guide.ui.window_fit import WindowFit, WindowParts

if TYPE_CHECKING:
    from her2guide.timeline.living_with import LivingWithData
    from her2guide.timeline.model import Timeline
    from her2guide.ui.timeline_view import TimelineView


class MainWindow(Retranslating, WindowChrome, BuiltAfterFirstPaint, QMainWindow):
    """Shows one place at a time (a page) and keeps the history, language and text size.

    Signals:
        location_shown(Location): a page or the timeline was just shown (also after a language
            switch), for the parts that add to what is shown.
        text_scale_changed(int): the text size now shown, in percent; panels follow it.
    """

    location_shown = Signal(object)
    text_scale_changed = Signal(int)

    def __init__(
        self,
        library: Library,
        settings: Settings,
        languages: LanguageController,
        *,
        start_page: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.library.region = settings.region
        self.settings = settings
        self.languages = languages
        self.history = History()
        self.text_scale = settings.text_scale
        self._teach_back = False
        self.timeline_view: TimelineView | None = None
        self._timelines: dict[str, Timeline | None] = {}
        self._living: dict[str, LivingWithData | None] = {}
        # The theme's style and palette first: set after the widgets, they would polish them all
        # again.
        themes = ThemeController(settings, self)

        self.contents = ContentsTree()
        self.reader = ReaderView(library.resources)
        self.views = ViewStack()
        self.views.addWidget(self.reader)
        # The views, with the bars features put above and below them (page bar, find bar).
        self.page_area = QWidget()
        self.page_area.setSizePolicy(self.views.sizePolicy())
        page_layout = QVBoxLayout(self.page_area)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.views, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.page_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 860])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.action_registry = ActionRegistry(self)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._register_places()
        self.search_tools = SearchTools(self)
        self.care_tools = CareTools(self)
        self.access_tools = AccessTools(self, themes)
        self.reading_tools = ReadingTools(self)
        self._build_the_rest_later()
        self.contents.page_chosen.connect(self.open_page)
        self.reader.page_requested.connect(self.search_tools.follow_link)
        self.reader.timeline_requested.connect(self.show_timeline)
        self.reader.external_link_requested.connect(self._confirm_external_link)
        self.reader.broken_link.connect(self._report_broken_link)
        self.languages.language_changed.connect(self._on_language_changed)
        self.location_shown.connect(self._render_other_language_soon)

        # Styles, size, text size and labels before the first fit, which then holds when shown.
        self.ensurePolished()
        restore_or_fit(self, settings.geometry)
        self._apply_text_scale()
        self.retranslate_ui()
        self.window_fit = WindowFit(self, self._fitted_parts(), splitter)
        self.contents.show_content(self.content)
        self.open_page(self._first_page(start_page))
        self._report_content_problems()
        if settings.recovered_from is not None:
            QTimer.singleShot(0, self._tell_settings_recovered)

    def _render_other_language_soon(self, _location: Location) -> None:
        """Lays out the page shown in the other language when the window is idle, so that a
        language switch only has to show it."""
        self.reader.prepare_later(self._other_language_page)

    def _other_language_page(self) -> ViewedPage | None:
        """The page shown, in the other language; only once that language's content has been
        read (the search index worker reads it after start-up)."""
        location = self.history.current
        other = next(lang for lang in LANGUAGES if lang != self.languages.language)
        if location is None or location.kind != "page" or not self.library.is_loaded(other):
            return None
        return self._viewed_page(location.target, other)

    # -- state ---------------------------------------------------------------------------------

    def host(self) -> QMainWindow:
        return self

    @property
    def current_location(self) -> Location | None:
        return self.history.current

    def add_above_pages(self, widget: QWidget) -> None:
        """A bar across the top of the page area, above every view (the page bar)."""
        layout = self.page_area.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.views), widget)

    def add_below_pages(self, widget: QWidget) -> None:
        """A bar across the bottom of the page area, below every view (the find bar)."""
        layout = self.page_area.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(widget)

    @property
    def content(self) -> LanguageContent:
        return self.library.language(self.languages.language)

    @property
    def current_page(self) -> str | None:
        location = self.history.current
        return location.target if location and location.kind == "page" else None

    def _first_page(self, requested: str | None) -> str:
        pages = self.content.pages
        for candidate in (requested, self.settings.last_page, HOME_PAGE):
            if candidate and candidate in pages:
                return candidate
        first = self.content.first_page()
        return first.id if first else HOME_PAGE

    def _fitted_parts(self) -> WindowParts:
        return WindowParts(
            settings=self.settings,
            contents=self.contents,
            reader=self.reader,
            views=self.views,
            view_menu=self.view_menu,
            toolbar=self.toolbar,
            navigation=(self.back_action, self.forward_action, self.home_action),
            care_toolbar=self.care_tools.care_toolbar,
            care_button=self.care_tools.care_button,
            search_box=self.search_tools.search_box,
            glossary_dock=self.search_tools.glossary_dock,
            question_dock=self.care_tools.question_dock,
            text_scale_changed=self.text_scale_changed,
            shown=self.shown,
            resized=self.resized,
            counselling_active=self._counselling_active,
        )

    # -- texts ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Sets every visible text of the window in the current language."""
        lang = self.languages.language
        other = next(code for code in LANGUAGES if code != lang)
        self.file_menu.setTitle(_("&File"))
        self.view_menu.setTitle(_("&View"))
        self.go_menu.setTitle(_("&Go"))
        self.help_menu.setTitle(_("&Help"))
        self.language_menu.setTitle(_("&Language"))
        self.back_action.setText(_("Back"))
        self.back_action.setToolTip(_("Back to the previous page"))
        self.forward_action.setText(_("Forward"))
        self.forward_action.setToolTip(_("Forward to the next page"))
        self.home_action.setText(_("Home"))
        self.home_action.setToolTip(_("Go to the welcome page"))
        self.zoom_in_action.setText(_("Larger text"))
        self.zoom_out_action.setText(_("Smaller text"))
        # Short labels on the toolbar ("A+" reads the same in both languages); the menu and the
        # tooltip keep the full words.
        self.zoom_in_action.setIconText("A+")
        self.zoom_out_action.setIconText("A\u2212")
        self.zoom_in_action.setToolTip(_("Larger text"))
        self.zoom_out_action.setToolTip(_("Smaller text"))
        self.zoom_reset_action.setText(_("Normal text size"))
        self.timeline_action.setText(_("Treatment path"))
        self.timeline_action.setToolTip(_("Show the line-of-therapy timeline"))
        self.about_action.setText(_("About this app"))
        self.quit_action.setText(_("&Quit"))
        # The switch says what it does and names the other language in its own words ("Switch
        # to Deutsch"), so that a reader who does not understand the current one still finds it.
        self.switch_language_action.setText(
            _("Switch to {language}").format(language=LANGUAGE_NAMES[other])
        )
        # On the toolbar, where German words would push tools out of a small screen: the
        # language's own name after an arrow, "→ Deutsch"; the tooltip says it in full.
        self.switch_language_action.setIconText(f"\u2192 {LANGUAGE_NAMES[other]}")
        self.switch_language_action.setToolTip(
            _("Switch the language to {language}").format(language=LANGUAGE_NAMES[other])
        )
        self.language_button.setAccessibleName(
            _("Switch the language to {language}").format(language=LANGUAGE_NAMES[other])
        )
        self.language_actions[lang].setChecked(True)
        self.toolbar.setWindowTitle(_("Navigation"))
        self._update_title()
        self._update_navigation()

    def _update_title(self) -> None:
        location = self.history.current
        if location is not None and location.kind == "timeline":
            self.setWindowTitle(window_title(_("Treatment path")))
            return
        page = self.content.pages.get(self.current_page or "")
        self.setWindowTitle(window_title(page.title if page else ""))

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        self.zoom_in_action.setEnabled(self.text_scale < MAX_SCALE)
        self.zoom_out_action.setEnabled(self.text_scale > MIN_SCALE)

    # -- navigation ----------------------------------------------------------------------------

    def open_page(self, page_id: str, fragment: str = "") -> None:
        """Shows a page of the current language and records it in the history."""
        if page_id not in self.content.pages:
            self._report_broken_link(page_id)
            return
        self.history.visit(Location("page", page_id, fragment))
        self._show(self.history.current)

    def show_timeline(self, target: str = "") -> None:
        """Shows the treatment path, with ``target`` (a stage or option id) selected if given."""
        if self._timeline(self.languages.language) is None:
            self._report_broken_link(f"timeline:{target}")
            return
        self.history.visit(Location("timeline", target))
        self._show(self.history.current)

    def go_back(self) -> None:
        location = self.history.back()
        if location is not None:
            self._show(location)

    def go_forward(self) -> None:
        location = self.history.forward()
        if location is not None:
            self._show(location)

    def _show(
        self, location: Location | None, *, scroll: float | None = None, switching: bool = False
    ) -> None:
        if location is None:
            return
        if location.kind == "timeline":
            self._show_timeline_view(location.target)
            return
        page = self._viewed_page(location.target)
        if page is None:
            self._report_broken_link(location.target)
            return
        self.views.setCurrentWidget(self.reader)
        if switching:  # the same page in the new language, laid out ahead, at the same place
            self.reader.switch_to(page)
        else:
            self.reader.show_page(page, location.fragment)
        if scroll is not None:
            self.reader.set_scroll_fraction(scroll)
        self.contents.select_page(location.target)
        self.settings.last_page = location.target
        self._update_title()
        self._update_navigation()
        self.location_shown.emit(location)

    def _viewed_page(self, page_id: str, lang: str | None = None) -> ViewedPage | None:
        """A page of ``lang`` (the current language if None) as rendered, with the options it
        is shown with."""
        lang = lang or self.languages.language
        rendered = self.library.render(lang, page_id)
        if rendered is None:
            return None
        page_html = rendered.html
        if page_id == CARD_PAGE:  # the team's numbers beside the warning signs
            page_html = with_clinic_box(page_html, self.settings.clinic, lang)
        return ViewedPage(page_html, self.view_options(lang, page_id))

    def view_options(self, lang: str, page_id: str) -> ViewOptions:
        """What the views add to page ``page_id`` of ``lang``: its teach-back box while on."""
        page = self.library.language(lang).pages.get(page_id)
        if self._teach_back and page is not None:
            return ViewOptions(teach_back=teach_back_for(page.teach_back, lang))
        return ViewOptions()

    def set_teach_back(self, on: bool) -> None:
        """Ends every page with its teach-back question (counselling), or not; the page shown
        is shown again at the same place, without a new visit."""
        self._teach_back = on
        location = self.history.current
        if location is None or location.kind != "page":
            return
        page = self._viewed_page(location.target)
        if page is not None:
            fraction = self.reader.scroll_fraction()
            self.reader.show_page(page)
            self.reader.set_scroll_fraction(fraction)

    def refresh_page(self) -> None:
        """Draws the page shown again, keeping its place, e.g. after the team's numbers changed."""
        location = self.history.current
        if location is not None and location.kind != "timeline":
            self._show(location, scroll=self.reader.scroll_fraction())

    def _timeline(self, lang: str) -> Timeline | None:
        """The timeline data of ``lang``, read on first use; problems go to the status bar."""
        if lang not in self._timelines:
            from her2guide.timeline.loader import load_timeline  # read on first use, not at start

            timeline, problems = load_timeline(self.library.root / lang / "timeline.yaml")
            for problem in problems:
                print(problem, file=sys.stderr)
            self._timelines[lang] = timeline
        return self._timelines[lang]

    def _living_with(self, lang: str) -> LivingWithData | None:
        """What living with each option is like, read on first use; problems go to stderr."""
        if lang not in self._living:
            from her2guide.timeline.living_with import FILE_NAME, load_living_with

            data, problems = load_living_with(self.library.root / lang / FILE_NAME)
            for problem in problems:
                print(problem, file=sys.stderr)
            self._living[lang] = data
        return self._living[lang]

    def _show_timeline_view(self, target: str) -> None:
        timeline = self._timeline(self.languages.language)
        if timeline is None:
            return
        if self.timeline_view is None:
            from her2guide.ui.timeline_view import TimelineView

            self.timeline_view = TimelineView(self.settings)
            self.timeline_view.page_requested.connect(self.open_page)
            self.timeline_view.set_text_scale(self.text_scale)
            self.timeline_view.set_status_register(self.library.register, self.library.region)
            self.views.addWidget(self.timeline_view)
        self.timeline_view.set_timeline(timeline)
        self.timeline_view.set_living_with(self._living_with(self.languages.language))
        if target:
            self.timeline_view.select(target)
        self.views.setCurrentWidget(self.timeline_view)
        self.timeline_view.timeline_widget.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows work
        self.contents.select_page(None)
        self._update_title()
        self._update_navigation()
        self.location_shown.emit(self.history.current)

    # -- language and size ---------------------------------------------------------------------

    def _on_language_changed(self, _lang: str) -> None:
        self.settings.language = self.languages.language
        self.contents.show_content(self.content)
        location = self.history.current
        if location is not None and location.kind == "timeline":
            self._show_timeline_view("")  # relabels, keeping the selection the user made
        else:
            self._show(location, switching=True)
        self._report_content_problems()

    def apply_region(self) -> None:
        """Shows approval statuses for the region in the settings, the reader's region first."""
        if self.settings.region == self.library.region:
            return
        self.library.region = self.settings.region
        if self.timeline_view is not None:
            self.timeline_view.set_status_register(self.library.register, self.library.region)
        location = self.history.current
        if location is not None and location.kind != "timeline":
            self._show(location, scroll=self.reader.scroll_fraction())
        self.location_shown.emit(location)

    def set_text_scale(self, percent: int) -> None:
        self.text_scale = max(MIN_SCALE, min(MAX_SCALE, percent))
        if not self._counselling_active():  # counselling mode's larger text is not the user's size
            self.settings.text_scale = self.text_scale
        self._apply_text_scale()
        self._update_navigation()
        self.statusBar().showMessage(
            _("Text size: {percent} %").format(percent=self.text_scale), 3000
        )

    def _apply_text_scale(self) -> None:
        scroll = self.reader.scroll_fraction()
        apply_app_text_scale(self.text_scale)
        self.reader.set_text_scale(self.text_scale)
        self.contents.set_text_scale(self.text_scale)
        self.search_tools.set_text_scale(self.text_scale)
        if self.timeline_view is not None:
            self.timeline_view.set_text_scale(self.text_scale)
        self.reader.set_scroll_fraction(scroll)
        self.text_scale_changed.emit(self.text_scale)

    # -- messages ------------------------------------------------------------------------------

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def _confirm_external_link(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self,
            window_title(_("Open a web page?")),
            _(
                "This link leads to a web page outside the app:\n\n{address}\n\n"
                "Open it in your web browser? This needs an internet connection."
            ).format(address=url.toString()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def _report_broken_link(self, target: str) -> None:
        self.statusBar().showMessage(
            _("Sorry, this link leads to a page that does not exist ({target}).").format(
                target=target
            ),
            8000,
        )

    def _report_content_problems(self) -> None:
        """Broken pages are left out; the editor learns where to look, the reader reads on."""
        problems = self.content.problems
        if not problems:
            return
        for problem in problems:
            print(problem, file=sys.stderr)
        self.statusBar().showMessage(
            ngettext(
                "{count} content problem found; the page concerned is left out. "
                "Run 'her2guide check' for details.",
                "{count} content problems found; the pages concerned are left out. "
                "Run 'her2guide check' for details.",
                len(problems),
            ).format(count=len(problems))
        )

    def _tell_settings_recovered(self) -> None:
        self.statusBar().showMessage(
            _("Your settings file could not be read, so the app started with default settings."),
            15000,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if can_save_geometry():
            self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)

"""The care-team card, the preferences, the question list and printing, fitted into the window.

The main window creates one :class:`CareTools`. It puts the "Call your care team" button at the
right end of the toolbar (the same place on every screen), the "My questions" panel in a dock,
and Print, Save as PDF, Print a handout and Preferences in the File menu. The dialogs and the
printing code are imported when first used: the first paint does not need them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QDialog,
    QSizePolicy,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from her2guide.care_card import CARD_PAGE, card_html
from her2guide.i18n import _
from her2guide.logfile import log
from her2guide.navigation import Location
from her2guide.questions import FILE_NAME, QuestionList, load_questions
from her2guide.ui.action_registry import FILE_MENU, HELP_MENU, VIEW_MENU
from her2guide.ui.retranslate import retranslate_on_language_change
from her2guide.ui.side_dock import add_side_dock
from her2guide.userdata import Loaded
from her2guide.userfolders import data_folder

if TYPE_CHECKING:
    from her2guide.printing.handout import PrintSection
    from her2guide.printing.paint import PrintJob
    from her2guide.timeline.model import Timeline
    from her2guide.ui.care_card_dialog import CareCardDialog
    from her2guide.ui.handout_dialog import HandoutDialog
    from her2guide.ui.question_panel import QuestionPanel
    from her2guide.ui.window_api import WindowApi

STATUS_TIMEOUT_MS = 15000
# A warm, calm orange-brown that is not an alarm red; its text keeps a contrast of 7:1 or more.
CARE_BUTTON_STYLE = """
QToolButton#care-team-button {
    background-color: #fde3cf; color: #5c2100; font-weight: bold;
    border: 1px solid #a04a12; border-radius: 4px; padding: 3px 10px;
}
QToolButton#care-team-button:hover { background-color: #fbd0b0; }
QToolButton#care-team-button:pressed { background-color: #f6b98d; }
QToolButton#care-team-button:focus { border: 2px solid #5c2100; }
"""


def phone_icon(resources: Path) -> QIcon:
    """The handset of resources/icons/phone.svg, so that the button is not told by colour."""
    renderer = QSvgRenderer(str(resources / "icons" / "phone.svg"))
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class CareTools(QObject):
    """Owns the care-team button and card, the question dock, preferences and printing."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.host())
        self.window = window
        self.card_dialog: CareCardDialog | None = None
        self._timelines: dict[str, Timeline | None] = {}

        self._question_panel: QuestionPanel | None = None
        path = data_folder() / FILE_NAME
        loaded = load_questions(path)
        if loaded.problem:
            log.warning("%s; kept as %s", loaded.problem, loaded.backup)
        self.question_dock = add_side_dock(
            window.host(), lambda: self._build_question_panel(path, loaded), "questions-dock"
        )
        if loaded.problem is not None:
            self.question_dock.show()  # with the notice of what happened to the old list

        self._create_actions()
        self._add_to_menus()
        self._add_to_toolbar()
        window.location_shown.connect(self._on_location_shown)
        window.text_scale_changed.connect(self.set_text_scale)
        window.languages.language_changed.connect(self._on_language_changed)
        retranslate_on_language_change(window.host(), self.retranslate_ui)
        self.set_text_scale(window.text_scale)
        self.retranslate_ui()

    # -- set-up --------------------------------------------------------------------------------

    @property
    def question_panel(self) -> QuestionPanel:
        """The question list beside the page, built now if it is not yet (see ``SideDock``)."""
        self.question_dock.panel()
        assert self._question_panel is not None
        return self._question_panel

    def _build_question_panel(self, path: Path, loaded: Loaded[QuestionList]) -> QuestionPanel:
        from her2guide.ui.question_panel import QuestionPanel  # not needed by the first paint

        panel = QuestionPanel(path, loaded, self._questions_of)
        panel.set_text_scale(self.window.text_scale)
        self._question_panel = panel
        self._on_location_shown(self.window.current_location)
        return panel

    def _create_actions(self) -> None:
        host = self.window.host()
        self.care_action = QAction(host)
        self.care_action.setIcon(phone_icon(self.window.library.resources))
        self.care_action.triggered.connect(self.show_card)
        self.preferences_action = QAction(host)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.show_preferences)
        self.print_action = QAction(host)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_current)
        self.pdf_action = QAction(host)
        self.pdf_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.pdf_action.triggered.connect(self.save_current_pdf)
        self.handout_action = QAction(host)
        self.handout_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.handout_action.triggered.connect(self.show_handout_dialog)
        self.questions_action = self.question_dock.toggleViewAction()
        self.questions_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.questions_action.setIcon(
            host.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion)
        )

    def _add_to_menus(self) -> None:
        registry = self.window.action_registry
        quit_action = registry.action("quit")
        printing = (self.print_action, self.pdf_action, self.handout_action)
        registry.add(FILE_MENU, *printing, before=quit_action)
        registry.add(FILE_MENU, self.preferences_action, before=quit_action, separator=True)
        registry.add_separator(FILE_MENU, before=quit_action)
        registry.add(VIEW_MENU, self.questions_action, separator=True)
        first_help = registry.first(HELP_MENU)
        registry.add(HELP_MENU, self.care_action, before=first_help)
        registry.add_separator(HELP_MENU, before=first_help)

    def _add_to_toolbar(self) -> None:
        # The button keeps its own icon and colours (not the action's), so that a dark theme
        # does not tint its handset to the colour of the other toolbar icons. It sits in a
        # toolbar of its own at the right end of the same line, so that it never disappears
        # into the overflow menu of the main toolbar when the window is narrow.
        self.care_button = QToolButton()
        self.care_button.setObjectName("care-team-button")
        self.care_button.setIcon(self.care_action.icon())
        self.care_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.care_button.setStyleSheet(CARE_BUTTON_STYLE)
        self.care_button.clicked.connect(self.show_card)
        self.care_toolbar = QToolBar(self.window.host())
        self.care_toolbar.setObjectName("care-toolbar")
        self.care_toolbar.setMovable(False)
        self.care_toolbar.setFloatable(False)
        self.care_toolbar.toggleViewAction().setVisible(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.care_toolbar.addWidget(spacer)
        self.care_toolbar.addWidget(self.care_button)
        self.window.host().addToolBar(Qt.ToolBarArea.TopToolBarArea, self.care_toolbar)

    def retranslate_ui(self) -> None:
        self.care_action.setText(_("Call your care team"))
        self.care_action.setToolTip(_("When to call your care team now, with their phone number"))
        self.care_button.setText(_("Call your care team"))
        self.care_button.setToolTip(self.care_action.toolTip())
        self.care_button.setAccessibleName(_("Call your care team"))
        self.care_button.setAccessibleDescription(self.care_action.toolTip())
        self.preferences_action.setText(_("Pre&ferences…"))
        self.print_action.setText(_("&Print this page…"))
        self.pdf_action.setText(_("&Save this page as PDF…"))
        self.handout_action.setText(_("Print a &handout…"))
        self.question_dock.setWindowTitle(_("My questions"))
        self.questions_action.setText(_("My questions"))
        self.questions_action.setToolTip(_("Show or hide your list of questions for the care team"))
        self.care_toolbar.setWindowTitle(_("Call your care team"))
        self._keep_care_button_whole()

    def _keep_care_button_whole(self) -> None:
        """The care toolbar is never narrower than its button, so the button never goes into an
        overflow menu: the main toolbar gives way. As the last toolbar of the line it takes the
        rest of the line, and its spacer keeps the button at the right end."""
        toolbar = self.care_toolbar
        layout = toolbar.layout()
        margins = layout.contentsMargins()
        width = (
            self.care_button.sizeHint().width()
            + margins.left()
            + margins.right()
            + 2 * layout.spacing()
        )
        toolbar.setMinimumWidth(width)

    def set_text_scale(self, percent: int) -> None:
        if self._question_panel is not None:
            self._question_panel.set_text_scale(percent)
        # The button's style sheet fixed its font when it was set: set again, it takes the
        # application font of the new text size.
        self.care_button.setStyleSheet(CARE_BUTTON_STYLE)
        self._keep_care_button_whole()

    # -- data ----------------------------------------------------------------------------------

    def _questions_of(self, page_id: str, lang: str) -> tuple[str, ...] | None:
        page = self.window.library.language(lang).pages.get(page_id)
        return page.questions if page else None

    def _timeline(self, lang: str) -> Timeline | None:
        if lang not in self._timelines:
            from her2guide.timeline.loader import load_timeline  # read when a printout needs it

            path = self.window.library.root / lang / "timeline.yaml"
            self._timelines[lang] = load_timeline(path)[0]
        return self._timelines[lang]

    def _on_location_shown(self, location: Location | None) -> None:
        if self._question_panel is None:
            return  # it shows the page's questions when it is built
        lang = self.window.languages.language
        page = None
        if location is not None and location.kind == "page":
            page = self.window.content.pages.get(location.target)
        self._question_panel.show_page(page, lang)

    def _on_language_changed(self, _lang: str) -> None:
        if self.card_dialog is not None and self.card_dialog.isVisible():
            self.show_card()

    def _say(self, message: str) -> None:
        self.window.show_status(message, STATUS_TIMEOUT_MS)

    # -- the card ------------------------------------------------------------------------------

    def show_card(self) -> None:
        """Opens (or refreshes) the card in the current language, beside the window."""
        window = self.window
        lang = window.languages.language
        page = window.content.pages.get(CARD_PAGE)
        rendered = window.library.render(lang, CARD_PAGE)
        if page is None or rendered is None:
            self._say(_("The page with the warning signs is missing from the content."))
            return
        clinic = window.settings.clinic
        if self.card_dialog is None:
            from her2guide.ui.care_card_dialog import CareCardDialog

            self.card_dialog = CareCardDialog(window.library.resources, window.host())
            self.card_dialog.page_requested.connect(self._open_from_card)
            self.card_dialog.preferences_requested.connect(self.show_preferences)
            self.card_dialog.print_requested.connect(self.print_card)
        self.card_dialog.show_card(
            card_html(rendered.html, page.title, clinic, lang),
            window.text_scale,
            number_set=bool(clinic.phone.strip()),
        )
        self.card_dialog.show()
        self.card_dialog.raise_()
        self.card_dialog.activateWindow()

    def _open_from_card(self, page_id: str) -> None:
        if self.card_dialog is not None:
            self.card_dialog.close()
        self.window.open_page(page_id)

    def show_preferences(self) -> None:
        from her2guide.ui.preferences import PreferencesDialog

        parent = self.card_dialog if self.card_dialog and self.card_dialog.isVisible() else None
        dialog = PreferencesDialog(
            self.window.settings, self.window.text_scale, parent or self.window.host()
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.apply_region()
            self._say(_("Preferences saved."))
            self.window.refresh_page()
            if self.card_dialog is not None and self.card_dialog.isVisible():
                self.show_card()

    # -- printing ------------------------------------------------------------------------------

    def _job(self, sections: list[PrintSection]) -> PrintJob:
        from her2guide.ui.print_support import make_job

        window = self.window
        return make_job(
            sections,
            window.library.resources,
            clinic=window.settings.clinic,
            timelines={lang: self._timeline(lang) for lang in {s.lang for s in sections}},
            you_are_here=window.settings.you_are_here,
            text_scale=window.text_scale,
            status=(window.library.register, window.library.region),
        )

    def current_sections(self) -> list[PrintSection]:
        """What "this page" means for printing: the page shown, or the treatment path."""
        from her2guide.printing.handout import link_pages, page_section, timeline_section

        window = self.window
        lang = window.languages.language
        location = window.current_location
        if location is not None and location.kind == "timeline":
            timeline = self._timeline(lang)
            if timeline is None:
                return []
            return [timeline_section(timeline, lang, window.settings.you_are_here)]
        if window.current_page is None:
            return []
        section = page_section(window.library, lang, window.current_page)
        return [link_pages(section, window.library, set())] if section else []

    def print_current(self) -> None:
        from her2guide.ui.print_support import print_with_dialog

        sections = self.current_sections()
        if sections:
            print_with_dialog(self.window.host(), self._job(sections), sections[0].title)

    def save_current_pdf(self) -> None:
        sections = self.current_sections()
        if not sections:
            return
        self._save(sections, sections[0].title)

    def print_card(self) -> None:
        from her2guide.printing.handout import card_section
        from her2guide.ui.print_support import print_with_dialog

        lang = self.window.languages.language
        section = card_section(self.window.library, lang, self.window.settings.clinic)
        if section is not None:
            parent = self.card_dialog or self.window.host()
            print_with_dialog(parent, self._job([section]), section.title)

    def show_handout_dialog(self) -> None:
        """Asks what to put in the handout, then prints it or saves it as a PDF."""
        from her2guide.ui.handout_dialog import PDF, PRINT, HandoutDialog
        from her2guide.ui.print_support import handout_title, print_with_dialog

        window = self.window
        dialog = HandoutDialog(
            window.content,
            current_page=window.current_page,
            question_count=len(self.question_panel.questions),
            you_are_here=window.settings.you_are_here is not None,
            text_scale=window.text_scale,
            parent=window.host(),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        sections = self.handout_sections(dialog)
        title = handout_title(sections[0].lang if sections else window.languages.language)
        if dialog.choice == PRINT:
            print_with_dialog(window.host(), self._job(sections), title)
        elif dialog.choice == PDF:
            self._save(sections, title)

    def handout_sections(self, dialog: HandoutDialog) -> list[PrintSection]:
        from her2guide.printing.handout import compose_handout

        window = self.window
        options = dialog.options()
        return compose_handout(
            window.library,
            options,
            clinic=window.settings.clinic,
            questions=self.question_panel.questions,
            timelines={lang: self._timeline(lang) for lang in options.languages},
            you_are_here=window.settings.you_are_here,
        )

    def _save(self, sections: list[PrintSection], title: str) -> None:
        from her2guide.ui.print_support import default_pdf_path, pdf_info, save_pdf_with_dialog

        info = pdf_info(sections, title, self.window.settings.clinic)
        job = self._job(sections)
        path = save_pdf_with_dialog(self.window.host(), job, default_pdf_path(title), info)
        if path is not None:
            self._say(_("Saved as PDF: {path}").format(path=path))

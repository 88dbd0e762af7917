"""The handout dialog: which pages, which extras, which languages; then print or save a PDF.

The choices scroll inside the dialog and the buttons stay below them, and the dialog is never
larger than the screen, so that it works at 300 % text on a 1024 x 768 screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from her2guide.content.model import LanguageContent
from her2guide.i18n import LANGUAGE_NAMES, LANGUAGES, _
from her2guide.printing.handout import HandoutOptions
from her2guide.ui.retranslate import Retranslating

BASE_POINT_SIZE = 11.0
PAGE_ID_ROLE = Qt.ItemDataRole.UserRole
PRINT = "print"
PDF = "pdf"


class HandoutDialog(Retranslating, QDialog):
    """Collects the handout's options; ``choice`` is PRINT or PDF after the dialog is accepted."""

    def __init__(
        self,
        content: LanguageContent,
        *,
        current_page: str | None,
        question_count: int,
        you_are_here: bool,
        text_scale: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.content = content
        self.question_count = question_count
        self.choice: str | None = None
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * max(100, text_scale) / 100)
        self.setFont(font)

        self.pages_label = QLabel()
        self.pages = QListWidget()
        self.pages_label.setBuddy(self.pages)
        self._fill_pages(current_page)
        self.all_button = QPushButton()
        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button = QPushButton()
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))

        self.extras = QGroupBox()
        self.card_box = QCheckBox()
        self.card_box.setChecked(True)
        self.timeline_box = QCheckBox()
        self.timeline_box.setChecked(you_are_here)
        self.questions_box = QCheckBox()
        self.questions_box.setChecked(question_count > 0)
        self.sources_box = QCheckBox()
        self.sources_box.setChecked(True)
        self.languages = QGroupBox()
        self.language_buttons = {code: QRadioButton() for code in LANGUAGES}
        self.both_languages = QRadioButton()
        self.language_group = QButtonGroup(self)
        for button in (*self.language_buttons.values(), self.both_languages):
            self.language_group.addButton(button)
        self.current_language = self.language_buttons[content.lang]
        self.current_language.setChecked(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.clicked.connect(lambda: self._choose(PRINT))
        self.pdf_button.clicked.connect(lambda: self._choose(PDF))
        self.buttons.rejected.connect(self.reject)
        self.pdf_button.setDefault(True)
        self.pages.itemChanged.connect(lambda _item: self._update_buttons())
        for box in (self.card_box, self.timeline_box, self.questions_box):
            box.toggled.connect(lambda _checked: self._update_buttons())

        select_row = QHBoxLayout()
        select_row.addWidget(self.all_button)
        select_row.addWidget(self.none_button)
        select_row.addStretch(1)
        extras = QVBoxLayout(self.extras)
        for box in (self.card_box, self.timeline_box, self.questions_box, self.sources_box):
            extras.addWidget(box)
        languages = QVBoxLayout(self.languages)
        for button in self.language_buttons.values():
            languages.addWidget(button)
        languages.addWidget(self.both_languages)
        body = QWidget()
        choices = QVBoxLayout(body)
        choices.addWidget(self.pages_label)
        self.pages.setMinimumHeight(self.fontMetrics().height() * 6)
        choices.addWidget(self.pages, 1)
        choices.addLayout(select_row)
        choices.addWidget(self.extras)
        choices.addWidget(self.languages)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        free = self._fitted(QSize(10**6, 10**6))
        if self.buttons.sizeHint().width() > free.width() - 40:  # large text: stack the buttons
            self.buttons.setOrientation(Qt.Orientation.Vertical)
        scale = max(1.0, text_scale / 100)
        self.resize(self._fitted(QSize(round(560 * scale), round(680 * scale))))
        self.retranslate_ui()
        self._update_buttons()

    def _fitted(self, wanted: QSize) -> QSize:
        """``wanted``, but no larger than the free part of the screen the dialog is on."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        free = screen.availableGeometry().size() - QSize(24, 48)  # room for the window frame
        self.setMaximumSize(screen.availableGeometry().size())
        return wanted.boundedTo(free)

    def _fill_pages(self, current_page: str | None) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        for section in self.content.sections:
            pages = self.content.pages_in(section.id)
            if not pages:
                continue
            heading = QListWidgetItem(section.title)
            heading.setFont(bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.pages.addItem(heading)
            for page in pages:
                item = QListWidgetItem(page.title)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                checked = page.id == current_page
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                item.setData(PAGE_ID_ROLE, page.id)
                self.pages.addItem(item)
                if checked:
                    self.pages.scrollToItem(item)

    def _page_items(self) -> list[QListWidgetItem]:
        items = (self.pages.item(row) for row in range(self.pages.count()))
        return [item for item in items if item.data(PAGE_ID_ROLE)]

    def _check_all(self, state: Qt.CheckState) -> None:
        for item in self._page_items():
            item.setCheckState(state)

    def set_pages(self, page_ids: set[str]) -> None:
        """Ticks exactly these pages."""
        for item in self._page_items():
            checked = item.data(PAGE_ID_ROLE) in page_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Print a handout"))
        self.pages_label.setText(_("&Pages to include:"))
        self.pages.setAccessibleName(_("Pages to include"))
        self.all_button.setText(_("Select &all"))
        self.none_button.setText(_("Select &none"))
        self.extras.setTitle(_("Also include"))
        self.card_box.setText(_("The “Call your care team” card with the phone number"))
        self.timeline_box.setText(_("The treatment path with “you are here”"))
        self.questions_box.setText(
            _("My question list ({count})").format(count=self.question_count)
        )
        self.sources_box.setText(_("The sources, in one list at the end"))
        self.languages.setTitle(_("Language of the handout"))
        for code, button in self.language_buttons.items():
            button.setText(LANGUAGE_NAMES[code])
        self.both_languages.setText(_("English and German"))  # de: "Deutsch und Englisch"
        self.print_button.setText(_("&Print…"))
        self.pdf_button.setText(_("&Save as PDF…"))

    def options(self) -> HandoutOptions:
        lang = self.content.lang
        chosen = [code for code, button in self.language_buttons.items() if button.isChecked()]
        languages = tuple(chosen) or (lang,)
        if self.both_languages.isChecked():
            languages = (lang, *(code for code in LANGUAGES if code != lang))
        pages = tuple(
            str(item.data(PAGE_ID_ROLE))
            for item in self._page_items()
            if item.checkState() == Qt.CheckState.Checked
        )
        return HandoutOptions(
            pages=pages,
            languages=languages,
            red_flags=self.card_box.isChecked(),
            timeline=self.timeline_box.isChecked(),
            questions=self.questions_box.isChecked(),
            sources=self.sources_box.isChecked(),
        )

    def _update_buttons(self) -> None:
        """Printing needs something to print."""
        options = self.options()
        anything = bool(options.pages) or options.red_flags or options.timeline or options.questions
        self.print_button.setEnabled(anything)
        self.pdf_button.setEnabled(anything)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

"""The first-start notice: what the app is and is not, confirmed once and then remembered."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2guide.i18n import LANGUAGE_NAMES, LANGUAGES, _, window_title
from her2guide.settings import Settings
from her2guide.ui.language import LanguageController
from her2guide.ui.reader import BASE_POINT_SIZE
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.screen_fit import (
    body_size,
    fit_button_row,
    fit_window,
    keep_on_screen,
    room_for,
    scrolling_body,
)

LINE_CHARACTERS = 48
"""The notice's lines are about this long when the screen has room."""


class FirstStartNotice(Retranslating, QDialog):
    """A short, calm notice with one button to confirm it and one to read it in the other language.

    Closing it without confirming (Esc, the window's close button) shows it again next time.
    """

    def __init__(
        self, languages: LanguageController, text_scale: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.languages = languages
        self.setModal(True)
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * text_scale / 100)
        self.setFont(font)
        self.heading = QLabel()
        heading_font = QFont(font)
        heading_font.setPointSizeF(font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self._line_width = LINE_CHARACTERS * QFontMetrics(font).averageCharWidth()
        self.language_button = QPushButton()
        self.language_button.clicked.connect(self._switch_language)
        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.language_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        text = QWidget()
        text_layout = QVBoxLayout(text)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(16)
        text_layout.addWidget(self.heading)
        text_layout.addWidget(self.body)
        text_layout.addStretch(1)
        self.scroll_area = scrolling_body(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        keep_on_screen(self, self.wanted_size)
        self.confirm_button.setDefault(True)
        self.confirm_button.setFocus()
        self.retranslate_ui()

    def wanted_size(self) -> QSize:
        """Lines of about :data:`LINE_CHARACTERS` characters, all of the text when the screen
        has room; otherwise the text scrolls above the buttons."""
        margins = self.layout().contentsMargins()
        side = margins.left() + margins.right()
        width = min(self._line_width + side, room_for(self).width())
        fit_button_row(self.buttons, width - side)
        below = self.buttons.sizeHint().height() + self.layout().spacing()
        extra = QSize(side, margins.top() + margins.bottom() + below)
        return body_size(self.scroll_area, width, extra)

    def _switch_language(self) -> None:
        """Reads the notice in the other language; the confirm button keeps the focus, so
        that Return confirms it straight away."""
        self.languages.toggle()
        if self.isVisible():
            fit_window(self, self.wanted_size())
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate_ui(self) -> None:
        other = next(code for code in LANGUAGES if code != self.languages.language)
        self.setWindowTitle(window_title(_("Before you start")))
        self.heading.setText(_("Before you start"))
        self.body.setText(
            "\n\n".join(
                (
                    _(
                        "HER2 Guide explains advanced HER2-positive breast cancer and its "
                        "treatment in plain language."
                    ),
                    _(
                        "It gives information, not medical advice. It does not know your own "
                        "situation and never tells you what to take. Please talk about every "
                        "decision with your care team."
                    ),
                    _(
                        "If you feel very unwell, call your care team or the emergency services "
                        "straight away. Do not wait to look it up here."
                    ),
                    _("The app works without the internet and sends nothing anywhere."),
                )
            )
        )
        self.confirm_button.setText(_("I understand"))
        # Labelled like the switch in the main window: what it does, with the language's own name.
        self.language_button.setText(
            _("Switch to {language}").format(language=LANGUAGE_NAMES[other])
        )
        self.language_button.setAccessibleName(
            _("Switch the language to {language}").format(language=LANGUAGE_NAMES[other])
        )


def show_first_start_notice(
    settings: Settings, languages: LanguageController, parent: QWidget | None = None
) -> FirstStartNotice | None:
    """Opens the notice (without blocking) unless the reader already confirmed it."""
    if settings.notice_acknowledged:
        return None
    notice = FirstStartNotice(languages, settings.text_scale, parent)

    def confirmed() -> None:
        settings.notice_acknowledged = True
        settings.sync()

    notice.accepted.connect(confirmed)
    notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    notice.open()
    return notice

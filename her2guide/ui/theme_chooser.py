"""The colour theme in the preferences: a labelled list of the choices, applied on OK."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from her2guide import themes
from her2guide.i18n import _
from her2guide.settings import Settings
from her2guide.ui import theming
from her2guide.ui.retranslate import Retranslating


class ThemeGroup(Retranslating, QGroupBox):
    """ "Appearance": the theme choice, shown with the current one selected."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        active = theming.controller()
        current = active.choice if active is not None else settings.theme
        self.combo = QComboBox()
        for choice in themes.CHOICES:
            self.combo.addItem("", choice)
        self.combo.setCurrentIndex(themes.CHOICES.index(current))
        self.label = QLabel()
        self.label.setBuddy(self.combo)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.label, self.combo)
        form.addRow(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Appearance"))
        self.label.setText(_("Colour &theme:"))
        for index, choice in enumerate(themes.CHOICES):
            self.combo.setItemText(index, _(themes.CHOICE_LABELS[choice]))
        self.note.setText(
            _("“Follow the system” uses dark or high contrast when your computer is set to it.")
        )

    def choice(self) -> str:
        return str(self.combo.currentData())

    def apply(self) -> None:
        """Uses and remembers the chosen theme."""
        active = theming.controller()
        if active is not None:
            active.set_choice(self.choice())
        else:
            self.settings.theme = self.choice()

"""The "My questions" panel: tick the page's suggested questions, type your own, tidy the list.

Every change is saved at once (atomically) to the user data folder. A saved list that cannot be
read is moved aside, the panel starts with an empty list and says where the old file is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from her2guide.content.model import Page
from her2guide.i18n import _, ngettext, window_title
from her2guide.logfile import log
from her2guide.questions import QuestionList, QuestionsOf, save_questions
from her2guide.ui.app_text_size import scaled_system_font
from her2guide.ui.retranslate import Retranslating
from her2guide.userdata import Loaded

BASE_POINT_SIZE = 11.0
MAX_SCALE = 150
INDEX_ROLE = Qt.ItemDataRole.UserRole


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text, so that long (German) questions are never cut off."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        style = self.view.style()
        indicator = 0
        if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        width = max(40, self.view.viewport().width() - indicator - 16)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = QFontMetrics(self.view.font()).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, bounds.height() + 10)


def _list_widget() -> QListWidget:
    widget = QListWidget()
    widget.setWordWrap(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideNone)
    widget.setUniformItemSizes(False)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)
    widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    widget.setItemDelegate(_WrappingDelegate(widget))
    return widget


class QuestionPanel(Retranslating, QWidget):
    """The reader's question list beside the page.

    Signals:
        questions_changed(): the list was changed (and saved).
    """

    questions_changed = Signal()

    def __init__(
        self,
        path: Path,
        loaded: Loaded[QuestionList],
        questions_of: QuestionsOf,
        parent: QWidget | None = None,
    ) -> None:
        """``loaded`` is what :func:`~her2guide.questions.load_questions` read from ``path``
        (read before the panel is built: a damaged file shows the panel at start)."""
        super().__init__(parent)
        self.path = path
        self._questions_of = questions_of
        self._page: Page | None = None
        self._lang = "en"
        self.questions: QuestionList = loaded.value
        self.problem = loaded.problem
        self.backup = loaded.backup

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("question-notice")
        self.notice.setFrameShape(QLabel.Shape.StyledPanel)
        self.notice.setMargin(6)
        self.notice.setVisible(bool(self.problem))
        self.suggestions_label = QLabel()
        self.suggestions = _list_widget()
        self.suggestions.itemChanged.connect(self._on_suggestion_changed)
        self.list_label = QLabel()
        self.list = _list_widget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.itemChanged.connect(self._on_list_item_edited)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.suggestions_label.setBuddy(self.suggestions)
        self.list_label.setBuddy(self.list)
        for label in (self.suggestions_label, self.list_label):
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)

        self.entry = QLineEdit()
        self.entry.returnPressed.connect(self.add_from_entry)
        self.entry.textChanged.connect(lambda _text: self._update_buttons())
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_from_entry)
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_current)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.confirm_clear)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)
        buttons = QGridLayout()
        buttons.addWidget(self.up_button, 0, 0)
        buttons.addWidget(self.down_button, 0, 1)
        buttons.addWidget(self.edit_button, 0, 2)
        buttons.addWidget(self.remove_button, 1, 0, 1, 2)
        buttons.addWidget(self.clear_button, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.notice)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions, 2)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 3)
        layout.addLayout(entry_row)
        layout.addLayout(buttons)
        layout.addWidget(self.privacy)
        self.set_text_scale(100)
        self.retranslate_ui()
        self._fill_list()

    # -- texts ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.suggestions_label.setText(_("&Suggested questions for this page"))
        self.suggestions.setAccessibleName(_("Suggested questions for this page"))
        self.suggestions.setAccessibleDescription(
            _("Tick a question to add it to your list; untick it to take it off.")
        )
        self.list.setAccessibleName(_("My question list"))
        self.list.setAccessibleDescription(
            _("Your questions in the order you want to ask them. F2 edits, Delete removes.")
        )
        self.entry.setPlaceholderText(_("Type your own question"))
        self.entry.setAccessibleName(_("Your own question"))
        self.add_button.setText(_("&Add"))
        self.up_button.setText(_("Move &up"))
        self.down_button.setText(_("Move &down"))
        self.edit_button.setText(_("&Edit"))
        self.remove_button.setText(_("&Remove"))
        self.clear_button.setText(_("&Clear all…"))
        self.privacy.setText(
            _("Your list is kept on this computer only. It is printed with the handout.")
        )
        if self.problem:
            name = self.backup.name if self.backup else self.path.name
            self.notice.setText(
                _(
                    "Your saved question list could not be read, so the list starts empty. "
                    "The old file was kept as {name} in {folder}."
                ).format(name=name, folder=self.path.parent)
            )
        self._update_list_label()
        self._fill_suggestions()

    def set_text_scale(self, percent: int) -> None:
        """Follows the reader's text size up to MAX_SCALE: beyond it, long German words no
        longer fit the width of a side panel and would be cut."""
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * min(percent, MAX_SCALE) / 100)
        # The buttons and labels too: the application font grows further.
        self.setFont(scaled_system_font(min(percent, MAX_SCALE)))
        for widget in (self.suggestions, self.list):
            widget.setFont(font)
            widget.scheduleDelayedItemsLayout()

    def _update_list_label(self) -> None:
        self.list_label.setText(_("My &question list ({count})").format(count=len(self.questions)))

    # -- the page's suggestions ----------------------------------------------------------------

    def show_page(self, page: Page | None, lang: str) -> None:
        """Offers ``page``'s suggested questions (None: no page is shown, e.g. the timeline)."""
        self._page = page
        self._lang = lang
        self._fill_suggestions()
        self._fill_list()

    def _fill_suggestions(self) -> None:
        self.suggestions.blockSignals(True)
        self.suggestions.clear()
        page = self._page
        if page is None:
            item = QListWidgetItem(_("Open a page to see the questions it suggests."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.suggestions.addItem(item)
        else:
            for index, text in enumerate(page.questions):
                item = QListWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = self.questions.is_ticked(page.id, index)
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                item.setData(INDEX_ROLE, index)
                self.suggestions.addItem(item)
        self.suggestions.blockSignals(False)

    def _on_suggestion_changed(self, item: QListWidgetItem) -> None:
        page = self._page
        if page is None:
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        index = int(item.data(INDEX_ROLE))
        if self.questions.set_ticked(page.id, index, item.text(), page.lang, ticked):
            self._changed()

    # -- the list ------------------------------------------------------------------------------

    def _fill_list(self, current: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for question in self.questions:
            item = QListWidgetItem(question.text_in(self._lang, self._questions_of))
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable
            )
            self.list.addItem(item)
        if current is not None and 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self._update_list_label()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        selected = 0 <= row < len(self.questions)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and row < len(self.questions) - 1)
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.clear_button.setEnabled(len(self.questions) > 0)
        self.add_button.setEnabled(bool(self.entry.text().strip()))

    def add_question(self, text: str) -> bool:
        """Adds an own question at the end; False for empty text."""
        position = self.questions.add(text)
        if position is None:
            return False
        self._changed(position)
        return True

    def add_from_entry(self) -> None:
        if self.add_question(self.entry.text()):
            self.entry.clear()

    def edit_question(self, position: int, text: str) -> None:
        if self.questions.edit(position, text):
            self._changed(position)
        else:
            self._fill_list(position)

    def _on_list_item_edited(self, item: QListWidgetItem) -> None:
        self.edit_question(self.list.row(item), item.text())

    def edit_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.questions):
            self._changed(self.questions.move(row, step))

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.questions):
            self.questions.remove(row)
            self._changed(min(row, len(self.questions) - 1))

    def confirm_clear(self) -> None:
        if not len(self.questions):
            return
        answer = QMessageBox.question(
            self,
            window_title(_("Clear the question list?")),
            ngettext(
                "Remove the {count} question from your list? This cannot be undone.",
                "Remove all {count} questions from your list? This cannot be undone.",
                len(self.questions),
            ).format(count=len(self.questions)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.questions.clear()
            self._changed()

    def _changed(self, current: int | None = None) -> None:
        """Saves at once, then shows the list and the ticks as they now are."""
        try:
            save_questions(self.path, self.questions)
        except OSError as error:
            log.warning("cannot save %s: %s", self.path, error)
            self.notice.setText(
                _("Your question list could not be saved: {error}").format(error=error)
            )
            self.notice.show()
        self._fill_list(current)
        self._fill_suggestions()
        self.questions_changed.emit()

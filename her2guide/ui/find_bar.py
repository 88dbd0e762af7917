"""Find in page: a bar under the reader that highlights every match and steps through them.

Matching folds case, accents, umlaut spellings and hyphens the way search does, so ``Ubelkeit``
finds ``Übelkeit`` here too, and ``Nebenwirkungen`` is found although the page breaks it with
soft hyphens. The document's raw text has one character per cursor position
(tables and frames included), so folded offsets map straight to cursor positions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QTextEdit,
    QToolButton,
    QWidget,
)

from her2guide.i18n import _
from her2guide.search.fold import Folded, fold, fold_with_offsets
from her2guide.ui.retranslate import Retranslating
from her2guide.ui.search_box import is_search_shortcut
from her2guide.ui.theming import theme_colour


class FindBar(Retranslating, QWidget):
    """Finds text in a text view; hidden until asked for.

    ``language`` tells the language of the shown page (folding differs by language). The bar
    follows the page: a new page is searched again for the same text.

    Signals:
        closed(): the bar was closed (Esc or its close button); focus goes back to the view.
    """

    closed = Signal()

    def __init__(
        self, view: QTextEdit, language: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._language = language
        self._folded: Folded | None = None
        self._matches: list[tuple[int, int]] = []
        self._current = -1

        self.label = QLabel()
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        style = self.style()
        self.previous_button = QToolButton()
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.next_button = QToolButton()
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.count_label = QLabel()
        self.close_button = QToolButton()
        self.close_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.close_button)

        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        view.textChanged.connect(self._on_page_changed)
        self.retranslate_ui()
        self.hide()

    # -- texts ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.label.setText(_("Find in page:"))
        self.field.setPlaceholderText(_("Word or part of a word"))
        self.field.setAccessibleName(_("Find in this page"))
        self.previous_button.setToolTip(_("Previous match (Shift+Enter or Shift+F3)"))
        self.previous_button.setAccessibleName(_("Previous match"))
        self.next_button.setToolTip(_("Next match (Enter or F3)"))
        self.next_button.setAccessibleName(_("Next match"))
        self.close_button.setToolTip(_("Close (Esc)"))
        self.close_button.setAccessibleName(_("Close the find bar"))
        self._show_count()

    # -- public --------------------------------------------------------------------------------

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_index(self) -> int:
        """The current match, counted from 0; -1 when there is none."""
        return self._current

    def open(self, text: str | None = None, *, after: str = "") -> None:
        """Shows the bar with the keyboard in its field; ``text`` (if given) is searched at once,
        its current match the first one after the heading ``after`` (if the page has it)."""
        self.show()
        if text is not None:
            self.field.blockSignals(True)
            self.field.setText(text)
            self.field.blockSignals(False)
            self._search(start_after=after)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._matches, self._current = [], -1
        self._view.setExtraSelections([])
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    # -- matching ------------------------------------------------------------------------------

    def _on_page_changed(self) -> None:
        self._folded = None
        if self.isVisible() and self.field.text():
            self._search()
        else:
            self._matches, self._current = [], -1

    def _document_text(self) -> Folded:
        if self._folded is None:
            raw = self._view.document().toRawText()
            self._folded = fold_with_offsets(raw, self._language())
        return self._folded

    def _search(self, _text: str = "", *, start_after: str = "") -> None:
        needle = fold(self.field.text().strip(), self._language())
        self._matches = []
        if needle:
            folded = self._document_text()
            position = folded.text.find(needle)
            while position >= 0:
                self._matches.append(folded.span(position, position + len(needle)))
                position = folded.text.find(needle, position + len(needle))
        self._current = self._first_match_after(start_after) if self._matches else -1
        self._show()

    def _first_match_after(self, heading: str) -> int:
        """The first match after the block that holds ``heading``, else the first one."""
        folded_heading = fold(heading.strip(), self._language())
        if folded_heading:
            # Found in the folded text, so that soft hyphens in the heading do not hide it.
            folded = self._document_text()
            position = folded.text.find(folded_heading)
            if position >= 0:
                start = self._view.document().findBlock(folded.span(position, position)[0])
                for index, (match_start, _end) in enumerate(self._matches):
                    if match_start >= start.position():
                        return index
        return 0

    def _step(self, step: int) -> None:
        if not self._matches:
            return
        self._current = (self._current + step) % len(self._matches)
        self._show()

    def _show(self) -> None:
        selections = []
        for index, (start, end) in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = QTextCharFormat()
            hit = "match_current" if index == self._current else "match"
            selection.format.setBackground(theme_colour(hit))
            selection.format.setForeground(theme_colour("match_text"))
            selections.append(selection)
            if index == self._current:
                self._bring_into_view(start)
        self._view.setExtraSelections(selections)
        self._show_count()

    def _bring_into_view(self, position: int) -> None:
        """Moves the text cursor to a match and scrolls it to a third of the page's height,
        where the eye finds it, unless it is already in view."""
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(position)
        self._view.setTextCursor(cursor)
        rect = self._view.cursorRect(cursor)
        height = self._view.viewport().height()
        if rect.top() < 0 or rect.bottom() > height:
            bar = self._view.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - height // 3)

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(_("No matches"))
        else:
            self.count_label.setText(
                _("{current} of {count}").format(
                    current=self._current + 1, count=len(self._matches)
                )
            )

    # -- keys ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter / Shift+Enter step through the matches, Esc closes: keys of the find field."""
        if watched is self.field and is_search_shortcut(event):
            return True
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(-1 if shift else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

"""Counselling mode's step bar: one button per step of the guided path (the title wraps to two
lines or is elided; the full text is the tooltip), previous/next, language, text size and
leave. Large targets for unsteady hands; it follows the text size up to a limit so that it still
fits a laptop screen."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QFontMetrics,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

BAR_POINT_SIZE = 11.0
MAX_BAR_SCALE = 200  # beyond this the step bar would not fit a laptop screen
MIN_TARGET = 44  # px: touch and pointer targets for unsteady hands


class StepButton(QToolButton):
    """The step shown, on two lines when one is too short (cut with "…" only when two are
    too); a click lists every step.

    Its size hint does not depend on the text, so a long German title never pushes the
    other buttons off a laptop screen; the whole text is the tooltip and the accessible
    description.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_text = ""
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMenu(QMenu(self))

    def full_text(self) -> str:
        return self._full_text

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._full_text) + 3 * MIN_TARGET // 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(3 * MIN_TARGET, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        """The whole text on one line, or on two when it is too long for one; cut short only
        when not even two lines hold it."""
        room = max(MIN_TARGET, self.width() - MIN_TARGET)
        metrics = self.fontMetrics()
        text = self._full_text
        if metrics.horizontalAdvance(text) > room:
            text = two_lines(text, metrics, room) or metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, room
            )
        if text != self.text():
            self.setText(text)
            self.updateGeometry()


def two_lines(text: str, metrics: QFontMetrics, room: int) -> str | None:
    """``text`` broken at the space that makes its longer line shortest, if both lines fit."""
    best: tuple[int, str] | None = None
    for index, character in enumerate(text):
        if character != " ":
            continue
        first, second = text[:index], text[index + 1 :]
        longest = max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second))
        if longest <= room and (best is None or longest < best[0]):
            best = (longest, f"{first}\n{second}")
    return best[1] if best else None


class StepBar(QWidget):
    """Previous / the step (a list to jump to any step) / next, and the few tools a nurse needs.

    The controller sets the steps and the current one; the buttons trigger its actions. The
    path's title goes first when there is room for it.

    Signals:
        step_chosen(int): the index of the step picked from the list.
    """

    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setObjectName("counselling-path-title")
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.step_button = StepButton()
        self.step_group = QActionGroup(self)
        self.step_actions: list[QAction] = []
        self.language_button = QToolButton()
        self.language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.smaller_button = QPushButton("A\u2212")
        self.larger_button = QPushButton("A+")
        self.leave_button = QPushButton()
        # One line when the step's whole text fits; otherwise the step gets a line of its own
        # above the buttons (its text is never cut short to "Step…").
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 8)
        outer.setSpacing(6)
        self.step_line = QHBoxLayout()
        self.step_line.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.button_line = layout
        outer.addLayout(self.step_line)
        outer.addLayout(layout)
        layout.addWidget(self.title_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.step_button, 1)
        layout.addWidget(self.next_button)
        layout.addSpacing(24)
        for widget in (
            self.language_button,
            self.smaller_button,
            self.larger_button,
            self.leave_button,
        ):
            layout.addWidget(widget)
        self.set_text_scale(100)

    def buttons(self) -> list[QWidget]:
        return [
            self.previous_button, self.step_button, self.next_button, self.language_button,
            self.smaller_button, self.larger_button, self.leave_button,
        ]  # fmt: skip

    def set_steps(self, titles: list[str], current: int | None, text: str) -> None:
        """The list of steps (``current`` checked, None when off the path) and the shown text."""
        menu = self.step_button.menu()
        menu.clear()
        self.step_actions = []
        for index, title in enumerate(titles):
            action = QAction(title, menu, checkable=True)
            action.setChecked(index == current)
            action.triggered.connect(lambda _checked=False, i=index: self.step_chosen.emit(i))
            self.step_group.addAction(action)
            menu.addAction(action)
            self.step_actions.append(action)
        self.step_button.set_full_text(text)
        self._place_title()

    def set_text_scale(self, percent: int) -> None:
        """Follows the text size up to :data:`MAX_BAR_SCALE`; targets stay at least 44 px."""
        font = QFont(self.font())
        font.setPointSizeF(BAR_POINT_SIZE * min(percent, MAX_BAR_SCALE) / 100)
        self.setFont(font)
        height = max(MIN_TARGET, QFontMetrics(font).height() + 18)
        for widget in self.buttons():
            widget.setFont(font)
            widget.setMinimumSize(MIN_TARGET, height)
        self.step_button.menu().setFont(font)
        self.title_label.setFont(font)
        self._place_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_title()

    def _place_title(self) -> None:
        """The step beside the buttons when its whole text fits there, else on a line of its
        own; the path's title only when the step's whole text still fits beside it."""
        layout = self.button_line
        margins = self.layout().contentsMargins()
        used = margins.left() + margins.right() + 24 + layout.spacing() * len(self.buttons())
        used += sum(w.sizeHint().width() for w in self.buttons() if w is not self.step_button)
        room = self.width() - used
        step = self.step_button.sizeHint().width()
        own_line = room < step
        if own_line != (self.step_line.indexOf(self.step_button) >= 0):
            if own_line:
                layout.removeWidget(self.step_button)
                self.step_line.addWidget(self.step_button, 1)
            else:
                self.step_line.removeWidget(self.step_button)
                layout.insertWidget(layout.indexOf(self.next_button), self.step_button, 1)
        title = self.title_label.sizeHint().width() + layout.spacing()
        self.title_label.setVisible(not own_line and room - title >= step)

"""View → Text size: larger, smaller, normal, and a choice of fixed sizes from 50 % to 300 %."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from her2guide.i18n import _
from her2guide.ui.retranslate import Retranslating

PRESETS: tuple[int, ...] = (50, 75, 100, 125, 150, 200, 250, 300)


class TextSizeMenu(Retranslating, QMenu):
    """The step actions (Ctrl++, Ctrl+-, Ctrl+0) and one checkable entry per preset size.

    The title shows the size in use; a size between the presets (after Ctrl++) checks none.
    The window calls :meth:`show_scale` whenever the size changes.
    """

    def __init__(
        self,
        step_actions: Iterable[QAction],
        choose: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._scale = 100
        self.addActions(list(step_actions))
        self.addSeparator()
        self.preset_group = QActionGroup(self)
        self.preset_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.preset_actions: dict[int, QAction] = {}
        for percent in PRESETS:
            action = QAction(f"{percent}\u00a0%", self, checkable=True)
            action.triggered.connect(lambda _checked=False, p=percent: choose(p))
            self.preset_group.addAction(action)
            self.addAction(action)
            self.preset_actions[percent] = action
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Text size: {percent} %").format(percent=self._scale))

    def show_scale(self, percent: int) -> None:
        self._scale = percent
        for preset, action in self.preset_actions.items():
            action.setChecked(preset == percent)
        self.retranslate_ui()

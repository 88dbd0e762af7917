"""What assistive technology learns about the painted treatment path: a list role, and the
selected stage or option as the value.

The items are painted, not widgets, so they have no accessible children; the value (and a
value-change event on every move) is how a screen reader follows the selection.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget


@runtime_checkable
class HasAccessibleValue(Protocol):
    def accessible_value(self) -> str:
        """The selection in words, as a screen reader should say it."""
        ...


class TimelineAccessible(QAccessibleWidget):
    """Gives assistive technology a role, and the selected stage or option as the value."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.List)

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Value and isinstance(widget, HasAccessibleValue):
            return widget.accessible_value()
        return super().text(kind)


_ACCESSIBLE_CLASSES: list[type[QWidget]] = []


def _accessible_factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, tuple(_ACCESSIBLE_CLASSES)) and isinstance(obj, QWidget):
        return TimelineAccessible(obj)
    return None


@cache
def install_accessible_factory(widget_class: type[QWidget]) -> None:
    """Registers the factory once per process for ``widget_class`` (which must offer
    ``accessible_value``); Qt asks it for every object it meets."""
    if not _ACCESSIBLE_CLASSES:
        QAccessible.installFactory(_accessible_factory)
    _ACCESSIBLE_CLASSES.append(widget_class)

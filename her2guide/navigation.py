"""Browser-like back/forward history of places in the app (pages and the timeline)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Location:
    """A place the user can return to: a page (kind "page") or the timeline (kind "timeline")."""

    kind: str
    target: str = ""
    fragment: str = ""


@dataclass
class History:
    """Visits in order; going somewhere new after going back drops the forward part."""

    _entries: list[Location] = field(default_factory=list)
    _index: int = -1

    @property
    def current(self) -> Location | None:
        return self._entries[self._index] if self._entries else None

    def visit(self, location: Location) -> None:
        if location == self.current:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(location)
        self._index = len(self._entries) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

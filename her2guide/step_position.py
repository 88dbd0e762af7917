"""Where counselling mode is on the guided path, and what its step bar says about it.

Plain Python, so that the step arithmetic is tested without a window: ``index`` is the step
shown, or the last one shown while a page off the path is open (``on_path`` False); -1 before
the first step.
"""

from __future__ import annotations

from dataclasses import dataclass

from her2guide.i18n import _


@dataclass
class StepPosition:
    """The step shown (or last shown) and whether the page shown is on the path."""

    index: int = -1
    on_path: bool = False

    def go_to(self, index: int) -> None:
        self.index = index

    def next_index(self) -> int:
        """The step after the one shown, or after the last one seen when off the path."""
        return self.index + 1

    def previous_index(self) -> int:
        """The step before the one shown; off the path, the last step seen."""
        return self.index - 1 if self.on_path else self.index

    def has_next(self, count: int) -> bool:
        return self.next_index() < count

    def has_previous(self) -> bool:
        return self.previous_index() >= 0

    def sync(self, found: int | None) -> None:
        """A place was shown: ``found`` is its step, or None for a page off the path (which
        keeps the last step seen)."""
        self.on_path = found is not None
        if found is not None:
            self.index = found

    def current(self) -> int | None:
        """The step to mark in the bar; None off the path."""
        return self.index if self.on_path else None

    def summary(self, titles: list[str]) -> str:
        """The bar's text: the step shown (``titles`` are the steps' "Step n of m" texts), or
        where the reader is off the path."""
        count = len(titles)
        if self.on_path:
            return titles[self.index]
        if self.index < 0:
            return _("Not on the path yet: next is step 1 of {count}").format(count=count)
        return _("Off the path (after step {number} of {count})").format(
            number=self.index + 1, count=count
        )

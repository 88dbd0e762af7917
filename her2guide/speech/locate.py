"""Finding a sentence in the text of the page as shown, so that it can be highlighted.

The shown document's text differs from the page's HTML in ways a reader does not see: block and
cell boundaries, frame markers, images, soft hyphens, runs of white space. Both sides are folded
alike and compared; positions are given back in the document's own coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

from her2guide.content.hyphenate import SOFT_HYPHEN

_INVISIBLE = {SOFT_HYPHEN}
_SPACES = {"\u2029", "\u2028", "\ufdd0", "\ufdd1", "\ufffc", "\u00a0", "\t", "\n", "\r", " "}


def fold(text: str) -> str:
    """Text as compared: soft hyphens dropped, every run of white space one space."""
    return FoldedText.of(text).text


@dataclass(frozen=True)
class FoldedText:
    """A document's text folded, with the document position of every folded character."""

    text: str
    positions: tuple[int, ...]

    @classmethod
    def of(cls, raw: str) -> FoldedText:
        chars: list[str] = []
        positions: list[int] = []
        for position, char in enumerate(raw):
            if char in _INVISIBLE:
                continue
            if char in _SPACES or char.isspace():
                if not chars or chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            positions.append(position)
        return cls("".join(chars), tuple(positions))

    def find(self, shown: str, start: int = 0) -> tuple[int, int] | None:
        """The folded range of ``shown`` at or after ``start``, or None."""
        needle = fold(shown).strip()
        if not needle:
            return None
        index = self.text.find(needle, start)
        return None if index < 0 else (index, index + len(needle))

    def document_range(self, begin: int, end: int) -> tuple[int, int]:
        """Document positions (start, end) of the folded range [begin, end)."""
        return self.positions[begin], self.positions[end - 1] + 1

"""The reader's own list of questions for the care team: ticked suggestions and typed questions.

A ticked suggestion remembers which page and which of its questions it came from, so that a
handout printed in the other language can show the same question translated. The list lives in
one JSON file in the user data folder, saved atomically after every change. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from her2guide.userdata import Loaded, read_json, write_json

FILE_NAME = "questions.json"
FORMAT_VERSION = 1
MAX_QUESTIONS = 500
MAX_LENGTH = 2000

QuestionsOf = Callable[[str, str], tuple[str, ...] | None]
"""(page id, language) -> that page's suggested questions, or None if there is no such page."""


@dataclass(frozen=True)
class Question:
    """One entry of the list; ``page`` and ``index`` are set when it was a page's suggestion."""

    text: str
    page: str | None = None
    index: int | None = None
    lang: str | None = None

    @property
    def suggested(self) -> bool:
        return self.page is not None

    def text_in(self, lang: str, questions_of: QuestionsOf) -> str:
        """The question in ``lang``: a suggestion is translated through its page, as long as
        the page still asks the same question it asked when it was ticked; own text stays."""
        if self.page is None or self.index is None or self.lang is None or lang == self.lang:
            return self.text
        original = questions_of(self.page, self.lang)
        translated = questions_of(self.page, lang)
        if (
            original is None
            or translated is None
            or self.index >= min(len(original), len(translated))
            or original[self.index] != self.text
        ):
            return self.text
        return translated[self.index]

    def to_json(self) -> dict[str, Any]:
        if self.page is None:
            return {"text": self.text}
        return {"text": self.text, "page": self.page, "index": self.index, "lang": self.lang}


class QuestionList:
    """An ordered list of questions with the edits the panel offers."""

    def __init__(self, questions: list[Question] | None = None) -> None:
        self._items: list[Question] = list(questions or [])

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Question]:
        return iter(self._items)

    def __getitem__(self, index: int) -> Question:
        return self._items[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QuestionList) and self._items == other._items

    def __hash__(self) -> int:
        return hash(tuple(self._items))

    def texts(self) -> list[str]:
        return [question.text for question in self._items]

    def add(self, text: str) -> int | None:
        """Appends an own question; returns its position, or None for empty text."""
        cleaned = _clean(text)
        if not cleaned or len(self._items) >= MAX_QUESTIONS:
            return None
        self._items.append(Question(cleaned))
        return len(self._items) - 1

    def is_ticked(self, page: str, index: int) -> bool:
        return self._find(page, index) is not None

    def set_ticked(self, page: str, index: int, text: str, lang: str, ticked: bool) -> bool:
        """Adds or removes a page's suggested question; returns whether the list changed."""
        position = self._find(page, index)
        if ticked and position is None and len(self._items) < MAX_QUESTIONS:
            self._items.append(Question(_clean(text), page, index, lang))
            return True
        if not ticked and position is not None:
            del self._items[position]
            return True
        return False

    def edit(self, position: int, text: str) -> bool:
        """Replaces a question's text. An edited suggestion becomes the reader's own question,
        since it no longer says what the page suggested. Empty text changes nothing."""
        cleaned = _clean(text)
        if not cleaned or cleaned == self._items[position].text:
            return False
        self._items[position] = Question(cleaned)
        return True

    def move(self, position: int, step: int) -> int:
        """Moves a question up (step -1) or down (+1); returns where it is now."""
        target = max(0, min(len(self._items) - 1, position + step))
        if target != position:
            self._items.insert(target, self._items.pop(position))
        return target

    def remove(self, position: int) -> None:
        del self._items[position]

    def clear(self) -> None:
        self._items.clear()

    def _find(self, page: str, index: int) -> int | None:
        return next(
            (i for i, q in enumerate(self._items) if q.page == page and q.index == index), None
        )

    def to_json(self) -> dict[str, Any]:
        return {"version": FORMAT_VERSION, "questions": [q.to_json() for q in self._items]}

    @classmethod
    def from_json(cls, data: Any) -> QuestionList:
        """Reads what ``to_json`` wrote; raises ValueError or TypeError for anything else."""
        if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
            raise ValueError("expected an object with a list 'questions'")
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unknown format version {data.get('version')!r}")
        items = []
        for entry in data["questions"][:MAX_QUESTIONS]:
            if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
                raise TypeError("every question needs a 'text'")
            text = _clean(entry["text"])
            if not text:
                continue
            if "page" not in entry:
                items.append(Question(text))
                continue
            page, index, lang = entry.get("page"), entry.get("index"), entry.get("lang")
            if not (isinstance(page, str) and isinstance(lang, str)):
                raise TypeError("a suggested question needs 'page' and 'lang' texts")
            if isinstance(index, bool) or not isinstance(index, int) or index < 0:
                raise TypeError("a suggested question needs a whole-number 'index'")
            items.append(Question(text, page, index, lang))
        return cls(items)


def _clean(text: str) -> str:
    """One line of text: new lines and runs of spaces become single spaces."""
    return " ".join(text.split())[:MAX_LENGTH]


def load_questions(path: Path) -> Loaded[QuestionList]:
    """The saved list; a damaged file is moved aside and an empty list is used."""
    return read_json(path, QuestionList(), QuestionList.from_json)


def save_questions(path: Path, questions: QuestionList) -> None:
    write_json(path, questions.to_json())

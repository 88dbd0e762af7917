"""What reading a rendered page aloud says, in order: title, "In short", the text with boxes
announced as such, tables row by row; the sources, citation markers, soft hyphens and the
symbols that mark boxes are left out.

Each utterance keeps the text as the page shows it (to find it on the page and highlight it)
and the text to speak, with a map from every spoken character back to the shown one (to follow
an engine that reports words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.i18n import N_, gettext_for
from her2guide.speech.sentences import sentence_spans

_SILENT_START, _SILENT_END = "\ue000", "\ue001"  # around shown text that is not spoken
_BOX_SYMBOLS = "\u26a0\u2139\ufe0f"
_SPACE = re.compile(r"\s+")
_LANG = re.compile(r'<html\s+lang="([\w-]+)"')
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote"}
_BOX_CLASSES = {"box-warning": "warning", "box-note": "note", "inshort": "in-short"}


@dataclass(frozen=True)
class Block:
    """One block of the page as shown: its kind and its text (silent parts marked)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Utterance:
    """One sentence: as shown on the page (white space folded) and as spoken."""

    shown: str
    spoken: str
    origin: tuple[int, ...]  # for each spoken character, its index in ``shown``
    kind: str


def page_language(page_html: str, default: str = "en") -> str:
    """The language the page declares in its ``<html lang>``."""
    match = _LANG.match(page_html)
    return match.group(1).split("-")[0] if match else default


class _BlockReader(HTMLParser):
    """Collects the blocks of a rendered page up to its list of sources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._kind: str | None = None
        self._boxes: list[str | None] = []  # for each open table: the box it is, if it is one
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._silent_depth = 0
        self._tags: list[str] = []
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "h2" and "sources" in classes:
            self._flush()
            self._done = True
            return
        self._tags.append(tag)
        if tag == "a" and "cite" in classes:
            self._silent_depth += 1
            self._write(_SILENT_START)
        elif tag == "table":
            self._flush()
            self._boxes.append(next((k for c, k in _BOX_CLASSES.items() if c in classes), None))
        elif tag == "tr" and self._in_data_table():
            self._row = []
        elif tag in ("td", "th") and self._in_data_table():
            self._cell = []
        elif tag in _BLOCKS:
            self._flush()
            self._kind = self._kind_of(tag, classes)

    def handle_endtag(self, tag: str) -> None:
        if self._done or tag not in self._tags:
            return
        while self._tags and self._tags.pop() != tag:
            pass
        if tag == "a" and self._silent_depth:
            self._silent_depth -= 1
            self._write(_SILENT_END)
        elif tag == "table":
            self._flush()
            if self._boxes:
                self._boxes.pop()
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(_fold("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            cells = [cell for cell in self._row if _shown(cell)]
            if cells:
                self.blocks.append(Block("row", "\t".join(cells)))
            self._row = None
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._done:
            self._write(data)

    def _write(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._text.append(data)

    def _in_data_table(self) -> bool:
        return bool(self._boxes) and self._boxes[-1] is None

    def _kind_of(self, tag: str, classes: set[str]) -> str:
        box = next((b for b in reversed(self._boxes) if b), None)
        if box:
            return f"{box}-title" if "box-title" in classes else box
        if tag == "h1":
            return "title"
        if tag.startswith("h"):
            return "heading"
        return "list-item" if tag == "li" else "text"

    def _flush(self) -> None:
        text = _fold("".join(self._text))
        if _shown(text) and self._kind:
            self.blocks.append(Block(self._kind, text))
        self._text = []
        self._kind = None


def _fold(text: str) -> str:
    return _SPACE.sub(" ", without_soft_hyphens(text).replace("\u00a0", " ")).strip()


def _shown(text: str) -> str:
    return re.sub(f"{_SILENT_START}.*?{_SILENT_END}", "", text).strip(_BOX_SYMBOLS + " ")


def page_blocks(page_html: str) -> list[Block]:
    """The blocks of a page in reading order, without its sources."""
    reader = _BlockReader()
    reader.feed(page_html)
    reader.close()
    reader._flush()
    return reader.blocks


def _announcement(kind: str, lang: str) -> str:
    """What is said before a box's title, in the page's language."""
    words = {"warning-title": N_("Warning:"), "note-title": N_("Note:")}
    return gettext_for(lang, words[kind]) if kind in words else ""


def _speakable(shown_with_marks: str) -> tuple[str, str, tuple[int, ...]]:
    """The shown text (marks removed), the spoken text and where each spoken character shows."""
    shown: list[str] = []
    spoken: list[str] = []
    origin: list[int] = []
    silent = False
    for char in shown_with_marks:
        if char == _SILENT_START:
            silent = True
            continue
        if char == _SILENT_END:
            silent = False
            continue
        index = len(shown)
        shown.append(" " if char == "\t" else char)
        if char == "\t" and not silent:  # between the cells of a table row
            spoken.extend(", ")
            origin.extend((index, index))
            continue
        if silent or char in _BOX_SYMBOLS or (char == " " and (not spoken or spoken[-1] == " ")):
            continue
        if char in ".,;:!?)" and spoken and spoken[-1] == " ":  # a silent citation was before it
            spoken.pop()
            origin.pop()
        spoken.append(char)
        origin.append(index)
    while spoken and spoken[-1] == " ":
        spoken.pop()
        origin.pop()
    return "".join(shown), "".join(spoken), tuple(origin)


def reading_script(page_html: str) -> list[Utterance]:
    """Every sentence of the page to be read, in order, in the page's language."""
    lang = page_language(page_html)
    utterances: list[Utterance] = []
    for block in page_blocks(page_html):
        text = block.text
        whole = block.kind in ("title", "heading", "row")
        spans = [(0, len(text))] if whole else sentence_spans(text, lang)
        for number, (begin, end) in enumerate(spans):
            shown, spoken, origin = _speakable(text[begin:end])
            if not spoken.strip(" ,"):
                continue
            announce = _announcement(block.kind, lang) if number == 0 else ""
            if announce:
                spoken = f"{announce} {spoken}"
                origin = (origin[0],) * (len(announce) + 1) + origin
            utterances.append(Utterance(shown, spoken, origin, block.kind))
    return utterances

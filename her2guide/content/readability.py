"""Plain-language scores of a page's prose, so the readability gate measures what patients read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from her2guide.content.library import Library

LIMITS = {"en": "Flesch-Kincaid grade <= 8", "de": "Amstad >= 60, Wiener Sachtextformel <= 8"}

_FENCE = re.compile(r"^```.*?^```", re.S | re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BARE_URL = re.compile(r"<?https?://[^\s>]+>?")
_STATUS = re.compile(r"\{\{status:[^{}]*\}\}")  # filled in from the register when shown
_CITE = re.compile(r"\s*\[S\d+(?:\s*,\s*S?\d+)*\]")
_ADMONITION = re.compile(r'^!!!\s+\w+(?:\s+"([^"]*)")?\s*$')
_MARKUP = re.compile(r"[*_`]+")
_LIST_MARK = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+")
_TERMINAL = (".", "!", "?", ":", ";")


@dataclass(frozen=True)
class Scores:
    """Readability figures of one text; only the ones for its language are filled."""

    words: int
    fk_grade: float | None = None
    amstad: float | None = None
    wstf: float | None = None

    def passes(self, lang: str) -> bool:
        if lang == "de":
            return (self.amstad or 0) >= 60 and (self.wstf or 99) <= 8
        return (self.fk_grade if self.fk_grade is not None else 99) <= 8


def prose(markdown: str) -> str:
    """The running text of a Markdown body: no tables, markup, link targets or citation marks.

    Lines wrapped inside a paragraph are joined; headings, list items and box titles become
    sentences of their own, so that they are not counted as part of the sentence that follows.
    """
    units: list[str] = []
    joinable = False
    for raw in _FENCE.sub("", markdown).splitlines():
        line = raw.strip()
        if not line or line.startswith("|"):
            joinable = False
            continue
        admonition = _ADMONITION.match(line)
        heading = line.startswith("#")
        item = bool(_LIST_MARK.match(line))
        text = admonition.group(1) or "" if admonition else line
        text = _BARE_URL.sub("", _LINK.sub(r"\1", _CITE.sub("", _IMAGE.sub("", text))))
        text = _STATUS.sub("", text)
        text = _MARKUP.sub("", _LIST_MARK.sub("", text.lstrip("#").strip())).strip()
        if not text:
            continue
        if joinable and not (admonition or heading or item):
            units[-1] += " " + text
        else:
            units.append(text)
        joinable = not (admonition or heading)
    return "\n".join(u if u.endswith(_TERMINAL) else u + "." for u in units)


def score(text: str, lang: str) -> Scores:
    """Scores a prose text with the formula the gate uses for that language."""
    import textstat  # a test and editing tool, not installed with the app; prose() needs none

    words = textstat.lexicon_count(text)
    if lang == "de":
        textstat.set_lang("de")
        return Scores(
            words=words,
            amstad=round(textstat.flesch_reading_ease(text), 1),
            wstf=round(textstat.wiener_sachtextformel(text, 1), 1),
        )
    textstat.set_lang("en_US")
    return Scores(words=words, fk_grade=round(textstat.flesch_kincaid_grade(text), 1))


def page_scores(library: Library, lang: str) -> dict[str, Scores]:
    """Scores of every page's summary and body in one language."""
    content = library.language(lang)
    return {
        page_id: score(prose(page.summary + "\n\n" + page.body), lang)
        for page_id, page in sorted(content.pages.items())
    }


def readability_table(library: Library) -> str:
    """A plain-text table of every page's figures beside the limits of the gate."""
    en, de = page_scores(library, "en"), page_scores(library, "de")
    header = (
        f"{'page':28} {'EN words':>8} {'FK grade':>8}   "
        f"{'DE words':>8} {'Amstad':>7} {'WSTF':>5}  ok"
    )
    rows = [header, "-" * len(header)]
    for page_id in sorted(set(en) | set(de)):
        e, d = en.get(page_id), de.get(page_id)
        ok = bool(e and d and e.passes("en") and d.passes("de"))
        rows.append(
            f"{page_id:28} {e.words if e else '-':>8} {e.fk_grade if e else '-':>8}   "
            f"{d.words if d else '-':>8} {d.amstad if d else '-':>7} {d.wstf if d else '-':>5}  "
            + ("yes" if ok else "NO")
        )
    rows.append(f"limits: EN {LIMITS['en']}; DE {LIMITS['de']}")
    return "\n".join(rows)

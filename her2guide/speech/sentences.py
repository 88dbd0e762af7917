"""Sentences of English and German patient text, for reading aloud one sentence at a time.

A full stop ends a sentence only where a reader would hear one: not in abbreviations such as
"e.g.", "Dr." or "z. B.", not in numbers such as "1.5" or "16,3 %", and not after a German
ordinal such as "am 15. Mai".
"""

from __future__ import annotations

import re

# "|" between abbreviations, since some hold a space.
_ABBREVIATIONS: dict[str, str] = {
    "en": "e.g.|i.e.|Dr.|Mr.|Mrs.|Ms.|Prof.|vs.|etc.|approx.|No.|St.|Fig.|cf.|Jan.|Feb.|Mar."
    "|Apr.|Jun.|Jul.|Aug.|Sep.|Sept.|Oct.|Nov.|Dec.",
    "de": "z. B.|d. h.|u. a.|o. Ä.|bzw.|ca.|Dr.|Prof.|Nr.|etc.|usw.|ggf.|evtl.|vgl.|sog.|inkl."
    "|max.|min.|Std.|Abb.|s.|S.",
}
_MONTHS_DE = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    "Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez"
)
_END = re.compile(r"[.!?…]+[\"'”“»«)\]]*(?=\s+[\"'„“«»(\[]?[A-ZÄÖÜ0-9])")


def _abbreviation_pattern(abbreviation: str) -> re.Pattern[str]:
    """An abbreviation with or without the spaces inside it ("z. B." and "z.B.")."""
    parts = [re.escape(part) for part in abbreviation.split(" ")]
    return re.compile(r"(?<![\w])" + r"\s?".join(parts))


_PATTERNS = {
    lang: [_abbreviation_pattern(a) for a in abbrs.split("|")]
    for lang, abbrs in _ABBREVIATIONS.items()
}
_ORDINAL_DE = re.compile(rf"\b\d{{1,2}}\.(?=\s+(?:{_MONTHS_DE})\b)")


def _protected_ends(text: str, lang: str) -> set[int]:
    """Positions just after each full stop that belongs to an abbreviation or a German ordinal."""
    protected = {
        m.start() + offset + 1
        for pattern in _PATTERNS.get(lang, ())
        for m in pattern.finditer(text)
        for offset, char in enumerate(m.group())
        if char == "."
    }
    if lang == "de":
        protected |= {m.end() for m in _ORDINAL_DE.finditer(text)}
    return protected


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` starts and ends, surrounding white space left out."""
    protected = _protected_ends(text, lang)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        first_stop = match.start() + 1
        if first_stop in protected and match.group().rstrip("\"'”“»«)]") == ".":
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped_start = begin + len(piece) - len(piece.lstrip())
        stripped_end = begin + len(piece.rstrip())
        if stripped_end > stripped_start:
            result.append((stripped_start, stripped_end))
    return result


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` in order."""
    return [text[begin:end] for begin, end in sentence_spans(text, lang)]

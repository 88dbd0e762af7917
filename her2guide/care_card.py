"""The "Call your care team" card: the clinic's number on top, then the red flags of one page.

The medical text comes only from the content page ``when-to-call`` (its summary and warning
boxes, as the renderer drew them, with its sources and review date); this module adds nothing
but the clinic's name and number, which the reader enters in the preferences. Plain Python.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from her2guide.i18n import gettext_for

CARD_PAGE = "when-to-call"
PHONE_SYMBOL = "\u260e"  # ☎, drawn beside the number so that it is not told by colour alone

# Patterns as text: ``re`` compiles each on first use and keeps it, not at start-up.
_SUMMARY = r'(?s)<table\b[^>]*\bclass="inshort"[^>]*>.*?</table>'
_WARNING = r'(?s)<table\b[^>]*\bclass="box-warning"[^>]*>.*?</table>'
_ITEM = r"(?s)<li>(.*?)</li>"
_TITLE = r'(?s)<p class="box-title">(.*?)</p>'
_PARAGRAPH = r"(?s)<p>(.*?)</p>"
_TAGS = r"<[^>]+>"
HALF_WIDTH_CHARACTERS = 34
_EXPLANATION = r"(?s)\s*<p>.*?</p>"
_SOURCES = r'(?s)<h2 class="sources">.*?(?=</body>)'


@dataclass(frozen=True)
class ClinicContact:
    """The reader's care team as entered in the preferences; every field may be empty.

    ``phone`` is the day number; ``night_phone`` the one for nights and weekends, which many
    clinics give separately (an on-call ward or an out-of-hours line).
    """

    name: str = ""
    phone: str = ""
    night_phone: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.name.strip() or self.phone.strip() or self.night_phone.strip())

    def one_line(self, lang: str) -> str:
        """Name and numbers on one line, as the footer of a printed page shows them."""
        line = ", ".join(part.strip() for part in (self.name, self.phone) if part.strip())
        number = self.night_phone.strip()
        if number:
            night = _t("nights and weekends: {number}", lang).format(number=number)
            line = f"{line}; {night}" if line else night
        return line


def _t(message: str, lang: str) -> str:
    return gettext_for(lang, message)


@dataclass(frozen=True)
class RedFlags:
    """The parts of the page the card shows, as the renderer drew them."""

    summary: str
    warnings: list[str]
    sources: str


def red_flag_parts(page_html: str) -> RedFlags:
    """The page's summary, its warning boxes, and its sources with the review date."""
    summary = re.search(_SUMMARY, page_html)
    sources = re.search(_SOURCES, page_html)
    return RedFlags(
        summary.group(0) if summary else "",
        re.findall(_WARNING, page_html),
        sources.group(0) if sources else "",
    )


def signs_only(box: str) -> str:
    """A warning box with its title and list of signs, without the explanation under it (the
    page keeps that), and with less padding; a box without a list, such as the emergency
    call, keeps its text."""
    compact = box.replace('cellpadding="12"', 'cellpadding="8"')
    if "<ul>" not in box and "<ol>" not in box:
        return compact
    return re.sub(_EXPLANATION, "", compact)


def _estimated_lines(box: str) -> float:
    """Roughly how many lines a box takes in half the width of a sheet."""
    title = re.search(_TITLE, box)
    parts = [title.group(1)] if title else []
    parts += re.findall(_ITEM, box) or re.findall(_PARAGRAPH, box)
    return 1.5 + sum(1 + len(re.sub(_TAGS, "", part)) // HALF_WIDTH_CHARACTERS for part in parts)


def _balanced(boxes: list[str]) -> tuple[list[str], list[str]]:
    """The boxes in two columns, keeping their order, with the taller column as short as it
    can be (there are only a handful of boxes, so every split is tried)."""
    heights = [_estimated_lines(box) for box in boxes]
    best: tuple[float, int] = (float("inf"), 0)
    for mask in range(1 << len(boxes)):
        left = sum(h for i, h in enumerate(heights) if mask >> i & 1)
        best = min(best, (max(left, sum(heights) - left), mask))
    mask = best[1]
    return (
        [box for i, box in enumerate(boxes) if mask >> i & 1],
        [box for i, box in enumerate(boxes) if not mask >> i & 1],
    )


def _two_columns(boxes: list[str]) -> str:
    """The first box (the page puts the most urgent one first) across the whole width, the
    others in two balanced columns, so that the card fits on one sheet."""
    cells = "".join(
        f'<td width="50%" valign="top">{"".join(column)}</td>'
        for column in _balanced(boxes[1:])
        if column
    )
    return (
        "".join(boxes[:1])
        + '<table class="grid" width="100%" cellspacing="0" cellpadding="4"><tr>'
        + cells
        + "</tr></table>"
    )


def clinic_html(clinic: ClinicContact, lang: str, *, for_print: bool) -> str:
    """The box with the clinic's name and number. Without a number, the screen says where to
    enter it, and paper gets a line to write it on."""
    name_style = "" if for_print else ' style="font-size: large; font-weight: bold"'
    phone_style = "" if for_print else ' style="font-size: x-large; font-weight: bold"'
    label_class = "clinic-label" if for_print else "box-title"
    rows = [f'<p class="{label_class}">{html.escape(_t("Your care team", lang))}</p>']
    if clinic.name.strip():
        rows.append(f'<p class="clinic-name"{name_style}>{html.escape(clinic.name.strip())}</p>')
    if clinic.phone.strip():
        phone = html.escape(clinic.phone.strip())
        rows.append(f'<p class="clinic-phone"{phone_style}>{PHONE_SYMBOL}\u00a0{phone}</p>')
    elif for_print:
        label = html.escape(_t("Phone:", lang))
        rows.append(f'<p class="clinic-phone">{PHONE_SYMBOL}\u00a0{label} {"_" * 28}</p>')
    rows += _night_rows(clinic, lang, for_print=for_print, phone_style=phone_style)
    if not (clinic.phone.strip() or clinic.night_phone.strip() or for_print):
        hint = _t(
            "No phone number entered yet. Add your care team's name and phone number in "
            "Preferences (File menu, or Ctrl+,).",
            lang,
        )
        rows.append(f'<p class="clinic-hint">{html.escape(hint)}</p>')
    # On screen the box takes the theme's colours of the summary box; paper has its own.
    box_class = "clinic" if for_print else "inshort"
    return (
        f'<table class="{box_class}" width="100%" cellspacing="0" cellpadding="12"><tr><td>'
        + "".join(rows)
        + "</td></tr></table>"
    )


def _night_rows(
    clinic: ClinicContact, lang: str, *, for_print: bool, phone_style: str
) -> list[str]:
    """The number for nights and weekends under its label; paper without one gets a line to
    write it on, because a night number is what people most often cannot find."""
    label = html.escape(_t("Nights and weekends:", lang))
    night = clinic.night_phone.strip()
    if night:
        number = html.escape(night)
        return [
            f'<p class="clinic-night-label">{label}</p>',
            f'<p class="clinic-night-phone"{phone_style}>{PHONE_SYMBOL}\u00a0{number}</p>',
        ]
    if for_print:
        return [f'<p class="clinic-night-phone">{PHONE_SYMBOL}\u00a0{label} {"_" * 20}</p>']
    return []


def with_clinic_box(page_html: str, clinic: ClinicContact, lang: str) -> str:
    """The page with the warning signs, with the care team's numbers right under its summary
    (at the top when it has none), so that the numbers are on screen beside the signs."""
    box = clinic_html(clinic, lang, for_print=False)
    summary = re.search(_SUMMARY, page_html)
    if summary:
        return page_html[: summary.end()] + box + page_html[summary.end() :]
    body = page_html.find("<body>")
    at = body + len("<body>") if body >= 0 else 0
    return page_html[:at] + box + page_html[at:]


def card_html(
    page_html: str,
    title: str,
    clinic: ClinicContact,
    lang: str,
    *,
    for_print: bool = False,
    source_note: str = "",
) -> str:
    """The whole card as an HTML document in ``lang``. On paper it is kept to one sheet: the
    clinic beside the summary, and the boxes with their signs but without the explanations,
    in two columns, and ``source_note`` (one line on where the sources are) in place of the
    list of sources."""
    flags = red_flag_parts(page_html)
    heading_class = ' class="card"' if for_print else ""
    parts = [f"<h1{heading_class}>{html.escape(title)}</h1>"]
    clinic_part = clinic_html(clinic, lang, for_print=for_print)
    if for_print:
        parts.append(
            '<table class="grid" width="100%" cellspacing="0" cellpadding="4"><tr>'
            f'<td width="42%" valign="top">{clinic_part}</td>'
            f'<td width="58%" valign="top">{flags.summary}</td></tr></table>'
        )
        parts.append(_two_columns([signs_only(box) for box in flags.warnings]))
        parts.append(source_note)
    else:
        parts += [clinic_part, flags.summary, *flags.warnings, flags.sources]
    return f'<html lang="{lang}"><body>' + "\n".join(parts) + "</body></html>"

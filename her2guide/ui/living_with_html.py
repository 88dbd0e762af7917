"""The "living with it" part of the treatment path's detail panel, as HTML.

It adds to what timeline.yaml says about an option: how strong the evidence is, how the
treatment is given, what it asks of a person, and its harms in numbers, plus the care that is
always possible beside every line. Citations of this data are numbered after the option's own
sources, so that one numbered source list serves the whole panel.
"""

from __future__ import annotations

import html
import re

from her2guide.content.model import Source
from her2guide.i18n import _
from her2guide.timeline.living_with import AlwaysThere, LivingWith

_CITATION = re.compile(r"\s*\[S(\d+)\]")


def evidence_label(kind: str) -> str:
    """A short marker of how sure a result is; the glossary explains the kinds in full."""
    labels = {
        "randomised": _("Randomised trial: groups chosen by chance, so they compare fairly"),
        "single-arm": _("Single-arm trial: no comparison group, so the result is less certain"),
        "subgroup": _("Part of a larger trial (subgroup): can point to an effect, or be chance"),
        "expert": _("Expert advice: no trial compared this with other choices"),
    }
    return labels.get(kind, kind)


def _rich(text: str, offset: int) -> str:
    """Escaped text with [S1] shown as a superscript, renumbered after the option's sources."""
    return _CITATION.sub(
        lambda match: f"<sup>[{int(match.group(1)) + offset}]</sup>", html.escape(text)
    )


def living_with_html(entry: LivingWith, offset: int) -> str:
    """The evidence marker and the sections on living with the option; ``offset`` is the number
    of sources the panel lists before this entry's own."""
    evidence, living = _("Strength of evidence:"), _("Living with it")
    given, asks, harms = _("How it is given:"), _("What it asks of you:"), _("Harms in numbers:")
    parts = [f"<p><b>{html.escape(evidence)}</b> "]
    parts.append(f"{html.escape(evidence_label(entry.evidence))}</p>")
    if entry.stand_in:
        note = _(
            "“Without the cancer growing” is a stand-in measure. It is known sooner than how "
            "long people live, but it does not always mean a longer life."
        )
        parts.append(f"<p><i>{html.escape(note)}</i></p>")
    parts.append(f"<h3>{html.escape(living)}</h3>")
    parts.append(f"<p><b>{html.escape(given)}</b> {_rich(entry.given, offset)}</p>")
    parts.append(f"<p><b>{html.escape(asks)}</b> {_rich(entry.burden, offset)}</p>")
    parts.append(f"<p><b>{html.escape(harms)}</b></p><ul>")
    parts += [f"<li>{_rich(harm, offset)}</li>" for harm in entry.harms]
    parts.append("</ul>")
    return "".join(parts)


def always_html(always: AlwaysThere) -> str:
    """The care that is open beside every line, in a box of its own."""
    return (
        '<table class="inshort" width="100%" cellspacing="0" cellpadding="8"><tr><td>'
        f"<p><b>{html.escape(always.title)}</b></p><p>{html.escape(always.text)}</p>"
        "</td></tr></table>"
    )


def extra_sources(entry: LivingWith | None) -> tuple[Source, ...]:
    return entry.sources if entry else ()

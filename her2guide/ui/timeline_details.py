"""The treatment path's detail panel as HTML: a stage, or a treatment with its approval,
evidence, what living with it is like, and its sources. Composed here, shown by the view."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from her2guide.content.status_register import StatusRegister
from her2guide.content.status_text import REGION_SHORT, checked_note
from her2guide.i18n import _, current_language
from her2guide.timeline.living_with import LivingWithData
from her2guide.timeline.model import Option, Stage
from her2guide.ui.living_with_html import always_html, extra_sources, living_with_html

_CITATION = re.compile(r"\s*\[S(\d+)\]")


def _rich(text: str) -> str:
    """Content text as HTML: escaped (content is data, never markup), [S1] as a superscript."""
    return _CITATION.sub(r"<sup>[\1]</sup>", html.escape(text))


def stage_html(stage: Stage, *, here: bool, living: LivingWithData | None) -> str:
    """The details of a stage: what it is and the treatments at it."""
    parts = [_heading(2, stage.label)]
    if here:
        parts.append(_paragraph(html.escape(_("You are here")), "b"))
    parts.append(_paragraph(_rich(stage.description)))
    parts.append(_heading(3, _("Treatments at this stage")))
    parts.append(_bullets(html.escape(option.label) for option in stage.options))
    parts.append(_paragraph(html.escape(_("Choose a treatment to see its details.")), "i"))
    if living and living.always:
        parts.append(always_html(living.always))
    return "".join(parts)


def option_html(
    stage: Stage,
    option: Option,
    *,
    here: bool,
    status_lines: list[str],
    register: StatusRegister | None,
    living: LivingWithData | None,
) -> str:
    """The details of a treatment: what it is, approval, evidence, living with it, sources."""
    where = stage.label
    if here:
        where = _("{stage} (you are here)").format(stage=stage.label)
    parts = [_heading(2, option.name)]
    if option.brand:
        parts.append(_paragraph(html.escape(_("Brand name: {brand}").format(brand=option.brand))))
    parts.append(_paragraph(html.escape(where), "i"))
    parts += [_heading(3, _("What it is")), _paragraph(_rich(option.what))]
    words = status_lines or [
        _("This guide has no confirmed approval for this use. Ask your care team.")
    ]
    parts += [_heading(3, _("Approval")), _bullets(html.escape(text) for text in words)]
    parts += _register_details(option, register)
    trial = f"<b>{html.escape(option.trial)}:</b> " if option.trial else ""
    parts += [_heading(3, _("Evidence")), _paragraph(trial + _rich(option.result))]
    entry = living.options.get(option.id) if living else None
    if entry:
        parts.append(living_with_html(entry, len(option.sources)))
    parts.append(_heading(3, _("Side effects")))
    parts.append(_bullets(_rich(effect) for effect in option.side_effects))
    parts += [_heading(3, _("What to ask your care team")), _paragraph(_rich(option.ask))]
    parts.append(_heading(3, _("Sources")))
    sources = [
        html.escape(source.text)
        + (f"<br><small>{html.escape(source.link)}</small>" if source.link else "")
        for source in option.sources + extra_sources(entry)
    ]
    parts.append(_bullets(sources, tag="ol"))
    if living and living.always:
        parts.append(always_html(living.always))
    return "".join(parts)


def _register_details(option: Option, register: StatusRegister | None) -> list[str]:
    """When the register was last checked for this option, and where each status is from."""
    entry = register.get(option.status) if register and option.status else None
    if entry is None:
        return []
    lang = current_language()
    links = [
        f"{html.escape(_(REGION_SHORT[region]))}: <small>{html.escape(status.source)}</small>"
        for region, status in entry.regions.items()
        if status.source
    ]
    return [_paragraph(html.escape(checked_note(entry, lang)), "i"), _bullets(links)]


def _heading(level: int, text: str) -> str:
    return f"<h{level}>{html.escape(text)}</h{level}>"


def _paragraph(inner_html: str, style: str = "") -> str:
    """A paragraph of already-escaped HTML, optionally bold ("b") or italic ("i")."""
    if style:
        inner_html = f"<{style}>{inner_html}</{style}>"
    return f"<p>{inner_html}</p>"


def _bullets(items_html: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items_html) + f"</{tag}>"

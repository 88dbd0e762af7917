"""The colour themes as data: light, dark and high contrast.

Each theme gives the colours of Qt's palette roles (by role name, for the whole interface and the
painted timeline), and named colours for what the palette has no role for: the reader's style
sheet (``resources/style/reader.css`` is a template whose ``$name`` placeholders these fill),
the focus ring, search hits and glossary marks. Every pair of colours that is drawn together is
checked for contrast in tests/test_themes.py. Plain Python: the Qt side is ``ui.theming``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Template
from types import MappingProxyType

from her2guide.i18n import N_

SYSTEM = "system"
LIGHT_ID = "light"
DARK_ID = "dark"
HIGH_CONTRAST_ID = "high-contrast"
CHOICES: tuple[str, ...] = (SYSTEM, LIGHT_ID, DARK_ID, HIGH_CONTRAST_ID)
"""What the reader can choose, in menu order; "system" follows the desktop's colour scheme."""
DEFAULT_CHOICE = LIGHT_ID

CHOICE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        SYSTEM: N_("Follow the system"),
        LIGHT_ID: N_("Light"),
        DARK_ID: N_("Dark"),
        HIGH_CONTRAST_ID: N_("High contrast"),
    }
)
"""Menu texts (translate with ``_`` where shown)."""

PALETTE_ROLES: tuple[str, ...] = (
    "Window",
    "WindowText",
    "Base",
    "AlternateBase",
    "Text",
    "Button",
    "ButtonText",
    "BrightText",
    "Light",
    "Midlight",
    "Mid",
    "Dark",
    "Shadow",
    "Highlight",
    "HighlightedText",
    "Link",
    "LinkVisited",
    "ToolTipBase",
    "ToolTipText",
    "PlaceholderText",
    "Accent",
)
"""The QPalette roles every theme sets (for the active and inactive window alike)."""

DISABLED_ROLES: tuple[str, ...] = ("WindowText", "Text", "ButtonText", "HighlightedText")
"""Roles with a different colour in disabled controls."""

COLOUR_NAMES: tuple[str, ...] = (
    "text",
    "heading",
    "link",
    "muted",
    "inshort",
    "warning",
    "warning_border",
    "note",
    "table_head",
    "table_border",
    "term_underline",
    "focus",
    "match",
    "match_current",
    "match_text",
)
"""The named colours: reader style sheet, focus ring, find-in-page hits, glossary marks."""


@dataclass(frozen=True)
class Theme:
    """One complete set of colours; ``dark`` tells widgets that mix their own shades."""

    id: str
    dark: bool
    palette: Mapping[str, str]
    disabled: Mapping[str, str]
    colours: Mapping[str, str]

    def __post_init__(self) -> None:
        for wanted, given, what in (
            (PALETTE_ROLES, self.palette, "palette role"),
            (DISABLED_ROLES, self.disabled, "disabled role"),
            (COLOUR_NAMES, self.colours, "colour"),
        ):
            missing = set(wanted) - set(given)
            extra = set(given) - set(wanted)
            if missing or extra:
                raise ValueError(f"theme {self.id}: {what}s missing {missing}, unknown {extra}")


LIGHT = Theme(
    id=LIGHT_ID,
    dark=False,
    palette=MappingProxyType(
        {
            "Window": "#efefef",
            "WindowText": "#1b1b1b",
            "Base": "#ffffff",
            "AlternateBase": "#f2f5f8",
            "Text": "#1b1b1b",
            "Button": "#e8e8e8",
            "ButtonText": "#1b1b1b",
            "BrightText": "#ffffff",
            "Light": "#ffffff",
            "Midlight": "#d4d4d4",
            "Mid": "#6e6e6e",
            "Dark": "#5a5a5a",
            "Shadow": "#3b3b3b",
            "Highlight": "#0a4fa3",
            "HighlightedText": "#ffffff",
            "Link": "#0b4f9c",
            "LinkVisited": "#5b2a86",
            "ToolTipBase": "#fffbe6",
            "ToolTipText": "#1b1b1b",
            "PlaceholderText": "#5f5f5f",
            "Accent": "#0a4fa3",
        }
    ),
    disabled=MappingProxyType(
        {
            "WindowText": "#767676",
            "Text": "#767676",
            "ButtonText": "#767676",
            "HighlightedText": "#ffffff",
        }
    ),
    colours=MappingProxyType(
        {
            "text": "#1b1b1b",
            "heading": "#123b63",
            "link": "#0b4f9c",
            "muted": "#3b3b3b",
            "inshort": "#e8f1fa",
            "warning": "#fdecea",
            "warning_border": "#b3261e",
            "note": "#eef5ec",
            "table_head": "#eef1f4",
            "table_border": "#6e6e6e",
            "term_underline": "#0b4f9c",
            "focus": "#0a4fa3",
            "match": "#fff1a8",
            "match_current": "#f7b64c",
            "match_text": "#1b1b1b",
        }
    ),
)

DARK = Theme(
    id=DARK_ID,
    dark=True,
    palette=MappingProxyType(
        {
            "Window": "#202124",
            "WindowText": "#e8eaed",
            "Base": "#17181b",
            "AlternateBase": "#23252a",
            "Text": "#eceef1",
            "Button": "#2d2f34",
            "ButtonText": "#eceef1",
            "BrightText": "#ffffff",
            "Light": "#4a4d54",
            "Midlight": "#3a3d43",
            "Mid": "#8b9099",
            "Dark": "#101114",
            "Shadow": "#000000",
            "Highlight": "#8ab4f8",
            "HighlightedText": "#0b0d10",
            "Link": "#8ab4f8",
            "LinkVisited": "#d7aefb",
            "ToolTipBase": "#2d2f34",
            "ToolTipText": "#eceef1",
            "PlaceholderText": "#a8adb5",
            "Accent": "#8ab4f8",
        }
    ),
    disabled=MappingProxyType(
        {
            "WindowText": "#8b9099",
            "Text": "#8b9099",
            "ButtonText": "#8b9099",
            "HighlightedText": "#0b0d10",
        }
    ),
    colours=MappingProxyType(
        {
            "text": "#eceef1",
            "heading": "#a8cbff",
            "link": "#8ab4f8",
            "muted": "#c4c7cc",
            "inshort": "#1d2b3a",
            "warning": "#3a1f1f",
            "warning_border": "#f28b82",
            "note": "#1f2e22",
            "table_head": "#262a30",
            "table_border": "#8b9099",
            "term_underline": "#8ab4f8",
            "focus": "#8ab4f8",
            "match": "#5c4d00",
            "match_current": "#7a4500",
            "match_text": "#ffffff",
        }
    ),
)

HIGH_CONTRAST = Theme(
    id=HIGH_CONTRAST_ID,
    dark=True,
    palette=MappingProxyType(
        {
            "Window": "#000000",
            "WindowText": "#ffffff",
            "Base": "#000000",
            "AlternateBase": "#000000",
            "Text": "#ffffff",
            "Button": "#000000",
            "ButtonText": "#ffffff",
            "BrightText": "#ffff00",
            "Light": "#ffffff",
            "Midlight": "#ffffff",
            "Mid": "#ffffff",
            "Dark": "#ffffff",
            "Shadow": "#ffffff",
            "Highlight": "#1aebff",
            "HighlightedText": "#000000",
            "Link": "#ffff00",
            "LinkVisited": "#ffb3ff",
            "ToolTipBase": "#000000",
            "ToolTipText": "#ffffff",
            "PlaceholderText": "#d0d0d0",
            "Accent": "#1aebff",
        }
    ),
    disabled=MappingProxyType(
        {
            "WindowText": "#a6a6a6",
            "Text": "#a6a6a6",
            "ButtonText": "#a6a6a6",
            "HighlightedText": "#000000",
        }
    ),
    colours=MappingProxyType(
        {
            "text": "#ffffff",
            "heading": "#ffffff",
            "link": "#ffff00",
            "muted": "#ffffff",
            "inshort": "#002b36",
            "warning": "#3d0000",
            "warning_border": "#ffffff",
            "note": "#002400",
            "table_head": "#1f1f1f",
            "table_border": "#ffffff",
            "term_underline": "#ffff00",
            "focus": "#ffff00",
            "match": "#ffff00",
            "match_current": "#1aebff",
            "match_text": "#000000",
        }
    ),
)

THEMES: Mapping[str, Theme] = MappingProxyType(
    {theme.id: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}
)


def resolve(choice: str, *, system_dark: bool = False, system_high_contrast: bool = False) -> Theme:
    """The theme for the reader's choice; "system" follows what the desktop asks for: light
    unless it asks for dark or high contrast."""
    if choice in THEMES:
        return THEMES[choice]
    if system_high_contrast:
        return HIGH_CONTRAST
    return DARK if system_dark else LIGHT


def fill_style_sheet(template: str, theme: Theme) -> str:
    """The reader's style sheet in ``theme``'s colours; an unknown ``$name`` is an error."""
    return Template(template).substitute(theme.colours)

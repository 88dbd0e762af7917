"""WCAG 2.2 contrast: relative luminance and contrast ratios of sRGB colours, and the colours a
style sheet uses. Plain Python, so that the themes can be checked without drawing anything."""

from __future__ import annotations

import re
from dataclasses import dataclass

BODY_TEXT = 7.0
"""Enhanced contrast (WCAG 1.4.6) for body text: many readers are older or tired."""
TEXT = 4.5
"""Minimum contrast for any other text (WCAG 1.4.3)."""
GRAPHICS = 3.0
"""Focus indicators, borders and shapes needed to understand a picture (WCAG 1.4.11)."""

# Patterns as text: ``re`` compiles each on first use and keeps it, not at start-up.
_HEX = r"#(?:[0-9a-fA-F]{3}){1,2}\b"
_DECLARATION = r"([\w-]+)\s*:\s*([^;}]+)"
_RULE = r"([^{}]+)\{([^{}]*)\}"
_COMMENT = r"(?s)/\*.*?\*/"

Rgb = tuple[int, int, int]


def parse_colour(text: str) -> Rgb:
    """``#rgb`` or ``#rrggbb`` as red, green and blue from 0 to 255."""
    value = text.strip()
    if not re.fullmatch(_HEX, value):
        raise ValueError(f"not a hex colour: {text!r}")
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(2 * digit for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def relative_luminance(colour: str | Rgb) -> float:
    """WCAG relative luminance: 0 for black, 1 for white."""
    rgb = parse_colour(colour) if isinstance(colour, str) else colour

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str | Rgb, second: str | Rgb) -> float:
    """From 1 (same colour) to 21 (black on white); the order of the colours does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(top: str | Rgb, alpha: float, bottom: str | Rgb) -> Rgb:
    """``top`` drawn with opacity ``alpha`` (0 to 1) over ``bottom``, as painters mix them."""
    upper = parse_colour(top) if isinstance(top, str) else top
    lower = parse_colour(bottom) if isinstance(bottom, str) else bottom
    mixed = [round(a * alpha + b * (1 - alpha)) for a, b in zip(upper, lower, strict=True)]
    return mixed[0], mixed[1], mixed[2]


@dataclass(frozen=True)
class CssColours:
    """The colours a style sheet sets, by what they colour: ``(selector, colour)`` pairs."""

    text: tuple[tuple[str, str], ...]
    backgrounds: tuple[tuple[str, str], ...]
    borders: tuple[tuple[str, str], ...]


def css_colours(css: str) -> CssColours:
    """Every ``color``, ``background-color`` and ``border-color`` in ``css``; any other way of
    writing a colour (names, ``rgb()``) is rejected, so that no colour escapes the checks."""
    text: list[tuple[str, str]] = []
    backgrounds: list[tuple[str, str]] = []
    borders: list[tuple[str, str]] = []
    kinds = {"color": text, "background-color": backgrounds, "border-color": borders}
    for selector, body in re.findall(_RULE, re.sub(_COMMENT, "", css)):
        for name, value in re.findall(_DECLARATION, body):
            name = name.lower()
            if name in kinds:
                parse_colour(value)
                kinds[name].append((selector.strip(), value.strip().lower()))
            elif name in ("background", "border") or "color" in name:
                raise ValueError(f"{selector.strip()}: write colours as {', '.join(kinds)}")
    return CssColours(tuple(text), tuple(backgrounds), tuple(borders))

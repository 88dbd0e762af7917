"""Every colour pair the app draws, in every theme, is readable: WCAG contrast from the real
palettes and the real style sheets (body text 7:1, other text 4.5:1, focus and shapes 3:1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from her2guide import themes
from her2guide.contrast import (
    BODY_TEXT,
    GRAPHICS,
    TEXT,
    blend,
    contrast_ratio,
    css_colours,
    parse_colour,
)
from her2guide.printing.paint import light_palette, print_style_sheet
from her2guide.qt_palette import palette_for
from her2guide.settings import Settings
from her2guide.themes import THEMES, Theme, fill_style_sheet

ALL_THEMES = list(THEMES.values())
HOVER_ALPHA = 45 / 255  # TimelineWidget draws the hovered item with Highlight at alpha 45


def _reader_css(resources: Path, theme: Theme) -> str:
    template = (resources / "style" / "reader.css").read_text(encoding="utf-8")
    return fill_style_sheet(template, theme)


def _failures(pairs: list[tuple[str, str, str, str]], minimum: float) -> list[str]:
    return [
        f"{fg_name} {fg} on {bg_name} {bg}: {contrast_ratio(fg, bg):.2f} < {minimum}"
        for fg_name, fg, bg_name, bg in pairs
        if contrast_ratio(fg, bg) < minimum
    ]


def test_contrast_ratio_matches_the_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#fff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#767676") == contrast_ratio("#767676", "#ffffff")
    assert blend("#ffffff", 0.5, "#000000") == (128, 128, 128)


def test_colours_that_escape_the_check_are_rejected() -> None:
    with pytest.raises(ValueError, match="hex"):
        parse_colour("red")
    with pytest.raises(ValueError, match="write colours as"):
        css_colours("p { background: #fff; }")


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.id)
def test_reader_text_is_readable_on_every_background_of_the_page(
    theme: Theme, resources: Path
) -> None:
    colours = css_colours(_reader_css(resources, theme))
    backgrounds = [("page", theme.palette["Base"]), *colours.backgrounds]
    body = [("body", theme.colours["text"])]
    others = [pair for pair in colours.text if pair[0] != "body"]
    assert others, "the style sheet colours headings, links and notes"
    for minimum, texts in ((BODY_TEXT, body), (TEXT, others)):
        pairs = [(fg_n, fg, bg_n, bg) for fg_n, fg in texts for bg_n, bg in backgrounds]
        assert not _failures(pairs, minimum)


def test_paper_is_dark_ink_on_white_in_every_screen_theme(resources: Path, qtbot: QtBot) -> None:
    """Printouts use the light theme whatever the screen shows, with the paper's additions."""
    colours = css_colours(print_style_sheet(resources))
    backgrounds = [("paper", "#ffffff"), *colours.backgrounds]
    body = [("body", themes.LIGHT.colours["text"])]
    others = [pair for pair in colours.text if pair[0] != "body"]
    for minimum, texts in ((BODY_TEXT, body), (TEXT, others)):
        pairs = [(fg_n, fg, bg_n, bg) for fg_n, fg in texts for bg_n, bg in backgrounds]
        assert not _failures(pairs, minimum)
    assert light_palette().color(QPalette.ColorRole.Text).name() == themes.LIGHT.palette["Text"]


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.id)
def test_reader_borders_and_glossary_marks_stand_out(theme: Theme, resources: Path) -> None:
    colours = css_colours(_reader_css(resources, theme))
    backgrounds = [("page", theme.palette["Base"]), *colours.backgrounds]
    lines = [*colours.borders, ("glossary underline", theme.colours["term_underline"])]
    pairs = [(fg_n, fg, bg_n, bg) for fg_n, fg in lines for bg_n, bg in backgrounds]
    assert not _failures(pairs, GRAPHICS)


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.id)
def test_the_reader_style_sheet_has_no_colour_outside_the_theme(
    theme: Theme, resources: Path
) -> None:
    colours = css_colours(_reader_css(resources, theme))
    used = {value for _selector, value in (*colours.text, *colours.backgrounds, *colours.borders)}
    assert used <= {value.lower() for value in theme.colours.values()}


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.id)
def test_interface_text_is_readable(theme: Theme, qtbot: QtBot) -> None:
    palette = palette_for(theme)

    def colour(role: str) -> str:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole[role]).name()

    def pairs(*names: tuple[str, str]) -> list[tuple[str, str, str, str]]:
        return [(fg, colour(fg), bg, colour(bg)) for fg, bg in names]

    body = pairs(
        ("WindowText", "Window"),
        ("Text", "Base"),
        ("Text", "AlternateBase"),
        ("ButtonText", "Button"),
        ("HighlightedText", "Highlight"),
    )
    other = pairs(
        ("ToolTipText", "ToolTipBase"),
        ("PlaceholderText", "Base"),
        ("Link", "Base"),
        ("LinkVisited", "Base"),
        ("WindowText", "Button"),
        ("ButtonText", "Window"),
    )
    assert not _failures(body, BODY_TEXT)
    assert not _failures(other, TEXT)


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.id)
def test_focus_ring_edges_and_selection_stand_out(theme: Theme) -> None:
    palette = theme.palette
    surfaces = ("Window", "Base", "AlternateBase", "Button")
    marks = {
        "focus ring": theme.colours["focus"],
        "edges of fields and buttons (Mid)": palette["Mid"],
        "selection (Highlight)": palette["Highlight"],
    }
    pairs = [(mark, fg, bg, palette[bg]) for mark, fg in marks.items() for bg in surfaces]
    assert not _failures(pairs, GRAPHICS)


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.id)
def test_timeline_labels_and_shapes_are_readable(theme: Theme) -> None:
    """The colours TimelineWidget paints with: labels on stage headers, cards and the selection
    (also while hovered), badges, box and card outlines, arrows, the "you are here" pin."""
    p = theme.palette
    hovered = "#{:02x}{:02x}{:02x}".format(*blend(p["Highlight"], HOVER_ALPHA, p["Base"]))
    labels = [
        ("title and legend", p["Text"], "Base", p["Base"]),
        ("stage label", p["ButtonText"], "Button", p["Button"]),
        ("treatment", p["Text"], "Base", p["Base"]),
        ("selected", p["HighlightedText"], "Highlight", p["Highlight"]),
        ("hovered treatment", p["Text"], "hover", hovered),
    ]
    shapes = [
        ("stage box outline", p["Mid"], "Base", p["Base"]),
        ("card outline", p["Mid"], "AlternateBase", p["AlternateBase"]),
        ("card outline", p["Mid"], "Base", p["Base"]),
        ("arrow", p["Text"], "Base", p["Base"]),
        ("focus ring (dashed)", p["Text"], "AlternateBase", p["AlternateBase"]),
        ("selection and pin", p["Highlight"], "AlternateBase", p["AlternateBase"]),
        ("selection and pin", p["Highlight"], "Base", p["Base"]),
    ]
    assert not _failures(labels, TEXT)
    assert not _failures(shapes, GRAPHICS)


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.id)
def test_find_in_page_hits_keep_the_text_readable(theme: Theme) -> None:
    c = theme.colours
    pairs = [
        ("hit", c["match_text"], "match", c["match"]),
        ("current hit", c["match_text"], "current match", c["match_current"]),
    ]
    assert not _failures(pairs, BODY_TEXT)


def test_system_choice_follows_the_desktop() -> None:
    assert themes.resolve("system") is themes.LIGHT
    assert themes.resolve("system", system_dark=True) is themes.DARK
    assert themes.resolve("system", system_dark=True, system_high_contrast=True) is (
        themes.HIGH_CONTRAST
    )
    assert themes.resolve("light", system_dark=True) is themes.LIGHT


def test_the_theme_choice_is_remembered(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert settings.theme == "light"
    settings.theme = "high-contrast"
    settings.sync()
    assert Settings(tmp_path / "settings.ini").theme == "high-contrast"
    with pytest.raises(ValueError, match="unknown theme"):
        settings.theme = "sepia"


def test_an_unknown_stored_theme_falls_back_to_light(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[view]\ntheme=sepia\n", encoding="utf-8")
    assert Settings(path).theme == "light"

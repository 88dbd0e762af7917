"""The composer: a rendered page plus the view's options become the HTML a view shows."""

from __future__ import annotations

import subprocess
import sys

from her2guide import themes
from her2guide.compose import TeachBack, ViewedPage, ViewOptions, compose_page, teach_back_for

PAGE = (
    '<html lang="en"><body><h1>Title</h1><p>See <a class="term" href="page:glossary#her2">'
    'HER2</a>.</p><h2>More</h2><p>Text.</p><h2 class="sources">Sources</h2><ol></ol>'
    "</body></html>"
)


def test_the_teach_back_box_goes_before_the_source_list() -> None:
    box = TeachBack("Your turn", "What would you tell a friend?")
    composed = compose_page(PAGE, ViewOptions(teach_back=box), themes.LIGHT)
    assert composed.index("<p>Text.</p>") < composed.index("What would you tell a friend?")
    assert composed.index("What would you tell a friend?") < composed.index("Sources")
    assert compose_page(PAGE, ViewOptions(), themes.LIGHT).count("teach-back") == 0


def test_a_page_without_sections_gets_the_box_at_its_end() -> None:
    box = TeachBack("T", "Q?")
    composed = compose_page(
        "<html><body><p>A</p></body></html>", ViewOptions(teach_back=box), themes.LIGHT
    )
    assert composed.index("Q?") < composed.index("</body>")


def test_glossary_marks_take_the_colour_of_the_theme_they_are_composed_in() -> None:
    page = ViewedPage(PAGE)
    for theme in (themes.LIGHT, themes.DARK, themes.HIGH_CONTRAST):
        assert f"text-decoration-color: {theme.colours['term_underline']}" in page.compose(theme)
    plain = compose_page(PAGE, ViewOptions(glossary_marks=False), themes.DARK)
    assert plain == PAGE


def test_the_box_title_is_in_the_page_language() -> None:
    assert teach_back_for("Frage?", "de").title == "Jetzt sind Sie dran"
    assert teach_back_for("Question?", "en").title == "Your turn"


def test_the_composer_never_imports_qt() -> None:
    code = (
        "import sys, her2guide.compose; "
        "sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0

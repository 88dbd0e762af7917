"""Views that save work (renaming instead of rebuilding, listing only when shown, styling terms in
the HTML) show exactly what a full rebuild would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextFragment
from pytestqt.qtbot import QtBot

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.ui.contents_tree import PAGE_ID_ROLE, ContentsTree
from her2guide.ui.glossary_panel import GlossaryPanel
from her2guide.ui.reader import ReaderView
from her2guide.ui.theming import theme_colour


def _titles(tree: ContentsTree) -> dict[str, str]:
    """Page id → title shown, for every page in the tree."""
    shown = {}
    model = tree.model()
    for index in range(model.rowCount()):
        section = model.index(index, 0)
        for row in range(model.rowCount(section)):
            item = model.index(row, 0, section)
            shown[item.data(PAGE_ID_ROLE)] = item.data()
    return shown


def test_a_language_switch_renames_every_page_and_keeps_the_choice(qtbot: QtBot) -> None:
    create_application()
    library = Library(content_dir(), resources_dir())
    tree = ContentsTree()
    qtbot.addWidget(tree)
    tree.show_content(library.language("en"))
    tree.select_page("side-effects")
    german = library.language("de")
    tree.show_content(german)
    assert _titles(tree) == {page_id: page.title for page_id, page in german.pages.items()}
    assert tree.model().index(0, 0).data() == german.sections[0].title
    assert tree.current_page() == "side-effects"


def test_a_page_broken_in_one_language_is_left_out_only_there(
    qtbot: QtBot, content_copy: Path
) -> None:
    create_application()
    (content_copy / "de" / "resistance.md").write_text("---\ntitle: [kaputt\n---\n")
    library = Library(content_copy, resources_dir())
    tree = ContentsTree()
    qtbot.addWidget(tree)
    tree.show_content(library.language("en"))
    tree.show_content(library.language("de"))
    assert tree.page_index("resistance") is None
    assert set(_titles(tree)) == set(library.language("de").pages)
    tree.show_content(library.language("en"))
    assert _titles(tree)["resistance"] == library.language("en").pages["resistance"].title


def test_a_hidden_glossary_shows_the_new_language_when_opened(qtbot: QtBot) -> None:
    create_application()
    library = Library(content_dir(), resources_dir())
    panel = GlossaryPanel()
    qtbot.addWidget(panel)
    panel.show_content(library.language("en"))
    assert panel.select_term("nausea")
    panel.show_content(library.language("de"))
    panel.show()
    qtbot.waitExposed(panel)
    german = library.language("de").glossary
    shown = [panel.terms.item(row).text() for row in range(panel.terms.count())]
    assert german["nausea"].term in shown
    assert library.language("en").glossary["nausea"].term not in shown
    term = panel.current_term()
    assert term is not None
    assert term.term == german["nausea"].term
    assert german["nausea"].term in panel.definition.toPlainText()


def test_glossary_terms_get_the_dotted_underline_in_the_theme_colour(qtbot: QtBot) -> None:
    create_application()
    library = Library(content_dir(), resources_dir())
    reader = ReaderView(resources_dir())
    qtbot.addWidget(reader)
    rendered = library.render("en", "welcome")
    assert rendered is not None
    reader.show_html(rendered.html)
    formats = [
        fragment.charFormat()
        for block in _blocks(reader)
        for fragment in _fragments(block)
        if fragment.charFormat().anchorHref().startswith("page:glossary#")
    ]
    assert formats, "the welcome page links glossary terms"
    for char_format in formats:
        assert char_format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        assert char_format.underlineColor() == theme_colour("term_underline")


def _blocks(reader: ReaderView) -> list[QTextBlock]:
    block, blocks = reader.document().begin(), []
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments, found = block.begin(), []
    while not fragments.atEnd():
        found.append(fragments.fragment())
        fragments += 1
    return found

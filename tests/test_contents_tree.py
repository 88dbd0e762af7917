"""The contents tree as a reader uses it: rows, titles, keyboard, language switch, width."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.content.model import WORD
from her2guide.paths import content_dir, resources_dir
from her2guide.ui.contents_tree import PAGE_ID_ROLE, ContentsTree
from tests.helpers import write_page


def _tree(qtbot: QtBot, library: Library, lang: str = "en") -> ContentsTree:
    create_application()
    tree = ContentsTree()
    qtbot.addWidget(tree)
    tree.resize(320, 500)
    tree.show_content(library.language(lang))
    tree.show()
    qtbot.waitExposed(tree)
    return tree


def _rows(tree: ContentsTree) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each section's title with its pages' (id, title), as the tree shows them."""
    model = tree.model()
    rows = []
    for number in range(model.rowCount()):
        section = model.index(number, 0)
        pages = [model.index(row, 0, section) for row in range(model.rowCount(section))]
        rows.append((section.data(), [(page.data(PAGE_ID_ROLE), page.data()) for page in pages]))
    return rows


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_tree_shows_every_section_with_its_pages_in_order(qtbot: QtBot, lang: str) -> None:
    library = Library(content_dir(), resources_dir())
    content = library.language(lang)
    tree = _tree(qtbot, library, lang)
    expected = [
        (section.title, [(page.id, page.title) for page in content.pages_in(section.id)])
        for section in content.sections
        if content.pages_in(section.id)
    ]
    assert _rows(tree) == expected
    model = tree.model()
    assert all(tree.isExpanded(model.index(row, 0)) for row in range(model.rowCount()))
    page = model.index(0, 0, model.index(0, 0))
    assert page.data(Qt.ItemDataRole.ToolTipRole) == page.data()


def test_a_screen_reader_hears_each_row_by_its_title(qtbot: QtBot) -> None:
    library = Library(content_dir(), resources_dir())
    tree = _tree(qtbot, library)
    tree_access = QAccessible.queryAccessibleInterface(tree)
    assert tree_access is not None
    names = {
        tree_access.child(number).text(QAccessible.Text.Name)
        for number in range(tree_access.childCount())
    }
    shown = {title for _section, pages in _rows(tree) for _id, title in pages}
    assert shown <= names
    assert {section for section, _pages in _rows(tree)} <= names


def test_the_keyboard_moves_through_the_pages_and_opens_one(qtbot: QtBot) -> None:
    library = Library(content_dir(), resources_dir())
    tree = _tree(qtbot, library)
    order = [page_id for _section, pages in _rows(tree) for page_id, _title in pages]
    tree.setFocus()
    tree.select_page(order[0])
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.current_page() == order[1]
    qtbot.keyClick(tree, Qt.Key.Key_F2)  # rows are never edited
    assert tree.state() != QAbstractItemView.State.EditingState
    with qtbot.waitSignal(tree.page_chosen) as chosen:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert chosen.args == [order[1]]


def test_a_language_switch_relabels_the_rows_in_place(qtbot: QtBot) -> None:
    """The same rows, expanded or folded and scrolled as they were, with the other titles."""
    library = Library(content_dir(), resources_dir())
    tree = _tree(qtbot, library)
    model = tree.model()
    tree.collapse(model.index(1, 0))
    tree.select_page("side-effects")
    tree.resize(320, 200)
    qtbot.waitUntil(lambda: tree.verticalScrollBar().maximum() > 4)
    tree.verticalScrollBar().setValue(3)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    german = library.language("de")
    assert tree.relabel(german)
    assert resets == []
    assert not tree.isExpanded(model.index(1, 0))
    assert tree.isExpanded(model.index(0, 0))
    assert tree.current_page() == "side-effects"
    assert tree.verticalScrollBar().value() == 3
    assert model.index(0, 0).data() == german.sections[0].title
    shown = {page_id: title for _section, pages in _rows(tree) for page_id, title in pages}
    assert shown == {page_id: german.pages.title(page_id) for page_id in shown}


def test_other_pages_are_not_relabelled_but_shown_afresh(qtbot: QtBot, content_copy: Path) -> None:
    write_page(content_copy / "de", "extra-page", title="Eine Zusatzseite", order=99)
    library = Library(content_copy, resources_dir())
    tree = _tree(qtbot, library)
    assert not tree.relabel(library.language("de"))
    tree.show_content(library.language("de"))
    assert tree.page_index("extra-page") is not None
    tree.show_content(library.language("en"))
    assert tree.page_index("extra-page") is None


def test_the_tree_is_as_wide_as_its_longest_word(qtbot: QtBot) -> None:
    """Measuring the longest words first finds the same width as measuring every word."""
    library = Library(content_dir(), resources_dir())
    tree = _tree(qtbot, library, "de")
    tree.set_text_scale(200)
    bold = QFont(tree.font())
    bold.setBold(True)
    widest = 0
    for section, pages in _rows(tree):
        for font, depth, titles in ((bold, 1, [section]), (tree.font(), 2, [t for _, t in pages])):
            words = [word for title in titles for word in WORD.findall(title)]
            longest = max(map(QFontMetrics(font).horizontalAdvance, words))
            widest = max(widest, longest + tree.indentation() * depth)
    unfolded = tree.minimumWidth() - widest
    tree.set_text_scale(100)
    assert tree.minimumWidth() - unfolded < widest  # the width follows the text size
    tree.set_text_scale(200)
    assert tree.minimumWidth() - unfolded == widest


def test_switching_back_and_forth_sizes_rows_and_width_for_each_language(qtbot: QtBot) -> None:
    """Heights and the widest word are kept between switches: each language still gets its
    own at each text size, the width as a tree showing that language from the start has it."""
    library = Library(content_dir(), resources_dir())

    def heights(tree: ContentsTree) -> list[int]:
        model = tree.model()
        rows = [model.index(row, 0) for row in range(model.rowCount())]
        rows += [model.index(row, 0, section) for section in rows[:] for row in range(2)]
        return [tree.sizeHintForIndex(index).height() for index in rows]

    switched = _tree(qtbot, library)
    first: dict[tuple[str, int], list[int]] = {}
    for scale in (100, 200):
        for lang in ("de", "en", "de", "en"):
            fresh = _tree(qtbot, library, lang)
            fresh.set_text_scale(scale)
            switched.set_text_scale(scale)
            assert switched.relabel(library.language(lang))
            assert switched.minimumWidth() == fresh.minimumWidth(), (lang, scale)
            assert heights(switched) == first.setdefault((lang, scale), heights(switched))
    assert first[("de", 200)] != first[("en", 200)]  # the languages' rows differ


def test_a_page_chosen_elsewhere_is_found_in_the_contents(qtbot: QtBot) -> None:
    library = Library(content_dir(), resources_dir())
    tree = _tree(qtbot, library)
    last_section = tree.model().index(tree.model().rowCount() - 1, 0)
    last = tree.model().index(tree.model().rowCount(last_section) - 1, 0, last_section)
    tree.select_page(last.data(PAGE_ID_ROLE))
    assert tree.currentIndex() == last
    assert tree.selectionModel().isSelected(last)
    tree.select_page(None)
    assert tree.currentIndex() == QModelIndex()
    assert not tree.selectionModel().hasSelection()
    assert tree.page_index("no-such-page") is None

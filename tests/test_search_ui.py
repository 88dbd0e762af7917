"""Search, find in page, the glossary panel and term tooltips as a reader uses them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.search.index import Answer
from her2guide.ui import search_results
from her2guide.ui.contents_tree import BASE_POINT_SIZE
from her2guide.ui.main_window import MainWindow
from her2guide.ui.search_hints import note_html, ways_on
from tests.helpers import WindowFactory


def _type_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_tools.search_action.trigger()
    box = window.search_tools.search_box
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, text)


def _term_position(window: MainWindow, term_id: str) -> QPoint:
    """Scrolls the glossary link to ``term_id`` into view; returns its centre in the viewport."""
    reader = window.reader
    block = reader.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == f"page:glossary#{term_id}":
                cursor = QTextCursor(reader.document())
                cursor.setPosition(fragment.position() + 1)
                reader.setTextCursor(cursor)
                reader.ensureCursorVisible()
                return reader.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to the glossary term {term_id}")


def _hover(window: MainWindow, position: QPoint) -> str:
    viewport = window.reader.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, position, viewport.mapToGlobal(position))
    QApplication.sendEvent(viewport, event)
    return QToolTip.text()


# -- search --------------------------------------------------------------------------------------


def test_the_index_is_not_built_at_start_up(make_window: WindowFactory) -> None:
    window = make_window()
    assert window.search_tools._index is None


def test_typing_shows_ranked_results_with_title_section_and_snippet(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "pneumonitis")
    panel = window.search_tools.search_box.panel
    assert panel.isVisible()
    results = panel.results
    assert results[0].title == "Pneumonitis"
    assert {r.page_id for r in results} >= {"lung-safety-t-dxd", "glossary"}
    first = panel.list.row_text(0)
    assert first.startswith("Pneumonitis \u2013 Glossary: ")
    assert any(hit and text.lower() == "pneumonitis" for r in results for text, hit in r.snippet)
    assert panel.count_label.text() == f"Results: {len(results)}"


def test_keyboard_choice_opens_the_page_and_highlights_the_hit(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "Enhertu")
    box = window.search_tools.search_box
    results = box.panel.results
    target = next(i for i, r in enumerate(results) if r.page_id == "lung-safety-t-dxd")
    for _ in range(target):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_page == "lung-safety-t-dxd"
    assert not box.panel.isVisible()
    find_bar = window.search_tools.find_bar
    assert find_bar.isVisible()
    assert find_bar.field.text() == results[target].match == "T-DXd"
    assert find_bar.match_count >= 2
    selections = window.reader.extraSelections()
    assert len(selections) == find_bar.match_count
    current = selections[find_bar.current_index].cursor
    assert current.selectedText() == "T-DXd"


def test_the_keyboard_reaches_every_result_below_the_rows_in_view(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "side effects")
    box = window.search_tools.search_box
    view = box.panel.list
    results = box.panel.results
    assert len(results) > 10  # more than the panel shows without scrolling
    for row in range(1, len(results)):
        qtbot.keyClick(box, Qt.Key.Key_Down)
        assert box.panel.current_result() is results[row]
        assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))
    assert view.row_text(len(results) - 1).startswith(results[-1].title)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_page == results[-1].page_id


def test_scrolling_the_results_to_the_end_shows_them_all(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "side effects")
    view = window.search_tools.search_box.panel.list
    scroll_bar = view.verticalScrollBar()
    assert scroll_bar.isVisible()
    for _ in range(view.count()):
        scroll_bar.setValue(scroll_bar.maximum())
        QApplication.processEvents()
    assert view.model().rowCount() == view.count() > 10
    last = view.model().index(view.count() - 1, 0)
    assert view.viewport().rect().intersects(view.visualRect(last))


def test_nothing_found_says_so_and_offers_ways_on(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    _type_search(qtbot, window, "xylophone")
    box = window.search_tools.search_box
    panel = box.panel
    assert panel.results == []
    assert panel.count_label.text() == "Nothing found for \u201cxylophone\u201d"
    assert [way.kind for way in panel.ways_on][-2:] == ["glossary", "contents"]
    assert panel.note.isVisibleTo(panel)
    assert "Try one of these" in panel.note.text()
    panel.list.setCurrentRow(panel.list.count() - 2)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not window.search_tools.glossary_dock.isHidden()
    assert window.search_tools.glossary_panel.visible_terms()


def test_nothing_found_can_lead_to_the_contents(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    _type_search(qtbot, window, "Xylofon")
    box = window.search_tools.search_box
    box.panel.list.setCurrentRow(box.panel.list.count() - 1)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(window.contents.hasFocus)


def test_a_misspelt_drug_is_searched_as_corrected_and_said_so_in_both_languages(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "enhertoo")
    panel = window.search_tools.search_box.panel
    assert panel.results
    assert panel.results[0].fragment == "trastuzumab-deruxtecan"
    assert "Showing results for <i>Enhertu</i>" in panel.note.text()
    window.languages.set_language("de")
    qtbot.waitUntil(lambda: "Ergebnisse für <i>Enhertu</i>" in panel.note.text())
    assert panel.results[0].lang == "de"


def test_did_you_mean_offers_the_choices_as_links_and_rows(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    box = window.search_tools.search_box
    answer = window.search_tools.index.answer("pertuzumab", ["en"])
    unsure = type(answer)(answer.results, "Pertuzumab", ("Pertuzumab", "Perjeta"))
    box.panel.show_answer("pertuzumap", unsure)
    assert "Did you mean" in box.panel.note.text()
    assert 'href="suggest:Perjeta"' in box.panel.note.text()
    assert [(w.kind, w.text) for w in box.panel.ways_on] == [("search", "Perjeta")]
    with qtbot.waitSignal(box.textChanged):
        box.panel.note.linkActivated.emit("suggest:Perjeta")
    assert box.text() == "Perjeta"


def test_escape_closes_the_results_and_returns_to_the_page(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "heart")
    box = window.search_tools.search_box
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.panel.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.reader.hasFocus)


def test_both_languages_labels_results_and_opens_the_other_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "Durchfall")
    box = window.search_tools.search_box
    assert {r.lang for r in box.panel.results} == {"en"}
    box.panel.both_languages.click()
    results = box.panel.results
    assert {r.lang for r in results} == {"en", "de"}
    german = next(i for i, r in enumerate(results) if r.lang == "de")
    assert "(Deutsch)" in box.panel.list.row_text(german)
    assert "(English)" in box.panel.list.row_text(0 if german else 1)
    with qtbot.waitSignal(window.languages.language_changed):
        box.panel.result_clicked.emit(results[german])
    assert window.languages.language == "de"
    assert window.current_page == results[german].page_id


def test_search_follows_a_language_switch(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    _type_search(qtbot, window, "Übelkeit")
    box = window.search_tools.search_box
    assert {r.lang for r in box.panel.results} <= {"en"}
    window.languages.set_language("de")
    assert box.panel.results
    assert {r.lang for r in box.panel.results} == {"de"}
    assert box.panel.results[0].title == "Übelkeit"


def test_the_first_search_after_a_switch_and_a_larger_text_is_in_german_and_large(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The results panel is built at the first search: it still shows what was chosen before."""
    window = make_window()
    window.languages.set_language("de")
    window.set_text_scale(150)
    _type_search(qtbot, window, "Übelkeit")
    panel = window.search_tools.search_box.panel
    assert panel.isVisible()
    assert panel.results[0].title == "Übelkeit"
    assert panel.count_label.text() == f"Treffer: {len(panel.results)}"
    assert panel.both_languages.text() == "In &beiden Sprachen suchen"
    assert panel.list.font().pointSizeF() == BASE_POINT_SIZE * 1.5


# -- find in page ----------------------------------------------------------------------------------


def test_find_in_page_steps_through_matches_and_closes(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(lang="de", page="side-effects")
    tools = window.search_tools
    tools.find_action.trigger()
    bar = tools.find_bar
    assert bar.isVisible()
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "Ubelkeit")
    count = bar.match_count
    assert count >= 3
    assert bar.current_index == 0
    assert bar.count_label.text() == f"1 von {count}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.current_index == 1
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_index == 0
    tools.find_previous_action.trigger()
    assert bar.current_index == count - 1
    tools.find_next_action.trigger()
    assert bar.current_index == 0
    selections = window.reader.extraSelections()
    assert selections[0].cursor.selectedText() == "Übelkeit"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.extraSelections() == []


def test_ctrl_k_in_the_find_field_goes_to_search_and_keeps_the_text(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    tools = window.search_tools
    tools.find_action.trigger()
    qtbot.waitUntil(tools.find_bar.field.hasFocus)
    qtbot.keyClicks(tools.find_bar.field, "nausea")
    tools.find_bar.field.setCursorPosition(2)
    qtbot.keyClick(tools.find_bar.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert tools.find_bar.field.text() == "nausea"
    qtbot.waitUntil(tools.search_box.hasFocus)


def test_find_in_page_follows_the_next_page(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(page="side-effects")
    bar = window.search_tools.find_bar
    bar.open("diarrhoea")
    on_first = bar.match_count
    window.open_page("when-to-call")
    assert bar.isVisible()
    assert bar.match_count != on_first
    assert len(window.reader.extraSelections()) == bar.match_count


# -- glossary --------------------------------------------------------------------------------------


def test_glossary_panel_lists_filters_and_defines_in_both_languages(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    tools = window.search_tools
    assert not tools.glossary_dock.isVisible()
    tools.glossary_action.trigger()
    assert tools.glossary_dock.isVisible()
    panel = tools.glossary_panel
    initials = [window.content.glossary[t].term[0].upper() for t in panel.visible_terms()]
    assert len(initials) == len(window.content.glossary)
    assert initials == sorted(initials)
    qtbot.keyClicks(panel.filter, "Enhertu")
    assert panel.visible_terms() == ["trastuzumab-deruxtecan"]
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "Lunge")
    assert {"pneumonitis", "ild"} <= set(panel.visible_terms())
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "Enhertu")
    text = without_soft_hyphens(panel.definition.toPlainText())
    assert "Trastuzumab deruxtecan (T-DXd)" in text
    assert "Say: tras-TOO-zoo-mab deh-RUX-teh-kan" in text
    window.languages.set_language("de")
    assert panel.current_term() is not None
    assert panel.current_term().term == "Trastuzumab-Deruxtecan (T-DXd)"
    assert "Aussprache:" in panel.definition.toPlainText()
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "Ubelkeit")
    assert "nausea" in panel.visible_terms()
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "Kadcila")
    assert panel.visible_terms() == ["trastuzumab-emtansine"]
    assert "Kadcyla" in panel.correction_label.text()
    qtbot.waitUntil(lambda: tools.glossary_dock.windowTitle() == "Glossar")
    assert tools.glossary_action.text() == "Glossar"


def test_glossary_panel_link_opens_the_entry(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    panel = window.search_tools.glossary_panel
    panel.select_term("tucatinib")
    cursor = panel.definition.document().find("Show in the glossary page")
    href = cursor.charFormat().anchorHref()
    assert href == "page:glossary#tucatinib"
    with qtbot.waitSignal(panel.page_requested) as blocker:
        panel.definition.anchorClicked.emit(QUrl(href))
    assert blocker.args == ["glossary", "tucatinib"]
    assert window.current_page == "glossary"


# -- terms in the reader ---------------------------------------------------------------------------


def test_terms_in_the_page_have_a_dotted_underline(make_window: WindowFactory) -> None:
    window = make_window(page="side-effects")
    position = _term_position(window, "pertuzumab")
    cursor = window.reader.cursorForPosition(position)
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_a_term_shows_its_definition_in_the_current_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(page="side-effects")
    tip = _hover(window, _term_position(window, "pertuzumab"))
    assert "<b>Pertuzumab</b>" in tip
    assert "Say: per-TOO-zoo-mab" in tip
    assert window.content.glossary["pertuzumab"].definition in tip
    window.languages.set_language("de")
    tip = _hover(window, _term_position(window, "pertuzumab"))
    assert "Aussprache: Per-TU-zu-mab" in tip
    assert window.content.glossary["pertuzumab"].definition in tip
    QToolTip.hideText()


def test_activating_a_term_opens_its_entry_beside_the_page_highlighted(
    make_window: WindowFactory,
) -> None:
    window = make_window(page="side-effects")
    tools = window.search_tools
    tools.glossary_panel.filter.setText("fever")
    position = _term_position(window, "pertuzumab")
    window.reader.anchorClicked.emit(QUrl(window.reader.anchorAt(position)))
    assert window.current_page == "side-effects"
    assert not tools.glossary_dock.isHidden()
    panel = tools.glossary_panel
    assert panel.filter.text() == ""
    assert panel.current_term() is not None
    assert panel.current_term().id == "pertuzumab"
    assert panel.highlighted == "pertuzumab"
    assert 'bgcolor="' in panel.definition.toHtml()
    panel.select_term("tucatinib")
    assert panel.highlighted == ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_tabbing_to_a_term_tells_its_definition(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(page="side-effects")
    reader = window.reader
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    href = reader.textCursor().charFormat().anchorHref()
    assert href == "page:glossary#trastuzumab-deruxtecan"
    term = window.content.glossary["trastuzumab-deruxtecan"]
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"{term.term}: {term.definition}"
    )
    assert term.definition in QToolTip.text()
    QToolTip.hideText()


def test_the_note_names_words_left_out_and_other_choices() -> None:
    answer = Answer([object()], left_out=("zzqx",))  # type: ignore[list-item]
    assert "No page holds “zzqx”; it was left out." in note_html("lungs zzqx", answer)
    assert ways_on("lungs zzqx", answer) == []
    unsure = Answer([object()], "fever", ("fever", "Fieber"))  # type: ignore[list-item]
    note = note_html("feber", unsure)
    assert "Showing results for <i>fever</i>" in note
    assert '<a href="suggest:Fieber">Fieber</a>' in note
    assert 'href="suggest:fever"' not in note


def test_the_results_list_paints_only_the_rows_in_view(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    _type_search(qtbot, window, "HER2")
    view = window.search_tools.search_box.panel.list
    assert view.count() == 20
    painted: set[int] = set()
    delegate = type(view.itemDelegate())
    paint = delegate.paint

    def spy(self: object, painter: object, option: object, index: QModelIndex) -> None:
        painted.add(index.row())
        paint(self, painter, option, index)  # type: ignore[arg-type]

    monkeypatch.setattr(delegate, "paint", spy)
    view.viewport().grab()
    in_view = {
        row
        for row in range(view.count())
        if view.visualRect(view.model().index(row, 0)).intersects(view.viewport().rect())
    }
    assert painted
    assert painted == in_view
    assert len(painted) < view.count()


def test_up_and_down_walk_the_results_and_keep_the_chosen_one_in_view(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "HER2")
    box = window.search_tools.search_box
    view = box.panel.list
    for _ in range(view.count() + 2):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert view.currentRow() == view.count() - 1
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()))
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert view.currentRow() == view.count() - 2
    chosen = box.panel.current_result()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_page == chosen.page_id


def test_a_letter_that_keeps_the_same_results_shows_their_new_hits_from_the_first(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _type_search(qtbot, window, "trastu")
    box = window.search_tools.search_box
    before = [(r.page_id, r.fragment) for r in box.panel.results]
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClicks(box, "zuma")
    results = box.panel.results
    assert [(r.page_id, r.fragment) for r in results] == before
    assert box.panel.list.currentRow() == 0
    assert box.panel.current_result() is results[0]
    hits = {text.lower() for r in results for text, hit in r.snippet if hit}
    assert any(hit.startswith("trastuzuma") for hit in hits)
    for row, result in enumerate(results[:3]):
        snippet = "".join(text for text, _hit in result.snippet)
        assert box.panel.list.row_text(row).endswith(snippet)


def test_rows_without_a_background_look_as_the_style_would_paint_them(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    _type_search(qtbot, window, "HER2")
    box = window.search_tools.search_box
    qtbot.keyClick(box, Qt.Key.Key_Down)
    viewport = box.panel.list.viewport()
    shown = viewport.grab().toImage()
    monkeypatch.setattr(search_results, "_has_background", lambda _option: True)
    assert viewport.grab().toImage() == shown

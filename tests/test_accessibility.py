"""Accessibility as a keyboard or screen-reader user and a reader with low vision meet it: names
of controls in both languages, keyboard help, tab order, focus ring, themes, the page's language
and headings, and 200 % text in a 1024 x 768 window."""

from __future__ import annotations

import functools
from collections import Counter

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import (
    QAccessible,
    QAction,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from her2guide import themes
from her2guide.content.hyphenate import without_soft_hyphens
from her2guide.i18n import LANGUAGES, gettext_for
from her2guide.settings import Settings
from her2guide.ui import theming
from her2guide.ui.main_window import MainWindow
from her2guide.ui.preferences import PreferencesDialog
from her2guide.ui.shortcuts_dialog import ShortcutsDialog
from her2guide.ui.theming import MINIMUM_TARGET
from tests.helpers import WindowFactory

SMALL_SCREEN = (1024, 768)


@pytest.fixture
def make_window(make_window: WindowFactory) -> WindowFactory:
    """The shared window, on a small screen, active, on a page with boxes and lists."""
    return functools.partial(make_window, page="side-effects", size=SMALL_SCREEN, active=True)


def _switch_language(qtbot: QtBot, window: MainWindow, lang: str) -> None:
    window.languages.set_language(lang)
    expected = gettext_for(lang, "&Help")
    qtbot.waitUntil(lambda: window.help_menu.title() == expected)


def _accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def _part_of_another_control(widget: QWidget) -> bool:
    """The list inside a combo box's pop-up and a spin box's field speak through the combo
    or spin box, which carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox) or parent.focusProxy() is widget:
            return True
        parent = parent.parentWidget()
    return False


def _focusable(root: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not _part_of_another_control(widget)
    ]


def _describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return f"{type(widget).__name__} '{widget.objectName()}' in {type(parent).__name__}"


def _with_every_view(window: MainWindow) -> MainWindow:
    """Creates the views made on first use, so that their controls are walked too."""
    window.show_timeline()
    window.go_back()
    return window


# -- names ---------------------------------------------------------------------------------------


def test_every_focusable_control_has_a_name_in_both_languages(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _with_every_view(make_window())
    window.access_tools.show_shortcuts()
    dialog = window.access_tools.shortcuts_dialog
    assert dialog is not None
    for lang in LANGUAGES:
        _switch_language(qtbot, window, lang)
        unnamed = [
            f"{lang}: {_describe(widget)}"
            for root in (window, dialog)
            for widget in _focusable(root)
            if not _accessible_name(widget)
        ]
        assert not unnamed


def test_names_change_with_the_language(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _with_every_view(make_window())
    widgets = _focusable(window)
    english = {widget: _accessible_name(widget) for widget in widgets}
    _switch_language(qtbot, window, "de")
    translatable = {w: name for w, name in english.items() if gettext_for("de", name) != name}
    assert len(translatable) >= 5
    stale = [
        f"{_describe(w)}: {_accessible_name(w)!r}, expected {gettext_for('de', name)!r}"
        for w, name in translatable.items()
        if _accessible_name(w) != gettext_for("de", name)
    ]
    assert not stale


# -- keyboard ------------------------------------------------------------------------------------


def test_keyboard_shortcuts_are_listed_from_the_menus(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.access_tools.shortcuts_action.trigger()
    dialog = window.access_tools.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    native = QKeySequence.SequenceFormat.NativeText
    back_keys = window.back_action.shortcut().toString(native)
    assert ("Go", "Back", back_keys) in dialog.rows()
    assert ("View", "Treatment path", "Ctrl+T") in dialog.rows()
    assert any(row[1] == "Open the menu “Help”" and row[2] == "Alt+H" for row in dialog.rows())

    extra = QAction("Print this page", window)
    extra.setShortcut(QKeySequence("Ctrl+J"))
    window.file_menu.addAction(extra)
    window.access_tools.shortcuts_action.trigger()
    assert ("File", "Print this page", "Ctrl+J") in dialog.rows()


def test_keyboard_shortcuts_speak_the_current_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.access_tools.show_shortcuts()
    dialog = window.access_tools.shortcuts_dialog
    assert dialog is not None
    _switch_language(qtbot, window, "de")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Tastenkürzel \u2014 HER2-Ratgeber")
    groups = {group for group, _text, _keys in dialog.rows()}
    assert {"Gehe zu", "Ansicht", "Im Behandlungsweg"} <= groups
    assert ("Ansicht", "Behandlungsweg", "Strg+T") in dialog.rows()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_menu_opens_with_its_own_alt_key(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    window = make_window()
    _switch_language(qtbot, window, lang)
    keys = [QKeySequence.mnemonic(action.text()) for action in window.menuBar().actions()]
    assert all(not key.isEmpty() for key in keys)
    assert len(set(keys)) == len(keys)


def test_tab_moves_through_the_window_in_reading_order(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Toolbar from left to right, then the contents, then the page from top to bottom (the bar
    above it from left to right, the page itself, what lies below it), then the rest."""
    window = make_window()
    first = next(w for w in _focusable(window.toolbar) if w.isVisible())
    first.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _ in range(300):
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget in visited and widget is not visited[-1]:
            break
        if widget not in visited:
            visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert {window.contents, window.reader} <= set(visited)

    def reading_position(widget: QWidget) -> tuple[int, int, int]:
        corner = widget.mapTo(window, widget.rect().topLeft())
        if window.toolbar.isAncestorOf(widget):
            return (0, corner.x(), corner.y())
        if window.contents.isAncestorOf(widget) or widget is window.contents:
            return (1, corner.x(), corner.y())
        page_area = window.views.parentWidget()
        if page_area is not None and page_area.isAncestorOf(widget):
            return (2, corner.y(), corner.x())
        return (3, corner.x(), corner.y())

    assert visited == sorted(visited, key=reading_position)


def _pixels_near(image: QImage, rect: QRect, colour: QColor, band: int = 6) -> int:
    """Pixels close to ``colour`` in the ``band`` pixels along the edges of ``rect``, where a
    focus ring is drawn."""
    inner = rect.adjusted(band, band, -band, -band)
    count = 0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            if inner.contains(x, y):
                continue
            pixel = image.pixelColor(x, y)
            distance = max(
                abs(pixel.red() - colour.red()),
                abs(pixel.green() - colour.green()),
                abs(pixel.blue() - colour.blue()),
            )
            count += distance <= 24
    return count


@pytest.mark.parametrize("theme", [themes.LIGHT_ID, themes.HIGH_CONTRAST_ID])
def test_the_focused_control_shows_a_focus_ring(
    qtbot: QtBot, make_window: WindowFactory, theme: str
) -> None:
    window = make_window()
    window.access_tools.themes.set_choice(theme)
    ring = QColor(themes.THEMES[theme].colours["focus"])

    def assert_ring_on_focus(control: QWidget) -> None:
        # Where the control stands once focused (a focused control may be scrolled into view).
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus)
        area = QRect(control.mapTo(window, control.rect().topLeft()), control.size())
        window.menuBar().setFocus(Qt.FocusReason.OtherFocusReason)
        before = _pixels_near(window.grab().toImage(), area, ring)
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus)
        after = _pixels_near(window.grab().toImage(), area, ring)
        perimeter = 2 * (area.width() + area.height())
        assert after - before >= perimeter, f"{_describe(control)}: no ring of {ring.name()}"

    window.search_tools.find_in_page()
    for control in (
        window.language_button,
        window.contents,
        window.reader,
        window.search_tools.find_bar.field,
    ):
        assert_ring_on_focus(control)
    window.show_timeline()
    assert window.timeline_view is not None
    assert_ring_on_focus(window.timeline_view.mark_button)


# -- themes --------------------------------------------------------------------------------------


def _body_colour(window: MainWindow) -> str:
    """The colour most of the page's text is drawn in."""
    lengths: Counter[str] = Counter()
    block = window.reader.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            colour = fragment.charFormat().foreground().color().name()
            lengths[colour] += fragment.length()
            fragments += 1
        block = block.next()
    return lengths.most_common(1)[0][0]


def test_choosing_a_theme_recolours_everything_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    page_before = window.current_page
    window.view_menu.setFocus()
    window.access_tools.theme_actions["dark"].trigger()
    palette = QApplication.palette()
    assert palette.color(palette.ColorRole.Window).name() == themes.DARK.palette["Window"]
    assert _body_colour(window) == themes.DARK.colours["text"]
    assert window.current_page == page_before
    assert window.access_tools.theme_actions["dark"].isChecked()
    window.close()

    again = make_window()
    assert again.access_tools.themes.choice == "dark"
    assert again.access_tools.theme_actions["dark"].isChecked()
    assert _body_colour(again) == themes.DARK.colours["text"]


def test_following_the_system_switches_with_the_desktop(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.access_tools.theme_actions["system"].trigger()
    assert window.access_tools.themes.theme is themes.LIGHT
    monkeypatch.setattr(theming, "system_preferences", lambda: (True, False))
    with qtbot.waitSignal(window.access_tools.themes.theme_changed) as changed:
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert changed.args == [themes.DARK]
    assert _body_colour(window) == themes.DARK.colours["text"]
    monkeypatch.setattr(theming, "system_preferences", lambda: (True, True))
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.access_tools.themes.theme is themes.HIGH_CONTRAST


def test_the_theme_is_chosen_in_the_preferences(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    dialog = PreferencesDialog(window.settings, window.text_scale, window)
    qtbot.addWidget(dialog)
    combo = dialog.theme_group.combo
    assert combo.currentData() == "light"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Follow the system",
        "Light",
        "Dark",
        "High contrast",
    ]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.access_tools.themes.theme is themes.HIGH_CONTRAST
    assert window.access_tools.theme_actions["high-contrast"].isChecked()
    assert Settings(window.settings.path).theme == "high-contrast"
    assert _body_colour(window) == themes.HIGH_CONTRAST.colours["text"]


# -- the page ------------------------------------------------------------------------------------


def test_the_page_declares_its_language_to_screen_readers(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.reader.locale().language() == QLocale.Language.English
    _switch_language(qtbot, window, "de")
    assert window.reader.locale().language() == QLocale.Language.German


def test_headings_of_the_page_are_real_headings(make_window: WindowFactory) -> None:
    window = make_window(page="side-effects")
    page = window.content.pages["side-effects"]
    headings: dict[int, list[str]] = {}
    block = window.reader.document().begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            headings.setdefault(level, []).append(without_soft_hyphens(block.text()))
        block = block.next()
    assert headings[1] == [page.title]
    body_headings = [line[3:].strip() for line in page.body.splitlines() if line.startswith("## ")]
    assert body_headings
    assert set(body_headings) <= set(headings[2])


# -- size ----------------------------------------------------------------------------------------


def _too_small(window: MainWindow, minimum: int) -> list[str]:
    targets = [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox)
        and widget.isVisible()
        and widget.objectName() != "qt_toolbar_ext_button"
        and type(widget).__name__ != "QLineEditIconButton"  # inside its field, spaced apart
    ]
    return [
        f"{_describe(widget)} {widget.width()}x{widget.height()}"
        for widget in targets
        if widget.width() < minimum or widget.height() < minimum
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_click_targets_are_at_least_24_px(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    window = make_window(lang=lang)
    window.search_tools.glossary_dock.show()
    assert not _too_small(window, MINIMUM_TARGET)
    window.show_timeline()
    assert not _too_small(window, MINIMUM_TARGET)


def test_larger_targets_can_be_asked_for(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Counselling mode asks for 44 px; a control with a style sheet of its own sizes itself."""
    window = make_window()
    theming.set_minimum_target(44)
    try:
        styled = [w for w in window.findChildren(QWidget) if w.styleSheet()]
        qtbot.waitUntil(
            lambda: (
                not [
                    problem
                    for problem in _too_small(window, 44)
                    if not any(f"'{w.objectName()}'" in problem for w in styled)
                ]
            )
        )
    finally:
        theming.set_minimum_target(MINIMUM_TARGET)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_200_percent_every_page_reflows_and_no_title_is_cut(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    window = make_window(lang=lang, scale=200)
    tree = window.contents
    for page_id in sorted(window.content.pages):
        window.open_page(page_id)
        assert window.reader.horizontalScrollBar().maximum() == 0, page_id
    model = tree.model()
    for index in range(model.rowCount()):
        section = model.index(index, 0)
        rows = [model.index(row, 0, section) for row in range(model.rowCount(section))]
        for item in [section, *rows]:
            tree.scrollTo(item)
            room = tree.visualRect(item).width() - 8
            metrics = QFontMetrics(item.data(Qt.ItemDataRole.FontRole) or tree.font())
            text = item.data()
            wrapped = metrics.boundingRect(
                QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text
            )
            assert wrapped.width() <= room, f"{text!r} is cut off"
    assert not _too_small(window, MINIMUM_TARGET)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_toolbar_fits_a_1024_px_window(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    window = make_window(lang=lang, scale=200)
    overflow = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()

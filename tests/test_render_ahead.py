"""The other language's page is rendered while the window is idle, so a switch only shows it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from her2guide.content.model import Rendered
from tests.helpers import WindowFactory


def test_a_page_shown_is_rendered_ahead_in_the_other_language(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    library = window.library
    library.language("de")  # read, as the search index worker does after start-up
    rendered: list[tuple[str, str]] = []
    render = library.render

    def spy(lang: str, page_id: str) -> Rendered | None:
        rendered.append((lang, page_id))
        return render(lang, page_id)

    monkeypatch.setattr(library, "render", spy)
    window.open_page("side-effects")
    qtbot.waitUntil(lambda: ("de", "side-effects") in rendered)

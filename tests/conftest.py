"""Every test runs offscreen, in English, with settings in its own temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A desktop-sized screen (the plain offscreen one is 800 x 600): windows fit their screen.
    SCREEN = Path(__file__).parent / "screens" / "1920x1080.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ["LANGUAGE"] = "en"
os.environ["HER2GUIDE_SPEECH_ENGINE"] = "mock"  # read aloud: no sound, no speech daemon

import pytest
from hypothesis import settings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from her2guide import i18n
from her2guide.app import create_application
from her2guide.content.library import Library
from her2guide.paths import content_dir, resources_dir
from her2guide.settings import Settings
from her2guide.ui.app_text_size import apply_app_text_scale
from her2guide.ui.language import LanguageController
from her2guide.ui.main_window import MainWindow
from her2guide.ui.theming import ThemeController
from tests.helpers import WindowFactory

# Property-based tests: a quick run in the normal suite, 10,000 examples each on request
# (HYPOTHESIS_PROFILE=thorough, or pytest --hypothesis-profile=thorough).
settings.register_profile("suite", max_examples=40, deadline=None)
settings.register_profile("thorough", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    config = tmp_path / "config"
    monkeypatch.setenv("HER2GUIDE_CONFIG_DIR", str(config))
    yield
    i18n.set_current_language("en")
    if QApplication.instance() is not None:
        apply_app_text_scale(100)  # the application font is shared: the next test starts at 100 %


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content, for tests that break one file of it."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


@pytest.fixture
def resources() -> Path:
    return resources_dir()


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    """Opens the real main window; settings and user data live in tmp_path, so that a second
    call is a restart of the app."""
    create_application()
    controllers: list[LanguageController] = []

    def make(
        *,
        lang: str = "en",
        content: Path | None = None,
        page: str | None = None,
        scale: int | None = None,
        size: tuple[int, int] | None = None,
        active: bool = False,
    ) -> MainWindow:
        languages = LanguageController(lang)
        controllers.append(languages)
        user_settings = Settings(tmp_path / "settings.ini")
        if scale is not None:
            user_settings.text_scale = scale
        library = Library(content or content_dir(), resources_dir())
        window = MainWindow(library, user_settings, languages, start_page=page)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        if active:
            with qtbot.waitActive(window):
                window.show()
                window.activateWindow()
        else:
            window.show()
            qtbot.waitExposed(window)
        return window

    yield make
    for languages in controllers:
        languages.set_language("en")
    ThemeController(
        Settings(tmp_path / "light.ini")
    )  # the app-wide theme: the next test starts light

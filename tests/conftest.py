"""Every test runs offscreen, in English, with settings in its own temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"

import pytest
from hypothesis import settings

from her2guide import i18n
from her2guide.paths import content_dir, resources_dir

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


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content, for tests that break one file of it."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


@pytest.fixture
def resources() -> Path:
    return resources_dir()

"""Where content, resources and user files live, from a checkout and from an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    """A top-level data folder: beside the package in a checkout, inside it in a wheel."""
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"her2guide cannot find its {name}/ folder near {_PACKAGE}")


def content_dir() -> Path:
    return _data_dir("content")


def resources_dir() -> Path:
    return _data_dir("resources")


def locale_dir() -> Path:
    return resources_dir() / "locale"


def config_dir() -> Path | None:
    """An explicit folder for settings and user data (tests, portable use), else None."""
    value = os.environ.get("HER2GUIDE_CONFIG_DIR")
    return Path(value) if value else None


def runs_from_checkout() -> bool:
    """Whether the data folders are a checkout's (editable sources) rather than an installed
    wheel's (built once, with compiled catalogs)."""
    return resources_dir() == _PACKAGE.parent / "resources"

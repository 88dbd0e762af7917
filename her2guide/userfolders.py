"""The only folders the app writes to: the user's config, data and state folders.

``HER2GUIDE_CONFIG_DIR`` puts all three in one folder (tests, portable use). Otherwise Qt's
standard locations are used, which follow the XDG variables on Linux (``~/.config/her2guide/...``,
``~/.local/share/...``, ``~/.local/state/...``) and the usual places on Windows and macOS.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from her2guide.paths import config_dir

_Location = QStandardPaths.StandardLocation
LOG_NAME = "her2guide.log"


def _folder(location: QStandardPaths.StandardLocation) -> Path:
    return config_dir() or Path(QStandardPaths.writableLocation(location))


def config_folder() -> Path:
    """Settings: language, text size, window, "you are here", the clinic's phone number."""
    return _folder(_Location.AppConfigLocation)


def data_folder() -> Path:
    """What the user writes in the app, such as the question list."""
    return _folder(_Location.AppDataLocation)


def state_folder() -> Path:
    """The log file: where a problem report can be found."""
    return _folder(_Location.StateLocation)


def cache_folder() -> Path:
    """Parsed content and rendered pages, kept to make the next start faster; safe to delete."""
    return _folder(_Location.CacheLocation) / "content"


def log_path() -> Path:
    return state_folder() / LOG_NAME

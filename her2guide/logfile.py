"""The app's log file: unexpected errors go there, so that a helper can see what happened.

Plain Python, no Qt. Nothing in the log leaves the computer; it holds no personal data, only what
the app did (tracebacks, content problems), and it is capped at about 2 MB.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOGGER_NAME = "her2guide"
MAX_BYTES = 1_000_000

log = logging.getLogger(LOGGER_NAME)


class _LogFile(logging.Handler):
    """The log file, with one backup file when it grows too big, opened at the first record:
    most runs log nothing, and the module of the file handler (``logging.handlers``) would
    cost start-up time."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: RotatingFileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(
                self.path, maxBytes=MAX_BYTES, backupCount=1, encoding="utf-8", delay=True
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def start_log(path: Path) -> logging.Logger:
    """Sends the app's log to ``path`` (one backup file when it grows too big); returns the logger.

    Calling it again moves the log to another file; only one file handler is ever attached.
    """
    for handler in [h for h in log.handlers if isinstance(h, _LogFile)]:
        log.removeHandler(handler)
        handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _LogFile(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log

"""The app's log file: unexpected errors go there, so that a helper can see what happened.

Plain Python, no Qt. Nothing in the log leaves the computer; it holds no personal data, only what
the app did (tracebacks, content problems), and it is capped at about 2 MB.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOGGER_NAME = "her2guide"
MAX_BYTES = 1_000_000

log = logging.getLogger(LOGGER_NAME)


def start_log(path: Path) -> logging.Logger:
    """Sends the app's log to ``path`` (one backup file when it grows too big); returns the logger.

    Calling it again moves the log to another file; only one file handler is ever attached.
    """
    for handler in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        log.removeHandler(handler)
        handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=1, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log

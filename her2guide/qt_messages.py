"""Qt's own console messages at start-up, less the ones that only describe the platform.

The offscreen platform (tests, CI, start-up measurements) says "This plugin does not support
propagateSizeHints()" on every start: true of the platform and nothing a user can act on. Every
other message goes on as before, to the handler that was there or as Qt prints it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

PLATFORM_NOTES = ("This plugin does not support propagateSizeHints()",)

Handler = Callable[[QtMsgType, QMessageLogContext, str], object]


def install_filter() -> None:
    """Drops the platform notes from Qt's messages, from now on."""
    previous: Handler | None = None

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in PLATFORM_NOTES:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    previous = qInstallMessageHandler(handle)

"""The installed Qt binding is one the app can run on for hours."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_qt_calls_keep_their_references_to_none() -> None:
    """PySide6 6.12.0 on Python 3.11 released a reference to None on every call of a Qt method
    that returns nothing; after a few thousand calls (a few hundred pages) Python aborted with
    "deallocating None". Python 3.12 and later never free None, so there it cannot happen.
    """
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        holder.setObjectName("name")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"this PySide6 loses a reference to None per call ({lost} in 200 calls)"

"""Compiled gettext catalogs (.mo): built from the .po files by Babel, read by the standard library.

A wheel carries .mo files compiled at build time (``hatch_build.py``) and uses them as they are.
In a checkout (or an editable install) the .po is the source: its .mo is compiled beside it when
missing or older, so an edited .po is never shadowed by an old .mo. Where that folder cannot be
written (a read-only checkout), the catalog is compiled in memory instead.
"""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path


def compile_po(po_path: Path) -> bytes:
    """The .mo bytes of a .po file, as ``pybabel compile`` writes them (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo  # Babel only when a catalog must be compiled
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def is_stale(mo_path: Path, po_path: Path) -> bool:
    """Whether the .mo must be (re)compiled: missing, or older than a .po beside it."""
    if not mo_path.exists():
        return True
    return po_path.exists() and mo_path.stat().st_mtime_ns < po_path.stat().st_mtime_ns


def _write_atomically(path: Path, data: bytes) -> None:
    """Writes through a temporary file, so that a second app starting at the same moment never
    reads half a catalog."""
    import tempfile  # only when a catalog is compiled: it costs start-up time otherwise

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, 0o644)  # readable by all, like the .po beside it
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _not_older(mo_path: Path, po_path: Path) -> None:
    """A .po dated ahead of the clock (copied from another machine) would leave the new .mo
    older than it and compiled again at every start; the .mo takes the .po's time instead."""
    po_time = po_path.stat().st_mtime_ns
    if mo_path.stat().st_mtime_ns < po_time:
        os.utime(mo_path, ns=(po_time, po_time))


def load(mo_path: Path, *, from_source: bool) -> gettext.GNUTranslations:
    """The catalog at ``mo_path``; ``from_source``: the .po beside it is the source (a checkout),
    to be compiled when the .mo is missing or older. An installed wheel's .mo is used as built:
    installers do not keep the order of file times. A missing .mo is compiled either way."""
    po_path = mo_path.with_suffix(".po")
    if not mo_path.exists() or (from_source and is_stale(mo_path, po_path)):
        data = compile_po(po_path)
        try:
            _write_atomically(mo_path, data)
            _not_older(mo_path, po_path)
        except OSError:
            return gettext.GNUTranslations(io.BytesIO(data))
    with mo_path.open("rb") as handle:
        return gettext.GNUTranslations(handle)

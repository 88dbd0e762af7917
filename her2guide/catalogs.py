"""Compiled gettext catalogs (.mo): built from the .po files by Babel, read by the standard library.

A wheel carries .mo files compiled at build time (``hatch_build.py``) and uses them as they are.
In a checkout (or an editable install) the .po is the source: its .mo is compiled beside it when
missing or older, so an edited .po is never shadowed by an old .mo. Where that folder cannot be
written (a read-only checkout), the catalog is compiled in memory instead.

The content cache's key stamps the compiled catalogs, so it first has every catalog compiled that
``load`` would compile (``compile_stale``): the key then sees the files the app reads, and a fresh
checkout's second start finds the cache of the first.
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


def _needs_compiling(mo_path: Path, *, from_source: bool) -> bool:
    """Whether ``load`` compiles the .po: the .mo is missing, or older in a checkout."""
    return not mo_path.exists() or (from_source and is_stale(mo_path, mo_path.with_suffix(".po")))


def _written(mo_path: Path, data: bytes) -> bool:
    """Writes the compiled catalog beside its .po; False where that folder cannot be written."""
    try:
        _write_atomically(mo_path, data)
        _not_older(mo_path, mo_path.with_suffix(".po"))
    except OSError:
        return False
    return True


def compile_stale(locale: Path, *, from_source: bool) -> None:
    """Compiles every catalog under ``locale`` that ``load`` would compile, so that the files
    there are already the ones the app will read (the content cache's key stamps them)."""
    for po_path in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if _needs_compiling(mo_path, from_source=from_source):
            _written(mo_path, compile_po(po_path))


def load(mo_path: Path, *, from_source: bool) -> gettext.GNUTranslations:
    """The catalog at ``mo_path``; ``from_source``: the .po beside it is the source (a checkout),
    to be compiled when the .mo is missing or older. An installed wheel's .mo is used as built:
    installers do not keep the order of file times. A missing .mo is compiled either way."""
    if _needs_compiling(mo_path, from_source=from_source):
        data = compile_po(mo_path.with_suffix(".po"))
        if not _written(mo_path, data):
            return gettext.GNUTranslations(io.BytesIO(data))
    with mo_path.open("rb") as handle:
        return gettext.GNUTranslations(handle)

"""The PDF fields Qt does not write: the subject (document information) and the language.

Qt's PDF writer sets title, author and creator, but has no subject and no ``/Lang``, which
screen readers and search use. Both are added as a small incremental update at the end of the
file (a new catalog and information dictionary that replace the old ones, as the PDF standard
allows), so the pages Qt wrote are left as they are. Plain Python.
"""

from __future__ import annotations

import re
from pathlib import Path

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16 with byte-order mark, as hex (safe for any character)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _object_body(data: bytes, number: int) -> bytes:
    pattern = rb"(?:^|\s)%d 0 obj\s*<<(.*?)>>\s*endobj" % number
    found = re.findall(pattern, data, re.DOTALL)
    if not found:
        raise ValueError(f"object {number} not found in the PDF")
    return found[-1]  # the last definition wins, as in an updated file


def _reference(trailer: bytes, key: bytes) -> int:
    match = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", trailer)
    if match is None:
        raise ValueError(f"no /{key.decode()} in the PDF trailer")
    return int(match.group(1))


def add_subject_and_language(path: Path, subject: str, lang: str) -> None:
    """Appends ``/Subject`` to the document information and ``/Lang`` to the catalog."""
    data = path.read_bytes()
    previous = _STARTXREF.search(data)
    trailers = _TRAILER.findall(data)
    if previous is None or not trailers:
        raise ValueError(f"{path}: not a PDF with a cross-reference table")
    trailer = trailers[-1]
    size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))  # type: ignore[union-attr]
    root, info = _reference(trailer, b"Root"), _reference(trailer, b"Info")
    catalog = re.sub(rb"/Lang\s*\([^)]*\)", b"", _object_body(data, root))
    information = re.sub(rb"/Subject\s*<[^>]*>", b"", _object_body(data, info))
    objects = [
        (root, catalog + b"\n/Lang (" + lang.encode("ascii") + b")\n"),
        (info, information + b"\n/Subject " + _text(subject) + b"\n"),
    ]
    update = bytearray(b"\n")
    offsets = []
    for number, body in objects:
        offsets.append((number, len(data) + len(update)))
        update += b"%d 0 obj\n<<%s>>\nendobj\n" % (number, body)
    xref = len(data) + len(update)
    update += b"xref\n"
    for number, offset in sorted(offsets):
        update += b"%d 1\n%010d 00000 n \n" % (number, offset)
    update += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %s >>\n" % (
        size,
        root,
        info,
        previous.group(1),
    )
    update += b"startxref\n%d\n%%%%EOF\n" % xref
    with path.open("ab") as file:
        file.write(update)

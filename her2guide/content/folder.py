"""Whether a folder can be a content folder at all, told before anything is read from it."""

from __future__ import annotations

from pathlib import Path

from her2guide.i18n import LANGUAGES


def folder_problem(root: Path) -> str | None:
    """Why ``root`` is no content folder (missing, empty, no language folders), or None."""
    if not root.exists():
        return "the folder does not exist"
    if not root.is_dir():
        return "this is a file, not a folder"
    try:
        entries = list(root.iterdir())
    except OSError as error:
        return f"the folder cannot be read ({error.strerror or type(error).__name__})"
    wanted = " and ".join(f"{lang}/" for lang in LANGUAGES)
    if not entries:
        return f"the folder is empty; a content folder holds {wanted} with the pages"
    missing = [f"{lang}/" for lang in LANGUAGES if not (root / lang).is_dir()]
    if missing:
        return f"the folder has no {' or '.join(missing)}; a content folder holds {wanted}"
    return None

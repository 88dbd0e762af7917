"""Spell-checking a page's words with Hunspell, against the project's reviewed word lists."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

DICTIONARIES = {"en": "en_US", "de": "de_DE,de_med"}
_WORD = re.compile("[^\\W_](?:[\\w'\u2019]*[^\\W_])?")


def words_of(text: str) -> set[str]:
    """The words of a text; hyphenated compounds count as their parts (HER2-positiv: two)."""
    return {
        word
        for word in _WORD.findall(text)
        if len(word) > 1 and not word.isdigit() and not re.fullmatch(r"[\d.,]+", word)
    }


def project_words(resources: Path, lang: str) -> set[str]:
    path = resources / "spelling" / f"{lang}.txt"
    return set(path.read_text(encoding="utf-8").split()) if path.exists() else set()


def hunspell_available(lang: str) -> bool:
    if shutil.which("hunspell") is None:
        return False
    listing = subprocess.run(["hunspell", "-D"], capture_output=True, text=True, input="").stderr
    return all(f"/{name}" in listing for name in DICTIONARIES[lang].split(","))


def unknown_words(text: str, lang: str, resources: Path) -> set[str]:
    """Words neither Hunspell nor the project's word list knows."""
    known = project_words(resources, lang)
    candidates = sorted(words_of(text) - known)
    if not candidates:
        return set()
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARIES[lang], "-l", "-i", "utf-8"],
        input="\n".join(candidates),
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split()) - known

"""Gettext catalogs for the interface, read straight from the .po files so they can never be stale.

The current language is one piece of module state; the Qt side (translators, the live switch)
lives in ``ui.language`` so that this module stays importable without Qt.
"""

from __future__ import annotations

import datetime as dt
import gettext
import locale as _locale
import re
from functools import cache

from her2guide.paths import locale_dir

LANGUAGES: tuple[str, ...] = ("en", "de")
DEFAULT_LANGUAGE = "en"
DOMAIN = "her2guide"
_BABEL_LOCALES = {"en": "en_GB", "de": "de_DE"}
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}


class _PoTranslations(gettext.NullTranslations):
    """Translations from a parsed .po catalog; fuzzy or empty entries fall back to the msgid."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")


def _po_string(quoted: str) -> str:
    """One quoted piece of a .po file, as text."""
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), quoted.strip()[1:-1])


def read_messages(text: str) -> dict[str, str]:
    """The translations of a .po file: msgid to msgstr, without fuzzy, untranslated or obsolete
    entries. Only what this app's catalogs use (no contexts, no plural forms); it reads a catalog
    in a millisecond, where Babel's reader costs a German start-up about 50 ms, import included.
    tests/test_catalog_reader.py checks that both read the shipped catalog alike."""
    messages: dict[str, str] = {}
    entry: dict[str, str] = {}
    field, fuzzy, next_fuzzy = "", False, False

    def close() -> None:
        if entry.get("msgid") and entry.get("msgstr") and not fuzzy:
            messages[entry["msgid"]] = entry["msgstr"]

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#,") and "fuzzy" in line:
            next_fuzzy = True
        elif line.startswith("msgid "):
            close()
            entry, fuzzy, next_fuzzy = {}, next_fuzzy, False
            field, entry["msgid"] = "msgid", _po_string(line[6:])
        elif line.startswith("msgstr "):
            field, entry["msgstr"] = "msgstr", _po_string(line[7:])
        elif line.startswith('"') and field:
            entry[field] += _po_string(line)
        elif not line.startswith("#"):
            field, next_fuzzy = "", False  # anything else (a blank line) ends the entry
    close()
    return messages


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; English is the source language and needs none."""
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    po_path = locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return _PoTranslations(read_messages(po_path.read_text(encoding="utf-8")))


_current = DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def set_current_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def _(message: str) -> str:
    """Translates an interface string into the current language."""
    return translations(_current).gettext(message)


def gettext_for(lang: str, message: str) -> str:
    """Translates into a given language, for views that show another language than the UI."""
    return translations(lang).gettext(message)


def format_date(value: dt.date, lang: str) -> str:
    """A date written the way readers of ``lang`` expect (7 March 2025 / 7. März 2025)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, "long", locale=_BABEL_LOCALES[lang])


def system_language(locale_name: str | None = None) -> str:
    """German for a ``de*`` system locale, else English."""
    name = locale_name if locale_name is not None else (_locale.getlocale()[0] or "")
    return "de" if name.lower().startswith("de") else DEFAULT_LANGUAGE


def N_(message: str) -> str:
    """Marks a string for extraction whose translation happens later, where it is shown."""
    return message

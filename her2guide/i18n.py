"""Gettext catalogs for the interface, read straight from the .po files so they can never be stale.

The current language is one piece of module state; the Qt side (translators, the live switch)
lives in ``ui.language`` so that this module stays importable without Qt.
"""

from __future__ import annotations

import datetime as dt
import gettext
import locale as _locale
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


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; English is the source language and needs none."""
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.pofile import read_po  # only needed for German, so not at import

    po_path = locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    messages = {
        str(m.id): str(m.string)
        for m in catalog
        if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
    }
    return _PoTranslations(messages)


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

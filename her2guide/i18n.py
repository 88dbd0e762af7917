"""Gettext catalogs for the interface: compiled .mo files read by the standard library's gettext.

The current language is one piece of module state; the Qt side (translators, the live switch)
lives in ``ui.language`` so that this module stays importable without Qt. How a catalog is
compiled and kept fresh is in ``catalogs``; the pseudo-translation for layout checks in ``pseudo``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import locale as _locale
import os
from functools import cache
from pathlib import Path

from her2guide import catalogs
from her2guide.paths import locale_dir, runs_from_checkout
from her2guide.pseudo import PseudoTranslations

LANGUAGES: tuple[str, ...] = ("en", "de")
DEFAULT_LANGUAGE = "en"
DOMAIN = "her2guide"
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
}
"""The month names, as Babel's data has them for en_GB and de_DE (a test holds them to it):
reading Babel's locale data takes about 60 ms, on the first start's path."""
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}
PSEUDO_ENV = "HER2GUIDE_PSEUDO"
TITLE_SEPARATOR = " \u2014 "  # as Qt joins a title and the app name on Linux (KDE, GNOME)

_pseudo = os.environ.get(PSEUDO_ENV, "") not in ("", "0")


def catalog_path(lang: str) -> Path:
    """Where the compiled catalog of ``lang`` lives (its .po beside it in a checkout)."""
    return locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang``; English is the source language and needs none."""
    found = (
        gettext.NullTranslations()
        if lang == DEFAULT_LANGUAGE
        else catalogs.load(catalog_path(lang), from_source=runs_from_checkout())
    )
    return PseudoTranslations(found) if _pseudo else found


def set_pseudo(on: bool) -> None:
    """Turns the pseudo-translation on or off (it starts on with HER2GUIDE_PSEUDO=1)."""
    global _pseudo
    _pseudo = on
    translations.cache_clear()


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


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form (as many as the language has) for ``count``."""
    return translations(_current).ngettext(singular, plural, count)


def gettext_for(lang: str, message: str) -> str:
    """Translates into a given language, for views that show another language than the UI."""
    return translations(lang).gettext(message)


def window_title(subject: str = "") -> str:
    """A window's title: what it shows, then the app's name, both in the current language.

    Qt appends the application display name to a title that does not end with it; the language
    switch keeps that name translated, so titles written here get nothing appended.
    """
    app_name = _("HER2 Guide")
    return f"{subject}{TITLE_SEPARATOR}{app_name}" if subject else app_name


def format_date(value: dt.date, lang: str) -> str:
    """A date written the way readers of ``lang`` expect (7 March 2025 / 7. März 2025): the
    long date of en_GB and de_DE."""
    day = f"{value.day}." if lang == "de" else str(value.day)
    return f"{day} {format_month(value, lang)}"


def format_month(value: dt.date, lang: str) -> str:
    """The month and year of a date (March 2025 / März 2025)."""
    return f"{_MONTHS[lang][value.month - 1]} {value.year}"


def system_language(locale_name: str | None = None) -> str:
    """German for a ``de*`` system locale, else English."""
    name = locale_name if locale_name is not None else (_locale.getlocale()[0] or "")
    return "de" if name.lower().startswith("de") else DEFAULT_LANGUAGE


def N_(message: str) -> str:
    """Marks a string for extraction whose translation happens later, where it is shown."""
    return message

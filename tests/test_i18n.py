"""The German catalog matches the code (as Babel extracts it), is complete, has real plurals, and
formats follow the language."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from her2guide import i18n
from her2guide.paths import locale_dir

PACKAGE = Path(i18n.__file__).parent
# The marking functions the code uses, as in babel.cfg: Babel's defaults (_, gettext, ngettext,
# N_, …) plus the local ``_t`` helpers and ``gettext_for(lang, message)``.
KEYWORDS = {"_": None, "N_": None, "_t": None, "ngettext": (1, 2), "gettext_for": (2,)}


def _extracted() -> Catalog:
    """Every message the code marks, extracted the way ``pybabel extract -F babel.cfg`` does."""
    catalog = Catalog()
    for _file, _line, message, _comments, context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(message, context=context)
    return catalog


def _german() -> Catalog:
    with (locale_dir() / "de" / "LC_MESSAGES" / "her2guide.po").open("rb") as handle:
        return read_po(handle, locale="de")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _forms(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _translations(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.fixture(scope="module")
def extracted() -> Catalog:
    return _extracted()


def test_extraction_sees_multi_line_and_plural_messages(extracted: Catalog) -> None:
    """The regular expression this test replaced missed both kinds."""
    ids = {message.id for message in extracted if message.id}
    assert (
        "{count} problem found.",
        "{count} problems found.",
    ) in ids
    assert any(isinstance(i, str) and "\n\n{address}\n\n" in i for i in ids)


def test_every_message_of_the_code_is_translated_into_german(extracted: Catalog) -> None:
    german = _german()
    missing, untranslated, fuzzy, placeholders = [], [], [], []
    for message in extracted:
        if not message.id:
            continue
        entry = german.get(message.id)
        if entry is None or _forms(entry) != _forms(message):
            missing.append(message.id)
            continue
        if entry.fuzzy:
            fuzzy.append(message.id)
        translations = _translations(entry)
        if len(translations) != german.num_plurals and isinstance(message.id, tuple):
            untranslated.append(message.id)
        if not all(translations):
            untranslated.append(message.id)
        wanted = _placeholders(_forms(message)[-1])
        if any(_placeholders(text) != wanted for text in translations):
            placeholders.append(message.id)
    assert not missing, f"not in the German catalog (run pybabel extract/update): {missing}"
    assert not untranslated, f"not translated (every plural form): {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"
    assert not placeholders, f"placeholders differ: {placeholders}"


def test_the_german_catalog_has_no_stale_entries(extracted: Catalog) -> None:
    """An entry the code no longer uses is dead weight and hides a renamed message."""
    used = {message.id for message in extracted if message.id}
    stale = [message.id for message in _german() if message.id and message.id not in used]
    assert not stale, f"in the German catalog but not in the code: {stale}"


def test_the_template_matches_the_code(extracted: Catalog) -> None:
    with (locale_dir() / "her2guide.pot").open("rb") as handle:
        template = {message.id for message in read_po(handle) if message.id}
    used = {message.id for message in extracted if message.id}
    assert template == used, (
        f"run pybabel extract (see README): new {used - template}, gone {template - used}"
    )


def test_german_plurals_follow_the_count() -> None:
    i18n.set_current_language("de")
    singular, plural = "{count} problem found.", "{count} problems found."
    assert i18n.ngettext(singular, plural, 1).format(count=1) == "1 Problem gefunden."
    assert i18n.ngettext(singular, plural, 3).format(count=3) == "3 Probleme gefunden."
    i18n.set_current_language("en")
    assert i18n.ngettext(singular, plural, 1).format(count=1) == "1 problem found."
    assert i18n.ngettext(singular, plural, 0).format(count=0) == "0 problems found."


def test_no_message_fakes_a_plural(extracted: Catalog) -> None:
    faked = [
        text
        for message in [*extracted, *_german()]
        if message.id
        for text in (*_forms(message), *_translations(message))
        if text and ("(s)" in text or "(e)" in text or "(n)" in text)
    ]
    assert not faked


def test_dates_are_written_for_each_language() -> None:
    day = dt.date(2025, 3, 7)
    assert i18n.format_date(day, "de") == "7. März 2025"
    assert i18n.format_date(day, "en") == "7 March 2025"


def test_dates_are_written_as_babel_writes_them() -> None:
    """The app writes dates without Babel (its locale data is slow to read); they must read
    exactly as Babel's long dates and month-year dates of en_GB and de_DE."""
    from babel.dates import format_date, format_skeleton

    for lang, babel_locale in (("en", "en_GB"), ("de", "de_DE")):
        for month in range(1, 13):
            day = dt.date(2026, month, month + 17)
            assert i18n.format_date(day, lang) == format_date(day, "long", locale=babel_locale)
            assert i18n.format_month(day, lang) == format_skeleton(
                "yMMMM", day, locale=babel_locale
            )


def test_first_start_follows_the_system_locale() -> None:
    assert i18n.system_language("de_AT") == "de"
    assert i18n.system_language("en_US") == "en"
    assert i18n.system_language("fr_FR") == "en"

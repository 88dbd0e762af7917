"""The German catalog is complete and formats follow the language."""

from __future__ import annotations

import datetime as dt
import re
import string

from babel.messages.pofile import read_po

from her2guide import i18n
from her2guide.paths import locale_dir


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_german_message_is_translated_with_the_same_placeholders() -> None:
    template = read_po((locale_dir() / "her2guide.pot").open("rb"))
    catalog = read_po((locale_dir() / "de" / "LC_MESSAGES" / "her2guide.po").open("rb"))
    translated = {m.id: m for m in catalog if m.id}
    for message in template:
        if not message.id:
            continue
        entry = translated.get(message.id)
        assert entry is not None, f"not in the German catalog: {message.id!r}"
        assert entry.string, f"not translated: {message.id!r}"
        assert not entry.fuzzy, f"fuzzy: {message.id!r}"
        assert _placeholders(entry.string) == _placeholders(str(message.id)), message.id


def test_catalog_matches_the_code() -> None:
    """Every string the code marks for translation is in the template (run pybabel extract)."""
    template = {m.id for m in read_po((locale_dir() / "her2guide.pot").open("rb")) if m.id}
    root = locale_dir().parents[1] / "her2guide"
    pattern = re.compile(r'\b(?:_|_t|N_)\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]')
    used = {
        match.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        for path in root.rglob("*.py")
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    }
    assert used
    assert used <= template, sorted(used - template)


def test_german_catalog_is_loaded_and_used() -> None:
    assert type(i18n.translations("de")).__name__ == "_PoTranslations"
    i18n.set_current_language("de")
    assert i18n._("Back") == "Zurück"
    i18n.set_current_language("en")
    assert i18n._("Back") == "Back"


def test_dates_are_written_for_each_language() -> None:
    day = dt.date(2025, 3, 7)
    assert i18n.format_date(day, "de") == "7. März 2025"
    assert i18n.format_date(day, "en") == "7 March 2025"


def test_first_start_follows_the_system_locale() -> None:
    assert i18n.system_language("de_AT") == "de"
    assert i18n.system_language("en_US") == "en"
    assert i18n.system_language("fr_FR") == "en"

"""The app's own .po reader reads what Babel reads, and leaves out what gettext would."""

from __future__ import annotations

from babel.messages.pofile import read_po

from her2guide.i18n import read_messages
from her2guide.paths import locale_dir

SAMPLE = r"""# A header comment
msgid ""
msgstr ""
"Language: de\n"

msgid "Back"
msgstr "Zurück"

#, fuzzy
msgid "Forward"
msgstr "Vor"

#, python-brace-format
msgid ""
"This link leads to a web page outside the app:\n"
"\n"
"{address}"
msgstr ""
"Dieser Link führt zu einer Webseite außerhalb der App:\n"
"\n"
"{address}"

msgid "Say \"hello\"\tnow"
msgstr "Sag \"hallo\"\tjetzt"

msgid "Not yet translated"
msgstr ""

#, fuzzy
#~ msgid "Gone"
#~ msgstr "Weg"

msgid "Last"
msgstr "Letzte"
"""


def test_it_reads_entries_across_lines_with_escapes_and_skips_the_rest() -> None:
    assert read_messages(SAMPLE) == {
        "Back": "Zurück",
        "This link leads to a web page outside the app:\n\n{address}": (
            "Dieser Link führt zu einer Webseite außerhalb der App:\n\n{address}"
        ),
        'Say "hello"\tnow': 'Sag "hallo"\tjetzt',
        "Last": "Letzte",
    }


def test_it_reads_the_shipped_catalog_as_babel_does() -> None:
    path = locale_dir() / "de" / "LC_MESSAGES" / "her2guide.po"
    with path.open("rb") as handle:
        expected = {
            str(m.id): str(m.string)
            for m in read_po(handle, locale="de")
            if m.id and m.string and not m.fuzzy
        }
    assert read_messages(path.read_text(encoding="utf-8")) == expected

"""Compiled catalogs: what the app reads is the .po as Babel compiles it now, in a checkout and in
an installed wheel."""

from __future__ import annotations

import gettext
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from her2guide import catalogs, i18n
from her2guide.paths import locale_dir

ROOT = Path(__file__).resolve().parents[1]
PO = """msgid ""
msgstr ""
"Language: de\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Back"
msgstr "{back}"

#, fuzzy
msgid "Forward"
msgstr "Vor"

msgid "{{count}} page"
msgid_plural "{{count}} pages"
msgstr[0] "{{count}} Seite"
msgstr[1] "{{count}} Seiten"
"""


def _write_po(folder: Path, back: str) -> Path:
    po_path = folder / "her2guide.po"
    po_path.write_text(PO.format(back=back), encoding="utf-8")
    return po_path


def _later(path: Path, than: Path) -> None:
    """Gives ``path`` a file time after ``than``'s (file systems may keep whole seconds)."""
    stamp = than.stat().st_mtime_ns + 2_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_the_catalog_in_use_is_the_po_compiled_now() -> None:
    po_path = locale_dir() / "de" / "LC_MESSAGES" / "her2guide.po"
    fresh = gettext.GNUTranslations(io.BytesIO(catalogs.compile_po(po_path)))
    in_use = i18n.translations("de")
    assert isinstance(in_use, gettext.GNUTranslations)
    assert in_use._catalog == fresh._catalog  # type: ignore[attr-defined]
    assert in_use.gettext("Back") == "Zurück"
    assert not catalogs.is_stale(i18n.catalog_path("de"), po_path)


def test_a_missing_or_older_mo_is_compiled_from_the_po(tmp_path: Path) -> None:
    po_path = _write_po(tmp_path, "Zurück")
    mo_path = tmp_path / "her2guide.mo"
    first = catalogs.load(mo_path, from_source=True)
    assert mo_path.exists()
    assert first.gettext("Back") == "Zurück"
    assert first.gettext("Forward") == "Forward"  # fuzzy entries stay out, as with pybabel
    assert first.ngettext("{count} page", "{count} pages", 1) == "{count} Seite"
    assert first.ngettext("{count} page", "{count} pages", 2) == "{count} Seiten"

    _write_po(tmp_path, "Zurück zur vorigen Seite")
    _later(po_path, than=mo_path)
    assert catalogs.load(mo_path, from_source=True).gettext("Back") == "Zurück zur vorigen Seite"
    assert not catalogs.is_stale(mo_path, po_path)


def test_an_installed_mo_is_used_as_built(tmp_path: Path) -> None:
    """Installers write files in any order: a wheel's .mo is never compiled again."""
    po_path = _write_po(tmp_path, "Zurück")
    mo_path = tmp_path / "her2guide.mo"
    mo_path.write_bytes(catalogs.compile_po(po_path))
    _write_po(tmp_path, "Changed after the build")
    _later(po_path, than=mo_path)
    assert catalogs.load(mo_path, from_source=False).gettext("Back") == "Zurück"
    mo_path.unlink()  # a wheel built without the hook still speaks German
    assert catalogs.load(mo_path, from_source=False).gettext("Back") == "Changed after the build"


def test_a_folder_that_cannot_be_written_gets_the_catalog_compiled_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_po(tmp_path, "Zurück")

    def refuse(_path: Path, _data: bytes) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(catalogs, "_write_atomically", refuse)
    loaded = catalogs.load(tmp_path / "her2guide.mo", from_source=True)
    assert loaded.gettext("Back") == "Zurück"
    assert not (tmp_path / "her2guide.mo").exists()


def _project_copy(target: Path) -> Path:
    for name in ("her2guide", "content", "resources"):
        shutil.copytree(
            ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    for name in ("pyproject.toml", "hatch_build.py", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    return target


@pytest.mark.slow
def test_the_wheel_carries_the_catalog_compiled_by_the_build(tmp_path: Path) -> None:
    project = _project_copy(tmp_path / "project")
    messages = project / "resources" / "locale" / "de" / "LC_MESSAGES"
    leftover = messages / "her2guide.mo"  # a stale .mo in the checkout must not get in
    leftover.write_bytes(catalogs.compile_po(_write_po(tmp_path, "Leftover")))
    _later(leftover, than=messages / "her2guide.po")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(tmp_path / "dist")],
        cwd=project,
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    installed = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    wheel_mo = installed / "her2guide/_data/resources/locale/de/LC_MESSAGES/her2guide.mo"
    expected = catalogs.compile_po(messages / "her2guide.po")
    assert wheel_mo.read_bytes() == expected

    # The installed app reads that .mo with gettext alone: no Babel, nothing written.
    before = sorted(p.name for p in wheel_mo.parent.iterdir())
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from her2guide import i18n, paths;"
        "assert not paths.runs_from_checkout(), paths.resources_dir();"
        "print(i18n.translations('de').gettext('Back'), 'babel' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(installed)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["Zurück", "False"]
    assert sorted(p.name for p in wheel_mo.parent.iterdir()) == before

"""Builds her2guide as a one-folder bundle with PyInstaller: a program folder that runs without
Python installed, with the content, the translations and the icons inside.

    .venv/bin/python -m pip install -e '.[bundle]'
    .venv/bin/python scripts/build_bundle.py [--dist DIR]

The same command builds the bundle for the system it runs on (Linux, Windows, macOS; PyInstaller
does not cross-compile). The bundle is ``DIR/her2guide/`` (default ``dist/``), started with
``DIR/her2guide/her2guide`` (``her2guide.exe`` on Windows). PyInstaller's work files go to a
temporary folder of their own, removed at the end. Prints the build time and the bundle's size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pyinstaller_arguments(dist: Path, work: Path) -> list[str]:
    data = os.pathsep  # "src:dest" (";" on Windows)
    arguments = [
        str(ROOT / "packaging" / "her2guide_main.py"),
        "--name=her2guide",
        "--onedir",
        "--windowed",  # no console window on Windows and macOS (an .app on macOS)
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work / 'build'}",
        f"--specpath={work}",
        f"--paths={ROOT}",
        # paths.py finds content/ and resources/ beside the package, as in a checkout.
        f"--add-data={ROOT / 'content'}{data}content",
        f"--add-data={ROOT / 'resources'}{data}resources",
        # Commands are registered by name (cli.COMMANDS) and Markdown loads its extensions by
        # name: PyInstaller cannot see those imports.
        "--collect-submodules=her2guide",
        "--collect-submodules=markdown",
        # Test and authoring tools are not part of the app.
        "--exclude-module=textstat",
        "--exclude-module=pytest",
        "--exclude-module=hypothesis",
        "--exclude-module=tkinter",
    ]
    if _installed("pyphen"):
        arguments.append("--collect-data=pyphen")  # hyphenation patterns, read as files
    icon = ROOT / "resources" / "icons" / "hicolor" / "256x256" / "apps" / "her2guide.png"
    if sys.platform in ("win32", "darwin") and _installed("PIL"):
        arguments.append(f"--icon={icon}")  # PyInstaller converts it with Pillow
    return arguments


def _installed(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


def prune_babel_locales(bundle: Path) -> None:
    """Keeps Babel's locale data for English and German only (35 MB of 1,100 locales → 2 MB)."""
    for data in bundle.rglob("babel/locale-data/*.dat"):
        if data.stem != "root" and data.stem.split("_")[0] not in ("en", "de"):
            data.unlink()


def _size(folder: Path) -> int:
    """Bytes in ``folder``, each file once (links are not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[bundle]'", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="her2guide-bundle-"))
    start = time.perf_counter()
    try:
        PyInstaller.__main__.run(pyinstaller_arguments(args.dist.resolve(), work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bundle = args.dist.resolve() / "her2guide"
    prune_babel_locales(bundle)
    print(
        f"bundle: {bundle} ({_size(bundle) / 1e6:.0f} MB), "
        f"built in {time.perf_counter() - start:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

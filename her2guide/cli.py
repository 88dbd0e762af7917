"""Command-line options: what to open, which content to use, and the ``check`` command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from her2guide import __version__
from her2guide.i18n import LANGUAGES
from her2guide.printing.command import add_handout_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="her2guide",
        description="An offline guide to advanced HER2-positive breast cancer (English/Deutsch).",
    )
    parser.add_argument("--version", action="version", version=f"her2guide {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the app (en or de)")
    parser.add_argument("--page", metavar="SLUG", help="page to open, e.g. side-effects")
    parser.add_argument(
        "--content", metavar="DIR", type=Path, help="content folder to preview (holds en/ and de/)"
    )
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help="quit as soon as the first page is painted (for start-up measurements)",
    )
    commands = parser.add_subparsers(dest="command", metavar="{check,handout}")
    check = commands.add_parser("check", help="validate a content folder and list every problem")
    check.add_argument(
        "folder", nargs="?", type=Path, help="content folder (default: the shipped one)"
    )
    check.add_argument(
        "--stats", action="store_true", help="also print the readability of every page"
    )
    add_handout_command(commands)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)

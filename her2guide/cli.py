"""Command-line options: what to open, which content to use, and the commands beside the app.

Without a command, the app starts. A command lives in its own module with a function
``register(commands)`` that adds its parser to ``commands`` (argparse's sub-parsers) and sets
``run``: a function of the parsed arguments that returns the exit status. Adding a command is one
line in ``COMMANDS``; a command's module must stay cheap to import (import the work inside
``run``), as every start of the app reads it.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from pathlib import Path

from her2guide import __version__
from her2guide.i18n import LANGUAGES

COMMANDS = ("her2guide.check_command", "her2guide.printing.command")


class _Parser(argparse.ArgumentParser):
    """Writes the optional command as optional (argparse writes "COMMAND ..." as if it were
    required), when the usage is shown: formatting it costs every start a few milliseconds."""

    def format_usage(self) -> str:
        return super().format_usage().replace("COMMAND ...", "[COMMAND ...]", 1)

    def format_help(self) -> str:
        return super().format_help().replace("COMMAND ...", "[COMMAND ...]", 1)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="her2guide",
        description="An offline guide to advanced HER2-positive breast cancer (English/Deutsch).",
    )
    parser.add_argument("--version", action="version", version=f"her2guide {__version__}")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language for this start only (en or de); the language chosen in the app is kept",
    )
    parser.add_argument(
        "--page", metavar="SLUG", help="page to open, e.g. side-effects (unknown: an error)"
    )
    parser.add_argument(
        "--content", metavar="DIR", type=Path, help="content folder to preview (holds en/ and de/)"
    )
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help="quit as soon as the first page is painted (for start-up measurements)",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add the app to your desktop's application menu (menu entry, icon, software-centre "
        "description in your own folders) and quit",
    )
    desktop.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry added and quit",
    )
    commands = parser.add_subparsers(
        title="commands (optional; without one, the app starts)", metavar="COMMAND"
    )
    for module in COMMANDS:
        importlib.import_module(module).register(commands)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)

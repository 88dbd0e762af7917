"""``her2guide check [FOLDER] [--stats] [--strict]``: validate a content folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    """Adds ``check`` to the command line (``commands``: argparse's sub-parsers)."""
    check = commands.add_parser(
        "check",
        help="validate a content folder and list every problem",
        description="Validate a content folder and list every problem as path:line: message; "
        "exit status 1 when there is any.",
    )
    check.add_argument(
        "folder", nargs="?", type=Path, help="content folder (default: the shipped one)"
    )
    check.add_argument(
        "--stats",
        action="store_true",
        help="also print the readability of every page "
        "(needs the authoring tools: pip install 'her2guide[authoring]')",
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help="release gate: also fail on warnings and notes (no clinical review, overdue review)",
    )
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from her2guide.content.check import run_check
    from her2guide.paths import content_dir, resources_dir

    return run_check(
        args.folder or content_dir(), resources_dir(), stats=args.stats, strict=args.strict
    )

"""``her2guide handout``: a handout PDF from the command line, for clinics and tests.

It runs offscreen and uses the composer and painter of the handout dialog, with the clinic,
question list and "you are here" from the user's settings. A wrong page id or a file that
cannot be written ends with a message and exit status 1.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

LANG_CHOICES = ("en", "de", "both")


def _page_ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def register(commands: argparse._SubParsersAction) -> None:
    """Adds ``handout`` to the app's commands (see ``cli``)."""
    handout = commands.add_parser(
        "handout",
        help="write a handout PDF without opening a window",
        description="Write a handout PDF. Without --pages, --card, --timeline or --questions "
        "it holds the “Call your care team” card.",
    )
    handout.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF file")
    handout.add_argument(
        "--lang", choices=LANG_CHOICES, default="en", help="en, de or both (default: en)"
    )
    handout.add_argument(
        "--pages", type=_page_ids, default=(), metavar="ID,ID,…", help="pages, in this order"
    )
    handout.add_argument("--card", action="store_true", help="the “Call your care team” card")
    handout.add_argument("--timeline", action="store_true", help="the treatment path")
    handout.add_argument("--questions", action="store_true", help="the saved question list")
    handout.add_argument(
        "--no-sources", action="store_true", help="leave out the appendix of sources"
    )
    handout.set_defaults(run=lambda args: run_handout(args, args.content))


def _fail(message: str) -> int:
    print(f"her2guide handout: {message}", file=sys.stderr)
    return 1


def _unwritable(path: Path) -> str | None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return f"{path} is a folder, not a file"
    if not folder.is_dir():
        return f"cannot write {path}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"cannot write {path}: permission denied"
    return None


def run_handout(args: argparse.Namespace, content: Path | None = None) -> int:
    """Writes the handout; returns the exit status."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from her2guide.app import create_application
    from her2guide.content.library import Library
    from her2guide.paths import content_dir, resources_dir
    from her2guide.printing.handout import HandoutOptions, compose_handout
    from her2guide.questions import FILE_NAME, load_questions
    from her2guide.settings import Settings
    from her2guide.timeline.loader import load_timeline
    from her2guide.ui.print_support import handout_title, make_job, pdf_info, save_pdf
    from her2guide.userfolders import data_folder

    problem = _unwritable(args.out)
    if problem:
        return _fail(problem)
    languages = ("en", "de") if args.lang == "both" else (args.lang,)
    library = Library((content or content_dir()).resolve(), resources_dir())
    known = library.language(languages[0]).pages
    for page_id in args.pages:
        if page_id not in known:
            close = difflib.get_close_matches(page_id, list(known), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            return _fail(f"unknown page: {page_id}{hint}. Pages: {', '.join(sorted(known))}")
    nothing = not (args.pages or args.card or args.timeline or args.questions)
    options = HandoutOptions(
        pages=args.pages,
        languages=languages,
        red_flags=args.card or nothing,
        timeline=args.timeline,
        questions=args.questions,
        sources=not args.no_sources,
    )
    create_application()
    settings = Settings()
    timelines = {
        lang: load_timeline(library.root / lang / "timeline.yaml")[0] for lang in languages
    }
    sections = compose_handout(
        library,
        options,
        clinic=settings.clinic,
        questions=load_questions(data_folder() / FILE_NAME).value,
        timelines=timelines,
        you_are_here=settings.you_are_here,
    )
    job = make_job(
        sections,
        library.resources,
        clinic=settings.clinic,
        timelines=timelines,
        you_are_here=settings.you_are_here,
    )
    info = pdf_info(sections, handout_title(languages[0]), settings.clinic)
    try:
        pages = save_pdf(job, args.out, info)
    except OSError as error:
        return _fail(f"cannot write {args.out}: {error}")
    print(f"{args.out}: {pages} pages")
    return 0

"""Synthetic content for the scale benchmarks: the real content and many more pages like it.

``make_content(folder, factor)`` copies the shipped content and adds generated pages until each
language holds ``factor`` times as many pages. A generated page is a real page of the same
language under a new id, title and order, with one more section that links the glossary and
another page, so that it renders, links and searches like real content and ``her2guide check``
accepts it. Both languages get the same ids, from the same real pages, so the two match.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import yaml

from her2guide.content.pages import split_front_matter
from her2guide.i18n import LANGUAGES
from her2guide.paths import content_dir

# Pages not copied: the glossary page shows the glossary, not its body; "welcome" is the home.
_SKIP = {"glossary", "welcome"}
_EXTRA = {
    "en": (
        "## More to read, part @NUMBER@\n\n"
        "This is extra page @NUMBER@. It is made up to test how fast the app is with many "
        "pages. Read what [HER2-positive](glossary.md#her2-positive) means, or go to "
        "[the page about side effects](side-effects.md).\n"
    ),
    "de": (
        "## Mehr zum Lesen, Teil @NUMBER@\n\n"
        "Dies ist die Zusatzseite @NUMBER@. Sie ist erfunden, um zu prüfen, wie schnell die App "
        "mit vielen Seiten ist. Lesen Sie, was [HER2-positiv](glossary.md#her2-positive) "
        "bedeutet, oder gehen Sie zur [Seite über Nebenwirkungen](side-effects.md).\n"
    ),
}


def _template(page: Path, lang: str) -> tuple[str, str]:
    """A generated page's text with TITLE_HERE, ORDER_HERE and @NUMBER@ to fill in; and the
    page's title."""
    front, body, _line = split_front_matter(page.read_text(encoding="utf-8"), page)
    data = yaml.safe_load(front)
    title = data["title"]
    data.update(title="TITLE_HERE", order="ORDER_HERE")
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n{body.rstrip()}\n\n{_EXTRA[lang]}", title


def make_content(folder: Path, factor: int, source: Path | None = None) -> Path:
    """A content folder in ``folder`` with ``factor`` times the pages of ``source`` (default: the
    shipped content) in every language; returns it. Factor 1 is a plain copy."""
    source = source or content_dir()
    target = folder / f"content-{factor}x"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    real = sorted(path.stem for path in (source / LANGUAGES[0]).glob("*.md"))
    kept = [page for page in real if page not in _SKIP]
    templates = {
        (page, lang): _template(source / lang / f"{page}.md", lang)
        for page in kept
        for lang in LANGUAGES
    }
    pages = itertools.cycle(kept)
    for number in range(1, len(real) * (factor - 1) + 1):
        page = next(pages)
        for lang in LANGUAGES:
            text, title = templates[page, lang]
            # A JSON string is a valid YAML one, whatever the title holds.
            filled = (
                text.replace("TITLE_HERE", json.dumps(f"{title} ({number})", ensure_ascii=False))
                .replace("ORDER_HERE", str(1000 + number))
                .replace("@NUMBER@", str(number))
            )
            (target / lang / f"generated-{number:05d}.md").write_text(filled, encoding="utf-8")
    return target

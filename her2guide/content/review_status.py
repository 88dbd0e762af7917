"""Who checked a page, said plainly: under the page title and in every printout's footer.

Until a named clinician signs a page off (``reviewed_by.role: clinician``), every text says that
the editorial team checked it and that no clinician has reviewed it yet. Qt-free.
"""

from __future__ import annotations

import datetime as dt

from her2guide.content.model import Reviewer
from her2guide.i18n import format_date, gettext_for


def review_line(reviewer: Reviewer | None, lang: str) -> str:
    """The sentence under a page's title."""
    if reviewer is not None and reviewer.is_clinician:
        return gettext_for(
            lang, "Reviewed by {name}, a clinician, against the sources listed."
        ).format(name=reviewer.name)
    return gettext_for(
        lang,
        "Checked by the editorial team against the sources listed; "
        "not yet reviewed by a clinician.",
    )


def review_footer(reviewed: dt.date, reviewer: Reviewer | None, lang: str) -> str:
    """The same, short, with the date, for the footer of a printed sheet."""
    date = format_date(reviewed, lang)
    if reviewer is not None and reviewer.is_clinician:
        return gettext_for(lang, "Reviewed by {name} (clinician) on {date}").format(
            name=reviewer.name, date=date
        )
    return gettext_for(
        lang, "Checked by the editorial team on {date}; not yet reviewed by a clinician"
    ).format(date=date)

"""Who reviewed a page, said the same way under the title and in the print footer."""

from __future__ import annotations

import datetime as dt

from her2guide.content.model import Reviewer
from her2guide.content.review_status import review_footer, review_line

EDITORIAL = Reviewer("her2guide editorial team", "editorial")
CLINICIAN = Reviewer("Dr. A. Beispiel", "clinician")
DAY = dt.date(2026, 12, 6)


def test_without_a_clinician_every_text_says_so_plainly() -> None:
    for reviewer in (EDITORIAL, None):
        assert review_line(reviewer, "en").endswith("not yet reviewed by a clinician.")
        assert review_footer(DAY, reviewer, "en") == (
            "Checked by the editorial team on 6 December 2026; not yet reviewed by a clinician"
        )
        assert review_footer(DAY, reviewer, "de") == (
            "Von der Redaktion geprüft am 6. Dezember 2026; noch nicht ärztlich geprüft"
        )
    assert "Medically" not in review_footer(DAY, EDITORIAL, "en")


def test_a_clinicians_sign_off_names_the_clinician() -> None:
    assert review_line(CLINICIAN, "en") == (
        "Reviewed by Dr. A. Beispiel, a clinician, against the sources listed."
    )
    assert review_footer(DAY, CLINICIAN, "de") == (
        "Geprüft von Dr. A. Beispiel (Ärztin oder Arzt) am 6. Dezember 2026"
    )

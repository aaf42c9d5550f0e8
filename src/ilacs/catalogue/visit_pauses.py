"""National pauses of focused and monitoring visits, which ended before graded inspections resumed.

The COVID-19 pause in :data:`~ilacs.catalogue.cadence.PAUSES` runs to the return of regular
graded inspections (20 September 2021). Visits came back sooner: monitoring visits restarted
for all inadequate LAs by the end of May 2021 and focused visits were held from spring 2021
(Thurrock's on 30 June 2021). Scheduling uses these pauses for visits and the catalogue's
``PAUSES`` for graded inspections. Added for the scheduling task (issue "Scheduling: next
expected inspection, visits, deadlines, in working days").

>>> [(p.start.isoformat(), p.resume.isoformat()) for p in VISIT_PAUSES]
[('2020-03-17', '2021-04-19'), ('2020-11-05', '2020-12-02')]
"""

from __future__ import annotations

import datetime as dt

from ilacs.catalogue import refs
from ilacs.catalogue.cadence import PAUSES, Pause, PauseScope

__all__ = ["VISIT_PAUSES"]

_LOCKDOWN = next(p for p in PAUSES if p.code == "pause.lockdown-2020")

VISIT_PAUSES: tuple[Pause, ...] = (
    Pause(
        "pause.covid-19-visits",
        "COVID-19 suspension of routine focused and monitoring visits",
        dt.date(2020, 3, 17),
        dt.date(2021, 4, 19),
        PauseScope.VISITS,
        (refs.CYP_COVID, refs.COVID_RESTART, refs.CYP_2021_QA, refs.STATS_2024),
        uncertain=True,
        note="Suspended 17 March 2020 with all routine inspection. Assurance visits (not "
        "focused visits) ran from September 2020. The resume date is the Monday of the week of "
        "the first monitoring visit in Ofsted's in-year tables (20 April 2021); focused visits "
        "followed from 28 April 2021 and monitoring had restarted for all inadequate LAs by the "
        "end of May 2021 (CYP Now). Those tables start in April 2021, so an earlier restart "
        "cannot be ruled out.",
    ),
    _LOCKDOWN,
)
"""Pauses of visits, oldest first (overlapping pauses count once)."""

"""National pauses of focused and monitoring visits, which ended before graded inspections resumed.

The COVID-19 pause in :data:`~ilacs.catalogue.cadence.PAUSES` runs to the return of regular
graded inspections (20 September 2021). Visits came back sooner: monitoring visits restarted
in April 2021 and for all inadequate LAs by the end of May 2021; the visits of 28 April to 26
May 2021 were COVID-19 assurance visits, and the first themed focused visit was on 9 June 2021
(Thurrock's on 30 June 2021). Scheduling uses these pauses for visits and the catalogue's
``PAUSES`` for graded inspections.

Ofsted's tables list the 2021 assurance visits as focused visits:
:data:`ASSURANCE_VISITS_2021` says which, and :func:`is_focused_visit` reads them so.

>>> [(p.start.isoformat(), p.resume.isoformat()) for p in VISIT_PAUSES]
[('2020-03-17', '2021-04-19'), ('2020-11-05', '2020-12-02')]
>>> import datetime as dt
>>> from ilacs.records import Inspection
>>> is_focused_visit(Inspection("E06000032", "Luton", "focused_visit", start=dt.date(2021, 4, 28)))
False
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from ilacs.catalogue import refs
from ilacs.catalogue.cadence import PAUSES, Pause, PauseScope
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.sources import Source

if TYPE_CHECKING:
    from ilacs.records import Inspection

__all__ = ["ASSURANCE_VISITS_2021", "VISIT_PAUSES", "Reclassified", "is_focused_visit"]

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
        "the first monitoring visit in Ofsted's in-year tables (20 April 2021); COVID-19 "
        "assurance visits followed from 28 April 2021, themed focused visits from 9 June 2021, "
        "and monitoring had restarted for all inadequate LAs by the end of May 2021 (CYP Now). "
        "Those tables start in April 2021, so an earlier restart cannot be ruled out.",
    ),
    _LOCKDOWN,
)
"""Pauses of visits, oldest first (overlapping pauses count once)."""


@attrs.frozen
class Reclassified:
    """Visits that Ofsted's tables record as one type but were another, over a period.

    Args:
        code: a stable identifier.
        name: what they were.
        first, last: the first and last day of the period (inclusive).
        recorded_as: the type the tables give them.
        really: the type they were.
        sources: the evidence.
        uncertain: True when the period's ends are observations.
        note: the caveats.
    """

    code: str
    name: str
    first: dt.date
    last: dt.date
    recorded_as: InspectionType
    really: InspectionType
    sources: tuple[Source, ...]
    uncertain: bool = True
    note: str = ""

    def holds(self, inspection: Inspection) -> bool:
        """True when ``inspection`` is recorded as ``recorded_as`` within the period."""
        return inspection.type is self.recorded_as and self.first <= inspection.date <= self.last


ASSURANCE_VISITS_2021 = Reclassified(
    "visits.assurance-2021",
    "COVID-19 assurance visits of spring 2021",
    dt.date(2021, 4, 28),
    dt.date(2021, 5, 26),
    InspectionType.FOCUSED_VISIT,
    InspectionType.COVID_VISIT,
    (refs.CYP_2021_QA, refs.OFSTED_OUTCOMES_2024, refs.REPORTS),
    note="Ofsted's in-year tables list the visits of 28 April to 26 May 2021 as focused visits; "
    "they were COVID-19 assurance visits, and pre-COVID-style (themed) focused visits resumed "
    "in June 2021 (CYP Now, B): the first on 9 June 2021 (D).",
)
"""The spring 2021 visits Ofsted's tables list as focused visits (uncertain)."""


def is_focused_visit(inspection: Inspection) -> bool:
    """True for a focused visit, not counting the 2021 assurance visits recorded as such."""
    return inspection.type is InspectionType.FOCUSED_VISIT and not ASSURANCE_VISITS_2021.holds(
        inspection
    )

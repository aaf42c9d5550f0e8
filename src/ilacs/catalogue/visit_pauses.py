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
>>> assurance = Inspection("E06000032", "Luton", "focused_visit",
...                        start=dt.date(2021, 4, 28))
>>> is_focused_visit(assurance)
False
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

import attrs

import ilacs._checks as _checks
from ilacs.catalogue import refs
from ilacs.catalogue.cadence import LOCKDOWN_2020, Pause, PauseScope
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.rule import Rule

if TYPE_CHECKING:
    from ilacs.records import Inspection

__all__ = ["ASSURANCE_VISITS_2021", "VISIT_PAUSES", "Reclassified", "is_focused_visit"]

VISIT_PAUSES: tuple[Pause, ...] = (
    Pause(
        code="pause.covid-19-visits",
        name="COVID-19 suspension of routine focused and monitoring visits",
        start=dt.date(2020, 3, 17),
        resume=dt.date(2021, 4, 19),
        scope=PauseScope.VISITS,
        sources=(refs.CYP_COVID, refs.COVID_RESTART, refs.CYP_2021_QA, refs.STATS_2024),
        uncertain=True,
        note="Suspended 17 March 2020 with all routine inspection. Assurance visits (not "
        "focused visits) ran from September 2020. The resume date is the Monday of the week of "
        "the first monitoring visit in Ofsted's in-year tables (20 April 2021); COVID-19 "
        "assurance visits followed from 28 April 2021, themed focused visits from 9 June 2021, "
        "and monitoring had restarted for all inadequate LAs by the end of May 2021 (CYP Now). "
        "Those tables start in April 2021, so an earlier restart cannot be ruled out.",
    ),
    LOCKDOWN_2020,
)
"""Pauses of visits, oldest first (overlapping pauses count once)."""


@attrs.frozen(kw_only=True)
class Reclassified(Rule):
    """Visits that Ofsted's tables record as one type but were another, over a period.

    Args:
        name: what they were.
        first, last: the first and last day of the period (inclusive).
        recorded_as: the type the tables give them.
        really: the type they were.
        code, sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule`
            (uncertain by default: the period's ends are observations).
    """

    family: ClassVar[str] = "reclassification"

    name: str = attrs.field(validator=_checks.text())
    first: dt.date = attrs.field(validator=_checks.day())
    last: dt.date = attrs.field(validator=_checks.day())
    recorded_as: InspectionType
    really: InspectionType
    uncertain: bool = True

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        return (
            f"{self.name}: Ofsted's tables record the visits of {self.first.isoformat()} to "
            f"{self.last.isoformat()} as {self.recorded_as.value!r}; they are read as "
            f"{self.really.value!r}"
        )

    def holds(self, inspection: Inspection) -> bool:
        """True when ``inspection`` is recorded as ``recorded_as`` within the period."""
        return inspection.type is self.recorded_as and self.first <= inspection.date <= self.last


ASSURANCE_VISITS_2021 = Reclassified(
    code="visits.assurance-2021",
    name="COVID-19 assurance visits of spring 2021",
    first=dt.date(2021, 4, 28),
    last=dt.date(2021, 5, 26),
    recorded_as=InspectionType.FOCUSED_VISIT,
    really=InspectionType.COVID_VISIT,
    sources=(refs.CYP_2021_QA, refs.OFSTED_OUTCOMES_2024, refs.REPORTS),
    note="Ofsted's in-year tables list the visits of 28 April to 26 May 2021 as focused visits; "
    "they were COVID-19 assurance visits, and pre-COVID-style (themed) focused visits resumed "
    "in June 2021 (CYP Now, B): the first on 9 June 2021 (D).",
)
"""The spring 2021 visits Ofsted's tables list as focused visits (uncertain)."""


RECLASSIFICATIONS: tuple[Reclassified, ...] = (ASSURANCE_VISITS_2021,)
"""Every catalogued reclassification of visits."""


def kind_of(inspection: Inspection) -> InspectionType:
    """What ``inspection`` was: ``really`` when a reclassification holds for it, else its type."""
    return next((r.really for r in RECLASSIFICATIONS if r.holds(inspection)), inspection.type)


def is_focused_visit(inspection: Inspection) -> bool:
    """True for a focused visit, not counting the 2021 assurance visits recorded as such."""
    return kind_of(inspection) is InspectionType.FOCUSED_VISIT

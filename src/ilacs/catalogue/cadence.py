"""How often inspections and visits come: cycles, focused visits, monitoring and pauses.

These are the written rules. How far real schedules ran beyond them is measured separately
(see the scheduling calibration) and kept apart from these rules so the two are never confused.

>>> CYCLE.years, CYCLE.band_months
(3, 6)
>>> [p.name for p in PAUSES]  # doctest: +NORMALIZE_WHITESPACE
['COVID-19 suspension of routine inspection', 'November 2020 national lockdown pause']
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ilacs.catalogue import refs
from ilacs.catalogue.frameworks import JudgementArea
from ilacs.catalogue.grades import Grade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.sources import Source

__all__ = [
    "CYCLE",
    "FOCUSED_VISITS",
    "MONITORING",
    "NO_OVERALL_ROUTE",
    "PAUSES",
    "SIF_CYCLE",
    "Anchor",
    "CycleRule",
    "FocusedVisitRule",
    "MonitoringRule",
    "NoOverallRoute",
    "Pause",
]


class Anchor(enum.Enum):
    """The day of the previous inspection from which a cycle is counted."""

    START = "first on-site day"
    END = "last on-site day"
    PUBLISHED = "publication of the report"


@attrs.frozen
class CycleRule:
    """A graded-inspection cycle: every ``years`` years, within ``band_months`` either side.

    Args:
        code: a stable identifier.
        years: the cycle length.
        band_months: how far before or after the anniversary an inspection usually falls.
        anchor: which day of the previous inspection the anniversary counts from.
        applies_to: the prior grades it applies to.
        sources: where the rule comes from.
        uncertain: True when part of the rule (here, the anchor) is not stated by any source.
        note: what is uncertain.
    """

    code: str
    years: int
    band_months: int
    anchor: Anchor
    applies_to: tuple[Grade | None, ...]
    sources: tuple[Source, ...]
    uncertain: bool = False
    note: str = ""

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        return (
            f"next graded inspection about {self.years} years after the previous one, usually "
            f"within {self.band_months} months either side of the anniversary "
            f"(counted from its {self.anchor.value})"
        )


CYCLE = CycleRule(
    "cycle.ilacs",
    3,
    6,
    Anchor.START,
    (Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT),
    (refs.CC_2017, refs.KIRK, refs.NOTTS, refs.FW_2024),
    uncertain=True,
    note="Short and standard inspections 'usually between 6 months before and 6 months after "
    "the third anniversary of the previous inspection' (council paraphrases of the framework). "
    "Whether the anniversary counts from the first on-site day, the last or publication is "
    "not stated; the first on-site day is assumed. Inadequate LAs follow monitoring instead.",
)
"""The ILACS cycle for LAs not judged inadequate."""

SIF_CYCLE = CycleRule(
    "cycle.sif",
    3,
    0,
    Anchor.START,
    (Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT),
    (refs.SIF_NEWS, refs.LGC_5YEARS, refs.CYP_2016_REINSPECT),
    note="A universal three-year cycle; the programme overran (meant to end Nov 2016, ended "
    "2017-18), and a 2016-17 proposal to inspect good LAs every five years was dropped.",
)
"""The SIF's universal three-year cycle (2013-2018)."""


@attrs.frozen
class FocusedVisitRule:
    """How many focused visits fall between two graded inspections, by prior grade.

    Args:
        code: a stable identifier.
        default_count: the expected number of visits by prior grade.
        max_count: the most any source allows.
        earliest_after_months: the earliest a visit is expected after a graded inspection.
        latest_after_months: the latest the first visit is expected.
        excluded: prior grades that get monitoring visits instead.
        sources: the sources, which disagree.
        uncertain: always True: the sources conflict.
        note: the conflict, in words.
    """

    code: str
    default_count: tuple[tuple[Grade, int], ...]
    max_count: int
    earliest_after_months: int
    latest_after_months: int
    excluded: tuple[Grade, ...]
    sources: tuple[Source, ...]
    uncertain: bool = True
    note: str = ""

    def count_for(self, prior: Grade) -> int:
        """The default number of focused visits before the next inspection after ``prior``."""
        return dict(self.default_count).get(prior, 0)

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        counts = ", ".join(f"{g.label}: {n}" for g, n in self.default_count)
        return (
            f"focused visits between graded inspections (default {counts}; at most "
            f"{self.max_count}), the first expected {self.earliest_after_months} to "
            f"{self.latest_after_months} months after the inspection"
        )


FOCUSED_VISITS = FocusedVisitRule(
    "cadence.focused-visits",
    ((Grade.OUTSTANDING, 1), (Grade.GOOD, 1), (Grade.REQUIRES_IMPROVEMENT, 1)),
    2,
    6,
    24,
    (Grade.INADEQUATE,),
    (
        refs.CC_2017,
        refs.LINCS_2018,
        refs.CUMBRIA_2020,
        refs.BANES_PANEL,
        refs.SESLIP,
        refs.SEED_DURHAM_2020,
    ),
    note="Sources conflict: 'at least one' (Community Care 2017), 'up to two' (Lincolnshire "
    "2018), 'a minimum of two, one of which could be a JTAI' (Cumbria 2020), 'an interim visit "
    "within 18 months' (B&NES 2025). Default one, at most two; inadequate LAs get monitoring "
    "visits instead (SESLIP). The window of the first visit is the library's reading, not a rule.",
)
"""Focused visits between graded inspections (conflicting sources; defaults overridable)."""


@attrs.frozen
class MonitoringRule:
    """Monitoring of an LA judged inadequate, until its re-inspection.

    Args:
        code: a stable identifier.
        interval_months: months between monitoring visits.
        first_visit_after_working_days: working days after the report by which the action plan
            is due; the first visit follows it.
        first_visit_lag_weeks: weeks after the action-plan deadline for the first visit.
        inspectors, days: the visit's team and length.
        min_visits, max_visits: visits before re-inspection (2016 rule; early ILACS).
        reinspection_within_months: the 2016 target for re-inspection after the action plan.
        ends_with: what ends monitoring.
        sources: where the rule comes from.
        uncertain: True: the current ILACS text on monitoring was not seen.
        note: the caveats.
    """

    code: str
    interval_months: int
    first_visit_after_working_days: int
    first_visit_lag_weeks: int
    inspectors: int
    days: int
    min_visits: int
    max_visits: int
    reinspection_within_months: int
    ends_with: InspectionType
    sources: tuple[Source, ...]
    uncertain: bool = True
    note: str = ""

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        return (
            f"inadequate LAs: a monitoring visit every {self.interval_months} months by "
            f"{self.inspectors} inspectors for {self.days} days, the first about "
            f"{self.first_visit_lag_weeks} weeks after the action plan is due, "
            f"{self.min_visits} to {self.max_visits} visits, ended by a "
            f"{self.ends_with.rule.name.lower()} usually within "
            f"{self.reinspection_within_months} months of the action plan"
        )


MONITORING = MonitoringRule(
    "cadence.monitoring",
    3,
    70,
    4,
    2,
    2,
    4,
    6,
    24,
    InspectionType.STANDARD,
    (refs.MONITORING_2016, refs.CYP_QUARTERLY, refs.CYP_SEP_2018, refs.CYP_2021_QA, refs.LGA_FIRST),
    note="Quarterly visits by 2 HMI for 2 days, first within about four weeks of the "
    "70-working-day action-plan deadline, at least four before re-inspection (2016), up to six "
    "(early ILACS); re-inspection an ILACS standard inspection since September 2018. The "
    "current ILACS frequency is not confirmed; observed practice ran longer (Devon: seven "
    "visits over four years).",
)
"""Monitoring of inadequate LAs."""


class PauseScope(enum.Enum):
    """What a pause stopped."""

    ALL = "all routine inspections and visits"
    VISITS = "visits"


@attrs.frozen
class Pause:
    """A national pause in routine inspection, which stretches the windows that span it.

    Args:
        code: a stable identifier.
        name: its name.
        start: the first day of the pause.
        resume: the first day routine work resumed.
        scope: what it stopped.
        sources: where its dates come from.
        uncertain: True when a date is an observation rather than an announcement.
        note: the caveats.
    """

    code: str
    name: str
    start: dt.date
    resume: dt.date
    scope: PauseScope
    sources: tuple[Source, ...]
    uncertain: bool = False
    note: str = ""

    @property
    def days(self) -> int:
        """Calendar days paused, ``resume - start``."""
        return (self.resume - self.start).days

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        return f"{self.name}: {self.start} to {self.resume} ({self.scope.value} paused)"


PAUSES: tuple[Pause, ...] = (
    Pause(
        "pause.covid-19",
        "COVID-19 suspension of routine inspection",
        dt.date(2020, 3, 17),
        dt.date(2021, 9, 20),
        PauseScope.ALL,
        (refs.CYP_COVID, refs.COVID_RESTART, refs.CYP_2021_QA, refs.REPORTS),
        uncertain=True,
        note="Suspended 17 March 2020 (A/B). Ungraded visits from September 2020; monitoring "
        "restarted for all inadequate LAs by end of May 2021; focused visits from June 2021; "
        "graded inspections regular from 20 September 2021 (one in June 2021; D). The resume "
        "date is the observed return of graded inspections.",
    ),
    Pause(
        "pause.lockdown-2020",
        "November 2020 national lockdown pause",
        dt.date(2020, 11, 5),
        dt.date(2020, 12, 2),
        PauseScope.VISITS,
        (refs.HIST, refs.CUMBRIA_2020),
        uncertain=True,
        note="Visits paused for the national lockdown from 5 November 2020; the resume date is "
        "the end of that lockdown, not an Ofsted announcement. Falls inside the COVID-19 "
        "suspension of graded inspections.",
    ),
)
"""National pauses, oldest first. Individual pauses (e.g. Devon 2024-25) are not national."""


@attrs.frozen
class NoOverallRoute:
    """How to read a prior result that has no overall effectiveness grade (ILACS from April 2026).

    The lighter (short) route needs the leaders' judgement at ``leaders_at_least`` or better and
    at least ``practice_count`` of ``practice_areas`` at ``practice_at_least`` or better; the LA
    is treated as inadequate (monitoring) when any of ``inadequate_if_any`` is inadequate;
    otherwise it gets a standard inspection.
    """

    code: str
    leaders_at_least: Grade
    practice_areas: tuple[JudgementArea, ...]
    practice_count: int
    practice_at_least: Grade
    inadequate_if_any: tuple[JudgementArea, ...]
    sources: tuple[Source, ...]
    uncertain: bool = True
    note: str = ""

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        practice = ", ".join(a.value for a in self.practice_areas)
        worst = " or ".join(a.value for a in self.inadequate_if_any)
        return (
            f"without an overall grade: short if leaders are {self.leaders_at_least.label.lower()} "
            f"or better and {self.practice_count} of ({practice}) are too; monitoring if "
            f"{worst} is inadequate; otherwise standard"
        )


NO_OVERALL_ROUTE = NoOverallRoute(
    "route.no-overall-2026",
    Grade.GOOD,
    (JudgementArea.HELP_AND_PROTECTION, JudgementArea.CHILDREN_IN_CARE, JudgementArea.CARE_LEAVERS),
    2,
    Grade.GOOD,
    (JudgementArea.LEADERSHIP, JudgementArea.HELP_AND_PROTECTION),
    (refs.JT39, refs.OE_2026, refs.CC_LEADERSHIP),
    note="The short-route test is the JT-39 README's, not verified against Ofsted text. Which "
    "LAs count as inadequate without an overall grade is not published: the library treats an "
    "inadequate leaders or help-and-protection judgement as inadequate, because every "
    "inadequate-overall LA had those (Community Care, 2017).",
)
"""The best-supported reading of a prior result under ILACS 2026 (uncertain; overridable)."""

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
from typing import ClassVar

import attrs

import ilacs._checks as _checks
from ilacs.catalogue import refs
from ilacs.catalogue.frameworks import JudgementArea
from ilacs.catalogue.grades import Grade
from ilacs.catalogue.rule import Rule

__all__ = [
    "COVID_PAUSE",
    "CYCLE",
    "FOCUSED_VISITS",
    "LOCKDOWN_2020",
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
    PUBLISHED = "publication"


@attrs.frozen(kw_only=True)
class CycleRule(Rule):
    """A graded-inspection cycle: every ``years`` years, within ``band_months`` either side.

    Args:
        years: the cycle length.
        band_months: how far before or after the anniversary an inspection usually falls.
        anchor: which day of the previous inspection the anniversary counts from (a day the
            record lacks is replaced by the nearest one it has, and the reasons say so).
        applies_to: the prior grades whose next inspection it times (None: a new LA, timed
            from its creation); an LA on any other grade is monitored instead.
        code, sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule`.
    """

    family: ClassVar[str] = "cadence"

    years: int = attrs.field(validator=_checks.count(1))
    band_months: int = attrs.field(validator=_checks.count())
    anchor: Anchor
    applies_to: tuple[Grade | None, ...]

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        grades = [g.label.lower() for g in self.applies_to if g is not None]
        whom = "after " + ", ".join(grades) if grades else ""
        if None in self.applies_to:
            whom += (" and " if grades else "") + "for a new LA (from its creation)"
        return (
            f"{whom}: next graded inspection about {self.years} years after the previous one, usually "
            f"within {self.band_months} months either side of the anniversary "
            f"(counted from its {self.anchor.value})"
        )


CYCLE = CycleRule(
    code="cycle.ilacs",
    years=3,
    band_months=6,
    anchor=Anchor.START,
    applies_to=(Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, None),
    sources=(refs.CC_2017, refs.KIRK, refs.NOTTS, refs.FW_2024),
    uncertain=True,
    note="Short and standard inspections 'usually between 6 months before and 6 months after "
    "the third anniversary of the previous inspection' (council paraphrases of the framework). "
    "Whether the anniversary counts from the first on-site day, the last or publication is "
    "not stated; the first on-site day is assumed. Inadequate LAs follow monitoring instead; "
    "an LA created by reorganisation is timed from its creation.",
)
"""The ILACS cycle for LAs not judged inadequate."""

SIF_CYCLE = CycleRule(
    code="cycle.sif",
    years=3,
    band_months=0,
    anchor=Anchor.START,
    applies_to=(Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT),
    sources=(refs.SIF_NEWS, refs.LGC_5YEARS, refs.CYP_2016_REINSPECT),
    note="A universal three-year cycle; the programme overran (meant to end Nov 2016, ended "
    "2017-18), and a 2016-17 proposal to inspect good LAs every five years was dropped.",
)
"""The SIF's universal three-year cycle (2013-2018)."""


@attrs.frozen(kw_only=True)
class FocusedVisitRule(Rule):
    """How many focused visits fall between two graded inspections, by prior grade.

    Args:
        default_count: the expected number of visits by prior grade.
        max_count: the most any source allows: a larger default counts as this many.
        earliest_after_months: the earliest a visit is expected after a graded inspection.
        latest_after_months: the latest the first visit is expected.
        excluded: prior grades whose LAs get no focused visit (inadequate: monitoring visits
            instead; None: a new LA before its first inspection).
        code, sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule`
            (uncertain by default: the sources conflict).
    """

    family: ClassVar[str] = "cadence"

    default_count: tuple[tuple[Grade, int], ...]
    max_count: int = attrs.field(validator=_checks.count())
    earliest_after_months: int = attrs.field(validator=_checks.count())
    latest_after_months: int = attrs.field(validator=_checks.count())
    excluded: tuple[Grade | None, ...]
    uncertain: bool = True

    def count_for(self, prior: Grade | None) -> int:
        """The written number of focused visits before the next inspection after ``prior``.

        None of them for an excluded grade; otherwise the default, at most ``max_count``.
        """
        if prior is None or prior in self.excluded:
            return 0
        return min(dict(self.default_count).get(prior, 0), self.max_count)

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        counts = ", ".join(f"{g.label}: {n}" for g, n in self.default_count)
        none = " or ".join(
            f"after {g.label.lower()}" if g else "for a new LA" for g in self.excluded
        )
        return (
            f"focused visits between graded inspections (default {counts}; at most "
            f"{self.max_count}; none {none}), the first expected "
            f"{self.earliest_after_months} to {self.latest_after_months} months after the "
            "inspection"
        )


FOCUSED_VISITS = FocusedVisitRule(
    code="cadence.focused-visits",
    default_count=((Grade.OUTSTANDING, 1), (Grade.GOOD, 1), (Grade.REQUIRES_IMPROVEMENT, 1)),
    max_count=2,
    earliest_after_months=6,
    latest_after_months=24,
    excluded=(Grade.INADEQUATE, None),
    sources=(
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


@attrs.frozen(kw_only=True)
class MonitoringRule(Rule):
    """Monitoring of an LA judged inadequate, until its re-inspection.

    The clock starts when the LA's action plan is due (the catalogue's action-plan duty,
    :data:`~ilacs.catalogue.duties.ACTION_PLAN`); the visits' team and length are the monitoring
    visit's type rule; the re-inspection's type is the inadequate route's.

    Args:
        interval_months: months between monitoring visits.
        first_visit_lag_weeks: weeks after the action plan is due for the first visit.
        min_visits, max_visits: visits before re-inspection (2016 rule; early ILACS): the
            earliest re-inspection follows ``min_visits``, the expected one ``max_visits``.
        reinspection_within_months: the 2016 target for re-inspection after the action plan.
        code, sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule`
            (uncertain by default: the current ILACS text on monitoring was not seen).
    """

    family: ClassVar[str] = "cadence"

    interval_months: int = attrs.field(validator=_checks.count(1))
    first_visit_lag_weeks: int = attrs.field(validator=_checks.count())
    min_visits: int = attrs.field(validator=_checks.count())
    max_visits: int = attrs.field(validator=_checks.count())
    reinspection_within_months: int = attrs.field(validator=_checks.count(1))
    uncertain: bool = True

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        return (
            f"inadequate LAs: a monitoring visit every {self.interval_months} months, the first "
            f"about {self.first_visit_lag_weeks} weeks after the action plan is due, "
            f"{self.min_visits} to {self.max_visits} visits before re-inspection, usually "
            f"within {self.reinspection_within_months} months of the action plan"
        )


MONITORING = MonitoringRule(
    code="cadence.monitoring",
    interval_months=3,
    first_visit_lag_weeks=4,
    min_visits=4,
    max_visits=6,
    reinspection_within_months=24,
    sources=(
        refs.MONITORING_2016,
        refs.CYP_QUARTERLY,
        refs.CYP_SEP_2018,
        refs.CYP_2021_QA,
        refs.LGA_FIRST,
    ),
    note="Quarterly visits, the first within about four weeks of the action-plan deadline, at "
    "least four before re-inspection (2016), up to six (early ILACS). The current ILACS "
    "frequency is not confirmed; observed practice ran longer (Devon: seven visits over four "
    "years).",
)
"""Monitoring of inadequate LAs."""


class PauseScope(enum.Enum):
    """What a pause stopped."""

    ALL = "all routine inspections and visits"
    VISITS = "visits"


@attrs.frozen(kw_only=True, cache_hash=True)
class Pause(Rule):
    """A national pause in routine inspection, which stretches the windows that span it.

    Args:
        name: its name.
        start: the first day of the pause.
        resume: the first day routine work resumed.
        scope: what it stopped.
        code, sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule`
            (uncertain when a date is an observation rather than an announcement).
    """

    family: ClassVar[str] = "pause"

    name: str = attrs.field(validator=_checks.text())
    start: dt.date = attrs.field(validator=_checks.day())
    resume: dt.date = attrs.field(validator=_checks.day())
    scope: PauseScope

    @property
    def days(self) -> int:
        """Calendar days paused, ``resume - start``."""
        return (self.resume - self.start).days

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        return f"{self.name}: {self.start} to {self.resume} ({self.scope.value} paused)"


COVID_PAUSE = Pause(
    code="pause.covid-19",
    name="COVID-19 suspension of routine inspection",
    start=dt.date(2020, 3, 17),
    resume=dt.date(2021, 9, 20),
    scope=PauseScope.ALL,
    sources=(refs.CYP_COVID, refs.COVID_RESTART, refs.CYP_2021_QA, refs.REPORTS),
    uncertain=True,
    note="Suspended 17 March 2020 (A/B). Ungraded visits from September 2020; monitoring "
    "restarted for all inadequate LAs by end of May 2021; focused visits from June 2021; "
    "graded inspections regular from 20 September 2021 (one in June 2021; D). The resume "
    "date is the observed return of graded inspections.",
)
"""The COVID-19 suspension of routine inspection (graded inspections)."""

LOCKDOWN_2020 = Pause(
    code="pause.lockdown-2020",
    name="November 2020 national lockdown pause",
    start=dt.date(2020, 11, 5),
    resume=dt.date(2020, 12, 2),
    scope=PauseScope.VISITS,
    sources=(refs.HIST, refs.CUMBRIA_2020),
    uncertain=True,
    note="Visits paused for the national lockdown from 5 November 2020; the resume date is "
    "the end of that lockdown, not an Ofsted announcement. Falls inside the COVID-19 "
    "suspension of graded inspections.",
)
"""The November 2020 lockdown's pause of visits."""

PAUSES: tuple[Pause, ...] = (COVID_PAUSE, LOCKDOWN_2020)
"""National pauses, oldest first. Individual pauses (e.g. Devon 2024-25) are not national."""


@attrs.frozen(kw_only=True)
class NoOverallRoute(Rule):
    """How to read a prior result that has no overall effectiveness grade (ILACS from April 2026).

    The lighter (short) route needs the leaders' judgement (the area ``leaders_area``) at
    ``leaders_at_least`` or better and at least ``practice_count`` of ``practice_areas`` at
    ``practice_at_least`` or better; the LA is treated as inadequate (monitoring) when any of
    ``inadequate_if_any`` is inadequate; otherwise it gets a standard inspection.
    """

    family: ClassVar[str] = "route"

    leaders_area: JudgementArea
    """The judgement area of the leaders' judgement (leadership)."""
    leaders_at_least: Grade
    practice_areas: tuple[JudgementArea, ...]
    practice_count: int = attrs.field(validator=_checks.count())
    practice_at_least: Grade
    inadequate_if_any: tuple[JudgementArea, ...]
    uncertain: bool = True

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
    code="route.no-overall-2026",
    leaders_area=JudgementArea.LEADERSHIP,
    leaders_at_least=Grade.GOOD,
    practice_areas=(
        JudgementArea.HELP_AND_PROTECTION,
        JudgementArea.CHILDREN_IN_CARE,
        JudgementArea.CARE_LEAVERS,
    ),
    practice_count=2,
    practice_at_least=Grade.GOOD,
    inadequate_if_any=(JudgementArea.LEADERSHIP, JudgementArea.HELP_AND_PROTECTION),
    sources=(refs.JT39, refs.OE_2026, refs.CC_LEADERSHIP),
    note="The short-route test is the JT-39 README's, not verified against Ofsted text. Which "
    "LAs count as inadequate without an overall grade is not published: the library treats an "
    "inadequate leaders or help-and-protection judgement as inadequate, because every "
    "inadequate-overall LA had those (Community Care, 2017).",
)
"""The best-supported reading of a prior result under ILACS 2026 (uncertain; overridable)."""

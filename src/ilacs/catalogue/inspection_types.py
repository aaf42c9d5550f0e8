"""Inspection types: who gets each, how long it lasts, its notice and what it ends in.

Durations are in weeks off site (after the call, before inspectors arrive) and weeks on site;
notice is in working days from the notification to the first on-site day. Values the sources do
not settle are the best-supported ones, marked ``uncertain`` and cited.

>>> rule = TYPE_RULES[InspectionType.STANDARD]
>>> (rule.weeks_off_site, rule.weeks_on_site, rule.on_site_days, rule.notice_working_days)
(1, 2, 10, 5)
>>> TYPE_RULES[InspectionType.FOCUSED_VISIT].outcome
<Outcome.LETTER: 'a published letter, no graded judgements'>
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

import ilacs._checks as _checks
from ilacs._text import fold, lookup
from ilacs.catalogue import refs
from ilacs.catalogue.frameworks import Framework, versions_of
from ilacs.catalogue.grades import Grade
from ilacs.catalogue.rule import Rule, derived_code

_optional_count = attrs.validators.optional(_checks.count())

__all__ = [
    "ROUTES",
    "TYPE_RULES",
    "InspectionType",
    "Outcome",
    "Route",
    "TypeRule",
]


class InspectionType(enum.Enum):
    """A kind of inspection or visit of an LA's children's services."""

    SIF = "sif"
    SIF_REINSPECTION = "sif_reinspection"
    STANDARD = "standard"
    SHORT = "short"
    FOCUSED_VISIT = "focused_visit"
    MONITORING_VISIT = "monitoring_visit"
    JTAI = "jtai"
    COVID_VISIT = "covid_visit"
    TARGETED = "targeted"
    SLAC = "slac"
    CHILD_PROTECTION = "child_protection"
    LOOKED_AFTER_CHILDREN = "looked_after_children"

    @property
    def rule(self) -> TypeRule:
        """The catalogue entry for this type."""
        return TYPE_RULES[self]

    @property
    def graded(self) -> bool:
        """True when this type ends in graded judgements, False when it ends in a letter."""
        return TYPE_RULES[self].outcome is Outcome.JUDGEMENTS

    @classmethod
    def parse(cls, text: str) -> InspectionType:
        """Read a type from its value (``"focused_visit"``), name or words ("Focused visit").

        Ofsted's own labels ("ILACS Focused Visit", "LA Monitoring visit", "ILACS Short",
        "ILACS Standard", "SIF", "Re-inspection") are accepted too.

        Raises:
            ParseError: not a known type.
        """
        return lookup(text, _TYPE_ALIASES, field="inspection type", expected=_TYPES, kind=cls)


class Outcome(enum.Enum):
    """What an inspection ends in."""

    JUDGEMENTS = "a report with graded judgements"
    LETTER = "a published letter, no graded judgements"


@attrs.frozen(kw_only=True)
class TypeRule(Rule):
    """The catalogue entry for one inspection type.

    Args:
        type: the type.
        frameworks: the frameworks it belongs to.
        name: its name in words.
        who: who gets it.
        weeks_off_site: weeks between the call and inspectors arriving (None: not applicable).
        weeks_on_site: weeks of on-site fieldwork (None when counted in days).
        on_site_days: working days on site, first to last.
        notice_working_days: working days from notification to the first on-site day.
        team: the team, where known.
        outcome: judgements or a letter.
        sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule` (the code,
            ``"type.standard"``, follows from the type).
    """

    family: ClassVar[str] = "inspection-type"

    type: InspectionType
    frameworks: tuple[Framework, ...]
    name: str = attrs.field(validator=_checks.text())
    who: str = attrs.field(validator=_checks.text())
    weeks_off_site: int | None = attrs.field(validator=_optional_count)
    weeks_on_site: int | None = attrs.field(validator=_optional_count)
    on_site_days: int | None = attrs.field(validator=_optional_count)
    notice_working_days: int | None = attrs.field(validator=_optional_count)
    team: str = attrs.field(validator=_checks.text())
    outcome: Outcome
    code: str = derived_code(lambda rule: "type." + rule.type.value.replace("_", "-"))

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        parts = [self.name]
        if self.weeks_off_site is not None:
            parts.append(_count(self.weeks_off_site, "week") + " off site")
        if self.weeks_on_site is not None:
            parts.append(_count(self.weeks_on_site, "week") + " on site")
        elif self.on_site_days is not None:
            parts.append(_count(self.on_site_days, "day") + " on site")
        if self.notice_working_days is not None:
            parts.append("notice " + _count(self.notice_working_days, "working day"))
        parts.append(self.outcome.value)
        return "; ".join(parts)

    @property
    def total_weeks(self) -> int | None:
        """Weeks off site plus weeks on site: what councils call "a three-week inspection"."""
        if self.weeks_off_site is None or self.weeks_on_site is None:
            return None
        return self.weeks_off_site + self.weeks_on_site


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


J, L = Outcome.JUDGEMENTS, Outcome.LETTER
_T = InspectionType
_R = TypeRule

TYPE_RULES: dict[InspectionType, TypeRule] = {
    rule.type: rule
    for rule in (
        _R(
            type=_T.SHORT,
            frameworks=(Framework.ILACS,),
            name="ILACS short inspection",
            who="LAs whose last overall effectiveness judgement was good or outstanding",
            weeks_off_site=1,
            weeks_on_site=1,
            on_site_days=5,
            notice_working_days=5,
            team="usually four social care inspectors (council description)",
            outcome=J,
            sources=(refs.LGA_FIRST, refs.CC_2017, refs.NOTTS, refs.BANES_2025, refs.REPORTS),
            note="Notice: a call to the DCS, inspectors on site the following Monday (about five "
            "working days; B&NES 2025 exactly five).",
        ),
        _R(
            type=_T.STANDARD,
            frameworks=(Framework.ILACS,),
            name="ILACS standard inspection",
            who="LAs judged requires improvement to be good; from September 2018 inadequate LAs after "
            "monitoring; new LAs with no graded inspection of their own",
            weeks_off_site=1,
            weeks_on_site=2,
            on_site_days=10,
            notice_working_days=5,
            team="not published",
            outcome=J,
            sources=(refs.LGA_FIRST, refs.CC_2017, refs.CYP_SEP_2018, refs.NOTTS, refs.REPORTS),
        ),
        _R(
            type=_T.FOCUSED_VISIT,
            frameworks=(Framework.ILACS,),
            name="ILACS focused visit",
            who="LAs not judged inadequate, between graded inspections; theme chosen by Ofsted",
            weeks_off_site=None,
            weeks_on_site=None,
            on_site_days=2,
            notice_working_days=10,
            team="2 inspectors",
            outcome=L,
            sources=(refs.CYP_2021_QA, refs.CC_2017, refs.CUMBRIA_2020, refs.SEED_THURROCK_2021),
            uncertain=True,
            note="Notice of 10 working days is documented for 2020-21 only; earlier and later "
            "values not found. The letter may set out areas for priority action.",
        ),
        _R(
            type=_T.MONITORING_VISIT,
            frameworks=(Framework.SIF, Framework.ILACS),
            name="Monitoring visit",
            who="LAs whose overall effectiveness was judged inadequate",
            weeks_off_site=None,
            weeks_on_site=None,
            on_site_days=2,
            notice_working_days=None,
            team="2 HMI",
            outcome=L,
            sources=(refs.MONITORING_2016, refs.CYP_QUARTERLY, refs.LGA_FIRST),
            uncertain=True,
            note="Dates agreed in advance with the lead HMI; SIF-era design (2 HMI for 2 days); "
            "the current ILACS text on monitoring was not seen.",
        ),
        _R(
            type=_T.SIF,
            frameworks=(Framework.SIF,),
            name="SIF inspection",
            who="every LA, on a universal three-year cycle",
            weeks_off_site=0,
            weeks_on_site=4,
            on_site_days=18,
            notice_working_days=1,
            team="4 to 13 HMI, most often 7 (reports)",
            outcome=J,
            sources=(refs.SIF_NEWS, refs.SIF_HANDBOOK, refs.NORFOLK_2015, refs.REPORTS),
            note="No notice: the DCS is phoned the day before fieldwork starts. Up to four "
            "weeks of fieldwork; the reports' first to last on-site days span a median of 18 "
            "working days (D).",
        ),
        _R(
            type=_T.SIF_REINSPECTION,
            frameworks=(Framework.SIF,),
            name="SIF re-inspection of an inadequate LA",
            who="inadequate LAs after monitoring (2016 to September 2018)",
            weeks_off_site=0,
            weeks_on_site=4,
            on_site_days=18,
            notice_working_days=None,
            team="not published",
            outcome=J,
            sources=(
                refs.MONITORING_2016,
                refs.CYP_SEP_2018,
                refs.CYP_2016_REINSPECT,
                refs.REPORTS,
            ),
            uncertain=True,
            note="The reports' on-site spans: 17 to 19 working days in 16 of 20 re-inspection "
            "reports, none of 15 (D); the press described 'three-week' SIF re-inspections under "
            "early ILACS and shorter post-monitoring inspections (B). The handbook's notice "
            "section was not seen.",
        ),
        _R(
            type=_T.JTAI,
            frameworks=(Framework.SIF, Framework.ILACS),
            name="Joint targeted area inspection",
            who="selected areas, about six per theme",
            weeks_off_site=None,
            weeks_on_site=None,
            on_site_days=None,
            notice_working_days=10,
            team="Ofsted, CQC, HMICFRS and HMI Probation",
            outcome=L,
            sources=(refs.JTAI_GUIDE, refs.JTAI_LAUNCH, refs.CYP_HMIP, refs.JAR_REGS_2015),
            note="Notice: 10 working days before fieldwork, the notification day counted as day 1.",
        ),
        _R(
            type=_T.COVID_VISIT,
            frameworks=(Framework.ILACS,),
            name="COVID-19 assurance visit (Sept 2020 - 26 May 2021)",
            who="inadequate LAs and LAs of concern first, then a sample of others",
            weeks_off_site=None,
            weeks_on_site=None,
            on_site_days=None,
            notice_working_days=10,
            team="not published",
            outcome=L,
            sources=(refs.COVID_RESTART, refs.CUMBRIA_2020),
            uncertain=True,
            note="Notice of 10 working days from one council's minutes.",
        ),
        _R(
            type=_T.TARGETED,
            frameworks=(Framework.SIF,),
            name="Ofsted targeted LA inspection (2016)",
            who="by exception, where a full SIF would be disproportionate",
            weeks_off_site=None,
            weeks_on_site=None,
            on_site_days=None,
            notice_working_days=None,
            team="Ofsted",
            outcome=L,
            sources=(refs.TARGETED_2016,),
            uncertain=True,
            note="A front-door inspection with a themed deep dive; not a programme.",
        ),
        _R(
            type=_T.SLAC,
            frameworks=(Framework.SLAC,),
            name="Safeguarding and looked after children inspection",
            who="every LA, once every three years",
            weeks_off_site=None,
            weeks_on_site=2,
            on_site_days=10,
            notice_working_days=10,
            team="Ofsted with CQC",
            outcome=J,
            sources=(refs.SLAC_FRAMEWORK, refs.SLAC_SLIDES),
            note="Up to 10 working days' notice and 10 working days on site.",
        ),
        _R(
            type=_T.CHILD_PROTECTION,
            frameworks=(Framework.CP_2012,),
            name="Unannounced inspection of arrangements for the protection of children",
            who="every LA, from June 2012",
            weeks_off_site=0,
            weeks_on_site=2,
            on_site_days=10,
            notice_working_days=0,
            team="Ofsted",
            outcome=J,
            sources=(refs.CP_2012,),
            uncertain=True,
            note="No notice; two weeks on site.",
        ),
        _R(
            type=_T.LOOKED_AFTER_CHILDREN,
            frameworks=(Framework.CP_2012,),
            name="Inspection of looked after children services (2012-13)",
            who="LAs inspected alongside the child-protection programme",
            weeks_off_site=None,
            weeks_on_site=None,
            on_site_days=None,
            notice_working_days=None,
            team="Ofsted",
            outcome=J,
            sources=(refs.CP_2012, refs.REPORTS),
            uncertain=True,
            note="Separate inspections of services for looked after children (e.g. Norfolk, "
            "July 2013); their rules were not found.",
        ),
    )
}
"""The rules of each inspection type."""

_TYPES = "one of " + ", ".join(t.value for t in InspectionType)
"""What :meth:`InspectionType.parse` expected, written once."""
_TYPE_ALIASES: dict[str, InspectionType] = {
    fold(key): t for t in InspectionType for key in (t.value, t.name, TYPE_RULES[t].name)
}
_TYPE_ALIASES.update(
    (fold(alias), t)
    for alias, t in (
        ("ilacs short", _T.SHORT),
        ("ilacs short inspection", _T.SHORT),
        ("short inspection", _T.SHORT),
        ("ilacs standard", _T.STANDARD),
        ("standard inspection", _T.STANDARD),
        ("ilacs focused visit", _T.FOCUSED_VISIT),
        ("focussed visit", _T.FOCUSED_VISIT),
        ("la monitoring visit", _T.MONITORING_VISIT),
        ("ilacs monitoring visit", _T.MONITORING_VISIT),
        ("single inspection framework", _T.SIF),
        ("sif inspection", _T.SIF),
        ("re inspection", _T.SIF_REINSPECTION),
        ("reinspection", _T.SIF_REINSPECTION),
        ("sif re inspection", _T.SIF_REINSPECTION),
        ("joint targeted area inspection", _T.JTAI),
    )
)


def _route_code(route: Route) -> str:
    prior = route.prior.name.lower().replace("_", "-") if route.prior else "new-la"
    return f"route.{prior}.{route.valid_from.isoformat()}"


@attrs.frozen(kw_only=True)
class Route(Rule):
    """Which graded inspection follows a prior result, from a date.

    Args:
        prior: the last overall grade (None: a new LA with no graded inspection of its own).
        next_type: the type of the next graded inspection.
        valid_from: the first date the route applies to.
        monitoring_first: True when monitoring visits come before the inspection (inadequate):
            the LA is then monitored, and its inspection timed by the monitoring rule rather
            than the cycle.
        sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule` (the code,
            ``"route.good.2018-01-01"``, follows from the prior grade and the date).
    """

    family: ClassVar[str] = "route"

    prior: Grade | None
    next_type: InspectionType
    valid_from: dt.date = attrs.field(validator=_checks.day())
    monitoring_first: bool = attrs.field(validator=_checks.flag())
    code: str = derived_code(_route_code)

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        prior = self.prior.label if self.prior else "no graded inspection (new LA)"
        first = "monitoring visits, then " if self.monitoring_first else ""
        return f"after {prior}: {first}{self.next_type.rule.name} (from {self.valid_from})"


_ILACS_START = versions_of(Framework.ILACS)[0].valid_from
_SIF_END = versions_of(Framework.SIF)[-1].valid_to
assert _SIF_END is not None
_REINSPECT_ILACS = _SIF_END + dt.timedelta(days=1)
"""SIF re-inspections ended with the SIF: from then, inadequate LAs get an ILACS inspection."""

ROUTES: tuple[Route, ...] = (
    Route(
        prior=Grade.OUTSTANDING,
        next_type=_T.SHORT,
        valid_from=_ILACS_START,
        monitoring_first=False,
        sources=(refs.LGA_FIRST, refs.CC_2017, refs.REPORTS),
        note="Default, not a guarantee: 1 of 27 outstanding-prior inspections was standard.",
    ),
    Route(
        prior=Grade.GOOD,
        next_type=_T.SHORT,
        valid_from=_ILACS_START,
        monitoring_first=False,
        sources=(refs.LGA_FIRST, refs.CC_2017, refs.REPORTS),
        note="Default, not a guarantee: 18 of 108 good-prior inspections were standard, for "
        "reasons no source documents.",
    ),
    Route(
        prior=Grade.REQUIRES_IMPROVEMENT,
        next_type=_T.STANDARD,
        valid_from=_ILACS_START,
        monitoring_first=False,
        sources=(refs.LGA_FIRST, refs.CC_2017, refs.REPORTS),
        note="107 of 107 in the reports.",
    ),
    Route(
        prior=Grade.INADEQUATE,
        next_type=_T.SIF_REINSPECTION,
        valid_from=_ILACS_START,
        monitoring_first=True,
        sources=(refs.CC_2017, refs.CYP_SEP_2018),
        note="Up to six quarterly monitoring visits, then a three-week SIF re-inspection.",
    ),
    Route(
        prior=Grade.INADEQUATE,
        next_type=_T.STANDARD,
        valid_from=_REINSPECT_ILACS,
        monitoring_first=True,
        sources=(refs.CYP_SEP_2018, refs.LGA_FIRST, refs.REPORTS),
        note="Re-inspection became an ILACS standard inspection in September 2018 (42 of 42).",
    ),
    Route(
        prior=None,
        next_type=_T.STANDARD,
        valid_from=_ILACS_START,
        monitoring_first=False,
        sources=(refs.REPORTS,),
        uncertain=True,
        note="Every LA created by reorganisation (Dorset, BCP, the Northamptonshires, "
        "Cumberland, Westmorland and Furness) got a standard first inspection (D).",
    ),
)
"""The next graded inspection by prior overall grade, each from a date."""

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

import attrs

from ilacs.catalogue import refs
from ilacs.catalogue.frameworks import Framework
from ilacs.catalogue.grades import Grade
from ilacs.errors import ParseError
from ilacs.sources import Source

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
        if isinstance(text, InspectionType):
            return text
        if not isinstance(text, str):
            raise ParseError("inspection type", text, "a string naming an inspection type")
        key = " ".join(text.replace("_", " ").replace("-", " ").split()).lower()
        found = _TYPE_ALIASES.get(key)
        if found is None:
            raise ParseError("inspection type", text, "one of " + ", ".join(t.value for t in cls))
        return found


class Outcome(enum.Enum):
    """What an inspection ends in."""

    JUDGEMENTS = "a report with graded judgements"
    LETTER = "a published letter, no graded judgements"


@attrs.frozen
class TypeRule:
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
        sources: where the facts come from.
        uncertain: True when a value here is the best of weak or conflicting sources.
        note: what is uncertain.
    """

    type: InspectionType
    frameworks: tuple[Framework, ...]
    name: str
    who: str
    weeks_off_site: int | None
    weeks_on_site: int | None
    on_site_days: int | None
    notice_working_days: int | None
    team: str
    outcome: Outcome
    sources: tuple[Source, ...]
    uncertain: bool = False
    note: str = ""

    @property
    def code(self) -> str:
        """A stable identifier, e.g. ``"type.standard"``."""
        return "type." + self.type.value.replace("_", "-")

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
            _T.SHORT,
            (Framework.ILACS,),
            "ILACS short inspection",
            "LAs whose last overall effectiveness judgement was good or outstanding",
            1,
            1,
            5,
            5,
            "usually four social care inspectors (council description)",
            J,
            (refs.LGA_FIRST, refs.CC_2017, refs.NOTTS, refs.BANES_2025, refs.REPORTS),
            note="Notice: a call to the DCS, inspectors on site the following Monday (about five "
            "working days; B&NES 2025 exactly five).",
        ),
        _R(
            _T.STANDARD,
            (Framework.ILACS,),
            "ILACS standard inspection",
            "LAs judged requires improvement to be good; from September 2018 inadequate LAs after "
            "monitoring; new LAs with no graded inspection of their own",
            1,
            2,
            10,
            5,
            "not published",
            J,
            (refs.LGA_FIRST, refs.CC_2017, refs.CYP_SEP_2018, refs.NOTTS, refs.REPORTS),
        ),
        _R(
            _T.FOCUSED_VISIT,
            (Framework.ILACS,),
            "ILACS focused visit",
            "LAs not judged inadequate, between graded inspections; theme chosen by Ofsted",
            None,
            None,
            2,
            10,
            "2 inspectors",
            L,
            (refs.CYP_2021_QA, refs.CC_2017, refs.CUMBRIA_2020, refs.SEED_THURROCK_2021),
            uncertain=True,
            note="Notice of 10 working days is documented for 2020-21 only; earlier and later "
            "values not found. The letter may set out areas for priority action.",
        ),
        _R(
            _T.MONITORING_VISIT,
            (Framework.SIF, Framework.ILACS),
            "Monitoring visit",
            "LAs whose overall effectiveness was judged inadequate",
            None,
            None,
            2,
            None,
            "2 HMI",
            L,
            (refs.MONITORING_2016, refs.CYP_QUARTERLY, refs.LGA_FIRST),
            uncertain=True,
            note="Dates agreed in advance with the lead HMI; SIF-era design (2 HMI for 2 days); "
            "the current ILACS text on monitoring was not seen.",
        ),
        _R(
            _T.SIF,
            (Framework.SIF,),
            "SIF inspection",
            "every LA, on a universal three-year cycle",
            0,
            4,
            18,
            1,
            "4 to 13 HMI, most often 7 (reports)",
            J,
            (refs.SIF_NEWS, refs.SIF_HANDBOOK, refs.NORFOLK_2015, refs.REPORTS),
            note="No notice: the DCS is phoned the day before fieldwork starts. Up to four "
            "weeks of fieldwork; the reports' first to last on-site days span a median of 18 "
            "working days (D).",
        ),
        _R(
            _T.SIF_REINSPECTION,
            (Framework.SIF,),
            "SIF re-inspection of an inadequate LA",
            "inadequate LAs after monitoring (2016 to September 2018)",
            0,
            4,
            18,
            None,
            "not published",
            J,
            (refs.MONITORING_2016, refs.CYP_SEP_2018, refs.CYP_2016_REINSPECT, refs.REPORTS),
            uncertain=True,
            note="The reports' on-site spans: 17 to 19 working days in 16 of 20 re-inspection "
            "reports, none of 15 (D); the press described 'three-week' SIF re-inspections under "
            "early ILACS and shorter post-monitoring inspections (B). The handbook's notice "
            "section was not seen.",
        ),
        _R(
            _T.JTAI,
            (Framework.SIF, Framework.ILACS),
            "Joint targeted area inspection",
            "selected areas, about six per theme",
            None,
            None,
            None,
            10,
            "Ofsted, CQC, HMICFRS and HMI Probation",
            L,
            (refs.JTAI_GUIDE, refs.JTAI_LAUNCH, refs.CYP_HMIP, refs.JAR_REGS_2015),
            note="Notice: 10 working days before fieldwork, the notification day counted as day 1.",
        ),
        _R(
            _T.COVID_VISIT,
            (Framework.ILACS,),
            "COVID-19 assurance visit (Sept 2020 - 26 May 2021)",
            "inadequate LAs and LAs of concern first, then a sample of others",
            None,
            None,
            None,
            10,
            "not published",
            L,
            (refs.COVID_RESTART, refs.CUMBRIA_2020),
            uncertain=True,
            note="Notice of 10 working days from one council's minutes.",
        ),
        _R(
            _T.TARGETED,
            (Framework.SIF,),
            "Ofsted targeted LA inspection (2016)",
            "by exception, where a full SIF would be disproportionate",
            None,
            None,
            None,
            None,
            "Ofsted",
            L,
            (refs.TARGETED_2016,),
            uncertain=True,
            note="A front-door inspection with a themed deep dive; not a programme.",
        ),
        _R(
            _T.SLAC,
            (Framework.SLAC,),
            "Safeguarding and looked after children inspection",
            "every LA, once every three years",
            None,
            2,
            10,
            10,
            "Ofsted with CQC",
            J,
            (refs.SLAC_FRAMEWORK, refs.SLAC_SLIDES),
            note="Up to 10 working days' notice and 10 working days on site.",
        ),
        _R(
            _T.CHILD_PROTECTION,
            (Framework.CP_2012,),
            "Unannounced inspection of arrangements for the protection of children",
            "every LA, from June 2012",
            0,
            2,
            10,
            0,
            "Ofsted",
            J,
            (refs.CP_2012,),
            uncertain=True,
            note="No notice; two weeks on site.",
        ),
        _R(
            _T.LOOKED_AFTER_CHILDREN,
            (Framework.CP_2012,),
            "Inspection of looked after children services (2012-13)",
            "LAs inspected alongside the child-protection programme",
            None,
            None,
            None,
            None,
            "Ofsted",
            J,
            (refs.CP_2012, refs.REPORTS),
            uncertain=True,
            note="Separate inspections of services for looked after children (e.g. Norfolk, "
            "July 2013); their rules were not found.",
        ),
    )
}
"""The rules of each inspection type."""

_TYPE_ALIASES: dict[str, InspectionType] = {}
for _t in InspectionType:
    _TYPE_ALIASES[_t.value.replace("_", " ")] = _t
    _TYPE_ALIASES[_t.name.replace("_", " ").lower()] = _t
    _TYPE_ALIASES[TYPE_RULES[_t].name.lower()] = _t
_TYPE_ALIASES.update(
    {
        "ilacs short": _T.SHORT,
        "ilacs short inspection": _T.SHORT,
        "short inspection": _T.SHORT,
        "ilacs standard": _T.STANDARD,
        "standard inspection": _T.STANDARD,
        "ilacs focused visit": _T.FOCUSED_VISIT,
        "focussed visit": _T.FOCUSED_VISIT,
        "la monitoring visit": _T.MONITORING_VISIT,
        "ilacs monitoring visit": _T.MONITORING_VISIT,
        "single inspection framework": _T.SIF,
        "sif inspection": _T.SIF,
        "re inspection": _T.SIF_REINSPECTION,
        "reinspection": _T.SIF_REINSPECTION,
        "sif re inspection": _T.SIF_REINSPECTION,
        "joint targeted area inspection": _T.JTAI,
    }
)


@attrs.frozen
class Route:
    """Which graded inspection follows a prior result, from a date.

    Args:
        prior: the last overall grade (None: a new LA with no graded inspection of its own).
        next_type: the type of the next graded inspection.
        valid_from: the first date the route applies to.
        monitoring_first: True when monitoring visits come before the inspection (inadequate).
        sources: where the route comes from.
        uncertain: True when the route is a default rather than a rule.
        note: the caveats.
    """

    prior: Grade | None
    next_type: InspectionType
    valid_from: dt.date
    monitoring_first: bool
    sources: tuple[Source, ...]
    uncertain: bool = False
    note: str = ""

    @property
    def code(self) -> str:
        """A stable identifier, e.g. ``"route.good.2018-01-01"``."""
        prior = self.prior.name.lower().replace("_", "-") if self.prior else "new-la"
        return f"route.{prior}.{self.valid_from.isoformat()}"

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        prior = self.prior.label if self.prior else "no graded inspection (new LA)"
        first = "monitoring visits, then " if self.monitoring_first else ""
        return f"after {prior}: {first}{self.next_type.rule.name} (from {self.valid_from})"


_ILACS_START = dt.date(2018, 1, 1)
_REINSPECT_ILACS = dt.date(2018, 9, 1)

ROUTES: tuple[Route, ...] = (
    Route(
        Grade.OUTSTANDING,
        _T.SHORT,
        _ILACS_START,
        False,
        (refs.LGA_FIRST, refs.CC_2017, refs.REPORTS),
        note="Default, not a guarantee: 1 of 27 outstanding-prior inspections was standard.",
    ),
    Route(
        Grade.GOOD,
        _T.SHORT,
        _ILACS_START,
        False,
        (refs.LGA_FIRST, refs.CC_2017, refs.REPORTS),
        note="Default, not a guarantee: 18 of 108 good-prior inspections were standard, for "
        "reasons no source documents.",
    ),
    Route(
        Grade.REQUIRES_IMPROVEMENT,
        _T.STANDARD,
        _ILACS_START,
        False,
        (refs.LGA_FIRST, refs.CC_2017, refs.REPORTS),
        note="107 of 107 in the reports.",
    ),
    Route(
        Grade.INADEQUATE,
        _T.SIF_REINSPECTION,
        _ILACS_START,
        True,
        (refs.CC_2017, refs.CYP_SEP_2018),
        note="Up to six quarterly monitoring visits, then a three-week SIF re-inspection.",
    ),
    Route(
        Grade.INADEQUATE,
        _T.STANDARD,
        _REINSPECT_ILACS,
        True,
        (refs.CYP_SEP_2018, refs.LGA_FIRST, refs.REPORTS),
        note="Re-inspection became an ILACS standard inspection in September 2018 (42 of 42).",
    ),
    Route(
        None,
        _T.STANDARD,
        _ILACS_START,
        False,
        (refs.REPORTS,),
        uncertain=True,
        note="Every LA created by reorganisation (Dorset, BCP, the Northamptonshires, "
        "Cumberland, Westmorland and Furness) got a standard first inspection (D).",
    ),
)
"""The next graded inspection by prior overall grade, as ``(effective_from, value)`` entries."""

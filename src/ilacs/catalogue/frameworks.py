"""The inspection frameworks, their versions and the judgement areas each version grades.

Versions are keyed on the **inspection start date**: both judgement-structure cut-overs of ILACS
(care leavers judged separately from 16 January 2023; no overall effectiveness from April 2026)
follow the date the inspection started, not the date its report was published (checked against
Ofsted's reports, evidence D). Within one framework versions never overlap. Frameworks may: the
SIF still governed re-inspections of inadequate LAs until September 2018, after ILACS began in
January 2018.

>>> import datetime as dt
>>> framework_version_on(dt.date(2023, 1, 15)).name
'ILACS 2018'
>>> framework_version_on(dt.date(2023, 1, 16)).name
'ILACS 2023'
>>> [spec.wording for spec in framework_version_on(dt.date(2026, 5, 1)).areas]
... # doctest: +NORMALIZE_WHITESPACE
['The impact of leaders on social work practice with children and families',
 'The experiences and progress of children who need help and protection',
 'The experiences and progress of children in care',
 'The experiences and progress of care leavers']
>>> framework_version_on(dt.date(2018, 3, 1), Framework.SIF).name
'SIF'
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from typing import ClassVar

import attrs

import ilacs._checks as _checks
from ilacs._text import fold, lookup
from ilacs.catalogue import refs
from ilacs.catalogue.rule import Rule, derived_code
from ilacs.errors import NotJudgedError, OutOfRangeError, ParseError

__all__ = [
    "EARLIEST_SUPPORTED",
    "VERSIONS",
    "AreaSpec",
    "Framework",
    "FrameworkVersion",
    "JudgementArea",
    "Scale",
    "framework_version_on",
    "version_named",
    "versions_of",
]

EARLIEST_SUPPORTED = dt.date(2009, 1, 1)
"""The first inspection start date the catalogue covers (issue: no records before 2009)."""


class Framework(enum.Enum):
    """A regime of inspection of LA children's services, oldest first."""

    JAR = "Joint area reviews"
    SLAC = "Inspections of safeguarding and looked after children services"
    CP_2012 = "Unannounced inspections of arrangements for the protection of children"
    SIF = "Single inspection framework"
    ILACS = "Inspection of local authority children's services"

    @property
    def title(self) -> str:
        """The framework's full name."""
        return self.value

    @classmethod
    def parse(cls, value: Framework | str) -> Framework:
        """The framework named ``value`` (case, spaces and hyphens do not matter).

        Raises:
            ParseError: ``value`` names no framework.

        >>> Framework.parse("ilacs"), Framework.parse("cp-2012")
        (<Framework.ILACS: ...>, <Framework.CP_2012: ...>)
        """
        return lookup(value, _FRAMEWORK_KEYS, field="framework", expected=_FRAMEWORKS, kind=cls)

    @property
    def is_pre_2013(self) -> bool:
        """True for the regimes before the SIF, graded on the scale with "Adequate"."""
        return self in (Framework.JAR, Framework.SLAC, Framework.CP_2012)


class Scale(enum.Enum):
    """The grade scale a framework version uses."""

    FOUR_POINT = "Outstanding / Good / Requires improvement (to be good) / Inadequate"
    LEGACY = "Outstanding / Good / Adequate / Inadequate"


class JudgementArea(enum.Enum):
    """What a judgement is about; the exact wording and scope per version live in :class:`AreaSpec`.

    ``OVERALL`` .. ``CARE_LEAVERS`` are the SIF and ILACS areas; ``ADOPTION`` and ``LSCB`` exist
    only in the SIF; ``SAFEGUARDING``, ``LOOKED_AFTER_CHILDREN`` and ``CAPACITY_TO_IMPROVE`` only in
    the 2009-2012 inspections.
    """

    OVERALL = "overall effectiveness"
    LEADERSHIP = "leadership"
    HELP_AND_PROTECTION = "children who need help and protection"
    CHILDREN_IN_CARE = "children in care"
    CARE_LEAVERS = "care leavers"
    ADOPTION = "adoption performance"
    LSCB = "local safeguarding children board"
    SAFEGUARDING = "safeguarding services"
    LOOKED_AFTER_CHILDREN = "services for looked after children"
    CAPACITY_TO_IMPROVE = "capacity to improve"

    @property
    def phrase(self) -> str:
        """How a sentence names the area, whatever the version ("help and protection")."""
        return _AREA_PHRASES.get(self, self.value)

    @classmethod
    def parse(cls, text: str) -> JudgementArea:
        """Read an area from its name (``"CARE_LEAVERS"``, ``"care leavers"``, ``"care-leavers"``).

        Raises:
            ParseError: not a known area.
        """
        return lookup(text, _AREA_KEYS, field="judgement area", expected=_AREAS, kind=cls)


_AREA_PHRASES = {
    JudgementArea.HELP_AND_PROTECTION: "help and protection",
    JudgementArea.LSCB: "Local Safeguarding Children Board review",
}
"""The areas a sentence names otherwise than by their value."""


@attrs.frozen
class AreaSpec:
    """A judgement area as one framework version words and scopes it.

    Args:
        area: the area.
        wording: the heading printed in reports of this version.
        scope: what the judgement covers, where that differs between versions.
        part_of: for a graded sub-judgement (SIF adoption and care leavers), its parent area.
        phrase: how a sentence names the judgement of this version ("impact of leaders");
            the area's own :attr:`JudgementArea.phrase` unless the version names it otherwise.
    """

    area: JudgementArea
    wording: str
    scope: str = ""
    part_of: JudgementArea | None = None
    phrase: str = attrs.field(
        default=attrs.Factory(lambda spec: spec.area.phrase, takes_self=True), kw_only=True
    )


def _version_code(version: FrameworkVersion) -> str:
    return "framework." + version.name.lower().replace(" ", "-")


@attrs.frozen(kw_only=True)
class FrameworkVersion(Rule):
    """A version of a framework, in force for inspections starting in [valid_from, valid_to].

    Args:
        framework: the framework.
        name: a short, stable name (``"ILACS 2023"``).
        valid_from: the first inspection start date the version applies to.
        valid_to: the last such date, or None while it is in force.
        areas: the judgement areas, in the order of the reports.
        scale: the grade scale.
        description: what changed, in one or two sentences.
        sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule` (the code,
            ``"framework.ilacs-2023"``, follows from the name; uncertain when a boundary date or
            an area's wording is not confirmed).
    """

    family: ClassVar[str] = "framework"

    framework: Framework
    name: str = attrs.field(validator=_checks.text())
    valid_from: dt.date = attrs.field(validator=_checks.day())
    valid_to: dt.date | None = attrs.field(validator=_checks.day(optional=True))
    areas: tuple[AreaSpec, ...]
    scale: Scale
    description: str = attrs.field(validator=_checks.text())
    code: str = derived_code(_version_code)

    @property
    def summary(self) -> str:
        """One line for the rules listing: the dates, what changed and the judgement areas."""
        until = self.valid_to.isoformat() if self.valid_to else "in force"
        areas = "; ".join(spec.wording for spec in self.areas) or "no judgement areas held"
        return (
            f"{self.name} ({self.framework.title}): inspections starting "
            f"{self.valid_from.isoformat()} to {until}. {self.description} Judgements: {areas}."
        )

    @property
    def judgement_areas(self) -> tuple[JudgementArea, ...]:
        """The areas this version grades, in report order."""
        return tuple(spec.area for spec in self.areas)

    def has_area(self, area: JudgementArea) -> bool:
        """True when this version grades ``area``."""
        return area in self.judgement_areas

    def area(self, area: JudgementArea) -> AreaSpec:
        """The wording and scope of ``area`` in this version.

        Raises:
            NotJudgedError: this version does not grade that area.
        """
        for spec in self.areas:
            if spec.area is area:
                return spec
        raise NotJudgedError(
            "judgement area",
            area.name,
            f"one of the areas of {self.name}: " + ", ".join(a.name for a in self.judgement_areas),
        )

    def covers(self, day: dt.date) -> bool:
        """True when an inspection starting on ``day`` falls under this version."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def __str__(self) -> str:
        return self.name


_LEADERS = "The impact of leaders on social work practice with children and families"
_HELP = "The experiences and progress of children who need help and protection"
_OVERALL = "Overall effectiveness"

_SIF_AREAS = (
    AreaSpec(
        area=JudgementArea.OVERALL,
        wording=_OVERALL,
        scope="headline judgement on children's services",
    ),
    AreaSpec(
        area=JudgementArea.HELP_AND_PROTECTION,
        wording="The experiences and progress of children who need help and protection",
    ),
    AreaSpec(
        area=JudgementArea.CHILDREN_IN_CARE,
        wording="The experiences and progress of children looked after and achieving permanence",
        scope="children looked after and permanence; adoption and care leavers graded beneath it",
        phrase="children looked after",
    ),
    AreaSpec(
        area=JudgementArea.ADOPTION,
        wording="Adoption performance",
        part_of=JudgementArea.CHILDREN_IN_CARE,
    ),
    AreaSpec(
        area=JudgementArea.CARE_LEAVERS,
        wording="The experiences and progress of care leavers",
        scope="graded sub-judgement of children looked after",
        part_of=JudgementArea.CHILDREN_IN_CARE,
    ),
    AreaSpec(
        area=JudgementArea.LEADERSHIP,
        wording="Leadership, management and governance",
        phrase="leadership, management and governance",
    ),
    AreaSpec(
        area=JudgementArea.LSCB,
        wording="Review of the Local Safeguarding Children Board",
        scope="the LSCB, reviewed at the same time under the LSCB (Review) Regulations 2013",
    ),
)
_ILACS_2018_AREAS = (
    AreaSpec(area=JudgementArea.LEADERSHIP, wording=_LEADERS, phrase="impact of leaders"),
    AreaSpec(area=JudgementArea.HELP_AND_PROTECTION, wording=_HELP),
    AreaSpec(
        area=JudgementArea.CHILDREN_IN_CARE,
        wording="The experiences and progress of children in care and care leavers",
        scope="children in care and care leavers together",
        phrase="children in care and care leavers",
    ),
    AreaSpec(area=JudgementArea.OVERALL, wording=_OVERALL),
)
_ILACS_2023_AREAS = (
    AreaSpec(area=JudgementArea.LEADERSHIP, wording=_LEADERS, phrase="impact of leaders"),
    AreaSpec(area=JudgementArea.HELP_AND_PROTECTION, wording=_HELP),
    AreaSpec(
        area=JudgementArea.CHILDREN_IN_CARE,
        wording="The experiences and progress of children in care",
        scope="children in care only: care leavers judged separately",
    ),
    AreaSpec(
        area=JudgementArea.CARE_LEAVERS,
        wording="The experiences and progress of care leavers",
        scope="care leavers, a judgement of its own since 16 January 2023",
    ),
    AreaSpec(area=JudgementArea.OVERALL, wording=_OVERALL),
)
_SLAC_AREAS = (
    AreaSpec(area=JudgementArea.OVERALL, wording=_OVERALL),
    AreaSpec(area=JudgementArea.CAPACITY_TO_IMPROVE, wording="Capacity for improvement"),
    AreaSpec(
        area=JudgementArea.SAFEGUARDING,
        wording="Safeguarding services",
        scope="overall effectiveness of safeguarding",
    ),
    AreaSpec(
        area=JudgementArea.LOOKED_AFTER_CHILDREN,
        wording="Services for looked after children",
        scope="overall effectiveness of services for looked after children",
    ),
)

VERSIONS: tuple[FrameworkVersion, ...] = (
    FrameworkVersion(
        framework=Framework.JAR,
        name="JAR",
        valid_from=dt.date(2005, 4, 1),
        valid_to=dt.date(2009, 3, 31),
        areas=(),
        scale=Scale.LEGACY,
        description="Multi-inspectorate joint area reviews under the Children Act 2004, s20; replaced in "
        "April 2009. The catalogue names the era but holds no JAR judgement areas.",
        sources=(refs.JAR_REGS, refs.SLAC_SLIDES),
        uncertain=True,
        note="Start date is the 2005 Regulations' commencement, not confirmed in a source seen.",
    ),
    FrameworkVersion(
        framework=Framework.SLAC,
        name="SLAC 2009",
        valid_from=dt.date(2009, 4, 1),
        valid_to=dt.date(2012, 8, 24),
        areas=_SLAC_AREAS,
        scale=Scale.LEGACY,
        description="Announced inspections of safeguarding and looked after children services, with CQC, "
        "every three years; separate grades for safeguarding and for looked after children, "
        "overall effectiveness and capacity to improve, on a scale with 'Adequate'. Unannounced "
        "two-day inspections of contact, referral and assessment ran alongside (ungraded).",
        sources=(refs.SLAC_FRAMEWORK, refs.SLAC_SLIDES, refs.UCRA_EVIDENCE, refs.OFSTED_CSC_2023),
        uncertain=True,
        note="SLAC inspections overlapped the child-protection inspections that began on 1 June "
        "2012: Ofsted's LA inspections table lists SLAC reports published until 24 August 2012, "
        "the end date used here (an upper bound: the last start date is not known).",
    ),
    FrameworkVersion(
        framework=Framework.CP_2012,
        name="Child protection 2012",
        valid_from=dt.date(2012, 6, 1),
        valid_to=dt.date(2013, 10, 31),
        areas=(
            AreaSpec(area=JudgementArea.OVERALL, wording=_OVERALL),
            AreaSpec(
                area=JudgementArea.SAFEGUARDING, wording="Effectiveness of the help and protection"
            ),
            AreaSpec(
                area=JudgementArea.LOOKED_AFTER_CHILDREN,
                wording="Services for looked after children",
            ),
        ),
        scale=Scale.LEGACY,
        description="No-notice, two-week inspections of arrangements for the protection of children (from "
        "1 June 2012), with separate inspections of looked after children services.",
        sources=(refs.CP_2012,),
        uncertain=True,
        note="Final grade labels ('adequate' or 'satisfactory') and area wording not confirmed.",
    ),
    FrameworkVersion(
        framework=Framework.SIF,
        name="SIF",
        valid_from=dt.date(2013, 11, 1),
        valid_to=dt.date(2018, 8, 31),
        areas=_SIF_AREAS,
        scale=Scale.FOUR_POINT,
        description="Single inspection framework: universal three-year cycle, about four weeks of fieldwork, "
        "no notice; overall effectiveness, help and protection, children looked after (with "
        "adoption and care leavers graded beneath it), leadership, and a review of the LSCB. "
        "Revised Dec 2014 and Feb 2017 with the same structure. From January 2018 it governed "
        "only re-inspections of inadequate LAs, which became ILACS standard inspections in "
        "September 2018.",
        sources=(
            refs.SIF_NEWS,
            refs.SIF_EFFECT,
            refs.SIF_FRAMEWORK,
            refs.CYP_SEP_2018,
            refs.ADCS_ILACS,
            refs.REPORTS,
        ),
        note="Effective November 2013 (first inspection 19 Nov 2013); the last SIF re-inspection "
        "in the reports started 11 Jun 2018; the end date is the month re-inspections moved to "
        "ILACS (September 2018, evidence B).",
    ),
    FrameworkVersion(
        framework=Framework.ILACS,
        name="ILACS 2018",
        valid_from=dt.date(2018, 1, 1),
        valid_to=dt.date(2023, 1, 15),
        areas=_ILACS_2018_AREAS,
        scale=Scale.FOUR_POINT,
        description="Four judgements: impact of leaders, help and protection, children in care and care "
        "leavers (together), overall effectiveness.",
        sources=(refs.FW_2024, refs.CC_2017, refs.CL_CONSULT, refs.REPORTS),
    ),
    FrameworkVersion(
        framework=Framework.ILACS,
        name="ILACS 2023",
        valid_from=dt.date(2023, 1, 16),
        valid_to=dt.date(2026, 3, 31),
        areas=_ILACS_2023_AREAS,
        scale=Scale.FOUR_POINT,
        description="Five judgements: care leavers judged separately from children in care, for inspections "
        "starting from 16 January 2023.",
        sources=(refs.CL_2023, refs.CL_CONSULT, refs.FW_DEC24, refs.REPORTS),
    ),
    FrameworkVersion(
        framework=Framework.ILACS,
        name="ILACS 2026",
        valid_from=dt.date(2026, 4, 1),
        valid_to=None,
        areas=_ILACS_2023_AREAS[:4],
        scale=Scale.FOUR_POINT,
        description="No overall effectiveness judgement for inspections starting from April 2026; the four "
        "other judgements remain on the four-point scale.",
        sources=(refs.OE_2026, refs.REPORTS),
        note="One report (North Northamptonshire, May 2026) words the leaders' judgement 'impact "
        "of leaders on practice with children and families'; treated as the same judgement.",
    ),
)
"""Every framework version the catalogue knows, oldest first."""

_FRAMEWORK_KEYS = {fold(f.name): f for f in Framework}
_AREA_KEYS = {fold(key): a for a in JudgementArea for key in (a.name, a.value)}
_VERSION_KEYS = {fold(key): v for v in VERSIONS for key in (v.name, v.code)}
# What the parsers expected, written once (not on every successful parse).
_FRAMEWORKS = "one of " + ", ".join(f.name for f in Framework)
_AREAS = "one of " + ", ".join(m.name for m in JudgementArea)
_VERSIONS = "one of " + ", ".join(repr(v.name) for v in VERSIONS)
_BY_FRAMEWORK: dict[Framework, tuple[FrameworkVersion, ...]] = {
    fw: tuple(v for v in VERSIONS if v.framework is fw) for fw in Framework
}
_STARTS = {fw: [v.valid_from for v in vs] for fw, vs in _BY_FRAMEWORK.items()}


def versions_of(framework: Framework) -> tuple[FrameworkVersion, ...]:
    """The versions of ``framework``, oldest first."""
    return _BY_FRAMEWORK[framework]


def version_named(name: str) -> FrameworkVersion:
    """The version called ``name`` (case-insensitive), e.g. ``"ILACS 2023"``.

    Raises:
        ParseError: no version has that name.
    """
    return lookup(name, _VERSION_KEYS, field="version", expected=_VERSIONS)


def framework_version_on(day: dt.date, framework: Framework | None = None) -> FrameworkVersion:
    """The framework version that applies to an inspection starting on ``day``.

    Args:
        day: the first day of the inspection (of its on-site fieldwork).
        framework: the framework the inspection was carried out under, when known. Without it,
            the newest framework in force on ``day`` is chosen: ILACS from 1 January 2018, even
            though SIF re-inspections continued to September 2018.

    Raises:
        OutOfRangeError: ``day`` is before 2009 (the catalogue's first date), or the framework
            was not in force on ``day``.
    """
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise ParseError("day", day, "a datetime.date")
    if day < EARLIEST_SUPPORTED:
        raise OutOfRangeError(
            "day",
            day.isoformat(),
            f"a date on or after {EARLIEST_SUPPORTED.isoformat()}",
            bound=EARLIEST_SUPPORTED,
        )
    candidates = [framework] if framework is not None else list(reversed(Framework))
    for fw in candidates:
        versions = _BY_FRAMEWORK[fw]
        index = bisect.bisect_right(_STARTS[fw], day) - 1
        if index >= 0 and versions[index].covers(day):
            return versions[index]
    assert framework is not None, "the versions cover every date from 2009 on"
    versions = _BY_FRAMEWORK[framework]
    first, last = versions[0].valid_from, versions[-1].valid_to
    span = f"{first.isoformat()} to {last.isoformat() if last else 'now'}"
    raise OutOfRangeError(
        "day",
        day.isoformat(),
        f"a date when {framework.name} was in force ({span})",
        bound=first if day < first else last,
    )

"""Inspection records: :class:`Inspection`, :class:`Judgement` and an LA's :class:`History`.

Records are frozen and validated on construction: an end before the start, a judgement area the
inspection's framework version does not grade, a grade on a visit that ends in a letter, or a
date before 2009 each raise a :class:`~ilacs.errors.ValidationError` (a ``ValueError``) that
names the field and the value.

>>> import datetime as dt
>>> thurrock = Inspection(
...     "E06000034", "Thurrock", InspectionType.STANDARD,
...     start=dt.date(2019, 11, 11), end=dt.date(2019, 11, 22),
...     published=dt.date(2019, 12, 20),
...     judgements={JudgementArea.OVERALL: Grade.GOOD, "leadership": "Good"},
... )
>>> thurrock.framework_version.name
'ILACS 2018'
>>> thurrock.judgement(JudgementArea.OVERALL).grade
<Grade.GOOD: 3>
>>> Inspection("E06000034", "Thurrock", "focused_visit", start=dt.date(2021, 6, 30),
...            judgements={"overall": "Good"})
Traceback (most recent call last):
...
ilacs.errors.ValidationError: judgements: got {'OVERALL': 'GOOD'}; expected no
graded judgements on a focused_visit ...
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

import ilacs._checks as _checks
from ilacs.catalogue.frameworks import (
    EARLIEST_SUPPORTED,
    Framework,
    FrameworkVersion,
    JudgementArea,
    Scale,
    framework_version_on,
)
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ParseError, ValidationError

__all__ = [
    "AnyGrade",
    "History",
    "Inspection",
    "Judgement",
    "Judgements",
    "histories",
    "inspections_of",
    "parse_framework",
]

AnyGrade = Grade | LegacyGrade
"""A grade on the four-point SIF/ILACS scale or on the scale used before November 2013."""


def check_date(field: str, value: object, *, optional: bool = True) -> dt.date | None:
    """Return ``value`` if it is a date the library can use, else raise naming ``field``.

    A ``datetime`` is refused (it is a ``date`` subclass whose time would be silently dropped);
    dates before 2009 are refused because no rule before then is catalogued.
    """
    return _checks.date_value(field, value, optional=optional, since=EARLIEST_SUPPORTED)


_REPORT_ORDER = {area: i for i, area in enumerate(JudgementArea)}
"""Each area's place in a report (the order of :class:`JudgementArea`)."""


class Judgements(Mapping[JudgementArea, AnyGrade]):
    """An immutable, hashable mapping of judgement areas to grades, in a stable order.

    Keys and values may be given as enums or as text (``"care_leavers"``, ``"Requires
    improvement to be good"``); text is parsed and refused with a clear error if unknown.
    Look-ups accept text keys too, so that ``judgements.get("overall")`` finds the overall
    grade rather than silently missing it; text naming no area raises
    :class:`~ilacs.errors.ParseError`.

    >>> j = Judgements({"overall": "Good", "care_leavers": "RI"})
    >>> j["overall"], "care leavers" in j, j.get("leadership")
    (<Grade.GOOD: 3>, True, None)
    >>> j.get("overal")
    Traceback (most recent call last):
    ...
    ilacs.errors.ParseError: judgement area: got 'overal'; expected one of OVERALL, ...
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[Any, Any] | Iterable[tuple[Any, Any]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        parsed: dict[JudgementArea, AnyGrade] = {}
        for key, value in pairs:
            area = JudgementArea.parse(key)
            if isinstance(value, (Grade, LegacyGrade)):
                grade: AnyGrade = value
            elif isinstance(value, str):
                grade = parse_any_grade(value, area)
            else:
                raise ParseError(f"judgements.{area.name}", value, "a Grade or a grade wording")
            if area in parsed:
                raise ValidationError(f"judgements.{area.name}", value, "each area once")
            parsed[area] = grade
        self._items: tuple[tuple[JudgementArea, AnyGrade], ...] = tuple(
            sorted(parsed.items(), key=lambda kv: _REPORT_ORDER[kv[0]])
        )

    def __getitem__(self, key: JudgementArea | str) -> AnyGrade:
        if isinstance(key, str):
            key = JudgementArea.parse(key)
        for area, grade in self._items:
            if area is key:
                return grade
        raise KeyError(key)

    def __iter__(self) -> Iterator[JudgementArea]:
        return (area for area, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Judgements):
            return self._items == other._items
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        inner = ", ".join(f"{a.name!r}: {g.name!r}" for a, g in self._items)
        return "{" + inner + "}"


def parse_any_grade(text: str, area: JudgementArea) -> AnyGrade:
    """The grade ``text`` names on either scale (the four-point scale first) for ``area``.

    Shared by the records and the CSV reader. Whether the scale fits the inspection's framework
    version is checked later, by :class:`Inspection`.

    Raises:
        ParseError: ``text`` is no grade wording; the field is ``judgements.AREA``.

    >>> area = JudgementArea.OVERALL
    >>> parse_any_grade("RI", area), parse_any_grade("Adequate", area)
    (<Grade.REQUIRES_IMPROVEMENT: 2>, <LegacyGrade.ADEQUATE: 2>)
    """
    try:
        return Grade.parse(text)
    except ParseError as error:
        try:
            return LegacyGrade.parse(text)
        except ParseError:
            pass
        raise ParseError(
            f"judgements.{area.name}",
            text,
            error.expected
            + ", or a pre-2013 grade: "
            + ", ".join(g.label for g in sorted(LegacyGrade, reverse=True)),
            error.detail,
        ) from None


def _on_scale(judgements: Judgements, legacy: bool) -> Judgements:
    """Move grades named alike on both scales (Good, ...) onto the version's scale.

    Text such as "Good" parses to the four-point :class:`Grade`; on an inspection before
    November 2013 it means the :class:`LegacyGrade` of the same name. Grades with no namesake
    ("Adequate", "Requires improvement") are left for the validator to refuse.
    """
    moved = {area: _grade_on_scale(grade, legacy) for area, grade in judgements.items()}
    return judgements if moved == dict(judgements.items()) else Judgements(moved)


def _grade_on_scale(grade: AnyGrade, legacy: bool) -> AnyGrade:
    """``grade`` on the legacy or four-point scale when it has a namesake there."""
    target: type[Grade] | type[LegacyGrade] = LegacyGrade if legacy else Grade
    return target[grade.name] if grade.name in target.__members__ else grade


def _scaled_judgements(value: Any, inspection: Any) -> Judgements:
    """``value`` as judgements on the scale of ``inspection``'s framework version.

    The fields the version follows from (type, dates, framework) are set before the
    judgements; when they do not settle a version, the judgements are left as read and the
    record's own checks say why.
    """
    judgements = _to_judgements(value)
    if not judgements or inspection.date_or_none is None:
        return judgements
    try:
        version = inspection.framework_version
    except ValidationError:
        return judgements
    return _on_scale(judgements, version.scale is Scale.LEGACY)


def _to_judgements(value: Any) -> Judgements:
    if isinstance(value, Judgements):
        return value
    if value is None:
        return Judgements()
    if not isinstance(value, Mapping):
        raise ValidationError("judgements", value, "a mapping of judgement area to grade")
    return Judgements(value)


def _to_type(value: Any) -> InspectionType:
    return InspectionType.parse(value)


def parse_framework(value: Framework | str) -> Framework:
    """The :class:`~ilacs.Framework` named ``value`` (case, spaces and hyphens do not matter).

    Raises:
        ParseError: ``value`` names no framework.

    >>> parse_framework("ilacs"), parse_framework("cp-2012")
    (<Framework.ILACS: ...>, <Framework.CP_2012: ...>)
    >>> parse_framework("OFSTED")
    Traceback (most recent call last):
    ...
    ilacs.errors.ParseError: framework: got 'OFSTED'; expected one of JAR, SLAC,
    CP_2012, SIF, ILACS
    """
    return Framework.parse(value)


def _to_framework(value: Any) -> Framework | None:
    return None if value is None else parse_framework(value)


def framework_of(kind: InspectionType, framework: Framework | None) -> Framework | None:
    """``framework`` when given, else the type's only framework if it has one, else None."""
    frameworks = kind.rule.frameworks
    return framework or (frameworks[0] if len(frameworks) == 1 else None)


_la_code = _checks.text("a non-empty LA code such as 'E06000034'", qualified=False)
_text = _checks.is_a(str, "a string", qualified=False)
_day = _checks.day(optional=True, since=EARLIEST_SUPPORTED, qualified=False)


@attrs.frozen(cache_hash=True)
class Inspection:
    """One inspection or visit of one LA.

    Args:
        la_code: the LA's ONS code (e.g. ``"E06000034"``).
        la_name: the LA's name.
        type: the :class:`~ilacs.InspectionType` (text such as ``"focused_visit"`` is accepted).
        start: the first on-site day (for a visit, the visit date).
        end: the last on-site day.
        published: the date the report or letter was published.
        judgements: the graded judgements, area to grade (text accepted); empty for visits.
        framework: the framework, when the type and date do not settle it (e.g. a SIF
            re-inspection in 2018); derived from the type and date otherwise.
        notified: the day the LA was told (the phone call), when known.
        theme: a focused visit's theme, when known.
        priority_action: True when a focused visit's letter set out areas for priority action.

    Raises:
        ValidationError: a field does not fit (see the module docstring), including a date on
            which the framework (given, or derived from the type) was not in force.
        ParseError: text for the type, the framework or a judgement that names none.
    """

    la_code: str = attrs.field(validator=_la_code)
    la_name: str = attrs.field(validator=_text)
    type: InspectionType = attrs.field(converter=_to_type)
    start: dt.date | None = attrs.field(default=None, validator=_day, kw_only=True)
    end: dt.date | None = attrs.field(default=None, validator=_day, kw_only=True)
    published: dt.date | None = attrs.field(default=None, validator=_day, kw_only=True)
    framework: Framework | None = attrs.field(default=None, converter=_to_framework, kw_only=True)
    judgements: Judgements = attrs.field(
        factory=Judgements,
        converter=attrs.Converter(_scaled_judgements, takes_self=True),  # type: ignore[misc]
        kw_only=True,
    )
    notified: dt.date | None = attrs.field(default=None, validator=_day, kw_only=True)
    theme: str = attrs.field(default="", validator=_text, kw_only=True)
    priority_action: bool = attrs.field(
        default=False, validator=_checks.flag(qualified=False), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.start is None and self.end is None and self.published is None:
            raise ValidationError(
                "start", None, "at least one of start, end or published to date the inspection"
            )
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                "end", self.end.isoformat(), f"a date on or after start ({self.start.isoformat()})"
            )
        first = self.start or self.end
        if first and self.published and self.published < first:
            raise ValidationError(
                "published",
                self.published.isoformat(),
                f"a date on or after the inspection ({first.isoformat()})",
            )
        if self.notified and first and self.notified > first:
            raise ValidationError(
                "notified",
                self.notified.isoformat(),
                f"a date on or before the first on-site day ({first.isoformat()})",
            )
        if self.judgements and not self.type.graded:
            raise ValidationError(
                "judgements",
                {a.name: g.name for a, g in self.judgements.items()},
                f"no graded judgements on a {self.type.value} (it ends in a letter)",
            )
        if self.framework is not None and self.framework not in self.type.rule.frameworks:
            raise ValidationError(
                "framework",
                self.framework.name,
                f"a framework of a {self.type.value}: "
                + ", ".join(f.name for f in self.type.rule.frameworks),
            )
        version = self.framework_version
        legacy = version.scale is Scale.LEGACY
        for area, grade in self.judgements.items():
            if not version.has_area(area):
                raise ValidationError(
                    f"judgements.{area.name}",
                    grade.name,
                    f"an area graded by {version.name}: "
                    + ", ".join(a.name for a in version.judgement_areas),
                )
            if legacy != isinstance(grade, LegacyGrade):
                scale = "Outstanding/Good/Adequate/Inadequate" if legacy else "the four-point scale"
                raise ValidationError(
                    f"judgements.{area.name}",
                    grade.label,
                    f"a grade on {version.name}'s scale ({scale})",
                )

    @property
    def date(self) -> dt.date:
        """The date that places the inspection in time: start, else end, else publication."""
        found = self.date_or_none
        assert found is not None  # checked at construction
        return found

    @property
    def date_or_none(self) -> dt.date | None:
        """Start, else end, else publication; None only while a record is being checked."""
        return self.start or self.end or self.published

    @property
    def date_field(self) -> str:
        """The field :attr:`date` is taken from: ``"start"``, else ``"end"``, else
        ``"published"`` (where an error about the date is placed)."""
        return "start" if self.start else "end" if self.end else "published"

    @property
    def framework_version(self) -> FrameworkVersion:
        """The framework version, from the start date (else end, else publication) and type."""
        try:
            return framework_version_on(self.date, framework_of(self.type, self.framework))
        except ValueError as error:
            raise ValidationError(
                self.date_field,
                self.date.isoformat(),
                f"a date when a {self.type.value} could take place",
                str(error),
            ) from None

    @property
    def graded(self) -> bool:
        """True when the inspection's type ends in graded judgements."""
        return self.type.graded

    @property
    def overall(self) -> AnyGrade | None:
        """The overall effectiveness grade, or None (not judged, or a version without it)."""
        return self.judgements.get(JudgementArea.OVERALL)

    def judgement(self, area: JudgementArea | str) -> Judgement:
        """The judgement of ``area`` as a :class:`Judgement` record.

        Raises:
            NotJudgedError: the inspection made no judgement of that area (also a LookupError);
                its detail says why, from the comparability rules when the framework version
                grades no such area (ILACS before 16 January 2023 had no care-leavers judgement).
            ParseError: ``area`` names no judgement area.
        """
        key = JudgementArea.parse(area) if isinstance(area, str) else area
        if key not in self.judgements:
            from ilacs.comparison import not_judged  # it explains from the comparability rules

            raise not_judged(self, key)
        return Judgement(
            key,
            self.judgements[key],
            self.framework_version,
            self.la_code,
            self.date,
            la_name=self.la_name,
            inspection_type=self.type,
        )

    def all_judgements(self) -> tuple[Judgement, ...]:
        """Every judgement of the inspection, in the framework version's report order."""
        order = self.framework_version.judgement_areas
        return tuple(self.judgement(a) for a in order if a in self.judgements)

    def overlaps(self, other: Inspection) -> bool:
        """True when the two inspections' on-site periods share a day."""
        a0, a1 = self.date, self.end or self.date
        b0, b1 = other.date, other.end or other.date
        return a0 <= b1 and b0 <= a1

    def __str__(self) -> str:
        span = self.date.isoformat()
        if self.end and self.end != self.date:
            span += f" to {self.end.isoformat()}"
        grade = f", overall {self.overall.label}" if self.overall is not None else ""
        return f"{self.la_name} ({self.la_code}): {self.type.rule.name}, {span}{grade}"


def _to_area(value: Any) -> JudgementArea:
    return JudgementArea.parse(value)


def _to_optional_type(value: Any) -> InspectionType | None:
    return None if value is None else InspectionType.parse(value)


@attrs.frozen(init=False)
class Judgement:
    """One graded judgement of one LA, with the framework version it was made under.

    Args:
        area: the judgement area.
        grade: the grade.
        framework_version: the framework version of the inspection.
        la_code: the LA's code.
        inspected: the inspection's start date.
        la_name: the LA's name, when known.
        inspection_type: the type of inspection, when known.

    Raises:
        ValidationError: the version does not grade ``area``, the grade is on the wrong scale,
            or a field is of the wrong kind (``inspected`` must be a date).
        ParseError: text for the area or the inspection type that names none.
    """

    area: JudgementArea = attrs.field(converter=_to_area)
    grade: AnyGrade = attrs.field(
        validator=_checks.is_a((Grade, LegacyGrade), "a Grade or LegacyGrade", qualified=False)
    )
    framework_version: FrameworkVersion
    la_code: str = attrs.field(validator=_la_code)
    inspected: dt.date = attrs.field(
        validator=_checks.day(since=EARLIEST_SUPPORTED, qualified=False)
    )
    la_name: str = attrs.field(default="", validator=_text, kw_only=True)
    inspection_type: InspectionType | None = attrs.field(
        default=None, converter=_to_optional_type, kw_only=True
    )

    def __init__(
        self,
        area: JudgementArea | str,
        grade: AnyGrade,
        framework_version: FrameworkVersion,
        la_code: str,
        inspected: dt.date,
        *,
        la_name: str = "",
        inspection_type: InspectionType | str | None = None,
    ) -> None:
        """A grade named alike on both scales (Good, ...) is moved onto the version's scale."""
        if isinstance(framework_version, FrameworkVersion) and isinstance(
            grade, Grade | LegacyGrade
        ):
            grade = _grade_on_scale(grade, framework_version.scale is Scale.LEGACY)
        self.__attrs_init__(
            area,
            grade,
            framework_version,
            la_code,
            inspected,
            la_name=la_name,
            inspection_type=inspection_type,
        )

    def __attrs_post_init__(self) -> None:
        version = self.framework_version
        if not isinstance(version, FrameworkVersion):
            raise ValidationError("framework_version", version, "a FrameworkVersion")
        if not version.has_area(self.area):
            raise ValidationError("area", self.area.name, f"an area graded by {version.name}")
        legacy = version.scale is Scale.LEGACY
        if legacy != isinstance(self.grade, LegacyGrade):
            raise ValidationError("grade", self.grade.label, f"a grade on {version.name}'s scale")

    @property
    def wording(self) -> str:
        """The area's heading as the framework version prints it."""
        return self.framework_version.area(self.area).wording

    def __str__(self) -> str:
        who = self.la_name or self.la_code
        return (
            f"{who}, {self.framework_version.name} ({self.inspected.isoformat()}): "
            f"{self.wording}: {self.grade.label}"
        )


def _sort_key(inspection: Inspection) -> tuple[dt.date, int, str]:
    return (inspection.date, list(InspectionType).index(inspection.type), inspection.la_code)


@attrs.frozen(cache_hash=True)
class History:
    """One LA's inspections and visits, sorted by date, without duplicates or overlaps.

    Build it with :meth:`of`; use :func:`histories` for a file holding many LAs.

    >>> import datetime as dt
    >>> h = History.of([
    ...     Inspection("E06000034", "Thurrock", "focused_visit",
    ...                start=dt.date(2021, 6, 30)),
    ...     Inspection("E06000034", "Thurrock", "sif",
    ...                start=dt.date(2016, 2, 22), end=dt.date(2016, 3, 17),
    ...                judgements={"overall": "Requires improvement"}),
    ... ])
    >>> [e.type.value for e in h]
    ['sif', 'focused_visit']
    >>> h.last_graded().overall
    <Grade.REQUIRES_IMPROVEMENT: 2>
    """

    la_code: str
    la_name: str
    events: tuple[Inspection, ...]

    def __attrs_post_init__(self) -> None:
        events = self.events
        if not isinstance(events, tuple) or not events:
            raise ValidationError("inspections", events, "at least one inspection")
        for event in events:
            if not isinstance(event, Inspection):
                raise ValidationError("inspections", event, "Inspection records")
        codes = {e.la_code for e in events}
        if codes != {self.la_code}:
            raise ValidationError(
                "la_code", sorted(codes), "the inspections of one LA (use histories() for many)"
            )
        keys = [_sort_key(e) for e in events]
        if keys != sorted(keys):
            raise ValidationError("events", [str(e) for e in events], "events sorted by date")
        for previous, event in itertools.pairwise(events):
            if event.type is previous.type and event.date == previous.date:
                raise ValidationError(
                    "inspections",
                    str(event),
                    "each event once",
                    f"duplicate of the {previous.type.value} of {previous.date.isoformat()}",
                )
        graded = [e for e in events if e.graded]
        for first, second in itertools.pairwise(graded):
            if first.overlaps(second):
                raise ValidationError(
                    "inspections",
                    str(second),
                    "graded inspections that do not overlap",
                    f"overlaps {first}",
                )

    @classmethod
    def of(cls, inspections: Iterable[Inspection]) -> History:
        """Sort ``inspections`` of one LA into a history.

        Raises:
            ValidationError: the inspections are of more than one LA (by code), two are the same
                event, or two graded inspections overlap; the history is empty.
        """
        events = inspections_of(inspections)
        if not events:
            raise ValidationError("inspections", [], "at least one inspection")
        events.sort(key=_sort_key)
        return cls(events[0].la_code, events[-1].la_name, tuple(events))

    @functools.cached_property
    def _dates(self) -> tuple[dt.date, ...]:
        return tuple(e.date for e in self.events)

    def __iter__(self) -> Iterator[Inspection]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def known_on(self, as_of: dt.date) -> tuple[Inspection, ...]:
        """The events that had started on or before ``as_of``."""
        index = bisect.bisect_right(self._dates, as_of)
        return self.events if index == len(self.events) else self.events[:index]

    def graded(self, as_of: dt.date | None = None) -> tuple[Inspection, ...]:
        """The graded inspections, oldest first (those started by ``as_of``, if given)."""
        events = self.events if as_of is None else self.known_on(as_of)
        return tuple(e for e in events if e.graded)

    def last_graded(self, as_of: dt.date | None = None) -> Inspection | None:
        """The latest graded inspection (started by ``as_of``, if given), or None."""
        graded = self.graded(as_of)
        return graded[-1] if graded else None

    def last_grade(
        self, framework: Framework | None = None, *, as_of: dt.date | None = None
    ) -> AnyGrade | None:
        """The overall grade of the latest graded inspection that has one (under ``framework``).

        Inspections under ILACS 2026 have no overall grade and are skipped here.
        """
        for event in reversed(self.graded(as_of)):
            if framework is not None and event.framework_version.framework is not framework:
                continue
            if event.overall is not None:
                return event.overall
        return None

    def last_grades(self, as_of: dt.date | None = None) -> dict[Framework, AnyGrade]:
        """The latest overall grade under each framework, e.g. the SIF's and ILACS's."""
        result: dict[Framework, AnyGrade] = {}
        for event in self.graded(as_of):
            if event.overall is not None:
                result[event.framework_version.framework] = event.overall
        return result

    def time_since_last(self, as_of: dt.date, *, graded: bool = True) -> dt.timedelta | None:
        """Time from the start of the latest (graded) inspection to ``as_of``; None if none."""
        events = self.graded(as_of) if graded else self.known_on(as_of)
        return as_of - events[-1].date if events else None

    def between(self, start: dt.date, end: dt.date) -> tuple[Inspection, ...]:
        """The events whose date falls in [start, end]."""
        return tuple(e for e in self.events if start <= e.date <= end)


def inspections_of(value: object, field: str = "inspections") -> list[Inspection]:
    """``value`` as a list of :class:`Inspection`, or an error naming ``field``.

    Raises:
        ValidationError: ``value`` is not an iterable (text is refused), or holds something
            other than Inspection records.
    """
    if value is None or isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError(field, value, "an iterable of Inspection records")
    items = list(value)
    for item in items:
        if not isinstance(item, Inspection):
            raise ValidationError(field, item, "Inspection records")
    return items


def histories(inspections: Iterable[Inspection]) -> dict[str, History]:
    """Group inspections of many LAs into one :class:`History` per LA code, sorted by code.

    Raises:
        ValidationError: as :meth:`History.of`, for the first LA whose events do not fit.

    >>> import datetime as dt
    >>> found = histories([
    ...     Inspection("E06000041", "Wokingham", "standard",
    ...                start=dt.date(2019, 6, 3)),
    ...     Inspection("E06000034", "Thurrock", "standard",
    ...                start=dt.date(2019, 11, 11)),
    ...     Inspection("E06000034", "Thurrock", "focused_visit",
    ...                start=dt.date(2021, 6, 30)),
    ... ])
    >>> [(code, h.la_name, len(h)) for code, h in found.items()]
    [('E06000034', 'Thurrock', 2), ('E06000041', 'Wokingham', 1)]
    """
    groups: dict[str, list[Inspection]] = {}
    for inspection in inspections_of(inspections):
        groups.setdefault(inspection.la_code, []).append(inspection)
    return {code: History.of(groups[code]) for code in sorted(groups)}

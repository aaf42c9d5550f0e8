"""Which route an LA is on: the last graded inspection, the grade it follows, the anchor.

The route decides the next graded inspection's type and how its date is counted:

- good or outstanding last time: a short inspection on the three-year cycle;
- requires improvement: a standard inspection on the three-year cycle;
- inadequate: monitoring visits, then a re-inspection (a SIF re-inspection before September
  2018, an ILACS standard inspection since);
- an LA created by reorganisation with no graded inspection of its own: a standard inspection,
  the cycle counted from its creation;
- a last inspection with no overall grade (ILACS from April 2026): the catalogue's
  ``NO_OVERALL_ROUTE`` decides, and the reasons say it is uncertain.

A history whose last graded inspection was under the SIF gets the first ILACS inspection, its
type set by the SIF overall grade.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import attrs

from ilacs.catalogue.cadence import Anchor
from ilacs.catalogue.frameworks import JudgementArea, Scale
from ilacs.catalogue.grades import Grade
from ilacs.catalogue.inspection_types import ROUTES, InspectionType, Route
from ilacs.catalogue.plans import route_for
from ilacs.catalogue.reorganisations import (
    Reorganisation,
    new_authority,
    replaced_by,
    replaced_on,
)
from ilacs.errors import OutOfRangeError, ParseError, ValidationError
from ilacs.records import History, Inspection, check_date, inspections_of
from ilacs.scheduling.calibration import RouteGroup
from ilacs.scheduling.rules import LATEST_AS_OF, SchedulingRules
from ilacs.sources import Fact, Reason
from ilacs.words import say

__all__ = [
    "Absence",
    "Basis",
    "Known",
    "absence_on",
    "basis_after",
    "basis_of",
    "group_of",
    "known_history",
    "route_facts",
    "route_on",
    "successor_names",
]

FIRST_ROUTE_DAY = min(r.valid_from for r in ROUTES)
"""The first day a route is catalogued for (ILACS began): earlier dates look routes up here."""


def route_on(prior: Grade | None, day: dt.date, rules: SchedulingRules) -> Route:
    """The route after ``prior`` on ``day`` (days before ILACS look up its first routes)."""
    return route_for(prior, on=max(day, FIRST_ROUTE_DAY), routes=rules.routes)


@attrs.frozen
class Absence:
    """Why an LA does not exist on a day: created after it, or abolished on or before it."""

    created: dt.date | None = None
    """The day the LA was created (after the day asked about), else None."""
    abolished: dt.date | None = None
    """The day the LA was replaced (on or before the day asked about), else None."""


def absence_on(code: str, day: dt.date, table: tuple[Reorganisation, ...]) -> Absence | None:
    """None when the LA ``code`` exists on ``day`` under the reorganisations ``table``, else why not."""
    created = new_authority(code, table)
    if created is not None and day < created.created:
        return Absence(created=created.created)
    gone = replaced_on(code, table)
    if gone is not None and day >= gone:
        return Absence(abolished=gone)
    return None


def group_of(route: Route) -> RouteGroup:
    """The calibration's group for ``route``: monitored first, a new LA's, else short or standard."""
    if route.monitoring_first:
        return RouteGroup.REINSPECTION
    if route.prior is None:
        return RouteGroup.NEW_LA
    return RouteGroup.SHORT if route.next_type is InspectionType.SHORT else RouteGroup.STANDARD


@attrs.frozen
class Known:
    """An LA's history as known on ``as_of``: the events started by then, and the LA's name."""

    la_code: str
    la_name: str
    as_of: dt.date
    events: tuple[Inspection, ...]
    later: int
    """How many events of the history start after ``as_of`` (ignored)."""


@attrs.frozen(cache_hash=True)
class Basis:
    """The route an LA is on and what its next graded inspection is counted from.

    Args:
        group: the route, as calibrated.
        prior: the grade whose route applies (None for a new LA). For a result without an
            overall grade, the grade standing for the route ``NO_OVERALL_ROUTE`` chose.
        last: the last graded inspection (None for a new LA).
        start: the day observed waits count from: the last inspection's first day (else its
            last day or publication), or a new LA's creation.
        anchor: the day the written cycle counts from: the last inspection's day the cycle
            rule names (:attr:`CycleRule.anchor <ilacs.catalogue.cadence.CycleRule.anchor>`),
            or a new LA's creation.
        reorganisation: the reorganisation that created the LA, when it is a new LA.
        reasons: why, as reasons.
    """

    group: RouteGroup
    prior: Grade | None
    last: Inspection | None
    start: dt.date
    anchor: dt.date
    reorganisation: Reorganisation | None
    reasons: tuple[Reason, ...]


def _check_as_of(as_of: object) -> dt.date:
    day = check_date("as_of", as_of, optional=False)
    assert day is not None
    if day > LATEST_AS_OF:
        raise OutOfRangeError(
            "as_of",
            day.isoformat(),
            f"a date on or before {LATEST_AS_OF.isoformat()}",
            "windows run years ahead and the working-day calendar ends in 2100",
            bound=LATEST_AS_OF,
        )
    return day


def known_history(
    history: Iterable[Inspection], as_of: object, la_code: str | None = None
) -> Known:
    """Validate ``history`` (one LA, any order) and keep the events started on or before ``as_of``.

    An empty ``history`` is accepted with ``la_code``: an LA with no event on record (a new LA
    not yet inspected), named from the catalogue's register. A
    :class:`~ilacs.records.History` is already checked, and is used as it is.

    Raises:
        ValidationError: ``as_of`` is not a date; ``history`` is not an iterable of
            :class:`~ilacs.records.Inspection` of one LA, is empty without ``la_code``, holds
            duplicates or overlapping graded inspections, or is of another LA than ``la_code``.
        ParseError: ``la_code`` is not the code of an LA in the catalogue's register.
        OutOfRangeError: ``as_of`` is after :data:`~ilacs.scheduling.rules.LATEST_AS_OF`.
    """
    day = _check_as_of(as_of)
    if isinstance(history, History) and (la_code is None or la_code == history.la_code):
        return _known(history, day)
    events = inspections_of(history, "history")
    if la_code is not None:
        from ilacs.catalogue.la_codes import authority  # the register, loaded when asked

        found = authority(la_code)
        if events and events[0].la_code != found.code:
            raise ValidationError(
                "la_code", la_code, f"the code of the history's LA ({events[0].la_code})"
            )
        if not events:
            return Known(found.code, found.name, day, (), 0)
    if not events:
        raise ValidationError(
            "history",
            [],
            "at least one inspection of the LA, or la_code for an LA with none",
            "an empty history has no route",
        )
    return _known(History.of(events), day)


def _known(full: History, day: dt.date) -> Known:
    known = full.known_on(day)
    name = known[-1].la_name if known else _registered_name(full)
    return Known(full.la_code, name, day, known, len(full.events) - len(known))


def _registered_name(full: History) -> str:
    """The LA's name before any of its events: the register's (later events are not known)."""
    from ilacs.catalogue.la_codes import authority

    try:
        return authority(full.la_code).name
    except ParseError:  # a code outside the register (a record built by hand)
        return full.events[0].la_name


def route_facts(basis: Basis) -> dict[str, Fact]:
    """The facts that say which route ``basis`` is on: the prior grade, and how it was read."""
    return {
        "prior": basis.prior.label if basis.prior is not None else None,
        "no_overall": basis.last is not None and basis.last.overall is None,
    }


def successor_names(code: str, table: tuple[Reorganisation, ...]) -> str:
    """The new authorities that replaced ``code``, in words: "Cumberland (E06000063) and ..."."""
    names = [f"{r.name} ({r.la_code})" for r in replaced_by(code, table)]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


_NEAREST: dict[Anchor, tuple[Anchor, ...]] = {
    Anchor.START: (Anchor.START, Anchor.END, Anchor.PUBLISHED),
    Anchor.END: (Anchor.END, Anchor.START, Anchor.PUBLISHED),
    Anchor.PUBLISHED: (Anchor.PUBLISHED, Anchor.END, Anchor.START),
}
"""For each anchor, the days of an inspection to use in turn when the record lacks it."""


def _day(last: Inspection, anchor: Anchor) -> dt.date | None:
    return {Anchor.START: last.start, Anchor.END: last.end, Anchor.PUBLISHED: last.published}[
        anchor
    ]


def _anchor_of(last: Inspection, wanted: Anchor) -> tuple[dt.date, Reason | None]:
    """The day of ``last`` the cycle counts from: ``wanted``, else the nearest day recorded."""
    used = next(a for a in _NEAREST[wanted] if _day(last, a) is not None)
    day = _day(last, used)
    assert day is not None  # an inspection has at least one of its days
    if used is wanted:
        return day, None
    return day, say(
        "anchor.missing",
        uncertain=True,
        kind=last.type.rule.name,
        wanted=wanted.value,
        used=used.value,
        day=day,
        later=_NEAREST[Anchor.START].index(used) > _NEAREST[Anchor.START].index(wanted),
    )


def _no_overall(last: Inspection, rules: SchedulingRules) -> tuple[Grade, Reason]:
    """The grade standing for the route ``NO_OVERALL_ROUTE`` chooses, and why."""
    rule = rules.no_overall
    grades = last.judgements

    def at_least(area: JudgementArea, grade: Grade) -> bool:
        found = grades.get(area)
        return isinstance(found, Grade) and found >= grade

    worst = [a for a in rule.inadequate_if_any if grades.get(a) is Grade.INADEQUATE]
    good_practice = [a for a in rule.practice_areas if at_least(a, rule.practice_at_least)]
    leaders_ok = at_least(rule.leaders_area, rule.leaders_at_least)
    if worst:
        prior, outcome = Grade.INADEQUATE, "monitoring"
    elif leaders_ok and len(good_practice) >= rule.practice_count:
        prior, outcome = Grade.GOOD, "short"
    else:
        prior, outcome = Grade.REQUIRES_IMPROVEMENT, "standard"
    return prior, say(
        rule.code,
        sources=rule.sources,
        uncertain=True,
        version=last.framework_version.name,
        outcome=outcome,
        areas=" and ".join(a.value for a in worst),
        count=len(good_practice),
        practice_areas=len(rule.practice_areas),
        practice=rule.practice_at_least.label.lower(),
        leaders=rule.leaders_at_least.label.lower(),
        needed=rule.practice_count,
    )


@functools.lru_cache(maxsize=4096)
def basis_after(last: Inspection, rules: SchedulingRules) -> Basis:
    """The route that follows the graded inspection ``last`` (remembered for the same two).

    Raises:
        ValidationError: ``last`` was graded on the scale used before November 2013 (no route
            is catalogued), or lacks the overall grade its framework version gives.
    """
    version = last.framework_version
    if version.scale is Scale.LEGACY:
        raise ValidationError(
            "history",
            str(last),
            "a last graded inspection under the SIF or ILACS (from November 2013)",
            f"{version.name} graded on an older scale, for which no route is catalogued",
        )
    reasons: list[Reason] = []
    overall = last.overall
    if overall is None and version.has_area(JudgementArea.OVERALL):
        raise ValidationError(
            "judgements",
            {a.name: g.name for a, g in last.judgements.items()},
            f"an overall effectiveness grade on the {last.type.value} of {last.date.isoformat()}",
            "the route to the next inspection follows it",
        )
    if overall is None:
        prior, why = _no_overall(last, rules)
    else:
        assert isinstance(overall, Grade)
        prior, why = overall, None
    anchor, anchor_reason = _anchor_of(last, rules.cycle.anchor)
    reasons.append(
        say(
            "history.last-graded",
            kind=last.type.rule.name,
            span=f"{last.date.isoformat()}/{(last.end or last.date).isoformat()}",
            framework=version.framework.title,
            version=version.name,
            grade=overall.label if overall is not None else None,
        )
    )
    if why is not None:
        reasons.append(why)
    if anchor_reason is not None:
        reasons.append(anchor_reason)
    route = route_on(prior, last.date, rules)
    return Basis(group_of(route), prior, last, last.date, anchor, None, tuple(reasons))


def basis_of(known: Known, rules: SchedulingRules) -> Basis:
    """The route of an LA whose history known on ``as_of`` is ``known``.

    Raises:
        ValidationError: the LA was abolished on or before ``as_of`` (its successors are inspected
            instead), did not yet exist, or has no graded inspection and was not created by a
            reorganisation; or as :func:`basis_after`.
    """
    table = rules.reorganisations
    absent = absence_on(known.la_code, known.as_of, table)
    if absent is not None and absent.abolished is not None:
        names = successor_names(known.la_code, table)
        raise ValidationError(
            "la_code",
            known.la_code,
            f"an LA that exists on as_of ({known.as_of.isoformat()})",
            f"{known.la_name} was replaced on {absent.abolished.isoformat()} by {names}; "
            "forecast for those",
        )
    graded = [e for e in known.events if e.graded]
    if graded:
        return basis_after(graded[-1], rules)
    created = new_authority(known.la_code, table)
    if created is not None:
        if absent is not None:
            raise ValidationError(
                "as_of",
                known.as_of.isoformat(),
                f"a date on or after {created.created.isoformat()}, when {created.name} was created",
            )
        return Basis(
            group_of(route_on(None, created.created, rules)),
            None,
            None,
            created.created,
            created.created,
            created,
            (
                say(
                    "history.new-la",
                    sources=created.sources,
                    name=created.name,
                    created=created.created,
                    predecessors=", ".join(p.name for p in created.predecessors),
                ),
            ),
        )
    what = "no event" if not known.events else f"{len(known.events)} event(s) but none graded"
    raise ValidationError(
        "history",
        f"{known.la_name} ({known.la_code}): {what} on or before {known.as_of.isoformat()}",
        "a graded inspection on or before as_of, or an LA created by reorganisation "
        "(see ilacs.catalogue.reorganisations)",
        f"{known.later} later event(s) ignored" if known.later else None,
    )

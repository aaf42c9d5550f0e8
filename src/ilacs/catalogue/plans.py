"""The plan for the next graded inspection: which route applies, and the type it leads to.

>>> import datetime as dt
>>> from ilacs.catalogue.grades import Grade
>>> plan = inspection_plan(Grade.REQUIRES_IMPROVEMENT, on=dt.date(2024, 1, 1))
>>> plan.type, plan.weeks_off_site, plan.weeks_on_site, plan.notice_working_days
(<InspectionType.STANDARD: 'standard'>, 1, 2, 5)
>>> inspection_plan(Grade.INADEQUATE, on=dt.date(2018, 3, 1)).type
<InspectionType.SIF_REINSPECTION: 'sif_reinspection'>
"""

from __future__ import annotations

import datetime as dt

import attrs

from ilacs.catalogue.grades import Grade
from ilacs.catalogue.inspection_types import ROUTES, TYPE_RULES, InspectionType, Route
from ilacs.errors import OutOfRangeError, ParseError, ValidationError
from ilacs.sources import Source

__all__ = ["InspectionPlan", "inspection_plan", "route_for"]


def route_for(prior: Grade | None, *, on: dt.date, routes: tuple[Route, ...] = ROUTES) -> Route:
    """The route that applies on ``on`` to an LA whose last overall grade was ``prior``.

    ``routes`` is the table to look in (the catalogue's :data:`ROUTES` unless a caller's rules
    replace it).

    Raises:
        OutOfRangeError: ``on`` is before ILACS (1 January 2018), when no route is catalogued.
    """
    if prior is not None and not isinstance(prior, Grade):
        raise ParseError("prior", prior, "a Grade or None (a new LA)")
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise ParseError("on", on, "a datetime.date")
    candidates = [r for r in routes if r.prior == prior and r.valid_from <= on]
    if not candidates:
        first = min((r.valid_from for r in routes if r.prior == prior), default=None)
        if first is None:
            raise ValidationError(
                "routes", [r.code for r in routes], f"a route for {prior.name if prior else None}"
            )
        raise OutOfRangeError(
            "on", on.isoformat(), f"a date on or after {first.isoformat()} (ILACS)", bound=first
        )
    return max(candidates, key=lambda r: r.valid_from)


@attrs.frozen
class InspectionPlan:
    """What the next graded inspection looks like: its type, length, notice, and why.

    Args:
        prior: the last overall grade the plan follows (None: a new LA).
        type: the type of the next graded inspection.
        weeks_off_site: weeks between the call and inspectors arriving.
        weeks_on_site: weeks of fieldwork.
        on_site_days: working days on site.
        notice_working_days: working days from the call to the first on-site day.
        monitoring_first: True when monitoring visits come first (inadequate LAs).
        sources: the sources of the route and of the type's rules.
        uncertain: True when the route or the type's figures are uncertain.
        note: the caveats.
    """

    prior: Grade | None
    type: InspectionType
    weeks_off_site: int | None
    weeks_on_site: int | None
    on_site_days: int | None
    notice_working_days: int | None
    monitoring_first: bool
    sources: tuple[Source, ...]
    uncertain: bool
    note: str

    @property
    def total_weeks(self) -> int | None:
        """Off-site plus on-site weeks ("a three-week inspection" for a standard one)."""
        if self.weeks_off_site is None or self.weeks_on_site is None:
            return None
        return self.weeks_off_site + self.weeks_on_site


def inspection_plan(
    prior: Grade | None, *, on: dt.date, routes: tuple[Route, ...] = ROUTES
) -> InspectionPlan:
    """What the next graded inspection of an LA whose last grade was ``prior`` looks like on ``on``.

    Args:
        prior: the LA's last overall effectiveness grade; None for a new LA with no graded
            inspection of its own.
        on: the date whose rules apply (ILACS, from 1 January 2018).
        routes: the routes to look in (as for :func:`route_for`).

    Raises:
        OutOfRangeError: ``on`` is before ILACS.
        ParseError: ``prior`` is not a Grade or None.
    """
    route = route_for(prior, on=on, routes=routes)
    rule = TYPE_RULES[route.next_type]
    sources = tuple(dict.fromkeys((*route.sources, *rule.sources)))
    note = " ".join(n for n in (route.note, rule.note) if n)
    return InspectionPlan(
        prior,
        rule.type,
        rule.weeks_off_site,
        rule.weeks_on_site,
        rule.on_site_days,
        rule.notice_working_days,
        route.monitoring_first,
        sources,
        route.uncertain or rule.uncertain,
        note,
    )

"""The written rules' window for the next graded inspection, in operating days.

Cycle routes (short, standard, new LA): the anniversary of the anchor after ``cycle.years``
years, ``cycle.band_months`` either side.

Inadequate LAs: the action plan is due ``rules.action_plan.working_days`` after the report (the
catalogue's action-plan duty); the first monitoring visit comes ``first_visit_lag_weeks`` later and then one
every ``interval_months``; re-inspection comes after at least ``min_visits`` visits (the
window's start), typically after ``max_visits`` (the expected day) and within
``reinspection_within_months`` of the action plan (the window's end).

National pauses stretch the window (how, exactly): the expected and latest days are counted in
operating days from the anchor (the previous inspection, a new LA's creation, or the action
plan), so each moves later by the paused days that fell between the anchor and it (see
:mod:`ilacs.scheduling.optime`); the earliest day is the calendar day without the pause. The
written rules do not say how Ofsted caught up after a pause, and it did both: Durham's standard
inspection came 2 years 8 months after the previous one, on the old timetable; Hartlepool's
short inspection 5 years 8 months after, more than the whole pause later. A window that lies
wholly before the pause is unchanged (nothing paused between its anchor and its end).
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs
from dateutil.relativedelta import relativedelta

from ilacs.catalogue.cadence import CycleRule
from ilacs.catalogue.inspection_types import TYPE_RULES, InspectionType
from ilacs.errors import ValidationError
from ilacs.scheduling.calibration import RouteGroup
from ilacs.scheduling.optime import OperatingWindow, paused_days, to_operating
from ilacs.scheduling.records import Window
from ilacs.scheduling.routes import Basis
from ilacs.scheduling.rules import SchedulingRules
from ilacs.sources import Reason
from ilacs.words import cite, say
from ilacs.workdays import add_working_days

__all__ = [
    "Written",
    "action_plan_day",
    "cycle_window",
    "monitoring_reason",
    "report_day",
    "written_window",
]

_MONITORING_VISIT = TYPE_RULES[InspectionType.MONITORING_VISIT]
"""The monitoring visit's type rule: its team and days, which the monitoring reason gives."""


@attrs.frozen
class Written:
    """The written rule's window: in operating days, as calendar days, and the reasons.

    Args:
        days: the window in operating days (its earliest day not moved by pauses).
        window: the same window as calendar days.
        reasons: why, as reasons.
        shape_from: the expected day less the rule's own lead from earliest to expected day
            (as if the pauses had moved the earliest day too): an overdue window moved past
            ``as_of`` keeps the rule's shape from it, not the shape a pause stretched.
    """

    days: OperatingWindow
    window: Window
    reasons: tuple[Reason, ...]
    shape_from: int


def _pause_reason(start: dt.date, window: Window, rules: SchedulingRules) -> Reason | None:
    """Say which pauses stopped the clock between ``start`` and the window's end."""
    days = paused_days(start, window.latest, rules.pauses)
    if days == 0:
        return None
    used = [
        p
        for p in rules.pauses
        if p.start < window.latest and p.resume > start and p.resume > p.start
    ]
    return say(
        "cycle.pause",
        sources=tuple(dict.fromkeys(s for p in used for s in p.sources)),
        uncertain=any(p.uncertain for p in used),
        pauses=";".join(f"{p.name}|{p.start.isoformat()}|{p.resume.isoformat()}" for p in used),
        days=days,
        window=window.iso,
    )


def _written(
    start: dt.date, plain: Window, reasons: list[Reason], rules: SchedulingRules
) -> Written:
    """The written window ``plain`` (no pauses), counted in operating days from ``start``.

    The expected and latest days move later by the paused days between ``start`` and them; the
    earliest day is not moved (Ofsted may catch up). A reason says which pauses moved it.
    """
    base = to_operating(start, rules.pauses)
    days = OperatingWindow(
        to_operating(plain.earliest, rules.pauses),
        base + (plain.expected - start).days,
        base + (plain.latest - start).days,
    )
    window = days.dates(rules.pauses)
    paused = _pause_reason(start, window, rules)
    if paused is not None:
        reasons.append(paused)
    shape_from = days.expected - (plain.expected - plain.earliest).days
    return Written(days, window, tuple(reasons), shape_from)


def cycle_window(anchor: dt.date, cycle: CycleRule) -> Window:
    """The written cycle's window from ``anchor``: its anniversary, ``band_months`` either side.

    >>> from ilacs.catalogue.cadence import CYCLE
    >>> print(cycle_window(dt.date(2019, 11, 11), CYCLE))
    between 11 May 2022 and 11 May 2023, most likely around 11 November 2022
    """
    due = anchor + relativedelta(years=cycle.years)
    band = relativedelta(months=cycle.band_months)
    return Window(due - band, due, due + band)


def _cycle(basis: Basis, rules: SchedulingRules) -> Written:
    cycle = rules.cycle
    anchor = basis.anchor
    plain = cycle_window(anchor, cycle)
    what = (
        "its creation"
        if basis.group is RouteGroup.NEW_LA
        else (f"the previous inspection's {cycle.anchor.value}")
    )
    reasons = [
        cite(
            cycle,
            band_months=cycle.band_months,
            years=cycle.years,
            counted_from=what,
            anchor=anchor,
            window=plain.iso,
        )
    ]
    return _written(anchor, plain, reasons, rules)


def report_day(basis: Basis) -> tuple[dt.date, Reason | None]:
    """The day the report's duties count from: publication, else the inspection's last day."""
    last = basis.last
    assert last is not None
    if last.published is not None:
        return last.published, None
    fallback = last.end or last.date
    return fallback, say(
        "report.no-publication", uncertain=True, kind=last.type.rule.name, day=fallback
    )


def action_plan_day(basis: Basis, rules: SchedulingRules) -> tuple[dt.date, Reason | None]:
    """The day an inadequate LA's action plan is due, and why, if its report date is unknown.

    The plan is due ``rules.action_plan.working_days`` working days after the report's
    publication (else the inspection's last day, said in the reason).
    """
    report, report_reason = report_day(basis)
    return add_working_days(report, rules.action_plan.working_days), report_reason


def _reinspection(basis: Basis, rules: SchedulingRules) -> Written:
    rule = rules.monitoring
    plan, report_reason = action_plan_day(basis, rules)
    first = plan + relativedelta(weeks=rule.first_visit_lag_weeks)
    interval = relativedelta(months=rule.interval_months)
    earliest = first + interval * rule.min_visits
    expected = first + interval * rule.max_visits
    latest = plan + relativedelta(months=rule.reinspection_within_months)
    latest = max(latest, earliest)
    expected = min(max(expected, earliest), latest)
    reasons: list[Reason] = []
    if report_reason is not None:
        reasons.append(report_reason)
    reasons.append(monitoring_reason(rules, plan, window=Window(earliest, expected, latest)))
    return _written(plan, Window(earliest, expected, latest), reasons, rules)


def monitoring_reason(
    rules: SchedulingRules, plan: dt.date, *, window: Window | None = None, held: int | None = None
) -> Reason:
    """The written monitoring rule applied: the plan due on ``plan``, and the window or visits held."""
    rule, plan_duty, visit = rules.monitoring, rules.action_plan, _MONITORING_VISIT
    return say(
        rule.code,
        sources=tuple(dict.fromkeys((*rule.sources, *plan_duty.sources))),
        uncertain=rule.uncertain or plan_duty.uncertain,
        plan_days=plan_duty.working_days,
        plan_due=plan,
        interval_months=rule.interval_months,
        lag_weeks=rule.first_visit_lag_weeks,
        min_visits=rule.min_visits,
        max_visits=rule.max_visits,
        within_months=rule.reinspection_within_months,
        team=visit.team,
        visit_days=visit.on_site_days,
        window=window.iso if window is not None else "",
        held=held,
    )


@functools.lru_cache(maxsize=4096)
def written_window(basis: Basis, rules: SchedulingRules) -> Written:
    """The written rules' window for the next graded inspection on ``basis``'s route.

    It does not depend on the day of the forecast: it is remembered for the same two.

    The cycle times it when it applies to the prior grade (``rules.cycle.applies_to``; None
    for a new LA); the monitoring rule when the route monitors the LA first.

    Raises:
        ValidationError: neither applies (a cycle rule overridden to leave out a grade whose
            route is not monitored).
    """
    if basis.prior in rules.cycle.applies_to:
        return _cycle(basis, rules)
    if basis.group is RouteGroup.REINSPECTION:
        return _reinspection(basis, rules)
    raise ValidationError(
        "rules.cycle.applies_to",
        [g.name if g else None for g in rules.cycle.applies_to],
        f"the prior grade {basis.prior.name if basis.prior else None} among them",
        "its route is not monitored, so only the cycle can time its next inspection",
    )

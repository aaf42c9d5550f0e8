"""The next graded inspection: :func:`next_inspection`.

The window is built in three steps, each with its reasons:

1. the written rule for the LA's route (:mod:`~ilacs.scheduling.written`), counted in
   operating days so that national pauses stretch it;
2. the observed practice (:mod:`~ilacs.scheduling.empirical`): on or shortly after the
   calibration's cut-off, the LA's place in the queue of LAs awaiting inspection, at the pace of
   the last year, with the spread real starts showed around the queue's day (this window
   replaces the written one); otherwise the written window widened to cover how late
   inspections on the same route really ran, given how late the LA already is;
3. the window never starts on or before ``as_of`` (events up to ``as_of`` are known, so the
   inspection has not started): an LA whose written window has closed is *overdue*, and gets a
   window from the day after ``as_of``.

The bounds are then moved onto working days (inspections start on working days): the first
day forward, the last day back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ilacs.catalogue.grades import Grade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.listing import inspection_plan, route_for
from ilacs.catalogue.reorganisations import Kind, abolished_on, successors_of
from ilacs.records import Inspection
from ilacs.scheduling.empirical import Empirical, observed_window
from ilacs.scheduling.optime import from_operating, to_operating
from ilacs.scheduling.records import Forecast, ForecastKind, Window, long_date
from ilacs.scheduling.routes import FIRST_ROUTE_DAY, Basis, Known, basis_of, known_history
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.written import written_window
from ilacs.sources import Reason
from ilacs.workdays import add_working_days, is_working_day

__all__ = ["next_inspection", "on_working_days", "overdue_reason"]


def _next_working(day: dt.date) -> dt.date:
    return day if is_working_day(day) else add_working_days(day, 1)


def _previous_working(day: dt.date) -> dt.date:
    return day if is_working_day(day) else add_working_days(day, -1)


def on_working_days(low: dt.date, mid: dt.date, high: dt.date) -> Window:
    """Move a window onto working days: ``low`` forward, ``high`` back, ``mid`` inside.

    When no working day lies between ``low`` and ``high``, the window is the first working
    day on or after ``low``.
    """
    first = _next_working(low)
    last = max(_previous_working(high), first)
    expected = min(max(_next_working(mid), first), last)
    return Window(first, expected, last)


def overdue_reason(closed: dt.date, as_of: dt.date, what: str) -> Reason:
    """The reason saying the written window of ``what`` closed ``as_of - closed`` days ago."""
    days = (as_of - closed).days
    months = round(days / 30.44)
    about = f" (about {months} months)" if months >= 2 else ""
    return Reason(
        "overdue",
        f"Overdue: the written rule's window for the {what} closed on {long_date(closed)}, "
        f"{days} days{about} before {long_date(as_of)}, and no such inspection or visit is "
        f"recorded since. The window starts after {long_date(as_of)}, never in the past.",
    )


def _plan_reason(prior: Grade | None, day: dt.date) -> tuple[Reason, InspectionType]:
    on = max(day, FIRST_ROUTE_DAY)
    route = route_for(prior, on=on)
    plan = inspection_plan(prior, on=on)
    rule = plan.type.rule
    parts = []
    if plan.weeks_off_site is not None and plan.weeks_on_site is not None:
        parts.append(
            f"{plan.weeks_off_site} week(s) off site after the call, then {plan.weeks_on_site} "
            "on site"
        )
    if plan.notice_working_days is not None:
        parts.append(f"about {plan.notice_working_days} working days' notice")
    before = "after monitoring visits, " if plan.monitoring_first else ""
    shape = f" ({'; '.join(parts)})" if parts else ""
    after = prior.label.lower() if prior is not None else "no graded inspection of its own"
    article = "an" if rule.name[:1].upper() in "AEIOU" else "a"
    text = (
        f"Route: after {after}, the next graded inspection is {before}{article} {rule.name}{shape}."
    )
    if route.note:
        text += f" {route.note}"
    return Reason(route.code, text, plan.sources, plan.uncertain), plan.type


def _abolition_reason(known: Known, window: Window, rules: SchedulingRules) -> Reason | None:
    table = rules.reorganisations
    found = [r for r in successors_of(known.la_code, table) if r.kind is Kind.NEW_AUTHORITY]
    gone = abolished_on(known.la_code, table) if found else None
    if gone is None or window.latest < gone:
        return None
    names = ", ".join(r.name for r in found)
    return Reason(
        "reorganisation.abolished",
        f"{known.la_name} is replaced on {long_date(gone)} by {names}: an inspection after that "
        "day is of the new council(s), with a standard inspection of their own.",
        tuple(dict.fromkeys(s for r in found for s in r.sources)),
    )


def _graded(known: Known, basis: Basis, rules: SchedulingRules) -> Forecast:
    written = written_window(basis, rules)
    reasons = [*basis.reasons, *written.reasons]
    floor = to_operating(known.as_of + dt.timedelta(days=1), rules.pauses)
    overdue = written.window.latest <= known.as_of
    adjusted, notes = observed_window(known.la_code, basis.group, written, known.as_of, rules)
    reasons.extend(notes)
    if isinstance(adjusted, Empirical):
        low, high = adjusted.low, adjusted.high
        if adjusted.widen:
            low, high = min(written.low, low), max(written.high, high)
        mid = adjusted.expected
        reasons.extend(adjusted.reasons)
    else:
        reasons.append(adjusted)
        low, mid, high = written.low, written.due, written.high
        if high < floor:
            low, mid, high = floor, floor + (mid - low), floor + (high - low)
    low = max(low, floor)
    high = max(high, low)
    mid = min(max(mid, low), high)
    if overdue:
        reasons.append(overdue_reason(written.window.latest, known.as_of, "next graded inspection"))
    window = on_working_days(*(from_operating(n, rules.pauses) for n in (low, mid, high)))
    plan_reason, kind = _plan_reason(basis.prior, window.expected)
    reasons.insert(len(basis.reasons), plan_reason)
    reasons.append(
        Reason(
            "forecast.window",
            f"Forecast: the next graded inspection is expected to start {window}.",
        )
    )
    gone = _abolition_reason(known, window, rules)
    if gone is not None:
        reasons.append(gone)
    return Forecast(
        known.la_code,
        known.la_name,
        known.as_of,
        ForecastKind.GRADED_INSPECTION,
        kind,
        window.earliest,
        window.expected,
        window.latest,
        overdue,
        written.window,
        tuple(reasons),
    )


def next_inspection(
    history: Iterable[Inspection], *, as_of: dt.date, rules: SchedulingRules = DEFAULT_RULES
) -> Forecast:
    """When the LA's next graded inspection is expected to start, what it will be, and why.

    Args:
        history: one LA's inspections and visits, in any order. Events that start after
            ``as_of`` are ignored (but must still be valid events of the same LA).
        as_of: the day of the forecast: only what had started by then is known.
        rules: the rules and calibration to apply (see :class:`SchedulingRules`).

    Returns:
        A :class:`Forecast` of kind ``GRADED_INSPECTION`` whose window starts after ``as_of``.

    Raises:
        ValidationError: ``history`` is empty, not of one LA, or has no graded inspection by
            ``as_of`` and is not an LA created by reorganisation; the LA was abolished by
            ``as_of``; ``as_of`` is not a date; the last graded inspection has no route (a grade
            on the pre-2013 scale, or no overall grade where its version gives one).
        OutOfRangeError: ``as_of`` is after 2090.

    >>> import datetime as dt
    >>> thurrock = [
    ...     Inspection("E06000034", "Thurrock", "sif", start=dt.date(2016, 2, 22),
    ...                end=dt.date(2016, 3, 17), judgements={"overall": "Requires improvement"}),
    ...     Inspection("E06000034", "Thurrock", "standard", start=dt.date(2019, 11, 11),
    ...                end=dt.date(2019, 11, 22), published=dt.date(2019, 12, 20),
    ...                judgements={"overall": "Good"}),
    ... ]
    >>> forecast = next_inspection(thurrock, as_of=dt.date(2020, 1, 31))
    >>> forecast.type.name, forecast.overdue
    ('SHORT', False)
    >>> print(forecast.written)
    between 11 May 2022 and 13 November 2024, most likely around 16 May 2024
    """
    known = known_history(history, as_of)
    basis = basis_of(known, rules)
    return _graded(known, basis, rules)

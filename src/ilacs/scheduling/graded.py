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
   window from the day after ``as_of`` with the written rule's own shape (with the catalogue's
   cycle, expected six months on and latest a year on), not the shape a national pause
   stretched it to.

The bounds are then moved onto working days (inspections start on working days): the first
day forward, the last day back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ilacs.catalogue.calibration import DAYS_PER_MONTH
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.listing import inspection_plan, route_for
from ilacs.catalogue.reorganisations import replaced_by, replaced_on
from ilacs.records import Inspection
from ilacs.scheduling.empirical import Empirical, observed_window
from ilacs.scheduling.optime import from_operating, to_operating
from ilacs.scheduling.records import Forecast, ForecastKind, Window, long_date
from ilacs.scheduling.routes import (
    FIRST_ROUTE_DAY,
    Basis,
    Known,
    after_words,
    basis_of,
    known_history,
    successor_names,
    with_article,
)
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.written import written_window
from ilacs.sources import Reason
from ilacs.workdays import add_working_days, is_working_day

__all__ = [
    "after_as_of",
    "graded_forecast",
    "next_inspection",
    "on_working_days",
    "overdue_reason",
]


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


def after_as_of(
    low: int, mid: int, high: int, floor: int, shape_low: int | None = None
) -> tuple[int, int, int]:
    """Move a window (day numbers) so that it starts on or after ``floor``, the day after as_of.

    A window wholly before ``floor`` (overdue) is moved to start on ``floor``, keeping its lead
    to the expected day and its length counted from ``shape_low`` (default ``low``); a window
    that holds ``floor`` loses its days before it.

    >>> after_as_of(10, 20, 30, 50), after_as_of(10, 20, 30, 15), after_as_of(10, 20, 30, 50, 18)
    ((50, 60, 70), (15, 20, 30), (50, 52, 62))
    """
    if high < floor:
        start = low if shape_low is None else shape_low
        low, mid, high = floor, floor + (mid - start), floor + (high - start)
    low = max(low, floor)
    high = max(high, low)
    return low, min(max(mid, low), high), high


def overdue_reason(closed: dt.date, as_of: dt.date, what: str) -> Reason:
    """The reason saying the written window of ``what`` closed ``as_of - closed`` days ago."""
    days = (as_of - closed).days
    months = round(days / DAYS_PER_MONTH)
    about = f" (about {months} months)" if months >= 2 else ""
    return Reason(
        "overdue",
        f"Overdue: the written rule's window for the {what} closed on {long_date(closed)}, "
        f"{days} days{about} before {long_date(as_of)}, and no such inspection or visit is "
        f"recorded since. The window starts after {long_date(as_of)}, never in the past.",
    )


def _weeks(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weeks"


def _plan_reason(basis: Basis, day: dt.date) -> tuple[Reason, InspectionType]:
    prior = basis.prior
    on = max(day, FIRST_ROUTE_DAY)
    route = route_for(prior, on=on)
    plan = inspection_plan(prior, on=on)
    rule = plan.type.rule
    parts = []
    if plan.weeks_off_site is not None and plan.weeks_on_site is not None:
        parts.append(
            f"{_weeks(plan.weeks_off_site)} off site after the call, then "
            f"{_weeks(plan.weeks_on_site)} on site"
        )
    if plan.notice_working_days is not None:
        parts.append(f"about {plan.notice_working_days} working days' notice")
    before = "after monitoring visits, " if plan.monitoring_first else ""
    shape = f" ({'; '.join(parts)})" if parts else ""
    text = (
        f"Route: {after_words(basis)}, the next graded inspection is {before}"
        f"{with_article(rule.name)}{shape}."
    )
    if route.note:
        text += f" {route.note}"
    return Reason(route.code, text, plan.sources, plan.uncertain), plan.type


def _abolition_reason(known: Known, window: Window, rules: SchedulingRules) -> Reason | None:
    table = rules.reorganisations
    gone = replaced_on(known.la_code, table)
    if gone is None or window.latest < gone:
        return None
    found = replaced_by(known.la_code, table)
    new = (
        "the new councils, with a standard inspection of their own"
        if len(found) > 1
        else "the new council, with a standard inspection of its own"
    )
    return Reason(
        "reorganisation.abolished",
        f"{known.la_name} is replaced on {long_date(gone)} by "
        f"{successor_names(known.la_code, table)}: an inspection after that day is of {new}.",
        tuple(dict.fromkeys(s for r in found for s in r.sources)),
    )


def graded_forecast(known: Known, basis: Basis, rules: SchedulingRules) -> Forecast:
    """The forecast of the next graded inspection of an LA known as ``known`` on ``basis``'s route.

    An overdue written window (closed before ``as_of``) that the observed practice does not
    replace is moved to start the day after ``as_of`` with the written rule's own shape: its
    lead to the expected day and its length as the rule gives them, not as a national pause
    before ``as_of`` stretched them.
    """
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
        low, mid, high = after_as_of(low, adjusted.expected, high, floor)
        reasons.extend(adjusted.reasons)
    else:
        reasons.append(adjusted)
        low, mid, high = after_as_of(
            written.low, written.due, written.high, floor, written.plain_low
        )
    if overdue:
        reasons.append(overdue_reason(written.window.latest, known.as_of, "next graded inspection"))
    window = on_working_days(*(from_operating(n, rules.pauses) for n in (low, mid, high)))
    plan_reason, kind = _plan_reason(basis, window.expected)
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
    return graded_forecast(known, basis, rules)

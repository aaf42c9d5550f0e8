"""The observed part of a forecast: the queue of LAs awaiting inspection, or the route's lateness.

Two methods, each kept apart from the written rule in the reasons ("Observed practice: ..."):

1. **The queue** (:func:`queue_window`, used when ``as_of`` is on or up to
   :data:`~ilacs.catalogue.calibration.QUEUE_REACH_DAYS` days after the calibration's cut-off):
   the LA's place among the LAs awaiting inspection at the cut-off, sorted by their written
   expected days, at the pace of the last year, gives the day its turn comes
   (:mod:`ilacs.scheduling.queue`); the window is that day plus the ``lower`` to ``upper``
   percentiles of how far real starts strayed from the queue's day at earlier cut-offs, for
   turns as far ahead. It **replaces** the written window (it may be narrower).
2. **The route's lateness** (:func:`empirical_window`, otherwise, or when the queue cannot
   say how far real starts strayed that far ahead): given the route's
   :class:`~ilacs.catalogue.calibration.LatenessSample` and how late the LA already is on
   ``as_of`` (``as_of`` minus the written expected day, in operating days), keep the
   inspections of the sample that ran later than that (the LA has not been inspected yet, so
   its inspection will be later too) and take their ``lower``, ``median`` and ``upper``
   percentiles. The written window is **widened** to cover this window (never narrowed); its
   expected day is the empirical median. When the route has too few observations, or too few
   ran as late as the LA already is, the written rule stands and the reasons say why.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ilacs.catalogue.calibration import DAYS_PER_MONTH, Calibration, Queue, RouteGroup, quantile
from ilacs.scheduling.optime import from_operating, to_operating
from ilacs.scheduling.queue import turn
from ilacs.scheduling.records import Window, long_date
from ilacs.scheduling.rules import SchedulingRules
from ilacs.scheduling.written import Written
from ilacs.sources import Reason

__all__ = ["Empirical", "empirical_window", "observed_window", "queue_window"]


@attrs.frozen
class Empirical:
    """An observed window in operating days, with its reasons.

    Args:
        low, expected, high: the window, in days of routine inspection.
        reasons: why, in words.
        widen: True when the written window is widened to cover it (the route's lateness);
            False when it replaces the written window (the queue).
    """

    low: int
    expected: int
    high: int
    reasons: tuple[Reason, ...]
    widen: bool = True


def _inspections(group: RouteGroup) -> str:
    """The route's inspections in words: "graded inspections after a good or ... judgement"."""
    if group is RouteGroup.NEW_LA:
        return "first graded inspections of LAs created by reorganisation"
    return f"graded inspections {group.value}"


def _lookback(calibration: Calibration, months: int | None) -> str:
    cut = long_date(calibration.cut_off)
    return f"in the {months} months to {cut}" if months else f"up to {cut}"


def empirical_window(
    group: RouteGroup, written: Written, today: int, rules: SchedulingRules
) -> Empirical | Reason:
    """The empirical window, or the reason there is none.

    Args:
        group: the route.
        written: the written rule's window.
        today: the operating-day number of ``as_of``.
        rules: the rules, whose ``calibration`` is used.
    """
    calibration = rules.calibration
    if calibration is None:
        return Reason(
            "calibration.off",
            "No empirical adjustment: the caller asked for the written rules only.",
        )
    sample = calibration.sample_for(group)
    if sample is None:
        return Reason(
            "calibration.too-few",
            f"No empirical adjustment for {_inspections(group)}: fewer than "
            f"{calibration.min_events} were observed {_lookback(calibration, None)}, so the "
            "written rule stands.",
            calibration.sources,
            uncertain=True,
        )
    late_now = today - written.due
    later = sample.beyond(late_now)
    observed = (
        f"Observed practice: {sample.n} {_inspections(group)} took place "
        f"{_lookback(calibration, sample.lookback_months)}"
    )
    if len(later) < calibration.min_conditional:
        few = f"only {len(later)} of them" if later else "none of them"
        return Reason(
            "calibration.beyond",
            f"{observed}; {few} started later against the written rule than this LA already "
            f"is ({_days(late_now)} the written expected day), too few to say more than the "
            "written rule.",
            calibration.sources,
            uncertain=True,
        )
    low, mid, high = (
        quantile(later, p) for p in (calibration.lower, calibration.median, calibration.upper)
    )
    shown = Window(*(from_operating(written.due + d, rules.pauses) for d in (low, mid, high)))
    share = (
        ""
        if len(later) == sample.n
        else f"; {len(later)} of them started later than this LA already is"
    )
    text = (
        f"{observed}{share}. They started from {_days(low)} to {_days(high)} the written "
        f"expected day ({_ordinal(calibration.lower)} to {_ordinal(calibration.upper)} "
        f"percentile; median {_days(mid)}), in days of routine inspection. For this LA that is "
        f"{shown}."
    )
    return Empirical(
        written.due + low,
        written.due + mid,
        written.due + high,
        (Reason(f"calibration.{group.name.lower()}", text, calibration.sources),),
    )


def _days(n: int) -> str:
    if n == 0:
        return "0 days after"
    return f"{abs(n)} days {'after' if n > 0 else 'before'}"


def _pace(queue: Queue, cut_off: dt.date) -> str:
    plain = cut_off - dt.timedelta(days=queue.days - 1)
    if plain == queue.counted_from:
        period = f"in the {round(queue.days / DAYS_PER_MONTH)} months to {long_date(cut_off)}"
    else:
        period = (
            f"in the {queue.days} days of routine inspection from {long_date(queue.counted_from)} "
            f"to {long_date(cut_off)} (national pauses not counted)"
        )
    return (
        f"Ofsted carried out {queue.inspections} graded inspections of LAs {period}, one every "
        f"{queue.days_per_inspection:.1f} days"
    )


def queue_window(
    la_code: str, written: Written, as_of: dt.date, rules: SchedulingRules
) -> tuple[Empirical | None, tuple[Reason, ...]]:
    """The queue's window for the LA, or None with the reasons it cannot be used.

    Args:
        la_code: the LA's code (its own entry in the stored queue is not counted ahead of it).
        written: the written rule's window (its expected day places the LA in the queue).
        as_of: the day of the forecast.
        rules: the rules, whose ``calibration.queue`` is used.

    Returns:
        ``(window, reasons)``: the window in operating days and its reasons; or None and the
        reasons the route's lateness is used instead (no reasons when there is no queue).
    """
    calibration = rules.calibration
    queue = calibration.queue if calibration is not None else None
    if calibration is None or queue is None:
        return None, ()
    cut = calibration.cut_off
    days_after = (as_of - cut).days
    if not 0 <= days_after <= queue.reach_days:
        when = (
            f"{-days_after} days before it, so the queue holds what was not known then"
            if days_after < 0
            else f"{days_after} days after it, too long for the queue to be current"
        )
        return None, (
            Reason(
                "queue.far",
                f"The queue of LAs awaiting inspection is known as it stood on {long_date(cut)}; "
                f"this forecast is for {long_date(as_of)}, {when} (the limit is "
                f"{queue.reach_days} days after). So the observed lateness of the route is used "
                "instead.",
                calibration.sources,
            ),
        )
    pauses = rules.pauses
    here = to_operating(cut, pauses)
    due = from_operating(written.due, pauses)
    rank = queue.rank(la_code, due)
    expected = turn(here, rank, queue.days_per_inspection)
    lead = round(expected - here)
    waiting = len([e for e in queue.entries if e.la_code != la_code]) + 1
    turn_day = from_operating(round(expected), pauses)
    stale = (
        f" (the queue as it stood {days_after} days before this forecast; LAs inspected since "
        "then are not known to it)"
        if days_after
        else ""
    )
    place = Reason(
        "queue.turn",
        f"Queue: {_pace(queue, cut)}. On {long_date(cut)}, {waiting} LAs were awaiting their "
        f"next graded inspection, and {rank} of them were due before this one on the written "
        f"rules (its written expected day is {long_date(due)}), so at that pace its turn comes "
        f"around {long_date(turn_day)}{stale}.",
        calibration.sources,
    )
    band = queue.band_for(lead)
    levels = (queue.lower, queue.median, queue.upper)
    found = (
        tuple(band.at(p) for p in levels)
        if band is not None and band.n >= queue.min_band
        else (None, None, None)
    )
    low, mid, high = found
    if band is None or low is None or mid is None or high is None:
        seen = f" ({band.n} observed, {band.inspected} inspected by then)" if band else ""
        what = band.label if band is not None else f"{lead} days ahead"
        return None, (
            place,
            Reason(
                "queue.spread-unknown",
                f"Too few LAs whose turn came {what} at earlier cut-offs had been inspected by "
                f"{long_date(cut)} to say how far real starts strayed from the queue{seen}: the "
                "observed lateness of the route is used instead.",
                calibration.sources,
                uncertain=True,
            ),
        )
    shown = Window(*(from_operating(round(expected + d), pauses) for d in (low, mid, high)))
    started = (
        f" It had not started by {long_date(as_of)}, so the window starts after that day."
        if shown.earliest <= as_of
        else ""
    )
    waiting_then = band.n - band.inspected
    still = (
        f"; {waiting_then} were still waiting on {long_date(cut)} and count as later"
        if waiting_then
        else ""
    )
    spread = Reason(
        "queue.spread",
        f"Observed practice: the same queue drawn up at each of the {queue.cut_offs} monthly "
        f"cut-offs before {long_date(cut)}{_since(queue)}, from the data known then, put an "
        f"LA's turn {band.label} {band.n} times. Those LAs' real inspections started from "
        f"{_days(low)} to {_days(high)} the day the queue gave ({_ordinal(queue.lower)} to "
        f"{_ordinal(queue.upper)} percentile; median {_days(mid)}{still}), in days of routine "
        f"inspection. For this LA that is {shown}.{started}",
        calibration.sources,
    )
    return (
        Empirical(
            round(expected + low),
            round(expected + mid),
            round(expected + high),
            (place, spread),
            widen=False,
        ),
        (),
    )


def _since(queue: Queue) -> str:
    return f" (from {long_date(queue.first_cut_off)})" if queue.first_cut_off else ""


def _ordinal(p: float) -> str:
    """A probability as an English percentile: 0.05 -> "5th", 0.01 -> "1st", 0.025 -> "2.5th".

    >>> [_ordinal(p) for p in (0.01, 0.02, 0.03, 0.11, 0.22, 0.05, 0.025, 0.975)]
    ['1st', '2nd', '3rd', '11th', '22nd', '5th', '2.5th', '97.5th']
    """
    value = round(p * 100, 1)
    number = f"{value:g}"
    if not value.is_integer() or 10 <= int(value) % 100 <= 20:
        return f"{number}th"
    return number + {1: "st", 2: "nd", 3: "rd"}.get(int(value) % 10, "th")


def observed_window(
    la_code: str,
    group: RouteGroup,
    written: Written,
    as_of: dt.date,
    rules: SchedulingRules,
) -> tuple[Empirical | Reason, tuple[Reason, ...]]:
    """The observed window: the queue's when it can be used, else the route's lateness.

    Returns:
        ``(window, notes)``: the window (or the reason there is none) and the reasons the
        queue was not used (empty when it was, or when there is no queue).
    """
    found, notes = queue_window(la_code, written, as_of, rules)
    if found is not None:
        return found, ()
    return empirical_window(group, written, to_operating(as_of, rules.pauses), rules), notes

"""The empirical adjustment: widen the written window to cover how late inspections really ran.

Given the route's :class:`~ilacs.catalogue.calibration.LatenessSample` and how late the LA
already is on ``as_of`` (``as_of`` minus the written expected day, in operating days), keep the
inspections of the sample that ran later than that (the LA has not been inspected yet, so its
inspection will be later too) and take their ``lower``, ``median`` and ``upper`` percentiles.
The forecast window is the written window widened to cover this empirical window (never
narrowed); its expected day is the empirical median. When the route has too few observations,
or too few ran as late as the LA already is, the written rule stands and the reasons say why.
"""

from __future__ import annotations

import attrs

from ilacs.catalogue.calibration import Calibration, RouteGroup, quantile
from ilacs.scheduling.optime import from_operating
from ilacs.scheduling.records import Window, long_date
from ilacs.scheduling.rules import SchedulingRules
from ilacs.scheduling.written import Written
from ilacs.sources import Reason

__all__ = ["Empirical", "empirical_window"]


@attrs.frozen
class Empirical:
    """The empirical window in operating days, or None with the reason it is missing."""

    low: int
    expected: int
    high: int
    reason: Reason


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
            f"No empirical adjustment for inspections {group.value}: fewer than "
            f"{calibration.min_events} were observed {_lookback(calibration, None)}, so the "
            "written rule stands.",
            calibration.sources,
            uncertain=True,
        )
    late_now = today - written.due
    later = sample.beyond(late_now)
    observed = (
        f"Observed practice: {sample.n} graded inspections {group.value} took place "
        f"{_lookback(calibration, sample.lookback_months)}"
    )
    if len(later) < calibration.min_conditional:
        return Reason(
            "calibration.beyond",
            f"{observed}; only {len(later)} of them started later against the written rule "
            f"than this LA already is ({late_now} days after the written expected day), too "
            "few to say more than the written rule.",
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
        f"expected day ({round(calibration.lower * 100)}th to {round(calibration.upper * 100)}th "
        f"percentile; median {_days(mid)}), in days of routine inspection. For this LA that is "
        f"{shown}."
    )
    return Empirical(
        written.due + low,
        written.due + mid,
        written.due + high,
        Reason(f"calibration.{group.name.lower()}", text, calibration.sources),
    )


def _days(n: int) -> str:
    if n == 0:
        return "0 days after"
    return f"{abs(n)} days {'after' if n > 0 else 'before'}"

"""Waiting times that have not all ended: a weighted product-limit (Kaplan-Meier) estimate.

An LA inspected 40 months after its last inspection tells how long one wait lasted; an LA
still waiting after 41 months tells only that its wait is longer than that. Counting only the
waits that ended would make waits look shorter than they are, most of all when many LAs are
still waiting. The product-limit estimator counts both: at each step of time, the share of
the LAs still waiting at its start whose wait ends in it (the *hazard*), and the survival curve
is the product of one minus the hazard over the steps.

Three refinements, each a keyword of :func:`estimate`:

- **recent evidence weighs more**: an LA waiting in a fortnight ``m`` months before the cut-off
  counts ``2 ** (-m / halflife_months)`` of an LA waiting in the last fortnight, in the
  numerator and the denominator alike, so the curve describes how Ofsted works now;
- **late entry**: a wait observed only from some day on (visits are listed only from April
  2021) counts from that day, not before (left truncation);
- **borrowing**: where too few LAs of one route were waiting at some step, the hazard of all
  routes pooled is used at that step (:func:`curve_of`).

Two LAs inspected after one and two fortnights, two still waiting after three, unweighted:

>>> waits = [Wait(0, 0, 14, True), Wait(0, 0, 28, True),
...          Wait(0, 0, 42, False), Wait(0, 0, 42, False)]
>>> table = estimate(waits, cut_off=42, bin_days=14, bins=4, halflife_months=None)
>>> [round(h, 3) for h in table.hazards(min_at_risk=1.0)[:3]]
[0.25, 0.333, 0.0]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from ilacs.errors import ValidationError
from ilacs.scheduling.optime import DAYS_PER_MONTH

__all__ = ["DAYS_PER_MONTH", "Table", "Wait", "estimate", "survival_of"]


@attrs.frozen
class Wait:
    """One LA's wait, in operating days (see :mod:`ilacs.scheduling.optime`).

    Args:
        start: the day the wait began (the last inspection's first day, or a visit's).
        entry: the first day it was observed (``start``, or later when the data begin later).
        end: the day it ended (``ended``) or was last seen still going (the cut-off, or the
            day something else ended it, such as the next graded inspection for a visit).
        ended: True when the awaited inspection or visit happened on ``end``.
        day: the calendar day of ``end`` (for the period the evidence covers).
    """

    start: int
    entry: int
    end: int
    ended: bool
    day: dt.date | None = None

    @property
    def length(self) -> int:
        """How long the wait lasted or has lasted, in operating days."""
        return self.end - self.start


@attrs.frozen
class Table:
    """Weighted counts per step: waits that ended in it, and waits under way at its start."""

    bin_days: int
    ended: tuple[float, ...]
    at_risk: tuple[float, ...]
    events: int
    waiting: int
    first: dt.date | None
    last: dt.date | None
    longest: int

    def hazards(self, *, min_at_risk: float) -> list[float | None]:
        """The hazard of each step, or None where fewer than ``min_at_risk`` (weighted) waited."""
        return [
            e / r if r >= min_at_risk else None
            for e, r in zip(self.ended, self.at_risk, strict=True)
        ]

    def empty(self) -> Table:
        """A table of the same steps with nothing counted (the start of a sum)."""
        steps = len(self.ended)
        return Table(self.bin_days, (0.0,) * steps, (0.0,) * steps, 0, 0, None, None, 0)

    def __add__(self, other: Table) -> Table:
        """Two tables of the same steps pooled."""
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        return Table(
            self.bin_days,
            tuple(a + b for a, b in zip(self.ended, other.ended, strict=True)),
            tuple(a + b for a, b in zip(self.at_risk, other.at_risk, strict=True)),
            self.events + other.events,
            self.waiting + other.waiting,
            min(days) if days else None,
            max(days) if days else None,
            max(self.longest, other.longest),
        )


def estimate(
    waits: Iterable[Wait],
    *,
    cut_off: int,
    bin_days: int,
    bins: int,
    halflife_months: float | None,
) -> Table:
    """Count each step's ended and under-way waits, weighted by how recent the step was.

    Args:
        waits: the waits (operating days), none ending after ``cut_off``.
        cut_off: the operating day of the cut-off (weights are 1 there).
        bin_days: the width of a step, in operating days.
        bins: how many steps to count (longer waits count up to the last one).
        halflife_months: the half-life of a step's weight; None weighs every step alike.

    Raises:
        ValidationError: a wait ends before it starts or after ``cut_off``, or enters outside it.
    """
    if bin_days <= 0 or bins <= 0:
        raise ValidationError("bin_days, bins", (bin_days, bins), "positive numbers")
    ended = [0.0] * bins
    at_risk = [0.0] * bins
    decay = (
        1.0 if halflife_months is None else 2.0 ** (bin_days / (halflife_months * DAYS_PER_MONTH))
    )
    events = waiting = longest = 0
    first: dt.date | None = None
    last: dt.date | None = None
    for wait in waits:
        if not wait.start <= wait.entry <= wait.end <= cut_off:
            raise ValidationError(
                "wait",
                (wait.start, wait.entry, wait.end),
                f"start <= entry <= end <= cut-off ({cut_off})",
            )
        # Step k holds the waits that end after k * bin_days and by (k + 1) * bin_days.
        last_step = (wait.length - 1) // bin_days if wait.ended else wait.length // bin_days - 1
        first_step = -(-(wait.entry - wait.start) // bin_days)
        if halflife_months is None:
            weight = 1.0
        else:
            age = cut_off - (wait.start + first_step * bin_days)
            weight = 2.0 ** (-age / (halflife_months * DAYS_PER_MONTH))
        for step in range(first_step, min(last_step, bins - 1) + 1):
            at_risk[step] += weight
            weight *= decay
        if wait.ended and first_step <= last_step < bins:
            ended[last_step] += weight / decay
        if wait.ended:
            events += 1
            longest = max(longest, wait.length)
            if wait.day is not None:
                first = wait.day if first is None else min(first, wait.day)
                last = wait.day if last is None else max(last, wait.day)
        else:
            waiting += 1
    return Table(bin_days, tuple(ended), tuple(at_risk), events, waiting, first, last, longest)


def survival_of(hazards: Sequence[float]) -> tuple[float, ...]:
    """The survival curve of per-step hazards: the running product of ``1 - hazard``."""
    out: list[float] = []
    share = 1.0
    for hazard in hazards:
        share *= 1.0 - min(max(hazard, 0.0), 1.0)
        out.append(share)
    return tuple(out)

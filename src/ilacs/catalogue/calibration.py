"""How far real schedules ran beyond the written rules: the empirical calibration, as data.

The written rules (:mod:`~ilacs.catalogue.cadence`) give each LA a window for its next graded
inspection. Real inspections often fell outside it: the SIF programme overran, the COVID-19
suspension pushed everything back, and after it Ofsted caught up on some LAs faster than on
others. This module holds what was observed, kept apart from the rules.

For each route (:class:`RouteGroup`) the calibration stores the *lateness* of real inspections:
the first day of the real next graded inspection minus the written rule's expected day, counted
in days of routine inspection (days inside a national pause are not counted, see
:mod:`ilacs.scheduling.optime`). Only inspections that took place in the last
``lookback_months`` before the cut-off are used (12 months, or longer when fewer than
:data:`MIN_EVENTS` took place), so the calibration describes how the programme was running at
the cut-off. Scheduling takes the 10th, 50th and 90th percentiles of the lateness of inspections
that were at least as late as the LA already is (see :mod:`ilacs.scheduling.empirical`).

The table below is generated, never edited by hand: ``python benchmarks/calibrate.py --write``
recomputes it with :func:`ilacs.scheduling.calibrate.calibrate` from the data file named in
:data:`CALIBRATION` (``tests/test_backtest.py`` checks that it matches).

>>> CALIBRATION.cut_off
datetime.date(2024, 3, 31)
>>> sample = CALIBRATION.sample_for(RouteGroup.SHORT)
>>> sample is not None and sample.n >= MIN_EVENTS
True
"""

from __future__ import annotations

import datetime as dt
import enum
import math

import attrs

from ilacs.catalogue import refs
from ilacs.errors import ValidationError
from ilacs.sources import Evidence, Source

__all__ = [
    "CALIBRATION",
    "LOOKBACK_MONTHS",
    "LOWER",
    "MEDIAN",
    "MIN_CONDITIONAL",
    "MIN_EVENTS",
    "UPPER",
    "Calibration",
    "LatenessSample",
    "RouteGroup",
]


class RouteGroup(enum.Enum):
    """The routes whose lateness is calibrated separately."""

    SHORT = "after a good or outstanding judgement"
    STANDARD = "after a requires improvement judgement"
    REINSPECTION = "after an inadequate judgement (monitoring, then re-inspection)"
    NEW_LA = "the first inspection of an LA created by reorganisation"


LOOKBACK_MONTHS: tuple[int | None, ...] = (12, 24, 36, None)
"""Look-back periods tried in turn until one holds :data:`MIN_EVENTS` inspections (None: all)."""

MIN_EVENTS = 10
"""Fewest observed inspections for a route to be calibrated; below it the written rule stands."""

MIN_CONDITIONAL = 5
"""Fewest observed inspections at least as late as the LA for the conditional percentiles."""

LOWER, MEDIAN, UPPER = 0.1, 0.5, 0.9
"""Percentiles of lateness used for the window (an 80% interval) and the expected day."""


def _check_sorted(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, int) for v in value):
        raise ValidationError("lateness_days", value, "a tuple of int")
    if list(value) != sorted(value):
        raise ValidationError("lateness_days", value, "values sorted in ascending order")


@attrs.frozen
class LatenessSample:
    """The observed lateness of one route's inspections, sorted, in days of routine inspection.

    Args:
        group: the route.
        lateness_days: real start minus the written expected day, sorted ascending.
        lookback_months: how far back from the cut-off the inspections were taken (None: all).
    """

    group: RouteGroup
    lateness_days: tuple[int, ...] = attrs.field(validator=_check_sorted)
    lookback_months: int | None

    @property
    def n(self) -> int:
        """How many inspections the sample holds."""
        return len(self.lateness_days)

    def beyond(self, days: int) -> tuple[int, ...]:
        """The values greater than ``days``: inspections later than the LA already is."""
        return tuple(v for v in self.lateness_days if v > days)


def quantile(values: tuple[int, ...], p: float) -> int:
    """The ``p``-quantile of sorted ``values``: the smallest value with at least ``p`` at or below.

    The inverse of the empirical distribution function (Hyndman and Fan's type 1), so the
    result is always one of the observed values.

    >>> quantile((1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.1), quantile((1, 2, 3, 4), 0.5)
    (1, 2)

    Raises:
        ValidationError: ``values`` is empty or ``p`` is outside [0, 1].
    """
    if not values:
        raise ValidationError("values", values, "at least one value")
    if not 0.0 <= p <= 1.0:
        raise ValidationError("p", p, "a probability from 0 to 1")
    index = max(math.ceil(p * len(values)) - 1, 0)
    return values[index]


CALIBRATION_SOURCE = Source(
    "Observed lateness of graded inspections: Ofsted's LA inspection outcomes to 31 March 2024 "
    "merged with the inspection reports (shared/data/inspections-2013-2024.csv)",
    refs.STATS_2024.url,
    Evidence.D,
    dt.date(2024, 3, 31),
    note="An empirical regularity of how late inspections ran, not a published rule.",
)


@attrs.frozen
class Calibration:
    """The empirical calibration of the graded-inspection windows, with its provenance.

    Args:
        cut_off: the last day of data used; nothing after it was seen.
        data_file: the file it was computed from.
        method: how, in words.
        generator: the function (and script) that recomputes it.
        samples: one :class:`LatenessSample` per calibrated route.
        lower, median, upper: the percentiles used for the window and the expected day.
        min_events: fewest inspections for a route to be calibrated.
        min_conditional: fewest inspections at least as late as the LA.
        sources: where the data come from.
    """

    cut_off: dt.date
    data_file: str
    method: str
    generator: str
    samples: tuple[LatenessSample, ...]
    lower: float = LOWER
    median: float = MEDIAN
    upper: float = UPPER
    min_events: int = MIN_EVENTS
    min_conditional: int = MIN_CONDITIONAL
    sources: tuple[Source, ...] = (CALIBRATION_SOURCE,)

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.lower <= self.median <= self.upper <= 1.0:
            raise ValidationError(
                "lower, median, upper",
                (self.lower, self.median, self.upper),
                "probabilities with 0 <= lower <= median <= upper <= 1",
            )

    def sample_for(self, group: RouteGroup) -> LatenessSample | None:
        """The route's sample if it holds at least ``min_events`` inspections, else None."""
        found = next((s for s in self.samples if s.group is group), None)
        return found if found is not None and found.n >= self.min_events else None


METHOD = (
    "For every pair of consecutive graded inspections of an LA (and the first inspection of an "
    "LA created by reorganisation, counted from its creation), lateness = first day of the "
    "later inspection minus the written rule's expected day, in days of routine inspection "
    "(national pauses not counted). Per route, the inspections that took place in the 12 "
    "months to the cut-off (24, 36 or all months when fewer than MIN_EVENTS), sorted."
)

# BEGIN GENERATED by benchmarks/calibrate.py --write: do not edit by hand.
# fmt: off
CALIBRATION = Calibration(
    cut_off=dt.date(2024, 3, 31),
    data_file="shared/data/inspections-2013-2024.csv",
    method=METHOD,
    generator="ilacs.scheduling.calibrate.calibrate (benchmarks/calibrate.py)",
    samples=(
        LatenessSample(
            RouteGroup.SHORT,
            (
                -282, -192, -171, -129, -73, -3, 32, 67, 88, 151, 158, 172,
                179, 193, 207, 277, 319, 326, 333, 347, 361, 417, 424, 480,
            ),
            12,
        ),
        LatenessSample(
            RouteGroup.STANDARD,
            (
                -353, -220, -94, -87, -73, -45, -38, 18, 228, 263,
            ),
            12,
        ),
        LatenessSample(
            RouteGroup.REINSPECTION,
            (
                -283, -80, -37, -21, 48, 63, 67, 114, 179, 186, 195, 253,
                332,
            ),
            24,
        ),
        LatenessSample(
            RouteGroup.NEW_LA,
            (
                -738, -718, -718, -668,
            ),
            None,
        ),
    ),
)
# fmt: on
# END GENERATED
"""The calibration shipped with the library: all data to 31 March 2024."""

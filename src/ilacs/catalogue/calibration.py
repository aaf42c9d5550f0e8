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

The calibration also holds the *queue* at the cut-off (:class:`Queue`): the LAs then awaiting
their next graded inspection with their written expected days, how many graded inspections
Ofsted carried out in the year before, and how far real starts strayed from the day the queue
gave at earlier monthly cut-offs (:class:`ResidualBand`, by how far ahead the turn was). Ofsted
works through LAs roughly in the order they are due, so an LA's place in the queue, at the pace
of the last year, says when its turn comes (see :mod:`ilacs.scheduling.queue`). A forecast made
on or shortly after the cut-off uses it; others use the lateness of their route.

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
    "DAYS_PER_MONTH",
    "LOOKBACK_MONTHS",
    "LOWER",
    "MEDIAN",
    "MIN_CONDITIONAL",
    "MIN_EVENTS",
    "QUEUE_COMPLETE_SHARE",
    "QUEUE_LEAD_EDGES",
    "QUEUE_LEVELS",
    "QUEUE_LOWER",
    "QUEUE_MIN_BAND",
    "QUEUE_REACH_DAYS",
    "QUEUE_UPPER",
    "THROUGHPUT_DAYS",
    "UPPER",
    "Calibration",
    "LatenessSample",
    "Queue",
    "QueueEntry",
    "ResidualBand",
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


DAYS_PER_MONTH = 365.25 / 12
"""The mean length of a month in days, used only to put day counts into words ("about 8 months")."""

THROUGHPUT_DAYS = 365
"""The pace of the queue: graded inspections in this many days of routine inspection to the cut-off."""

QUEUE_REACH_DAYS = 92
"""How many days after the cut-off a forecast may still rank an LA in the stored queue.

Further on, LAs inspected since the cut-off are unknown to a one-LA forecast, so the lateness of
the route is used instead, and the reasons say so. Before the cut-off the queue would use data
the forecast's date did not have, so it is not used either.
"""

QUEUE_LEAD_EDGES: tuple[int, ...] = (182, 365, 548, 730)
"""Bands of how far ahead an LA's turn is (days of routine inspection): under 6 months, 6 to 12,
12 to 18, 18 to 24 and over 24 months. Real starts strayed further the further ahead the turn."""

QUEUE_LEVELS: tuple[float, ...] = tuple(i / 40 for i in range(1, 40))
"""The percentiles stored for each band: 2.5%, 5%, ..., 97.5%."""

QUEUE_LOWER, QUEUE_UPPER = 0.05, 0.95
"""The percentiles of the band used for the queue's window.

A 90% band of the residuals at earlier cut-offs, because later starts strayed further than
earlier ones had: in the back-test (``benchmarks/backtest.py --curve``) this band held about 80%
of real starts after the COVID-19 pause, and the 10th to 90th percentiles only about 66%. The
choice was made on that back-test, so its figures are in-sample for it (see
``docs/scheduling.md``).
"""

QUEUE_MIN_BAND = 20
"""Fewest LA-cut-off observations for a band to be used; below it the route's lateness is used."""

QUEUE_COMPLETE_SHARE = 0.9
"""Earlier cut-offs are used while the queue then held at least this share of the LAs awaiting
inspection at the cut-off (the data begin in November 2013, so the first queues are partial)."""


def _on_grid(p: float) -> int | None:
    found = [i for i, level in enumerate(QUEUE_LEVELS) if abs(level - p) < 1e-9]
    return found[0] if found else None


def _check_levels(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not isinstance(value, float) or _on_grid(value) is None:
        raise ValidationError(
            attribute.name, value, "one of the stored percentiles 0.025, 0.05, ..., 0.975"
        )


@attrs.frozen
class QueueEntry:
    """An LA awaiting its next graded inspection at the cut-off, and when it was due.

    Args:
        la_code: the LA's code.
        la_name: the LA's name.
        due: the written rule's expected day of its next graded inspection (pauses counted).
        group: its route.
    """

    la_code: str
    la_name: str
    due: dt.date
    group: RouteGroup


def _check_percentiles(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or len(value) != len(QUEUE_LEVELS)
        or not all(v is None or isinstance(v, int) for v in value)
    ):
        raise ValidationError(
            "percentiles", value, f"a tuple of {len(QUEUE_LEVELS)} int or None values"
        )
    known = [v for v in value if v is not None]
    if known != sorted(known) or value[len(known) :] != (None,) * (len(value) - len(known)):
        raise ValidationError(
            "percentiles", value, "ascending values, unknown (None) only at the top"
        )


@attrs.frozen
class ResidualBand:
    """How far real starts strayed from the day the queue gave, for turns this far ahead.

    Residual: the real first day minus the day the queue gave, in days of routine inspection
    (positive: later). Estimated with the Kaplan-Meier product-limit estimator, since LAs not
    yet inspected at the cut-off are known only to start later than it.

    Args:
        lead_from: the band's first lead (days of routine inspection from the cut-off to the
            day the queue gave).
        lead_to: the band's end (exclusive); None for no end.
        n: observations (an LA awaiting inspection at an earlier cut-off).
        inspected: how many of them were inspected by the cut-off (the rest were still waiting).
        percentiles: the residual at each of :data:`QUEUE_LEVELS`; None where too few were
            inspected yet to know it.
    """

    lead_from: int
    lead_to: int | None
    n: int
    inspected: int
    percentiles: tuple[int | None, ...] = attrs.field(validator=_check_percentiles)

    def holds(self, lead: int) -> bool:
        """True when ``lead`` falls in this band."""
        return lead >= self.lead_from and (self.lead_to is None or lead < self.lead_to)

    def at(self, p: float) -> int | None:
        """The residual at percentile ``p`` (one of :data:`QUEUE_LEVELS`), or None if unknown.

        Raises:
            ValidationError: ``p`` is not one of the stored percentiles.
        """
        index = _on_grid(p)
        if index is None:
            raise ValidationError("p", p, "one of the stored percentiles 0.025, 0.05, ..., 0.975")
        return self.percentiles[index]

    @property
    def label(self) -> str:
        """The band in words: "6 to 12 months ahead"."""
        low = round(self.lead_from / DAYS_PER_MONTH)
        if self.lead_to is None:
            return f"more than {low} months ahead"
        high = round(self.lead_to / DAYS_PER_MONTH)
        return f"under {high} months ahead" if low == 0 else f"{low} to {high} months ahead"


def _check_entries(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(e, QueueEntry) for e in value):
        raise ValidationError("entries", value, "a tuple of QueueEntry")
    keys = [(e.due, e.la_code) for e in value]
    if keys != sorted(keys) or len({e.la_code for e in value}) != len(value):
        raise ValidationError(
            "entries", [e.la_code for e in value], "one entry per LA, sorted by due day then code"
        )


@attrs.frozen
class Queue:
    """The LAs awaiting their next graded inspection at a cut-off, the pace, and the spread.

    Args:
        inspections: graded inspections that started in the :data:`THROUGHPUT_DAYS` days of
            routine inspection up to the cut-off.
        days: those days (:data:`THROUGHPUT_DAYS`).
        counted_from: the first calendar day of that period.
        entries: the LAs awaiting inspection at the cut-off, sorted by due day then code.
        bands: the residual bands, by lead.
        cut_offs: how many earlier monthly cut-offs the bands were estimated from.
        first_cut_off: the earliest of them.
        lower, median, upper: the percentiles used for the window and the expected day.
        reach_days: how long after the cut-off a forecast may use the queue.
        min_band: fewest observations for a band to be used.

    Raises:
        ValidationError: ``inspections`` or ``days`` is not positive, a percentile is not one of
            :data:`QUEUE_LEVELS` or they are out of order, or the entries are not sorted.
    """

    inspections: int
    days: int
    counted_from: dt.date
    entries: tuple[QueueEntry, ...] = attrs.field(validator=_check_entries)
    bands: tuple[ResidualBand, ...]
    cut_offs: int
    first_cut_off: dt.date | None
    lower: float = attrs.field(default=QUEUE_LOWER, validator=_check_levels)
    median: float = attrs.field(default=0.5, validator=_check_levels)
    upper: float = attrs.field(default=QUEUE_UPPER, validator=_check_levels)
    reach_days: int = QUEUE_REACH_DAYS
    min_band: int = QUEUE_MIN_BAND

    def __attrs_post_init__(self) -> None:
        if self.inspections <= 0 or self.days <= 0:
            raise ValidationError(
                "inspections, days", (self.inspections, self.days), "positive counts"
            )
        if not self.lower <= self.median <= self.upper:
            raise ValidationError(
                "lower, median, upper",
                (self.lower, self.median, self.upper),
                "percentiles with lower <= median <= upper",
            )

    @property
    def days_per_inspection(self) -> float:
        """Days of routine inspection per graded inspection at the recent pace."""
        return self.days / self.inspections

    def band_for(self, lead: int) -> ResidualBand | None:
        """The band holding ``lead``, if any."""
        return next((b for b in self.bands if b.holds(lead)), None)

    def rank(self, la_code: str, due: dt.date) -> int:
        """How many other LAs of the queue were due before an LA of ``la_code`` due on ``due``.

        Ties on the due day are ordered by code; the LA's own entry is never counted.
        """
        return sum(
            1 for e in self.entries if e.la_code != la_code and (e.due, e.la_code) < (due, la_code)
        )


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
        queue: the queue at the cut-off (None: not computed, the route's lateness is used).
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
    queue: Queue | None = None

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
    queue=Queue(
        inspections=36,
        days=365,
        counted_from=dt.date(2023, 4, 2),
        entries=(
            QueueEntry("E10000008", "Devon", dt.date(2023, 4, 20), RouteGroup.REINSPECTION),
            QueueEntry("E08000004", "Oldham", dt.date(2023, 7, 27), RouteGroup.STANDARD),
            QueueEntry("E09000031", "Waltham Forest", dt.date(2023, 8, 3), RouteGroup.SHORT),
            QueueEntry("E06000025", "South Gloucestershire", dt.date(2023, 9, 7), RouteGroup.STANDARD),
            QueueEntry("E09000010", "Enfield", dt.date(2023, 9, 7), RouteGroup.SHORT),
            QueueEntry("E06000050", "Cheshire West and Chester", dt.date(2023, 9, 21), RouteGroup.SHORT),
            QueueEntry("E06000012", "North East Lincolnshire", dt.date(2023, 10, 6), RouteGroup.REINSPECTION),
            QueueEntry("E10000029", "Suffolk", dt.date(2023, 10, 12), RouteGroup.SHORT),
            QueueEntry("E08000002", "Bury", dt.date(2023, 10, 27), RouteGroup.REINSPECTION),
            QueueEntry("E08000037", "Gateshead", dt.date(2023, 11, 2), RouteGroup.SHORT),
            QueueEntry("E09000026", "Redbridge", dt.date(2023, 11, 2), RouteGroup.SHORT),
            QueueEntry("E10000014", "Hampshire", dt.date(2023, 11, 2), RouteGroup.SHORT),
            QueueEntry("E09000003", "Barnet", dt.date(2023, 11, 16), RouteGroup.SHORT),
            QueueEntry("E08000034", "Kirklees", dt.date(2023, 12, 14), RouteGroup.STANDARD),
            QueueEntry("E09000030", "Tower Hamlets", dt.date(2023, 12, 14), RouteGroup.SHORT),
            QueueEntry("E06000058", "Bournemouth, Christchurch & Poole", dt.date(2023, 12, 22), RouteGroup.REINSPECTION),
            QueueEntry("E06000007", "Warrington", dt.date(2024, 1, 11), RouteGroup.SHORT),
            QueueEntry("E06000033", "Southend-on-Sea", dt.date(2024, 1, 18), RouteGroup.STANDARD),
            QueueEntry("E08000014", "Sefton", dt.date(2024, 3, 14), RouteGroup.REINSPECTION),
            QueueEntry("E09000020", "Kensington and Chelsea", dt.date(2024, 3, 14), RouteGroup.SHORT),
            QueueEntry("E09000033", "Westminster", dt.date(2024, 3, 14), RouteGroup.SHORT),
            QueueEntry("E06000038", "Reading", dt.date(2024, 3, 21), RouteGroup.STANDARD),
            QueueEntry("E10000018", "Leicestershire", dt.date(2024, 3, 28), RouteGroup.STANDARD),
            QueueEntry("E10000024", "Nottinghamshire", dt.date(2024, 4, 11), RouteGroup.SHORT),
            QueueEntry("E06000052", "Cornwall", dt.date(2024, 4, 18), RouteGroup.SHORT),
            QueueEntry("E09000021", "Kingston upon Thames", dt.date(2024, 4, 25), RouteGroup.SHORT),
            QueueEntry("E09000009", "Ealing", dt.date(2024, 5, 9), RouteGroup.STANDARD),
            QueueEntry("E06000034", "Thurrock", dt.date(2024, 5, 16), RouteGroup.SHORT),
            QueueEntry("E09000012", "Hackney", dt.date(2024, 5, 16), RouteGroup.STANDARD),
            QueueEntry("E09000011", "Greenwich", dt.date(2024, 6, 13), RouteGroup.SHORT),
            QueueEntry("E06000018", "Nottingham", dt.date(2024, 7, 10), RouteGroup.REINSPECTION),
            QueueEntry("E06000040", "Windsor and Maidenhead", dt.date(2024, 7, 18), RouteGroup.SHORT),
            QueueEntry("E06000020", "Telford & Wrekin", dt.date(2024, 7, 25), RouteGroup.SHORT),
            QueueEntry("E06000057", "Northumberland", dt.date(2024, 7, 25), RouteGroup.SHORT),
            QueueEntry("E06000019", "Herefordshire", dt.date(2024, 7, 27), RouteGroup.REINSPECTION),
            QueueEntry("E09000008", "Croydon", dt.date(2024, 8, 8), RouteGroup.SHORT),
            QueueEntry("E09000015", "Harrow", dt.date(2024, 8, 15), RouteGroup.SHORT),
            QueueEntry("E06000006", "Halton", dt.date(2024, 9, 4), RouteGroup.STANDARD),
            QueueEntry("E06000017", "Rutland", dt.date(2024, 9, 4), RouteGroup.STANDARD),
            QueueEntry("E09000001", "City of London", dt.date(2024, 9, 4), RouteGroup.SHORT),
            QueueEntry("E08000022", "North Tyneside", dt.date(2024, 9, 11), RouteGroup.SHORT),
            QueueEntry("E09000019", "Islington", dt.date(2024, 9, 11), RouteGroup.SHORT),
            QueueEntry("E06000016", "Leicester", dt.date(2024, 9, 20), RouteGroup.SHORT),
            QueueEntry("E08000024", "Sunderland", dt.date(2024, 9, 20), RouteGroup.SHORT),
            QueueEntry("E06000059", "Dorset", dt.date(2024, 9, 27), RouteGroup.SHORT),
            QueueEntry("E08000030", "Walsall", dt.date(2024, 10, 4), RouteGroup.SHORT),
            QueueEntry("E08000011", "Knowsley", dt.date(2024, 10, 11), RouteGroup.STANDARD),
            QueueEntry("E06000042", "Milton Keynes", dt.date(2024, 10, 25), RouteGroup.STANDARD),
            QueueEntry("E08000036", "Wakefield", dt.date(2024, 11, 8), RouteGroup.SHORT),
            QueueEntry("E06000055", "Bedford", dt.date(2024, 11, 15), RouteGroup.SHORT),
            QueueEntry("E10000031", "Warwickshire", dt.date(2024, 11, 22), RouteGroup.SHORT),
            QueueEntry("E08000029", "Solihull", dt.date(2024, 11, 23), RouteGroup.REINSPECTION),
            QueueEntry("E08000021", "Newcastle upon Tyne", dt.date(2024, 11, 29), RouteGroup.SHORT),
            QueueEntry("E06000060", "Buckinghamshire", dt.date(2024, 12, 6), RouteGroup.STANDARD),
            QueueEntry("E09000029", "Sutton", dt.date(2024, 12, 6), RouteGroup.SHORT),
            QueueEntry("E08000032", "Bradford", dt.date(2024, 12, 12), RouteGroup.REINSPECTION),
            QueueEntry("E06000056", "Central Bedfordshire", dt.date(2025, 1, 17), RouteGroup.SHORT),
            QueueEntry("E10000030", "Surrey", dt.date(2025, 1, 17), RouteGroup.STANDARD),
            QueueEntry("E06000008", "Blackburn with Darwen", dt.date(2025, 1, 24), RouteGroup.STANDARD),
            QueueEntry("E09000027", "Richmond upon Thames", dt.date(2025, 1, 31), RouteGroup.SHORT),
            QueueEntry("E06000051", "Shropshire", dt.date(2025, 2, 7), RouteGroup.SHORT),
            QueueEntry("E10000013", "Gloucestershire", dt.date(2025, 2, 7), RouteGroup.STANDARD),
            QueueEntry("E08000017", "Doncaster", dt.date(2025, 2, 14), RouteGroup.STANDARD),
            QueueEntry("E08000035", "Leeds", dt.date(2025, 2, 21), RouteGroup.SHORT),
            QueueEntry("E06000022", "Bath and North East Somerset", dt.date(2025, 2, 28), RouteGroup.SHORT),
            QueueEntry("E09000024", "Merton", dt.date(2025, 2, 28), RouteGroup.SHORT),
            QueueEntry("E06000014", "York", dt.date(2025, 3, 7), RouteGroup.STANDARD),
            QueueEntry("E06000037", "West Berkshire", dt.date(2025, 3, 14), RouteGroup.SHORT),
            QueueEntry("E08000023", "South Tyneside", dt.date(2025, 3, 14), RouteGroup.REINSPECTION),
            QueueEntry("E06000015", "Derby", dt.date(2025, 3, 21), RouteGroup.SHORT),
            QueueEntry("E06000027", "Torbay", dt.date(2025, 3, 21), RouteGroup.SHORT),
            QueueEntry("E08000003", "Manchester", dt.date(2025, 3, 21), RouteGroup.SHORT),
            QueueEntry("E08000007", "Stockport", dt.date(2025, 3, 28), RouteGroup.SHORT),
            QueueEntry("E08000031", "Wolverhampton", dt.date(2025, 3, 28), RouteGroup.SHORT),
            QueueEntry("E08000012", "Liverpool", dt.date(2025, 4, 2), RouteGroup.REINSPECTION),
            QueueEntry("E09000007", "Camden", dt.date(2025, 4, 25), RouteGroup.SHORT),
            QueueEntry("E06000047", "Durham", dt.date(2025, 5, 9), RouteGroup.SHORT),
            QueueEntry("E08000010", "Wigan", dt.date(2025, 5, 9), RouteGroup.STANDARD),
            QueueEntry("E08000028", "Sandwell", dt.date(2025, 5, 9), RouteGroup.STANDARD),
            QueueEntry("E10000016", "Kent", dt.date(2025, 5, 9), RouteGroup.SHORT),
            QueueEntry("E06000036", "Bracknell Forest", dt.date(2025, 6, 13), RouteGroup.SHORT),
            QueueEntry("E06000003", "Redcar and Cleveland", dt.date(2025, 6, 20), RouteGroup.STANDARD),
            QueueEntry("E08000026", "Coventry", dt.date(2025, 6, 20), RouteGroup.SHORT),
            QueueEntry("E08000018", "Rotherham", dt.date(2025, 6, 27), RouteGroup.SHORT),
            QueueEntry("E06000053", "Isles of Scilly", dt.date(2025, 7, 1), RouteGroup.REINSPECTION),
            QueueEntry("E06000032", "Luton", dt.date(2025, 7, 11), RouteGroup.STANDARD),
            QueueEntry("E06000030", "Swindon", dt.date(2025, 7, 15), RouteGroup.REINSPECTION),
            QueueEntry("E06000066", "Somerset", dt.date(2025, 7, 18), RouteGroup.SHORT),
            QueueEntry("E09000025", "Newham", dt.date(2025, 7, 18), RouteGroup.SHORT),
            QueueEntry("E09000028", "Southwark", dt.date(2025, 9, 26), RouteGroup.SHORT),
            QueueEntry("E06000021", "Stoke-on-Trent", dt.date(2025, 10, 3), RouteGroup.STANDARD),
            QueueEntry("E06000061", "North Northamptonshire", dt.date(2025, 10, 3), RouteGroup.STANDARD),
            QueueEntry("E06000062", "West Northamptonshire", dt.date(2025, 10, 3), RouteGroup.STANDARD),
            QueueEntry("E06000005", "Darlington", dt.date(2025, 10, 10), RouteGroup.SHORT),
            QueueEntry("E06000013", "North Lincolnshire", dt.date(2025, 10, 10), RouteGroup.SHORT),
            QueueEntry("E09000022", "Lambeth", dt.date(2025, 10, 24), RouteGroup.STANDARD),
            QueueEntry("E08000027", "Dudley", dt.date(2025, 10, 31), RouteGroup.STANDARD),
            QueueEntry("E09000032", "Wandsworth", dt.date(2025, 11, 7), RouteGroup.SHORT),
            QueueEntry("E10000020", "Norfolk", dt.date(2025, 11, 7), RouteGroup.SHORT),
            QueueEntry("E06000010", "Kingston upon Hull", dt.date(2025, 11, 14), RouteGroup.STANDARD),
            QueueEntry("E08000009", "Trafford", dt.date(2025, 11, 21), RouteGroup.STANDARD),
            QueueEntry("E10000017", "Lancashire", dt.date(2025, 11, 28), RouteGroup.SHORT),
            QueueEntry("E06000009", "Blackpool", dt.date(2025, 12, 5), RouteGroup.STANDARD),
            QueueEntry("E06000031", "Peterborough", dt.date(2025, 12, 7), RouteGroup.REINSPECTION),
            QueueEntry("E08000008", "Tameside", dt.date(2025, 12, 21), RouteGroup.REINSPECTION),
            QueueEntry("E09000016", "Havering", dt.date(2025, 12, 27), RouteGroup.REINSPECTION),
            QueueEntry("E06000023", "Bristol", dt.date(2026, 1, 16), RouteGroup.STANDARD),
            QueueEntry("E06000039", "Slough", dt.date(2026, 1, 23), RouteGroup.STANDARD),
            QueueEntry("E08000005", "Rochdale", dt.date(2026, 1, 23), RouteGroup.STANDARD),
            QueueEntry("E10000015", "Hertfordshire", dt.date(2026, 1, 23), RouteGroup.SHORT),
            QueueEntry("E06000011", "East Riding of Yorkshire", dt.date(2026, 1, 30), RouteGroup.SHORT),
            QueueEntry("E09000004", "Bexley", dt.date(2026, 2, 6), RouteGroup.SHORT),
            QueueEntry("E09000014", "Haringey", dt.date(2026, 2, 13), RouteGroup.SHORT),
            QueueEntry("E08000025", "Birmingham", dt.date(2026, 2, 20), RouteGroup.SHORT),
            QueueEntry("E09000005", "Brent", dt.date(2026, 2, 20), RouteGroup.SHORT),
            QueueEntry("E06000004", "Stockton-on-Tees", dt.date(2026, 3, 6), RouteGroup.STANDARD),
            QueueEntry("E06000041", "Wokingham", dt.date(2026, 3, 6), RouteGroup.STANDARD),
            QueueEntry("E06000002", "Middlesbrough", dt.date(2026, 3, 13), RouteGroup.STANDARD),
            QueueEntry("E06000024", "North Somerset", dt.date(2026, 3, 13), RouteGroup.STANDARD),
            QueueEntry("E10000032", "West Sussex", dt.date(2026, 3, 13), RouteGroup.STANDARD),
            QueueEntry("E06000049", "Cheshire East", dt.date(2026, 3, 20), RouteGroup.REINSPECTION),
            QueueEntry("E06000063", "Cumberland", dt.date(2026, 4, 1), RouteGroup.NEW_LA),
            QueueEntry("E06000064", "Westmorland and Furness", dt.date(2026, 4, 1), RouteGroup.NEW_LA),
            QueueEntry("E10000019", "Lincolnshire", dt.date(2026, 4, 24), RouteGroup.SHORT),
            QueueEntry("E06000044", "Portsmouth", dt.date(2026, 5, 15), RouteGroup.SHORT),
            QueueEntry("E10000034", "Worcestershire", dt.date(2026, 5, 15), RouteGroup.SHORT),
            QueueEntry("E06000045", "Southampton", dt.date(2026, 6, 5), RouteGroup.SHORT),
            QueueEntry("E10000012", "Essex", dt.date(2026, 6, 26), RouteGroup.SHORT),
            QueueEntry("E06000065", "North Yorkshire", dt.date(2026, 7, 3), RouteGroup.SHORT),
            QueueEntry("E08000013", "St Helens", dt.date(2026, 7, 10), RouteGroup.SHORT),
            QueueEntry("E09000002", "Barking and Dagenham", dt.date(2026, 7, 10), RouteGroup.STANDARD),
            QueueEntry("E06000035", "Medway", dt.date(2026, 7, 17), RouteGroup.SHORT),
            QueueEntry("E08000001", "Bolton", dt.date(2026, 9, 11), RouteGroup.SHORT),
            QueueEntry("E08000016", "Barnsley", dt.date(2026, 9, 11), RouteGroup.SHORT),
            QueueEntry("E08000019", "Sheffield", dt.date(2026, 9, 11), RouteGroup.SHORT),
            QueueEntry("E08000015", "Wirral", dt.date(2026, 9, 18), RouteGroup.STANDARD),
            QueueEntry("E06000054", "Wiltshire", dt.date(2026, 9, 25), RouteGroup.SHORT),
            QueueEntry("E09000017", "Hillingdon", dt.date(2026, 10, 2), RouteGroup.SHORT),
            QueueEntry("E09000018", "Hounslow", dt.date(2026, 10, 16), RouteGroup.SHORT),
            QueueEntry("E06000046", "Isle of Wight", dt.date(2026, 10, 30), RouteGroup.SHORT),
            QueueEntry("E10000007", "Derbyshire", dt.date(2026, 10, 30), RouteGroup.SHORT),
            QueueEntry("E08000006", "Salford", dt.date(2026, 11, 6), RouteGroup.SHORT),
            QueueEntry("E10000028", "Staffordshire", dt.date(2026, 11, 6), RouteGroup.STANDARD),
            QueueEntry("E09000006", "Bromley", dt.date(2026, 11, 13), RouteGroup.SHORT),
            QueueEntry("E09000023", "Lewisham", dt.date(2026, 12, 4), RouteGroup.SHORT),
            QueueEntry("E10000011", "East Sussex", dt.date(2026, 12, 11), RouteGroup.SHORT),
            QueueEntry("E06000026", "Plymouth", dt.date(2027, 1, 22), RouteGroup.STANDARD),
            QueueEntry("E10000025", "Oxfordshire", dt.date(2027, 2, 12), RouteGroup.SHORT),
            QueueEntry("E08000033", "Calderdale", dt.date(2027, 2, 19), RouteGroup.SHORT),
            QueueEntry("E10000003", "Cambridgeshire", dt.date(2027, 3, 4), RouteGroup.STANDARD),
            QueueEntry("E06000043", "Brighton and Hove", dt.date(2027, 3, 11), RouteGroup.SHORT),
            QueueEntry("E09000013", "Hammersmith & Fulham", dt.date(2027, 3, 11), RouteGroup.SHORT),
            QueueEntry("E06000001", "Hartlepool", dt.date(2027, 3, 18), RouteGroup.SHORT),
        ),
        bands=(
            ResidualBand(0, 182, 1991, 1896, (
                -113, -98, -84, -75, -60, -51, -42, -26, -18, -12,
                -2, 7, 13, 19, 28, 32, 36, 42, 49, 59,
                72, 83, 98, 107, 118, 124, 134, 139, 145, 164,
                176, 187, 200, 219, 236, 268, 291, 346, 425,
            )),
            ResidualBand(182, 365, 2045, 1769, (
                -254, -211, -193, -181, -161, -143, -125, -114, -103, -85,
                -75, -65, -50, -30, -17, -11, 8, 22, 35, 48,
                59, 70, 86, 95, 103, 123, 141, 156, 172, 192,
                199, 205, 214, 230, 270, 318, 363, 393, 472,
            )),
            ResidualBand(365, 548, 2045, 1552, (
                -358, -289, -247, -220, -202, -169, -151, -131, -120, -104,
                -92, -66, -42, -30, -15, -2, 16, 32, 43, 52,
                65, 87, 117, 137, 149, 164, 183, 208, 231, 246,
                279, 294, 326, 347, 373, 392, 418, 459, 471,
            )),
            ResidualBand(548, 730, 1991, 1175, (
                -548, -401, -313, -267, -247, -215, -182, -172, -150, -126,
                -107, -92, -75, -62, -40, -22, 2, 16, 33, 46,
                64, 86, 110, 142, 163, 203, 211, 241, 293, 304,
                316, 322, 322, 332, 350, 362, 390, 423, 454,
            )),
            ResidualBand(730, None, 4344, 2153, (
                -650, -571, -525, -464, -414, -389, -362, -329, -295, -270,
                -250, -222, -199, -179, -159, -142, -118, -92, -75, -55,
                -34, -12, 2, 17, 40, 67, 97, 109, 135, 166,
                190, 220, 251, 278, 296, 311, 330, 357, 404,
            )),
        ),
        cut_offs=82,
        first_cut_off=dt.date(2017, 5, 31),
    ),
)
# fmt: on
# END GENERATED
"""The calibration shipped with the library: all data to 31 March 2024."""

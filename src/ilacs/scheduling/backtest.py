"""Back-test the graded-inspection windows against what really happened.

From each origin, every LA that exists then is forecast from its history known at the origin
(events started on or before it), with the rules re-calibrated from the data known at the
origin only (:func:`~ilacs.scheduling.calibrate.calibrate` at the origin: the queue of LAs
awaiting inspection and the routes' lateness); the window is compared with the first day of the
LA's real next graded inspection after the origin. The same LAs are scored for the library
without its queue ("lateness only", the method used before the queue), for the written rules
alone and for the baseline "last start + 3 years ± 6 months".

Scores, per model:

- coverage: the share of forecasts whose window holds the real start;
- median width of the windows, in days;
- mean interval score of an 80% interval: ``width + (2 / 0.2) x days outside the window``.

A window that closed before the end of the data with no inspection is a miss, scored as if the
inspection started on the last day of the data (so its score is a lower bound). A forecast whose
real next inspection is unknown and whose window is still open at the end of the data is left
out (and counted). An LA replaced by reorganisation (Bournemouth, Poole, Dorset county,
Northamptonshire, Cumbria) whose own history has no later inspection is scored against its
successors' first graded inspection (counted as linked); LAs that do not exist at an origin are
not forecast.

``pauses="known"`` uses only what was known of national pauses at each origin (a pause under
way is assumed to end the day after the origin); ``pauses="catalogue"`` uses the catalogue's
pause dates, known only with hindsight for origins before September 2021.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs
from dateutil.relativedelta import relativedelta

from ilacs.catalogue.cadence import CYCLE, CycleRule, Pause
from ilacs.catalogue.reorganisations import new_authority, replaced_by, replaced_on
from ilacs.errors import ValidationError
from ilacs.records import History, Inspection, histories
from ilacs.scheduling.calibrate import calibrate
from ilacs.scheduling.graded import next_inspection
from ilacs.scheduling.records import Window
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules

__all__ = [
    "ALPHA",
    "BASELINE",
    "MODELS",
    "Backtest",
    "Score",
    "backtest",
    "half_yearly",
    "known_pauses",
]

ALPHA = 0.2
"""The interval score is that of an 80% interval: misses cost ``2 / ALPHA`` = 10 per day."""

BASELINE: CycleRule = CYCLE
"""The baseline's cycle: the catalogue's (3 years ± 6 months from the last start), whatever the
``rules`` given to :func:`backtest` say, so that every model is compared with the same yardstick."""

MODELS = ("library", "lateness only", "written rules", "baseline")
"""The models scored: the library (queue, else lateness), the library without its queue (the
route's lateness only, the method before the queue), the written rules alone, the baseline."""


@attrs.frozen
class Score:
    """The scores of one model over all origins."""

    model: str
    n: int
    covered: int
    left_out: int
    closed_misses: int
    median_width: float
    mean_interval_score: float

    @property
    def coverage(self) -> float:
        """The share of scored forecasts whose window held the real start."""
        return self.covered / self.n if self.n else 0.0


@attrs.frozen
class Backtest:
    """The result of :func:`backtest`."""

    origins: tuple[dt.date, ...]
    end: dt.date
    pauses: str
    scores: tuple[Score, ...]
    linked: int
    """Forecasts of replaced LAs scored against their successors' first inspection."""
    not_existing: int
    """(LA, origin) pairs skipped because the LA did not exist at the origin."""
    no_route: int
    """(LA, origin) pairs skipped because the LA had no route: no graded inspection by the origin
    (and not a new LA), or a last one graded on the pre-2013 scale or without its overall grade."""

    def score(self, model: str) -> Score:
        """The score of ``model`` (one of :data:`MODELS`)."""
        return next(s for s in self.scores if s.model == model)


_NO_ROUTE_FIELDS = ("history", "judgements")
"""The fields a :class:`ValidationError` of ``next_inspection`` names when the LA has no route."""


def half_yearly(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """Origins every six months from ``first`` to ``last`` inclusive."""
    out: list[dt.date] = []
    day = first
    while day <= last:
        out.append(day)
        day = first + relativedelta(months=6 * len(out))
    return tuple(out)


def known_pauses(pauses: tuple[Pause, ...], origin: dt.date) -> tuple[Pause, ...]:
    """The pauses as known on ``origin``: started by then, one under way ending the next day."""
    out = []
    for pause in pauses:
        if pause.start > origin:
            continue
        if pause.resume > origin:
            pause = attrs.evolve(pause, resume=origin + dt.timedelta(days=1))
        out.append(pause)
    return tuple(out)


def _exists(history: History, origin: dt.date, rules: SchedulingRules) -> bool:
    created = new_authority(history.la_code, rules.reorganisations)
    if created is not None and origin < created.created:
        return False
    gone = replaced_on(history.la_code, rules.reorganisations)
    return gone is None or origin < gone


def _actual(
    history: History, origin: dt.date, every: dict[str, History], rules: SchedulingRules
) -> tuple[dt.date | None, bool]:
    """The real next graded start after ``origin``, and whether it is a successor's."""
    later = [e.date for e in history.graded() if e.date > origin]
    if later:
        return later[0], False
    firsts = [
        every[r.code].graded()[0].date
        for r in replaced_by(history.la_code, rules.reorganisations)
        if r.code in every and every[r.code].graded()
    ]
    return (min(firsts), True) if firsts else (None, False)


def _baseline(history: History, origin: dt.date, rules: SchedulingRules) -> Window:
    last = history.last_graded(origin)
    if last is not None:
        anchor = last.date
    else:
        created = new_authority(history.la_code, rules.reorganisations)
        assert created is not None
        anchor = created.created
    due = anchor + relativedelta(years=BASELINE.years)
    band = relativedelta(months=BASELINE.band_months)
    return Window(due - band, due, due + band)


def backtest(
    inspections: Iterable[Inspection],
    *,
    origins: Sequence[dt.date],
    end: dt.date,
    rules: SchedulingRules = DEFAULT_RULES,
    pauses: Literal["known", "catalogue"] = "known",
    levels: tuple[float, float] | None = None,
) -> Backtest:
    """Replay ``inspections`` from each origin and score the windows (see the module docstring).

    Args:
        inspections: the real inspections of every LA.
        origins: the days to forecast from.
        end: the last day of the data.
        rules: the rules to start from (its pauses and calibration are replaced per origin).
        pauses: "known" (pauses as known at each origin) or "catalogue" (with hindsight).
        levels: the queue's ``(lower, upper)`` percentiles to use instead of the calibration's
            (each one of :data:`~ilacs.catalogue.calibration.QUEUE_LEVELS`), to trace the
            trade-off between coverage and width.

    Raises:
        ValidationError: an origin is after ``end``, ``pauses`` is not a known mode, or a level
            is not a stored percentile.
    """
    if pauses not in ("known", "catalogue"):
        raise ValidationError("pauses", pauses, "'known' or 'catalogue'")
    for origin in origins:
        if origin > end:
            raise ValidationError("origins", origin.isoformat(), f"dates on or before {end}")
    items = [i for i in inspections if i.date <= end]
    every = histories(items)
    widths: dict[str, list[int]] = {m: [] for m in MODELS}
    scores: dict[str, list[float]] = {m: [] for m in MODELS}
    covered = dict.fromkeys(MODELS, 0)
    left = dict.fromkeys(MODELS, 0)
    closed = dict.fromkeys(MODELS, 0)
    linked = not_existing = no_route = 0
    penalty = 2 / ALPHA
    for origin in origins:
        known = [i for i in items if i.date <= origin]
        paused = known_pauses(rules.pauses, origin) if pauses == "known" else rules.pauses
        base_rules = attrs.evolve(rules, pauses=paused)
        calibration = calibrate(known, cut_off=origin, rules=base_rules)
        if levels is not None and calibration.queue is not None:
            lower, upper = levels
            queue = attrs.evolve(calibration.queue, lower=lower, upper=upper)
            calibration = attrs.evolve(calibration, queue=queue)
        library = attrs.evolve(base_rules, calibration=calibration)
        lateness = attrs.evolve(base_rules, calibration=attrs.evolve(calibration, queue=None))
        written = attrs.evolve(base_rules, calibration=None)
        for history in every.values():
            if not _exists(history, origin, rules):
                not_existing += 1
                continue
            try:
                forecasts = {
                    "library": next_inspection(history, as_of=origin, rules=library).window,
                    "lateness only": next_inspection(history, as_of=origin, rules=lateness).window,
                    "written rules": next_inspection(history, as_of=origin, rules=written).window,
                }
            except ValidationError as error:
                if error.field not in _NO_ROUTE_FIELDS:
                    raise
                no_route += 1
                continue
            forecasts["baseline"] = _baseline(history, origin, rules)
            actual, via_successor = _actual(history, origin, every, rules)
            linked += via_successor
            for model, window in forecasts.items():
                if actual is None and window.latest >= end:
                    left[model] += 1
                    continue
                day = actual if actual is not None else end
                inside = actual is not None and day in window
                outside = max((window.earliest - day).days, (day - window.latest).days, 0)
                covered[model] += inside
                closed[model] += actual is None
                widths[model].append(window.width_days)
                scores[model].append(window.width_days + penalty * outside)
    results = tuple(
        Score(
            model,
            len(scores[model]),
            covered[model],
            left[model],
            closed[model],
            statistics.median(widths[model]) if widths[model] else 0.0,
            statistics.fmean(scores[model]) if scores[model] else 0.0,
        )
        for model in MODELS
    )
    return Backtest(tuple(origins), end, pauses, results, linked, not_existing, no_route)

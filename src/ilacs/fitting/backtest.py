"""Measure forecasts against what happened: :func:`backtest`.

From each origin, every LA that exists then and has a route is forecast from its history known
at the origin (events started on or before it), and the window is compared with the first day
of its real next graded inspection. Models, side by side:

- ``national``: the library, with observed practice learnt at each origin from the data known
  then (:func:`~ilacs.fitting.calibrate` with the origin as cut-off): what a user with that
  day's national file would have got;
- ``shipped``: the library with one fixed calibration (the shipped one, fitted to 31 March
  2025: for earlier origins it knows what came later, so its scores there are in-sample);
- ``naive``: the last start + 3 years, ± 6 months;
- ``naive, overdue moved``: the same, but a window that closed before the origin becomes the
  next year (the day after the origin to a year on), as a person updating it by hand would.

Scores, per model and per group of LAs (all, each route, LAs judged inadequate):

- coverage: the share of forecasts whose window holds the real start;
- median width of the windows, in days;
- mean interval score of an 80% interval: ``width + (2 / 0.2) x days outside the window``.

A window that closed before the end of the data with no inspection is a miss, scored as if the
inspection started on the last day of the data (a lower bound). A forecast whose real next
inspection is unknown and whose window is still open at the end of the data is left out (and
counted). An LA replaced by reorganisation whose own history has no later inspection is scored
against its successors' first graded inspection.

National pauses are taken as known at each origin (:func:`known_pauses`): a pause under way is
assumed to end the day after the origin.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Sequence

import attrs
from dateutil.relativedelta import relativedelta

from ilacs.catalogue.cadence import CycleRule, Pause
from ilacs.catalogue.reorganisations import replaced_by
from ilacs.errors import ValidationError
from ilacs.fitting.calibrate import calibrate
from ilacs.records import History, Inspection, histories
from ilacs.scheduling.calibration import Calibration, RouteGroup
from ilacs.scheduling.graded import graded_forecast
from ilacs.scheduling.records import Window
from ilacs.scheduling.routes import absence_on, basis_of, known_history
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.written import cycle_window

__all__ = [
    "ALPHA",
    "GROUPS",
    "MODELS",
    "Backtest",
    "Score",
    "backtest",
    "known_pauses",
    "quarterly",
]

ALPHA = 0.2
"""The interval score is that of an 80% interval: misses cost ``2 / ALPHA`` = 10 per day."""

MODELS = ("national", "shipped", "naive", "naive, overdue moved")
"""The models scored, in the order printed."""

GROUPS = ("all", "inadequate", "short", "standard", "new LA")
"""The groups of LAs scored: all, then by route (inadequate: the re-inspection route)."""

_GROUP_OF = {
    RouteGroup.REINSPECTION: "inadequate",
    RouteGroup.SHORT: "short",
    RouteGroup.STANDARD: "standard",
    RouteGroup.NEW_LA: "new LA",
}


@attrs.frozen
class Score:
    """The scores of one model on one group of LAs over all origins."""

    model: str
    group: str
    n: int
    covered: int
    left_out: int
    misses_closed: int
    median_width: float
    mean_interval_score: float

    @property
    def coverage(self) -> float:
        """The share of scored forecasts whose window held the real start."""
        return self.covered / self.n if self.n else 0.0


@attrs.frozen
class Backtest:
    """The result of :func:`backtest`: the scores, and what was not scored."""

    origins: tuple[dt.date, ...]
    end: dt.date
    scores: tuple[Score, ...]
    linked: int
    """Forecasts of replaced LAs scored against their successors' first inspection."""
    not_existing: int
    """(LA, origin) pairs skipped because the LA did not exist at the origin."""
    no_route: int
    """(LA, origin) pairs skipped because the LA had no route at the origin."""

    def score(self, model: str, group: str = "all") -> Score:
        """The score of ``model`` (one of :data:`MODELS`) on ``group`` (one of :data:`GROUPS`)."""
        return next(s for s in self.scores if s.model == model and s.group == group)


def quarterly(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """Origins every three months from ``first`` to ``last`` inclusive."""
    out: list[dt.date] = []
    while (day := first + relativedelta(months=3 * len(out))) <= last:
        out.append(day)
    return tuple(out)


def known_pauses(pauses: Iterable[Pause], origin: dt.date) -> tuple[Pause, ...]:
    """The pauses as known on ``origin``: started by then, one under way ending the next day."""
    out = []
    for pause in pauses:
        if pause.start > origin:
            continue
        if pause.resume > origin:
            pause = attrs.evolve(pause, resume=origin + dt.timedelta(days=1))
        out.append(pause)
    return tuple(out)


def _actual(
    history: History, origin: dt.date, every: dict[str, History], rules: SchedulingRules
) -> tuple[dt.date | None, bool]:
    """The real next graded start after ``origin``, and whether it is a successor's."""
    later = [e.date for e in history.graded() if e.date > origin]
    if later:
        return later[0], False
    firsts = [
        every[r.la_code].graded()[0].date
        for r in replaced_by(history.la_code, rules.reorganisations)
        if r.la_code in every and every[r.la_code].graded()
    ]
    return (min(firsts), True) if firsts else (None, False)


def _naive(anchor: dt.date, origin: dt.date, cycle: CycleRule, *, moved: bool) -> Window:
    """Last start + the rules' cycle ± its band; with ``moved``, overdue becomes the year after
    ``origin`` (expected half-way)."""
    window = cycle_window(anchor, cycle)
    if moved and window.latest <= origin:
        half, year = relativedelta(months=6), relativedelta(years=1)
        return Window(origin + dt.timedelta(days=1), origin + half, origin + year)
    return window


def backtest(
    inspections: Iterable[Inspection],
    *,
    origins: Sequence[dt.date],
    end: dt.date,
    shipped: Calibration,
    rules: SchedulingRules = DEFAULT_RULES,
    fit: Callable[[list[Inspection], dt.date, SchedulingRules], Calibration] | None = None,
    levels: tuple[float, float, float] | None = None,
    learnt: dict[dt.date, Calibration] | None = None,
) -> Backtest:
    """Replay ``inspections`` from each origin and score the windows (see the module docstring).

    Args:
        inspections: the real inspections of every LA.
        origins: the days to forecast from.
        end: the last day of the data.
        shipped: the fixed calibration of the ``shipped`` model.
        rules: the written rules (their pauses are replaced by those known at each origin).
        fit: how to learn the ``national`` calibration at an origin (default
            :func:`~ilacs.fitting.calibrate` with the origin as cut-off), for trying other
            settings.
        levels: the window's shares to use instead of the calibrations' own (for the
            trade-off between coverage and width).
        learnt: national calibrations already learnt, by origin: used as they are, and those
            learnt here are added (so several runs learn each origin once).

    Raises:
        ValidationError: an origin is after ``end``.
    """
    for origin in origins:
        if origin > end:
            raise ValidationError("origins", origin.isoformat(), f"dates on or before {end}")
    learn = fit or (lambda known, origin, r: calibrate(known, cut_off=origin, rules=r))
    items = [i for i in inspections if i.date <= end]
    every = histories(items)
    results: dict[tuple[str, str], list[tuple[bool, int, float, bool]]] = {}
    left: dict[tuple[str, str], int] = {}
    linked = not_existing = no_route = 0
    penalty = 2 / ALPHA
    for origin in origins:
        known = [i for i in items if i.date <= origin]
        at_origin = attrs.evolve(rules, pauses=known_pauses(rules.pauses, origin))
        national = learnt.get(origin) if learnt is not None else None
        if national is None:
            national = learn(known, origin, at_origin)
            if learnt is not None:
                learnt[origin] = national
        calibrations = {"national": national, "shipped": shipped}
        if levels is not None:
            calibrations = {m: attrs.evolve(c, levels=levels) for m, c in calibrations.items()}
        for history in every.values():
            if absence_on(history.la_code, origin, rules.reorganisations) is not None:
                not_existing += 1
                continue
            try:
                la = known_history(history.events, origin)
                basis = basis_of(la, at_origin)
            except ValidationError:
                no_route += 1
                continue
            windows = {
                model: graded_forecast(la, basis, at_origin, calibration).window
                for model, calibration in calibrations.items()
            }
            windows["naive"] = _naive(basis.start, origin, rules.cycle, moved=False)
            windows["naive, overdue moved"] = _naive(basis.start, origin, rules.cycle, moved=True)
            actual, via_successor = _actual(history, origin, every, rules)
            linked += via_successor
            for model, window in windows.items():
                for group in ("all", _GROUP_OF[basis.group]):
                    key = (model, group)
                    if actual is None and window.latest >= end:
                        left[key] = left.get(key, 0) + 1
                        continue
                    day = actual if actual is not None else end
                    outside = max((window.earliest - day).days, (day - window.latest).days, 0)
                    results.setdefault(key, []).append(
                        (
                            actual is not None and day in window,
                            window.width_days,
                            window.width_days + penalty * outside,
                            actual is None,
                        )
                    )
    scores = tuple(
        Score(
            model,
            group,
            len(rows := results.get((model, group), [])),
            sum(r[0] for r in rows),
            left.get((model, group), 0),
            sum(r[3] for r in rows),
            statistics.median(r[1] for r in rows) if rows else 0.0,
            statistics.fmean(r[2] for r in rows) if rows else 0.0,
        )
        for group in GROUPS
        for model in MODELS
    )
    return Backtest(tuple(origins), end, scores, linked, not_existing, no_route)

"""Learn observed practice from a national history: :func:`calibrate`.

For each stage and route, the waits of :mod:`~ilacs.fitting.waits` are counted fortnight by
fortnight with :func:`~ilacs.fitting.survival.estimate` (recent fortnights weighing more), and
turned into a survival curve. At each step the hazard is the route's, from the LAs waiting at
that step (recent years weighing more) when at least :data:`MIN_AT_RISK` were; else every
route's pooled, likewise, for waits counted from an inspection; or, for waits counted from a
new LA's creation (few, and unlike the others), the route's own with every year alike, never
the others'. Beyond the longest wait with evidence, the hazard is the
mean hazard of the steps since half the waits had ended (of the last :data:`TAIL_STEPS` steps
when fewer than half ended), at least :data:`MIN_TAIL_HAZARD`. A route with fewer than :data:`MIN_EVENTS` ended
waits gets no curve of its own (the pooled one is used); a stage with fewer in all gets none
(forecasts follow the written rule, and say so).

These settings are the method's, not the frameworks' rules; they were chosen on the back-test
(``benchmarks/backtest.py``), so its figures are in-sample for them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta

from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.visit_pauses import is_focused_visit
from ilacs.errors import ValidationError
from ilacs.fitting.survival import Table, estimate, survival_of
from ilacs.fitting.waits import Waits, waits_of
from ilacs.records import Inspection, check_date, histories, inspections_of
from ilacs.scheduling.calibration import (
    HALFLIFE_MONTHS,
    LEVELS,
    Calibration,
    Curve,
    RouteGroup,
    Stage,
    TypeCounts,
    VisitCounts,
)
from ilacs.scheduling.optime import to_operating
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules

__all__ = [
    "BIN_DAYS",
    "MIN_AT_RISK",
    "MIN_EVENTS",
    "MIN_TAIL_HAZARD",
    "STEPS",
    "TAIL_STEPS",
    "calibrate",
]

BIN_DAYS = 14
"""The width of a step of the survival curves: a fortnight of operating time."""

STEPS = 260
"""How many steps a curve counts (ten years); longer waits count as reaching the last step."""

MIN_AT_RISK = 3.0
"""Fewest LAs (weighted) waiting at a step for its hazard to be estimated from them."""

MIN_EVENTS = 5
"""Fewest ended waits for a curve; with fewer, the route borrows the pooled curve or none."""

TAIL_STEPS = 6
"""How many of the last steps with evidence set the hazard beyond them when fewer than half the
waits ended (otherwise the steps since half had ended do)."""

MIN_TAIL_HAZARD = 0.02
"""The least chance per step that a wait ends beyond the evidence (so no window is endless)."""

METHOD = (
    "Weighted product-limit (Kaplan-Meier) estimates of how long LAs waited, in fortnights of "
    "operating time (national pauses taken out), counting LAs still waiting at the cut-off; "
    "a fortnight {halflife:g} months before the cut-off weighs half as much as the last; "
    "routes with too few LAs waiting at a step borrow the pooled hazard."
)


def _curve(
    stage: Stage, route: RouteGroup | None, own: Table, flat: Table, pooled: Table
) -> Curve | None:
    """The curve of ``own`` (weighted), falling back step by step on ``flat`` or ``pooled``.

    ``flat`` is the route's own table, every year alike: the fallback of routes counted from a
    creation (pass an empty table for the others); ``pooled`` every route's, weighted.
    """
    if own.events < MIN_EVENTS:
        return None
    mine = own.hazards(min_at_risk=MIN_AT_RISK)
    every_year = flat.hazards(min_at_risk=MIN_AT_RISK)
    shared = pooled.hazards(min_at_risk=MIN_AT_RISK)
    hazards: list[float | None] = []
    borrowed = 0
    for h_own, h_flat, h_shared in zip(mine, every_year, shared, strict=True):
        found = next((h for h in (h_own, h_flat) if h is not None), None)
        if found is None and h_shared is not None:
            borrowed += 1
            found = h_shared
        hazards.append(found)
    known = [i for i, h in enumerate(hazards) if h is not None]
    if not known:
        return None
    last = known[-1]
    curve = survival_of([h if h is not None else 0.0 for h in hazards[: last + 1]])
    # Beyond the evidence: the mean hazard since half the waits had ended (else of the last steps).
    half = next((i for i, share in enumerate(curve) if share <= 0.5), None)
    since = [h for h in hazards[half : last + 1] if h is not None] if half is not None else []
    tail = since or [h for h in (hazards[i] for i in known[-TAIL_STEPS:]) if h is not None]
    tail_hazard = max(sum(tail) / len(tail), MIN_TAIL_HAZARD)
    return Curve(
        stage=stage,
        route=route,
        bin_days=BIN_DAYS,
        survival=tuple(round(v, 6) for v in curve),
        tail_hazard=round(min(tail_hazard, 0.99), 6),
        events=own.events,
        waiting=own.waiting,
        borrowed_steps=borrowed,  # 0 for the pooled curve: its own table is the pooled one
        first=own.first,
        last=own.last,
        longest_days=own.longest,
    )


def _curves(waits: Waits, cut_off: dt.date, rules: SchedulingRules, halflife: float) -> list[Curve]:
    out: list[Curve] = []
    for stage in Stage:
        pauses = rules.visit_pauses if stage.visits else rules.pauses
        now = to_operating(cut_off, pauses)

        def table(
            route: RouteGroup, fade: float | None, stage: Stage = stage, now: int = now
        ) -> Table:
            return estimate(
                waits.by_stage.get((stage, route), ()),
                cut_off=now,
                bin_days=BIN_DAYS,
                bins=STEPS,
                halflife_months=fade,
            )

        weighted = {route: table(route, halflife) for route in RouteGroup}
        nothing = weighted[RouteGroup.SHORT].empty()
        pooled = sum(weighted.values(), start=nothing)
        found = _curve(stage, None, pooled, pooled, pooled)
        if found is not None:
            out.append(found)
        for route in RouteGroup:
            if route.from_creation:  # falls back on its own waits unweighted, never the pool
                own = _curve(stage, route, weighted[route], table(route, None), nothing)
            else:
                own = _curve(stage, route, weighted[route], nothing, pooled)
            if own is not None:
                out.append(own)
    return out


def _types(waits: Waits) -> list[TypeCounts]:
    found: dict[tuple[RouteGroup, bool], Counter[InspectionType]] = {}
    days: dict[tuple[RouteGroup, bool], list[dt.date]] = {}
    for anchors in waits.anchors.values():
        for anchor, following in itertools.pairwise(anchors):
            nxt = following.inspection
            if not anchor.ended or nxt is None:
                continue
            if nxt.type not in (InspectionType.SHORT, InspectionType.STANDARD):
                continue
            key = (anchor.route, anchor.help_and_protection_below_good)
            found.setdefault(key, Counter())[nxt.type] += 1
            days.setdefault(key, []).append(nxt.date)
    return [
        TypeCounts(
            route=route,
            help_and_protection_below_good=below,
            counts=tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].name))),
            first=min(days[route, below]),
            last=max(days[route, below]),
        )
        for (route, below), counter in sorted(
            found.items(), key=lambda kv: (kv[0][0].name, kv[0][1])
        )
    ]


def _focused_counts(
    waits: Waits, events: dict[str, list[Inspection]], rules: SchedulingRules
) -> list[VisitCounts]:
    if waits.visits_from is None:
        return []
    soonest = relativedelta(months=rules.focused_visits.earliest_after_months)
    earliest = waits.visits_from - soonest
    found: dict[RouteGroup, Counter[int]] = {}
    days: dict[RouteGroup, list[dt.date]] = {}
    for code, anchors in waits.anchors.items():
        for anchor in anchors:
            if (
                not anchor.ended
                or anchor.day < earliest
                or anchor.route not in (RouteGroup.SHORT, RouteGroup.STANDARD)
            ):
                continue
            held = sum(
                1
                for e in events.get(code, ())
                if is_focused_visit(e) and anchor.day < e.date < anchor.until
            )
            found.setdefault(anchor.route, Counter())[held] += 1
            days.setdefault(anchor.route, []).append(anchor.until)
    return [
        VisitCounts(
            route=route,
            counts=tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))),
            first=min(days[route]),
            last=max(days[route]),
        )
        for route, counter in sorted(found.items(), key=lambda kv: kv[0].name)
    ]


def calibrate(
    inspections: Iterable[Inspection],
    *,
    cut_off: dt.date,
    rules: SchedulingRules = DEFAULT_RULES,
    data: str = "the inspections given",
    halflife_months: float = HALFLIFE_MONTHS,
    levels: tuple[float, float, float] = LEVELS,
) -> Calibration:
    """Learn observed practice from ``inspections`` that started on or before ``cut_off``.

    Args:
        inspections: inspections and visits of any number of LAs (a national history).
        cut_off: the last day of data to use; later events are ignored.
        rules: the written rules (routes, pauses, reorganisations) to read the histories with.
        data: where the inspections came from, for the provenance.
        halflife_months: how fast older evidence fades (see
            :data:`~ilacs.scheduling.calibration.HALFLIFE_MONTHS`).
        levels: the window's shares (see :data:`~ilacs.scheduling.calibration.LEVELS`).

    Returns:
        A :class:`~ilacs.scheduling.calibration.Calibration`. Stages and routes with fewer than
        :data:`MIN_EVENTS` ended waits have no curve of their own; forecasts then follow the
        pooled curve, or the written rule, and say so.

    Raises:
        ValidationError: ``inspections`` is not an iterable of Inspection records, ``cut_off``
            is not a date or falls before the first event, ``rules`` is not a SchedulingRules,
            or an LA's history is invalid (duplicates, overlapping graded inspections).

    >>> import datetime as dt
    >>> cal = calibrate([], cut_off=dt.date(2024, 3, 31))
    >>> cal.empty, cal.last_event
    (True, None)
    """
    day = check_date("cut_off", cut_off, optional=False)
    assert day is not None
    if not isinstance(rules, SchedulingRules):
        raise ValidationError("rules", rules, "a SchedulingRules (ilacs.scheduling.DEFAULT_RULES)")
    items = inspections_of(inspections)
    if items and day < min(i.date for i in items):
        first = min(i.date for i in items)
        raise ValidationError(
            "cut_off",
            day.isoformat(),
            f"a date on or after the data's first event ({first.isoformat()})",
        )
    known = [i for i in items if i.date <= day]
    every = histories(known)
    waits = waits_of(every, cut_off=day, rules=rules)
    events = {code: list(history.events) for code, history in every.items()}
    note = (
        f" {waits.without_route} graded inspection(s) without a route were left out."
        if waits.without_route
        else ""
    )
    return Calibration(
        cut_off=day,
        data=data,
        last_event=max((i.date for i in known), default=None),
        halflife_months=float(halflife_months),
        levels=tuple(float(p) for p in levels),  # type: ignore[arg-type]
        min_events=MIN_EVENTS,
        curves=tuple(_curves(waits, day, rules, halflife_months)),
        types=tuple(_types(waits)),
        focused_counts=tuple(_focused_counts(waits, events, rules)),
        generator="ilacs.fitting.calibrate",
        method=METHOD.format(halflife=halflife_months) + note,
    )

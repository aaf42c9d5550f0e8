"""The queue of LAs awaiting inspection: who is due first, at what pace, and how far off it ran.

Ofsted does not publish whom it will inspect next, but it works through LAs roughly in the
order they are due. At a cut-off, every LA awaiting its next graded inspection has a due day
(the written rule's expected day, national pauses counted, see
:mod:`~ilacs.scheduling.written`). Sorted by it, the LAs form a queue; the pace is the number of
graded inspections in the :data:`~ilacs.catalogue.calibration.THROUGHPUT_DAYS` days of routine
inspection before the cut-off. An LA with ``rank`` LAs ahead of it has its turn about
``cut-off + (rank + 0.5) x days per inspection`` (:func:`turn`), in days of routine inspection.

How far real starts strayed from that day is measured at every earlier monthly cut-off (while
the queue then was nearly complete, see
:data:`~ilacs.catalogue.calibration.QUEUE_COMPLETE_SHARE`) with the data known at that
cut-off, and summarised by how far ahead the turn was (:class:`ResidualBand`). An LA still
waiting at the final cut-off is known only to start later than it: the percentiles are
Kaplan-Meier estimates, which count such an LA as waiting for as long as it was observed
(:func:`kaplan_meier`). Nothing after the cut-off is looked at.

Two of four LAs inspected 10 and 20 days after their turn, two still waiting 30 and 40 days
after it: the quarter and the half are known, the top is not.

>>> kaplan_meier([(10, True), (20, True), (30, False), (40, False)], (0.25, 0.5, 0.75))
(10, 20, None)
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence

import attrs
from dateutil.relativedelta import relativedelta

from ilacs.catalogue.calibration import (
    QUEUE_COMPLETE_SHARE,
    QUEUE_LEAD_EDGES,
    QUEUE_LEVELS,
    THROUGHPUT_DAYS,
    Queue,
    QueueEntry,
    ResidualBand,
    RouteGroup,
)
from ilacs.catalogue.frameworks import Scale
from ilacs.catalogue.reorganisations import Kind, new_authority, replaced_on
from ilacs.errors import ValidationError
from ilacs.records import History
from ilacs.scheduling.optime import from_operating, to_operating
from ilacs.scheduling.routes import Basis, basis_after
from ilacs.scheduling.rules import SchedulingRules
from ilacs.scheduling.written import written_window

__all__ = ["Waiting", "fit_queue", "kaplan_meier", "turn"]


def turn(cut_off: int, rank: int, days_per_inspection: float) -> float:
    """The operating day an LA's turn comes: ``cut_off + (rank + 0.5) x days_per_inspection``.

    >>> turn(1000, 0, 8.0), turn(1000, 9, 8.0)
    (1004.0, 1076.0)
    """
    return cut_off + (rank + 0.5) * days_per_inspection


def kaplan_meier(
    observations: Iterable[tuple[int, bool]], levels: Sequence[float] = QUEUE_LEVELS
) -> tuple[int | None, ...]:
    """Percentiles of values some of which are only known to be larger (right-censored).

    Args:
        observations: ``(value, observed)``; ``observed`` False means the true value is larger
            than ``value`` (the LA was still waiting when the data ended).
        levels: the percentiles wanted, each in (0, 1).

    Returns:
        For each level, the smallest observed value at which the Kaplan-Meier estimate of the
        distribution function reaches it; None when it never does (too many still waiting).
        At a tie, observed values count before censored ones.

    Raises:
        ValidationError: a level is outside (0, 1).
    """
    for level in levels:
        if not 0.0 < level < 1.0:
            raise ValidationError("levels", level, "probabilities strictly between 0 and 1")
    ordered = sorted(observations, key=lambda o: (o[0], not o[1]))
    at_risk = len(ordered)
    survival = 1.0
    steps: list[tuple[int, float]] = []
    i = 0
    while i < len(ordered):
        value = ordered[i][0]
        events = censored = 0
        while i < len(ordered) and ordered[i][0] == value:
            events += ordered[i][1]
            censored += not ordered[i][1]
            i += 1
        if events:
            survival *= 1 - events / at_risk
            steps.append((value, 1 - survival))
        at_risk -= events + censored
    return tuple(
        next((value for value, share in steps if share >= level - 1e-12), None) for level in levels
    )


@attrs.frozen
class _Step:
    """A day after which an LA waits for a graded inspection, and its due day (None: no route)."""

    since: dt.date
    due: int | None
    group: RouteGroup | None


@attrs.frozen
class _Authority:
    code: str
    names: tuple[tuple[dt.date, str], ...]
    steps: tuple[_Step, ...]
    starts: tuple[dt.date, ...]
    created: dt.date | None
    gone: dt.date | None

    def name_on(self, day: dt.date) -> str:
        known = [name for since, name in self.names if since <= day]
        return known[-1] if known else self.names[0][1]


@attrs.frozen
class Waiting:
    """An LA awaiting its next graded inspection on a day of the queue.

    Args:
        la_code: the LA's code.
        la_name: its name on that day.
        due: the written expected day, in days of routine inspection.
        group: its route.
        next_start: the first day of its next graded inspection, if the data hold it.
        until: the last day the LA was observed waiting: the end of the data, or its abolition.
    """

    la_code: str
    la_name: str
    due: int
    group: RouteGroup
    next_start: dt.date | None
    until: dt.date


def _authorities(
    every: dict[str, History], rules: SchedulingRules
) -> tuple[tuple[_Authority, ...], int]:
    out: list[_Authority] = []
    excluded = 0
    codes = set(every)
    for reorganisation in rules.reorganisations:
        # a new LA waits from its creation, even before any event of its own is recorded
        if reorganisation.kind is Kind.NEW_AUTHORITY and any(
            p.code in every for p in reorganisation.predecessors
        ):
            codes.add(reorganisation.code)
    for code in sorted(codes):
        history = every.get(code)
        new = new_authority(code, rules.reorganisations)
        steps: list[_Step] = []
        if new is not None:
            basis = Basis(RouteGroup.NEW_LA, None, None, new.created, new, ())
            steps.append(_Step(new.created, written_window(basis, rules).due, RouteGroup.NEW_LA))
        graded = history.graded() if history is not None else ()
        for inspection in graded:
            due: int | None = None
            group: RouteGroup | None = None
            if inspection.framework_version.scale is not Scale.LEGACY:
                try:
                    after = basis_after(inspection, rules)
                except ValidationError:
                    pass
                else:
                    due, group = written_window(after, rules).due, after.group
            if due is None:
                excluded += 1
            steps.append(_Step(inspection.date, due, group))
        names = tuple((e.date, e.la_name) for e in history) if history is not None else ()
        if not names and new is not None:
            names = ((new.created, new.name),)
        gone = replaced_on(code, rules.reorganisations)
        out.append(
            _Authority(
                code,
                names,
                tuple(sorted(steps, key=lambda s: s.since)),
                tuple(i.date for i in graded),
                new.created if new is not None else None,
                gone,
            )
        )
    return tuple(out), excluded


def _awaiting(authorities: Sequence[_Authority], day: dt.date, end: dt.date) -> list[Waiting]:
    """The LAs awaiting their next graded inspection on ``day``, in queue order (due, code)."""
    rows: list[Waiting] = []
    for la in authorities:
        if la.created is not None and day < la.created:
            continue
        if la.gone is not None and day >= la.gone:
            continue
        index = bisect.bisect_right([s.since for s in la.steps], day)
        if index == 0:
            continue
        step = la.steps[index - 1]
        if step.due is None or step.group is None:
            continue
        later = [s for s in la.starts if s > day]
        until = min(end, la.gone - dt.timedelta(days=1)) if la.gone is not None else end
        rows.append(
            Waiting(
                la.code,
                la.name_on(day),
                step.due,
                step.group,
                later[0] if later and later[0] <= end else None,
                until,
            )
        )
    rows.sort(key=lambda w: (w.due, w.la_code))
    return rows


def _band_edges() -> tuple[tuple[int, int | None], ...]:
    edges = (0, *QUEUE_LEAD_EDGES)
    return tuple((low, edges[i + 1] if i + 1 < len(edges) else None) for i, low in enumerate(edges))


def fit_queue(
    every: dict[str, History], *, cut_off: dt.date, rules: SchedulingRules
) -> tuple[Queue | None, str]:
    """The queue at ``cut_off`` and its residual bands, from histories known at ``cut_off``.

    Args:
        every: the histories of every LA, holding only events that started by ``cut_off``.
        cut_off: the last day of data.
        rules: the written rules and pauses due days and days of routine inspection follow.

    Returns:
        ``(queue, note)``: the queue, or None when no graded inspection took place in the
        period the pace is counted over; ``note`` says, in words, what was left out.
    """
    authorities, excluded = _authorities(every, rules)
    pauses = rules.pauses
    starts = sorted(to_operating(day, pauses) for la in authorities for day in la.starts)

    def pace(day: dt.date) -> int:
        now = to_operating(day, pauses)
        return bisect.bisect_right(starts, now) - bisect.bisect_right(starts, now - THROUGHPUT_DAYS)

    final = _awaiting(authorities, cut_off, cut_off)
    inspections = pace(cut_off)
    note = (
        f" {excluded} graded inspection(s) without a route left out of the queue."
        if excluded
        else ""
    )
    if not final:
        return None, note + " No queue: no LA was awaiting a graded inspection at the cut-off."
    if inspections == 0:
        return None, note + " No queue: no graded inspection in the year to the cut-off."
    edges = _band_edges()
    observed: dict[int, list[tuple[int, bool]]] = {i: [] for i in range(len(edges))}
    used: list[dt.date] = []
    months = 1
    while True:
        day = cut_off - relativedelta(months=months)
        months += 1
        queue = _awaiting(authorities, day, cut_off)
        if len(queue) < QUEUE_COMPLETE_SHARE * len(final):
            break
        count = pace(day)
        if count == 0:
            continue
        used.append(day)
        here = to_operating(day, pauses)
        for rank, waiting in enumerate(queue):
            expected = turn(here, rank, THROUGHPUT_DAYS / count)
            band = next(
                i
                for i, (low, high) in enumerate(edges)
                if expected - here >= low and (high is None or expected - here < high)
            )
            if waiting.next_start is not None:
                value = round(to_operating(waiting.next_start, pauses) - expected)
                observed[band].append((value, True))
            else:
                value = round(to_operating(waiting.until, pauses) - expected)
                observed[band].append((value, False))
    bands = tuple(
        ResidualBand(low, high, len(values), sum(o for _, o in values), kaplan_meier(values))
        for (low, high), values in zip(edges, observed.values(), strict=True)
    )
    here = to_operating(cut_off, pauses)
    entries = tuple(
        QueueEntry(w.la_code, w.la_name, from_operating(w.due, pauses), w.group) for w in final
    )
    return (
        Queue(
            inspections,
            THROUGHPUT_DAYS,
            from_operating(here - THROUGHPUT_DAYS + 1, pauses),
            entries,
            bands,
            len(used),
            min(used) if used else None,
        ),
        note,
    )

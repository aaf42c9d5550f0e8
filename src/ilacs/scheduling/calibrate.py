"""Compute the empirical calibration from inspections up to a cut-off: :func:`calibrate`.

Pure: the same inspections and cut-off always give the same :class:`Calibration`, and nothing
after the cut-off is looked at (an inspection counts only if it started on or before it).
:data:`~ilacs.catalogue.calibration.CALIBRATION` is this function's result on the project's
data to 31 March 2024 (``benchmarks/calibrate.py`` regenerates it).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta

from ilacs.catalogue.calibration import (
    LOOKBACK_MONTHS,
    METHOD,
    MIN_EVENTS,
    Calibration,
    LatenessSample,
    RouteGroup,
)
from ilacs.catalogue.frameworks import Scale
from ilacs.catalogue.reorganisations import new_authority
from ilacs.errors import ValidationError
from ilacs.records import Inspection, check_date, histories
from ilacs.scheduling.optime import to_operating
from ilacs.scheduling.queue import fit_queue
from ilacs.scheduling.routes import Basis, basis_after
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.written import written_window

__all__ = ["calibrate", "lateness_events"]


def lateness_events(
    inspections: Iterable[Inspection], *, cut_off: dt.date, rules: SchedulingRules = DEFAULT_RULES
) -> tuple[list[tuple[RouteGroup, dt.date, int]], int]:
    """Every observed next inspection up to ``cut_off``: its route, start day and lateness.

    Returns:
        ``(events, excluded)``: events as ``(group, start, lateness in operating days)`` sorted
        by start; ``excluded`` counts pairs left out because the earlier inspection has no route
        (graded on the pre-2013 scale, or without the overall grade its version gives).
    """
    day = check_date("cut_off", cut_off, optional=False)
    assert day is not None
    items = list(inspections)
    for item in items:
        if not isinstance(item, Inspection):
            raise ValidationError("inspections", item, "Inspection records")
    known = [i for i in items if i.date <= day]
    events: list[tuple[RouteGroup, dt.date, int]] = []
    excluded = 0
    for history in histories(known).values():
        graded = history.graded()
        if not graded:
            continue
        created = new_authority(history.la_code, rules.reorganisations)
        pairs: list[tuple[Basis, Inspection]] = []
        if created is not None:
            first = graded[0]
            if first.date >= created.created:
                pairs.append(
                    (Basis(RouteGroup.NEW_LA, None, None, created.created, created, ()), first)
                )
        for before, after in itertools.pairwise(graded):
            if before.framework_version.scale is Scale.LEGACY:
                excluded += 1
                continue
            try:
                basis = basis_after(before, rules)
            except ValidationError:
                excluded += 1
                continue
            pairs.append((basis, after))
        for basis, after in pairs:
            due = written_window(basis, rules).due
            late = to_operating(after.date, rules.pauses) - due
            events.append((basis.group, after.date, late))
    events.sort(key=lambda e: (e[1], e[0].name, e[2]))
    return events, excluded


def calibrate(
    inspections: Iterable[Inspection],
    *,
    cut_off: dt.date,
    rules: SchedulingRules = DEFAULT_RULES,
    data_file: str = "(inspections given)",
) -> Calibration:
    """The empirical calibration from ``inspections`` that started on or before ``cut_off``.

    For each route, the lateness of the next inspections that took place in the last 12
    months to ``cut_off`` (or 24, 36 or all months when fewer than ``MIN_EVENTS``; see
    :mod:`ilacs.catalogue.calibration`); and the queue of LAs awaiting inspection at
    ``cut_off`` with its pace and residual bands (:func:`ilacs.scheduling.queue.fit_queue`).
    The written rules (cycle, monitoring, pauses) come from ``rules``; its ``calibration`` is
    not used.

    Args:
        inspections: inspections of any number of LAs (histories are grouped by LA code).
        cut_off: the last day of data used.
        rules: the written rules lateness is measured against.
        data_file: where the inspections came from, for the provenance.

    Raises:
        ValidationError: ``cut_off`` is not a date, an item is not an Inspection, or an LA's
            history is invalid (duplicates, overlapping graded inspections).

    >>> import datetime as dt
    >>> empty = calibrate([], cut_off=dt.date(2024, 3, 31))
    >>> empty.samples, empty.queue
    ((), None)
    """
    items = list(inspections)
    events, excluded = lateness_events(items, cut_off=cut_off, rules=rules)
    samples: list[LatenessSample] = []
    for group in RouteGroup:
        mine = [(start, late) for g, start, late in events if g is group]
        if not mine:
            continue
        chosen: LatenessSample | None = None
        for months in LOOKBACK_MONTHS:
            since = cut_off - relativedelta(months=months) if months else None
            values = tuple(sorted(late for start, late in mine if since is None or start > since))
            chosen = LatenessSample(group, values, months)
            if len(values) >= MIN_EVENTS:
                break
        assert chosen is not None
        samples.append(chosen)
    queue, note = fit_queue(
        histories(i for i in items if i.date <= cut_off), cut_off=cut_off, rules=rules
    )
    method = METHOD if not excluded else f"{METHOD} {excluded} pair(s) without a route left out."
    return Calibration(
        cut_off=cut_off,
        data_file=data_file,
        method=method + note,
        generator="ilacs.scheduling.calibrate.calibrate (benchmarks/calibrate.py)",
        samples=tuple(samples),
        queue=queue,
    )

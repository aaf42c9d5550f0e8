"""The waits a national history holds: for each LA, how long it waited for each inspection or visit.

Each graded inspection starts a wait for the next one (:attr:`Stage.NEXT_GRADED`), as does the
creation of an LA by reorganisation; a wait that has not ended by the cut-off is kept as still
under way, and one ended by the LA's abolition is kept as under way until then. Visits:

- after a graded inspection on the short or standard route, the wait for the first focused
  visit, ended by the visit or, unended, by the next graded inspection; after a focused visit,
  the wait for the next one;
- after an inadequate judgement, the wait for the first monitoring visit; after a monitoring
  visit, the wait for the next one.

Visits are counted only from the day the data can hold them (:func:`visits_observed_from`):
Ofsted's tables list focused and monitoring visits only from April 2021, so a wait that began
earlier is observed from then on (late entry), never counted as a wait with no visit.

Graded waits count in operating days with the national pauses of graded inspections, visit
waits with the pauses of visits (:class:`~ilacs.scheduling.rules.SchedulingRules`). The spring
2021 assurance visits Ofsted's tables list as focused visits are not focused visits
(:data:`~ilacs.catalogue.visit_pauses.ASSURANCE_VISITS_2021`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

import attrs

from ilacs.catalogue.frameworks import Scale
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.reorganisations import new_authority, replaced_on, with_successors
from ilacs.catalogue.visit_pauses import kind_of
from ilacs.errors import ValidationError
from ilacs.fitting.survival import Wait
from ilacs.records import History, Inspection
from ilacs.scheduling.calibration import RouteGroup, Stage, below_good
from ilacs.scheduling.optime import to_operating
from ilacs.scheduling.routes import basis_after
from ilacs.scheduling.rules import SchedulingRules

__all__ = ["Anchor", "Waits", "anchors_of", "visits_observed_from", "waits_of"]

_VISIT_OF = {
    InspectionType.FOCUSED_VISIT: (Stage.FIRST_FOCUSED, Stage.NEXT_FOCUSED),
    InspectionType.MONITORING_VISIT: (Stage.FIRST_MONITORING, Stage.NEXT_MONITORING),
}


@attrs.frozen
class Anchor:
    """A day an LA began waiting for its next graded inspection, and on which route.

    Args:
        day: the first day of the graded inspection (or the LA's creation).
        route: the route that followed.
        inspection: the graded inspection (None for a new LA's creation).
        until: the day the wait ended (the next graded inspection's first day) or, if it had
            not, the last day the LA was observed (the cut-off, or the day before its abolition).
        ended: True when the next graded inspection is in the data.
    """

    day: dt.date
    route: RouteGroup
    inspection: Inspection | None
    until: dt.date
    ended: bool

    @property
    def help_and_protection_below_good(self) -> bool:
        """True when the inspection judged help and protection below good."""
        return below_good(self.inspection)


@attrs.frozen
class Waits:
    """The waits of a national history, by stage and route, with what was left out."""

    by_stage: Mapping[tuple[Stage, RouteGroup], tuple[Wait, ...]]
    anchors: Mapping[str, tuple[Anchor, ...]]
    visits_from: dt.date | None
    without_route: int


def _is(event: Inspection, kind: InspectionType) -> bool:
    """True when ``event`` is a visit of ``kind`` (the 2021 assurance visits are not focused)."""
    return kind_of(event) is kind


def visits_observed_from(every: Mapping[str, History], rules: SchedulingRules) -> dt.date | None:
    """The first day the data can be trusted to hold every focused and monitoring visit.

    The first visit the data hold; or, when a national pause of visits ended at most a month
    before it, the first day of that pause (no visit could be missing while visits were paused).
    None when the data hold no visit.
    """
    days = [e.date for h in every.values() for e in h.events if e.type in _VISIT_OF]
    if not days:
        return None
    first = min(days)
    for pause in rules.visit_pauses:
        if pause.resume <= first <= pause.resume + dt.timedelta(days=31):
            return pause.start
    return first


def anchors_of(
    code: str, history: History | None, *, cut_off: dt.date, rules: SchedulingRules
) -> tuple[tuple[Anchor, ...], int]:
    """The waits for the next graded inspection of one LA, and how many graded inspections had no route."""
    table = rules.reorganisations
    gone = replaced_on(code, table)
    last_seen = min(cut_off, gone - dt.timedelta(days=1)) if gone is not None else cut_off
    starts: list[tuple[dt.date, RouteGroup | None, Inspection | None]] = []
    created = new_authority(code, table)
    if created is not None and created.created <= cut_off:
        starts.append((created.created, RouteGroup.NEW_LA, None))
    without = 0
    for inspection in history.graded(cut_off) if history is not None else ():
        route: RouteGroup | None = None
        if inspection.framework_version.scale is not Scale.LEGACY:
            try:
                route = basis_after(inspection, rules).group
            except ValidationError:
                route = None
        without += route is None
        starts.append((inspection.date, route, inspection))
    anchors: list[Anchor] = []
    for index, (day, route, graded) in enumerate(starts):
        following = starts[index + 1][0] if index + 1 < len(starts) else None
        if route is None or day > last_seen:
            continue
        ended = following is not None and following <= last_seen
        until = following if ended and following is not None else last_seen
        anchors.append(Anchor(day, route, graded, until, ended))
    return tuple(anchors), without


def _visit_waits(
    anchor: Anchor,
    visits: list[Inspection],
    kind: InspectionType,
    observed_from: dt.date,
    rules: SchedulingRules,
) -> Iterator[tuple[Stage, Wait]]:
    first_stage, next_stage = _VISIT_OF[kind]
    pauses = rules.visit_pauses
    held = [v.date for v in visits if _is(v, kind) and anchor.day < v.date <= anchor.until]
    if anchor.until < observed_from:
        return
    starts = [anchor.day, *held]
    for index, start in enumerate(starts):
        stage = first_stage if index == 0 else next_stage
        ended = index + 1 < len(starts)
        end = starts[index + 1] if ended else anchor.until
        entry = max(start, observed_from)
        if entry > end:
            continue
        yield (
            stage,
            Wait(
                to_operating(start, pauses),
                to_operating(entry, pauses),
                to_operating(end, pauses),
                ended,
                end if ended else None,
            ),
        )


def waits_of(every: Mapping[str, History], *, cut_off: dt.date, rules: SchedulingRules) -> Waits:
    """Every wait in ``every`` (histories holding only events started by ``cut_off``).

    Args:
        every: the histories of every LA, by code.
        cut_off: the last day of data.
        rules: the routes, pauses and reorganisations to read the histories with.
    """
    observed_from = visits_observed_from(every, rules)
    by_stage: dict[tuple[Stage, RouteGroup], list[Wait]] = {}
    anchors_by_la: dict[str, tuple[Anchor, ...]] = {}
    without = 0
    for code in with_successors(every, rules.reorganisations):
        history = every.get(code)
        anchors, missing = anchors_of(code, history, cut_off=cut_off, rules=rules)
        without += missing
        anchors_by_la[code] = anchors
        events = list(history.known_on(cut_off)) if history is not None else []
        for anchor in anchors:
            by_stage.setdefault((Stage.NEXT_GRADED, anchor.route), []).append(
                Wait(
                    to_operating(anchor.day, rules.pauses),
                    to_operating(anchor.day, rules.pauses),
                    to_operating(anchor.until, rules.pauses),
                    anchor.ended,
                    anchor.until if anchor.ended else None,
                )
            )
            if observed_from is None or anchor.route is RouteGroup.NEW_LA:
                continue
            kind = (
                InspectionType.MONITORING_VISIT
                if anchor.route is RouteGroup.REINSPECTION
                else InspectionType.FOCUSED_VISIT
            )
            for stage, wait in _visit_waits(anchor, events, kind, observed_from, rules):
                by_stage.setdefault((stage, anchor.route), []).append(wait)
    return Waits(
        {key: tuple(value) for key, value in by_stage.items()},
        anchors_by_la,
        observed_from,
        without,
    )

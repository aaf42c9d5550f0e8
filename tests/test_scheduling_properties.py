"""Properties of scheduling that hold for every valid history (Hypothesis).

Histories are :func:`strategies.forecastable_histories`: one LA, graded inspections a month or
more apart (SIF before 2018, ILACS after; from April 2026 without an overall grade), focused and
monitoring visits between them, in a random order.

:class:`~ilacs.scheduling.Forecast` refuses a window out of order or not after ``as_of`` when it
is built, so every test that forecasts also checks that ordering (a forecast that broke it would
raise); the properties below check what no validator does.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ValidationError
from ilacs.records import Inspection
from ilacs.scheduling import (
    Deadline,
    Forecast,
    deadlines,
    focused_visits,
    monitoring_visits,
    next_inspection,
)
from ilacs.scheduling.calibration import Calibration, shipped, written_only
from ilacs.serialization import from_json, to_json
from ilacs.workdays import is_working_day
from strategies import as_of_days, forecastable_histories, inspections

D = dt.date
WRITTEN = written_only()
NARROW = attrs.evolve(shipped(), levels=(0.1, 0.5, 0.9))
CALIBRATIONS = st.sampled_from([None, WRITTEN])
"""The shipped calibration (observed practice) or the written rules alone."""

Forecasts = tuple[Forecast, tuple[Forecast, ...], tuple[Forecast, ...]]


def _forecasts(
    history: list[Inspection], as_of: D, calibration: Calibration | None = None
) -> Forecasts | None:
    """The graded forecast, the focused and the monitoring visits; None before any graded
    inspection (the LA then has no route: an error, tested in test_scheduling.py)."""
    if not any(e.graded for e in history if e.date <= as_of):
        return None
    return (
        next_inspection(history, as_of=as_of, calibration=calibration),
        focused_visits(history, as_of=as_of, calibration=calibration),
        monitoring_visits(history, as_of=as_of, calibration=calibration),
    )


def _next_event_after(history: list[Inspection], day: D) -> D | None:
    return min((e.date for e in history if e.date > day), default=None)


@settings(max_examples=60)
@given(forecastable_histories(), as_of_days, CALIBRATIONS)
def test_windows_fall_on_working_days_and_visits_come_in_order_before_the_inspection(
    history: list[Inspection], as_of: D, calibration: Calibration | None
) -> None:
    found = _forecasts(history, as_of, calibration)
    if found is None:
        return
    graded, focused, monitoring = found
    for forecast in (graded, *focused, *monitoring):
        # inspections and visits start on working days (Ofsted works Monday to Friday)
        assert all(map(is_working_day, (forecast.earliest, forecast.expected, forecast.latest)))
        assert forecast.as_of == as_of
        assert forecast.la_code == history[0].la_code
    for visits in (focused, monitoring):
        # visits come between graded inspections, one after another
        assert all(v.latest <= graded.latest for v in visits)
        assert all(a.expected < b.expected for a, b in itertools.pairwise(visits))
    assert not (focused and monitoring), "an LA is either monitored or gets focused visits"


@settings(max_examples=60)
@given(forecastable_histories(), as_of_days, st.integers(1, 800), CALIBRATIONS)
def test_a_later_as_of_never_moves_a_window_earlier_when_nothing_happened(
    history: list[Inspection], as_of: D, days: int, calibration: Calibration | None
) -> None:
    # It holds: observed practice conditions on a longer wait, which never brings the shares'
    # days forward; a written window that closes is moved whole to the day after as_of; and
    # each further visit counts from the one before. How many visits fit before the next
    # inspection can change, so visits are compared in order while both days have one.
    later = as_of + dt.timedelta(days=days)
    following = _next_event_after(history, as_of)
    assume(following is None or following > later)
    before, after = _forecasts(history, as_of, calibration), _forecasts(history, later, calibration)
    if before is None or after is None:
        return
    pairs = [(before[0], after[0])]
    pairs += [
        pair for b, a in zip(before[1:], after[1:], strict=True) for pair in zip(b, a, strict=False)
    ]
    for old, new in pairs:
        assert new.earliest >= old.earliest, (old, new)
        assert new.expected >= old.expected, (old, new)
        assert new.latest >= old.latest, (old, new)
    # the written rule's window of the inspection and of the next visit does not depend on
    # as_of (a later visit's counts from the one forecast before it, which may move)
    firsts = [(b[0], a[0]) for b, a in zip(before[1:], after[1:], strict=True) if b and a]
    for old, new in [(before[0], after[0]), *firsts]:
        assert new.written == old.written


@settings(max_examples=60)
@given(forecastable_histories(), as_of_days)
def test_events_after_as_of_change_nothing(history: list[Inspection], as_of: D) -> None:
    known = [e for e in history if e.date <= as_of]
    assume(len(known) < len(history))
    assert _forecasts(history, as_of) == _forecasts(known, as_of)


@settings(max_examples=40)
@given(forecastable_histories(), as_of_days, st.randoms(use_true_random=False))
def test_the_order_of_the_history_changes_nothing(
    history: list[Inspection], as_of: D, shuffler: random.Random
) -> None:
    other = list(history)
    shuffler.shuffle(other)
    assert _forecasts(history, as_of) == _forecasts(other, as_of)


@settings(max_examples=40)
@given(forecastable_histories(), as_of_days)
def test_the_written_window_does_not_depend_on_observed_practice(
    history: list[Inspection], as_of: D
) -> None:
    if not any(e.graded for e in history if e.date <= as_of):
        return
    observed = next_inspection(history, as_of=as_of)
    written = next_inspection(history, as_of=as_of, calibration=WRITTEN)
    assert observed.written == written.written
    assert observed.overdue == written.overdue


@settings(max_examples=40)
@given(forecastable_histories(), as_of_days)
def test_a_wider_share_never_gives_a_narrower_window(history: list[Inspection], as_of: D) -> None:
    if not any(e.graded for e in history if e.date <= as_of):
        return
    wide = next_inspection(history, as_of=as_of)
    narrow = next_inspection(history, as_of=as_of, calibration=NARROW)
    assert wide.earliest <= narrow.earliest
    assert wide.latest >= narrow.latest
    assert wide.expected == narrow.expected


DUTIES_BY_TYPE = {
    # the spec's post-inspection duties (framework-rules.md, section 5)
    InspectionType.SHORT: ["duty.publish-report", "duty.action-plan"],  # SI 2007/462; EIA s137
    InspectionType.STANDARD: ["duty.publish-report", "duty.action-plan"],
    InspectionType.SIF: ["duty.publish-report", "duty.action-plan"],
    InspectionType.SIF_REINSPECTION: ["duty.publish-report", "duty.action-plan"],
    InspectionType.JTAI: ["duty.jtai-statement"],  # JAR Regulations 2015, if HMCI decides
}
"""The duties after each type; a focused visit's plans only follow areas for priority action."""


@given(
    inspections(),
    st.one_of(st.none(), st.integers(0, 200)),
)
def test_every_deadline_is_the_stated_number_of_working_days_after_its_trigger(
    inspection: Inspection, received_after: int | None
) -> None:
    expected = DUTIES_BY_TYPE.get(inspection.type, [])
    if inspection.type is InspectionType.FOCUSED_VISIT and inspection.priority_action:
        expected = ["duty.fv-draft-plan", "duty.fv-final-plan"]  # CYP Now, August 2018
    received = (
        None if received_after is None else inspection.date + dt.timedelta(days=received_after)
    )
    if expected and received is None and inspection.published is None:
        with pytest.raises(ValidationError) as caught:
            deadlines(inspection)
        assert caught.value.field == "published"
        return
    found = deadlines(inspection, received=received)
    assert [d.code for d in found] == expected
    for deadline in found:
        assert deadline.counted_from == (received or inspection.published)
        assert is_working_day(deadline.due)
        # counted one day at a time: the working days after the trigger, up to the due day
        days = (deadline.due - deadline.counted_from).days
        span = (deadline.counted_from + dt.timedelta(days=n) for n in range(1, days + 1))
        assert sum(map(is_working_day, span)) == deadline.working_days
        # received unknown: counted from publication, which may be late, and said so
        if received is None and deadline.code in ("duty.publish-report", "duty.action-plan"):
            assert deadline.uncertain
            assert "deadline.from-publication" in [r.code for r in deadline.reasons]


@settings(max_examples=30)
@given(forecastable_histories(), as_of_days)
def test_forecasts_and_deadlines_round_trip_through_json(
    history: list[Inspection], as_of: D
) -> None:
    found = _forecasts(history, as_of)
    if found is None:
        return
    graded, focused, monitoring = found
    for forecast in (graded, *focused, *monitoring):
        assert from_json(to_json(forecast), Forecast) == forecast
    for inspection in history:
        if inspection.published is not None:
            for deadline in deadlines(inspection):
                assert from_json(to_json(deadline), Deadline) == deadline

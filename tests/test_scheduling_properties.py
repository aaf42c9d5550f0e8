"""Properties of scheduling that hold for every valid history (Hypothesis).

Histories: one LA, graded inspections a month or more apart (SIF before 2018, ILACS after;
from April 2026 without an overall grade), focused and monitoring visits between them.
"""

from __future__ import annotations

import datetime as dt
import random

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from ilacs.catalogue.grades import Grade
from ilacs.records import Inspection
from ilacs.scheduling import (
    deadlines,
    focused_visits,
    monitoring_visits,
    next_inspection,
)
from ilacs.scheduling.calibration import shipped, written_only
from ilacs.workdays import is_working_day, working_days_between

D = dt.date
FIRST, LAST = D(2013, 11, 4), D(2029, 12, 31)
ILACS = D(2018, 1, 1)
NO_OVERALL = D(2026, 4, 1)
CODE, NAME = "E06000034", "Thurrock"
WRITTEN = written_only()
NARROW = attrs.evolve(shipped(), levels=(0.1, 0.5, 0.9))

grades = st.sampled_from(list(Grade))


@st.composite
def graded_event(draw: st.DrawFn, start: D) -> Inspection:
    grade = draw(grades)
    kind = "sif" if start < ILACS else "short" if grade >= Grade.GOOD else "standard"
    if start >= NO_OVERALL:
        areas = ("leadership", "help_and_protection", "children_in_care", "care_leavers")
        judgements = {a: draw(grades).label for a in areas}
    else:
        judgements = {"overall": grade.label}
    published = draw(
        st.one_of(st.none(), st.just(start + dt.timedelta(days=draw(st.integers(20, 90)))))
    )
    return Inspection(
        CODE,
        NAME,
        kind,
        start=start,
        end=start + dt.timedelta(days=11),
        published=published,
        judgements=judgements,
    )


@st.composite
def la_histories(draw: st.DrawFn) -> list[Inspection]:
    """A valid history with at least one graded inspection, in a random order."""
    day = draw(st.dates(FIRST, D(2027, 1, 1)))
    events = [draw(graded_event(day))]
    for _ in range(draw(st.integers(0, 3))):
        day = day + dt.timedelta(days=draw(st.integers(30, 1500)))
        if day > LAST:
            break
        events.append(draw(graded_event(day)))
    visit_days = draw(st.lists(st.dates(ILACS, LAST), max_size=4, unique=True))
    for visit_day in visit_days:
        if any(e.date <= visit_day <= (e.end or e.date) for e in events):
            continue
        kind = draw(st.sampled_from(["focused_visit", "monitoring_visit"]))
        events.append(Inspection(CODE, NAME, kind, start=visit_day))
    order = draw(st.randoms(use_true_random=False))
    order.shuffle(events)
    return events


as_of_days = st.dates(FIRST, D(2032, 12, 31))
FORECASTERS = (next_inspection, focused_visits, monitoring_visits)


def _forecasts(
    history: list[Inspection], as_of: D, calibration: object = None
) -> tuple[object, ...]:
    known = [e for e in history if e.date <= as_of]
    if not any(e.graded for e in known):
        return ()
    return (
        next_inspection(history, as_of=as_of, calibration=calibration),  # type: ignore[arg-type]
        focused_visits(history, as_of=as_of, calibration=calibration),  # type: ignore[arg-type]
        monitoring_visits(history, as_of=as_of, calibration=calibration),  # type: ignore[arg-type]
    )


@settings(max_examples=60)
@given(la_histories(), as_of_days, st.booleans())
def test_every_window_is_ordered_and_starts_after_as_of(
    history: list[Inspection], as_of: D, calibrated: bool
) -> None:
    found = _forecasts(history, as_of, None if calibrated else WRITTEN)
    if not found:
        return
    graded, *visits = found
    for forecast in (graded, *visits[0], *visits[1]):  # type: ignore[misc]
        assert forecast.earliest <= forecast.expected <= forecast.latest
        assert forecast.earliest > as_of
        assert forecast.latest >= as_of
        assert is_working_day(forecast.earliest)


@settings(max_examples=60)
@given(la_histories(), as_of_days)
def test_events_after_as_of_change_nothing(history: list[Inspection], as_of: D) -> None:
    known = [e for e in history if e.date <= as_of]
    if not any(e.graded for e in known):
        return
    assert _forecasts(history, as_of) == _forecasts(known, as_of)


@settings(max_examples=40)
@given(la_histories(), as_of_days, st.randoms(use_true_random=False))
def test_the_order_of_the_history_changes_nothing(
    history: list[Inspection], as_of: D, shuffler: random.Random
) -> None:
    other = list(history)
    shuffler.shuffle(other)
    assert _forecasts(history, as_of) == _forecasts(other, as_of)


@settings(max_examples=40)
@given(la_histories(), as_of_days)
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
@given(la_histories(), as_of_days)
def test_a_wider_share_never_gives_a_narrower_window(history: list[Inspection], as_of: D) -> None:
    if not any(e.graded for e in history if e.date <= as_of):
        return
    wide = next_inspection(history, as_of=as_of)
    narrow = next_inspection(history, as_of=as_of, calibration=NARROW)
    assert wide.earliest <= narrow.earliest
    assert wide.latest >= narrow.latest
    assert wide.expected == narrow.expected


@settings(max_examples=60)
@given(
    st.dates(D(2013, 11, 4), D(2030, 12, 31)),
    st.integers(0, 120),
    st.one_of(st.none(), st.integers(0, 30)),
    st.sampled_from(["sif", "standard", "short", "focused_visit", "jtai"]),
)
def test_every_deadline_is_a_working_day_after_its_trigger(
    start: D, lag: int, early: int | None, kind: str
) -> None:
    if kind == "sif" and start >= D(2018, 6, 30):
        kind = "standard"
    if kind in ("standard", "short", "focused_visit") and start < ILACS:
        kind = "sif"
    published = start + dt.timedelta(days=lag)
    graded = kind in ("sif", "standard", "short")
    judgements = (
        {"overall": "Good"}
        if graded and start < NO_OVERALL
        else ({"leadership": "Good"} if graded else {})
    )
    inspection = Inspection(
        CODE,
        NAME,
        kind,
        start=start,
        published=published,
        judgements=judgements,
        priority_action=True,
    )
    received = None if early is None else max(start, published - dt.timedelta(days=early))
    for deadline in deadlines(inspection, received=received):
        assert is_working_day(deadline.due)
        assert deadline.due > deadline.counted_from
        assert working_days_between(deadline.counted_from, deadline.due) == deadline.working_days
        assert deadline.counted_from == (received or published)


@settings(max_examples=30)
@given(la_histories(), as_of_days)
def test_forecasts_and_deadlines_round_trip_through_json(
    history: list[Inspection], as_of: D
) -> None:
    from ilacs.scheduling import Deadline, Forecast
    from ilacs.serialization import from_json, to_json

    found = _forecasts(history, as_of)
    if not found:
        return
    graded, fvs, mvs = found
    for forecast in (graded, *fvs, *mvs):  # type: ignore[misc]
        assert from_json(to_json(forecast), Forecast) == forecast
    for inspection in history:
        if inspection.published is not None:
            for deadline in deadlines(inspection):
                assert from_json(to_json(deadline), Deadline) == deadline

"""The queue of LAs awaiting inspection: fitting, storing, and forecasting one LA from it."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilacs.catalogue.cadence import PAUSES, PauseScope
from ilacs.catalogue.calibration import (
    CALIBRATION,
    QUEUE_LEVELS,
    THROUGHPUT_DAYS,
    Queue,
    QueueEntry,
    ResidualBand,
    RouteGroup,
    quantile,
)
from ilacs.errors import ValidationError
from ilacs.records import Inspection, histories
from ilacs.scheduling import DEFAULT_RULES, SchedulingRules, calibrate, next_inspection
from ilacs.scheduling.backtest import backtest
from ilacs.scheduling.queue import fit_queue, kaplan_meier, turn

D = dt.date
NO_PAUSES = attrs.evolve(DEFAULT_RULES, pauses=(), visit_pauses=(), calibration=None)
CUT = D(2022, 6, 30)
LEVELS = QUEUE_LEVELS


def _good(code: str, start: D) -> Inspection:
    return Inspection(
        code,
        f"LA {code}",
        "short" if start >= D(2018, 1, 1) else "sif",
        start=start,
        end=start + dt.timedelta(days=4),
        published=start + dt.timedelta(days=40),
        judgements={"overall": "Good"},
    )


def _programme() -> list[Inspection]:
    """Twelve LAs inspected a month apart from January 2018, the first eight again 3 years on."""
    out = []
    for k in range(12):
        first = D(2018, 1, 8) + dt.timedelta(days=30 * k)
        out.append(_good(f"E{k:02d}", first))
        if k < 8:
            out.append(_good(f"E{k:02d}", first + dt.timedelta(days=3 * 365 + 20)))
    return out


def _band(n: int = 100, value: int = 0, lead_to: int | None = None) -> ResidualBand:
    return ResidualBand(0, lead_to, n, n, tuple(value + i for i in range(len(LEVELS))))


def _queue(entries: tuple[QueueEntry, ...], **change: object) -> Queue:
    fields: dict[str, object] = {
        "inspections": 36,
        "days": 365,
        "counted_from": D(2023, 4, 1),
        "entries": entries,
        "bands": (_band(),),
        "cut_offs": 10,
        "first_cut_off": D(2020, 1, 1),
    }
    return Queue(**{**fields, **change})  # type: ignore[arg-type]


# --- kaplan_meier and turn -------------------------------------------------------------------


@settings(max_examples=40)
@given(st.lists(st.integers(-500, 500), min_size=1, max_size=40))
def test_without_censoring_kaplan_meier_is_the_plain_quantile(values: list[int]) -> None:
    found = kaplan_meier([(v, True) for v in values])
    assert found == tuple(quantile(tuple(sorted(values)), p) for p in LEVELS)


@settings(max_examples=40)
@given(
    st.lists(st.tuples(st.integers(-500, 500), st.booleans()), min_size=1, max_size=40),
    st.data(),
)
def test_an_la_still_waiting_never_makes_the_percentiles_earlier(
    observations: list[tuple[int, bool]], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(observations) - 1))
    value, _ = observations[index]
    observed = [*observations[:index], (value, True), *observations[index + 1 :]]
    waiting = [*observations[:index], (value, False), *observations[index + 1 :]]
    for with_event, still_waiting in zip(
        kaplan_meier(observed), kaplan_meier(waiting), strict=True
    ):
        assert still_waiting is None or (with_event is not None and still_waiting >= with_event)


def test_kaplan_meier_leaves_the_top_unknown_when_too_many_are_still_waiting() -> None:
    assert kaplan_meier([(5, True), (9, False), (9, False)], (0.3, 0.5)) == (5, None)
    assert kaplan_meier([], (0.5,)) == (None,)


@pytest.mark.parametrize("level", [0.0, 1.0, -0.1, 1.5])
def test_kaplan_meier_refuses_levels_outside_zero_to_one(level: float) -> None:
    with pytest.raises(ValidationError, match="levels"):
        kaplan_meier([(1, True)], (level,))


def test_an_las_turn_is_half_a_slot_after_the_las_ahead_of_it() -> None:
    assert turn(100, 0, 10.0) == 105.0
    assert turn(100, 3, 10.0) == 135.0


# --- the stored records ----------------------------------------------------------------------


def test_rank_counts_the_las_due_earlier_ties_by_code_never_itself() -> None:
    entries = (
        QueueEntry("E1", "A", D(2024, 1, 1), RouteGroup.SHORT),
        QueueEntry("E2", "B", D(2024, 2, 1), RouteGroup.SHORT),
        QueueEntry("E3", "C", D(2024, 2, 1), RouteGroup.STANDARD),
    )
    queue = _queue(entries)
    assert queue.rank("E3", D(2024, 2, 1)) == 2
    assert queue.rank("E2", D(2024, 2, 1)) == 1
    assert queue.rank("E9", D(2024, 2, 1)) == 3  # not in the queue: after E1-E3 by code
    assert queue.rank("E1", D(2025, 1, 1)) == 2  # its own stale entry is not counted
    assert queue.days_per_inspection == pytest.approx(365 / 36)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"inspections": 0}, "inspections"),
        ({"lower": 0.11}, "lower"),
        ({"upper": 1.0}, "upper"),
        ({"lower": 0.9, "upper": 0.1}, "lower, median, upper"),
    ],
)
def test_a_queue_refuses_bad_counts_and_percentiles(change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        _queue((), **change)


def test_a_queue_refuses_unsorted_or_repeated_entries() -> None:
    a = QueueEntry("E1", "A", D(2024, 2, 1), RouteGroup.SHORT)
    b = QueueEntry("E2", "B", D(2024, 1, 1), RouteGroup.SHORT)
    with pytest.raises(ValidationError, match="sorted"):
        _queue((a, b))
    with pytest.raises(ValidationError, match="entries"):
        _queue((b, b))
    with pytest.raises(ValidationError, match="QueueEntry"):
        _queue(("E1",))  # type: ignore[arg-type]


def test_a_band_refuses_percentiles_out_of_order_or_unknown_below_known() -> None:
    good = tuple(range(len(LEVELS)))
    with pytest.raises(ValidationError, match="percentiles"):
        ResidualBand(0, None, 1, 1, good[:-1])
    with pytest.raises(ValidationError, match="ascending"):
        ResidualBand(0, None, 1, 1, tuple(reversed(good)))
    with pytest.raises(ValidationError, match="ascending"):
        ResidualBand(0, None, 1, 1, (None, *good[1:]))
    top_unknown = ResidualBand(0, 182, 1, 1, (*good[:-1], None))
    assert top_unknown.at(0.975) is None
    assert top_unknown.at(0.5) == good[19]
    assert top_unknown.label == "under 6 months ahead"
    with pytest.raises(ValidationError, match="stored percentiles"):
        top_unknown.at(0.33)


def test_band_labels_read_as_months_ahead() -> None:
    assert ResidualBand(182, 365, 1, 1, tuple(range(39))).label == "6 to 12 months ahead"
    assert ResidualBand(730, None, 1, 1, tuple(range(39))).label == "more than 24 months ahead"


# --- fitting ---------------------------------------------------------------------------------


def test_the_queue_holds_every_la_waiting_at_the_cut_off_in_due_order() -> None:
    every = histories(i for i in _programme() if i.date <= CUT)
    queue, note = fit_queue(every, cut_off=CUT, rules=NO_PAUSES)
    assert queue is not None
    assert note == ""
    assert [e.la_code for e in queue.entries][:4] == ["E08", "E09", "E10", "E11"]
    assert len(queue.entries) == 12
    # the second round: inspections of E00..E07 in the 365 days to the cut-off
    ran = [i for i in _programme() if CUT - dt.timedelta(days=THROUGHPUT_DAYS) < i.date <= CUT]
    assert queue.inspections == len(ran)
    assert queue.counted_from == CUT - dt.timedelta(days=THROUGHPUT_DAYS - 1)
    assert queue.cut_offs >= 1
    assert queue.first_cut_off is not None
    assert queue.first_cut_off < CUT
    assert sum(b.n for b in queue.bands) > 0


def test_no_queue_without_an_inspection_in_the_year_to_the_cut_off() -> None:
    every = histories([_good("E1", D(2018, 1, 8))])
    queue, note = fit_queue(every, cut_off=D(2020, 1, 1), rules=NO_PAUSES)
    assert queue is None
    assert "no graded inspection in the year" in note
    assert "No queue" in calibrate([], cut_off=D(2020, 1, 1)).method


def test_calibrate_stores_the_queue_and_ignores_what_followed_the_cut_off() -> None:
    found = calibrate(_programme(), cut_off=CUT, rules=NO_PAUSES)
    known = calibrate([i for i in _programme() if i.date <= CUT], cut_off=CUT, rules=NO_PAUSES)
    assert found == known
    assert found.queue is not None


# --- forecasting one LA ----------------------------------------------------------------------


def _rules(*bands: ResidualBand) -> tuple[SchedulingRules, Queue]:
    calibration = calibrate(_programme(), cut_off=CUT, rules=NO_PAUSES)
    assert calibration.queue is not None
    queue = attrs.evolve(calibration.queue, bands=bands or (_band(100, -19),), min_band=20)
    return attrs.evolve(NO_PAUSES, calibration=attrs.evolve(calibration, queue=queue)), queue


def test_a_forecast_on_the_cut_off_places_the_la_in_the_queue_and_says_how() -> None:
    rules, queue = _rules()
    history = [i for i in _programme() if i.la_code == "E10"]
    forecast = next_inspection(history, as_of=CUT, rules=rules)
    codes = [r.code for r in forecast.reasons]
    assert "queue.turn" in codes
    assert "queue.spread" in codes
    assert not any(c.startswith("calibration.") for c in codes)
    text = next(r.text for r in forecast.reasons if r.code == "queue.turn")
    assert f"Ofsted carried out {queue.inspections} graded inspections" in text
    assert "2 of them were due before this one" in text
    # turn = cut-off + 2.5 slots; the band puts the window 19 days before to 19 days after
    here = CUT.toordinal() + 2.5 * queue.days_per_inspection
    assert forecast.expected >= dt.date.fromordinal(round(here)) - dt.timedelta(days=3)
    assert forecast.window.width_days <= 2 * 19 + 4


def test_the_queue_window_replaces_the_written_window_and_may_be_narrower() -> None:
    rules, _ = _rules()
    history = [i for i in _programme() if i.la_code == "E11"]
    forecast = next_inspection(history, as_of=CUT, rules=rules)
    assert forecast.written is not None
    assert forecast.window.width_days < forecast.written.width_days


@pytest.mark.parametrize(
    ("days", "used"),
    [(-1, False), (0, True), (92, True), (93, False)],
)
def test_the_queue_is_used_from_the_cut_off_to_its_reach_only(days: int, used: bool) -> None:
    rules, _ = _rules()
    history = [i for i in _programme() if i.la_code == "E11"]
    forecast = next_inspection(
        history,
        as_of=CUT + dt.timedelta(days=days),
        rules=rules,
    )
    codes = [r.code for r in forecast.reasons]
    assert ("queue.turn" in codes) is used
    assert ("queue.far" in codes) is not used
    if not used:
        far = next(r.text for r in forecast.reasons if r.code == "queue.far")
        assert ("before it" in far) is (days < 0)


def test_a_band_with_too_few_observations_falls_back_on_the_routes_lateness() -> None:
    rules, _ = _rules(_band(5, -19))
    history = [i for i in _programme() if i.la_code == "E11"]
    forecast = next_inspection(history, as_of=CUT, rules=rules)
    codes = [r.code for r in forecast.reasons]
    assert "queue.turn" in codes
    assert "queue.spread-unknown" in codes
    assert "queue.spread" not in codes
    unknown = next(r for r in forecast.reasons if r.code == "queue.spread-unknown")
    assert unknown.uncertain
    assert "5 observed" in unknown.text
    assert any(c.startswith("calibration.") for c in codes)  # the route's lateness instead


def test_a_band_whose_top_is_unknown_falls_back_on_the_routes_lateness() -> None:
    open_top = ResidualBand(0, None, 100, 10, (*range(len(LEVELS) - 4), None, None, None, None))
    rules, _ = _rules(open_top)
    history = [i for i in _programme() if i.la_code == "E11"]
    forecast = next_inspection(history, as_of=CUT, rules=rules)
    codes = [r.code for r in forecast.reasons]
    assert "queue.spread-unknown" in codes
    assert any(c.startswith("calibration.") for c in codes)  # the route's lateness instead


def test_the_pace_over_a_pause_is_counted_in_days_of_routine_inspection() -> None:
    rules = attrs.evolve(DEFAULT_RULES, calibration=None)
    covid = tuple(p for p in PAUSES if p.scope is PauseScope.ALL)
    inspections = [
        _good("E1", D(2019, 1, 7)),
        _good("E2", D(2019, 2, 4)),
        _good("E1", D(2021, 11, 1)),
    ]
    calibration = calibrate(inspections, cut_off=D(2021, 12, 1), rules=rules)
    assert calibration.queue is not None
    assert calibration.queue.counted_from < covid[0].start
    forecast = next_inspection(
        [i for i in inspections if i.la_code == "E2"],
        as_of=D(2021, 12, 1),
        rules=attrs.evolve(rules, calibration=calibration),
    )
    turn_text = next(r.text for r in forecast.reasons if r.code == "queue.turn")
    assert "days of routine inspection" in turn_text
    assert "national pauses not counted" in turn_text


def test_without_a_queue_the_forecast_is_the_routes_lateness_with_no_queue_reason() -> None:
    rules = attrs.evolve(DEFAULT_RULES, calibration=attrs.evolve(CALIBRATION, queue=None))
    forecast = next_inspection(
        [_good("E06000034", D(2022, 1, 10))], as_of=CALIBRATION.cut_off, rules=rules
    )
    assert not any(r.code.startswith("queue.") for r in forecast.reasons)


@settings(max_examples=30)
@given(
    st.integers(0, 11),
    st.integers(0, 92),
    st.sampled_from([(0.05, 0.95), (0.1, 0.9), (0.25, 0.75)]),
)
def test_every_queue_forecast_is_ordered_and_starts_after_as_of(
    la: int, days: int, levels: tuple[float, float]
) -> None:
    calibration = calibrate(_programme(), cut_off=CUT, rules=NO_PAUSES)
    assert calibration.queue is not None
    queue = attrs.evolve(calibration.queue, lower=levels[0], upper=levels[1], min_band=1)
    rules = attrs.evolve(NO_PAUSES, calibration=attrs.evolve(calibration, queue=queue))
    as_of = CUT + dt.timedelta(days=days)
    history = [i for i in _programme() if i.la_code == f"E{la:02d}"]
    forecast = next_inspection(history, as_of=as_of, rules=rules)
    assert as_of < forecast.earliest <= forecast.expected <= forecast.latest


# --- the shipped queue and the real data -----------------------------------------------------


def test_the_shipped_queue_states_its_pace_and_holds_the_las_waiting_on_31_march_2024() -> None:
    queue = CALIBRATION.queue
    assert queue is not None
    assert queue.inspections > 0
    assert queue.days == THROUGHPUT_DAYS
    assert len(queue.entries) >= 150
    assert all(b.n >= queue.min_band for b in queue.bands)
    assert (queue.lower, queue.upper) == (0.05, 0.95)


def test_every_real_la_as_of_the_cut_off_is_placed_in_the_shipped_queue(
    real_inspections: list[Inspection],
) -> None:
    queue = CALIBRATION.queue
    assert queue is not None
    entries = {e.la_code: k for k, e in enumerate(queue.entries)}
    placed = 0
    for code, history in histories(real_inspections).items():
        if code not in entries:
            continue  # abolished before the cut-off
        forecast = next_inspection(history, as_of=CALIBRATION.cut_off)
        turn_text = next(r.text for r in forecast.reasons if r.code == "queue.turn")
        assert f"and {entries[code]} of them were due before this one" in turn_text
        assert forecast.earliest > CALIBRATION.cut_off
        placed += 1
    assert placed >= 145


def test_the_backtest_refuses_percentiles_that_are_not_stored(
    real_inspections: list[Inspection],
) -> None:
    with pytest.raises(ValidationError, match="lower"):
        backtest(
            real_inspections,
            origins=[D(2023, 1, 1)],
            end=D(2024, 3, 31),
            levels=(0.12, 0.9),
        )


def test_the_backtest_traces_the_trade_off_of_the_queues_percentiles(
    real_inspections: list[Inspection],
) -> None:
    origins, end = [D(2022, 1, 1), D(2023, 1, 1)], D(2024, 3, 31)
    wide = backtest(real_inspections, origins=origins, end=end, levels=(0.05, 0.95))
    narrow = backtest(real_inspections, origins=origins, end=end, levels=(0.25, 0.75))
    assert narrow.score("library").median_width < wide.score("library").median_width
    assert narrow.score("library").coverage < wide.score("library").coverage
    assert narrow.score("lateness only") == wide.score("lateness only")

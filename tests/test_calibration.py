"""Observed practice: the weighted product-limit estimate, the calibration record, calibrate().

Expected values are worked by hand from the definitions (Kaplan and Meier 1958: at each step the
share of those still waiting at its start whose wait ends in it), or typed from the issue that
reports the data's counts, never computed with the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ParseError, ValidationError
from ilacs.fitting import calibrate
from ilacs.fitting.survival import DAYS_PER_MONTH, Wait, estimate, survival_of
from ilacs.records import Inspection
from ilacs.scheduling import next_inspection
from ilacs.scheduling.calibration import (
    Calibration,
    Curve,
    RouteGroup,
    Stage,
    shipped,
    written_only,
)
from strategies import calibrations, curves, dates, wait_lengths

D = dt.date
ROOT = Path(__file__).resolve().parents[1]


def curve(survival: tuple[float, ...], tail: float = 0.5, bin_days: int = 14) -> Curve:
    return Curve(
        stage=Stage.NEXT_GRADED,
        route=None,
        bin_days=bin_days,
        survival=survival,
        tail_hazard=tail,
        events=len(survival),
        waiting=0,
        borrowed_steps=0,
        first=None,
        last=None,
        longest_days=bin_days * len(survival),
    )


# --- the product-limit estimate ----------------------------------------------------------------


def test_unweighted_estimate_is_kaplan_meier() -> None:
    # Five LAs: waits ending after 10, 20 and 20 days, two still waiting after 25 and 40 days.
    # Steps of 10 days: step k holds the waits ending in (10k, 10k + 10].
    waits = [
        Wait(0, 0, 10, True),
        Wait(0, 0, 20, True),
        Wait(0, 0, 20, True),
        Wait(0, 0, 25, False),
        Wait(0, 0, 40, False),
    ]
    table = estimate(waits, cut_off=40, bin_days=10, bins=5, halflife_months=None)
    # a wait still under way counts in the steps it covers in full: 25 days, steps 0 and 1
    assert table.at_risk == (5.0, 4.0, 1.0, 1.0, 0.0)
    assert table.ended == (1.0, 2.0, 0.0, 0.0, 0.0)
    assert (table.events, table.waiting, table.longest) == (3, 2, 20)
    hazards = table.hazards(min_at_risk=1.0)
    assert hazards == [0.2, 0.5, 0.0, 0.0, None]
    # S = 0.8, then 0.8 x 0.5 = 0.4, unchanged while no wait ends
    assert survival_of([h or 0.0 for h in hazards]) == pytest.approx((0.8, 0.4, 0.4, 0.4, 0.4))


@given(wait_lengths, st.integers(1, 30))
def test_with_every_wait_ended_the_estimate_is_the_share_still_waiting(
    lengths: list[int], bin_days: int
) -> None:
    # With no wait still open and no weighting, the product-limit estimate is the plain share
    # of waits longer than each step's end (Kaplan and Meier 1958, without censoring).
    bins = max(lengths) // bin_days + 1
    waits = [Wait(0, 0, n, True) for n in lengths]
    table = estimate(
        waits, cut_off=max(lengths), bin_days=bin_days, bins=bins, halflife_months=None
    )
    curve = survival_of([h or 0.0 for h in table.hazards(min_at_risk=1.0)])
    for step, share in enumerate(curve):
        still = sum(n > (step + 1) * bin_days for n in lengths)
        assert share == pytest.approx(still / len(lengths))
    assert (table.events, table.waiting, table.longest) == (len(lengths), 0, max(lengths))


def test_a_step_a_half_life_earlier_weighs_half() -> None:
    halflife = 6.0
    step = round(halflife * DAYS_PER_MONTH)  # one step is one half-life
    # One wait began two steps before the cut-off and is still under way at it.
    table = estimate(
        [Wait(0, 0, 2 * step, False)],
        cut_off=2 * step,
        bin_days=step,
        bins=2,
        halflife_months=step / DAYS_PER_MONTH,
    )
    assert table.at_risk == pytest.approx((0.25, 0.5))


def test_a_wait_observed_late_counts_only_from_then() -> None:
    # Visits are listed only from some day: a wait that began 30 days earlier enters at step 3.
    table = estimate([Wait(0, 30, 50, True)], cut_off=50, bin_days=10, bins=6, halflife_months=None)
    assert table.at_risk == (0.0, 0.0, 0.0, 1.0, 1.0, 0.0)
    assert table.ended == (0.0, 0.0, 0.0, 0.0, 1.0, 0.0)


def test_a_wait_ending_after_the_cut_off_is_an_error() -> None:
    with pytest.raises(ValidationError, match="wait"):
        estimate([Wait(0, 0, 50, True)], cut_off=40, bin_days=10, bins=5, halflife_months=None)


# --- the survival curve ------------------------------------------------------------------------


def test_a_curve_reads_its_window_from_the_shares() -> None:
    # S = 0.75, 0.5, 0.5, 0.25 at the ends of four fortnights; then halving each fortnight.
    c = curve((0.75, 0.5, 0.5, 0.25))
    # quarter by the first fortnight (from day 1), half in the second (its middle, day 21),
    # three quarters by the end of the fourth (day 56)
    assert c.days((0.25, 0.5, 0.75)) == (1, 21, 56)
    # beyond the table: S = 0.25 x 0.5 = 0.125 after the fifth fortnight (day 70)
    assert c.days((0.25, 0.5, 0.875)) == (1, 21, 70)


def test_a_curve_conditions_on_the_wait_so_far() -> None:
    c = curve((0.75, 0.5, 0.5, 0.25))
    # Still waiting after 20 days (S = 0.75): a quarter of those end by S = 0.5625 (fortnight 2),
    # half by S = 0.375 (fortnight 4, its middle: day 49), three quarters by 0.1875 (day 70).
    assert c.days((0.25, 0.5, 0.75), waited=20) == (21, 49, 70)


@given(curves(steps=st.integers(7, 60)), st.integers(0, 600), st.integers(0, 600))
def test_windows_are_ordered_after_the_wait_and_never_earlier_for_a_longer_wait(
    c: Curve, waited: int, more: int
) -> None:
    # steps of a week or more: a one-day step, and a wait so long that the share still waiting
    # falls below the smallest float, are the bugs shown below
    levels = (0.05, 0.5, 0.95)
    low, mid, high = c.days(levels, waited=waited)
    assert waited < low <= mid <= high
    later = c.days(levels, waited=waited + more)
    assert all(b >= a for a, b in zip((low, mid, high), later, strict=True))
    wider = c.days((0.01, 0.5, 0.99), waited=waited)
    assert wider[0] <= low
    assert wider[2] >= high


def test_a_one_day_step_keeps_the_expected_day_inside_the_window() -> None:
    # Nobody inspected in the first day (S = 1): a share of 5% and half both end in the second
    # day, which is day 2; the window must hold its expected day.
    low, mid, high = curve((1.0,), bin_days=1).days((0.05, 0.5, 0.95))
    assert low <= mid <= high


def test_a_wait_longer_than_floats_can_follow_still_gets_a_window() -> None:
    # a tail hazard of 0.9 a step: after 325 two-day steps 0.1 ** 325 is below the smallest float
    c = curve((1.0,), tail=0.9, bin_days=2)
    low, mid, high = c.days((0.05, 0.5, 0.95), waited=650)
    assert 650 < low <= mid <= high


@pytest.mark.parametrize(
    ("survival", "tail", "message"),
    [
        ((0.5, 0.6), 0.5, "non-increasing"),
        ((1.2,), 0.5, "shares"),
        ((0.5,), 0.0, "tail_hazard"),
        ((0.5,), 1.0, "tail_hazard"),
    ],
)
def test_a_curve_refuses_what_is_not_a_survival_curve(
    survival: tuple[float, ...], tail: float, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        curve(survival, tail=tail)


# --- the calibration record ---------------------------------------------------------------------


def test_levels_must_be_three_increasing_probabilities() -> None:
    with pytest.raises(ValidationError, match="levels"):
        attrs.evolve(written_only(), levels=(0.5, 0.5, 0.9))
    with pytest.raises(ValidationError, match="levels"):
        attrs.evolve(written_only(), levels=(0.0, 0.5, 0.9))


def test_the_shipped_calibration_round_trips_through_its_json_values() -> None:
    cal = shipped()
    assert Calibration.from_dict(json.loads(json.dumps(cal.to_dict()))) == cal


@given(calibrations())
def test_every_calibration_round_trips_through_its_json_values(cal: Calibration) -> None:
    text = json.dumps(cal.to_dict(), allow_nan=False)
    again = Calibration.from_dict(json.loads(text))
    assert again == cal
    assert again.to_dict() == cal.to_dict()
    assert [again.curve(c.stage, c.route) for c in cal.curves if c.route is not None] == [
        c for c in cal.curves if c.route is not None
    ]


@given(dates)
def test_a_written_only_calibration_round_trips_and_holds_no_practice(cut_off: D) -> None:
    cal = written_only(cut_off)
    assert cal.empty
    assert Calibration.from_dict(json.loads(json.dumps(cal.to_dict()))) == cal


def test_a_damaged_calibration_file_is_a_parse_error_naming_it() -> None:
    data = shipped().to_dict()
    del data["curves"][0]["survival"]
    with pytest.raises(ParseError, match="calibration"):
        Calibration.from_dict(data)
    data = shipped().to_dict()
    data["cut_off"] = 20250331
    with pytest.raises(ParseError, match="calibration"):
        Calibration.from_dict(data)


def test_the_shipped_calibration_states_its_provenance() -> None:
    cal = shipped()
    assert cal.cut_off == D(2025, 3, 31)
    assert "inspections-2013-2025.csv" in cal.data
    assert cal.source.evidence.name == "D"
    assert cal.halflife_months > 0
    assert not cal.empty
    assert cal.curve(Stage.NEXT_GRADED, RouteGroup.SHORT) is not None


def test_the_shipped_calibration_is_what_the_data_give(shared_data: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "calibration.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_observed_routes_match_the_counts_the_issue_reports() -> None:
    # Issue 8: good or outstanding LAs whose help and protection was RI got a standard
    # inspection in 9 of 24 cases (7 of 93 otherwise).
    below = shipped().type_counts(RouteGroup.SHORT, True)
    other = shipped().type_counts(RouteGroup.SHORT, False)
    assert below is not None
    assert other is not None
    assert dict(below.counts)[InspectionType.STANDARD] == 9
    assert below.total == 24
    assert dict(other.counts)[InspectionType.STANDARD] == 7
    assert other.total == 93


# --- calibrate ---------------------------------------------------------------------------------


def graded(code: str, start: D, grade: str) -> Inspection:
    kind = "short" if grade in ("Good", "Outstanding") else "standard"
    return Inspection(
        code, f"LA {code}", kind, start=start, end=start + dt.timedelta(days=4),
        judgements={"overall": grade},
    )  # fmt: skip


def test_calibrate_learns_the_waits_of_a_small_country() -> None:
    # Six LAs inspected in 2019 and again after 30 to 40 months (no pause in between).
    codes = [f"E0600000{i}" for i in range(1, 7)]
    first = [graded(c, D(2021, 10, 4), "Good") for c in codes]
    months = (30, 32, 34, 36, 38, 40)
    again = [
        graded(c, D(2021, 10, 4) + dt.timedelta(days=round(m * DAYS_PER_MONTH)), "Good")
        for c, m in zip(codes, months, strict=True)
    ]
    cal = calibrate([*first, *again], cut_off=D(2025, 3, 31), halflife_months=120.0)
    found = cal.curve(Stage.NEXT_GRADED, RouteGroup.SHORT)
    assert found is not None
    # 12 waits: the six that ended, and the six second waits still under way.
    assert (found.events, found.waiting) == (6, 6)
    # An LA 29 months after its inspection: the first wait ended in month 30. Waits ended after
    # 30, 32 and 34 months with 6, 5 and 4 LAs waiting: S = 5/6, 4/6, then 1/2 at 34 months,
    # so half were inspected by 34 months (4 August 2024).
    history = [first[0]]
    forecast = next_inspection(history, as_of=D(2024, 3, 1), calibration=cal)
    assert D(2024, 3, 2) <= forecast.earliest <= D(2024, 4, 15)
    assert D(2024, 7, 20) <= forecast.expected <= D(2024, 8, 20)
    # A fourth ended after 36 months (S = 1/3 > 5%); then fewer than MIN_AT_RISK LAs were
    # waiting, so the window's end lies beyond 36 months (4 October 2024), extrapolated.
    assert forecast.latest > D(2024, 10, 4)


def test_a_calibration_from_too_few_events_says_so() -> None:
    few = [graded("E06000001", D(2018, 1, 8), "Good"), graded("E06000001", D(2021, 1, 11), "Good")]
    cal = calibrate(few, cut_off=D(2021, 6, 30))
    assert cal.curve(Stage.NEXT_GRADED, RouteGroup.SHORT) is None
    forecast = next_inspection(few, as_of=D(2021, 6, 30), calibration=cal)
    reason = next(r for r in forecast.reasons if r.code == "practice.none")
    assert f"fewer than {cal.min_events} such waits ended" in reason.text
    assert forecast.practice.name == "WRITTEN"


@pytest.mark.parametrize(
    ("inspections", "cut_off", "field"),
    [
        (None, D(2025, 3, 31), "inspections"),
        ("E06000001", D(2025, 3, 31), "inspections"),
        ([object()], D(2025, 3, 31), "inspections"),
        ([], "2025-03-31", "cut_off"),
        ([graded("E06000001", D(2018, 1, 8), "Good")], D(2017, 12, 31), "cut_off"),
    ],
)
def test_calibrate_refuses_bad_input_naming_the_field(
    inspections: object, cut_off: object, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        calibrate(inspections, cut_off=cut_off)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_calibrate_refuses_rules_that_are_not_rules() -> None:
    with pytest.raises(ValidationError, match="rules"):
        calibrate([], cut_off=D(2025, 3, 31), rules=None)  # type: ignore[arg-type]


def test_the_exact_call_of_the_issue_works_on_the_real_data(
    real_inspections: list[Inspection],
) -> None:
    from ilacs.records import histories

    national = real_inspections
    history = histories(national)["E06000034"]
    t = D(2025, 3, 31)
    import ilacs

    forecast = ilacs.next_inspection(
        history, as_of=t, calibration=ilacs.calibrate(national, cut_off=t)
    )
    assert forecast.practice.name == "OBSERVED"
    assert forecast.earliest > t
    assert math.isclose(forecast.type_share or 0.0, 86 / 93)

"""The back-test machinery on small slices, and the shipped calibration against its generator."""

from __future__ import annotations

import datetime as dt

import pytest

from ilacs.catalogue.calibration import CALIBRATION
from ilacs.errors import ValidationError
from ilacs.records import Inspection
from ilacs.scheduling import calibrate
from ilacs.scheduling.backtest import ALPHA, backtest, half_yearly

D = dt.date


def _good(code: str, start: D) -> Inspection:
    kind = "sif" if start < D(2018, 1, 1) else "short"
    return Inspection(
        code,
        code,
        kind,
        start=start,
        end=start + dt.timedelta(days=4),
        judgements={"overall": "Good"},
    )


def test_half_yearly_origins_run_every_six_months_inclusive() -> None:
    assert half_yearly(D(2019, 1, 1), D(2020, 1, 1)) == (
        D(2019, 1, 1),
        D(2019, 7, 1),
        D(2020, 1, 1),
    )


def test_a_hit_a_miss_and_an_open_window_are_scored_and_counted() -> None:
    hit = [_good("E1", D(2014, 1, 6)), _good("E1", D(2017, 1, 9))]  # on the anniversary
    late = [_good("E2", D(2014, 1, 6)), _good("E2", D(2018, 1, 8))]  # a year late
    waiting = [_good("E3", D(2014, 12, 1))]  # nothing after; window open at the end of data
    result = backtest(
        [*hit, *late, *waiting], origins=[D(2015, 1, 1)], end=D(2018, 3, 31), pauses="catalogue"
    )
    baseline = result.score("baseline")
    assert baseline.n == 2
    assert baseline.covered == 1
    assert baseline.left_out == 1
    assert baseline.closed_misses == 0
    # two windows of 365 days; the miss is 8 Jan 2018 against a window ending 6 Jul 2017
    assert baseline.median_width == 365
    assert baseline.mean_interval_score == pytest.approx((365 + 365 + (2 / ALPHA) * 186) / 2)
    assert result.pauses == "catalogue"


def test_a_window_that_closed_without_an_inspection_is_a_miss_scored_at_the_end_of_data() -> None:
    never = [_good("E1", D(2014, 1, 6))]
    result = backtest(never, origins=[D(2015, 1, 1)], end=D(2019, 12, 31))
    for score in result.scores:
        assert score.n == 1
        assert score.covered == 0
        assert score.closed_misses == 1


def test_reorganised_councils_are_linked_to_their_successors_and_new_ones_wait_for_creation() -> (
    None
):
    poole = [
        Inspection(
            "E06000029",
            "Poole",
            "sif",
            start=D(2017, 11, 24),
            end=D(2017, 12, 14),
            judgements={"overall": "Requires improvement"},
        )
    ]
    bcp = [
        Inspection(
            "E06000058",
            "BCP",
            "standard",
            start=D(2021, 12, 6),
            end=D(2021, 12, 17),
            judgements={"overall": "Inadequate"},
        )
    ]
    result = backtest([*poole, *bcp], origins=[D(2019, 1, 1), D(2019, 7, 1)], end=D(2024, 3, 31))
    assert result.linked == 1  # Poole in January 2019, scored against BCP's first inspection
    # BCP did not exist in January 2019; Poole did not exist in July 2019.
    assert result.not_existing == 2
    assert result.score("baseline").n + result.score("baseline").left_out == 2


def test_backtest_refuses_origins_after_the_end_and_unknown_pause_modes() -> None:
    with pytest.raises(ValidationError, match="origins"):
        backtest([], origins=[D(2025, 1, 1)], end=D(2024, 3, 31))
    with pytest.raises(ValidationError, match="pauses"):
        backtest([], origins=[D(2020, 1, 1)], end=D(2024, 3, 31), pauses="oracle")  # type: ignore[arg-type]


def test_the_library_beats_the_baseline_on_a_slice_of_the_real_data(
    real_inspections: list[Inspection],
) -> None:
    result = backtest(real_inspections, origins=[D(2022, 1, 1), D(2023, 1, 1)], end=D(2024, 3, 31))
    library, baseline = result.score("library"), result.score("baseline")
    assert library.n > 50
    assert library.coverage > baseline.coverage
    assert library.mean_interval_score < baseline.mean_interval_score


def test_the_shipped_calibration_equals_what_the_generator_computes(
    real_inspections: list[Inspection],
) -> None:
    regenerated = calibrate(
        real_inspections, cut_off=CALIBRATION.cut_off, data_file=CALIBRATION.data_file
    )
    assert regenerated == CALIBRATION, "run: python benchmarks/calibrate.py --write"


def test_calibration_never_looks_past_its_cut_off(real_inspections: list[Inspection]) -> None:
    cut = D(2021, 1, 1)
    early = calibrate(real_inspections, cut_off=cut)
    only_known = calibrate([i for i in real_inspections if i.date <= cut], cut_off=cut)
    assert early == only_known

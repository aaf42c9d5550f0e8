"""The back-test: scoring worked by hand on a tiny country, and the docs' table kept current."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import attrs
import pytest

from ilacs.errors import ValidationError
from ilacs.fitting.backtest import MODELS, Backtest, backtest, known_pauses, quarterly
from ilacs.records import Inspection
from ilacs.scheduling.calibration import written_only
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules

D = dt.date
ROOT = Path(__file__).resolve().parents[1]


def short(code: str, start: D) -> Inspection:
    return Inspection(
        code, f"LA {code}", "short", start=start, end=start + dt.timedelta(days=4),
        judgements={"overall": "Good"},
    )  # fmt: skip


def two_inspections_from(
    first: D, second: D, *, origin: D, rules: SchedulingRules = DEFAULT_RULES
) -> Backtest:
    """The back-test at one origin of one LA's two short inspections, with the written rules."""
    written = written_only()
    return backtest(
        [short("E06000001", first), short("E06000001", second)],
        origins=(origin,),
        end=D(2025, 12, 31),
        shipped=written,
        rules=rules,
        fit=lambda known, origin, rules: written,
    )


def test_quarterly_origins_include_both_ends() -> None:
    assert quarterly(D(2022, 1, 1), D(2022, 12, 31)) == (
        D(2022, 1, 1),
        D(2022, 4, 1),
        D(2022, 7, 1),
        D(2022, 10, 1),
    )


def test_a_pause_under_way_at_an_origin_is_assumed_to_end_the_next_day() -> None:
    (covid, *_) = known_pauses(DEFAULT_RULES.pauses, D(2020, 6, 1))
    assert covid.resume == D(2020, 6, 2)
    assert known_pauses(DEFAULT_RULES.pauses, D(2019, 1, 1)) == ()


def test_the_naive_baselines_are_scored_as_the_issue_defines_them() -> None:
    # One LA inspected on 10 January 2022 and again on 2 June 2025.
    result = two_inspections_from(D(2022, 1, 10), D(2025, 6, 2), origin=D(2025, 3, 1))
    naive = result.score("naive")
    # last start + 3 years +- 6 months: 10 July 2024 to 10 July 2025, holding 2 June 2025
    assert (naive.n, naive.covered, naive.median_width) == (1, 1, 365)
    moved = result.score("naive, overdue moved")
    assert moved.mean_interval_score == naive.mean_interval_score  # not overdue: the same window
    assert result.not_existing == 0
    assert result.no_route == 0


def test_the_naive_baselines_follow_the_cycle_of_the_rules_given() -> None:
    four = attrs.evolve(DEFAULT_RULES, cycle=attrs.evolve(DEFAULT_RULES.cycle, years=4))
    result = two_inspections_from(D(2022, 1, 10), D(2025, 6, 2), origin=D(2025, 3, 1), rules=four)
    naive = result.score("naive")
    # last start + 4 years +- 6 months: 10 July 2025 to 10 July 2026, after 2 June 2025
    assert (naive.n, naive.covered, naive.median_width) == (1, 0, 365)
    assert naive.mean_interval_score == 365 + 10 * (D(2025, 7, 10) - D(2025, 6, 2)).days


def test_an_overdue_naive_window_moves_to_the_next_year_and_misses_are_penalised() -> None:
    result = two_inspections_from(D(2020, 1, 6), D(2025, 6, 2), origin=D(2024, 1, 1))
    naive, moved = result.score("naive"), result.score("naive, overdue moved")
    # naive: 6 July 2022 to 6 July 2023, closed 697 days before 2 June 2025
    assert naive.mean_interval_score == 365 + 10 * (D(2025, 6, 2) - D(2023, 7, 6)).days
    # moved: 2 January 2024 to 1 January 2025 (365 days), 152 days before the real start
    assert moved.mean_interval_score == 365 + 10 * (D(2025, 6, 2) - D(2025, 1, 1)).days
    assert set(MODELS) == {s.model for s in result.scores}


def test_an_origin_after_the_end_is_an_error() -> None:
    with pytest.raises(ValidationError, match="origins"):
        backtest([], origins=(D(2026, 1, 1),), end=D(2025, 3, 31), shipped=written_only())


def test_the_docs_show_the_back_test_as_the_benchmark_writes_it(shared_data: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "backtest_bench", ROOT / "benchmarks" / "backtest.py"
    )
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["backtest_bench"] = bench
    spec.loader.exec_module(bench)
    from ilacs.tabular import read_csv

    table = bench.tables(read_csv(bench.DATA))
    text = bench.DOCS.read_text(encoding="utf-8")
    assert bench.docs_with(table, text) == text, "run: python benchmarks/backtest.py --write-docs"
    assert "Targets (origins since graded inspections resumed)" in table

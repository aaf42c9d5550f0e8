"""Benchmark: working-day arithmetic costs the same for any span.

Prints the time per call of ``add_working_days`` for n = 10 and n = 10,000 and of
``working_days_between`` over 1 year and over 40 years, the ratio long/short for each, and the
same figures for a naive day-by-day baseline (defined here, not in the library) measured in the
same run. Run from the repository root: ``.venv/bin/python benchmarks/workdays.py``.
"""

from __future__ import annotations

import datetime as dt
import timeit
from collections.abc import Callable

from ilacs.workdays import add_working_days, bank_holidays, working_days_between

START = dt.date(1985, 3, 4)
ONE_YEAR = dt.date(1986, 3, 4)
FORTY_YEARS = dt.date(2025, 3, 4)
ONE_DAY = dt.timedelta(days=1)


def _naive_is_working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def naive_add(day: dt.date, n: int) -> dt.date:
    """Baseline: step one calendar day at a time (n > 0)."""
    left = n
    while left:
        day += ONE_DAY
        left -= _naive_is_working(day)
    return day


def naive_between(a: dt.date, b: dt.date) -> int:
    """Baseline: count one calendar day at a time over (a, b] (a <= b)."""
    count = 0
    while a < b:
        a += ONE_DAY
        count += _naive_is_working(a)
    return count


def per_call(function: Callable[[], object], budget: float = 0.15) -> float:
    """Seconds per call: the best of 5 repeats, each sized to take about ``budget / 5``."""
    timer = timeit.Timer(function)
    once = max(timer.timeit(number=1), 1e-7)  # also a warm-up
    number = max(1, int(budget / 5 / once))
    return min(timer.repeat(repeat=5, number=number)) / number


def _row(label: str, short: float, long: float) -> str:
    return f"{label:<46} {short * 1e6:>10.2f} µs {long * 1e6:>12.2f} µs {long / short:>8.2f}x"


def main() -> None:
    """Measure and print the figures."""
    # Check both implementations agree before timing them; this also builds the index.
    assert add_working_days(START, 10_000) == naive_add(START, 10_000)
    assert working_days_between(START, FORTY_YEARS) == naive_between(START, FORTY_YEARS)

    add_10 = per_call(lambda: add_working_days(START, 10))
    add_10k = per_call(lambda: add_working_days(START, 10_000))
    between_1y = per_call(lambda: working_days_between(START, ONE_YEAR))
    between_40y = per_call(lambda: working_days_between(START, FORTY_YEARS))
    naive_add_10 = per_call(lambda: naive_add(START, 10))
    naive_add_10k = per_call(lambda: naive_add(START, 10_000))
    naive_between_1y = per_call(lambda: naive_between(START, ONE_YEAR))
    naive_between_40y = per_call(lambda: naive_between(START, FORTY_YEARS))

    print(f"{'per call':<46} {'short':>13} {'long':>15} {'long/short':>9}")
    print(_row("ilacs add_working_days, n=10 vs n=10_000", add_10, add_10k))
    print(_row("naive   add (day by day), n=10 vs n=10_000", naive_add_10, naive_add_10k))
    print(_row("ilacs working_days_between, 1 vs 40 years", between_1y, between_40y))
    print(_row("naive   between (day by day), 1 vs 40 years", naive_between_1y, naive_between_40y))
    print()
    print(f"speed-up over naive, add n=10_000:       {naive_add_10k / add_10k:>10.0f}x")
    print(f"speed-up over naive, between 40 years:   {naive_between_40y / between_40y:>10.0f}x")


if __name__ == "__main__":
    main()

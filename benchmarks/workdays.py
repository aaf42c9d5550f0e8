"""Benchmark: working-day arithmetic costs the same for any span.

Prints the time per call of ``add_working_days`` for n = 10 and n = 10,000 and of
``working_days_between`` over 1 year and over 40 years, the ratio long/short for each, and the
same figures for a naive day-by-day baseline (defined here, not in the library) measured in the
same run. Run from the repository root: ``.venv/bin/python benchmarks/workdays.py``.

``--against REV`` also times the working-day module of git revision ``REV`` (for example
``main``, before a change) in the same run, and prints the ratio of today's time to its time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import timeit
import types
from collections.abc import Callable
from functools import partial
from pathlib import Path

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


def interleaved(
    first: Callable[[], object], second: Callable[[], object], rounds: int = 15
) -> tuple[float, float]:
    """Seconds per call of each, the best of ``rounds`` rounds timed turn about (so that a
    busy machine slows both alike)."""
    timers = [timeit.Timer(first), timeit.Timer(second)]
    number = max(1, int(0.01 / max(timers[0].timeit(number=1), 1e-7)))
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for i, timer in enumerate(timers):
            best[i] = min(best[i], timer.timeit(number=number) / number)
    return best[0], best[1]


def module_at(revision: str) -> types.ModuleType:
    """``ilacs.workdays`` as it was at git ``revision`` (a module, or a package's ``__init__``;
    a package's own submodules come from today's tree)."""
    root = Path(__file__).resolve().parents[1]
    for path in ("src/ilacs/workdays.py", "src/ilacs/workdays/__init__.py"):
        shown = subprocess.run(
            ["git", "show", f"{revision}:{path}"], cwd=root, capture_output=True, text=True
        )
        if shown.returncode == 0:
            module = types.ModuleType(f"workdays_at_{revision}")
            sys.modules[module.__name__] = module  # attrs looks its classes' module up
            exec(compile(shown.stdout, f"{revision}:{path}", "exec"), module.__dict__)
            return module
    raise SystemExit(f"no working-day module at git revision {revision!r}")


def compare_with(revision: str) -> None:
    """Time today's functions and those of ``revision`` on the same calls, in this run."""
    old = module_at(revision)
    calls: list[tuple[str, str, tuple[object, ...]]] = [
        ("add_working_days, n=10", "add_working_days", (START, 10)),
        ("add_working_days, n=10_000", "add_working_days", (START, 10_000)),
        ("add_working_days, n=-70 from a Saturday", "add_working_days", (dt.date(2023, 5, 6), -70)),
        ("working_days_between, 1 year", "working_days_between", (START, ONE_YEAR)),
        ("working_days_between, 40 years", "working_days_between", (START, FORTY_YEARS)),
        ("is_working_day", "is_working_day", (dt.date(2022, 9, 19),)),
    ]
    print(f"\n{'per call':<46} {'today':>13} {revision:>15} {'today/' + revision:>12}")
    today = sys.modules["ilacs.workdays"]
    for label, name, args in calls:
        new_f, old_f = getattr(today, name), getattr(old, name)
        assert new_f(*args) == old_f(*args), label
        new, before = interleaved(partial(new_f, *args), partial(old_f, *args))
        print(f"{label:<46} {new * 1e6:>10.2f} µs {before * 1e6:>12.2f} µs {new / before:>11.2f}x")


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--against", metavar="REV", help="also time the module at git REV")
    arguments = parser.parse_args()
    main()
    if arguments.against:
        compare_with(arguments.against)

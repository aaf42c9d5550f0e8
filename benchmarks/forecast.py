"""How fast one forecast is: warm ``next_inspection`` per second, and the first one after import.

    python benchmarks/forecast.py

Issue 9's measures, on ``../shared/data/inspections-2013-2025.csv``:

- warm ``next_inspection`` (the shipped calibration, the histories already grouped) over every
  LA at four dates: at least 50,000 forecasts a second with the reasons available on demand,
  and at least 10,000 a second when every reason's text is read. Warm means asked before: a
  forecast of a :class:`~ilacs.records.History` is remembered (immutable values, so the same
  question has the same answer). A new question each time (the same LAs on days not asked
  before) is measured too, and printed beside them: that is what a back-test pays;
- ``import ilacs`` plus the first forecast, in a fresh interpreter: at most 1.5 times the cost
  of importing attrs and dateutil (the baseline, measured in the same run).

The baseline for the warm figures is the bare arithmetic a caller could do by hand: the last
graded start plus three years, for the same histories. Prints a message and exits 0 when the
data are absent.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
from pathlib import Path

from _common import best_of
from dateutil.relativedelta import relativedelta

from ilacs.errors import IlacsError
from ilacs.records import History, histories
from ilacs.scheduling import next_inspection
from ilacs.scheduling.calibration import shipped
from ilacs.tabular import read_csv

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "inspections-2013-2025.csv"
DATES = (dt.date(2019, 6, 1), dt.date(2021, 12, 31), dt.date(2024, 3, 31), dt.date(2025, 3, 31))
WARM_GOAL = 50_000
TEXT_GOAL = 10_000
IMPORT_GOAL = 1.5

FIRST = """
import datetime as dt, time
started = time.perf_counter()
import ilacs
history = [ilacs.Inspection("E06000034", "Thurrock", "standard", start=dt.date(2019, 11, 11),
           end=dt.date(2019, 11, 22), judgements={"overall": "Good"})]
ilacs.next_inspection(history, as_of=dt.date(2020, 1, 31))
print(time.perf_counter() - started)
"""
BASELINE = """
import time
started = time.perf_counter()
import attrs, dateutil.relativedelta
print(time.perf_counter() - started)
"""


def cases(every: dict[str, History]) -> list[tuple[History, dt.date]]:
    """Each LA at each date on which it can be forecast."""
    found = []
    for history in every.values():
        for day in DATES:
            try:
                next_inspection(history, as_of=day)
            except IlacsError:
                continue
            found.append((history, day))
    return found


def fresh(code: str) -> float:
    """The median of seven fresh interpreters running ``code``, in seconds.

    As an installed package runs: with its bytecode compiled (pip compiles it on install), so
    ``PYTHONDONTWRITEBYTECODE`` is left out of the environment and the first run writes it.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env=env).stdout)
        for _ in range(8)
    ]  # fmt: skip
    return statistics.median(runs[1:])


def main() -> int:
    """Print the figures, their ratios to the baselines and whether the goals are met."""
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the shared data folder sits beside the checkout)")
        return 0
    every = histories(read_csv(DATA))
    calibration = shipped()
    todo = cases(every)

    def bare() -> int:
        for history, day in todo:
            last = history.last_graded(day)
            if last is not None:
                _ = last.date + relativedelta(years=3)
        return len(todo)

    def warm() -> int:
        for history, day in todo:
            next_inspection(history, as_of=day, calibration=calibration)
        return len(todo)

    def worded() -> int:
        words = 0
        for history, day in todo:
            forecast = next_inspection(history, as_of=day, calibration=calibration)
            words += sum(len(r.text) for r in forecast.reasons)
        return len(todo)

    def fresh_days() -> int:
        shift = next(offsets)
        for history, day in todo:
            next_inspection(history, as_of=day + dt.timedelta(days=shift), calibration=calibration)
        return len(todo)

    offsets = iter(range(1, 100))
    base, _, n = best_of(3, bare)
    fast = best_of(3, warm).wall
    text = best_of(3, worded).wall
    new = best_of(3, fresh_days).wall
    print(f"{n} forecasts ({len(every)} LAs at {len(DATES)} dates)")
    print(f"{'case':44} {'per second':>11} {'x bare arithmetic':>18}")
    for name, seconds in (
        ("bare arithmetic (last start + 3 years)", base),
        ("next_inspection, reasons on demand", fast),
        ("next_inspection, every reason's text read", text),
        ("next_inspection, a new question each time", new),
    ):
        print(f"{name:44} {n / seconds:11,.0f} {seconds / base:18.1f}")
    first, baseline = fresh(FIRST), fresh(BASELINE)
    print(f"\nimport ilacs + first forecast: {first * 1000:.1f} ms; import attrs + dateutil: "
          f"{baseline * 1000:.1f} ms; ratio {first / baseline:.2f}")  # fmt: skip
    for label, value, goal, higher in (
        ("warm forecasts a second", n / fast, WARM_GOAL, True),
        ("forecasts a second, text read", n / text, TEXT_GOAL, True),
        ("import + first forecast / baseline", first / baseline, IMPORT_GOAL, False),
    ):
        met = value >= goal if higher else value <= goal
        sign = ">=" if higher else "<="
        print(f"{label}: {value:,.2f} (goal {sign} {goal:,}): {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

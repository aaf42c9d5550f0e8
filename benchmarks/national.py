"""How long the national table takes: next_inspections for every LA, observed practice included.

    python benchmarks/national.py

Times ``ilacs.next_inspections`` on ``../shared/data/inspections-2013-2025.csv`` as of 31 March
2025 (the 153 LAs of England; observed practice learnt from the file in the same call), with the
shipped calibration, and against a baseline measured in the same run: grouping the same
inspections into histories and taking "last start + 3 years" for each LA. Goal (issue 8): the
national table, calibration included, well under a second. Prints a message and exits 0 when the
data are absent.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from _common import best_of
from dateutil.relativedelta import relativedelta

from ilacs.records import Inspection, histories
from ilacs.scheduling import next_inspections
from ilacs.scheduling.calibration import shipped
from ilacs.tabular import read_csv

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "inspections-2013-2025.csv"
AS_OF = dt.date(2025, 3, 31)
GOAL_SECONDS = 1.0


def naive(inspections: list[Inspection]) -> list[dt.date]:
    """The baseline: last graded start + 3 years for each LA."""
    out = []
    for history in histories(inspections).values():
        last = history.last_graded(AS_OF)
        if last is not None:
            out.append(last.date + relativedelta(years=3))
    return out


def main() -> int:
    """Print the timings and their ratios to the baseline."""
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the shared data folder sits beside the checkout)")
        return 0
    inspections = read_csv(DATA)
    shipped()  # loaded once, as in a long-running tool
    base = best_of(5, lambda: naive(inspections)).wall
    learnt = best_of(5, lambda: next_inspections(inspections, as_of=AS_OF)).wall
    fixed = best_of(
        5, lambda: next_inspections(inspections, as_of=AS_OF, calibration=shipped())
    ).wall
    count = len(next_inspections(inspections, as_of=AS_OF))
    print(f"{count} LAs as of {AS_OF.isoformat()}")
    print(f"{'case':52} {'seconds':>8} {'x baseline':>11}")
    print(f"{'baseline: histories + last start + 3 years':52} {base:8.3f} {1.0:11.1f}")
    print(f"{'next_inspections, learning from the file':52} {learnt:8.3f} {learnt / base:11.1f}")
    print(f"{'next_inspections, shipped calibration':52} {fixed:8.3f} {fixed / base:11.1f}")
    verdict = "met" if learnt < GOAL_SECONDS else "NOT met"
    print(
        f"\nnational table with calibration: {learnt:.3f} s (goal: under {GOAL_SECONDS:g} s): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

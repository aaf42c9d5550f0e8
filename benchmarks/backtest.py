"""Back-test the next-inspection windows on the real data, against the 3-years ± 6-months baseline.

    python benchmarks/backtest.py

Replays ../shared/data/inspections-2013-2024.csv from ten origins, every six months from
1 January 2019 to 1 July 2023. At each origin every LA that exists then is forecast from what was
known at the origin, with the calibration recomputed from the data up to the origin only, and the
window is compared with the start of the LA's real next graded inspection. Two runs: national
pauses as known at each origin (a pause under way is assumed to end the next day), and the
catalogue's pause dates (hindsight for origins before September 2021). Each prints, for the
library, the written rules alone and the baseline (last start + 3 years ± 6 months): coverage,
median width, mean interval score of an 80% interval (width + 10 x days outside), and the ratio
of the library's score to the baseline's. See ilacs.scheduling.backtest for the exact rules of
scoring. Prints a message and exits 0 when the data are absent.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from ilacs.scheduling.backtest import Backtest, backtest, half_yearly
from ilacs.tabular import read_csv

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "inspections-2013-2024.csv"
END = dt.date(2024, 3, 31)
ORIGINS = half_yearly(dt.date(2019, 1, 1), dt.date(2023, 7, 1))
TARGET_COVERAGE, TARGET_WIDTH = 0.85, 365


def report(result: Backtest, seconds: float) -> None:
    print(f"\npauses: {result.pauses} ({seconds:.1f} s)")
    print(
        f"{'model':15} {'n':>5} {'coverage':>9} {'median width':>13} {'interval score':>15} {'left out':>9}"
    )
    for s in result.scores:
        print(
            f"{s.model:15} {s.n:5d} {s.coverage:9.1%} {s.median_width:10.0f} d "
            f"{s.mean_interval_score:15.1f} {s.left_out:9d}"
        )
    library, baseline = result.score("library"), result.score("baseline")
    ratio = library.mean_interval_score / baseline.mean_interval_score
    print(f"library / baseline interval score: {ratio:.3f}")
    met = library.coverage >= TARGET_COVERAGE and library.median_width <= TARGET_WIDTH
    print(
        f"targets (coverage >= {TARGET_COVERAGE:.0%} with median width <= {TARGET_WIDTH} d): "
        f"{'met' if met else 'not met'}; lower score than baseline: {ratio < 1}"
    )
    print(
        f"closed windows scored as misses: library {library.closed_misses}, baseline "
        f"{baseline.closed_misses}; replaced LAs scored against successors: {result.linked}; "
        f"LA-origin pairs skipped (LA not existing): {result.not_existing}; no route: "
        f"{result.no_route}"
    )


def main() -> int:
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the shared data folder sits beside the checkout)")
        return 0
    inspections = read_csv(DATA)
    print(
        f"{len(inspections)} inspections; origins {ORIGINS[0]} to {ORIGINS[-1]} every 6 months "
        f"({len(ORIGINS)}); end of data {END}"
    )
    for pauses in ("known", "catalogue"):
        started = time.perf_counter()
        result = backtest(inspections, origins=ORIGINS, end=END, pauses=pauses)
        report(result, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Back-test the next-inspection windows on the real data, against the 3-years ± 6-months baseline.

    python benchmarks/backtest.py           # the figures (a few seconds)
    python benchmarks/backtest.py --curve   # and the trade-off of the queue's percentiles
    python benchmarks/backtest.py --hindsight   # and the best the queue could do with hindsight

Replays ../shared/data/inspections-2013-2024.csv from ten origins, every six months from
1 January 2019 to 1 July 2023. At each origin every LA that exists then is forecast from what was
known at the origin, with the calibration (the queue and the routes' lateness) recomputed from
the data up to the origin only, and the window is compared with the start of the LA's real next
graded inspection. Two runs: national pauses as known at each origin (a pause under way is
assumed to end the next day), and the catalogue's pause dates (hindsight for origins before
September 2021). Each prints, for the library (the queue, else the route's lateness), the
library without its queue ("lateness only", the method before the queue), the written rules
alone and the baseline (last start + 3 years ± 6 months): coverage, median width, mean interval
score of an 80% interval (width + 10 x days outside), and the ratio of the library's score to the
baseline's. Then the same for the four origins after the COVID-19 pause ended (January 2022 to
July 2023, where both runs agree). With --curve, the library's coverage, median width and
interval score for several choices of the queue's percentiles (in both runs and after the
pause); with --hindsight, the coverage
and width the queue's day would reach if its spread were fitted on the scored residuals
themselves (an optimistic bound). See ilacs.scheduling.backtest for
the exact rules of scoring. Prints a message and exits 0 when the data are absent.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from typing import Literal

import attrs

from ilacs.catalogue.calibration import QUEUE_LEAD_EDGES, QUEUE_LOWER, QUEUE_UPPER, quantile
from ilacs.records import Inspection, histories
from ilacs.scheduling.backtest import Backtest, backtest, half_yearly, known_pauses
from ilacs.scheduling.calibrate import calibrate
from ilacs.scheduling.optime import from_operating, to_operating
from ilacs.scheduling.queue import turn
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.tabular import read_csv

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "inspections-2013-2024.csv"
END = dt.date(2024, 3, 31)
ORIGINS = half_yearly(dt.date(2019, 1, 1), dt.date(2023, 7, 1))
AFTER_PAUSE = tuple(o for o in ORIGINS if o >= dt.date(2022, 1, 1))
TARGET_COVERAGE, TARGET_WIDTH = 0.85, 365
CURVE = ((0.2, 0.8), (0.15, 0.85), (0.1, 0.9), (0.075, 0.925), (0.05, 0.95), (0.025, 0.975))


def report(result: Backtest, seconds: float, title: str) -> None:
    """Print one run's scores, its ratios to the baseline and lateness only, and its counts."""
    print(f"\n{title} ({seconds:.1f} s)")
    print(
        f"{'model':15} {'n':>5} {'coverage':>9} {'median width':>13} {'interval score':>15} "
        f"{'left out':>9}"
    )
    for s in result.scores:
        print(
            f"{s.model:15} {s.n:5d} {s.coverage:9.1%} {s.median_width:10.0f} d "
            f"{s.mean_interval_score:15.1f} {s.left_out:9d}"
        )
    library, baseline = result.score("library"), result.score("baseline")
    before = result.score("lateness only")
    ratio = library.mean_interval_score / baseline.mean_interval_score
    print(
        f"library / baseline interval score: {ratio:.3f}; library / lateness only: "
        f"{library.mean_interval_score / before.mean_interval_score:.3f}"
    )
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


def curve(inspections: list[Inspection]) -> None:
    """Print the library's scores with the queue's window at each percentile pair of CURVE."""
    print(
        "\ntrade-off: the library with the queue's window at other percentiles "
        f"(shipped: {QUEUE_LOWER:g} to {QUEUE_UPPER:g})"
    )
    print(f"{'run':10} {'percentiles':>13} {'coverage':>9} {'median width':>13} {'score':>8}")
    runs: tuple[tuple[str, Literal["known", "catalogue"], tuple[dt.date, ...]], ...] = (
        ("known", "known", ORIGINS),
        ("catalogue", "catalogue", ORIGINS),
        ("after", "known", AFTER_PAUSE),
    )
    for name, pauses, origins in runs:
        for lower, upper in CURVE:
            result = backtest(
                inspections, origins=origins, end=END, pauses=pauses, levels=(lower, upper)
            )
            s = result.score("library")
            print(
                f"{name:10} {f'{lower:g}-{upper:g}':>13} {s.coverage:9.1%} "
                f"{s.median_width:10.0f} d {s.mean_interval_score:8.1f}"
            )


def hindsight(inspections: list[Inspection]) -> None:
    """The best the queue's day could do if its spread were known with hindsight.

    At each origin, each LA of the queue (as calibrated at the origin) whose real next graded
    inspection the data hold: its residual (real start minus the queue's day, in days of
    routine inspection). Percentiles per band of lead are then taken over all origins at once,
    from the very residuals being scored, and each window is floored at the day after the
    origin. Optimistic: LAs still waiting at the end of the data are left out, and nothing is
    learned out of sample.
    """
    every = histories(inspections)
    edges = (0, *QUEUE_LEAD_EDGES)
    print("\nhindsight: the queue's day with percentiles fitted on the scored residuals themselves")
    print(f"{'pauses':10} {'percentiles':>13} {'coverage':>9} {'median width':>13} {'n':>6}")
    for pauses in ("known", "catalogue"):
        rows: list[tuple[int, float, float, int, SchedulingRules, dt.date]] = []
        for origin in ORIGINS:
            paused = (
                known_pauses(DEFAULT_RULES.pauses, origin)
                if pauses == "known"
                else DEFAULT_RULES.pauses
            )
            rules = attrs.evolve(DEFAULT_RULES, pauses=paused)
            known = [i for i in inspections if i.date <= origin]
            queue = calibrate(known, cut_off=origin, rules=rules).queue
            if queue is None:
                continue
            here = to_operating(origin, rules.pauses)
            for rank, entry in enumerate(queue.entries):
                own = every.get(entry.la_code)
                later = [e.date for e in own.graded() if e.date > origin] if own else []
                if not later:
                    continue
                day = turn(here, rank, queue.days_per_inspection)
                band = sum(1 for edge in edges[1:] if day - here >= edge)
                residual = to_operating(later[0], rules.pauses) - day
                rows.append((band, day, residual, here, rules, later[0]))
        for lower, upper in CURVE:
            bounds = {}
            for band in range(len(edges)):
                values = tuple(sorted(round(r[2]) for r in rows if r[0] == band))
                if values:
                    bounds[band] = (quantile(values, lower), quantile(values, upper))
            covered, widths = 0, []
            for band, day, _, here, rules, start in rows:
                low = max(round(day + bounds[band][0]), here + 1)
                high = max(round(day + bounds[band][1]), low)
                first = from_operating(low, rules.pauses)
                last = from_operating(high, rules.pauses)
                covered += first <= start <= last
                widths.append((last - first).days)
            print(
                f"{pauses:10} {f'{lower:g}-{upper:g}':>13} {covered / len(rows):9.1%} "
                f"{statistics.median(widths):10.0f} d {len(rows):6d}"
            )


def main(argv: list[str]) -> int:
    """Run the back-test (and ``--curve``, ``--hindsight``) and print the figures."""
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
        report(result, time.perf_counter() - started, f"pauses: {pauses}")
    started = time.perf_counter()
    result = backtest(inspections, origins=AFTER_PAUSE, end=END, pauses="known")
    report(
        result,
        time.perf_counter() - started,
        f"after the pause: origins {AFTER_PAUSE[0]} to {AFTER_PAUSE[-1]} (both pause modes agree)",
    )
    if "--curve" in argv:
        curve(inspections)
    if "--hindsight" in argv:
        hindsight(inspections)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

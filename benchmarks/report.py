"""Time the national report: every LA in Ofsted's file, forecast, drawn and laid out as HTML.

The goal of issue 11: rendering the national report for the 153 LAs of an Ofsted file takes a
few seconds at most (taken here as 5 seconds for the whole `ilacs report` command, start to
finish, in a fresh process). The baseline, measured in the same run on the same file, is
`ilacs next`: reading the file and forecasting every LA, without drawing anything.

Each figure is the best of several runs, in seconds (wall time; the processes' CPU time beside
it, since other work on a shared machine slows the wall clock but not the CPU):

- the two commands, each in a fresh Python process (imports and file reading included);
- inside one process: the forecasts, the national chart as SVG, the LAs' timelines as SVG (in
  this process, then shared among the machine's cores), and the whole page.

Run: .venv/bin/python benchmarks/report.py (needs ../shared/data).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _common import best_of

import ilacs
from ilacs.catalogue.frameworks import JudgementArea
from ilacs.ofsted import read_ofsted
from ilacs.report import render_report
from ilacs.scheduling import next_inspections

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILE = DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_March_2024.ods"
AS_OF = dt.date(2024, 3, 31)
GOAL_SECONDS = 5.0
RUNS = 3


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """The shortest wall time of ``RUNS`` calls, and the CPU time of that call."""
    wall, used, _ = best_of(RUNS, work)
    return wall, used


def command(*args: str) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(
            [sys.executable, "-m", "ilacs", *args], check=True, capture_output=True, timeout=300
        )

    return run


def main() -> int:
    if not FILE.is_file():
        print(f"data not found at {FILE}: nothing to measure")
        return 0
    cores = os.cpu_count() or 1
    out = Path(tempfile.mkdtemp()) / "report.html"
    history = ["--history", str(FILE), "--as-of", AS_OF.isoformat()]
    rows = []
    base = timed(command("next", *history))
    rows.append(("ilacs next (baseline: read and forecast)", base))
    whole = timed(command("report", *history, "-o", str(out)))
    rows.append(("ilacs report (read, forecast, draw, write)", whole))

    from ilacs import plot
    from ilacs.report import _timelines

    inspections = read_ofsted(FILE)
    found = ilacs.records.histories(inspections)
    national = next_inspections(inspections, as_of=AS_OF)
    forecasts = list(national)
    skipped = {left.la_code: left.reason for left in national.left_out}
    by_la = {f.la_code: [f] for f in forecasts}
    missing = dict(skipped)
    rows.append(("  forecasts", timed(lambda: next_inspections(inspections, as_of=AS_OF))))
    rows.append(
        (
            "  national chart as SVG",
            timed(lambda: plot.svg_markup(plot.national(forecasts, as_of=AS_OF), "n-")),
        )
    )
    for workers in sorted({1, cores}):
        rows.append(
            (
                f"  {len(found)} timelines as SVG, {workers} process(es)",
                timed(lambda w=workers: _timelines(found, by_la, missing, AS_OF, w)),
            )
        )
    for workers in sorted({1, cores}):
        rows.append(
            (
                f"  the whole page, {workers} process(es)",
                timed(
                    lambda w=workers: render_report(
                        found, forecasts, as_of=AS_OF, not_forecast=skipped, workers=w
                    )
                ),
            )
        )
    areas = [
        a.name for a in JudgementArea if any(a in e.judgements for h in found.values() for e in h)
    ]
    print(f"{FILE.name}: {len(found)} LAs, {len(forecasts)} forecast, rows {', '.join(areas)}")
    print(f"{cores} cores; page {out.stat().st_size / 1e6:.1f} MB\n")
    print(f"{'what':52} {'wall s':>7} {'cpu s':>7} {'vs next':>8}")
    for label, (wall, used) in rows:
        print(f"{label:52} {wall:7.2f} {used:7.2f} {wall / base[0]:8.1f}")
    verdict = "met" if whole[0] <= GOAL_SECONDS else "NOT met"
    print(f"\ngoal: ilacs report within {GOAL_SECONDS:.0f} s: {verdict} ({whole[0]:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Back-test the next-inspection windows on the real data, against the naive baselines.

    python benchmarks/backtest.py                # print the tables (about 20 s)
    python benchmarks/backtest.py --write-docs   # and write them into docs/scheduling.md
    python benchmarks/backtest.py --check-docs   # exit 1 if docs/scheduling.md is out of date

Replays ``../shared/data/inspections-2013-2025.csv`` from quarterly origins (see
:mod:`ilacs.fitting.backtest` for the models and the scoring): at each origin every LA that
exists then is forecast from what was known then, with observed practice learnt from the data
known then (``national``) and with the shipped calibration (``shipped``: fitted to 31 March 2025,
so in-sample for these origins), beside the naive baselines. The targets (issue 8) are checked
on the origins since graded inspections resumed (January 2022 to December 2024); the origins
before (2016 to 2021, when the COVID-19 suspension could not be foreseen) are shown for context.
The trade-off table shows coverage, width and score for other shares of the window.
Prints a message and exits 0 when the data are absent.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from ilacs.fitting.backtest import GROUPS, MODELS, Backtest, backtest, quarterly
from ilacs.records import Inspection
from ilacs.scheduling.calibration import LEVELS, Calibration, shipped
from ilacs.tabular import read_csv

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "inspections-2013-2025.csv"
DOCS = ROOT / "docs" / "scheduling.md"
END = dt.date(2025, 3, 31)
CURRENT = quarterly(dt.date(2022, 1, 1), dt.date(2024, 12, 31))
BEFORE = quarterly(dt.date(2016, 1, 1), dt.date(2021, 12, 31))
TARGET_COVERAGE, TARGET_WIDTH, TARGET_RATIO, TARGET_INADEQUATE = 0.90, 300, 0.6, 0.85
CURVE = (
    (0.2, 0.5, 0.8),
    (0.1, 0.5, 0.9),
    LEVELS,
    (0.025, 0.5, 0.975),
    (0.01, 0.5, 0.99),
)
BASELINE = "naive, overdue moved"
START, STOP = "<!-- backtest:start -->", "<!-- backtest:end -->"


def _row(result: Backtest, model: str, group: str) -> str:
    s = result.score(model, group)
    base = result.score(BASELINE, group).mean_interval_score
    ratio = f"{s.mean_interval_score / base:.2f}" if base else "-"
    return (
        f"| {group} | {model} | {s.n} | {s.coverage:.1%} | {s.median_width:.0f} d | "
        f"{s.mean_interval_score:.0f} | {ratio} |"
    )


def scores_table(result: Backtest) -> list[str]:
    """The scores of every model on every group, as Markdown rows."""
    lines = [
        "| LAs | model | forecasts | coverage | median width | interval score | "
        "score / naive, overdue moved |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for group in GROUPS:
        if result.score(MODELS[0], group).n == 0:
            continue
        lines += [_row(result, model, group) for model in MODELS]
    return lines


def targets(result: Backtest) -> list[str]:
    """Whether each calibration meets the issue's targets, in words."""
    out = []
    for model in ("national", "shipped"):
        s, inadequate = result.score(model), result.score(model, "inadequate")
        ratio = s.mean_interval_score / result.score(BASELINE).mean_interval_score
        checks = [
            (
                f"coverage {s.coverage:.1%} >= {TARGET_COVERAGE:.0%} at a median width "
                f"{s.median_width:.0f} d <= {TARGET_WIDTH} d",
                s.coverage >= TARGET_COVERAGE and s.median_width <= TARGET_WIDTH,
            ),
            (f"score ratio {ratio:.2f} <= {TARGET_RATIO}", ratio <= TARGET_RATIO),
            (
                f"inadequate LAs' coverage {inadequate.coverage:.1%} >= {TARGET_INADEQUATE:.0%}",
                inadequate.coverage >= TARGET_INADEQUATE,
            ),
        ]
        said = "; ".join(f"{text}: {'met' if ok else 'not met'}" for text, ok in checks)
        out.append(f"- `{model}`: {said}.")
    return out


def curve_table(inspections: list[Inspection], learnt: dict[dt.date, Calibration]) -> list[str]:
    """Coverage, width and score of the national calibration for other window shares."""
    lines = [
        "| window shares | coverage | median width | interval score | inadequate coverage |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for levels in CURVE:
        result = backtest(
            inspections,
            origins=CURRENT,
            end=END,
            shipped=shipped(),
            levels=levels,
            learnt=learnt,
        )
        s, inadequate = result.score("national"), result.score("national", "inadequate")
        lines.append(
            f"| {levels[0]:g} to {levels[2]:g} | {s.coverage:.1%} | {s.median_width:.0f} d | "
            f"{s.mean_interval_score:.0f} | {inadequate.coverage:.1%} |"
        )
    return lines


def tables(inspections: list[Inspection]) -> str:
    """The back-test as the Markdown docs/scheduling.md shows."""
    learnt: dict[dt.date, Calibration] = {}
    current = backtest(inspections, origins=CURRENT, end=END, shipped=shipped(), learnt=learnt)
    before = backtest(inspections, origins=BEFORE, end=END, shipped=shipped())
    lines = [
        f"Origins every three months from {CURRENT[0].isoformat()} to {CURRENT[-1].isoformat()} "
        f"({len(CURRENT)}), data to {END.isoformat()}; forecasts scored: those whose real next "
        "inspection is known, or whose window closed before the end of the data.",
        "",
        *scores_table(current),
        "",
        "Targets (origins since graded inspections resumed):",
        "",
        *targets(current),
        "",
        "Trade-off: the national calibration with other shares of the window (the shipped "
        f"calibration uses {LEVELS[0]} to {LEVELS[-1]}):",
        "",
        *curve_table(inspections, learnt),
        "",
        f"For context, origins from {BEFORE[0].isoformat()} to {BEFORE[-1].isoformat()} "
        f"({len(BEFORE)}), national pauses as known at each origin (the COVID-19 suspension "
        "could not be foreseen):",
        "",
        *scores_table(before),
    ]
    return "\n".join(lines)


def docs_with(table: str, text: str) -> str:
    """``text`` (docs/scheduling.md) with the block between the markers replaced by ``table``."""
    head, rest = text.split(START, 1)
    _, tail = rest.split(STOP, 1)
    return f"{head}{START}\n{table}\n{STOP}{tail}"


def main(argv: list[str]) -> int:
    """Print the back-test; ``--write-docs`` or ``--check-docs`` the copy in the docs."""
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the shared data folder sits beside the checkout)")
        return 0
    inspections = read_csv(DATA)
    started = time.perf_counter()
    table = tables(inspections)
    print(table)
    print(f"\n({time.perf_counter() - started:.1f} s)")
    text = DOCS.read_text(encoding="utf-8")
    if "--write-docs" in argv:
        DOCS.write_text(docs_with(table, text), encoding="utf-8")
        print(f"wrote {DOCS.relative_to(ROOT)}")
    if "--check-docs" in argv and docs_with(table, text) != text:
        print(f"{DOCS.relative_to(ROOT)} is out of date: run with --write-docs")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

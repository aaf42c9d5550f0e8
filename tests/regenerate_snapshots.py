"""Regenerate the committed snapshots in ``tests/snapshots/`` from the library.

Each snapshot is produced by one function registered in :data:`SNAPSHOTS`; the tests compare the
library with the committed files, so a change in the rules shows up as a diff to review.

Usage (from the repository root)::

    .venv/bin/python tests/regenerate_snapshots.py          # rewrite every snapshot
    .venv/bin/python tests/regenerate_snapshots.py --check  # exit 1 if any is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ilacs.workdays import bank_holiday_calendar

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "histories.csv"

MEETINGS: tuple[tuple[str, str, str], ...] = (
    ("E06000034", "2017-03-09", "Thurrock Corporate Parenting Committee (seed 004)"),
    ("E06000034", "2020-02-01", "Thurrock Children's Services O&S, early 2020 (seed 000)"),
    ("E06000034", "2021-10-01", "Thurrock Health and Wellbeing Board, autumn 2021 (seed 002)"),
    ("E06000047", "2020-01-15", "Durham CYP O&S, late 2019 / early 2020 (seed 003)"),
    ("E06000041", "2023-07-01", "Wokingham CSO&S, mid-2023 (seed 001)"),
    ("E06000034", "2025-03-31", "the end of the shipped data"),
    ("E06000041", "2025-03-31", "the end of the shipped data"),
    ("E06000047", "2025-03-31", "the end of the shipped data"),
)
"""The minutes' LAs on the days their committees met (dates inferred from the minutes), and at
the end of the data: (LA code, day, meeting)."""

SNAPSHOT_DIR = Path(__file__).resolve().parent / "snapshots"

BANK_HOLIDAY_YEARS = range(2010, 2031)
"""Years in the bank-holiday snapshot: 2010 to 2030 inclusive."""


def bank_holidays_snapshot() -> dict[str, Any]:
    """The bank holidays of England and Wales, 2010-2030, as JSON-ready data."""
    return {
        "description": (
            "Bank holidays in England and Wales (with Christmas Day and Good Friday) by year, "
            "from ilacs.workdays.bank_holiday_calendar; days off only, weekend days replaced "
            "by their substitutes. Check against https://www.gov.uk/bank-holidays."
        ),
        "generated_by": "tests/regenerate_snapshots.py",
        "years": {
            str(year): [
                {"date": h.date.isoformat(), "name": h.name} for h in bank_holiday_calendar(year)
            ]
            for year in BANK_HOLIDAY_YEARS
        },
    }


def minutes_forecasts_snapshot() -> dict[str, Any]:
    """What the library forecasts for the minutes' LAs on their meeting days (shipped calibration)."""
    import datetime as dt

    from ilacs.records import histories
    from ilacs.scheduling import focused_visits, monitoring_visits, next_inspection
    from ilacs.tabular import read_csv

    every = histories(read_csv(EXAMPLES))
    rows = []
    for code, day, meeting in MEETINGS:
        as_of = dt.date.fromisoformat(day)
        history = every[code]
        found = [
            next_inspection(history, as_of=as_of),
            *focused_visits(history, as_of=as_of),
            *monitoring_visits(history, as_of=as_of),
        ]
        rows.append(
            {
                "la": history.la_name,
                "as_of": day,
                "meeting": meeting,
                "forecasts": [
                    {
                        "kind": f.kind.name,
                        "type": f.type.name,
                        "earliest": f.earliest.isoformat(),
                        "expected": f.expected.isoformat(),
                        "latest": f.latest.isoformat(),
                        "overdue": f.overdue,
                        "practice": f.practice.name,
                        "reasons": [r.code for r in f.reasons],
                    }
                    for f in found
                ],
            }
        )
    return {
        "description": (
            "Forecasts for the council minutes' LAs (examples/histories.csv) on the days their "
            "committees met, with the shipped calibration: dates and reason codes. A change in "
            "the rules or the calibration shows here as a diff to review."
        ),
        "generated_by": "tests/regenerate_snapshots.py",
        "meetings": rows,
    }


def minutes_json_snapshot() -> dict[str, Any]:
    """The JSON form (:func:`ilacs.serialization.unstructure`) of the minutes' records: their
    histories, the overall judgement of each graded inspection, the deadlines after Thurrock's
    inspection and visit, a comparison of Thurrock's two graded inspections and the forecasts
    on the days the committees met."""
    import datetime as dt

    from ilacs.comparison import compare, compare_inspections
    from ilacs.records import histories
    from ilacs.scheduling import focused_visits, monitoring_visits, next_inspection
    from ilacs.scheduling.due import deadlines
    from ilacs.serialization import unstructure
    from ilacs.tabular import read_csv

    every = histories(read_csv(EXAMPLES))
    graded = [e for h in every.values() for e in h.graded()]
    thurrock = every["E06000034"].graded()
    forecasts = []
    for code, day, meeting in MEETINGS:
        if "seed" not in meeting:  # the end of the data: no committee met
            continue
        as_of = dt.date.fromisoformat(day)
        history = every[code]
        forecasts += [
            next_inspection(history, as_of=as_of),
            *focused_visits(history, as_of=as_of),
            *monitoring_visits(history, as_of=as_of),
        ]
    records: dict[str, Any] = {
        "histories": list(every.values()),
        "judgements": [e.judgement("overall") for e in graded if "overall" in e.judgements],
        "deadlines": [d for e in every["E06000034"] for d in deadlines(e)],
        "comparison": compare(thurrock[0].judgement("overall"), thurrock[1].judgement("overall")),
        "inspection_comparison": compare_inspections(thurrock[0], thurrock[1]),
        "forecasts": forecasts,
    }
    return {
        "description": (
            "The JSON form of the council minutes' records (examples/histories.csv): histories, "
            "judgements, deadlines, comparisons and the forecasts on the meeting days, as "
            "ilacs.serialization writes them. A change of form shows here as a diff to review."
        ),
        "generated_by": "tests/regenerate_snapshots.py",
        "records": {name: unstructure(value) for name, value in records.items()},
    }


SNAPSHOTS: dict[str, Callable[[], dict[str, Any]]] = {
    "bank_holidays_2010_2030.json": bank_holidays_snapshot,
    "minutes_forecasts.json": minutes_forecasts_snapshot,
    "minutes_json.json": minutes_json_snapshot,
}
"""File name in ``tests/snapshots/`` -> the function that builds its content."""


def render(data: dict[str, Any]) -> str:
    """The text of a snapshot file: stable key order, two-space indent, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def regenerate(*, check: bool = False, directory: Path = SNAPSHOT_DIR) -> list[str]:
    """Write (or with ``check``, only compare) every snapshot; return the names out of date."""
    stale = []
    for name, build in SNAPSHOTS.items():
        path = directory / name
        text = render(build())
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(name)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    stale = regenerate(check=args.check)
    verb = "out of date" if args.check else "rewritten"
    for name in stale:
        print(f"{name}: {verb}")
    if not stale:
        print("all snapshots up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())

"""When is our next inspection? The council minutes' cases, with the reasons.

    python examples/next_inspection.py

Prints, for Thurrock, Wokingham and Durham as their committees met (histories built from the
minutes and the reports' on-site dates): the next graded inspection with every reason and its
sources, the focused or monitoring visits expected, and the deadlines after the latest report.
Then, if ../shared/data is present beside the checkout, each LA's forecast from the real data as
of its end (31 March 2024) and a check that a forecast made the day before each of their real
inspections contained it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ilacs.records import Inspection, histories
from ilacs.scheduling import deadlines, focused_visits, monitoring_visits, next_inspection
from ilacs.tabular import read_csv

D = dt.date
RI = "Requires improvement to be good"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "inspections-2013-2024.csv"


def graded(
    code: str, name: str, kind: str, start: D, end: D, published: D, grade: str
) -> Inspection:
    return Inspection(
        code, name, kind, start=start, end=end, published=published, judgements={"overall": grade}
    )


def visit(code: str, name: str, day: D) -> Inspection:
    return Inspection(code, name, "focused_visit", start=day)


MINUTES: list[tuple[str, D, list[Inspection]]] = [
    (
        "Thurrock Children's Services O&S, early 2020 (seed 000)",
        D(2020, 2, 1),
        [
            graded(
                "E06000034", "Thurrock", "sif", D(2016, 2, 22), D(2016, 3, 17), D(2016, 5, 24), RI
            ),
            graded(
                "E06000034",
                "Thurrock",
                "standard",
                D(2019, 11, 11),
                D(2019, 11, 22),
                D(2019, 12, 20),
                "Good",
            ),
        ],
    ),
    (
        "Wokingham CSO&S, mid-2023 (seed 001)",
        D(2023, 7, 1),
        [
            graded(
                "E06000041", "Wokingham", "sif", D(2015, 10, 12), D(2015, 11, 5), D(2016, 1, 5), RI
            ),
            graded(
                "E06000041",
                "Wokingham",
                "standard",
                D(2019, 6, 3),
                D(2019, 6, 14),
                D(2019, 7, 15),
                RI,
            ),
            visit("E06000041", "Wokingham", D(2021, 6, 16)),
            visit("E06000041", "Wokingham", D(2022, 4, 12)),
            graded(
                "E06000041",
                "Wokingham",
                "standard",
                D(2023, 3, 6),
                D(2023, 3, 17),
                D(2023, 5, 9),
                RI,
            ),
        ],
    ),
    (
        "Durham CYP O&S, late 2019 / early 2020 (seed 003)",
        D(2020, 1, 15),
        [
            graded(
                "E06000047", "Durham", "sif", D(2016, 2, 22), D(2016, 3, 18), D(2016, 5, 16), RI
            ),
            graded(
                "E06000047",
                "Durham",
                "standard",
                D(2019, 9, 9),
                D(2019, 9, 20),
                D(2019, 10, 21),
                RI,
            ),
        ],
    ),
]


def show(title: str, as_of: D, history: list[Inspection]) -> None:
    print(f"\n=== {title}: as of {as_of.isoformat()}")
    print(next_inspection(history, as_of=as_of).explain())
    for expected in (
        *focused_visits(history, as_of=as_of),
        *monitoring_visits(history, as_of=as_of),
    ):
        print(f"* {expected}")
    latest = [e for e in history if e.graded and e.date <= as_of][-1]
    for deadline in deadlines(latest):
        print(f"* {deadline}")


def real_data() -> None:
    if not DATA.is_file():
        print(f"\n(real data not found at {DATA}: skipping the checks against it)")
        return
    every = histories(read_csv(DATA))
    end = D(2024, 3, 31)
    print(f"\n=== The real data, as of its end ({end.isoformat()})")
    for code in ("E06000034", "E06000041", "E06000047"):
        history = every[code]
        print(f"* {next_inspection(history, as_of=end)}")
        for inspection in history.graded()[1:]:
            before = inspection.date - dt.timedelta(days=1)
            forecast = next_inspection(history, as_of=before)
            hit = "inside" if inspection.date in forecast.window else "OUTSIDE"
            print(
                f"  forecast of {before.isoformat()}: {forecast.type.name} {forecast.window}; "
                f"real {inspection.type.name} on {inspection.date.isoformat()}: {hit}"
            )


def main() -> None:
    for title, as_of, history in MINUTES:
        show(title, as_of, history)
    real_data()


if __name__ == "__main__":
    main()

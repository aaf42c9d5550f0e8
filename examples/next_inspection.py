"""When is our next inspection? The council minutes' cases, with the reasons.

    python examples/next_inspection.py

Prints, for Thurrock, Wokingham and Durham as their committees met (histories in
``examples/histories.csv``, typed from the minutes and the reports' on-site dates): the next graded inspection with every reason and its
sources, the focused or monitoring visits expected, and the deadlines after the latest report.
Then, if ../shared/data is present beside the checkout, each LA's forecast from the real data as
of its end (31 March 2025) and a check that a forecast made the day before each of their real
inspections contained it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ilacs.records import Inspection, histories
from ilacs.scheduling import deadlines, focused_visits, monitoring_visits, next_inspection
from ilacs.tabular import read_csv

D = dt.date
HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data" / "inspections-2013-2025.csv"

# When each committee met (from its minutes), and the LA it spoke of.
MEETINGS: list[tuple[str, D, str]] = [
    ("Thurrock Children's Services O&S, early 2020 (seed 000)", D(2020, 2, 1), "E06000034"),
    ("Wokingham CSO&S, mid-2023 (seed 001)", D(2023, 7, 1), "E06000041"),
    ("Durham CYP O&S, late 2019 / early 2020 (seed 003)", D(2020, 1, 15), "E06000047"),
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
    end = D(2025, 3, 31)
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
    minutes = histories(read_csv(HERE / "histories.csv"))
    for title, as_of, code in MEETINGS:
        show(title, as_of, list(minutes[code].known_on(as_of)))
    real_data()


if __name__ == "__main__":
    main()

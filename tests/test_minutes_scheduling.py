"""The council minutes' scheduling cases (Thurrock, Wokingham, Durham) as tests.

Histories are those of ``examples/histories.csv``, typed from the minutes and the reports'
on-site dates (the minutes quote the whole span including the off-site week, the reports only
the on-site days). Where
``../shared/data`` is present, the same checks run on the LAs' rows of the real CSV.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ilacs.catalogue.cadence import PAUSES
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.records import Inspection, histories
from ilacs.scheduling import deadlines, focused_visits, next_inspection
from ilacs.tabular import read_csv
from ilacs.workdays import add_working_days

D = dt.date
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "histories.csv"
MINUTES = histories(read_csv(EXAMPLES))
THURROCK = MINUTES["E06000034"].events
WOKINGHAM = MINUTES["E06000041"].events
DURHAM = MINUTES["E06000047"].events
END_OF_DATA = D(2024, 3, 31)


def test_thurrock_after_its_good_2019_inspection_expects_a_short_inspection() -> None:
    forecast = next_inspection(THURROCK, as_of=D(2020, 2, 1))  # the O&S meeting, early 2020
    assert forecast.type is InspectionType.SHORT
    assert forecast.written is not None
    covid = PAUSES[0]
    # Written rule: around 11 November 2022 (third anniversary), the pause moving it on.
    assert forecast.written.earliest == D(2022, 5, 11)
    assert forecast.written.expected == D(2022, 11, 11) + dt.timedelta(days=covid.days)
    assert forecast.written.latest == D(2023, 5, 11) + dt.timedelta(days=covid.days)
    # The CSV holds no Thurrock inspection between November 2019 and 31 March 2024: consistent.
    assert forecast.latest > END_OF_DATA
    assert any(r.code == "cycle.pause" for r in forecast.reasons)


def test_thurrocks_focused_visit_expected_in_about_a_year_came_in_june_2021() -> None:
    (visit,) = focused_visits(THURROCK, as_of=D(2020, 2, 1))
    assert D(2021, 6, 30) in visit.window
    assert visit.uncertain


def test_thurrocks_2019_report_deadlines() -> None:
    publish, plan = deadlines(THURROCK[1])
    assert publish.due == add_working_days(D(2019, 12, 20), 30)
    assert plan.due == add_working_days(D(2019, 12, 20), 70)
    assert plan.uncertain  # counted from publication: receipt date unknown


def test_wokingham_in_2023_expects_a_standard_inspection_and_a_focused_visit() -> None:
    as_of = D(2023, 7, 1)  # the CSO&S meeting, mid-2023
    assert next_inspection(WOKINGHAM, as_of=as_of).type is InspectionType.STANDARD
    (visit,) = focused_visits(WOKINGHAM, as_of=as_of)
    assert D(2024, 2, 20) in visit.window  # "a focused visit was expected in the future"


def test_durham_early_2020_expects_focused_visits_before_a_standard_inspection() -> None:
    as_of = D(2020, 1, 15)
    assert next_inspection(DURHAM, as_of=as_of).type is InspectionType.STANDARD
    visits = focused_visits(DURHAM, as_of=as_of)
    assert visits
    assert D(2021, 7, 13) in visits[0].window


def test_durham_after_its_good_2022_inspection_expects_a_short_one_and_a_focused_visit() -> None:
    as_of = D(2022, 8, 1)
    assert next_inspection(DURHAM, as_of=as_of).type is InspectionType.SHORT
    (visit,) = focused_visits(DURHAM, as_of=as_of)
    assert D(2023, 11, 14) in visit.window


def _checks(history: tuple[Inspection, ...] | list[Inspection]) -> list[tuple[D, InspectionType]]:
    graded = [e for e in history if e.graded]
    return [(e.date, e.type) for e in graded[1:]]


@pytest.mark.parametrize(
    "history", [THURROCK, WOKINGHAM, DURHAM], ids=["Thurrock", "Wokingham", "Durham"]
)
def test_a_forecast_made_the_day_before_each_real_inspection_contains_it(
    history: tuple[Inspection, ...],
) -> None:
    for start, kind in _checks(history):
        forecast = next_inspection(history, as_of=start - dt.timedelta(days=1))
        assert start in forecast.window, (start, str(forecast))
        assert forecast.type is kind


def test_the_real_rows_of_the_minutes_las_agree(real_inspections: list[Inspection]) -> None:
    every = histories(real_inspections)
    for code in ("E06000034", "E06000041", "E06000047"):
        history = every[code]
        for start, kind in _checks(list(history)):
            forecast = next_inspection(history, as_of=start - dt.timedelta(days=1))
            assert start in forecast.window, (code, start, str(forecast))
            assert forecast.type is kind
    thurrock = every["E06000034"]
    assert [e.date for e in thurrock.graded()] == [D(2016, 2, 22), D(2019, 11, 11)]
    assert next_inspection(thurrock, as_of=END_OF_DATA).earliest > END_OF_DATA

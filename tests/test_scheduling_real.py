"""Every LA of the real data, forecast at several dates: sensible windows and readable reasons.

Runs on ``../shared/data/inspections-2013-2025.csv`` (skipped when it is absent) and on
``examples/histories.csv``. The dates run from mid-2018 to late 2026, long after the data end
(31 March 2025), when many LAs are overdue on the written rules.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ilacs.catalogue.cadence import PAUSES
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ValidationError
from ilacs.records import History, Inspection, histories
from ilacs.scheduling import (
    Forecast,
    Window,
    deadlines,
    focused_visits,
    monitoring_visits,
    next_inspection,
)
from ilacs.tabular import read_csv
from ilacs.workdays import is_working_day

D = dt.date
AS_OF = (D(2018, 6, 1), D(2020, 6, 1), D(2021, 12, 31), D(2024, 3, 31), D(2026, 11, 23))
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "histories.csv"
CLUMSY = re.compile(r"\ba [aeiou]|\(s\)|\bonly 0\b|\bThe la\b|\s{2}|\.\.|\bgives treated\b")
"""Wording a committee should not read: "a outstanding", "visit(s)", "only 0 of them"."""


def _forecasts(history: History, as_of: D) -> list[Forecast]:
    """All forecasts for the LA, or none when it did not exist on ``as_of`` (the one error)."""
    failed: ValidationError | None = None
    try:
        graded = next_inspection(history, as_of=as_of)
    except ValidationError as error:
        failed = error
    if failed is not None:
        # abolished by as_of, or created after it: the documented errors for real LAs
        assert failed.field in {"la_code", "as_of"}, str(failed)
        return []
    return [
        graded,
        *focused_visits(history, as_of=as_of),
        *monitoring_visits(history, as_of=as_of),
    ]


def _check(every: dict[str, History]) -> int:
    checked = 0
    for history in every.values():
        for as_of in AS_OF:
            found = _forecasts(history, as_of)
            for forecast in found:
                # (the window's order and its start after as_of, Forecast's validator checks)
                assert (forecast.la_code, forecast.as_of) == (history.la_code, as_of)
                assert is_working_day(forecast.earliest), str(forecast)
                assert is_working_day(forecast.latest), str(forecast)
                for reason in forecast.reasons:
                    assert not CLUMSY.search(reason.text), reason.text
                checked += 1
            if not found:
                continue
            graded, *visits = found
            in_pause = any(p.start <= as_of < p.resume for p in PAUSES)
            if graded.overdue and not in_pause:
                # overdue: expected within the year, never years on, and told so
                assert (graded.expected - as_of).days <= 366, str(graded)
                assert any(r.code == "overdue" and "days" in r.text for r in graded.reasons)
            monitoring = [v for v in visits if v.type.name == "MONITORING_VISIT"]
            assert all(v.expected <= graded.latest for v in monitoring[1:]), str(graded)
        for inspection in history:
            if inspection.published is not None:
                for deadline in deadlines(inspection):
                    assert not CLUMSY.search(str(deadline)), str(deadline)
    return checked


def test_every_real_la_gets_sensible_forecasts_at_every_date(
    real_inspections: list[Inspection],
) -> None:
    assert _check(histories(real_inspections)) > 1500


def test_the_example_histories_get_sensible_forecasts_at_every_date() -> None:
    assert _check(histories(read_csv(EXAMPLES))) > 20


def test_most_las_are_overdue_long_after_the_data_end_and_are_told_by_how_long(
    real_inspections: list[Inspection],
) -> None:
    as_of = D(2026, 11, 23)
    overdue = 0
    for history in histories(real_inspections).values():
        try:
            forecast = next_inspection(history, as_of=as_of)
        except ValidationError:
            continue
        if forecast.overdue:
            overdue += 1
            text = next(r.text for r in forecast.reasons if r.code == "overdue")
            assert re.search(r"closed on \d+ \w+ \d{4}, \d+ days", text), text
            assert any(r.code == "data.stale" for r in forecast.reasons)
    assert overdue >= 60


@pytest.mark.parametrize("as_of", [D(2024, 3, 31), D(2026, 11, 23)])
def test_cumberland_with_no_inspection_of_its_own_gets_a_standard_one(as_of: D) -> None:
    # Cumberland (1 April 2023) before its first inspection (October 2024 in the data)
    cumberland = [Inspection("E06000063", "Cumberland", "monitoring_visit", start=D(2023, 6, 1))]
    forecast = next_inspection(cumberland, as_of=as_of)
    assert forecast.type is InspectionType.STANDARD
    # written: from its creation, third anniversary 1 April 2026, six months either side
    assert forecast.written == Window(D(2025, 10, 1), D(2026, 4, 1), D(2026, 10, 1))
    codes = [r.code for r in forecast.reasons]
    assert codes[0] == "history.new-la"
    assert "practice.graded" in codes
    assert ("data.stale" in codes) is (as_of > D(2025, 9, 30))
    assert focused_visits(cumberland, as_of=as_of) == ()
    assert monitoring_visits(cumberland, as_of=as_of) == ()

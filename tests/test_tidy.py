"""``ilacs.to_rows``: one tidy table of plain values, read back by the CSV reader and by pandas."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ilacs
from ilacs._output import render
from ilacs.tabular import CSV_COLUMNS, read_csv
from ilacs.tidy import (
    CHANGE_COLUMNS,
    DEADLINE_COLUMNS,
    FORECAST_COLUMNS,
    column_of,
    inspection_columns,
    to_rows,
)
from strategies import graded_inspections, histories, inspections, readable_inspections

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "histories.csv"
PLAIN = (str, int, float, bool, dt.date, type(None))


def _examples() -> list[ilacs.Inspection]:
    return ilacs.read_csv(EXAMPLES)


def _as_read_back(record: ilacs.Inspection) -> ilacs.Inspection:
    """The record as the CSV reader gives it: the tidy table writes the framework it derives."""
    return attrs.evolve(record, framework=record.framework or record.framework_version.framework)


# --- properties ---------------------------------------------------------------------------------


@given(readable_inspections())
def test_inspections_written_as_tidy_csv_read_back_to_the_same_records(
    records: list[ilacs.Inspection],
) -> None:
    text = render(to_rows(records), "csv", columns=inspection_columns(records))
    assert read_csv(io.StringIO(text)) == [_as_read_back(r) for r in records]


@given(st.lists(inspections(), max_size=6))
def test_every_row_has_the_same_columns_of_plain_values(records: list[ilacs.Inspection]) -> None:
    rows = to_rows(records)
    assert len(rows) == len(records)
    for row in rows:
        assert tuple(row) == inspection_columns(records)
        assert all(isinstance(v, PLAIN) for v in row.values())
    assert set(CSV_COLUMNS) <= set(inspection_columns(records))


@given(histories())
def test_a_history_gives_the_rows_of_its_inspections(history: ilacs.records.History) -> None:
    assert to_rows(history) == to_rows(list(history))
    assert to_rows([history, history]) == to_rows([*history, *history])


@given(graded_inspections, graded_inspections)
def test_a_comparison_is_one_row_of_the_change_columns(
    first: ilacs.Inspection, second: ilacs.Inspection
) -> None:
    a, b = first.all_judgements()[0], second.all_judgements()[-1]
    comparison = ilacs.compare(a, b)
    (row,) = to_rows(comparison)
    assert tuple(row) == CHANGE_COLUMNS
    assert row["verdict"] == comparison.verdict.value
    assert (row["first_grade"], row["second_grade"]) == (a.grade.label, b.grade.label)
    assert (row["first_date"], row["second_date"]) == (a.inspected, b.inspected)
    assert json.loads(render([row], "json", columns=CHANGE_COLUMNS))[0]["policy"] == "default"


# --- real cases -----------------------------------------------------------------------------------


def test_thurrock_s_2019_inspection_as_a_row() -> None:
    # examples/histories.csv, row 3: Ofsted's report (on site 11 - 22 Nov 2019, Good)
    row = to_rows(_examples())[1]
    assert row == {
        "la_code": "E06000034",
        "la_name": "Thurrock",
        "region": "East of England",  # ONS, LAD to region 2023
        "framework": "ILACS",
        "framework_version": "ILACS 2018",
        "inspection_type": "standard",
        "start_date": dt.date(2019, 11, 11),
        "end_date": dt.date(2019, 11, 22),
        "publication_date": dt.date(2019, 12, 20),
        "overall": "Good",
        "help_and_protection": "Good",
        "children_in_care": "Good",
        "care_leavers": None,
        "leadership": "Good",
        "notified_date": dt.date(2019, 11, 4),
        "theme": "",
        "priority_action": False,
    }


def test_forecast_rows_carry_the_written_window_and_the_reasons() -> None:
    wokingham = [i for i in _examples() if i.la_name == "Wokingham"]
    forecast = ilacs.next_inspection(wokingham, as_of=dt.date(2024, 3, 31))
    (row,) = to_rows([forecast])
    assert tuple(row) == FORECAST_COLUMNS
    # the written rule: about three years after the 6 March 2023 inspection, six months either side
    assert (row["written_earliest"], row["written_expected"], row["written_latest"]) == (
        dt.date(2025, 9, 6),
        dt.date(2026, 3, 6),
        dt.date(2026, 9, 6),
    )
    assert row["region"] == "South East"
    assert row["inspection_type"] == "standard"
    assert row["why"].count(" | ") == len(forecast.reasons) - 1
    assert row["sources"].startswith("http")


def test_deadline_rows_name_the_inspection_they_follow() -> None:
    # the standard inspection of March 2023 (its focused visit of 2024 has no deadline)
    wokingham = [i for i in _examples() if i.la_name == "Wokingham" and i.judgements][-1]
    rows = to_rows(ilacs.deadlines(wokingham))
    assert [tuple(r) for r in rows] == [DEADLINE_COLUMNS] * 2
    # 30 and 70 working days from publication on 9 May 2023 (8 May 2023 a bank holiday)
    assert [(r["duty"], r["due"]) for r in rows] == [
        ("duty.publish-report", dt.date(2023, 6, 21)),
        ("duty.action-plan", dt.date(2023, 8, 16)),
    ]
    assert {(r["la_code"], r["inspection_type"], r["inspection_date"]) for r in rows} == {
        ("E06000041", "standard", dt.date(2023, 3, 6))
    }
    assert all(r["uncertain"] is True for r in rows)  # counted from publication, not receipt


def test_wokingham_2019_to_2023_per_area() -> None:
    # Wokingham's officers: children in care improved to good; care leavers judged only in 2023
    first, second = [i for i in _examples() if i.la_name == "Wokingham" and i.judgements][-2:]
    rows = {r["area"]: r for r in to_rows(ilacs.compare_inspections(first, second))}
    assert list(rows) == [
        "overall",
        "leadership",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
    ]
    cic = rows["children_in_care"]
    assert (cic["first_grade"], cic["second_grade"]) == ("Requires improvement to be good", "Good")
    assert (cic["verdict"], cic["direction"], cic["steps"]) == (
        "comparable with caveats",
        "improved",
        1,
    )
    leavers = rows["care_leavers"]
    assert (leavers["first_grade"], leavers["second_grade"]) == (
        None,
        "Requires improvement to be good",
    )
    assert leavers["first_date"] == dt.date(2019, 6, 3)
    assert (leavers["verdict"], leavers["direction"]) == ("not comparable", None)
    assert "16 January 2023" in leavers["why"]


def test_a_grade_change_row_runs_from_the_earlier_to_the_later_judgement() -> None:
    durham = [i for i in _examples() if i.la_name == "Durham" and i.judgements]
    later, earlier = durham[-1].judgement("leadership"), durham[-2].judgement("leadership")
    (row,) = to_rows(ilacs.compare(later, earlier).change())
    assert (row["first_grade"], row["second_grade"]) == (
        "Requires improvement to be good",
        "Outstanding",
    )
    assert (row["direction"], row["steps"]) == ("improved", 2)


# --- errors -------------------------------------------------------------------------------------


def test_nothing_gives_no_rows() -> None:
    assert to_rows([]) == []


@pytest.mark.parametrize("items", [["Thurrock"], [1, 2], {"la_code": "E06000034"}, [None]])
def test_what_is_not_a_record_is_refused_naming_it(items: object) -> None:
    with pytest.raises(ilacs.errors.ValidationError, match=r"items: got .*; expected inspections"):
        to_rows(items)


def test_records_of_two_kinds_are_refused() -> None:
    records = _examples()
    mixed = [records[1], *ilacs.deadlines(records[1])]
    with pytest.raises(ilacs.errors.ValidationError, match="records of one kind"):
        to_rows(mixed)


def test_column_of_names_the_schema_s_column_or_refuses() -> None:
    assert column_of("start") == "start_date"
    assert column_of("judgements.LSCB") == "lscb"
    with pytest.raises(ilacs.errors.ValidationError, match="field: got 'colour'"):
        column_of("colour")


# --- pandas and polars (test-only dependencies) -------------------------------------------------


def _import(name: str) -> object:
    return pytest.importorskip(
        name, reason=f"{name} is a test-only dependency: pip install -e '.[dev]'"
    )


def test_pandas_reads_the_rows_as_one_typed_table() -> None:
    pd = _import("pandas")
    frame = pd.DataFrame(to_rows(_examples()))  # type: ignore[attr-defined]
    assert frame.shape == (14, 17)
    assert str(frame["priority_action"].dtype) == "bool"
    assert frame.groupby("la_name").size().to_dict() == {"Durham": 5, "Thurrock": 3, "Wokingham": 6}


def test_polars_reads_the_rows_with_dates_as_dates() -> None:
    pl = _import("polars")
    frame = pl.DataFrame(to_rows(_examples()))  # type: ignore[attr-defined]
    assert frame.schema["start_date"] == pl.Date  # type: ignore[attr-defined]
    assert frame.schema["priority_action"] == pl.Boolean  # type: ignore[attr-defined]
    assert frame.height == 14

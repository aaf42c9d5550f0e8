"""Cross-checks against well-kept libraries (test-only dependencies, in the ``dev`` extra).

- The bank-holiday calendar of :mod:`ilacs.workdays` against the ``holidays`` package
  (England), every day from 1971 to 2100: the same working days from 1978 on; before 1978 the
  two differ on exactly the days ``docs/workdays.md`` lists and explains.
- Every cell of every sheet of Ofsted's real ODS files, as :mod:`ilacs._ods` reads it, against
  ``python-calamine`` (a Rust reader of spreadsheets).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import shared_file
from ilacs import _ods
from ilacs.workdays import MAX_DATE, MIN_DATE, bank_holidays, is_working_day


def dev_dependency(module: str, package: str) -> Any:
    """Import a test-only dependency, or skip saying how to install it."""
    return pytest.importorskip(
        module, reason=f"{package} is a test-only dependency: pip install -e '.[dev]'"
    )


# --- bank holidays -----------------------------------------------------------------------------

# Where ilacs and the holidays package disagree, all before 1978 (docs/workdays.md, "Checked
# against the holidays package"): New Year's Day was first appointed by proclamation for 1974
# (holidays starts it in 1975), and for the Silver Jubilee the 1977 spring bank holiday moved
# from Monday 30 May to Monday 6 June (Hansard, 19 January 1977; holidays keeps 30 May).
ONLY_ILACS = {dt.date(1974, 1, 1), dt.date(1977, 6, 6)}
ONLY_HOLIDAYS = {dt.date(1977, 5, 30)}


@pytest.fixture(scope="module")
def england() -> Any:
    holidays = dev_dependency("holidays", "holidays")
    return holidays.country_holidays("GB", subdiv="ENG", years=range(1971, 2101))


def weekday_holidays(calendar: Any, year: int) -> set[dt.date]:
    return {day for day in calendar if day.year == year and day.weekday() < 5}


def test_bank_holidays_agree_with_the_holidays_package_from_1978(england: Any) -> None:
    for year in range(1978, 2101):
        assert set(bank_holidays(year)) == weekday_holidays(england, year), year


def test_before_1978_they_differ_only_on_the_documented_days(england: Any) -> None:
    ours = {day for year in range(1971, 1978) for day in bank_holidays(year)}
    theirs = {day for year in range(1971, 1978) for day in weekday_holidays(england, year)}
    assert ours - theirs == ONLY_ILACS
    assert theirs - ours == ONLY_HOLIDAYS


def test_every_day_is_a_working_day_for_both_or_for_neither(england: Any) -> None:
    day, differ = MIN_DATE, set()
    while day <= MAX_DATE:
        theirs = day.weekday() < 5 and day not in england
        if is_working_day(day) != theirs:
            differ.add(day)
        day += dt.timedelta(days=1)
    assert differ == ONLY_ILACS | ONLY_HOLIDAYS


# --- ODS cells ---------------------------------------------------------------------------------

ODS_FILES = [
    "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
    "LA_Inspection_Outcomes_as_at_March_2024.ods",
    "Childrens_social_care_in_England_2023_underlying_data.ods",
]


def ours(cell: _ods.Cell) -> object:
    """A cell read by ilacs as the value calamine gives for it."""
    kind = cell.value_type
    if kind is None or (kind == "string" and cell.value is None):
        return cell.text
    assert cell.value is not None, cell
    if kind == "string":
        return cell.value
    if kind == "date":
        return dt.datetime.fromisoformat(cell.value)
    if kind in {"float", "percentage", "currency"}:
        return float(cell.value)
    if kind == "boolean":
        return cell.value == "true"
    raise AssertionError(f"a value type the files were not seen to hold: {cell}")


def theirs(value: object) -> object:
    """A value from calamine, dates as datetimes and numbers as floats."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


@pytest.mark.parametrize("name", ODS_FILES)
def test_every_cell_of_ofsteds_files_reads_as_calamine_reads_it(
    shared_data: Path, name: str
) -> None:
    calamine = dev_dependency("python_calamine", "python-calamine")
    path = shared_file(shared_data / "ofsted" / name)
    book = calamine.CalamineWorkbook.from_path(str(path))
    names = _ods.sheet_names(path)
    assert list(names) == list(book.sheet_names)
    # One sheet a read: all sixteen of the 2023 file at once exceed MAX_ELEMENTS.
    sheets = {n: _ods.read_sheets(path, (n,))[n] for n in names}
    kinds: set[str | None] = set()
    for sheet_name in names:
        rows = book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        while rows and all(value == "" for value in rows[-1]):
            rows.pop()  # calamine keeps blank rows at the end; ilacs trims them
        sheet = sheets[sheet_name]
        assert len(sheet.rows) == len(rows), sheet_name
        for number, (cells, values) in enumerate(zip(sheet.rows, rows, strict=True), start=1):
            assert len(cells) <= len(values), (sheet_name, number)
            for column, value in enumerate(values):
                cell = sheet.cell(number - 1, column)
                kinds.add(cell.value_type)
                where = (sheet_name, number, _ods.column_letter(column))
                assert ours(cell) == theirs(value), where
    assert {"string", "date"} <= kinds  # text and dates were compared, not only blanks

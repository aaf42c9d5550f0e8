"""What every reader checks of a record (issue 10, item 3): an LA code that means an LA on the
inspection's date, one record per LA and day, dates within the library's range; and what the
readers share (issue 9: one row layer, one return type per reader).

Expected dates come from the orders that made the authorities (cited at each test), the codes
from the ONS registers the catalogue cites; nothing is computed by the code under test.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import io
from pathlib import Path

import pytest
from hypothesis import given

from ilacs import _ods, tabular
from ilacs.errors import FileFormatError
from ilacs.ofsted import read_ofsted
from ilacs.reading import ReadResult, read_lenient
from ilacs.records import Inspection
from ilacs.tabular import CSV_COLUMNS, read_csv, write_csv
from strategies import readable_inspections
from test_ofsted import (
    ILACS_ROWS,
    IN_YEAR_2024,
    IN_YEAR_ROWS,
    LATEST_ROWS,
    LINK,
    RI,
    D,
    file_2024,
    file_2025,
    small_2024,
)

HEADER = ",".join(CSV_COLUMNS)
GOOD = "Good,Good,Good,,Good"


def csv_of(*rows: str) -> io.StringIO:
    return io.StringIO("\n".join([HEADER, *rows]) + "\n")


def standard(code: str, start: str, name: str = "Thurrock") -> str:
    """A row: a standard inspection starting on ``start`` (ISO), graded Good."""
    return f"{code},{name},ILACS,standard,{start},,,{GOOD}"


def error_of(source: io.StringIO) -> FileFormatError:
    with pytest.raises(FileFormatError) as caught:
        read_csv(source)
    return caught.value


# --- LA codes: the form of an English children's services authority's code ------------------


@pytest.mark.parametrize(
    "code",
    [
        "e06000034",  # lower case (issue 10)
        "X06000034",
        "W06000015",  # Cardiff: Welsh
        "S12000033",  # Aberdeen City: Scottish
        "E07000066",  # Basildon: a district, not a children's services authority
        "E0600034",
        "E06000034X",
    ],
)
def test_a_code_not_of_the_form_is_refused_at_its_cell(code: str) -> None:
    error = error_of(csv_of(standard("E06000034", "2019-11-11"), standard(code, "2021-01-11")))
    assert (error.row, error.column, error.field, error.value) == (3, "A", "la_code", code)
    assert "E06, E08, E09 or E10 and six digits" in str(error)


@pytest.mark.parametrize("code", ["E06000099", "E10000001", "E09000034"])
def test_a_code_of_the_form_not_in_the_register_is_refused(code: str) -> None:
    error = error_of(csv_of(standard(code, "2019-11-11")))
    assert (error.row, error.column, error.value) == (2, "A", code)
    assert "in the catalogue's register" in str(error)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("E06000053", "Isles of Scilly"),
        ("E09000001", "City of London"),
        ("E08000038", "Barnsley"),  # the code from April 2025 (SI 2024/1328), any date
        ("E06000065", "North Yorkshire"),  # a continuation carries its code throughout
    ],
)
def test_the_codes_of_every_kind_of_authority_are_read(code: str, name: str) -> None:
    (record,) = read_csv(csv_of(standard(code, "2019-11-11", name)))
    assert (record.la_code, record.la_name) == (code, name)


# Bournemouth, Christchurch and Poole replaced Bournemouth (E06000028) and Poole (E06000029) on
# 1 April 2019 (SI 2018/648); Cumberland replaced Cumbria (E10000006) on 1 April 2023
# (SI 2022/331); North Yorkshire County Council (E10000023) continued as E06000065 that day
# (SI 2022/328).
@pytest.mark.parametrize(
    ("code", "day", "words"),
    [
        ("E06000028", "2019-04-01", "Bournemouth was abolished on 2019-04-01"),
        ("E10000006", "2023-06-05", "Cumbria was abolished on 2023-04-01"),
        ("E10000023", "2023-04-03", "was abolished on 2023-04-01"),
        ("E06000058", "2019-03-25", "Poole was created on 2019-04-01"),
        ("E06000063", "2022-09-20", "Cumberland was created on 2023-04-01"),
    ],
)
def test_a_code_not_in_use_on_the_inspections_date_is_refused(
    code: str, day: str, words: str
) -> None:
    error = error_of(csv_of(standard(code, day, "X")))
    assert (error.row, error.column, error.field, error.value) == (2, "A", "la_code", code)
    assert f"an authority that existed on {day}" in str(error)
    assert words in str(error)


@pytest.mark.parametrize(
    ("code", "day"),
    [("E06000028", "2019-03-25"), ("E06000058", "2019-04-01"), ("E10000006", "2022-09-20")],
)
def test_a_code_in_use_on_the_inspections_date_is_read(code: str, day: str) -> None:
    assert read_csv(csv_of(standard(code, day, "X")))[0].la_code == code


def test_one_thurrock_written_eleven_ways_is_one_la_and_ten_problems() -> None:
    # The Thurrock that became 11 LAs, each with a forecast.
    codes = ["E06000034", " E06000034 ", "e06000034", "E06000034.", "X06000034", "W06000034"]
    codes += ["S06000034", "E6000034", "E006000034", "e06000034 ", "06000034"]
    rows = [standard(code, f"2019-{1 + n:02d}-07") for n, code in enumerate(codes)]
    result = read_lenient(csv_of(*rows))
    assert {r.la_code for r in result.records} == {"E06000034"}
    assert len(result.records) == 2
    assert [p.row for p in result.problems] == list(range(4, 13))
    assert {p.column for p in result.problems} == {"A"}


# --- One record per LA and day ------------------------------------------------------------------


def test_an_exact_duplicate_row_names_both_rows() -> None:
    row = standard("E06000034", "2019-11-11")
    error = error_of(csv_of(row, standard("E06000034", "2021-06-07"), row))
    assert (error.row, error.column, error.field) == (4, None, "inspection")
    assert "each inspection once (row 2 is the same)" in str(error)


def test_two_accounts_of_one_la_and_day_name_both_rows() -> None:
    visit = "E06000034,Thurrock,ILACS,focused_visit,2019-11-11,,,,,,,"
    error = error_of(csv_of(standard("E06000034", "2019-11-11"), visit))
    assert (error.row, error.column, error.field, error.value) == (
        3,
        "E",
        "start_date",
        "2019-11-11",
    )
    assert "one inspection or visit of E06000034 on that day" in str(error)
    assert "row 2 gives another: Thurrock (E06000034): ILACS standard inspection" in str(error)


def test_one_la_and_day_are_the_same_la_and_day_whatever_the_other_cells() -> None:
    # Other LAs on that day, and this LA on other days, are read.
    rows = [standard("E06000034", "2019-11-11"), standard("E06000041", "2019-11-11", "Wokingham")]
    rows.append(standard("E06000034", "2019-11-12"))
    assert len(read_csv(csv_of(*rows))) == 3


def test_a_hundred_thousand_duplicate_rows_are_one_record_and_the_rest_problems() -> None:
    # The 100,000 duplicate rows, silently accepted before.
    row = standard("E06000034", "2019-11-11")
    result = read_lenient(csv_of(*[row] * 100_000))
    assert len(result.records) == 1
    assert len(result.problems) == 99_999
    assert {p.message for p in result.problems} == {
        "expected each inspection once (row 2 is the same)"
    }


# --- Dates within the library's range -----------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "cell", "day"),
    [
        ("E", "start_date", "9999-01-01"),
        ("E", "start_date", "2091-01-01"),
        ("G", "publication_date", "2091-01-01"),
        ("E", "start_date", "2008-12-31"),
    ],
)
def test_a_date_outside_the_librarys_range_is_refused_at_its_cell(
    column: str, cell: str, day: str
) -> None:
    row = f"E06000034,Thurrock,ILACS,standard,2019-11-11,,2019-12-20,{GOOD}"
    row = row.replace("2019-11-11" if cell == "start_date" else "2019-12-20", day)
    error = error_of(csv_of(row))
    assert (error.row, error.column, error.field, error.value) == (2, column, cell, day)
    assert "on or after 2009-01-01 and on or before 2090-12-31" in str(error)


def test_the_last_day_of_the_range_is_read() -> None:
    # LATEST_AS_OF, 2090-12-31: an ILACS inspection then judges no overall effectiveness.
    row = "E06000034,Thurrock,ILACS,standard,2090-12-31,,,,Good,Good,Good,Good"
    assert read_csv(csv_of(row))[0].start == dt.date(2090, 12, 31)


# --- The same checks in Ofsted's files ----------------------------------------------------------


def history_row(code: str, name: str, start: dt.date, published: dt.date) -> list[object]:
    grades = ["Good", "Good", RI, "Good", "Good"]
    return [LINK, code, name, "", "", start, published, "ILACS Short Inspection", *grades]


def test_a_lower_case_code_in_ofsteds_file_is_refused_at_its_cell(tmp_path: Path) -> None:
    rows = [history_row("e08000016", "Barnsley", D(2023, 9, 11), D(2023, 10, 27))]
    with pytest.raises(FileFormatError) as caught:
        read_ofsted(file_2025(tmp_path / "o.ods", rows))
    error = caught.value
    assert (error.sheet, error.row, error.column, error.value) == (
        "ILACS_inspection_history",
        4,
        "B",
        "e08000016",
    )


def test_an_abolished_la_named_in_a_current_table_is_refused_at_its_name(tmp_path: Path) -> None:
    # Bournemouth, abolished on 1 April 2019 (SI 2018/648), in the visits of 2023-24.
    visit = ["Bournemouth", "", D(2023, 6, 1), "ILACS Focused Visit", *[""] * 5, "Front door"]
    result = read_lenient(small_2024(tmp_path, in_year=[visit]))
    [problem] = result.problems
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Inspections_in_year_2023-24",
        4,
        "B",
        "Bournemouth",
    )
    assert "Bournemouth was abolished on 2019-04-01" in problem.message


def test_a_row_twice_in_one_sheet_of_ofsteds_file_names_both(tmp_path: Path) -> None:
    visit = ["Thurrock", "", D(2023, 6, 1), "ILACS Focused Visit", *[""] * 5, "Front door"]
    result = read_lenient(small_2024(tmp_path, in_year=[visit, visit]))
    [problem] = result.problems
    assert (problem.sheet, problem.row, problem.column) == ("Inspections_in_year_2023-24", 5, None)
    assert "each inspection once in a sheet (sheet 'Inspections_in_year_2023-24' row 4" in (
        problem.message
    )
    assert sum(r.la_name == "Thurrock" and not r.graded for r in result.records) == 1


def test_two_visits_of_one_la_on_one_day_in_ofsteds_file_name_both(tmp_path: Path) -> None:
    focused = ["Thurrock", "", D(2023, 6, 1), "ILACS Focused Visit", *[""] * 5, "Front door"]
    monitoring = ["Thurrock", "", D(2023, 6, 1), "LA Monitoring visit", *[""] * 5, ""]
    result = read_lenient(small_2024(tmp_path, in_year=[focused, monitoring]))
    [problem] = result.problems
    assert (problem.sheet, problem.column, problem.value) == (
        "Inspections_in_year_2023-24",
        "D",
        "01/06/2023",
    )
    assert "one inspection or visit of E06000034 on that day" in problem.message


def test_a_date_beyond_2090_in_ofsteds_file_is_refused_at_its_cell(tmp_path: Path) -> None:
    visit = ["Thurrock", "", "01/06/2091", "ILACS Focused Visit", *[""] * 5, "Front door"]
    result = read_lenient(small_2024(tmp_path, in_year=[visit]))
    [problem] = result.problems
    assert (problem.row, problem.column, problem.value) == (4, "D", "01/06/2091")
    assert "on or before 2090-12-31" in problem.message


# --- One layer, one return type ------------------------------------------------------------------


@pytest.mark.parametrize("read", [read_csv, read_ofsted])
def test_no_reader_chooses_its_return_type_by_a_flag(read: object) -> None:
    signature = inspect.signature(read)  # type: ignore[arg-type]
    assert "strict" not in signature.parameters
    assert signature.return_annotation == "list[Inspection]"
    assert inspect.signature(read_lenient).return_annotation == "ReadResult"


def test_both_readers_fold_headings_alike(tmp_path: Path) -> None:
    # Case, spaces, hyphens and underscores: "Start-Date" is start_date; the ODS reader's
    # "inspection/visit date" is found under any of them too.
    for heading in ("Start-Date", "START_DATE", "start date", "Start\u00a0date"):
        assert _ods.normalise_heading(heading) == _ods.normalise_heading("start_date")
    header = HEADER.replace("start_date", "Start-Date").replace("la_code", "LA Code")
    assert len(read_csv(io.StringIO(header + "\n" + standard("E06000034", "2019-11-11")))) == 1
    head = [h.replace("Inspection/Visit date", "Inspection/Visit_Date") for h in IN_YEAR_2024]
    assert head != IN_YEAR_2024
    variant = file_2024(
        tmp_path / "o.ods", LATEST_ROWS, IN_YEAR_ROWS, ILACS_ROWS, in_year_head=head
    )
    records = read_ofsted(variant)
    visit = next(r for r in records if r.la_name == "Thurrock" and r.type.value == "focused_visit")
    assert (visit.start, visit.theme) == (D(2023, 6, 1), "Front door")
    assert records == read_ofsted(small_2024(tmp_path, former=[]))


def test_both_readers_refuse_the_same_date_with_the_same_words(tmp_path: Path) -> None:
    csv_problem = read_lenient(csv_of(standard("E06000034", "2091-06-01"))).problems[0]
    visit = ["Thurrock", "", "2091-06-01", "ILACS Focused Visit", *[""] * 5, "Front door"]
    ods_problem = read_lenient(small_2024(tmp_path, in_year=[visit])).problems[0]
    assert csv_problem.message == ods_problem.message
    assert csv_problem.value == ods_problem.value == "2091-06-01"


@given(records=readable_inspections())
def test_records_written_then_read_leniently_have_no_problems(records: list[Inspection]) -> None:
    out = io.StringIO()
    write_csv(records, out)
    assert read_lenient(io.StringIO(out.getvalue())) == ReadResult(tuple(records), ())


def test_read_csv_on_a_folder_or_a_missing_file_is_a_file_format_error(tmp_path: Path) -> None:
    # As read_ofsted: not an IsADirectoryError or FileNotFoundError (issue 10, item 2).
    for path in (tmp_path, tmp_path / "absent.csv"):
        with pytest.raises(FileFormatError, match="a readable file") as caught:
            read_csv(path)
        assert caught.value.file == str(path)


def test_the_reader_modules_stay_under_700_lines() -> None:
    # Issue 9: no module over 700 lines (the readers were 1,609 and 1,216).
    source = Path(tabular.__file__).parent
    modules = [source / f for f in ("tabular.py", "ofsted.py", "_accounts.py", "_merge.py")]
    modules += [source / "_rows.py", source / "reading.py", *sorted((source / "_ods").glob("*.py"))]
    for module in modules:
        assert len(module.read_text(encoding="utf-8").splitlines()) < 700, module.name


@pytest.mark.parametrize(
    "name",
    ["tabular", "ofsted", "_accounts", "_merge", "_rows", "reading", "merge", "_output"]
    + [f"_ods.{m}" for m in ("content", "sheets", "build")],
)
def test_every_name_a_reader_module_exports_exists(name: str) -> None:
    # `from ilacs._merge import *` raised AttributeError: "Event" was only a type-checking name.
    module = importlib.import_module(f"ilacs.{name}")
    assert [n for n in module.__all__ if not hasattr(module, n)] == []

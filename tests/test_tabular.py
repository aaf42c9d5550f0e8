"""The CSV format: the real file, round trips, and every way a file can be wrong."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import assert_type

import pytest
from hypothesis import given

from ilacs._output import render
from ilacs._rows import raise_first
from ilacs.catalogue.frameworks import Framework, JudgementArea
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import FileFormatError, ValidationError
from ilacs.reading import Problem, ReadResult, read_lenient
from ilacs.records import Inspection, histories
from ilacs.tabular import CSV_COLUMNS, read_csv, write_csv
from strategies import readable_inspections

HEADER = ",".join(CSV_COLUMNS)
THURROCK_2019 = (
    "E06000034,Thurrock,ILACS,standard,2019-11-11,2019-11-22,2019-12-20,Good,Good,Good,,Good"
)
THURROCK_FV = "E06000034,Thurrock,ILACS,focused_visit,2021-06-30,,,,,,,"


def write(tmp_path: Path, *lines: str, name: str = "inspections.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error_of(path: Path) -> FileFormatError:
    with pytest.raises(FileFormatError) as caught:
        read_csv(path)
    return caught.value


# --- the real file ------------------------------------------------------------------------------


def test_real_file_has_736_records(real_inspections: list[Inspection]) -> None:
    assert len(real_inspections) == 736  # the data README: 736 rows


def test_real_file_covers_158_las_each_a_valid_history(
    real_inspections: list[Inspection],
) -> None:
    # The data README: 158 LAs, including 5 that no longer exist.
    assert len(histories(real_inspections)) == 158


def test_real_file_thurrock_ilacs_2019_row(real_inspections: list[Inspection]) -> None:
    (row,) = [
        i
        for i in real_inspections
        if i.la_code == "E06000034" and i.framework_version.name == "ILACS 2018" and i.graded
    ]
    assert row.la_name == "Thurrock"
    assert row.type is InspectionType.STANDARD
    assert (row.start, row.end, row.published) == (
        dt.date(2019, 11, 11),
        dt.date(2019, 11, 22),
        dt.date(2019, 12, 20),
    )
    assert row.framework is Framework.ILACS
    assert set(row.judgements.values()) == {Grade.GOOD}
    assert set(row.judgements) == {
        JudgementArea.OVERALL,
        JudgementArea.HELP_AND_PROTECTION,
        JudgementArea.CHILDREN_IN_CARE,
        JudgementArea.LEADERSHIP,
    }


def test_real_file_sif_rows_without_a_start_date(real_inspections: list[Inspection]) -> None:
    # Counted in the file: six SIF rows have neither start nor end and are dated by their
    # publication; City of London's SIF row has only an end date (28 Jul 2016).
    undated = [i for i in real_inspections if i.start is None]
    assert all(i.framework is Framework.SIF for i in undated)
    by_publication = [i for i in undated if i.end is None]
    assert sorted((i.la_name, i.date.isoformat()) for i in by_publication) == [
        ("Bournemouth", "2014-06-30"),
        ("Cumbria", "2015-05-13"),
        ("Cumbria", "2018-01-29"),
        ("Dorset (county council, to March 2019)", "2016-05-23"),
        ("Northamptonshire", "2016-04-27"),
        ("Poole", "2017-11-24"),
    ]
    assert all(i.date == i.published for i in by_publication)
    (city,) = [i for i in undated if i.end is not None]
    assert (city.la_name, city.date) == ("City of London", dt.date(2016, 7, 28))


def test_real_file_reads_back_equal_after_writing(
    real_inspections: list[Inspection], tmp_path: Path
) -> None:
    path = tmp_path / "copy.csv"
    write_csv(real_inspections, path)
    assert read_csv(path) == real_inspections


def test_real_file_reads_leniently_without_problems(shared_data: Path) -> None:
    result = read_lenient(shared_data / "inspections-2013-2025.csv")
    assert result.ok
    assert len(result.records) == 736
    assert str(result) == "736 inspection(s) read, no problems."


# --- round trips --------------------------------------------------------------------------------


@given(readable_inspections())
def test_write_then_read_a_stream_gives_equal_records(records: list[Inspection]) -> None:
    out = io.StringIO()
    write_csv(records, out)
    assert read_csv(io.StringIO(out.getvalue())) == records


@given(records=readable_inspections())
def test_write_then_read_a_file_gives_equal_records(
    records: list[Inspection], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("round-trip") / "inspections.csv"
    write_csv(records, path)
    assert read_csv(path) == records
    assert read_lenient(str(path)) == ReadResult(tuple(records), ())


def test_reads_binary_streams_and_drops_a_byte_order_mark() -> None:
    data = ("\ufeff" + HEADER + "\n" + THURROCK_2019 + "\n").encode("utf-8")
    (record,) = read_csv(io.BytesIO(data))
    assert record.la_code == "E06000034"
    (again,) = read_csv(io.StringIO(data.decode("utf-8")))
    assert again == record


def test_each_reader_has_one_return_type() -> None:
    text = HEADER + "\n" + THURROCK_2019 + "\n"
    strict = read_csv(io.StringIO(text))
    lenient = read_lenient(io.StringIO(text))
    assert_type(strict, list[Inspection])
    assert_type(lenient, ReadResult)
    assert isinstance(strict, list)
    assert isinstance(lenient, ReadResult)
    assert list(lenient.records) == strict


def test_header_only_file_has_no_records(tmp_path: Path) -> None:
    assert read_csv(write(tmp_path, HEADER)) == []


def test_blank_lines_before_the_header_are_skipped_and_rows_keep_their_numbers(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "", ",,", HEADER, THURROCK_2019.replace("standard", "full"))
    error = error_of(path)
    assert (error.row, error.column) == (4, "D")
    missing = error_of(write(tmp_path, "", "la_code", name="b.csv"))
    assert (missing.field, missing.row) == ("heading", 2)


def test_a_file_of_blank_lines_is_refused(tmp_path: Path) -> None:
    assert error_of(write(tmp_path, "", " , ")).detail == "the file has only blank lines"


# --- the schema ---------------------------------------------------------------------------------


def test_columns_are_found_by_heading_in_any_order_and_extra_columns_ignored(
    tmp_path: Path,
) -> None:
    headings = list(reversed(CSV_COLUMNS))
    cells = dict(zip(CSV_COLUMNS, THURROCK_2019.split(","), strict=True))
    path = write(
        tmp_path,
        "Source," + ",".join(h.upper().replace("_", " ") for h in headings),
        "from a report," + ",".join(cells[h] for h in headings),
    )
    assert read_csv(path) == read_csv(write(tmp_path, HEADER, THURROCK_2019, name="b.csv"))


def test_blank_rows_are_skipped_and_short_rows_read_as_blank_cells(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER,
        "",
        THURROCK_2019,
        ",,,,,,,,,,,",
        "E06000034,Thurrock,,focused_visit,2021-06-30",
    )
    records = read_csv(path)
    assert [r.type for r in records] == [InspectionType.STANDARD, InspectionType.FOCUSED_VISIT]
    assert records[1].framework is None
    assert records[1].framework_version.framework is Framework.ILACS


def test_grades_in_any_of_ofsteds_wordings_are_read(tmp_path: Path) -> None:
    row = (
        "E06000034,Thurrock,SIF,sif,2014-01-06,2014-01-31,2014-03-01,"
        "Requires improvement,require improvement to be good,Good,RI,Inadequate"
    )
    (record,) = read_csv(write(tmp_path, HEADER, row))
    assert record.overall is Grade.REQUIRES_IMPROVEMENT
    assert record.judgements[JudgementArea.CARE_LEAVERS] is Grade.REQUIRES_IMPROVEMENT


def test_pre_2013_grades_are_read_on_the_legacy_scale(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER + ",safeguarding",
        "E06000034,Thurrock,,slac,2010-03-01,2010-03-12,,Good,,,,,Adequate",
    )
    (record,) = read_csv(path)
    assert record.overall is LegacyGrade.GOOD
    assert record.judgements[JudgementArea.SAFEGUARDING] is LegacyGrade.ADEQUATE


def test_optional_columns_are_read_when_present(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER + ",notified_date,theme,priority_action",
        THURROCK_FV + ",2021-06-16,Children in care,Yes",
    )
    (record,) = read_csv(path)
    assert record.notified == dt.date(2021, 6, 16)
    assert record.theme == "Children in care"
    assert record.priority_action is True


def test_optional_columns_are_written_only_when_a_record_needs_them() -> None:
    plain = read_csv(io.StringIO(HEADER + "\n" + THURROCK_FV + "\n"))
    out = io.StringIO()
    write_csv(plain, out)
    assert out.getvalue().splitlines()[0] == HEADER
    themed = Inspection(
        "E06000034",
        "Thurrock",
        "focused_visit",
        start=dt.date(2021, 6, 30),
        theme="Care leavers",
        notified=dt.date(2021, 6, 16),
    )
    out = io.StringIO()
    write_csv([themed], out)
    assert out.getvalue().splitlines()[0] == HEADER + ",notified_date,theme"


def test_sif_sub_judgements_get_their_own_columns() -> None:
    sif = Inspection(
        "E06000034",
        "Thurrock",
        "sif",
        start=dt.date(2015, 1, 12),
        judgements={"overall": "Good", "adoption": "Outstanding", "lscb": "Good"},
    )
    out = io.StringIO()
    write_csv([sif], out)
    header, row = out.getvalue().splitlines()
    assert header == HEADER + ",adoption,lscb"
    assert row.endswith(",Outstanding,Good")
    assert read_csv(io.StringIO(out.getvalue())) == [sif]


def test_written_cells_use_iso_dates_ofsted_wordings_and_type_values(tmp_path: Path) -> None:
    record = Inspection(
        "E1",
        "Name, with comma",
        InspectionType.SHORT,
        start=dt.date(2024, 3, 18),
        end=dt.date(2024, 3, 22),
        judgements={"overall": Grade.REQUIRES_IMPROVEMENT},
        framework=Framework.ILACS,
    )
    path = tmp_path / "out.csv"
    write_csv([record], path)
    assert path.read_text(encoding="utf-8").splitlines()[1] == (
        'E1,"Name, with comma",ILACS,short,2024-03-18,2024-03-22,,'
        "Requires improvement to be good,,,,"
    )


def test_a_record_refusing_its_judgements_is_placed_at_the_first_grade() -> None:
    head = "la_code,la_name,framework,inspection_type,start_date,end_date,publication_date,"
    head += "overall,help_and_protection,children_in_care,care_leavers,leadership\n"
    visit = "E06000034,Thurrock,,focused_visit,2021-06-30,,,,,Good,,\n"  # a visit is not graded
    with pytest.raises(FileFormatError, match="no graded judgements") as caught:
        read_csv(io.StringIO(head + visit))
    error = caught.value
    assert (error.row, error.column, error.field, error.value) == (
        2,
        "J",
        "children_in_care",
        "Good",
    )


def test_write_csv_refuses_what_is_not_an_inspection() -> None:
    with pytest.raises(ValidationError, match="Inspection records"):
        write_csv(["E06000034"], io.StringIO())  # type: ignore[list-item]


# --- bad files: strict mode ---------------------------------------------------------------------


def test_missing_heading_names_file_heading_and_headings_found(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER.replace(",care_leavers", ""), "x")
    error = error_of(path)
    assert error.file == str(path)
    assert error.row == 1
    assert "'care_leavers'" in error.expected
    assert error.value == [c for c in CSV_COLUMNS if c != "care_leavers"]
    assert str(error).startswith(f"{path}, row 1: heading: got ['la_code', 'la_name'")


def test_repeated_heading_is_refused(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, HEADER + ",Overall"))
    assert (error.field, error.value, error.column) == ("heading", "Overall", "M")
    assert error.detail == "also in column H"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    error = error_of(path)
    assert error.detail == "the file is empty"
    assert "la_code" in error.expected


def test_wrong_encoding_names_the_byte_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.csv"
    path.write_bytes(
        (HEADER + "\n" + THURROCK_2019.replace("Thurrock", "Thurröck")).encode("cp1252")
    )
    error = error_of(path)
    assert (error.field, error.value, error.row) == ("encoding", b"\xf6", 2)
    assert "UTF-8" in str(error)
    with pytest.raises(FileFormatError):
        read_lenient(path)  # a file that cannot be decoded raises in both modes


@pytest.mark.parametrize(
    ("old", "new", "column", "heading", "words"),
    [
        (
            ",Good,Good,Good,,Good",
            ",Good,Goodish,Good,,Good",
            "I",
            "help_and_protection",
            "grade wordings",
        ),
        ("2019-11-22", "2019-02-30", "F", "end_date", "a date that exists"),
        ("2019-11-22", "22/11/2019", "F", "end_date", "an ISO date"),
        ("2019-11-22", "2019-11-01", "F", "end_date", "a date on or after start (2019-11-11)"),
        ("2019-12-20", "2019-11-01", "G", "publication_date", "on or after the inspection"),
        ("standard", "full", "D", "inspection_type", "one of sif, sif_reinspection"),
        ("ILACS,", "OFSTED,", "C", "framework", "one of JAR"),
        ("ILACS,", "OFSTED,", "C", "framework", "ILACS, or blank"),
        ("ILACS,", "SIF,", "C", "framework", "a framework of a standard"),
        ("2019-11-11", "2005-11-11", "E", "start_date", "a date on or after 2009-01-01"),
        (",Good,,Good", ",Good,Good,Good", "K", "care_leavers", "an area graded by ILACS 2018"),
        ("E06000034,", " ,", "A", "la_code", "a non-empty LA code"),
    ],
)
def test_bad_cells_raise_naming_file_row_column_heading_and_value(
    tmp_path: Path, old: str, new: str, column: str, heading: str, words: str
) -> None:
    row = THURROCK_2019.replace(old, new, 1)
    assert row != THURROCK_2019
    path = write(tmp_path, HEADER, THURROCK_FV, row)
    error = error_of(path)
    assert (error.file, error.sheet, error.row, error.column) == (str(path), None, 3, column)
    assert error.field == heading
    assert words in str(error)
    assert error.value == row.split(",")[ord(column) - ord("A")]


def test_judgement_on_a_letter_is_refused_at_its_first_grade(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER, THURROCK_FV.replace(",,,,,,,", ",,,Good,,,,"))
    error = error_of(path)
    assert (error.row, error.column, error.field, error.value) == (2, "H", "overall", "Good")
    assert "no graded judgements on a focused_visit (it ends in a letter)" in str(error)


def test_inspection_without_any_date_is_refused(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, HEADER, "E1,X,ILACS,short,,,,,,,,"))
    assert (error.column, error.field) == ("E", "start_date")
    assert "at least one of start, end or published" in str(error)


def test_unheaded_cells_are_refused(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, HEADER, THURROCK_2019 + ",stray"))
    assert (error.row, error.column, error.value) == (2, "M", "stray")
    assert "beyond the header's 12 columns" in str(error)


def test_bad_priority_action_is_refused(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, HEADER + ",priority_action", THURROCK_FV + ",maybe"))
    assert (error.column, error.field, error.value) == ("M", "priority_action", "maybe")


def test_broken_quoting_is_refused_as_a_file_error(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, HEADER, 'E1,"Thurrock"x,ILACS'))
    assert (error.field, error.row) == ("csv", 2)


def test_cells_beyond_the_csv_size_limit_are_refused_as_a_file_error() -> None:
    with pytest.raises(FileFormatError, match="well-formed CSV"):
        read_csv(io.StringIO(HEADER + "\nE1," + "x" * 200_000 + ",ILACS\n"))


def test_strict_mode_raises_at_the_first_bad_row(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER,
        THURROCK_2019.replace("2019-11-22", "2019-02-30"),
        THURROCK_2019.replace("standard", "full"),
    )
    assert error_of(path).row == 2


# --- bad files: lenient mode --------------------------------------------------------------------


def test_lenient_mode_reads_good_rows_and_reports_every_bad_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER,
        THURROCK_2019.replace("Good", "Goodish", 1).replace("2019-11-22", "2019-02-30"),
        THURROCK_2019,
        THURROCK_FV.replace(",,,,,,,", ",,,Good,,,,"),
        THURROCK_FV,
    )
    result = read_lenient(path)
    assert [r.type for r in result.records] == [
        InspectionType.STANDARD,
        InspectionType.FOCUSED_VISIT,
    ]
    assert [(p.row, p.column, p.field, p.value) for p in result.problems] == [
        (2, "F", "end_date", "2019-02-30"),
        (2, "H", "overall", "Goodish"),
        (4, "H", "overall", "Good"),
    ]
    assert not result.ok
    problem = result.problems[0]
    assert problem.file == str(path)
    assert problem.sheet is None
    assert problem.message.startswith("expected a date that exists")
    assert str(problem) == (
        f"{path}, row 2, column F: end_date: got '2019-02-30'; expected a date that exists, "
        "as YYYY-MM-DD (day is out of range for month)"
    )
    assert str(result).startswith(
        "2 inspection(s) read; 3 problem(s) in 2 row(s) not read, the first"
    )


def test_lenient_problems_match_strict_errors(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER, THURROCK_2019.replace("standard", "full"))
    error = error_of(path)
    (problem,) = read_lenient(path).problems
    assert problem == Problem.from_error(error)
    assert str(problem) == str(error)


def test_lenient_mode_still_raises_for_a_missing_heading(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="'leadership'"):
        read_lenient(write(tmp_path, HEADER.replace(",leadership", "")))


def test_problem_of_a_non_text_value_shows_its_repr() -> None:
    error = FileFormatError("f.csv", "heading", ["a", "b"], "x", row=1)
    assert Problem.from_error(error).value == "['a', 'b']"


@pytest.mark.parametrize("text", ["ilacs", " ILACS ", "Ilacs"])
def test_framework_cells_ignore_case_and_spaces(tmp_path: Path, text: str) -> None:
    row = THURROCK_2019.replace(",ILACS,", f",{text},", 1)
    path = write(tmp_path, HEADER, row)
    assert read_csv(path)[0].framework is Framework.ILACS


def test_strict_raises_the_first_error_and_lenient_reports_every_one() -> None:
    first = FileFormatError("f.csv", "end_date", "x", "a date", row=2)
    second = FileFormatError("f.csv", "overall", "y", "a grade", row=3)
    with pytest.raises(FileFormatError) as caught:
        raise_first([], [first, second])
    assert caught.value is first
    result = ReadResult.of([], [first, second])
    assert [p.row for p in result.problems] == [2, 3]
    assert raise_first([], []) == []


def test_the_command_line_s_csv_quotes_a_row_holding_a_carriage_return_as_write_csv_does() -> None:
    text = render([{"a": "x\ry", "b": 1}, {"a": "z", "b": None}], "csv", columns=["a", "b"])
    assert text == 'a,b\n"x\ry","1"\nz,\n'

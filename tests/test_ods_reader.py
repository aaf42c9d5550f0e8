"""Tests of ilacs._ods, the dependency-free ODS reader.

Real-file tests read Ofsted's published files from ``../shared/data/ofsted`` (skipped when the
folder is absent); the expected cells were read off the files in LibreOffice Calc's layout
(row numbers 1-based as Calc shows them). Synthetic files are written into ``tmp_path`` by
:func:`write_ods` as LibreOffice writes them (repeats, ``text:s`` for kept spaces).
"""

from __future__ import annotations

import contextlib
import io
import re
import time
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import needs_shared, shared_file
from ilacs import _ods
from ilacs._ods import (
    EMPTY_CELL,
    MAX_COLUMNS,
    ODS_MIMETYPE,
    Cell,
    HeaderMap,
    Sheet,
    column_letter,
    find_header,
    find_sheet,
    find_sheets,
    iter_rows,
    normalise_heading,
    read_sheets,
    sheet_names,
)
from ilacs.errors import FileFormatError, OutOfRangeError, ValidationError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ofsted"
FILE_2024 = DATA / "LA_Inspection_Outcomes_as_at_March_2024.ods"
FILE_2023 = DATA / "Childrens_social_care_in_England_2023_underlying_data.ods"

needs_data = needs_shared(FILE_2024, FILE_2023)

# --- Writing synthetic ODS files ---------------------------------------------------------------

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"'
)


def content_xml(tables: str) -> bytes:
    """A content.xml holding the given ``<table:table>`` elements."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>"
        f"{tables}</office:spreadsheet></office:body></office:document-content>"
    ).encode()


def write_ods(
    path: Path,
    content: bytes | None,
    *,
    mimetype: str | None = ODS_MIMETYPE,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Write a minimal ODS zip: mimetype (stored, first) and content.xml."""
    with zipfile.ZipFile(path, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        if content is not None:
            archive.writestr("content.xml", content, compress_type=compression)
    return path


def table(name: str, rows: str) -> str:
    return f"<table:table table:name={quoteattr(name)}>{rows}</table:table>"


def paragraph(text: str, *, spans: bool = False) -> str:
    """Encode ``text`` as LibreOffice does: kept spaces as text:s, tabs, line breaks."""
    parts: list[str] = []
    for match in re.finditer(r" +|\t|\n|[^ \t\n]+", text):
        token = match.group()
        if token == "\t":
            parts.append("<text:tab/>")
        elif token == "\n":
            parts.append("<text:line-break/>")
        elif token[0] == " ":
            at_edge = match.start() == 0 or match.end() == len(text)
            literal = "" if at_edge else " "
            rest = len(token) - len(literal)
            if rest:
                parts.append(literal + f'<text:s text:c="{rest}"/>')
            else:
                parts.append(literal)
        else:
            parts.append(f"<text:span>{escape(token)}</text:span>" if spans else escape(token))
    return "<text:p>" + "".join(parts) + "</text:p>"


def cell_xml(
    text: str, *, repeat: int = 1, newline_paragraphs: bool = False, spans: bool = False
) -> str:
    attribute = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if not text:
        return f"<table:table-cell{attribute}/>"
    lines = text.split("\n") if newline_paragraphs else [text]
    body = "".join(paragraph(line, spans=spans) for line in lines)
    return f'<table:table-cell office:value-type="string"{attribute}>{body}</table:table-cell>'


def grid_rows(
    grid: Sequence[Sequence[str]], *, newline_paragraphs: bool = False, spans: bool = False
) -> str:
    """Rows as LibreOffice writes them: equal neighbours repeated, a million-row tail."""
    out: list[str] = []
    for row in grid:
        cells: list[str] = []
        index = 0
        while index < len(row):
            run = 1
            while index + run < len(row) and row[index + run] == row[index]:
                run += 1
            cells.append(
                cell_xml(row[index], repeat=run, newline_paragraphs=newline_paragraphs, spans=spans)
            )
            index += run
        cells.append('<table:table-cell table:number-columns-repeated="16000"/>')
        out.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    out.append(
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    return "".join(out)


def grid_file(path: Path, sheets: Mapping[str, Sequence[Sequence[str]]]) -> Path:
    return write_ods(
        path, content_xml("".join(table(name, grid_rows(grid)) for name, grid in sheets.items()))
    )


def texts(sheet: Sheet) -> list[list[str]]:
    return [[cell.text for cell in row] for row in sheet.rows]


HEADINGS = ["Web link", "Local authority name", "Overall effectiveness [note 3]", "Leaders"]
SIMPLE = {
    "Cover": [["Local authority inspection outcomes"]],
    "Inspections_31_March_2024": [
        ["Title of the table"],
        ["This worksheet contains one table."],
        HEADINGS,
        ["link", "Thurrock", "Good", "Good"],
        [],
        ["link", "Barnet", "Outstanding"],
    ],
}


@pytest.fixture
def simple(tmp_path: Path) -> Path:
    return grid_file(tmp_path / "simple.ods", SIMPLE)


# --- Real files --------------------------------------------------------------------------------

SHEETS_2024 = (
    "Inspections_31_March_2024",
    "Inspections_in_year_2023-24",
    "ILACS_inspections_2018-2024",
)
SHEETS_2023 = ("LA_inspections_2009-2023", "LA_level_in_year_2022-23")
LATEST = {
    "la": ["local authority name"],
    "region": ["ofsted region", "region", "la region"],
    "date": ["inspection date", "inspection/visit date"],
    "overall": ["overall effectiveness"],
    "leaders": ["impact of leaders"],
    "help": ["experiences and progress of children who need help and protection"],
    "in_care": ["experiences and progress of children in care"],
    "care_leavers": ["experiences and progress of care leavers"],
}
IN_YEAR = {**LATEST, "type": ["inspection/visit type"]}


@pytest.fixture(scope="module")
def sheets_2024() -> dict[str, Sheet]:
    return read_sheets(shared_file(FILE_2024), SHEETS_2024)


@pytest.fixture(scope="module")
def sheets_2023() -> dict[str, Sheet]:
    return read_sheets(shared_file(FILE_2023), SHEETS_2023)


def row_of(sheet: Sheet, header: HeaderMap, la: str) -> tuple[int, dict[str, Cell]]:
    found = [(n, cells) for n, cells in iter_rows(sheet, header) if cells["la"].text == la]
    assert len(found) == 1, found
    return found[0]


@needs_data
def test_sheet_names_lists_every_sheet_of_the_2024_file() -> None:
    assert sheet_names(FILE_2024) == ("Cover", "Contents", "Notes", *SHEETS_2024)


@needs_data
def test_sheet_names_lists_every_sheet_of_the_2023_file() -> None:
    names = sheet_names(FILE_2023)
    assert len(names) == 16
    assert names[:3] == ("Cover", "Accessibility", "Contents")
    assert set(SHEETS_2023) <= set(names)
    assert names[-1] == "LA_inspections_2009-2023"


@needs_data
def test_latest_judgements_sheet_header_and_thurrock_row(sheets_2024: dict[str, Sheet]) -> None:
    sheet = sheets_2024["Inspections_31_March_2024"]
    header = find_header(sheet, LATEST, {"web": ["web link"]})
    assert header.row_number == 3
    assert header.end == len(sheet.rows)
    assert header.letter("overall") == "E"
    number, cells = row_of(sheet, header, "Thurrock")
    assert number == 134
    assert cells["overall"].text == "Good"
    assert cells["date"] == Cell("11/11/2019", "2019-11-11T00:00:00", "date")
    assert cells["care_leavers"] is EMPTY_CELL  # judged before care leavers had a grade
    assert cells["web"].formula is not None
    assert "reports.ofsted.gov.uk" in cells["web"].formula


@needs_data
def test_in_year_sheet_header_and_a_visit_row(sheets_2024: dict[str, Sheet]) -> None:
    sheet = sheets_2024["Inspections_in_year_2023-24"]
    header = find_header(sheet, IN_YEAR, {"theme": ["visit theme"]})
    assert header.row_number == 3
    assert header.headings[2] == "region"
    number, cells = next(iter_rows(sheet, header))
    assert number == 4
    assert (cells["la"].text, cells["type"].text, cells["theme"].text) == (
        "Bury",
        "LA Monitoring visit",
        "Achieving permanence",
    )
    assert cells["overall"].is_empty


@needs_data
def test_ilacs_sheet_has_two_tables_split_at_the_title_row(sheets_2024: dict[str, Sheet]) -> None:
    sheet = sheets_2024["ILACS_inspections_2018-2024"]
    first = find_header(
        sheet,
        {"la": ["local authority name"], "overall": ["first ilacs overall effectiveness"]},
        {"second": ["second ilacs overall effectiveness"]},
    )
    assert (first.row_number, first.end) == (4, 157)
    _, thurrock = row_of(sheet, first, "Thurrock")
    assert thurrock["overall"].text == "Good"
    assert sheet.rows[first.end][0].text.startswith("ILACS inspections of local authorities")
    second = find_header(
        sheet,
        {"la": ["local authority name"], "overall": ["ilacs framework overall*"]},
        start=first.end,
    )
    assert second.row_number == 159
    assert [cells["la"].text for _, cells in iter_rows(sheet, second)] == [
        "Bournemouth",
        "Northamptonshire",
        "Cumbria",
    ]


@needs_data
def test_2023_history_sheet_header_and_thurrock_sif_row(sheets_2023: dict[str, Sheet]) -> None:
    sheet = sheets_2023["LA_inspections_2009-2023"]
    header = find_header(
        sheet,
        {
            "la": ["local authority name"],
            "sif_date": [
                "first sif publication date",
                "single inspection of la children's services (sif) first sif*",
            ],
            "sif_overall": ["first sif overall judgement*"],
            "ilacs_overall": ["first ilacs framework overall effectiveness"],
        },
    )
    assert header.row_number == 5
    assert header.headings[18] == "first sif overall judgement oe"
    assert header.titles[18] == "first sif overall judgement (oe)"
    assert header.letter("sif_date") == "R"
    assert header.end == 157  # two blank rows and a title row come before the second table
    number, cells = row_of(sheet, header, "Thurrock")
    assert number == 136
    assert cells["sif_overall"].text == "Requires improvement to be good"
    assert cells["ilacs_overall"].text == "Good"


@needs_data
def test_2023_in_year_sheet_header_and_a_row(sheets_2023: dict[str, Sheet]) -> None:
    sheet = sheets_2023["LA_level_in_year_2022-23"]
    header = find_header(sheet, IN_YEAR)
    assert header.row_number == 3
    rows = dict(iter_rows(sheet, header))
    assert rows[6]["la"].text == "Bexley"
    assert rows[6]["type"].text == "ILACS Short Inspection"
    assert rows[6]["overall"].text == "Outstanding"


@needs_data
def test_find_sheet_accepts_a_pattern_for_renamed_editions() -> None:
    sheet = find_sheet(FILE_2024, r"Inspections_(as_at_)?31_March(_\d{4})?")
    assert sheet.name == "Inspections_31_March_2024"


@needs_data
def test_find_sheets_reads_both_2023_sheets_in_one_pass() -> None:
    found = find_sheets(
        FILE_2023,
        {"history": [r"LA_inspections_2009-\d{4}"], "in_year": [r"LA_level_in_year_.*"]},
    )
    assert (found["history"].name, found["in_year"].name) == SHEETS_2023


@needs_data
def test_every_sheet_of_the_2024_file_reads() -> None:
    sheets = read_sheets(FILE_2024, sheet_names(FILE_2024))
    assert all(sheet.rows for sheet in sheets.values())


@needs_data
def test_truncated_real_file_raises_file_format_error(tmp_path: Path) -> None:
    data = FILE_2024.read_bytes()
    cut = tmp_path / "cut.ods"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileFormatError, match="not a zip or damaged") as caught:
        sheet_names(cut)
    assert isinstance(caught.value.__cause__, zipfile.BadZipFile)


# --- File errors -------------------------------------------------------------------------------


def test_missing_file_raises_file_format_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "absent.ods"
    with pytest.raises(FileFormatError, match=r"absent\.ods") as caught:
        sheet_names(path)
    assert caught.value.file == str(path)
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_directory_instead_of_file_raises_file_format_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        read_sheets(tmp_path, ["Sheet1"])
    assert isinstance(caught.value.__cause__, OSError)


def test_not_a_zip_raises_file_format_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.ods"
    path.write_text("Local authority,Grade\nThurrock,Good\n")
    with pytest.raises(FileFormatError, match="not a zip or damaged"):
        sheet_names(path)


def test_truncated_synthetic_zip_raises_file_format_error(simple: Path) -> None:
    data = simple.read_bytes()
    simple.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileFormatError):
        read_sheets(simple, ["Cover"])


def test_corrupted_deflate_stream_raises_file_format_error(tmp_path: Path) -> None:
    content = content_xml(table("Sheet1", grid_rows([["a" * 50, "b" * 50]] * 50)))
    path = write_ods(tmp_path / "bad.ods", content)
    data = bytearray(path.read_bytes())
    offset = data.index(b"content.xml") + len(b"content.xml") + 40  # inside the deflate data
    data[offset : offset + 30] = bytes(30)
    path.write_bytes(bytes(data))
    with pytest.raises(FileFormatError, match="not a zip or damaged") as caught:
        sheet_names(path)
    assert isinstance(caught.value.__cause__, zipfile.BadZipFile | zlib.error | EOFError)


def test_zip_without_content_xml_raises_file_format_error(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "empty.ods", None)
    with pytest.raises(FileFormatError, match=r"content\.xml") as caught:
        sheet_names(path)
    assert caught.value.value == ("mimetype",)


def test_other_opendocument_type_raises_file_format_error(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "letter.odt", content_xml(""), mimetype="application/vnd.oasis.opendocument.text"
    )
    with pytest.raises(FileFormatError, match="mimetype"):
        sheet_names(path)


def test_zip_without_mimetype_is_still_read(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "bare.ods", content_xml(table("S", grid_rows([["x"]]))), mimetype=None
    )
    assert sheet_names(path) == ("S",)


@pytest.mark.parametrize(
    "content",
    [
        content_xml(table("Broken", "<table:table-row><table:table-cell>")),
        content_xml(table("Broken", "<table:table-row><text:p>a & b</text:p></table:table-row>")),
        content_xml(table("Broken", "<table:table-row><unknown:x/></table:table-row>")),
    ],
    ids=["unclosed-cell", "bare-ampersand", "undeclared-prefix"],
)
def test_malformed_sheet_xml_raises_file_format_error_naming_the_sheet(
    tmp_path: Path, content: bytes
) -> None:
    path = write_ods(tmp_path / "broken.ods", content)
    with pytest.raises(FileFormatError, match="well-formed XML") as caught:
        read_sheets(path, ["Broken"])
    assert caught.value.sheet == "Broken"


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "no root element"),
        (b"not xml at all", "no root element"),
        (b"<office:document-content xmlns:office='x'>", "document-content root"),
        (b"<a b='1' b='2'>", "well-formed XML"),
        (
            content_xml(table("Open", "<table:table-row>")).replace(b"</table:table>", b""),
            "not closed",
        ),
        (content_xml("</table:table>"), "end tag without a start"),
        (content_xml("").replace(b"UTF-8", b"ISO-8859-1"), "UTF-8"),
        ("\ufeff<x/>".encode("utf-16"), "UTF-8"),
        (
            content_xml('<table:table table:name="a&b"></table:table>'),
            "well-formed XML",
        ),
    ],
    ids=[
        "empty",
        "text",
        "wrong-root",
        "duplicate-attribute",
        "unclosed-table",
        "stray-end-tag",
        "latin-1",
        "utf-16",
        "bad-name-escape",
    ],
)
def test_malformed_content_xml_raises_file_format_error(
    tmp_path: Path, content: bytes, match: str
) -> None:
    path = write_ods(tmp_path / "broken.ods", content)
    with pytest.raises(FileFormatError, match=match):
        sheet_names(path)


def test_content_without_table_namespace_has_no_sheets(tmp_path: Path) -> None:
    content = b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
    with pytest.raises(FileFormatError, match="no root element with content"):
        sheet_names(write_ods(tmp_path / "a.ods", content))
    content = content[:-2] + b"></office:document-content>"
    assert sheet_names(write_ods(tmp_path / "b.ods", content)) == ()


def test_missing_sheet_raises_file_format_error_listing_the_sheets(simple: Path) -> None:
    with pytest.raises(FileFormatError, match="Inspections_31_March_2024") as caught:
        read_sheets(simple, ["Inspections_31_March_2025"])
    assert caught.value.field == "sheet"
    assert caught.value.value == "Inspections_31_March_2025"
    assert "Cover" in caught.value.expected


def test_several_missing_sheets_are_all_named(simple: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        read_sheets(simple, ["A", "Cover", "B"])
    assert caught.value.value == ["A", "B"]


def test_read_sheets_takes_a_string_as_one_name(simple: Path) -> None:
    assert list(read_sheets(simple, "Cover")) == ["Cover"]


def test_duplicate_sheet_names_raise_file_format_error(tmp_path: Path) -> None:
    content = content_xml(table("Twin", grid_rows([["a"]])) + table("Twin", grid_rows([["b"]])))
    path = write_ods(tmp_path / "twins.ods", content)
    assert sheet_names(path) == ("Twin", "Twin")
    with pytest.raises(FileFormatError, match="two sheets of that name"):
        read_sheets(path, ["Twin"])


# --- Finding sheets ----------------------------------------------------------------------------


def test_find_sheet_uses_the_first_pattern_that_matches(simple: Path) -> None:
    sheet = find_sheet(simple, "Inspections_as_at_31_March", r"inspections_31_march_\d{4}")
    assert sheet.name == "Inspections_31_March_2024"


def test_find_sheet_accepts_compiled_patterns_and_predicates(simple: Path) -> None:
    assert find_sheet(simple, re.compile("Cov.r")).name == "Cover"
    assert find_sheet(simple, lambda name: name.endswith("2024")).name.startswith("Inspections")


def test_find_sheet_pattern_must_match_the_whole_name(simple: Path) -> None:
    with pytest.raises(FileFormatError):
        find_sheet(simple, "Inspections")


def test_find_sheet_without_match_names_patterns_and_sheets(simple: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        find_sheet(simple, "Inspections_as_at_31_March", r"X\d+")
    message = str(caught.value)
    assert "Inspections_as_at_31_March" in message
    assert "X\\\\d+" in message or r"X\d+" in message
    assert "Inspections_31_March_2024" in message
    assert "simple.ods" in message


def test_find_sheet_pattern_matching_several_sheets_is_an_error(simple: Path) -> None:
    with pytest.raises(FileFormatError, match="several sheets"):
        find_sheet(simple, ".*")


def test_find_sheet_needs_a_pattern(simple: Path) -> None:
    with pytest.raises(ValidationError):
        find_sheet(simple)
    with pytest.raises(ValidationError):
        find_sheets(simple, {"latest": "Cover"})


def test_bad_patterns_are_rejected_before_the_file_is_read(tmp_path: Path) -> None:
    absent = tmp_path / "absent.ods"
    with pytest.raises(ValidationError, match="regular expression"):
        find_sheet(absent, "Inspections_(")
    with pytest.raises(ValidationError, match="predicate"):
        find_sheets(absent, {"latest": [42]})  # type: ignore[list-item]


# --- Reading cells -----------------------------------------------------------------------------


def one_sheet(tmp_path: Path, rows: str, name: str = "S") -> Sheet:
    path = write_ods(tmp_path / "one.ods", content_xml(table(name, rows)))
    return read_sheets(path, [name])[name]


def test_repeated_columns_and_rows_are_expanded(tmp_path: Path) -> None:
    rows = (
        '<table:table-row table:number-rows-repeated="2">'
        '<table:table-cell office:value-type="string" table:number-columns-repeated="3">'
        "<text:p>x</text:p></table:table-cell><table:table-cell/>"
        '<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="2"/>'
        "<table:table-cell><text:p>y</text:p></table:table-cell></table:table-row>"
    )
    sheet = one_sheet(tmp_path, rows)
    assert texts(sheet) == [
        ["x", "x", "x", "", "7"],
        ["x", "x", "x", "", "7"],
        [],
        [],
        ["", "", "y"],
    ]
    assert sheet.cell(0, 4) == Cell("7", "7", "float")


def test_trailing_empty_cells_and_rows_are_trimmed_quickly(tmp_path: Path) -> None:
    rows = (
        "<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell>"
        '<table:table-cell table:style-name="ce1" table:number-columns-repeated="16383"/>'
        "</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    started = time.perf_counter()
    sheet = one_sheet(tmp_path, rows)
    assert time.perf_counter() - started < 5  # generous: expanding the repeats would take minutes
    assert texts(sheet) == [["a"]]


def test_covered_cells_count_as_columns(tmp_path: Path) -> None:
    rows = (
        '<table:table-row><table:table-cell table:number-columns-spanned="2">'
        "<text:p>merged</text:p></table:table-cell><table:covered-table-cell/>"
        "<table:table-cell><text:p>next</text:p></table:table-cell></table:table-row>"
    )
    assert texts(one_sheet(tmp_path, rows)) == [["merged", "", "next"]]


def test_row_groups_and_header_rows_are_read_in_order(tmp_path: Path) -> None:
    def row(text: str) -> str:
        return f"<table:table-row><table:table-cell><text:p>{text}</text:p></table:table-cell></table:table-row>"

    rows = (
        '<table:table-column table:number-columns-repeated="3"/>'
        f"<table:table-header-rows>{row('head')}</table:table-header-rows>"
        f"<table:table-row-group>{row('a')}<table:table-rows>{row('b')}</table:table-rows>"
        f"</table:table-row-group>{row('c')}"
    )
    assert texts(one_sheet(tmp_path, rows)) == [["head"], ["a"], ["b"], ["c"]]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ('<text:p>a<text:s text:c="3"/>b</text:p>', "a   b"),
        ("<text:p><text:s/>lead and trail<text:s/></text:p>", " lead and trail "),
        ("<text:p>a <text:s/>b</text:p>", "a  b"),
        ("<text:p>  a \n\t  b  </text:p>", "a b"),
        ("<text:p>a<text:tab/>b<text:line-break/>c</text:p>", "a\tb\nc"),
        ("<text:p>one</text:p><text:p>two</text:p>", "one\ntwo"),
        ("<text:p>one</text:p><text:p/><text:p>three</text:p>", "one\n\nthree"),
        (
            '<text:p><text:a xlink:href="https://example.org">link</text:a> and '
            "<text:span>span <text:span>nested</text:span></text:span></text:p>",
            "link and span nested",
        ),
        ("<text:p>a<text:span> </text:span> b</text:p>", "a b"),
        (
            "<office:annotation><text:p>a comment</text:p></office:annotation><text:p>shown</text:p>",
            "shown",
        ),
        ("<text:p>x<draw:frame><text:p>drawn</text:p></draw:frame>y</text:p>", "xy"),
        ("<text:list><text:list-item><text:p>item</text:p></text:list-item></text:list>", "item"),
        ("<text:h>heading</text:h>", "heading"),
        ("<text:p>&lt;&amp;&gt; caf\u00e9 \u00a0</text:p>", "<&> caf\u00e9 \u00a0"),
    ],
    ids=[
        "text-s-count",
        "text-s-at-edges",
        "literal-then-text-s",
        "white-space-collapsed",
        "tab-and-line-break",
        "paragraphs",
        "empty-paragraph",
        "link-and-spans",
        "space-across-elements",
        "annotation-skipped",
        "drawing-skipped",
        "list",
        "heading",
        "entities-and-nbsp",
    ],
)
def test_cell_text_is_read_as_displayed(tmp_path: Path, body: str, text: str) -> None:
    rows = f'<table:table-row><table:table-cell office:value-type="string">{body}</table:table-cell></table:table-row>'
    sheet = one_sheet(tmp_path, rows)
    assert sheet.cell(0, 0).text == text


@pytest.mark.parametrize(
    ("attributes", "value"),
    [
        ('office:value-type="date" office:date-value="2023-07-10"', "2023-07-10"),
        ('office:value-type="float" office:value="3.5"', "3.5"),
        ('office:value-type="percentage" office:value="0.25"', "0.25"),
        ('office:value-type="currency" office:value="10"', "10"),
        ('office:value-type="time" office:time-value="PT10H00M00S"', "PT10H00M00S"),
        ('office:value-type="boolean" office:boolean-value="true"', "true"),
        ('office:value-type="string" office:string-value="kept"', "kept"),
        ('office:value-type="string"', None),
    ],
)
def test_cell_value_is_the_attribute_of_its_type(
    tmp_path: Path, attributes: str, value: str | None
) -> None:
    rows = f"<table:table-row><table:table-cell {attributes}><text:p>shown</text:p></table:table-cell></table:table-row>"
    cell = one_sheet(tmp_path, rows).cell(0, 0)
    assert (cell.text, cell.value) == ("shown", value)


def test_cell_with_only_a_style_or_empty_string_type_is_empty(tmp_path: Path) -> None:
    rows = (
        '<table:table-row><table:table-cell table:style-name="ce1"/>'
        '<table:table-cell office:value-type="string"><text:p/></table:table-cell>'
        "<table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"
    )
    sheet = one_sheet(tmp_path, rows)
    assert sheet.rows == ((EMPTY_CELL, EMPTY_CELL, Cell("x")),)


def test_nested_sub_table_is_not_a_sheet(tmp_path: Path) -> None:
    inner = table(
        "Inner",
        "<table:table-row><table:table-cell><text:p>in</text:p></table:table-cell></table:table-row>",
    )
    rows = f"<table:table-row><table:table-cell><text:p>out</text:p>{inner}</table:table-cell></table:table-row>"
    path = write_ods(tmp_path / "nested.ods", content_xml(table("Outer", rows) + table("Next", "")))
    assert sheet_names(path) == ("Outer", "Next")
    assert texts(read_sheets(path, ["Outer"])["Outer"]) == [["out"]]


def test_empty_sheet_reads_with_no_rows(tmp_path: Path) -> None:
    content = content_xml('<table:table table:name="Empty"/>' + table("Blank", ""))
    path = write_ods(tmp_path / "empty.ods", content)
    sheets = read_sheets(path, ["Empty", "Blank"])
    assert sheets["Empty"].rows == sheets["Blank"].rows == ()


def test_sheet_name_with_escaped_characters_is_unescaped(tmp_path: Path) -> None:
    content = content_xml('<table:table table:name="A &amp; B &lt;&#49;&gt;"></table:table>')
    assert sheet_names(write_ods(tmp_path / "esc.ods", content)) == ("A & B <1>",)


def test_other_namespace_prefixes_are_followed(tmp_path: Path) -> None:
    content = (
        b'<o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        b' xmlns:x="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><o:body><o:spreadsheet>'
        b'<t:table t:name="Odd"><t:table-row><t:table-cell><x:p>ok</x:p></t:table-cell>'
        b"</t:table-row></t:table ></o:spreadsheet></o:body></o:document-content>"
    )
    path = write_ods(tmp_path / "odd.ods", content)
    assert texts(read_sheets(path, ["Odd"])["Odd"]) == [["ok"]]


@pytest.mark.parametrize(
    ("rows", "field", "row", "column"),
    [
        (
            '<table:table-row table:number-rows-repeated="many"/>',
            "table:number-rows-repeated",
            1,
            None,
        ),
        (
            '<table:table-row><table:table-cell/><table:table-cell table:number-columns-repeated="0"/>'
            "</table:table-row>",
            "table:number-columns-repeated",
            1,
            "B",
        ),
        (
            '<table:table-row/><table:table-row><table:table-cell><text:p>a<text:s text:c="-1"/>'
            "</text:p></table:table-cell></table:table-row>",
            "text:c",
            2,
            "A",
        ),
    ],
    ids=["rows-repeated", "columns-repeated", "space-count"],
)
def test_bad_repeat_counts_raise_file_format_error_with_their_place(
    tmp_path: Path, rows: str, field: str, row: int, column: str | None
) -> None:
    with pytest.raises(FileFormatError) as caught:
        one_sheet(tmp_path, rows)
    assert (caught.value.field, caught.value.row, caught.value.column) == (field, row, column)
    assert caught.value.sheet == "S"


def test_too_many_columns_raise_file_format_error(tmp_path: Path) -> None:
    rows = (
        f'<table:table-row><table:table-cell table:number-columns-repeated="{MAX_COLUMNS + 1}">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    with pytest.raises(FileFormatError, match="columns"):
        one_sheet(tmp_path, rows)


def test_too_many_rows_raise_file_format_error(tmp_path: Path) -> None:
    rows = (
        f'<table:table-row table:number-rows-repeated="{_ods.MAX_ROWS + 1}"><table:table-cell>'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    with pytest.raises(FileFormatError, match="rows"):
        one_sheet(tmp_path, rows)


def test_too_many_cells_raise_file_format_error(tmp_path: Path) -> None:
    rows = (
        '<table:table-row table:number-rows-repeated="1100"><table:table-cell'
        f' table:number-columns-repeated="{MAX_COLUMNS}"><text:p>x</text:p></table:table-cell>'
        "</table:table-row>"
    )
    with pytest.raises(FileFormatError, match="cells"):
        one_sheet(tmp_path, rows)


def test_jumbo_trailing_repeats_are_trimmed_not_refused(tmp_path: Path) -> None:
    rows = (
        "<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="16777215">'
        '<table:table-cell table:number-columns-repeated="100000"/></table:table-row>'
    )
    assert texts(one_sheet(tmp_path, rows)) == [["a"]]


@pytest.mark.parametrize(
    "rows",
    [
        '<table:table-row><table:table-cell><text:p><text:s text:c="40000"/></text:p>'
        "</table:table-cell></table:table-row>",
        f'<table:table-row table:number-rows-repeated="{"9" * 5000}"/>',
        '<table:table-row><table:table-cell table:number-columns-repeated="\u0663"/>'
        "</table:table-row>",
    ],
    ids=["huge-space-count", "5000-digit-repeat", "arabic-digit"],
)
def test_absurd_counts_raise_file_format_error(tmp_path: Path, rows: str) -> None:
    with pytest.raises(FileFormatError, match="a whole number from 1"):
        one_sheet(tmp_path, rows)


def test_sheet_cell_rejects_negative_indexes() -> None:
    with pytest.raises(OutOfRangeError):
        Sheet("f", "s", ()).cell(-1, 0)


# --- Headers and rows --------------------------------------------------------------------------

FIELDS = {
    "la": ["local authority name", "la name"],
    "overall": ["overall effectiveness", "overall judgement*"],
}


def make_sheet(grid: Sequence[Sequence[str]]) -> Sheet:
    rows = tuple(tuple(Cell(text) if text else EMPTY_CELL for text in row) for row in grid)
    return Sheet("demo.ods", "Demo", rows)


def test_find_header_matches_after_normalising(simple: Path) -> None:
    sheet = read_sheets(simple, ["Inspections_31_March_2024"])["Inspections_31_March_2024"]
    header = find_header(sheet, FIELDS, {"leaders": ["leaders"], "absent": ["not there"]})
    assert header.row_number == 3
    assert dict(header.columns) == {"la": 1, "overall": 2, "leaders": 3}
    assert "absent" not in header
    assert header["overall"] == 2
    assert header.headings == (
        "web link",
        "local authority name",
        "overall effectiveness",
        "leaders",
    )


def test_find_header_accepts_alternative_spellings_and_prefixes() -> None:
    sheet = make_sheet(
        [["title"], ["LA\u00a0name", "Overall\njudgement (OE) [x]", "Leaders\u2019 impact"]]
    )
    header = find_header(sheet, {**FIELDS, "leaders": ["leaders' impact"]})
    assert dict(header.columns) == {"la": 0, "overall": 1, "leaders": 2}


def test_renamed_heading_raises_naming_the_missing_field_and_found_headings(simple: Path) -> None:
    sheet = read_sheets(simple, ["Inspections_31_March_2024"])["Inspections_31_March_2024"]
    with pytest.raises(FileFormatError) as caught:
        find_header(sheet, {**FIELDS, "leaders": ["impact of leaders"]})
    error = caught.value
    assert (error.sheet, error.row, error.field) == ("Inspections_31_March_2024", 3, "headings")
    assert error.value == {"leaders": ["impact of leaders"]}
    assert "'local authority name'" in str(error)
    assert "simple.ods" in str(error)


def test_heading_below_the_search_window_is_not_found() -> None:
    grid = [["note"]] * 15 + [["Local authority name", "Overall effectiveness"]]
    with pytest.raises(FileFormatError, match="rows 1 to 15"):
        find_header(make_sheet(grid), FIELDS)
    assert find_header(make_sheet(grid), FIELDS, search_rows=16).row == 15
    assert find_header(make_sheet(grid), FIELDS, start=5).row == 15


def test_empty_sheet_has_no_header() -> None:
    with pytest.raises(FileFormatError, match="no rows"):
        find_header(make_sheet([]), FIELDS)


def test_spelling_matching_two_columns_is_ambiguous() -> None:
    sheet = make_sheet([["Local authority name", "Overall judgement 1", "Overall judgement 2"]])
    with pytest.raises(FileFormatError, match="exactly one column") as caught:
        find_header(sheet, FIELDS)
    assert caught.value.field == "overall"
    assert caught.value.value == ["B: 'overall judgement 1'", "C: 'overall judgement 2'"]


def test_earlier_spelling_wins_over_later_one() -> None:
    sheet = make_sheet([["LA name", "Local authority name", "Overall effectiveness"]])
    assert find_header(sheet, FIELDS)["la"] == 1


@pytest.mark.parametrize(
    ("required", "optional", "error"),
    [
        ({}, None, ValidationError),
        ({"la": []}, None, ValidationError),
        ({"la": ["*"]}, None, ValidationError),
        ({"la": ["local authority name"]}, {"x": [" [note 1]"]}, ValidationError),
    ],
)
def test_find_header_rejects_bad_field_spellings(
    required: dict[str, list[str]], optional: dict[str, list[str]] | None, error: type[Exception]
) -> None:
    with pytest.raises(error):
        find_header(make_sheet([["Local authority name"]]), required, optional)


def test_find_header_rejects_bad_search_window() -> None:
    with pytest.raises(OutOfRangeError):
        find_header(make_sheet([["a"]]), FIELDS, start=-1)
    with pytest.raises(OutOfRangeError):
        find_header(make_sheet([["a"]]), FIELDS, search_rows=0)


def test_iter_rows_skips_only_blank_rows_and_numbers_from_one(simple: Path) -> None:
    sheet = read_sheets(simple, ["Inspections_31_March_2024"])["Inspections_31_March_2024"]
    header = find_header(sheet, FIELDS, {"leaders": ["leaders"]})
    rows = list(iter_rows(sheet, header))
    assert [number for number, _ in rows] == [4, 6]
    assert rows[0][1] == {
        "la": Cell("Thurrock", None, "string"),
        "overall": Cell("Good", None, "string"),
        "leaders": Cell("Good", None, "string"),
    }
    assert rows[1][1]["leaders"] is EMPTY_CELL  # row shorter than the header


def test_iter_rows_yields_rows_with_text_only_in_unmapped_columns() -> None:
    sheet = make_sheet([["Local authority name", "Overall effectiveness"], ["", "", "note"]])
    assert list(iter_rows(sheet, find_header(sheet, FIELDS))) == [
        (2, {"la": EMPTY_CELL, "overall": EMPTY_CELL})
    ]


def test_table_ends_before_the_title_of_the_next_table() -> None:
    grid = [
        ["Local authority name", "Overall effectiveness", "Leaders"],
        ["Thurrock", "Good"],
        ["Former LAs"],
        [],
        ["Local authority name", "Overall effectiveness", "Other"],
        ["Dorset", "Good"],
    ]
    sheet = make_sheet(grid)
    first = find_header(sheet, FIELDS)
    assert first.end == 2
    assert [n for n, _ in iter_rows(sheet, first)] == [2]
    second = find_header(sheet, FIELDS, start=first.end)
    assert (second.row_number, second.end) == (5, 6)
    assert [cells["la"].text for _, cells in iter_rows(sheet, second)] == ["Dorset"]


def test_iter_rows_rejects_a_header_of_another_sheet() -> None:
    sheet = make_sheet([["Local authority name", "Overall effectiveness"]])
    header = find_header(sheet, FIELDS)
    other = Sheet("demo.ods", "Other", sheet.rows)
    with pytest.raises(ValidationError):
        list(iter_rows(other, header))


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Overall effectiveness", "overall effectiveness"),
        ("  Overall\u00a0 effectiveness\n", "overall effectiveness"),
        ("Overall effectiveness [note 3]", "overall effectiveness"),
        ("Overall effectiveness[x] [note 12]", "overall effectiveness"),
        ("Inspection/Visit date", "inspection visit date"),
        ("Children\u2019s services \u2013 SIF", "children s services sif"),
        ("SIF Re-inspection", "sif re inspection"),
        ("la_code", "la code"),
        ("[note 1]", ""),
        ("Grade [note 1] (OE)", "grade note 1 oe"),
    ],
)
def test_normalise_heading(text: str, normalised: str) -> None:
    assert normalise_heading(text) == normalised


@given(st.integers(min_value=0, max_value=MAX_COLUMNS * 4))
def test_column_letter_and_index_are_inverse(index: int) -> None:
    # Read back as spreadsheets number their columns: bijective base 26 (A=1 ... Z=26, AA=27).
    letter = column_letter(index)
    assert re.fullmatch("[A-Z]+", letter)
    number = 0
    for char in letter:
        number = number * 26 + ord(char) - ord("A") + 1
    assert number - 1 == index


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letters_as_spreadsheets_show_them(index: int, letter: str) -> None:
    assert column_letter(index) == letter


def test_column_letter_rejects_negative_index() -> None:
    with pytest.raises(OutOfRangeError):
        column_letter(-1)


# --- Properties --------------------------------------------------------------------------------

# Characters XML 1.0 can hold, less CR (XML parsers read a literal CR as LF, as LibreOffice does).
xml_text = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc", "Cn"),
        include_characters="\t\n   ",
    ),
    max_size=12,
)


def trimmed(grid: list[list[str]]) -> list[list[str]]:
    rows = [list(row) for row in grid]
    for row in rows:
        while row and not row[-1]:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    grid=st.lists(st.lists(st.one_of(st.just(""), xml_text), max_size=5), max_size=5),
    newline_paragraphs=st.booleans(),
    spans=st.booleans(),
)
def test_written_grid_reads_back_the_same(
    tmp_path: Path, grid: list[list[str]], newline_paragraphs: bool, spans: bool
) -> None:
    # ODF collapses literal white space, so a writer keeps it with text:s, text:tab and
    # text:line-break (or one paragraph per line); the reader must undo exactly that.
    rows = grid_rows(grid, newline_paragraphs=newline_paragraphs, spans=spans)
    path = write_ods(tmp_path / "grid.ods", content_xml(table("Grid", rows)))
    assert texts(read_sheets(path, ["Grid"])["Grid"]) == trimmed(grid)


def _valid_ods_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "content.xml",
            content_xml(table("S", grid_rows([["Local authority name", "a b"], ["x"]]))),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return buffer.getvalue()


VALID_ODS = _valid_ods_bytes()
VALID_CONTENT = content_xml(
    table("S", grid_rows([["Local authority name", "a  b"], ["x", "\ty"]]))
    + '<table:table table:name="E"/>'
)


def read_everything(path: Path) -> None:
    names = sheet_names(path)
    read_sheets(path, names)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_damaged_archive_raises_only_file_format_error(tmp_path: Path, data: st.DataObject) -> None:
    damaged = bytearray(VALID_ODS)
    cut = data.draw(st.integers(0, len(damaged)), label="cut")
    del damaged[cut:]
    for _ in range(data.draw(st.integers(0, 4), label="flips")):
        assume(damaged)
        position = data.draw(st.integers(0, len(damaged) - 1), label="position")
        damaged[position] = data.draw(st.integers(0, 255), label="byte")
    path = tmp_path / "damaged.ods"
    path.write_bytes(bytes(damaged))
    with contextlib.suppress(FileFormatError):  # anything else escaping fails the test
        read_everything(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_damaged_content_xml_raises_only_file_format_error(
    tmp_path: Path, data: st.DataObject
) -> None:
    damaged = bytearray(VALID_CONTENT)
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        position = data.draw(st.integers(0, len(damaged)), label="position")
        if data.draw(st.booleans(), label="delete"):
            del damaged[position : position + data.draw(st.integers(1, 20), label="length")]
        else:
            piece = data.draw(
                st.sampled_from([b"<", b">", b"/", b'"', b"&", b"\x00", b"\xff", b"9"])
            )
            damaged[position:position] = piece
    path = write_ods(tmp_path / "damaged.ods", bytes(damaged))
    with contextlib.suppress(FileFormatError):  # anything else escaping fails the test
        read_everything(path)

"""Read and write inspections as CSV, in the schema of ``shared/data/inspections-2013-2025.csv``.

One row per inspection or visit. Columns are found by their heading (case, spaces and hyphens do
not matter), in any order; columns the library does not know (such as ``source``) are ignored.

Required headings (:data:`CSV_COLUMNS`): ``la_code``, ``la_name``, ``framework`` (``SIF``,
``ILACS``, or blank to derive it from the type and date), ``inspection_type`` (``sif``,
``sif_reinspection``, ``standard``, ``short``, ``focused_visit``, ``monitoring_visit``, or any
wording :meth:`InspectionType.parse <ilacs.InspectionType.parse>` reads), ``start_date``,
``end_date``, ``publication_date`` (ISO dates ``YYYY-MM-DD`` or blank), then one column per
judgement in Ofsted's wording (``Good``, ``Requires improvement to be good``; blank when not
judged): ``overall``, ``help_and_protection``, ``children_in_care``, ``care_leavers``,
``leadership``.

Optional headings, read when present and written only when a record needs them
(:data:`OPTIONAL_COLUMNS`): ``notified_date``, ``theme``, ``priority_action`` (``true`` or
``false``; also yes/no, 1/0, blank for false) and a column for each other judgement area, named
after it in lower case (``adoption``, ``lscb`` for the SIF; ``safeguarding``,
``looked_after_children``, ``capacity_to_improve`` before 2013).

Reading is strict by default: the first bad row raises :class:`~ilacs.errors.FileFormatError`
naming the file, the row (the header is row 1), the column (its letter, as a spreadsheet shows
it), the heading, the value and what was expected. With ``strict=False`` every bad row is reported
as a :class:`Problem` beside the records that were read (:class:`ReadResult`): nothing is dropped
silently. Rows whose cells are all blank hold nothing and are skipped. Problems with the whole
file (not UTF-8, no header row, a required heading missing or repeated, broken quoting) raise in
both modes. ``la_code`` and every parsed cell are stripped of surrounding spaces; ``la_name`` and
``theme`` are kept exactly as written.

>>> import io, datetime as dt
>>> from ilacs.records import Inspection
>>> thurrock = Inspection("E06000034", "Thurrock", "standard",
...                       start=dt.date(2019, 11, 11), end=dt.date(2019, 11, 22),
...                       published=dt.date(2019, 12, 20),
...                       judgements={"overall": "Good", "leadership": "Good"})
>>> out = io.StringIO()
>>> write_csv([thurrock], out)
>>> header, row = out.getvalue().splitlines()
>>> header.split(",")
['la_code', 'la_name', 'framework', 'inspection_type', 'start_date', 'end_date',
 'publication_date', 'overall', 'help_and_protection', 'children_in_care',
 'care_leavers', 'leadership']
>>> row
'E06000034,Thurrock,,standard,2019-11-11,2019-11-22,2019-12-20,Good,,,,Good'
>>> read_csv(io.StringIO(out.getvalue())) == [thurrock]
True
>>> bad = out.getvalue().replace("2019-11-22", "2019-02-30")
>>> read_csv(io.StringIO(bad))
Traceback (most recent call last):
...
ilacs.errors.FileFormatError: <stream>, row 2, column F: end_date: got
'2019-02-30'; expected a date that exists, as YYYY-MM-DD (day is out of range
for month)
>>> result = read_csv(io.StringIO(bad), strict=False)
>>> len(result.records)
0
>>> for problem in result.problems:
...     print(problem)
<stream>, row 2, column F: end_date: got '2019-02-30'; expected a date that
exists, as YYYY-MM-DD (day is out of range for month)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any, Literal, overload

import attrs

from ilacs._ods import column_letter
from ilacs.catalogue.frameworks import Framework, JudgementArea
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import FileFormatError, IlacsError, ParseError, ValidationError, location
from ilacs.records import AnyGrade, Inspection, parse_any_grade, parse_framework

__all__ = [
    "CSV_COLUMNS",
    "OPTIONAL_COLUMNS",
    "Problem",
    "ReadResult",
    "read_csv",
    "write_csv",
]

_JUDGEMENT_COLUMNS: tuple[tuple[str, JudgementArea], ...] = (
    ("overall", JudgementArea.OVERALL),
    ("help_and_protection", JudgementArea.HELP_AND_PROTECTION),
    ("children_in_care", JudgementArea.CHILDREN_IN_CARE),
    ("care_leavers", JudgementArea.CARE_LEAVERS),
    ("leadership", JudgementArea.LEADERSHIP),
)
_EXTRA_JUDGEMENT_COLUMNS: tuple[tuple[str, JudgementArea], ...] = tuple(
    (area.name.lower(), area)
    for area in JudgementArea
    if area not in {a for _, a in _JUDGEMENT_COLUMNS}
)
_AREA_COLUMN: dict[JudgementArea, str] = {
    area: name for name, area in _JUDGEMENT_COLUMNS + _EXTRA_JUDGEMENT_COLUMNS
}

CSV_COLUMNS: tuple[str, ...] = (
    "la_code",
    "la_name",
    "framework",
    "inspection_type",
    "start_date",
    "end_date",
    "publication_date",
    *(name for name, _ in _JUDGEMENT_COLUMNS),
)
"""The headings every file must have, in the order :func:`write_csv` writes them."""

OPTIONAL_COLUMNS: tuple[str, ...] = (
    *(name for name, _ in _EXTRA_JUDGEMENT_COLUMNS),
    "notified_date",
    "theme",
    "priority_action",
)
"""Headings read when present and written when any record needs them, in that order."""

_FIELD_COLUMN: dict[str, str] = {
    "la_code": "la_code",
    "la_name": "la_name",
    "type": "inspection_type",
    "framework": "framework",
    "start": "start_date",
    "end": "end_date",
    "published": "publication_date",
    "notified": "notified_date",
    "theme": "theme",
    "priority_action": "priority_action",
}
"""The column that holds each field of :class:`~ilacs.Inspection`, to place its errors."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE = frozenset({"true", "yes", "y", "1"})
_FALSE = frozenset({"false", "no", "n", "0", ""})
_STREAM_NAME = "<stream>"


def _normalise_heading(text: str) -> str:
    return "_".join(text.replace("-", " ").replace("_", " ").split()).lower()


@attrs.frozen
class Problem:
    """A row (or cell) of a file that could not be read, reported by a lenient read.

    Args:
        file: the file's path (``"<stream>"`` for a stream without a name).
        sheet: the sheet of a spreadsheet; None for CSV.
        row: the 1-based row (the header is row 1).
        column: the column's letter, when one column is at fault.
        field: the heading of that column, or the record field at fault.
        value: the text found.
        message: what was expected, and why, in words.
    """

    file: str
    sheet: str | None
    row: int | None
    column: int | str | None
    field: str
    value: str
    message: str

    @classmethod
    def from_error(cls, error: FileFormatError) -> Problem:
        """The problem an error in strict mode describes."""
        message = f"expected {error.expected}"
        if error.detail:
            message += f" ({error.detail})"
        value = error.value if isinstance(error.value, str) else repr(error.value)
        return cls(error.file, error.sheet, error.row, error.column, error.field, value, message)

    def __str__(self) -> str:
        where = location(self.file, self.sheet, self.row, self.column)
        return f"{where}: {self.field}: got {self.value!r}; {self.message}"


@attrs.frozen
class ReadResult:
    """What a lenient read found: the records it could read and a problem for each other row.

    Args:
        records: the inspections read, in the order of the file.
        problems: a problem for each row (or cell) that could not be read, in file order.
    """

    records: tuple[Inspection, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when every row was read."""
        return not self.problems

    def __str__(self) -> str:
        text = f"{len(self.records)} inspection(s) read"
        if not self.problems:
            return text + ", no problems."
        rows = len({(p.file, p.sheet, p.row) for p in self.problems})
        return (
            f"{text}; {len(self.problems)} problem(s) in {rows} row(s) not read, the first: "
            f"{self.problems[0]}."
        )


# --- reading ------------------------------------------------------------------------------------


CsvSource = str | os.PathLike[str] | IO[str] | IO[bytes]
"""A path, or a text or binary stream opened for reading."""


def _load_text(source: CsvSource) -> tuple[str, str]:
    """The file's name and its text, decoded from UTF-8 (a byte-order mark is dropped)."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with open(name, "rb") as handle:
            data: str | bytes = handle.read()
    else:
        raw_name = getattr(source, "name", None)
        name = str(raw_name) if isinstance(raw_name, (str, os.PathLike)) else _STREAM_NAME
        data = source.read()
    if isinstance(data, str):
        return name, data.removeprefix("\ufeff")
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileFormatError(
            name,
            "encoding",
            data[error.start : error.end],
            "UTF-8 text",
            f"byte {error.start} cannot be read as UTF-8; save the file as UTF-8 "
            "('CSV UTF-8' in Excel)",
            row=line,
        ) from None


def _parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    if not _ISO_DATE.fullmatch(text):
        raise ParseError("date", text, "an ISO date YYYY-MM-DD, or blank")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise ParseError("date", text, "a date that exists, as YYYY-MM-DD", str(error)) from None


def _parse_grade(text: str, area: JudgementArea) -> AnyGrade | None:
    return parse_any_grade(text, area) if text.strip() else None


def _parse_framework(text: str) -> Framework | None:
    if not text.strip():
        return None
    try:
        return parse_framework(text)
    except ParseError as error:
        raise ParseError(error.field, text, error.expected + ", or blank") from None


def _parse_flag(text: str) -> bool:
    key = text.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ParseError("priority_action", text, "true or false (or yes/no, 1/0, blank for false)")


def _find_columns(name: str, header: Sequence[str], row: int) -> dict[str, int]:
    """The index of each heading the library knows; refuses a missing or repeated heading."""
    known = set(CSV_COLUMNS) | set(OPTIONAL_COLUMNS)
    columns: dict[str, int] = {}
    for index, heading in enumerate(header):
        key = _normalise_heading(heading)
        if key not in known:
            continue
        if key in columns:
            raise FileFormatError(
                name,
                "heading",
                heading,
                "each heading once",
                f"also in column {column_letter(columns[key])}",
                row=row,
                column=column_letter(index),
            )
        columns[key] = index
    missing = [c for c in CSV_COLUMNS if c not in columns]
    if missing:
        raise FileFormatError(
            name,
            "heading",
            list(header),
            "column(s) headed " + ", ".join(repr(c) for c in missing),
            "required headings: " + ", ".join(CSV_COLUMNS),
            row=row,
        )
    return columns


class _Row:
    """One data row: its cells by heading, and errors that name the cell."""

    def __init__(self, name: str, number: int, cells: list[str], columns: dict[str, int]) -> None:
        self.name = name
        self.number = number
        self.cells = cells
        self.columns = columns

    def text(self, heading: str) -> str:
        index = self.columns.get(heading)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    def error(self, heading: str | None, error: IlacsError) -> FileFormatError:
        if heading is None:
            return FileFormatError(
                self.name, error.field, error.value, error.expected, error.detail, row=self.number
            )
        return FileFormatError(
            self.name,
            heading,
            self.text(heading),
            error.expected,
            error.detail,
            row=self.number,
            column=column_letter(self.columns[heading]),
        )


def _read_row(row: _Row) -> Inspection | list[FileFormatError]:
    """The row's inspection, or an error for each bad cell (or one for the record)."""
    errors: list[FileFormatError] = []
    values: dict[str, Any] = {}

    def cell(heading: str, field: str, parse: Any) -> None:
        if heading not in row.columns:
            return
        try:
            values[field] = parse(row.text(heading))
        except IlacsError as error:
            errors.append(row.error(heading, error))

    cell("la_code", "la_code", str.strip)
    cell("la_name", "la_name", str)
    cell("framework", "framework", _parse_framework)
    cell("inspection_type", "type", InspectionType.parse)
    cell("start_date", "start", _parse_date)
    cell("end_date", "end", _parse_date)
    cell("publication_date", "published", _parse_date)
    cell("notified_date", "notified", _parse_date)
    cell("theme", "theme", str)
    cell("priority_action", "priority_action", _parse_flag)
    judgements: dict[JudgementArea, AnyGrade] = {}
    for heading, area in _JUDGEMENT_COLUMNS + _EXTRA_JUDGEMENT_COLUMNS:
        if heading in row.columns:
            try:
                grade = _parse_grade(row.text(heading), area)
            except IlacsError as error:
                errors.append(row.error(heading, error))
            else:
                if grade is not None:
                    judgements[area] = grade
    if errors:
        return errors
    code, name, kind = values.pop("la_code"), values.pop("la_name"), values.pop("type")
    try:
        return Inspection(code, name, kind, judgements=judgements, **values)
    except IlacsError as error:
        return [row.error(_column_of(error.field, row, judgements), error)]


def _column_of(field: str, row: _Row, judgements: dict[JudgementArea, AnyGrade]) -> str | None:
    """The heading of the column an :class:`Inspection` error is about, if one is."""
    if field in _FIELD_COLUMN:
        return _FIELD_COLUMN[field] if _FIELD_COLUMN[field] in row.columns else None
    if field == "judgements" and judgements:
        return _AREA_COLUMN[next(iter(judgements))]
    if field.startswith("judgements."):
        area = JudgementArea.__members__.get(field.partition(".")[2])
        if area is not None:
            return _AREA_COLUMN[area]
    return None


def _read(source: CsvSource) -> tuple[list[Inspection], list[FileFormatError]]:
    name, text = _load_text(source)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[Inspection] = []
    errors: list[FileFormatError] = []
    header: list[str] | None = None
    columns: dict[str, int] = {}
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(c.strip() for c in cells):
                continue  # blank lines hold nothing, before the header or after it
            if header is None:
                header = cells
                columns = _find_columns(name, header, number)
                continue
            stray = [i for i in range(len(header), len(cells)) if cells[i].strip()]
            if stray:
                errors.append(
                    FileFormatError(
                        name,
                        "(no heading)",
                        cells[stray[0]],
                        f"no cell beyond the header's {len(header)} columns",
                        "a comma inside an unquoted cell shifts the cells after it",
                        row=number,
                        column=column_letter(stray[0]),
                    )
                )
                continue
            found = _read_row(_Row(name, number, cells, columns))
            if isinstance(found, Inspection):
                records.append(found)
            else:
                errors.extend(found)
    except csv.Error as error:
        raise FileFormatError(name, "csv", str(error), "well-formed CSV", row=number + 1) from None
    if header is None:
        raise FileFormatError(
            name,
            "heading",
            "",
            "a header row naming the columns " + ", ".join(CSV_COLUMNS),
            "the file is empty" if not text else "the file has only blank lines",
            row=1,
        )
    return records, errors


@overload
def read_csv(source: CsvSource, *, strict: Literal[True] = ...) -> list[Inspection]: ...


@overload
def read_csv(source: CsvSource, *, strict: Literal[False]) -> ReadResult: ...


@overload
def read_csv(source: CsvSource, *, strict: bool) -> list[Inspection] | ReadResult: ...


def read_csv(source: CsvSource, *, strict: bool = True) -> list[Inspection] | ReadResult:
    """Read inspections from a CSV file (see the module docstring for its columns).

    Args:
        source: a path, or a text or binary stream opened for reading (UTF-8).
        strict: raise at the first bad row (the default); with False, return a
            :class:`ReadResult` that lists each bad row as a :class:`Problem`.

    Returns:
        The inspections in the order of the file (strict), or a :class:`ReadResult`.

    Raises:
        FileFormatError: the file is not UTF-8, empty, lacks or repeats a required heading, or
            is not well-formed CSV (in both modes); in strict mode also the first bad row.
        OSError: the file cannot be opened.
    """
    records, errors = _read(source)
    return finish_read(records, errors, strict=strict)


def finish_read(
    records: list[Inspection], errors: Sequence[FileFormatError], *, strict: bool
) -> list[Inspection] | ReadResult:
    """What a reader returns: the records, or the first error (strict); else a :class:`ReadResult`.

    Shared by :func:`read_csv` and :func:`ilacs.ofsted.read_ofsted`, so that both modes
    behave alike.
    """
    if strict:
        if errors:
            raise errors[0]
        return records
    return ReadResult(tuple(records), tuple(Problem.from_error(e) for e in errors))


# --- writing ------------------------------------------------------------------------------------


def _row_of(inspection: Inspection, headings: Sequence[str]) -> list[str]:
    def day(value: dt.date | None) -> str:
        return value.isoformat() if value else ""

    cells = {
        "la_code": inspection.la_code,
        "la_name": inspection.la_name,
        "framework": inspection.framework.name if inspection.framework else "",
        "inspection_type": inspection.type.value,
        "start_date": day(inspection.start),
        "end_date": day(inspection.end),
        "publication_date": day(inspection.published),
        "notified_date": day(inspection.notified),
        "theme": inspection.theme,
        "priority_action": "true" if inspection.priority_action else "false",
    }
    for area, grade in inspection.judgements.items():
        cells[_AREA_COLUMN[area]] = grade.label
    return [cells.get(h, "") for h in headings]


def _headings_for(inspections: Sequence[Inspection]) -> list[str]:
    used = {area for i in inspections for area in i.judgements}
    headings = list(CSV_COLUMNS)
    headings += [name for name, area in _EXTRA_JUDGEMENT_COLUMNS if area in used]
    if any(i.notified for i in inspections):
        headings.append("notified_date")
    if any(i.theme for i in inspections):
        headings.append("theme")
    if any(i.priority_action for i in inspections):
        headings.append("priority_action")
    return headings


def write_csv(inspections: Iterable[Inspection], target: str | os.PathLike[str] | IO[str]) -> None:
    """Write inspections as CSV that :func:`read_csv` reads back to equal records.

    Dates are ISO, grades Ofsted's wordings (:attr:`Grade.label <ilacs.Grade.label>`), the type
    its value (``focused_visit``), the framework its name, or blank when the record leaves it to
    be derived. Optional columns are written only when a record needs them.

    Args:
        inspections: the records, written in the order given.
        target: a path (the file is replaced, UTF-8) or a text stream.

    Raises:
        ValidationError: an item is not an :class:`~ilacs.Inspection`.
    """
    rows = list(inspections)
    for item in rows:
        if not isinstance(item, Inspection):
            raise ValidationError("inspections", item, "Inspection records")
    headings = _headings_for(rows)

    def write(stream: IO[str]) -> None:
        # Lines end in "\n", as in the shared data; the csv module then leaves a lone "\r"
        # unquoted, so a row holding one is written with every cell quoted.
        plain = csv.writer(stream, lineterminator="\n")
        quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
        plain.writerow(headings)
        for item in rows:
            cells = _row_of(item, headings)
            (quoted if any("\r" in c for c in cells) else plain).writerow(cells)

    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            write(handle)
    else:
        write(target)

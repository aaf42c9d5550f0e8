"""Read and write inspections as CSV, in the schema of ``shared/data/inspections-2013-2025.csv``.

One row per inspection or visit, found by its headings in any order (case, spaces, hyphens and
underscores do not matter; unknown columns, such as ``source``, are ignored): the required
:data:`CSV_COLUMNS` and the :data:`OPTIONAL_COLUMNS`, read when present and written only when a
record needs them. Dates are ISO (``YYYY-MM-DD``) or blank, grades in any of Ofsted's wordings,
the type any wording :meth:`InspectionType.parse <ilacs.InspectionType.parse>` reads, the
framework a name or blank (derived from the type and date); ``la_name`` and ``theme`` are kept
as written, every other cell stripped. ``docs/files.md`` describes each column.

Each row must make a valid :class:`~ilacs.records.Inspection` whose LA code means a children's
services authority on its date (``E06000034``, not ``e06000034`` or a Welsh code), with dates
from 2009-01-01 to 2090-12-31, and no two rows may be of one LA and one day. :func:`read_csv`
raises :class:`~ilacs.errors.FileFormatError` at the first bad row, naming the file, the row
(the header is row 1), the column's letter, the heading, the value and what was expected;
:func:`ilacs.reading.read_lenient` reads every other row and reports each bad one. Blank rows
are skipped. A file that is missing, not UTF-8, without a header row, lacking or repeating a
required heading, or badly quoted raises in both modes.

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
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, Final

from ilacs._ods import column_letter, normalise_heading, unreadable
from ilacs._rows import (
    Collector,
    Row,
    field_of,
    parse_date,
    parse_flag,
    parse_framework,
    raise_first,
)
from ilacs.catalogue.frameworks import JudgementArea
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import FileFormatError, IlacsError
from ilacs.reading import Problem as Problem  # kept importable from here, as before
from ilacs.reading import ReadResult as ReadResult
from ilacs.reading import Source
from ilacs.records import AnyGrade, Inspection, inspections_of, parse_any_grade

__all__ = ["CSV_COLUMNS", "OPTIONAL_COLUMNS", "read_csv", "write_csv"]

_JUDGED: Final = (
    JudgementArea.OVERALL,
    JudgementArea.HELP_AND_PROTECTION,
    JudgementArea.CHILDREN_IN_CARE,
    JudgementArea.CARE_LEAVERS,
    JudgementArea.LEADERSHIP,
)
_OTHER_AREAS: Final = tuple(area for area in JudgementArea if area not in _JUDGED)

CSV_COLUMNS: tuple[str, ...] = (
    "la_code",
    "la_name",
    "framework",
    "inspection_type",
    "start_date",
    "end_date",
    "publication_date",
    *(area.name.lower() for area in _JUDGED),
)
"""The headings every file must have, in the order :func:`write_csv` writes them."""

OPTIONAL_COLUMNS: tuple[str, ...] = (
    *(area.name.lower() for area in _OTHER_AREAS),
    "notified_date",
    "theme",
    "priority_action",
)
"""Headings read when present and written when any record needs them, in that order."""

_FIELDS: Final = {
    "la_code": "la_code",
    "la_name": "la_name",
    "framework": "framework",
    "inspection_type": "type",
    "start_date": "start",
    "end_date": "end",
    "publication_date": "published",
    "notified_date": "notified",
    "theme": "theme",
    "priority_action": "priority_action",
    **{area.name.lower(): f"judgements.{area.name}" for area in JudgementArea},
}
"""The record field each heading holds (a judgement's: ``judgements.OVERALL``)."""
_HEADING: Final = {normalise_heading(heading): heading for heading in _FIELDS}
_AREA: Final = {f"judgements.{area.name}": area for area in JudgementArea}
_STREAM_NAME: Final = "<stream>"


@functools.lru_cache(maxsize=512)
def _grade(text: str, area: JudgementArea) -> AnyGrade | None:
    return parse_any_grade(text, area) if text.strip() else None


_PARSE: Final[dict[str, Callable[[str], Any]]] = {
    "la_code": str.strip,
    "la_name": str,
    "framework": parse_framework,
    "type": functools.lru_cache(maxsize=64)(InspectionType.parse),
    "start": parse_date,
    "end": parse_date,
    "published": parse_date,
    "notified": parse_date,
    "theme": str,
    "priority_action": parse_flag,
    **{f"judgements.{a.name}": functools.partial(_grade, area=a) for a in JudgementArea},
}


# --- reading ------------------------------------------------------------------------------------


def _load_text(source: Source) -> tuple[str, str]:
    """The file's name and its text, decoded from UTF-8 (a byte-order mark is dropped)."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            with open(name, "rb") as handle:
                data: str | bytes = handle.read()
        except OSError as error:
            raise unreadable(name, error) from None
    else:
        raw_name = getattr(source, "name", None)
        name = str(raw_name) if isinstance(raw_name, (str, os.PathLike)) else _STREAM_NAME
        data = source.read()
    if isinstance(data, str):
        return name, data.removeprefix("\ufeff")
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(
            name,
            "encoding",
            data[error.start : error.end],
            "UTF-8 text",
            f"byte {error.start} cannot be read as UTF-8; save the file as UTF-8 "
            "('CSV UTF-8' in Excel)",
            row=data[: error.start].count(b"\n") + 1,
        ) from None


def _places(name: str, header: Sequence[str], row: int) -> dict[str, tuple[int, str, str]]:
    """Each field's column index, letter and heading; refuses a missing or repeated heading."""
    places: dict[str, tuple[int, str, str]] = {}
    for index, text in enumerate(header):
        heading = _HEADING.get(normalise_heading(text))
        if heading is None:
            continue
        field = _FIELDS[heading]
        if field in places:
            raise FileFormatError(
                name,
                "heading",
                text,
                "each heading once",
                f"also in column {places[field][1]}",
                row=row,
                column=column_letter(index),
            )
        places[field] = (index, column_letter(index), heading)
    missing = [c for c in CSV_COLUMNS if _FIELDS[c] not in places]
    if missing:
        raise FileFormatError(
            name,
            "heading",
            list(header),
            "column(s) headed " + ", ".join(repr(c) for c in missing),
            "required headings: " + ", ".join(CSV_COLUMNS),
            row=row,
        )
    return places


def _record(row: Row) -> Inspection | None:
    """The row's inspection, or None with an error for each bad cell (or one for the record)."""
    values: dict[str, Any] = {}
    judgements: dict[JudgementArea, AnyGrade] = {}
    for field in row.places:
        value = row.read(field, _PARSE[field])
        area = _AREA.get(field)
        if area is None:
            values[field] = value
        elif value is not None:
            judgements[area] = value
    if row.errors:
        return None
    code, name, kind = values.pop("la_code"), values.pop("la_name"), values.pop("type")
    try:
        return Inspection(code, name, kind, judgements=judgements, **values)
    except IlacsError as error:
        row.fail(field_of(error, judgements), error)
        return None


def read_csv_rows(source: Source) -> tuple[list[Inspection], list[FileFormatError]]:
    """The records of every good row and the errors of every bad one (for both modes)."""
    name, text = _load_text(source)
    found = Collector()
    header: list[str] | None = None
    places: dict[str, tuple[str, str]] = {}
    columns: list[tuple[str, int]] = []
    read: dict[tuple[str, ...], Inspection] = {}
    number = 0
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), strict=True), 1):
            if not any(c.strip() for c in cells):
                continue  # blank lines hold nothing, before the header or after it
            if header is None:
                header = cells
                found_places = _places(name, header, number)
                places = {f: (letter, h) for f, (_, letter, h) in found_places.items()}
                columns = [(f, index) for f, (index, _, _) in found_places.items()]
                continue
            stray = next((i for i in range(len(header), len(cells)) if cells[i].strip()), None)
            if stray is not None:
                found.errors.append(
                    FileFormatError(
                        name,
                        "(no heading)",
                        cells[stray],
                        f"no cell beyond the header's {len(header)} columns",
                        "a comma inside an unquoted cell shifts the cells after it",
                        row=number,
                        column=column_letter(stray),
                    )
                )
                continue
            width = len(cells)
            texts = {f: cells[i] if i < width else "" for f, i in columns}
            row = Row(name, None, number, texts, places)
            key = tuple(cells)
            record = read.get(key) or _record(row)  # a row read before is the same record
            found.errors += row.errors
            if record is not None:
                read.setdefault(key, record)
                found.add(record, row)
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
    return found.records, found.errors


def read_csv(source: Source) -> list[Inspection]:
    """Read inspections from a CSV file (see the module docstring for its columns).

    To read every good row of a file with bad ones, and a problem for each bad one, use
    :func:`ilacs.reading.read_lenient`.

    Args:
        source: a path, or a text or binary stream opened for reading (UTF-8).

    Returns:
        The inspections in the order of the file.

    Raises:
        FileFormatError: the file is missing or unreadable, not UTF-8, empty, lacks or repeats
            a required heading, or is not well-formed CSV; or the first bad row.
    """
    return raise_first(*read_csv_rows(source))


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
        cells[area.name.lower()] = grade.label
    return [cells.get(h, "") for h in headings]


def write_rows(stream: IO[str], headings: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write CSV as the library does: lines end in ``"\\n"``, as in the shared data.

    The csv module then leaves a lone ``"\\r"`` unquoted, so a row holding one is written with
    every cell quoted (also used by the command line's CSV output).
    """
    plain = csv.writer(stream, lineterminator="\n")
    quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
    plain.writerow(headings)
    for cells in rows:
        (quoted if any("\r" in c for c in cells) else plain).writerow(cells)


def _headings_for(inspections: Sequence[Inspection]) -> list[str]:
    used = {area for i in inspections for area in i.judgements}
    headings = list(CSV_COLUMNS)
    headings += [area.name.lower() for area in _OTHER_AREAS if area in used]
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
    rows = inspections_of(inspections)
    headings = _headings_for(rows)

    def write(stream: IO[str]) -> None:
        write_rows(stream, headings, (_row_of(item, headings) for item in rows))

    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            write(handle)
    else:
        write(target)

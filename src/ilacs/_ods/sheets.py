"""The records of a sheet read from an ODS file, and how a table's headings and rows are found.

:class:`Cell`, :class:`Sheet` and :class:`HeaderMap` (see :mod:`ilacs._ods` for what a sheet
reads as); :func:`column_letter` for messages; :func:`normalise_heading`, the one folding of
headings every reader of the library uses; :func:`find_header` and :func:`iter_rows`.
"""

from __future__ import annotations

import functools
import re
import types
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

import attrs

from ilacs._text import fold
from ilacs.errors import FileFormatError, OutOfRangeError, ValidationError

__all__ = [
    "EMPTY_CELL",
    "HEADER_SEARCH_ROWS",
    "Cell",
    "HeaderMap",
    "Sheet",
    "column_letter",
    "find_header",
    "iter_rows",
    "normalise_heading",
]

HEADER_SEARCH_ROWS: Final = 15
"""How many rows :func:`find_header` searches: Ofsted puts headings in the third or fourth row,
below a title and notes."""


# --- Records -----------------------------------------------------------------------------------


@attrs.frozen
class Cell:
    """One cell of a sheet.

    Attributes:
        text: the displayed text: paragraphs joined with ``"\\n"`` (see the module docstring).
        value: the typed value for ``value_type`` (a date cell's ``"2019-11-11T00:00:00"``,
            a number's ``"3"``), or None when the cell has none.
        value_type: ``office:value-type`` (``"string"``, ``"float"``, ``"date"``, ...) or None.
        formula: ``table:formula``, or None; Ofsted's web-link cells hold their link here.

    >>> Cell("11/11/2019", "2019-11-11T00:00:00", "date").is_empty
    False
    >>> EMPTY_CELL.is_empty
    True
    """

    text: str = ""
    value: str | None = None
    value_type: str | None = None
    formula: str | None = None

    @property
    def is_empty(self) -> bool:
        """True when the cell has no text, no value and no formula."""
        return not self.text and self.value is None and self.formula is None


EMPTY_CELL: Final = Cell()
"""The cell read for every empty cell, and returned for cells beyond the end of a row."""


@attrs.frozen
class Sheet:
    """One sheet read from a file, trailing empty cells and rows trimmed.

    Attributes:
        file: the path of the file it was read from.
        name: the sheet's name.
        rows: the rows, each a tuple of cells; a blank row reads as ``()``.

    >>> sheet = Sheet("demo.ods", "Demo", ((Cell("a"), Cell("b")), (), (Cell("c"),)))
    >>> sheet.cell(0, 1).text, sheet.cell(1, 0).is_empty, sheet.cell(9, 9) is EMPTY_CELL
    ('b', True, True)
    """

    file: str
    name: str
    rows: tuple[tuple[Cell, ...], ...]

    def cell(self, row: int, column: int) -> Cell:
        """The cell at 0-based ``row`` and ``column``; :data:`EMPTY_CELL` beyond the data."""
        if row < 0 or column < 0:
            raise OutOfRangeError(
                "row" if row < 0 else "column", min(row, column), "an index from 0", bound=0
            )
        if row >= len(self.rows):
            return EMPTY_CELL
        cells = self.rows[row]
        return cells[column] if column < len(cells) else EMPTY_CELL


def _frozen_columns(columns: Mapping[str, int]) -> Mapping[str, int]:
    return types.MappingProxyType(dict(columns))


@attrs.frozen
class HeaderMap:
    """Where a table's heading row is and which column holds each field.

    Attributes:
        file: the file the sheet came from.
        sheet: the sheet's name.
        row: the 0-based index of the heading row in :attr:`Sheet.rows`.
        end: the 0-based index just past the table's last row: the number of rows of the
            sheet, or where the next table (another heading row that repeats at least two of
            these headings in the same columns) begins, not counting the blank rows and
            one-cell title rows just above that heading row.
        headings: every heading of the row, normalised by :func:`normalise_heading`.
        titles: every heading of the row as messages name it: as written, in lower case,
            spacing and footnote marks aside ("inspection/visit date").
        columns: field name to 0-based column index, for each required field and each
            optional field found.

    ``header[field]`` is ``header.columns[field]``; ``field in header`` says whether it was
    found.
    """

    file: str
    sheet: str
    row: int
    end: int
    headings: tuple[str, ...]
    columns: Mapping[str, int] = attrs.field(converter=_frozen_columns, hash=False)
    titles: tuple[str, ...] = ()

    @property
    def row_number(self) -> int:
        """The heading row's 1-based number, as a spreadsheet program shows it."""
        return self.row + 1

    def __getitem__(self, field: str) -> int:
        return self.columns[field]

    def __contains__(self, field: object) -> bool:
        return field in self.columns

    def letter(self, field: str) -> str:
        """The spreadsheet letter of ``field``'s column, for messages (``"F"``)."""
        return column_letter(self.columns[field])


# --- Column letters ----------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """The spreadsheet letter of the column at 0-based ``index``.

    Raises:
        OutOfRangeError: ``index`` is negative.

    >>> column_letter(0), column_letter(5), column_letter(25), column_letter(26)
    ('A', 'F', 'Z', 'AA')
    >>> column_letter(16_383)  # the last column of LibreOffice and Excel
    'XFD'
    """
    if index < 0:
        raise OutOfRangeError("index", index, "a 0-based column index from 0", bound=0)
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# --- Headings ----------------------------------------------------------------------------------

# Typographic characters read as their plain forms in headings.
_FOOTNOTE: Final = re.compile(r"\s*\[[^\[\]]*\]$")


@functools.lru_cache(maxsize=8192)
def _title(text: str) -> str:
    """A heading for messages: in lower case, its spacing single, trailing footnote marks gone."""
    text = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    while True:
        shorter = _FOOTNOTE.sub("", text).rstrip()
        if shorter == text:
            return text
        text = shorter


def normalise_heading(text: str) -> str:
    """A heading as the readers compare it (:func:`find_header`, and the CSV reader's).

    Trailing footnote marks in square brackets (``"[note 3]"``, ``"[x]"``) removed, then folded
    as every name is (:func:`ilacs._text.fold`: case, spacing and punctuation do not matter).

    >>> normalise_heading("Overall\\u00a0effectiveness\\n[note 3] [x] ")
    'overall effectiveness'
    >>> normalise_heading(" First SIF Overall Judgement\\n(OE)")
    'first sif overall judgement oe'
    >>> normalise_heading("Start_date"), normalise_heading("SIF Re-inspection")
    ('start date', 'sif re inspection')
    """
    return fold(_title(text))


@attrs.frozen
class _Spelling:
    text: str
    prefix: bool
    title: str  # as messages name it (see _title)

    def matches(self, heading: str) -> bool:
        return heading.startswith(self.text) if self.prefix else heading == self.text

    def __str__(self) -> str:
        return self.title + ("*" if self.prefix else "")


def _spellings(fields: Mapping[str, Sequence[str]], argument: str) -> dict[str, list[_Spelling]]:
    compiled: dict[str, list[_Spelling]] = {}
    for field, spellings in fields.items():
        if isinstance(spellings, str):
            spellings = [spellings]
        compiled[field] = []
        for spelling in spellings:
            prefix = spelling.endswith("*")
            written = spelling[:-1] if prefix else spelling
            text = normalise_heading(written)
            if not text:
                raise ValidationError(argument, spelling, "a heading spelling with some text")
            compiled[field].append(_Spelling(text, prefix, _title(written)))
        if not compiled[field]:
            raise ValidationError(argument, field, "at least one spelling for each field")
    return compiled


def _match(spellings: list[_Spelling], headings: Sequence[str]) -> list[int]:
    """The columns matching the first spelling that matches any heading."""
    for spelling in spellings:
        columns = [index for index, heading in enumerate(headings) if spelling.matches(heading)]
        if columns:
            return columns
    return []


def _is_title(cells: tuple[Cell, ...]) -> bool:
    return sum(not cell.is_empty for cell in cells) <= 1


def _table_end(rows: Sequence[tuple[Cell, ...]], header: int, headings: Sequence[str]) -> int:
    needed = min(2, sum(1 for heading in headings if heading))
    if not needed:
        return len(rows)
    width = len(headings)
    counted: dict[int, int] = {}  # by id: a repeated row is one tuple, counted once
    for index in range(header + 1, len(rows)):
        cells = rows[index]
        repeats = counted.get(id(cells))
        if repeats is None:
            repeats = 0
            for column in range(min(len(cells), width)):  # the row's cells, not every heading
                text = cells[column].text
                if text and headings[column]:
                    repeats += normalise_heading(text) == headings[column]
            counted[id(cells)] = repeats
        if repeats >= needed:
            while index > header + 1 and _is_title(rows[index - 1]):
                index -= 1
            return index
    return len(rows)


def find_header(
    sheet: Sheet,
    required: Mapping[str, Sequence[str]],
    optional: Mapping[str, Sequence[str]] | None = None,
    *,
    start: int = 0,
    search_rows: int = HEADER_SEARCH_ROWS,
) -> HeaderMap:
    """Find the heading row of a table and the column of each field.

    Searches rows ``start`` to ``start + search_rows - 1`` (0-based) for the first row in which
    every required field has a heading. Headings are compared after :func:`normalise_heading`.
    Each field has one or more acceptable spellings, tried in order; a spelling ending in ``*``
    is a prefix (``"first sif overall judgement*"``). The first spelling that matches a heading
    decides; it must match exactly one column. Two fields may share a column.

    Args:
        sheet: the sheet.
        required: field name to acceptable spellings; every field must be found.
        optional: as ``required``, but a field without a heading is left out of the result.
        start: the 0-based row to start searching from, such as a previous table's
            :attr:`HeaderMap.end` for the second table of a sheet.
        search_rows: how many rows to search.

    Raises:
        FileFormatError: no row has every required heading (the message names the missing
            fields with their spellings and the headings of the row that came closest), or a
            spelling matches several columns.
        ValidationError: a field has no spelling, or no required field is given.
        OutOfRangeError: ``start`` is negative or ``search_rows`` below 1.
    """
    if start < 0:
        raise OutOfRangeError("start", start, "a row index from 0", bound=0)
    if search_rows < 1:
        raise OutOfRangeError("search_rows", search_rows, "at least 1 row", bound=1)
    if not required:
        raise ValidationError("required", dict(required), "at least one required field")
    needed = _spellings(required, "required")
    wanted = _spellings(optional or {}, "optional")
    best: tuple[int, int, tuple[str, ...], list[str]] | None = None  # found, row, headings, missing
    for index in range(start, min(len(sheet.rows), start + search_rows)):
        headings = tuple(normalise_heading(cell.text) for cell in sheet.rows[index])
        found = {field: _match(spellings, headings) for field, spellings in needed.items()}
        missing = [field for field, columns in found.items() if not columns]
        if missing:
            score = len(found) - len(missing)
            if best is None or score > best[0]:
                best = (score, index, headings, missing)
            continue
        found.update({field: _match(spellings, headings) for field, spellings in wanted.items()})
        for field, columns in found.items():
            if len(columns) > 1:
                raise FileFormatError(
                    sheet.file,
                    field,
                    [f"{column_letter(c)}: {_title(sheet.rows[index][c].text)!r}" for c in columns],
                    "exactly one column for the field",
                    f"its spellings {[str(s) for s in {**needed, **wanted}[field]]} match several",
                    sheet=sheet.name,
                    row=index + 1,
                )
        mapping = {field: columns[0] for field, columns in found.items() if columns}
        end = _table_end(sheet.rows, index, headings)
        titles = tuple(_title(cell.text) for cell in sheet.rows[index])
        return HeaderMap(sheet.file, sheet.name, index, end, headings, mapping, titles)
    last = min(len(sheet.rows), start + search_rows)
    if best is None:
        raise FileFormatError(
            sheet.file,
            "headings",
            "no rows",
            f"a heading row in rows {start + 1} to {last}",
            sheet=sheet.name,
        )
    _, index, headings, missing = best
    raise FileFormatError(
        sheet.file,
        "headings",
        {field: [str(spelling) for spelling in needed[field]] for field in missing},
        f"a heading row in rows {start + 1} to {last} with every required field",
        f"the closest, row {index + 1}, has "
        f"{[_title(c.text) for c, h in zip(sheet.rows[index], headings, strict=False) if h]}",
        sheet=sheet.name,
        row=index + 1,
    )


def iter_rows(sheet: Sheet, header: HeaderMap) -> Iterator[tuple[int, dict[str, Cell]]]:
    """Yield the data rows of the table under ``header``, with their 1-based row numbers.

    Rows run from the one after the heading row to :attr:`HeaderMap.end`. Fully blank rows are
    skipped; every other row is yielded, even one that has text only in columns no field maps.
    Each row maps every field of ``header.columns`` to its cell (:data:`EMPTY_CELL` when the
    row is shorter); optional fields that were not found are absent.

    Raises:
        ValidationError: ``header`` was found in another sheet.
    """
    if (header.file, header.sheet) != (sheet.file, sheet.name):
        raise ValidationError(
            "header", f"{header.file} / {header.sheet}", f"a header of {sheet.file} / {sheet.name}"
        )
    columns = list(header.columns.items())
    for index in range(header.row + 1, min(header.end, len(sheet.rows))):
        cells = sheet.rows[index]
        if not cells:
            continue
        width = len(cells)
        yield (
            index + 1,
            {field: cells[column] if column < width else EMPTY_CELL for field, column in columns},
        )

"""Read sheets of OpenDocument spreadsheets (``.ods``) with the standard library only.

An ``.ods`` file is a zip archive whose ``content.xml`` holds every sheet as a
``<table:table table:name="...">`` element. Ofsted's 2023 data file has a 40 MB
``content.xml`` of which ``ilacs`` needs two small sheets, so this module never parses the
whole document: it inflates ``content.xml`` a chunk at a time, finds the start and end tags of
the top-level tables with a byte search as the bytes arrive, and feeds only the sheets asked for
to an XML parser (as children of an element that carries the document's namespace declarations)
whose callbacks build the rows: no tree, no recursion, and nothing of the document kept but the
rows. Reading any of Ofsted's files takes well under a second and a few megabytes (see
``benchmarks/ods.py``).

Hostile files meet hard limits (:data:`MAX_CONTENT_BYTES`, :data:`MAX_TOKEN_BYTES`,
:data:`MAX_SHEETS`, :data:`MAX_DEPTH`, :data:`MAX_ELEMENTS`, :data:`MAX_TEXT_CHARS`,
:data:`MAX_COLUMNS`, :data:`MAX_ROWS`, :data:`MAX_CELLS`, :data:`MAX_SPACES`) that keep any file
of up to 10 MB to about two seconds and 200 MB; one that breaks a limit is a
:class:`~ilacs.errors.FileFormatError` naming the file, the sheet and row where known, and the
limit. Entities are never expanded (the parser is given no document type declaration).

What a sheet reads as:

- A :class:`Sheet` is a tuple of rows, each a tuple of :class:`Cell`. Repeated rows and columns
  (``table:number-rows-repeated``, ``table:number-columns-repeated``) are expanded, but empty
  cells at the end of a row and empty rows at the end of the sheet are trimmed, so the million
  blank rows LibreOffice writes below a table cost nothing. A blank row inside the table reads
  as ``()``. Covered cells of merged ranges (``table:covered-table-cell``) count as columns.
- A cell's ``text`` is its paragraphs (``text:p``, ``text:h``, also inside lists) joined with
  ``"\\n"``; inside a paragraph ``text:s`` gives spaces, ``text:tab`` a tab,
  ``text:line-break`` a ``"\\n"``, and the text of ``text:span``, ``text:a`` and other inline
  elements is kept. Literal white space is collapsed as OpenDocument 1.2 section 6.1.2 says
  (runs of space, tab, CR and LF read as one space; none at the start or end of a paragraph).
  Comments (``office:annotation``), note bodies, ruby text and drawings are not part of the
  text. Text is not otherwise stripped or changed.
- ``value`` is the typed value attribute that goes with ``value_type`` (``office:value`` for
  ``float``, ``percentage`` and ``currency``; ``office:date-value``, ``office:time-value``,
  ``office:boolean-value``, ``office:string-value``), ``formula`` the ``table:formula``.

Other limits (said once here): the byte search assumes the table tags are not hidden inside XML
comments or CDATA sections (no spreadsheet program writes them there); the parts of
``content.xml`` outside the sheets read are not checked for well-formedness; flat XML files
(``.fods``) are not read.

Headers and rows: :func:`find_header` finds the heading row of a table by matching normalised
headings (:func:`normalise_heading`) and :func:`iter_rows` yields its data rows with their
1-based row numbers, so that errors can name the file, sheet, row and column
(:func:`column_letter`).

>>> import tempfile, zipfile, pathlib
>>> content = (
...     '<office:document-content'
...     ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
...     ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
...     ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
...     '<office:body><office:spreadsheet><table:table table:name="Inspections">'
...     '<table:table-row><table:table-cell><text:p>LA [note 1]</text:p></table:table-cell>'
...     '<table:table-cell><text:p>Overall</text:p><text:p>effectiveness</text:p>'
...     '</table:table-cell></table:table-row>'
...     '<table:table-row><table:table-cell><text:p>Thurrock</text:p></table:table-cell>'
...     '<table:table-cell><text:p>Good</text:p></table:table-cell>'
...     '<table:table-cell table:number-columns-repeated="16382"/></table:table-row>'
...     '<table:table-row table:number-rows-repeated="1048574"><table:table-cell/>'
...     '</table:table-row></table:table></office:spreadsheet></office:body>'
...     '</office:document-content>'
... )
>>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.ods"
>>> with zipfile.ZipFile(path, "w") as archive:
...     archive.writestr("mimetype", ODS_MIMETYPE)
...     archive.writestr("content.xml", content)
>>> sheet_names(path)
('Inspections',)
>>> sheet = find_sheet(path, r"inspections(_.*)?")
>>> sheet.rows[0][1].text
'Overall\\neffectiveness'
>>> header = find_header(sheet, {"la": ["la"], "overall": ["overall effectiveness*"]})
>>> header.headings
('la', 'overall effectiveness')
>>> for number, cells in iter_rows(sheet, header):
...     print(number, cells["la"].text, cells["overall"].text, column_letter(header["overall"]))
2 Thurrock Good B
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import struct
import types
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Final, TypeAlias

import attrs

from ilacs.errors import FileFormatError, OutOfRangeError, ParseError, ValidationError

__all__ = [
    "EMPTY_CELL",
    "HEADER_SEARCH_ROWS",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_CONTENT_BYTES",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_ROWS",
    "MAX_SHEETS",
    "MAX_SPACES",
    "MAX_TEXT_CHARS",
    "MAX_TOKEN_BYTES",
    "ODS_MIMETYPE",
    "Cell",
    "HeaderMap",
    "Sheet",
    "SheetPattern",
    "column_index",
    "column_letter",
    "find_header",
    "find_sheet",
    "find_sheets",
    "iter_rows",
    "normalise_heading",
    "read_sheets",
    "sheet_names",
]

# --- Constants ---------------------------------------------------------------------------------

ODS_MIMETYPE: Final = "application/vnd.oasis.opendocument.spreadsheet"
"""The ``mimetype`` member of an ODS archive (OpenDocument 1.2 part 3, section 3.3)."""

# Limits. A file that breaks one is refused with a FileFormatError naming the file, the sheet
# and row where known, and the limit. Together they keep any file of up to 10 MB to about two
# seconds and 200 MB of memory (see benchmarks/ods.py); each is many times what Ofsted's files
# need (the largest, the 2023 underlying data, is quoted below as "the 2023 file").

MAX_CONTENT_BYTES: Final = 128 * 1024 * 1024
"""Most bytes ``content.xml`` may inflate to: 128 MiB, three times the 2023 file's 40 MB. Counted
on the bytes really inflated (a chunk at a time, never all at once), so a zip header that
understates the size cannot get a bomb past it; a header that declares more is refused
before anything is inflated."""

MAX_TOKEN_BYTES: Final = 1024 * 1024
"""Most bytes of one tag, text, comment or processing instruction in a sheet read, of one table
tag anywhere, and of everything before the root element's start tag ends: 1 MiB (the 2023 file's
longest cell is 726 characters). Bounds what the XML parser buffers and re-scans."""

MAX_SHEETS: Final = 10_000
"""Most sheets (top-level tables) a file may hold: LibreOffice's limit (the 2023 file has 16)."""

MAX_DEPTH: Final = 64
"""Most levels of nested XML elements in a sheet, the table itself being level 1 (Ofsted's files
reach 7). Guards against nested row groups, lists and text spans."""

MAX_ELEMENTS: Final = 1 << 19
"""Most XML elements parsed in one read, over all the sheets read: 524,288, 2.4 times the largest
sheet of the 2023 file (215,000 elements) and fifty times the sheets ``ilacs`` reads from it.
Each costs the reader one to three microseconds. (All sixteen sheets of the 2023 file together
hold 604,000: read them in two calls.)"""

MAX_TEXT_CHARS: Final = 1 << 24
"""Most characters of text, values and formulas in one read, over the distinct cells of all the
sheets read, and of the sheets' names: 16.7 million, 2.8 times all the sheets of the 2023 file
together (5.9 million)."""

MAX_COLUMNS: Final = 16_384
"""Most columns a sheet may fill: LibreOffice's and Excel's limit (column ``XFD``). Guards memory
against a hostile file that repeats a non-empty cell without end."""

MAX_ROWS: Final = 1_048_576
"""Most rows a sheet may fill: LibreOffice's and Excel's limit (2**20)."""

MAX_CELLS: Final = 1 << 21
"""Most cells (empty ones within rows included, repeated rows counted each time) a sheet may
expand to: 2,097,152, six times all the sheets of the 2023 file together (318,000). Guards memory
and time against a small file of many wide repeated rows. Empty cells and rows after the last
filled one are never expanded, so LibreOffice's million blank rows cost nothing."""

MAX_SPACES: Final = 32_767
"""Most spaces one ``text:s`` may stand for: a whole cell's text in Excel (32,767 characters)."""

HEADER_SEARCH_ROWS: Final = 15
"""How many rows :func:`find_header` searches: Ofsted puts headings in the third or fourth row,
below a title and notes."""

_OFFICE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_DRAWING_NAMESPACES: Final = (
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}",
    "{urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0}",
)

_T = "{" + _TABLE_NS + "}"
_X = "{" + _TEXT_NS + "}"
_O = "{" + _OFFICE_NS + "}"

_TABLE_NAME: Final = _T + "name"
_ROW: Final = _T + "table-row"
_CELL: Final = _T + "table-cell"
_COVERED_CELL: Final = _T + "covered-table-cell"
_ROWS_REPEATED: Final = _T + "number-rows-repeated"
_COLUMNS_REPEATED: Final = _T + "number-columns-repeated"
_FORMULA: Final = _T + "formula"
_ROW_CONTAINERS: Final = frozenset(
    {_T + "table-header-rows", _T + "table-row-group", _T + "table-rows"}
)
_VALUE_TYPE: Final = _O + "value-type"
# The attribute that holds a cell's typed value, by value type (OpenDocument 1.2 part 1, 19.387).
_VALUE_ATTRIBUTE: Final = {
    "float": _O + "value",
    "percentage": _O + "value",
    "currency": _O + "value",
    "date": _O + "date-value",
    "time": _O + "time-value",
    "boolean": _O + "boolean-value",
    "string": _O + "string-value",
}
_PARAGRAPHS: Final = frozenset({_X + "p", _X + "h"})
_BLOCK_CONTAINERS: Final = frozenset(
    {_X + "list", _X + "list-item", _X + "list-header", _X + "section"}
)
_SPACE: Final = _X + "s"
_SPACE_COUNT: Final = _X + "c"
_TAB: Final = _X + "tab"
_LINE_BREAK: Final = _X + "line-break"
# Character data not part of a paragraph's text (OpenDocument 1.2 part 1, section 6.1.1).
_NOT_TEXT: Final = frozenset({_X + "note-body", _X + "ruby-text", _O + "annotation"})

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


SheetPattern: TypeAlias = "str | re.Pattern[str] | Callable[[str], bool]"
"""Chooses a sheet by name: a regular expression matched against the whole name (a ``str`` is
compiled ignoring case; a compiled pattern is used as it is) or a predicate."""

# --- Column letters ----------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """The spreadsheet letter of the column at 0-based ``index``.

    Raises:
        OutOfRangeError: ``index`` is negative.

    >>> column_letter(0), column_letter(5), column_letter(25), column_letter(26)
    ('A', 'F', 'Z', 'AA')
    >>> column_letter(MAX_COLUMNS - 1)
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


_LETTERS = re.compile(r"[A-Za-z]+")


def column_index(letter: str) -> int:
    """The 0-based index of the column with spreadsheet letter ``letter`` (any case).

    Raises:
        ParseError: ``letter`` is not made of the letters A to Z.

    >>> column_index("A"), column_index("f"), column_index("AA"), column_index("XFD")
    (0, 5, 26, 16383)
    """
    if not _LETTERS.fullmatch(letter) or not letter.isascii():
        raise ParseError("letter", letter, "a spreadsheet column letter such as 'F' or 'AA'")
    number = 0
    for char in letter.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number - 1


# --- Reading the archive -----------------------------------------------------------------------

# Errors the standard library raises for archives that are not zips, are cut short or damaged.
_ARCHIVE_ERRORS: Final = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member
    struct.error,
    OverflowError,
    ValueError,  # e.g. a negative offset or an undecodable member name in a damaged directory
)
_ARCHIVE_EXPECTED: Final = "an OpenDocument spreadsheet (a zip archive holding content.xml)"
_CHUNK: Final = 1 << 20  # bytes of content.xml inflated at a time
_FEED: Final = 1 << 16  # bytes of a sheet given to the XML parser at a time


def _limit(
    file: str,
    field: str,
    found: object,
    most: int,
    unit: str,
    name: str,
    *,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> FileFormatError:
    """The error for a file that breaks one of the reader's limits (named in the message)."""
    return FileFormatError(
        file,
        field,
        found,
        f"at most {most:,} {unit}",
        f"the ODS reader's limit {name}",
        sheet=sheet,
        row=row,
        column=column,
    )


def _damaged(file: str, error: Exception) -> FileFormatError:
    if isinstance(error, OSError):
        return FileFormatError(
            file, "file", file, "a readable file", f"{type(error).__name__}: {error}"
        )
    return FileFormatError(
        file, "file", f"{type(error).__name__}: {error}", _ARCHIVE_EXPECTED, "not a zip or damaged"
    )


class _Member:
    """``content.xml`` of an ODS archive, inflated a chunk at a time against
    :data:`MAX_CONTENT_BYTES`; every failure of the archive is a :class:`FileFormatError`."""

    def __init__(self, file: str, path: str | os.PathLike[str]) -> None:
        self.file = file
        self.inflated = 0
        self.archive: zipfile.ZipFile | None = None
        self.stream: IO[bytes] | None = None
        try:
            self.archive = zipfile.ZipFile(path)
            self._check(self.archive)
            self.stream = self.archive.open("content.xml")
        except FileFormatError:
            self.close()
            raise
        except (OSError, *_ARCHIVE_ERRORS) as error:
            self.close()
            raise _damaged(file, error) from error

    def _check(self, archive: zipfile.ZipFile) -> None:
        members = archive.namelist()
        if "mimetype" in members:
            with archive.open("mimetype") as stream:  # read a bounded prefix: it may be a bomb
                mimetype = stream.read(len(ODS_MIMETYPE) + 64)
            if mimetype.strip() != ODS_MIMETYPE.encode():
                found = mimetype.decode("utf-8", "replace")
                raise FileFormatError(self.file, "mimetype", found, ODS_MIMETYPE)
        if "content.xml" not in members:
            raise FileFormatError(
                self.file, "content.xml", tuple(members), "a member named content.xml"
            )
        declared = archive.getinfo("content.xml").file_size
        if declared > MAX_CONTENT_BYTES:
            raise _limit(
                self.file,
                "content.xml",
                f"{declared:,} bytes (the size its zip header declares)",
                MAX_CONTENT_BYTES,
                "bytes",
                "MAX_CONTENT_BYTES",
            )

    def read(self) -> bytes:
        """The next chunk of ``content.xml``; ``b""`` at its end (after its checksum passed)."""
        assert self.stream is not None
        try:
            chunk = self.stream.read(_CHUNK)
        except (OSError, *_ARCHIVE_ERRORS) as error:
            raise _damaged(self.file, error) from error
        # Count what was really inflated: the zip header's size may understate it.
        self.inflated += len(chunk)
        if self.inflated > MAX_CONTENT_BYTES:
            raise _limit(
                self.file,
                "content.xml",
                f"more than {MAX_CONTENT_BYTES:,} bytes inflated",
                MAX_CONTENT_BYTES,
                "bytes",
                "MAX_CONTENT_BYTES",
            )
        return chunk

    def close(self) -> None:
        for thing in (self.stream, self.archive):
            if thing is not None:
                with contextlib.suppress(OSError, *_ARCHIVE_ERRORS):
                    thing.close()


# --- Finding the sheets in content.xml ---------------------------------------------------------

# The prolog before the root element: white space, processing instructions, comments and a
# document type declaration (whose internal subset is skipped whole: its entities are never
# defined for the parser, so a sheet that uses one is malformed). Written so that the regular
# expression engine never backtracks (no two ways to match the same bytes).
_PROLOG = re.compile(
    rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>)*", re.DOTALL | re.IGNORECASE
)
# A start tag's attributes; a value cannot hold "<" in well-formed XML, so no tag holds one.
_ATTRIBUTES = rb"""((?:\s+[^\s=/<>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>"""
_START_TAG = re.compile(rb"<([^\s/<>!?]+)" + _ATTRIBUTES)
_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_TAG_END: Final = frozenset(b" \t\r\n/>")


def _malformed(file: str, error: Exception, sheet: str | None = None) -> FileFormatError:
    return FileFormatError(file, "content.xml", str(error), "well-formed XML", sheet=sheet)


def _root_namespaces(file: str, tag: bytes) -> tuple[str, dict[str, str]]:
    """The root element's name and its namespace declarations (URI to prefix)."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start-ns", "start"))
    try:
        parser.feed(tag)
        parser.close()
    except ET.ParseError as error:
        raise _malformed(file, error) from error
    name = ""
    prefixes: dict[str, str] = {}
    for event in parser.read_events():
        item = event[-1]
        if isinstance(item, ET.Element):
            name = item.tag
        elif isinstance(item, tuple) and len(item) == 2:  # a start-ns event: (prefix, uri)
            prefixes.setdefault(str(item[1]), str(item[0]))
    return name, prefixes


@attrs.frozen
class _Scan:
    """What one pass over ``content.xml`` found: every sheet's name, and the sheets wanted."""

    file: str
    names: tuple[str, ...]
    sheets: Mapping[int, Sheet]  # by index in names

    def sheet(self, name: str) -> Sheet:
        found = [index for index, each in enumerate(self.names) if each == name]
        if len(found) != 1:
            expected = f"one of the file's sheets {self.names!r}"
            detail = "the file has two sheets of that name" if found else None
            raise FileFormatError(self.file, "sheet", name, expected, detail)
        return self.sheets[found[0]]


def _scan(path: str | os.PathLike[str], wanted: Callable[[str], bool]) -> _Scan:
    """Inflate ``content.xml`` once, list its sheets and parse those ``wanted`` says."""
    file = os.fspath(path)
    member = _Member(file, path)
    try:
        scanner = _Scanner(file, wanted)
        while chunk := member.read():
            scanner.feed(chunk)
        return scanner.finish()
    finally:
        member.close()


class _Scanner:
    """Finds the top-level tables of ``content.xml`` as it is inflated, a chunk at a time.

    A byte search pairs the start and end tags of ``table:table`` (counting nested tables);
    the start tag of each top-level table goes to an XML parser that reads its name, and the
    bytes of a wanted table go to the same parser, whose events build the sheet
    (:class:`_Builder`). Nothing else of the document is parsed or kept.
    """

    def __init__(self, file: str, wanted: Callable[[str], bool]) -> None:
        self.file = file
        self.wanted = wanted
        self.data = b""  # bytes not yet searched (a tag cut by the end of a chunk stays)
        self.position = 0  # offset in content.xml of data[0]
        self.tables: _Tables | None = None  # set once the root element is read
        self.no_tables = False  # the document does not declare the table namespace
        self.depth = 0  # table elements open, by the byte search
        self.fed = 0  # in a wanted table: how much of data the parser has had

    def feed(self, chunk: bytes) -> None:
        self.data += chunk
        if self.tables is None and not self.no_tables and not self._root(final=False):
            if len(self.data) > MAX_TOKEN_BYTES:
                raise self._late_root()
            return
        if self.no_tables:
            self.data = b""
            return
        self._search()

    def finish(self) -> _Scan:
        if self.tables is None and not self.no_tables:
            self._root(final=True)
        if self.tables is None:
            return _Scan(self.file, (), {})
        tables = self.tables
        if self.depth:
            raise _malformed(
                self.file, ValueError(f"the sheet {tables.name!r} is not closed"), tables.name
            )
        return _Scan(self.file, tuple(tables.names), dict(tables.sheets))

    def _root(self, *, final: bool) -> bool:
        """Read the prolog and the root's start tag; False while more bytes are needed."""
        data = self.data
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise FileFormatError(self.file, "content.xml", "UTF-16", "UTF-8 encoded XML")
        begin = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        prolog = _PROLOG.match(data, begin)
        root = _START_TAG.match(data, prolog.end() if prolog else begin)
        if root is None and not final:
            return False
        declared = _ENCODING.match(data, begin)
        if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            found = declared.group(1).decode()
            raise FileFormatError(self.file, "content.xml", found, "UTF-8 encoded XML")
        if root is None or root.group(3):
            raise _malformed(self.file, ValueError("no root element with content"))
        if root.end() > MAX_TOKEN_BYTES:
            raise self._late_root()
        attributes = root.group(2)
        name, prefixes = _root_namespaces(self.file, b"<" + root.group(1) + attributes + b"/>")
        if name != _O + "document-content":
            raise FileFormatError(
                self.file, "content.xml", name, "an office:document-content root element"
            )
        table_prefix = prefixes.get(_TABLE_NS)
        self.position = root.end()
        self.data = data[root.end() :]
        if table_prefix is None:  # no table namespace, so no sheets
            self.no_tables = True
            self.data = b""
            return True
        qname = (table_prefix + ":" if table_prefix else "").encode() + b"table"
        self.tables = _Tables(self.file, self.wanted, qname, attributes)
        return True

    def _late_root(self) -> FileFormatError:
        return _limit(
            self.file,
            "content.xml",
            f"no root element in its first {MAX_TOKEN_BYTES:,} bytes",
            MAX_TOKEN_BYTES,
            "bytes before the root element's start tag ends",
            "MAX_TOKEN_BYTES",
        )

    def _search(self) -> None:
        tables = self.tables
        assert tables is not None
        data = self.data
        # Tags in the order they appear: (start, end, None for an end tag or the start match).
        tags: list[tuple[int, int, re.Match[bytes] | None]] = [
            (match.start(), match.end(), match) for match in tables.starts.finditer(data)
        ]
        ends = [(match.start(), match.end(), None) for match in tables.ends.finditer(data)]
        if ends:
            tags.extend(ends)
            tags.sort(key=lambda tag: tag[0])
        searched = 0
        for start, end, match in tags:
            if match is not None:
                self._start_tag(start, end, match)
            else:
                self._end_tag(start, end)
            searched = end
        # Keep a tag cut short by the end of the chunk: the last "<" if it may begin one.
        keep = len(data)
        cut = data.rfind(b"<", searched)
        if cut >= 0 and tables.may_begin_tag(data, cut):
            keep = cut
        if tables.parsing:
            tables.feed(memoryview(data)[self.fed :])
            self.fed = len(data) - keep
        if len(data) - keep > MAX_TOKEN_BYTES:
            raise _limit(
                self.file,
                "content.xml",
                f"a table tag of more than {MAX_TOKEN_BYTES:,} bytes at byte "
                f"{self.position + keep:,}",
                MAX_TOKEN_BYTES,
                "bytes in one tag",
                "MAX_TOKEN_BYTES",
            )
        self.position += keep
        self.data = data[keep:]

    def _start_tag(self, start: int, end: int, match: re.Match[bytes]) -> None:
        tables = self.tables
        assert tables is not None
        empty = bool(match.group(2))
        if self.depth:  # a table inside a cell: not a sheet
            self.depth += 0 if empty else 1
            return
        tables.begin(self.data[start:end], empty)
        if not empty:
            self.depth = 1
            self.fed = end

    def _end_tag(self, start: int, end: int) -> None:
        tables = self.tables
        assert tables is not None
        if not self.depth:
            raise _malformed(
                self.file,
                ValueError(f"a table end tag without a start at byte {self.position + start}"),
            )
        self.depth -= 1
        if not self.depth:
            tables.end(memoryview(self.data)[self.fed : end])
            self.fed = end


class _Tables:
    """The XML side of the scan: one parser is fed each top-level table's start tag, and the
    whole of each wanted table; its callbacks (:class:`_Events`) name the sheets and build the
    wanted ones as the bytes arrive, without building a tree."""

    def __init__(
        self, file: str, wanted: Callable[[str], bool], qname: bytes, attributes: bytes
    ) -> None:
        self.file = file
        self.qname = qname
        self.starts = re.compile(b"<" + re.escape(qname) + _ATTRIBUTES)
        self.ends = re.compile(b"</" + re.escape(qname) + rb"\s*>")
        self.start_prefix = b"<" + qname
        self.end_prefix = b"</" + qname
        self.events = _Events(file, wanted)
        self.gap = 0  # bytes given to the parser since it last reported an element
        self.parser = ET.XMLParser(target=self.events)
        # Every table is read as a child of an element with the root's namespace declarations
        # (and no document type declaration: entities stay undefined, so none is expanded).
        self._feed(b"<w" + attributes + b">")

    @property
    def names(self) -> list[str]:
        return self.events.names

    @property
    def sheets(self) -> dict[int, Sheet]:
        return self.events.sheets

    @property
    def name(self) -> str:
        return self.events.name

    @property
    def parsing(self) -> bool:
        """Whether the bytes of the current table go to the parser."""
        return self.events.builder is not None

    def may_begin_tag(self, data: bytes, at: int) -> bool:
        """Whether ``data[at:]`` (from a "<" to the end) may be the start of a table tag."""
        head = data[at : at + len(self.end_prefix) + 1]
        for prefix in (self.start_prefix, self.end_prefix):
            if prefix.startswith(head):
                return True
            if head.startswith(prefix):
                return len(head) == len(prefix) or head[len(prefix)] in _TAG_END
        return False

    def begin(self, tag: bytes, empty: bool) -> None:
        """A top-level table's start tag: read its name, and whether to parse its content."""
        if len(self.names) >= MAX_SHEETS:
            raise _limit(
                self.file, "sheets", f"more than {MAX_SHEETS:,}", MAX_SHEETS, "sheets", "MAX_SHEETS"
            )
        self.events.name = ""
        self._feed(tag)  # the table's start decides whether it is wanted (see _Events.start)
        if not empty and not self.parsing:
            self._feed(b"</" + self.qname + b">")  # not wanted: close it at once

    def feed(self, data: memoryview) -> None:
        """More bytes of a wanted table, fed in pieces so that no token grows unseen."""
        for offset in range(0, len(data), _FEED):
            self._feed(data[offset : offset + _FEED])

    def end(self, data: memoryview) -> None:
        """The last bytes of a table, through its end tag."""
        if self.parsing:
            self.feed(data)

    def _feed(self, data: bytes | memoryview) -> None:
        events = self.events
        before = events.progress()
        try:
            self.parser.feed(data)
        except ET.ParseError as error:
            raise _malformed(self.file, error, events.name or None) from error
        except _Exceeded as exceeded:
            if exceeded.row is None and events.builder is not None:
                exceeded.row = events.builder.number()
            raise exceeded.error(self.file, events.name or None) from None
        self.gap = 0 if events.progress() != before else self.gap + len(data)
        if self.gap > MAX_TOKEN_BYTES:
            raise _limit(
                self.file,
                "content.xml",
                f"more than {MAX_TOKEN_BYTES:,} bytes without an element",
                MAX_TOKEN_BYTES,
                "bytes in one tag, text, comment or processing instruction",
                "MAX_TOKEN_BYTES",
                sheet=events.name or None,
                row=events.builder.number() if events.builder is not None else None,
            )


# Roles of the open elements, by where they are.
_ROLE_ROOT: Final = 0  # the element standing for the document's root
_ROLE_TABLE: Final = 1  # a top-level table: a sheet
_ROLE_GROUP: Final = 2  # row groups and header rows, which hold rows
_ROLE_ROW: Final = 3
_ROLE_CELL: Final = 4
_ROLE_BLOCK: Final = 5  # lists and sections in a cell, which hold paragraphs
_ROLE_PARAGRAPH: Final = 6
_ROLE_INLINE: Final = 7  # spans, links and the like in a paragraph: their text counts
_ROLE_MUTE: Final = 8  # in a cell, not its text: notes, drawings, sub-tables, text:s itself
_ROLE_SKIP: Final = 9  # in a table or a row, not a row or a cell: column styles and the like
_TEXT_ROLES: Final = frozenset({_ROLE_PARAGRAPH, _ROLE_INLINE})


class _Events:
    """The parser's target: follows the open elements and builds the wanted sheets.

    Nothing is kept of an element once it ends but what the sheet needs, and no function
    calls itself, so neither deep nesting nor many elements can exhaust the stack or memory.
    """

    def __init__(self, file: str, wanted: Callable[[str], bool]) -> None:
        self.file = file
        self.wanted = wanted
        self.names: list[str] = []
        self.sheets: dict[int, Sheet] = {}
        self.name = ""  # the name of the table being read
        self.builder: _Builder | None = None  # while a wanted table is read
        self.budget = _Budget()
        self.known: dict[tuple[str, str | None, str | None, str | None], Cell] = {}
        self.roles: list[int] = []
        self.paragraph: _Paragraph | None = None
        self.elements = MAX_ELEMENTS  # how many more this read may parse

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        roles = self.roles
        if not roles:
            roles.append(_ROLE_ROOT)
            return
        if len(roles) > MAX_DEPTH:
            raise _Exceeded(
                "depth",
                f"more than {MAX_DEPTH} levels",
                MAX_DEPTH,
                "levels of nested elements in a sheet",
                "MAX_DEPTH",
            )
        self.elements -= 1
        if self.elements < 0:
            raise _Exceeded(
                "elements",
                f"more than {MAX_ELEMENTS:,}",
                MAX_ELEMENTS,
                "XML elements in the sheets read",
                "MAX_ELEMENTS",
            )
        parent = roles[-1]
        builder = self.builder
        # The commonest first: cells in rows, paragraphs in cells, spans in paragraphs.
        if parent == _ROLE_ROW:
            role = _ROLE_SKIP
            if tag in (_CELL, _COVERED_CELL) and builder is not None:
                role = _ROLE_CELL
                builder.begin_cell(attributes)
        elif parent in (_ROLE_CELL, _ROLE_BLOCK):
            if tag in _PARAGRAPHS:
                role = _ROLE_PARAGRAPH
                self.paragraph = _Paragraph(self.budget)
            else:
                role = _ROLE_BLOCK if tag in _BLOCK_CONTAINERS else _ROLE_MUTE
        elif parent in _TEXT_ROLES:
            role = self._inline(tag, attributes)
        elif parent in (_ROLE_TABLE, _ROLE_GROUP):
            role = _ROLE_SKIP
            if tag == _ROW and builder is not None:
                role = _ROLE_ROW
                builder.begin_row(attributes)
            elif tag in _ROW_CONTAINERS:
                role = _ROLE_GROUP
        elif parent == _ROLE_ROOT:
            role = _ROLE_TABLE
            self.name = attributes.get(_TABLE_NAME, "")
            self.budget.spend(len(self.name))  # names are kept too
            self.names.append(self.name)
            if self.wanted(self.name):
                self.builder = _Builder(self.file, self.name, self.budget, self.known)
        else:
            role = parent  # inside something skipped or muted
        roles.append(role)

    def _inline(self, tag: str, attributes: dict[str, str]) -> int:
        paragraph = self.paragraph
        builder = self.builder
        if paragraph is None or builder is None:  # not in a paragraph of a sheet read
            return _ROLE_MUTE
        if tag == _SPACE:
            try:
                paragraph.spaces(_count(attributes, _SPACE_COUNT, "text:c", MAX_SPACES))
            except _BadAttribute as bad:
                raise builder.bad(bad) from None
        elif tag == _TAB:
            paragraph.hard("\t")
        elif tag == _LINE_BREAK:
            paragraph.hard("\n")
        elif tag not in _NOT_TEXT and not tag.startswith(_DRAWING_NAMESPACES):
            return _ROLE_INLINE
        return _ROLE_MUTE

    def progress(self) -> tuple[int, int]:
        """Changes whenever an element starts or ends (to tell whether the parser moved on)."""
        return self.elements, len(self.roles)

    def end(self, tag: str) -> None:
        role = self.roles.pop()
        builder = self.builder
        if role > _ROLE_PARAGRAPH or builder is None:
            if role == _ROLE_TABLE:
                self.builder = None
            return
        if role == _ROLE_PARAGRAPH:
            if self.paragraph is not None:
                builder.texts.append(self.paragraph.text())
            self.paragraph = None
        elif role == _ROLE_CELL:
            builder.end_cell()
        elif role == _ROLE_ROW:
            builder.end_row()
        elif role == _ROLE_TABLE:
            self.sheets[len(self.names) - 1] = builder.sheet()
            self.builder = None

    def data(self, text: str) -> None:
        if self.paragraph is not None and self.roles[-1] in _TEXT_ROLES:
            self.paragraph.literal(text)

    def close(self) -> None:
        pass


# --- Building a sheet --------------------------------------------------------------------------


# Repeat counts are checked against MAX_ROWS, MAX_COLUMNS and MAX_CELLS only when the repeated
# rows or cells are kept, since trailing empty repeats may be longer (LibreOffice's "jumbo"
# sheets have 16,777,216 rows); this only bounds the number read.
_MAX_REPEAT: Final = 2**31 - 1


class _BadAttribute(Exception):
    """An attribute value that cannot be read; converted to a FileFormatError with its place."""

    def __init__(self, attribute: str, value: str, expected: str) -> None:
        super().__init__(attribute, value, expected)
        self.attribute = attribute
        self.value = value
        self.expected = expected


class _Exceeded(Exception):
    """A limit broken while reading; converted to a FileFormatError with its place."""

    def __init__(self, field: str, found: str, most: int, unit: str, name: str) -> None:
        super().__init__(field, found)
        self.field = field
        self.found = found
        self.most = most
        self.unit = unit
        self.name = name
        self.row: int | None = None
        self.column: str | None = None

    def error(self, file: str, sheet: str | None) -> FileFormatError:
        return _limit(
            file,
            self.field,
            self.found,
            self.most,
            self.unit,
            self.name,
            sheet=sheet,
            row=self.row,
            column=self.column,
        )


class _Budget:
    """The characters of text one read may still make (:data:`MAX_TEXT_CHARS`)."""

    __slots__ = ("text",)

    def __init__(self) -> None:
        self.text = MAX_TEXT_CHARS

    def spend(self, characters: int) -> None:
        self.text -= characters
        if self.text < 0:
            raise _Exceeded(
                "text",
                f"more than {MAX_TEXT_CHARS:,} characters",
                MAX_TEXT_CHARS,
                "characters of text, values and formulas in the sheets read",
                "MAX_TEXT_CHARS",
            )


def _count(
    attributes: Mapping[str, str], attribute: str, qname: str, most: int = _MAX_REPEAT
) -> int:
    raw = attributes.get(attribute)
    if raw is None:
        return 1
    digits = raw.strip()
    if not (
        digits.isascii() and digits.isdigit() and len(digits) <= 10 and 1 <= int(digits) <= most
    ):
        raise _BadAttribute(qname, raw, f"a whole number from 1 to {most}")
    return int(digits)


class _Paragraph:
    """Collects a paragraph's text, collapsing literal white space (ODF 1.2 part 1, 6.1.2).

    Literal text may come in pieces (as the parser reports it): the result is the same.
    """

    __slots__ = ("budget", "parts", "skip_space", "soft_end")

    _WHITE = re.compile(r"[ \t\r\n]+")

    def __init__(self, budget: _Budget) -> None:
        self.budget = budget
        self.parts: list[str] = []
        self.skip_space = True  # at the start of a paragraph, or after a literal space
        self.soft_end = False  # the text ends with a literal (collapsible) space

    def literal(self, text: str) -> None:
        if not text:
            return
        text = self._WHITE.sub(" ", text)
        if self.skip_space and text[0] == " ":
            text = text[1:]
            if not text:
                return
        self.budget.spend(len(text))
        self.parts.append(text)
        self.skip_space = self.soft_end = text[-1] == " "

    def hard(self, text: str) -> None:
        self.budget.spend(len(text))
        self.parts.append(text)
        self.skip_space = self.soft_end = False

    def spaces(self, count: int) -> None:
        self.budget.spend(count)  # before the spaces are made
        self.parts.append(" " * count)
        self.skip_space = self.soft_end = False

    def text(self) -> str:
        if self.soft_end:
            self.parts[-1] = self.parts[-1][:-1]
        return "".join(self.parts)


class _Builder:
    """Builds one sheet from its rows and cells as they are parsed, trimming trailing blanks."""

    def __init__(
        self,
        file: str,
        name: str,
        budget: _Budget,
        known: dict[tuple[str, str | None, str | None, str | None], Cell],
    ) -> None:
        self.file = file
        self.name = name
        self.budget = budget
        self.known = known  # the cells read so far, by content, shared by the sheets of a read
        self.rows: list[tuple[Cell, ...]] = []
        self.blank_rows = 0  # blank rows read but not yet added: dropped if nothing follows
        self.filled = 0  # cells in the rows added so far
        self.row_repeat = 1
        self.cells: list[Cell] = []  # the row being read
        self.blanks = 0  # its empty cells read but not yet added: dropped if nothing follows
        self.cell_repeat = 1
        self.cell_attributes: Mapping[str, str] = {}
        self.texts: list[str] = []  # the paragraphs of the cell being read

    def number(self) -> int:
        """The 1-based number of the row being read."""
        return len(self.rows) + self.blank_rows + 1

    def column(self) -> int:
        """The 0-based index of the cell being read."""
        return len(self.cells) + self.blanks

    def bad(self, bad: _BadAttribute, *, cell: bool = True) -> FileFormatError:
        """The error for an unreadable attribute of (or in) the current cell or row."""
        return FileFormatError(
            self.file,
            bad.attribute,
            bad.value,
            bad.expected,
            sheet=self.name,
            row=self.number(),
            column=column_letter(self.column()) if cell else None,
        )

    def begin_row(self, attributes: Mapping[str, str]) -> None:
        try:
            self.row_repeat = _count(attributes, _ROWS_REPEATED, "table:number-rows-repeated")
        except _BadAttribute as bad:
            raise self.bad(bad, cell=False) from None

    def begin_cell(self, attributes: Mapping[str, str]) -> None:
        self.cell_attributes = attributes
        self.cell_repeat = 1
        if attributes:
            try:
                self.cell_repeat = _count(
                    attributes, _COLUMNS_REPEATED, "table:number-columns-repeated"
                )
            except _BadAttribute as bad:
                raise self.bad(bad) from None

    def end_cell(self) -> None:
        """The end of a cell: add it (or count it as blank), repeated as it says."""
        attributes = self.cell_attributes
        repeat = self.cell_repeat
        texts = self.texts
        if not texts and not attributes:
            self.blanks += repeat
            return
        value_type = attributes.get(_VALUE_TYPE)
        formula = attributes.get(_FORMULA)
        attribute = _VALUE_ATTRIBUTE.get(value_type) if value_type else None
        value = attributes.get(attribute) if attribute else None
        text = ""
        if texts:
            text = "\n".join(texts)
            self.texts = []
        if not text and value is None and formula is None:
            self.blanks += repeat
            return
        column = len(self.cells) + self.blanks
        if column + repeat > MAX_COLUMNS:
            raise _limit(
                self.file,
                "columns",
                column + repeat,
                MAX_COLUMNS,
                "columns",
                "MAX_COLUMNS",
                sheet=self.name,
                row=self.number(),
            )
        key = (text, value, value_type, formula)
        cell = self.known.get(key)
        if cell is None:  # a new cell (equal cells share one record, as repeated cells do)
            if value is not None or formula is not None:
                try:
                    self.budget.spend(len(value or "") + len(formula or ""))
                except _Exceeded as exceeded:
                    exceeded.column = column_letter(column)
                    raise
            cell = self.known[key] = Cell(text, value, value_type, formula)
        self.cells.extend([EMPTY_CELL] * self.blanks)
        self.cells.extend([cell] * repeat)
        self.blanks = 0

    def end_row(self) -> None:
        """The end of a row: add it (or count it as blank), repeated as it says."""
        number = self.number()
        repeat = self.row_repeat
        cells = tuple(self.cells)
        self.cells = []
        self.blanks = 0
        if not cells:
            self.blank_rows += repeat
            return
        self.filled += len(cells) * repeat
        if number - 1 + repeat > MAX_ROWS:
            raise _limit(
                self.file,
                "rows",
                number - 1 + repeat,
                MAX_ROWS,
                "rows",
                "MAX_ROWS",
                sheet=self.name,
                row=number,
            )
        if self.filled > MAX_CELLS:
            raise _limit(
                self.file,
                "cells",
                self.filled,
                MAX_CELLS,
                "cells (empty cells within rows and repeated rows counted)",
                "MAX_CELLS",
                sheet=self.name,
                row=number,
            )
        self.rows.extend([()] * self.blank_rows)
        self.rows.extend([cells] * repeat)
        self.blank_rows = 0

    def sheet(self) -> Sheet:
        return Sheet(self.file, self.name, tuple(self.rows))


def _sheet_from_table(file: str, name: str, table: ET.Element) -> Sheet:
    """Read the rows of an already parsed ``table:table`` element (for comparisons): its
    elements and text are replayed, in document order, to the callbacks the parser calls."""
    events = _Events(file, lambda _: True)
    events.start("w", {})
    # Each entry: the children still to replay, and the element whose end and tail follow them.
    stack: list[tuple[Iterator[ET.Element], ET.Element]] = [(iter(table), table)]
    events.start(table.tag, {_TABLE_NAME: name})
    if table.text:
        events.data(table.text)
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            events.end(owner.tag)
            if owner.tail and stack:
                events.data(owner.tail)
            continue
        events.start(child.tag, dict(child.attrib))
        if child.text:
            events.data(child.text)
        stack.append((iter(child), child))
    return events.sheets[0]


# --- Public reading functions ------------------------------------------------------------------


def _nothing(name: str) -> bool:
    return False


def sheet_names(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The names of the sheets of the ODS file at ``path``, in the file's order.

    Raises:
        FileFormatError: the file is missing or unreadable, not a zip, damaged, has no
            ``content.xml``, its XML is malformed, or it breaks one of the reader's limits.
    """
    return _scan(path, _nothing).names


def read_sheets(path: str | os.PathLike[str], names: Iterable[str]) -> dict[str, Sheet]:
    """Read the sheets called ``names`` (exact names) from the ODS file at ``path``.

    ``content.xml`` is inflated once and only the named sheets are parsed. A ``str`` passed
    as ``names`` is taken as one name.

    Returns:
        Each name mapped to its :class:`Sheet`, in the order asked.

    Raises:
        FileFormatError: a sheet is missing (the message lists the sheets that exist), or the
            file cannot be read as :func:`sheet_names` describes.
    """
    wanted = [names] if isinstance(names, str) else list(names)
    asked = frozenset(wanted)
    found = _scan(path, asked.__contains__)
    missing = [name for name in wanted if name not in found.names]
    if missing:
        raise FileFormatError(
            found.file,
            "sheet",
            missing[0] if len(missing) == 1 else missing,
            f"one of the file's sheets {found.names!r}",
        )
    return {name: found.sheet(name) for name in dict.fromkeys(wanted)}


def _describe(pattern: SheetPattern) -> str:
    if isinstance(pattern, str):
        return pattern
    if isinstance(pattern, re.Pattern):
        return pattern.pattern
    return getattr(pattern, "__name__", repr(pattern))


def _matcher(key: str, pattern: SheetPattern) -> Callable[[str], bool]:
    if isinstance(pattern, str):
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise ValidationError(key, pattern, "a valid regular expression", str(error)) from None
        return lambda name: compiled.fullmatch(name) is not None
    if isinstance(pattern, re.Pattern):
        return lambda name: pattern.fullmatch(name) is not None
    if callable(pattern):
        return pattern
    raise ValidationError(key, pattern, "a regular expression or a predicate on sheet names")


_Choices: TypeAlias = "list[tuple[str, Callable[[str], bool]]]"


def _choose(content: _Scan, choices: _Choices) -> str:
    for described, matches_name in choices:
        matches = [name for name in content.names if matches_name(name)]
        if len(matches) > 1:
            raise FileFormatError(
                content.file,
                "sheet",
                matches,
                f"one sheet matching {described!r}",
                "the pattern matches several sheets",
            )
        if matches:
            return matches[0]
    raise FileFormatError(
        content.file,
        "sheet",
        [described for described, _ in choices],
        "a sheet whose name matches one of the patterns",
        f"the file's sheets are {content.names!r}",
    )


def find_sheets(
    path: str | os.PathLike[str], patterns: Mapping[str, Sequence[SheetPattern]]
) -> dict[str, Sheet]:
    """Read several sheets chosen by name patterns, decompressing the file once.

    Args:
        path: the ODS file.
        patterns: for each key of the caller's choosing, patterns tried in order (see
            :data:`SheetPattern`); the first pattern that matches a sheet chooses it.

    Returns:
        Each key mapped to its sheet.

    Raises:
        FileFormatError: no pattern of a key matches a sheet (the message names the patterns
            and the sheets that exist), a pattern matches several sheets, or the file cannot
            be read.
        ValidationError: a key has no patterns, or a pattern is not a valid regular
            expression or predicate (checked before the file is opened).
    """
    choices: dict[str, _Choices] = {}
    for key, given in patterns.items():
        if isinstance(given, str | re.Pattern) or not given:
            raise ValidationError(key, given, "a sequence of one or more sheet patterns")
        choices[key] = [(_describe(pattern), _matcher(key, pattern)) for pattern in given]
    matchers = [matches for key_choices in choices.values() for _, matches in key_choices]
    found = _scan(path, lambda name: any(matches(name) for matches in matchers))
    chosen = {key: _choose(found, key_choices) for key, key_choices in choices.items()}
    return {key: found.sheet(name) for key, name in chosen.items()}


def find_sheet(path: str | os.PathLike[str], *patterns: SheetPattern) -> Sheet:
    """Read the sheet whose name matches the first of ``patterns`` that matches any sheet.

    For editions that rename a sheet: ``find_sheet(path, "Inspections_31_March_2024",
    r"Inspections_(as_at_)?31_March(_\\d{4})?")``. A ``str`` is a regular expression that must
    match the whole name, ignoring case.

    Raises:
        FileFormatError: as :func:`find_sheets`.
        ValidationError: no pattern was given, or one is not a valid regular expression.
    """
    return find_sheets(path, {"sheet": patterns})["sheet"]


# --- Headings ----------------------------------------------------------------------------------

# Typographic characters read as their plain forms in headings.
_PLAIN: Final = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_FOOTNOTE: Final = re.compile(r"\s*\[[^\[\]]*\]$")


@functools.lru_cache(maxsize=8192)
def normalise_heading(text: str) -> str:
    """A heading as :func:`find_header` compares it.

    NFKC-normalised (non-breaking spaces become spaces), curly quotes and en/em dashes made
    plain, every run of white space (line breaks included) made one space, trimmed, case-folded,
    and trailing footnote marks in square brackets (``"[note 3]"``, ``"[x]"``) removed.

    >>> normalise_heading("Overall\\u00a0effectiveness\\n[note 3] [x] ")
    'overall effectiveness'
    >>> normalise_heading(" First SIF Overall Judgement\\n(OE)")
    'first sif overall judgement (oe)'
    """
    text = unicodedata.normalize("NFKC", text).translate(_PLAIN)
    text = " ".join(text.split()).casefold()
    while True:
        shorter = _FOOTNOTE.sub("", text)
        if shorter == text:
            return text
        text = shorter


@attrs.frozen
class _Spelling:
    text: str
    prefix: bool

    def matches(self, heading: str) -> bool:
        return heading.startswith(self.text) if self.prefix else heading == self.text

    def __str__(self) -> str:
        return self.text + ("*" if self.prefix else "")


def _spellings(fields: Mapping[str, Sequence[str]], argument: str) -> dict[str, list[_Spelling]]:
    compiled: dict[str, list[_Spelling]] = {}
    for field, spellings in fields.items():
        if isinstance(spellings, str):
            spellings = [spellings]
        compiled[field] = []
        for spelling in spellings:
            prefix = spelling.endswith("*")
            text = normalise_heading(spelling[:-1] if prefix else spelling)
            if not text:
                raise ValidationError(argument, spelling, "a heading spelling with some text")
            compiled[field].append(_Spelling(text, prefix))
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
                    [f"{column_letter(c)}: {headings[c]!r}" for c in columns],
                    "exactly one column for the field",
                    f"its spellings {[str(s) for s in {**needed, **wanted}[field]]} match several",
                    sheet=sheet.name,
                    row=index + 1,
                )
        mapping = {field: columns[0] for field, columns in found.items() if columns}
        end = _table_end(sheet.rows, index, headings)
        return HeaderMap(sheet.file, sheet.name, index, end, headings, mapping)
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
        f"the closest, row {index + 1}, has {[h for h in headings if h]}",
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

"""Read sheets of OpenDocument spreadsheets (``.ods``) with the standard library only.

An ``.ods`` file is a zip archive whose ``content.xml`` holds every sheet as a
``<table:table table:name="...">`` element. Ofsted's 2023 data file has a 40 MB
``content.xml`` of which ``ilacs`` needs two small sheets, so this module never parses the
whole document: it decompresses ``content.xml``, finds the start and end tags of the top-level
tables with a byte search, and parses only the slices of the sheets asked for (wrapped in an
element that carries the document's namespace declarations). Reading any of Ofsted's files takes
well under a second (see ``benchmarks/ods.py``).

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

Limits (said once here): the byte search assumes the table tags are not hidden inside XML
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
from typing import Final, TypeAlias

import attrs

from ilacs.errors import FileFormatError, OutOfRangeError, ParseError, ValidationError

__all__ = [
    "EMPTY_CELL",
    "HEADER_SEARCH_ROWS",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_CONTENT_BYTES",
    "MAX_ROWS",
    "MAX_SPACES",
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

MAX_COLUMNS: Final = 16_384
"""Most columns a sheet may fill: LibreOffice's and Excel's limit (column ``XFD``). Guards memory
against a hostile file that repeats a non-empty cell without end."""

MAX_ROWS: Final = 1_048_576
"""Most rows a sheet may fill: LibreOffice's and Excel's limit (2**20)."""

MAX_CELLS: Final = 1 << 24
"""Most cells (empty ones within rows included) a sheet may expand to: 16.7 million, hundreds of
times Ofsted's largest sheet. Guards memory against a small file of many wide repeated rows."""

MAX_SPACES: Final = 32_767
"""Most spaces one ``text:s`` may stand for: a whole cell's text in Excel (32,767 characters)."""

MAX_CONTENT_BYTES: Final = 512 * 1024 * 1024
"""Largest ``content.xml`` read (decompressed), far above Ofsted's 40 MB; guards against zip bombs."""

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


def _read_content(file: str, path: str | os.PathLike[str]) -> bytes:
    """Decompress ``content.xml``, turning every failure into a :class:`FileFormatError`."""
    expected = "an OpenDocument spreadsheet (a zip archive holding content.xml)"
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.namelist()
            mimetype = archive.read("mimetype") if "mimetype" in members else None
            if mimetype is not None and mimetype.strip() != ODS_MIMETYPE.encode():
                found = mimetype.decode("utf-8", "replace")
                raise FileFormatError(file, "mimetype", found, ODS_MIMETYPE)
            if "content.xml" not in members:
                raise FileFormatError(
                    file, "content.xml", tuple(members), "a member named content.xml"
                )
            size = archive.getinfo("content.xml").file_size
            if size > MAX_CONTENT_BYTES:
                raise FileFormatError(
                    file, "content.xml", f"{size} bytes", f"at most {MAX_CONTENT_BYTES} bytes"
                )
            return archive.read("content.xml")
    except FileFormatError:
        raise
    except OSError as error:
        raise FileFormatError(
            file, "file", file, "a readable file", f"{type(error).__name__}: {error}"
        ) from error
    except _ARCHIVE_ERRORS as error:
        raise FileFormatError(
            file, "file", f"{type(error).__name__}: {error}", expected, "not a zip or damaged"
        ) from error


# --- Locating sheets in content.xml ------------------------------------------------------------

_PROLOG = re.compile(
    rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*", re.DOTALL | re.IGNORECASE
)
_ATTRIBUTES = rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>"""
_START_TAG = re.compile(rb"<([^\s/>!?]+)" + _ATTRIBUTES)
_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


@attrs.frozen
class _Span:
    name: str
    start: int
    end: int


@attrs.frozen
class _Content:
    """A decompressed ``content.xml`` and where its top-level tables are."""

    file: str
    data: bytes
    root_attributes: bytes  # the root's attributes, namespace declarations included
    spans: tuple[_Span, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(span.name for span in self.spans)

    def span(self, name: str) -> _Span:
        found = [span for span in self.spans if span.name == name]
        if len(found) != 1:
            expected = f"one of the file's sheets {self.names!r}"
            detail = "the file has two sheets of that name" if found else None
            raise FileFormatError(self.file, "sheet", name, expected, detail)
        return found[0]


def _malformed(file: str, error: Exception, sheet: str | None = None) -> FileFormatError:
    return FileFormatError(file, "content.xml", str(error), "well-formed XML", sheet=sheet)


def _load(path: str | os.PathLike[str]) -> _Content:
    file = os.fspath(path)
    return _locate(file, _read_content(file, path))


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


def _locate(file: str, data: bytes) -> _Content:
    """Find the root element's namespaces and the span of every top-level table."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(file, "content.xml", "UTF-16", "UTF-8 encoded XML")
    begin = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    declared = _ENCODING.match(data, begin)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise FileFormatError(file, "content.xml", declared.group(1).decode(), "UTF-8 encoded XML")
    prolog = _PROLOG.match(data, begin)
    root = _START_TAG.match(data, prolog.end() if prolog else begin)
    if root is None or root.group(3):
        raise _malformed(file, ValueError("no root element with content"))
    attributes = root.group(2)
    name, prefixes = _root_namespaces(file, b"<" + root.group(1) + attributes + b"/>")
    if name != _O + "document-content":
        raise FileFormatError(file, "content.xml", name, "an office:document-content root element")
    table_prefix = prefixes.get(_TABLE_NS)
    if table_prefix is None:  # no table namespace, so no sheets
        return _Content(file, data, attributes, ())
    qname = (table_prefix + ":" if table_prefix else "").encode() + b"table"
    spans = _spans(file, data, root.end(), qname, attributes)
    return _Content(file, data, attributes, spans)


def _spans(
    file: str, data: bytes, begin: int, qname: bytes, attributes: bytes
) -> tuple[_Span, ...]:
    """Pair the table start and end tags; return the spans of the outermost tables."""
    starts = re.compile(b"<" + re.escape(qname) + _ATTRIBUTES)
    ends = re.compile(b"</" + re.escape(qname) + rb"\s*>")
    # (where the tag begins, the start tag's match or None for an end tag, where the tag ends)
    events: list[tuple[int, re.Match[bytes] | None, int]] = [
        (match.start(), match, match.end()) for match in starts.finditer(data, begin)
    ]
    events.extend((match.start(), None, match.end()) for match in ends.finditer(data, begin))
    events.sort(key=lambda event: event[0])

    def name(start: re.Match[bytes]) -> str:
        # Let a real XML parser unescape the name: wrap the tag with the root's declarations.
        tag = b"<" + qname + start.group(1) + b"/>"
        try:
            element = ET.fromstring(b"<w" + attributes + b">" + tag + b"</w>")[0]
        except ET.ParseError as error:
            raise _malformed(file, error) from error
        return element.get(_TABLE_NAME, "")

    spans: list[_Span] = []
    open_tags: list[re.Match[bytes]] = []
    for position, start, after in events:
        if start is not None:
            if not start.group(2):
                open_tags.append(start)
            elif not open_tags:  # an empty sheet: <table:table .../>
                spans.append(_Span(name(start), start.start(), start.end()))
            continue
        if not open_tags:
            raise _malformed(
                file, ValueError(f"a table end tag without a start at byte {position}")
            )
        outer = open_tags.pop()
        if not open_tags:
            spans.append(_Span(name(outer), outer.start(), after))
    if open_tags:
        unclosed = name(open_tags[0])
        raise _malformed(file, ValueError(f"the sheet {unclosed!r} is not closed"), unclosed)
    return tuple(spans)


# --- Parsing one sheet -------------------------------------------------------------------------


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


def _count(element: ET.Element, attribute: str, qname: str, most: int = _MAX_REPEAT) -> int:
    raw = element.get(attribute)
    if raw is None:
        return 1
    digits = raw.strip()
    if not (
        digits.isascii() and digits.isdigit() and len(digits) <= 10 and 1 <= int(digits) <= most
    ):
        raise _BadAttribute(qname, raw, f"a whole number from 1 to {most}")
    return int(digits)


class _Paragraph:
    """Collects a paragraph's text, collapsing literal white space (ODF 1.2 part 1, 6.1.2)."""

    __slots__ = ("parts", "skip_space", "soft_end")

    _WHITE = re.compile(r"[ \t\r\n]+")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skip_space = True  # at the start of a paragraph, or after a literal space
        self.soft_end = False  # the text ends with a literal (collapsible) space

    def literal(self, text: str | None) -> None:
        if not text:
            return
        text = self._WHITE.sub(" ", text)
        if self.skip_space and text[0] == " ":
            text = text[1:]
            if not text:
                return
        self.parts.append(text)
        self.skip_space = self.soft_end = text[-1] == " "

    def hard(self, text: str) -> None:
        self.parts.append(text)
        self.skip_space = self.soft_end = False

    def text(self) -> str:
        if self.soft_end:
            self.parts[-1] = self.parts[-1][:-1]
        return "".join(self.parts)


def _inline(element: ET.Element, paragraph: _Paragraph) -> None:
    paragraph.literal(element.text)
    for child in element:
        tag = child.tag
        if tag == _SPACE:
            paragraph.hard(" " * _count(child, _SPACE_COUNT, "text:c", MAX_SPACES))
        elif tag == _TAB:
            paragraph.hard("\t")
        elif tag == _LINE_BREAK:
            paragraph.hard("\n")
        elif tag not in _NOT_TEXT and not tag.startswith(_DRAWING_NAMESPACES):
            _inline(child, paragraph)
        paragraph.literal(child.tail)


def _paragraphs(element: ET.Element, into: list[str]) -> None:
    for child in element:
        if child.tag in _PARAGRAPHS:
            paragraph = _Paragraph()
            _inline(child, paragraph)
            into.append(paragraph.text())
        elif child.tag in _BLOCK_CONTAINERS:
            _paragraphs(child, into)
        # anything else in a cell (comments, drawings, sub-tables) is not the cell's text


def _cell(element: ET.Element) -> Cell:
    value_type = element.get(_VALUE_TYPE)
    formula = element.get(_FORMULA)
    texts: list[str] = []
    if len(element):
        _paragraphs(element, texts)
    text = "\n".join(texts)
    attribute = _VALUE_ATTRIBUTE.get(value_type) if value_type else None
    value = element.get(attribute) if attribute else None
    if not text and value is None and formula is None:
        return EMPTY_CELL
    return Cell(text, value, value_type, formula)


def _row_elements(container: ET.Element) -> Iterator[ET.Element]:
    for child in container:
        if child.tag == _ROW:
            yield child
        elif child.tag in _ROW_CONTAINERS:
            yield from _row_elements(child)


def _parse_sheet(content: _Content, span: _Span) -> Sheet:
    file, name = content.file, span.name
    wrapped = b"".join(
        (b"<w", content.root_attributes, b">", content.data[span.start : span.end], b"</w>")
    )
    try:
        table = ET.fromstring(wrapped)[0]
    except ET.ParseError as error:
        raise _malformed(file, error, name) from error
    return _sheet_from_table(file, name, table)


def _sheet_from_table(file: str, name: str, table: ET.Element) -> Sheet:
    """Read the rows of a parsed ``table:table`` element."""
    rows: list[tuple[Cell, ...]] = []
    blank_rows = 0  # blank rows read but not yet added: dropped if nothing follows them
    filled = 0  # cells in the rows added so far
    for element in _row_elements(table):
        number = len(rows) + blank_rows + 1
        try:
            repeat = _count(element, _ROWS_REPEATED, "table:number-rows-repeated")
            cells = _row(file, name, number, element)
        except _BadAttribute as bad:
            raise FileFormatError(
                file, bad.attribute, bad.value, bad.expected, sheet=name, row=number
            ) from None
        if not cells:
            blank_rows += repeat
            continue
        filled += len(cells) * repeat
        if number - 1 + repeat > MAX_ROWS or filled > MAX_CELLS:
            too_many = ("rows", number - 1 + repeat, MAX_ROWS)
            if filled > MAX_CELLS:
                too_many = ("cells", filled, MAX_CELLS)
            field, count, most = too_many
            raise FileFormatError(
                file, field, count, f"at most {most} {field}", sheet=name, row=number
            )
        rows.extend([()] * blank_rows)
        rows.extend([cells] * repeat)
        blank_rows = 0
    return Sheet(file, name, tuple(rows))


def _row(file: str, sheet: str, number: int, element: ET.Element) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    blanks = 0  # empty cells read but not yet added: dropped if nothing follows them
    for child in element:
        if child.tag != _CELL and child.tag != _COVERED_CELL:
            continue
        column = len(cells) + blanks
        try:
            repeat = _count(child, _COLUMNS_REPEATED, "table:number-columns-repeated")
            cell = _cell(child) if len(child) or child.attrib else EMPTY_CELL
        except _BadAttribute as bad:
            raise FileFormatError(
                file,
                bad.attribute,
                bad.value,
                bad.expected,
                sheet=sheet,
                row=number,
                column=column_letter(column),
            ) from None
        if cell.is_empty:
            blanks += repeat
            continue
        if column + repeat > MAX_COLUMNS:
            raise FileFormatError(
                file,
                "columns",
                column + repeat,
                f"at most {MAX_COLUMNS} columns",
                sheet=sheet,
                row=number,
            )
        cells.extend([EMPTY_CELL] * blanks)
        cells.extend([cell] * repeat)
        blanks = 0
    return tuple(cells)


# --- Public reading functions ------------------------------------------------------------------


def sheet_names(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The names of the sheets of the ODS file at ``path``, in the file's order.

    Raises:
        FileFormatError: the file is missing or unreadable, not a zip, damaged, has no
            ``content.xml``, or its XML is malformed.
    """
    return _load(path).names


def read_sheets(path: str | os.PathLike[str], names: Iterable[str]) -> dict[str, Sheet]:
    """Read the sheets called ``names`` (exact names) from the ODS file at ``path``.

    ``content.xml`` is decompressed once and only the named sheets are parsed. A ``str`` passed
    as ``names`` is taken as one name.

    Returns:
        Each name mapped to its :class:`Sheet`, in the order asked.

    Raises:
        FileFormatError: a sheet is missing (the message lists the sheets that exist), or the
            file cannot be read as :func:`sheet_names` describes.
    """
    wanted = [names] if isinstance(names, str) else list(names)
    content = _load(path)
    missing = [name for name in wanted if name not in content.names]
    if missing:
        raise FileFormatError(
            content.file,
            "sheet",
            missing[0] if len(missing) == 1 else missing,
            f"one of the file's sheets {content.names!r}",
        )
    return {name: _parse_sheet(content, content.span(name)) for name in dict.fromkeys(wanted)}


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


def _choose(content: _Content, choices: _Choices) -> str:
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
    content = _load(path)
    chosen = {key: _choose(content, key_choices) for key, key_choices in choices.items()}
    return {key: _parse_sheet(content, content.span(name)) for key, name in chosen.items()}


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
    keys = [(column, heading) for column, heading in enumerate(headings) if heading]
    needed = min(2, len(keys))
    if not needed:
        return len(rows)
    for index in range(header + 1, len(rows)):
        cells = rows[index]
        repeats = 0
        for column, heading in keys:
            if column < len(cells) and cells[column].text:
                repeats += normalise_heading(cells[column].text) == heading
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

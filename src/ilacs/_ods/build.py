"""Building sheets from the XML parser's events, within the reader's limits (see :mod:`ilacs._ods`).

The parser (:mod:`ilacs._ods.content`) calls :class:`Events` for each element's start and end
and each piece of text of the sheets read; it follows the open elements by their role and builds
the rows of each wanted sheet (:class:`Builder`), keeping nothing else. No function calls
itself, so neither deep nesting nor many elements can exhaust the stack or memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

from ilacs._ods.sheets import EMPTY_CELL, Cell, Sheet, column_letter
from ilacs.errors import FileFormatError

__all__ = ["Events", "Exceeded"]  # and the limits, which ilacs._ods exports

# The reader's limits, here together (and read here when an error is made, so that a test may
# lower one). A file that breaks one is refused with a FileFormatError naming the file, the
# sheet and row where known, and the limit. Together they keep any file of up to 10 MB to about
# two seconds and 200 MB of memory (see benchmarks/ods.py); each is many times what Ofsted's
# files need (the largest, the 2023 underlying data, is quoted below as "the 2023 file").

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


OFFICE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_DRAWING_NAMESPACES: Final = (
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}",
    "{urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0}",
)

_T = "{" + TABLE_NS + "}"
_X = "{" + _TEXT_NS + "}"
_O = "{" + OFFICE_NS + "}"

_TABLE_NAME: Final = _T + "name"
_ROW: Final = _T + "table-row"
_CELL: Final = _T + "table-cell"
_COVERED_CELL: Final = _T + "covered-table-cell"
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
_TAB: Final = _X + "tab"
_LINE_BREAK: Final = _X + "line-break"
# Character data not part of a paragraph's text (OpenDocument 1.2 part 1, section 6.1.1).
_NOT_TEXT: Final = frozenset({_X + "note-body", _X + "ruby-text", _O + "annotation"})


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


class Events:
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
            found = f"more than {MAX_DEPTH} levels"
            raise Exceeded("MAX_DEPTH", "depth", found, "levels of nested elements in a sheet")
        self.elements -= 1
        if self.elements < 0:
            found = f"more than {MAX_ELEMENTS:,}"
            raise Exceeded("MAX_ELEMENTS", "elements", found, "XML elements in the sheets read")
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
            paragraph.spaces(builder.count(attributes, "text:c", MAX_SPACES))
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


class Exceeded(Exception):
    """A limit broken by ``found``; :meth:`error` places it in the file once that is known."""

    def __init__(self, name: str, field: str, found: object, unit: str) -> None:
        super().__init__(name, found)
        self.name, self.field, self.found, self.unit = name, field, found, unit
        self.row: int | None = None
        self.column: str | None = None

    def error(self, file: str, sheet: str | None = None, row: int | None = None) -> FileFormatError:
        """The error for the file, naming the limit (its value read now) and the place."""
        most = globals()[self.name]
        expected = f"at most {most:,} {self.unit}"
        detail = f"the ODS reader's limit {self.name}"
        row = self.row or row
        return FileFormatError(
            file, self.field, self.found, expected, detail, sheet=sheet, row=row, column=self.column
        )


class _Budget:
    """The characters of text one read may still make (:data:`MAX_TEXT_CHARS`)."""

    __slots__ = ("text",)

    def __init__(self) -> None:
        self.text = MAX_TEXT_CHARS

    def spend(self, characters: int) -> None:
        self.text -= characters
        if self.text < 0:
            found = f"more than {MAX_TEXT_CHARS:,} characters"
            unit = "characters of text, values and formulas in the sheets read"
            raise Exceeded("MAX_TEXT_CHARS", "text", found, unit)


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

    def count(
        self, attributes: Mapping[str, str], name: str, most: int = _MAX_REPEAT, cell: bool = True
    ) -> int:
        """The whole number of the attribute ``name`` (``"table:number-rows-repeated"``), 1
        when absent; one that is not from 1 to ``most`` is an error at its row (and cell)."""
        prefix, _, local = name.partition(":")
        raw = attributes.get((_T if prefix == "table" else _X) + local)
        if raw is None:
            return 1
        digits = raw.strip()
        if digits.isascii() and digits.isdigit() and len(digits) <= 10 and 0 < int(digits) <= most:
            return int(digits)
        column = column_letter(self.column()) if cell else None
        expected = f"a whole number from 1 to {most}"
        raise FileFormatError(
            self.file, name, raw, expected, sheet=self.name, row=self.number(), column=column
        )

    def begin_row(self, attributes: Mapping[str, str]) -> None:
        self.row_repeat = self.count(attributes, "table:number-rows-repeated", cell=False)

    def begin_cell(self, attributes: Mapping[str, str]) -> None:
        self.cell_attributes = attributes
        self.cell_repeat = self.count(attributes, "table:number-columns-repeated")

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
            raise Exceeded("MAX_COLUMNS", "columns", column + repeat, "columns")
        key = (text, value, value_type, formula)
        cell = self.known.get(key)
        if cell is None:  # a new cell (equal cells share one record, as repeated cells do)
            if value is not None or formula is not None:
                try:
                    self.budget.spend(len(value or "") + len(formula or ""))
                except Exceeded as exceeded:
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
            raise Exceeded("MAX_ROWS", "rows", number - 1 + repeat, "rows")
        if self.filled > MAX_CELLS:
            unit = "cells (empty cells within rows and repeated rows counted)"
            raise Exceeded("MAX_CELLS", "cells", self.filled, unit)
        self.rows.extend([()] * self.blank_rows)
        self.rows.extend([cells] * repeat)
        self.blank_rows = 0

    def sheet(self) -> Sheet:
        return Sheet(self.file, self.name, tuple(self.rows))

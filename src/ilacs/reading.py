"""Reading files leniently: every record that can be read, and a problem for each row that cannot.

The strict readers, :func:`ilacs.tabular.read_csv` and :func:`ilacs.ofsted.read_ofsted`, return
a ``list`` of :class:`~ilacs.records.Inspection` and raise a
:class:`~ilacs.errors.FileFormatError` at the first row they cannot read. :func:`read_lenient`
reads either kind of file and returns a :class:`ReadResult`: the records it could read and a
:class:`Problem` for each bad cell or row, so that one bad row does not stop a national run and
nothing is dropped without a problem saying so. A file that cannot be read at all (not of its
kind, a heading or sheet missing, a hostile file breaking a reader's limit) raises in both.

>>> import io
>>> text = (
...     "la_code,la_name,framework,inspection_type,start_date,end_date,publication_date,"
...     "overall,help_and_protection,children_in_care,care_leavers,leadership\\n"
...     "E06000034,Thurrock,,standard,2019-11-11,2019-11-22,2019-12-20,Good,,,,Good\\n"
...     "e06000034,Thurrock,,focused_visit,2021-06-30,,,,,,,\\n"
... )
>>> result = read_lenient(io.StringIO(text))
>>> [(record.la_code, record.type.value) for record in result.records]
[('E06000034', 'standard')]
>>> for problem in result.problems:
...     print(problem.line())
<stream>:3: la_code: got 'e06000034'; expected an English children's services
authority's ONS code in capitals: E06, E08, E09 or E10 and six digits, such as
E06000034
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO

import attrs

from ilacs.errors import FileFormatError, location
from ilacs.records import Inspection

__all__ = ["Problem", "ReadResult", "Source", "read_lenient"]

Source = str | os.PathLike[str] | IO[str] | IO[bytes]
"""A path, or a text or binary stream of CSV."""


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

    def line(self) -> str:
        """The problem in one line: ``file:row: field: message`` (``f.ods[Sheet]:4: ...``)."""
        where = self.file + (f"[{self.sheet}]" if self.sheet is not None else "")
        if self.row is not None:
            where += f":{self.row}"
        text = f"{where}: {self.field}: got {self.value!r}; {self.message}"
        return " ".join(text.split())


@attrs.frozen
class ReadResult:
    """What a lenient read found: the records it could read and a problem for each other row.

    Args:
        records: the inspections read, in the order the strict reader returns them.
        problems: a problem for each row (or cell) that could not be read, in file order.
    """

    records: tuple[Inspection, ...]
    problems: tuple[Problem, ...]

    @classmethod
    def of(cls, records: Iterable[Inspection], errors: Iterable[FileFormatError]) -> ReadResult:
        """The result of a read that found ``records`` and ``errors``."""
        return cls(tuple(records), tuple(Problem.from_error(e) for e in errors))

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


def read_lenient(source: Source) -> ReadResult:
    """Read every inspection a file holds that can be read, and a problem for each other row.

    Args:
        source: one of Ofsted's ODS files (a path ending in ``.ods``, read as
            :func:`~ilacs.ofsted.read_ofsted` reads it), or a CSV file in the library's schema
            (any other path, or a text or binary stream, read as
            :func:`~ilacs.tabular.read_csv` reads it).

    Returns:
        The records the strict reader returns for the rows that can be read, and a
        :class:`Problem` for each bad cell or row, in file order.

    Raises:
        FileFormatError: the file as a whole cannot be read (as the strict readers say).
    """
    if isinstance(source, (str, os.PathLike)) and os.fspath(source).lower().endswith(".ods"):
        from ilacs.ofsted import read_ofsted_rows

        return ReadResult.of(*read_ofsted_rows(source))
    from ilacs.tabular import read_csv_rows

    return ReadResult.of(*read_csv_rows(source))

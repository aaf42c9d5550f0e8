"""The library's exceptions: every one is a :class:`ValueError` that names what was wrong.

Each error carries the ``field`` (parameter, attribute or column) that held the bad input, the
``value`` found there and what was ``expected``, so that a tool can report it and a person can
fix it. File errors add the ``file``, ``sheet``, ``row`` and ``column``.

>>> try:
...     raise ParseError("grade", "Satisfactory", "one of Ofsted's grade wordings")
... except ValueError as error:
...     print(error)
grade: got 'Satisfactory'; expected one of Ofsted's grade wordings
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "FileFormatError",
    "IlacsError",
    "NotJudgedError",
    "OutOfRangeError",
    "ParseError",
    "ValidationError",
]


class IlacsError(ValueError):
    """Base of every error ``ilacs`` raises on bad input.

    Args:
        field: the parameter, attribute or column that held the bad input.
        value: the value found there.
        expected: what would have been accepted, in words.
        detail: an optional sentence added after the message.
    """

    def __init__(self, field: str, value: Any, expected: str, detail: str | None = None) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        self.detail = detail
        super().__init__(self._message())

    def _message(self) -> str:
        text = f"{self.field}: got {self.value!r}; expected {self.expected}"
        if self.detail:
            text += f" ({self.detail})"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.expected, self.detail))


class ParseError(IlacsError):
    """Text that cannot be read as the value it should hold (a grade, a date, a record)."""


class ValidationError(IlacsError):
    """A record whose fields are each well formed but do not fit together."""


class OutOfRangeError(IlacsError):
    """A value outside the range the rules are known for, such as a year before 1971.

    ``bound`` names the limit crossed, for example ``"1971-01-01"``.
    """

    def __init__(
        self, field: str, value: Any, expected: str, detail: str | None = None, *, bound: Any = None
    ) -> None:
        self.bound = bound
        super().__init__(field, value, expected, detail)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_out_of_range,
            (self.field, self.value, self.expected, self.detail, self.bound),
        )


def _rebuild_out_of_range(
    field: str, value: Any, expected: str, detail: str | None, bound: Any
) -> OutOfRangeError:
    return OutOfRangeError(field, value, expected, detail, bound=bound)


def location(
    file: str, sheet: str | None = None, row: int | None = None, column: int | str | None = None
) -> str:
    """Where in a file something is, in words: ``"f.ods, sheet 'S', row 4, column F"``."""
    where = [file]
    if sheet is not None:
        where.append(f"sheet {sheet!r}")
    if row is not None:
        where.append(f"row {row}")
    if column is not None:
        where.append(f"column {column}")
    return ", ".join(where)


class NotJudgedError(IlacsError, LookupError):
    """A judgement asked of an inspection that did not make it (also a :class:`LookupError`)."""


class FileFormatError(ParseError):
    """A file, sheet, row or cell that cannot be read; says where.

    Args:
        file: the path of the file.
        field: the heading or field that was wrong.
        value: the value found.
        expected: what would have been accepted.
        sheet: the sheet of a spreadsheet, if any.
        row: the 1-based row number in the file or sheet, if known.
        column: the 1-based column number or the column's letter, if known.
    """

    def __init__(
        self,
        file: str,
        field: str,
        value: Any,
        expected: str,
        detail: str | None = None,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: int | str | None = None,
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        super().__init__(field, value, expected, detail)

    def _message(self) -> str:
        return location(self.file, self.sheet, self.row, self.column) + ": " + super()._message()

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_file_error,
            (
                self.file,
                self.field,
                self.value,
                self.expected,
                self.detail,
                self.sheet,
                self.row,
                self.column,
            ),
        )


def _rebuild_file_error(
    file: str,
    field: str,
    value: Any,
    expected: str,
    detail: str | None,
    sheet: str | None,
    row: int | None,
    column: int | str | None,
) -> FileFormatError:
    return FileFormatError(
        file, field, value, expected, detail, sheet=sheet, row=row, column=column
    )

"""The library's exceptions: every one is a :class:`ValueError` that names what was wrong.

Each error carries the ``field`` (parameter, attribute or column) that held the bad input, the
``value`` found there and what was ``expected``, so that a tool can report it and a person can
fix it. File errors add the ``file``, ``sheet``, ``row`` and ``column``.

>>> try:
...     raise ParseError("grade", "Satisfactory", "one of Ofsted's grade wordings")
... except ValueError as error:
...     print(error)
grade: got 'Satisfactory'; expected one of Ofsted's grade wordings

Messages show the value as :func:`shorten` does (its ``repr``, a date as an ISO date, anything
long cut in the middle), so that a 200 KB value never makes a 200 KB message; the error keeps
the whole value in ``value``:

>>> error = ParseError("la_name", "x" * 100_000, "an LA's name")
>>> len(str(error)) < 300, len(error.value)
(True, 100000)
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Final

__all__ = [
    "MAX_SHOWN",
    "FileFormatError",
    "IlacsError",
    "NotJudgedError",
    "OutOfRangeError",
    "ParseError",
    "ValidationError",
    "shorten",
]

MAX_SHOWN: Final = 200
"""Most characters of a value an error message shows (see :func:`shorten`); the field, what was
expected and the detail are cut at five times this."""

_HUGE_INT_BITS: Final = 1_000  # about 300 digits: shown by their number of digits


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    tail = limit // 4
    head = limit - tail - 3
    return f"{text[:head]}...{text[len(text) - tail :]} [{len(text):,} characters]"


def shorten(value: Any, limit: int = MAX_SHOWN) -> str:
    """How an error message shows ``value``: at most about ``limit`` characters.

    A date (not a datetime) is its ISO date; an integer of hundreds of digits is described by
    its length (Python refuses to write one of more than 4,300 digits); anything else is its
    ``repr``, cut in the middle when longer than ``limit``, with its full length in brackets.
    A value whose ``repr`` fails (too deep, or raising) is described by its type.

    >>> shorten(dt.date(2023, 5, 9)), shorten("Good"), shorten(3)
    ('2023-05-09', "'Good'", '3')
    >>> shorten("abc" * 100, limit=40)
    "'abcabcabcabcabcabcabcabcab...abcabcabc' [302 characters]"
    >>> shorten(10**5000)
    'an integer of 5001 digits'
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        bits = value.bit_length()
        if bits > _HUGE_INT_BITS:
            digits = int(bits * math.log10(2)) + 1
            if 10 ** (digits - 1) > abs(value):  # the estimate can be one too many
                digits -= 1
            sign = "a negative" if value < 0 else "an"
            return f"{sign} integer of {digits} digits"
    try:
        text = repr(value)
    except Exception:  # too deeply nested, or a repr that raises: say what it is instead
        return f"a {type(value).__name__} that cannot be shown"
    return _cut(text, limit)


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
        longest = 5 * MAX_SHOWN
        text = (
            f"{_cut(str(self.field), longest)}: got {shorten(self.value)}; "
            f"expected {_cut(str(self.expected), longest)}"
        )
        if self.detail:
            text += f" ({_cut(str(self.detail), longest)})"
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
    where = [_cut(file, 5 * MAX_SHOWN)]
    if sheet is not None:
        where.append(f"sheet {shorten(sheet)}")
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

"""The library's errors: every message shows its value shortened, never a 200 KB repr."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs.errors import (
    MAX_SHOWN,
    FileFormatError,
    IlacsError,
    OutOfRangeError,
    ParseError,
    ValidationError,
    shorten,
)
from strategies import any_values

LONGEST_MESSAGE = 4 * 5 * MAX_SHOWN
"""A bound on any message: the value, field, expected and detail each shortened, and a place."""


def test_a_200_kb_value_is_shown_cut_in_the_middle_with_its_length() -> None:
    value = "a" * 100_000 + "b" * 100_000
    error = ParseError("la_name", value, "an LA's name")
    message = str(error)
    assert len(message) < 2 * MAX_SHOWN
    assert message.startswith("la_name: got 'aaaa")
    assert "bbb' [200,002 characters]; expected an LA's name" in message
    assert error.value == value  # the error keeps the whole value for tools


def test_a_short_value_is_its_repr() -> None:
    assert (
        str(ParseError("grade", "Goodish", "a grade")) == "grade: got 'Goodish'; expected a grade"
    )


def test_a_date_is_shown_as_an_iso_date_and_a_datetime_as_itself() -> None:
    assert "got 2023-05-09;" in str(ValidationError("start", dt.date(2023, 5, 9), "a date"))
    moment = dt.datetime(2023, 5, 9, 9, 30)
    assert "got datetime.datetime(2023, 5, 9, 9, 30);" in str(ParseError("day", moment, "a date"))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (10**5000, "an integer of 5001 digits"),
        (-(10**5000) + 1, "a negative integer of 5000 digits"),
        (2**3400, "an integer of 1024 digits"),
        (10**299, "1" + "0" * 299),  # below the threshold: written out (then cut)
    ],
    ids=["5001-digits", "negative-5000-digits", "1024-digits", "300-digits"],
)
def test_an_integer_too_long_to_write_is_described(value: int, shown: str) -> None:
    assert shorten(value, limit=10_000) == shown
    assert len(str(OutOfRangeError("n", value, "a count", bound=0))) < LONGEST_MESSAGE


def test_a_value_whose_repr_fails_is_described_by_its_type() -> None:
    nested: list[Any] = []
    for _ in range(100_000):
        nested = [nested]

    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert str(ParseError("value", nested, "a string")) == (
        "value: got a list that cannot be shown; expected a string"
    )
    assert "got a Hostile that cannot be shown" in str(ParseError("value", Hostile(), "x"))


def test_a_file_error_shortens_the_file_and_the_sheet() -> None:
    error = FileFormatError(
        "/" + "d" * 5000 + "/f.ods", "rows", 5, "at most 4", sheet="S" * 10_000, row=3, column="B"
    )
    message = str(error)
    assert len(message) < LONGEST_MESSAGE
    assert "[5,007 characters]" in message  # the file
    assert "[10,002 characters], row 3, column B: rows: got 5" in message  # the sheet


def test_expected_and_detail_are_cut_too() -> None:
    names = tuple(f"Sheet{i}" for i in range(10_000))
    error = FileFormatError(
        "f.ods", "sheet", "x", f"one of the file's sheets {names!r}", "d" * 9999
    )
    assert len(str(error)) < LONGEST_MESSAGE
    assert "one of the file's sheets ('Sheet0', 'Sheet1'" in str(error)


def test_pickling_keeps_the_whole_value() -> None:
    error = FileFormatError("f.ods", "cell", "x" * 10_000, "short text", sheet="S", row=2)
    again = pickle.loads(pickle.dumps(error))
    assert (again.value, again.sheet, again.row, str(again)) == (
        error.value,
        "S",
        2,
        str(error),
    )


@given(
    value=any_values,
    field=st.text(max_size=3000),
    expected=st.text(max_size=3000),
    detail=st.none() | st.text(max_size=3000),
)
def test_every_message_is_short_whatever_it_holds(
    value: object, field: str, expected: str, detail: str | None
) -> None:
    for error in (
        ParseError(field, value, expected, detail),
        FileFormatError(field, field, value, expected, detail, sheet=field, row=1, column="A"),
    ):
        assert isinstance(error, IlacsError)
        assert len(str(error)) < LONGEST_MESSAGE


@given(st.text(max_size=MAX_SHOWN - 2))
def test_a_short_string_is_shown_whole(text: str) -> None:
    if len(repr(text)) <= MAX_SHOWN:
        assert shorten(text) == repr(text)

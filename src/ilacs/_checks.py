"""The attrs validators the library's records share, each raising :class:`~ilacs.errors.ValidationError`.

Each factory returns a validator that names the field, the value and what was expected. A
record a caller builds by hand (an :class:`~ilacs.records.Inspection`) names the bare field
(``"la_code"``); other records name the class too (``"CycleRule.years"``): pass
``qualified=False`` for the first kind.

>>> import attrs
>>> @attrs.frozen
... class Example:
...     years: int = attrs.field(validator=count(1))
>>> Example(0)
Traceback (most recent call last):
...
ilacs.errors.ValidationError: Example.years: got 0; expected an integer of at least 1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from ilacs.errors import ValidationError

__all__ = ["count", "date_value", "day", "flag", "is_a", "text", "tuple_of"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _name(instance: object, attribute: attrs.Attribute[Any], qualified: bool) -> str:
    return f"{type(instance).__name__}.{attribute.name}" if qualified else attribute.name


def is_a(kind: type | tuple[type, ...], expected: str, *, qualified: bool = True) -> Validator:
    """The value is an instance of ``kind`` (described to the caller as ``expected``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            raise ValidationError(_name(instance, attribute, qualified), value, expected)

    return check


def flag(*, qualified: bool = True) -> Validator:
    """The value is True or False (not 1, 0 or "yes")."""
    return is_a(bool, "True or False", qualified=qualified)


def text(expected: str = "a non-empty string", *, qualified: bool = True) -> Validator:
    """The value is a string with something other than spaces in it."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(_name(instance, attribute, qualified), value, expected)

    return check


def count(minimum: int = 0, *, qualified: bool = True) -> Validator:
    """The value is an integer (not a bool) of at least ``minimum``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise ValidationError(
                _name(instance, attribute, qualified),
                value,
                f"an integer of at least {minimum}",
            )

    return check


def tuple_of(
    kind: type | tuple[type, ...], expected: str, *, non_empty: bool = False, qualified: bool = True
) -> Validator:
    """The value is a tuple of ``kind`` (``non_empty``: with at least one item)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (
            not isinstance(value, tuple)
            or (non_empty and not value)
            or not all(isinstance(item, kind) for item in value)
        ):
            raise ValidationError(_name(instance, attribute, qualified), value, expected)

    return check


def date_value(
    field: str, value: object, *, optional: bool = False, since: dt.date | None = None
) -> dt.date | None:
    """``value`` if it is a date on or after ``since`` (or None, when ``optional``), else raise.

    A ``datetime`` is refused: it is a ``date`` subclass whose time would be silently dropped.
    """
    if value is None and optional:
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(field, value, "a datetime.date" + (" or None" if optional else ""))
    if since is not None and value < since:
        raise ValidationError(field, value.isoformat(), f"a date on or after {since.isoformat()}")
    return value


def day(
    *, optional: bool = False, since: dt.date | None = None, qualified: bool = True
) -> Validator:
    """The value is a ``datetime.date`` on or after ``since`` (see :func:`date_value`)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        date_value(_name(instance, attribute, qualified), value, optional=optional, since=since)

    return check

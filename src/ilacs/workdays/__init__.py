"""Working days in England and Wales: bank holidays, and day arithmetic by index.

A *working day* is any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank
holiday in England and Wales under the Banking and Financial Dealings Act 1971: the definition in
regulation 1(2) of SI 2007/462 (:data:`WORKING_DAY_SOURCE`), which sets the clocks of Ofsted's
inspections of local authorities (publish the report within 30 working days, send the action plan
within 70).

The calendar is built from two tables of :mod:`ilacs.workdays.rules` (the data, with their
sources; every name there is importable from here too): :data:`REGULAR_RULES`, the regular
holidays and how each date is computed, and :data:`ONE_OFF_CHANGES`, the days added or moved
by royal proclamation.

Conventions:

* ``working_days_between(a, b)`` counts the working days in the half-open interval ``(a, b]``:
  ``a`` is not counted, ``b`` is. It is negative when ``b < a`` (antisymmetric), and additive:
  ``between(a, b) + between(b, c) == between(a, c)``.
* ``add_working_days(day, n)`` does not count ``day``: for ``n > 0`` it is the ``n``-th working
  day after ``day``, for ``n < 0`` the ``|n|``-th working day before it, and for ``n == 0`` it is
  ``day`` itself, whether or not ``day`` is a working day. For ``n != 0`` the result is always a
  working day, and ``working_days_between(day, add_working_days(day, n)) == n`` whenever ``day`` is
  a working day or ``n > 0``.
* Dates are :class:`datetime.date` objects; a :class:`datetime.datetime` (a subclass of ``date``)
  is refused rather than silently truncated.

Range: dates from 1 January 1971 (:data:`MIN_DATE`, the Banking and Financial Dealings Act 1971)
to 31 December 2100 (:data:`MAX_DATE`). Years after the latest published list are *projected*
from the regular rules: a one-off holiday (a jubilee, a wedding, a funeral) is only known once
proclaimed, so far-future answers are forecasts. Outside the range,
:class:`~ilacs.errors.OutOfRangeError` names the bound crossed.

Cost: the weekday holidays of the whole range are computed once, on first use, into a sorted
tuple; every call is then week arithmetic plus a binary search (``bisect``), so adding 10,000
working days costs the same as adding 10.

>>> import datetime as dt
>>> add_working_days(dt.date(2023, 5, 9), 70)  # Stockton's report: plan due 70 days on
datetime.date(2023, 8, 16)
>>> working_days_between(dt.date(2022, 12, 23), dt.date(2022, 12, 30))  # 26, 27 Dec off
3
>>> is_working_day(dt.date(2022, 9, 19))  # state funeral of Queen Elizabeth II
False
>>> [d.isoformat() for d in bank_holidays(2020)][3]
'2020-05-08'
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
from typing import Final

import attrs

from ilacs.catalogue import refs
from ilacs.errors import OutOfRangeError, ParseError, shorten
from ilacs.workdays.rules import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_DATE,
    MIN_DATE,
    ONE_OFF_CHANGES,
    RANGE_TEXT,
    REGULAR_RULES,
    SUBSTITUTE_SUFFIX,
    WEEKEND,
    WORKING_DAY_SOURCE,
    Anchor,
    BankHoliday,
    ChangeKind,
    HolidayChange,
    HolidayRule,
    RegularHoliday,
    in_range,
)

__all__ = [
    "FIRST_YEAR",
    "HOLIDAYS_FILE",
    "LAST_YEAR",
    "MAX_DATE",
    "MIN_DATE",
    "ONE_OFF_CHANGES",
    "REGULAR_RULES",
    "WORKING_DAY_SOURCE",
    "Anchor",
    "BankHoliday",
    "ChangeKind",
    "HolidayChange",
    "HolidayRule",
    "RegularHoliday",
    "add_working_days",
    "bank_holiday_calendar",
    "bank_holidays",
    "is_working_day",
    "weekday_holidays",
    "working_days_between",
]

_DAYS_PER_WEEK: Final = 7
_WEEKDAYS_PER_WEEK: Final = 5
_EPOCH: Final = dt.date(1970, 12, 28)
"""A Monday on or before :data:`MIN_DATE`: the origin of the weekday count used by the index."""


# --------------------------------------------------------------------------------------------
# The days off of a year
# --------------------------------------------------------------------------------------------


def _check_date(field: str, value: object) -> dt.date:
    """Return ``value`` if it is a date in range, else raise an error naming ``field``."""
    if isinstance(value, dt.datetime):
        raise ParseError(
            field, value, "a datetime.date, not a datetime", "pass value.date() to drop the time"
        )
    if not isinstance(value, dt.date):
        raise ParseError(field, value, "a datetime.date")
    if MIN_DATE <= value <= MAX_DATE:  # the usual case, without a call
        return value
    return in_range(field, value, MIN_DATE, MAX_DATE, RANGE_TEXT)


def _check_int(field: str, value: object) -> int:
    """Return ``value`` if it is an int (not a bool), else raise :class:`ParseError`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(field, value, "an int (not a bool)")
    return value


def _check_year(field: str, value: object) -> int:
    expected = f"a year from {FIRST_YEAR} to {LAST_YEAR}"
    return in_range(field, _check_int(field, value), FIRST_YEAR, LAST_YEAR, expected)


@functools.cache
def _calendar(year: int) -> tuple[BankHoliday, ...]:
    """The calendar of a year already checked to be in range (cached: records are immutable)."""
    changes = [c for c in ONE_OFF_CHANGES if c.year == year]
    moved = {c.moves: c for c in changes if c.kind is ChangeKind.MOVED}
    fixed: list[BankHoliday] = []
    on_weekend: list[tuple[dt.date, HolidayRule]] = []
    for rule in REGULAR_RULES:
        if year < rule.first_year:
            continue
        change = moved.get(rule.holiday)
        if change is not None:
            fixed.append(
                BankHoliday(
                    change.date,
                    change.name,
                    change.source,
                    rule.holiday,
                    uncertain=change.uncertain,
                )
            )
            continue
        day = rule.date_in(year)
        if rule.substitute and day.weekday() in WEEKEND:
            on_weekend.append((day, rule))
        else:
            fixed.append(BankHoliday(day, rule.holiday.value, rule.source, rule.holiday))
    fixed.extend(
        BankHoliday(c.date, c.name, c.source, uncertain=c.uncertain)
        for c in changes
        if c.kind is ChangeKind.ADDED
    )
    taken = {h.date for h in fixed}
    for day, rule in sorted(on_weekend, key=lambda pair: pair[0]):
        # The next weekday not already a holiday: at most a few days on, never a loop over a span.
        substitute = day + dt.timedelta(days=1)
        while substitute.weekday() in WEEKEND or substitute in taken:
            substitute += dt.timedelta(days=1)
        taken.add(substitute)
        fixed.append(
            BankHoliday(
                substitute,
                rule.holiday.value + SUBSTITUTE_SUFFIX,
                refs.SUBSTITUTE_DAYS,
                rule.holiday,
                substitute=True,
            )
        )
    return tuple(sorted(fixed, key=lambda h: h.date))


def bank_holiday_calendar(year: int) -> tuple[BankHoliday, ...]:
    """The bank holidays of England and Wales in ``year``, as records with names and sources.

    Includes Christmas Day and Good Friday (not bank holidays in law, but never working days)
    and one-off days by proclamation. Like gov.uk's list, it holds the days off: a holiday
    falling on a weekend is replaced by its substitute weekday, so every date is a weekday.
    Years after the latest proclamation are projected from the regular rules.

    Args:
        year: a year from 1971 to 2100.

    Returns:
        The records, sorted by date.

    Raises:
        ParseError: ``year`` is not an int (or is a bool).
        OutOfRangeError: ``year`` is before 1971 or after 2100 (``bound`` says which).

    >>> for h in bank_holiday_calendar(2022)[-2:]:
    ...     print(h.date, h.name)
    2022-12-26 Boxing Day
    2022-12-27 Christmas Day (substitute day)
    """
    return _calendar(_check_year("year", year))


def bank_holidays(year: int) -> tuple[dt.date, ...]:
    """The dates of the bank holidays of England and Wales in ``year``, sorted.

    The dates of :func:`bank_holiday_calendar` (which see), including one-off days.

    Args:
        year: a year from 1971 to 2100.

    Returns:
        The dates, sorted and unique, all weekdays in ``year``.

    Raises:
        ParseError: ``year`` is not an int (or is a bool).
        OutOfRangeError: ``year`` is before 1971 or after 2100.

    >>> len(bank_holidays(2022)), bank_holidays(2022)[-1]
    (10, datetime.date(2022, 12, 27))
    """
    return tuple(h.date for h in bank_holiday_calendar(year))


# --------------------------------------------------------------------------------------------
# The index: week arithmetic and bisect over the weekday holidays of the whole range
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Index:
    holidays: tuple[dt.date, ...]
    """Weekday holidays from MIN_DATE to MAX_DATE, sorted."""
    thresholds: tuple[int, ...]
    """For holiday i: its weekday number minus i. The working day numbered k falls after holiday
    i exactly when thresholds[i] <= k, so bisect gives the holidays to skip."""


def _weekday_number(day: dt.date) -> int:
    """The number of weekdays (Monday to Friday) from _EPOCH to ``day``, both included."""
    weeks, rest = divmod((day - _EPOCH).days, _DAYS_PER_WEEK)
    return weeks * _WEEKDAYS_PER_WEEK + min(rest + 1, _WEEKDAYS_PER_WEEK)


def _weekday_at(number: int) -> dt.date:
    """The weekday whose :func:`_weekday_number` is ``number`` (1 is _EPOCH)."""
    weeks, rest = divmod(number - 1, _WEEKDAYS_PER_WEEK)
    return _EPOCH + dt.timedelta(days=weeks * _DAYS_PER_WEEK + rest)


HOLIDAYS_FILE: Final = os.path.join(os.path.dirname(__file__), "holidays.txt")
"""The weekday holidays of the whole range, one ISO date a line, written from the rules by
``tools/holidays.py`` (a test checks it equals :func:`weekday_holidays`): reading it is faster
than working 130 years out on the first working-day sum."""


def weekday_holidays() -> tuple[dt.date, ...]:
    """The holidays of 1971 to 2100 that fall on weekdays, sorted, worked out from the rules."""
    return tuple(
        h.date
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
        for h in _calendar(year)
        if h.date.weekday() not in WEEKEND
    )


@functools.cache
def _index() -> _Index:
    """The sorted weekday holidays of the whole range (from :data:`HOLIDAYS_FILE`), once."""
    with open(HOLIDAYS_FILE, encoding="utf-8") as file:
        holidays = tuple(dt.date.fromisoformat(line) for line in file.read().split())
    thresholds = tuple(_weekday_number(day) - i for i, day in enumerate(holidays))
    return _Index(holidays, thresholds)


def _working_number(day: dt.date) -> int:
    """The number of working days from _EPOCH to ``day``, both included (for in-range days)."""
    return _weekday_number(day) - bisect.bisect_right(_index().holidays, day)


def _is_working(day: dt.date) -> bool:
    if day.weekday() in WEEKEND:
        return False
    holidays = _index().holidays
    i = bisect.bisect_left(holidays, day)
    return i == len(holidays) or holidays[i] != day


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a working day in England and Wales.

    Not a Saturday, Sunday, Christmas Day, Good Friday or bank holiday (SI 2007/462).

    Args:
        day: a date from 1971-01-01 to 2100-12-31.

    Raises:
        ParseError: ``day`` is not a ``datetime.date`` (a ``datetime`` is refused).
        OutOfRangeError: ``day`` is outside the range.

    >>> is_working_day(dt.date(2023, 5, 8)), is_working_day(dt.date(2023, 5, 9))
    (False, True)
    """
    return _is_working(_check_date("day", day))


def working_days_between(a: dt.date, b: dt.date) -> int:
    """The number of working days in ``(a, b]``: after ``a``, up to and including ``b``.

    Negative when ``b < a`` (``-working_days_between(b, a)``) and zero when ``a == b``; additive:
    ``between(a, b) + between(b, c) == between(a, c)``. Costs the same for any span.

    Args:
        a: the start, not counted; a date from 1971-01-01 to 2100-12-31.
        b: the end, counted; a date in the same range.

    Raises:
        ParseError: ``a`` or ``b`` is not a ``datetime.date`` (a ``datetime`` is refused).
        OutOfRangeError: ``a`` or ``b`` is outside the range.

    >>> working_days_between(dt.date(2023, 5, 9), dt.date(2023, 8, 16))
    70
    >>> working_days_between(dt.date(2023, 8, 16), dt.date(2023, 5, 9))
    -70
    """
    start = _check_date("a", a)
    end = _check_date("b", b)
    return _working_number(end) - _working_number(start)


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The date ``n`` working days after ``day`` (before it if ``n < 0``); ``day`` is not counted.

    For ``n > 0``, the ``n``-th working day after ``day``; for ``n < 0``, the ``|n|``-th working
    day before it (so from a Saturday, ``-1`` gives the Friday); for ``n == 0``, ``day`` itself,
    even when ``day`` is not a working day. The result of ``n != 0`` is a working day, and
    ``working_days_between(day, result) == n`` when ``day`` is a working day or ``n > 0``.
    Costs the same for any ``n``.

    Args:
        day: the start, not counted; a date from 1971-01-01 to 2100-12-31.
        n: the number of working days, an int (not a bool).

    Raises:
        ParseError: ``day`` is not a ``datetime.date`` or ``n`` is not an int.
        OutOfRangeError: ``day`` is outside the range (field ``day``), or the result would be
            (field ``n``, with the bound crossed).

    >>> add_working_days(dt.date(2022, 12, 23), 1)  # 25 Dec a Sunday; 26, 27 off
    datetime.date(2022, 12, 28)
    >>> add_working_days(dt.date(2022, 12, 24), -1)  # a Saturday: the Friday before
    datetime.date(2022, 12, 23)
    """
    start = _check_date("day", day)
    count = _check_int("n", n)
    if count == 0:
        return start
    target = _working_number(start) + count
    if count < 0 and not _is_working(start):
        # ``start`` itself is not counted: the working day before it is the first step back.
        target += 1
    # Past the last working day of the range no date is computed: a count of millions would
    # overflow datetime.date (year 9999) before it could be compared.
    if target > _working_number(MAX_DATE):
        raise OutOfRangeError(
            "n",
            count,
            f"a count keeping the result on or before {MAX_DATE.isoformat()}",
            f"{shorten(count)} working days from {start.isoformat()}",
            bound=MAX_DATE,
        )
    result = _nth_working_day(target) if target >= 1 else None
    if result is None or result < MIN_DATE:
        raise OutOfRangeError(
            "n",
            count,
            f"a count keeping the result on or after {MIN_DATE.isoformat()}",
            f"{shorten(count)} working days from {start.isoformat()}",
            bound=MIN_DATE,
        )
    return result


def _nth_working_day(number: int) -> dt.date:
    """The working day whose :func:`_working_number` is ``number`` (``number >= 1``)."""
    skipped = bisect.bisect_right(_index().thresholds, number)
    return _weekday_at(number + skipped)

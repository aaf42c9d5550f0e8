"""Working days in England and Wales: bank holidays, and day arithmetic by index.

A *working day* is any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank
holiday in England and Wales under the Banking and Financial Dealings Act 1971: the definition in
regulation 1(2) of SI 2007/462 (:data:`WORKING_DAY_SOURCE`), which sets the clocks of Ofsted's
inspections of local authorities (publish the report within 30 working days, send the action plan
within 70).

The calendar is built from two module-level tables:

* :data:`REGULAR_RULES`: each regular holiday, the year its rule took effect, how its date is
  computed (``dateutil.easter`` and ``dateutil.relativedelta``) and its source. New Year's Day and
  Christmas Day and Boxing Day falling on a weekend give way to the next free weekday.
* :data:`ONE_OFF_CHANGES`: the days added or moved by royal proclamation, each named, dated and
  cited, and each saying whether it adds a day or moves a regular one.

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
import calendar
import datetime as dt
import enum
import functools
from typing import Final

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import MO, relativedelta

from ilacs.errors import OutOfRangeError, ParseError, ValidationError, shorten
from ilacs.sources import Evidence, Source

__all__ = [
    "FIRST_YEAR",
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
    "working_days_between",
]

# --------------------------------------------------------------------------------------------
# Validity bounds
# --------------------------------------------------------------------------------------------

FIRST_YEAR: Final = 1971
"""First year covered: the Banking and Financial Dealings Act 1971 (c. 80)."""

LAST_YEAR: Final = 2100
"""Last year covered; years after the latest proclamation are projected from the regular rules."""

MIN_DATE: Final = dt.date(FIRST_YEAR, 1, 1)
"""First date the calendar answers for."""

MAX_DATE: Final = dt.date(LAST_YEAR, 12, 31)
"""Last date the calendar answers for."""

_RANGE_TEXT: Final = f"a date from {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"
_RANGE_DETAIL: Final = (
    "the England and Wales calendar starts with the Banking and Financial Dealings Act 1971; "
    f"years up to {LAST_YEAR} are projected from the regular rules"
)

_WEEKEND: Final = frozenset({calendar.SATURDAY, calendar.SUNDAY})
"""``date.weekday()`` values of Saturday (5) and Sunday (6): never working days."""

_DAYS_PER_WEEK: Final = 7
_WEEKDAYS_PER_WEEK: Final = 5
_EPOCH: Final = dt.date(1970, 12, 28)
"""A Monday on or before :data:`MIN_DATE`: the origin of the weekday count used by the index."""

# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------

WORKING_DAY_SOURCE: Final = Source(
    "The Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007 "
    "(SI 2007/462), regulation 1(2): meaning of working day",
    "https://www.legislation.gov.uk/uksi/2007/462/regulation/1",
    Evidence.A,
    published=dt.date(2007, 2, 19),
    note=(
        '"working day" means any day other than a Saturday, Sunday, Christmas Day, Good Friday or '
        "a day which is a bank holiday in England and Wales under the Banking and Financial "
        "Dealings Act 1971"
    ),
)
"""The definition of a working day that Ofsted's local-authority inspection clocks use."""

_ACT_1971: Final = Source(
    "Banking and Financial Dealings Act 1971 (c. 80), section 1 and Schedule 1",
    "https://www.legislation.gov.uk/ukpga/1971/80/schedule/1",
    Evidence.A,
    published=dt.date(1971, 12, 16),
    note=(
        "Schedule 1, paragraph 1 (England and Wales): Easter Monday; the last Monday in May; the "
        "last Monday in August; 26th December, if it be not a Sunday; 27th December in a year in "
        "which 25th or 26th December is a Sunday. Section 1(3): other days by royal proclamation."
    ),
)

_ANNUAL_PROCLAMATION: Final = Source(
    "Royal proclamations under section 1(3) of the Banking and Financial Dealings Act 1971 "
    "appointing New Year's Day (from 1974) and the early May bank holiday (from 1978), for "
    "example the proclamation for 2024 in The London Gazette",
    "https://www.thegazette.co.uk/notice/4388378",
    Evidence.A,
    note=(
        "Appoints Monday 1 January 2024 and Monday 6 May 2024 as bank holidays in England, Wales "
        "and Northern Ireland; a proclamation of this form is made every year. A 1 January on a "
        "weekend is replaced by the following Monday (e.g. 3 January 2022)."
    ),
)

_COMMON_LAW: Final = Source(
    "Christmas Day and Good Friday: common-law holidays, excluded from working days by "
    "SI 2007/462 regulation 1(2) and listed by gov.uk",
    "https://www.legislation.gov.uk/uksi/2007/462/regulation/1",
    Evidence.A,
    published=dt.date(2007, 2, 19),
)

_SUBSTITUTE_DAYS: Final = Source(
    "Substitute days: Schedule 1 of the 1971 Act (27 December when 25 or 26 December is a "
    "Sunday) and royal proclamations for days falling on a Saturday; as listed by gov.uk",
    "https://www.gov.uk/bank-holidays",
    Evidence.A,
    note=(
        "When New Year's Day, Christmas Day or Boxing Day falls on a weekend, a substitute bank "
        "holiday is held on the next weekday that is not already a holiday, so that Christmas and "
        "Boxing Day both get a weekday (25 Dec on a Saturday: Monday 27 and Tuesday 28)."
    ),
)

_GOV_UK: Final = "https://www.gov.uk/bank-holidays"
_GAZETTE: Final = "https://www.thegazette.co.uk"
_HANSARD_1977: Final = (
    "https://api.parliament.uk/historic-hansard/written-answers/1977/jan/19/queens-silver-jubilee"
)
_HANSARD_1993: Final = (
    "https://api.parliament.uk/historic-hansard/written_answers/1993/dec/16/early-may-bank-holiday"
)

# --------------------------------------------------------------------------------------------
# Regular rules
# --------------------------------------------------------------------------------------------


class RegularHoliday(enum.Enum):
    """The regular (yearly) holidays of England and Wales; the value is the day's usual name."""

    NEW_YEARS_DAY = "New Year's Day"
    GOOD_FRIDAY = "Good Friday"
    EASTER_MONDAY = "Easter Monday"
    EARLY_MAY = "Early May bank holiday"
    SPRING = "Spring bank holiday"
    SUMMER = "Summer bank holiday"
    CHRISTMAS_DAY = "Christmas Day"
    BOXING_DAY = "Boxing Day"


class Anchor(enum.Enum):
    """The date a rule's offset is applied to."""

    YEAR = "1 January of the year"
    EASTER = "Western Easter Sunday (dateutil.easter.easter)"

    def date_in(self, year: int) -> dt.date:
        """The anchor date in ``year``."""
        if self is Anchor.EASTER:
            return easter(year)
        return dt.date(year, 1, 1)


@attrs.frozen
class HolidayRule:
    """A regular holiday: how its date is computed, from which year, and on what authority.

    Args:
        holiday: which holiday.
        rule: the rule in words.
        anchor: the date ``offset`` is added to.
        offset: a ``dateutil.relativedelta`` giving the date from the anchor (for example
            ``relativedelta(month=5, day=31, weekday=MO(-1))``: the last Monday in May).
        first_year: the first year the rule applies (the year the law changed).
        source: where the rule comes from.
        substitute: whether a weekend date gives way to the next weekday not already a holiday.
    """

    holiday: RegularHoliday
    rule: str
    anchor: Anchor
    offset: relativedelta
    first_year: int
    source: Source
    substitute: bool = False

    def date_in(self, year: int) -> dt.date:
        """The rule's date in ``year``, before any weekend substitution or one-off move."""
        day: dt.date = self.anchor.date_in(year) + self.offset
        return day


REGULAR_RULES: Final[tuple[HolidayRule, ...]] = (
    HolidayRule(
        RegularHoliday.NEW_YEARS_DAY,
        "1 January; if on a weekend, the following Monday",
        Anchor.YEAR,
        relativedelta(month=1, day=1),
        1974,  # first appointed by proclamation for 1974 in England and Wales
        _ANNUAL_PROCLAMATION,
        substitute=True,
    ),
    HolidayRule(
        RegularHoliday.GOOD_FRIDAY,
        "the Friday before Easter Sunday",
        Anchor.EASTER,
        relativedelta(days=-2),
        FIRST_YEAR,  # a common-law holiday long before 1971
        _COMMON_LAW,
    ),
    HolidayRule(
        RegularHoliday.EASTER_MONDAY,
        "the Monday after Easter Sunday",
        Anchor.EASTER,
        relativedelta(days=+1),
        FIRST_YEAR,  # Bank Holidays Act 1871, kept by the 1971 Act
        _ACT_1971,
    ),
    HolidayRule(
        RegularHoliday.EARLY_MAY,
        "the first Monday in May",
        Anchor.YEAR,
        relativedelta(month=5, day=1, weekday=MO(+1)),
        1978,  # first held on 1 May 1978, by proclamation
        _ANNUAL_PROCLAMATION,
    ),
    HolidayRule(
        RegularHoliday.SPRING,
        "the last Monday in May",
        Anchor.YEAR,
        relativedelta(month=5, day=31, weekday=MO(-1)),
        FIRST_YEAR,  # Banking and Financial Dealings Act 1971, Schedule 1 (replacing Whit Monday)
        _ACT_1971,
    ),
    HolidayRule(
        RegularHoliday.SUMMER,
        "the last Monday in August",
        Anchor.YEAR,
        relativedelta(month=8, day=31, weekday=MO(-1)),
        FIRST_YEAR,  # Banking and Financial Dealings Act 1971, Schedule 1
        _ACT_1971,
    ),
    HolidayRule(
        RegularHoliday.CHRISTMAS_DAY,
        "25 December; if on a weekend, the next weekday not already a holiday",
        Anchor.YEAR,
        relativedelta(month=12, day=25),
        FIRST_YEAR,  # a common-law holiday long before 1971
        _COMMON_LAW,
        substitute=True,
    ),
    HolidayRule(
        RegularHoliday.BOXING_DAY,
        "26 December; if on a weekend, the next weekday not already a holiday",
        Anchor.YEAR,
        relativedelta(month=12, day=26),
        FIRST_YEAR,  # Banking and Financial Dealings Act 1971, Schedule 1
        _ACT_1971,
        substitute=True,
    ),
)
"""The regular holidays of England and Wales, each behind the year its rule took effect."""

_SUBSTITUTE_SUFFIX: Final = " (substitute day)"

# --------------------------------------------------------------------------------------------
# One-off changes by proclamation
# --------------------------------------------------------------------------------------------


class ChangeKind(enum.Enum):
    """What a one-off proclamation did."""

    ADDED = "an extra bank holiday"
    MOVED = "a regular holiday moved to another date"


def _check_change_date(
    instance: object, attribute: attrs.Attribute[dt.date], value: object
) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(field, value, "a datetime.date (not a datetime)")
    if not MIN_DATE <= value <= MAX_DATE:
        bound = MIN_DATE if value < MIN_DATE else MAX_DATE
        raise OutOfRangeError(field, value, _RANGE_TEXT, _RANGE_DETAIL, bound=bound)
    if value.weekday() in _WEEKEND:
        raise ValidationError(field, value, "a weekday (a one-off holiday is never a weekend)")


def _check_moves(
    instance: HolidayChange, attribute: attrs.Attribute[RegularHoliday | None], value: object
) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    if instance.kind is ChangeKind.MOVED and not isinstance(value, RegularHoliday):
        raise ValidationError(field, value, "the RegularHoliday a MOVED change moves")
    if instance.kind is ChangeKind.ADDED and value is not None:
        raise ValidationError(field, value, "None for an ADDED change")


@attrs.frozen
class HolidayChange:
    """A day added, or a regular holiday moved, by royal proclamation.

    Args:
        date: the date of the added day, or the new date of the moved one.
        name: the day's name (as gov.uk gives it where it lists the year).
        kind: :attr:`ChangeKind.ADDED` or :attr:`ChangeKind.MOVED`.
        source: the proclamation, or the announcement it followed.
        moves: for a moved day, which regular holiday it replaces in that year.
        uncertain: True when the date is the best-supported value, not confirmed.
        note: what the source says, and any doubt.
    """

    date: dt.date = attrs.field(validator=_check_change_date)
    name: str
    kind: ChangeKind
    source: Source
    moves: RegularHoliday | None = attrs.field(default=None, validator=_check_moves)
    uncertain: bool = False
    note: str = ""

    @property
    def year(self) -> int:
        """The year of the change."""
        return self.date.year

    @property
    def replaced(self) -> dt.date | None:
        """For a moved day, the date the regular rule would have given; None for an added day.

        >>> change = ONE_OFF_CHANGES[0]
        >>> change.kind.name, change.date, change.replaced
        ('MOVED', datetime.date(1977, 6, 6), datetime.date(1977, 5, 30))
        """
        for rule in REGULAR_RULES:
            if rule.holiday is self.moves:
                return rule.date_in(self.year)
        return None


_PROCLAMATION_NOTE: Final = (
    "Proclaimed under section 1(3) of the 1971 Act and published in The London Gazette; the "
    "Gazette issue is not pinned here. "
)


def _gazette(occasion: str) -> Source:
    """A royal proclamation in The London Gazette (the source for years before 2012)."""
    return Source(f"The London Gazette: royal proclamation, {occasion}", _GAZETTE, Evidence.A)


def _gov_uk(year: int) -> Source:
    """gov.uk's list of bank holidays in England and Wales (the source from 2012 on)."""
    return Source(f"UK bank holidays: England and Wales, {year}", _GOV_UK, Evidence.A)


_SILVER_JUBILEE_ANSWER: Final = Source(
    "House of Commons written answer, 19 January 1977: the Queen's Silver Jubilee "
    "(HC Deb vol 924 cc191-3W)",
    _HANSARD_1977,
    Evidence.A,
    published=dt.date(1977, 1, 19),
)
_VE_DAY_1995_ANSWER: Final = Source(
    "House of Lords written answer, 16 December 1993: early May bank holiday "
    "(HL Deb vol 550 cc135-6WA)",
    _HANSARD_1993,
    Evidence.A,
    published=dt.date(1993, 12, 16),
)
_GOLDEN_JUBILEE: Final = _gazette("Golden Jubilee, 3 and 4 June 2002")

ONE_OFF_CHANGES: Final[tuple[HolidayChange, ...]] = (
    HolidayChange(
        dt.date(1977, 6, 6),
        "Spring bank holiday",
        ChangeKind.MOVED,
        _SILVER_JUBILEE_ANSWER,
        moves=RegularHoliday.SPRING,
        uncertain=True,
        note=(
            "The Prime Minister: 'In England, Wales and Northern Ireland the Spring Bank Holiday "
            "will be changed to Monday 6th June and a special Silver Jubilee Bank Holiday will be "
            "held on Tuesday 7th June.' The proclamation itself was not seen, so the move from "
            "Monday 30 May stays flagged uncertain."
        ),
    ),
    HolidayChange(
        dt.date(1977, 6, 7),
        "Silver Jubilee bank holiday",
        ChangeKind.ADDED,
        _SILVER_JUBILEE_ANSWER,
        note="'a special Silver Jubilee Bank Holiday will be held on Tuesday 7th June'.",
    ),
    HolidayChange(
        dt.date(1981, 7, 29),
        "Royal wedding (Prince of Wales and Lady Diana Spencer)",
        ChangeKind.ADDED,
        _gazette("royal wedding, 29 July 1981"),
        note=_PROCLAMATION_NOTE + "Wednesday 29 July 1981.",
    ),
    HolidayChange(
        dt.date(1995, 5, 8),
        "Early May bank holiday (50th anniversary of VE Day)",
        ChangeKind.MOVED,
        _VE_DAY_1995_ANSWER,
        moves=RegularHoliday.EARLY_MAY,
        note=(
            "'for 1995 only, the holiday will be held in England, Wales and Northern Ireland on "
            "the second Monday in May', 8 May 1995, instead of Monday 1 May."
        ),
    ),
    HolidayChange(
        dt.date(1999, 12, 31),
        "Millennium bank holiday",
        ChangeKind.ADDED,
        _gazette("millennium, 31 December 1999"),
        note=_PROCLAMATION_NOTE + "Friday 31 December 1999.",
    ),
    HolidayChange(
        dt.date(2002, 6, 3),
        "Golden Jubilee bank holiday",
        ChangeKind.ADDED,
        _GOLDEN_JUBILEE,
        note=_PROCLAMATION_NOTE + "Announced in a written answer of 24 November 2000.",
    ),
    HolidayChange(
        dt.date(2002, 6, 4),
        "Spring bank holiday",
        ChangeKind.MOVED,
        _GOLDEN_JUBILEE,
        moves=RegularHoliday.SPRING,
        note=_PROCLAMATION_NOTE + "Moved from Monday 27 May to Tuesday 4 June 2002.",
    ),
    HolidayChange(
        dt.date(2011, 4, 29),
        "Royal wedding (Prince William and Catherine Middleton)",
        ChangeKind.ADDED,
        _gazette("royal wedding, 29 April 2011"),
        note=_PROCLAMATION_NOTE + "Announced by the Prime Minister on 23 November 2010.",
    ),
    HolidayChange(
        dt.date(2012, 6, 4),
        "Spring bank holiday",
        ChangeKind.MOVED,
        _gov_uk(2012),
        moves=RegularHoliday.SPRING,
        note="Moved from Monday 28 May to Monday 4 June 2012 for the Diamond Jubilee.",
    ),
    HolidayChange(
        dt.date(2012, 6, 5),
        "Queen's Diamond Jubilee",
        ChangeKind.ADDED,
        _gov_uk(2012),
    ),
    HolidayChange(
        dt.date(2020, 5, 8),
        "Early May bank holiday (VE day)",
        ChangeKind.MOVED,
        _gov_uk(2020),
        moves=RegularHoliday.EARLY_MAY,
        note=(
            "Moved from Monday 4 May to Friday 8 May 2020 for the 75th anniversary of VE Day; "
            "proclamation: https://www.thegazette.co.uk/notice/3326938"
        ),
    ),
    HolidayChange(
        dt.date(2022, 6, 2),
        "Spring bank holiday",
        ChangeKind.MOVED,
        _gov_uk(2022),
        moves=RegularHoliday.SPRING,
        note="Moved from Monday 30 May to Thursday 2 June 2022 for the Platinum Jubilee.",
    ),
    HolidayChange(
        dt.date(2022, 6, 3),
        "Platinum Jubilee bank holiday",
        ChangeKind.ADDED,
        _gov_uk(2022),
    ),
    HolidayChange(
        dt.date(2022, 9, 19),
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
        ChangeKind.ADDED,
        _gov_uk(2022),
        note="Proclamation: https://www.thegazette.co.uk/notice/4158896",
    ),
    HolidayChange(
        dt.date(2023, 5, 8),
        "Bank holiday for the coronation of King Charles III",
        ChangeKind.ADDED,
        _gov_uk(2023),
    ),
)
"""Days added or moved by proclamation in England and Wales since 1971, in date order."""

# --------------------------------------------------------------------------------------------
# The calendar of a year
# --------------------------------------------------------------------------------------------


@attrs.frozen
class BankHoliday:
    """One bank holiday (or Christmas Day or Good Friday) in England and Wales, with its source.

    Args:
        date: the day off (always a weekday: weekend days are replaced by substitutes).
        name: its name, as gov.uk gives it where it lists the year.
        source: where the day comes from (the rule, the proclamation or the announcement).
        rule: the regular holiday it is, or None for a day added by proclamation.
        substitute: True for a weekday standing in for a holiday that fell on a weekend.
        uncertain: True when the date is the best-supported value, not confirmed.
    """

    date: dt.date
    name: str
    source: Source
    rule: RegularHoliday | None = None
    substitute: bool = False
    uncertain: bool = False


def _check_date(field: str, value: object) -> dt.date:
    """Return ``value`` if it is a date in range, else raise an error naming ``field``."""
    if isinstance(value, dt.datetime):
        raise ParseError(
            field, value, "a datetime.date, not a datetime", "pass value.date() to drop the time"
        )
    if not isinstance(value, dt.date):
        raise ParseError(field, value, "a datetime.date")
    if value < MIN_DATE:
        raise OutOfRangeError(field, value, _RANGE_TEXT, _RANGE_DETAIL, bound=MIN_DATE)
    if value > MAX_DATE:
        raise OutOfRangeError(field, value, _RANGE_TEXT, _RANGE_DETAIL, bound=MAX_DATE)
    return value


def _check_int(field: str, value: object) -> int:
    """Return ``value`` if it is an int (not a bool), else raise :class:`ParseError`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(field, value, "an int (not a bool)")
    return value


def _check_year(field: str, value: object) -> int:
    year = _check_int(field, value)
    if year < FIRST_YEAR:
        raise OutOfRangeError(
            field, year, f"a year from {FIRST_YEAR} to {LAST_YEAR}", _RANGE_DETAIL, bound=FIRST_YEAR
        )
    if year > LAST_YEAR:
        raise OutOfRangeError(
            field, year, f"a year from {FIRST_YEAR} to {LAST_YEAR}", _RANGE_DETAIL, bound=LAST_YEAR
        )
    return year


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
        if rule.substitute and day.weekday() in _WEEKEND:
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
        while substitute.weekday() in _WEEKEND or substitute in taken:
            substitute += dt.timedelta(days=1)
        taken.add(substitute)
        fixed.append(
            BankHoliday(
                substitute,
                rule.holiday.value + _SUBSTITUTE_SUFFIX,
                _SUBSTITUTE_DAYS,
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


@functools.cache
def _index() -> _Index:
    """Build, once and on first use, the sorted weekday holidays of the whole range."""
    holidays = tuple(
        h.date
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
        for h in _calendar(year)
        if h.date.weekday() not in _WEEKEND
    )
    thresholds = tuple(_weekday_number(day) - i for i, day in enumerate(holidays))
    return _Index(holidays, thresholds)


def _working_number(day: dt.date) -> int:
    """The number of working days from _EPOCH to ``day``, both included (for in-range days)."""
    return _weekday_number(day) - bisect.bisect_right(_index().holidays, day)


def _is_working(day: dt.date) -> bool:
    if day.weekday() in _WEEKEND:
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

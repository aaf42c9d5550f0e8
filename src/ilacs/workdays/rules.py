"""The bank holidays of England and Wales as data: the regular rules and the one-off changes.

:mod:`ilacs.workdays` counts working days from two tables:

* :data:`REGULAR_RULES`: each regular holiday, the year its rule took effect, how its date is
  computed (``dateutil.easter`` and ``dateutil.relativedelta``) and its source. New Year's Day,
  Christmas Day and Boxing Day falling on a weekend give way to the next free weekday.
* :data:`ONE_OFF_CHANGES`: the days added or moved by royal proclamation, each named, dated and
  cited, and each saying whether it adds a day or moves a regular one.

Every source is defined in :mod:`ilacs.catalogue.refs`. Import the tables, records and bounds
from :mod:`ilacs.workdays`, which exports them; the other names here (:data:`RANGE_TEXT`,
:data:`WEEKEND`, :func:`in_range`, ...) are what the arithmetic shares with the tables.

>>> [rule.holiday.value for rule in REGULAR_RULES if rule.first_year > FIRST_YEAR]
["New Year's Day", 'Early May bank holiday']
>>> ONE_OFF_CHANGES[-1].name
'Bank holiday for the coronation of King Charles III'
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from typing import Any, Final, TypeVar

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import MO, relativedelta

import ilacs._checks as _checks
from ilacs.catalogue import refs
from ilacs.errors import OutOfRangeError, ValidationError
from ilacs.sources import Source

T = TypeVar("T", int, dt.date)

FIRST_YEAR: Final = 1971
"""First year covered: the Banking and Financial Dealings Act 1971 (c. 80)."""

LAST_YEAR: Final = 2100
"""Last year covered; years after the latest proclamation are projected from the regular rules."""

MIN_DATE: Final = dt.date(FIRST_YEAR, 1, 1)
"""First date the calendar answers for."""

MAX_DATE: Final = dt.date(LAST_YEAR, 12, 31)
"""Last date the calendar answers for."""

RANGE_TEXT: Final = f"a date from {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"
"""What a date in range is, in words (for errors)."""
RANGE_DETAIL: Final = (
    "the England and Wales calendar starts with the Banking and Financial Dealings Act 1971; "
    f"years up to {LAST_YEAR} are projected from the regular rules"
)
"""Why the range ends where it does, in words (for errors)."""

WEEKEND: Final = frozenset({calendar.SATURDAY, calendar.SUNDAY})
"""``date.weekday()`` values of Saturday (5) and Sunday (6): never working days."""

WORKING_DAY_SOURCE: Final = refs.WORKING_DAY
"""The definition of a working day that Ofsted's local-authority inspection clocks use."""

SUBSTITUTE_SUFFIX: Final = " (substitute day)"
"""Added to the name of a holiday held on a weekday in place of a weekend."""

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

    holiday: RegularHoliday = attrs.field(
        validator=_checks.is_a(RegularHoliday, "a RegularHoliday")
    )
    rule: str = attrs.field(validator=_checks.text())
    anchor: Anchor = attrs.field(validator=_checks.is_a(Anchor, "an Anchor"))
    offset: relativedelta = attrs.field(validator=_checks.is_a(relativedelta, "a relativedelta"))
    first_year: int = attrs.field(validator=_checks.count(FIRST_YEAR))
    source: Source = attrs.field(validator=_checks.is_a(Source, "a Source"))
    substitute: bool = attrs.field(default=False, validator=_checks.flag())

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
        refs.BANK_HOLIDAY_PROCLAMATIONS,
        substitute=True,
    ),
    HolidayRule(
        RegularHoliday.GOOD_FRIDAY,
        "the Friday before Easter Sunday",
        Anchor.EASTER,
        relativedelta(days=-2),
        FIRST_YEAR,  # a common-law holiday long before 1971
        refs.CHRISTMAS_AND_GOOD_FRIDAY,
    ),
    HolidayRule(
        RegularHoliday.EASTER_MONDAY,
        "the Monday after Easter Sunday",
        Anchor.EASTER,
        relativedelta(days=+1),
        FIRST_YEAR,  # Bank Holidays Act 1871, kept by the 1971 Act
        refs.BFDA_1971,
    ),
    HolidayRule(
        RegularHoliday.EARLY_MAY,
        "the first Monday in May",
        Anchor.YEAR,
        relativedelta(month=5, day=1, weekday=MO(+1)),
        1978,  # first held on 1 May 1978, by proclamation
        refs.BANK_HOLIDAY_PROCLAMATIONS,
    ),
    HolidayRule(
        RegularHoliday.SPRING,
        "the last Monday in May",
        Anchor.YEAR,
        relativedelta(month=5, day=31, weekday=MO(-1)),
        FIRST_YEAR,  # Banking and Financial Dealings Act 1971, Schedule 1 (replacing Whit Monday)
        refs.BFDA_1971,
    ),
    HolidayRule(
        RegularHoliday.SUMMER,
        "the last Monday in August",
        Anchor.YEAR,
        relativedelta(month=8, day=31, weekday=MO(-1)),
        FIRST_YEAR,  # Banking and Financial Dealings Act 1971, Schedule 1
        refs.BFDA_1971,
    ),
    HolidayRule(
        RegularHoliday.CHRISTMAS_DAY,
        "25 December; if on a weekend, the next weekday not already a holiday",
        Anchor.YEAR,
        relativedelta(month=12, day=25),
        FIRST_YEAR,  # a common-law holiday long before 1971
        refs.CHRISTMAS_AND_GOOD_FRIDAY,
        substitute=True,
    ),
    HolidayRule(
        RegularHoliday.BOXING_DAY,
        "26 December; if on a weekend, the next weekday not already a holiday",
        Anchor.YEAR,
        relativedelta(month=12, day=26),
        FIRST_YEAR,  # Banking and Financial Dealings Act 1971, Schedule 1
        refs.BFDA_1971,
        substitute=True,
    ),
)
"""The regular holidays of England and Wales, each behind the year its rule took effect."""


# --------------------------------------------------------------------------------------------
# One-off changes by proclamation
# --------------------------------------------------------------------------------------------


class ChangeKind(enum.Enum):
    """What a one-off proclamation did."""

    ADDED = "an extra bank holiday"
    MOVED = "a regular holiday moved to another date"


def in_range(field: str, value: T, low: T, high: T, expected: str) -> T:
    """``value`` if it is from ``low`` to ``high``, else an :class:`OutOfRangeError` naming
    ``field`` and the bound crossed (a date, or a year, of the calendar's range)."""
    if value < low or value > high:
        bound = low if value < low else high
        raise OutOfRangeError(field, value, expected, RANGE_DETAIL, bound=bound)
    return value


def _in_range_weekday(instance: object, attribute: attrs.Attribute[Any], value: dt.date) -> None:
    """A weekday from :data:`MIN_DATE` to :data:`MAX_DATE` (a date: :func:`ilacs._checks.day`)."""
    field = f"{type(instance).__name__}.{attribute.name}"
    in_range(field, value, MIN_DATE, MAX_DATE, RANGE_TEXT)
    if value.weekday() in WEEKEND:
        raise ValidationError(field, value, "a weekday (a one-off holiday is never a weekend)")


def _check_moves(instance: HolidayChange, attribute: attrs.Attribute[Any], value: object) -> None:
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

    date: dt.date = attrs.field(validator=[_checks.day(), _in_range_weekday])
    name: str = attrs.field(validator=_checks.text())
    kind: ChangeKind = attrs.field(validator=_checks.is_a(ChangeKind, "a ChangeKind"))
    source: Source = attrs.field(validator=_checks.is_a(Source, "a Source"))
    moves: RegularHoliday | None = attrs.field(default=None, validator=_check_moves)
    uncertain: bool = attrs.field(default=False, validator=_checks.flag())
    note: str = attrs.field(default="", validator=_checks.is_a(str, "a string"))

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

ONE_OFF_CHANGES: Final[tuple[HolidayChange, ...]] = (
    HolidayChange(
        dt.date(1977, 6, 6),
        "Spring bank holiday",
        ChangeKind.MOVED,
        refs.SILVER_JUBILEE_1977,
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
        refs.SILVER_JUBILEE_1977,
        note="'a special Silver Jubilee Bank Holiday will be held on Tuesday 7th June'.",
    ),
    HolidayChange(
        dt.date(1981, 7, 29),
        "Royal wedding (Prince of Wales and Lady Diana Spencer)",
        ChangeKind.ADDED,
        refs.GAZETTE_ROYAL_WEDDING_1981,
        note=_PROCLAMATION_NOTE + "Wednesday 29 July 1981.",
    ),
    HolidayChange(
        dt.date(1995, 5, 8),
        "Early May bank holiday (50th anniversary of VE Day)",
        ChangeKind.MOVED,
        refs.VE_DAY_1995,
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
        refs.GAZETTE_MILLENNIUM_1999,
        note=_PROCLAMATION_NOTE + "Friday 31 December 1999.",
    ),
    HolidayChange(
        dt.date(2002, 6, 3),
        "Golden Jubilee bank holiday",
        ChangeKind.ADDED,
        refs.GAZETTE_GOLDEN_JUBILEE_2002,
        note=_PROCLAMATION_NOTE + "Announced in a written answer of 24 November 2000.",
    ),
    HolidayChange(
        dt.date(2002, 6, 4),
        "Spring bank holiday",
        ChangeKind.MOVED,
        refs.GAZETTE_GOLDEN_JUBILEE_2002,
        moves=RegularHoliday.SPRING,
        note=_PROCLAMATION_NOTE + "Moved from Monday 27 May to Tuesday 4 June 2002.",
    ),
    HolidayChange(
        dt.date(2011, 4, 29),
        "Royal wedding (Prince William and Catherine Middleton)",
        ChangeKind.ADDED,
        refs.GAZETTE_ROYAL_WEDDING_2011,
        note=_PROCLAMATION_NOTE + "Announced by the Prime Minister on 23 November 2010.",
    ),
    HolidayChange(
        dt.date(2012, 6, 4),
        "Spring bank holiday",
        ChangeKind.MOVED,
        refs.GOV_UK_BANK_HOLIDAYS_2012,
        moves=RegularHoliday.SPRING,
        note="Moved from Monday 28 May to Monday 4 June 2012 for the Diamond Jubilee.",
    ),
    HolidayChange(
        dt.date(2012, 6, 5),
        "Queen's Diamond Jubilee",
        ChangeKind.ADDED,
        refs.GOV_UK_BANK_HOLIDAYS_2012,
    ),
    HolidayChange(
        dt.date(2020, 5, 8),
        "Early May bank holiday (VE day)",
        ChangeKind.MOVED,
        refs.GOV_UK_BANK_HOLIDAYS_2020,
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
        refs.GOV_UK_BANK_HOLIDAYS_2022,
        moves=RegularHoliday.SPRING,
        note="Moved from Monday 30 May to Thursday 2 June 2022 for the Platinum Jubilee.",
    ),
    HolidayChange(
        dt.date(2022, 6, 3),
        "Platinum Jubilee bank holiday",
        ChangeKind.ADDED,
        refs.GOV_UK_BANK_HOLIDAYS_2022,
    ),
    HolidayChange(
        dt.date(2022, 9, 19),
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
        ChangeKind.ADDED,
        refs.GOV_UK_BANK_HOLIDAYS_2022,
        note="Proclamation: https://www.thegazette.co.uk/notice/4158896",
    ),
    HolidayChange(
        dt.date(2023, 5, 8),
        "Bank holiday for the coronation of King Charles III",
        ChangeKind.ADDED,
        refs.GOV_UK_BANK_HOLIDAYS_2023,
    ),
)
"""Days added or moved by proclamation in England and Wales since 1971, in date order."""


# --------------------------------------------------------------------------------------------
# The days off of a year
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

"""Tests of the England and Wales working-day calendar (``ilacs.workdays``).

Expected dates come from gov.uk's list (https://www.gov.uk/bank-holidays, years 2012 on), from
the spec (``shared/spec/bank-holidays.md``) and from the sources cited in the module's tables.
The brute-force references below count day by day, on purpose: the library never does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilacs.errors import IlacsError, OutOfRangeError, ParseError, ValidationError
from ilacs.sources import Source
from ilacs.workdays import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_DATE,
    MIN_DATE,
    ONE_OFF_CHANGES,
    REGULAR_RULES,
    WORKING_DAY_SOURCE,
    BankHoliday,
    ChangeKind,
    HolidayChange,
    RegularHoliday,
    add_working_days,
    bank_holiday_calendar,
    bank_holidays,
    is_working_day,
    working_days_between,
)

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "bank_holidays_2010_2030.json"
DOC = ROOT / "docs" / "workdays.md"
D = dt.date
ONE_DAY = dt.timedelta(days=1)

# ------------------------------------------------------------------------------------------
# Brute-force references: day by day, from the holiday lists alone
# ------------------------------------------------------------------------------------------


def brute_is_working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in set(bank_holidays(day.year))


def brute_between(a: dt.date, b: dt.date) -> int:
    """Working days in (a, b], counted one day at a time; negative if b < a."""
    if b < a:
        return -brute_between(b, a)
    count, day = 0, a
    while day < b:
        day += ONE_DAY
        count += brute_is_working(day)
    return count


def brute_add(day: dt.date, n: int) -> dt.date:
    """Step one day at a time until n working days (not counting ``day``) have passed."""
    step = ONE_DAY if n > 0 else -ONE_DAY
    left = abs(n)
    while left:
        day += step
        left -= brute_is_working(day)
    return day


# ------------------------------------------------------------------------------------------
# Strategies
# ------------------------------------------------------------------------------------------

# Away from the ends of the range, so that a few thousand working days stay inside it.
inner_dates = st.dates(min_value=D(1985, 1, 1), max_value=D(2085, 12, 31))
all_dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)
counts = st.integers(min_value=-3000, max_value=3000)
working_dates = inner_dates.filter(brute_is_working)
PROPERTY = settings(max_examples=150, deadline=None)

# ------------------------------------------------------------------------------------------
# Cited fact tables
# ------------------------------------------------------------------------------------------

GOV_UK = {
    # https://www.gov.uk/bank-holidays (England and Wales); 2020 and 2022 also in the spec.
    2012: [D(2012, 1, 2), D(2012, 4, 6), D(2012, 4, 9), D(2012, 5, 7), D(2012, 6, 4),
           D(2012, 6, 5), D(2012, 8, 27), D(2012, 12, 25), D(2012, 12, 26)],
    2020: [D(2020, 1, 1), D(2020, 4, 10), D(2020, 4, 13), D(2020, 5, 8), D(2020, 5, 25),
           D(2020, 8, 31), D(2020, 12, 25), D(2020, 12, 28)],
    2022: [D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2), D(2022, 6, 2),
           D(2022, 6, 3), D(2022, 8, 29), D(2022, 9, 19), D(2022, 12, 26), D(2022, 12, 27)],
    2023: [D(2023, 1, 2), D(2023, 4, 7), D(2023, 4, 10), D(2023, 5, 1), D(2023, 5, 8),
           D(2023, 5, 29), D(2023, 8, 28), D(2023, 12, 25), D(2023, 12, 26)],
    2024: [D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 6), D(2024, 5, 27),
           D(2024, 8, 26), D(2024, 12, 25), D(2024, 12, 26)],
    2025: [D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26),
           D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26)],
    2026: [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25),
           D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)],
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(GOV_UK))
def test_bank_holidays_match_gov_uk(year: int) -> None:
    assert list(bank_holidays(year)) == GOV_UK[year]


def test_2022_has_ten_bank_holidays_including_the_state_funeral() -> None:
    assert len(bank_holidays(2022)) == 10
    assert D(2022, 9, 19) in bank_holidays(2022)


def test_2020_has_eight_bank_holidays_with_early_may_on_ve_day() -> None:
    assert len(bank_holidays(2020)) == 8
    assert D(2020, 5, 8) in bank_holidays(2020)
    assert D(2020, 5, 4) not in bank_holidays(2020)


def test_stockton_action_plan_is_due_exactly_70_working_days_after_the_report() -> None:
    # Spec, framework-rules.md: Stockton's report 9 May 2023 -> action plan due 16 Aug 2023.
    assert add_working_days(D(2023, 5, 9), 70) == D(2023, 8, 16)
    assert working_days_between(D(2023, 5, 9), D(2023, 8, 16)) == 70


# Both sides of every rule change -----------------------------------------------------------


def test_new_years_day_is_a_bank_holiday_from_1974_not_before() -> None:
    assert D(1973, 1, 1) not in bank_holidays(1973)  # a Monday, a working day
    assert is_working_day(D(1973, 1, 1))
    assert D(1974, 1, 1) in bank_holidays(1974)  # a Tuesday
    assert not is_working_day(D(1974, 1, 1))


def test_early_may_bank_holiday_starts_in_1978_not_before() -> None:
    assert D(1977, 5, 2) not in bank_holidays(1977)  # first Monday in May 1977
    assert is_working_day(D(1977, 5, 2))
    assert D(1978, 5, 1) in bank_holidays(1978)


def test_spring_and_summer_bank_holidays_apply_from_the_first_year() -> None:
    assert {D(1971, 5, 31), D(1971, 8, 30)} <= set(bank_holidays(1971))


def test_year_before_the_1971_act_is_out_of_range() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        bank_holidays(1970)
    assert caught.value.bound == FIRST_YEAR


# One-off years against a neighbouring normal year ---------------------------------------

ONE_OFF_YEARS = [
    # (year, in the list, regular date dropped, normal year, its regular date)
    (1977, [D(1977, 6, 6), D(1977, 6, 7)], [D(1977, 5, 30)], 1976, D(1976, 5, 31)),
    (1981, [D(1981, 7, 29)], [], 1982, D(1982, 5, 31)),
    (1995, [D(1995, 5, 8)], [D(1995, 5, 1)], 1996, D(1996, 5, 6)),
    (1999, [D(1999, 12, 31)], [], 1998, D(1998, 12, 28)),
    (2002, [D(2002, 6, 3), D(2002, 6, 4)], [D(2002, 5, 27)], 2001, D(2001, 5, 28)),
    (2011, [D(2011, 4, 29)], [], 2010, D(2010, 5, 3)),
    (2012, [D(2012, 6, 4), D(2012, 6, 5)], [D(2012, 5, 28)], 2013, D(2013, 5, 27)),
    (2020, [D(2020, 5, 8)], [D(2020, 5, 4)], 2021, D(2021, 5, 3)),
    (2022, [D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19)], [D(2022, 5, 30)], 2021,
     D(2021, 5, 31)),
    (2023, [D(2023, 5, 8)], [], 2024, D(2024, 5, 6)),
]  # fmt: skip


@pytest.mark.parametrize(("year", "present", "dropped", "normal", "regular"), ONE_OFF_YEARS)
def test_one_off_year_differs_from_a_normal_year(
    year: int, present: list[dt.date], dropped: list[dt.date], normal: int, regular: dt.date
) -> None:
    days = set(bank_holidays(year))
    assert set(present) <= days
    assert not set(dropped) & days
    normal_days = bank_holidays(normal)
    assert regular in normal_days
    assert not any(c.year == normal for c in ONE_OFF_CHANGES)
    rules = sum(rule.first_year <= year for rule in REGULAR_RULES)
    assert len(normal_days) == sum(rule.first_year <= normal for rule in REGULAR_RULES)
    added = sum(c.kind is ChangeKind.ADDED for c in ONE_OFF_CHANGES if c.year == year)
    assert added >= 1 or dropped
    assert len(days) == rules + added


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1))
def test_each_year_has_one_day_per_rule_in_force_plus_added_days(year: int) -> None:
    rules = sum(rule.first_year <= year for rule in REGULAR_RULES)
    added = sum(c.kind is ChangeKind.ADDED for c in ONE_OFF_CHANGES if c.year == year)
    assert len(bank_holidays(year)) == rules + added


def test_christmas_on_a_saturday_gives_monday_and_tuesday() -> None:
    assert bank_holidays(2021)[-2:] == (D(2021, 12, 27), D(2021, 12, 28))


def test_christmas_on_a_sunday_gives_boxing_day_monday_and_christmas_tuesday() -> None:
    last_two = bank_holiday_calendar(2022)[-2:]
    assert [(h.date, h.rule, h.substitute) for h in last_two] == [
        (D(2022, 12, 26), RegularHoliday.BOXING_DAY, False),
        (D(2022, 12, 27), RegularHoliday.CHRISTMAS_DAY, True),
    ]


def test_boxing_day_on_a_saturday_gives_the_monday() -> None:
    assert bank_holidays(2020)[-2:] == (D(2020, 12, 25), D(2020, 12, 28))


def test_new_years_day_on_a_saturday_or_sunday_moves_to_monday() -> None:
    assert bank_holidays(2022)[0] == D(2022, 1, 3)  # Saturday
    assert bank_holidays(2023)[0] == D(2023, 1, 2)  # Sunday


# ------------------------------------------------------------------------------------------
# The records and their sources
# ------------------------------------------------------------------------------------------


def test_silver_jubilee_spring_move_is_encoded_but_flagged_uncertain() -> None:
    move = next(c for c in ONE_OFF_CHANGES if c.year == 1977 and c.kind is ChangeKind.MOVED)
    assert (move.date, move.moves, move.replaced) == (
        D(1977, 6, 6),
        RegularHoliday.SPRING,
        D(1977, 5, 30),
    )
    assert move.uncertain
    assert "historic-hansard" in move.source.url
    spring = next(h for h in bank_holiday_calendar(1977) if h.date == D(1977, 6, 6))
    assert spring.uncertain
    assert spring.rule is RegularHoliday.SPRING


def test_only_the_1977_move_is_flagged_uncertain() -> None:
    flagged = [c.date for c in ONE_OFF_CHANGES if c.uncertain]
    assert flagged == [D(1977, 6, 6)]


def test_one_off_changes_are_sorted_and_know_whether_they_add_or_move() -> None:
    assert [c.date for c in ONE_OFF_CHANGES] == sorted(c.date for c in ONE_OFF_CHANGES)
    for change in ONE_OFF_CHANGES:
        if change.kind is ChangeKind.MOVED:
            assert isinstance(change.moves, RegularHoliday)
            assert change.replaced is not None
            assert change.replaced != change.date
        else:
            assert change.moves is None
            assert change.replaced is None


def test_one_off_years_are_those_of_the_spec() -> None:
    years = sorted({c.year for c in ONE_OFF_CHANGES})
    assert years == [1977, 1981, 1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023]


def test_sources_are_gov_uk_from_2012_and_gazette_or_hansard_before() -> None:
    for change in ONE_OFF_CHANGES:
        assert isinstance(change.source, Source)
        if change.year >= 2012:
            assert change.source.url == "https://www.gov.uk/bank-holidays"
        else:
            assert change.source.url.startswith(
                ("https://www.thegazette.co.uk", "https://api.parliament.uk/historic-hansard/")
            )


def test_regular_rules_cite_legislation_gov_uk_or_the_gazette() -> None:
    for rule in REGULAR_RULES:
        assert rule.source.url.startswith(
            ("https://www.legislation.gov.uk/", "https://www.thegazette.co.uk/")
        )
    assert WORKING_DAY_SOURCE.url.startswith("https://www.legislation.gov.uk/uksi/2007/462")


def test_calendar_records_are_frozen_with_names_and_sources() -> None:
    calendar = bank_holiday_calendar(2023)
    assert all(isinstance(h, BankHoliday) and isinstance(h.source, Source) for h in calendar)
    coronation = next(h for h in calendar if h.date == D(2023, 5, 8))
    assert coronation.name == "Bank holiday for the coronation of King Charles III"
    assert coronation.rule is None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        coronation.name = "x"  # type: ignore[misc]


def test_bank_holidays_are_the_dates_of_the_calendar() -> None:
    assert bank_holidays(2012) == tuple(h.date for h in bank_holiday_calendar(2012))


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1))
def test_bank_holidays_are_sorted_unique_weekdays_within_the_year(year: int) -> None:
    days = bank_holidays(year)
    assert list(days) == sorted(set(days))
    assert all(d.year == year and d.weekday() < 5 for d in days)


# ------------------------------------------------------------------------------------------
# Snapshot and docs
# ------------------------------------------------------------------------------------------


def test_library_agrees_with_the_committed_2010_2030_snapshot() -> None:
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["years"]
    library = {
        str(year): [
            {"date": h.date.isoformat(), "name": h.name} for h in bank_holiday_calendar(year)
        ]
        for year in range(2010, 2031)
    }
    assert library == snapshot, "regenerate with: .venv/bin/python tests/regenerate_snapshots.py"


def _doc_rows(heading: str) -> list[list[str]]:
    """The body rows of the first Markdown table under ``heading`` in docs/workdays.md."""
    section = DOC.read_text(encoding="utf-8").split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(section) if line.startswith("|"))
    table = []
    for line in section[start + 2 :]:  # skip the header and the rule under it
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip("|").split("|")])
    return table


def test_docs_one_off_table_equals_the_catalogue() -> None:
    rows = _doc_rows("## Days added or moved by proclamation")
    documented = [(row[0], row[1]) for row in rows if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[0])]
    catalogue = [(c.date.isoformat(), c.kind.name.lower()) for c in ONE_OFF_CHANGES]
    assert documented == catalogue


def test_docs_regular_rules_table_equals_the_catalogue() -> None:
    rows = _doc_rows("## Regular holidays")
    documented = [(row[0], row[2]) for row in rows if len(row) > 2]
    catalogue = [(rule.holiday.value, str(rule.first_year)) for rule in REGULAR_RULES]
    assert documented == catalogue


# ------------------------------------------------------------------------------------------
# Agreement with the brute-force reference
# ------------------------------------------------------------------------------------------


def test_is_working_day_agrees_with_brute_force_on_every_day_of_the_range() -> None:
    day = MIN_DATE
    while day <= MAX_DATE:
        assert is_working_day(day) == brute_is_working(day), day
        day += ONE_DAY


def test_working_days_per_year_agree_with_a_day_by_day_count() -> None:
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        first, last = D(year, 1, 1), D(year, 12, 31)
        holidays = set(bank_holidays(year))
        expected = sum(
            (first + dt.timedelta(days=i)).weekday() < 5
            and first + dt.timedelta(days=i) not in holidays
            for i in range((last - first).days + 1)
        )
        # (first, last] plus first itself: the whole year.
        assert working_days_between(first, last) + is_working_day(first) == expected, year


@PROPERTY
@given(a=all_dates, span=st.integers(min_value=-400, max_value=400))
def test_working_days_between_agrees_with_brute_force(a: dt.date, span: int) -> None:
    b = min(max(a + dt.timedelta(days=span), MIN_DATE), MAX_DATE)
    assert working_days_between(a, b) == brute_between(a, b)


@PROPERTY
@given(day=inner_dates, n=st.integers(min_value=-60, max_value=60))
def test_add_working_days_agrees_with_brute_force(day: dt.date, n: int) -> None:
    assert add_working_days(day, n) == brute_add(day, n)


# ------------------------------------------------------------------------------------------
# Properties
# ------------------------------------------------------------------------------------------


@PROPERTY
@given(a=working_dates, n=counts)
def test_between_inverts_add_from_a_working_day(a: dt.date, n: int) -> None:
    assert working_days_between(a, add_working_days(a, n)) == n


@PROPERTY
@given(a=inner_dates, n=st.integers(min_value=1, max_value=3000))
def test_between_inverts_add_forward_from_any_day(a: dt.date, n: int) -> None:
    assert working_days_between(a, add_working_days(a, n)) == n


@PROPERTY
@given(a=inner_dates, n=st.integers(min_value=1, max_value=3000))
def test_add_backward_counts_working_days_strictly_before_the_start(a: dt.date, n: int) -> None:
    result = add_working_days(a, -n)
    # (result, a] holds the n - 1 working days between them, plus a itself if it works.
    assert working_days_between(result, a) == n - 1 + is_working_day(a)


@PROPERTY
@given(a=inner_dates, n=counts.filter(bool))
def test_add_working_days_lands_on_a_working_day(a: dt.date, n: int) -> None:
    assert is_working_day(add_working_days(a, n))


@PROPERTY
@given(a=inner_dates, b=inner_dates, n=counts)
def test_add_working_days_is_monotonic_in_the_start(a: dt.date, b: dt.date, n: int) -> None:
    a, b = min(a, b), max(a, b)
    assert add_working_days(a, n) <= add_working_days(b, n)


@PROPERTY
@given(a=inner_dates, n1=counts, n2=counts)
def test_add_working_days_is_strictly_monotonic_in_n(a: dt.date, n1: int, n2: int) -> None:
    if n1 != n2:
        n1, n2 = min(n1, n2), max(n1, n2)
        assert add_working_days(a, n1) < add_working_days(a, n2)


@PROPERTY
@given(a=all_dates, b=all_dates)
def test_working_days_between_is_antisymmetric(a: dt.date, b: dt.date) -> None:
    assert working_days_between(a, b) == -working_days_between(b, a)


@PROPERTY
@given(a=all_dates, b=all_dates, c=all_dates)
def test_working_days_between_is_additive(a: dt.date, b: dt.date, c: dt.date) -> None:
    total = working_days_between(a, b) + working_days_between(b, c)
    assert total == working_days_between(a, c)


@PROPERTY
@given(a=all_dates, b=all_dates)
def test_working_days_between_is_monotonic_in_the_end(a: dt.date, b: dt.date) -> None:
    a, b = min(a, b), max(a, b)
    assert 0 <= working_days_between(a, b) <= (b - a).days


@pytest.mark.parametrize(
    "day",
    [D(2023, 5, 6), D(2023, 5, 7), D(2023, 5, 8), D(2022, 12, 25), D(2023, 5, 9)],
    ids=["saturday", "sunday", "bank-holiday", "christmas-on-sunday", "working-day"],
)
def test_adding_zero_returns_the_day_itself_whether_or_not_it_is_a_working_day(
    day: dt.date,
) -> None:
    assert add_working_days(day, 0) == day


def test_one_working_day_back_from_a_saturday_is_the_friday() -> None:
    assert add_working_days(D(2023, 5, 6), -1) == D(2023, 5, 5)
    assert add_working_days(D(2023, 5, 6), 1) == D(2023, 5, 9)  # Monday 8 May: coronation


def test_adding_ten_thousand_working_days_matches_a_year_by_year_count() -> None:
    start = D(1980, 1, 2)
    end = add_working_days(start, 10_000)
    per_year = sum(
        working_days_between(D(y - 1, 12, 31), D(y, 12, 31)) for y in range(1981, end.year)
    )
    expected = (
        working_days_between(start, D(1980, 12, 31))
        + per_year
        + working_days_between(D(end.year - 1, 12, 31), end)
    )
    assert expected == 10_000
    assert is_working_day(end)


def test_ends_of_the_range_are_answered() -> None:
    assert working_days_between(MIN_DATE, MAX_DATE) > 0
    assert add_working_days(MAX_DATE, 0) == MAX_DATE
    assert add_working_days(MIN_DATE, 1) == D(1971, 1, 4)  # 1 Jan 1971: not yet a holiday
    assert is_working_day(MIN_DATE)


# ------------------------------------------------------------------------------------------
# Errors
# ------------------------------------------------------------------------------------------

NOT_A_DATE = [
    dt.datetime(2023, 5, 9, 12, 0),
    "2023-05-09",
    20230509,
    None,
    dt.time(12, 0),
]
NOT_AN_INT = [True, False, 1.0, "3", None, 2.5]


def _callers(bad: object) -> list[tuple[str, object]]:
    good = D(2023, 5, 9)
    return [
        ("day", lambda: is_working_day(bad)),  # type: ignore[arg-type]
        ("day", lambda: add_working_days(bad, 1)),  # type: ignore[arg-type]
        ("a", lambda: working_days_between(bad, good)),  # type: ignore[arg-type]
        ("b", lambda: working_days_between(good, bad)),  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("bad", NOT_A_DATE, ids=repr)
def test_a_value_that_is_not_a_date_is_refused_naming_the_field(bad: object) -> None:
    for field, call in _callers(bad):
        with pytest.raises(ParseError) as caught:
            call()  # type: ignore[operator]
        assert caught.value.field == field
        assert caught.value.value is bad
        assert repr(bad) in str(caught.value)


def test_a_datetime_is_refused_even_though_it_is_a_date_subclass() -> None:
    moment = dt.datetime(2023, 5, 9, 9, 30)
    assert isinstance(moment, dt.date)
    with pytest.raises(ParseError, match=r"day: got datetime\.datetime\(2023, 5, 9, 9, 30\)"):
        is_working_day(moment)


@pytest.mark.parametrize(
    ("bad", "bound"),
    [(D(1970, 12, 31), MIN_DATE), (D(2101, 1, 1), MAX_DATE), (D(1, 1, 1), MIN_DATE)],
)
def test_a_date_outside_the_range_names_the_field_and_bound(bad: dt.date, bound: dt.date) -> None:
    for field, call in _callers(bad):
        with pytest.raises(OutOfRangeError) as caught:
            call()  # type: ignore[operator]
        assert (caught.value.field, caught.value.value, caught.value.bound) == (field, bad, bound)
        assert "1971-01-01" in str(caught.value)
        assert "2100-12-31" in str(caught.value)


@pytest.mark.parametrize("bad", NOT_AN_INT, ids=repr)
def test_a_count_that_is_not_an_int_is_refused(bad: object) -> None:
    with pytest.raises(ParseError) as caught:
        add_working_days(D(2023, 5, 9), bad)  # type: ignore[arg-type]
    assert caught.value.field == "n"
    assert caught.value.value is bad


@pytest.mark.parametrize(
    ("day", "n", "bound"),
    [
        (MAX_DATE, 1, MAX_DATE),
        (D(2100, 12, 1), 10_000, MAX_DATE),
        (MIN_DATE, -1, MIN_DATE),
        (D(1971, 2, 1), -10_000, MIN_DATE),
    ],
)
def test_a_result_outside_the_range_raises_naming_n_and_the_bound(
    day: dt.date, n: int, bound: dt.date
) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        add_working_days(day, n)
    assert (caught.value.field, caught.value.value, caught.value.bound) == ("n", n, bound)


@pytest.mark.parametrize(("year", "bound"), [(1970, FIRST_YEAR), (2101, LAST_YEAR), (0, 1971)])
def test_a_year_outside_the_range_names_the_bound(year: int, bound: int) -> None:
    for function in (bank_holidays, bank_holiday_calendar):
        with pytest.raises(OutOfRangeError) as caught:
            function(year)
        assert (caught.value.field, caught.value.value, caught.value.bound) == (
            "year",
            year,
            bound,
        )


@pytest.mark.parametrize("bad", [True, "2022", 2022.0, None, D(2022, 1, 1)], ids=repr)
def test_a_year_that_is_not_an_int_is_refused(bad: object) -> None:
    for function in (bank_holidays, bank_holiday_calendar):
        with pytest.raises(ParseError) as caught:
            function(bad)  # type: ignore[arg-type]
        assert caught.value.field == "year"


@PROPERTY
@given(
    bad=st.one_of(
        st.datetimes(),
        st.text(max_size=12),
        st.integers(),
        st.floats(allow_nan=False),
        st.none(),
        st.dates().filter(lambda d: not MIN_DATE <= d <= MAX_DATE),
    )
)
def test_any_bad_day_raises_a_value_error_quoting_it(bad: object) -> None:
    with pytest.raises(ValueError) as caught:
        is_working_day(bad)  # type: ignore[arg-type]
    assert isinstance(caught.value, IlacsError)
    # Quoted as Python writes it, but a date as an ISO date (issue 10).
    plain_date = isinstance(bad, dt.date) and not isinstance(bad, dt.datetime)
    assert (bad.isoformat() if plain_date else repr(bad)) in str(caught.value)  # type: ignore[union-attr]


def test_change_records_are_validated_at_construction() -> None:
    source = ONE_OFF_CHANGES[-1].source
    with pytest.raises(ValidationError, match="weekday"):
        HolidayChange(D(2023, 5, 6), "x", ChangeKind.ADDED, source)  # a Saturday
    with pytest.raises(ValidationError, match=r"HolidayChange\.date"):
        HolidayChange(dt.datetime(2023, 5, 8), "x", ChangeKind.ADDED, source)
    with pytest.raises(OutOfRangeError):
        HolidayChange(D(1970, 6, 1), "x", ChangeKind.ADDED, source)
    with pytest.raises(ValidationError, match=r"HolidayChange\.moves"):
        HolidayChange(D(2023, 5, 8), "x", ChangeKind.MOVED, source)
    with pytest.raises(ValidationError, match=r"HolidayChange\.moves"):
        HolidayChange(D(2023, 5, 8), "x", ChangeKind.ADDED, source, moves=RegularHoliday.SPRING)


# ------------------------------------------------------------------------------------------
# Import cost
# ------------------------------------------------------------------------------------------


def test_import_is_cheap_index_built_lazily_and_rrule_not_loaded() -> None:
    # In a fresh interpreter: what importing the module itself adds, beyond the package.
    code = (
        "import sys, ilacs; before = set(sys.modules); import ilacs.workdays as w; "
        "print(w._index.cache_info().currsize, 'dateutil.rrule' in set(sys.modules) - before)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["0", "False"]


# --- Hostile counts (issue 10): never an OverflowError ------------------------------------------


@pytest.mark.parametrize(
    ("n", "bound"),
    [
        (2_080_389, MAX_DATE),  # the smallest count that overflowed datetime.date
        (3_000_000, MAX_DATE),
        (10**7, MAX_DATE),
        (10**100, MAX_DATE),
        (-(10**7), MIN_DATE),
        (-(10**100), MIN_DATE),
    ],
    ids=repr,
)
def test_a_huge_count_is_out_of_range_with_the_bound(n: int, bound: dt.date) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        add_working_days(D(2023, 5, 9), n)
    assert (caught.value.field, caught.value.value, caught.value.bound) == ("n", n, bound)
    assert bound.isoformat() in str(caught.value)


@given(
    day=st.dates(min_value=MIN_DATE, max_value=MAX_DATE),
    n=st.one_of(st.integers(), st.integers(-40_000, 40_000)),
)
def test_any_count_gives_a_date_in_range_or_out_of_range_error(day: dt.date, n: int) -> None:
    refused: OutOfRangeError | None = None
    try:
        result = add_working_days(day, n)
    except OutOfRangeError as error:  # anything else escapes and fails the test
        refused = error
    if refused is None:
        assert MIN_DATE <= result <= MAX_DATE
    else:
        assert refused.field == "n"
        assert refused.bound == (MAX_DATE if n > 0 else MIN_DATE)


@pytest.mark.parametrize("bad", [D(9999, 12, 31), dt.date.max], ids=repr)
def test_the_last_date_python_knows_is_out_of_range(bad: dt.date) -> None:
    for field, call in _callers(bad):
        with pytest.raises(OutOfRangeError) as caught:
            call()  # type: ignore[operator]
        assert (caught.value.field, caught.value.bound) == (field, MAX_DATE)


@pytest.mark.parametrize(("year", "bound"), [(10**100, LAST_YEAR), (-(10**100), FIRST_YEAR)])
def test_a_huge_year_is_out_of_range(year: int, bound: int) -> None:
    for function in (bank_holidays, bank_holiday_calendar):
        with pytest.raises(OutOfRangeError) as caught:
            function(year)
        assert caught.value.bound == bound


def test_a_count_of_thousands_of_digits_is_out_of_range_in_a_short_message() -> None:
    # Python refuses to write an int of more than 4,300 digits: the message must not try.
    with pytest.raises(OutOfRangeError) as caught:
        add_working_days(D(2023, 5, 9), 10**5000)
    assert caught.value.bound == MAX_DATE
    assert "an integer of 5001 digits" in str(caught.value)
    assert len(str(caught.value)) < 400

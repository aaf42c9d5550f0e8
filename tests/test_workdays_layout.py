"""Where things live: every source in ``ilacs.catalogue.refs``, the bank-holiday data apart from
the working-day arithmetic, and the calendar's tables checked by the shared validators."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

import ilacs.workdays
from ilacs.catalogue import refs
from ilacs.errors import OutOfRangeError, ValidationError
from ilacs.sources import Evidence, Source
from ilacs.workdays import rules
from ilacs.workdays.rules import (
    ONE_OFF_CHANGES,
    REGULAR_RULES,
    Anchor,
    ChangeKind,
    HolidayChange,
    HolidayRule,
    RegularHoliday,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "ilacs"
REFS = SRC / "catalogue" / "refs.py"


def source_calls(path: Path) -> list[int]:
    """The lines of ``path`` that call ``Source(...)`` (as ``Source`` or ``sources.Source``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == "Source")
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "Source")
        )
    ]


def test_every_source_is_defined_in_refs_and_nowhere_else_in_src() -> None:
    elsewhere = {
        str(path.relative_to(SRC)): lines
        for path in sorted(SRC.rglob("*.py"))
        if path != REFS and (lines := source_calls(path))
    }
    assert elsewhere == {}
    assert len(source_calls(REFS)) > 50  # the scan finds the calls where they are


def test_the_scan_finds_a_source_built_outside_refs(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from ilacs import sources\nS = sources.Source('t', 'https://x', A)\n")
    assert source_calls(module) == [2]


def test_the_calendar_cites_the_sources_of_refs() -> None:
    cited = {id(r.source) for r in REGULAR_RULES} | {id(c.source) for c in ONE_OFF_CHANGES}
    in_refs = {id(value) for value in vars(refs).values() if isinstance(value, Source)}
    assert cited <= in_refs
    assert ilacs.workdays.WORKING_DAY_SOURCE is refs.WORKING_DAY


def test_the_package_exports_the_tables_and_records_of_its_data_module() -> None:
    data = [name for name in ilacs.workdays.__all__ if name in vars(rules)]
    assert set(data) == {
        *("FIRST_YEAR", "LAST_YEAR", "MIN_DATE", "MAX_DATE", "WORKING_DAY_SOURCE"),
        *("REGULAR_RULES", "ONE_OFF_CHANGES", "Anchor", "RegularHoliday", "HolidayRule"),
        *("ChangeKind", "HolidayChange", "BankHoliday"),
    }
    for name in data:
        assert getattr(ilacs.workdays, name) is getattr(rules, name), name


GOOD_FRIDAY = REGULAR_RULES[1]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("holiday", "Good Friday", "a RegularHoliday"),
        ("rule", " ", "a non-empty string"),
        ("anchor", "EASTER", "an Anchor"),
        ("offset", -2, "a relativedelta"),
        ("first_year", 1970, "an integer of at least 1971"),
        ("source", "gov.uk", "a Source"),
        ("substitute", 1, "True or False"),
    ],
)
def test_a_holiday_rule_checks_each_field(field: str, value: object, words: str) -> None:
    fields = {
        "holiday": RegularHoliday.GOOD_FRIDAY,
        "rule": "the Friday before Easter Sunday",
        "anchor": Anchor.EASTER,
        "offset": relativedelta(days=-2),
        "first_year": 1971,
        "source": refs.CHRISTMAS_AND_GOOD_FRIDAY,
        "substitute": False,
    }
    assert HolidayRule(**fields) == GOOD_FRIDAY  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=f"HolidayRule.{field}: .*expected {words}"):
        HolidayRule(**(fields | {field: value}))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("date", dt.datetime(2023, 5, 8), ValidationError),
        ("date", dt.date(2101, 1, 3), OutOfRangeError),
        ("name", "", ValidationError),
        ("kind", "ADDED", ValidationError),
        ("source", "gov.uk", ValidationError),
        ("uncertain", "no", ValidationError),
        ("note", None, ValidationError),
    ],
)
def test_a_holiday_change_checks_each_field(
    field: str, value: object, error: type[Exception]
) -> None:
    source = Source("A proclamation", "https://www.thegazette.co.uk", Evidence.A)
    fields = {"date": dt.date(2023, 5, 8), "name": "x", "kind": ChangeKind.ADDED}
    assert HolidayChange(**fields, source=source).year == 2023  # type: ignore[arg-type]
    with pytest.raises(error, match=f"HolidayChange.{field}"):
        HolidayChange(**(fields | {"source": source, field: value}))  # type: ignore[arg-type]


def test_the_table_of_weekday_holidays_is_the_rules_worked_out() -> None:
    # ilacs.workdays reads its table instead of working 130 years out on first use: the table
    # must be what the rules give (tools/holidays.py writes it).
    table = Path(ilacs.workdays.HOLIDAYS_FILE).read_text(encoding="utf-8").split()
    assert table == [day.isoformat() for day in ilacs.workdays.weekday_holidays()], (
        "run: .venv/bin/python tools/holidays.py"
    )

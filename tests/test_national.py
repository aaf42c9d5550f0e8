"""Forecasts for the whole country (next_inspections), never-inspected LAs, out-of-date data."""

from __future__ import annotations

import datetime as dt

import pytest

import ilacs
from ilacs.errors import ParseError, ValidationError
from ilacs.records import Inspection
from ilacs.scheduling import NationalForecasts, next_inspection, next_inspections
from ilacs.scheduling.calibration import shipped, written_only
from ilacs.scheduling.graded import STALE_AFTER_DAYS
from ilacs.scheduling.rules import LATEST_AS_OF

D = dt.date
ABOLISHED = {"E06000028", "E06000029", "E10000009", "E10000021", "E10000006"}
"""Bournemouth, Poole, Dorset county, Northamptonshire, Cumbria (the data README)."""


def cumbria() -> list[Inspection]:
    return [
        Inspection(
            "E10000006", "Cumbria", "standard", start=D(2022, 3, 14), end=D(2022, 3, 25),
            published=D(2022, 5, 6), judgements={"overall": "Good"},
        )
    ]  # fmt: skip


def test_every_la_of_the_country_gets_one_forecast_in_order(
    real_inspections: list[Inspection],
) -> None:
    t = D(2025, 3, 31)
    found = next_inspections(real_inspections, as_of=t)
    assert isinstance(found, NationalForecasts)
    assert isinstance(found, list)
    assert len(found) == 153  # the data README: 158 LAs, 5 of which no longer exist
    assert len({f.la_code for f in found}) == 153
    assert [f.expected for f in found] == sorted(f.expected for f in found)
    assert found.national
    assert found.calibration.cut_off <= t
    assert {o.la_code for o in found.left_out} == ABOLISHED
    cumbria_left = next(o for o in found.left_out if o.la_code == "E10000006")
    assert "Cumberland (E06000063)" in cumbria_left.reason
    assert "abolished on 2023-04-01" in cumbria_left.reason
    assert all(any(r.code == "calibration.national" for r in f.reasons) for f in found)


def test_a_part_of_the_country_uses_the_shipped_calibration() -> None:
    found = next_inspections(cumbria(), as_of=D(2023, 6, 1))
    assert not found.national
    assert found.calibration == shipped()


def test_new_las_are_forecast_from_their_creation_and_the_abolished_left_out() -> None:
    found = next_inspections(cumbria(), as_of=D(2023, 6, 1))
    assert {f.la_name for f in found} == {"Cumberland", "Westmorland and Furness"}
    assert all(f.type.name == "STANDARD" for f in found)
    assert all(f.reasons[0].code == "history.new-la" for f in found)
    (left,) = found.left_out
    assert left.la_code == "E10000006"
    assert left.abolished == D(2023, 4, 1)  # Cumbria was replaced on 1 April 2023
    # before the reorganisation, only Cumbria exists
    before = next_inspections(cumbria(), as_of=D(2023, 3, 31))
    assert [f.la_name for f in before] == ["Cumbria"]
    assert {o.la_name for o in before.left_out} == {"Cumberland", "Westmorland and Furness"}
    assert all(o.abolished is None for o in before.left_out)
    assert all(o.reason == "created on 2023-04-01, after as_of" for o in before.left_out)


def test_a_never_inspected_la_is_forecast_by_its_code() -> None:
    forecast = next_inspection([], as_of=D(2023, 6, 1), la_code="E06000064")
    assert forecast.la_name == "Westmorland and Furness"
    assert forecast.type.name == "STANDARD"
    assert forecast.reasons[0].code == "history.new-la"


def test_a_code_that_is_not_the_historys_or_not_an_la_is_an_error() -> None:
    with pytest.raises(ValidationError) as caught:
        next_inspection(cumbria(), as_of=D(2023, 1, 1), la_code="E06000063")
    assert caught.value.field == "la_code"
    with pytest.raises(ParseError):
        next_inspection([], as_of=D(2023, 6, 1), la_code="X99999999")
    with pytest.raises(ValidationError, match="la_code for an LA with none"):
        next_inspection([], as_of=D(2023, 6, 1))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"inspections": [], "as_of": D(2023, 6, 1)}, "inspections"),
        ({"inspections": None, "as_of": D(2023, 6, 1)}, "inspections"),
        ({"inspections": cumbria(), "as_of": D(2022, 3, 13)}, "as_of"),
        ({"inspections": cumbria(), "as_of": "2023-06-01"}, "as_of"),
        ({"inspections": cumbria(), "as_of": D(2023, 6, 1), "calibration": "shipped"}, "calibration"),
        ({"inspections": cumbria(), "as_of": D(2023, 6, 1), "rules": None}, "rules"),
    ],
)  # fmt: skip
def test_bad_input_is_an_error_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        next_inspections(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize(
    "function", [ilacs.next_inspection, ilacs.focused_visits, ilacs.monitoring_visits]
)
def test_every_forecasting_function_refuses_no_rules_and_takes_a_calibration(
    function: object,
) -> None:
    with pytest.raises(ValidationError, match="rules"):
        function(cumbria(), as_of=D(2023, 1, 1), rules=None)  # type: ignore[operator]
    with pytest.raises(ValidationError, match="calibration"):
        function(cumbria(), as_of=D(2023, 1, 1), calibration=42)  # type: ignore[operator]
    function(cumbria(), as_of=D(2023, 1, 1), calibration=written_only())  # type: ignore[operator]


@pytest.mark.parametrize(
    ("days", "stale"), [(STALE_AFTER_DAYS, False), (STALE_AFTER_DAYS + 1, True)]
)
def test_a_forecast_long_after_the_data_end_says_so(days: int, stale: bool) -> None:
    cal = shipped()
    as_of = cal.cut_off + dt.timedelta(days=days)
    forecast = next_inspection(cumbria(), as_of=min(as_of, D(2023, 3, 31)), calibration=cal)
    assert not any(r.code == "data.stale" for r in forecast.reasons)  # before the cut-off
    later = next_inspection([], as_of=as_of, la_code="E06000063")
    reasons = [r for r in later.reasons if r.code == "data.stale"]
    assert bool(reasons) is stale
    if stale:
        assert "The data end on 31 March 2025" in reasons[0].text
        assert "since then are unknown" in reasons[0].text
    assert later.data_end == cal.cut_off


def test_the_country_long_after_its_data_end_is_told_so(real_inspections: list[Inspection]) -> None:
    found = next_inspections(real_inspections, as_of=D(2026, 12, 2))
    assert found.national
    assert all(any(r.code == "data.stale" for r in f.reasons) for f in found)


def test_the_countrys_forecasts_ignore_what_happened_after_as_of(
    real_inspections: list[Inspection],
) -> None:
    # The observed practice is learnt from the inspections known on as_of only: the country's
    # later inspections change neither it nor any forecast. (Before an LA's first event they
    # change its name: see the next test.)
    as_of = D(2023, 6, 1)
    found = next_inspections(real_inspections, as_of=as_of)
    known = next_inspections([i for i in real_inspections if i.date <= as_of], as_of=as_of)
    assert found.national
    assert found.calibration.cut_off <= as_of
    assert found.calibration == known.calibration
    assert found == known
    assert found.left_out == known.left_out


def test_a_new_las_forecast_before_its_first_event_ignores_that_event() -> None:
    # BCP (created 1 April 2019) was first inspected in December 2021 (Ofsted's data).
    later = [
        Inspection(
            "E06000058", "Bournemouth, Christchurch & Poole", "standard", start=D(2021, 12, 6),
            end=D(2021, 12, 17), published=D(2022, 2, 11), judgements={"overall": "Inadequate"},
        )
    ]  # fmt: skip
    with_later = next_inspection(later, as_of=D(2019, 6, 1))
    without = next_inspection([], as_of=D(2019, 6, 1), la_code="E06000058")
    assert with_later == without


def test_a_new_la_can_be_forecast_up_to_the_last_as_of_accepted() -> None:
    forecast = next_inspection([], as_of=LATEST_AS_OF, la_code="E06000059")
    assert forecast.type.name == "STANDARD"

"""Scheduling: routes, written windows, pauses, calibration, overdue LAs, visits, deadlines, errors."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest

from ilacs.catalogue.cadence import PAUSES
from ilacs.catalogue.duties import ACTION_PLAN, REPORT_PUBLICATION
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.reorganisations import (
    REORGANISATIONS,
    Kind,
    abolished_on,
    new_authority,
    reorganisation_of,
    replaced_by,
    replaced_on,
    successors_of,
)
from ilacs.catalogue.visit_pauses import VISIT_PAUSES
from ilacs.errors import IlacsError, OutOfRangeError, ValidationError
from ilacs.records import Inspection
from ilacs.scheduling import (
    DEFAULT_RULES,
    Deadline,
    Forecast,
    ForecastKind,
    Window,
    deadlines,
    focused_visits,
    monitoring_visits,
    next_inspection,
)
from ilacs.scheduling.calibration import written_only
from ilacs.scheduling.optime import from_operating, merged, paused_days, to_operating
from ilacs.scheduling.rules import LATEST_AS_OF
from ilacs.words import long_date
from ilacs.workdays import is_working_day, working_days_between

D = dt.date
WRITTEN = written_only()
NO_PAUSES = attrs.evolve(DEFAULT_RULES, pauses=(), visit_pauses=())
DAYS_PER_MONTH = 365.25 / 12


def graded(
    grade: str | None,
    start: dt.date,
    *,
    code: str = "E06000034",
    name: str = "Thurrock",
    kind: str | None = None,
    days: int = 11,
    published: dt.date | None = None,
    judgements: dict[str, str] | None = None,
) -> Inspection:
    """A graded inspection: SIF before 2018, else short (good or better) or standard."""
    if kind is None:
        kind = (
            "sif"
            if start < D(2018, 1, 1)
            else ("short" if grade in ("Good", "Outstanding") else "standard")
        )
    return Inspection(
        code,
        name,
        kind,
        start=start,
        end=start + dt.timedelta(days=days),
        published=published if published is not None else start + dt.timedelta(days=50),
        judgements=judgements if judgements is not None else {"overall": grade},
    )


def visit(
    kind: str, day: dt.date, *, code: str = "E06000034", name: str = "Thurrock"
) -> Inspection:
    return Inspection(code, name, kind, start=day)


# --- Window, Forecast and Deadline records -----------------------------------------------


def test_window_holds_its_days_and_measures_its_width() -> None:
    w = Window(D(2022, 5, 11), D(2022, 11, 11), D(2023, 5, 11))
    assert w.width_days == 365
    assert D(2022, 5, 11) in w
    assert D(2023, 5, 11) in w
    assert D(2022, 5, 10) not in w
    assert D(2023, 5, 12) not in w
    assert "2022" not in w  # not a date: not inside
    assert str(w) == "between 11 May 2022 and 11 May 2023, most likely around 11 November 2022"


@pytest.mark.parametrize(
    ("earliest", "expected", "latest", "field"),
    [
        (D(2022, 5, 11), D(2022, 5, 11), D(2022, 5, 10), "latest"),
        (D(2022, 5, 11), D(2022, 5, 10), D(2022, 6, 1), "expected"),
        (D(2022, 5, 11), D(2022, 6, 2), D(2022, 6, 1), "expected"),
    ],
)
def test_window_refuses_bounds_out_of_order(
    earliest: dt.date, expected: dt.date, latest: dt.date, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Window(earliest, expected, latest)
    assert caught.value.field == field


def test_window_refuses_a_datetime_bound() -> None:
    with pytest.raises(ValidationError, match="earliest"):
        Window(dt.datetime(2022, 5, 11, 9, 0), D(2022, 6, 1), D(2022, 7, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("window", "field"),
    [
        ((D(2024, 1, 1), D(2024, 6, 3), D(2024, 12, 31)), "earliest"),  # starts on as_of
        ((D(2023, 1, 2), D(2023, 6, 1), D(2023, 12, 29)), "latest"),  # ends before as_of
    ],
)
def test_forecast_refuses_a_window_that_does_not_start_after_as_of(
    window: tuple[dt.date, dt.date, dt.date], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Forecast(
            "E06000034",
            "Thurrock",
            D(2024, 1, 1),
            ForecastKind.GRADED_INSPECTION,
            InspectionType.SHORT,
            *window,
            False,
            None,
            (),
        )
    assert caught.value.field == field


# --- operating time and pauses ------------------------------------------------------------


def test_operating_time_skips_paused_days_and_lands_after_the_pause() -> None:
    covid = PAUSES[0]
    before = covid.start - dt.timedelta(days=1)
    assert to_operating(covid.resume, PAUSES) == to_operating(covid.start, PAUSES)
    assert to_operating(covid.resume, PAUSES) - to_operating(before, PAUSES) == 1
    assert from_operating(to_operating(D(2020, 7, 1), PAUSES), PAUSES) == covid.resume
    # 17 March 2020 to 20 September 2021: 552 days (14 + 30 + 31 + ... to 17 March 2021 is
    # 365, then 14 + 30 + 31 + 30 + 31 + 31 + 20 = 187)
    assert paused_days(D(2019, 1, 1), D(2024, 1, 1), PAUSES) == 552


def test_overlapping_pauses_count_once() -> None:
    spans = merged(VISIT_PAUSES)
    assert spans == ((D(2020, 3, 17), D(2021, 4, 19)),)
    assert (
        paused_days(D(2020, 1, 1), D(2022, 1, 1), VISIT_PAUSES)
        == (D(2021, 4, 19) - D(2020, 3, 17)).days
    )


def test_a_window_before_the_pause_is_unchanged() -> None:
    forecast = next_inspection(
        [graded("Good", D(2015, 1, 12))], as_of=D(2015, 6, 1), calibration=WRITTEN
    )
    assert forecast.written == Window(D(2017, 7, 12), D(2018, 1, 12), D(2018, 7, 12))
    assert not any(r.code == "cycle.pause" for r in forecast.reasons)


def test_the_covid_pause_moves_the_expected_and_latest_days_and_keeps_the_earliest() -> None:
    forecast = next_inspection(
        [graded("Good", D(2019, 11, 11))], as_of=D(2020, 1, 31), calibration=WRITTEN
    )
    # the plain cycle: 11 May 2022, 11 November 2022, 11 May 2023; the expected and latest days
    # move 552 days later (the pause, 17 March 2020 to 20 September 2021): 11 November 2022 +
    # 365 is 11 November 2023, + 187 is 16 May 2024 (2024 a leap year); 11 May 2023 + 366 is
    # 11 May 2024, + 186 is 13 November 2024
    assert forecast.written == Window(D(2022, 5, 11), D(2024, 5, 16), D(2024, 11, 13))
    pause = next(r for r in forecast.reasons if r.code == "cycle.pause")
    assert "552 days" in pause.text
    assert pause.sources


def test_a_window_spanning_the_pause_is_stretched_by_the_part_after_the_anchor() -> None:
    # Anchor 1 Sept 2017: the plain window (Mar 2020 - Mar 2021) holds the pause's start.
    forecast = next_inspection(
        [graded("Good", D(2017, 9, 1))], as_of=D(2018, 1, 1), calibration=WRITTEN
    )
    assert forecast.written is not None
    assert forecast.written.earliest == D(2020, 3, 1)
    # The expected day (1 Sept 2020) falls in the pause: the clock runs on after it resumes,
    # 552 days later: 1 September 2021 (365), then 29 + 31 + 30 + 31 + 31 + 28 + 7 = 187 days
    # on, 7 March 2022.
    assert forecast.written.expected == D(2022, 3, 7)


def test_without_pauses_the_written_window_is_the_plain_cycle() -> None:
    forecast = next_inspection(
        [graded("Requires improvement", D(2019, 6, 3))],
        as_of=D(2019, 7, 1),
        rules=NO_PAUSES,
        calibration=WRITTEN,
    )
    assert forecast.written == Window(D(2021, 12, 3), D(2022, 6, 3), D(2022, 12, 3))
    assert forecast.window.earliest == D(2021, 12, 3)  # a Friday, a working day


# --- routes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "expected"),
    [
        ("Outstanding", InspectionType.SHORT),
        ("Good", InspectionType.SHORT),
        ("Requires improvement to be good", InspectionType.STANDARD),
        ("Inadequate", InspectionType.STANDARD),
    ],
)
def test_the_next_type_follows_the_last_overall_grade(grade: str, expected: InspectionType) -> None:
    forecast = next_inspection([graded(grade, D(2019, 3, 4))], as_of=D(2019, 6, 1))
    assert forecast.type is expected
    assert forecast.kind is ForecastKind.GRADED_INSPECTION


@pytest.mark.parametrize(
    ("grade", "words"),
    [
        (
            "Outstanding",
            "Route: after an outstanding judgement, the written rule's next graded inspection is an "
            "ILACS short inspection (1 week off site after the call, then 1 week on site;",
        ),
        (
            "Good",
            "Route: after a good judgement, the written rule's next graded inspection is an ILACS short",
        ),
        (
            "Requires improvement to be good",
            "Route: after a requires improvement to be good "
            "judgement, the written rule's next graded inspection is an ILACS standard inspection (1 week off "
            "site after the call, then 2 weeks on site;",
        ),
        (
            "Inadequate",
            "Route: after an inadequate judgement, the written rule's next graded inspection is "
            "after monitoring visits, an ILACS standard inspection",
        ),
    ],
)
def test_the_route_reason_reads_as_a_sentence(grade: str, words: str) -> None:
    forecast = next_inspection([graded(grade, D(2019, 3, 4))], as_of=D(2019, 6, 1))
    route = next(r for r in forecast.reasons if r.code.startswith("route."))
    assert route.text.startswith(words)


def test_a_new_las_route_reason_says_it_has_no_inspection_of_its_own() -> None:
    dorset = [visit("focused_visit", D(2023, 5, 17), code="E06000059", name="Dorset")]
    forecast = next_inspection(dorset, as_of=D(2023, 6, 1))
    route = next(r for r in forecast.reasons if r.code.startswith("route."))
    assert route.text.startswith(
        "Route: with no graded inspection of its own, the written rule's next graded"
    )
    practice = next(r for r in forecast.reasons if r.code == "practice.graded")
    assert "LAs created by reorganisation, from their creation, are counted" in practice.text


def test_an_inadequate_la_before_september_2018_gets_a_sif_reinspection() -> None:
    forecast = next_inspection(
        [graded("Inadequate", D(2015, 1, 12), published=D(2015, 3, 20))],
        as_of=D(2015, 6, 1),
        calibration=WRITTEN,
    )
    assert forecast.type is InspectionType.SIF_REINSPECTION
    assert forecast.written is not None
    assert forecast.written.latest < D(2018, 9, 1)


def test_the_inadequate_route_counts_from_the_action_plan_and_monitoring() -> None:
    published = D(2021, 12, 1)
    forecast = next_inspection(
        [graded("Inadequate", D(2021, 10, 4), published=published)],
        as_of=D(2022, 1, 4),
        rules=NO_PAUSES,
        calibration=WRITTEN,
    )
    plan = next(r for r in forecast.reasons if r.code == "cadence.monitoring")
    assert "70 working days" in plan.text
    assert plan.uncertain
    assert "its action plan is due 70 working days after the report (14 March 2022)" in plan.text
    # 70 working days after 1 December 2021, counted by hand: 20 in December (27 and 28 are
    # the Christmas and Boxing Day substitutes), 20 in January (3 January, New Year's Day's
    # substitute, off), 20 in February, and 1 to 14 March (10)
    assert forecast.written is not None
    assert forecast.written.latest == D(2024, 3, 14)  # within 24 months of the plan


def test_a_history_ending_under_the_sif_gets_its_first_ilacs_inspection_by_the_sif_grade() -> None:
    forecast = next_inspection(
        [graded("Requires improvement", D(2016, 2, 22))], as_of=D(2018, 6, 1), calibration=WRITTEN
    )
    assert forecast.type is InspectionType.STANDARD
    assert "Single inspection framework" in forecast.reasons[0].text


def test_a_new_la_gets_a_standard_inspection_counted_from_its_creation() -> None:
    dorset = [visit("focused_visit", D(2023, 5, 17), code="E06000059", name="Dorset")]
    forecast = next_inspection(dorset, as_of=D(2023, 6, 1))
    assert forecast.type is InspectionType.STANDARD
    created = next(r for r in forecast.reasons if r.code == "history.new-la")
    assert "1 April 2019" in created.text
    assert created.sources[0].url.startswith("https://www.legislation.gov.uk/uksi/2018/648")


def test_a_new_la_with_only_a_monitoring_visit_is_anchored_on_its_creation() -> None:
    northants = [
        visit("monitoring_visit", D(2021, 7, 28), code="E06000061", name="North Northamptonshire")
    ]
    forecast = next_inspection(northants, as_of=D(2021, 8, 1), rules=NO_PAUSES, calibration=WRITTEN)
    assert forecast.written == Window(D(2023, 10, 1), D(2024, 4, 1), D(2024, 10, 1))


def test_the_2026_framework_without_an_overall_grade_follows_the_uncertain_no_overall_route() -> (
    None
):
    good = {
        "leadership": "Good",
        "help_and_protection": "Good",
        "children_in_care": "Outstanding",
        "care_leavers": "Requires improvement to be good",
    }
    forecast = next_inspection([graded(None, D(2026, 6, 1), judgements=good)], as_of=D(2026, 9, 1))
    assert forecast.type is InspectionType.SHORT
    route = next(r for r in forecast.reasons if r.code == "route.no-overall-2026")
    assert route.uncertain
    assert "not confirmed" in route.text
    assert (
        "gives a short inspection next, because the leaders' judgement is good or better and 2 of the 3"
        in (route.text)
    )
    plan = next(r for r in forecast.reasons if r.code.startswith("route.good"))
    assert plan.text.startswith("Route: after a result without an overall grade, read as good,")
    (visit_,) = focused_visits([graded(None, D(2026, 6, 1), judgements=good)], as_of=D(2026, 9, 1))
    rule = next(r for r in visit_.reasons if r.code == "cadence.focused-visits")
    assert "after a result without an overall grade, read as good, 1 focused visit is" in rule.text


@pytest.mark.parametrize(
    ("judgements", "words"),
    [
        (
            {"leadership": "Inadequate", "help_and_protection": "Good"},
            "gives monitoring visits and then a re-inspection, as after an inadequate "
            "judgement, because the judgement on leadership was inadequate.",
        ),
        (
            {"leadership": "Inadequate", "help_and_protection": "Inadequate"},
            "because the judgements on leadership and children who need help and protection "
            "were inadequate.",
        ),
        (
            {"leadership": "Good", "help_and_protection": "Requires improvement to be good"},
            "gives a standard inspection next, because the test for a short one (the leaders' "
            "judgement good or better and 2 of the 3 practice judgements good or better) is not "
            "met.",
        ),
    ],
)
def test_the_no_overall_reason_reads_as_a_sentence(judgements: dict[str, str], words: str) -> None:
    forecast = next_inspection(
        [graded(None, D(2026, 6, 1), judgements=judgements)], as_of=D(2026, 9, 1)
    )
    route = next(r for r in forecast.reasons if r.code == "route.no-overall-2026")
    assert words in route.text


@pytest.mark.parametrize(
    ("judgements", "expected"),
    [
        (
            {"leadership": "Inadequate", "help_and_protection": "Requires improvement to be good"},
            InspectionType.STANDARD,  # monitoring first, then a standard re-inspection
        ),
        (
            {"leadership": "Good", "help_and_protection": "Requires improvement to be good"},
            InspectionType.STANDARD,
        ),
    ],
)
def test_the_no_overall_route_sends_weaker_results_to_standard_or_monitoring(
    judgements: dict[str, str], expected: InspectionType
) -> None:
    history = [graded(None, D(2026, 6, 1), judgements=judgements)]
    assert next_inspection(history, as_of=D(2026, 9, 1)).type is expected
    monitored = bool(monitoring_visits(history, as_of=D(2026, 9, 1)))
    assert monitored == ("Inadequate" in judgements.values())


def test_an_unknown_start_day_counts_from_the_last_day_and_says_so() -> None:
    history = [
        Inspection(
            "E10000006",
            "Cumbria",
            "sif",
            published=D(2015, 5, 13),
            judgements={"overall": "Good"},
        )
    ]
    forecast = next_inspection(history, as_of=D(2015, 6, 1))
    reason = next(r for r in forecast.reasons if r.code == "anchor.missing")
    assert reason.uncertain
    assert "counted from its publication (13 May 2015)" in reason.text
    assert "a little late" in reason.text


# --- calibration and overdue LAs -------------------------------------------------------------


def test_an_overdue_la_gets_a_window_from_the_day_after_as_of_and_is_told_by_how_long() -> None:
    history = [graded("Good", D(2014, 1, 13))]
    as_of = D(2019, 1, 1)
    forecast = next_inspection(history, as_of=as_of, calibration=WRITTEN)
    assert forecast.overdue
    assert forecast.earliest == D(2019, 1, 2)
    assert forecast.window.width_days >= 360
    overdue = next(r for r in forecast.reasons if r.code == "overdue")
    assert "13 July 2017" in overdue.text
    assert "537 days" in overdue.text


def test_an_overdue_window_keeps_the_rules_shape_not_the_pauses_stretch() -> None:
    # Good in November 2019: the pause stretched the written window to 2.5 years (May 2022 to
    # November 2024). Seven years on the LA is two years overdue: the inspection is expected
    # about six months on, within a year, not two years on.
    history = [graded("Good", D(2019, 11, 11))]
    as_of = D(2026, 11, 23)
    forecast = next_inspection(history, as_of=as_of, calibration=WRITTEN)
    assert forecast.written is not None
    assert forecast.written.width_days > 900
    assert forecast.overdue
    assert forecast.earliest == D(2026, 11, 24)
    # the plain rule: expected 184 days after the earliest day (11 May to 11 November 2022),
    # latest 365 days after it (to 11 May 2023)
    assert forecast.expected == D(2026, 11, 24) + dt.timedelta(days=184)
    assert forecast.latest == D(2026, 11, 24) + dt.timedelta(days=365)
    overdue = next(r for r in forecast.reasons if r.code == "overdue")
    assert "13 November 2024" in overdue.text
    assert "740 days (24 months)" in overdue.text


def test_an_overdue_inadequate_la_keeps_the_monitoring_rules_shape() -> None:
    # Devon: inadequate in January 2020, its plan due inside the COVID-19 pause.
    history = [graded("Inadequate", D(2020, 1, 20), published=D(2020, 3, 10))]
    as_of = D(2026, 11, 23)
    forecast = next_inspection(history, as_of=as_of, calibration=WRITTEN)
    rule = DEFAULT_RULES.monitoring
    visits_between = rule.max_visits - rule.min_visits
    assert forecast.overdue
    lead = (forecast.expected - forecast.earliest).days
    assert abs(lead - visits_between * rule.interval_months * DAYS_PER_MONTH) <= 5
    assert forecast.window.width_days <= 366


# --- reorganisations ------------------------------------------------------------------------


def test_reorganisations_cite_their_statutory_instruments_and_predecessors() -> None:
    expected = {
        "E06000058": (D(2019, 4, 1), "2018/648", {"E06000028", "E06000029", "E10000009"}),
        "E06000059": (D(2019, 4, 1), "2018/648", {"E10000009"}),
        "E06000061": (D(2021, 4, 1), "2020/156", {"E10000021"}),
        "E06000062": (D(2021, 4, 1), "2020/156", {"E10000021"}),
        "E06000063": (D(2023, 4, 1), "2022/331", {"E10000006"}),
        "E06000064": (D(2023, 4, 1), "2022/331", {"E10000006"}),
    }
    for code, (created, si, before) in expected.items():
        found = reorganisation_of(code)
        assert found is not None
        assert found.kind is Kind.NEW_AUTHORITY
        assert found.created == created
        assert any(si in s.url for s in found.sources)
        assert {p.code for p in found.predecessors} == before
    assert all(
        s.url.startswith("https://www.legislation.gov.uk/uksi/")
        for r in REORGANISATIONS
        for s in r.sources
    )


def test_county_councils_that_became_unitary_continue_their_history() -> None:
    for code in ("E06000060", "E06000065", "E06000066"):
        found = reorganisation_of(code)
        assert found is not None
        assert found.kind is Kind.CONTINUATION


def test_abolished_councils_know_their_successors() -> None:
    assert abolished_on("E10000009") == D(2019, 4, 1)
    assert {r.la_code for r in successors_of("E10000009")} == {"E06000058", "E06000059"}
    assert abolished_on("E06000034") is None
    assert "Poole" in reorganisation_of("E06000058").summary  # type: ignore[union-attr]


def test_a_council_about_to_be_abolished_is_told_so() -> None:
    poole = [graded("Requires improvement", D(2017, 11, 24), code="E06000029", name="Poole")]
    forecast = next_inspection(poole, as_of=D(2018, 6, 1))
    reason = next(r for r in forecast.reasons if r.code == "reorganisation.abolished")
    assert "1 April 2019" in reason.text
    assert "Bournemouth, Christchurch and Poole" in reason.text


def test_a_council_split_in_two_names_both_successors_unambiguously() -> None:
    cumbria = [graded("Requires improvement", D(2022, 9, 20), code="E10000006", name="Cumbria")]
    forecast = next_inspection(cumbria, as_of=D(2022, 12, 1))
    reason = next(r for r in forecast.reasons if r.code == "reorganisation.abolished")
    assert "by Cumberland (E06000063) and Westmorland and Furness (E06000064):" in reason.text
    assert [s.url for s in reason.sources] == [
        "https://www.legislation.gov.uk/uksi/2022/331/contents/made"
    ]


def test_a_continuation_under_a_new_code_is_not_a_replacement() -> None:
    # Buckinghamshire County Council carried on as Buckinghamshire Council (E06000060).
    assert abolished_on("E10000002") == D(2020, 4, 1)
    assert replaced_by("E10000002") == ()
    assert replaced_on("E10000002") is None
    assert new_authority("E06000060") is None
    assert new_authority("E06000063") == reorganisation_of("E06000063")
    assert [r.la_code for r in replaced_by("E10000006")] == ["E06000063", "E06000064"]
    assert replaced_on("E10000006") == D(2023, 4, 1)
    bucks = [graded("Good", D(2019, 3, 4), code="E10000002", name="Buckinghamshire")]
    assert next_inspection(bucks, as_of=D(2021, 1, 4)).la_code == "E10000002"


# --- focused and monitoring visits ---------------------------------------------------------


def test_one_focused_visit_is_expected_after_a_good_inspection_and_it_is_uncertain() -> None:
    history = [graded("Good", D(2018, 7, 2))]
    (fv,) = focused_visits(history, as_of=D(2018, 8, 1), rules=NO_PAUSES, calibration=WRITTEN)
    assert fv.kind is ForecastKind.FOCUSED_VISIT
    assert fv.type is InspectionType.FOCUSED_VISIT
    assert fv.written == Window(D(2019, 1, 2), D(2019, 10, 2), D(2020, 7, 2))
    assert fv.uncertain
    rule = next(r for r in fv.reasons if r.code == "cadence.focused-visits")
    assert "after a good judgement, 1 focused visit is expected" in rule.text


def test_the_focused_visit_reason_reads_well_after_an_outstanding_judgement() -> None:
    history = [graded("Outstanding", D(2018, 7, 2))]
    two = attrs.evolve(
        NO_PAUSES,
        focused_visits=attrs.evolve(
            DEFAULT_RULES.focused_visits,
            default_count=tuple((g, 2) for g, _ in DEFAULT_RULES.focused_visits.default_count),
        ),
    )
    first, _ = focused_visits(history, as_of=D(2018, 8, 1), rules=two, calibration=WRITTEN)
    rule = next(r for r in first.reasons if r.code == "cadence.focused-visits")
    assert "after an outstanding judgement, 2 focused visits are expected" in rule.text


def test_focused_visits_after_a_sif_inspection_are_counted_from_the_start_of_ilacs() -> None:
    # Focused visits belong to ILACS (from 1 January 2018): none can fall under the SIF.
    history = [graded("Good", D(2015, 1, 12))]
    (fv,) = focused_visits(history, as_of=D(2015, 2, 1), rules=NO_PAUSES, calibration=WRITTEN)
    assert fv.written == Window(D(2018, 7, 1), D(2019, 4, 1), D(2020, 1, 1))
    assert not fv.overdue
    began = next(r for r in fv.reasons if r.code == "visits.focused-began")
    assert "1 January 2018" in began.text
    assert began.sources
    # in mid-2018 the visit is not overdue: it could not have come before ILACS began
    (later,) = focused_visits(history, as_of=D(2018, 6, 1), rules=NO_PAUSES, calibration=WRITTEN)
    assert not later.overdue
    assert later.window.earliest == D(2018, 7, 2)


def test_no_focused_visit_is_forecast_once_the_expected_number_took_place() -> None:
    history = [graded("Good", D(2018, 7, 2)), visit("focused_visit", D(2019, 6, 1))]
    assert focused_visits(history, as_of=D(2019, 7, 1)) == ()


def test_a_caller_can_expect_two_focused_visits_and_the_second_follows_the_first() -> None:
    two = attrs.evolve(
        NO_PAUSES,
        focused_visits=attrs.evolve(
            DEFAULT_RULES.focused_visits,
            default_count=tuple((g, 2) for g, _ in DEFAULT_RULES.focused_visits.default_count),
        ),
    )
    first, second = focused_visits(
        [graded("Good", D(2018, 7, 2))], as_of=D(2018, 8, 1), rules=two, calibration=WRITTEN
    )
    assert second.earliest > first.earliest
    assert second.expected > first.expected


def test_inadequate_and_new_las_get_no_focused_visits_and_others_no_monitoring() -> None:
    inadequate = [graded("Inadequate", D(2019, 1, 14))]
    assert focused_visits(inadequate, as_of=D(2019, 6, 1)) == ()
    dorset = [visit("focused_visit", D(2023, 5, 17), code="E06000059", name="Dorset")]
    assert focused_visits(dorset, as_of=D(2023, 6, 1)) == ()
    assert monitoring_visits([graded("Good", D(2019, 1, 14))], as_of=D(2019, 6, 1)) == ()


def test_monitoring_visits_are_quarterly_after_the_action_plan() -> None:
    history = [graded("Inadequate", D(2018, 10, 1), published=D(2018, 11, 20))]
    visits = monitoring_visits(history, as_of=D(2018, 12, 1), rules=NO_PAUSES, calibration=WRITTEN)
    assert len(visits) == 6  # up to six before re-inspection (early ILACS, CYP Now 2018)
    assert visits[0].written is not None
    assert visits[0].written.earliest == D(2019, 3, 1)  # the plan (counted by hand below)
    gaps = [(b.expected - a.expected).days for a, b in itertools.pairwise(visits)]
    assert all(85 <= g <= 95 for g in gaps)
    assert all(v.type is InspectionType.MONITORING_VISIT for v in visits)


def test_monitoring_counts_visits_held_and_continues_past_the_usual_most() -> None:
    history = [graded("Inadequate", D(2018, 10, 1), published=D(2018, 11, 20))]
    held = [visit("monitoring_visit", D(2019, 4, 1) + dt.timedelta(days=91 * i)) for i in range(6)]
    (one,) = monitoring_visits(
        [*history, *held], as_of=D(2020, 10, 1), rules=NO_PAUSES, calibration=WRITTEN
    )
    assert one.expected >= D(2020, 10, 2)
    assert "6 held so far" in next(r.text for r in one.reasons if r.code == "cadence.monitoring")
    assert one.reasons[-1].code == "visits.until-reinspection"
    two_held = monitoring_visits(
        [*history, *held[:2]], as_of=D(2019, 8, 1), rules=NO_PAUSES, calibration=WRITTEN
    )
    assert len(two_held) == DEFAULT_RULES.monitoring.max_visits - 2


def test_visits_are_stretched_by_the_visit_pause_not_the_graded_pause() -> None:
    history = [graded("Good", D(2019, 11, 11))]
    (fv,) = focused_visits(history, as_of=D(2020, 1, 31), calibration=WRITTEN)
    assert D(2021, 6, 30) in fv.window  # Thurrock's real visit, before graded inspections resumed
    assert any(r.code == "visits.pause" for r in fv.reasons)


def test_an_overdue_visit_gets_a_window_from_the_day_after_as_of() -> None:
    history = [graded("Good", D(2018, 7, 2))]
    (fv,) = focused_visits(history, as_of=D(2020, 8, 3), rules=NO_PAUSES, calibration=WRITTEN)
    assert fv.overdue
    assert fv.earliest == D(2020, 8, 4)
    # the planned window (6 to 24 months, expected at 15) moved whole: expected 9 months on
    assert fv.expected == D(2021, 5, 4)
    assert any(r.code == "overdue" for r in fv.reasons)


def test_monitoring_visits_start_about_four_weeks_after_the_action_plan() -> None:
    published = D(2018, 11, 20)
    history = [graded("Inadequate", D(2018, 10, 1), published=published)]
    first, second, *_ = monitoring_visits(
        history, as_of=D(2018, 12, 1), rules=NO_PAUSES, calibration=WRITTEN
    )
    plan = D(2019, 3, 1)  # 70 working days after 20 November 2018, counted by hand: 8 in
    # November, 19 in December (25 and 26 off), 22 in January (1 off), 20 in February, 1 March
    assert first.expected == plan + dt.timedelta(weeks=4)  # about four weeks after (2016 rule)
    assert first.earliest == plan
    assert second.expected == D(2019, 7, 1)  # a quarter after the first (29 June, a Saturday)
    text = next(r.text for r in first.reasons if r.code == "cadence.monitoring")
    assert "due 70 working days after the report (1 March 2019)" in text
    assert "by 2 HMI for 2 days follow every 3 months" in text


def test_monitoring_visits_stop_at_the_latest_day_of_the_reinspection() -> None:
    # Judged inadequate in 2023, no visit recorded, asked in late 2026: the re-inspection is
    # overdue and forecast within a year, so no visit is forecast after that.
    history = [graded("Inadequate", D(2023, 7, 17), published=D(2023, 9, 1))]
    as_of = D(2026, 11, 23)
    reinspection = next_inspection(history, as_of=as_of)
    visits = monitoring_visits(history, as_of=as_of)
    assert 1 <= len(visits) < DEFAULT_RULES.monitoring.max_visits
    assert all(v.expected <= reinspection.expected for v in visits[1:])
    assert all(v.latest <= reinspection.latest for v in visits)
    note = next(r for r in visits[-1].reasons if r.code == "visits.until-reinspection")
    assert long_date(reinspection.expected) in note.text
    assert visits[0].overdue


def test_monitoring_goes_on_after_the_reinspections_written_window_has_closed() -> None:
    # Inadequate in October 2018, its plan due 1 March 2019, the first visit 4 weeks on (29
    # March 2019); six visits held, the last on 29 June 2020.
    history = [graded("Inadequate", D(2018, 10, 1), published=D(2018, 11, 20))]
    held = [visit("monitoring_visit", D(2019, 4, 1) + dt.timedelta(days=91 * i)) for i in range(6)]
    as_of = D(2021, 12, 1)
    reinspection = next_inspection(
        [*history, *held], as_of=as_of, rules=NO_PAUSES, calibration=WRITTEN
    )
    # written: after 4 to 6 quarterly visits (29 March and 29 September 2020), within 24 months
    # of the plan (1 March 2021); closed by as_of, so moved after it with the rule's shape:
    # expected 184 days (29 March to 29 September) after 2 December 2021, 4 June 2022 (a
    # Saturday: 6 June), latest 337 days after it (29 March 2020 to 1 March 2021), 4 November
    assert reinspection.written == Window(D(2020, 3, 29), D(2020, 9, 29), D(2021, 3, 1))
    assert reinspection.overdue
    assert reinspection.window == Window(D(2021, 12, 2), D(2022, 6, 6), D(2022, 11, 4))
    first, second = monitoring_visits(
        [*history, *held], as_of=as_of, rules=NO_PAUSES, calibration=WRITTEN
    )
    # the next visit was due a quarter after the last, 29 September 2020, give or take half a
    # quarter (46 days: 3 x 30.44 / 2): 14 August to 14 November 2020; overdue, moved whole
    # after as_of: expected 46 days on (17 January 2022), latest 92 days on (4 March 2022)
    assert first.overdue
    assert first.window == Window(D(2021, 12, 2), D(2022, 1, 17), D(2022, 3, 4))
    # then a quarter after that, 17 April 2022 (Easter Sunday; Easter Monday a bank holiday, so
    # 19 April), from 46 days before (2 March) to 46 days after (2 June, the Platinum Jubilee's
    # bank holiday: 1 June)
    assert second.window == Window(D(2022, 3, 2), D(2022, 4, 19), D(2022, 6, 1))
    assert second.expected <= reinspection.expected


# --- deadlines -------------------------------------------------------------------------------


def stockton(**changes: object) -> Inspection:
    base = Inspection(
        "E06000004",
        "Stockton-on-Tees",
        "standard",
        start=D(2023, 1, 30),
        end=D(2023, 2, 10),
        published=D(2023, 5, 9),
        judgements={"overall": "Requires improvement"},
    )
    return attrs.evolve(base, **changes)


def test_stocktons_action_plan_is_due_seventy_working_days_after_its_report() -> None:
    # Stockton's plan was due 16 August 2023 after the report of 9 May 2023 (STOCKTON_2023).
    publish, plan = deadlines(stockton(), received=D(2023, 5, 9))
    assert (plan.code, plan.due, plan.working_days) == (ACTION_PLAN.code, D(2023, 8, 16), 70)
    assert (publish.code, publish.working_days) == (REPORT_PUBLICATION.code, 30)
    assert isinstance(plan, Deadline)
    assert not publish.uncertain
    assert "16 August 2023" in str(plan)


def test_deadlines_count_from_publication_when_receipt_is_unknown_and_say_so() -> None:
    publish, plan = deadlines(stockton())
    assert plan.counted_from == D(2023, 5, 9)
    assert plan.uncertain
    assert publish.uncertain
    assert any(r.code == "deadline.from-publication" for r in plan.reasons)


def test_a_deadline_without_a_publication_date_is_an_error_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        deadlines(stockton(published=None))
    assert caught.value.field == "published"
    assert len(deadlines(stockton(published=None), received=D(2023, 5, 2))) == 2


def test_a_focused_visit_with_priority_actions_has_draft_and_final_plans() -> None:
    letter = Inspection(
        "E06000034",
        "Thurrock",
        "focused_visit",
        start=D(2021, 6, 30),
        published=D(2021, 8, 9),
        priority_action=True,
    )
    draft, final = deadlines(letter)
    assert (draft.working_days, final.working_days) == (20, 70)
    assert draft.due == D(2021, 9, 7)
    assert draft.counted_from == D(2021, 8, 9)
    assert not draft.uncertain


def test_visits_without_duties_have_no_deadlines() -> None:
    assert deadlines(visit("focused_visit", D(2021, 6, 30))) == ()
    assert deadlines(visit("monitoring_visit", D(2021, 6, 30))) == ()


def test_a_jtai_statement_is_conditional_and_marked_uncertain() -> None:
    jtai = Inspection("E06000034", "Thurrock", "jtai", start=D(2022, 5, 9), published=D(2022, 7, 1))
    (statement,) = deadlines(jtai)
    assert statement.working_days == 70
    assert statement.uncertain


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"received": "2023-05-09"}, "received"),
        ({"received": D(2023, 1, 1)}, "received"),
    ],
)
def test_deadlines_refuse_bad_receipt_dates(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        deadlines(stockton(), **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_deadlines_refuse_what_is_not_an_inspection() -> None:
    with pytest.raises(ValidationError, match="inspection"):
        deadlines("Stockton")  # type: ignore[arg-type]


def test_every_deadline_is_a_working_day_the_stated_number_of_working_days_on() -> None:
    for deadline in deadlines(stockton()):
        assert is_working_day(deadline.due)
        assert working_days_between(deadline.counted_from, deadline.due) == deadline.working_days


# --- errors -----------------------------------------------------------------------------------


def test_an_empty_history_is_an_error_naming_the_field() -> None:
    for function in (next_inspection, focused_visits, monitoring_visits):
        with pytest.raises(ValidationError) as caught:
            function([], as_of=D(2020, 1, 1))
        assert caught.value.field == "history"


def test_a_history_without_a_graded_inspection_is_an_error_unless_a_new_la() -> None:
    with pytest.raises(ValidationError) as caught:
        next_inspection([visit("focused_visit", D(2021, 6, 30))], as_of=D(2021, 7, 1))
    assert caught.value.field == "history"
    assert "reorganisation" in caught.value.expected


def test_events_after_as_of_do_not_count_as_a_graded_inspection() -> None:
    with pytest.raises(ValidationError, match="later event"):
        next_inspection([graded("Good", D(2019, 11, 11))], as_of=D(2019, 1, 1))


@pytest.mark.parametrize("history", ["Thurrock", 42, [object()]])
def test_a_history_that_is_not_inspections_is_an_error(history: object) -> None:
    with pytest.raises(ValidationError):
        next_inspection(history, as_of=D(2020, 1, 1))  # type: ignore[arg-type]


def test_a_history_of_two_las_is_an_error() -> None:
    two = [graded("Good", D(2019, 1, 14)), graded("Good", D(2019, 3, 4), code="E1", name="X")]
    with pytest.raises(ValidationError, match="la_code"):
        next_inspection(two, as_of=D(2020, 1, 1))


@pytest.mark.parametrize("as_of", ["2020-01-01", dt.datetime(2020, 1, 1), D(2008, 12, 31)])
def test_a_bad_as_of_is_an_error_naming_it(as_of: object) -> None:
    with pytest.raises(ValidationError) as caught:
        next_inspection([graded("Good", D(2019, 1, 14))], as_of=as_of)  # type: ignore[arg-type]
    assert caught.value.field == "as_of"


def test_an_as_of_beyond_the_calendar_is_out_of_range() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        next_inspection([graded("Good", D(2019, 1, 14))], as_of=D(2095, 1, 1))
    assert caught.value.bound == LATEST_AS_OF


def test_an_abolished_la_after_its_abolition_is_an_error_naming_its_successors() -> None:
    poole = [graded("Requires improvement", D(2017, 11, 24), code="E06000029", name="Poole")]
    with pytest.raises(ValidationError) as caught:
        next_inspection(poole, as_of=D(2019, 4, 1))
    assert caught.value.field == "la_code"
    assert "Bournemouth" in str(caught.value)


def test_a_new_la_before_its_creation_is_an_error() -> None:
    dorset = [visit("focused_visit", D(2023, 5, 17), code="E06000059", name="Dorset")]
    with pytest.raises(ValidationError) as caught:
        next_inspection(dorset, as_of=D(2019, 3, 1))
    assert caught.value.field == "as_of"
    assert "on or after 2019-04-01, when Dorset was created" in str(caught.value)


def test_a_last_inspection_on_the_pre_2013_scale_has_no_route() -> None:
    old = Inspection(
        "E06000034",
        "Thurrock",
        "slac",
        start=D(2011, 5, 9),
        end=D(2011, 5, 20),
        judgements={"overall": "Adequate"},
    )
    with pytest.raises(ValidationError, match="older scale"):
        next_inspection([old], as_of=D(2012, 1, 1))


def test_a_graded_inspection_missing_its_overall_grade_is_an_error() -> None:
    partial = graded(None, D(2019, 3, 4), judgements={"leadership": "Good"})
    with pytest.raises(ValidationError) as caught:
        next_inspection([partial], as_of=D(2019, 6, 1))
    assert caught.value.field == "judgements"


def test_every_error_is_an_ilacs_value_error() -> None:
    assert issubclass(ValidationError, IlacsError)
    assert issubclass(IlacsError, ValueError)


# --- the rules record ---------------------------------------------------------------------------


def test_the_default_rules_pause_graded_inspections_longer_than_visits() -> None:
    # graded inspections: suspended 17 March 2020, regular again from 20 September 2021 (the
    # spec, section 3.4); visits: back in the week of 19 April 2021 (Ofsted's in-year tables),
    # after a second pause for the lockdown of 5 November to 2 December 2020 (HIST)
    assert [(p.start, p.resume) for p in DEFAULT_RULES.pauses] == [(D(2020, 3, 17), D(2021, 9, 20))]
    assert [(p.start, p.resume) for p in DEFAULT_RULES.visit_pauses] == [
        (D(2020, 3, 17), D(2021, 4, 19)),
        (D(2020, 11, 5), D(2020, 12, 2)),
    ]
    assert (DEFAULT_RULES.cycle.years, DEFAULT_RULES.cycle.band_months) == (3, 6)


def test_forecasts_read_as_sentences_and_explain_themselves() -> None:
    forecast = next_inspection([graded("Good", D(2019, 11, 11))], as_of=D(2020, 1, 31))
    text = str(forecast)
    assert text.startswith("Thurrock (E06000034), as of 31 January 2020: next graded inspection")
    why = forecast.explain()
    assert "source:" in why
    assert "Written rule" in why
    assert "Observed practice" in why


def test_reorganisation_lookups_accept_a_callers_table() -> None:
    table = (attrs.evolve(REORGANISATIONS[0], la_code="X1"),)
    assert reorganisation_of("X1", table) is table[0]
    assert reorganisation_of("E06000058", table) is None
    assert abolished_on("E06000028", table) == D(2019, 4, 1)

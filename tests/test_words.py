"""Facts, then words: every reason code has a template, the docs list them, overrides show in words."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import ilacs
from ilacs.catalogue.cadence import CYCLE, MONITORING, Anchor, Pause, PauseScope
from ilacs.catalogue.duties import ACTION_PLAN, REPORT_PUBLICATION, Condition, Trigger
from ilacs.catalogue.frameworks import JudgementArea
from ilacs.errors import IlacsError
from ilacs.records import Inspection, histories
from ilacs.scheduling import DEFAULT_RULES, SchedulingRules, Window
from ilacs.scheduling.calibration import written_only
from ilacs.sources import Reason
from ilacs.words import TEMPLATES, render, say, template_for

ROOT = Path(__file__).resolve().parents[1]
D = dt.date


def _page() -> object:
    spec = importlib.util.spec_from_file_location(
        "reasons_page", ROOT / "docs" / "generate_reasons_page.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reasons_page_equals_the_templates() -> None:
    page = _page()
    text = (ROOT / "docs" / "reasons.md").read_text(encoding="utf-8")
    assert text == page.render_page(), "run: .venv/bin/python docs/generate_reasons_page.py"  # type: ignore[attr-defined]


def test_every_family_code_of_the_catalogue_has_its_template() -> None:
    families = _page().FAMILIES  # type: ignore[attr-defined]
    assert set(families) == {key for key in TEMPLATES if "*" in key}
    for key, codes in families.items():
        assert codes
        for code in codes:
            assert template_for(code) is TEMPLATES[key]


def _emitted(reasons: list[Reason]) -> None:
    documented = {k for k in TEMPLATES if "*" not in k} | {
        code
        for codes in _page().FAMILIES.values()
        for code in codes  # type: ignore[attr-defined]
    }
    for reason in reasons:
        assert reason.code in documented, reason.code
        assert render(reason).strip()


def test_every_code_the_library_emits_on_the_real_data_is_documented_and_renders(
    real_inspections: list[Inspection],
) -> None:
    found: list[Reason] = []
    every = histories(real_inspections)
    for history in every.values():
        for as_of in (D(2019, 6, 1), D(2022, 6, 1), D(2025, 3, 31), D(2026, 12, 2)):
            for function in (ilacs.next_inspection, ilacs.focused_visits, ilacs.monitoring_visits):
                try:
                    result = function(history, as_of=as_of)
                except IlacsError:
                    continue
                for forecast in result if isinstance(result, tuple) else (result,):
                    found += forecast.reasons
        graded = [e for e in history if e.graded]
        for inspection in history:
            if inspection.published is not None:
                found += [r for d in ilacs.deadlines(inspection) for r in d.reasons]
        for a, b in itertools.pairwise(graded):
            for policy in ("default", "ofsted-statistics", "like-for-like"):
                result = ilacs.compare_inspections(a, b, policy=policy)
                found += [r for c in result.comparisons for r in c.reasons]
                found += [r for u in result.unmatched for r in u.reasons]
    assert len({r.code for r in found}) >= 40
    _emitted(found)


def test_an_unknown_code_has_no_template() -> None:
    with pytest.raises(KeyError, match="no template"):
        say("no.such-code")
    with pytest.raises(KeyError):
        template_for("route.")


# --- overriding a rule changes the answer and its words -----------------------------------------
#
# Every field of SchedulingRules, and every field of its records that a computation reads, has a
# test below: the override changes the result, and the reasons say the new value. Expected days
# are counted by hand from the rule as written (the catalogue's sources), never by the library.
# Two dates recur: Thurrock's short inspection of 10 January 2022, published 25 February 2022,
# and the action plan 70 working days after that report, due 10 June 2022 (counted by hand:
# 28 February; 23 in March; 19 in April, without Good Friday 15 and Easter Monday 18 April; 21
# in May, without 2 May; in June 1, 6, 7, 8, 9 and 10, 2 and 3 June being the Platinum Jubilee
# holidays: 1 + 23 + 19 + 21 + 6 = 70).

HISTORY = [
    Inspection(
        "E06000034", "Thurrock", "short", start=D(2022, 1, 10), end=D(2022, 1, 14),
        published=D(2022, 2, 25), judgements={"overall": "Good"},
    )
]  # fmt: skip
INADEQUATE = [
    Inspection(
        "E06000034", "Thurrock", "standard", start=D(2022, 1, 10), end=D(2022, 1, 21),
        published=D(2022, 2, 25), judgements={"overall": "Inadequate"},
    )
]  # fmt: skip
WRITTEN = written_only()


def _text(forecast: ilacs.scheduling.Forecast, code: str) -> str:
    return next(r.text for r in forecast.reasons if r.code == code)


def test_overriding_the_cycle_changes_the_window_and_its_words() -> None:
    four = attrs.evolve(DEFAULT_RULES, cycle=attrs.evolve(CYCLE, years=4, band_months=3))
    base = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN)
    longer = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=four)
    assert base.written is not None
    assert longer.written is not None
    assert longer.written.expected == D(2026, 1, 10)  # the fourth anniversary
    assert longer.written.width_days < base.written.width_days
    assert "third anniversary" in _text(base, CYCLE.code)
    assert "3 months before and 3 months after the fourth anniversary" in _text(longer, CYCLE.code)


def test_overriding_monitoring_changes_the_visits_and_their_words() -> None:
    monthly = attrs.evolve(DEFAULT_RULES, monitoring=attrs.evolve(MONITORING, interval_months=1))
    quarterly = ilacs.monitoring_visits(INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN)
    often = ilacs.monitoring_visits(
        INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN, rules=monthly
    )
    assert (often[1].expected - often[0].expected).days < (
        quarterly[1].expected - quarterly[0].expected
    ).days
    assert "every 1 months" in _text(often[0], MONITORING.code)


def test_overriding_the_focused_visit_count_changes_the_visits_and_their_words() -> None:
    rule = DEFAULT_RULES.focused_visits
    two = attrs.evolve(
        DEFAULT_RULES,
        focused_visits=attrs.evolve(
            rule, default_count=tuple((g, 2) for g, _ in rule.default_count)
        ),
    )
    one = ilacs.focused_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN)
    both = ilacs.focused_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=two)
    assert (len(one), len(both)) == (1, 2)
    assert "1 focused visit is expected" in _text(one[0], rule.code)
    assert "2 focused visits are expected" in _text(both[0], rule.code)


def test_overriding_the_window_shares_changes_the_window_and_its_words() -> None:
    shipped = ilacs.scheduling.shipped()
    narrow = attrs.evolve(shipped, levels=(0.25, 0.5, 0.75))
    wide = ilacs.next_inspection(HISTORY, as_of=D(2024, 6, 1))
    tight = ilacs.next_inspection(HISTORY, as_of=D(2024, 6, 1), calibration=narrow)
    assert tight.window.width_days < wide.window.width_days
    assert "5% were inspected by" in _text(wide, "practice.graded")
    assert "25% were inspected by" in _text(tight, "practice.graded")


def test_overriding_the_anchor_changes_the_window_and_its_words() -> None:
    rules = attrs.evolve(DEFAULT_RULES, cycle=attrs.evolve(CYCLE, anchor=Anchor.PUBLISHED))
    base = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN)
    moved = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=rules)
    assert base.written is not None
    assert moved.written is not None
    assert base.written.expected == D(2025, 1, 10)  # third anniversary of the first day
    assert moved.written.expected == D(2025, 2, 25)  # third anniversary of publication
    assert "the previous inspection's first on-site day (10 January 2022)" in _text(
        base, CYCLE.code
    )
    assert "the previous inspection's publication (25 February 2022)" in _text(moved, CYCLE.code)


def test_an_anchor_the_record_lacks_falls_back_to_the_nearest_day_and_says_so() -> None:
    rules = attrs.evolve(DEFAULT_RULES, cycle=attrs.evolve(CYCLE, anchor=Anchor.PUBLISHED))
    unpublished = [attrs.evolve(HISTORY[0], published=None)]
    forecast = ilacs.next_inspection(
        unpublished, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=rules
    )
    assert forecast.written is not None
    assert forecast.written.expected == D(2025, 1, 14)  # the last on-site day
    text = _text(forecast, "anchor.missing")
    assert "The publication of the ILACS short inspection is not recorded" in text
    assert "counted from its last on-site day (14 January 2022)" in text
    assert "a little early" in text


def test_overriding_the_action_plan_duty_moves_deadlines_and_monitoring_alike() -> None:
    forty = attrs.evolve(ACTION_PLAN, working_days=40)
    rules = attrs.evolve(
        DEFAULT_RULES, duties=tuple(forty if d is ACTION_PLAN else d for d in DEFAULT_RULES.duties)
    )
    _, plan = ilacs.deadlines(INADEQUATE[0], rules=rules)
    assert plan.due == D(2022, 4, 26)  # 40 working days after 25 February (Easter 15-18 April)
    assert "within 40 working days" in plan.reasons[0].text
    first, *_ = ilacs.monitoring_visits(
        INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN, rules=rules
    )
    assert first.earliest == plan.due
    assert "due 40 working days after the report (26 April 2022)" in _text(first, MONITORING.code)


def test_rules_without_an_action_plan_duty_cannot_time_monitoring() -> None:
    rules = attrs.evolve(
        DEFAULT_RULES, duties=tuple(d for d in DEFAULT_RULES.duties if d is not ACTION_PLAN)
    )
    with pytest.raises(ilacs.errors.ValidationError, match=r"rules\.duties.*duty\.action-plan"):
        ilacs.monitoring_visits(INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN, rules=rules)


def test_overriding_the_route_changes_the_type_and_its_words() -> None:
    standard = tuple(
        attrs.evolve(r, next_type=ilacs.InspectionType.STANDARD)
        if r.prior is ilacs.Grade.GOOD
        else r
        for r in DEFAULT_RULES.routes
    )
    rules = attrs.evolve(DEFAULT_RULES, routes=standard)
    base = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN)
    changed = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=rules)
    assert (base.type, changed.type) == (ilacs.InspectionType.SHORT, ilacs.InspectionType.STANDARD)
    assert "is an ILACS short inspection" in _text(base, "route.good.2018-01-01")
    assert "is an ILACS standard inspection" in _text(changed, "route.good.2018-01-01")


def test_a_route_that_monitors_first_gets_monitoring_visits_and_says_so() -> None:
    monitored = tuple(
        attrs.evolve(r, monitoring_first=True) if r.prior is ilacs.Grade.GOOD else r
        for r in DEFAULT_RULES.routes
    )
    rules = attrs.evolve(DEFAULT_RULES, routes=monitored)
    assert ilacs.monitoring_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN) == ()
    visits = ilacs.monitoring_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=rules)
    assert visits
    forecast = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=rules)
    assert "after monitoring visits, an ILACS short inspection" in _text(
        forecast, "route.good.2018-01-01"
    )


def test_overriding_who_the_cycle_applies_to_decides_cycle_or_monitoring() -> None:
    with_inadequate = attrs.evolve(
        DEFAULT_RULES,
        cycle=attrs.evolve(CYCLE, applies_to=(*CYCLE.applies_to, ilacs.Grade.INADEQUATE)),
    )
    base = ilacs.next_inspection(INADEQUATE, as_of=D(2022, 6, 1), calibration=WRITTEN)
    cycled = ilacs.next_inspection(
        INADEQUATE, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=with_inadequate
    )
    assert MONITORING.code in [r.code for r in base.reasons]
    assert cycled.written is not None
    assert cycled.written.expected == D(2025, 1, 10)
    assert CYCLE.code in [r.code for r in cycled.reasons]
    without_good = attrs.evolve(
        DEFAULT_RULES,
        cycle=attrs.evolve(
            CYCLE, applies_to=tuple(g for g in CYCLE.applies_to if g is not ilacs.Grade.GOOD)
        ),
    )
    with pytest.raises(ilacs.errors.ValidationError, match=r"rules\.cycle\.applies_to"):
        ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=without_good)


def test_overriding_the_focused_visit_exclusions_and_maximum_changes_the_visits() -> None:
    rule = DEFAULT_RULES.focused_visits
    inadequate_too = attrs.evolve(
        DEFAULT_RULES,
        focused_visits=attrs.evolve(
            rule,
            default_count=(*rule.default_count, (ilacs.Grade.INADEQUATE, 1)),
            excluded=(None,),
        ),
    )
    assert ilacs.focused_visits(INADEQUATE, as_of=D(2022, 6, 1), calibration=WRITTEN) == ()
    visits = ilacs.focused_visits(
        INADEQUATE, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=inadequate_too
    )
    assert len(visits) == 1
    assert "1 focused visit is expected" in _text(visits[0], rule.code)
    none = attrs.evolve(DEFAULT_RULES, focused_visits=attrs.evolve(rule, max_count=0))
    assert ilacs.focused_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=none) == ()


def test_overriding_a_duty_condition_changes_which_deadlines_follow() -> None:
    visit = Inspection(
        "E06000034", "Thurrock", "focused_visit", start=D(2022, 5, 10), end=D(2022, 5, 11),
        published=D(2022, 6, 20),
    )  # fmt: skip
    assert ilacs.deadlines(visit) == ()  # no areas for priority action
    always = attrs.evolve(
        DEFAULT_RULES,
        duties=tuple(
            attrs.evolve(d, condition=Condition.ALWAYS)
            if d.condition is Condition.PRIORITY_ACTION
            else d
            for d in DEFAULT_RULES.duties
        ),
    )
    found = ilacs.deadlines(visit, rules=always)
    assert [d.code for d in found] == ["duty.fv-draft-plan", "duty.fv-final-plan"]
    assert found[0].due == D(2022, 7, 18)  # 20 working days after 20 June 2022
    assert "the letter sets out" not in found[0].reasons[0].text


def test_overriding_the_most_focused_visits_caps_the_count_and_says_so() -> None:
    rule = DEFAULT_RULES.focused_visits
    two = tuple((g, 2) for g, _ in rule.default_count)
    capped = attrs.evolve(
        DEFAULT_RULES, focused_visits=attrs.evolve(rule, default_count=two, max_count=1)
    )
    uncapped = attrs.evolve(DEFAULT_RULES, focused_visits=attrs.evolve(rule, default_count=two))
    one = ilacs.focused_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=capped)
    both = ilacs.focused_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=uncapped)
    assert (len(one), len(both)) == (1, 2)
    assert "1 focused visit is expected before the next graded inspection (at most 1)" in _text(
        one[0], rule.code
    )


FOCUSED_SOONER = attrs.evolve(
    DEFAULT_RULES,
    focused_visits=attrs.evolve(
        DEFAULT_RULES.focused_visits, earliest_after_months=3, latest_after_months=12
    ),
)


def test_overriding_when_a_focused_visit_falls_moves_its_window_and_its_words() -> None:
    base = ilacs.focused_visits(HISTORY, as_of=D(2022, 2, 1), calibration=WRITTEN)
    (sooner,) = ilacs.focused_visits(
        HISTORY, as_of=D(2022, 2, 1), calibration=WRITTEN, rules=FOCUSED_SOONER
    )
    # 6 to 24 months after 10 January 2022: 10 July 2022 (a Sunday: 11 July) to 10 January
    # 2024, expected half way, 274 days on: 10 April 2023 (Easter Monday: 11 April).
    assert base[0].window == Window(D(2022, 7, 11), D(2023, 4, 11), D(2024, 1, 10))
    # 3 to 12 months: 10 April 2022 (a Sunday: 11 April) to 10 January 2023, expected 137 days
    # after 10 April 2022 (half of 275): 25 August 2022.
    assert sooner.window == Window(D(2022, 4, 11), D(2022, 8, 25), D(2023, 1, 10))
    assert "between 11 April 2022 and 10 January 2023" in _text(sooner, "forecast.window")


def test_the_focused_visit_rules_words_state_the_months_it_applies() -> None:
    (sooner,) = ilacs.focused_visits(
        HISTORY, as_of=D(2022, 2, 1), calibration=WRITTEN, rules=FOCUSED_SOONER
    )
    text = _text(sooner, DEFAULT_RULES.focused_visits.code)
    assert "3 to 12 months after" in text


def _reinspection(monitoring: object) -> ilacs.scheduling.Forecast:
    rules = attrs.evolve(DEFAULT_RULES, monitoring=monitoring)
    return ilacs.next_inspection(INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN, rules=rules)


def test_the_default_monitoring_rule_times_the_reinspection_as_the_2016_rule_says() -> None:
    # Plan due 10 June 2022; first visit about 4 weeks on (8 July 2022), one every 3 months;
    # at least 4 visits (8 July 2023), usually up to 6 (8 January 2024), within 24 months of
    # the plan (10 June 2024).
    written = _reinspection(MONITORING).written
    assert written == Window(D(2023, 7, 8), D(2024, 1, 8), D(2024, 6, 10))


@pytest.mark.parametrize(
    ("change", "window", "words"),
    [
        (
            {"first_visit_lag_weeks": 8},  # first visit 5 August 2022
            (D(2023, 8, 5), D(2024, 2, 5), D(2024, 6, 10)),
            "the first about 8 weeks after the plan",
        ),
        (
            {"min_visits": 2},  # 2 visits of 3 months after 8 July 2022
            (D(2023, 1, 8), D(2024, 1, 8), D(2024, 6, 10)),
            "re-inspection comes after at least 2 visits",
        ),
        (
            {"max_visits": 5},  # 15 months after 8 July 2022
            (D(2023, 7, 8), D(2023, 10, 8), D(2024, 6, 10)),
            "usually after up to 5 and within",
        ),
        (
            {"reinspection_within_months": 18},  # 18 months after 10 June 2022
            (D(2023, 7, 8), D(2023, 12, 10), D(2023, 12, 10)),
            "within 18 months of the plan",
        ),
    ],
)
def test_overriding_each_monitoring_figure_moves_the_reinspection_and_its_words(
    change: dict[str, int], window: tuple[D, D, D], words: str
) -> None:
    forecast = _reinspection(attrs.evolve(MONITORING, **change))
    assert forecast.written == Window(*window)
    assert words in _text(forecast, MONITORING.code)


def test_overriding_the_first_visit_lag_moves_the_first_monitoring_visit_and_its_words() -> None:
    later = attrs.evolve(
        DEFAULT_RULES, monitoring=attrs.evolve(MONITORING, first_visit_lag_weeks=8)
    )
    base, *_ = ilacs.monitoring_visits(INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN)
    first, *_ = ilacs.monitoring_visits(
        INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN, rules=later
    )
    # from the plan (10 June 2022) to half a quarter (46 days: 3 x 30.44 / 2) after the expected
    # visit: 4 weeks on is 8 July 2022 (window to 23 August); 8 weeks on is 5 August 2022
    # (window to 20 September)
    assert base.window == Window(D(2022, 6, 10), D(2022, 7, 8), D(2022, 8, 23))
    assert first.window == Window(D(2022, 6, 10), D(2022, 8, 5), D(2022, 9, 20))
    assert "the first about 8 weeks after the plan" in _text(first, MONITORING.code)


def test_overriding_the_pauses_stretches_the_window_and_names_the_pause() -> None:
    strike = Pause(
        code="pause.test",
        name="test pause",
        start=D(2023, 1, 2),
        resume=D(2023, 7, 3),  # 182 days: 29 in January, then 28, 31, 30, 31, 30 and 3
        scope=PauseScope.ALL,
        sources=DEFAULT_RULES.pauses[0].sources,
    )
    rules = attrs.evolve(DEFAULT_RULES, pauses=(*DEFAULT_RULES.pauses, strike))
    base = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN)
    paused = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=rules)
    assert base.written == Window(D(2024, 7, 10), D(2025, 1, 10), D(2025, 7, 10))
    assert not any(r.code == "cycle.pause" for r in base.reasons)
    # the earliest day stays; the expected and latest days move 182 days later
    assert paused.written == Window(D(2024, 7, 10), D(2025, 7, 11), D(2026, 1, 8))
    assert (
        "National pause: the test pause (2 January 2023 to 3 July 2023) stopped the clock for "
        "182 days" in _text(paused, "cycle.pause")
    )


def test_without_the_covid_pause_thurrocks_window_is_the_plain_cycle_and_no_pause_is_said() -> None:
    thurrock = [
        Inspection(
            "E06000034", "Thurrock", "standard", start=D(2019, 11, 11), end=D(2019, 11, 22),
            published=D(2019, 12, 20), judgements={"overall": "Good"},
        )
    ]  # fmt: skip
    rules = attrs.evolve(DEFAULT_RULES, pauses=())
    base = ilacs.next_inspection(thurrock, as_of=D(2020, 1, 31), calibration=WRITTEN)
    plain = ilacs.next_inspection(thurrock, as_of=D(2020, 1, 31), calibration=WRITTEN, rules=rules)
    # third anniversary 11 November 2022, six months either side; the COVID-19 suspension
    # (17 March 2020 to 20 September 2021, 552 days) moves the expected and latest days
    assert base.written == Window(D(2022, 5, 11), D(2024, 5, 16), D(2024, 11, 13))
    assert "stopped the clock for 552 days" in _text(base, "cycle.pause")
    assert plain.written == Window(D(2022, 5, 11), D(2022, 11, 11), D(2023, 5, 11))
    assert "cycle.pause" not in [r.code for r in plain.reasons]


def test_overriding_the_visit_pauses_moves_the_focused_visit_and_its_words() -> None:
    thurrock = [
        Inspection(
            "E06000034", "Thurrock", "standard", start=D(2019, 11, 11), end=D(2019, 11, 22),
            published=D(2019, 12, 20), judgements={"overall": "Good"},
        )
    ]  # fmt: skip
    rules = attrs.evolve(DEFAULT_RULES, visit_pauses=())
    (base,) = ilacs.focused_visits(thurrock, as_of=D(2020, 1, 31), calibration=WRITTEN)
    (plain,) = ilacs.focused_visits(
        thurrock, as_of=D(2020, 1, 31), calibration=WRITTEN, rules=rules
    )
    # 6 to 24 months after 11 November 2019, expected half way (274 days after 11 May 2020)
    assert plain.window == Window(D(2020, 5, 11), D(2021, 2, 9), D(2021, 11, 11))
    assert "visits.pause" not in [r.code for r in plain.reasons]
    # the visits' pause (17 March 2020 to 19 April 2021) came 127 days after the inspection:
    # the earliest day, 182 days after it, moves to 55 days after the resume, 13 June 2021
    assert base.written is not None
    assert base.written.earliest == D(2021, 6, 13)
    assert D(2021, 6, 30) in base.window  # Thurrock's real visit
    assert "becomes between 13 June 2021 and" in _text(base, "visits.pause")


def test_overriding_when_a_route_begins_changes_the_type_and_its_words() -> None:
    # Inadequate under the SIF in March 2017, re-inspection expected in March 2019: an ILACS
    # standard inspection from September 2018; a SIF re-inspection if ILACS's began later.
    sif = [
        Inspection(
            "E06000034", "Thurrock", "sif", start=D(2017, 3, 6), end=D(2017, 3, 30),
            published=D(2017, 5, 2), judgements={"overall": "Inadequate"},
        )
    ]  # fmt: skip
    later = tuple(
        attrs.evolve(r, valid_from=D(2019, 9, 1)) if r.code == "route.inadequate.2018-09-01" else r
        for r in DEFAULT_RULES.routes
    )
    rules = attrs.evolve(DEFAULT_RULES, routes=later)
    base = ilacs.next_inspection(sif, as_of=D(2017, 6, 1), calibration=WRITTEN)
    moved = ilacs.next_inspection(sif, as_of=D(2017, 6, 1), calibration=WRITTEN, rules=rules)
    assert (base.type, moved.type) == (
        ilacs.InspectionType.STANDARD,
        ilacs.InspectionType.SIF_REINSPECTION,
    )
    assert "is after monitoring visits, an ILACS standard inspection" in _text(
        base, "route.inadequate.2018-09-01"
    )
    assert "is after monitoring visits, a SIF re-inspection" in _text(
        moved, "route.inadequate.2018-01-01"
    )


NO_OVERALL = D(2026, 6, 1)


def _no_overall(judgements: dict[str, str], **change: object) -> ilacs.scheduling.Forecast:
    history = [
        Inspection(
            "E06000034", "Thurrock", "short", start=NO_OVERALL, end=NO_OVERALL + dt.timedelta(4),
            judgements=judgements,
        )
    ]  # fmt: skip
    rules = attrs.evolve(DEFAULT_RULES, no_overall=attrs.evolve(DEFAULT_RULES.no_overall, **change))
    return ilacs.next_inspection(history, as_of=D(2026, 9, 1), calibration=WRITTEN, rules=rules)


GOOD_2026 = {
    "leadership": "Good",
    "help_and_protection": "Good",
    "children_in_care": "Good",
    "care_leavers": "Requires improvement to be good",
}


@pytest.mark.parametrize(
    ("change", "judgements", "kind", "words"),
    [
        ({}, GOOD_2026, "SHORT", "leaders' judgement is good or better and 2 of the 3 practice"),
        (
            {"practice_count": 3},
            GOOD_2026,
            "STANDARD",
            "(the leaders' judgement good or better and 3 of the 3 practice judgements good or "
            "better) is not",
        ),
        (
            {"practice_at_least": ilacs.Grade.OUTSTANDING},
            GOOD_2026,
            "STANDARD",
            "2 of the 3 practice judgements outstanding or better) is not met",
        ),
        (
            {"practice_areas": (JudgementArea.HELP_AND_PROTECTION, JudgementArea.CARE_LEAVERS)},
            GOOD_2026,
            "STANDARD",
            "2 of the 2 practice judgements good or better) is not met",
        ),
        (
            {"leaders_area": JudgementArea.CARE_LEAVERS},  # requires improvement in GOOD_2026
            GOOD_2026,
            "STANDARD",
            "(the leaders' judgement good or better and 2 of the 3 practice judgements good or "
            "better) is not",
        ),
        (
            {"inadequate_if_any": (JudgementArea.CARE_LEAVERS,)},
            {**GOOD_2026, "care_leavers": "Inadequate"},
            "STANDARD",  # monitoring first, then a standard re-inspection
            "because the judgement on care leavers was inadequate",
        ),
    ],
)
def test_overriding_the_no_overall_route_changes_the_type_and_its_words(
    change: dict[str, object], judgements: dict[str, str], kind: str, words: str
) -> None:
    forecast = _no_overall(judgements, **change)
    assert forecast.type.name == kind
    assert words in _text(forecast, "route.no-overall-2026")
    monitored = any(r.code == MONITORING.code for r in forecast.reasons)
    assert monitored == ("inadequate_if_any" in change)


def test_overriding_the_leaders_threshold_changes_the_route() -> None:
    assert _no_overall(GOOD_2026).type.name == "SHORT"
    assert _no_overall(GOOD_2026, leaders_at_least=ilacs.Grade.OUTSTANDING).type.name == "STANDARD"


def test_overriding_the_leaders_threshold_says_the_new_threshold() -> None:
    text = _text(
        _no_overall(GOOD_2026, leaders_at_least=ilacs.Grade.OUTSTANDING),
        "route.no-overall-2026",
    )
    assert "outstanding" in text


def test_overriding_a_reorganisation_moves_a_new_las_window_and_its_words() -> None:
    dorset = next(r for r in DEFAULT_RULES.reorganisations if r.la_code == "E06000059")
    earlier = tuple(
        attrs.evolve(r, created=D(2018, 10, 1)) if r is dorset else r
        for r in DEFAULT_RULES.reorganisations
    )
    rules = attrs.evolve(DEFAULT_RULES, reorganisations=earlier, pauses=())
    plain = attrs.evolve(DEFAULT_RULES, pauses=())
    base = ilacs.next_inspection(
        [], as_of=D(2019, 6, 1), la_code="E06000059", calibration=WRITTEN, rules=plain
    )
    moved = ilacs.next_inspection(
        [], as_of=D(2019, 6, 1), la_code="E06000059", calibration=WRITTEN, rules=rules
    )
    # created 1 April 2019 (SI 2018/648): third anniversary 1 April 2022, six months either side
    assert base.written == Window(D(2021, 10, 1), D(2022, 4, 1), D(2022, 10, 1))
    assert moved.written == Window(D(2021, 4, 1), D(2021, 10, 1), D(2022, 4, 1))
    assert "Dorset was created on 1 April 2019" in _text(base, "history.new-la")
    assert "Dorset was created on 1 October 2018" in _text(moved, "history.new-la")


def test_overriding_the_report_publication_duty_moves_its_deadline_and_its_words() -> None:
    twenty = attrs.evolve(REPORT_PUBLICATION, working_days=20, who="the council")
    rules = attrs.evolve(
        DEFAULT_RULES,
        duties=tuple(twenty if d is REPORT_PUBLICATION else d for d in DEFAULT_RULES.duties),
    )
    base, _ = ilacs.deadlines(HISTORY[0])
    publish, _ = ilacs.deadlines(HISTORY[0], rules=rules)
    # from 25 February 2022: 30 working days is 8 April 2022 (28 February; 23 in March; 1, 4,
    # 5, 6, 7 and 8 April); 20 is 25 March 2022
    assert (base.due, publish.due) == (D(2022, 4, 8), D(2022, 3, 25))
    assert publish.who == "the council"
    assert "The council must publish the inspection report" in publish.reasons[0].text
    assert "within 20 working days" in publish.reasons[0].text


def test_overriding_which_types_a_duty_follows_adds_or_removes_its_deadline() -> None:
    graded_only = tuple(t for t in ACTION_PLAN.applies_to if t is not ilacs.InspectionType.SHORT)
    rules = attrs.evolve(
        DEFAULT_RULES,
        duties=tuple(
            attrs.evolve(d, applies_to=graded_only) if d is ACTION_PLAN else d
            for d in DEFAULT_RULES.duties
        ),
    )
    assert [d.code for d in ilacs.deadlines(HISTORY[0])] == [
        "duty.publish-report",
        "duty.action-plan",
    ]
    (publish,) = ilacs.deadlines(HISTORY[0], rules=rules)
    assert publish.code == "duty.publish-report"
    assert [d.code for d in ilacs.deadlines(INADEQUATE[0], rules=rules)] == [
        "duty.publish-report",
        "duty.action-plan",
    ]


def test_overriding_what_a_duty_counts_from_changes_its_deadline_and_its_words() -> None:
    letter = attrs.evolve(ACTION_PLAN, trigger=Trigger.LETTER_PUBLISHED)
    rules = attrs.evolve(
        DEFAULT_RULES, duties=tuple(letter if d is ACTION_PLAN else d for d in DEFAULT_RULES.duties)
    )
    _, base = ilacs.deadlines(HISTORY[0])
    _, plan = ilacs.deadlines(HISTORY[0], rules=rules)
    # a report's receipt is unknown (counted from publication, uncertain); a letter's
    # publication is the trigger itself
    assert (base.uncertain, plan.uncertain) == (True, False)
    assert "of the LA's receipt of the final report" in base.reasons[0].text
    assert "of the focused-visit letter" in plan.reasons[0].text
    assert plan.due == base.due == D(2022, 6, 10)


OVERRIDDEN = {
    "cycle": (
        test_overriding_the_cycle_changes_the_window_and_its_words,
        test_overriding_the_anchor_changes_the_window_and_its_words,
        test_overriding_who_the_cycle_applies_to_decides_cycle_or_monitoring,
    ),
    "focused_visits": (
        test_overriding_the_focused_visit_count_changes_the_visits_and_their_words,
        test_overriding_the_focused_visit_exclusions_and_maximum_changes_the_visits,
        test_overriding_the_most_focused_visits_caps_the_count_and_says_so,
        test_overriding_when_a_focused_visit_falls_moves_its_window_and_its_words,
    ),
    "monitoring": (
        test_overriding_monitoring_changes_the_visits_and_their_words,
        test_overriding_each_monitoring_figure_moves_the_reinspection_and_its_words,
        test_overriding_the_first_visit_lag_moves_the_first_monitoring_visit_and_its_words,
    ),
    "pauses": (
        test_overriding_the_pauses_stretches_the_window_and_names_the_pause,
        test_without_the_covid_pause_thurrocks_window_is_the_plain_cycle_and_no_pause_is_said,
    ),
    "visit_pauses": (test_overriding_the_visit_pauses_moves_the_focused_visit_and_its_words,),
    "routes": (
        test_overriding_the_route_changes_the_type_and_its_words,
        test_a_route_that_monitors_first_gets_monitoring_visits_and_says_so,
        test_overriding_when_a_route_begins_changes_the_type_and_its_words,
    ),
    "no_overall": (
        test_overriding_the_no_overall_route_changes_the_type_and_its_words,
        test_overriding_the_leaders_threshold_changes_the_route,
    ),
    "reorganisations": (test_overriding_a_reorganisation_moves_a_new_las_window_and_its_words,),
    "duties": (
        test_overriding_the_action_plan_duty_moves_deadlines_and_monitoring_alike,
        test_overriding_a_duty_condition_changes_which_deadlines_follow,
        test_overriding_the_report_publication_duty_moves_its_deadline_and_its_words,
        test_overriding_which_types_a_duty_follows_adds_or_removes_its_deadline,
        test_overriding_what_a_duty_counts_from_changes_its_deadline_and_its_words,
    ),
}
"""The tests above that override each field of SchedulingRules."""


def _rules_made_by(test: Callable[..., None], monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every SchedulingRules ``test`` names (module constants) or makes as it runs (with each
    of its parameter sets)."""
    named = (getattr(test, "__globals__", {}).get(n) for n in test.__code__.co_names)
    made: list[object] = [r for r in named if isinstance(r, SchedulingRules)]
    init = SchedulingRules.__init__

    def recording(self: SchedulingRules, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(self)

    with monkeypatch.context() as patch:
        patch.setattr(SchedulingRules, "__init__", recording)
        marks = [m for m in getattr(test, "pytestmark", ()) if m.name == "parametrize"]
        if not marks:
            test()
        for mark in marks:
            given = mark.args[0]
            names = [n.strip() for n in (given.split(",") if isinstance(given, str) else given)]
            for values in mark.args[1]:
                test(**dict(zip(names, getattr(values, "values", values), strict=True)))
    return made


def test_every_field_of_the_scheduling_rules_has_an_override_test() -> None:
    assert {f.name for f in attrs.fields(SchedulingRules)} == set(OVERRIDDEN)


@pytest.mark.parametrize("field", [f.name for f in attrs.fields(SchedulingRules)])
def test_each_override_test_of_a_field_of_the_scheduling_rules_overrides_it(
    field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tests = OVERRIDDEN.get(field, ())
    assert tests, f"no test overrides SchedulingRules.{field}"
    for test in tests:
        made = _rules_made_by(test, monkeypatch)
        changed = [r for r in made if getattr(r, field) != getattr(DEFAULT_RULES, field)]
        assert changed, f"{test.__name__} does not override SchedulingRules.{field}"


def test_the_other_types_that_often_followed_a_route_are_listed_in_order() -> None:
    reason = say(
        "route.observed",
        prior="Good",
        no_overall=False,
        help_and_protection="good",
        likeliest="short inspection",
        count=30,
        total=50,
        first=D(2019, 1, 7),
        last=D(2024, 12, 2),
        others="standard inspection:15,inspection:5",
    )
    assert reason.text.endswith(
        "(7 January 2019 to 2 December 2024); a standard inspection in 15, an inspection in 5."
    )
    assert "; " not in render(attrs.evolve(reason, facts=(*reason.facts[:-1], ("others", ""))))

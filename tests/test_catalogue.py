"""The rule catalogue: every rule sourced, figures as the spec states them, plans by prior grade."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import Grade, InspectionType, ParseError, inspection_plan, workdays
from ilacs.catalogue import cadence, duties, la_codes, refs, regions
from ilacs.catalogue.grades import GRADE_WORDINGS, LEGACY_GRADE_WORDINGS
from ilacs.catalogue.inspection_types import ROUTES, TYPE_RULES, Outcome
from ilacs.catalogue.listing import all_rules
from ilacs.catalogue.plans import route_for
from ilacs.catalogue.visit_pauses import (
    ASSURANCE_VISITS_2021,
    VISIT_PAUSES,
    is_focused_visit,
    kind_of,
)
from ilacs.errors import OutOfRangeError, ValidationError
from ilacs.records import Inspection
from ilacs.sources import Certainty, Evidence, Reason, Source, certainty_of
from strategies import grades, ilacs_days


def test_every_source_cited_is_the_one_defined_in_refs() -> None:
    # issue 9: every Source is defined once, in refs.py; a rule citing a copy (equal or not)
    # would drift from it. (That each rule has a source, Rule's own validator enforces.)
    defined = {id(getattr(refs, name)) for name in dir(refs)}
    cited = [
        *((entry.code, s) for entry in all_rules() for s in entry.sources),
        *(("la_codes", s) for s in la_codes.SOURCES),
        *(("regions", s) for s in regions.SOURCES),
        *((region.name, s) for region in regions.Region for s in region.sources),
    ]
    assert len(all_rules()) > 40
    assert [(code, s.title) for code, s in cited if id(s) not in defined] == []


def test_rule_codes_are_unique_and_stable() -> None:
    codes = [entry.code for entry in all_rules()]
    assert len(codes) == len(set(codes))
    assert "framework.ilacs-2023" in codes
    assert "duty.action-plan" in codes
    assert "pause.covid-19" in codes


def test_every_uncertain_rule_says_why() -> None:
    for entry in all_rules():
        if entry.uncertain and entry.family != "grade-wording":
            assert entry.note, entry.code


# Documents cited by the ODS reader's docs as the files it reads, not by a rule.
DATA_FILES = {"OFSTED_OUTCOMES_2024", "OFSTED_OUTCOMES_2025"}


def test_every_cited_document_supports_at_least_one_rule() -> None:
    cited = {source for entry in all_rules() for source in entry.sources}
    cited |= {*la_codes.SOURCES, *regions.SOURCES}
    # The working-day calendar's: its definition, and each day's (substitute days' included).
    years = range(workdays.FIRST_YEAR, workdays.LAST_YEAR + 1)
    cited |= {workdays.WORKING_DAY_SOURCE}
    cited |= {day.source for year in years for day in workdays.bank_holiday_calendar(year)}
    unused = [
        name
        for name in dir(refs)
        if isinstance(getattr(refs, name), Source)
        and getattr(refs, name) not in cited
        and name not in DATA_FILES
    ]
    assert unused == []


def test_every_inspection_type_has_a_rule() -> None:
    assert set(TYPE_RULES) == set(InspectionType)


@pytest.mark.parametrize(
    ("kind", "off", "on", "days", "notice", "outcome"),
    [
        (InspectionType.SHORT, 1, 1, 5, 5, Outcome.JUDGEMENTS),
        (InspectionType.STANDARD, 1, 2, 10, 5, Outcome.JUDGEMENTS),
        (InspectionType.FOCUSED_VISIT, None, None, 2, 10, Outcome.LETTER),
        (InspectionType.MONITORING_VISIT, None, None, 2, None, Outcome.LETTER),
        (InspectionType.JTAI, None, None, None, 10, Outcome.LETTER),
        # issue 8 (from the reports): SIF on site a median 18 working days; re-inspections 17
        # to 19 in 16 of 20 reports, none 15
        (InspectionType.SIF, 0, 4, 18, 1, Outcome.JUDGEMENTS),
        (InspectionType.SIF_REINSPECTION, 0, 4, 18, None, Outcome.JUDGEMENTS),
    ],
)
def test_inspection_type_figures_match_the_spec(
    kind: InspectionType,
    off: int | None,
    on: int | None,
    days: int | None,
    notice: int | None,
    outcome: Outcome,
) -> None:
    rule = TYPE_RULES[kind]
    assert (rule.weeks_off_site, rule.weeks_on_site, rule.on_site_days) == (off, on, days)
    assert rule.notice_working_days == notice
    assert rule.outcome is outcome


def test_councils_three_weeks_is_off_site_plus_on_site() -> None:
    # Wokingham (seed 001): "RI LAs have three weeks of inspection, good LAs two".
    assert TYPE_RULES[InspectionType.STANDARD].total_weeks == 3
    assert TYPE_RULES[InspectionType.SHORT].total_weeks == 2
    assert TYPE_RULES[InspectionType.FOCUSED_VISIT].total_weeks is None


@pytest.mark.parametrize(
    ("prior", "on", "expected", "monitoring"),
    [
        (Grade.OUTSTANDING, dt.date(2019, 1, 1), InspectionType.SHORT, False),
        (Grade.GOOD, dt.date(2019, 1, 1), InspectionType.SHORT, False),
        (Grade.REQUIRES_IMPROVEMENT, dt.date(2019, 1, 1), InspectionType.STANDARD, False),
        (Grade.INADEQUATE, dt.date(2018, 8, 31), InspectionType.SIF_REINSPECTION, True),
        (Grade.INADEQUATE, dt.date(2018, 9, 1), InspectionType.STANDARD, True),
        (None, dt.date(2021, 4, 1), InspectionType.STANDARD, False),
    ],
)
def test_inspection_plan_by_prior_grade(
    prior: Grade | None, on: dt.date, expected: InspectionType, monitoring: bool
) -> None:
    plan = inspection_plan(prior, on=on)
    assert plan.type is expected
    assert plan.monitoring_first is monitoring
    assert plan.sources


def test_inspection_plan_for_a_new_la_is_flagged_uncertain() -> None:
    assert inspection_plan(None, on=dt.date(2022, 1, 1)).uncertain


def test_inspection_plan_before_ilacs_is_out_of_range() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        inspection_plan(Grade.GOOD, on=dt.date(2017, 12, 31))
    assert caught.value.bound == dt.date(2018, 1, 1)


@pytest.mark.parametrize("bad", ["Good", 3, "RI"])
def test_inspection_plan_rejects_a_prior_that_is_not_a_grade(bad: object) -> None:
    with pytest.raises(ParseError, match="prior"):
        inspection_plan(bad, on=dt.date(2020, 1, 1))  # type: ignore[arg-type]


def test_inspection_plan_rejects_a_datetime() -> None:
    with pytest.raises(ParseError, match="on"):
        inspection_plan(Grade.GOOD, on=dt.datetime(2020, 1, 1))


@given(st.none() | grades, ilacs_days)
def test_every_prior_grade_has_a_route_on_every_ilacs_date(
    prior: Grade | None, on: dt.date
) -> None:
    route = route_for(prior, on=on)
    assert route.prior is prior
    assert route.valid_from <= on
    assert route.next_type.graded
    # the latest route for that grade begun by then (inadequate: SIF re-inspections until the
    # end of August 2018, ILACS standard inspections from September, CYP Now 2018)
    begun = [r.valid_from for r in ROUTES if r.prior is prior and r.valid_from <= on]
    assert route.valid_from == max(begun)
    if prior is Grade.INADEQUATE:
        expected = "SIF_REINSPECTION" if on < dt.date(2018, 9, 1) else "STANDARD"
        assert route.next_type.name == expected


def test_routes_are_unique_per_prior_and_date() -> None:
    keys = [(r.prior, r.valid_from) for r in ROUTES]
    assert len(keys) == len(set(keys))


def test_cadence_figures() -> None:
    assert (cadence.CYCLE.years, cadence.CYCLE.band_months) == (3, 6)
    assert cadence.CYCLE.uncertain  # the anchor is not stated by any source
    assert cadence.FOCUSED_VISITS.uncertain  # sources conflict
    assert cadence.FOCUSED_VISITS.count_for(Grade.GOOD) == 1
    assert cadence.FOCUSED_VISITS.count_for(Grade.INADEQUATE) == 0
    assert cadence.MONITORING.interval_months == 3  # quarterly (2016 rule)
    visit = TYPE_RULES[InspectionType.MONITORING_VISIT]
    assert (visit.team, visit.on_site_days) == ("2 HMI", 2)  # 2 HMI for 2 days (2016 rule)


def test_the_pauses_agree_with_ofsteds_data(real_inspections: list[Inspection]) -> None:
    after = sorted(
        (i for i in real_inspections if i.date >= dt.date(2020, 3, 17)), key=lambda i: i.date
    )
    graded = [i.date for i in after if i.graded]
    # one graded inspection in the pause (Sunderland, 28 June 2021: the spec's "one in June
    # 2021"), then regular ones from 20 September 2021, the pause's resume day
    assert [d for d in graded if d < cadence.COVID_PAUSE.resume] == [dt.date(2021, 6, 28)]
    assert graded[1] == cadence.COVID_PAUSE.resume
    # visits: the first monitoring visit after the suspension in the week of the resume day
    monitoring = [i.date for i in after if i.type is InspectionType.MONITORING_VISIT]
    resume = VISIT_PAUSES[0].resume
    assert resume.weekday() == 0
    assert resume <= monitoring[0] < resume + dt.timedelta(days=7)
    # the first visits recorded as focused visits: the assurance visits from 28 April 2021
    focused = [i.date for i in after if i.type is InspectionType.FOCUSED_VISIT]
    assert focused[0] == ASSURANCE_VISITS_2021.first
    themed = [d for d in focused if d > ASSURANCE_VISITS_2021.last]
    assert themed[0] == dt.date(2021, 6, 9)  # the first themed focused visit (spec, section 7)


def test_the_spring_2021_visits_recorded_as_focused_were_assurance_visits() -> None:
    def visit(day: dt.date, kind: str = "focused visit") -> Inspection:
        return Inspection("E06000034", "Thurrock", kind, start=day)

    # 28 April to 26 May 2021: COVID-19 assurance visits (CYP Now); 9 June 2021: themed
    assurance = visit(dt.date(2021, 5, 5))
    assert kind_of(assurance) is InspectionType.COVID_VISIT
    assert not is_focused_visit(assurance)
    themed = visit(dt.date(2021, 6, 9))
    assert kind_of(themed) is InspectionType.FOCUSED_VISIT
    assert is_focused_visit(themed)
    monitoring = visit(dt.date(2021, 5, 5), "monitoring visit")
    assert kind_of(monitoring) is InspectionType.MONITORING_VISIT


def test_covid_pause_dates() -> None:
    covid = cadence.PAUSES[0]
    assert covid.start == dt.date(2020, 3, 17)
    assert covid.resume == dt.date(2021, 9, 20)
    assert covid.days == 552
    lockdown = cadence.PAUSES[1]
    assert lockdown.start == dt.date(2020, 11, 5)
    assert covid.start <= lockdown.start < lockdown.resume <= covid.resume


def test_post_inspection_duties_in_working_days() -> None:
    assert duties.REPORT_PUBLICATION.working_days == 30
    assert duties.ACTION_PLAN.working_days == 70
    assert duties.FOCUSED_VISIT_DRAFT_PLAN.working_days == 20
    assert duties.FOCUSED_VISIT_FINAL_PLAN.working_days == 70
    assert duties.JTAI_WRITTEN_STATEMENT.working_days == 70
    assert duties.REPORT_PUBLICATION.sources[0].evidence is Evidence.A


@pytest.mark.parametrize("entry", all_rules(), ids=lambda entry: entry.code)
def test_catalogue_records_are_immutable(entry: object) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.code = "changed"  # type: ignore[attr-defined]


def test_certainty_follows_evidence_and_flag() -> None:
    a = Source("t", "https://a.example", Evidence.A)
    c = Source("t", "https://c.example", Evidence.C)
    assert certainty_of((a,), uncertain=False) is Certainty.CONFIRMED
    assert certainty_of((c,), uncertain=False) is Certainty.REPORTED
    assert certainty_of((a,), uncertain=True) is Certainty.UNCERTAIN
    assert certainty_of((), uncertain=False) is Certainty.UNCERTAIN
    assert Evidence.A.rank < Evidence.D.rank


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": "", "url": "https://x.example", "evidence": Evidence.A}, "Source.title"),
        ({"title": "t", "url": "ftp://x", "evidence": Evidence.A}, "Source.url"),
    ],
)
def test_source_validation_names_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Source(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_reason_validation() -> None:
    with pytest.raises(ValidationError, match=r"Reason\.code"):
        Reason("  ")
    with pytest.raises(ValidationError, match=r"Reason\.facts"):
        Reason("duty.note", (("note", ["not", "plain"]),))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="tuple of Source"):
        Reason("duty.note", (("note", "A sentence."),), ["not a source"])  # type: ignore[arg-type]
    reason = Reason("duty.note", (("note", "A sentence."),), (refs.FW_2024,), uncertain=True)
    assert str(reason) == "A sentence. (uncertain)"
    assert reason.certainty is Certainty.UNCERTAIN


def test_errors_pickle_with_their_fields() -> None:
    from ilacs.errors import FileFormatError

    error = FileFormatError("f.ods", "Overall", "Goodish", "a grade", sheet="S", row=4, column="F")
    copy = pickle.loads(pickle.dumps(error))
    assert (
        str(copy)
        == str(error)
        == ("f.ods, sheet 'S', row 4, column F: Overall: got 'Goodish'; expected a grade")
    )
    bound = OutOfRangeError("year", 1970, "1971 or later", bound=1971)
    assert pickle.loads(pickle.dumps(bound)).bound == 1971
    assert isinstance(copy, ValueError)


def test_former_authorities_agree_with_the_reorganisations_that_replaced_them() -> None:
    from ilacs.catalogue.la_codes import FORMER_LOCAL_AUTHORITIES
    from ilacs.catalogue.reorganisations import REORGANISATIONS

    replaced = {p.code: r.created for r in REORGANISATIONS for p in r.predecessors}
    for former in FORMER_LOCAL_AUTHORITIES:
        assert former.code in replaced, former.name
        assert former.abolished == replaced[former.code], former.name
    assert set(replaced) == {f.code for f in FORMER_LOCAL_AUTHORITIES}


SEED_FILES = {
    "Thurrock Children's Services Overview and Scrutiny minutes, early 2020": "000",
    "Wokingham Children's Services Overview and Scrutiny minutes, 2023": "001",
    "Thurrock Health and Wellbeing Board report on the focused visit, 2021": "002",
    "Durham Children and Young People's Overview and Scrutiny minutes, 2019-20": "003",
    "Thurrock Corporate Parenting Committee, 9 March 2017": "004",
}
"""The seed minutes by the title the catalogue cites them with."""


def test_a_grade_wording_is_cited_only_to_minutes_that_contain_it(minutes: dict[str, str]) -> None:
    texts = {prefix: minutes[prefix].lower() for prefix in SEED_FILES.values()}
    cited = 0
    for wording in (*GRADE_WORDINGS, *LEGACY_GRADE_WORDINGS):
        for source in wording.sources:
            if source.evidence.name != "S":
                continue
            cited += 1
            text = texts[SEED_FILES[source.title]]
            assert wording.text.lower() in text, (wording.text, source.title)
    assert cited >= 3

"""Inspection, Judgement and History: validation on construction and the questions users ask."""

from __future__ import annotations

import datetime as dt
import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import Framework, Grade, Inspection, InspectionType, Judgement, JudgementArea, ParseError
from ilacs.catalogue.frameworks import version_named
from ilacs.catalogue.grades import LegacyGrade
from ilacs.errors import NotJudgedError, ValidationError
from ilacs.records import History, Judgements, histories, parse_framework
from strategies import histories as history_records

J = JudgementArea
D = dt.date
RI = Grade.REQUIRES_IMPROVEMENT


def thurrock() -> list[Inspection]:
    """Thurrock's inspections as the minutes and Ofsted's reports give them (seeds 000, 002, 004)."""
    return [
        Inspection(
            "E06000034",
            "Thurrock",
            "sif",
            start=D(2016, 2, 22),
            end=D(2016, 3, 17),
            published=D(2016, 5, 24),
            judgements={
                "overall": "Requires improvement to be good",
                "help_and_protection": "Require improvement",
                "leadership": "Requires improvement",
            },
        ),
        Inspection(
            "E06000034",
            "Thurrock",
            "standard",
            start=D(2019, 11, 11),
            end=D(2019, 11, 22),
            published=D(2019, 12, 20),
            notified=D(2019, 11, 4),
            judgements={
                "overall": "Good",
                "leadership": "Good",
                "help_and_protection": "Good",
                "children_in_care": "Good",
            },
        ),
        Inspection(
            "E06000034",
            "Thurrock",
            "focused_visit",
            start=D(2021, 6, 30),
            end=D(2021, 7, 1),
            published=D(2021, 8, 9),
            notified=D(2021, 6, 16),
            theme="extra-familial harm",
        ),
    ]


def test_thurrock_history_answers_committee_questions() -> None:
    history = History.of(reversed(thurrock()))
    assert [e.type for e in history] == [
        InspectionType.SIF,
        InspectionType.STANDARD,
        InspectionType.FOCUSED_VISIT,
    ]
    assert history.last_graded().start == D(2019, 11, 11)  # type: ignore[union-attr]
    assert history.last_grade(Framework.SIF) is RI
    assert history.last_grade(Framework.ILACS) is Grade.GOOD
    assert history.last_grades() == {Framework.SIF: RI, Framework.ILACS: Grade.GOOD}
    assert history.time_since_last(D(2020, 3, 1)) == D(2020, 3, 1) - D(2019, 11, 11)
    assert history.time_since_last(D(2021, 7, 2), graded=False) == dt.timedelta(days=2)
    assert history.time_since_last(D(2015, 1, 1)) is None
    assert [e.type for e in history.between(D(2019, 1, 1), D(2021, 12, 31))] == [
        InspectionType.STANDARD,
        InspectionType.FOCUSED_VISIT,
    ]
    assert history.last_graded(as_of=D(2019, 11, 10)).start == D(2016, 2, 22)  # type: ignore[union-attr]
    assert len(history.known_on(D(2019, 11, 11))) == 2


def test_framework_version_is_derived_from_start_and_type() -> None:
    sif, ilacs, visit = thurrock()
    assert sif.framework_version.name == "SIF"
    assert ilacs.framework_version.name == "ILACS 2018"
    assert visit.framework_version.name == "ILACS 2018"
    wokingham = Inspection(
        "E06000041",
        "Wokingham",
        "standard",
        start=D(2023, 3, 6),
        end=D(2023, 3, 17),
        judgements={"care_leavers": "RI"},
    )
    assert wokingham.framework_version.name == "ILACS 2023"


def test_sif_reinspection_in_2018_stays_under_the_sif() -> None:
    torbay = Inspection(
        "E06000027",
        "Torbay",
        "sif_reinspection",
        start=D(2018, 6, 11),
        end=D(2018, 6, 22),
        judgements={"overall": "Inadequate", "lscb": "Good"},
    )
    assert torbay.framework_version.name == "SIF"


def test_an_inspection_dated_only_by_publication_uses_it() -> None:
    bournemouth = Inspection(
        "E06000028",
        "Bournemouth",
        "sif",
        published=D(2014, 6, 30),
        judgements={"overall": "Requires improvement to be good"},
    )
    assert bournemouth.date == D(2014, 6, 30)
    assert bournemouth.framework_version.name == "SIF"


def test_judgement_record_carries_version_la_and_date() -> None:
    judgement = thurrock()[1].judgement(J.OVERALL)
    assert judgement == Judgement(
        J.OVERALL,
        Grade.GOOD,
        version_named("ILACS 2018"),
        "E06000034",
        D(2019, 11, 11),
        la_name="Thurrock",
        inspection_type=InspectionType.STANDARD,
    )
    assert judgement.wording == "Overall effectiveness"
    assert str(judgement) == "Thurrock, ILACS 2018 (2019-11-11): Overall effectiveness: Good"
    assert thurrock()[1].judgement("overall") == judgement


def test_all_judgements_in_report_order() -> None:
    areas = [j.area for j in thurrock()[1].all_judgements()]
    assert areas == [J.LEADERSHIP, J.HELP_AND_PROTECTION, J.CHILDREN_IN_CARE, J.OVERALL]


def test_asking_for_a_judgement_not_made_raises_not_judged_error() -> None:
    sif = thurrock()[0]
    with pytest.raises(NotJudgedError, match="CHILDREN_IN_CARE") as caught:
        sif.judgement(J.CHILDREN_IN_CARE)
    assert isinstance(caught.value, LookupError)
    with pytest.raises(NotJudgedError, match="made no care-leavers judgement"):
        thurrock()[1].judgement(J.CARE_LEAVERS)  # ILACS 2018: explained from the rules


@pytest.mark.parametrize(
    ("kwargs", "field", "match"),
    [
        ({"start": D(2019, 11, 22), "end": D(2019, 11, 11)}, "end", "on or after start"),
        ({"start": D(2008, 12, 1)}, "start", "on or after 2009-01-01"),
        ({"start": dt.datetime(2019, 11, 11, 9)}, "start", "datetime.date"),
        ({"start": "2019-11-11"}, "start", "datetime.date"),
        ({}, "start", "at least one of start, end or published"),
        ({"start": D(2019, 11, 11), "published": D(2019, 11, 1)}, "published", "on or after"),
        ({"start": D(2019, 11, 11), "notified": D(2019, 11, 12)}, "notified", "on or before"),
        (
            {"start": D(2019, 11, 11), "judgements": {"care_leavers": "Good"}},
            "judgements.CARE_LEAVERS",
            "area graded by ILACS 2018",
        ),
        (
            {"start": D(2019, 11, 11), "judgements": {"adoption": "Good"}},
            "judgements.ADOPTION",
            "ILACS 2018",
        ),
        ({"start": D(2019, 11, 11), "judgements": "Good"}, "judgements", "a mapping"),
        ({"start": D(2019, 11, 11), "framework": Framework.SIF}, "framework", "ILACS"),
        ({"start": D(2016, 1, 11)}, "start", "could take place"),
    ],
)
def test_invalid_inspection_raises_naming_the_field(
    kwargs: dict[str, object], field: str, match: str
) -> None:
    with pytest.raises(ValidationError, match=match) as caught:
        Inspection("E06000034", "Thurrock", "standard", **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_grade_on_a_visit_that_ends_in_a_letter_is_refused() -> None:
    with pytest.raises(ValidationError, match="ends in a letter") as caught:
        Inspection(
            "E06000034",
            "Thurrock",
            InspectionType.FOCUSED_VISIT,
            start=D(2021, 6, 30),
            judgements={J.OVERALL: Grade.GOOD},
        )
    assert caught.value.field == "judgements"


@pytest.mark.parametrize(
    ("judgements", "error"),
    [
        ({"overall": "Goodish"}, ParseError),
        ({"quality": "Good"}, ParseError),
        ({"overall": 3}, ParseError),
    ],
)
def test_unreadable_judgements_raise_parse_error(
    judgements: dict[str, object], error: type
) -> None:
    with pytest.raises(error):
        Inspection("E1", "X", "standard", start=D(2019, 1, 7), judgements=judgements)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("", "X", "standard"), "la_code"),
        ((None, "X", "standard"), "la_code"),
        (("E1", 5, "standard"), "la_name"),
    ],
)
def test_la_code_and_name_are_checked(args: tuple[object, ...], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Inspection(*args, start=D(2019, 1, 7))  # type: ignore[arg-type]
    assert caught.value.field == field


def test_unknown_inspection_type_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="inspection type"):
        Inspection("E1", "X", "annual review", start=D(2019, 1, 7))


def test_unknown_framework_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="framework"):
        Inspection("E1", "X", "standard", start=D(2019, 1, 7), framework="OFSTED")


def test_pre_2013_inspection_reads_grades_on_the_legacy_scale() -> None:
    slac = Inspection(
        "E1",
        "X",
        "slac",
        start=D(2010, 5, 10),
        judgements={"overall": "Good", "safeguarding": "Adequate"},
    )
    assert slac.judgements[J.OVERALL] is LegacyGrade.GOOD
    assert slac.judgements[J.SAFEGUARDING] is LegacyGrade.ADEQUATE
    with pytest.raises(ValidationError, match="scale"):
        Inspection(
            "E1", "X", "slac", start=D(2010, 5, 10), judgements={"overall": "Requires improvement"}
        )
    with pytest.raises(ValidationError, match="scale"):
        Inspection("E1", "X", "standard", start=D(2019, 5, 10), judgements={"overall": "Adequate"})


def test_judgement_validation() -> None:
    ilacs_2018 = version_named("ILACS 2018")
    with pytest.raises(ValidationError, match="area graded by ILACS 2018"):
        Judgement(J.CARE_LEAVERS, Grade.GOOD, ilacs_2018, "E1", D(2019, 1, 7))
    with pytest.raises(ValidationError, match="scale"):
        Judgement(J.OVERALL, LegacyGrade.ADEQUATE, ilacs_2018, "E1", D(2019, 1, 7))
    with pytest.raises(ValidationError, match="grade"):
        Judgement(J.OVERALL, "Good", ilacs_2018, "E1", D(2019, 1, 7))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="FrameworkVersion"):
        Judgement(J.OVERALL, Grade.GOOD, "ILACS 2018", "E1", D(2019, 1, 7))  # type: ignore[arg-type]
    moved = Judgement(J.OVERALL, Grade.GOOD, version_named("SLAC 2009"), "E1", D(2010, 1, 7))
    assert moved.grade is LegacyGrade.GOOD


def test_history_rejects_duplicates_overlaps_mixed_las_and_empty() -> None:
    events = thurrock()
    with pytest.raises(ValidationError, match="duplicate"):
        History.of([*events, events[1]])
    overlapping = Inspection(
        "E06000034", "Thurrock", "short", start=D(2019, 11, 18), end=D(2019, 11, 22)
    )
    with pytest.raises(ValidationError, match="overlaps"):
        History.of([*events, overlapping])
    other = Inspection("E06000041", "Wokingham", "standard", start=D(2019, 6, 3))
    with pytest.raises(ValidationError, match="one LA") as caught:
        History.of([*events, other])
    assert caught.value.field == "la_code"
    with pytest.raises(ValidationError, match="at least one"):
        History.of([])
    with pytest.raises(ValidationError, match="Inspection records"):
        History.of(["not an inspection"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="Inspection records"):
        histories([object()])  # type: ignore[list-item]


def test_histories_group_many_las_by_code() -> None:
    other = Inspection(
        "E06000041", "Wokingham", "standard", start=D(2019, 6, 3), end=D(2019, 6, 14)
    )
    grouped = histories([*thurrock(), other])
    assert list(grouped) == ["E06000034", "E06000041"]
    assert grouped["E06000041"].la_name == "Wokingham"


def test_ilacs_2026_has_no_overall_so_last_grade_skips_it() -> None:
    events = [
        *thurrock()[:2],
        Inspection(
            "E06000034",
            "Thurrock",
            "short",
            start=D(2026, 5, 11),
            end=D(2026, 5, 15),
            judgements={"leadership": "Outstanding", "care_leavers": "Good"},
        ),
    ]
    history = History.of(events)
    assert history.last_graded().overall is None  # type: ignore[union-attr]
    assert history.last_grade() is Grade.GOOD


def test_records_are_frozen_and_hashable() -> None:
    inspection = thurrock()[1]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        inspection.start = D(2020, 1, 1)  # type: ignore[misc]
    assert len({inspection, thurrock()[1]}) == 1
    assert hash(inspection.judgements) == hash(thurrock()[1].judgements)


def test_judgements_mapping_behaves_like_a_read_only_dict() -> None:
    marks = Judgements({"overall": "Good", J.LEADERSHIP: Grade.OUTSTANDING})
    assert list(marks) == [J.OVERALL, J.LEADERSHIP]
    assert marks == {J.OVERALL: Grade.GOOD, J.LEADERSHIP: Grade.OUTSTANDING}
    assert len(marks) == 2
    with pytest.raises(KeyError):
        marks[J.LSCB]
    with pytest.raises(ValidationError, match="each area once"):
        Judgements([("overall", "Good"), ("OVERALL", "Good")])
    assert repr(marks) == "{'OVERALL': 'GOOD', 'LEADERSHIP': 'OUTSTANDING'}"
    assert marks != 3


@given(history_records(), st.randoms(use_true_random=False))
def test_a_history_does_not_depend_on_the_order_of_its_events(
    history: History, shuffler: random.Random
) -> None:
    events = list(history.events)
    shuffler.shuffle(events)
    again = History.of(events)
    assert again == history
    assert [e.date for e in again] == sorted(e.date for e in events)
    assert again.last_graded() == max(
        (e for e in events if e.graded), key=lambda e: e.date, default=None
    )


def test_str_reads_as_a_line() -> None:
    assert str(thurrock()[1]) == (
        "Thurrock (E06000034): ILACS standard inspection, 2019-11-11 to 2019-11-22, overall Good"
    )


def test_judgements_are_found_by_text_keys_too() -> None:
    marks = Judgements({"overall": "Good", "care_leavers": "RI"})
    assert marks["overall"] is Grade.GOOD
    assert marks.get("Care leavers") is RI
    assert "care-leavers" in marks
    assert "leadership" not in marks
    assert marks.get("leadership") is None


def test_judgements_look_up_of_unknown_text_raises_rather_than_missing() -> None:
    marks = Judgements({"overall": "Good"})
    with pytest.raises(ParseError, match="'overal'") as caught:
        marks.get("overal")
    assert caught.value.field == "judgement area"
    with pytest.raises(ParseError):
        "overal" in marks  # noqa: B015 - the look-up itself is the behaviour checked


@pytest.mark.parametrize("flag", ["false", 1, None])
def test_priority_action_must_be_a_bool(flag: object) -> None:
    with pytest.raises(ValidationError, match="True or False") as caught:
        Inspection(
            "E06000034",
            "Thurrock",
            "focused_visit",
            start=D(2021, 6, 30),
            priority_action=flag,  # type: ignore[arg-type]
        )
    assert (caught.value.field, caught.value.value) == ("priority_action", flag)


@pytest.mark.parametrize(
    ("kwargs", "field", "error"),
    [
        ({"inspected": None}, "inspected", ValidationError),
        ({"inspected": dt.datetime(2019, 11, 11, 9)}, "inspected", ValidationError),
        ({"la_name": 5}, "la_name", ValidationError),
        ({"inspection_type": "annual review"}, "inspection type", ParseError),
    ],
)
def test_judgement_fields_are_checked(kwargs: dict[str, object], field: str, error: type) -> None:
    given: dict[str, object] = {"inspected": D(2019, 11, 11), **kwargs}
    inspected = given.pop("inspected")
    with pytest.raises(error) as caught:
        Judgement(
            "overall",
            Grade.GOOD,
            version_named("ILACS 2018"),
            "E06000034",
            inspected,  # type: ignore[arg-type]
            **given,  # type: ignore[arg-type]
        )
    assert caught.value.field == field


def test_judgement_reads_its_inspection_type_from_text() -> None:
    judgement = Judgement(
        "overall",
        Grade.GOOD,
        version_named("ILACS 2018"),
        "E06000034",
        D(2019, 11, 11),
        inspection_type="standard",  # type: ignore[arg-type]
    )
    assert judgement.inspection_type is InspectionType.STANDARD


@pytest.mark.parametrize(
    ("text", "framework"),
    [
        ("ILACS", Framework.ILACS),
        (" sif ", Framework.SIF),
        ("cp-2012", Framework.CP_2012),
        ("CP 2012", Framework.CP_2012),
        (Framework.SLAC, Framework.SLAC),
    ],
)
def test_parse_framework_ignores_case_spaces_and_hyphens(
    text: str | Framework, framework: Framework
) -> None:
    assert parse_framework(text) is framework


@pytest.mark.parametrize("bad", ["OFSTED", "", None, 3])
def test_parse_framework_refuses_what_names_no_framework(bad: object) -> None:
    with pytest.raises(ParseError, match="one of JAR, SLAC, CP_2012, SIF, ILACS") as caught:
        parse_framework(bad)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("framework", bad)


def test_an_unreadable_grade_names_its_area_and_both_scales() -> None:
    with pytest.raises(ParseError) as caught:
        Inspection("E1", "X", "standard", start=D(2019, 1, 7), judgements={"overall": "Goodish"})
    error = caught.value
    assert (error.field, error.value) == ("judgements.OVERALL", "Goodish")
    assert "Requires improvement to be good" in error.expected
    assert error.expected.endswith("a pre-2013 grade: Outstanding, Good, Adequate, Inadequate")

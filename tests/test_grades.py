"""Grades: every wording Ofsted and the councils used parses; nothing else does."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import shared_file
from ilacs import Grade, LegacyGrade, ParseError
from ilacs.catalogue.grades import GRADE_WORDINGS, LEGACY_GRADE_WORDINGS, normalise_wording

JUDGEMENT_COLUMNS = (
    "overall",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
    "leadership",
)


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Outstanding", Grade.OUTSTANDING),
        ("Good", Grade.GOOD),
        ("Requires improvement to be good", Grade.REQUIRES_IMPROVEMENT),
        ("Require improvement to be good", Grade.REQUIRES_IMPROVEMENT),
        ("Requires improvement", Grade.REQUIRES_IMPROVEMENT),
        ("require improvement", Grade.REQUIRES_IMPROVEMENT),
        ("Requires Improvement", Grade.REQUIRES_IMPROVEMENT),  # Durham, Thurrock minutes
        ("Require Improvement", Grade.REQUIRES_IMPROVEMENT),  # Thurrock 2021 report
        ("required improvement", Grade.REQUIRES_IMPROVEMENT),  # Durham minutes
        ("requires improvement to become good", Grade.REQUIRES_IMPROVEMENT),  # Wokingham minutes
        ("RI", Grade.REQUIRES_IMPROVEMENT),
        ("Requires improvement\nto be good", Grade.REQUIRES_IMPROVEMENT),  # wrapped in 2018-19 PDFs
        ("‘Good’", Grade.GOOD),  # quoted in the minutes
        ("  INADEQUATE ", Grade.INADEQUATE),
        ("Good\u00a0", Grade.GOOD),
    ],
)
def test_parse_accepts_every_known_wording(text: str, grade: Grade) -> None:
    assert Grade.parse(text) is grade


@pytest.mark.parametrize("text", ["", "Goodish", "Satisfactory", "requires", "1", "good good"])
def test_parse_rejects_unknown_wording_naming_field_and_value(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        Grade.parse(text)
    assert caught.value.field == "grade"
    assert caught.value.value == text
    assert "Requires improvement to be good" in str(caught.value)


def test_adequate_is_refused_with_a_pointer_to_the_legacy_scale() -> None:
    with pytest.raises(ParseError, match=r"LegacyGrade\.parse"):
        Grade.parse("Adequate")
    assert LegacyGrade.parse("Adequate") is LegacyGrade.ADEQUATE


@pytest.mark.parametrize("value", [None, 3, 2.0, b"Good"])
def test_parse_rejects_non_strings(value: object) -> None:
    with pytest.raises(ParseError):
        Grade.parse(value)  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        LegacyGrade.parse(value)  # type: ignore[arg-type]


def test_legacy_parse_rejects_sif_wordings() -> None:
    with pytest.raises(ParseError, match="pre-2013"):
        LegacyGrade.parse("Requires improvement")


def test_better_grades_compare_greater() -> None:
    assert Grade.OUTSTANDING > Grade.GOOD > Grade.REQUIRES_IMPROVEMENT > Grade.INADEQUATE
    assert sorted(Grade, reverse=True)[0] is Grade.OUTSTANDING
    assert LegacyGrade.GOOD > LegacyGrade.ADEQUATE > LegacyGrade.INADEQUATE


def test_grades_of_different_scales_do_not_order() -> None:
    with pytest.raises(TypeError):
        _ = Grade.GOOD < LegacyGrade.GOOD  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Grade.GOOD < 3  # type: ignore[operator]
    assert Grade.GOOD != LegacyGrade.GOOD


@given(st.sampled_from(Grade))
def test_parse_of_a_grade_label_returns_the_grade(grade: Grade) -> None:
    assert Grade.parse(grade.label) is grade
    assert Grade.parse(grade.label.upper()) is grade
    assert Grade.parse(str(grade)) is grade


@given(st.sampled_from(LegacyGrade))
def test_legacy_parse_of_a_label_returns_the_grade(grade: LegacyGrade) -> None:
    assert LegacyGrade.parse(grade.label) is grade


@given(st.sampled_from(GRADE_WORDINGS), st.sampled_from([str.upper, str.lower, str.title]))
def test_every_catalogued_wording_parses_in_any_case(wording, case) -> None:  # type: ignore[no-untyped-def]
    assert Grade.parse(case(wording.text)) is wording.grade


@given(st.text(max_size=40))
def test_parse_raises_only_parse_error_on_any_text(text: str) -> None:
    known = {normalise_wording(w.text) for w in GRADE_WORDINGS}
    if normalise_wording(text) in known:
        assert isinstance(Grade.parse(text), Grade)
    else:
        with pytest.raises(ParseError) as caught:
            Grade.parse(text)
        assert caught.value.value == text


def test_every_wording_has_a_source() -> None:
    for wording in (*GRADE_WORDINGS, *LEGACY_GRADE_WORDINGS):
        assert wording.sources, wording


def test_every_grade_wording_in_the_real_csv_parses() -> None:
    path = shared_file("data/inspections-2013-2025.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        wordings = {row[c] for row in csv.DictReader(handle) for c in JUDGEMENT_COLUMNS if row[c]}
    assert wordings  # the file holds grades
    for text in wordings:
        assert isinstance(Grade.parse(text), Grade)


def test_every_grade_wording_in_the_minutes_parses() -> None:
    folder = shared_file("minutes")
    pattern = re.compile(
        r"(?i)\b(requires? improvement to (?:be|become) good|requires? improvement|"
        r"required improvement|outstanding|inadequate|good)\b"
    )
    found = {m.group(1) for f in folder.glob("*.txt") for m in pattern.finditer(f.read_text())}
    assert "requires improvement to become good" in {f.lower() for f in found}
    for text in found:
        assert isinstance(Grade.parse(text), Grade)

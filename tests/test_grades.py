"""Grades: every wording Ofsted and the councils used parses; nothing else does."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import Grade, ParseError
from ilacs.catalogue.grades import GRADE_WORDINGS, LEGACY_GRADE_WORDINGS, LegacyGrade
from strategies import free_text, grades, legacy_grades, spellings

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


def by_first_word(text: str) -> Grade:
    """The grade a wording names, read from its first word as the spec lists the labels
    (section 4.1): "Requires improvement ...", "Require ...", "Required ..." and "RI" are
    requires improvement; the others name their grade."""
    first = re.findall(r"[a-z]+", text.lower())[0]
    if first in ("requires", "require", "required", "ri"):
        return Grade.REQUIRES_IMPROVEMENT
    return {"outstanding": Grade.OUTSTANDING, "good": Grade.GOOD, "inadequate": Grade.INADEQUATE}[
        first
    ]


@given(grades)
def test_parse_of_a_grade_label_returns_the_grade(grade: Grade) -> None:
    assert Grade.parse(grade.label) is grade
    assert Grade.parse(grade.label.upper()) is grade
    assert Grade.parse(str(grade)) is grade


@given(legacy_grades)
def test_legacy_parse_of_a_label_returns_the_grade(grade: LegacyGrade) -> None:
    assert LegacyGrade.parse(grade.label) is grade


@given(st.data())
def test_every_catalogued_wording_parses_however_it_is_typed(data: st.DataObject) -> None:
    wording = data.draw(st.sampled_from(GRADE_WORDINGS))
    typed = data.draw(spellings(wording.text))
    assert Grade.parse(typed) is by_first_word(wording.text)


typed_wordings = st.sampled_from(GRADE_WORDINGS).flatmap(lambda w: spellings(w.text))


@given(free_text | typed_wordings)
def test_parse_gives_a_grade_or_a_parse_error_naming_the_text(text: str) -> None:
    failed: ParseError | None = None
    try:
        grade = Grade.parse(text)
    except ParseError as error:
        failed = error
    if failed is None:
        assert grade is by_first_word(text)
    else:
        assert (failed.field, failed.value) == ("grade", text)


def test_every_wording_has_a_source() -> None:
    for wording in (*GRADE_WORDINGS, *LEGACY_GRADE_WORDINGS):
        assert wording.sources, wording


def test_the_real_csv_holds_the_four_ilacs_labels_and_each_parses(
    real_file: Callable[[str], Path],
) -> None:
    with real_file("inspections-2013-2025.csv").open(newline="", encoding="utf-8") as handle:
        wordings = {row[c] for row in csv.DictReader(handle) for c in JUDGEMENT_COLUMNS if row[c]}
    # the ILACS labels (the spec, section 4.1), which the file uses for the SIF too
    assert {text: Grade.parse(text) for text in wordings} == {
        "Outstanding": Grade.OUTSTANDING,
        "Good": Grade.GOOD,
        "Requires improvement to be good": Grade.REQUIRES_IMPROVEMENT,
        "Inadequate": Grade.INADEQUATE,
    }


def test_every_grade_wording_in_the_minutes_parses(minutes: dict[str, str]) -> None:
    pattern = re.compile(
        r"(?i)\b(requires? improvement to (?:be|become) good|requires? improvement|"
        r"required improvement|outstanding|inadequate|good)\b"
    )
    found = {m.group(1) for text in minutes.values() for m in pattern.finditer(text)}
    # Wokingham's officers (seed 001) and Durham's (seed 003) used these
    assert {"requires improvement to become good", "required improvement"} <= {
        f.lower() for f in found
    }
    for text in found:
        assert Grade.parse(text) is by_first_word(text)

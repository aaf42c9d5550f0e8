"""``ilacs.merge.merge_inspections``: several files' records, each event once, disagreements told."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import shared_file
from ilacs.errors import ValidationError
from ilacs.merge import merge_inspections
from ilacs.ofsted import read_ofsted
from ilacs.records import Inspection, histories
from strategies import inspections

D = dt.date


def _standard(**fields: object) -> Inspection:
    base: dict[str, object] = {"start": D(2022, 7, 11), "judgements": {"overall": "Inadequate"}}
    return Inspection("E06000018", "Nottingham", "standard", **{**base, **fields})  # type: ignore[arg-type]


@given(st.lists(inspections(), max_size=8))
def test_a_file_merged_with_itself_is_itself(records: list[Inspection]) -> None:
    once = merge_inspections([("a.csv", records)])
    twice = merge_inspections([("a.csv", records), ("b.csv", records)])
    assert once.problems == twice.problems == ()
    assert sorted(map(repr, twice.records)) == sorted(map(repr, records))


def test_one_file_knows_the_start_the_other_only_the_publication() -> None:
    by_publication = _standard(start=None, published=D(2022, 9, 5), judgements={"leadership": "RI"})
    by_start = _standard(end=D(2022, 7, 22), published=D(2022, 9, 5))
    merged = merge_inspections([("2025.ods", [by_start]), ("2024.ods", [by_publication])])
    assert merged.problems == ()
    (record,) = merged.records
    assert (record.start, record.end, record.published) == (
        D(2022, 7, 11),
        D(2022, 7, 22),
        D(2022, 9, 5),
    )
    assert {a.name: g.label for a, g in record.judgements.items()} == {
        "OVERALL": "Inadequate",
        "LEADERSHIP": "Requires improvement to be good",
    }


def test_a_disagreement_keeps_the_first_file_and_names_both() -> None:
    first = _standard(published=D(2022, 9, 5))
    second = _standard(published=D(2022, 11, 5))
    merged = merge_inspections([("2025.ods", [first]), ("2024.ods", [second])])
    assert merged.records == (first,)
    (problem,) = merged.problems
    assert (problem.file, problem.field, problem.value) == (
        "2024.ods",
        "publication_date",
        "2022-11-05",
    )
    assert "the same value as 2025.ods ('2022-09-05')" in problem.message


def test_accounts_that_cannot_make_one_record_name_the_value_and_the_rule() -> None:
    # The first file knows the start, the second only an end before it: each is fine alone.
    first = _standard(judgements={}, published=D(2022, 9, 5))
    second = _standard(start=None, end=D(2022, 7, 1), judgements={}, published=D(2022, 9, 5))
    merged = merge_inspections([("a.ods", [first]), ("b.ods", [second])])
    assert merged.records == (first,)
    (problem,) = merged.problems
    assert (problem.file, problem.field, problem.value) == ("b.ods", "end_date", "2022-07-01")
    assert problem.message.startswith("expected a date on or after start (2022-07-11) (")
    assert "the record of a.ods that describes the same inspection" in problem.message


def test_two_accounts_of_one_graded_inspection_disagreeing_on_its_type() -> None:
    short = Inspection("E09000024", "Merton", "short", start=D(2022, 2, 28))
    standard = attrs.evolve(short, type="standard")
    merged = merge_inspections([("a.ods", [short]), ("b.ods", [standard])])
    assert [p.field for p in merged.problems] == ["inspection_type"]
    histories(merged.records)  # one inspection, not two that overlap


def test_visits_and_inspections_on_one_day_stay_apart() -> None:
    visit = Inspection("E06000034", "Thurrock", "focused_visit", start=D(2021, 6, 30))
    graded = Inspection("E06000034", "Thurrock", "standard", start=D(2021, 6, 30))
    merged = merge_inspections([("a.csv", [visit]), ("b.csv", [graded])])
    assert len(merged.records) == 2
    assert merged.problems == ()


def test_records_of_one_file_are_left_to_its_reader() -> None:
    twice = [_standard(), _standard()]
    assert len(merge_inspections([("a.csv", twice)]).records) == 2


def test_barnsley_s_2025_code_is_its_older_one() -> None:
    old = Inspection("E08000016", "Barnsley", "short", start=D(2023, 1, 9))
    new = attrs.evolve(old, la_code="E08000038", published=D(2023, 2, 20))
    (record,) = merge_inspections([("a", [old]), ("b", [new])]).records
    assert (record.la_code, record.published) == ("E08000016", D(2023, 2, 20))


def test_what_is_not_an_inspection_is_refused() -> None:
    with pytest.raises(ValidationError, match="Inspection records"):
        merge_inspections([("a.csv", ["Thurrock"])])  # type: ignore[list-item]


def test_ofsted_s_2025_and_2024_editions_disagree_on_four_inspections() -> None:
    editions = shared_file("data/ofsted")
    newer = read_ofsted(editions / "LA_Inspection_Outcomes_as_at_31_March_2025.ods")
    older = read_ofsted(editions / "LA_Inspection_Outcomes_as_at_March_2024.ods")
    merged = merge_inspections([("2025", newer), ("2024", older)])
    # Typed from the two files' rows: Nottingham's report date, Isles of Scilly's start,
    # Merton's type and Staffordshire's care-leavers grade differ between the editions.
    assert sorted((p.field, p.value) for p in merged.problems) == [
        ("care_leavers", "Good"),
        ("inspection_type", "standard"),
        ("publication_date", "2022-11-05"),
        ("start_date", "2023-07-10"),
    ]
    assert len(histories(merged.records)) == 156
    assert len(merged.records) < len(newer) + len(older)

"""JSON of the library's records: the form, round trips, and errors that name the bad field."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs.catalogue.frameworks import (
    VERSIONS,
    Framework,
    FrameworkVersion,
    JudgementArea,
    version_named,
)
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ParseError
from ilacs.records import History, Inspection, Judgement
from ilacs.serialization import from_json, structure, to_json, unstructure
from ilacs.sources import Evidence, Reason, Source
from ilacs.tabular import Problem, ReadResult
from strategies import (
    histories,
    inspections,
    judgement_records,
    problems,
    read_results,
    reasons,
    sources,
    versions,
)


class Verdict(enum.StrEnum):
    """A str-valued enum like those of other modules: still written by NAME."""

    COMPARABLE = "comparable"
    NOT_COMPARABLE = "not comparable"


@attrs.frozen
class FakeForecast:
    """A result record of the kinds of field forecasts and comparisons use."""

    type: InspectionType
    expected: dt.date
    reasons: tuple[Reason, ...]
    basis: Judgement
    version: FrameworkVersion
    latest: dt.date | None = None
    prior: Grade | LegacyGrade | None = None
    verdict: Verdict = Verdict.COMPARABLE
    weeks: int = 0
    share: float = 0.0
    uncertain: bool = False
    history: tuple[Inspection, ...] = ()
    framework: Framework | None = None


fake_forecasts = st.builds(
    FakeForecast,
    type=st.sampled_from(InspectionType),
    expected=st.dates(),
    reasons=st.lists(reasons, max_size=2).map(tuple),
    basis=judgement_records(),
    version=versions,
    latest=st.none() | st.dates(),
    # A bare ``Grade | LegacyGrade`` field reads "GOOD" as Grade.GOOD: only records that know
    # their framework version (Inspection, Judgement) put it back on the legacy scale.
    prior=st.none() | st.sampled_from(Grade) | st.just(LegacyGrade.ADEQUATE),
    verdict=st.sampled_from(Verdict),
    weeks=st.integers(-1000, 1000),
    share=st.floats(allow_nan=False, allow_infinity=False),
    uncertain=st.booleans(),
    history=st.lists(inspections(), max_size=2).map(tuple),
    framework=st.none() | st.sampled_from(Framework),
)

THURROCK = Inspection(
    "E06000034",
    "Thurrock",
    InspectionType.STANDARD,
    start=dt.date(2019, 11, 11),
    end=dt.date(2019, 11, 22),
    published=dt.date(2019, 12, 20),
    judgements={"overall": "Good", "leadership": "Requires improvement to be good"},
    framework=Framework.ILACS,
)


def thurrock_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = unstructure(THURROCK)
    data.update(changes)
    return data


def is_plain(value: object) -> bool:
    """True for data made only of what JSON holds."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(is_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)


def parse_error(data: Any, cls: Any) -> ParseError:
    with pytest.raises(ParseError) as caught:
        structure(data, cls)
    return caught.value


# --- the JSON form ------------------------------------------------------------------------------


def test_inspection_json_form_uses_iso_dates_and_names() -> None:
    assert json.loads(to_json(THURROCK)) == {
        "la_code": "E06000034",
        "la_name": "Thurrock",
        "type": "STANDARD",
        "start": "2019-11-11",
        "end": "2019-11-22",
        "published": "2019-12-20",
        "judgements": {"LEADERSHIP": "REQUIRES_IMPROVEMENT", "OVERALL": "GOOD"},
        "framework": "ILACS",
        "notified": None,
        "theme": "",
        "priority_action": False,
    }


def test_judgement_json_form_names_the_framework_version() -> None:
    data = unstructure(THURROCK.judgement(JudgementArea.OVERALL))
    assert data["framework_version"] == "ILACS 2018"
    assert data["area"] == "OVERALL"
    assert data["grade"] == "GOOD"
    assert data["inspected"] == "2019-11-11"
    assert data["inspection_type"] == "STANDARD"


def test_framework_version_is_written_as_its_name_and_read_with_version_named() -> None:
    assert unstructure(version_named("ILACS 2023")) == "ILACS 2023"
    assert structure("ILACS 2023", FrameworkVersion) is version_named("ILACS 2023")


def test_source_evidence_is_written_by_name() -> None:
    source = Source("A page", "https://example.org", Evidence.B, dt.date(2020, 1, 2))
    assert unstructure(source) == {
        "title": "A page",
        "url": "https://example.org",
        "evidence": "B",
        "published": "2020-01-02",
        "note": "",
    }


def test_str_valued_enums_are_written_by_name_not_value() -> None:
    assert unstructure(Verdict.NOT_COMPARABLE) == "NOT_COMPARABLE"
    assert structure("NOT_COMPARABLE", Verdict) is Verdict.NOT_COMPARABLE


def test_history_json_form_is_code_name_and_events() -> None:
    history = History.of([THURROCK])
    data = unstructure(history)
    assert set(data) == {"la_code", "la_name", "events"}
    assert data["events"] == [unstructure(THURROCK)]


def test_to_json_indents_on_request() -> None:
    text = to_json(THURROCK, indent=2)
    assert text.startswith('{\n  "la_code"')
    assert from_json(text, Inspection) == THURROCK


def test_lists_of_records_round_trip_as_arrays() -> None:
    text = to_json([THURROCK, THURROCK])
    assert text.startswith("[{")
    assert from_json(text, list[Inspection]) == [THURROCK, THURROCK]
    assert from_json(text, tuple[Inspection, ...]) == (THURROCK, THURROCK)


def test_non_ascii_text_is_written_as_is() -> None:
    renamed = attrs.evolve(THURROCK, la_name="Ynys Môn")
    assert "Ynys Môn" in to_json(renamed)
    assert from_json(to_json(renamed).encode("utf-8"), Inspection) == renamed


# --- grades: the union of the two scales --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("GOOD", Grade.GOOD),
        ("OUTSTANDING", Grade.OUTSTANDING),
        ("REQUIRES_IMPROVEMENT", Grade.REQUIRES_IMPROVEMENT),
        ("INADEQUATE", Grade.INADEQUATE),
        ("ADEQUATE", LegacyGrade.ADEQUATE),
    ],
)
def test_grade_names_read_as_grade_unless_only_legacy_grade_has_them(
    name: str, expected: Grade | LegacyGrade
) -> None:
    assert structure(name, Grade | LegacyGrade) is expected


def test_grade_wordings_are_accepted_besides_names() -> None:
    assert structure("Requires improvement to be good", Grade | LegacyGrade) is (
        Grade.REQUIRES_IMPROVEMENT
    )
    assert structure("Adequate", Grade | LegacyGrade) is LegacyGrade.ADEQUATE


def test_shared_grade_names_land_on_the_scale_of_a_pre_2013_inspection() -> None:
    data = {
        "la_code": "E1",
        "la_name": "X",
        "type": "SLAC",
        "start": "2010-05-04",
        "judgements": {"OVERALL": "GOOD", "SAFEGUARDING": "ADEQUATE"},
    }
    inspection = structure(data, Inspection)
    assert inspection.judgements[JudgementArea.OVERALL] is LegacyGrade.GOOD
    assert inspection.judgements[JudgementArea.SAFEGUARDING] is LegacyGrade.ADEQUATE


def test_a_judgement_of_a_pre_2013_version_reads_good_as_legacy() -> None:
    judgement = Judgement(
        "overall", LegacyGrade.GOOD, version_named("SLAC 2009"), "E1", dt.date(2010, 1, 1)
    )
    data = unstructure(judgement)
    assert data["grade"] == "GOOD"
    assert structure(data, Judgement).grade is LegacyGrade.GOOD


def test_optional_grade_unions_read_null() -> None:
    assert structure(None, Grade | LegacyGrade | None) is None


# --- round trips (properties) -------------------------------------------------------------------


record_strategies = [
    inspections(),
    judgement_records(),
    histories(max_size=5),
    reasons,
    sources,
    problems,
    read_results,
    fake_forecasts,
]


@pytest.mark.parametrize("strategy", record_strategies, ids=lambda s: repr(s)[:40])
def test_json_round_trip_returns_an_equal_record(strategy: st.SearchStrategy[Any]) -> None:
    @given(strategy)
    def check(record: Any) -> None:
        assert from_json(to_json(record), type(record)) == record

    check()


@pytest.mark.parametrize("strategy", record_strategies, ids=lambda s: repr(s)[:40])
def test_unstructure_gives_plain_data_that_structures_back(
    strategy: st.SearchStrategy[Any],
) -> None:
    @given(strategy)
    def check(record: Any) -> None:
        data = unstructure(record)
        assert is_plain(data)
        assert structure(data, type(record)) == record

    check()


@given(versions)
def test_every_framework_version_round_trips_by_name(version: FrameworkVersion) -> None:
    assert from_json(to_json(version), FrameworkVersion) is version


def _catalogue_records() -> list[Any]:
    """A record of each kind the catalogue, the scheduling rules and the calibration hold."""
    from ilacs.catalogue.listing import all_rules
    from ilacs.comparison import Policy
    from ilacs.scheduling import DEFAULT_RULES
    from ilacs.scheduling.calibration import shipped
    from ilacs.workdays import ONE_OFF_CHANGES, bank_holiday_calendar

    records = [*all_rules(), DEFAULT_RULES, shipped(), *Policy.presets(), *ONE_OFF_CHANGES]
    records += [*bank_holiday_calendar(2022), *(a for v in VERSIONS for a in v.areas)]
    # A wording's grade is a bare Grade | LegacyGrade: a legacy GOOD reads back as Grade.GOOD.
    return [r for r in records if getattr(r, "grade", None) not in _SHARED_LEGACY_NAMES]


_SHARED_LEGACY_NAMES = [g for g in LegacyGrade if g.name in Grade.__members__]


@pytest.mark.parametrize("record", _catalogue_records(), ids=lambda r: type(r).__name__)
def test_catalogue_records_round_trip(record: Any) -> None:
    assert from_json(to_json(record), type(record)) == record


# --- errors name the path and keep the library's words ------------------------------------------


def test_unknown_grade_names_the_path_and_keeps_the_grade_wordings() -> None:
    bad = thurrock_data(judgements={"OVERALL": "GOOD", "CARE_LEAVERS": "Goodish"})
    error = parse_error(bad, Inspection)
    assert error.field == "$.judgements.CARE_LEAVERS"
    assert error.value == "Goodish"
    assert str(error).startswith(
        "$.judgements.CARE_LEAVERS: got 'Goodish'; expected one of Ofsted's SIF or ILACS grade "
        "wordings: Outstanding, Good, Requires improvement to be good"
    )
    assert "REQUIRES_IMPROVEMENT" in str(error)


def test_unknown_judgement_area_names_the_key() -> None:
    error = parse_error(thurrock_data(judgements={"SOCIAL_WORK": "GOOD"}), Inspection)
    assert error.field == "$.judgements.SOCIAL_WORK"
    assert "CARE_LEAVERS" in error.expected


def test_odd_keys_are_quoted_in_the_path() -> None:
    error = parse_error(thurrock_data(judgements={"care leavers!": "GOOD"}), Inspection)
    assert error.field == "$.judgements['care leavers!']"


def test_an_area_the_version_does_not_grade_is_refused_at_its_path() -> None:
    error = parse_error(thurrock_data(judgements={"CARE_LEAVERS": "GOOD"}), Inspection)
    assert error.field == "$.judgements.CARE_LEAVERS"
    assert "an area graded by ILACS 2018" in error.expected


def test_an_area_given_twice_under_two_spellings_is_refused() -> None:
    error = parse_error(
        thurrock_data(judgements={"OVERALL": "GOOD", "overall": "GOOD"}), Inspection
    )
    assert error.field == "$.judgements.OVERALL"
    assert error.expected == "each area once"
    assert error.value == "overall"  # the second spelling of the area


def test_judgements_must_be_an_object() -> None:
    error = parse_error(thurrock_data(judgements=["GOOD"]), Inspection)
    assert error.field == "$.judgements"
    assert "found an array" in str(error)


def test_extra_keys_are_refused_with_their_path() -> None:
    error = parse_error(thurrock_data(colour="red"), Inspection)
    assert error.field == "$.colour"
    assert "unknown fields are refused" in str(error)


def test_missing_required_fields_are_named() -> None:
    data = thurrock_data()
    del data["la_code"]
    error = parse_error(data, Inspection)
    assert error.field == "$.la_code"
    assert "Inspection.la_code is required" in error.expected


def test_missing_and_unknown_fields_are_listed_together_in_field_order() -> None:
    data = thurrock_data(colour="red", theme=5)
    del data["la_name"]
    error = parse_error(data, Inspection)
    assert error.field == "$.la_name"
    assert (error.detail or "").startswith("2 more: $.theme: got 5; expected a string")
    assert "$.colour: got 'colour'; expected a field of Inspection" in str(error)


def test_optional_fields_may_be_left_out() -> None:
    data = {"la_code": "E06000034", "la_name": "Thurrock", "type": "focused_visit"}
    data["start"] = "2021-06-30"
    assert structure(data, Inspection) == Inspection(
        "E06000034", "Thurrock", "focused_visit", start=dt.date(2021, 6, 30)
    )


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"priority_action": "true"}, "$.priority_action", "true or false"),
        ({"priority_action": 1}, "$.priority_action", "true or false"),
        ({"la_name": 5}, "$.la_name", "a string"),
        ({"theme": None}, "$.theme", "a string"),
        ({"start": 20191111}, "$.start", "an ISO date"),
        ({"start": "11/11/2019"}, "$.start", "an ISO date"),
        ({"start": "2019-02-30"}, "$.start", "a date that exists"),
        ({"type": "INSPECTION"}, "$.type", "one of sif, sif_reinspection"),
        ({"type": 3}, "$.type", "one of the names SIF, SIF_REINSPECTION"),
        ({"framework": "OFSTED"}, "$.framework", "one of JAR, SLAC"),
    ],
)
def test_values_of_the_wrong_kind_are_refused_at_their_path(
    changes: dict[str, Any], path: str, words: str
) -> None:
    error = parse_error(thurrock_data(**changes), Inspection)
    assert error.field == path
    assert words in str(error)


def test_the_records_own_checks_are_reported_at_the_field() -> None:
    error = parse_error(thurrock_data(end="2019-11-01"), Inspection)
    assert error.field == "$.end"
    assert error.expected == "a date on or after start (2019-11-11)"


def test_a_grade_on_a_letter_is_refused_at_judgements() -> None:
    error = parse_error(thurrock_data(type="FOCUSED_VISIT"), Inspection)
    assert error.field == "$.judgements"
    assert "no graded judgements on a focused_visit" in error.expected


def test_errors_in_nested_records_carry_the_whole_path() -> None:
    history = unstructure(History.of([THURROCK]))
    history["events"][0]["start"] = "2019-13-01"
    error = parse_error(history, History)
    assert error.field == "$.events[0].start"


def test_validators_that_prefix_the_class_name_still_give_the_path() -> None:
    data = {
        "code": "c",
        "facts": {},
        "sources": [{"title": "T", "url": "ftp://x", "evidence": "A"}],
    }
    error = parse_error(data, Reason)
    assert error.field == "$.sources[0].url"
    assert "an http(s) URL" in error.expected


def test_several_errors_are_all_listed_in_the_message() -> None:
    error = parse_error(thurrock_data(theme=1, priority_action="no"), Inspection)
    assert error.field == "$.theme"
    assert "1 more: $.priority_action: got 'no'" in str(error)


def test_a_record_given_as_something_else_is_refused() -> None:
    for value in ([1], 5, None, "Thurrock"):
        error = parse_error(value, Inspection)
        assert error.field == "$"
        assert "an object with the fields of Inspection" in error.expected


def test_arrays_are_required_for_tuples() -> None:
    error = parse_error("abc", tuple[str, ...])
    assert error.field == "$"
    assert "an array" in error.expected
    assert parse_error(["a", 1], tuple[str, ...]).field == "$[1]"


def test_fixed_length_tuples_check_their_length() -> None:
    assert structure([1, "a"], tuple[int, str]) == (1, "a")
    assert "an array of 2 items" in parse_error([1], tuple[int, str]).expected
    error = parse_error([[1, "a"], ["b", 2]], tuple[tuple[int, str], ...])
    assert (error.field, error.value) == ("$[1][0]", "b")
    assert "1 more: $[1][1]: got 2; expected a string" in str(error)


@pytest.mark.parametrize(
    ("value", "kind", "words"),
    [
        (True, int | str | None, "an integer, string or null"),
        (1.5, int | str | None, "an integer, string or null"),
        ([], str | None, "a string or null"),
        ("1", float | bool, "a number or boolean"),
    ],
)
def test_unions_of_plain_kinds_take_a_value_of_one_kind_as_it_is(
    value: Any, kind: Any, words: str
) -> None:
    assert words in parse_error(value, kind).expected
    assert structure(None, int | str | None) is None
    assert structure(3, float | bool) == 3
    assert structure(False, float | bool) is False


def test_string_keyed_mappings_name_the_bad_key() -> None:
    assert structure({"a": 1}, dict[str, int]) == {"a": 1}
    assert parse_error({"a": "1"}, dict[str, int]).field == "$.a"
    assert parse_error([], dict[str, int]).field == "$"


def test_numbers_are_checked() -> None:
    assert structure(2, float) == 2.0
    assert "a number" in parse_error("2", float).expected
    assert "an integer" in parse_error(True, int).expected


def test_unknown_framework_version_names_are_refused() -> None:
    error = parse_error("ILACS 2099", FrameworkVersion)
    assert "'ILACS 2023'" in error.expected
    assert "a framework version" in parse_error(2023, FrameworkVersion).expected


def test_a_history_is_checked_again_when_read() -> None:
    overlapping = attrs.evolve(THURROCK, type=InspectionType.SHORT, start=dt.date(2019, 11, 12))
    data = unstructure(History.of([THURROCK]))
    data["events"].append(unstructure(overlapping))
    error = parse_error(data, History)
    assert error.field == "$.events"
    assert "graded inspections that do not overlap" in error.expected


def test_a_history_with_its_events_out_of_order_is_rebuilt_in_date_order() -> None:
    visit = Inspection(
        "E06000034", "Thurrock", InspectionType.FOCUSED_VISIT, start=dt.date(2021, 6, 30)
    )
    history = History.of([THURROCK, visit])
    data = unstructure(history)
    data["events"].reverse()
    assert structure(data, History) == history


def test_a_history_with_no_events_is_refused() -> None:
    error = parse_error({"la_code": "E1", "la_name": "X", "events": []}, History)
    assert error.field == "$.events"
    assert "at least one inspection" in error.expected


@pytest.mark.parametrize(("key", "value"), [("la_code", "E99999999"), ("la_name", "Essex")])
def test_a_history_whose_code_or_name_contradicts_its_events_is_refused(
    key: str, value: str
) -> None:
    data = unstructure(History.of([THURROCK]))
    data[key] = value
    error = parse_error(data, History)
    assert error.field == f"$.{key}"
    assert "as the events say" in error.expected


# --- JSON text ----------------------------------------------------------------------------------


def test_invalid_json_names_line_column_and_quotes_the_text() -> None:
    with pytest.raises(ParseError) as caught:
        from_json('{\n  "la_code": "E1",\n  "la_name" "X"\n}', Inspection)
    error = caught.value
    assert error.field == "json"
    assert "line 3, column 13" in str(error)
    assert '"la_name" "X"' in error.value


def test_long_invalid_json_is_quoted_around_the_error_only() -> None:
    text = '{"la_name": "' + "x" * 200 + '", oops}'
    with pytest.raises(ParseError) as caught:
        from_json(text, Inspection)
    assert caught.value.value.startswith("...")
    assert len(caught.value.value) < 100


def test_duplicate_keys_in_json_are_refused() -> None:
    with pytest.raises(ParseError, match="each key once"):
        from_json('{"la_code": "E1", "la_code": "E2"}', Inspection)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    with pytest.raises(ParseError, match="NaN and Infinity are not JSON"):
        from_json(f'{{"share": {constant}}}', FakeForecast)


def test_bytes_must_be_utf8() -> None:
    with pytest.raises(ParseError, match="UTF-8 text"):
        from_json(b'{"la_name": "\xe9"}', Inspection)


def test_text_of_another_type_is_refused() -> None:
    with pytest.raises(ParseError, match="JSON text"):
        from_json(123, Inspection)  # type: ignore[call-overload]


def test_very_deep_json_is_refused_as_a_parse_error() -> None:
    with pytest.raises(ParseError):
        from_json("[" * 100_000 + "]" * 100_000, Inspection)


# --- fuzz: bad input raises only ParseError -----------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=10)
    | st.sampled_from(["GOOD", "ADEQUATE", "2019-11-11", "2019-02-30", "STANDARD", "ILACS 2023"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(sorted(unstructure(THURROCK))) | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=12,
)


def _structure_or_parse_error(data: Any, cls: Any) -> None:
    """Structure ``data``: it may fail, but only with a ParseError that gives a path."""
    field = message = "$"
    try:
        structure(data, cls)
    except ParseError as error:
        field, message = error.field, str(error)
    assert field.startswith("$")
    assert message.startswith("$")


@given(json_values)
def test_fuzz_arbitrary_json_raises_only_parse_error(data: Any) -> None:
    _structure_or_parse_error(data, Inspection)


@given(inspections(), st.data())
def test_fuzz_valid_records_with_one_field_spoiled_raise_only_parse_error(
    inspection: Inspection, data: st.DataObject
) -> None:
    spoilt = unstructure(inspection)
    key = data.draw(st.sampled_from(sorted(spoilt)))
    spoilt[key] = data.draw(json_values)
    _structure_or_parse_error(spoilt, Inspection)


@given(histories(max_size=3), st.data())
def test_fuzz_spoiled_histories_raise_only_parse_error(
    history: History, data: st.DataObject
) -> None:
    spoilt = unstructure(history)
    event = data.draw(st.sampled_from(spoilt["events"]))
    key = data.draw(st.sampled_from(sorted(event)))
    event[key] = data.draw(json_values)
    _structure_or_parse_error(spoilt, History)


@given(st.text(max_size=40))
def test_fuzz_arbitrary_text_raises_only_parse_error(text: str) -> None:
    with contextlib.suppress(ParseError):
        from_json(text, Inspection)


def test_parse_error_is_a_value_error_and_not_an_exception_group() -> None:
    error = parse_error({"la_code": 1}, Inspection)
    assert isinstance(error, ValueError)
    assert not isinstance(error, BaseExceptionGroup)


# --- importing ----------------------------------------------------------------------------------


def test_importing_ilacs_or_its_csv_module_does_not_load_cattrs() -> None:
    code = (
        "import sys, ilacs, ilacs.tabular, ilacs.records; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'cattrs'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_problem_and_read_result_records_serialise() -> None:
    problem = Problem("f.csv", None, 2, "F", "end_date", "2019-02-30", "expected a date")
    result = ReadResult((THURROCK,), (problem,))
    assert from_json(to_json(result), ReadResult) == result
    assert unstructure(problem)["column"] == "F"


def test_a_history_code_or_name_of_the_wrong_type_is_refused_at_its_path() -> None:
    data = unstructure(History.of([THURROCK]))
    data["la_code"], data["la_name"] = 5, None
    error = parse_error(data, History)
    assert (error.field, error.value) == ("$.la_code", 5)
    assert "$.la_name: got None; expected a string" in (error.detail or "")

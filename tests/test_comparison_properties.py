"""Properties of compare and grade_change over every valid judgement (Hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ilacs.catalogue.comparability import Verdict
from ilacs.catalogue.frameworks import VERSIONS, Framework, FrameworkVersion, Scale
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.comparison import ChangeDirection, Policy, compare, grade_change
from ilacs.records import Judgement
from ilacs.serialization import from_json, to_json
from ilacs.sources import Reason

LATEST = dt.date(2030, 12, 31)
"""The last date drawn for the version in force (it has no end date)."""

GRADED_VERSIONS = [v for v in VERSIONS if v.areas]  # SLAC 2009 to ILACS 2026; JAR grades nothing
LAS = [("E06000034", "Thurrock"), ("E06000041", "Wokingham"), ("E06000047", "Durham")]
"""A few LAs, so that pairs of one LA are frequent."""


@st.composite
def judgements(
    draw: st.DrawFn, versions: st.SearchStrategy[FrameworkVersion] | None = None
) -> Judgement:
    """A valid judgement: any graded version from SLAC 2009 to ILACS 2026, an area of that
    version, a grade of its scale and an inspection date within the version's validity."""
    version = draw(st.sampled_from(GRADED_VERSIONS) if versions is None else versions)
    area = draw(st.sampled_from(version.judgement_areas))
    scale = LegacyGrade if version.scale is Scale.LEGACY else Grade
    grade = draw(st.sampled_from(list(scale)))
    day = draw(st.dates(version.valid_from, version.valid_to or LATEST))
    code, name = draw(st.sampled_from(LAS))
    return Judgement(area, grade, version, code, day, la_name=name)


policies = st.one_of(
    st.sampled_from(Policy.presets()),
    st.builds(Policy, st.just("custom"), st.booleans(), st.booleans()),
)
sif = st.sampled_from([v for v in VERSIONS if v.framework is Framework.SIF])
ilacs = st.sampled_from([v for v in VERSIONS if v.framework is Framework.ILACS])


@given(judgements(), judgements(), policies)
def test_compare_is_symmetric(a: Judgement, b: Judgement, policy: Policy) -> None:
    forward, backward = compare(a, b, policy=policy), compare(b, a, policy=policy)
    assert forward.verdict is backward.verdict
    assert forward.reasons == backward.reasons


@given(judgements(), policies)
def test_a_judgement_is_comparable_with_itself(a: Judgement, policy: Policy) -> None:
    result = compare(a, a, policy=policy)
    assert result.verdict is Verdict.COMPARABLE
    assert bool(result)
    assert grade_change(a, a, policy=policy).direction is ChangeDirection.UNCHANGED


@given(judgements(), judgements(), policies)
def test_judgements_of_different_areas_are_never_comparable(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    if a.area is not b.area:
        result = compare(a, b, policy=policy)
        assert result.verdict is Verdict.NOT_COMPARABLE
        assert "comparability.different-areas" in [r.code for r in result.reasons]


@given(judgements(sif), judgements(ilacs))
def test_sif_and_ilacs_are_never_comparable_under_the_default_policy(
    a: Judgement, b: Judgement
) -> None:
    assert compare(a, b).verdict is Verdict.NOT_COMPARABLE
    assert compare(b, a, policy=Policy.DEFAULT).verdict is Verdict.NOT_COMPARABLE


@given(judgements(sif), judgements(ilacs), policies)
def test_sif_and_ilacs_are_never_fully_comparable_under_any_policy(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    assert compare(a, b, policy=policy).verdict is not Verdict.COMPARABLE


@given(judgements(), judgements(), policies)
def test_every_verdict_but_comparable_has_a_reason_with_sources(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    result = compare(a, b, policy=policy)
    if result.verdict is not Verdict.COMPARABLE:
        assert len(result.reasons) >= 1
    assert all(isinstance(r, Reason) and r.sources for r in result.reasons)
    assert str(result).startswith(f"{a.la_name}'s ")
    assert f" are {result.verdict.value}" in str(result)


@given(judgements(), judgements())
def test_policies_order_the_verdicts(a: Judgement, b: Judgement) -> None:
    """Ofsted's practice is never stricter than the default; like-for-like never laxer."""
    default = compare(a, b).verdict.severity
    assert compare(a, b, policy=Policy.OFSTED_STATISTICS).verdict.severity <= default
    assert compare(a, b, policy=Policy.LIKE_FOR_LIKE).verdict.severity >= default


@given(judgements(), judgements(), policies)
def test_grade_change_follows_the_dates_not_the_argument_order(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    result = compare(a, b, policy=policy)
    if (
        result.verdict is Verdict.NOT_COMPARABLE
        or a.la_code != b.la_code
        or (a.inspected == b.inspected and a.grade != b.grade)
    ):
        return
    forward, backward = grade_change(a, b, policy=policy), grade_change(b, a, policy=policy)
    assert forward.direction is backward.direction
    assert forward.earlier.inspected <= forward.later.inspected
    expected = (
        ChangeDirection.IMPROVED
        if forward.steps > 0
        else ChangeDirection.DECLINED
        if forward.steps < 0
        else ChangeDirection.UNCHANGED
    )
    assert forward.direction is expected


@settings(max_examples=20)
@given(judgements(), judgements(), policies)
def test_comparisons_round_trip_through_json(a: Judgement, b: Judgement, policy: Policy) -> None:
    result = compare(a, b, policy=policy)
    assert from_json(to_json(result), type(result)) == result

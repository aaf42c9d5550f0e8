"""Properties of compare and grade_change over every valid judgement (Hypothesis).

Judgements come from :func:`strategies.judgement_records`: any graded version from SLAC 2009 to
ILACS 2026, an area of that version, a grade of its scale, a day the version was in force, and
one of the minutes' three LAs (so that pairs of one LA are frequent).
"""

from __future__ import annotations

from hypothesis import given, settings

from ilacs.catalogue.comparability import RULES_BY_CODE, Verdict
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.comparison import ChangeDirection, Policy, compare
from ilacs.records import Judgement
from ilacs.serialization import from_json, to_json
from strategies import ilacs_versions, judgement_records, minutes_las, policies, sif_versions

judgements = judgement_records(las=minutes_las)
sif_judgements = judgement_records(sif_versions, minutes_las)
ilacs_judgements = judgement_records(ilacs_versions, minutes_las)

SCALES = {
    # worst to best, as the spec gives them (framework-rules.md, section 4.1)
    Grade: [Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.OUTSTANDING],
    LegacyGrade: [
        LegacyGrade.INADEQUATE,
        LegacyGrade.ADEQUATE,
        LegacyGrade.GOOD,
        LegacyGrade.OUTSTANDING,
    ],
}


@given(judgements, judgements, policies)
def test_compare_is_symmetric(a: Judgement, b: Judgement, policy: Policy) -> None:
    forward, backward = compare(a, b, policy=policy), compare(b, a, policy=policy)
    assert forward.verdict is backward.verdict
    assert forward.reasons == backward.reasons


@given(judgements, policies)
def test_a_judgement_is_comparable_with_itself(a: Judgement, policy: Policy) -> None:
    result = compare(a, a, policy=policy)
    assert result.verdict is Verdict.COMPARABLE
    assert bool(result)
    assert compare(a, a, policy=policy).change().direction is ChangeDirection.UNCHANGED


@given(judgements, judgements, policies)
def test_judgements_of_different_areas_are_never_comparable(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    if a.area is not b.area:
        result = compare(a, b, policy=policy)
        assert result.verdict is Verdict.NOT_COMPARABLE
        assert "comparability.different-areas" in [r.code for r in result.reasons]


@given(sif_judgements, ilacs_judgements)
def test_sif_and_ilacs_are_never_comparable_under_the_default_policy(
    a: Judgement, b: Judgement
) -> None:
    assert compare(a, b).verdict is Verdict.NOT_COMPARABLE
    assert compare(b, a, policy=Policy.DEFAULT).verdict is Verdict.NOT_COMPARABLE


@given(sif_judgements, ilacs_judgements, policies)
def test_sif_and_ilacs_are_never_fully_comparable_under_any_policy(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    assert compare(a, b, policy=policy).verdict is not Verdict.COMPARABLE


@given(judgements, judgements, policies)
def test_the_verdict_is_the_most_severe_of_the_rules_it_cites(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    result = compare(a, b, policy=policy)
    cited = [RULES_BY_CODE[r.code] for r in result.reasons]
    assert cited, "every verdict, comparable or not, cites the rules it rests on"
    assert len({r.code for r in cited}) == len(cited)
    # no cited rule is more severe than the verdict, and one is as severe as it
    assert all(rule.effect.severity <= result.verdict.severity for rule in cited)
    assert any(rule.effect is result.verdict for rule in cited)
    for reason, rule in zip(result.reasons, cited, strict=True):
        assert reason.sources == rule.sources
        assert reason.uncertain == rule.uncertain
    assert str(result).startswith(f"{a.la_name}'s ")
    assert f" are {result.verdict.value}" in str(result)


@given(judgements, judgements)
def test_policies_order_the_verdicts(a: Judgement, b: Judgement) -> None:
    """Ofsted's practice is never stricter than the default; like-for-like never laxer."""
    default = compare(a, b).verdict.severity
    assert compare(a, b, policy=Policy.OFSTED_STATISTICS).verdict.severity <= default
    assert compare(a, b, policy=Policy.LIKE_FOR_LIKE).verdict.severity >= default


@given(judgements, judgements, policies)
def test_a_grade_change_is_the_move_along_the_scale_from_the_earlier_to_the_later(
    a: Judgement, b: Judgement, policy: Policy
) -> None:
    result = compare(a, b, policy=policy)
    if (
        result.verdict is Verdict.NOT_COMPARABLE
        or a.la_code != b.la_code
        or (a.inspected == b.inspected and a.grade != b.grade)
    ):
        return
    forward, backward = compare(a, b, policy=policy).change(), compare(b, a, policy=policy).change()
    earlier, later = (a, b) if a.inspected <= b.inspected else (b, a)
    assert (forward.earlier.inspected, forward.later.inspected) == (
        earlier.inspected,
        later.inspected,
    )
    assert (backward.from_grade, backward.to_grade) == (forward.from_grade, forward.to_grade)
    scale = SCALES[type(earlier.grade)]
    steps = scale.index(later.grade) - scale.index(earlier.grade)  # type: ignore[arg-type]
    assert forward.steps == backward.steps == steps
    direction = (
        ChangeDirection.IMPROVED
        if steps > 0
        else ChangeDirection.DECLINED
        if steps < 0
        else ChangeDirection.UNCHANGED
    )
    assert forward.direction is backward.direction is direction


@settings(max_examples=20)
@given(judgements, judgements, policies)
def test_comparisons_round_trip_through_json(a: Judgement, b: Judgement, policy: Policy) -> None:
    result = compare(a, b, policy=policy)
    assert from_json(to_json(result), type(result)) == result

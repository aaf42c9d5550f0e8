"""compare, grade_change and the comparability rules: the minutes' cases, each rule, each error."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import pickle
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ilacs.catalogue import comparability as rules
from ilacs.catalogue import refs
from ilacs.catalogue.comparability import COMPARABILITY_RULES, Verdict
from ilacs.catalogue.frameworks import JudgementArea, version_named
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.comparison import (
    ChangeDirection,
    Comparison,
    GradeChange,
    InspectionComparison,
    NotComparableError,
    Policy,
    Unmatched,
    compare,
    compare_inspections,
)
from ilacs.errors import IlacsError, NotJudgedError, ParseError, ValidationError
from ilacs.records import Inspection, Judgement
from ilacs.serialization import from_json, to_json
from ilacs.sources import Certainty

ROOT = Path(__file__).resolve().parents[1]
A = JudgementArea
D = dt.date
RI = Grade.REQUIRES_IMPROVEMENT
GOOD = Grade.GOOD
OUT = Grade.OUTSTANDING
INAD = Grade.INADEQUATE
V = Verdict
SIF = version_named("SIF")
I18, I23, I26 = (
    version_named("ILACS 2018"),
    version_named("ILACS 2023"),
    version_named("ILACS 2026"),
)
SLAC, CP12 = version_named("SLAC 2009"), version_named("Child protection 2012")


def j(
    area: A,
    grade: Grade | LegacyGrade,
    day: dt.date,
    version: Any = None,
    *,
    la: str = "E06000034",
    name: str = "Thurrock",
) -> Judgement:
    """A judgement; the version defaults to the newest one in force on ``day``."""
    from ilacs.catalogue.frameworks import framework_version_on

    return Judgement(area, grade, version or framework_version_on(day), la, day, la_name=name)


def codes(comparison: Comparison) -> list[str]:
    return [r.code for r in comparison.reasons]


# --- the minutes' cases, from the real rows ---------------------------------------------------


def _graded(inspections: list[Inspection], name: str) -> list[Inspection]:
    found = [i for i in inspections if i.la_name == name and i.graded]
    if not found:
        pytest.skip(f"{name} is not in the real data")
    return sorted(found, key=lambda i: i.date)


@pytest.fixture(scope="module")
def thurrock(real_inspections: list[Inspection]) -> list[Inspection]:
    """SIF 22 Feb 2016 (RI) and ILACS 11 Nov 2019 (Good): seed 000."""
    return _graded(real_inspections, "Thurrock")


@pytest.fixture(scope="module")
def wokingham(real_inspections: list[Inspection]) -> list[Inspection]:
    """SIF 2015, ILACS 3 Jun 2019 (RI), ILACS 6 Mar 2023 (RI, children in care good): seed 001."""
    return _graded(real_inspections, "Wokingham")


@pytest.fixture(scope="module")
def durham(real_inspections: list[Inspection]) -> list[Inspection]:
    """SIF 2016 (RI), ILACS Sep 2019 (RI; children in care and care leavers good), ILACS
    May 2022 (good; leaders outstanding): seed 003."""
    return _graded(real_inspections, "Durham")


def test_thurrock_sif_against_ilacs_is_not_comparable_by_default(
    thurrock: list[Inspection],
) -> None:
    sif, ilacs = thurrock[0].judgement("overall"), thurrock[1].judgement("overall")
    result = compare(sif, ilacs)
    assert result.verdict is V.NOT_COMPARABLE
    assert not result
    assert codes(result) == ["comparability.sif-ilacs"]
    sources = result.reasons[0].sources
    assert refs.SEED_THURROCK_2020 in sources  # the officer's view
    assert refs.STATS_2019 in sources  # where Ofsted nonetheless compares them
    assert str(result).startswith(
        "Thurrock's overall effectiveness under the SIF (2016, Requires improvement) and under "
        "ILACS 2018 (2019, Good) are not comparable: The SIF and ILACS are different frameworks"
    )


def test_thurrock_improved_under_the_ofsted_statistics_policy(thurrock: list[Inspection]) -> None:
    sif, ilacs = thurrock[0].judgement("overall"), thurrock[1].judgement("overall")
    result = compare(sif, ilacs, policy=Policy.OFSTED_STATISTICS)
    assert result.verdict is V.COMPARABLE_WITH_CAVEATS
    assert codes(result) == ["comparability.ofsted-statistics"]
    assert result.caveats == result.reasons
    change = compare(ilacs, sif, policy=Policy.OFSTED_STATISTICS).change()  # any argument order
    assert change.direction is ChangeDirection.IMPROVED
    assert (change.from_grade, change.to_grade, change.steps) == (RI, GOOD, 1)
    assert change.earlier == sif
    assert change.later == ilacs
    assert str(change).startswith(
        "Thurrock's overall effectiveness improved from Requires improvement under the SIF "
        "(2016) to Good under ILACS 2018 (2019), with caveats under the ofsted-statistics policy:"
    )


def test_thurrock_grade_change_is_refused_by_default_with_the_reason(
    thurrock: list[Inspection],
) -> None:
    sif, ilacs = thurrock[0].judgement("overall"), thurrock[1].judgement("overall")
    with pytest.raises(NotComparableError) as caught:
        compare(sif, ilacs).change()
    assert caught.value.comparison == compare(sif, ilacs)
    assert "different frameworks" in str(caught.value)


def test_wokingham_children_in_care_2019_and_2023_are_comparable_with_caveats(
    wokingham: list[Inspection],
) -> None:
    before, after = wokingham[1], wokingham[2]
    result = compare(before.judgement("children_in_care"), after.judgement("children_in_care"))
    assert result.verdict is V.COMPARABLE_WITH_CAVEATS
    assert codes(result) == ["comparability.care-leavers-split"]
    assert refs.SEED_WOKINGHAM_2023 in result.reasons[0].sources
    assert "children in care and care leavers under ILACS 2018 (2019" in str(result)
    change = result.change()
    assert (change.direction, change.from_grade, change.to_grade) == (
        ChangeDirection.IMPROVED,
        RI,
        GOOD,
    )


def test_wokingham_overall_unchanged_with_the_five_judgement_caveat(
    wokingham: list[Inspection],
) -> None:
    change = compare(wokingham[2].judgement("overall"), wokingham[1].judgement("overall")).change()
    assert change.direction is ChangeDirection.UNCHANGED
    assert [r.code for r in change.comparison.caveats] == ["comparability.overall-basis-changed"]
    assert "five judgements" in str(change)
    assert str(change).startswith(
        "Wokingham's overall effectiveness stayed Requires improvement to be good from "
        "ILACS 2018 (2019) to ILACS 2023 (2023)"
    )


def test_wokingham_care_leavers_2023_has_no_2019_counterpart(wokingham: list[Inspection]) -> None:
    before, after = wokingham[1], wokingham[2]
    with pytest.raises(NotJudgedError, match=r"made no care-leavers judgement"):
        before.judgement("care_leavers")
    result = compare_inspections(before, after)
    assert [u.judgement.area for u in result.unmatched] == [A.CARE_LEAVERS]
    assert result.unmatched[0].reasons[0].code == "comparability.care-leavers-before-2023"
    nearest = compare(after.judgement("care_leavers"), before.judgement("children_in_care"))
    assert nearest.verdict is V.NOT_COMPARABLE
    assert codes(nearest) == [
        "comparability.different-areas",
        "comparability.care-leavers-before-2023",
    ]


def test_wokingham_under_the_like_for_like_policy_is_not_comparable(
    wokingham: list[Inspection],
) -> None:
    result = compare(
        wokingham[1].judgement("children_in_care"),
        wokingham[2].judgement("children_in_care"),
        policy="like-for-like",
    )
    assert result.verdict is V.NOT_COMPARABLE
    assert codes(result) == [
        "comparability.policy.like-for-like",
        "comparability.care-leavers-split",
    ]


def test_durham_judgements_from_the_sif_to_ilacs_2022(durham: list[Inspection]) -> None:
    sif, first, second, *_ = durham  # SIF 2016, ILACS 2019 and 2022 (then 2025)
    assert sif.judgement("overall").grade is RI
    assert first.judgement("children_in_care").grade is GOOD
    assert second.judgement("leadership").grade is OUT
    # SIF 2016 RI against ILACS 2019 RI: refused by default, unchanged under Ofsted's practice.
    assert compare(sif.judgement("overall"), first.judgement("overall")).verdict is V.NOT_COMPARABLE
    stats = compare(
        sif.judgement("overall"), first.judgement("overall"), policy=Policy.OFSTED_STATISTICS
    ).change()
    assert stats.direction is ChangeDirection.UNCHANGED
    # Both ILACS inspections fall under ILACS 2018 (before 16 January 2023): like for like.
    for area, direction, steps in [
        ("overall", ChangeDirection.IMPROVED, 1),
        ("leadership", ChangeDirection.IMPROVED, 2),
        ("help_and_protection", ChangeDirection.IMPROVED, 1),
        ("children_in_care", ChangeDirection.UNCHANGED, 0),
    ]:
        result = compare(first.judgement(area), second.judgement(area))
        assert result.verdict is V.COMPARABLE
        assert bool(result)
        assert codes(result) == ["comparability.same-version"]
        assert (result.change().direction, result.change().steps) == (direction, steps)
    # SIF leadership against ILACS impact of leaders, as Ofsted's statistics compare them.
    leaders = compare(
        sif.judgement("leadership"), second.judgement("leadership"), policy=Policy.OFSTED_STATISTICS
    )
    assert leaders.verdict is V.COMPARABLE_WITH_CAVEATS
    assert leaders.change().direction is ChangeDirection.IMPROVED
    assert "leadership, management and governance under the SIF" in str(leaders)
    assert "its impact of leaders under ILACS 2018 (2022, Outstanding)" in str(leaders)
    # The SIF care-leavers sub-judgement has no counterpart in ILACS 2018.
    care = compare(sif.judgement("care_leavers"), first.judgement("children_in_care"))
    assert care.verdict is V.NOT_COMPARABLE
    assert "comparability.care-leavers-before-2023" in codes(care)
    # Help and protection: Ofsted's statistics do not compare it across SIF and ILACS.
    assert (
        compare(
            sif.judgement("help_and_protection"),
            second.judgement("help_and_protection"),
            policy="ofsted-statistics",
        ).verdict
        is V.NOT_COMPARABLE
    )


# --- the minutes' cases without the data (facts from the minutes and Ofsted's reports) --------


def test_minutes_cases_hold_without_the_real_data() -> None:
    sif = j(A.OVERALL, RI, D(2016, 2, 22))
    ilacs = j(A.OVERALL, GOOD, D(2019, 11, 11))
    assert compare(sif, ilacs).verdict is V.NOT_COMPARABLE
    assert (
        compare(sif, ilacs, policy="ofsted-statistics").change().direction
        is ChangeDirection.IMPROVED
    )
    wok = {"la": "E06000041", "name": "Wokingham"}
    cic = compare(
        j(A.CHILDREN_IN_CARE, RI, D(2019, 6, 3), **wok),
        j(A.CHILDREN_IN_CARE, GOOD, D(2023, 3, 6), **wok),
    )
    assert cic.verdict is V.COMPARABLE_WITH_CAVEATS


# --- each case of the brief ---------------------------------------------------------------------


def test_a_judgement_is_comparable_with_itself() -> None:
    same = j(A.HELP_AND_PROTECTION, INAD, D(2020, 1, 6))
    result = compare(same, same)
    assert result.verdict is V.COMPARABLE
    assert codes(result) == ["comparability.same-version"]
    assert compare(same, same).change().direction is ChangeDirection.UNCHANGED


def test_same_area_same_version_is_comparable() -> None:
    result = compare(j(A.OVERALL, RI, D(2018, 5, 1)), j(A.OVERALL, GOOD, D(2021, 10, 4)))
    assert result.verdict is V.COMPARABLE
    assert result.certainty is Certainty.CONFIRMED
    assert str(result).endswith("between one inspection of an LA and the next.")


@pytest.mark.parametrize("area", [A.LEADERSHIP, A.HELP_AND_PROTECTION])
def test_leadership_and_help_across_ilacs_2018_and_2023_are_comparable(area: A) -> None:
    result = compare(j(area, RI, D(2019, 6, 3)), j(area, GOOD, D(2023, 3, 6)))
    assert result.verdict is V.COMPARABLE
    assert codes(result) == ["comparability.same-area-across-versions"]


def test_the_april_2024_wording_alignment_is_stated_but_is_no_caveat() -> None:
    result = compare(j(A.LEADERSHIP, RI, D(2023, 3, 6)), j(A.LEADERSHIP, GOOD, D(2024, 6, 3)))
    assert result.verdict is V.COMPARABLE
    assert codes(result) == ["comparability.same-version", "comparability.revision.ilacs-2024"]
    # either side of the date only: both before it, no mention
    assert codes(
        compare(j(A.LEADERSHIP, RI, D(2023, 3, 6)), j(A.LEADERSHIP, RI, D(2024, 4, 4)))
    ) == ["comparability.same-version"]
    straddle = compare(j(A.LEADERSHIP, RI, D(2024, 4, 4)), j(A.LEADERSHIP, RI, D(2024, 4, 5)))
    assert "comparability.revision.ilacs-2024" in codes(straddle)


def test_ilacs_2026_revision_is_an_uncertain_caveat() -> None:
    result = compare(j(A.CARE_LEAVERS, GOOD, D(2025, 1, 6)), j(A.CARE_LEAVERS, GOOD, D(2026, 5, 4)))
    assert result.verdict is V.COMPARABLE_WITH_CAVEATS
    assert codes(result) == [
        "comparability.revision.ilacs-2026",
        "comparability.same-area-across-versions",
    ]
    assert result.certainty is Certainty.UNCERTAIN
    assert "(uncertain)" in str(result)


def test_children_in_care_from_ilacs_2018_to_2026_carries_both_caveats() -> None:
    result = compare(
        j(A.CHILDREN_IN_CARE, RI, D(2019, 1, 7)), j(A.CHILDREN_IN_CARE, GOOD, D(2026, 5, 4))
    )
    assert result.verdict is V.COMPARABLE_WITH_CAVEATS
    assert codes(result) == [
        "comparability.care-leavers-split",
        "comparability.revision.ilacs-2026",
        "comparability.revision.ilacs-2024",
    ]


def test_overall_across_ilacs_2018_and_2023_has_the_five_judgement_caveat() -> None:
    result = compare(j(A.OVERALL, GOOD, D(2018, 4, 16)), j(A.OVERALL, GOOD, D(2023, 1, 16)))
    assert result.verdict is V.COMPARABLE_WITH_CAVEATS
    assert codes(result) == ["comparability.overall-basis-changed"]
    # the day before the cut-over is still ILACS 2018: like for like
    assert (
        compare(j(A.OVERALL, GOOD, D(2018, 4, 16)), j(A.OVERALL, GOOD, D(2023, 1, 15))).verdict
        is V.COMPARABLE
    )


def test_overall_cannot_exist_in_ilacs_2026() -> None:
    with pytest.raises(ValidationError, match=r"area"):
        Judgement(A.OVERALL, GOOD, I26, "E06000034", D(2026, 5, 4))
    later = Inspection(
        "E06000034", "Thurrock", "standard", start=D(2026, 5, 4), judgements={"leadership": "Good"}
    )
    with pytest.raises(NotJudgedError, match=r"no overall effectiveness judgement"):
        later.judgement("overall")
    earlier = Inspection(
        "E06000034",
        "Thurrock",
        "standard",
        start=D(2023, 3, 6),
        judgements={"overall": "Good", "leadership": "Good"},
    )
    result = compare_inspections(earlier, later)
    assert [u.reasons[0].code for u in result.unmatched] == ["comparability.overall-removed-2026"]
    assert str(result.unmatched[0]).startswith(
        "Thurrock's overall effectiveness under ILACS 2023 (2023, Good) has no counterpart:"
    )
    # a 2023 overall against a 2026 judgement of another area says why
    other = compare(earlier.judgement("overall"), later.judgement("leadership"))
    assert codes(other) == [
        "comparability.different-areas",
        "comparability.overall-removed-2026",
    ]


@pytest.mark.parametrize("policy", Policy.presets())
def test_sif_against_ilacs_practice_judgements_is_never_comparable(policy: Policy) -> None:
    for area in (A.HELP_AND_PROTECTION, A.CHILDREN_IN_CARE):
        result = compare(j(area, RI, D(2016, 2, 22)), j(area, GOOD, D(2019, 11, 11)), policy=policy)
        assert result.verdict is V.NOT_COMPARABLE
        assert codes(result) == ["comparability.sif-ilacs"]


@pytest.mark.parametrize(("area", "code"), [(A.ADOPTION, "sif-adoption"), (A.LSCB, "sif-lscb")])
@pytest.mark.parametrize("policy", Policy.presets())
def test_sif_only_areas_have_no_ilacs_counterpart(area: A, code: str, policy: Policy) -> None:
    result = compare(
        j(area, GOOD, D(2016, 2, 22)), j(A.CHILDREN_IN_CARE, GOOD, D(2019, 11, 11)), policy=policy
    )
    assert result.verdict is V.NOT_COMPARABLE
    assert f"comparability.{code}" in codes(result)
    assert "comparability.different-areas" in codes(result)
    # within the SIF they compare like any other judgement
    assert compare(j(area, GOOD, D(2014, 1, 6)), j(area, RI, D(2017, 3, 6))).verdict is V.COMPARABLE


@pytest.mark.parametrize("policy", Policy.presets())
def test_sif_care_leavers_sub_judgement_against_ilacs_2023_care_leavers(policy: Policy) -> None:
    result = compare(
        j(A.CARE_LEAVERS, GOOD, D(2016, 2, 22)),
        j(A.CARE_LEAVERS, GOOD, D(2023, 3, 6)),
        policy=policy,
    )
    assert result.verdict is V.NOT_COMPARABLE
    assert codes(result) == ["comparability.sif-ilacs", "comparability.sif-care-leavers"]
    assert "sub-judgement" in str(result)


@pytest.mark.parametrize("policy", Policy.presets())
def test_judgements_of_different_areas_are_not_comparable(policy: Policy) -> None:
    result = compare(
        j(A.OVERALL, GOOD, D(2019, 11, 11)), j(A.LEADERSHIP, GOOD, D(2019, 11, 11)), policy=policy
    )
    assert result.verdict is V.NOT_COMPARABLE
    assert codes(result) == ["comparability.different-areas"]
    assert "Thurrock's overall effectiveness under ILACS 2018 (2019, Good) and its impact of " in (
        str(result)
    )


@pytest.mark.parametrize("policy", Policy.presets())
def test_an_adequate_is_not_a_requires_improvement(policy: Policy) -> None:
    adequate = j(A.OVERALL, LegacyGrade.ADEQUATE, D(2011, 5, 9))
    result = compare(adequate, j(A.OVERALL, RI, D(2014, 5, 12)), policy=policy)
    assert result.verdict is V.NOT_COMPARABLE
    assert codes(result) == ["comparability.legacy-scale"]
    assert "An 'Adequate' is not a 'Requires improvement'" in str(result)
    assert "under the SLAC 2009 inspections (2011, Adequate)" in str(result)
    # even the same word on the two scales
    good = compare(j(A.OVERALL, LegacyGrade.GOOD, D(2011, 5, 9)), j(A.OVERALL, GOOD, D(2019, 1, 7)))
    assert good.verdict is V.NOT_COMPARABLE
    with pytest.raises(NotComparableError):
        compare(adequate, j(A.OVERALL, RI, D(2014, 5, 12)), policy=policy).change()


def test_pre_2013_judgements_compare_within_their_own_regime_only() -> None:
    first = j(A.SAFEGUARDING, LegacyGrade.ADEQUATE, D(2009, 6, 1))
    second = j(A.SAFEGUARDING, LegacyGrade.GOOD, D(2012, 3, 5))
    assert compare(first, second).verdict is V.COMPARABLE
    assert compare(second, first).change().direction is ChangeDirection.IMPROVED
    cp = j(A.SAFEGUARDING, LegacyGrade.GOOD, D(2013, 1, 7))
    assert codes(compare(first, cp)) == ["comparability.different-regimes"]
    capacity = j(A.CAPACITY_TO_IMPROVE, LegacyGrade.GOOD, D(2010, 1, 4))
    assert codes(compare(capacity, cp)) == [
        "comparability.different-regimes",
        "comparability.different-areas",
        "comparability.no-counterpart",
    ]


def test_different_las_are_comparable_with_the_same_grade_not_same_service_caveat() -> None:
    thurrock = j(A.OVERALL, GOOD, D(2019, 11, 11))
    essex = j(A.OVERALL, OUT, D(2019, 10, 7), la="E10000012", name="Essex")
    result = compare(thurrock, essex)
    assert result.verdict is V.COMPARABLE_WITH_CAVEATS
    assert codes(result) == ["comparability.different-las", "comparability.same-version"]
    assert refs.ADCS_COMMENT in result.reasons[0].sources
    assert "and Essex's overall effectiveness under ILACS 2018 (2019, Outstanding)" in str(result)
    # the caveat is not about scope: the like-for-like policy keeps it a caveat
    assert compare(thurrock, essex, policy="like-for-like").verdict is V.COMPARABLE_WITH_CAVEATS
    with pytest.raises(ValidationError, match=r"follows one LA over time"):
        compare(thurrock, essex).change()


def test_sif_revisions_are_stated_but_keep_the_sif_comparable() -> None:
    result = compare(j(A.OVERALL, RI, D(2014, 1, 6)), j(A.OVERALL, GOOD, D(2017, 6, 5)))
    assert result.verdict is V.COMPARABLE
    assert codes(result) == [
        "comparability.same-version",
        "comparability.revision.sif-2014",
        "comparability.revision.sif-2017",
    ]


def test_reasons_are_the_same_whatever_the_argument_order() -> None:
    a, b = j(A.CARE_LEAVERS, GOOD, D(2016, 2, 22)), j(A.CHILDREN_IN_CARE, RI, D(2019, 6, 3))
    assert compare(a, b).reasons == compare(b, a).reasons


def test_every_rule_is_used_by_some_comparison() -> None:
    """Each catalogued rule is reachable: no dead data, no undocumented reason."""
    found: set[str] = set()
    cases = [
        (j(A.OVERALL, LegacyGrade.GOOD, D(2011, 5, 9)), j(A.OVERALL, GOOD, D(2019, 1, 7))),
        (
            j(A.OVERALL, LegacyGrade.GOOD, D(2011, 5, 9)),
            j(A.OVERALL, LegacyGrade.GOOD, D(2013, 1, 7)),
        ),
        (
            j(A.SAFEGUARDING, LegacyGrade.GOOD, D(2010, 1, 4)),
            j(A.CAPACITY_TO_IMPROVE, LegacyGrade.GOOD, D(2010, 1, 4)),
        ),
        (
            j(A.CAPACITY_TO_IMPROVE, LegacyGrade.GOOD, D(2010, 1, 4)),
            j(A.OVERALL, LegacyGrade.GOOD, D(2013, 1, 7)),
        ),
        (j(A.OVERALL, RI, D(2016, 1, 4)), j(A.OVERALL, GOOD, D(2019, 1, 7))),
        (j(A.CARE_LEAVERS, RI, D(2016, 1, 4)), j(A.CARE_LEAVERS, GOOD, D(2023, 3, 6))),
        (j(A.ADOPTION, RI, D(2016, 1, 4)), j(A.LSCB, GOOD, D(2017, 3, 6))),
        (j(A.ADOPTION, RI, D(2016, 1, 4)), j(A.CHILDREN_IN_CARE, GOOD, D(2023, 3, 6))),
        (j(A.LSCB, RI, D(2016, 1, 4)), j(A.CHILDREN_IN_CARE, GOOD, D(2023, 3, 6))),
        (j(A.CARE_LEAVERS, RI, D(2023, 3, 6)), j(A.CHILDREN_IN_CARE, GOOD, D(2019, 3, 4))),
        (j(A.OVERALL, RI, D(2023, 3, 6)), j(A.LEADERSHIP, GOOD, D(2026, 5, 4))),
        (j(A.CHILDREN_IN_CARE, RI, D(2019, 3, 4)), j(A.CHILDREN_IN_CARE, GOOD, D(2026, 5, 4))),
        (j(A.OVERALL, RI, D(2019, 3, 4)), j(A.OVERALL, GOOD, D(2023, 3, 6))),
        (j(A.LEADERSHIP, RI, D(2019, 3, 4)), j(A.LEADERSHIP, GOOD, D(2023, 3, 6))),
        (j(A.LEADERSHIP, RI, D(2014, 1, 6)), j(A.LEADERSHIP, GOOD, D(2017, 6, 5))),
        (
            j(A.LEADERSHIP, RI, D(2019, 3, 4)),
            j(A.LEADERSHIP, GOOD, D(2019, 3, 4), la="E1", name="X"),
        ),
    ]
    for a, b in cases:
        for policy in Policy.presets():
            found.update(codes(compare(a, b, policy=policy)))
    # the fallbacks, and a missing grade in the caller's record
    sif = Inspection("E1", "X", "sif", start=D(2016, 1, 4), judgements={"overall": "Good"})
    ilacs = Inspection("E1", "X", "standard", start=D(2019, 1, 7), judgements={"leadership": "RI"})
    found.update(r.code for u in compare_inspections(sif, ilacs).unmatched for r in u.reasons)
    with pytest.raises(NotJudgedError) as caught:
        ilacs.judgement("safeguarding")
    assert "no counterpart" in str(caught.value)
    found.add("comparability.no-counterpart")
    assert found >= {"comparability.not-recorded", "comparability.no-counterpart"}
    # SCOPE_CHANGED is a fallback that today's catalogue never needs (every wording change of an
    # area has a specific rule); it is exercised below with a version whose wording differs.
    unused = {rule.code for rule in COMPARABILITY_RULES} - found
    assert unused == {"comparability.scope-changed"}


def test_scope_changed_is_the_fallback_for_an_unexplained_wording_change() -> None:
    import attrs

    from ilacs.catalogue.frameworks import AreaSpec

    reworded = attrs.evolve(
        I26,
        name="ILACS 2026",
        areas=(
            AreaSpec(A.LEADERSHIP, "The impact of leaders on practice with children and families"),
            *I26.areas[1:],
        ),
    )
    later = Judgement(A.LEADERSHIP, GOOD, reworded, "E1", D(2026, 5, 4))
    result = compare(j(A.LEADERSHIP, GOOD, D(2025, 1, 6), la="E1"), later)
    assert "comparability.scope-changed" in codes(result)
    assert result.verdict is V.COMPARABLE_WITH_CAVEATS


# --- the rules as data -------------------------------------------------------------------------


def test_rules_have_unique_codes_and_the_listing_fields() -> None:
    # (sources, the uncertain flag and the note are checked by Rule's own validators)
    assert len({r.code for r in COMPARABILITY_RULES}) == len(COMPARABILITY_RULES)
    for rule in COMPARABILITY_RULES:
        assert rule.code.startswith("comparability.")
        assert rule.summary.strip()
        assert rule.when.strip()
    assert set(rules.REVISIONS) <= set(COMPARABILITY_RULES)
    assert all(r.effective is not None and r.framework is not None for r in rules.REVISIONS)


def test_rules_are_ordered_most_severe_first() -> None:
    severities = [r.effect.severity for r in COMPARABILITY_RULES]
    assert severities == sorted(severities, reverse=True)


def test_the_adcs_source_is_the_framework_comment_page() -> None:
    assert refs.ADCS_COMMENT.url == "https://adcs.org.uk/inspection/article/ilacs-framework-comment"
    assert refs.ADCS_COMMENT in rules.DIFFERENT_LAS.sources


def test_the_documented_rules_table_is_the_catalogue() -> None:
    page = (ROOT / "docs" / "comparison.md").read_text(encoding="utf-8")
    rows = [
        f"| `{rule.code}` | {rule.effect.value} | {rule.when} |" for rule in COMPARABILITY_RULES
    ]
    table = [line for line in page.splitlines() if line.startswith("| `comparability.")]
    assert table == rows


# --- policies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("default", Policy.DEFAULT),
        ("ofsted-statistics", Policy.OFSTED_STATISTICS),
        ("OFSTED_STATISTICS", Policy.OFSTED_STATISTICS),
        (" Ofsted statistics ", Policy.OFSTED_STATISTICS),
        ("like_for_like", Policy.LIKE_FOR_LIKE),
    ],
)
def test_policy_parse_reads_preset_names(text: str, expected: Policy) -> None:
    assert Policy.parse(text) is expected
    assert Policy.parse(expected) is expected


@pytest.mark.parametrize("bad", ["strict", "", 3, None])
def test_policy_parse_refuses_unknown_names(bad: Any) -> None:
    with pytest.raises(ParseError, match=r"policy: got") as caught:
        Policy.parse(bad)
    assert "ofsted-statistics" in caught.value.expected


def test_a_custom_policy_combines_the_switches() -> None:
    both = Policy(sif_ilacs_headline=True, like_for_like=True)
    assert str(both) == "custom"
    result = compare(
        j(A.OVERALL, RI, D(2016, 1, 4)), j(A.OVERALL, GOOD, D(2019, 1, 7)), policy=both
    )
    assert result.verdict is V.NOT_COMPARABLE
    assert codes(result) == [
        "comparability.policy.like-for-like",
        "comparability.ofsted-statistics",
    ]


def test_policy_refuses_bad_switches_and_borrowed_preset_names() -> None:
    with pytest.raises(ValidationError, match=r"Policy.sif_ilacs_headline"):
        Policy(sif_ilacs_headline="yes")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"Policy.like_for_like"):
        Policy(like_for_like=1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"Policy.name"):
        Policy("default", sif_ilacs_headline=True)
    with pytest.raises(ValidationError, match=r"Policy.name"):
        Policy("  ")


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, "overall", Grade.GOOD, 3])
def test_compare_refuses_what_is_not_a_judgement(bad: Any) -> None:
    good = j(A.OVERALL, GOOD, D(2019, 11, 11))
    with pytest.raises(ValidationError, match=r"^a: got"):
        compare(bad, good)
    with pytest.raises(ValidationError, match=r"^b: got"):
        compare(good, bad)
    with pytest.raises(ValidationError):
        compare(good, bad).change()


def test_compare_refuses_an_inspection_in_place_of_a_judgement() -> None:
    inspection = Inspection(
        "E1", "X", "standard", start=D(2019, 1, 7), judgements={"overall": "RI"}
    )
    with pytest.raises(ValidationError, match=r"Inspection\.judgement\(area\)"):
        compare(inspection, inspection)  # type: ignore[arg-type]


def test_compare_refuses_a_judgement_dated_outside_its_version() -> None:
    misdated = Judgement(A.OVERALL, GOOD, I23, "E1", D(2019, 1, 7))
    with pytest.raises(ValidationError, match=r"a\.inspected: got '2019-01-07'.*2023-01-16"):
        compare(misdated, j(A.OVERALL, GOOD, D(2019, 1, 7)))


@pytest.mark.parametrize("bad", ["lenient", 1, Verdict.COMPARABLE])
def test_compare_refuses_an_unknown_policy(bad: Any) -> None:
    good = j(A.OVERALL, GOOD, D(2019, 11, 11))
    with pytest.raises(ParseError, match=r"policy"):
        compare(good, good, policy=bad)


def test_not_comparable_error_carries_the_comparison_and_pickles() -> None:
    sif, ilacs = j(A.OVERALL, RI, D(2016, 1, 4)), j(A.OVERALL, GOOD, D(2019, 1, 7))
    with pytest.raises(NotComparableError) as caught:
        compare(sif, ilacs).change()
    error = caught.value
    assert isinstance(error, IlacsError)
    assert isinstance(error, ValueError)
    assert error.field == "b"
    assert error.comparison.verdict is V.NOT_COMPARABLE
    assert "under the default policy" in str(error)
    assert "different frameworks" in (error.detail or "")
    again = pickle.loads(pickle.dumps(error))
    assert again.comparison == error.comparison
    assert str(again) == str(error)


def test_grade_change_refuses_two_grades_on_one_day() -> None:
    with pytest.raises(ValidationError, match=r"two grades for one judgement"):
        compare(j(A.OVERALL, GOOD, D(2019, 1, 7)), j(A.OVERALL, RI, D(2019, 1, 7))).change()


def test_grade_change_orders_by_date_whatever_the_argument_order() -> None:
    first, second = j(A.OVERALL, GOOD, D(2018, 5, 1)), j(A.OVERALL, INAD, D(2021, 10, 4))
    forward, backward = compare(first, second).change(), compare(second, first).change()
    assert forward.direction is backward.direction is ChangeDirection.DECLINED
    assert (forward.earlier, forward.later) == (backward.earlier, backward.later) == (first, second)
    assert forward.steps == -2
    assert str(forward) == (
        "Thurrock's overall effectiveness declined from Good under ILACS 2018 (2018) to "
        "Inadequate under ILACS 2018 (2021)."
    )


def test_comparison_record_validates_its_fields() -> None:
    good = j(A.OVERALL, GOOD, D(2019, 11, 11))
    with pytest.raises(ValidationError, match=r"at least one reason"):
        Comparison(good, good, V.NOT_COMPARABLE, ())
    with pytest.raises(ValidationError, match=r"verdict"):
        Comparison(good, good, "comparable", ())  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"reasons"):
        Comparison(good, good, V.COMPARABLE, ["x"])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"policy"):
        Comparison(good, good, V.COMPARABLE, (), "default")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^a: got"):
        Comparison(None, good, V.COMPARABLE, ())  # type: ignore[arg-type]
    assert str(Comparison(good, good, V.COMPARABLE, ())).endswith("are comparable.")


def test_other_records_validate_their_fields() -> None:
    good = j(A.OVERALL, GOOD, D(2019, 11, 11))
    comparison = compare(good, good)
    with pytest.raises(ValidationError, match=r"comparison"):
        GradeChange(ChangeDirection.UNCHANGED, good, good, None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^direction: got 'unchanged'"):
        GradeChange("unchanged", good, good, comparison)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"at least one reason"):
        Unmatched(good, ())
    with pytest.raises(ValidationError, match=r"^a: got"):
        InspectionComparison(None, None, Policy.DEFAULT, (comparison,), ())  # type: ignore[arg-type]


def test_a_judgement_not_made_is_explained() -> None:
    visit = Inspection("E1", "X", "focused_visit", start=D(2021, 6, 30))
    graded = Inspection("E1", "X", "standard", start=D(2019, 1, 7), judgements={"overall": "RI"})
    with pytest.raises(ParseError, match=r"judgement area"):
        graded.judgement("happiness")
    with pytest.raises(NotJudgedError, match=r"holds no grade for it") as caught:
        graded.judgement(A.LEADERSHIP)
    assert isinstance(caught.value, LookupError)
    with pytest.raises(NotJudgedError, match=r"holds no grade"):
        visit.judgement("overall")
    assert graded.judgement("overall") == graded.judgement(A.OVERALL)
    with pytest.raises(NotJudgedError):
        compare(graded.judgement("overall"), visit.judgement("overall"))


def test_compare_inspections_errors() -> None:
    visit = Inspection("E1", "X", "focused_visit", start=D(2021, 6, 30))
    graded = Inspection("E1", "X", "standard", start=D(2019, 1, 7), judgements={"overall": "RI"})
    with pytest.raises(ValidationError, match=r"^b: got .*graded judgements"):
        compare_inspections(graded, visit)
    with pytest.raises(ValidationError, match=r"^a: got"):
        compare_inspections(graded.judgement("overall"), graded)  # type: ignore[arg-type]
    with pytest.raises(ParseError, match=r"policy"):
        compare_inspections(graded, graded, policy="none")


def test_compare_inspections_of_two_las_has_no_changes() -> None:
    a = Inspection("E1", "X", "standard", start=D(2019, 1, 7), judgements={"overall": "RI"})
    b = Inspection("E2", "Y", "short", start=D(2019, 2, 4), judgements={"overall": "Good"})
    result = compare_inspections(a, b)
    assert [c.verdict for c in result.comparisons] == [V.COMPARABLE_WITH_CAVEATS]
    assert result.changes() == ()
    assert str(result).startswith("Comparing X (E1): ILACS standard inspection")


# --- records for tools -------------------------------------------------------------------------


def test_comparison_records_round_trip_through_the_library_json() -> None:
    sif, ilacs = j(A.OVERALL, RI, D(2016, 1, 4)), j(A.OVERALL, GOOD, D(2019, 1, 7))
    comparison = compare(sif, ilacs, policy=Policy.OFSTED_STATISTICS)
    text = to_json(comparison)
    assert '"verdict": "COMPARABLE_WITH_CAVEATS"' in text
    assert '"policy": {"name": "ofsted-statistics"' in text
    assert from_json(text, Comparison) == comparison
    change = comparison.change()
    assert from_json(to_json(change), GradeChange) == change
    w2019 = Inspection("E1", "X", "standard", start=D(2019, 6, 3), judgements={"overall": "RI"})
    w2023 = Inspection(
        "E1",
        "X",
        "standard",
        start=D(2023, 3, 6),
        judgements={"overall": "RI", "care_leavers": "Good"},
    )
    both = compare_inspections(w2019, w2023)
    assert from_json(to_json(both), InspectionComparison) == both


# --- the real data: every pair gets a verdict; the documented figures are the script's -------


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compare_judgements", ROOT / "examples" / "compare_judgements.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_pair_of_one_las_judgements_gets_a_verdict(
    real_inspections: list[Inspection],
) -> None:
    pairs = 0
    for judgements in _example().judgements_by_la(real_inspections):
        for a, b in itertools.combinations(judgements, 2):
            pairs += 1
            earlier, later = sorted((a, b), key=lambda x: x.inspected)
            moved = (
                ChangeDirection.IMPROVED
                if later.grade > earlier.grade  # type: ignore[operator]
                else ChangeDirection.DECLINED
                if later.grade < earlier.grade  # type: ignore[operator]
                else ChangeDirection.UNCHANGED
            )
            for policy in Policy.presets():
                result = compare(a, b, policy=policy)
                backward = compare(b, a, policy=policy)
                assert (result.verdict, result.reasons) == (backward.verdict, backward.reasons)
                if result.verdict is not V.NOT_COMPARABLE:
                    # better grades compare greater (the public contract)
                    assert result.change().direction is moved
                else:
                    with pytest.raises(NotComparableError):
                        result.change()
    assert pairs > 9000


def test_documented_pair_counts_match_the_script(real_inspections: list[Inspection]) -> None:
    example = _example()
    expected = example.render_report(real_inspections)
    page = (ROOT / "docs" / "comparison.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- pair-counts:start -->\n(.*?)\n<!-- pair-counts:end -->", page, re.S)
    assert found, "docs/comparison.md has no pair-counts block"
    assert found.group(1) == expected, (
        "docs/comparison.md is out of date: run "
        ".venv/bin/python examples/compare_judgements.py --update-doc"
    )


def test_the_example_rewrites_only_the_block_between_the_markers(tmp_path: Path) -> None:
    example = _example()
    doc = tmp_path / "doc.md"
    doc.write_text(f"before\n{example.START}\nold\n{example.END}\nafter\n", encoding="utf-8")
    example.update_doc("new", doc)
    assert (
        doc.read_text(encoding="utf-8") == f"before\n{example.START}\nnew\n{example.END}\nafter\n"
    )


def test_the_example_script_runs_without_the_data(tmp_path: Path, capsys: Any) -> None:
    assert _example().main(["compare_judgements.py", str(tmp_path / "absent.csv")]) == 0
    assert "data not found" in capsys.readouterr().out


def test_a_pre_2013_inspection_against_a_sif_one_explains_every_judgement() -> None:
    slac = Inspection(
        "E06000034",
        "Thurrock",
        "slac",
        start=D(2011, 5, 9),
        judgements={"overall": "Adequate", "safeguarding": "Good"},
    )
    sif = Inspection(
        "E06000034", "Thurrock", "sif", start=D(2016, 2, 22), judgements={"overall": "RI"}
    )
    result = compare_inspections(slac, sif, policy=Policy.OFSTED_STATISTICS)
    assert [(c.a.area, c.verdict) for c in result.comparisons] == [(A.OVERALL, V.NOT_COMPARABLE)]
    assert [(u.judgement.area, u.reasons[0].code) for u in result.unmatched] == [
        (A.SAFEGUARDING, "comparability.legacy-scale")
    ]
    assert result.changes() == ()


def test_rule_certainty_follows_sources_and_flag() -> None:
    assert rules.SIF_ILACS.certainty is Certainty.CONFIRMED
    assert rules.LIKE_FOR_LIKE.certainty is Certainty.REPORTED  # a council minute only
    assert rules.REVISION_ILACS_2026.certainty is Certainty.UNCERTAIN


def test_each_ilacs_absence_rule_explains_its_own_areas_once() -> None:
    areas = [area for rule in rules.ILACS_ABSENCES for area in rule.areas]
    assert sorted(areas, key=list(A).index) == [A.OVERALL, A.CARE_LEAVERS, A.ADOPTION, A.LSCB]
    assert set(rules.ILACS_ABSENCES) <= set(COMPARABILITY_RULES)
    assert all(r.effect is V.NOT_COMPARABLE for r in rules.ILACS_ABSENCES)


@pytest.mark.parametrize(
    ("area", "version", "code"),
    [
        (A.ADOPTION, "ILACS 2023", "comparability.sif-adoption"),
        (A.LSCB, "ILACS 2018", "comparability.sif-lscb"),
        (A.CARE_LEAVERS, "ILACS 2018", "comparability.care-leavers-before-2023"),
        (A.OVERALL, "ILACS 2026", "comparability.overall-removed-2026"),
    ],
)
def test_an_area_an_ilacs_version_lacks_is_explained_by_the_catalogue_rule(
    area: A, version: str, code: str
) -> None:
    chosen = version_named(version)
    judged = [a for a in chosen.judgement_areas if a is not area][:1]
    inspection = Inspection(
        "E1", "X", "standard", start=chosen.valid_from, judgements={judged[0]: GOOD}
    )
    with pytest.raises(NotJudgedError) as caught:
        inspection.judgement(area)
    sentence = next(r.sentence() for r in COMPARABILITY_RULES if r.code == code)
    assert sentence in (caught.value.detail or "")


def test_headline_is_the_verdict_sentence_without_the_reasons() -> None:
    sif = j(A.OVERALL, RI, D(2016, 2, 22), SIF)
    ilacs = j(A.OVERALL, GOOD, D(2019, 11, 11))
    comparison = compare(sif, ilacs)
    assert comparison.headline == (
        "Thurrock's overall effectiveness under the SIF (2016, Requires improvement) and under "
        "ILACS 2018 (2019, Good) are not comparable."
    )
    assert str(comparison) == comparison.headline[:-1] + ": " + comparison.reasons[0].text

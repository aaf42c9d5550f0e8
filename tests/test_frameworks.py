"""Framework versions: both sides of every boundary, no overlaps, every date from 2009 on."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given

from ilacs import Framework, JudgementArea, ParseError, framework_version_on
from ilacs.catalogue.frameworks import (
    EARLIEST_SUPPORTED,
    VERSIONS,
    Scale,
    version_named,
    versions_of,
)
from ilacs.errors import NotJudgedError, OutOfRangeError
from strategies import far_days, frameworks

J = JudgementArea

BOUNDARIES = [
    # (day before, day of, name before, name on) -- each cited in the catalogue entry
    (dt.date(2009, 3, 31), dt.date(2009, 4, 1), "JAR", "SLAC 2009"),
    (dt.date(2012, 5, 31), dt.date(2012, 6, 1), "SLAC 2009", "Child protection 2012"),
    (dt.date(2013, 10, 31), dt.date(2013, 11, 1), "Child protection 2012", "SIF"),
    (dt.date(2017, 12, 31), dt.date(2018, 1, 1), "SIF", "ILACS 2018"),
    (dt.date(2023, 1, 15), dt.date(2023, 1, 16), "ILACS 2018", "ILACS 2023"),
    (dt.date(2026, 3, 31), dt.date(2026, 4, 1), "ILACS 2023", "ILACS 2026"),
]


@pytest.mark.parametrize(("before", "on", "old", "new"), BOUNDARIES)
def test_each_version_boundary_on_the_day_before_and_the_day_of(
    before: dt.date, on: dt.date, old: str, new: str
) -> None:
    assert framework_version_on(before).name == old
    assert framework_version_on(on).name == new


def test_sif_governs_reinspections_until_september_2018() -> None:
    assert framework_version_on(dt.date(2018, 6, 11), Framework.SIF).name == "SIF"
    assert framework_version_on(dt.date(2018, 8, 31), Framework.SIF).name == "SIF"
    with pytest.raises(OutOfRangeError) as caught:
        framework_version_on(dt.date(2018, 9, 1), Framework.SIF)
    assert caught.value.bound == dt.date(2018, 8, 31)


def test_ilacs_before_2018_is_out_of_range_naming_the_bound() -> None:
    with pytest.raises(OutOfRangeError, match="ILACS was in force") as caught:
        framework_version_on(dt.date(2017, 6, 1), Framework.ILACS)
    assert caught.value.bound == dt.date(2018, 1, 1)


def test_dates_before_2009_are_out_of_range() -> None:
    with pytest.raises(OutOfRangeError) as caught:
        framework_version_on(dt.date(2008, 12, 31))
    assert caught.value.field == "day"
    assert caught.value.bound == EARLIEST_SUPPORTED


@pytest.mark.parametrize("bad", ["2020-01-01", dt.datetime(2020, 1, 1, 12), None, 2020])
def test_framework_version_on_rejects_non_dates(bad: object) -> None:
    with pytest.raises(ParseError):
        framework_version_on(bad)  # type: ignore[arg-type]


@given(far_days)
def test_a_version_is_defined_for_every_date_from_2009(day: dt.date) -> None:
    version = framework_version_on(day)
    assert version.covers(day)
    # the chosen version belongs to the newest framework in force that day
    newer = [v for v in VERSIONS if v.covers(day) and v.framework.value != version.framework.value]
    assert all(
        list(Framework).index(v.framework) < list(Framework).index(version.framework) for v in newer
    )


@given(frameworks, far_days)
def test_versions_never_overlap_within_a_framework(framework: Framework, day: dt.date) -> None:
    assert sum(v.covers(day) for v in versions_of(framework)) <= 1


def test_versions_of_a_framework_are_contiguous() -> None:
    for framework in Framework:
        versions = versions_of(framework)
        for older, newer in itertools.pairwise(versions):
            assert older.valid_to is not None
            assert older.valid_to + dt.timedelta(days=1) == newer.valid_from


def test_ilacs_judgement_areas_in_report_order() -> None:
    assert version_named("ILACS 2018").judgement_areas == (
        J.LEADERSHIP,
        J.HELP_AND_PROTECTION,
        J.CHILDREN_IN_CARE,
        J.OVERALL,
    )
    assert version_named("ILACS 2023").judgement_areas == (
        J.LEADERSHIP,
        J.HELP_AND_PROTECTION,
        J.CHILDREN_IN_CARE,
        J.CARE_LEAVERS,
        J.OVERALL,
    )
    assert version_named("ILACS 2026").judgement_areas == (
        J.LEADERSHIP,
        J.HELP_AND_PROTECTION,
        J.CHILDREN_IN_CARE,
        J.CARE_LEAVERS,
    )


def test_children_in_care_wording_changes_when_care_leavers_are_split_out() -> None:
    old = version_named("ILACS 2018").area(J.CHILDREN_IN_CARE).wording
    new = version_named("ILACS 2023").area(J.CHILDREN_IN_CARE).wording
    assert old == "The experiences and progress of children in care and care leavers"
    assert new == "The experiences and progress of children in care"


def test_sif_areas_include_adoption_and_lscb_and_care_leavers_as_sub_judgements() -> None:
    sif = version_named("SIF")
    assert sif.area(J.ADOPTION).part_of is J.CHILDREN_IN_CARE
    assert sif.area(J.CARE_LEAVERS).part_of is J.CHILDREN_IN_CARE
    assert sif.has_area(J.LSCB)
    assert sif.area(J.LEADERSHIP).wording == "Leadership, management and governance"


def test_area_not_in_version_raises_not_judged_error_which_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        version_named("ILACS 2026").area(J.OVERALL)
    with pytest.raises(NotJudgedError, match="ILACS 2018"):
        version_named("ILACS 2018").area(J.CARE_LEAVERS)


def test_pre_2013_versions_use_the_legacy_scale() -> None:
    for version in VERSIONS:
        assert (version.scale is Scale.LEGACY) == version.framework.is_pre_2013


def test_version_named_is_case_insensitive_and_refuses_unknown_names() -> None:
    assert version_named("ilacs  2023").name == "ILACS 2023"
    assert version_named("framework.ilacs-2023").name == "ILACS 2023"
    with pytest.raises(ParseError, match="ILACS 2018"):
        version_named("ILACS 2019")


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("care_leavers", J.CARE_LEAVERS),
        ("CARE-LEAVERS", J.CARE_LEAVERS),
        ("care leavers", J.CARE_LEAVERS),
        ("overall effectiveness", J.OVERALL),
        (J.LSCB, J.LSCB),
    ],
)
def test_judgement_area_parse(text: str, area: JudgementArea) -> None:
    assert JudgementArea.parse(text) is area


def test_judgement_area_parse_rejects_unknown() -> None:
    with pytest.raises(ParseError, match="judgement area"):
        JudgementArea.parse("quality of practice")

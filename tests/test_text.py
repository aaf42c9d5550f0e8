"""One way of folding text: every parser of names accepts the same spellings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ilacs._text import fold
from ilacs.catalogue.frameworks import VERSIONS, Framework, JudgementArea, version_named
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.la_codes import LOCAL_AUTHORITIES, la_code
from ilacs.catalogue.regions import Region
from ilacs.comparison import Policy
from strategies import frameworks, free_text, regions, spellings


@given(free_text)
def test_folding_twice_is_folding_once(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(free_text)
def test_folded_text_has_no_ampersand_runs_of_spaces_or_spaces_at_its_ends(text: str) -> None:
    folded = fold(text)
    assert folded == folded.strip()
    assert "  " not in folded
    assert "&" not in folded


def test_the_spellings_of_the_issue_parse_alike() -> None:
    assert JudgementArea.parse("care  leavers") is JudgementArea.CARE_LEAVERS
    assert InspectionType.parse("focused  visit") is InspectionType.FOCUSED_VISIT


@given(st.data())
def test_every_area_type_and_framework_parses_from_any_spelling(data: st.DataObject) -> None:
    area = data.draw(st.sampled_from(JudgementArea))
    assert JudgementArea.parse(data.draw(spellings(area.name))) is area
    assert JudgementArea.parse(data.draw(spellings(area.value))) is area
    kind = data.draw(st.sampled_from(InspectionType))
    assert InspectionType.parse(data.draw(spellings(kind.value))) is kind
    framework = data.draw(frameworks)
    assert Framework.parse(data.draw(spellings(framework.name))) is framework


@given(st.data())
def test_versions_regions_policies_and_las_parse_from_any_spelling(data: st.DataObject) -> None:
    version = data.draw(st.sampled_from(VERSIONS))
    assert version_named(data.draw(spellings(version.name))) is version
    region = data.draw(regions)
    assert Region.parse(data.draw(spellings(region.value))) is region
    policy = data.draw(st.sampled_from(Policy.presets()))
    assert Policy.parse(data.draw(spellings(policy.name))) is policy
    authority = data.draw(st.sampled_from(LOCAL_AUTHORITIES))
    assert la_code(data.draw(spellings(authority.name))) == authority.code

"""The region of each authority: the table against the register, and against Ofsted's own files.

Expected regions come from Ofsted's published spreadsheets in ``../shared/data/ofsted`` (the
"Government Office Region" of each children's home in the 2023 data, and the "Ofsted region" of
each LA in the 2023, 2024 and 2025 editions), never from the table under test.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilacs import _ods
from ilacs.catalogue.la_codes import (
    FORMER_LOCAL_AUTHORITIES,
    LOCAL_AUTHORITIES,
    RECODED,
    la_code,
)
from ilacs.catalogue.regions import REGION_MEMBERS, Region, la_codes_in, region_of
from ilacs.errors import ParseError
from strategies import regions, spellings

R = Region

# The nine regions' ONS codes, from the ONS's "Regions (December 2023) names and codes".
ONS_CODES = {
    "E12000001": "North East",
    "E12000002": "North West",
    "E12000003": "Yorkshire and The Humber",
    "E12000004": "East Midlands",
    "E12000005": "West Midlands",
    "E12000006": "East of England",
    "E12000007": "London",
    "E12000008": "South East",
    "E12000009": "South West",
}

# Ofsted's eight regions, as its LA tables write them, and the ONS regions each covers (Ofsted's
# regional structure: the North East and Yorkshire and The Humber are one region).
OFSTED_REGIONS = {
    "north east, yorkshire and the humber": {"North East", "Yorkshire and The Humber"},
    "north west": {"North West"},
    "east midlands": {"East Midlands"},
    "west midlands": {"West Midlands"},
    "east of england": {"East of England"},
    "london": {"London"},
    "south east": {"South East"},
    "south west": {"South West"},
}

ODS_2025 = "ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods"
ODS_2024 = "ofsted/LA_Inspection_Outcomes_as_at_March_2024.ods"
ODS_2023 = "ofsted/Childrens_social_care_in_England_2023_underlying_data.ods"
CSV_2025 = "inspections-2013-2025.csv"


# --- the table against the register ----------------------------------------------------------


def test_the_region_table_covers_exactly_the_register_in_both_directions() -> None:
    register = {a.code for a in (*LOCAL_AUTHORITIES, *FORMER_LOCAL_AUTHORITIES)}
    assert set(REGION_MEMBERS) == register
    assert len(register) == 153 + 8


def test_no_authority_is_listed_in_two_regions() -> None:
    from ilacs.catalogue import regions

    listed = [code for codes in regions._MEMBERS.values() for code in codes]
    assert len(listed) == len(set(listed))


def test_every_code_of_the_register_and_the_2025_recodings_has_a_region() -> None:
    for item in (*LOCAL_AUTHORITIES, *FORMER_LOCAL_AUTHORITIES):
        assert isinstance(region_of(item.code), Region), item.name
    for new, old in RECODED.items():
        assert region_of(new) is region_of(old) is R.YORKSHIRE_AND_THE_HUMBER


@pytest.mark.parametrize(
    ("code", "region"),
    [
        # the reorganised authorities and their predecessors (ONS lookups, 2018 and 2023)
        ("E06000028", R.SOUTH_WEST),  # Bournemouth
        ("E06000029", R.SOUTH_WEST),  # Poole
        ("E10000009", R.SOUTH_WEST),  # Dorset County Council
        ("E06000058", R.SOUTH_WEST),  # BCP
        ("E06000059", R.SOUTH_WEST),  # Dorset Council
        ("E10000021", R.EAST_MIDLANDS),  # Northamptonshire
        ("E06000061", R.EAST_MIDLANDS),  # North Northamptonshire
        ("E06000062", R.EAST_MIDLANDS),  # West Northamptonshire
        ("E10000006", R.NORTH_WEST),  # Cumbria
        ("E06000063", R.NORTH_WEST),  # Cumberland
        ("E06000064", R.NORTH_WEST),  # Westmorland and Furness
        ("E10000023", R.YORKSHIRE_AND_THE_HUMBER),  # North Yorkshire County Council
        ("E06000065", R.YORKSHIRE_AND_THE_HUMBER),  # North Yorkshire Council
        ("E10000027", R.SOUTH_WEST),  # Somerset County Council
        ("E06000066", R.SOUTH_WEST),  # Somerset Council
        ("E10000002", R.SOUTH_EAST),  # Buckinghamshire County Council
        ("E06000060", R.SOUTH_EAST),  # Buckinghamshire Council
        ("E08000016", R.YORKSHIRE_AND_THE_HUMBER),  # Barnsley, to March 2025
        ("E08000038", R.YORKSHIRE_AND_THE_HUMBER),  # Barnsley, from April 2025
        ("E08000019", R.YORKSHIRE_AND_THE_HUMBER),  # Sheffield, to March 2025
        ("E08000039", R.YORKSHIRE_AND_THE_HUMBER),  # Sheffield, from April 2025
        ("e06000034", R.EAST_OF_ENGLAND),  # Thurrock, in lower case
        (" E09000001 ", R.LONDON),  # the City of London, with spaces
    ],
)
def test_region_of_reorganised_and_recoded_authorities(code: str, region: Region) -> None:
    assert region_of(code) is region


@pytest.mark.parametrize("bad", ["E06000099", "E12000001", "Thurrock", "", None, 6000034])
def test_an_unknown_code_is_refused_naming_the_field(bad: object) -> None:
    with pytest.raises(ParseError) as caught:
        region_of(bad)  # type: ignore[arg-type]
    assert caught.value.field == "la_code"
    assert caught.value.value == bad
    assert "ONS code of an English children's services authority" in str(caught.value)


def test_regions_carry_the_ons_names_and_codes() -> None:
    assert {r.code: r.value for r in Region} == ONS_CODES
    assert [str(r) for r in Region] == list(ONS_CODES.values())
    assert all(s.url.startswith("https://") for r in Region for s in r.sources)


def test_la_codes_in_partitions_the_register() -> None:
    current = [code for r in Region for code in la_codes_in(r)]
    everyone = [code for r in Region for code in la_codes_in(r, former=True)]
    assert sorted(current) == sorted(a.code for a in LOCAL_AUTHORITIES)
    assert sorted(everyone) == sorted(REGION_MEMBERS)
    assert la_codes_in("london") == tuple(f"E090000{n:02d}" for n in range(1, 34))
    with pytest.raises(ParseError, match="region: got 'Londn'"):
        la_codes_in("Londn")


# --- parsing region names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("North East", R.NORTH_EAST),
        ("north-west", R.NORTH_WEST),
        ("Yorkshire and The Humber", R.YORKSHIRE_AND_THE_HUMBER),
        ("Yorkshire and the Humber", R.YORKSHIRE_AND_THE_HUMBER),
        ("Yorkshire & Humber", R.YORKSHIRE_AND_THE_HUMBER),
        ("YORKSHIRE AND HUMBER", R.YORKSHIRE_AND_THE_HUMBER),
        ("East Midlands", R.EAST_MIDLANDS),
        ("West Midlands.", R.WEST_MIDLANDS),
        ("East of England", R.EAST_OF_ENGLAND),
        ("East", R.EAST_OF_ENGLAND),
        ("  london ", R.LONDON),
        ("South-East", R.SOUTH_EAST),
        ("South West", R.SOUTH_WEST),
        ("e12000009", R.SOUTH_WEST),
        (R.LONDON, R.LONDON),
    ],
)
def test_parse_accepts_the_names_sources_use(text: str, region: Region) -> None:
    assert Region.parse(text) is region


@given(st.data())
def test_parse_reads_every_name_and_code_however_it_is_typed(data: st.DataObject) -> None:
    region = data.draw(regions)
    assert Region.parse(data.draw(spellings(region.value))) is region
    assert Region.parse(data.draw(spellings(region.code))) is region
    assert Region.parse(data.draw(spellings(region.value.replace(" and ", " & ")))) is region


def test_parse_explains_ofsteds_combined_region() -> None:
    with pytest.raises(ParseError) as caught:
        Region.parse("North East, Yorkshire and the Humber")
    assert caught.value.field == "region"
    assert "is two ONS regions: 'North East' and 'Yorkshire and The Humber'" in str(caught.value)


@pytest.mark.parametrize(
    ("bad", "hint"),
    [
        ("Nort West", "did you mean 'North West'"),
        ("Midlands", "did you mean"),
        ("SE", None),
        ("", None),
        ("Wales", None),
    ],
)
def test_parse_refuses_other_text_naming_the_field(bad: str, hint: str | None) -> None:
    with pytest.raises(ParseError) as caught:
        Region.parse(bad)
    message = str(caught.value)
    assert message.startswith(f"region: got {bad!r}; expected one of the nine ONS regions")
    assert (hint in message) if hint else ("did you mean" not in message)


@pytest.mark.parametrize("bad", [None, 7, ("London",)])
def test_parse_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(ParseError, match=r"^region: got"):
        Region.parse(bad)  # type: ignore[arg-type]


# --- the real files ----------------------------------------------------------------------------


def test_every_la_of_the_project_csv_has_the_region_of_its_area(
    real_file: Callable[[str], Path],
) -> None:
    with real_file(CSV_2025).open(newline="", encoding="utf-8") as handle:
        codes = {row["la_code"] for row in csv.DictReader(handle)}
    assert len(codes) == 158  # the data README: 158 LAs, 5 of them abolished
    found = {code: region_of(code) for code in codes}
    # the ONS's nine regions (the 2023 codes above); London's 33 authorities are E09
    assert set(found.values()) == set(Region)
    assert {c for c, r in found.items() if r is R.LONDON} == {c for c in codes if c[:3] == "E09"}
    # the abolished five lie in the regions of the councils that replaced them (ONS lookups)
    assert [found[c] for c in ("E06000028", "E06000029", "E10000009")] == [R.SOUTH_WEST] * 3
    assert (found["E10000021"], found["E10000006"]) == (R.EAST_MIDLANDS, R.NORTH_WEST)


def ofsted_rows(
    path: Path, sheet: str, code: bool, region_heading: str
) -> Iterator[tuple[str, str, str]]:
    """(la code, la name, Ofsted's region) for every row of an Ofsted table."""
    table = _ods.find_sheet(path, sheet)
    fields = {"name": ["local authority name"], "region": [region_heading]}
    if code:
        fields["code"] = ["local authority area code"]
    header = _ods.find_header(table, fields)
    for _, cells in _ods.iter_rows(table, header):
        name = cells["name"].text
        if not name:
            continue
        found = cells["code"].text if code else la_code(name, former=True)
        yield found, name, cells["region"].text


@pytest.mark.parametrize(
    ("sheet", "heading", "count"),
    [
        ("Inspections_as_at_31_March", "ofsted region", 153),
        ("In-year_inspections", "region", None),
        ("ILACS_inspection_history", "ofsted region", 156),
    ],
)
def test_our_regions_agree_with_ofsteds_in_the_2025_edition(
    real_file: Callable[[str], Path], sheet: str, heading: str, count: int | None
) -> None:
    path = real_file(ODS_2025)
    seen: dict[str, str] = {}
    for code, name, ofsted in ofsted_rows(path, sheet, True, heading):
        assert str(region_of(code)) in OFSTED_REGIONS[ofsted.casefold()], (code, name, ofsted)
        seen[code] = name
    if count is not None:
        assert len(seen) == count
    else:
        assert seen


@pytest.mark.parametrize(
    ("file", "sheet", "heading"),
    [
        (ODS_2024, "Inspections_31_March_2024", "ofsted region"),
        (ODS_2024, "ILACS_inspections_2018-2024", "la region"),
        (ODS_2023, "LA_inspections_2009-2023", "la region"),
    ],
)
def test_our_regions_agree_with_ofsteds_in_earlier_editions(
    real_file: Callable[[str], Path], file: str, sheet: str, heading: str
) -> None:
    path = real_file(file)
    seen = set()
    for code, name, ofsted in ofsted_rows(path, sheet, False, heading):
        assert str(region_of(code)) in OFSTED_REGIONS[ofsted.casefold()], (code, name, ofsted)
        seen.add(code)
    assert len(seen) >= 150


def test_our_regions_are_the_government_office_regions_ofsted_gives_childrens_homes(
    real_file: Callable[[str], Path],
) -> None:
    """The nine-region check: each home's LA and "Government Office Region" (2023 data)."""
    path = real_file(ODS_2023)
    table = _ods.find_sheet(path, "Providers\\+places_at_31_Mar_2023")
    header = _ods.find_header(
        table, {"la": ["local authority"], "gor": ["government office region"]}
    )
    expected: dict[str, set[str]] = {}
    for _, cells in _ods.iter_rows(table, header):
        if cells["la"].text:
            code = la_code(cells["la"].text)
            expected.setdefault(code, set()).add(cells["gor"].text)
    assert all(len(regions) == 1 for regions in expected.values()), expected
    ours = {code: {str(region_of(code))} for code in expected}
    assert ours == expected
    assert len(expected) >= 140  # nearly every LA has a home; the check is not vacuous
    assert {r for regions in expected.values() for r in regions} == set(ONS_CODES.values())

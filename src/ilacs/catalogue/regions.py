"""The English region of each children's services authority: the nine ONS regions.

Every authority of :mod:`~ilacs.catalogue.la_codes` (current and former) lies in one of the
nine regions the ONS uses for statistics (the former Government Office Regions). The table
(:data:`REGION_MEMBERS`) comes from the ONS lookups of local authority districts to regions
(:data:`~ilacs.catalogue.refs.ONS_LAD_RGN_2023` for the authorities in force from April
2023, :data:`~ilacs.catalogue.refs.ONS_LAD_RGN_2018` for those abolished from 2019), and
agrees with the "Government Office Region" Ofsted gives each children's home in its 2023 data
(:data:`~ilacs.catalogue.refs.OFSTED_GOR_2023`).

Ofsted's own tables of LA inspections use eight *Ofsted* regions, in which the North East and
Yorkshire and The Humber are one ("North East, Yorkshire and the Humber"); the other seven are
the ONS regions of the same name. ``ilacs`` uses the nine ONS regions.

>>> region_of("E06000034")
<Region.EAST_OF_ENGLAND: 'East of England'>
>>> str(region_of("E10000021")), region_of("E08000038").code  # Northamptonshire; Barnsley
('East Midlands', 'E12000003')
>>> Region.parse("yorkshire & the humber") is Region.parse("E12000003")
True
>>> Region.parse("North East, Yorkshire and the Humber")
Traceback (most recent call last):
...
ilacs.errors.ParseError: region: got 'North East, Yorkshire and the Humber';
expected one of the nine ONS regions of England (Ofsted's region 'North East,
Yorkshire and the Humber' is two ONS regions: 'North East' and 'Yorkshire and
The Humber')
>>> region_of("E06000099")
Traceback (most recent call last):
...
ilacs.errors.ParseError: la_code: got 'E06000099'; expected the ONS code of an
English children's services authority
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from ilacs._text import fold, lookup, suggestion
from ilacs.catalogue import refs
from ilacs.catalogue.la_codes import (
    FORMER_LOCAL_AUTHORITIES,
    LOCAL_AUTHORITIES,
    authority,
)
from ilacs.errors import IlacsError
from ilacs.sources import Source

__all__ = [
    "REGION_MEMBERS",
    "SOURCES",
    "Region",
    "la_codes_in",
    "region_of",
    "region_or_none",
]


SOURCES = (refs.ONS_RGN_2023, refs.ONS_LAD_RGN_2023, refs.ONS_LAD_RGN_2018, refs.OFSTED_GOR_2023)
"""The registers the regions come from, and the Ofsted data they are checked against."""


class Region(enum.Enum):
    """One of the nine English regions of the ONS; the value is the ONS name."""

    NORTH_EAST = "North East"
    NORTH_WEST = "North West"
    YORKSHIRE_AND_THE_HUMBER = "Yorkshire and The Humber"
    EAST_MIDLANDS = "East Midlands"
    WEST_MIDLANDS = "West Midlands"
    EAST_OF_ENGLAND = "East of England"
    LONDON = "London"
    SOUTH_EAST = "South East"
    SOUTH_WEST = "South West"

    @property
    def code(self) -> str:
        """The ONS region code (``"E12000001"`` to ``"E12000009"``)."""
        return _CODES[self]

    @property
    def sources(self) -> tuple[Source, ...]:
        """The documents the name and code come from."""
        return (refs.ONS_RGN_2023,)

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, text: str | Region) -> Region:
        """The region named ``text``: its ONS name or code, in any case and punctuation.

        "&" reads as "and" and "the" may be left out ("Yorkshire and Humber"); "East" is the
        East of England, as some ONS tables write it.

        Raises:
            ParseError: ``text`` names no region (Ofsted's combined region "North East,
                Yorkshire and the Humber" included: it is two ONS regions).
        """
        expected = "one of the nine ONS regions of England"
        return lookup(
            text, _BY_KEY, field="region", expected=expected, hint=_region_hint, key=_key, kind=cls
        )


def _region_hint(text: str) -> str | None:
    combined = _OFSTED_COMBINED.get(_key(text))
    if combined is not None:
        parts = " and ".join(repr(r.value) for r in combined)
        return f"Ofsted's region {text.strip()!r} is two ONS regions: {parts}"
    return suggestion(text, [r.value for r in Region], most=2, cutoff=0.6)


_CODES: Mapping[Region, str] = MappingProxyType(
    {region: f"E1200000{number}" for number, region in enumerate(Region, start=1)}
)


def _key(text: str) -> str:
    words = fold(text).split()
    return " ".join(w for w in words if w != "the")


_BY_KEY: Mapping[str, Region] = MappingProxyType(
    {
        **{_key(r.value): r for r in Region},
        **{_key(r.code): r for r in Region},
        _key("East"): Region.EAST_OF_ENGLAND,
    }
)

_OFSTED_COMBINED: Mapping[str, tuple[Region, ...]] = MappingProxyType(
    {
        _key("North East, Yorkshire and the Humber"): (
            Region.NORTH_EAST,
            Region.YORKSHIRE_AND_THE_HUMBER,
        )
    }
)

# The authorities of each region, by ONS code, current (refs.ONS_LAD_RGN_2023) then former
# (refs.ONS_LAD_RGN_2018). Names are in ilacs.catalogue.la_codes; the tests check that the codes
# are exactly that register's.
_MEMBERS: dict[Region, tuple[str, ...]] = {
    Region.NORTH_EAST: (
        "E06000001",  # Hartlepool
        "E06000002",  # Middlesbrough
        "E06000003",  # Redcar and Cleveland
        "E06000004",  # Stockton-on-Tees
        "E06000005",  # Darlington
        "E06000047",  # County Durham
        "E06000057",  # Northumberland
        "E08000021",  # Newcastle upon Tyne
        "E08000022",  # North Tyneside
        "E08000023",  # South Tyneside
        "E08000024",  # Sunderland
        "E08000037",  # Gateshead
    ),
    Region.NORTH_WEST: (
        "E06000006",  # Halton
        "E06000007",  # Warrington
        "E06000008",  # Blackburn with Darwen
        "E06000009",  # Blackpool
        "E06000049",  # Cheshire East
        "E06000050",  # Cheshire West and Chester
        "E06000063",  # Cumberland
        "E06000064",  # Westmorland and Furness
        "E08000001",  # Bolton
        "E08000002",  # Bury
        "E08000003",  # Manchester
        "E08000004",  # Oldham
        "E08000005",  # Rochdale
        "E08000006",  # Salford
        "E08000007",  # Stockport
        "E08000008",  # Tameside
        "E08000009",  # Trafford
        "E08000010",  # Wigan
        "E08000011",  # Knowsley
        "E08000012",  # Liverpool
        "E08000013",  # St. Helens
        "E08000014",  # Sefton
        "E08000015",  # Wirral
        "E10000017",  # Lancashire
        "E10000006",  # Cumbria (former)
    ),
    Region.YORKSHIRE_AND_THE_HUMBER: (
        "E06000010",  # Kingston upon Hull, City of
        "E06000011",  # East Riding of Yorkshire
        "E06000012",  # North East Lincolnshire
        "E06000013",  # North Lincolnshire
        "E06000014",  # York
        "E06000065",  # North Yorkshire
        "E08000016",  # Barnsley
        "E08000017",  # Doncaster
        "E08000018",  # Rotherham
        "E08000019",  # Sheffield
        "E08000032",  # Bradford
        "E08000033",  # Calderdale
        "E08000034",  # Kirklees
        "E08000035",  # Leeds
        "E08000036",  # Wakefield
        "E10000023",  # North Yorkshire (county council, former)
    ),
    Region.EAST_MIDLANDS: (
        "E06000015",  # Derby
        "E06000016",  # Leicester
        "E06000017",  # Rutland
        "E06000018",  # Nottingham
        "E06000061",  # North Northamptonshire
        "E06000062",  # West Northamptonshire
        "E10000007",  # Derbyshire
        "E10000018",  # Leicestershire
        "E10000019",  # Lincolnshire
        "E10000024",  # Nottinghamshire
        "E10000021",  # Northamptonshire (former)
    ),
    Region.WEST_MIDLANDS: (
        "E06000019",  # Herefordshire, County of
        "E06000020",  # Telford and Wrekin
        "E06000021",  # Stoke-on-Trent
        "E06000051",  # Shropshire
        "E08000025",  # Birmingham
        "E08000026",  # Coventry
        "E08000027",  # Dudley
        "E08000028",  # Sandwell
        "E08000029",  # Solihull
        "E08000030",  # Walsall
        "E08000031",  # Wolverhampton
        "E10000028",  # Staffordshire
        "E10000031",  # Warwickshire
        "E10000034",  # Worcestershire
    ),
    Region.EAST_OF_ENGLAND: (
        "E06000031",  # Peterborough
        "E06000032",  # Luton
        "E06000033",  # Southend-on-Sea
        "E06000034",  # Thurrock
        "E06000055",  # Bedford
        "E06000056",  # Central Bedfordshire
        "E10000003",  # Cambridgeshire
        "E10000012",  # Essex
        "E10000015",  # Hertfordshire
        "E10000020",  # Norfolk
        "E10000029",  # Suffolk
    ),
    Region.LONDON: tuple(f"E090000{n:02d}" for n in range(1, 34)),  # the City and 32 boroughs
    Region.SOUTH_EAST: (
        "E06000035",  # Medway
        "E06000036",  # Bracknell Forest
        "E06000037",  # West Berkshire
        "E06000038",  # Reading
        "E06000039",  # Slough
        "E06000040",  # Windsor and Maidenhead
        "E06000041",  # Wokingham
        "E06000042",  # Milton Keynes
        "E06000043",  # Brighton and Hove
        "E06000044",  # Portsmouth
        "E06000045",  # Southampton
        "E06000046",  # Isle of Wight
        "E06000060",  # Buckinghamshire
        "E10000011",  # East Sussex
        "E10000014",  # Hampshire
        "E10000016",  # Kent
        "E10000025",  # Oxfordshire
        "E10000030",  # Surrey
        "E10000032",  # West Sussex
        "E10000002",  # Buckinghamshire (county council, former)
    ),
    Region.SOUTH_WEST: (
        "E06000022",  # Bath and North East Somerset
        "E06000023",  # Bristol, City of
        "E06000024",  # North Somerset
        "E06000025",  # South Gloucestershire
        "E06000026",  # Plymouth
        "E06000027",  # Torbay
        "E06000030",  # Swindon
        "E06000052",  # Cornwall
        "E06000053",  # Isles of Scilly
        "E06000054",  # Wiltshire
        "E06000058",  # Bournemouth, Christchurch and Poole
        "E06000059",  # Dorset
        "E06000066",  # Somerset
        "E10000008",  # Devon
        "E10000013",  # Gloucestershire
        "E06000028",  # Bournemouth (former)
        "E06000029",  # Poole (former)
        "E10000009",  # Dorset (county council, former)
        "E10000027",  # Somerset (county council, former)
    ),
}

REGION_MEMBERS: Mapping[str, Region] = MappingProxyType(
    {code: region for region, codes in _MEMBERS.items() for code in codes}
)
"""The region of every authority of :mod:`~ilacs.catalogue.la_codes`, by its register code.

Sources: :data:`~ilacs.catalogue.refs.ONS_LAD_RGN_2023` (current authorities) and
:data:`~ilacs.catalogue.refs.ONS_LAD_RGN_2018` (former).
"""


def region_of(la_code: str) -> Region:
    """The ONS region of the authority with ONS code ``la_code`` (current or former).

    Every code :func:`~ilacs.catalogue.la_codes.authority` accepts has a region, Barnsley's
    and Sheffield's codes from April 2025 included.

    Raises:
        ParseError: no authority has that code.
    """
    return REGION_MEMBERS[authority(la_code).code]


def region_or_none(la_code: str) -> Region | None:
    """The ONS region of the authority coded ``la_code``, or None for a code no authority has.

    For tables and filters that keep a row whose code is not in the register, where
    :func:`region_of` would raise.

    >>> region_or_none("E06000041"), region_or_none("E1")
    (<Region.SOUTH_EAST: 'South East'>, None)
    """
    try:
        return region_of(la_code)
    except IlacsError:
        return None


def la_codes_in(region: Region | str, *, former: bool = False) -> tuple[str, ...]:
    """The ONS codes of the authorities in ``region`` (a :class:`Region` or its name), sorted.

    Args:
        region: the region.
        former: include the authorities abolished since 2019.

    Raises:
        ParseError: ``region`` names no region.

    >>> la_codes_in("North East")[:3]
    ('E06000001', 'E06000002', 'E06000003')
    >>> len(la_codes_in(Region.SOUTH_WEST)), len(la_codes_in("South West", former=True))
    (15, 19)
    """
    wanted = Region.parse(region)
    pool = (*LOCAL_AUTHORITIES, *FORMER_LOCAL_AUTHORITIES) if former else LOCAL_AUTHORITIES
    return tuple(sorted(a.code for a in pool if REGION_MEMBERS[a.code] is wanted))

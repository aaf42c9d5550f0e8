"""The ONS codes of England's children's services authorities, and the names Ofsted writes.

Ofsted's published spreadsheets name each local authority (LA) but, before the 2025 edition,
give no code. :func:`la_code` turns a name into the authority's ONS code using the register of
counties and unitary authorities in force from April 2023 (:data:`LOCAL_AUTHORITIES`, 153
authorities: every county council, unitary, metropolitan district and London borough, the City
of London and the Isles of Scilly), plus the authorities abolished since 2019 whose inspections
Ofsted still lists (:data:`FORMER_LOCAL_AUTHORITIES`).

Names are compared after :func:`name_key`: case, "&" for "and", full stops, commas and
hyphens do not matter ("St. Helens", "St Helens"; "Telford & Wrekin"). Other spellings Ofsted
and the ONS use are listed as aliases of each authority ("Bristol, City of" and "Bristol";
"Bedford" and "Bedford Borough"; "County Durham" and "Durham").

Codes follow the April 2023 register: the unitary councils that continued a county (North
Yorkshire, Somerset, Buckinghamshire) carry their new code for their whole history, as in the
project's CSV; Barnsley and Sheffield carry the codes they had until April 2025. A name that is
both a current and a former authority (Dorset: the county council to March 2019 and Dorset
Council since) is the current one unless the caller asks for a former authority.

>>> la_code("St. Helens"), la_code("Bristol, City of"), la_code("Telford & Wrekin")
('E08000013', 'E06000023', 'E06000020')
>>> la_code("Dorset"), la_code("Dorset", former=True)
('E06000059', 'E10000009')
>>> authority("E06000034").name
'Thurrock'
>>> la_code("Thurock")
Traceback (most recent call last):
...
ilacs.errors.ParseError: local authority name: got 'Thurock'; expected the
name of an English children's services authority (did you mean 'Thurrock'?)
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ilacs.errors import ParseError
from ilacs.sources import Evidence, Source

__all__ = [
    "FORMER_LOCAL_AUTHORITIES",
    "LOCAL_AUTHORITIES",
    "ONS_CTYUA_2023",
    "RECODED",
    "SI_2024_1328",
    "LocalAuthority",
    "authority",
    "la_code",
    "name_key",
]

ONS_CTYUA_2023 = Source(
    "ONS: Counties and Unitary Authorities (April 2023) names and codes in the United Kingdom",
    "https://geoportal.statistics.gov.uk/",
    Evidence.A,
    dt.date(2023, 4, 1),
    note="Open Geography Portal, 'Names and codes' for counties and unitary authorities, April "
    "2023 (also 'Local Authority Districts (April 2023) names and codes' for the metropolitan "
    "districts and London boroughs, which are children's services authorities).",
)
"""The register the codes of :data:`LOCAL_AUTHORITIES` come from."""

ONS_CTYUA_2018 = Source(
    "ONS: Counties and Unitary Authorities (December 2018) names and codes in England",
    "https://geoportal.statistics.gov.uk/",
    Evidence.A,
    dt.date(2018, 12, 1),
    note="The last register before the 2019 to 2023 reorganisations: Bournemouth, Poole, Dorset "
    "County Council, Buckinghamshire, Northamptonshire, Cumbria, North Yorkshire and Somerset "
    "county councils.",
)
"""The register the codes of :data:`FORMER_LOCAL_AUTHORITIES` come from."""


@attrs.frozen
class LocalAuthority:
    """A children's services authority: its ONS code, its ONS name and other spellings.

    Args:
        code: the ONS code (``"E06000034"``).
        name: the name in the ONS register.
        aliases: other names Ofsted or the ONS use for it.
        abolished: for a former authority, the day it was replaced; None while it exists.
    """

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    abolished: dt.date | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The ONS name and every alias."""
        return (self.name, *self.aliases)


_L = LocalAuthority

LOCAL_AUTHORITIES: tuple[LocalAuthority, ...] = (
    # Unitary authorities (E06)
    _L("E06000001", "Hartlepool"),
    _L("E06000002", "Middlesbrough"),
    _L("E06000003", "Redcar and Cleveland"),
    _L("E06000004", "Stockton-on-Tees"),
    _L("E06000005", "Darlington"),
    _L("E06000006", "Halton"),
    _L("E06000007", "Warrington"),
    _L("E06000008", "Blackburn with Darwen"),
    _L("E06000009", "Blackpool"),
    _L("E06000010", "Kingston upon Hull, City of", ("Kingston upon Hull", "Hull")),
    _L("E06000011", "East Riding of Yorkshire"),
    _L("E06000012", "North East Lincolnshire"),
    _L("E06000013", "North Lincolnshire"),
    _L("E06000014", "York"),
    _L("E06000015", "Derby"),
    _L("E06000016", "Leicester"),
    _L("E06000017", "Rutland"),
    _L("E06000018", "Nottingham"),
    _L("E06000019", "Herefordshire, County of", ("Herefordshire",)),
    _L("E06000020", "Telford and Wrekin"),
    _L("E06000021", "Stoke-on-Trent"),
    _L("E06000022", "Bath and North East Somerset"),
    _L("E06000023", "Bristol, City of", ("Bristol", "City of Bristol")),
    _L("E06000024", "North Somerset"),
    _L("E06000025", "South Gloucestershire"),
    _L("E06000026", "Plymouth"),
    _L("E06000027", "Torbay"),
    _L("E06000030", "Swindon"),
    _L("E06000031", "Peterborough"),
    _L("E06000032", "Luton"),
    _L("E06000033", "Southend-on-Sea", ("Southend",)),
    _L("E06000034", "Thurrock"),
    _L("E06000035", "Medway"),
    _L("E06000036", "Bracknell Forest"),
    _L("E06000037", "West Berkshire"),
    _L("E06000038", "Reading"),
    _L("E06000039", "Slough"),
    _L("E06000040", "Windsor and Maidenhead"),
    _L("E06000041", "Wokingham"),
    _L("E06000042", "Milton Keynes"),
    _L("E06000043", "Brighton and Hove"),
    _L("E06000044", "Portsmouth"),
    _L("E06000045", "Southampton"),
    _L("E06000046", "Isle of Wight"),
    _L("E06000047", "County Durham", ("Durham",)),
    _L("E06000049", "Cheshire East"),
    _L("E06000050", "Cheshire West and Chester"),
    _L("E06000051", "Shropshire"),
    _L("E06000052", "Cornwall"),
    _L("E06000053", "Isles of Scilly"),
    _L("E06000054", "Wiltshire"),
    _L("E06000055", "Bedford", ("Bedford Borough",)),
    _L("E06000056", "Central Bedfordshire"),
    _L("E06000057", "Northumberland"),
    _L("E06000058", "Bournemouth, Christchurch and Poole", ("BCP",)),
    _L("E06000059", "Dorset"),
    _L("E06000060", "Buckinghamshire"),
    _L("E06000061", "North Northamptonshire"),
    _L("E06000062", "West Northamptonshire"),
    _L("E06000063", "Cumberland"),
    _L("E06000064", "Westmorland and Furness"),
    _L("E06000065", "North Yorkshire"),
    _L("E06000066", "Somerset"),
    # Metropolitan districts (E08)
    _L("E08000001", "Bolton"),
    _L("E08000002", "Bury"),
    _L("E08000003", "Manchester"),
    _L("E08000004", "Oldham"),
    _L("E08000005", "Rochdale"),
    _L("E08000006", "Salford"),
    _L("E08000007", "Stockport"),
    _L("E08000008", "Tameside"),
    _L("E08000009", "Trafford"),
    _L("E08000010", "Wigan"),
    _L("E08000011", "Knowsley"),
    _L("E08000012", "Liverpool"),
    _L("E08000013", "St. Helens"),
    _L("E08000014", "Sefton"),
    _L("E08000015", "Wirral"),
    _L("E08000016", "Barnsley"),
    _L("E08000017", "Doncaster"),
    _L("E08000018", "Rotherham"),
    _L("E08000019", "Sheffield"),
    _L("E08000021", "Newcastle upon Tyne"),
    _L("E08000022", "North Tyneside"),
    _L("E08000023", "South Tyneside"),
    _L("E08000024", "Sunderland"),
    _L("E08000025", "Birmingham"),
    _L("E08000026", "Coventry"),
    _L("E08000027", "Dudley"),
    _L("E08000028", "Sandwell"),
    _L("E08000029", "Solihull"),
    _L("E08000030", "Walsall"),
    _L("E08000031", "Wolverhampton"),
    _L("E08000032", "Bradford"),
    _L("E08000033", "Calderdale"),
    _L("E08000034", "Kirklees"),
    _L("E08000035", "Leeds"),
    _L("E08000036", "Wakefield"),
    _L("E08000037", "Gateshead"),
    # The City of London and the London boroughs (E09)
    _L("E09000001", "City of London"),
    _L("E09000002", "Barking and Dagenham"),
    _L("E09000003", "Barnet"),
    _L("E09000004", "Bexley"),
    _L("E09000005", "Brent"),
    _L("E09000006", "Bromley"),
    _L("E09000007", "Camden"),
    _L("E09000008", "Croydon"),
    _L("E09000009", "Ealing"),
    _L("E09000010", "Enfield"),
    _L("E09000011", "Greenwich"),
    _L("E09000012", "Hackney"),
    _L("E09000013", "Hammersmith and Fulham"),
    _L("E09000014", "Haringey"),
    _L("E09000015", "Harrow"),
    _L("E09000016", "Havering"),
    _L("E09000017", "Hillingdon"),
    _L("E09000018", "Hounslow"),
    _L("E09000019", "Islington"),
    _L("E09000020", "Kensington and Chelsea"),
    _L("E09000021", "Kingston upon Thames"),
    _L("E09000022", "Lambeth"),
    _L("E09000023", "Lewisham"),
    _L("E09000024", "Merton"),
    _L("E09000025", "Newham"),
    _L("E09000026", "Redbridge"),
    _L("E09000027", "Richmond upon Thames"),
    _L("E09000028", "Southwark"),
    _L("E09000029", "Sutton"),
    _L("E09000030", "Tower Hamlets"),
    _L("E09000031", "Waltham Forest"),
    _L("E09000032", "Wandsworth"),
    _L("E09000033", "Westminster"),
    # County councils (E10)
    _L("E10000003", "Cambridgeshire"),
    _L("E10000007", "Derbyshire"),
    _L("E10000008", "Devon"),
    _L("E10000011", "East Sussex"),
    _L("E10000012", "Essex"),
    _L("E10000013", "Gloucestershire"),
    _L("E10000014", "Hampshire"),
    _L("E10000015", "Hertfordshire"),
    _L("E10000016", "Kent"),
    _L("E10000017", "Lancashire"),
    _L("E10000018", "Leicestershire"),
    _L("E10000019", "Lincolnshire"),
    _L("E10000020", "Norfolk"),
    _L("E10000024", "Nottinghamshire"),
    _L("E10000025", "Oxfordshire"),
    _L("E10000028", "Staffordshire"),
    _L("E10000029", "Suffolk"),
    _L("E10000030", "Surrey"),
    _L("E10000031", "Warwickshire"),
    _L("E10000032", "West Sussex"),
    _L("E10000034", "Worcestershire"),
)
"""England's 153 children's services authorities from April 2023 (source: :data:`ONS_CTYUA_2023`)."""

FORMER_LOCAL_AUTHORITIES: tuple[LocalAuthority, ...] = (
    _L("E06000028", "Bournemouth", abolished=dt.date(2019, 4, 1)),
    _L("E06000029", "Poole", abolished=dt.date(2019, 4, 1)),
    _L(
        "E10000009",
        "Dorset",
        ("Dorset County Council", "Dorset (county council, to March 2019)"),
        abolished=dt.date(2019, 4, 1),
    ),
    _L("E10000002", "Buckinghamshire", ("Buckinghamshire County Council",), dt.date(2020, 4, 1)),
    _L("E10000021", "Northamptonshire", abolished=dt.date(2021, 4, 1)),
    _L("E10000006", "Cumbria", abolished=dt.date(2023, 4, 1)),
    _L("E10000023", "North Yorkshire", ("North Yorkshire County Council",), dt.date(2023, 4, 1)),
    _L("E10000027", "Somerset", ("Somerset County Council",), dt.date(2023, 4, 1)),
)
"""Authorities abolished by the 2019 to 2023 reorganisations (source: :data:`ONS_CTYUA_2018`).

Buckinghamshire, North Yorkshire and Somerset continued as unitary councils under new codes;
:func:`la_code` gives their old codes only when asked for a former authority.
"""

SI_2024_1328 = Source(
    "The Barnsley and Sheffield (Boundary Change) Order 2024, SI 2024/1328",
    "https://www.legislation.gov.uk/uksi/2024/1328/contents/made",
    Evidence.A,
    dt.date(2024, 12, 12),
    note="In force 1 April 2025: a small area moved from Barnsley to Sheffield and the ONS "
    "recoded both (Barnsley E08000016 to E08000038, Sheffield E08000019 to E08000039). Same "
    "councils, same children's services.",
)
"""The order behind :data:`RECODED`."""

RECODED: Mapping[str, str] = MappingProxyType({"E08000038": "E08000016", "E08000039": "E08000019"})
"""Codes from April 2025 of authorities that were not reorganised -> their code in the tables.

:func:`authority` accepts either code (source: :data:`SI_2024_1328`).
"""

_PUNCTUATION = re.compile(r"[.,'\u2019()]")


def name_key(name: str) -> str:
    """A name folded for look-up: case, "&", full stops, commas and hyphens removed.

    >>> name_key("  Bournemouth, Christchurch & Poole "), name_key("Stockton-on-Tees")
    ('bournemouth christchurch and poole', 'stockton on tees')
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _PUNCTUATION.sub(" ", text.replace("&", " and ").replace("-", " "))
    return " ".join(text.split())


def _index(authorities: tuple[LocalAuthority, ...]) -> dict[str, LocalAuthority]:
    index: dict[str, LocalAuthority] = {}
    for item in authorities:
        for name in item.names:
            key = name_key(name)
            assert index.get(key, item) is item, f"{name!r} names two authorities"
            index[key] = item
    return index


_CURRENT = _index(LOCAL_AUTHORITIES)
_FORMER = _index(FORMER_LOCAL_AUTHORITIES)
_BY_CODE = {item.code: item for item in (*FORMER_LOCAL_AUTHORITIES, *LOCAL_AUTHORITIES)}


def authority(code: str) -> LocalAuthority:
    """The authority with ONS code ``code`` (current or former; see :data:`RECODED`).

    Raises:
        ParseError: no authority in the tables has that code.
    """
    key = code.strip().upper() if isinstance(code, str) else None
    found = _BY_CODE.get(RECODED.get(key, key)) if key is not None else None
    if found is None:
        raise ParseError(
            "la_code", code, "the ONS code of an English children's services authority"
        )
    return found


def la_code(name: str, *, former: bool = False) -> str:
    """The ONS code of the authority called ``name`` (see the module docstring for spellings).

    Args:
        name: the authority's name as Ofsted or the ONS write it.
        former: look among the abolished authorities first (for Ofsted's tables of "local
            authorities that no longer exist"); the current ones are searched next.

    Raises:
        ParseError: the name is not one the tables know; the message suggests close names.
    """
    if not isinstance(name, str):
        raise ParseError("local authority name", name, "a string")
    key = name_key(name)
    first, second = (_FORMER, _CURRENT) if former else (_CURRENT, _FORMER)
    found = first.get(key) or second.get(key)
    if found is not None:
        return found.code
    names = [n for item in (*LOCAL_AUTHORITIES, *FORMER_LOCAL_AUTHORITIES) for n in item.names]
    close = difflib.get_close_matches(name.strip(), names, n=3, cutoff=0.75)
    detail = "did you mean " + " or ".join(repr(c) for c in close) + "?" if close else None
    raise ParseError(
        "local authority name",
        name,
        "the name of an English children's services authority",
        detail,
    )

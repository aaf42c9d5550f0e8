"""The ONS codes of England's children's services authorities, and the names Ofsted writes.

Ofsted's published spreadsheets name each local authority (LA) but, before the 2025 edition,
give no code. :func:`la_code` turns a name into the authority's ONS code using the register of
counties and unitary authorities in force from April 2023 (:data:`LOCAL_AUTHORITIES`, 153
authorities: every county council, unitary, metropolitan district and London borough, the City
of London and the Isles of Scilly), plus the authorities abolished since 2019 whose inspections
Ofsted still lists (:data:`FORMER_LOCAL_AUTHORITIES`).

Names are compared after folding (:func:`ilacs._text.fold`): case, "&" for "and", full stops, commas and
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
import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ilacs._text import fold, lookup, suggestion
from ilacs.catalogue import refs
from ilacs.catalogue.reorganisations import REORGANISATIONS, Predecessor
from ilacs.errors import ParseError

__all__ = [
    "ALIAS_NOTES",
    "FORMER_LOCAL_AUTHORITIES",
    "LOCAL_AUTHORITIES",
    "RECODED",
    "SOURCES",
    "LocalAuthority",
    "authority",
    "la_code",
]


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
    _L(code="E06000001", name="Hartlepool"),
    _L(code="E06000002", name="Middlesbrough"),
    _L(code="E06000003", name="Redcar and Cleveland"),
    _L(code="E06000004", name="Stockton-on-Tees"),
    _L(code="E06000005", name="Darlington"),
    _L(code="E06000006", name="Halton"),
    _L(code="E06000007", name="Warrington"),
    _L(code="E06000008", name="Blackburn with Darwen"),
    _L(code="E06000009", name="Blackpool"),
    _L(
        code="E06000010", name="Kingston upon Hull, City of", aliases=("Kingston upon Hull", "Hull")
    ),
    _L(code="E06000011", name="East Riding of Yorkshire"),
    _L(code="E06000012", name="North East Lincolnshire"),
    _L(code="E06000013", name="North Lincolnshire"),
    _L(code="E06000014", name="York"),
    _L(code="E06000015", name="Derby"),
    _L(code="E06000016", name="Leicester"),
    _L(code="E06000017", name="Rutland"),
    _L(code="E06000018", name="Nottingham"),
    _L(code="E06000019", name="Herefordshire, County of", aliases=("Herefordshire",)),
    _L(code="E06000020", name="Telford and Wrekin"),
    _L(code="E06000021", name="Stoke-on-Trent"),
    _L(code="E06000022", name="Bath and North East Somerset", aliases=("B&NES",)),
    _L(code="E06000023", name="Bristol, City of", aliases=("Bristol", "City of Bristol")),
    _L(code="E06000024", name="North Somerset"),
    _L(code="E06000025", name="South Gloucestershire"),
    _L(code="E06000026", name="Plymouth"),
    _L(code="E06000027", name="Torbay"),
    _L(code="E06000030", name="Swindon"),
    _L(code="E06000031", name="Peterborough"),
    _L(code="E06000032", name="Luton"),
    _L(code="E06000033", name="Southend-on-Sea", aliases=("Southend",)),
    _L(code="E06000034", name="Thurrock"),
    _L(code="E06000035", name="Medway"),
    _L(code="E06000036", name="Bracknell Forest"),
    _L(code="E06000037", name="West Berkshire"),
    _L(code="E06000038", name="Reading"),
    _L(code="E06000039", name="Slough"),
    _L(code="E06000040", name="Windsor and Maidenhead", aliases=("RBWM",)),
    _L(code="E06000041", name="Wokingham"),
    _L(code="E06000042", name="Milton Keynes"),
    _L(code="E06000043", name="Brighton and Hove"),
    _L(code="E06000044", name="Portsmouth"),
    _L(code="E06000045", name="Southampton"),
    _L(code="E06000046", name="Isle of Wight"),
    _L(code="E06000047", name="County Durham", aliases=("Durham",)),
    _L(code="E06000049", name="Cheshire East"),
    _L(code="E06000050", name="Cheshire West and Chester"),
    _L(code="E06000051", name="Shropshire"),
    _L(code="E06000052", name="Cornwall"),
    _L(code="E06000053", name="Isles of Scilly"),
    _L(code="E06000054", name="Wiltshire"),
    _L(code="E06000055", name="Bedford", aliases=("Bedford Borough",)),
    _L(code="E06000056", name="Central Bedfordshire"),
    _L(code="E06000057", name="Northumberland"),
    _L(code="E06000058", name="Bournemouth, Christchurch and Poole", aliases=("BCP",)),
    _L(code="E06000059", name="Dorset"),
    _L(code="E06000060", name="Buckinghamshire"),
    _L(code="E06000061", name="North Northamptonshire", aliases=("North Northants",)),
    _L(code="E06000062", name="West Northamptonshire", aliases=("West Northants",)),
    _L(code="E06000063", name="Cumberland"),
    _L(code="E06000064", name="Westmorland and Furness"),
    _L(code="E06000065", name="North Yorkshire"),
    _L(code="E06000066", name="Somerset"),
    # Metropolitan districts (E08)
    _L(code="E08000001", name="Bolton"),
    _L(code="E08000002", name="Bury"),
    _L(code="E08000003", name="Manchester"),
    _L(code="E08000004", name="Oldham"),
    _L(code="E08000005", name="Rochdale"),
    _L(code="E08000006", name="Salford"),
    _L(code="E08000007", name="Stockport"),
    _L(code="E08000008", name="Tameside"),
    _L(code="E08000009", name="Trafford"),
    _L(code="E08000010", name="Wigan"),
    _L(code="E08000011", name="Knowsley"),
    _L(code="E08000012", name="Liverpool"),
    _L(code="E08000013", name="St. Helens"),
    _L(code="E08000014", name="Sefton"),
    _L(code="E08000015", name="Wirral"),
    _L(code="E08000016", name="Barnsley"),
    _L(code="E08000017", name="Doncaster"),
    _L(code="E08000018", name="Rotherham"),
    _L(code="E08000019", name="Sheffield"),
    _L(code="E08000021", name="Newcastle upon Tyne"),
    _L(code="E08000022", name="North Tyneside"),
    _L(code="E08000023", name="South Tyneside"),
    _L(code="E08000024", name="Sunderland"),
    _L(code="E08000025", name="Birmingham"),
    _L(code="E08000026", name="Coventry"),
    _L(code="E08000027", name="Dudley"),
    _L(code="E08000028", name="Sandwell"),
    _L(code="E08000029", name="Solihull"),
    _L(code="E08000030", name="Walsall"),
    _L(code="E08000031", name="Wolverhampton"),
    _L(code="E08000032", name="Bradford"),
    _L(code="E08000033", name="Calderdale"),
    _L(code="E08000034", name="Kirklees"),
    _L(code="E08000035", name="Leeds"),
    _L(code="E08000036", name="Wakefield"),
    _L(code="E08000037", name="Gateshead"),
    # The City of London and the London boroughs (E09)
    _L(code="E09000001", name="City of London"),
    _L(code="E09000002", name="Barking and Dagenham"),
    _L(code="E09000003", name="Barnet"),
    _L(code="E09000004", name="Bexley"),
    _L(code="E09000005", name="Brent"),
    _L(code="E09000006", name="Bromley"),
    _L(code="E09000007", name="Camden"),
    _L(code="E09000008", name="Croydon"),
    _L(code="E09000009", name="Ealing"),
    _L(code="E09000010", name="Enfield"),
    _L(code="E09000011", name="Greenwich"),
    _L(code="E09000012", name="Hackney"),
    _L(code="E09000013", name="Hammersmith and Fulham"),
    _L(code="E09000014", name="Haringey"),
    _L(code="E09000015", name="Harrow"),
    _L(code="E09000016", name="Havering"),
    _L(code="E09000017", name="Hillingdon"),
    _L(code="E09000018", name="Hounslow"),
    _L(code="E09000019", name="Islington"),
    _L(code="E09000020", name="Kensington and Chelsea", aliases=("RBKC",)),
    _L(code="E09000021", name="Kingston upon Thames"),
    _L(code="E09000022", name="Lambeth"),
    _L(code="E09000023", name="Lewisham"),
    _L(code="E09000024", name="Merton"),
    _L(code="E09000025", name="Newham"),
    _L(code="E09000026", name="Redbridge"),
    _L(code="E09000027", name="Richmond upon Thames"),
    _L(code="E09000028", name="Southwark"),
    _L(code="E09000029", name="Sutton"),
    _L(code="E09000030", name="Tower Hamlets"),
    _L(code="E09000031", name="Waltham Forest"),
    _L(code="E09000032", name="Wandsworth"),
    _L(code="E09000033", name="Westminster"),
    # County councils (E10)
    _L(code="E10000003", name="Cambridgeshire"),
    _L(code="E10000007", name="Derbyshire"),
    _L(code="E10000008", name="Devon"),
    _L(code="E10000011", name="East Sussex"),
    _L(code="E10000012", name="Essex"),
    _L(code="E10000013", name="Gloucestershire"),
    _L(code="E10000014", name="Hampshire"),
    _L(code="E10000015", name="Hertfordshire"),
    _L(code="E10000016", name="Kent"),
    _L(code="E10000017", name="Lancashire"),
    _L(code="E10000018", name="Leicestershire"),
    _L(code="E10000019", name="Lincolnshire"),
    _L(code="E10000020", name="Norfolk"),
    _L(code="E10000024", name="Nottinghamshire"),
    _L(code="E10000025", name="Oxfordshire"),
    _L(code="E10000028", name="Staffordshire"),
    _L(code="E10000029", name="Suffolk"),
    _L(code="E10000030", name="Surrey"),
    _L(code="E10000031", name="Warwickshire"),
    _L(code="E10000032", name="West Sussex"),
    _L(code="E10000034", name="Worcestershire"),
)
"""England's 153 children's services authorities from April 2023 (source: :data:`~ilacs.catalogue.refs.ONS_CTYUA_2023`)."""

ALIAS_NOTES: Mapping[str, str] = MappingProxyType(
    {
        "Kingston upon Hull": "Ofsted's files (2023 to 2025 editions) and the project's CSV",
        "Hull": "the council's own name, Hull City Council (hull.gov.uk)",
        "Herefordshire": "Ofsted's files; the council is Herefordshire Council",
        "Bristol": "Ofsted's files; the council is Bristol City Council",
        "City of Bristol": "the ONS name with its parts in the usual order",
        "Southend": "the short name of Southend-on-Sea City Council (southend.gov.uk)",
        "Durham": "Ofsted's files; the council is Durham County Council",
        "Bedford Borough": "the council's own name, Bedford Borough Council",
        "BCP": "the council's own name, BCP Council",
        "B&NES": "Bath and North East Somerset Council's own short form (bathnes.gov.uk)",
        "RBWM": "the Royal Borough of Windsor and Maidenhead's own short form (rbwm.gov.uk)",
        "RBKC": "the Royal Borough of Kensington and Chelsea's own short form (rbkc.gov.uk)",
        "North Northants": "North Northamptonshire Council's own short form "
        "(northnorthants.gov.uk)",
        "West Northants": "West Northamptonshire Council's own short form (westnorthants.gov.uk)",
    }
)
"""Where each alias of :data:`LOCAL_AUTHORITIES` comes from: Ofsted's files, or the name the
council or the people who write about it use (the command line's ``--la`` reads them all)."""

_FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "E10000009": ("Dorset", "Dorset (county council, to March 2019)"),
    "E10000002": ("Buckinghamshire",),
    "E10000021": ("Northamptonshire",),
    "E10000006": ("Cumbria",),
    "E10000023": ("North Yorkshire",),
    "E10000027": ("Somerset",),
}
"""The ONS names of the abolished authorities, and other names Ofsted gives them, where they
differ from the names in the orders that abolished them (which are accepted too)."""


def _former(predecessor: Predecessor, abolished: dt.date) -> LocalAuthority:
    names = _FORMER_NAMES.get(predecessor.code, (predecessor.name,))
    aliases = tuple(dict.fromkeys(n for n in (*names[1:], predecessor.name) if n != names[0]))
    return _L(code=predecessor.code, name=names[0], aliases=aliases, abolished=abolished)


FORMER_LOCAL_AUTHORITIES: tuple[LocalAuthority, ...] = tuple(
    {p.code: _former(p, r.created) for r in REORGANISATIONS for p in r.predecessors}.values()
)
"""Authorities abolished by the 2019 to 2023 reorganisations: the predecessors of
:data:`~ilacs.catalogue.reorganisations.REORGANISATIONS` (codes from
:data:`~ilacs.catalogue.refs.ONS_CTYUA_2018`).

Buckinghamshire, North Yorkshire and Somerset continued as unitary councils under new codes;
:func:`la_code` gives their old codes only when asked for a former authority.
"""

SOURCES = (refs.ONS_CTYUA_2023, refs.ONS_CTYUA_2018, refs.SI_2024_1328)
"""The registers the codes and names of :data:`LOCAL_AUTHORITIES` and
:data:`FORMER_LOCAL_AUTHORITIES` come from, and the order behind :data:`RECODED`."""

RECODED: Mapping[str, str] = MappingProxyType({"E08000038": "E08000016", "E08000039": "E08000019"})
"""Codes from April 2025 of authorities that were not reorganised -> their code in the tables.

:func:`authority` accepts either code (source: :data:`~ilacs.catalogue.refs.SI_2024_1328`).
"""


def _index(authorities: tuple[LocalAuthority, ...]) -> dict[str, LocalAuthority]:
    index: dict[str, LocalAuthority] = {}
    for item in authorities:
        for name in item.names:
            key = fold(name)
            assert index.get(key, item) is item, f"{name!r} names two authorities"
            index[key] = item
    return index


@functools.cache
def _names(former: bool) -> dict[str, LocalAuthority]:
    """Folded names to authorities, the abolished ones winning a shared name when ``former``."""
    current, gone = _index(LOCAL_AUTHORITIES), _index(FORMER_LOCAL_AUTHORITIES)
    return {**current, **gone} if former else {**gone, **current}


@functools.cache
def _by_code() -> dict[str, LocalAuthority]:
    return {item.code: item for item in (*FORMER_LOCAL_AUTHORITIES, *LOCAL_AUTHORITIES)}


def authority(code: str) -> LocalAuthority:
    """The authority with ONS code ``code`` (current or former; see :data:`RECODED`).

    Raises:
        ParseError: no authority in the tables has that code.
    """
    key = code.strip().upper() if isinstance(code, str) else None
    found = _by_code().get(RECODED.get(key, key)) if key is not None else None
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
    found = lookup(
        name,
        _names(bool(former)),
        field="local authority name",
        expected="the name of an English children's services authority",
        hint=lambda text: suggestion(
            text, [n for a in (*LOCAL_AUTHORITIES, *FORMER_LOCAL_AUTHORITIES) for n in a.names]
        ),
    )
    return found.code

"""Councils created or renamed by local government reorganisation, with their legal sources.

A children's services authority created by a structural changes order has no graded inspection
of its own until Ofsted inspects it: its first inspection is a standard inspection (see the
routes in :mod:`~ilacs.catalogue.inspection_types`), counted here from its creation date. The
authorities it replaced stop on the same day, so a history that ends in one of their codes ends
there. Where a county council simply became a unitary council for the same area, the authority
carries on under a new code (:attr:`Kind.CONTINUATION`): its history is its predecessor's.

Codes are ONS codes. Dates are the day the new council took over ("vesting day").

>>> import datetime as dt
>>> dorset = reorganisation_of("E06000059")
>>> dorset.created, dorset.kind.name, [p.code for p in dorset.predecessors]
(datetime.date(2019, 4, 1), 'NEW_AUTHORITY', ['E10000009'])
>>> [r.name for r in successors_of("E10000021")]
['North Northamptonshire', 'West Northamptonshire']
>>> abolished_on("E10000006")
datetime.date(2023, 4, 1)
>>> reorganisation_of("E06000034") is None  # Thurrock: not reorganised
True

A county that continued as a unitary council under a new code was not replaced:

>>> abolished_on("E10000002"), replaced_on("E10000002"), replaced_on("E10000006")
(datetime.date(2020, 4, 1), None, datetime.date(2023, 4, 1))
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ilacs.sources import Evidence, Source

__all__ = [
    "REORGANISATIONS",
    "Kind",
    "Predecessor",
    "Reorganisation",
    "abolished_on",
    "new_authority",
    "reorganisation_of",
    "replaced_by",
    "replaced_on",
    "successors_of",
]

# --- the statutory instruments (A) -----------------------------------------------------------
SI_2018_648 = Source(
    "The Bournemouth, Dorset and Poole (Structural Changes) Order 2018, SI 2018/648",
    "https://www.legislation.gov.uk/uksi/2018/648/contents/made",
    Evidence.A,
    dt.date(2018, 5, 25),
    note="Art. 3-6: Bournemouth, Christchurch and Poole Council, Bournemouth and Poole wound "
    "up on 1 April 2019; art. 7-9: Dorset Council, Dorset County Council wound up.",
)
SI_2019_957 = Source(
    "The Buckinghamshire (Structural Changes) Order 2019, SI 2019/957",
    "https://www.legislation.gov.uk/uksi/2019/957/contents/made",
    Evidence.A,
    dt.date(2019, 5, 22),
    note="Art. 3-4: Buckinghamshire Council for the same area as the county from 1 April 2020.",
)
SI_2020_156 = Source(
    "The Northamptonshire (Structural Changes) Order 2020, SI 2020/156",
    "https://www.legislation.gov.uk/uksi/2020/156/contents/made",
    Evidence.A,
    dt.date(2020, 2, 13),
    note="North Northamptonshire and West Northamptonshire Councils from 1 April 2021; "
    "Northamptonshire County Council wound up.",
)
SI_2022_328 = Source(
    "The North Yorkshire (Structural Changes) Order 2022, SI 2022/328",
    "https://www.legislation.gov.uk/uksi/2022/328/contents/made",
    Evidence.A,
    dt.date(2022, 3, 17),
    note="North Yorkshire Council, the county council continuing as a unitary council, from "
    "1 April 2023.",
)
SI_2022_329 = Source(
    "The Somerset (Structural Changes) Order 2022, SI 2022/329",
    "https://www.legislation.gov.uk/uksi/2022/329/contents/made",
    Evidence.A,
    dt.date(2022, 3, 17),
    note="Somerset Council, the county council continuing as a unitary council, from 1 April 2023.",
)
SI_2022_331 = Source(
    "The Cumbria (Structural Changes) Order 2022, SI 2022/331",
    "https://www.legislation.gov.uk/uksi/2022/331/contents/made",
    Evidence.A,
    dt.date(2022, 3, 17),
    note="Cumberland Council and Westmorland and Furness Council from 1 April 2023; Cumbria "
    "County Council wound up (explanatory note).",
)


class Kind(enum.Enum):
    """What a reorganisation did to the children's services authority."""

    NEW_AUTHORITY = "a new authority, with no graded inspection of its own"
    CONTINUATION = "the same authority for the same area, under a new code"


@attrs.frozen
class Predecessor:
    """An authority whose children's services passed (in whole or in part) to a new one.

    Args:
        code: its ONS code.
        name: its name.
        whole: True when all of its area passed to this successor.
    """

    code: str
    name: str
    whole: bool = True


@attrs.frozen
class Reorganisation:
    """A children's services authority created by a structural changes order.

    Args:
        code: the new authority's ONS code.
        name: its name.
        created: the day it took over (its predecessors stopped the day before).
        kind: a new authority, or a continuation under a new code.
        predecessors: the authorities it replaced.
        sources: the order that created it.
        note: what else a reader should know.
    """

    code: str
    name: str
    created: dt.date
    kind: Kind
    predecessors: tuple[Predecessor, ...]
    sources: tuple[Source, ...]
    note: str = ""

    @property
    def summary(self) -> str:
        """One line for a listing."""
        before = ", ".join(f"{p.name} ({p.code})" for p in self.predecessors)
        return f"{self.name} ({self.code}) from {self.created.isoformat()}, replacing {before}"


_APRIL_2019 = dt.date(2019, 4, 1)
_APRIL_2020 = dt.date(2020, 4, 1)
_APRIL_2021 = dt.date(2021, 4, 1)
_APRIL_2023 = dt.date(2023, 4, 1)
_NEW, _SAME = Kind.NEW_AUTHORITY, Kind.CONTINUATION

REORGANISATIONS: tuple[Reorganisation, ...] = (
    Reorganisation(
        "E06000058",
        "Bournemouth, Christchurch and Poole",
        _APRIL_2019,
        _NEW,
        (
            Predecessor("E06000028", "Bournemouth"),
            Predecessor("E06000029", "Poole"),
            Predecessor("E10000009", "Dorset County Council (the Christchurch area)", False),
        ),
        (SI_2018_648,),
        note="Christchurch was a district of Dorset, whose county council ran its children's "
        "services until 1 April 2019.",
    ),
    Reorganisation(
        "E06000059",
        "Dorset",
        _APRIL_2019,
        _NEW,
        (Predecessor("E10000009", "Dorset County Council", False),),
        (SI_2018_648,),
        note="Dorset Council covers the county less Christchurch (which joined BCP).",
    ),
    Reorganisation(
        "E06000060",
        "Buckinghamshire",
        _APRIL_2020,
        _SAME,
        (Predecessor("E10000002", "Buckinghamshire County Council"),),
        (SI_2019_957,),
    ),
    Reorganisation(
        "E06000061",
        "North Northamptonshire",
        _APRIL_2021,
        _NEW,
        (Predecessor("E10000021", "Northamptonshire County Council", False),),
        (SI_2020_156,),
        note="Children's services of both Northamptonshire councils were delivered by the "
        "Northamptonshire Children's Trust; monitoring of the county's inadequate services "
        "continued after the split.",
    ),
    Reorganisation(
        "E06000062",
        "West Northamptonshire",
        _APRIL_2021,
        _NEW,
        (Predecessor("E10000021", "Northamptonshire County Council", False),),
        (SI_2020_156,),
        note="See North Northamptonshire.",
    ),
    Reorganisation(
        "E06000063",
        "Cumberland",
        _APRIL_2023,
        _NEW,
        (Predecessor("E10000006", "Cumbria County Council", False),),
        (SI_2022_331,),
    ),
    Reorganisation(
        "E06000064",
        "Westmorland and Furness",
        _APRIL_2023,
        _NEW,
        (Predecessor("E10000006", "Cumbria County Council", False),),
        (SI_2022_331,),
    ),
    Reorganisation(
        "E06000065",
        "North Yorkshire",
        _APRIL_2023,
        _SAME,
        (Predecessor("E10000023", "North Yorkshire County Council"),),
        (SI_2022_328,),
    ),
    Reorganisation(
        "E06000066",
        "Somerset",
        _APRIL_2023,
        _SAME,
        (Predecessor("E10000027", "Somerset County Council"),),
        (SI_2022_329,),
    ),
)
"""Children's services authorities created since 2019, oldest first."""

_BY_CODE: dict[str, Reorganisation] = {r.code: r for r in REORGANISATIONS}


def reorganisation_of(
    code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS
) -> Reorganisation | None:
    """The reorganisation that created the authority ``code``, or None if none did."""
    if table is REORGANISATIONS:
        return _BY_CODE.get(code)
    return next((r for r in table if r.code == code), None)


def successors_of(
    code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS
) -> tuple[Reorganisation, ...]:
    """The authorities that replaced ``code`` (empty when it was not replaced)."""
    return tuple(r for r in table if any(p.code == code for p in r.predecessors))


def abolished_on(code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS) -> dt.date | None:
    """The day ``code`` stopped being an authority (its successors' creation), or None."""
    found = successors_of(code, table)
    return min(r.created for r in found) if found else None


def replaced_by(
    code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS
) -> tuple[Reorganisation, ...]:
    """The new authorities that replaced ``code``.

    Empty when ``code`` was not reorganised, or only continued under a new code
    (:attr:`Kind.CONTINUATION`): its history then carries on.
    """
    return tuple(r for r in successors_of(code, table) if r.kind is Kind.NEW_AUTHORITY)


def replaced_on(code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS) -> dt.date | None:
    """The day ``code`` stopped being an authority because new ones replaced it, or None."""
    found = replaced_by(code, table)
    return min(r.created for r in found) if found else None


def new_authority(
    code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS
) -> Reorganisation | None:
    """The reorganisation that created ``code`` as a new authority, or None.

    None also for a continuation under a new code, whose history is its predecessor's.
    """
    found = reorganisation_of(code, table)
    return found if found is not None and found.kind is Kind.NEW_AUTHORITY else None

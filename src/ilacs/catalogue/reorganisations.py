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
import functools
from collections.abc import Iterable
from typing import ClassVar

import attrs

import ilacs._checks as _checks
from ilacs.catalogue import refs
from ilacs.catalogue.rule import Rule, derived_code

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
    "with_successors",
]


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


@attrs.frozen(kw_only=True, cache_hash=True)
class Reorganisation(Rule):
    """A children's services authority created by a structural changes order.

    Args:
        la_code: the new authority's ONS code.
        name: its name.
        created: the day it took over (its predecessors stopped the day before).
        kind: a new authority, or a continuation under a new code.
        predecessors: the authorities it replaced.
        sources, note: as for every :class:`~ilacs.catalogue.rule.Rule` (the sources are the
            order that created it; the code, ``"reorganisation.e06000058"``, follows from the
            LA's).
    """

    family: ClassVar[str] = "reorganisation"

    la_code: str = attrs.field(validator=_checks.text())
    name: str = attrs.field(validator=_checks.text())
    created: dt.date = attrs.field(validator=_checks.day())
    kind: Kind
    predecessors: tuple[Predecessor, ...]
    code: str = derived_code(lambda r: f"reorganisation.{r.la_code.lower()}")

    @property
    def summary(self) -> str:
        """One line for a listing."""
        before = ", ".join(f"{p.name} ({p.code})" for p in self.predecessors)
        return f"{self.name} ({self.la_code}) from {self.created.isoformat()}, replacing {before}"


_APRIL_2019 = dt.date(2019, 4, 1)
_APRIL_2020 = dt.date(2020, 4, 1)
_APRIL_2021 = dt.date(2021, 4, 1)
_APRIL_2023 = dt.date(2023, 4, 1)
_NEW, _SAME = Kind.NEW_AUTHORITY, Kind.CONTINUATION

REORGANISATIONS: tuple[Reorganisation, ...] = (
    Reorganisation(
        la_code="E06000058",
        name="Bournemouth, Christchurch and Poole",
        created=_APRIL_2019,
        kind=_NEW,
        predecessors=(
            Predecessor(code="E06000028", name="Bournemouth"),
            Predecessor(code="E06000029", name="Poole"),
            Predecessor(
                code="E10000009", name="Dorset County Council (the Christchurch area)", whole=False
            ),
        ),
        sources=(refs.SI_2018_648,),
        note="Christchurch was a district of Dorset, whose county council ran its children's "
        "services until 1 April 2019.",
    ),
    Reorganisation(
        la_code="E06000059",
        name="Dorset",
        created=_APRIL_2019,
        kind=_NEW,
        predecessors=(Predecessor(code="E10000009", name="Dorset County Council", whole=False),),
        sources=(refs.SI_2018_648,),
        note="Dorset Council covers the county less Christchurch (which joined BCP).",
    ),
    Reorganisation(
        la_code="E06000060",
        name="Buckinghamshire",
        created=_APRIL_2020,
        kind=_SAME,
        predecessors=(Predecessor(code="E10000002", name="Buckinghamshire County Council"),),
        sources=(refs.SI_2019_957,),
    ),
    Reorganisation(
        la_code="E06000061",
        name="North Northamptonshire",
        created=_APRIL_2021,
        kind=_NEW,
        predecessors=(
            Predecessor(code="E10000021", name="Northamptonshire County Council", whole=False),
        ),
        sources=(refs.SI_2020_156,),
        note="Children's services of both Northamptonshire councils were delivered by the "
        "Northamptonshire Children's Trust; monitoring of the county's inadequate services "
        "continued after the split.",
    ),
    Reorganisation(
        la_code="E06000062",
        name="West Northamptonshire",
        created=_APRIL_2021,
        kind=_NEW,
        predecessors=(
            Predecessor(code="E10000021", name="Northamptonshire County Council", whole=False),
        ),
        sources=(refs.SI_2020_156,),
        note="See North Northamptonshire.",
    ),
    Reorganisation(
        la_code="E06000063",
        name="Cumberland",
        created=_APRIL_2023,
        kind=_NEW,
        predecessors=(Predecessor(code="E10000006", name="Cumbria County Council", whole=False),),
        sources=(refs.SI_2022_331,),
    ),
    Reorganisation(
        la_code="E06000064",
        name="Westmorland and Furness",
        created=_APRIL_2023,
        kind=_NEW,
        predecessors=(Predecessor(code="E10000006", name="Cumbria County Council", whole=False),),
        sources=(refs.SI_2022_331,),
    ),
    Reorganisation(
        la_code="E06000065",
        name="North Yorkshire",
        created=_APRIL_2023,
        kind=_SAME,
        predecessors=(Predecessor(code="E10000023", name="North Yorkshire County Council"),),
        sources=(refs.SI_2022_328,),
    ),
    Reorganisation(
        la_code="E06000066",
        name="Somerset",
        created=_APRIL_2023,
        kind=_SAME,
        predecessors=(Predecessor(code="E10000027", name="Somerset County Council"),),
        sources=(refs.SI_2022_329,),
    ),
)
"""Children's services authorities created since 2019, oldest first."""


@functools.lru_cache(maxsize=16)
def _index(
    table: tuple[Reorganisation, ...],
) -> tuple[dict[str, Reorganisation], dict[str, tuple[Reorganisation, ...]]]:
    """``table`` by the new authority's code, and by each predecessor's code."""
    successors: dict[str, list[Reorganisation]] = {}
    for r in table:
        for p in r.predecessors:
            successors.setdefault(p.code, []).append(r)
    return {r.la_code: r for r in table}, {k: tuple(v) for k, v in successors.items()}


def reorganisation_of(
    code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS
) -> Reorganisation | None:
    """The reorganisation that created the authority ``code``, or None if none did."""
    return _index(table)[0].get(code)


def successors_of(
    code: str, table: tuple[Reorganisation, ...] = REORGANISATIONS
) -> tuple[Reorganisation, ...]:
    """The authorities that replaced ``code`` (empty when it was not replaced)."""
    return _index(table)[1].get(code, ())


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


def with_successors(
    codes: Iterable[str], table: tuple[Reorganisation, ...] = REORGANISATIONS
) -> list[str]:
    """``codes`` and the new authorities that replaced any of them, sorted.

    A new authority has no history of its own until Ofsted inspects it: the LAs of a national
    table include it when they include a predecessor.
    """
    found = set(codes)
    for r in table:
        if r.kind is Kind.NEW_AUTHORITY and any(p.code in found for p in r.predecessors):
            found.add(r.la_code)
    return sorted(found)

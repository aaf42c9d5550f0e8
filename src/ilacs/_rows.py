"""What the readers share: rows that know where they are, cells, checked records.

:mod:`ilacs.tabular` (CSV) and :mod:`ilacs.ofsted` (Ofsted's editions) read through this layer:
a :class:`Row` holds a row's cells by record field and places each error at its file, sheet,
row and column; :func:`parse_date`, :func:`parse_flag` and :func:`parse_framework` read cells
(grades are each reader's, which knows its scale); a :class:`Collector` keeps each record whose
LA code means an LA on its date (:func:`register_error`) and that is the only one of its LA and
day, and holds the errors the strict readers raise (:func:`raise_first`) and
:func:`ilacs.reading.read_lenient` reports.

>>> row = Row("f.csv", None, 4, {"start": "2019-02-30"}, {"start": ("E", "start_date")})
>>> row.read("start", parse_date) is None, str(row.errors[0])
(True, "f.csv, row 4, column E: start_date: got '2019-02-30'; expected a date that
exists, as YYYY-MM-DD (day is out of range for month)")
>>> print(register_error("E06000058", dt.date(2018, 6, 1)))
la_code: got 'E06000058'; expected the code of an authority that existed on
2018-06-01 (Bournemouth, Christchurch and Poole was created on 2019-04-01)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import Final, Protocol, TypeVar

import attrs

from ilacs.catalogue.frameworks import EARLIEST_SUPPORTED, Framework, JudgementArea
from ilacs.catalogue.la_codes import authority
from ilacs.catalogue.reorganisations import abolished_on, new_authority
from ilacs.errors import FileFormatError, IlacsError, OutOfRangeError, ParseError, ValidationError
from ilacs.records import Inspection
from ilacs.records import parse_framework as _framework
from ilacs.scheduling.rules import LATEST_AS_OF

__all__ = [
    "Collector",
    "Row",
    "code_error",
    "field_of",
    "parse_date",
    "parse_flag",
    "parse_framework",
    "raise_first",
    "register_error",
]

T = TypeVar("T")

# --- Rows -------------------------------------------------------------------------------------


@attrs.define
class Row:
    """One row of a file: its cells' text by record field, where each is, and its errors.

    Args:
        file: the file's path (``"<stream>"`` for a stream without a name).
        sheet: the sheet's name, or None (CSV).
        number: the 1-based row number, as a spreadsheet program shows it.
        texts: each field's cell text, as written.
        places: each field's column letter and heading, for the fields the file has.
        values: the typed value of a field's cell, where the file types it (an ODS date).
    """

    file: str
    sheet: str | None
    number: int
    texts: Mapping[str, str]
    places: Mapping[str, tuple[str, str]]
    values: Mapping[str, str] = attrs.field(factory=dict)
    errors: list[FileFormatError] = attrs.field(factory=list)

    def __str__(self) -> str:
        """The row in a message: ``row 4``, or ``sheet 'S' row 4``."""
        return (
            f"row {self.number}"
            if self.sheet is None
            else f"sheet {self.sheet!r} row {self.number}"
        )

    def text(self, field: str) -> str:
        """The text of ``field``'s cell ("" when the row or the file has none)."""
        return self.texts.get(field, "")

    def error(self, field: str | None, error: IlacsError) -> FileFormatError:
        """``error`` placed at ``field``'s cell, or at the row when the file has no such cell."""
        place = self.places.get(field or "")
        heading, value, column = (error.field, error.value, None)
        if place is not None:
            heading, value, column = place[1], self.text(field or ""), place[0]
        return FileFormatError(
            self.file,
            heading,
            value,
            error.expected,
            error.detail,
            sheet=self.sheet,
            row=self.number,
            column=column,
        )

    def fail(self, field: str | None, error: IlacsError) -> None:
        """Record ``error`` at ``field``'s cell (:meth:`error`)."""
        self.errors.append(self.error(field, error))

    def read(self, field: str, parse: Callable[[str], T]) -> T | None:
        """``parse`` of the cell's text; None, with the error recorded, when it fails."""
        try:
            return parse(self.texts.get(field, ""))
        except IlacsError as error:
            self.fail(field, error)
            return None


def field_of(error: IlacsError, judgements: Mapping[JudgementArea, object]) -> str:
    """Where to place a refused record's ``error``: the field it names; the judgements as a
    whole are placed at the first grade's cell (a field a file has a column for)."""
    if error.field == "judgements" and judgements:
        return f"judgements.{next(iter(judgements)).name}"
    return error.field


class Place(Protocol):
    """Where a record was read: a :class:`Row`, or the rows a merged record came from."""

    def error(self, field: str | None, error: IlacsError) -> FileFormatError: ...

    def __str__(self) -> str: ...


# --- Cells ------------------------------------------------------------------------------------

_ISO: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_TIME: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*)?")
_DAY_FIRST: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, typed: str | None = None, day_first: bool = False) -> dt.date | None:
    """A date cell: ISO text, or ``typed`` (an ODS ``office:date-value``) when given, or with
    ``day_first`` also text as Ofsted's sheets show it (``11/11/2019``); None when blank.

    Raises:
        ParseError: not a date in that form, or no such day.
        OutOfRangeError: outside the library's dates, ``EARLIEST_SUPPORTED`` (2009-01-01) to
            ``LATEST_AS_OF`` (2090-12-31).
    """
    shown = text
    if typed:
        found = _ISO_TIME.fullmatch(typed.strip())
        if found is None:
            raise ParseError("date", typed, "an office:date-value such as 2019-11-11")
        year, month, day = found.groups()
        shown = text or typed
    else:
        text = text.strip()
        if not text:
            return None
        iso = (_ISO_TIME if day_first else _ISO).fullmatch(text)
        other = _DAY_FIRST.fullmatch(text) if day_first else None
        if iso is not None:
            year, month, day = iso.groups()
        elif other is not None:
            day, month, year = other.groups()
        else:
            wanted = "a date such as 11/11/2019 (day/month/year)" if day_first else None
            raise ParseError("date", text, wanted or "an ISO date YYYY-MM-DD, or blank")
    try:
        found_day = dt.date(int(year), int(month), int(day))
    except ValueError as error:
        form = "" if day_first else ", as YYYY-MM-DD"
        raise ParseError("date", shown, "a date that exists" + form, str(error)) from None
    if not EARLIEST_SUPPORTED <= found_day <= LATEST_AS_OF:
        raise OutOfRangeError(
            "date",
            shown,
            f"a date on or after {EARLIEST_SUPPORTED.isoformat()} and on or before "
            f"{LATEST_AS_OF.isoformat()} (the dates the library covers)",
            bound=EARLIEST_SUPPORTED if found_day < EARLIEST_SUPPORTED else LATEST_AS_OF,
        )
    return found_day


_TRUE: Final = frozenset({"true", "yes", "y", "1"})
_FALSE: Final = frozenset({"false", "no", "n", "0", ""})


def parse_flag(text: str) -> bool:
    """A yes/no cell: true, yes, y, 1 or false, no, n, 0, blank (any case)."""
    key = text.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ParseError("flag", text, "true or false (or yes/no, 1/0, blank for false)")


@functools.lru_cache(maxsize=64)
def parse_framework(text: str) -> Framework | None:
    """A framework cell: a framework's name (any case), or None when blank."""
    if not text.strip():
        return None
    try:
        return _framework(text)
    except ParseError as error:
        raise ParseError(error.field, text, error.expected + ", or blank") from None


# --- LA codes -----------------------------------------------------------------------------------

_CODE: Final = re.compile(r"E(?:0[689]|10)\d{6}")


@functools.lru_cache(maxsize=512)
def _span(code: str) -> tuple[str, dt.date | None, dt.date | None] | IlacsError:
    """The authority's name, creation (new authorities only) and abolition, or why none."""
    if not _CODE.fullmatch(code):
        return ParseError(
            "la_code",
            code,
            "an English children's services authority's ONS code in capitals: E06, E08, E09 "
            "or E10 and six digits, such as E06000034",
        )
    try:
        found = authority(code)
    except ParseError:
        return ParseError(
            "la_code",
            code,
            "the code of a children's services authority in the catalogue's register "
            "(ilacs.catalogue.la_codes)",
        )
    created = new_authority(code)
    return found.name, created.created if created else None, abolished_on(found.code)


def code_error(code: str) -> IlacsError | None:
    """Why ``code`` is not the code of a children's services authority, or None (any date)."""
    span = _span(code)
    return span if isinstance(span, IlacsError) else None


def register_error(code: str, day: dt.date) -> IlacsError | None:
    """Why ``code`` does not mean a children's services authority on ``day``, or None.

    A code must have the form of an English children's services authority's (E06, E08, E09,
    E10: unitary authorities, which include the Isles of Scilly, metropolitan districts, the
    City of London and the London boroughs, county councils), in capitals, and be in the
    catalogue's register (:mod:`ilacs.catalogue.la_codes`, with its
    :data:`~ilacs.catalogue.la_codes.RECODED` codes) on ``day``: an abolished authority's code
    after its abolition, or a new authority's before its creation
    (:mod:`ilacs.catalogue.reorganisations`), is refused. An authority that continued under a
    new code carries it for its whole history, as the catalogue says.
    """
    span = _span(code)
    if isinstance(span, IlacsError):
        return span
    name, created, abolished = span
    if created is not None and day < created:
        why = f"{name} was created on {created.isoformat()}"
    elif abolished is not None and day >= abolished:
        why = f"{name} was abolished on {abolished.isoformat()}"
    else:
        return None
    expected = f"the code of an authority that existed on {day.isoformat()}"
    return ValidationError("la_code", code, expected, why)


# --- Records ------------------------------------------------------------------------------------


class Collector:
    """The records a reader builds, each checked as it is added, and every error found."""

    def __init__(self) -> None:
        self.records: list[Inspection] = []
        self.errors: list[FileFormatError] = []
        self._seen: dict[tuple[str, str, dt.date], tuple[Inspection, Place]] = {}
        self._twins: dict[tuple[str, str, dt.date], IlacsError] = {}

    def add(self, record: Inspection, place: Place) -> None:
        """Keep ``record`` read at ``place``, unless its LA code or its day is taken.

        A record whose LA code does not mean an LA on its date (:func:`register_error`) is an
        error at the code's cell. A second record of one LA dated the same day (by start,
        else end, else publication) is an error naming the first's row: an exact duplicate,
        or another account of that day.
        """
        problem = register_error(record.la_code, record.date)
        if problem is not None:
            self.errors.append(place.error("la_code", problem))
            return
        anchor = record.date_field
        key = (record.la_code, anchor, record.date)
        first = self._seen.get(key)
        if first is None:
            self._seen[key] = (record, place)
            self.records.append(record)
            return
        if first[0] == record:  # the same error for every copy: a file may hold thousands
            twin = self._twins.get(key) or ParseError(
                "inspection", str(record), f"each inspection once ({first[1]} is the same)"
            )
            self._twins[key] = twin
            self.errors.append(place.error(None, twin))
            return
        error = ParseError(
            anchor,
            record.date.isoformat(),
            f"one inspection or visit of {record.la_code} on that day",
            f"{first[1]} gives another: {first[0]}",
        )
        self.errors.append(place.error(anchor, error))


def raise_first(records: list[Inspection], errors: list[FileFormatError]) -> list[Inspection]:
    """What a strict reader returns: the records, or the first error raised."""
    if errors:
        raise errors[0]
    return records

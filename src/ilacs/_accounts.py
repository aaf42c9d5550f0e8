"""Reading the rows of Ofsted's sheets into accounts of inspections, before the sheets are merged.

Each data row of a one-row-per-event sheet gives one :class:`Event` (one sheet's account of an
inspection or visit); each row of a wide history sheet gives one for each inspection its
columns hold (:data:`ilacs.ofsted.WIDE_SLOTS`). A row that cannot be read gives none, and an
error for each bad cell (see :class:`ilacs._rows.Row`). The accounts are then merged by
:mod:`ilacs._merge`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

import attrs

from ilacs import _ods
from ilacs._rows import Row, code_error, parse_date
from ilacs.catalogue.frameworks import Framework, JudgementArea
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.la_codes import la_code
from ilacs.errors import FileFormatError, IlacsError, ParseError
from ilacs.ofsted import (
    _LONG_AREAS,
    _LONG_REQUIRED,
    _WIDE_SPELLINGS,
    HEADINGS,
    MAX_DATA_ROWS,
    NOT_INSPECTED,
    NOT_JUDGED,
    PRE_2013_RELABEL,
    WIDE_SLOTS,
    WideSlot,
)
from ilacs.records import AnyGrade

__all__ = ["Event", "Reader", "join_same_row"]


@attrs.define
class Event:
    """One sheet's account of one inspection or visit, before the sheets are merged.

    ``fields`` maps each record field the account gives (``"start"``,
    ``"judgements.OVERALL"``) to the row's field that holds it, so that an error about the
    record names the cell.
    """

    row: Row
    fields: dict[str, str]
    la_code: str
    la_name: str
    type: InspectionType | None
    framework: Framework | None
    start: dt.date | None
    published: dt.date | None
    judgements: dict[JudgementArea, AnyGrade]
    theme: str = ""

    @property
    def graded(self) -> bool:
        """True unless the type is known to end in a letter (a latest-judgements row is graded)."""
        return self.type is None or self.type.graded

    @property
    def kind(self) -> InspectionType | None:
        """The type for grouping: None for every graded type, the type itself for visits."""
        return None if self.graded else self.type

    def error(self, field: str | None, error: IlacsError) -> FileFormatError:
        """``error`` placed at the cell that holds ``field`` (at the row when none does)."""
        return self.row.error(self.fields.get(field) if field is not None else None, error)

    def __str__(self) -> str:
        return str(self.row)


def join_same_row(events: list[Event]) -> list[Event]:
    """Join a row's inspections of one type published the same day that grade other areas.

    Ofsted's 2023 file gives SLAC re-inspections of safeguarding and of looked after children
    in separate columns; both published on one day (Cornwall, 25 February 2011) are one
    re-inspection that graded both.
    """
    joined: list[Event] = []
    for event in events:
        home = next(
            (
                e
                for e in joined
                if e.type is event.type
                and e.published == event.published
                and not set(e.judgements) & set(event.judgements)
            ),
            None,
        )
        if home is None:
            joined.append(event)
        else:
            home.judgements.update(event.judgements)
            home.fields = {**event.fields, **home.fields}
    return joined


# --- Reading cells -----------------------------------------------------------------------------


def _is_blank(text: str) -> bool:
    key = text.strip().casefold()
    return not key or key in NOT_JUDGED or key in NOT_INSPECTED


_RELABELLED: Final = Grade.parse(PRE_2013_RELABEL.wording)
_LEGACY_EXPECTED: Final = "a grade wording: " + ", ".join(
    f"{g.label} (or {PRE_2013_RELABEL.wording!r}, Ofsted's later wording for it)"
    if g is PRE_2013_RELABEL.grade
    else g.label
    for g in reversed(LegacyGrade)
)
"""What a pre-2013 column accepts, best first; the relabelled wording beside its grade."""


@functools.lru_cache(maxsize=256)
def _grade(text: str, legacy: bool) -> AnyGrade | None:
    """A judgement cell: None when blank or not judged; pre-2013 columns on the old scale.

    Columns of the SIF and ILACS hold the four-point scale only: "Adequate" or "Satisfactory"
    there is refused (with a pointer to the pre-2013 scale), not read as a legacy grade.
    """
    if _is_blank(text):
        return None
    if not legacy:
        return Grade.parse(text)
    try:
        return LegacyGrade.parse(text)
    except ParseError:
        pass
    try:
        grade = Grade.parse(text)
    except ParseError:
        raise ParseError("grade", text, _LEGACY_EXPECTED) from None
    if grade is _RELABELLED:
        return PRE_2013_RELABEL.grade
    return LegacyGrade[grade.name]


@functools.lru_cache(maxsize=64)
def _type(text: str) -> InspectionType | None:
    return InspectionType.parse(text) if text.strip() else None


def _date(row: Row, field: str) -> dt.date | None:
    """A date cell (typed, or text as 11/11/2019 or 2019-11-11); None when blank."""
    typed = row.values.get(field)
    text = row.text(field)
    if not typed and text.strip().casefold() in NOT_INSPECTED:
        return None
    return row.read(field, lambda t: parse_date(t, typed, True))


def _judgements(
    row: Row, fields: Mapping[JudgementArea, str], legacy: bool
) -> dict[JudgementArea, AnyGrade]:
    found: dict[JudgementArea, AnyGrade] = {}
    for area, field in fields.items():
        grade = row.read(field, functools.partial(_grade, legacy=legacy))
        if grade is not None:
            found[area] = grade
    return found


def _has_content(row: Row, field: str) -> bool:
    return field in row.values or not _is_blank(row.text(field))


def _la(row: Row, former: bool) -> tuple[str, str] | None:
    """The row's LA code and name: from a code column if any, else from the name."""
    code = row.text("la_code").strip()
    if not code:
        return row.read("la_name", lambda name: (la_code(name, former=former), name.strip()))
    problem = code_error(code)
    if problem is not None:
        row.fail("la_code", problem)
        return None
    return code, row.text("la_name").strip() or code


# --- Reading sheets into accounts of inspections -----------------------------------------------

_LA_FIELDS: Final = frozenset({"la_name", "la_code"})
_AREA_NAMES: Final = frozenset(area.name for area in _LONG_AREAS)


class Reader:
    """Reads the sheets of one file into accounts of inspections (:class:`ilacs._merge.Event`)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[FileFormatError] = []
        self.count = 0  # data rows read so far, against MAX_DATA_ROWS

    def rows(self, sheet: _ods.Sheet, header: _ods.HeaderMap) -> Iterator[Row]:
        """The table's data rows; refuses the file past :data:`MAX_DATA_ROWS`."""
        places = {
            field: (header.letter(field), header.titles[column])
            for field, column in header.columns.items()
        }
        for number, cells in _ods.iter_rows(sheet, header):
            self.count += 1
            if self.count > MAX_DATA_ROWS:
                raise FileFormatError(
                    self.file,
                    "rows",
                    f"more than {MAX_DATA_ROWS:,} data rows",
                    f"at most {MAX_DATA_ROWS:,} data rows in the sheets read",
                    "the Ofsted reader's limit MAX_DATA_ROWS",
                    sheet=sheet.name,
                    row=number,
                )
            texts = {field: cell.text for field, cell in cells.items()}
            typed = {f: c.value for f, c in cells.items() if c.value_type == "date" and c.value}
            yield Row(self.file, sheet.name, number, texts, places, typed)

    def long(self, role: str, sheet: _ods.Sheet) -> list[Event]:
        """The accounts of a one-row-per-event sheet."""
        required = {field: HEADINGS[field] for field in _LONG_REQUIRED[role]}
        optional = {f: s for f, s in HEADINGS.items() if f not in required}
        header = _ods.find_header(sheet, required, optional)
        fields = {("judgements." if f in _AREA_NAMES else "") + f: f for f in header.columns}
        fields.setdefault("la_code", "la_name")
        areas = {area: area.name for area in _LONG_AREAS if area.name in header}
        events: list[Event] = []
        for row in self.rows(sheet, header):
            event = self.long_event(row, fields, areas)
            self.errors += row.errors
            if event is not None:
                events.append(event)
        return events

    def long_event(
        self, row: Row, fields: dict[str, str], areas: Mapping[JudgementArea, str]
    ) -> Event | None:
        if not any(_has_content(row, f) for f in row.texts if f not in _LA_FIELDS):
            return None  # an LA listed without an inspection ("Not yet inspected")
        found = _la(row, former=False)
        dates = _date(row, "start"), _date(row, "published")
        kind = row.read("type", _type)
        judgements = _judgements(row, areas, legacy=False)
        if row.errors or found is None:
            return None
        if dates == (None, None):
            field = "start" if "start" in row.texts else "published"
            row.fail(field, ParseError("date", "", "a date for a row with a type or judgements"))
            return None
        only_ilacs = kind is not None and kind.rule.frameworks == (Framework.ILACS,)
        framework = Framework.ILACS if only_ilacs else None
        theme = row.text("theme").strip()
        return Event(row, fields, *found, kind, framework, *dates, judgements, theme)

    def wide(self, sheet: _ods.Sheet) -> list[Event]:
        """Every inspection of every table of a wide sheet (the second: LAs no longer existing)."""
        events: list[Event] = []
        start, former = 0, False
        while start < len(sheet.rows):
            header = _ods.find_header(
                sheet, {"la_name": _WIDE_SPELLINGS["la_name"]}, _WIDE_SPELLINGS, start=start
            )
            slots = [(slot, _slot_fields(slot, header)) for slot in self.slots_of(sheet, header)]
            for row in self.rows(sheet, header):
                events += join_same_row(self.wide_events(row, slots, former))
                self.errors += row.errors
            if header.end >= len(sheet.rows):
                break
            start, former = header.end, True
        return events

    def slots_of(self, sheet: _ods.Sheet, header: _ods.HeaderMap) -> list[WideSlot]:
        """The inspections the table's headings describe; refuses a slot missing a column."""
        found = [slot for slot in WIDE_SLOTS if f"{slot.key}.published" in header]
        headings = [h for h in header.headings if h]
        if not found:
            raise FileFormatError(
                self.file,
                "headings",
                "no inspection's publication date",
                "columns such as 'First ILACS publication date' or 'First SIF publication date'",
                f"the row's headings are {headings}",
                sheet=sheet.name,
                row=header.row_number,
            )
        for slot in found:
            needed = {f"{slot.key}.{a.name}": s for a, s, required in slot.areas if required}
            if slot.type_heading:
                needed[f"{slot.key}.type"] = slot.type_heading
            missing = {field: list(s) for field, s in needed.items() if field not in header}
            if missing:
                raise FileFormatError(
                    self.file,
                    "headings",
                    missing,
                    f"every column of the {slot.key.replace('_', ' ')} inspection",
                    f"the row's headings are {headings}",
                    sheet=sheet.name,
                    row=header.row_number,
                )
        return found

    def wide_events(
        self, row: Row, slots: Sequence[tuple[WideSlot, dict[str, str]]], former: bool
    ) -> list[Event]:
        events: list[Event] = []
        found: tuple[str, str] | None = None
        for slot, fields in slots:
            if not any(_has_content(row, f) for f in fields.values() if f != "la_name"):
                continue
            if found is None:
                found = _la(row, former)
                if found is None:
                    return []
            before = len(row.errors)
            published = _date(row, fields["published"])
            if published is None and len(row.errors) == before:
                expected = "the publication date of the inspection it grades"
                row.fail(fields["published"], ParseError("date", "", expected))
            kind = row.read(fields["type"], _type) if slot.type_heading else slot.type
            if kind is None and slot.type_heading and len(row.errors) == before:
                error = ParseError("type", "", "the inspection's type")
                row.fail(fields["type"], error)
            areas = {a: fields.get(f"judgements.{a.name}", "") for a, _, _ in slot.areas}
            judgements = _judgements(row, {a: f for a, f in areas.items() if f}, slot.legacy)
            if len(row.errors) == before:
                events.append(
                    Event(
                        row, dict(fields), *found, kind, slot.framework, None, published, judgements
                    )
                )
        return events


def _slot_fields(slot: WideSlot, header: _ods.HeaderMap) -> dict[str, str]:
    """The record fields of a slot's columns, and the row's fields that hold them."""
    fields = {"la_name": "la_name", "la_code": "la_name", "published": f"{slot.key}.published"}
    if slot.type_heading:
        fields["type"] = f"{slot.key}.type"
    for area, _, _ in slot.areas:
        fields[f"judgements.{area.name}"] = f"{slot.key}.{area.name}"
    return {record: field for record, field in fields.items() if field in header}

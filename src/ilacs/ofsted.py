"""Read Ofsted's published spreadsheets of LA inspection outcomes into :class:`Inspection` records.

:func:`read_ofsted` reads the ``.ods`` files Ofsted publishes with its official statistics:

- "Children's social care data in England 2023", underlying data
  (:data:`~ilacs.catalogue.refs.OFSTED_CSC_2023`):
  the sheets ``LA_inspections_2009-2023`` (every LA's inspections since 2009, one wide row per
  LA, publication dates only), ``LA_level_in_year_2022-23`` (inspections and visits of the
  year, with their dates) and ``LA_level_at_31_Mar_2023`` (each LA's latest judgements).
- "Local authority inspection outcomes as at 31 March 2024"
  (:data:`~ilacs.catalogue.refs.OFSTED_OUTCOMES_2024`):
  ``Inspections_31_March_2024`` (latest judgements), ``Inspections_in_year_2023-24`` and
  ``ILACS_inspections_2018-2024`` (first and second ILACS inspection of each LA, wide).
- The 2025 edition, whose ``ILACS_inspection_history`` has one row per ILACS inspection with
  its LA code, inspection date and publication date, beside ``Inspections_as_at_31_March`` and
  ``In-year_inspections`` (:data:`~ilacs.catalogue.refs.OFSTED_OUTCOMES_2025`).

Sheets are found by name patterns (:data:`SHEET_PATTERNS`) and columns by their headings
(:data:`HEADINGS`, compared after :func:`ilacs._ods.normalise_heading`), never by position, so
that a later edition with the same headings loads. The sheets of one file describe overlapping
events; they are merged into one list in which each inspection or visit appears once (see
``docs/ofsted-files.md`` for the rule). LA codes come from a code column when the file has one,
otherwise from the LA's name (:func:`ilacs.catalogue.la_codes.la_code`).

Reading is strict by default: the first row that cannot be read raises a
:class:`~ilacs.errors.FileFormatError` naming the file, sheet, row, column letter, heading and
value. With ``strict=False`` each such row is a :class:`~ilacs.tabular.Problem` beside the
records read (:class:`~ilacs.tabular.ReadResult`). A file that is not an ODS spreadsheet, lacks
a sheet or a heading raises in both modes, saying what is missing and what the file has:

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "outcomes.ods"
>>> _ = path.write_bytes(b"not a zip")
>>> read_ofsted(path)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ilacs.errors.FileFormatError: .../outcomes.ods: file: got 'BadZipFile: File is
not a zip file'; ...

With Ofsted's file of 31 March 2024 (not part of the library):

>>> records = read_ofsted("LA_Inspection_Outcomes_as_at_March_2024.ods")  # doctest: +SKIP
>>> [str(r) for r in records if r.la_name == "Thurrock"]  # doctest: +SKIP
['Thurrock (E06000034): ILACS standard inspection, 2019-11-11, overall Good']
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from typing import Final, Literal, overload

import attrs

from ilacs import _ods
from ilacs.catalogue import refs
from ilacs.catalogue.frameworks import (
    Framework,
    FrameworkVersion,
    JudgementArea,
    framework_version_on,
    versions_of,
)
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.la_codes import la_code
from ilacs.errors import FileFormatError, IlacsError, ParseError
from ilacs.records import AnyGrade, Inspection
from ilacs.sources import Source
from ilacs.tabular import ReadResult, finish_read

__all__ = [
    "HEADINGS",
    "MAX_DATA_ROWS",
    "MAX_EVENTS_PER_LA",
    "MAX_PUBLICATION_LAG",
    "MAX_PUBLICATION_LAG_SOURCES",
    "MAX_START_DISAGREEMENT",
    "MAX_START_DISAGREEMENT_SOURCES",
    "NOT_INSPECTED",
    "NOT_JUDGED",
    "PRE_2013_RELABEL",
    "SHEET_PATTERNS",
    "WIDE_SLOTS",
    "Relabel",
    "WideSlot",
    "read_ofsted",
]

# --- Rules of reading --------------------------------------------------------------------------

MAX_PUBLICATION_LAG: Final = dt.timedelta(days=240)
"""Longest gap from an inspection's first on-site day to its publication that still pairs a
row dated by inspection with a row dated by publication (see :func:`read_ofsted`).

Ofsted's reports show a lag from the last on-site day to publication of 42 days at the median
and 214 days at most (ILACS), after at most two weeks on site; 240 days covers both with a
margin and is shorter than the time between two graded inspections of one LA.
"""
MAX_PUBLICATION_LAG_SOURCES: Final = (refs.REPORTS,)
"""Where :data:`MAX_PUBLICATION_LAG` comes from (the reports' publication lags, evidence D)."""

NOT_INSPECTED: Final = frozenset({"not yet inspected", "not inspected"})
"""Date-cell texts (case-folded, stripped) that say an LA has had no inspection: the 2024
latest-judgements sheet lists Cumberland and Westmorland and Furness (new in April 2023) so.
Such a row holds no inspection and is passed over; with judgements beside it, it is an error."""

MAX_START_DISAGREEMENT: Final = dt.timedelta(days=7)
"""Largest difference between two sheets' inspection dates for rows that otherwise agree (LA,
graded, the same judgements and type) and so describe one inspection; the earliest date is
kept. Ofsted's 2023 file dates Cumbria's 2022 standard inspection 20 September 2022 in its
latest-judgements sheet and 21 September in its in-year sheet (the report: 20 September).
Two graded inspections of one LA never start within a week of each other."""
MAX_START_DISAGREEMENT_SOURCES: Final = (refs.OFSTED_CSC_2023, refs.REPORTS)
"""Where :data:`MAX_START_DISAGREEMENT` comes from (the Cumbria rows; the report's dates)."""

NOT_JUDGED: Final = frozenset({"-", "\u2013", "\u2014", "not judged", "n/a", "[x]", "[z]"})
"""Cell texts (case-folded, stripped) that mean "no judgement": Ofsted's wide history sheet
writes ``" -"`` where an area was not judged (e.g. SLAC looked after children, Isles of
Scilly, 2012)."""


@attrs.frozen
class Relabel:
    """A grade wording Ofsted's files use for a pre-2013 grade, and the grade it stands for.

    Args:
        wording: the wording in the file.
        grade: the grade of the 2009-2013 scale it stands for.
        sources: where the relabelling is documented.
        note: why.
    """

    wording: str
    grade: LegacyGrade
    sources: tuple[Source, ...]
    note: str = ""


PRE_2013_RELABEL: Final = Relabel(
    "Requires improvement to be good",
    LegacyGrade.ADEQUATE,
    (refs.OFSTED_CSC_2023,),
    "The 2009-2013 inspections graded Outstanding / Good / Adequate / Inadequate; Ofsted's 2023 "
    "file rewords them in the current framework's terms, so its 'Requires improvement to be "
    "good' in a SLAC, child protection or looked-after-children column is that inspection's "
    "'Adequate'. Other wordings keep their names on the old scale.",
)
"""How a pre-2013 column's "Requires improvement to be good" is read (as "Adequate")."""

# --- Limits of the reader ----------------------------------------------------------------------
# Not rules of the frameworks: bounds that keep a hostile file to about two seconds (with the
# ODS reader's own limits, ilacs._ods.MAX_CONTENT_BYTES and the rest). A file that breaks one
# raises FileFormatError in both modes, naming the file, the sheet, the row and the limit.

MAX_DATA_ROWS: Final = 4_000
"""Most data rows (blank rows not counted) read from the sheets of one file: seven times the 545
of Ofsted's 2025 file. Each row costs the reader about a tenth of a millisecond, and a few bytes
of a repeated row (``table:number-rows-repeated``) can stand for a million of them."""

MAX_EVENTS_PER_LA: Final = 60
"""Most accounts of inspections and visits of one LA (one per row of a long sheet, one per
inspection of a wide row) in one file: six times the 9 of Ofsted's 2023 file (2009 to 2023).
The sheets of an LA are merged by comparing its accounts two by two."""

# --- Sheets and headings -----------------------------------------------------------------------

SHEET_PATTERNS: Final[Mapping[str, tuple[str, ...]]] = {
    "latest": (
        r"Inspections[_ ](as[_ ]at[_ ])?31[_ ]March([_ ]\d{4})?",
        r"LA[_ ]level[_ ]at[_ ]31[_ ]Mar(ch)?([_ ]\d{4})?",
    ),
    "in_year": (
        r"Inspections[_ ]in[_ -]year([_ ]\d{4}-\d{2,4})?",
        r"In[_ -]year[_ ]inspections([_ ]\d{4}-\d{2,4})?",
        r"LA[_ ]level[_ ]in[_ -]year([_ ]\d{4}-\d{2,4})?",
    ),
    "history": (
        r"ILACS[_ ]inspections?[_ ]history",
        r"ILACS[_ ]inspections?[_ ]\d{4}-\d{2,4}",
        r"LA[_ ]inspections[_ ]\d{4}-\d{2,4}",
    ),
}
"""Regular expressions (whole name, any case) that find each sheet a file must have.

``latest``: each LA's latest judgements; ``in_year``: the year's inspections and visits;
``history``: the inspection history (2025: one row per ILACS inspection; 2024: first and second
ILACS inspection, wide; 2023: every inspection since 2009, wide). For each, the first pattern
that matches a sheet chooses it; a pattern that matches two sheets is an error.
"""


def _the(*spellings: str) -> tuple[str, ...]:
    """Each spelling with and without a leading "the " (the 2025 edition's full wording)."""
    return tuple(s for spelling in spellings for s in (spelling, "the " + spelling))


_CIC = "experiences and progress of children in care"
_HELP = "experiences and progress of children who need help and protection"
_CL = "experiences and progress of care leavers"

HEADINGS: Final[Mapping[str, tuple[str, ...]]] = {
    "la_name": ("local authority name", "local authority", "la name"),
    "la_code": (
        "local authority area code",
        "local authority code",
        "la code",
        "new la code",
        "area code",
    ),
    "start": ("inspection date", "inspection/visit date", "inspection start date", "visit date"),
    "published": ("publication date", "report publication date", "inspection publication date"),
    "type": ("inspection/visit type", "inspection type", "visit type"),
    "theme": ("visit theme", "theme"),
    "OVERALL": ("overall effectiveness",),
    "LEADERSHIP": ("impact of leaders", "the impact of leaders*", "impact of leaders*"),
    "HELP_AND_PROTECTION": _the(_HELP),
    "CHILDREN_IN_CARE": _the(_CIC, _CIC + " and care leavers"),
    "CARE_LEAVERS": _the(_CL),
}
"""The headings of the one-row-per-event sheets, normalised; ``*`` ends a prefix.

Judgement columns are keyed by :class:`~ilacs.JudgementArea` name. The wide history sheets'
headings are in :data:`WIDE_SLOTS`.
"""

_JUDGED: Final = ("OVERALL", "LEADERSHIP", "HELP_AND_PROTECTION", "CHILDREN_IN_CARE")

_LONG_REQUIRED: Final[Mapping[str, tuple[str, ...]]] = {
    "latest": ("la_name", "start", *_JUDGED),
    "in_year": ("la_name", "start", "type", *_JUDGED),
    "history": ("la_name", "published", "type", *_JUDGED),
}
"""The headings each one-row-per-event sheet must have; the others are read when present."""

_LONG_AREAS: Final = (
    JudgementArea.OVERALL,
    JudgementArea.LEADERSHIP,
    JudgementArea.HELP_AND_PROTECTION,
    JudgementArea.CHILDREN_IN_CARE,
    JudgementArea.CARE_LEAVERS,
)


@attrs.frozen
class WideSlot:
    """One inspection in a wide history row: its date column, type and judgement columns.

    Args:
        key: a short name for messages (``"first_sif"``).
        type: the inspection type, or None when a type column gives it.
        framework: the framework the columns belong to.
        published: spellings of the publication-date heading.
        type_heading: spellings of the type heading (when ``type`` is None).
        areas: each judgement area with its spellings and whether the slot needs it.
        legacy: True for the 2009-2013 inspections (grades on the old scale).
    """

    key: str
    type: InspectionType | None
    framework: Framework
    published: tuple[str, ...]
    type_heading: tuple[str, ...] = ()
    areas: tuple[tuple[JudgementArea, tuple[str, ...], bool], ...] = ()
    legacy: bool = False


_J = JudgementArea


def _ilacs_slot(ordinal: str) -> WideSlot:
    heads = [f"{ordinal} ilacs framework".strip(), f"{ordinal} ilacs".strip()]

    def spell(*tails: str) -> tuple[str, ...]:
        return tuple(f"{head} {tail}" for tail in tails for head in heads)

    return WideSlot(
        f"{ordinal or 'former'}_ilacs",
        None,
        Framework.ILACS,
        spell("publication date"),
        spell("inspection type"),
        (
            (_J.OVERALL, spell("overall effectiveness"), True),
            (_J.LEADERSHIP, spell("impact of leaders"), True),
            (_J.HELP_AND_PROTECTION, spell(_HELP), True),
            (_J.CHILDREN_IN_CARE, spell(_CIC, _CIC + " and care leavers"), True),
            (_J.CARE_LEAVERS, spell(_CL), False),
        ),
    )


def _sif_slot(key: str, which: str, lscb: bool) -> WideSlot:
    def spell(*tails: str) -> tuple[str, ...]:
        return tuple(f"{which} {tail}" for tail in tails)

    areas = [
        (
            _J.OVERALL,
            spell("overall judgement (oe)", "overall judgement*", "overall effectiveness*"),
            True,
        ),
        (_J.HELP_AND_PROTECTION, spell("children who need help and protection"), True),
        (_J.CHILDREN_IN_CARE, spell("children looked after and achieving permanence"), True),
        (_J.ADOPTION, spell("cla sub: adoption performance"), True),
        (_J.CARE_LEAVERS, spell("cla sub: experiences and progress of care leavers"), True),
        (_J.LEADERSHIP, spell("leadership, management and governance"), True),
    ]
    if lscb:
        areas.append((_J.LSCB, ("lscb overall effectiveness", f"{which} lscb*"), True))
    return WideSlot(
        key,
        InspectionType.SIF if key == "first_sif" else InspectionType.SIF_REINSPECTION,
        Framework.SIF,
        (
            f"single inspection of la children's services (sif) {which} publication date",
            f"{which} publication date",
        ),
        areas=tuple(areas),
    )


def _old_slot(
    key: str,
    kind: InspectionType,
    framework: Framework,
    published: str,
    areas: Sequence[tuple[JudgementArea, str]],
) -> WideSlot:
    return WideSlot(
        key,
        kind,
        framework,
        (published,),
        areas=tuple((area, (heading,), True) for area, heading in areas),
        legacy=True,
    )


WIDE_SLOTS: Final[tuple[WideSlot, ...]] = (
    _old_slot(
        "slac",
        InspectionType.SLAC,
        Framework.SLAC,
        "safeguarding & looked after children (slac) inspection publication date",
        [
            (_J.SAFEGUARDING, "slac safeguarding overall effectiveness (oe)"),
            (_J.LOOKED_AFTER_CHILDREN, "slac looked after children overall effectiveness (oe)"),
        ],
    ),
    _old_slot(
        "slac_reinspection_safeguarding",
        InspectionType.SLAC,
        Framework.SLAC,
        "slac re-inspection of safeguarding publication date",
        [(_J.SAFEGUARDING, "slac re-inspection safeguarding oe")],
    ),
    _old_slot(
        "slac_reinspection_looked_after_children",
        InspectionType.SLAC,
        Framework.SLAC,
        "slac re-inspection of services for children looked after publication date",
        [(_J.LOOKED_AFTER_CHILDREN, "slac re-inspection of services children looked after oe")],
    ),
    _old_slot(
        "child_protection",
        InspectionType.CHILD_PROTECTION,
        Framework.CP_2012,
        "child protection inspections (cpi) publication date",
        [(_J.OVERALL, "cpi overall effectiveness (oe)")],
    ),
    _old_slot(
        "child_protection_reinspection",
        InspectionType.CHILD_PROTECTION,
        Framework.CP_2012,
        "child protection re-inspection (cpri) publication date",
        [(_J.OVERALL, "cpri overall effectiveness (oe)")],
    ),
    _old_slot(
        "looked_after_children",
        InspectionType.LOOKED_AFTER_CHILDREN,
        Framework.CP_2012,
        "targeted looked after children (tlac) inspection publication date",
        [(_J.LOOKED_AFTER_CHILDREN, "tlac overall effectiveness (oe)")],
    ),
    _sif_slot("first_sif", "first sif", lscb=True),
    _sif_slot("sif_reinspection", "sif re-inspection", lscb=False),
    _ilacs_slot("first"),
    _ilacs_slot("second"),
    _ilacs_slot(""),
)
"""The inspections a wide history row can hold, oldest first (2023 and 2024 editions).

The 2023 edition's table of 2009-2013 inspections: a SLAC inspection (safeguarding and looked
after children graded separately), SLAC re-inspections of one of the two, a child protection
inspection and its re-inspection (graded overall effectiveness) and a targeted inspection of
looked after children services (its overall effectiveness read as the judgement of services for
looked after children). Then the first SIF inspection (with the LSCB review grade), a SIF
re-inspection, and the first and second ILACS inspections (type from their own column); the
tables of LAs that no longer exist have one ILACS inspection without an ordinal.
"""


def _wide_spellings() -> dict[str, tuple[str, ...]]:
    """Every heading of a wide sheet: ``"first_sif.OVERALL"`` and so on, and the LA's name."""
    spellings = {"la_name": HEADINGS["la_name"]}
    for slot in WIDE_SLOTS:
        spellings[f"{slot.key}.published"] = slot.published
        if slot.type_heading:
            spellings[f"{slot.key}.type"] = slot.type_heading
        for area, spelled, _ in slot.areas:
            spellings[f"{slot.key}.{area.name}"] = spelled
    return spellings


_WIDE_SPELLINGS: Final = _wide_spellings()

# --- Reading cells -----------------------------------------------------------------------------

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*)?")
_CODE = re.compile(r"E\d{8}")


def _date(cell: _ods.Cell) -> dt.date | None:
    """A date cell (typed, or text as 11/11/2019 or 2019-11-11); None when blank."""
    if cell.value_type == "date" and cell.value:
        found = _ISO.fullmatch(cell.value.strip())
        if found is None:
            raise ParseError("date", cell.value, "an office:date-value such as 2019-11-11")
        year, month, day = (int(part) for part in found.groups())
    else:
        text = cell.text.strip()
        if not text or text.casefold() in NOT_INSPECTED:
            return None
        dmy, iso = _DMY.fullmatch(text), _ISO.fullmatch(text)
        if dmy is not None:
            day, month, year = (int(part) for part in dmy.groups())
        elif iso is not None:
            year, month, day = (int(part) for part in iso.groups())
        else:
            raise ParseError("date", text, "a date such as 11/11/2019 (day/month/year)")
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise ParseError(
            "date", cell.text or cell.value, "a date that exists", str(error)
        ) from None


def _is_blank(text: str) -> bool:
    key = text.strip().casefold()
    return not key or key in NOT_JUDGED or key in NOT_INSPECTED


def _grade(text: str, legacy: bool) -> AnyGrade | None:
    """A judgement cell: None when blank or not judged; pre-2013 columns on the old scale.

    Columns of the SIF and ILACS hold the four-point scale only: "Adequate" or "Satisfactory"
    there is refused (with a pointer to the pre-2013 scale), not read as a legacy grade.
    """
    if _is_blank(text):
        return None
    if legacy:
        try:
            return LegacyGrade.parse(text)
        except ParseError:
            pass
        try:
            grade = Grade.parse(text)
        except ParseError:
            raise ParseError(
                "grade",
                text,
                "a grade wording: Outstanding, Good, Adequate (or 'Requires improvement to be "
                "good', Ofsted's later wording for it), Inadequate",
            ) from None
        if grade is Grade.REQUIRES_IMPROVEMENT:
            return PRE_2013_RELABEL.grade
        return LegacyGrade[grade.name]
    return Grade.parse(text)


# --- Events: what one row says about one inspection --------------------------------------------

_Placed = tuple[str, str, str]
"""Where a field was read: (column letter, heading, cell text)."""


@attrs.define
class _Event:
    """One sheet's account of one inspection or visit, before the sheets are merged."""

    la_code: str
    la_name: str
    type: InspectionType | None
    framework: Framework | None
    start: dt.date | None
    published: dt.date | None
    judgements: dict[JudgementArea, AnyGrade]
    theme: str
    sheet: str
    row: int
    cells: dict[str, _Placed]  # record field ("start", "judgements.OVERALL") -> its cell

    @property
    def graded(self) -> bool:
        """True unless the type is known to end in a letter (a latest-judgements row is graded)."""
        return self.type is None or self.type.graded

    @property
    def kind(self) -> InspectionType | None:
        """The type for grouping: None for every graded type, the type itself for visits."""
        return None if self.graded else self.type

    def where(self) -> str:
        return f"sheet {self.sheet!r} row {self.row}"


class _Row:
    """One data row of a table: its cells by field, and errors that name the cell."""

    def __init__(
        self,
        file: str,
        sheet: _ods.Sheet,
        header: _ods.HeaderMap,
        number: int,
        cells: Mapping[str, _ods.Cell],
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.header = header
        self.number = number
        self.cells = cells
        self.errors: list[FileFormatError] = []

    def text(self, field: str) -> str:
        cell = self.cells.get(field)
        return cell.text if cell is not None else ""

    def placed(self, field: str) -> _Placed:
        column = self.header[field]
        return (_ods.column_letter(column), self.header.headings[column], self.text(field))

    def error(self, field: str, error: IlacsError) -> None:
        """Record that the cell of ``field`` cannot be read."""
        letter, heading, text = self.placed(field)
        self.errors.append(
            FileFormatError(
                self.file,
                heading,
                text,
                error.expected,
                error.detail,
                sheet=self.sheet.name,
                row=self.number,
                column=letter,
            )
        )

    def date(self, field: str) -> dt.date | None:
        if field not in self.cells:
            return None
        try:
            return _date(self.cells[field])
        except IlacsError as error:
            self.error(field, error)
            return None

    def type(self, field: str) -> InspectionType | None:
        text = self.text(field)
        if not text.strip():
            return None
        try:
            return InspectionType.parse(text)
        except IlacsError as error:
            self.error(field, error)
            return None

    def grade(self, field: str, legacy: bool) -> AnyGrade | None:
        try:
            return _grade(self.text(field), legacy)
        except IlacsError as error:
            self.error(field, error)
            return None

    def la(self, former: bool) -> tuple[str, str] | None:
        """The row's LA code and name: from a code column if any, else from the name."""
        name = self.text("la_name").strip()
        code = self.text("la_code").strip().upper()
        if code:
            if _CODE.fullmatch(code):
                return code, name or code
            self.error("la_code", ParseError("la_code", code, "an ONS code such as E06000034"))
            return None
        try:
            return la_code(name, former=former), name
        except ParseError as error:
            self.error("la_name", error)
            return None


def _has_content(cell: _ods.Cell) -> bool:
    return not _is_blank(cell.text) or (cell.value_type == "date" and bool(cell.value))


class _Reader:
    """Reads one file: its sheets into events, the events into inspections, errors aside."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[FileFormatError] = []
        self.rows = 0  # data rows read so far, against MAX_DATA_ROWS

    def count_row(self, sheet: _ods.Sheet, number: int) -> None:
        """Count one more data row; refuse the file past :data:`MAX_DATA_ROWS`."""
        self.rows += 1
        if self.rows > MAX_DATA_ROWS:
            raise FileFormatError(
                self.file,
                "rows",
                f"more than {MAX_DATA_ROWS:,} data rows",
                f"at most {MAX_DATA_ROWS:,} data rows in the sheets read",
                "the Ofsted reader's limit MAX_DATA_ROWS",
                sheet=sheet.name,
                row=number,
            )

    def event_error(self, event: _Event, field: str, error: IlacsError) -> FileFormatError:
        """An error about ``field`` of an event, placed at the cell that holds it."""
        placed = event.cells.get(field)
        if placed is None:
            return FileFormatError(
                self.file,
                error.field,
                error.value,
                error.expected,
                error.detail,
                sheet=event.sheet,
                row=event.row,
            )
        letter, heading, text = placed
        return FileFormatError(
            self.file,
            heading,
            text,
            error.expected,
            error.detail,
            sheet=event.sheet,
            row=event.row,
            column=letter,
        )

    # -- one-row-per-event sheets --

    def read_long(self, role: str, sheet: _ods.Sheet) -> list[_Event]:
        required = {field: HEADINGS[field] for field in _LONG_REQUIRED[role]}
        optional = {f: s for f, s in HEADINGS.items() if f not in required}
        header = _ods.find_header(sheet, required, optional)
        events: list[_Event] = []
        for number, cells in _ods.iter_rows(sheet, header):
            self.count_row(sheet, number)
            row = _Row(self.file, sheet, header, number, cells)
            event = self.long_event(row)
            self.errors.extend(row.errors)
            if event is not None:
                events.append(event)
        return events

    def long_event(self, row: _Row) -> _Event | None:
        if not any(_has_content(c) for f, c in row.cells.items() if f not in _LA_FIELDS):
            return None  # an LA listed without an inspection ("Not yet inspected")
        found = row.la(former=False)
        start, published = row.date("start"), row.date("published")
        kind = row.type("type") if "type" in row.cells else None
        judgements: dict[JudgementArea, AnyGrade] = {}
        for area in _LONG_AREAS:
            if area.name in row.cells:
                grade = row.grade(area.name, legacy=False)
                if grade is not None:
                    judgements[area] = grade
        if row.errors or found is None:
            return None
        if start is None and published is None:
            field = "start" if "start" in row.cells else "published"
            row.error(field, ParseError("date", "", "a date for a row with a type or judgements"))
            return None
        fields = {f: f for f in row.header.columns if f not in _LONG_AREAS_BY_NAME}
        fields.update(
            {a: f"judgements.{a}" for a in row.header.columns if a in _LONG_AREAS_BY_NAME}
        )
        only_ilacs = kind is not None and kind.rule.frameworks == (Framework.ILACS,)
        return _Event(
            found[0],
            found[1],
            kind,
            Framework.ILACS if only_ilacs else None,
            start,
            published,
            judgements,
            row.text("theme").strip(),
            row.sheet.name,
            row.number,
            {record: row.placed(field) for field, record in fields.items()},
        )

    # -- wide history sheets --

    def read_wide(self, sheet: _ods.Sheet) -> list[_Event]:
        """Every inspection of every table of a wide sheet (the second: LAs no longer existing)."""
        events: list[_Event] = []
        start, former = 0, False
        while start < len(sheet.rows):
            header = _ods.find_header(
                sheet, {"la_name": _WIDE_SPELLINGS["la_name"]}, _WIDE_SPELLINGS, start=start
            )
            slots = self.slots_of(sheet, header)
            for number, cells in _ods.iter_rows(sheet, header):
                self.count_row(sheet, number)
                row = _Row(self.file, sheet, header, number, cells)
                events.extend(_join_same_row(self.wide_events(row, slots, former)))
                self.errors.extend(row.errors)
            if header.end >= len(sheet.rows):
                break
            start, former = header.end, True
        return events

    def slots_of(self, sheet: _ods.Sheet, header: _ods.HeaderMap) -> list[WideSlot]:
        """The inspections the table's headings describe; refuses a slot missing a column."""
        found = [slot for slot in WIDE_SLOTS if f"{slot.key}.published" in header]
        if not found:
            raise FileFormatError(
                self.file,
                "headings",
                "no inspection's publication date",
                "columns such as 'First ILACS publication date' or 'First SIF publication date'",
                f"the row's headings are {[h for h in header.headings if h]}",
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
                    f"the row's headings are {[h for h in header.headings if h]}",
                    sheet=sheet.name,
                    row=header.row_number,
                )
        return found

    def wide_events(self, row: _Row, slots: Sequence[WideSlot], former: bool) -> list[_Event]:
        events: list[_Event] = []
        found: tuple[str, str] | None = None
        for slot in slots:
            fields = [f for f in _slot_fields(slot) if f in row.cells]
            if not any(_has_content(row.cells[f]) for f in fields):
                continue
            if found is None:
                found = row.la(former)
                if found is None:
                    return []
            before = len(row.errors)
            published = row.date(f"{slot.key}.published")
            if published is None and len(row.errors) == before:
                row.error(
                    f"{slot.key}.published",
                    ParseError("date", "", "the publication date of the inspection it grades"),
                )
            kind = row.type(f"{slot.key}.type") if slot.type_heading else slot.type
            if kind is None and slot.type_heading and len(row.errors) == before:
                row.error(f"{slot.key}.type", ParseError("type", "", "the inspection's type"))
            judgements: dict[JudgementArea, AnyGrade] = {}
            for area, _, _ in slot.areas:
                field = f"{slot.key}.{area.name}"
                if field in row.cells:
                    grade = row.grade(field, slot.legacy)
                    if grade is not None:
                        judgements[area] = grade
            if len(row.errors) > before:
                continue
            cells = {_record_field(f): row.placed(f) for f in fields}
            cells["la_name"] = row.placed("la_name")
            events.append(
                _Event(
                    found[0],
                    found[1],
                    kind,
                    slot.framework,
                    None,
                    published,
                    judgements,
                    "",
                    row.sheet.name,
                    row.number,
                    cells,
                )
            )
        return events

    # -- merging --

    def conflict(self, kept: _Event, other: _Event, field: str, value: str) -> None:
        """Record that ``other`` disagrees with ``kept`` about one inspection."""
        what = "judgement" if field.startswith("judgements.") else field
        self.errors.append(
            self.event_error(
                other,
                field,
                ParseError(
                    field,
                    value,
                    f"the same {what} as {kept.where()}, which describes the same inspection",
                ),
            )
        )

    def merge(self, events: Sequence[_Event]) -> list[list[_Event]]:
        """Group the events of each LA into inspections (see ``docs/ofsted-files.md``)."""
        by_la: dict[str, list[_Event]] = {}
        for event in events:
            group = by_la.setdefault(event.la_code, [])
            if len(group) == MAX_EVENTS_PER_LA:
                raise FileFormatError(
                    self.file,
                    "la",
                    f"{event.la_name} ({event.la_code})",
                    f"at most {MAX_EVENTS_PER_LA} inspections and visits of one LA",
                    "the Ofsted reader's limit MAX_EVENTS_PER_LA",
                    sheet=event.sheet,
                    row=event.row,
                )
            group.append(event)
        merged: list[list[_Event]] = []
        for group in by_la.values():
            clusters: list[list[_Event]] = []
            for event in group:
                home = next((c for c in clusters if _same_day(c, event)), None)
                if home is None:
                    clusters.append([event])
                    continue
                found = _disagreement(home, event)
                if found is None:
                    home.append(event)
                else:
                    self.conflict(home[0], event, *found)
            clusters = self.join_near_starts(clusters)
            merged.extend(self.pair_by_lag(clusters))
        return merged

    def join_near_starts(self, clusters: list[list[_Event]]) -> list[list[_Event]]:
        """Join graded clusters whose inspection dates differ by a few days (one inspection)."""
        dated = sorted(
            (c for c in clusters if _start(c) is not None and _graded(c)),
            key=lambda c: _start(c) or dt.date.min,
        )
        read = {id(c): i for i, c in enumerate(clusters)}  # clusters are in reading order
        gone: list[list[_Event]] = []
        current: list[_Event] | None = None
        for cluster in dated:
            if current is None or not _near(current, cluster):
                current = cluster
                continue
            if not any(_disagreement(current, e) for e in cluster):
                current.extend(cluster)
                gone.append(cluster)
                continue
            # One inspection told two ways: the account read first is kept, the other reported.
            kept, lost = sorted((current, cluster), key=lambda c: read[id(c)])
            found = next(filter(None, (_disagreement(kept, e) for e in lost)), None)
            self.conflict(kept[0], lost[0], *(found or ("start", "")))
            gone.append(lost)
            current = kept
        return [c for c in clusters if not any(c is g for g in gone)]

    def pair_by_lag(self, clusters: list[list[_Event]]) -> list[list[_Event]]:
        """Join graded clusters known only by start to those known only by publication.

        Pairs within :data:`MAX_PUBLICATION_LAG` are taken shortest gap first and join when the
        type and judgements agree. A start-dated cluster whose nearest publication-dated
        partner disagrees is reported (the history sheet's account is kept).
        """
        started = [c for c in clusters if _start(c) and not _published(c) and _graded(c)]
        published = [c for c in clusters if _published(c) and not _start(c) and _graded(c)]
        pairs: list[tuple[dt.timedelta, int, int]] = []
        for i, s in enumerate(started):
            for j, p in enumerate(published):
                begun, out = _start(s), _published(p)
                assert begun is not None
                assert out is not None
                if dt.timedelta(0) <= out - begun <= MAX_PUBLICATION_LAG:
                    pairs.append((out - begun, i, j))
        pairs.sort()
        used_s: set[int] = set()
        used_p: set[int] = set()
        gone: list[list[_Event]] = []
        for _, i, j in pairs:
            if i in used_s or j in used_p:
                continue
            source, target = published[j], started[i]
            if any(_disagreement(target, e) for e in source):
                continue
            used_s.add(i)
            used_p.add(j)
            target.extend(source)
            gone.append(source)
        for _, i, j in pairs:  # the nearest partner of each start-dated cluster left alone
            if i in used_s or j in used_p:
                continue
            used_s.add(i)
            target, source = started[i], published[j]
            found = next(filter(None, (_disagreement(source, e) for e in target)), None)
            if found is not None:
                self.conflict(source[0], target[0], *found)
                gone.append(target)
        return [c for c in clusters if not any(c is g for g in gone)]

    # -- records --

    def inspection(self, cluster: list[_Event], names: Mapping[str, str]) -> Inspection | None:
        """The record of one merged inspection, or None with an error recorded."""
        head = cluster[0]
        kind = next((e.type for e in cluster if e.type is not None), None)
        if kind is None:
            self.errors.append(
                self.event_error(
                    head,
                    "start",
                    ParseError(
                        "type",
                        "",
                        "an inspection type: this sheet gives none and no other sheet of the "
                        "file describes the same inspection",
                    ),
                )
            )
            return None
        framework = next((e.framework for e in cluster if e.framework is not None), None)
        start, published = _start(cluster), _published(cluster)
        misdated = None if start else _misdated(kind, framework, published, head.judgements)
        try:
            record = Inspection(
                head.la_code,
                names.get(head.la_code, head.la_name),
                kind,
                start=start,
                published=published,
                judgements=head.judgements,
                framework=framework,
                theme=next((e.theme for e in cluster if e.theme), ""),
            )
        except IlacsError as error:
            problem = misdated or error
            field = problem.field
            if field == "judgements" and head.judgements:  # place it at the first grade
                field = f"judgements.{next(iter(head.judgements)).name}"
            holder = next((e for e in cluster if field in e.cells), head)
            self.errors.append(self.event_error(holder, field, problem))
            return None
        if misdated is not None:
            holder = next((e for e in cluster if "published" in e.cells), head)
            self.errors.append(self.event_error(holder, "published", misdated))
            return None
        return record


_LA_FIELDS: Final = frozenset({"la_name", "la_code"})
_LONG_AREAS_BY_NAME: Final = frozenset(area.name for area in _LONG_AREAS)


def _slot_fields(slot: WideSlot) -> list[str]:
    fields = [f"{slot.key}.published"]
    if slot.type_heading:
        fields.append(f"{slot.key}.type")
    return fields + [f"{slot.key}.{area.name}" for area, _, _ in slot.areas]


def _record_field(field: str) -> str:
    """The record field a wide column holds: ``"first_sif.OVERALL"`` -> ``"judgements.OVERALL"``."""
    short = field.partition(".")[2]
    return "judgements." + short if short in JudgementArea.__members__ else short


def _start(cluster: Sequence[_Event]) -> dt.date | None:
    """The cluster's inspection date: the earliest its sheets give."""
    return min((e.start for e in cluster if e.start is not None), default=None)


def _published(cluster: Sequence[_Event]) -> dt.date | None:
    return next((e.published for e in cluster if e.published is not None), None)


def _graded(cluster: Sequence[_Event]) -> bool:
    return all(e.graded for e in cluster)


def _near(earlier: Sequence[_Event], later: Sequence[_Event]) -> bool:
    """True when two graded clusters' dates are close enough to be one inspection."""
    first, then = _start(earlier), _start(later)
    if first is None or then is None:
        return False
    published = {d for d in (_published(earlier), _published(later)) if d is not None}
    return then - first <= MAX_START_DISAGREEMENT and len(published) <= 1


def _join_same_row(events: list[_Event]) -> list[_Event]:
    """Join a row's inspections of one type published the same day that grade other areas.

    Ofsted's 2023 file gives SLAC re-inspections of safeguarding and of looked after children
    in separate columns; both published on one day (Cornwall, 25 February 2011) are one
    re-inspection that graded both.
    """
    joined: list[_Event] = []
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
            home.cells.update({k: v for k, v in event.cells.items() if k not in home.cells})
    return joined


def _disagreement(cluster: Sequence[_Event], event: _Event) -> tuple[str, str] | None:
    """The field and value on which ``event`` disagrees with the cluster, or None."""
    known = {e.type for e in cluster if e.type is not None}
    if event.type is not None and known and event.type not in known:
        return "type", event.type.value
    head = cluster[0]
    if event.judgements != head.judgements:
        area = next(a for a in _J if event.judgements.get(a) != head.judgements.get(a))
        shown = event.judgements.get(area)
        return "judgements." + area.name, shown.label if shown is not None else ""
    themes = {e.theme for e in cluster if e.theme}
    if event.theme and themes and event.theme not in themes:
        return "theme", event.theme
    return None


def _same_day(cluster: Sequence[_Event], event: _Event) -> bool:
    """True when ``event`` and the cluster share a kind and a start or publication date."""
    if cluster[0].kind is not event.kind:
        return False
    return (event.start is not None and event.start == _start(cluster)) or (
        event.published is not None and event.published == _published(cluster)
    )


def _misdated(
    kind: InspectionType,
    framework: Framework | None,
    published: dt.date | None,
    judgements: Mapping[JudgementArea, AnyGrade],
) -> IlacsError | None:
    """Why a record dated only by publication would fall under the wrong framework version.

    Versions follow the inspection's start. Without it, the version in force on the
    publication date is used; when the judgements are exactly those of another version of the
    framework that was in force in the weeks before publication (e.g. children in care and care
    leavers judged together, published after 16 January 2023), the record would be misplaced.
    """
    chosen = framework or (kind.rule.frameworks[0] if len(kind.rule.frameworks) == 1 else None)
    if published is None or not judgements or chosen is None:
        return None
    try:
        derived: FrameworkVersion | None = framework_version_on(published, chosen)
    except IlacsError:
        derived = None
    judged = set(judgements)
    if derived is not None and set(derived.judgement_areas) == judged:
        return None
    earliest = published - MAX_PUBLICATION_LAG
    for version in versions_of(chosen):
        in_window = version.valid_from <= published and (
            version.valid_to is None or version.valid_to >= earliest
        )
        if version is not derived and in_window and set(version.judgement_areas) == judged:
            return ParseError(
                "published",
                published.isoformat(),
                "an inspection date, which the file does not give",
                f"the judgements are those of {version.name} (inspections starting "
                f"{version.valid_from.isoformat()} to {version.valid_to or 'now'}), but a "
                f"record dated by its publication on {published.isoformat()} would fall under "
                f"{derived.name if derived else 'no version'}",
            )
    return None


# --- Finding the sheets ------------------------------------------------------------------------

_ROLE_WORDS: Final = {
    "latest": "each LA's latest judgements (e.g. 'Inspections_31_March_2024')",
    "in_year": "the year's inspections and visits (e.g. 'Inspections_in_year_2023-24')",
    "history": "inspection history (e.g. 'ILACS_inspections_2018-2024' or "
    "'LA_inspections_2009-2023')",
}


def _sheets(path: str | os.PathLike[str]) -> dict[str, _ods.Sheet]:
    """The file's sheet for each role of :data:`SHEET_PATTERNS` (one decompression)."""
    try:
        return _ods.find_sheets(path, SHEET_PATTERNS)
    except FileFormatError as error:
        role = next(
            (r for r, patterns in SHEET_PATTERNS.items() if error.value == list(patterns)), None
        )
        if error.field != "sheet" or role is None:
            raise
        raise FileFormatError(
            error.file,
            "sheet",
            error.value,
            f"a sheet of {_ROLE_WORDS[role]} whose name matches one of the patterns",
            error.detail,
        ) from None


def _is_wide(sheet: _ods.Sheet) -> bool:
    """True for a wide history sheet ("First ILACS publication date" and so on)."""
    wide = _WIDE_SPELLINGS["first_ilacs.published"] + _WIDE_SPELLINGS["first_sif.published"]
    for row in sheet.rows[: _ods.HEADER_SEARCH_ROWS]:
        if any(_ods.normalise_heading(cell.text) in wide for cell in row):
            return True
    return False


# The history sheet first: its rows carry the type and publication date the others lack.
_ORDER: Final = ("history", "in_year", "latest")


def _read(path: str | os.PathLike[str]) -> tuple[list[Inspection], list[FileFormatError]]:
    file = os.fspath(path)
    sheets = _sheets(path)
    reader = _Reader(file)
    events: list[_Event] = []
    for role in _ORDER:
        sheet = sheets[role]
        if _is_wide(sheet):
            events.extend(reader.read_wide(sheet))
        else:
            events.extend(reader.read_long(role, sheet))
    names: dict[str, str] = {}
    for event in events:  # read last, the latest-judgements sheet's spelling wins
        names[event.la_code] = event.la_name
    records: list[Inspection] = []
    for cluster in reader.merge(events):
        record = reader.inspection(cluster, names)
        if record is not None:
            records.append(record)
    records.sort(key=lambda r: (r.la_code, r.date, r.published or r.date, r.type.value))
    order = [sheets[role].name for role in _ORDER]
    errors = sorted(
        reader.errors,
        key=lambda e: (order.index(e.sheet) if e.sheet in order else -1, e.row or 0),
    )
    return records, errors


@overload
def read_ofsted(
    path: str | os.PathLike[str], *, strict: Literal[True] = ...
) -> list[Inspection]: ...


@overload
def read_ofsted(path: str | os.PathLike[str], *, strict: Literal[False]) -> ReadResult: ...


@overload
def read_ofsted(path: str | os.PathLike[str], *, strict: bool) -> list[Inspection] | ReadResult: ...


def read_ofsted(
    path: str | os.PathLike[str], *, strict: bool = True
) -> list[Inspection] | ReadResult:
    """Read the inspections and visits in one of Ofsted's published ODS files.

    The file's sheets are merged so that each inspection or visit appears once, with the
    inspection date, publication date, type and judgements its sheets give between them (see
    ``docs/ofsted-files.md`` for the rules).

    Args:
        path: the ``.ods`` file (see the module docstring for the editions read).
        strict: raise at the first row that cannot be read (the default); with False, return a
            :class:`~ilacs.tabular.ReadResult` listing each such row as a problem.

    Returns:
        Every inspection and visit the file lists, each once, sorted by LA code and date
        (strict), or a :class:`~ilacs.tabular.ReadResult` with the same records.

    Raises:
        FileFormatError: the file is not an ODS spreadsheet, is damaged, lacks a sheet or a
            heading (in both modes); in strict mode also the first row that cannot be read
            (an unknown grade, type or LA name, an impossible date, sheets that disagree).
    """
    records, errors = _read(path)
    return finish_read(records, errors, strict=strict)

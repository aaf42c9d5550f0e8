"""Read Ofsted's published spreadsheets of LA inspection outcomes into :class:`Inspection` records.

:func:`read_ofsted` reads the ``.ods`` files Ofsted publishes with its official statistics:
"Children's social care data in England 2023", underlying data
(:data:`~ilacs.catalogue.refs.OFSTED_CSC_2023`), and "Local authority inspection outcomes as at
31 March" 2024 and 2025 (:data:`~ilacs.catalogue.refs.OFSTED_OUTCOMES_2024`,
:data:`~ilacs.catalogue.refs.OFSTED_OUTCOMES_2025`): each LA's latest judgements, the year's
inspections and visits, and an inspection history (``docs/ofsted-files.md`` lists the sheets).
Sheets are found by name patterns (:data:`SHEET_PATTERNS`) and columns by their headings
(:data:`HEADINGS`, :data:`WIDE_SLOTS`), never by position, so that a later edition with the
same headings loads. The sheets of one file describe overlapping events; they are merged so
that each inspection or visit appears once. LA codes come from a code column when the file has
one, else from the LA's name (:func:`ilacs.catalogue.la_codes.la_code`); either way a record's
code must mean an LA on its date.

:func:`read_ofsted` raises a :class:`~ilacs.errors.FileFormatError` naming the file, sheet,
row, column letter, heading and value at the first row that cannot be read;
:func:`ilacs.reading.read_lenient` reads the others and reports each as a
:class:`~ilacs.reading.Problem`. A file that is not an ODS spreadsheet, lacks a sheet or a
heading raises in both modes, saying what is missing and what the file has:

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
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from ilacs import _ods
from ilacs._rows import Collector, raise_first
from ilacs.catalogue import refs
from ilacs.catalogue.frameworks import Framework, JudgementArea
from ilacs.catalogue.grades import LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import FileFormatError
from ilacs.records import Inspection
from ilacs.sources import Source

if TYPE_CHECKING:
    from ilacs._accounts import Event

__all__ = [
    "HEADINGS",
    "MAX_DATA_ROWS",
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


_WIDE_MARKS: Final = frozenset(
    _ods.normalise_heading(spelling)  # as find_header compares them (none is a prefix)
    for spelling in _WIDE_SPELLINGS["first_ilacs.published"]
    + _WIDE_SPELLINGS["first_sif.published"]
)
"""The headings that make a history sheet a wide one, normalised as the sheet's headings are."""


def _is_wide(sheet: _ods.Sheet) -> bool:
    """True for a wide history sheet ("First ILACS publication date" and so on)."""
    for row in sheet.rows[: _ods.HEADER_SEARCH_ROWS]:
        if any(_ods.normalise_heading(cell.text) in _WIDE_MARKS for cell in row):
            return True
    return False


# The history sheet first: its rows carry the type and publication date the others lack.
_ORDER: Final = ("history", "in_year", "latest")


def read_ofsted_rows(
    path: str | os.PathLike[str],
) -> tuple[list[Inspection], list[FileFormatError]]:
    """The records of a file and the errors of every row that cannot be read (both modes)."""
    file = os.fspath(path)
    sheets = _sheets(path)
    from ilacs._accounts import Reader  # both read this module's headings, slots and limits
    from ilacs._merge import Merger

    reader = Reader(file)
    events: list[Event] = []
    for role in _ORDER:
        sheet = sheets[role]
        events += reader.wide(sheet) if _is_wide(sheet) else reader.long(role, sheet)
    names: dict[str, str] = {}
    for event in events:  # read last, the latest-judgements sheet's spelling wins
        names[event.la_code] = event.la_name
    merger = Merger(MAX_PUBLICATION_LAG, MAX_START_DISAGREEMENT, reader.errors)
    found = Collector()
    for cluster in merger.merge(events):
        record = merger.inspection(cluster, names[cluster.head.la_code])
        if record is not None:
            found.add(record, cluster)
    records = sorted(
        found.records, key=lambda r: (r.la_code, r.date, r.published or r.date, r.type.value)
    )
    order = [sheets[role].name for role in _ORDER]
    errors = sorted(
        reader.errors + found.errors,
        key=lambda e: (order.index(e.sheet) if e.sheet in order else -1, e.row or 0),
    )
    return records, errors


def read_ofsted(path: str | os.PathLike[str]) -> list[Inspection]:
    """Read the inspections and visits in one of Ofsted's published ODS files.

    The file's sheets are merged so that each inspection or visit appears once, with the
    inspection date, publication date, type and judgements its sheets give between them (see
    ``docs/ofsted-files.md`` for the rules). To read every good row of a file with bad ones,
    and a problem for each bad one, use :func:`ilacs.reading.read_lenient`.

    Args:
        path: the ``.ods`` file (see the module docstring for the editions read).

    Returns:
        Every inspection and visit the file lists, each once, sorted by LA code and date.

    Raises:
        FileFormatError: the file is not an ODS spreadsheet, is damaged, lacks a sheet or a
            heading, breaks one of the readers' limits; or the first row that cannot be read
            (an unknown grade, type, LA name or code, an impossible date, sheets that
            disagree, two accounts of one inspection in one sheet).
    """
    return raise_first(*read_ofsted_rows(path))

"""Tests of ilacs.ofsted.read_ofsted and the LA code table it uses.

Real-file tests read Ofsted's published files from ``../shared/data/ofsted`` and check them
against ``../shared/data/inspections-2013-2025.csv`` (skipped when the folder is absent). The
other tests write small synthetic files of each edition into ``tmp_path`` with :func:`write_ods`,
using the headings of the real files (2023, 2024) and of the issue's description (2025).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import needs_shared, shared_file
from ilacs import ofsted
from ilacs.catalogue import la_codes
from ilacs.catalogue.frameworks import Framework, JudgementArea
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import FileFormatError, ParseError
from ilacs.ofsted import read_ofsted
from ilacs.reading import ReadResult, read_lenient
from ilacs.records import Inspection, histories
from ilacs.tabular import read_csv
from strategies import ilacs_inspections_of_las

J = JudgementArea
T = InspectionType
D = dt.date
RI = "Requires improvement to be good"

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILE_2024 = DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_March_2024.ods"
FILE_2023 = DATA / "ofsted" / "Childrens_social_care_in_England_2023_underlying_data.ods"
FILE_2025 = DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
CSV = DATA / "inspections-2013-2025.csv"

needs_data = needs_shared(FILE_2024, FILE_2023, CSV)

# --- Writing synthetic ODS files ---------------------------------------------------------------

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)

Value = object
"""A cell's value: text, a date (a typed date cell) or None (an empty cell)."""


def cell(value: Value) -> str:
    """A cell as LibreOffice writes it: dates typed, with their day/month/year text."""
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p>'
        "</table:table-cell>"
    )


def write_ods(path: Path, sheets: Mapping[str, Sequence[Sequence[Value]]]) -> Path:
    """Write an ODS file holding ``sheets`` (name to rows of values)."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet>{tables}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


LINK = "Ofsted Local Authority Webpage"
HELP = "Experiences and progress of children who need help and protection"
CIC = "Experiences and progress of children in care"
CL = "Experiences and progress of care leavers"
FIVE = ["Overall effectiveness", "Impact of leaders", HELP, CIC, CL]

LATEST_2024 = ["Web link", "Local authority name", "Ofsted region", "Inspection date", *FIVE]
IN_YEAR_2024 = [
    *["Web link", "Local authority name", "Region", "Inspection/Visit date"],
    *["Inspection/Visit type", *FIVE, "Visit Theme"],
]


def ilacs_columns(prefix: str, care_leavers: bool = True) -> list[str]:
    areas = [
        "overall effectiveness",
        "impact of leaders",
        HELP.lower(),
        CIC.lower() if care_leavers else CIC.lower() + " and care leavers",
    ]
    if care_leavers:
        areas.append(CL.lower())
    return [
        f"{prefix} publication date",
        f"{prefix} inspection type",
        *(f"{prefix} {a}" for a in areas),
    ]


ILACS_WIDE_2024 = [
    *["Web link", "Local authority name", "LA region"],
    *ilacs_columns("First ILACS"),
    *ilacs_columns("Second ILACS"),
]
FORMER_2024 = [
    *["Web link", "Local authority name", "LA region"],
    *ilacs_columns("ILACS framework", care_leavers=False),
]


def titled(title: str, head: Sequence[str], rows: Sequence[Sequence[Value]]) -> list[list[Value]]:
    return [[title], ["This worksheet contains one table."], list(head), *map(list, rows)]


def file_2024(
    path: Path,
    latest: Sequence[Sequence[Value]] = (),
    in_year: Sequence[Sequence[Value]] = (),
    ilacs: Sequence[Sequence[Value]] = (),
    former: Sequence[Sequence[Value]] = (),
    *,
    latest_head: Sequence[str] = LATEST_2024,
    in_year_head: Sequence[str] = IN_YEAR_2024,
    ilacs_head: Sequence[str] = ILACS_WIDE_2024,
    names: Sequence[str] = (
        "Inspections_31_March_2024",
        "Inspections_in_year_2023-24",
        "ILACS_inspections_2018-2024",
    ),
) -> Path:
    """A file shaped like Ofsted's of 31 March 2024 (rows start after the web link)."""
    wide: list[list[Value]] = [["ILACS inspections 2018-2024"], ["two tables"], ["links"]]
    wide.append(list(ilacs_head))
    wide += [[LINK, *r] for r in ilacs]
    if former:
        wide += [["ILACS inspections of local authorities that existed before the restructure"]]
        wide += [list(FORMER_2024), *([LINK, *r] for r in former)]
    sheets: dict[str, list[list[Value]]] = {
        "Cover": [["Local authority inspection outcomes"]],
        names[0]: titled("Latest", latest_head, [[LINK, *r] for r in latest]),
        names[1]: titled("In year", in_year_head, [[LINK, *r] for r in in_year]),
        names[2]: wide,
    }
    return write_ods(path, sheets)


# A small 2024-style file: Thurrock (one ILACS, a focused visit), Wokingham (two ILACS, the
# second also in the in-year and latest sheets, and a monitoring visit), Bournemouth (former).
THURROCK_LATEST = ["Thurrock", "East of England", D(2019, 11, 11), "Good", "Good", "Good", "Good"]
WOKINGHAM_2023 = [RI, RI, RI, "Good", RI]
LATEST_ROWS: list[list[Value]] = [
    THURROCK_LATEST,
    ["Wokingham", "South East", D(2023, 3, 6), *WOKINGHAM_2023],
    ["Westmorland and Furness", "North West", "Not yet inspected"],
]
IN_YEAR_ROWS: list[list[Value]] = [
    ["Wokingham", "South East", D(2023, 3, 6), "ILACS Standard Inspection", *WOKINGHAM_2023],
    ["Thurrock", "East of England", D(2023, 6, 1), "ILACS Focused Visit", *[""] * 5, "Front door"],
    ["Wokingham", "South East", D(2024, 2, 20), "LA Monitoring visit", *[""] * 5, "Care leavers"],
]
ILACS_ROWS: list[list[Value]] = [
    ["Thurrock", "East of England", D(2019, 12, 20), "ILACS Standard Inspection"] + ["Good"] * 4,
    [
        "Wokingham",
        "South East",
        D(2019, 7, 15),
        "ILACS Standard Inspection",
        RI,
        RI,
        RI,
        RI,
        "",
        D(2023, 5, 9),
        "ILACS Standard Inspection",
        *WOKINGHAM_2023,
    ],
    ["Westmorland and Furness", "North West"],
]


def small_2024(tmp_path: Path, **changes: Sequence[Sequence[Value]]) -> Path:
    parts: dict[str, Sequence[Sequence[Value]]] = {
        "latest": LATEST_ROWS,
        "in_year": IN_YEAR_ROWS,
        "ilacs": ILACS_ROWS,
        "former": [
            [
                "Bournemouth",
                "South West",
                D(2018, 8, 24),
                "ILACS Standard Inspection",
                RI,
                "Inadequate",
                RI,
                RI,
            ]
        ],
    }
    parts.update(changes)
    return file_2024(tmp_path / "outcomes-2024.ods", **parts)  # type: ignore[arg-type]


def by_key(records: Sequence[Inspection]) -> dict[tuple[str, dt.date], Inspection]:
    return {(r.la_name, r.date): r for r in records}


# --- The 2024 edition (synthetic) --------------------------------------------------------------


def test_sheets_of_the_2024_edition_merge_into_one_record_per_event(tmp_path: Path) -> None:
    records = read_ofsted(small_2024(tmp_path))
    found = by_key(records)
    assert len(records) == 6
    thurrock = found["Thurrock", D(2019, 11, 11)]
    assert (thurrock.la_code, thurrock.type, thurrock.published) == (
        "E06000034",
        T.STANDARD,
        D(2019, 12, 20),
    )
    assert dict(thurrock.judgements) == dict.fromkeys(FIVE_AREAS[:4], Grade.GOOD)
    assert thurrock.framework_version.name == "ILACS 2018"
    second = found["Wokingham", D(2023, 3, 6)]
    assert (second.type, second.published, second.framework_version.name) == (
        T.STANDARD,
        D(2023, 5, 9),
        "ILACS 2023",
    )
    assert second.judgements[J.CHILDREN_IN_CARE] is Grade.GOOD
    assert second.judgements[J.CARE_LEAVERS] is Grade.REQUIRES_IMPROVEMENT
    first = found["Wokingham", D(2019, 7, 15)]
    assert (first.start, first.published, first.framework) == (
        None,
        D(2019, 7, 15),
        Framework.ILACS,
    )
    visit = found["Thurrock", D(2023, 6, 1)]
    assert (visit.type, visit.theme, dict(visit.judgements)) == (T.FOCUSED_VISIT, "Front door", {})
    assert found["Wokingham", D(2024, 2, 20)].type is T.MONITORING_VISIT


FIVE_AREAS = [J.OVERALL, J.LEADERSHIP, J.HELP_AND_PROTECTION, J.CHILDREN_IN_CARE, J.CARE_LEAVERS]


def test_the_table_of_former_las_reads_with_their_former_codes(tmp_path: Path) -> None:
    records = read_ofsted(small_2024(tmp_path))
    bournemouth = next(r for r in records if r.la_name == "Bournemouth")
    assert bournemouth.la_code == "E06000028"
    assert bournemouth.judgements[J.LEADERSHIP] is Grade.INADEQUATE


def test_rows_of_las_not_yet_inspected_hold_no_inspection(tmp_path: Path) -> None:
    records = read_ofsted(small_2024(tmp_path))
    assert not [r for r in records if r.la_code == "E06000064"]


def test_records_are_sorted_by_la_code_then_date(tmp_path: Path) -> None:
    records = read_ofsted(small_2024(tmp_path))
    assert records == sorted(records, key=lambda r: (r.la_code, r.date))


def test_each_las_records_form_a_valid_history(tmp_path: Path) -> None:
    assert set(histories(read_ofsted(small_2024(tmp_path)))) == {
        "E06000028",
        "E06000034",
        "E06000041",
    }


def test_a_dash_means_not_judged(tmp_path: Path) -> None:
    latest = [["Thurrock", "East of England", D(2019, 11, 11), "Good", "Good", " -", "Good"]]
    ilacs = [
        ["Thurrock", "", D(2019, 12, 20), "ILACS Standard Inspection", "Good", "Good", "-", "Good"]
    ]
    records = read_ofsted(small_2024(tmp_path, latest=latest, ilacs=ilacs, in_year=[]))
    thurrock = next(r for r in records if r.la_name == "Thurrock")
    assert J.HELP_AND_PROTECTION not in thurrock.judgements
    assert thurrock.published == D(2019, 12, 20)


def test_dates_written_as_text_are_read_day_first(tmp_path: Path) -> None:
    latest = [["Thurrock", "", "11/11/2019", "Good", "Good", "Good", "Good"]]
    ilacs = [["Thurrock", "", "2019-12-20", "ILACS Standard Inspection", *["Good"] * 4]]
    records = read_ofsted(small_2024(tmp_path, latest=latest, ilacs=ilacs, in_year=[]))
    thurrock = next(r for r in records if r.la_name == "Thurrock")
    assert (thurrock.start, thurrock.published) == (D(2019, 11, 11), D(2019, 12, 20))


def test_inspection_dates_a_day_apart_in_two_sheets_are_one_inspection(tmp_path: Path) -> None:
    # Ofsted's 2023 file: Cumbria 20 September 2022 (latest) and 21 September (in year).
    latest = [["Thurrock", "", D(2023, 9, 20), *WOKINGHAM_2023]]
    in_year = [["Thurrock", "", D(2023, 9, 21), "ILACS Standard Inspection", *WOKINGHAM_2023]]
    records = read_ofsted(small_2024(tmp_path, latest=latest, in_year=in_year, ilacs=[]))
    [thurrock] = [r for r in records if r.la_name == "Thurrock"]
    assert (thurrock.start, thurrock.type) == (D(2023, 9, 20), T.STANDARD)


def test_each_dated_row_pairs_with_the_nearest_publication_after_it(tmp_path: Path) -> None:
    # Two graded inspections two years apart: each latest/in-year row pairs with its own
    # publication, the nearest after it.
    ilacs = [
        [
            "Thurrock",
            "",
            D(2019, 12, 20),
            "ILACS Standard Inspection",
            *(["Good"] * 4),
            "",
            D(2023, 5, 9),
            "ILACS Short Inspection",
            *WOKINGHAM_2023,
        ]
    ]
    latest = [["Thurrock", "", D(2023, 3, 6), *WOKINGHAM_2023]]
    records = read_ofsted(small_2024(tmp_path, latest=latest, ilacs=ilacs, in_year=[]))
    thurrock = [r for r in records if r.la_name == "Thurrock"]
    assert [(r.start, r.published, r.type) for r in thurrock] == [
        (None, D(2019, 12, 20), T.STANDARD),
        (D(2023, 3, 6), D(2023, 5, 9), T.SHORT),
    ]


# --- The 2025 edition: what the real file cannot show (synthetic, with its headings) -----------
# The real file is read in full below (test_the_2025_file_*); these cases are absent from it:
# Barnsley's code from April 2025 and a malformed code.

HISTORY_2025 = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Local authority status",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Inspection type",
    "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
]
LATEST_2025 = ["Web link", "Local authority area code", "Local authority name", "Ofsted region"]
LATEST_2025 += ["Inspection date", *FIVE]
IN_YEAR_2025 = [*LATEST_2025[:4], "Inspection/Visit date", "Inspection/Visit type", *FIVE]
IN_YEAR_2025 += ["Visit Theme"]


def file_2025(
    path: Path, history: Sequence[Sequence[Value]], **extra: Sequence[Sequence[Value]]
) -> Path:
    sheets = {
        "Inspections_as_at_31_March": titled("Latest", LATEST_2025, extra.get("latest", [])),
        "In-year_inspections": titled("In year", IN_YEAR_2025, extra.get("in_year", [])),
        "ILACS_inspection_history": titled("History", HISTORY_2025, history),
    }
    return write_ods(path, sheets)


def test_the_2025_edition_reads_codes_and_both_dates(tmp_path: Path) -> None:
    history = [
        [
            LINK,
            "E08000038",
            "Barnsley",
            "Current",
            "North East",
            D(2023, 9, 11),
            D(2023, 10, 27),
            "ILACS Short Inspection",
            "Good",
            "Good",
            RI,
            "Good",
            "Good",
        ],
        [
            LINK,
            "E10000006",
            "Cumbria",
            "No longer exists",
            "North West",
            D(2022, 9, 20),
            D(2022, 11, 15),
            "ILACS Standard Inspection",
            RI,
            RI,
            RI,
            "Good",
            "",
        ],
    ]
    latest = [
        [
            LINK,
            "E08000038",
            "Barnsley",
            "North East",
            D(2023, 9, 11),
            "Good",
            "Good",
            RI,
            "Good",
            "Good",
        ]
    ]
    in_year = [
        [
            LINK,
            "E08000038",
            "Barnsley",
            "North East",
            D(2023, 9, 11),
            "ILACS Short Inspection",
            "Good",
            "Good",
            RI,
            "Good",
            "Good",
            "",
        ],
        [LINK, "E08000038", "Barnsley", "North East", D(2024, 11, 5), "ILACS Focused Visit"]
        + [""] * 5
        + ["Front door"],
    ]
    records = read_ofsted(file_2025(tmp_path / "o.ods", history, latest=latest, in_year=in_year))
    assert [(r.la_code, r.type, r.start, r.published) for r in records] == [
        ("E08000038", T.SHORT, D(2023, 9, 11), D(2023, 10, 27)),
        ("E08000038", T.FOCUSED_VISIT, D(2024, 11, 5), None),
        ("E10000006", T.STANDARD, D(2022, 9, 20), D(2022, 11, 15)),
    ]
    assert records[0].judgements[J.HELP_AND_PROTECTION] is Grade.REQUIRES_IMPROVEMENT
    assert records[2].framework_version.name == "ILACS 2018"


def test_a_malformed_code_is_refused_naming_its_column(tmp_path: Path) -> None:
    history = [
        [
            LINK,
            "X123",
            "Barnsley",
            "",
            "",
            D(2023, 9, 11),
            D(2023, 10, 27),
            "ILACS Short Inspection",
            *(["Good"] * 5),
        ]
    ]
    with pytest.raises(FileFormatError) as caught:
        read_ofsted(file_2025(tmp_path / "o.ods", history))
    assert (caught.value.column, caught.value.field, caught.value.value) == (
        "B",
        "local authority area code",
        "X123",
    )


# --- The 2023 edition (synthetic, with the real headings) --------------------------------------

HISTORY_2023 = [
    "Web link",
    "Local authority name",
    "LA region",
    "LA Authority Type",
    "Safeguarding & Looked After Children (SLAC) Inspection publication date",
    "SLAC Safeguarding Overall effectiveness (OE)",
    "SLAC Looked After Children Overall Effectiveness (OE)",
    "SLAC re-inspection of Safeguarding publication date",
    "SLAC re-inspection Safeguarding OE",
    "SLAC re-inspection of services for Children Looked After publication date",
    "SLAC re-inspection of services Children Looked After OE",
    "Child Protection Inspections (CPI) publication date",
    "CPI Overall Effectiveness (OE)",
    "Child Protection Re-Inspection (CPRI) publication date",
    "CPRI Overall Effectiveness (OE)",
    "Targeted Looked After Children (TLAC) inspection publication date",
    "TLAC Overall Effectiveness (OE)",
    "Single Inspection of LA Children's Services (SIF)  First SIF publication date",
    " First SIF Overall Judgement\n(OE)",
    " First SIF children who need help and protection ",
    " First SIF children looked after and achieving permanence ",
    " First SIF CLA Sub: Adoption Performance",
    " First SIF CLA Sub: Experiences and progress of care leavers",
    " First SIF leadership, management and governance",
    "LSCB Overall Effectiveness ",
    "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
    " SIF Re-inspection Overall Judgement\n(OE)",
    " SIF Re-inspection children who need help and protection ",
    " SIF Re-inspection children looked after and achieving permanence ",
    " SIF Re-inspection CLA Sub: Adoption Performance",
    " SIF Re-inspection CLA Sub: Experiences and progress of care leavers",
    " SIF Re-inspection leadership, management and governance",
    "First ILACS framework inspection type",
    "First ILACS framework publication date",
    "First ILACS framework overall effectiveness",
    "First ILACS framework impact of leaders",
    "First ILACS framework experiences and progress of children who need help and protection",
    "First ILACS framework experiences and progress of children in care and care leavers",
]
# The table of LAs that no longer exist ends with one, unnumbered, ILACS inspection.
FORMER_2023 = [*HISTORY_2023[:32]] + [h.replace("First ", "") for h in HISTORY_2023[32:]]
LATEST_2023 = ["Web link", "Local authority name", "Ofsted region", "Inspection date", *FIVE]
IN_YEAR_2023 = ["Web link", "Local authority name", "Ofsted region", "Inspection/Visit date"]
IN_YEAR_2023 += ["Inspection/Visit type", *FIVE, "Visit Theme"]

SIF_GRADES = [RI, RI, "Good", "Outstanding", "Good", RI, "Good"]
CORNWALL_2023 = [
    *[LINK, "Cornwall", "South West", "Unitary"],
    *[D(2009, 10, 23), "Inadequate", "Inadequate"],
    *[D(2011, 2, 25), "Inadequate", D(2011, 2, 25), RI],
    *[D(2013, 3, 15), RI, None, None, None, None],
    *[D(2016, 6, 27), *SIF_GRADES],
    *[None] * 7,
    *["ILACS Short Inspection", D(2019, 11, 5), "Outstanding", "Outstanding", "Good"],
    "Outstanding",
]
DORSET_COUNTY = [
    *[LINK, "Dorset", "South West", "Shire County"],
    *[D(2011, 10, 28), "Good", "Good", *[None] * 10],
    *[D(2016, 5, 23), *SIF_GRADES],
]


CORNWALL_LATEST = [LINK, "Cornwall", "South West", D(2019, 10, 14)]
CORNWALL_LATEST += ["Outstanding", "Outstanding", "Good", "Outstanding"]


def file_2023(
    path: Path,
    rows: Sequence[Sequence[Value]] = (CORNWALL_2023,),
    latest: Sequence[Sequence[Value]] = (CORNWALL_LATEST,),
) -> Path:
    history: list[list[Value]] = [["LA inspections 2009-2023"], ["two tables"], ["links"]]
    history += [["Some cells are empty."], list(HISTORY_2023), *map(list, rows), [], []]
    history += [["Table 11: LAs that existed before the restructure"], list(FORMER_2023)]
    history += [list(DORSET_COUNTY)]
    in_year = titled("In year", IN_YEAR_2023, [])
    return write_ods(
        path,
        {
            "Cover": [["Children's social care data in England 2023"]],
            "LA_level_at_31_Mar_2023": titled("Latest", LATEST_2023, latest),
            "LA_level_in_year_2022-23": in_year,
            "Provider_level_in_year_2022-23": [["not read"]],
            "In_Year_Time_series": [["not read"]],
            "LA_inspections_2009-2023": history,
        },
    )


def test_the_2023_edition_reads_every_regime_since_2009(tmp_path: Path) -> None:
    records = read_ofsted(file_2023(tmp_path / "csc-2023.ods"))
    cornwall = [r for r in records if r.la_code == "E06000052"]
    assert [(r.type, r.published) for r in cornwall] == [
        (T.SLAC, D(2009, 10, 23)),
        (T.SLAC, D(2011, 2, 25)),
        (T.CHILD_PROTECTION, D(2013, 3, 15)),
        (T.SIF, D(2016, 6, 27)),
        (T.SHORT, D(2019, 11, 5)),
    ]
    sif = cornwall[3]
    assert (sif.framework, sif.start) == (Framework.SIF, None)
    assert sif.judgements[J.ADOPTION] is Grade.OUTSTANDING
    assert sif.judgements[J.LSCB] is Grade.GOOD
    assert cornwall[4].start == D(2019, 10, 14)


def test_pre_2013_requires_improvement_is_read_as_adequate(tmp_path: Path) -> None:
    records = read_ofsted(file_2023(tmp_path / "csc-2023.ods"))
    child_protection = next(r for r in records if r.type is T.CHILD_PROTECTION)
    assert child_protection.judgements[J.OVERALL] is LegacyGrade.ADEQUATE
    assert ofsted.PRE_2013_RELABEL.grade is LegacyGrade.ADEQUATE


def test_an_unknown_pre_2013_grade_names_the_old_scale_and_ofsted_s_later_wording(
    tmp_path: Path,
) -> None:
    row = [LINK, "Bexley", "London", "London Borough", D(2012, 8, 24), "Fair", "Good"]
    with pytest.raises(ParseError) as caught:
        read_ofsted(file_2023(tmp_path / "csc-2023.ods", [row], latest=[]))
    assert caught.value.expected == (
        "a grade wording: Outstanding, Good, Adequate (or 'Requires improvement to be good', "
        "Ofsted's later wording for it), Inadequate"
    )


def test_two_reinspections_published_the_same_day_are_one_record(tmp_path: Path) -> None:
    records = read_ofsted(file_2023(tmp_path / "csc-2023.ods"))
    reinspection = next(r for r in records if r.published == D(2011, 2, 25))
    assert dict(reinspection.judgements) == {
        J.SAFEGUARDING: LegacyGrade.INADEQUATE,
        J.LOOKED_AFTER_CHILDREN: LegacyGrade.ADEQUATE,
    }


def test_dorset_in_the_former_table_is_the_county_council(tmp_path: Path) -> None:
    records = read_ofsted(file_2023(tmp_path / "csc-2023.ods"))
    assert {r.la_code for r in records if r.la_name == "Dorset"} == {"E10000009"}


def test_a_slac_report_published_in_august_2012_reads(tmp_path: Path) -> None:
    # SLAC reports were published until 24 August 2012 (Ofsted's 2023 table).
    row = [LINK, "Bexley", "London", "London Borough", D(2012, 8, 24), "Inadequate", "Good"]
    [bexley] = read_ofsted(file_2023(tmp_path / "csc-2023.ods", [row], latest=[]))[:1]
    assert (bexley.type, bexley.framework_version.name) == (T.SLAC, "SLAC 2009")


def test_a_history_sheet_known_only_by_its_sif_heading_is_read_as_wide(tmp_path: Path) -> None:
    # The 2023 edition's SIF columns alone: "Single Inspection of LA Children's Services (SIF)
    # First SIF publication date" is the one heading that says the sheet is a wide one.
    sif_only = HISTORY_2023[:2] + HISTORY_2023[17:25]
    cornwall = [LINK, "Cornwall", D(2016, 6, 27), *SIF_GRADES]
    history = titled("LA inspections 2013-2018", sif_only, [cornwall])
    sheets: dict[str, list[list[Value]]] = {
        "LA_level_at_31_Mar_2023": titled("Latest", LATEST_2023, []),
        "LA_level_in_year_2022-23": titled("In year", IN_YEAR_2023, []),
        "LA_inspections_2009-2023": history,
    }
    [sif] = read_ofsted(write_ods(tmp_path / "csc-2023.ods", sheets))
    assert (sif.la_code, sif.type, sif.published) == ("E06000052", T.SIF, D(2016, 6, 27))
    assert sif.judgements[J.LSCB] is Grade.GOOD


# --- Errors: the file --------------------------------------------------------------------------


def test_a_missing_sheet_is_named_with_the_sheets_the_file_has(tmp_path: Path) -> None:
    path = small_2024(tmp_path)
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml").decode()
    content = content.replace("Inspections_in_year_2023-24", "Notes")
    for read in (read_ofsted, read_lenient):
        broken = tmp_path / "broken.ods"
        with zipfile.ZipFile(broken, "w") as archive:
            archive.writestr("content.xml", content)
        with pytest.raises(FileFormatError, match="the year's inspections and visits") as caught:
            read(broken)
        assert caught.value.field == "sheet"
        assert "Notes" in str(caught.value)
        assert "Inspections_31_March_2024" in str(caught.value)


def test_a_file_without_a_history_sheet_is_refused(tmp_path: Path) -> None:
    path = file_2024(
        tmp_path / "o.ods", names=("Inspections_31_March_2024", "In-year_inspections", "Other")
    )
    with pytest.raises(FileFormatError, match="inspection history") as caught:
        read_ofsted(path)
    assert "ILACS" in str(caught.value.value)


def test_two_sheets_matching_one_pattern_are_refused(tmp_path: Path) -> None:
    sheets: dict[str, list[list[Value]]] = {
        "Inspections_31_March_2024": [["a"]],
        "Inspections_as_at_31_March": [["b"]],
    }
    with pytest.raises(FileFormatError, match="matches several sheets"):
        read_ofsted(write_ods(tmp_path / "o.ods", sheets))


def test_a_renamed_heading_is_named_with_the_sheet_and_the_headings_found(tmp_path: Path) -> None:
    head = [h if h != "Inspection/Visit type" else "Kind of visit" for h in IN_YEAR_2024]
    with pytest.raises(FileFormatError) as caught:
        read_ofsted(file_2024(tmp_path / "o.ods", in_year_head=head))
    error = caught.value
    assert error.sheet == "Inspections_in_year_2023-24"
    assert error.field == "headings"
    assert "inspection/visit type" in str(error)  # the spellings looked for
    assert "kind of visit" in str(error)  # the headings the row has


def test_a_renamed_heading_of_a_wide_sheet_names_the_inspection(tmp_path: Path) -> None:
    head = [
        h.replace("Second ILACS impact of leaders", "Second ILACS leaders") for h in ILACS_WIDE_2024
    ]
    with pytest.raises(FileFormatError, match="second ilacs inspection") as caught:
        read_ofsted(file_2024(tmp_path / "o.ods", ilacs_head=head))
    assert caught.value.sheet == "ILACS_inspections_2018-2024"
    assert "second_ilacs.LEADERSHIP" in str(caught.value)


def test_a_truncated_zip_is_refused(tmp_path: Path) -> None:
    data = small_2024(tmp_path).read_bytes()
    cut = tmp_path / "cut.ods"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileFormatError) as caught:
        read_lenient(cut)
    assert caught.value.file == str(cut)


def test_a_missing_file_is_a_file_format_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="a readable file"):
        read_ofsted(tmp_path / "absent.ods")


# --- Errors: rows ------------------------------------------------------------------------------


THURROCK_START = D(2019, 11, 11)


def bad_latest(grade: Value = "Satisfactory", date: Value = THURROCK_START) -> list[list[Value]]:
    return [["Thurrock", "East of England", date, grade, "Good", "Good", "Good"], *LATEST_ROWS[1:]]


def test_an_unknown_grade_names_file_sheet_row_column_heading_and_value(tmp_path: Path) -> None:
    path = small_2024(tmp_path, latest=bad_latest())
    with pytest.raises(FileFormatError) as caught:
        read_ofsted(path)
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == (
        str(path),
        "Inspections_31_March_2024",
        4,
        "E",
    )
    assert (error.field, error.value) == ("overall effectiveness", "Satisfactory")
    assert "Requires improvement to be good" in error.expected
    assert "grade of the regimes before November 2013" in str(error.detail)


def test_lenient_reading_returns_the_bad_row_beside_the_records(tmp_path: Path) -> None:
    result = read_lenient(small_2024(tmp_path, latest=bad_latest()))
    assert isinstance(result, ReadResult)
    [problem] = result.problems
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Inspections_31_March_2024",
        4,
        "E",
        "Satisfactory",
    )
    # The same inspection is still read from the ILACS sheet; nothing else is lost.
    assert len(result.records) == 6
    assert "1 problem(s)" in str(result)


@pytest.mark.parametrize(
    ("date", "expected"),
    [("31/02/2019", "a date that exists"), ("someday", "a date such as 11/11/2019")],
)
def test_an_impossible_date_is_refused(tmp_path: Path, date: str, expected: str) -> None:
    with pytest.raises(FileFormatError, match=expected) as caught:
        read_ofsted(small_2024(tmp_path, latest=bad_latest("Good", date)))
    assert (caught.value.column, caught.value.field, caught.value.value) == (
        "D",
        "inspection date",
        date,
    )


def test_an_impossible_typed_date_is_refused(tmp_path: Path) -> None:
    path = small_2024(tmp_path, latest=bad_latest("Good", D(2019, 11, 11)))
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml").decode().replace("2019-11-11", "2019-11-31", 1)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", content)
    with pytest.raises(FileFormatError, match="a date that exists") as caught:
        read_ofsted(path)
    assert caught.value.row == 4


def test_an_unknown_inspection_type_is_refused(tmp_path: Path) -> None:
    in_year = [["Thurrock", "", D(2023, 6, 1), "ILACS Deep Dive", *[""] * 5, "Front door"]]
    with pytest.raises(FileFormatError, match="one of sif") as caught:
        read_ofsted(small_2024(tmp_path, in_year=in_year))
    assert (caught.value.column, caught.value.value) == ("E", "ILACS Deep Dive")


def test_an_unknown_la_name_suggests_close_names(tmp_path: Path) -> None:
    in_year = [["Thurock", "", D(2023, 6, 1), "ILACS Focused Visit", *[""] * 5, "Front door"]]
    with pytest.raises(FileFormatError, match="did you mean 'Thurrock'") as caught:
        read_ofsted(small_2024(tmp_path, in_year=in_year))
    assert (caught.value.column, caught.value.field) == ("B", "local authority name")


def test_sheets_that_disagree_about_one_inspection_are_reported(tmp_path: Path) -> None:
    in_year = [["Thurrock", "", THURROCK_START, "ILACS Standard Inspection", "Outstanding"]]
    in_year[0] += ["Good"] * 3
    result = read_lenient(small_2024(tmp_path, in_year=in_year))
    # The in-year row disagrees with the ILACS sheet, the latest row with the in-year row:
    # both are reported, the ILACS sheet's account is kept.
    assert [(p.sheet, p.row, p.column, p.value) for p in result.problems] == [
        ("Inspections_in_year_2023-24", 4, "F", "Outstanding"),
        ("Inspections_31_March_2024", 4, "E", "Good"),
    ]
    assert "ILACS_inspections_2018-2024" in result.problems[0].message
    thurrock = next(r for r in result.records if r.type is T.STANDARD and r.la_name == "Thurrock")
    assert (thurrock.start, thurrock.overall) == (None, Grade.GOOD)


def test_a_latest_row_that_no_sheet_types_is_reported(tmp_path: Path) -> None:
    result = read_lenient(small_2024(tmp_path, ilacs=ILACS_ROWS[1:]))
    [problem] = result.problems
    assert (problem.row, problem.column) == (4, "D")
    assert "an inspection type" in problem.message


def test_a_visit_with_grades_is_refused_at_a_grade_column(tmp_path: Path) -> None:
    in_year = [["Thurrock", "", D(2023, 6, 1), "ILACS Focused Visit", "Good", *[""] * 4]]
    with pytest.raises(FileFormatError, match="no graded judgements") as caught:
        read_ofsted(small_2024(tmp_path, in_year=in_year))
    assert caught.value.column == "F"


def test_a_row_with_judgements_but_no_date_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="a date for a row") as caught:
        read_ofsted(small_2024(tmp_path, latest=bad_latest("Good", None)))
    assert (caught.value.row, caught.value.column) == (4, "D")


def test_a_wide_inspection_without_its_publication_date_is_refused(tmp_path: Path) -> None:
    ilacs = [["Thurrock", "", None, "ILACS Standard Inspection", *["Good"] * 4]]
    with pytest.raises(FileFormatError, match="publication date of the inspection") as caught:
        read_ofsted(small_2024(tmp_path, ilacs=ilacs, latest=[], in_year=[]))
    assert caught.value.column == "D"


def test_a_record_dated_only_by_publication_under_the_wrong_version_is_refused(
    tmp_path: Path,
) -> None:
    # Four judgements (children in care and care leavers together) were given by inspections
    # starting before 16 January 2023; published on 1 February 2023 with no inspection date,
    # the record would fall under ILACS 2023.
    ilacs = [["Thurrock", "", D(2023, 2, 1), "ILACS Standard Inspection", *["Good"] * 4]]
    with pytest.raises(FileFormatError, match="ILACS 2018") as caught:
        read_ofsted(small_2024(tmp_path, ilacs=ilacs, latest=[], in_year=[]))
    assert (caught.value.column, caught.value.field) == ("D", "first ilacs publication date")
    assert "an inspection date" in caught.value.expected


def test_a_record_that_its_publication_date_would_put_after_april_2026_is_refused(
    tmp_path: Path,
) -> None:
    # Five judgements with overall effectiveness: an inspection that started before April 2026.
    ilacs = [["Thurrock", "", D(2026, 5, 1), "ILACS Standard Inspection", *["Good"] * 5]]
    with pytest.raises(FileFormatError, match="those of ILACS 2023") as caught:
        read_ofsted(small_2024(tmp_path, ilacs=ilacs, latest=[], in_year=[]))
    assert "would fall under ILACS 2026" in str(caught.value)


def test_inspection_dates_days_apart_with_other_grades_are_reported(tmp_path: Path) -> None:
    latest = [["Thurrock", "", D(2023, 9, 20), *WOKINGHAM_2023]]
    in_year = [["Thurrock", "", D(2023, 9, 22), "ILACS Standard Inspection", "Good"]]
    in_year[0] += WOKINGHAM_2023[1:]
    result = read_lenient(small_2024(tmp_path, latest=latest, in_year=in_year, ilacs=[]))
    [problem] = result.problems
    assert (problem.sheet, problem.column, problem.value) == ("Inspections_31_March_2024", "E", RI)


def test_one_visit_given_two_themes_is_reported(tmp_path: Path) -> None:
    visit = ["Thurrock", "", D(2023, 6, 1), "ILACS Focused Visit", *[""] * 5]
    in_year = [[*visit, "Front door"], [*visit, "Care leavers"]]
    result = read_lenient(small_2024(tmp_path, in_year=in_year))
    [problem] = result.problems
    assert (problem.row, problem.column, problem.value) == (5, "K", "Care leavers")


def test_a_wide_inspection_without_its_type_is_refused(tmp_path: Path) -> None:
    ilacs = [["Thurrock", "", D(2019, 12, 20), "", *["Good"] * 4]]
    with pytest.raises(FileFormatError, match="the inspection's type") as caught:
        read_ofsted(small_2024(tmp_path, ilacs=ilacs, latest=[], in_year=[]))
    assert caught.value.column == "E"


def test_a_date_cell_with_a_malformed_value_is_refused(tmp_path: Path) -> None:
    path = small_2024(tmp_path)
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml").decode().replace('"2019-11-11"', '"soon"', 1)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", content)
    with pytest.raises(FileFormatError, match="office:date-value") as caught:
        read_ofsted(path)
    assert (caught.value.row, caught.value.column) == (4, "D")


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20))
def test_any_grade_text_reads_or_raises_a_file_format_error(tmp_path: Path, text: str) -> None:
    path = small_2024(tmp_path, latest=bad_latest(text))
    result = read_lenient(path)
    assert all((p.sheet, p.row) == ("Inspections_31_March_2024", 4) for p in result.problems)
    assert any(r.la_name == "Thurrock" for r in result.records)


# --- Property: a 2025-style file of generated inspections reads back ---------------------------


def history_row(record: Inspection) -> list[Value]:
    grades = [record.judgements.get(a) for a in FIVE_AREAS]
    kind = {T.STANDARD: "ILACS Standard Inspection", T.SHORT: "ILACS Short Inspection"}
    return [
        *[LINK, record.la_code, record.la_name, "Current", "", record.start, record.published],
        kind[record.type],
        *[g.label if g else "" for g in grades],
    ]


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=ilacs_inspections_of_las())
def test_generated_inspections_written_as_the_2025_edition_read_back(
    tmp_path: Path, records: list[Inspection]
) -> None:
    path = file_2025(tmp_path / "generated.ods", [history_row(r) for r in records])
    assert read_ofsted(path) == records


# --- The LA code table -------------------------------------------------------------------------


def test_the_register_has_153_authorities_with_unique_codes() -> None:
    codes = [a.code for a in la_codes.LOCAL_AUTHORITIES]
    assert len(codes) == len(set(codes)) == 153


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Bristol, City of", "E06000023"),
        ("Bristol", "E06000023"),
        ("Herefordshire, County of", "E06000019"),
        ("Kingston upon Hull, City of", "E06000010"),
        ("Kingston Upon Hull", "E06000010"),
        ("St. Helens", "E08000013"),
        ("St Helens", "E08000013"),
        ("Bedford Borough", "E06000055"),
        ("Durham", "E06000047"),
        ("Bournemouth, Christchurch & Poole", "E06000058"),
        ("Hammersmith & Fulham", "E09000013"),
        ("Telford & Wrekin", "E06000020"),
        ("Stockton-on-Tees", "E06000004"),
        ("Cumbria", "E10000006"),
    ],
)
def test_name_variants_resolve_to_ons_codes(name: str, code: str) -> None:
    assert la_codes.la_code(name) == code


def test_an_unknown_name_raises_a_parse_error() -> None:
    with pytest.raises(ParseError, match="did you mean 'Bristol"):
        la_codes.la_code("Bristoll")
    with pytest.raises(ParseError):
        la_codes.la_code("Atlantis")


def test_authority_by_code() -> None:
    assert la_codes.authority("e10000009").abolished == D(2019, 4, 1)
    with pytest.raises(ParseError):
        la_codes.authority("E99999999")


@needs_data
def test_every_la_of_the_csv_resolves_to_its_code() -> None:
    pairs = {(r.la_code, r.la_name) for r in read_csv(CSV)}
    former = {a.code for a in la_codes.FORMER_LOCAL_AUTHORITIES}
    wrong = {
        (code, name)
        for code, name in pairs
        if la_codes.la_code(name, former=code in former) != code
    }
    assert not wrong
    assert len(pairs) == 158  # the data README: 158 LAs


# --- The real files ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_2024() -> list[Inspection]:
    return read_ofsted(shared_file(FILE_2024))


@pytest.fixture(scope="module")
def real_2023() -> list[Inspection]:
    return read_ofsted(shared_file(FILE_2023))


@pytest.fixture(scope="module")
def real_2025() -> list[Inspection]:
    return read_ofsted(shared_file(FILE_2025))


@pytest.fixture(scope="module")
def real_csv() -> list[Inspection]:
    return read_csv(shared_file(CSV))


def find(records: Sequence[Inspection], name: str, **fields: object) -> Inspection:
    [found] = [
        r
        for r in records
        if r.la_name == name and all(getattr(r, k) == v for k, v in fields.items())
    ]
    return found


@needs_data
def test_the_real_files_read_strictly_without_problems() -> None:
    for path in (FILE_2025, FILE_2024, FILE_2023):
        result = read_lenient(path)
        assert result.ok, result.problems[:3]


@needs_data
def test_the_2024_file_counts_las_and_events(real_2024: list[Inspection]) -> None:
    current = {a.code for a in la_codes.LOCAL_AUTHORITIES}
    codes = {r.la_code for r in real_2024}
    # 153 current LAs less Cumberland and Westmorland and Furness (not yet inspected), plus
    # Bournemouth, Northamptonshire and Cumbria, which no longer exist.
    assert len(codes & current) == 151
    assert codes - current == {"E06000028", "E10000021", "E10000006"}
    assert len(real_2024) == 284
    assert sum(r.type is T.FOCUSED_VISIT for r in real_2024) == 37
    assert sum(r.type is T.MONITORING_VISIT for r in real_2024) == 28


def test_the_2025_file_counts_las_and_events(real_2025: list[Inspection]) -> None:
    current = {a.code for a in la_codes.LOCAL_AUTHORITIES}
    codes = {r.la_code for r in real_2025}
    # every ILACS inspection, Jan 2018 - Mar 2025, of the 153 LAs and of 3 that no longer exist
    # (the data README); Barnsley and Sheffield still under their codes before April 2025
    assert len(codes & current) == 153
    assert codes - current == {"E06000028", "E10000021", "E10000006"}
    assert {"E08000016", "E08000019"} <= codes
    kinds = Counter(r.type for r in real_2025)
    assert kinds == {T.STANDARD: 171, T.SHORT: 100, T.FOCUSED_VISIT: 36, T.MONITORING_VISIT: 24}
    assert min(r.date for r in real_2025) == D(2018, 1, 29)  # Rochdale, the first ILACS
    assert max(r.date for r in real_2025) == D(2025, 3, 26)


def test_the_2025_file_agrees_with_the_merged_csv(
    real_2025: list[Inspection], real_csv: list[Inspection]
) -> None:
    # the CSV merged this file with the reports: the same events, dates and grades
    by_key = {(r.la_code, r.type, r.date): r for r in real_csv}
    for record in real_2025:
        other = by_key[(record.la_code, record.type, record.date)]
        assert other.judgements == record.judgements
        if record.graded:  # the file gives no last on-site day; the CSV adds it from the reports
            assert other.published == record.published
    since = D(2024, 4, 1)
    visits = {(r.la_code, r.type, r.date) for r in real_csv if not r.graded and r.date >= since}
    assert visits == {(r.la_code, r.type, r.date) for r in real_2025 if not r.graded}


def test_the_2025_file_forecasts_the_whole_country(real_2025: list[Inspection]) -> None:
    from ilacs.scheduling import next_inspections

    found = next_inspections(real_2025, as_of=D(2025, 3, 31))
    assert len(found) == 153
    assert found.national
    assert {o.la_code for o in found.left_out} == {"E06000028", "E10000021", "E10000006"}


@needs_data
def test_the_2023_file_counts_las_and_regimes(real_2023: list[Inspection]) -> None:
    codes = {r.la_code for r in real_2023}
    assert len(codes) == 156
    assert sum(r.type is T.SIF for r in real_2023) == 152
    assert sum(r.type is T.SIF_REINSPECTION for r in real_2023) == 21
    assert sum(r.type is T.SLAC for r in real_2023) == 161
    assert {r.framework for r in real_2023 if r.type is T.LOOKED_AFTER_CHILDREN} == {
        Framework.CP_2012
    }


@needs_data
def test_each_las_real_records_form_a_valid_history(
    real_2024: list[Inspection], real_2023: list[Inspection]
) -> None:
    assert len(histories(real_2024)) == 154
    assert len(histories(real_2023)) == 156


@needs_data
def test_thurrocks_2019_ilacs_grades_are_all_good(real_2024: list[Inspection]) -> None:
    thurrock = find(real_2024, "Thurrock", published=D(2019, 12, 20))
    assert (thurrock.la_code, thurrock.type, thurrock.start) == (
        "E06000034",
        T.STANDARD,
        D(2019, 11, 11),
    )
    assert dict(thurrock.judgements) == dict.fromkeys(FIVE_AREAS[:4], Grade.GOOD)
    assert thurrock.framework_version.name == "ILACS 2018"


@needs_data
def test_wokinghams_2023_inspection_has_five_judgements(
    real_2024: list[Inspection], real_csv: list[Inspection]
) -> None:
    wokingham = find(real_2024, "Wokingham", start=D(2023, 3, 6))
    expected = find(real_csv, "Wokingham", start=D(2023, 3, 6))
    assert wokingham.published == expected.published == D(2023, 5, 9)
    assert dict(wokingham.judgements) == dict(expected.judgements)
    assert len(wokingham.judgements) == 5
    assert wokingham.framework_version.name == "ILACS 2023"


@needs_data
def test_thurrocks_sif_of_2016_reads_from_the_2023_file(real_2023: list[Inspection]) -> None:
    sif = find(real_2023, "Thurrock", type=T.SIF)
    assert (sif.published, sif.start, sif.framework) == (D(2016, 5, 24), None, Framework.SIF)
    assert sif.overall is Grade.REQUIRES_IMPROVEMENT
    assert sif.framework_version.name == "SIF"


@needs_data
def test_cumbrias_2022_inspection_keeps_the_earlier_of_two_dates(
    real_2023: list[Inspection],
) -> None:
    cumbria = find(real_2023, "Cumbria", published=D(2022, 11, 15))
    assert (cumbria.la_code, cumbria.start, cumbria.type) == (
        "E10000006",
        D(2022, 9, 20),
        T.STANDARD,
    )


@needs_data
def test_pre_2013_rows_of_the_real_file(real_2023: list[Inspection]) -> None:
    barking = find(real_2023, "Barking and Dagenham", type=T.SLAC)
    assert barking.published == D(2012, 7, 27)
    assert dict(barking.judgements) == {
        J.SAFEGUARDING: LegacyGrade.GOOD,
        J.LOOKED_AFTER_CHILDREN: LegacyGrade.ADEQUATE,
    }
    cornwall = find(real_2023, "Cornwall", published=D(2011, 2, 25))
    assert set(cornwall.judgements) == {J.SAFEGUARDING, J.LOOKED_AFTER_CHILDREN}


# Where Ofsted's tables and the project's CSV (merged from the reports) differ.
KNOWN_DIFFERENCES = {
    # Ofsted's tables give 5 November 2022; the CSV (from the report) 5 September 2022.
    ("E06000018", D(2022, 11, 5)): "Nottingham: publication date",
    # Ofsted's tables grade care leavers Good; the CSV, Requires improvement to be good.
    ("E10000028", D(2024, 1, 12)): "Staffordshire: care leavers",
}


def compare_with_csv(
    records: Sequence[Inspection], csv_records: Sequence[Inspection], types: set[T]
) -> tuple[int, dict[tuple[str, dt.date], str]]:
    """How many records of ``types`` match a CSV row (LA, publication date, judgements)."""
    by_publication = {(r.la_code, r.published): r for r in csv_records if r.published}
    matched = 0
    different: dict[tuple[str, dt.date], str] = {}
    for record in records:
        if record.type not in types or record.published is None:
            continue
        key = (record.la_code, record.published)
        row = by_publication.get(key)
        if row is None:
            different[key] = "no CSV row published that day"
        elif {a: g for a, g in record.judgements.items() if a in FIVE_AREAS} != dict(
            row.judgements
        ):
            different[key] = "judgements differ"
        else:
            matched += 1
    return matched, different


@needs_data
def test_every_ilacs_inspection_of_2024_matches_the_csv(
    real_2024: list[Inspection], real_csv: list[Inspection]
) -> None:
    matched, different = compare_with_csv(real_2024, real_csv, {T.STANDARD, T.SHORT})
    assert set(different) <= set(KNOWN_DIFFERENCES), different
    assert matched / (matched + len(different)) >= 0.99  # 217 of 219 (measured)


@needs_data
def test_every_sif_and_ilacs_inspection_of_2023_matches_the_csv(
    real_2023: list[Inspection], real_csv: list[Inspection]
) -> None:
    types = {T.SIF, T.SIF_REINSPECTION, T.STANDARD, T.SHORT}
    matched, different = compare_with_csv(real_2023, real_csv, types)
    assert set(different) <= set(KNOWN_DIFFERENCES), different
    assert matched / (matched + len(different)) >= 0.99  # 349 of 350 (measured)


@needs_data
def test_visits_of_the_2024_file_are_in_the_csv(
    real_2024: list[Inspection], real_csv: list[Inspection]
) -> None:
    visits = {(r.la_code, r.start, r.type) for r in real_csv if not r.graded}
    read = {(r.la_code, r.start, r.type) for r in real_2024 if not r.graded}
    assert read <= visits

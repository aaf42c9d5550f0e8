"""One tidy table: :func:`to_rows` turns the library's records into flat rows of plain values.

Each row is a ``dict`` of plain Python values: text, numbers, ``True``/``False``,
``datetime.date`` and ``None`` for a missing value; enums are written in words (a grade in
Ofsted's wording, ``"short"`` for the inspection type); there is one column per judgement area
and a ``region`` column (the LA's ONS region, ``None`` for a code outside the register). Every
row of one call has the same columns in the same order, so ``pandas.DataFrame(to_rows(x))`` and
``polars.DataFrame(to_rows(x))`` give one tidy table, and the command line writes the same
columns as CSV (``ilacs export``) and JSON.

Inspections (and histories) take the columns of the CSV schema of :mod:`ilacs.tabular`, so
that :func:`~ilacs.tabular.read_csv` reads the table back (it ignores ``region`` and
``framework_version``, which are derived). Forecasts, deadlines and comparisons (with grade
changes) each have their own columns: :data:`FORECAST_COLUMNS`, :data:`DEADLINE_COLUMNS` and
:data:`CHANGE_COLUMNS`. A row's ``why`` joins the sentences of its reasons with `` | ``, and
``sources`` the addresses of their sources.

>>> import datetime as dt
>>> from ilacs.records import Inspection
>>> thurrock = Inspection("E06000034", "Thurrock", "standard",
...                       start=dt.date(2019, 11, 11), end=dt.date(2019, 11, 22),
...                       judgements={"overall": "Good", "leadership": "Good"})
>>> row = to_rows([thurrock])[0]
>>> row["region"], row["inspection_type"], row["start_date"], row["overall"]
('East of England', 'standard', datetime.date(2019, 11, 11), 'Good')
>>> row["framework"], row["framework_version"], row["care_leavers"]
('ILACS', 'ILACS 2018', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ilacs.catalogue.frameworks import JudgementArea
from ilacs.catalogue.regions import region_or_none
from ilacs.comparison import (
    Comparison,
    GradeChange,
    InspectionComparison,
    Unmatched,
    Verdict,
)
from ilacs.errors import ValidationError
from ilacs.records import History, Inspection, Judgement
from ilacs.scheduling.records import Deadline, Forecast
from ilacs.sources import Reason
from ilacs.tabular import _FIELDS as _CSV_FIELDS
from ilacs.tabular import CSV_COLUMNS, OPTIONAL_COLUMNS

__all__ = [
    "CHANGE_COLUMNS",
    "DEADLINE_COLUMNS",
    "FORECAST_COLUMNS",
    "column_of",
    "inspection_columns",
    "region_name",
    "to_rows",
]


def _schema(name: str) -> str:
    """``name``, checked to be a column of the CSV schema (:mod:`ilacs.tabular` owns them)."""
    if name not in CSV_COLUMNS and name not in OPTIONAL_COLUMNS:
        raise AssertionError(f"{name!r} is not a column of ilacs.tabular's CSV schema")
    return name


_LA_CODE, _LA_NAME = _schema("la_code"), _schema("la_name")
_TYPE = _schema("inspection_type")
_COLUMN_OF: Mapping[str, str] = {field: column for column, field in _CSV_FIELDS.items()}
"""The CSV schema's column for each field of :class:`~ilacs.records.Inspection` and each
judgement (``"judgements.OVERALL"``): :mod:`ilacs.tabular`'s table, turned round."""

_AREA_COLUMNS: Mapping[JudgementArea, str] = {
    area: name
    for name in (*CSV_COLUMNS, *OPTIONAL_COLUMNS)
    for area in JudgementArea
    if name == area.name.lower()
}
"""The CSV schema's column for each judgement area (one per area, named after it)."""
if set(_AREA_COLUMNS) != set(JudgementArea):  # pragma: no cover - a schema change
    raise AssertionError("the CSV schema lacks a column for a judgement area")
_MAIN_AREAS = tuple(a for a, name in _AREA_COLUMNS.items() if name in CSV_COLUMNS)
REGION = "region"
VERSION = "framework_version"


def column_of(field: str) -> str:
    """The column of the tidy table (and the CSV schema) that holds an inspection's ``field``.

    ``field`` is an attribute of :class:`~ilacs.records.Inspection` (``"published"``) or a
    judgement (``"judgements.CARE_LEAVERS"``).

    >>> column_of("published"), column_of("judgements.CARE_LEAVERS")
    ('publication_date', 'care_leavers')

    Raises:
        ValidationError: ``field`` is neither.
    """
    if field in _COLUMN_OF:
        return _COLUMN_OF[field]
    raise ValidationError("field", field, "a field of an Inspection, or judgements.AREA")


def inspection_columns(inspections: Iterable[Inspection] = ()) -> tuple[str, ...]:
    """The columns of the rows of ``inspections``: the CSV schema's, ``region`` and the version.

    Every row has the five judgement areas ILACS grades, ``notified_date``, ``theme`` and
    ``priority_action``; the other areas (the SIF's adoption and LSCB reviews, the areas
    judged before 2013) only when one of ``inspections`` was judged on them.
    """
    used = {area for inspection in inspections for area in inspection.judgements}
    columns: list[str] = []
    for name in (*CSV_COLUMNS, *OPTIONAL_COLUMNS):
        area = next((a for a, c in _AREA_COLUMNS.items() if c == name), None)
        if area is not None and area not in _MAIN_AREAS and area not in used:
            continue
        columns.append(name)
        if name == _LA_NAME:
            columns.append(REGION)
        elif name == _COLUMN_OF["framework"]:
            columns.append(VERSION)
    return tuple(columns)


FORECAST_COLUMNS: tuple[str, ...] = (
    _LA_CODE,
    _LA_NAME,
    REGION,
    "kind",
    _TYPE,
    "as_of",
    "earliest",
    "expected",
    "latest",
    "overdue",
    "written_earliest",
    "written_expected",
    "written_latest",
    "practice",
    "type_share",
    "data_end",
    "uncertain",
    "why",
    "sources",
)
"""The columns of a forecast's row (:class:`~ilacs.scheduling.records.Forecast`)."""

DEADLINE_COLUMNS: tuple[str, ...] = (
    _LA_CODE,
    _LA_NAME,
    REGION,
    _TYPE,
    "inspection_date",
    "duty",
    "duty_name",
    "who",
    "trigger",
    "counted_from",
    "working_days",
    "due",
    "uncertain",
    "why",
    "sources",
)
"""The columns of a deadline's row: the inspection it follows (type and date) and the duty."""

CHANGE_COLUMNS: tuple[str, ...] = (
    _LA_CODE,
    _LA_NAME,
    REGION,
    "area",
    "first_date",
    "first_framework_version",
    "first_grade",
    "second_la_code",
    "second_la_name",
    "second_date",
    "second_framework_version",
    "second_grade",
    "verdict",
    "direction",
    "steps",
    "policy",
    "why",
    "sources",
)
"""The columns of a comparison's row (also of a grade change, and of each area of an
:class:`~ilacs.comparison.InspectionComparison`): ``direction`` and ``steps`` are filled only
for a grade change; a judgement with no counterpart has no grade on the other side and the
verdict "not comparable"."""


def region_name(la_code: str) -> str | None:
    """The ONS region of the LA coded ``la_code``, in words; None for a code not in the register.

    >>> region_name("E06000041"), region_name("E1")
    ('South East', None)
    """
    region = region_or_none(la_code)
    return None if region is None else region.value


def _who(la_code: str, la_name: str | None) -> dict[str, Any]:
    """The first columns of every row: the LA's code, name and region."""
    return {_LA_CODE: la_code, _LA_NAME: la_name or None, REGION: region_name(la_code)}


def _why(reasons: Sequence[Reason]) -> str:
    return " | ".join(r.text for r in reasons)


def _sources(reasons: Sequence[Reason]) -> str:
    return " | ".join(dict.fromkeys(s.url for r in reasons for s in r.sources))


def _inspection_row(inspection: Inspection) -> dict[str, Any]:
    version = inspection.framework_version
    values: dict[str, Any] = {
        "la_code": inspection.la_code,
        "la_name": inspection.la_name,
        "framework": (inspection.framework or version.framework).name,
        "type": inspection.type.value,
        "start": inspection.start,
        "end": inspection.end,
        "published": inspection.published,
        "notified": inspection.notified,
        "theme": inspection.theme,
        "priority_action": inspection.priority_action,
    }
    row: dict[str, Any] = {_COLUMN_OF[f]: v for f, v in values.items()}
    row[REGION] = region_name(inspection.la_code)
    row[VERSION] = version.name
    for area, column in _AREA_COLUMNS.items():
        grade = inspection.judgements.get(area)
        row[column] = grade.label if grade is not None else None
    return row


def _forecast_row(forecast: Forecast) -> dict[str, Any]:
    written = forecast.written
    return {
        **_who(forecast.la_code, forecast.la_name),
        "kind": forecast.kind.value,
        _TYPE: forecast.type.value,
        "as_of": forecast.as_of,
        "earliest": forecast.earliest,
        "expected": forecast.expected,
        "latest": forecast.latest,
        "overdue": forecast.overdue,
        "written_earliest": written.earliest if written else None,
        "written_expected": written.expected if written else None,
        "written_latest": written.latest if written else None,
        "practice": forecast.practice.value,
        "type_share": forecast.type_share,
        "data_end": forecast.data_end,
        "uncertain": forecast.uncertain,
        "why": _why(forecast.reasons),
        "sources": _sources(forecast.reasons),
    }


def _deadline_row(deadline: Deadline) -> dict[str, Any]:
    kind = deadline.inspection_type
    return {
        **_who(deadline.la_code, deadline.la_name),
        _TYPE: kind.value if kind is not None else None,
        "inspection_date": deadline.inspection_date,
        "duty": deadline.code,
        "duty_name": deadline.name,
        "who": deadline.who,
        "trigger": deadline.trigger,
        "counted_from": deadline.counted_from,
        "working_days": deadline.working_days,
        "due": deadline.due,
        "uncertain": deadline.uncertain,
        "why": _why(deadline.reasons),
        "sources": _sources(deadline.reasons),
    }


def _sides(
    first: Judgement | None, second: Judgement | None, area: JudgementArea
) -> dict[str, Any]:
    named = first or second
    assert named is not None  # a row has at least one judgement
    row: dict[str, Any] = {**_who(named.la_code, named.la_name), "area": area.name.lower()}
    for side, j in (("first", first), ("second", second)):
        if side == "second":
            row["second_la_code"] = (second or named).la_code
            row["second_la_name"] = (second or named).la_name or None
        row[f"{side}_date"] = j.inspected if j else None
        row[f"{side}_framework_version"] = j.framework_version.name if j else None
        row[f"{side}_grade"] = j.grade.label if j else None
    return row


def _comparison_row(comparison: Comparison, change: GradeChange | None = None) -> dict[str, Any]:
    first, second = (change.earlier, change.later) if change else (comparison.a, comparison.b)
    row = _sides(first, second, first.area)
    row["area"] = first.area.name.lower() if first.area is second.area else None
    row["verdict"] = comparison.verdict.value
    row["direction"] = change.direction.value if change else None
    row["steps"] = change.steps if change else None
    row["policy"] = comparison.policy.name
    row["why"] = _why(comparison.reasons)
    row["sources"] = _sources(comparison.reasons)
    return row


def _change_row(change: GradeChange) -> dict[str, Any]:
    return _comparison_row(change.comparison, change)


def _unmatched_row(
    unmatched: Unmatched, inspections: InspectionComparison, first: bool
) -> dict[str, Any]:
    j = unmatched.judgement
    row = _sides(j if first else None, None if first else j, j.area)
    other = inspections.b if first else inspections.a
    side = "second" if first else "first"
    row[f"{side}_date"] = other.date
    row[f"{side}_framework_version"] = other.framework_version.name
    row["verdict"] = Verdict.NOT_COMPARABLE.value
    row["direction"] = row["steps"] = None
    row["policy"] = inspections.policy.name
    row["why"] = _why(unmatched.reasons)
    row["sources"] = _sources(unmatched.reasons)
    return row


def _inspection_comparison_rows(result: InspectionComparison) -> Iterator[dict[str, Any]]:
    """One row per area judged in either inspection, in the order of the judgement areas."""
    one_la = result.a.la_code == result.b.la_code
    by_area: dict[JudgementArea, dict[str, Any]] = {}
    for comparison in result.comparisons:
        row = _comparison_row(comparison)
        if one_la and comparison.verdict is not Verdict.NOT_COMPARABLE:
            change = comparison.change()
            row["direction"], row["steps"] = change.direction.value, change.steps
        by_area[comparison.a.area] = row
    for unmatched in result.unmatched:
        first = unmatched.judgement in result.a.all_judgements()
        by_area[unmatched.judgement.area] = _unmatched_row(unmatched, result, first)
    for area in JudgementArea:
        if area in by_area:
            yield by_area[area]


_KINDS: Mapping[type, str] = {
    Inspection: "inspections",
    History: "inspections",
    Forecast: "forecasts",
    Deadline: "deadlines",
    Comparison: "comparisons",
    GradeChange: "comparisons",
    InspectionComparison: "comparisons",
}


def _records(items: Any) -> Iterator[Any]:
    if isinstance(items, (str, bytes, Mapping)) or (
        type(items) in _KINDS and not isinstance(items, History)
    ):
        yield items
        return
    if not isinstance(items, Iterable):
        yield items
        return
    for item in items:
        if isinstance(item, History):
            yield from item
        else:
            yield item


def to_rows(items: Iterable[Any] | Any) -> list[dict[str, Any]]:
    """Flat rows of plain values, one table, from records of one kind (see the module docstring).

    Args:
        items: inspections (or histories, for their inspections); forecasts (graded
            inspections and visits together); deadlines; or comparisons, grade changes and
            inspection comparisons (an :class:`~ilacs.comparison.InspectionComparison` gives
            one row per judgement area). One record alone is taken as a list of one.

    Returns:
        One ``dict`` per row, each with the same keys in the same order (:func:`inspection_columns`,
        :data:`FORECAST_COLUMNS`, :data:`DEADLINE_COLUMNS` or :data:`CHANGE_COLUMNS`); an empty
        list for no items.

    Raises:
        ValidationError: an item is none of those records, or items of different kinds are
            mixed (a table has one set of columns).

    >>> import datetime as dt
    >>> import ilacs
    >>> history = ilacs.read_csv("examples/histories.csv")
    >>> rows = to_rows(ilacs.next_inspections(history, as_of=dt.date(2024, 3, 31)))
    >>> [(r["la_name"], r["inspection_type"], r["region"]) for r in rows]
    [('Thurrock', 'short', 'East of England'), ('Durham', 'short', 'North East'),
     ('Wokingham', 'standard', 'South East')]
    >>> to_rows(["Thurrock"])
    Traceback (most recent call last):
    ...
    ilacs.errors.ValidationError: items: got 'Thurrock'; expected inspections,
    histories, forecasts, deadlines or comparisons (records of ilacs)
    """
    records = list(_records(items))
    kinds: dict[str, Any] = {}
    for record in records:
        kind = _KINDS.get(type(record))
        if kind is None:
            raise ValidationError(
                "items",
                record,
                "inspections, histories, forecasts, deadlines or comparisons (records of ilacs)",
            )
        kinds.setdefault(kind, record)
    if len(kinds) > 1:
        raise ValidationError(
            "items",
            [type(r).__name__ for r in kinds.values()],
            "records of one kind: one table has one set of columns",
            "call to_rows once for each kind",
        )
    if "inspections" in kinds:
        columns = inspection_columns(records)
        rows = [_inspection_row(r) for r in records]
        return [{c: row[c] for c in columns} for row in rows]
    out: list[dict[str, Any]] = []
    for record in records:
        if isinstance(record, Forecast):
            out.append(_forecast_row(record))
        elif isinstance(record, Deadline):
            out.append(_deadline_row(record))
        elif isinstance(record, Comparison):
            out.append(_comparison_row(record))
        elif isinstance(record, GradeChange):
            out.append(_change_row(record))
        else:
            out.extend(_inspection_comparison_rows(record))
    return out

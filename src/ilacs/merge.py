"""Several files' inspections as one list: :func:`merge_inspections`.

Ofsted's editions overlap: the 2024 and 2025 files list many of the same inspections, one
edition knows an inspection's start and the other only its publication, and now and then they
disagree. Merging them keeps each inspection or visit once, with what the files give between
them, and reports every disagreement, as :func:`~ilacs.ofsted.read_ofsted` does for the sheets
of one file:

- Two records are the same event when they are of the same LA (by code; an LA's code from
  April 2025 counts as its older one, :data:`~ilacs.catalogue.la_codes.RECODED`), both graded
  inspections or both visits, and: they have the same date; or they are graded and their
  on-site days overlap, or they were published on the same day; or one has no start date and
  both were published on the same day. Records of one file are never merged with each other
  (the file's reader decides about those).
- The merged record takes each field from the first file that gives it (a blank cell gives
  nothing): dates, type, framework, theme, and each judgement area on its own.
- When two files give different values for one field, the first file's is kept and the
  disagreement is reported as a :class:`~ilacs.tabular.Problem` naming the later file, the
  column and both values. Order the files with the one you trust most first.

>>> import datetime as dt
>>> from ilacs.records import Inspection
>>> edition_2024 = [Inspection("E06000018", "Nottingham", "standard",
...     published=dt.date(2022, 11, 5), judgements={"overall": "Inadequate"})]
>>> edition_2025 = [Inspection("E06000018", "Nottingham", "standard",
...     start=dt.date(2022, 7, 11), published=dt.date(2022, 11, 5),
...     judgements={"overall": "Inadequate", "leadership": "RI"})]
>>> merged = merge_inspections(
...     [("2025.ods", edition_2025), ("2024.ods", edition_2024)])
>>> [str(i) for i in merged.records], merged.problems
(['Nottingham (E06000018): ILACS standard inspection, 2022-07-11, overall
Inadequate'], ())
>>> later = [attrs.evolve(edition_2025[0], published=dt.date(2022, 9, 5))]
>>> merged = merge_inspections([("2025.ods", edition_2025), ("2024.ods", later)])
>>> print(merged.problems[0])
2024.ods: publication_date: got '2022-09-05'; expected the same value as 2025.ods
('2022-11-05'), which describes the same inspection (Nottingham (E06000018): ILACS
standard inspection, 2022-07-11, overall Inadequate)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ilacs.catalogue.la_codes import RECODED
from ilacs.errors import FileFormatError, IlacsError, ValidationError
from ilacs.records import Inspection, inspections_of
from ilacs.tabular import Problem, ReadResult
from ilacs.tidy import column_of

__all__ = ["merge_inspections"]

_FIELDS = ("type", "framework", "start", "end", "published", "notified")
"""The fields that two accounts of one event must not give differently (blank = not given)."""


def _la(inspection: Inspection) -> str:
    return RECODED.get(inspection.la_code, inspection.la_code)


def _same_event(a: Inspection, b: Inspection) -> bool:
    if _la(a) != _la(b) or a.graded != b.graded:
        return False
    if a.date == b.date:
        return True
    published = a.published is not None and a.published == b.published
    if a.graded and a.start and b.start and a.overlaps(b):
        return True
    return published and (a.graded or a.start is None or b.start is None)


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "label"):
        return str(value.label)
    return str(getattr(value, "value", value))


def _column(field: str) -> str:
    try:
        return column_of(field)
    except ValidationError:
        return field


class _Merged:
    """One event as the files tell it: the record so far, the file it came from first."""

    def __init__(self, record: Inspection, file: str) -> None:
        self.record = record
        self.file = file
        self.files = {file}

    def take(self, other: Inspection, file: str) -> Problem | None:
        """Add what ``other`` (from ``file``) gives; the first disagreement, if any."""
        kept = self.record
        values: dict[str, Any] = {}
        for field in _FIELDS:
            mine, theirs = getattr(kept, field), getattr(other, field)
            if mine is not None and theirs is not None and mine != theirs:
                return self._problem(file, field, mine, theirs)
            values[field] = theirs if mine is None else mine
        judgements = dict(kept.judgements)
        for area, grade in other.judgements.items():
            if area in judgements and judgements[area] != grade:
                return self._problem(file, f"judgements.{area.name}", judgements[area], grade)
            judgements[area] = grade
        try:
            merged = attrs.evolve(
                kept,
                judgements=judgements,
                theme=kept.theme or other.theme,
                priority_action=kept.priority_action or other.priority_action,
                **values,
            )
        except IlacsError as error:  # e.g. one file's end before the other's start
            refused = FileFormatError(
                file,
                _column(error.field),
                _shown(error.value),
                error.expected,
                f"once merged with the record of {self.file} that describes the same "
                f"inspection ({self.record})",
            )
            return Problem.from_error(refused)
        self.record = merged
        self.files.add(file)
        return None

    def _problem(self, file: str, field: str, mine: Any, theirs: Any) -> Problem:
        error = FileFormatError(
            file,
            _column(field),
            _shown(theirs),
            f"the same value as {self.file} ({_shown(mine)!r}), which describes the same "
            f"inspection ({self.record})",
        )
        return Problem.from_error(error)


def merge_inspections(sources: Iterable[tuple[str, Sequence[Inspection]]]) -> ReadResult:
    """Merge the inspections of several files, each event once (see the module docstring).

    Args:
        sources: ``(file name, records)`` pairs, the file trusted most first (its values win
            a disagreement); the names are used in the problems.

    Returns:
        A :class:`~ilacs.tabular.ReadResult`: the merged records, sorted by LA code and date,
        and a :class:`~ilacs.tabular.Problem` for each disagreement between two files (empty
        when they agree). A caller that wants strictness raises on the first problem.

    Raises:
        ValidationError: a record is not an :class:`~ilacs.records.Inspection`.
    """
    events: dict[str, list[_Merged]] = {}
    problems: list[Problem] = []
    for file, records in sources:
        for record in inspections_of(records, f"sources ({file})"):
            # This file's own records are in the pool too, but `file not in m.files` skips them.
            pool = events.get(_la(record), [])
            home = next(
                (m for m in pool if file not in m.files and _same_event(m.record, record)),
                None,
            )
            if home is None:
                events.setdefault(_la(record), []).append(_Merged(record, file))
                continue
            problem = home.take(record, file)
            if problem is not None:
                problems.append(problem)
    merged = [m.record for found in events.values() for m in found]
    merged.sort(key=lambda i: (i.la_code, i.date, i.type.value))
    return ReadResult(tuple(merged), tuple(problems))

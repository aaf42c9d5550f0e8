"""The results of scheduling: :class:`Window`, :class:`Forecast` and :class:`Deadline`.

All are frozen attrs records of dates, enums, strings and :class:`~ilacs.sources.Reason`
records, so the library's converter serialises them to JSON. Each reads as a sentence.

>>> import datetime as dt
>>> w = Window(dt.date(2022, 5, 11), dt.date(2022, 11, 11), dt.date(2023, 5, 11))
>>> w.width_days, dt.date(2023, 1, 2) in w, dt.date(2023, 6, 1) in w
(365, True, False)
>>> Window(dt.date(2023, 1, 2), dt.date(2022, 1, 3), dt.date(2023, 5, 11))
... # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
ilacs.errors.ValidationError: expected: got '2022-01-03'; expected a date from earliest
(2023-01-02) to latest (2023-05-11)
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

import ilacs._checks as _checks
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ValidationError
from ilacs.sources import Reason
from ilacs.words import long_date

__all__ = ["Deadline", "Forecast", "ForecastKind", "Practice", "Window"]


@attrs.frozen
class Window:
    """When something is expected: from ``earliest`` to ``latest`` (inclusive), most likely ``expected``.

    Args:
        earliest: the first day of the window.
        expected: the single most likely day.
        latest: the last day of the window.

    Raises:
        ValidationError: a bound is not a date, or ``earliest <= expected <= latest`` fails.
    """

    earliest: dt.date = attrs.field(validator=_checks.day(qualified=False))
    expected: dt.date = attrs.field(validator=_checks.day(qualified=False))
    latest: dt.date = attrs.field(validator=_checks.day(qualified=False))

    def __attrs_post_init__(self) -> None:
        if self.latest < self.earliest:
            raise ValidationError(
                "latest",
                self.latest.isoformat(),
                f"a date on or after earliest ({self.earliest.isoformat()})",
            )
        if not self.earliest <= self.expected <= self.latest:
            raise ValidationError(
                "expected",
                self.expected.isoformat(),
                f"a date from earliest ({self.earliest.isoformat()}) to latest "
                f"({self.latest.isoformat()})",
            )

    @property
    def width_days(self) -> int:
        """Calendar days from ``earliest`` to ``latest`` (0 for a one-day window)."""
        return (self.latest - self.earliest).days

    @property
    def iso(self) -> str:
        """The window as ``"earliest/expected/latest"`` ISO dates (a reason's fact)."""
        return f"{self.earliest.isoformat()}/{self.expected.isoformat()}/{self.latest.isoformat()}"

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            return False
        return self.earliest <= day <= self.latest

    def __str__(self) -> str:
        return (
            f"between {long_date(self.earliest)} and {long_date(self.latest)}, most likely "
            f"around {long_date(self.expected)}"
        )


class Practice(enum.Enum):
    """Which a forecast follows: what Ofsted was observed to do, or the written rule."""

    OBSERVED = "observed practice"
    WRITTEN = "the written rule"


class ForecastKind(enum.Enum):
    """What a forecast is about."""

    GRADED_INSPECTION = "graded inspection"
    FOCUSED_VISIT = "focused visit"
    MONITORING_VISIT = "monitoring visit"


@attrs.frozen
class Forecast:
    """When an LA's next inspection or visit is expected, and why.

    Args:
        la_code: the LA's code.
        la_name: the LA's name (as in its latest event known on ``as_of``).
        as_of: the day the forecast was made for; later events were ignored.
        kind: a graded inspection, a focused visit or a monitoring visit.
        type: the inspection type expected (SHORT, STANDARD, FOCUSED_VISIT, ...).
        earliest: the first day of the window (always after ``as_of``).
        expected: the single most likely first day.
        latest: the last day of the window.
        overdue: True when the written rule's window has closed by ``as_of`` (its latest day
            is on or before ``as_of``: no day of it is left).
        written: the written rule's window, as the rule gives it (it may lie before ``as_of``).
        reasons: the rules applied, in order, each with its sources.
        practice: which the window follows: observed practice (the calibration) or the written
            rule (when the calibration has too few events, or holds the written rules only).
        type_share: the share of such LAs whose next inspection was of ``type`` in the
            calibration's data (None when ``type`` is the written rule's).
        data_end: the last day of the data observed practice was learnt from (the
            calibration's cut-off; None for the written rules alone): events after it are
            unknown.

    Raises:
        ValidationError: the bounds are out of order, or the window does not start after
            ``as_of``.
    """

    la_code: str
    la_name: str
    as_of: dt.date
    kind: ForecastKind
    type: InspectionType
    earliest: dt.date
    expected: dt.date
    latest: dt.date
    overdue: bool
    written: Window | None
    reasons: tuple[Reason, ...]
    practice: Practice = Practice.WRITTEN
    type_share: float | None = None
    data_end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        Window(self.earliest, self.expected, self.latest)  # validates the order
        if self.latest < self.as_of:
            raise ValidationError(
                "latest",
                self.latest.isoformat(),
                f"a date on or after as_of ({self.as_of.isoformat()})",
            )
        if self.earliest <= self.as_of:
            raise ValidationError(
                "earliest",
                self.earliest.isoformat(),
                f"a date after as_of ({self.as_of.isoformat()}): what started by then is known",
            )

    @property
    def window(self) -> Window:
        """The window as a :class:`Window` value."""
        return Window(self.earliest, self.expected, self.latest)

    @property
    def uncertain(self) -> bool:
        """True when any reason rests on uncertain rules."""
        return any(r.uncertain for r in self.reasons)

    def explain(self) -> str:
        """The forecast, then each reason on its own line with its sources (for "why")."""
        lines = [str(self)]
        for reason in self.reasons:
            lines.append(f"- {reason}")
            lines.extend(f"    source: {source}" for source in reason.sources)
        return "\n".join(lines)

    def __str__(self) -> str:
        late = " It is overdue." if self.overdue else ""
        what = (
            f"{self.kind.value}, {self.type.rule.name},"
            if self.kind is ForecastKind.GRADED_INSPECTION
            else self.kind.value
        )
        return (
            f"{self.la_name} ({self.la_code}), as of {long_date(self.as_of)}: next {what} "
            f"expected {self.window}.{late}"
        )


@attrs.frozen
class Deadline:
    """A post-inspection duty's due date, counted in England and Wales working days.

    Args:
        la_code: the LA's code.
        la_name: the LA's name.
        code: the duty's code in the catalogue (``"duty.action-plan"``).
        name: the duty in words.
        who: who must do it.
        due: the last day to do it.
        counted_from: the day the clock starts (not counted itself).
        trigger: what that day is ("the report's publication", ...).
        working_days: the working days from ``counted_from`` to ``due``.
        reasons: the rule and its sources, and how the start was chosen.
        uncertain: True when the start date or the rule is uncertain.
        inspection_type: the type of the inspection or visit the duty follows, when known.
        inspection_date: the date of that inspection (its first on-site day, else the date
            that places it), when known.
    """

    la_code: str
    la_name: str
    code: str
    name: str
    who: str
    due: dt.date
    counted_from: dt.date
    trigger: str
    working_days: int
    reasons: tuple[Reason, ...]
    uncertain: bool
    inspection_type: InspectionType | None = attrs.field(default=None, kw_only=True)
    inspection_date: dt.date | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        flag = " (uncertain)" if self.uncertain else ""
        return (
            f"{self.la_name} ({self.la_code}): {self.who} must {self.name} by "
            f"{long_date(self.due)}, {self.working_days} working days after {self.trigger} "
            f"({long_date(self.counted_from)}){flag}."
        )

"""Operating time: the calendar with national pauses taken out, so pauses stretch windows.

A cycle counts days of routine inspection. During a national pause (a
:class:`~ilacs.catalogue.cadence.Pause`, from its ``start`` up to the day before its
``resume``) the clock stops. :func:`to_operating` numbers days so that paused days do not
count; :func:`from_operating` maps a number back to the first calendar day with that number
that is not paused. So a window computed in operating days and mapped back is:

- unchanged when no pause falls between the anchor and the window's end;
- shifted by the whole pause when the pause falls between the anchor and the window;
- stretched by the pause when the pause falls inside the window (the part before the pause
  stays, the part after moves by the pause's length).

Overlapping pauses count once.

>>> import datetime as dt
>>> from ilacs.catalogue.cadence import PAUSES
>>> covid = PAUSES[0]
>>> shift = from_operating(to_operating(dt.date(2019, 11, 11), PAUSES) + 1096, PAUSES)
>>> shift, (shift - dt.date(2022, 11, 11)).days == covid.days
(datetime.date(2024, 5, 16), True)
>>> inside = to_operating(dt.date(2020, 6, 1), PAUSES)
>>> from_operating(inside, PAUSES)  # a day inside the pause: the resume day
datetime.date(2021, 9, 20)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import attrs

from ilacs.catalogue.cadence import Pause
from ilacs.scheduling.records import Window

__all__ = [
    "DAYS_PER_MONTH",
    "OperatingWindow",
    "from_operating",
    "merged",
    "paused_days",
    "to_operating",
]

DAYS_PER_MONTH = 365.25 / 12
"""The mean length of a month in days (months of waiting, half-lives)."""


def merged(pauses: Iterable[Pause]) -> tuple[tuple[dt.date, dt.date], ...]:
    """The pauses as sorted, disjoint ``(start, resume)`` spans (overlaps joined)."""
    return _merged(tuple(pauses))


@functools.lru_cache(maxsize=64)
def _merged(pauses: tuple[Pause, ...]) -> tuple[tuple[dt.date, dt.date], ...]:
    spans: list[tuple[dt.date, dt.date]] = []
    for start, resume in sorted((p.start, p.resume) for p in pauses if p.resume > p.start):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], resume))
        else:
            spans.append((start, resume))
    return tuple(spans)


def paused_days(a: dt.date, b: dt.date, pauses: Iterable[Pause]) -> int:
    """The number of paused days in ``[a, b)`` (zero when ``b <= a``)."""
    total = 0
    for start, resume in merged(pauses):
        low, high = max(a, start), min(b, resume)
        if high > low:
            total += (high - low).days
    return total


def to_operating(day: dt.date, pauses: Iterable[Pause]) -> int:
    """The operating-day number of ``day``: its ordinal less the paused days before it.

    Every day inside a pause has the number of the pause's first day.
    """
    spans = merged(pauses)
    number = day.toordinal()
    for start, resume in spans:
        if day > start:
            number -= (min(day, resume) - start).days
    return number


def from_operating(number: int, pauses: Iterable[Pause]) -> dt.date:
    """The first calendar day, outside every pause, whose operating-day number is ``number``."""
    day = dt.date.fromordinal(number)
    for start, resume in merged(pauses):
        if day >= start:
            day += resume - start
    return day


@attrs.frozen
class OperatingWindow:
    """A window in operating days (numbers from :func:`to_operating`), earliest to latest.

    >>> import datetime as dt
    >>> from ilacs.catalogue.cadence import PAUSES
    >>> days = OperatingWindow(10, 20, 30)
    >>> days.after(50), days.after(15), days.after(50, shape_from=18)
    (OperatingWindow(earliest=50, expected=60, latest=70), OperatingWindow(earliest=15, \
expected=20, latest=30), OperatingWindow(earliest=50, expected=52, latest=62))
    >>> start = to_operating(dt.date(2019, 1, 1), PAUSES)
    >>> OperatingWindow(start, start + 1, start + 2).dates(PAUSES).iso
    '2019-01-01/2019-01-02/2019-01-03'
    """

    earliest: int
    expected: int
    latest: int

    def dates(self, pauses: Iterable[Pause]) -> Window:
        """The window as calendar days (each number's first day that is not paused)."""
        spans = tuple(pauses)
        return Window(
            from_operating(self.earliest, spans),
            from_operating(self.expected, spans),
            from_operating(self.latest, spans),
        )

    def after(self, floor: int, *, shape_from: int | None = None) -> OperatingWindow:
        """The window moved so that it starts on or after ``floor`` (the day after as_of).

        A window wholly before ``floor`` (overdue) is moved to start on ``floor``, keeping its
        lead to the expected day and its length counted from ``shape_from`` (default: its
        earliest day); a window that holds ``floor`` loses its days before it.
        """
        earliest, expected, latest = self.earliest, self.expected, self.latest
        if latest < floor:
            start = earliest if shape_from is None else shape_from
            earliest, expected, latest = floor, floor + (expected - start), floor + (latest - start)
        earliest = max(earliest, floor)
        latest = max(latest, earliest)
        return OperatingWindow(earliest, min(max(expected, earliest), latest), latest)

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
from collections.abc import Iterable

from ilacs.catalogue.cadence import Pause

__all__ = ["DAYS_PER_MONTH", "from_operating", "merged", "paused_days", "to_operating"]

DAYS_PER_MONTH = 365.25 / 12
"""The mean length of a month in days (months of waiting, half-lives)."""


def merged(pauses: Iterable[Pause]) -> tuple[tuple[dt.date, dt.date], ...]:
    """The pauses as sorted, disjoint ``(start, resume)`` spans (overlaps joined)."""
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

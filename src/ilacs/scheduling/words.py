"""Facts into sentences: every reason a forecast can give, as a template keyed by its code.

Computations decide; this module only words what they decided. Each template names the facts
it needs (``{anchor}``, ``{window}``, ...); :func:`say` fills them in, writing dates as a
committee writes them, windows as "between ... and ..., most likely around ...", counts of
days as months where that reads better. A code a computation emits must be here
(``tests/test_words.py`` checks every code the forecasts use), and ``docs/scheduling.md``
lists them all from :data:`TEMPLATES`.

>>> import datetime as dt
>>> say("data.stale", last_event=dt.date(2025, 3, 31), as_of=dt.date(2026, 12, 2), months=20).text
'The data end on 31 March 2025, 20 months before 2 December 2026: inspections and visits since then are unknown, so this LA may have been inspected already.'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

from ilacs.scheduling.records import Window, long_date
from ilacs.sources import Reason, Source

__all__ = ["TEMPLATES", "months", "say", "share", "weeks"]

TEMPLATES: Mapping[str, str] = {
    # what the forecast rests on
    "practice.graded": (
        "Observed practice: {followed}; of them, {ended} were next inspected (from {first} to "
        "{last}) and {waiting} were still waiting on {cut_off}, counted as waiting{fade}. Of "
        "LAs that had waited as long as this one ({waited} since {anchor}), {lower} were "
        "inspected by {low}, half by {mid} and {upper} by {high}. {follows}"
    ),
    "practice.visit": (
        "Observed practice: {followed}; {ended} of these waits ended in a {visit} (from {first} "
        "to {last}) and {waiting} were still open on {cut_off}{fade}. Of LAs that had waited as "
        "long as this one ({waited} since {anchor}), {lower} had the {visit} by {low}, half by "
        "{mid} and {upper} by {high}. {follows}"
    ),
    "practice.none": (
        "No observed practice for {what}: {why}. The forecast follows the written rule."
    ),
    "practice.tail": (
        "Few LAs on record waited this long ({waited}; the longest wait that ended was "
        "{longest}): beyond that the library assumes a {hazard} chance each fortnight that the "
        "wait ends, the recent average."
    ),
    "route.observed": (
        "Observed practice: {after}, the next graded inspection was {likeliest} in "
        "{count} of {total} cases ({first} to {last}){others}."
    ),
    "visits.count-observed": (
        "Observed practice: between two graded inspections {after}, {counts} (periods ending "
        "{first} to {last}); the usual number is {usual}, and {held} since the last graded "
        "inspection."
    ),
    "visits.before-inspection": (
        "A {visit} comes between graded inspections: the next graded inspection is expected "
        "by {cap} at the latest, so the window ends then."
    ),
    "visits.until-reinspection": (
        "Monitoring ends with the re-inspection, expected around {ends}: no monitoring visit "
        "expected after that day is forecast."
    ),
    "data.stale": (
        "The data end on {last_event}, {months} months before {as_of}: inspections and visits "
        "since then are unknown, so this LA may have been inspected already."
    ),
    "calibration.national": (
        "Observed practice learnt from the inspections given (every LA in England, to "
        "{cut_off}), not the library's shipped calibration."
    ),
    "forecast.window": "Forecast: the {what} is expected to start {window}.",
}
"""The sentence of every reason code scheduling emits from facts, by code."""


def _word(value: object) -> str:
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, Window):
        return str(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def say(
    code: str, *, sources: tuple[Source, ...] = (), uncertain: bool = False, **facts: object
) -> Reason:
    """The reason ``code`` in words, from its template and ``facts``.

    Raises:
        KeyError: ``code`` has no template, or a fact the template names is missing.
    """
    text = TEMPLATES[code].format_map({k: _word(v) for k, v in facts.items()})
    return Reason(code, text, sources, uncertain)


def months(days: int) -> str:
    """A number of days as months, or weeks when under two months: "14 months", "6 weeks"."""
    if days < 61:
        return weeks(round(days / 7))
    count = round(days / (365.25 / 12))
    return f"{count} months"


def weeks(count: int) -> str:
    """``count`` weeks in words: "1 week", "3 weeks"."""
    return f"{count} week" if count == 1 else f"{count} weeks"


def share(level: float) -> str:
    """A probability as a percentage: 0.05 -> "5%", 0.025 -> "2.5%"."""
    return f"{round(level * 100, 1):g}%"

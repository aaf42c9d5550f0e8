"""Pictures of inspections: an LA's timeline and the national "who is next" chart.

Needs matplotlib, the optional extra ``plot``: ``pip install 'ilacs[plot]'``. ``import ilacs``
never loads it; importing this module without it raises an :class:`ImportError` that says which
extra to install.

- :func:`timeline`: one LA's inspections and visits on a date axis, each graded judgement
  coloured by grade, the framework eras and national pauses shaded and labelled, the next
  graded inspection's window as a band with its expected day, and the ``as_of`` line;
- :func:`national`: one row per LA, its window as a bar with the expected day marked, ordered
  by expected day; overdue LAs hatched, short and standard inspections in two colours;
- :func:`key`: the legend of many compact timelines, drawn once for a page;
- :func:`save` and :func:`render`: a figure as ``.svg``, ``.png`` or ``.pdf``, the same bytes
  for the same figure (no time stamp), with the figure's text kept as text in SVG.

The functions return a :class:`matplotlib.figure.Figure` on the Agg canvas, made without
pyplot: nothing global changes, and a figure is freed once it is no longer referenced. Colours
are Okabe and Ito's palette for colour-blind readers; each grade's cell also carries its
initials (O, G, RI, A, I) and each type of event its own mark, so that a grey print reads too.

>>> import datetime as dt
>>> from ilacs.records import History, Inspection
>>> thurrock = History.of([
...     Inspection("E06000034", "Thurrock", "standard", start=dt.date(2019, 11, 11),
...                end=dt.date(2019, 11, 22), judgements={"overall": "Good"}),
... ])
>>> figure = timeline(thurrock, as_of=dt.date(2024, 3, 31))
>>> [t.get_text() for t in figure.legends[0].get_texts()][:3]
['Good (G)', 'ILACS standard inspection', 'forecast window: ILACS short inspection']
"""

from __future__ import annotations

try:
    import matplotlib
except ImportError as _missing:
    raise ImportError(
        "ilacs.plot draws with matplotlib, which is not installed: "
        "pip install 'ilacs[plot]' (the optional extra 'plot')"
    ) from _missing

import datetime as dt
import functools
import io
import re
import sys
import textwrap
import threading
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import matplotlib.dates as mdates
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path as Outline
from matplotlib.textpath import TextPath
from matplotlib.transforms import offset_copy

from ilacs.catalogue.cadence import PAUSES, Pause, PauseScope
from ilacs.catalogue.frameworks import VERSIONS, FrameworkVersion, JudgementArea
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import IlacsError, ValidationError
from ilacs.records import AnyGrade, History, Inspection
from ilacs.scheduling.records import Forecast, ForecastKind, long_date

__all__ = [
    "FORMATS",
    "GRADE_COLOURS",
    "TYPE_COLOURS",
    "eras",
    "key",
    "national",
    "render",
    "save",
    "svg_markup",
    "timeline",
]

# Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies:
# M. Okabe and K. Ito, "Color Universal Design (CUD): how to make figures and presentations
# that are friendly to colorblind people" (2008), https://jfly.uni-koeln.de/color/
_BLUE, _SKY, _GREEN, _ORANGE = "#0072B2", "#56B4E9", "#009E73", "#E69F00"
_YELLOW, _VERMILLION, _PURPLE, _GREY = "#F0E442", "#D55E00", "#CC79A7", "#999999"

GRADE_COLOURS: dict[AnyGrade, str] = {
    Grade.OUTSTANDING: _BLUE,
    Grade.GOOD: _GREEN,
    Grade.REQUIRES_IMPROVEMENT: _ORANGE,
    Grade.INADEQUATE: _VERMILLION,
    LegacyGrade.OUTSTANDING: _BLUE,
    LegacyGrade.GOOD: _GREEN,
    LegacyGrade.ADEQUATE: _YELLOW,
    LegacyGrade.INADEQUATE: _VERMILLION,
}
"""The colour of each grade in :func:`timeline` (Okabe and Ito's palette)."""

TYPE_COLOURS: dict[InspectionType, str] = {
    InspectionType.SHORT: _SKY,
    InspectionType.STANDARD: _PURPLE,
}
"""The colour of a forecast window by the type of inspection expected; other types are grey."""

FORMATS = ("svg", "png", "pdf")
"""The file formats :func:`save` writes, by the file's suffix."""

_MARKS: dict[InspectionType, str] = {
    InspectionType.STANDARD: "D",
    InspectionType.SHORT: "d",
    InspectionType.SIF: "p",
    InspectionType.SIF_REINSPECTION: "h",
    InspectionType.FOCUSED_VISIT: "o",
    InspectionType.MONITORING_VISIT: "s",
}
"""The mark of each type of event; other graded types are "P", other visits "^"."""

_BAND_ALPHA = 0.35
"""How opaque a forecast window's band is over a timeline."""
_OVERDUE_EDGE = _VERMILLION
_OVERDUE_HATCH = "////"
_PAUSE_HATCH = {PauseScope.ALL: "\\\\\\\\", PauseScope.VISITS: "||"}
_ERA_SHADES = ("#EDEDED", "#FFFFFF")
_WIDTH_INCHES = 10.0
_MARGIN_DAYS = 150
_COMPACT_MARGINS = (1.75, 0.15, 0.28, 0.3)
"""Left, right, top and bottom margins of a compact timeline, in inches."""
_STYLE: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # shipped with matplotlib, and Debian's fonts-dejavu
    "font.size": 9,
    "svg.fonttype": "none",  # text stays text: searchable, selectable, and smaller
    "svg.hashsalt": "ilacs",  # the same ids for the same figure, run after run
    "hatch.linewidth": 0.8,
}


# --- text and dates -----------------------------------------------------------------------------


def _text(value: str) -> str:
    """Text from the caller made safe to draw: line breaks as spaces, other control characters
    as U+FFFD, and ``$`` not read as the start of mathematics."""
    flat = " ".join(str(value).splitlines())
    shown = "".join("\ufffd" if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in flat)
    return shown.replace("$", r"\$")


def _initials(grade: AnyGrade) -> str:
    """The grade's initials as councils write them: O, G, RI, A, I."""
    return "".join(word[0] for word in grade.name.split("_"))


@functools.cache
def _letters(text: str) -> Outline:
    """``text`` as an outline centred on (0, 0), to draw as a mark.

    A mark is drawn once per figure and reused for every cell, where text would be laid out
    cell by cell; made once per process.
    """
    path = TextPath((0, 0), text, size=10, prop=FontProperties(family="DejaVu Sans"))
    box = path.get_extents()
    centre = (box.x0 + box.width / 2, box.y0 + box.height / 2)
    return Outline(path.vertices - centre, path.codes)


def _x(day: dt.date) -> float:
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _check_day(field: str, value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(field, value, "a datetime.date")
    return value


# --- what the catalogue says about time ----------------------------------------------------------


def eras(start: dt.date, end: dt.date) -> list[tuple[FrameworkVersion, dt.date, dt.date]]:
    """The framework versions in force from ``start`` to ``end``, as spans that do not overlap.

    Each version's span runs from its first day to the day before the next version starts (or
    its own last day): the SIF's span ends when ILACS began in January 2018, although SIF
    re-inspections went on to September 2018. Spans are clipped to ``[start, end]``.

    >>> [(v.name, a.isoformat(), b.isoformat())
    ...  for v, a, b in eras(dt.date(2017, 6, 1), dt.date(2023, 6, 1))]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('SIF', '2017-06-01', '2017-12-31'), ('ILACS 2018', '2018-01-01', '2023-01-15'),
     ('ILACS 2023', '2023-01-16', '2023-06-01')]
    """
    ordered = sorted((v for v in VERSIONS if v.areas), key=lambda v: v.valid_from)
    spans = []
    for index, version in enumerate(ordered):
        last = version.valid_to or dt.date.max
        if index + 1 < len(ordered):
            last = min(last, ordered[index + 1].valid_from - dt.timedelta(days=1))
        low, high = max(version.valid_from, start), min(last, end)
        if low <= high:
            spans.append((version, low, high))
    return spans


def _pauses(low: dt.date, high: dt.date) -> list[Pause]:
    return [p for p in PAUSES if p.resume > low and p.start <= high]


# --- styles shared by the figures and their legends ---------------------------------------------


@contextmanager
def _style() -> Iterator[None]:
    with matplotlib.rc_context(cast(Any, _STYLE)), warnings.catch_warnings():
        # A name in a script DejaVu Sans lacks is drawn as boxes; the warning adds nothing.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        yield


def _figure(height: float, margins: tuple[float, float, float, float] | None = None) -> Figure:
    """A figure on the Agg canvas; ``margins`` (left, right, top, bottom, in inches) fix the
    layout, else matplotlib's constrained layout places the legend and labels."""
    figure = Figure(
        figsize=(_WIDTH_INCHES, height), dpi=100, layout=None if margins else "constrained"
    )
    FigureCanvasAgg(figure)
    if margins:
        left, right, top, bottom = margins
        figure.subplots_adjust(
            left=left / _WIDTH_INCHES,
            right=1 - right / _WIDTH_INCHES,
            top=1 - top / height,
            bottom=bottom / height,
        )
    return figure


def _years(low: dt.date, high: dt.date) -> list[int]:
    """The years whose 1 January is marked: each year, or every other over a long span."""
    step = 1 if high.year - low.year <= 14 else 2
    return [y for y in range(low.year + 1, high.year + 1) if y % step == 0]


def _date_axis(axes: Any, low: dt.date, high: dt.date) -> None:
    """Dates marked as matplotlib ticks, with vertical grid lines: each quarter named over a
    span of up to three years (``2025``, ``Apr``, ``Jul``, ``Oct``), else the years."""
    axes.set_xlim(_x(low), _x(high))
    if (high - low).days <= 3 * 366:
        days = [
            dt.date(y, m, 1)
            for y in range(low.year, high.year + 1)
            for m in (1, 4, 7, 10)
            if low <= dt.date(y, m, 1) <= high
        ]
        labels = [str(d.year) if d.month == 1 else f"{d:%b}" for d in days]
    else:
        days = [dt.date(y, 1, 1) for y in _years(low, high)]
        labels = [str(d.year) for d in days]
    axes.set_xticks([_x(d) for d in days], labels)
    axes.grid(axis="x", which="major", color="#CCCCCC", linewidth=0.6)
    axes.set_axisbelow(True)


def _drawn_axes(axes: Any, low: dt.date, high: dt.date, rows: Sequence[str], size: float) -> None:
    """Years and row names drawn as plain marks and text rather than as matplotlib's ticks.

    They look the same, and render in half the time: it counts when a page holds a timeline
    for every LA. The axes' limits are set as for ticks (``get_xlim`` gives the date span).
    """
    axes.set_xlim(_x(low), _x(high))
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.set_xticks([])
    axes.set_yticks([])
    xs = [_x(dt.date(y, 1, 1)) for y in _years(low, high)]
    below = axes.get_xaxis_transform()
    axes.vlines(xs, 0, 1, transform=below, colors="#CCCCCC", linewidths=0.6, zorder=0.8)
    axes.plot(
        xs,
        [0] * len(xs),
        transform=below,
        marker=TICKDOWN,
        markersize=3.5,
        color="black",
        linestyle="none",
        clip_on=False,
    )
    under = offset_copy(below, fig=axes.figure, y=-5, units="points")
    for x, year in zip(xs, _years(low, high), strict=True):
        label = axes.text(x, 0, str(year), transform=under, ha="center", va="top", fontsize=size)
        label.set_gid(f"year-{year}")
    left = offset_copy(axes.get_yaxis_transform(), fig=axes.figure, x=-6, units="points")
    for row, name in enumerate(rows):
        label = axes.text(0, row, name, transform=left, ha="right", va="center", fontsize=size)
        label.set_gid(f"row-{row}")


def _grade_handle(grade: AnyGrade) -> Line2D:
    legacy = " (before Nov 2013)" if isinstance(grade, LegacyGrade) else ""
    return Line2D(
        [],
        [],
        marker="s",
        markersize=9,
        color=GRADE_COLOURS[grade],
        linestyle="none",
        label=f"{grade.label}{legacy} ({_initials(grade)})",
    )


def _event_style(kind: InspectionType) -> dict[str, Any]:
    marker = _MARKS.get(kind, "P" if kind.graded else "^")
    return {
        "marker": marker,
        "markersize": 9 if marker == "d" else 8 if kind.graded else 7,
        "color": "#222222",
        "markerfacecolor": "#222222" if kind.graded else "white",
        "linestyle": "none",
        "label": kind.rule.name,
    }


def _window_style(kind: InspectionType, overdue: bool) -> dict[str, Any]:
    colour = TYPE_COLOURS.get(kind, _GREY)
    return {
        "facecolor": colour,
        "edgecolor": _OVERDUE_EDGE if overdue else colour,
        "hatch": _OVERDUE_HATCH if overdue else None,
        "linewidth": 0.9 if overdue else 0,
    }


_WRITTEN_STYLE: dict[str, Any] = {
    "facecolor": "none",
    "edgecolor": "#444444",
    "linestyle": "--",
    "linewidth": 0.9,
}
_EXPECTED_STYLE: dict[str, Any] = {
    "marker": "D",
    "markersize": 9,
    "color": "black",
    "linestyle": "none",
}
_AS_OF_STYLE: dict[str, Any] = {"color": "black", "linestyle": ":", "linewidth": 1.2}


def _pause_handle(pause: Pause) -> Patch:
    return Patch(
        facecolor="none",
        edgecolor=_GREY,
        hatch=_PAUSE_HATCH[pause.scope],
        label=f"national pause: {pause.name} ({_short(pause.start)} – {_short(pause.resume)})",
    )


def _window_handles(
    kinds: Iterable[InspectionType], overdue: bool, alpha: float = _BAND_ALPHA
) -> list[Patch]:
    handles = [
        Patch(alpha=alpha, label=f"forecast window: {kind.rule.name}", **_window_style(kind, False))
        for kind in kinds
    ]
    if overdue:
        handles.append(
            Patch(
                alpha=alpha,
                label="overdue: the written rule's window has closed",
                **(_window_style(InspectionType.STANDARD, True) | {"facecolor": "white"}),
            )
        )
    return handles


def _key_handles(
    grades: Iterable[AnyGrade],
    types: Iterable[InspectionType],
    windows: Iterable[InspectionType],
    *,
    overdue: bool,
    written: bool,
    as_of: dt.date | None,
    pauses: Iterable[Pause],
) -> list[Artist]:
    """The legend's entries, in reading order: grades, events, the forecast, pauses, as of."""
    handles: list[Artist] = [
        _grade_handle(g)
        for g in sorted(set(grades), key=lambda g: (isinstance(g, LegacyGrade), -int(g.value)))
    ]
    handles += [Line2D([], [], **_event_style(t)) for t in InspectionType if t in set(types)]
    handles += _window_handles([t for t in InspectionType if t in set(windows)], overdue)
    if written:
        handles.append(Patch(label="the written rule's window", **_WRITTEN_STYLE))
    if windows:
        handles.append(
            Line2D([], [], markerfacecolor="white", label="expected day", **_EXPECTED_STYLE)
        )
    handles += [_pause_handle(p) for p in pauses]
    if as_of is not None:
        handles.append(Line2D([], [], label=f"as of {long_date(as_of)}", **_AS_OF_STYLE))
    return handles


# --- the timeline -------------------------------------------------------------------------------


def _area_label(area: JudgementArea) -> str:
    return _wrap(area.value[0].upper() + area.value[1:], 24)


class _Timeline:
    """A timeline's axes with what all LAs share (dates, eras, pauses, rows, as of) drawn once.

    :meth:`draw` adds one LA and returns what it drew, so that a page of many LAs on one
    scale removes it and draws the next on the same axes, without building a figure each time.
    """

    def __init__(
        self,
        low: dt.date,
        high: dt.date,
        areas: Sequence[JudgementArea],
        as_of: dt.date | None,
        *,
        compact: bool,
        forecast_row: str = "Next graded inspection",
    ) -> None:
        self.low, self.high, self.areas = low, high, tuple(areas)
        rows = [forecast_row, "Inspections and visits", *(_area_label(a) for a in self.areas)]
        if compact:
            self.figure = _figure(0.62 + 0.3 * len(rows), margins=_COMPACT_MARGINS)
        else:
            self.figure = _figure(1.9 + 0.42 * len(rows))
        axes = self.axes = self.figure.add_subplot()
        axes.set_gid("timeline")
        _drawn_axes(axes, low, high, rows, 8 if compact else 9)
        for index, (version, first, last) in enumerate(eras(low, high)):
            right = last + dt.timedelta(days=1)
            span = axes.axvspan(_x(first), _x(right), color=_ERA_SHADES[index % 2], linewidth=0)
            span.set_gid(f"era-{version.code}")
            span.set_zorder(0)
            if (right - first).days >= 120:  # a narrower sliver goes unnamed
                label = axes.text(
                    _x(first + (right - first) / 2),
                    1.005,
                    version.name,
                    transform=axes.get_xaxis_transform(),
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    color="#444444",
                )
                label.set_gid(f"era-label-{version.code}")
        for pause in _pauses(low, high):
            span = axes.axvspan(
                _x(pause.start),
                _x(pause.resume),
                facecolor="none",
                edgecolor=_GREY,
                hatch=_PAUSE_HATCH[pause.scope],
                linewidth=0,
            )
            span.set_gid(f"pause-{pause.code}")
            span.set_zorder(0.5)
        if as_of is not None:
            line = axes.axvline(_x(as_of), zorder=4, **_AS_OF_STYLE)
            line.set_gid("as-of")
        for side in ("left", "right", "top"):
            axes.spines[side].set_visible(False)

    def draw(self, history: History, forecast: Forecast | None, missing: str) -> list[Artist]:
        """Draw one LA's grades, events and forecast (or why there is none); return them."""
        drawn: list[Artist] = []
        drawn += self._grades(history)
        drawn += self._events(history)
        drawn += self._forecast(forecast, missing)
        return drawn

    def _grades(self, history: History) -> list[Artist]:
        """A coloured cell per graded judgement, with the grade's initials."""
        axes = self.axes
        drawn: list[Artist] = []
        cells: dict[AnyGrade, tuple[list[float], list[int]]] = {}
        for event in history.graded():
            if not self.low <= event.date <= self.high:
                continue
            x = _x(event.date)
            for row, area in enumerate(self.areas, start=2):
                grade = event.judgements.get(area)
                if grade is None:
                    continue
                xs, ys = cells.setdefault(grade, ([], []))
                xs.append(x)
                ys.append(row)
        for grade, (xs, ys) in cells.items():
            (marks,) = axes.plot(
                xs,
                ys,
                marker="s",
                markersize=15,
                color=GRADE_COLOURS[grade],
                markeredgecolor="white",
                linestyle="none",
                zorder=3,
            )
            legacy = "legacy-" if isinstance(grade, LegacyGrade) else ""
            marks.set_gid(f"grade-{legacy}{grade.name.lower().replace('_', '-')}")
            # The initials as a mark (a path drawn once and reused), not as text per cell.
            dark = grade in (Grade.GOOD, LegacyGrade.ADEQUATE)
            (letters,) = axes.plot(
                xs,
                ys,
                marker=_letters(_initials(grade)),
                markersize=6.5 if len(_initials(grade)) == 1 else 8.5,
                color="black" if dark else "white",
                linestyle="none",
                zorder=3.5,
            )
            letters.set_gid(f"initials-{legacy}{grade.name.lower().replace('_', '-')}")
            drawn += [marks, letters]
        return drawn

    def _events(self, history: History) -> list[Artist]:
        """Each inspection and visit on the events row, one mark per type."""
        by_type: dict[InspectionType, list[Inspection]] = {}
        for event in history:
            by_type.setdefault(event.type, []).append(event)
        drawn: list[Artist] = []
        for kind, events in by_type.items():
            (marks,) = self.axes.plot(
                [_x(e.date) for e in events], [1] * len(events), zorder=3, **_event_style(kind)
            )
            marks.set_gid(f"events-{kind.value}")
            drawn.append(marks)
        return drawn

    def _forecast(self, forecast: Forecast | None, missing: str) -> list[Artist]:
        axes = self.axes
        if forecast is None:
            shown = textwrap.shorten(_text(missing), 240, placeholder=" …")
            note = axes.text(
                _x(self.low + dt.timedelta(days=20)),
                0,
                _wrap(shown, 125),
                ha="left",
                va="center",
                fontsize=7.5,
                color="#333333",
                zorder=5,
            )
            note.set_gid("no-forecast")
            return [note]
        band = axes.axvspan(
            _x(forecast.earliest),
            _x(forecast.latest + dt.timedelta(days=1)),
            alpha=_BAND_ALPHA,
            zorder=1,
            **_window_style(forecast.type, forecast.overdue),
        )
        band.set_gid("forecast-window")
        drawn: list[Artist] = [band]
        if forecast.written is not None:
            written = forecast.written
            outline = Rectangle(
                (_x(written.earliest), -0.22),
                _x(written.latest + dt.timedelta(days=1)) - _x(written.earliest),
                0.44,
                zorder=2,
                **_WRITTEN_STYLE,
            )
            outline.set_gid("written-window")
            axes.add_patch(outline)
            drawn.append(outline)
        (expected,) = axes.plot(
            [_x(forecast.expected)],
            [0],
            zorder=5,
            markerfacecolor=TYPE_COLOURS.get(forecast.type, _GREY),
            **_EXPECTED_STYLE,
        )
        expected.set_gid("forecast-expected")
        drawn.append(expected)
        return drawn


def _resolve(
    history: History, forecast: Forecast | None, as_of: dt.date | None
) -> tuple[Forecast | None, dt.date | None, str]:
    """The forecast to draw, the ``as_of`` day and, when there is no forecast, why."""
    if forecast is not None:
        if not isinstance(forecast, Forecast):
            raise ValidationError("forecast", forecast, "a Forecast or None")
        if forecast.la_code != history.la_code:
            raise ValidationError(
                "forecast",
                f"{forecast.la_name} ({forecast.la_code})",
                f"a forecast of the history's LA, {history.la_name} ({history.la_code})",
            )
        if as_of is not None and as_of != forecast.as_of:
            raise ValidationError(
                "as_of",
                str(as_of),
                f"the forecast's own as_of ({forecast.as_of.isoformat()}) or None",
            )
        return forecast, forecast.as_of, ""
    if as_of is None:
        return None, None, "No forecast: none was given, and no as_of to make one."
    _check_day("as_of", as_of)
    from ilacs.scheduling import next_inspection

    try:
        return next_inspection(history, as_of=as_of), as_of, ""
    except IlacsError as error:
        return None, as_of, f"No forecast of the next graded inspection: {error}"


def _span(
    history: History, forecast: Forecast | None, as_of: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The first and last day of the history and the forecast, with a margin either side."""
    days = [e.date for e in history] + [e.end for e in history if e.end is not None]
    if forecast is not None:
        days += [forecast.earliest, forecast.latest]
        if forecast.written is not None:
            days += [forecast.written.earliest, forecast.written.latest]
    if as_of is not None:
        days.append(as_of)
    margin = dt.timedelta(days=_MARGIN_DAYS)
    return min(days) - margin, max(days) + margin


def _forecast_row(forecast: Forecast | None) -> str:
    if forecast is None or forecast.kind is ForecastKind.GRADED_INSPECTION:
        return "Next graded inspection"
    return f"Next {forecast.kind.value}"


def timeline(
    history: History | Iterable[Inspection],
    *,
    forecast: Forecast | None = None,
    as_of: dt.date | None = None,
    span: tuple[dt.date, dt.date] | None = None,
    areas: Sequence[JudgementArea] | None = None,
    compact: bool = False,
) -> Figure:
    """One LA's inspections and visits on a date axis, with its next inspection's window.

    Rows, top to bottom: the next graded inspection (its window as a band across the figure,
    the written rule's window outlined, the expected day marked), the inspections and visits
    (one mark per type: graded inspections filled, visits open), then one row per judgement
    area with a cell per graded inspection, coloured by grade and marked with the grade's
    initials. Framework eras are shaded and named above the plot; national pauses are hatched.

    Args:
        history: the LA's :class:`~ilacs.History` (or its inspections, of one LA).
        forecast: the forecast to draw; by default the next graded inspection as of ``as_of``.
        as_of: the day of the forecast, drawn as a dotted line; defaults to the forecast's.
            With neither, only the history is drawn.
        span: the first and last day of the date axis, to draw many LAs on one scale; by
            default the history and the forecast, with a margin.
        areas: the judgement areas given a row, in order; by default those the history grades.
        compact: no title and no legend, and fixed margins: for a page that names the LA and
            gives one :func:`key` for many timelines.

    Returns:
        The figure. When no forecast can be made (no graded inspection yet, an LA abolished
        by ``as_of``, ...), the history is still drawn and the forecast row says why.

    Raises:
        ValidationError: ``history`` is empty or not of one LA; ``forecast`` is of another LA
            or not a Forecast; ``as_of`` is not a date, or differs from the forecast's;
            ``span`` is not two dates in order.
    """
    if not isinstance(history, History):
        history = History.of(history)
    forecast, as_of, missing = _resolve(history, forecast, as_of)
    if areas is None:
        areas = [a for a in JudgementArea if any(a in e.judgements for e in history)]
    if span is None:
        span = _span(history, forecast, as_of)
    low, high = _check_span(span)
    with _style():
        canvas = _Timeline(
            low, high, areas, as_of, compact=compact, forecast_row=_forecast_row(forecast)
        )
        canvas.draw(history, forecast, missing)
        if not compact:
            last = history.events[-1].date
            title = _text(f"{history.la_name} ({history.la_code})")
            canvas.axes.set_title(
                f"{title}: inspections and visits to {long_date(last)}"
                + (f", as of {long_date(as_of)}" if as_of is not None else ""),
                loc="left",
                pad=16,
                fontsize=11,
            )
            grades = [g for e in history.graded() for a, g in e.judgements.items() if a in areas]
            handles = _key_handles(
                grades,
                [e.type for e in history],
                [forecast.type] if forecast else [],
                overdue=bool(forecast and forecast.overdue),
                written=bool(forecast and forecast.written),
                as_of=as_of,
                pauses=_pauses(low, high),
            )
            canvas.figure.legend(
                handles=handles, loc="outside lower center", ncols=2, fontsize=8, frameon=False
            )
            # Lay the figure out once and keep that layout: the layout engine, run again at
            # each save, moves the axes by a hair, and the same figure would give other bytes.
            canvas.figure.draw_without_rendering()
            canvas.figure.set_layout_engine("none")
    return canvas.figure


def _check_span(span: object) -> tuple[dt.date, dt.date]:
    if not (isinstance(span, tuple) and len(span) == 2):
        raise ValidationError("span", span, "two dates, the first before the second")
    low, high = _check_day("span", span[0]), _check_day("span", span[1])
    if not low < high:
        raise ValidationError(
            "span", f"{low.isoformat()} to {high.isoformat()}", "the first date before the second"
        )
    return low, high


def key(
    histories: Iterable[History], forecasts: Iterable[Forecast], *, as_of: dt.date | None = None
) -> Figure:
    """The legend of compact timelines of ``histories``: every grade, mark and window drawn.

    Args:
        histories: the LAs whose timelines the key explains.
        forecasts: their forecasts (the window colours of the types they expect).
        as_of: the day of the forecasts, for the dotted line's entry.

    Returns:
        A short figure holding only the legend, with the national pauses of the histories'
        years and the framework eras named in words.
    """
    histories, forecasts = list(histories), list(forecasts)
    days = [e.date for h in histories for e in h]
    days += [d for f in forecasts for d in (f.earliest, f.latest)]
    low, high = (min(days), max(days)) if days else (dt.date.min, dt.date.max)
    handles = _key_handles(
        [g for h in histories for e in h.graded() for g in e.judgements.values()],
        [e.type for h in histories for e in h],
        [f.type for f in forecasts],
        overdue=any(f.overdue for f in forecasts),
        written=any(f.written for f in forecasts),
        as_of=as_of,
        pauses=_pauses(low, high),
    )
    rows = -(-len(handles) // 2)  # two columns: the pauses' long names need the room
    with _style():
        figure = _figure(0.2 + 0.2 * rows, margins=(0.05, 0.05, 0.05, 0.05))
        figure.set_gid("key")
        figure.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.01, 0.99),
            ncols=2,
            fontsize=8,
            frameon=False,
            columnspacing=2.0,
        )
    return figure


_Entry = tuple[History, Forecast | None, str]
"""An LA's history, its forecast (or None) and why there is none (or "")."""

_PARALLEL_FROM = 24
"""Fewer timelines than this are drawn in this process: starting workers would cost more."""


def _timeline_svgs(
    entries: Sequence[_Entry],
    *,
    as_of: dt.date,
    span: tuple[dt.date, dt.date],
    areas: Sequence[JudgementArea],
    workers: int = 1,
) -> list[str]:
    """Compact timelines of many LAs on one scale, as ``<svg>`` markup (see :func:`svg_markup`).

    The axes are built once and each LA drawn on them in turn, then removed: a page of 150
    timelines costs one render each, not one figure each. With ``workers`` above 1, on Linux
    and in a process that runs a single thread, the LAs are shared among that many forked
    processes; the markup is the same either way, in the order of ``entries``.
    """
    low, high = _check_span(span)
    chunks = min(workers, len(entries) // (_PARALLEL_FROM // 2))
    # Forking is safe only while this process runs one thread (a forked lock stays locked).
    if chunks > 1 and sys.platform == "linux" and threading.active_count() == 1:
        import concurrent.futures
        import multiprocessing

        size = -(-len(entries) // chunks)
        parts = [entries[i : i + size] for i in range(0, len(entries), size)]
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(len(parts), mp_context=context) as pool:
            draw = functools.partial(_draw_many, span=(low, high), areas=tuple(areas), as_of=as_of)
            done = pool.map(draw, parts)
            return [svg for part in done for svg in part]
    return _draw_many(entries, (low, high), areas, as_of)


def _draw_many(
    entries: Sequence[_Entry],
    span: tuple[dt.date, dt.date],
    areas: Sequence[JudgementArea],
    as_of: dt.date,
) -> list[str]:
    out = []
    with _style():
        canvas = _Timeline(*span, areas, as_of, compact=True)
        for history, forecast, missing in entries:
            drawn = canvas.draw(history, forecast, missing)
            out.append(svg_markup(canvas.figure, f"la-{_slug(history.la_code)}-"))
            for artist in drawn:
                artist.remove()
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", text)


# --- the national chart -------------------------------------------------------------------------


def _row_label(forecast: Forecast) -> str:
    name = _text(forecast.la_name)
    if forecast.kind is not ForecastKind.GRADED_INSPECTION:
        name += f" ({forecast.kind.value})"
    return name


def national(forecasts: Sequence[Forecast], *, as_of: dt.date) -> Figure:
    """One row per forecast: its window as a bar and its expected day, soonest at the top.

    Bars are coloured by the type of inspection expected (short, standard; see
    :data:`TYPE_COLOURS`); overdue LAs' bars are hatched with a vermilion edge and their names
    set in bold. The figure grows with the number of rows, so that a region (about 20 LAs) and
    the country (about 150) are both readable; years are marked above and below.

    Args:
        forecasts: any forecasts, e.g. one per LA (an empty list draws a note saying so).
        as_of: the day the forecasts were made for, drawn as a dotted line.

    Returns:
        The figure, ordered by expected day, then name.

    Raises:
        ValidationError: an item is not a Forecast, ``as_of`` is not a date, or a forecast
            was made as of another day.
    """
    _check_day("as_of", as_of)
    for item in forecasts:
        if not isinstance(item, Forecast):
            raise ValidationError("forecasts", item, "Forecast records")
        if item.as_of != as_of:
            raise ValidationError(
                "forecasts",
                f"{item.la_name} as of {item.as_of.isoformat()}",
                f"forecasts made as of {as_of.isoformat()}",
            )
    ordered = sorted(forecasts, key=lambda f: (f.expected, f.la_name, f.la_code))
    n = len(ordered)
    low = as_of - dt.timedelta(days=90)
    high = max([f.latest for f in ordered], default=as_of + dt.timedelta(days=365))
    high += dt.timedelta(days=90)
    with _style():
        # Fixed margins (names measured by their length) rather than a layout engine, which
        # would measure 150 names twice over: left for the longest name, top for the legend,
        # the title and the years, bottom for the years.
        longest = max((len(_row_label(f)) for f in ordered), default=10)
        height = 1.75 + 0.2 * max(n, 4)
        figure = _figure(height, margins=(0.25 + longest * 0.062, 0.25, 1.3, 0.45))
        axes = figure.add_subplot()
        axes.set_gid("national")
        _date_axis(axes, low, high)
        axes.tick_params(axis="x", labeltop=True, top=True)
        groups: dict[tuple[InspectionType, bool], list[int]] = {}
        for row, forecast in enumerate(ordered):
            groups.setdefault((forecast.type, forecast.overdue), []).append(row)
        for (kind, late), rows in groups.items():
            bars = axes.barh(
                rows,
                [
                    _x(ordered[r].latest + dt.timedelta(days=1)) - _x(ordered[r].earliest)
                    for r in rows
                ],
                left=[_x(ordered[r].earliest) for r in rows],
                height=0.62,
                zorder=2,
                **_window_style(kind, late),
            )
            for row, bar in zip(rows, bars, strict=True):
                bar.set_gid(f"window-{_slug(ordered[row].la_code)}")
        (expected,) = axes.plot(
            [_x(f.expected) for f in ordered],
            list(range(n)),
            marker="D",
            markersize=4.5,
            color="black",
            linestyle="none",
            zorder=3,
            label="expected day",
        )
        expected.set_gid("expected")
        line = axes.axvline(_x(as_of), zorder=4, label=f"as of {long_date(as_of)}", **_AS_OF_STYLE)
        line.set_gid("as-of")
        axes.set_yticks(range(n), [_row_label(f) for f in ordered], fontsize=7.5)
        for tick, forecast in zip(axes.get_yticklabels(), ordered, strict=True):
            if forecast.overdue:
                tick.set_fontweight("bold")
        axes.set_ylim(max(n, 1) - 0.4, -0.6)
        axes.tick_params(axis="y", length=0)
        for side in ("left", "right"):
            axes.spines[side].set_visible(False)
        if n == 0:
            axes.text(
                0.5, 0.5, "No forecast to show.", transform=axes.transAxes, ha="center"
            ).set_gid("no-forecast")
        overdue = sum(f.overdue for f in ordered)
        axes.set_title(
            f"Next inspections as of {long_date(as_of)}: {n} "
            f"{'LA' if n == 1 else 'LAs'}, {overdue} overdue, soonest expected first",
            loc="left",
            fontsize=11,
        )
        handles: list[Artist] = [
            *_window_handles(
                [t for t in InspectionType if any(f.type is t for f in ordered)],
                overdue > 0,
                alpha=1.0,
            )
        ]
        if overdue:
            handles[-1].set_label("overdue (name in bold): the written rule's window has closed")
        handles += [expected, line]
        figure.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 1 - 0.05 / height),
            ncols=2,
            fontsize=8,
            frameon=False,
        )
    return figure


# --- saving -------------------------------------------------------------------------------------


def render(figure: Figure, fmt: str) -> bytes:
    """The figure as ``fmt`` (``"svg"``, ``"png"`` or ``"pdf"``) bytes, with no time stamp.

    Raises:
        ValidationError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValidationError("format", fmt, "one of " + ", ".join(FORMATS))
    metadata: dict[str, Any] = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(
        fmt, {"Software": None}
    )
    buffer = io.BytesIO()
    with _style():
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def save(figure: Figure, path: str | Path) -> Path:
    """Write ``figure`` to ``path``, in the format its suffix names (.svg, .png or .pdf).

    Returns:
        The path written.

    Raises:
        ValidationError: the suffix is not one of :data:`FORMATS`.
        OSError: the file cannot be written.
    """
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError(
            "path", str(target), "a file name ending in " + ", ".join(f".{f}" for f in FORMATS)
        )
    target.write_bytes(render(figure, fmt))
    return target


_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)')


def svg_markup(figure: Figure, prefix: str) -> str:
    """The figure as an ``<svg>`` element for an HTML page, its ids prefixed with ``prefix``.

    The XML declaration and DOCTYPE are dropped; every ``id`` and every reference to one gets
    ``prefix``, so that many figures share a page without their ids colliding.
    """
    text = render(figure, "svg").decode("utf-8")
    return _REFERENCE.sub(lambda m: m.group(1) + prefix, text[text.index("<svg") :])

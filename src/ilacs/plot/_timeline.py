"""The timeline of one LA (:func:`timeline`), its key for a page of many (:func:`key`), and
many compact timelines on one scale drawn on one set of axes (:func:`_timeline_svgs`)."""

from __future__ import annotations

import datetime as dt
import functools
import sys
import textwrap
import threading
from collections.abc import Iterable, Sequence

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ilacs.catalogue.frameworks import JudgementArea
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import IlacsError, ValidationError
from ilacs.plot._drawing import (
    _AS_OF_STYLE,
    _BAND_ALPHA,
    _COMPACT_MARGINS,
    _ERA_SHADES,
    _EXPECTED_STYLE,
    _GREY,
    _MARGIN_DAYS,
    _PAUSE_HATCH,
    _WRITTEN_STYLE,
    GRADE_COLOURS,
    TYPE_COLOURS,
    _check_day,
    _drawn_axes,
    _event_style,
    _figure,
    _initials,
    _key_handles,
    _letters,
    _pauses,
    _slug,
    _style,
    _text,
    _window_style,
    _wrap,
    _x,
    eras,
    svg_markup,
)
from ilacs.records import AnyGrade, History, Inspection
from ilacs.scheduling.records import Forecast, ForecastKind
from ilacs.words import long_date

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
    histories: Iterable[History], forecasts: Iterable[Forecast | None], as_of: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The first and last day of the histories and the forecasts, with a margin either side."""
    days = [d for history in histories for e in history for d in (e.date, e.end) if d is not None]
    for forecast in forecasts:
        if forecast is not None:
            days += [forecast.earliest, forecast.latest]
            if forecast.written is not None:
                days += [forecast.written.earliest, forecast.written.latest]
    if as_of is not None:
        days.append(as_of)
    margin = dt.timedelta(days=_MARGIN_DAYS)
    return min(days) - margin, max(days) + margin


def _graded_areas(histories: Iterable[History]) -> list[JudgementArea]:
    """The judgement areas the histories grade, in the catalogue's order."""
    events = [e for history in histories for e in history]
    return [a for a in JudgementArea if any(a in e.judgements for e in events)]


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
        history: the LA's :class:`~ilacs.records.History` (or its inspections, of one LA).
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
        areas = _graded_areas([history])
    if span is None:
        span = _span([history], [forecast], as_of)
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
    workers: int = 1,
) -> list[str]:
    """Compact timelines of many LAs on one scale, as ``<svg>`` markup (see :func:`svg_markup`).

    The scale spans every history and forecast of ``entries`` (as :func:`timeline` spans
    one), with a row for each judgement area any of them grades.

    The axes are built once and each LA drawn on them in turn, then removed: a page of 150
    timelines costs one render each, not one figure each. With ``workers`` above 1, on Linux
    and in a process that runs a single thread, the LAs are shared among that many forked
    processes; the markup is the same either way, in the order of ``entries``.
    """
    histories = [history for history, _, _ in entries]
    low, high = _span(histories, [forecast for _, forecast, _ in entries], as_of)
    areas = _graded_areas(histories)
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

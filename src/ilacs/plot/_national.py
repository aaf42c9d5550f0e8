"""The national chart: one row per forecast, soonest expected at the top (:func:`national`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.figure import Figure

from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ValidationError
from ilacs.plot._drawing import (
    _AS_OF_STYLE,
    _check_day,
    _date_axis,
    _figure,
    _slug,
    _style,
    _text,
    _window_handles,
    _window_style,
    _x,
)
from ilacs.scheduling.records import Forecast, ForecastKind
from ilacs.words import long_date

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

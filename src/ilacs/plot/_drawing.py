"""What the figures share: the palette, the styles, text and dates, the date axes, the legends'
entries, and saving a figure (the same bytes for the same figure)."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import textwrap
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import matplotlib
import matplotlib.dates as mdates
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.patches import Patch
from matplotlib.path import Path as Outline
from matplotlib.textpath import TextPath
from matplotlib.transforms import offset_copy

from ilacs.catalogue.cadence import PAUSES, Pause, PauseScope
from ilacs.catalogue.frameworks import VERSIONS, FrameworkVersion
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import ValidationError
from ilacs.records import AnyGrade
from ilacs.words import long_date, short_date

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
}  # documented where it is public, as ilacs.plot.GRADE_COLOURS

TYPE_COLOURS: dict[InspectionType, str] = {
    InspectionType.SHORT: _SKY,
    InspectionType.STANDARD: _PURPLE,
}  # ilacs.plot.TYPE_COLOURS

FORMATS = ("svg", "png", "pdf")  # ilacs.plot.FORMATS

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
        label=f"national pause: {pause.name} ({short_date(pause.start)} – {short_date(pause.resume)})",
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


def _slug(text: str) -> str:
    """``text`` (an LA's code) as a part of an SVG id."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", text)


_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)')


def svg_markup(figure: Figure, prefix: str) -> str:
    """The figure as an ``<svg>`` element for an HTML page, its ids prefixed with ``prefix``.

    The XML declaration and DOCTYPE are dropped; every ``id`` and every reference to one gets
    ``prefix``, so that many figures share a page without their ids colliding.
    """
    text = render(figure, "svg").decode("utf-8")
    return _REFERENCE.sub(lambda m: m.group(1) + prefix, text[text.index("<svg") :])

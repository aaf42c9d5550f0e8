"""The figures, checked for what is drawn: dates, bars, marks, legends, text; PNG and SVG.

Expected values come from the minutes' histories (``examples/histories.csv``, typed from the
council minutes and Ofsted's reports) and from the forecasts the figures are asked to draw.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ilacs
from ilacs import plot
from ilacs.catalogue.cadence import PAUSES
from ilacs.errors import ValidationError
from ilacs.records import History, Inspection
from ilacs.scheduling import Forecast, next_inspection
from ilacs.tabular import read_csv
from strategies import histories

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "histories.csv"
AS_OF = dt.date(2024, 3, 31)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def minutes() -> dict[str, History]:
    """Thurrock, Wokingham and Durham, by name."""
    return {h.la_name: h for h in ilacs.records.histories(read_csv(EXAMPLES)).values()}


def day(x: float) -> dt.date:
    """The date at ``x`` on a figure's date axis (matplotlib's day numbers)."""
    import matplotlib.dates as mdates

    return mdates.num2date(x).date()  # type: ignore[no-untyped-call]


def by_gid(figure: Any, gid: str) -> list[Any]:
    return figure.findobj(lambda a: a.get_gid() == gid)


def one(figure: Any, gid: str) -> Any:
    found = by_gid(figure, gid)
    assert len(found) == 1, f"{len(found)} artists with gid {gid!r}"
    return found[0]


def x_extent(patch: Any) -> tuple[float, float]:
    """The left and right x of a patch (a Rectangle, or a span's Polygon), in data units."""
    xs = patch.get_patch_transform().transform(patch.get_path().vertices)[:, 0]
    return float(xs.min()), float(xs.max())


def texts(figure: Any) -> list[str]:
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


def legend_texts(figure: Any) -> list[str]:
    return [t.get_text() for legend in figure.legends for t in legend.get_texts()]


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def pixels(png: bytes) -> Any:
    import matplotlib.image

    return matplotlib.image.imread(io.BytesIO(png), format="png")


# --- the timeline: what is drawn -----------------------------------------------------------------

# The grades of each LA's judgements in examples/histories.csv (typed from the minutes).
GRADES = {
    "Thurrock": {"Good", "Requires improvement to be good"},
    "Wokingham": {"Good", "Requires improvement to be good"},
    "Durham": {"Outstanding", "Good", "Requires improvement to be good"},
}


@pytest.mark.parametrize("name", sorted(GRADES))
def test_timeline_covers_the_events_and_the_window(minutes: dict[str, History], name: str) -> None:
    history = minutes[name]
    forecast = next_inspection(history, as_of=AS_OF)
    figure = plot.timeline(history, forecast=forecast)
    low, high = (day(x) for x in one(figure, "timeline").get_xlim())
    assert low <= min(e.date for e in history)
    assert high >= max(forecast.latest, AS_OF)
    band = x_extent(one(figure, "forecast-window"))
    assert (day(band[0]), day(band[1])) == (
        forecast.earliest,
        forecast.latest + dt.timedelta(days=1),
    )
    (expected,) = one(figure, "forecast-expected").get_xdata()
    assert band[0] <= expected <= band[1]
    assert day(expected) == forecast.expected
    (as_of_x, _) = one(figure, "as-of").get_xdata()
    assert day(as_of_x) == AS_OF


@pytest.mark.parametrize(("name", "grades"), sorted(GRADES.items()))
def test_timeline_legend_names_each_grade_drawn(
    minutes: dict[str, History], name: str, grades: set[str]
) -> None:
    figure = plot.timeline(minutes[name], as_of=AS_OF)
    shown = {t.rsplit(" (", 1)[0] for t in legend_texts(figure) if t.endswith(")")}
    assert grades <= shown
    others = {"Outstanding", "Good", "Requires improvement to be good", "Inadequate"} - grades
    assert not others & shown


def test_timeline_colours_each_judgement_on_its_day(minutes: dict[str, History]) -> None:
    # Thurrock (minutes, seed 000 and 002): SIF 22 Feb 2016 RI in all five judgements; ILACS
    # 11 Nov 2019 good in all four of its judgements.
    figure = plot.timeline(minutes["Thurrock"], as_of=AS_OF)
    good = one(figure, "grade-good")
    assert [day(x) for x in good.get_xdata()] == [dt.date(2019, 11, 11)] * 4
    assert good.get_color() == plot.GRADE_COLOURS[ilacs.Grade.GOOD]
    ri = one(figure, "grade-requires-improvement")
    assert [day(x) for x in ri.get_xdata()] == [dt.date(2016, 2, 22)] * 5
    assert len(set(plot.GRADE_COLOURS.values())) == 5  # four grades and "Adequate", all distinct


def test_timeline_marks_each_event_by_type(minutes: dict[str, History]) -> None:
    figure = plot.timeline(minutes["Wokingham"], as_of=AS_OF)
    visits = one(figure, "events-focused_visit")
    assert [day(x) for x in visits.get_xdata()] == [
        dt.date(2021, 6, 16),
        dt.date(2022, 4, 12),
        dt.date(2024, 2, 20),
    ]
    standard = one(figure, "events-standard")
    assert [day(x) for x in standard.get_xdata()] == [dt.date(2019, 6, 3), dt.date(2023, 3, 6)]
    assert visits.get_marker() != standard.get_marker()
    assert {"ILACS focused visit", "ILACS standard inspection", "SIF inspection"} <= set(
        legend_texts(figure)
    )


def test_timeline_shades_and_names_the_eras_and_pauses(minutes: dict[str, History]) -> None:
    figure = plot.timeline(minutes["Durham"], as_of=AS_OF)
    shown = texts(figure)
    for era in ("SIF", "ILACS 2018", "ILACS 2023"):
        assert era in shown
    # Care leavers judged separately from inspections starting 16 January 2023 (the issue).
    start, _ = x_extent(one(figure, "era-framework.ilacs-2023"))
    assert day(start) == dt.date(2023, 1, 16)
    # ILACS began in January 2018: the SIF's span ends there, the spans do not overlap.
    _, sif_end = x_extent(one(figure, "era-framework.sif"))
    assert day(sif_end) == dt.date(2018, 1, 1)
    for pause in PAUSES:
        low, high = x_extent(one(figure, f"pause-{pause.code}"))
        assert (day(low), day(high)) == (pause.start, pause.resume)
        assert any(pause.name in t for t in legend_texts(figure))


def test_timeline_without_a_graded_inspection_draws_the_visits_and_says_why() -> None:
    visit = Inspection("E06000034", "Thurrock", "focused_visit", start=dt.date(2021, 6, 30))
    figure = plot.timeline([visit], as_of=AS_OF)
    (x,) = one(figure, "events-focused_visit").get_xdata()
    assert day(x) == dt.date(2021, 6, 30)
    note = one(figure, "no-forecast").get_text()
    assert note.startswith("No forecast of the next graded inspection")
    assert "none graded" in note
    assert not by_gid(figure, "forecast-window")
    assert "Inspections and visits" in texts(figure)


def test_timeline_with_neither_forecast_nor_as_of_draws_the_history(
    minutes: dict[str, History],
) -> None:
    figure = plot.timeline(minutes["Thurrock"])
    assert "none was given" in one(figure, "no-forecast").get_text()
    assert not by_gid(figure, "as-of")


def test_timeline_on_a_given_span_and_rows(minutes: dict[str, History]) -> None:
    span = (dt.date(2013, 1, 1), dt.date(2030, 1, 1))
    areas = [ilacs.JudgementArea.OVERALL]
    figure = plot.timeline(minutes["Durham"], as_of=AS_OF, span=span, areas=areas, compact=True)
    low, high = (day(x) for x in one(figure, "timeline").get_xlim())
    assert (low, high) == span
    assert not figure.legends
    rows = [t.get_text() for t in figure.findobj(lambda a: str(a.get_gid()).startswith("row-"))]
    assert rows == ["Next graded inspection", "Inspections and visits", "Overall effectiveness"]


# --- the national chart --------------------------------------------------------------------------


def test_national_draws_one_bar_per_la_soonest_first(minutes: dict[str, History]) -> None:
    as_of = dt.date(2025, 6, 1)
    forecasts = [next_inspection(h, as_of=as_of) for h in minutes.values()]
    figure = plot.national(forecasts, as_of=as_of)
    axes = one(figure, "national")
    labels = [t.get_text() for t in axes.get_yticklabels()]
    ordered = sorted(forecasts, key=lambda f: f.expected)
    assert labels == [f.la_name for f in ordered]
    expected = one(figure, "expected")
    for row, forecast in enumerate(ordered):
        bar = one(figure, f"window-{forecast.la_code}")
        low, high = x_extent(bar)
        assert (day(low), day(high)) == (forecast.earliest, forecast.latest + dt.timedelta(1))
        assert low <= expected.get_xdata()[row] <= high
        assert day(expected.get_xdata()[row]) == forecast.expected
        assert bar.get_y() < row < bar.get_y() + bar.get_height()
        # Overdue windows are hatched and their names bold; the others are neither.
        assert bool(bar.get_hatch()) == forecast.overdue
        assert (labels_bold := axes.get_yticklabels()[row].get_fontweight()) in (
            ("bold", 700) if forecast.overdue else ("normal", 400)
        ), labels_bold
    # Thurrock's written window (to 13 November 2024) closed before 1 June 2025.
    assert next(f for f in forecasts if f.la_name == "Thurrock").overdue
    # A short and a standard inspection are told apart by colour, and named in the legend.
    colours = {f.type: one(figure, f"window-{f.la_code}").get_facecolor() for f in forecasts}
    assert len(set(colours.values())) == 2
    assert {
        "forecast window: ILACS short inspection",
        "forecast window: ILACS standard inspection",
    } <= set(legend_texts(figure))
    low, high = (day(x) for x in axes.get_xlim())
    assert low <= as_of
    assert high >= max(f.latest for f in forecasts)


def test_national_with_nothing_to_draw_says_so() -> None:
    figure = plot.national([], as_of=AS_OF)
    assert one(figure, "no-forecast").get_text() == "No forecast to show."


def test_national_for_the_country_is_tall_and_its_names_do_not_overlap(
    real_inspections: list[Inspection],
) -> None:
    found = ilacs.records.histories(real_inspections)
    forecasts = []
    for history in found.values():
        try:
            forecasts.append(next_inspection(history, as_of=AS_OF))
        except ValidationError:
            continue  # an LA abolished by then
    assert len(forecasts) > 140
    figure = plot.national(forecasts, as_of=AS_OF)
    png = plot.render(figure, "png")
    width, height = png_size(png)
    assert width == 1000
    assert height > 30 * len(forecasts) * 0.6  # about 20 pixels a row
    assert len(figure.findobj(lambda a: str(a.get_gid()).startswith("window-"))) == len(forecasts)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [t.get_window_extent(renderer) for t in one(figure, "national").get_yticklabels()]
    for upper, lower in itertools.pairwise(boxes):
        assert lower.y1 <= upper.y0 + 0.5, "two LA names overlap"


# --- files: PNG and SVG as they are seen ---------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_png_has_the_figure_size_and_is_not_blank(minutes: dict[str, History]) -> None:
    figure = plot.timeline(minutes["Wokingham"], as_of=AS_OF)
    png = plot.render(figure, "png")
    width, height = (round(v * 100) for v in figure.get_size_inches())
    assert png_size(png) == (width, height)
    image = pixels(png)
    colours = {tuple(p) for p in image.reshape(-1, image.shape[-1])[::7].tolist()}
    assert len(colours) > 50
    white = (image[..., :3] > 0.97).all(axis=-1).mean()
    assert white < 0.9


def test_svg_keeps_the_text_and_is_the_same_each_time(minutes: dict[str, History]) -> None:
    figure = plot.timeline(minutes["Durham"], as_of=AS_OF)
    data = plot.render(figure, "svg")
    shown = svg_texts(data)
    assert any("Durham (E06000047)" in t for t in shown)
    for text in ("ILACS 2018", "Overall effectiveness", "2020", "as of 31 March 2024"):
        assert any(text in t for t in shown), text
    assert plot.render(figure, "svg") == data


def test_save_writes_each_format(tmp_path: Path, minutes: dict[str, History]) -> None:
    figure = plot.timeline(minutes["Thurrock"], as_of=AS_OF)
    for suffix, magic in ((".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF")):
        path = plot.save(figure, tmp_path / f"thurrock{suffix.upper()}")
        assert path.read_bytes().startswith(magic)


def test_svg_markup_prefixes_every_id_and_reference(minutes: dict[str, History]) -> None:
    figure = plot.timeline(minutes["Thurrock"], as_of=AS_OF)
    markup = plot.svg_markup(figure, "p1-")
    root = ET.fromstring(markup)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids
    assert all(i.startswith("p1-") for i in ids)
    assert len(ids) == len(set(ids))
    assert "url(#p1-" in markup
    assert 'href="#' not in markup.replace('href="#p1-', "")


@settings(max_examples=15)
@given(history=histories(max_size=5), as_of=st.dates(dt.date(2014, 1, 1), dt.date(2030, 1, 1)))
def test_any_history_draws_and_says_what_it_could_not(history: History, as_of: dt.date) -> None:
    figure = plot.timeline(history, as_of=as_of)
    low, high = (day(x) for x in one(figure, "timeline").get_xlim())
    assert low <= min(e.date for e in history)
    assert high >= max(e.date for e in history)
    assert bool(by_gid(figure, "forecast-window")) != bool(by_gid(figure, "no-forecast"))
    root = ET.fromstring(plot.render(figure, "svg"))  # names with any characters stay XML
    assert root.tag == f"{SVG}svg"


def test_key_names_every_grade_and_mark_of_the_page(minutes: dict[str, History]) -> None:
    forecasts = [next_inspection(h, as_of=AS_OF) for h in minutes.values()]
    figure = plot.key(minutes.values(), forecasts, as_of=AS_OF)
    shown = legend_texts(figure)
    assert "Outstanding (O)" in shown
    assert "Requires improvement to be good (RI)" in shown
    assert "Monitoring visit" not in shown
    assert "as of 31 March 2024" in shown


def test_eras_do_not_overlap_and_cover_every_day_from_2009() -> None:
    # Asked from 2005: the first era is SLAC's, from 1 April 2009 (framework-rules.md: "from
    # 1 Apr 2009"; the joint area reviews before it graded no judgement areas, so no era).
    spans = plot.eras(dt.date(2005, 1, 1), dt.date(2030, 12, 31))
    for (_, _, end), (_, start, _) in itertools.pairwise(spans):
        assert start == end + dt.timedelta(days=1)
    assert (spans[0][0].name, spans[0][1]) == ("SLAC 2009", dt.date(2009, 4, 1))
    # ILACS 2026 is in force (no end): the last era runs to the last day asked for.
    assert (spans[-1][0].name, spans[-1][2]) == ("ILACS 2026", dt.date(2030, 12, 31))
    assert [v.name for v, _, _ in spans][-3:] == ["ILACS 2018", "ILACS 2023", "ILACS 2026"]


# --- errors ---------------------------------------------------------------------------------------


def test_errors_name_the_field(minutes: dict[str, History]) -> None:
    thurrock, durham = minutes["Thurrock"], minutes["Durham"]
    forecast = next_inspection(durham, as_of=AS_OF)
    with pytest.raises(ValidationError, match=r"^forecast: got 'Durham"):
        plot.timeline(thurrock, forecast=forecast)
    with pytest.raises(ValidationError, match=r"^forecast: got 'not a forecast'"):
        plot.timeline(thurrock, forecast="not a forecast")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^as_of: got '2024-01-01'"):
        plot.timeline(durham, forecast=forecast, as_of=dt.date(2024, 1, 1))
    with pytest.raises(ValidationError, match=r"^as_of: got datetime"):
        plot.timeline(durham, as_of=dt.datetime(2024, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^span: got '2024-01-01 to 2020-01-01'"):
        plot.timeline(durham, span=(dt.date(2024, 1, 1), dt.date(2020, 1, 1)))
    with pytest.raises(ValidationError, match=r"^span: got 2024"):
        plot.timeline(durham, span=2024)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^inspections: got"):
        plot.timeline([])
    with pytest.raises(ValidationError, match=r"^forecasts: got 'x'"):
        plot.national(["x"], as_of=AS_OF)  # type: ignore[list-item]
    with pytest.raises(ValidationError, match=r"^forecasts: got 'Durham as of 2024-03-31'"):
        plot.national([forecast], as_of=dt.date(2024, 4, 1))
    with pytest.raises(ValidationError, match=r"^as_of: got None"):
        plot.national([forecast], as_of=None)  # type: ignore[arg-type]
    figure = plot.national([forecast], as_of=AS_OF)
    with pytest.raises(ValidationError, match=r"^path: got 'x\.jpg'; expected a file name"):
        plot.save(figure, "x.jpg")
    with pytest.raises(ValidationError, match=r"^format: got 'gif'"):
        plot.render(figure, "gif")
    assert isinstance(forecast, Forecast)


# --- the optional extra ---------------------------------------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def test_import_ilacs_and_a_forecast_do_not_load_matplotlib() -> None:
    result = run_python(
        "import datetime as dt, sys, ilacs, ilacs.report, ilacs.cli\n"
        "from ilacs.tabular import read_csv\n"
        "h = ilacs.records.histories(read_csv('examples/histories.csv'))\n"
        "ilacs.next_inspection(next(iter(h.values())), as_of=dt.date(2024, 3, 31))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


WITHOUT_MATPLOTLIB = "import sys\nsys.modules['matplotlib'] = None  # as if not installed\n"


def test_without_matplotlib_the_error_names_the_extra() -> None:
    result = run_python(WITHOUT_MATPLOTLIB + "import ilacs\nimport ilacs.plot")
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: ilacs.plot draws with matplotlib")
    assert "pip install 'ilacs[plot]'" in last


@pytest.mark.parametrize("command", ["plot", "report"])
def test_without_matplotlib_the_command_line_says_which_extra(command: str) -> None:
    args = ["--la", "Durham", "-o", "x.svg"] if command == "plot" else ["-o", "x.html"]
    result = run_python(
        WITHOUT_MATPLOTLIB
        + "from ilacs.cli import main\n"
        + f"sys.exit(main({[command, '--history', str(EXAMPLES), *args]!r}))"
    )
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"ilacs {command}: error: ilacs.plot draws with matplotlib")
    assert "ilacs[plot]" in line


def test_every_legend_and_label_fits_inside_its_figure(minutes: dict[str, History]) -> None:
    forecasts = [next_inspection(h, as_of=AS_OF) for h in minutes.values()]
    figures = [plot.timeline(h, as_of=AS_OF) for h in minutes.values()]
    figures += [plot.national(forecasts, as_of=AS_OF), plot.key(minutes.values(), forecasts)]
    figures.append(plot.timeline(minutes["Durham"], as_of=AS_OF, compact=True))
    for figure in figures:
        plot.render(figure, "png")  # lays the figure out
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        inside = figure.bbox.padded(1)
        drawn = [*figure.legends, *figure.findobj(lambda a: hasattr(a, "get_text"))]
        for artist in drawn:
            if artist.get_visible() and (not hasattr(artist, "get_text") or artist.get_text()):
                box = artist.get_window_extent(renderer)
                assert inside.contains(box.x0, box.y0), artist
                assert inside.contains(box.x1, box.y1), artist

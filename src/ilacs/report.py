"""One self-contained HTML page of next inspections: who is next, when, and why.

:func:`render_report` lays out, in one file that needs no network (figures inline as SVG,
styles and the small sorting script inline):

- the table of next inspections, one row per forecast (sortable by each column: LA, type,
  earliest, expected, latest day, overdue);
- the national (or regional) figure of :func:`ilacs.plot.national`;
- for each LA: its compact timeline (:func:`ilacs.plot.timeline`, all LAs on one date scale,
  with one key), the forecast in words, the reasons and their sources, the deadlines after its
  latest graded inspection, and the day its data end; an LA that could not be forecast says why.

Every piece of text is escaped. The page prints one LA to a page, with each source's address
written out. Needs the optional extra ``plot`` (matplotlib).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence

from ilacs.errors import IlacsError, ValidationError
from ilacs.records import History
from ilacs.scheduling.graded import stale_after
from ilacs.scheduling.records import Forecast, ForecastKind
from ilacs.sources import Reason
from ilacs.words import long_date, short_date

__all__ = ["render_report"]

TITLE = "Next Ofsted inspections of local authority children's services"
"""The page's title unless the caller gives one."""


def _e(value: object) -> str:
    """``value`` as text escaped for HTML (element content and quoted attributes)."""
    return html.escape(str(value), quote=True)


def _anchor(code: str) -> str:
    return "la-" + "".join(ch if ch.isalnum() else "_" for ch in code)


# --- the page's parts ---------------------------------------------------------------------------


_COLUMNS = (
    ("la", "LA"),
    ("code", "Code"),
    ("type", "Type"),
    ("earliest", "Earliest"),
    ("expected", "Expected"),
    ("latest", "Latest"),
    ("overdue", "Overdue"),
)
"""The table's columns: the key each cell sorts by, and the heading."""

_NO_FORECAST = "No forecast: "
"""What an LA's section and timeline say before the reason it was not forecast."""


def _table(forecasts: Sequence[Forecast]) -> str:
    head = "".join(
        f'<th scope="col" data-key="{key}"'
        + (' aria-sort="ascending"' if key == "expected" else "")
        + f'><button type="button" class="sort">{_e(label)}</button></th>'
        for key, label in _COLUMNS
    )
    rows = []
    for f in forecasts:
        what = f.type.rule.name
        if f.kind is not ForecastKind.GRADED_INSPECTION:
            what = f"{f.kind.value}: {what}"
        cells = [
            (f.la_name.casefold(), f'<a href="#{_anchor(f.la_code)}">{_e(f.la_name)}</a>'),
            (f.la_code, _e(f.la_code)),
            (what, _e(what)),
            *((d.isoformat(), _e(short_date(d))) for d in (f.earliest, f.expected, f.latest)),
            ("1" if f.overdue else "0", "overdue" if f.overdue else ""),
        ]
        rows.append(
            "<tr"
            + (' class="overdue"' if f.overdue else "")
            + ">"
            + "".join(f'<td data-sort="{_e(k)}">{v}</td>' for k, v in cells)
            + "</tr>"
        )
    return (
        '<table id="next-table" class="next">'
        f"<caption>{len(forecasts)} forecasts, ordered by expected day; press a column's "
        "heading to sort by it</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _reasons(reasons: Sequence[Reason]) -> str:
    items = []
    for reason in reasons:
        flag = ' <span class="flag">(uncertain)</span>' if reason.uncertain else ""
        sources = []
        for source in reason.sources:
            title = _e(source.title)
            if source.url.startswith(("http://", "https://")):
                title = f'<a href="{_e(source.url)}">{title}</a>'
            else:
                title += f" ({_e(source.url)})"
            when = f", {_e(source.published.isoformat())}" if source.published else ""
            sources.append(
                f"<li>{title}{when} "
                f'<abbr class="evidence" title="{_e(source.evidence.meaning)}">'
                f"[{_e(source.evidence.name)}]</abbr></li>"
            )
        listed = f'<ul class="sources">{"".join(sources)}</ul>' if sources else ""
        items.append(f"<li><p>{_e(reason.text)}{flag}</p>{listed}</li>")
    return f'<ol class="reasons">{"".join(items)}</ol>'


def _deadlines(history: History | None, as_of: dt.date) -> str:
    from ilacs.scheduling import deadlines

    event = history.last_graded(as_of) if history is not None else None
    if event is None:
        return "<p>No graded inspection in the data, so no deadlines to count.</p>"
    try:
        found = deadlines(event)
    except IlacsError as error:
        return f"<p>No deadlines counted for the {_e(event.type.rule.name)} of " + (
            f"{_e(long_date(event.date))}: {_e(error)}</p>"
        )
    rows = "".join(
        "<tr>"
        f"<td>{_e(d.who)} must {_e(d.name)}</td>"
        f'<td data-sort="{d.due.isoformat()}">{_e(long_date(d.due))}</td>'
        f"<td>{d.working_days} working days after {_e(d.trigger)} "
        f"({_e(long_date(d.counted_from))})</td>"
        f"<td>{'uncertain' if d.uncertain else ''}</td>"
        "</tr>"
        for d in found
    )
    return (
        f"<p>After the {_e(event.type.rule.name)} of {_e(long_date(event.date))}:</p>"
        '<table class="deadlines"><thead><tr><th scope="col">Duty</th><th scope="col">Due</th>'
        '<th scope="col">Counted</th><th scope="col">Certainty</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _data_end(history: History | None) -> str:
    if history is None:
        return '<p class="data-end">No inspection or visit of this LA is in the data.</p>'
    last = history.events[-1]
    return (
        f'<p class="data-end">The data for {_e(history.la_name)} end with its '
        f"{_e(last.type.rule.name)} of {_e(long_date(last.date))}.</p>"
    )


def _section(
    code: str,
    history: History | None,
    forecasts: Sequence[Forecast],
    missing: str,
    figure: str,
    as_of: dt.date,
) -> str:
    name = forecasts[0].la_name if forecasts else history.la_name if history else code
    parts = [
        f'<section class="la" id="{_anchor(code)}">',
        f'<h3>{_e(name)} <span class="code">({_e(code)})</span></h3>',
    ]
    for forecast in forecasts:
        late = " overdue" if forecast.overdue else ""
        parts.append(f'<p class="forecast{late}">{_e(forecast)}</p>')
    if not forecasts:
        parts.append(f'<p class="forecast missing">{_e(_NO_FORECAST + missing)}</p>')
    if figure:
        parts.append(f'<figure class="timeline">{figure}</figure>')
    for forecast in forecasts:
        heading = "Why" if len(forecasts) == 1 else f"Why: the {forecast.kind.value}"
        parts.append(f"<h4>{_e(heading)}</h4>{_reasons(forecast.reasons)}")
    parts.append(f"<h4>Deadlines</h4>{_deadlines(history, as_of)}")
    parts.append(_data_end(history))
    parts.append('<p class="top"><a href="#table">Back to the table</a></p></section>')
    return "".join(parts)


# --- the page -----------------------------------------------------------------------------------


def render_report(
    histories: Mapping[str, History] | Iterable[History],
    forecasts: Sequence[Forecast],
    *,
    as_of: dt.date,
    not_forecast: Mapping[str, str] | None = None,
    title: str = TITLE,
    source: str = "",
    workers: int = 1,
) -> str:
    """The HTML page of ``forecasts``, with each LA's history from ``histories``.

    Args:
        histories: the LAs' histories (a mapping by code, as :func:`~ilacs.records.histories` gives,
            or an iterable): each gets a section, forecast or not.
        forecasts: the forecasts to tabulate and draw, all made as of ``as_of``.
        as_of: the day of the forecasts.
        not_forecast: why an LA in ``histories`` has no forecast, by code (shown in its
            section and in the list of LAs not forecast).
        title: the page's heading.
        source: where the data came from (a file name), printed under the heading.
        workers: how many processes may draw the LAs' timelines (on Linux; the page is the
            same whatever the number). The default draws them in this process.

    Returns:
        The page, a complete HTML document.

    Raises:
        ValidationError: a forecast is not a Forecast or was made as of another day;
            ``as_of`` is not a date.
    """
    from ilacs import __version__, plot

    listed = list(histories.values() if isinstance(histories, Mapping) else histories)
    for history in listed:
        if not isinstance(history, History):
            raise ValidationError("histories", history, "History records")
    by_code = {h.la_code: h for h in listed}
    figure = plot.national(forecasts, as_of=as_of)  # also checks the forecasts and as_of
    national_svg = _with_label(
        plot.svg_markup(figure, "national-"), f"Windows of the next inspections as of {as_of}"
    )
    ordered = sorted(forecasts, key=lambda f: (f.expected, f.la_name, f.la_code))
    by_la: dict[str, list[Forecast]] = {}
    for forecast in ordered:
        by_la.setdefault(forecast.la_code, []).append(forecast)
    reasons = dict(not_forecast or {})
    codes = list(by_la) + sorted(
        (c for c in {*by_code, *reasons} if c not in by_la),
        key=lambda c: (by_code[c].la_name if c in by_code else c, c),
    )
    missing = {c: reasons.get(c, "none was made for this LA.") for c in codes if c not in by_la}

    events = [e for h in by_code.values() for e in h]
    data_end = max((e.date for e in events), default=None)
    timelines = _timelines(by_code, by_la, missing, as_of, workers)
    key = ""
    if timelines:
        key_figure = plot.key(
            [by_code[c] for c in timelines], [f for fs in by_la.values() for f in fs], as_of=as_of
        )
        key = _with_label(plot.svg_markup(key_figure, "key-"), "Key to the timelines")

    sections = [
        _section(
            code,
            by_code.get(code),
            by_la.get(code, []),
            missing.get(code, ""),
            timelines.get(code, ""),
            as_of,
        )
        for code in codes
    ]
    overdue = sum(f.overdue for f in ordered)
    summary = [
        f"As of <strong>{_e(long_date(as_of))}</strong>: {len(by_la)} LAs forecast, "
        f"{overdue} overdue" + (f", {len(missing)} not forecast" if missing else "") + "."
    ]
    if source:
        summary.append(f"Data: {_e(source)}.")
    if data_end is not None:
        summary.append(f"The latest event in the data started on {_e(long_date(data_end))}.")
    warning = ""
    stale = None if data_end is None else stale_after(data_end, as_of, la="an LA")
    if stale is not None:
        warning = f'<p class="warning">{_e(stale.text)}</p>'
    skipped = ""
    if missing:
        items = "".join(
            f'<li><a href="#{_anchor(c)}">{_e(by_code[c].la_name if c in by_code else c)}</a> '
            f"({_e(c)}): {_e(missing[c])}</li>"
            for c in missing
        )
        skipped = (
            '<section id="not-forecast"><h2>Not forecast</h2>'
            f'<ul class="not-forecast">{items}</ul></section>'
        )
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="ilacs {_e(__version__)}">',
            f"<title>{_e(title)}, as of {_e(long_date(as_of))}</title>",
            f"<style>{_CSS}</style></head><body>",
            f"<header><h1>{_e(title)}</h1>",
            f'<p class="summary">{" ".join(summary)}</p>{warning}',
            '<nav><a href="#table">Table</a> · <a href="#chart">Chart</a> · '
            '<a href="#las">Each LA</a>'
            + (' · <a href="#not-forecast">Not forecast</a>' if missing else "")
            + "</nav></header><main>",
            f'<section id="table"><h2>Who is next</h2>{_table(ordered)}</section>',
            '<section id="chart"><h2>The windows</h2><figure class="national">',
            national_svg,
            "<figcaption>Each bar is an LA's window for its next inspection, coloured by the "
            "type expected; the diamond marks the expected day; hatched bars and names in bold "
            "are overdue. The dotted line is the day of the forecasts.</figcaption></figure>",
            "</section>",
            skipped,
            '<section id="las"><h2>Each LA</h2>',
            f'<figure class="key">{key}</figure>' if key else "",
            "".join(sections),
            "</section></main>",
            f"<footer><p>Made with ilacs {_e(__version__)}. Each rule the forecasts apply "
            "names its sources; evidence grades: A, Ofsted, DfE, gov.uk or legislation seen "
            "directly; B, the trade press or a professional body quoting Ofsted; C, councils' "
            "pages and minutes; D, derived from Ofsted's reports or data; S, this project's "
            "council minutes.</p></footer>",
            f"<script>{_SCRIPT}</script></body></html>\n",
        ]
    )


def _with_label(svg: str, label: str) -> str:
    """The ``<svg>`` element announced to screen readers as an image called ``label``."""
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_e(label)}" ', 1)


def _timelines(
    by_code: Mapping[str, History],
    by_la: Mapping[str, Sequence[Forecast]],
    missing: Mapping[str, str],
    as_of: dt.date,
    workers: int,
) -> dict[str, str]:
    """Each LA's compact timeline as inline SVG, all on one date scale, by code."""
    from ilacs import plot

    codes = [c for c in [*by_la, *missing] if c in by_code]
    if not codes:
        return {}
    entries = []
    for code in codes:
        graded = [f for f in by_la.get(code, []) if f.kind is ForecastKind.GRADED_INSPECTION]
        forecast = graded[0] if graded else None
        if forecast:
            reason = ""
        elif code in missing:
            reason = _NO_FORECAST + missing[code]
        else:
            reason = "No forecast of a graded inspection."
        entries.append((by_code[code], forecast, reason))
    svgs = plot._timeline_svgs(entries, as_of=as_of, workers=workers)
    return {
        code: _with_label(svg, f"Timeline of {history.la_name}")
        for code, (history, _, _), svg in zip(codes, entries, svgs, strict=True)
    }


_CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --late: #b23c00; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 70rem; padding: 1rem 1.25rem 3rem; color: var(--ink);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 0 0 0.4rem; }
h4 { font-size: 1rem; margin: 0.9rem 0 0.3rem; }
.code, .summary, caption, figcaption, .data-end, footer { color: var(--muted); }
.warning { border-left: 4px solid var(--late); padding: 0.4rem 0.8rem; background: #fff4ec; }
nav a, .top a { color: inherit; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; padding: 0.3rem 0; caption-side: top; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
th button.sort { font: inherit; font-weight: bold; color: inherit; background: none;
  border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button.sort::after { content: " \\25B2"; }
th[aria-sort="descending"] button.sort::after { content: " \\25BC"; }
tr.overdue td { color: var(--late); font-weight: bold; }
tr.overdue td a { color: inherit; }
figure { margin: 0.5rem 0 1rem; }
figure svg { display: block; width: 100%; max-width: 100%; height: auto; }
section.la { border-top: 1px solid var(--rule); padding-top: 1rem; margin-top: 1.5rem; }
p.forecast { font-weight: 600; }
p.forecast.overdue { color: var(--late); }
ol.reasons { padding-left: 1.4rem; }
ol.reasons p { margin: 0.2rem 0; }
ul.sources { margin: 0 0 0.5rem; padding-left: 1.2rem; font-size: 0.85rem; color: var(--muted); }
.flag { color: var(--late); }
abbr.evidence { text-decoration: none; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .top { display: none; }
  th button.sort::after { content: none !important; }
  section.la, #chart, #las { break-before: page; }
  section.la:first-of-type { break-before: auto; }
  figure, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  ul.sources a[href]::after { content: " <" attr(href) ">"; word-break: break-all; }
}
"""

_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("next-table");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute("data-sort");
        var y = b.cells[column].getAttribute("data-sort");
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  table.classList.add("sortable");
})();
"""

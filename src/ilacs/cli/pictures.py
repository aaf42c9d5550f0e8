"""``ilacs plot`` and ``ilacs report``: pictures and the HTML page (the ``plot`` extra)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ilacs.cli._common import (
    UsageError,
    add_lenient,
    date_arg,
    every_la,
    of_region,
    output_path,
    parse_region,
    plot_module,
)
from ilacs.cli.judgements import one_history

if TYPE_CHECKING:
    from ilacs.catalogue.regions import Region

__all__ = ["register"]


def _cmd_plot(args: argparse.Namespace) -> str:
    plot = plot_module()
    target = output_path(args.output, plot.FORMATS)
    if args.national == (args.la is not None):
        raise UsageError("give one of --la NAME_OR_CODE (one LA's timeline) or --national")
    if args.region is not None and not args.national:
        raise UsageError("--region goes with --national (the region's LAs, soonest first)")
    as_of = args.as_of or dt.date.today()
    if args.la is not None:
        figure = plot.timeline(one_history(args), as_of=as_of)
    else:
        _, forecasts, left_out = every_la(args.history, as_of, args.lenient)
        forecasts, left_out = _in_region(parse_region(args.region), forecasts, left_out)
        for left in left_out:
            print(f"ilacs plot: skipped {left}", file=sys.stderr)
        figure = plot.national(forecasts, as_of=as_of)
    plot.save(figure, target)
    return f"wrote {target}"


def _in_region(wanted: Region | None, forecasts: list[Any], left_out: list[Any]) -> tuple[Any, Any]:
    """The forecasts, and the LAs left out, of the region ``wanted`` (all of them without it)."""
    if wanted is None:
        return forecasts, left_out
    kept = of_region(forecasts, wanted)
    if not kept:
        raise UsageError(f"--region: no LA of {wanted} could be forecast from the history file")
    return kept, of_region(left_out, wanted)


def _cmd_report(args: argparse.Namespace) -> str:
    plot_module()
    from ilacs.report import render_report

    target = output_path(args.output, ("html", "htm"))
    as_of = args.as_of or dt.date.today()
    wanted = parse_region(args.region)
    histories, forecasts, left_out = every_la(args.history, as_of, args.lenient)
    forecasts, left_out = _in_region(wanted, forecasts, left_out)
    if wanted is not None:
        histories = {h.la_code: h for h in of_region(histories.values(), wanted)}
    skipped = {left.la_code: left.reason for left in left_out}
    page = render_report(
        histories,
        forecasts,
        as_of=as_of,
        not_forecast=skipped,
        source=Path(args.history).name,
        workers=os.cpu_count() or 1,
    )
    target.write_text(page, encoding="utf-8")
    overdue = sum(f.overdue for f in forecasts)
    return (
        f"wrote {target}: {len(forecasts)} LAs forecast as of {as_of.isoformat()}, "
        f"{overdue} overdue, {len(skipped)} not forecast"
    )


def register(sub: Any) -> None:
    """Add the 'plot', 'report' commands to the parser's subcommands ``sub``."""
    p = sub.add_parser("plot", help="draw an LA's timeline, or every LA's next window (SVG, PNG)")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument("--la", action="append", metavar="NAME_OR_CODE", help="one LA's timeline")
    p.add_argument("--national", action="store_true", help="every LA's next window, soonest first")
    p.add_argument("--region", metavar="REGION", help="with --national: one region's LAs only")
    p.add_argument(
        "--as-of", type=date_arg, metavar="DATE", help="forecast as of this date (default: today)"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the picture: .svg, .png or .pdf"
    )
    add_lenient(p)
    p.set_defaults(run=_cmd_plot)

    p = sub.add_parser("report", help="one HTML page: who is next, the chart, each LA and why")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument(
        "--as-of", type=date_arg, metavar="DATE", help="forecast as of this date (default: today)"
    )
    p.add_argument("--region", metavar="REGION", help="one region's LAs only, e.g. 'South East'")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the page: .html")
    add_lenient(p)
    p.set_defaults(run=_cmd_report)

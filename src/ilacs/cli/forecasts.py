"""``ilacs next`` and ``ilacs deadlines``: what comes next, and what falls due."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ilacs._output import chosen_format, deliver, render
from ilacs.cli._common import (
    UsageError,
    add_format,
    add_la_options,
    add_lenient,
    date_arg,
    histories_of,
    load_inspections,
    read_histories,
)

if TYPE_CHECKING:
    from ilacs.records import Inspection
    from ilacs.scheduling import Deadline
    from ilacs.scheduling.calibration import Calibration

__all__ = ["register"]


def _reasons(forecast: Any) -> list[dict[str, Any]]:
    """A forecast's reasons for JSON: code, sentence, uncertainty and sources' addresses."""
    return [
        {
            "code": r.code,
            "text": r.text,
            "uncertain": r.uncertain,
            "sources": [s.url for s in r.sources],
        }
        for r in forecast.reasons
    ]


def _calibration_for(
    args: argparse.Namespace, inspections: list[Inspection], as_of: dt.date
) -> tuple[Calibration, str]:
    """The observed practice ``next`` follows, and a line saying which it is."""
    from ilacs.scheduling import DEFAULT_RULES
    from ilacs.scheduling.calibration import shipped, written_only
    from ilacs.scheduling.graded import learnt_if_national

    if args.written_only:
        return written_only(), "the written rules only (--written-only)"
    source, items = args.history, inspections
    if args.calibration_from is not None:
        source = args.calibration_from
        items = load_inspections(source, args.lenient)
    known = [i for i in items if i.date <= as_of]
    learnt = learnt_if_national(known, DEFAULT_RULES, data=Path(source).name)
    if learnt is not None:
        cut = learnt.cut_off.isoformat()
        return learnt, f"observed practice learnt from {source} (every LA, to {cut})"
    if args.calibration_from is not None:
        raise UsageError(
            f"--calibration-from: {source} does not hold the country's inspections "
            "(observed practice is learnt from every LA)"
        )
    cal = shipped()
    return cal, f"observed practice from the shipped calibration (to {cal.cut_off.isoformat()})"


def _visits(
    forecasts: list[Any], every: list[Inspection], as_of: dt.date, calibration: Calibration
) -> list[Any]:
    """The focused and monitoring visits expected of the LAs forecast; says which have none."""
    from ilacs.records import histories
    from ilacs.scheduling import focused_visits, monitoring_visits

    found: list[Any] = []
    none: list[str] = []
    forecast = {f.la_code for f in forecasts}
    for history in histories(every).values():
        if history.la_code not in forecast:
            continue
        visits = [
            *focused_visits(history, as_of=as_of, calibration=calibration),
            *monitoring_visits(history, as_of=as_of, calibration=calibration),
        ]
        found += visits
        if not visits:
            none.append(history.la_name)
    if none:
        print(
            f"ilacs next: --visits: no focused or monitoring visit is expected before the next "
            f"graded inspection of {len(none)} LA(s): {', '.join(none)}",
            file=sys.stderr,
        )
    return found


def _cmd_next(args: argparse.Namespace) -> str:
    from ilacs.scheduling import next_inspections
    from ilacs.scheduling.graded import stale_reason
    from ilacs.tidy import FORECAST_COLUMNS, to_rows

    fmt = chosen_format(args)
    as_of = args.as_of or dt.date.today()
    inspections = load_inspections(args.history, args.lenient)
    # histories_of says when the file holds no inspections, and chooses at least one LA
    chosen = {h.la_code for h in histories_of(inspections, args.la, args.history, args.region)}
    calibration, which = _calibration_for(args, inspections, as_of)
    every = [i for i in inspections if i.la_code in chosen]
    national = next_inspections(every, as_of=as_of, calibration=calibration)
    forecasts = list(national)
    if (args.la or args.region) and not forecasts and national.left_out:
        raise UsageError(str(national.left_out[0]))
    if args.visits:
        forecasts += _visits(forecasts, every, as_of, calibration)
    gone = [o for o in national.left_out if o.abolished is not None]
    other = [o for o in national.left_out if o.abolished is None]
    if gone:
        names = ", ".join(o.la_name for o in gone)
        print(
            f"ilacs next: {len(gone)} LA(s) abolished by {as_of.isoformat()} left out, their "
            f"successors forecast instead: {names}",
            file=sys.stderr,
        )
    for left in other:
        print(f"ilacs next: skipped {left}", file=sys.stderr)
    stale = stale_reason(calibration, as_of, la="this LA" if len(chosen) == 1 else "an LA")
    if stale is not None:
        print(f"ilacs next: warning: {stale.text}", file=sys.stderr)
    forecasts.sort(key=lambda f: (f.expected, f.la_name))
    rows = to_rows(forecasts)
    if fmt in ("json", "csv"):
        print(f"ilacs next: {which}", file=sys.stderr)
    if fmt == "json":
        for row, forecast in zip(rows, forecasts, strict=True):
            row["reasons"] = _reasons(forecast)
        return deliver(args, render(rows, "json", columns=[]), len(rows))
    if fmt == "csv":
        return deliver(args, render(rows, "csv", columns=FORECAST_COLUMNS), len(rows))
    header = f"as of {as_of.isoformat()}; {which}"
    columns = ["la_name", "la_code", "kind", "inspection_type", "earliest", "expected"]
    table = render(rows, "table", columns=[*columns, "latest", "overdue"])
    if not args.why:
        return deliver(args, f"{header}\n{table}")
    blocks = [header]
    for forecast in forecasts:
        blocks.append("")
        blocks.append(str(forecast))
        blocks += [f"  - {reason}" for reason in forecast.reasons]
    return deliver(args, "\n".join(blocks))


def _cmd_deadlines(args: argparse.Namespace) -> str:
    from ilacs.scheduling import deadlines
    from ilacs.tidy import DEADLINE_COLUMNS, to_rows

    fmt = chosen_format(args)
    found: list[Deadline] = []
    for history in read_histories(args.history, args.la, args.region, lenient=args.lenient):
        events = [e for e in history if args.all or e is history.last_graded()]
        for event in events:
            if args.all and event.published is None and args.received is None:
                continue  # visits with no letter date in the file have no deadline to count
            found += deadlines(event, received=args.received)
    if not found:
        raise UsageError("no deadline to show: no graded inspection with a publication date")
    rows = to_rows(found)
    if fmt != "table":
        return deliver(args, render(rows, fmt, columns=DEADLINE_COLUMNS), len(rows))
    if not args.why:
        columns = ["la_name", "inspection_date", "duty", "working_days", "due", "uncertain"]
        return deliver(args, render(rows, "table", columns=columns))
    blocks = []
    for deadline in found:
        blocks.append(str(deadline))
        blocks += [f"  - {reason}" for reason in deadline.reasons]
    return deliver(args, "\n".join(blocks))


def register(sub: Any) -> None:
    """Add the 'next', 'deadlines' commands to the parser's subcommands ``sub``."""
    p = sub.add_parser("next", help="forecast each LA's next inspection, with the reasons")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    add_la_options(p)
    p.add_argument(
        "--as-of", type=date_arg, metavar="DATE", help="forecast as of this date (default: today)"
    )
    p.add_argument("--why", action="store_true", help="print the rules applied and their sources")
    p.add_argument(
        "--visits",
        action="store_true",
        help="also forecast focused and monitoring visits (says which LAs expect none)",
    )
    add_format(p)
    p.add_argument(
        "--written-only",
        action="store_true",
        help="apply the written rules only, without observed practice",
    )
    p.add_argument(
        "--calibration-from",
        metavar="FILE",
        help="learn observed practice from this national history (default: from --history when "
        "it holds every LA, else the shipped calibration)",
    )
    add_lenient(p)
    p.set_defaults(run=_cmd_next)

    p = sub.add_parser("deadlines", help="what falls due after an inspection, in working days")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    add_la_options(p)
    p.add_argument(
        "--all", action="store_true", help="every inspection, not only the latest graded one"
    )
    p.add_argument(
        "--received",
        type=date_arg,
        metavar="DATE",
        help="the day the LA received the final report (default: its publication date)",
    )
    p.add_argument("--why", action="store_true", help="print the rules applied and their sources")
    add_format(p)
    add_lenient(p)
    p.set_defaults(run=_cmd_deadlines)

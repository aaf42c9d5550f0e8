"""The ``ilacs`` command line: rules, working days, forecasts, comparisons and histories.

Every subcommand prints a table for people or JSON/CSV for tools (``--format``). It never shows a
traceback unless asked: bad arguments or files end with a one-line message on stderr and exit
code 2; Ctrl-C with one line and exit code 130; an unexpected internal error (a bug) with one line
and exit code 1 that says how to see the traceback (``--debug``, or ``ILACS_DEBUG=1``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ilacs._output import FORMATS, render
from ilacs.errors import IlacsError

if TYPE_CHECKING:
    from ilacs.records import History, Inspection
    from ilacs.scheduling.calibration import Calibration

__all__ = ["main"]

EXIT_USAGE = 2
EXIT_INTERNAL = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
DEBUG_VARIABLE = "ILACS_DEBUG"
"""Set to 1 (or anything but empty and 0) to see the traceback of an internal error."""


class _UsageError(Exception):
    """A user error the command line reports in one line with exit code 2."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


# --- loading histories -------------------------------------------------------------------------


def load_inspections(path: str) -> list[Inspection]:
    """Read inspections from a CSV (the library's schema), an Ofsted ODS file or a JSON list."""
    file = Path(path)
    if not file.exists():
        raise _UsageError(f"history file not found: {path}")
    suffix = file.suffix.lower()
    if suffix == ".csv":
        from ilacs.tabular import read_csv

        return read_csv(file)
    if suffix == ".ods":
        from ilacs.ofsted import read_ofsted

        return read_ofsted(file)
    if suffix == ".json":
        from ilacs.records import Inspection
        from ilacs.serialization import from_json

        try:
            return list(from_json(file.read_bytes(), list[Inspection]))
        except IlacsError as error:  # the JSON path is in the message; say which file
            raise _UsageError(f"{path}: {error}") from None
    raise _UsageError(
        f"{path}: expected a .csv, .ods or .json history file, got {suffix or 'none'}"
    )


def _select(histories: dict[str, History], la: str | None) -> list[History]:
    if la is None:
        return list(histories.values())
    key = la.strip().lower()
    found = [h for h in histories.values() if key in (h.la_code.lower(), h.la_name.lower())]
    if found:
        return found
    names = [h.la_name for h in histories.values()]
    close = difflib.get_close_matches(la, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise _UsageError(f"--la: no LA called or coded {la!r} in the history file{hint}")


def _histories(path: str, la: str | None) -> list[History]:
    return _histories_of(load_inspections(path), la, path)


def _histories_of(inspections: list[Inspection], la: str | None, path: str) -> list[History]:
    from ilacs.records import histories

    found = histories(inspections)
    if not found:
        raise _UsageError(f"--history: {path} holds no inspections")
    return _select(found, la)


# --- rules -------------------------------------------------------------------------------------


def _cmd_rules(args: argparse.Namespace) -> str:
    from ilacs.catalogue.frameworks import version_named
    from ilacs.catalogue.inspection_types import TypeRule
    from ilacs.catalogue.listing import all_rules

    entries = list(all_rules())
    if args.kind:
        kinds = sorted({e.family for e in entries})
        if args.kind not in kinds:
            raise _UsageError(f"--kind: got {args.kind!r}; expected one of {', '.join(kinds)}")
        entries = [e for e in entries if e.family == args.kind]
    header = ""
    if args.version:
        version = version_named(args.version)
        until = version.valid_to.isoformat() if version.valid_to else "in force"
        lines = [
            f"{version.name}: {version.framework.title}",
            f"inspections starting {version.valid_from.isoformat()} to {until}",
            f"scale: {version.scale.value}",
            "judgement areas, in report order:",
            *(f"  {i}. {spec.wording}" for i, spec in enumerate(version.areas, 1)),
            "",
        ]
        header = "\n".join(lines)
        entries = [
            e
            for e in entries
            if e is version or (isinstance(e, TypeRule) and version.framework in e.frameworks)
        ]
    rows = [
        {
            "code": e.code,
            "kind": e.family,
            "certainty": e.certainty.value,
            "rule": e.summary,
            "note": e.note,
            "sources": " | ".join(str(s) for s in e.sources),
        }
        for e in entries
    ]
    columns = ["code", "certainty", "rule"]
    if args.format != "table" or args.sources:
        columns += ["note", "sources"]
    if args.format == "table" and args.sources:
        blocks = []
        for row in rows:
            blocks.append(f"{row['code']} [{row['certainty']}]\n  {row['rule']}")
            if row["note"]:
                blocks.append(f"  note: {row['note']}")
            blocks += [f"  source: {s}" for s in row["sources"].split(" | ")]
        return header + "\n".join(blocks)
    body = render(rows, args.format, columns=columns)
    return header + body if args.format == "table" else body


# --- workdays ----------------------------------------------------------------------------------


def _cmd_workdays(args: argparse.Namespace) -> str:
    from ilacs import workdays

    if args.action == "add":
        result = workdays.add_working_days(args.date, args.n)
        return render(
            [{"from": args.date, "working_days": args.n, "date": result}],
            args.format,
            columns=["from", "working_days", "date"],
        )
    if args.action == "between":
        count = workdays.working_days_between(args.a, args.b)
        return render(
            [{"from": args.a, "to": args.b, "working_days": count}],
            args.format,
            columns=["from", "to", "working_days"],
        )
    if args.action == "check":
        return render(
            [
                {
                    "date": args.date,
                    "weekday": args.date.strftime("%A"),
                    "working_day": workdays.is_working_day(args.date),
                }
            ],
            args.format,
            columns=["date", "weekday", "working_day"],
        )
    rows = [
        {
            "date": h.date,
            "weekday": h.date.strftime("%A"),
            "name": h.name,
            "substitute": h.substitute,
            "uncertain": h.uncertain,
            "source": h.source.url,
        }
        for h in workdays.bank_holiday_calendar(args.year)
    ]
    columns = ["date", "weekday", "name", "substitute", "uncertain", "source"]
    return render(rows, args.format, columns=columns)


# --- next --------------------------------------------------------------------------------------


def _forecast_row(forecast: Any) -> dict[str, Any]:
    return {
        "la_code": forecast.la_code,
        "la_name": forecast.la_name,
        "kind": forecast.kind.value,
        "type": forecast.type.value,
        "earliest": forecast.earliest,
        "expected": forecast.expected,
        "latest": forecast.latest,
        "overdue": forecast.overdue,
        "reasons": [
            {
                "code": r.code,
                "text": r.text,
                "uncertain": r.uncertain,
                "sources": [s.url for s in r.sources],
            }
            for r in forecast.reasons
        ],
    }


def _calibration_for(
    args: argparse.Namespace, inspections: list[Inspection], as_of: dt.date
) -> tuple[Calibration, str]:
    """The observed practice ``next`` follows, and a line saying which it is."""
    from ilacs.fitting import calibrate
    from ilacs.scheduling.calibration import shipped, written_only
    from ilacs.scheduling.graded import covers_country

    if args.written_only:
        return written_only(), "the written rules only (--written-only)"
    source, items = args.history, inspections
    if args.calibration_from is not None:
        source, items = args.calibration_from, load_inspections(args.calibration_from)
    known = [i for i in items if i.date <= as_of]
    if known and covers_country({i.la_code for i in known}, max(i.date for i in known), _RULES()):
        cut = max(i.date for i in known)
        return (
            calibrate(known, cut_off=cut, data=Path(source).name),
            f"observed practice learnt from {source} (every LA, to {cut.isoformat()})",
        )
    if args.calibration_from is not None:
        raise _UsageError(
            f"--calibration-from: {source} does not hold the country's inspections "
            "(observed practice is learnt from every LA)"
        )
    cal = shipped()
    return cal, f"observed practice from the shipped calibration (to {cal.cut_off.isoformat()})"


def _RULES() -> Any:
    from ilacs.scheduling import DEFAULT_RULES

    return DEFAULT_RULES


def _cmd_next(args: argparse.Namespace) -> str:
    from ilacs.scheduling import focused_visits, monitoring_visits, next_inspections
    from ilacs.scheduling.graded import STALE_AFTER_DAYS

    as_of = args.as_of or dt.date.today()
    inspections = load_inspections(args.history)
    if not inspections:
        raise _UsageError(f"--history: {args.history} holds no inspections")
    calibration, which = _calibration_for(args, inspections, as_of)
    chosen = {h.la_code for h in _histories_of(inspections, args.la, args.history)}
    every = [i for i in inspections if i.la_code in chosen]
    national = next_inspections(every or inspections, as_of=as_of, calibration=calibration)
    forecasts = list(national)
    if args.la is not None and not forecasts and national.left_out:
        raise _UsageError(str(national.left_out[0]))
    if args.visits:
        from ilacs.records import histories

        for history in histories(every).values():
            if any(f.la_code == history.la_code for f in forecasts):
                forecasts += focused_visits(history, as_of=as_of, calibration=calibration)
                forecasts += monitoring_visits(history, as_of=as_of, calibration=calibration)
    gone = [o for o in national.left_out if o.reason.startswith("abolished")]
    other = [o for o in national.left_out if not o.reason.startswith("abolished")]
    if gone:
        names = ", ".join(o.la_name for o in gone)
        print(
            f"ilacs next: {len(gone)} LA(s) abolished by {as_of.isoformat()} left out, their "
            f"successors forecast instead: {names}",
            file=sys.stderr,
        )
    for left in other:
        print(f"ilacs next: skipped {left}", file=sys.stderr)
    if not calibration.empty and (as_of - calibration.cut_off).days > STALE_AFTER_DAYS:
        print(
            f"ilacs next: warning: the data end on {calibration.cut_off.isoformat()}; "
            "inspections since then are unknown",
            file=sys.stderr,
        )
    forecasts.sort(key=lambda f: (f.expected, f.la_name))
    rows = [_forecast_row(f) for f in forecasts]
    columns = ["la_name", "la_code", "kind", "type", "earliest", "expected", "latest", "overdue"]
    if args.format in ("json", "csv"):
        print(f"ilacs next: {which}", file=sys.stderr)
    if args.format == "json":
        return render(rows, "json", columns=columns)
    if args.format == "csv":
        if args.why:
            for row in rows:
                row["why"] = " | ".join(r["text"] for r in row["reasons"])
            columns.append("why")
        return render(rows, "csv", columns=columns)
    header = f"as of {as_of.isoformat()}; {which}"
    table = render(rows, "table", columns=columns)
    if not args.why:
        return f"{header}\n{table}"
    blocks = [header]
    for forecast in forecasts:
        blocks.append("")
        blocks.append(str(forecast))
        blocks += [f"  - {reason}" for reason in forecast.reasons]
    return "\n".join(blocks)


# --- deadlines ---------------------------------------------------------------------------------


def _cmd_deadlines(args: argparse.Namespace) -> str:
    from ilacs.scheduling import deadlines

    rows: list[dict[str, Any]] = []
    found = []
    for history in _histories(args.history, args.la):
        events = [e for e in history if args.all or e is history.last_graded()]
        for event in events:
            if args.all and event.published is None and args.received is None:
                continue  # visits with no letter date in the file have no deadline to count
            for deadline in deadlines(event, received=args.received):
                found.append(deadline)
                rows.append(
                    {
                        "la_name": history.la_name,
                        "la_code": history.la_code,
                        "inspection": f"{event.type.value} {event.date.isoformat()}",
                        "duty": deadline.code,
                        "from": deadline.counted_from,
                        "working_days": deadline.working_days,
                        "due": deadline.due,
                        "uncertain": deadline.uncertain,
                    }
                )
    if not rows:
        raise _UsageError("no deadline to show: no graded inspection with a publication date")
    columns = ["la_name", "inspection", "duty", "from", "working_days", "due", "uncertain"]
    if args.format != "table" or not args.why:
        return render(rows, args.format, columns=columns)
    blocks = []
    for deadline in found:
        blocks.append(str(deadline))
        blocks += [f"  - {reason}" for reason in deadline.reasons]
    return "\n".join(blocks)


# --- history -----------------------------------------------------------------------------------


def _cmd_history(args: argparse.Namespace) -> str:
    from ilacs.catalogue.frameworks import JudgementArea

    out = []
    for history in _histories(args.history, args.la):
        rows = []
        for event in history:
            row: dict[str, Any] = {
                "la_name": history.la_name,
                "la_code": history.la_code,
                "type": event.type.value,
                "framework": event.framework_version.name,
                "start": event.start,
                "end": event.end,
                "published": event.published,
            }
            for area in JudgementArea:
                grade = event.judgements.get(area)
                row[area.name.lower()] = grade.label if grade is not None else None
            rows.append(row)
        areas = [a.name.lower() for a in JudgementArea if any(r[a.name.lower()] for r in rows)]
        columns = ["type", "framework", "start", "end", "published", *areas]
        if args.format == "table":
            out.append(
                f"{history.la_name} ({history.la_code})\n" + render(rows, "table", columns=columns)
            )
        else:
            out.append(render(rows, args.format, columns=["la_name", "la_code", *columns]))
    return "\n\n".join(out)


# --- compare -----------------------------------------------------------------------------------


_BY_HAND_LA = "The LA"
"""The name given to judgements typed with ``--a``/``--b`` (both of one LA)."""


def _judgement_by_hand(text: str, option: str) -> Any:
    """Read 'DATE,AREA,GRADE[,FRAMEWORK]' into a Judgement; errors name the option."""
    from ilacs.catalogue.frameworks import JudgementArea, framework_version_on
    from ilacs.catalogue.grades import Grade, LegacyGrade
    from ilacs.records import Judgement, parse_framework

    parts = [p.strip() for p in text.split(",")]
    if len(parts) not in (3, 4):
        raise _UsageError(f"{option}: expected DATE,AREA,GRADE[,FRAMEWORK], got {text!r}")
    try:
        day = _date(parts[0])
    except argparse.ArgumentTypeError as error:
        raise _UsageError(f"{option}: {error}") from None
    try:
        framework = parse_framework(parts[3]) if len(parts) == 4 else None
        version = framework_version_on(day, framework)
        area = JudgementArea.parse(parts[1])
        grade: Grade | LegacyGrade = (
            LegacyGrade.parse(parts[2]) if version.framework.is_pre_2013 else Grade.parse(parts[2])
        )
        return Judgement(area, grade, version, "by hand", day, la_name=_BY_HAND_LA)
    except IlacsError as error:
        raise _UsageError(f"{option}: {error}") from None


def _judgement_from_history(history: History, day: dt.date, area: Any, option: str) -> Any:
    from ilacs.comparison import judgement_of

    for event in history:
        if event.date == day and event.graded:
            return judgement_of(event, area)
    dates = ", ".join(e.date.isoformat() for e in history if e.graded)
    raise _UsageError(
        f"{option}: {history.la_name} has no graded inspection on {day}; it has {dates}"
    )


def _cmd_compare(args: argparse.Namespace) -> str:
    from ilacs.catalogue.frameworks import JudgementArea
    from ilacs.comparison import Policy, compare

    policy = Policy.parse(args.policy)
    by_history = [o for o in ("la", "area", "first", "second") if getattr(args, o) is not None]
    by_hand = [o for o in ("a", "b") if getattr(args, o) is not None]
    if args.history and by_hand:
        raise _UsageError("give --history FILE --la NAME --area AREA, or --a and --b, not both")
    if not args.history and by_history:
        raise _UsageError(f"--{by_history[0]} needs --history FILE (or give --a and --b by hand)")
    if (args.first is None) != (args.second is None):
        raise _UsageError("give both --first and --second, or neither (the last two judgements)")
    if args.history:
        if not args.la or not args.area:
            raise _UsageError(
                "with --history, give --la and --area (and optionally --first/--second)"
            )
        histories = _histories(args.history, args.la)
        if len(histories) != 1:
            raise _UsageError(f"--la: {args.la!r} names more than one LA")
        history = histories[0]
        area = JudgementArea.parse(args.area)
        if args.first is not None and args.second is not None:
            a = _judgement_from_history(history, args.first, area, "--first")
            b = _judgement_from_history(history, args.second, area, "--second")
        else:
            judged = [e.judgement(area) for e in history.graded() if area in e.judgements]
            if len(judged) < 2:
                raise _UsageError(
                    f"{history.la_name} has {len(judged)} graded judgement(s) of {area.name}; "
                    "need two (or give --first and --second)"
                )
            a, b = judged[-2], judged[-1]
    else:
        if not args.a or not args.b:
            raise _UsageError("give --history FILE --la NAME --area AREA, or --a and --b by hand")
        a, b = _judgement_by_hand(args.a, "--a"), _judgement_by_hand(args.b, "--b")
    result = compare(a, b, policy=policy)
    if args.format == "json":
        from ilacs.serialization import to_json

        return to_json(result, indent=2)
    row = {
        "first": str(a),
        "second": str(b),
        "verdict": result.verdict.name,
        "why": " | ".join(r.text for r in result.reasons),
    }
    if args.format == "csv":
        return render([row], "csv", columns=list(row))
    return "\n".join([result.headline, *(f"  - {r}" for r in result.reasons)])


# --- pictures: plot and report -----------------------------------------------------------------


def _plot_module() -> Any:
    """``ilacs.plot``, or a one-line error saying which extra installs matplotlib."""
    try:
        from ilacs import plot
    except ImportError as error:
        raise _UsageError(str(error)) from None
    return plot


def _output(path: str, suffixes: Sequence[str]) -> Path:
    target = Path(path)
    if target.suffix.lower().lstrip(".") not in suffixes:
        wanted = ", ".join(f".{s}" for s in suffixes)
        raise _UsageError(f"-o: expected a file name ending in {wanted}, got {path!r}")
    return target


def _every_la(path: str, as_of: dt.date) -> tuple[dict[str, History], list[Any], list[Any]]:
    """Every LA's history in the file, their forecasts, and the LAs left out with why."""
    from ilacs.records import histories
    from ilacs.scheduling import next_inspections

    inspections = load_inspections(path)
    if not inspections:
        raise _UsageError(f"--history: {path} holds no inspections")
    national = next_inspections(inspections, as_of=as_of)
    if not national:
        raise _UsageError(f"no LA in {path} could be forecast; the first: {national.left_out[0]}")
    return histories(inspections), list(national), list(national.left_out)


def _cmd_plot(args: argparse.Namespace) -> str:
    plot = _plot_module()
    target = _output(args.output, plot.FORMATS)
    if args.national == (args.la is not None):
        raise _UsageError("give one of --la NAME_OR_CODE (one LA's timeline) or --national")
    as_of = args.as_of or dt.date.today()
    if args.la is not None:
        found = _histories(args.history, args.la)
        if len(found) != 1:
            raise _UsageError(f"--la: {args.la!r} names more than one LA")
        figure = plot.timeline(found[0], as_of=as_of)
    else:
        _, forecasts, left_out = _every_la(args.history, as_of)
        for left in left_out:
            print(f"ilacs plot: skipped {left}", file=sys.stderr)
        figure = plot.national(forecasts, as_of=as_of)
    plot.save(figure, target)
    return f"wrote {target}"


def _cmd_report(args: argparse.Namespace) -> str:
    _plot_module()
    from ilacs.report import render_report

    target = _output(args.output, ("html", "htm"))
    as_of = args.as_of or dt.date.today()
    histories, forecasts, left_out = _every_la(args.history, as_of)
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


# --- the parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``ilacs`` command."""
    parser = argparse.ArgumentParser(
        prog="ilacs",
        description="The rules of Ofsted's inspections of English local authority children's "
        "services: catalogue, schedules in working days, comparability of judgements.",
    )
    from ilacs import __version__

    parser.add_argument("--version", action="version", version=f"ilacs {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"show the traceback of an internal error (also: {DEBUG_VARIABLE}=1)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def fmt(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--format", choices=FORMATS, default="table", help="output format (default: table)"
        )

    p = sub.add_parser("next", help="forecast each LA's next inspection, with the reasons")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument("--la", metavar="NAME_OR_CODE", help="one LA (default: every LA in the file)")
    p.add_argument(
        "--as-of", type=_date, metavar="DATE", help="forecast as of this date (default: today)"
    )
    p.add_argument("--why", action="store_true", help="print the rules applied and their sources")
    p.add_argument(
        "--visits", action="store_true", help="also forecast focused and monitoring visits"
    )
    fmt(p)
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
    p.set_defaults(run=_cmd_next)

    p = sub.add_parser("deadlines", help="what falls due after an inspection, in working days")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument("--la", metavar="NAME_OR_CODE", help="one LA (default: every LA in the file)")
    p.add_argument(
        "--all", action="store_true", help="every inspection, not only the latest graded one"
    )
    p.add_argument(
        "--received",
        type=_date,
        metavar="DATE",
        help="the day the LA received the final report (default: its publication date)",
    )
    p.add_argument("--why", action="store_true", help="print the rules applied and their sources")
    fmt(p)
    p.set_defaults(run=_cmd_deadlines)

    p = sub.add_parser("compare", help="can two judgements be compared, and why")
    p.add_argument("--history", metavar="FILE", help="take the judgements from this history file")
    p.add_argument("--la", metavar="NAME_OR_CODE", help="the LA, with --history")
    p.add_argument("--area", metavar="AREA", help="the judgement area, e.g. overall, care_leavers")
    p.add_argument("--first", type=_date, metavar="DATE", help="start date of the first inspection")
    p.add_argument(
        "--second", type=_date, metavar="DATE", help="start date of the second inspection"
    )
    p.add_argument("--a", metavar="DATE,AREA,GRADE[,FRAMEWORK]", help="the first judgement by hand")
    p.add_argument(
        "--b", metavar="DATE,AREA,GRADE[,FRAMEWORK]", help="the second judgement by hand"
    )
    p.add_argument(
        "--policy",
        default="default",
        help="comparison policy: default, ofsted-statistics or like-for-like",
    )
    fmt(p)
    p.set_defaults(run=_cmd_compare)

    p = sub.add_parser("rules", help="list the catalogue's rules with their sources")
    p.add_argument("--version", metavar="NAME", help="one framework version, e.g. 'ILACS 2023'")
    p.add_argument(
        "--kind",
        help="one kind of rule (framework, inspection-type, route, cadence, pause, duty, ...)",
    )
    p.add_argument("--sources", action="store_true", help="print each rule's sources and notes")
    fmt(p)
    p.set_defaults(run=_cmd_rules)

    p = sub.add_parser("history", help="an LA's timeline of inspections and judgements")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument("--la", metavar="NAME_OR_CODE", help="one LA (default: every LA in the file)")
    fmt(p)
    p.set_defaults(run=_cmd_history)

    p = sub.add_parser("plot", help="draw an LA's timeline, or every LA's next window (SVG, PNG)")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument("--la", metavar="NAME_OR_CODE", help="one LA's timeline")
    p.add_argument("--national", action="store_true", help="every LA's next window, soonest first")
    p.add_argument(
        "--as-of", type=_date, metavar="DATE", help="forecast as of this date (default: today)"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the picture: .svg, .png or .pdf"
    )
    p.set_defaults(run=_cmd_plot)

    p = sub.add_parser("report", help="one HTML page: who is next, the chart, each LA and why")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument(
        "--as-of", type=_date, metavar="DATE", help="forecast as of this date (default: today)"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the page: .html")
    p.set_defaults(run=_cmd_report)

    p = sub.add_parser("workdays", help="England and Wales working days and bank holidays")
    wd = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = wd.add_parser("add", help="the date N working days after DATE (DATE not counted)")
    q.add_argument("date", type=_date)
    q.add_argument("n", type=_int)
    fmt(q)
    q = wd.add_parser("between", help="working days in (A, B]")
    q.add_argument("a", type=_date)
    q.add_argument("b", type=_date)
    fmt(q)
    q = wd.add_parser("check", help="is DATE a working day")
    q.add_argument("date", type=_date)
    fmt(q)
    q = wd.add_parser("holidays", help="the bank holidays of YEAR")
    q.add_argument("year", type=_int)
    fmt(q)
    p.set_defaults(run=_cmd_workdays)
    return parser


def _one_line(error: BaseException) -> str:
    return re.sub(r"\s*[\r\n]+\s*", " ", str(error)).strip()


def _debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "").strip() not in ("", "0")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    0 on success; 2 for a user error (bad arguments or files), with one line on stderr; 130 when
    interrupted (Ctrl-C); 1 for an internal error, with one line that says how to see the
    traceback: ``--debug`` or the environment variable ``ILACS_DEBUG=1`` let it propagate.
    """
    debug = _debugging()
    command = "ilacs"
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        debug = debug or args.debug
        command = f"ilacs {args.command}"
        run: Callable[[argparse.Namespace], str] = args.run
        try:
            output = run(args)
        except (_UsageError, IlacsError, OSError) as error:
            print(f"{command}: error: {_one_line(error)}", file=sys.stderr)
            return EXIT_USAGE
        try:
            print(output)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (e.g. `ilacs rules | head`): not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        if debug:
            raise
        print(f"{command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        if debug:
            raise
        print(
            f"{command}: internal error: {type(error).__name__}: {_one_line(error)} "
            f"(a bug in ilacs; run with --debug or {DEBUG_VARIABLE}=1 to see the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL

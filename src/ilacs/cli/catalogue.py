"""``ilacs rules`` and ``ilacs workdays``: the catalogue and the working-day calendar."""

from __future__ import annotations

import argparse
from typing import Any

from ilacs._output import chosen_format, deliver, render
from ilacs.cli._common import (
    UsageError,
    add_format,
    date_arg,
    int_arg,
)

__all__ = ["register"]


def _cmd_rules(args: argparse.Namespace) -> str:
    from ilacs.catalogue.frameworks import version_named
    from ilacs.catalogue.inspection_types import TypeRule
    from ilacs.catalogue.listing import all_rules

    fmt = chosen_format(args)
    entries = list(all_rules())
    if args.kind:
        kinds = sorted({e.family for e in entries})
        if args.kind not in kinds:
            raise UsageError(f"--kind: got {args.kind!r}; expected one of {', '.join(kinds)}")
        entries = [e for e in entries if e.family == args.kind]
    header = ""
    if args.framework_version:
        version = version_named(args.framework_version)
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
    if fmt != "table" or args.sources:
        columns += ["note", "sources"]
    if fmt == "table" and args.sources:
        blocks = []
        for row in rows:
            blocks.append(f"{row['code']} [{row['certainty']}]\n  {row['rule']}")
            if row["note"]:
                blocks.append(f"  note: {row['note']}")
            blocks += [f"  source: {s}" for s in row["sources"].split(" | ")]
        return deliver(args, header + "\n".join(blocks))
    body = render(rows, fmt, columns=columns)
    return deliver(args, header + body if fmt == "table" else body, len(rows))


def _cmd_workdays(args: argparse.Namespace) -> str:
    from ilacs import workdays

    fmt = chosen_format(args)
    if args.action == "add":
        result = workdays.add_working_days(args.date, args.n)
        rows = [{"from": args.date, "working_days": args.n, "date": result}]
        return deliver(args, render(rows, fmt, columns=list(rows[0])), 1)
    if args.action == "between":
        count = workdays.working_days_between(args.a, args.b)
        rows = [{"from": args.a, "to": args.b, "working_days": count}]
        return deliver(args, render(rows, fmt, columns=list(rows[0])), 1)
    if args.action == "check":
        rows = [
            {
                "date": args.date,
                "weekday": args.date.strftime("%A"),
                "working_day": workdays.is_working_day(args.date),
            }
        ]
        return deliver(args, render(rows, fmt, columns=list(rows[0])), 1)
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
    return deliver(args, render(rows, fmt, columns=columns), len(rows))


def register(sub: Any) -> None:
    """Add the 'rules', 'workdays' commands to the parser's subcommands ``sub``."""
    p = sub.add_parser("rules", help="list the catalogue's rules with their sources")
    p.add_argument(
        "--framework-version",
        metavar="NAME",
        help="one framework version, e.g. 'ILACS 2023' (its judgement areas, then its rules)",
    )
    # The option's old spelling, kept working but not shown: `ilacs --version` is the program's.
    p.add_argument("--version", dest="framework_version", help=argparse.SUPPRESS)
    p.add_argument(
        "--kind",
        help="one kind of rule (framework, inspection-type, route, cadence, pause, duty, ...)",
    )
    p.add_argument("--sources", action="store_true", help="print each rule's sources and notes")
    add_format(p)
    p.set_defaults(run=_cmd_rules)

    p = sub.add_parser("workdays", help="England and Wales working days and bank holidays")
    wd = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = wd.add_parser("add", help="the date N working days after DATE (DATE not counted)")
    q.add_argument("date", type=date_arg)
    q.add_argument("n", type=int_arg)
    add_format(q)
    q = wd.add_parser("between", help="working days in (A, B]")
    q.add_argument("a", type=date_arg)
    q.add_argument("b", type=date_arg)
    add_format(q)
    q = wd.add_parser("check", help="is DATE a working day")
    q.add_argument("date", type=date_arg)
    add_format(q)
    q = wd.add_parser("holidays", help="the bank holidays of YEAR")
    q.add_argument("year", type=int_arg)
    add_format(q)
    p.set_defaults(run=_cmd_workdays)

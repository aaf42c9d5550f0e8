"""``ilacs rules`` and ``ilacs workdays``: the catalogue and the working-day calendar."""

from __future__ import annotations

import argparse
from typing import Any

from ilacs._output import render
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

    entries = list(all_rules())
    if args.kind:
        kinds = sorted({e.family for e in entries})
        if args.kind not in kinds:
            raise UsageError(f"--kind: got {args.kind!r}; expected one of {', '.join(kinds)}")
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


def register(sub: Any) -> None:
    """Add the 'rules', 'workdays' commands to the parser's subcommands ``sub``."""
    p = sub.add_parser("rules", help="list the catalogue's rules with their sources")
    p.add_argument("--version", metavar="NAME", help="one framework version, e.g. 'ILACS 2023'")
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

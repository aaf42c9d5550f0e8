"""``ilacs export`` and ``ilacs change``: the tidy table of files, and "have we improved?"."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ilacs._output import chosen_format, deliver, render
from ilacs.cli._common import (
    UsageError,
    add_format,
    add_la_options,
    add_lenient,
    date_arg,
    graded_on,
    load_inspections,
    read_histories,
    select,
)
from ilacs.cli.judgements import POLICY_HELP

if TYPE_CHECKING:
    from ilacs.records import History, Inspection

__all__ = ["register"]


def _cmd_export(args: argparse.Namespace) -> str:
    from ilacs.merge import merge_inspections
    from ilacs.records import histories
    from ilacs.tidy import inspection_columns, to_rows

    fmt = chosen_format(args, default="csv")  # --format offers csv and json only
    merged = merge_inspections((path, load_inspections(path, args.lenient)) for path in args.files)
    if merged.problems and not args.lenient:
        raise UsageError(
            f"{merged.problems[0]} ({len(merged.problems)} disagreement(s) between the files; "
            "--lenient keeps the first file's values and lists them)"
        )
    for problem in merged.problems:
        print(f"ilacs export: {problem}", file=sys.stderr)
    if merged.problems:
        print(
            f"ilacs export: {len(merged.problems)} disagreement(s) between the files; the "
            "first file's values kept",
            file=sys.stderr,
        )
    records: list[Inspection] = list(merged.records)
    if not records:
        raise UsageError(f"{', '.join(args.files)}: no inspections to export")
    if args.la or args.region:
        chosen = {h.la_code for h in select(histories(records), args.la, args.region)}
        records = [r for r in records if r.la_code in chosen]
    rows = to_rows(records)
    return deliver(args, render(rows, fmt, columns=inspection_columns(records)), len(rows))


def _pair(history: History, args: argparse.Namespace) -> tuple[Inspection, Inspection] | None:
    """The two graded inspections to compare: those of --first and --second, or the last two."""
    graded = [e for e in history.graded() if e.judgements]
    if args.first is None:
        return (graded[-2], graded[-1]) if len(graded) >= 2 else None
    return (
        graded_on(history, args.first, "--first", graded),
        graded_on(history, args.second, "--second", graded),
    )


def _change_table(result: Any, rows: list[dict[str, Any]]) -> str:
    from ilacs.catalogue.comparability import Verdict

    a, b = result.a, result.b
    head = (
        f"{b.la_name} ({b.la_code}): {a.framework_version.name} {a.type.value} inspection of "
        f"{a.date.isoformat()} to {b.framework_version.name} {b.type.value} inspection of "
        f"{b.date.isoformat()}, under the {result.policy} policy"
    )
    for row in rows:
        row["change"] = row["direction"] or row["verdict"]
        if row["direction"] and row["verdict"] == Verdict.COMPARABLE_WITH_CAVEATS.value:
            row["change"] += ", with caveats"
    columns = ["area", "first_grade", "second_grade", "change"]
    lines = [head, render(rows, "table", columns=columns)]
    seen: set[str] = set()
    for row in rows:
        for why in row["why"].split(" | ") if row["why"] else ():
            if why not in seen:
                seen.add(why)
                lines.append(f"  - {row['area']}: {why}")
    return "\n".join(lines)


def _cmd_change(args: argparse.Namespace) -> str:
    from ilacs.comparison import Policy, compare_inspections
    from ilacs.tidy import CHANGE_COLUMNS, to_rows

    fmt = chosen_format(args)
    policy = Policy.parse(args.policy)
    if (args.first is None) != (args.second is None):
        raise UsageError("give both --first and --second, or neither (the last two inspections)")
    chosen = read_histories(args.history, args.la, args.region, lenient=args.lenient)
    if args.first is not None and len(chosen) != 1:
        raise UsageError("--first and --second are dates of one LA: give one --la")
    rows: list[dict[str, Any]] = []
    tables: list[str] = []
    fewer: list[str] = []
    for history in chosen:
        pair = _pair(history, args)
        if pair is None:
            fewer.append(history.la_name)
            continue
        result = compare_inspections(*pair, policy=policy)
        found = to_rows(result)
        rows += found
        if fmt == "table":
            tables.append(_change_table(result, [dict(r) for r in found]))
    if fewer:
        if len(chosen) == 1:
            raise UsageError(f"{fewer[0]} has fewer than two graded inspections to compare")
        print(
            f"ilacs change: {len(fewer)} LA(s) with fewer than two graded inspections left "
            f"out: {', '.join(fewer)}",
            file=sys.stderr,
        )
    if fmt != "table":
        return deliver(args, render(rows, fmt, columns=CHANGE_COLUMNS), len(rows))
    return deliver(args, "\n\n".join(tables))


def register(sub: Any) -> None:
    """Add the 'export', 'change' commands to the parser's subcommands ``sub``."""
    p = sub.add_parser(
        "export",
        help="files the library reads (Ofsted's ODS editions, CSV, JSON) as one tidy CSV table",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=".csv, .ods or .json files; several are merged, each inspection once (the first "
        "file's values win a disagreement)",
    )
    add_la_options(p)
    p.add_argument(
        "--lenient",
        action="store_true",
        help="read every row that can be read (each bad row of a .csv or .ods file on stderr "
        "as file:row: field: message, with a count), and list the files' disagreements on "
        "stderr keeping the first file's values (default: the first of either is an error)",
    )
    add_format(p, ("csv", "json"))
    p.set_defaults(run=_cmd_export)

    p = sub.add_parser(
        "change", help="have we improved? each judgement area between two inspections of an LA"
    )
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    add_la_options(p)
    p.add_argument(
        "--first", type=date_arg, metavar="DATE", help="start date of the earlier inspection"
    )
    p.add_argument(
        "--second", type=date_arg, metavar="DATE", help="start date of the later inspection"
    )
    p.add_argument("--policy", default="default", help=POLICY_HELP)
    add_format(p)
    add_lenient(p)
    p.set_defaults(run=_cmd_change)

"""``ilacs history`` and ``ilacs compare``: an LA's timeline, and whether two judgements compare."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from ilacs._output import render
from ilacs.cli._common import (
    UsageError,
    add_format,
    add_lenient,
    date_arg,
    read_histories,
)
from ilacs.errors import IlacsError

if TYPE_CHECKING:
    from ilacs.records import History

__all__ = ["register"]


def _cmd_history(args: argparse.Namespace) -> str:
    from ilacs.catalogue.frameworks import JudgementArea

    out = []
    for history in read_histories(args.history, args.la, args.lenient):
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


_BY_HAND_LA = "The LA"
"""The name given to judgements typed with ``--a``/``--b`` (both of one LA)."""


def _judgement_by_hand(text: str, option: str) -> Any:
    """Read 'DATE,AREA,GRADE[,FRAMEWORK]' into a Judgement; errors name the option."""
    from ilacs.catalogue.frameworks import JudgementArea, framework_version_on
    from ilacs.catalogue.grades import Grade, LegacyGrade
    from ilacs.records import Judgement, parse_framework

    parts = [p.strip() for p in text.split(",")]
    if len(parts) not in (3, 4):
        raise UsageError(f"{option}: expected DATE,AREA,GRADE[,FRAMEWORK], got {text!r}")
    try:
        day = date_arg(parts[0])
    except argparse.ArgumentTypeError as error:
        raise UsageError(f"{option}: {error}") from None
    try:
        framework = parse_framework(parts[3]) if len(parts) == 4 else None
        version = framework_version_on(day, framework)
        area = JudgementArea.parse(parts[1])
        grade: Grade | LegacyGrade = (
            LegacyGrade.parse(parts[2]) if version.framework.is_pre_2013 else Grade.parse(parts[2])
        )
        return Judgement(area, grade, version, "by hand", day, la_name=_BY_HAND_LA)
    except IlacsError as error:
        raise UsageError(f"{option}: {error}") from None


def _judgement_from_history(history: History, day: dt.date, area: Any, option: str) -> Any:
    from ilacs.comparison import judgement_of

    for event in history:
        if event.date == day and event.graded:
            return judgement_of(event, area)
    dates = ", ".join(e.date.isoformat() for e in history if e.graded)
    raise UsageError(
        f"{option}: {history.la_name} has no graded inspection on {day}; it has {dates}"
    )


def _cmd_compare(args: argparse.Namespace) -> str:
    from ilacs.catalogue.frameworks import JudgementArea
    from ilacs.comparison import Policy, compare

    policy = Policy.parse(args.policy)
    by_history = [o for o in ("la", "area", "first", "second") if getattr(args, o) is not None]
    by_hand = [o for o in ("a", "b") if getattr(args, o) is not None]
    if args.history and by_hand:
        raise UsageError("give --history FILE --la NAME --area AREA, or --a and --b, not both")
    if not args.history and by_history:
        raise UsageError(f"--{by_history[0]} needs --history FILE (or give --a and --b by hand)")
    if (args.first is None) != (args.second is None):
        raise UsageError("give both --first and --second, or neither (the last two judgements)")
    if args.history:
        if not args.la or not args.area:
            raise UsageError(
                "with --history, give --la and --area (and optionally --first/--second)"
            )
        histories = read_histories(args.history, args.la, args.lenient)
        if len(histories) != 1:
            raise UsageError(f"--la: {args.la!r} names more than one LA")
        history = histories[0]
        area = JudgementArea.parse(args.area)
        if args.first is not None and args.second is not None:
            a = _judgement_from_history(history, args.first, area, "--first")
            b = _judgement_from_history(history, args.second, area, "--second")
        else:
            judged = [e.judgement(area) for e in history.graded() if area in e.judgements]
            if len(judged) < 2:
                raise UsageError(
                    f"{history.la_name} has {len(judged)} graded judgement(s) of {area.name}; "
                    "need two (or give --first and --second)"
                )
            a, b = judged[-2], judged[-1]
    else:
        if not args.a or not args.b:
            raise UsageError("give --history FILE --la NAME --area AREA, or --a and --b by hand")
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


def register(sub: Any) -> None:
    """Add the 'compare', 'history' commands to the parser's subcommands ``sub``."""
    p = sub.add_parser("compare", help="can two judgements be compared, and why")
    p.add_argument("--history", metavar="FILE", help="take the judgements from this history file")
    p.add_argument("--la", metavar="NAME_OR_CODE", help="the LA, with --history")
    p.add_argument("--area", metavar="AREA", help="the judgement area, e.g. overall, care_leavers")
    p.add_argument(
        "--first", type=date_arg, metavar="DATE", help="start date of the first inspection"
    )
    p.add_argument(
        "--second", type=date_arg, metavar="DATE", help="start date of the second inspection"
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
    add_format(p)
    add_lenient(p)
    p.set_defaults(run=_cmd_compare)

    p = sub.add_parser("history", help="an LA's timeline of inspections and judgements")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    p.add_argument("--la", metavar="NAME_OR_CODE", help="one LA (default: every LA in the file)")
    add_format(p)
    add_lenient(p)
    p.set_defaults(run=_cmd_history)

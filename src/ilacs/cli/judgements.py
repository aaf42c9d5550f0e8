"""``ilacs history`` and ``ilacs compare``: an LA's timeline, and whether two judgements compare."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ilacs._output import chosen_format, deliver, render
from ilacs.cli._common import (
    UsageError,
    add_format,
    add_la_options,
    add_lenient,
    date_arg,
    graded_on,
    read_histories,
)
from ilacs.errors import IlacsError

if TYPE_CHECKING:
    from ilacs.records import History

__all__ = ["POLICY_HELP", "one_history", "register"]


def _cmd_history(args: argparse.Namespace) -> str:
    from ilacs.catalogue.frameworks import JudgementArea
    from ilacs.tidy import column_of, inspection_columns, to_rows

    fmt = chosen_format(args)
    chosen = read_histories(args.history, args.la, args.region, lenient=args.lenient)
    if fmt != "table":
        events = [event for history in chosen for event in history]
        rows = to_rows(events)
        return deliver(args, render(rows, fmt, columns=inspection_columns(events)), len(rows))
    areas = {column_of(f"judgements.{area.name}") for area in JudgementArea}
    out = []
    for history in chosen:
        rows = to_rows(history)
        columns = ["inspection_type", "framework_version", "start_date", "end_date"]
        columns.append("publication_date")
        judged = [c for c in inspection_columns(history) if c in areas and any(r[c] for r in rows)]
        table = render(rows, "table", columns=[*columns, *judged])
        out.append(f"{history.la_name} ({history.la_code})\n{table}")
    return deliver(args, "\n\n".join(out))


def one_history(args: argparse.Namespace) -> History:
    """The history of the one LA ``--la`` names (an error for none or several)."""
    if args.la and len(args.la) > 1:
        raise UsageError(f"--la: give one LA, got {len(args.la)}")
    # One --la gives one LA: select() refuses a name several LAs answer to.
    (history,) = read_histories(args.history, args.la, lenient=args.lenient)
    return history


POLICY_HELP = (
    "comparison policy: default, ofsted-statistics or like-for-like (ofsted_statistics and "
    "like_for_like are read too)"
)

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
        history = one_history(args)
        area = JudgementArea.parse(args.area)
        if args.first is not None and args.second is not None:
            a = graded_on(history, args.first, "--first").judgement(area)
            b = graded_on(history, args.second, "--second").judgement(area)
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
    fmt = chosen_format(args)
    if fmt == "json":
        from ilacs.serialization import to_json

        return deliver(args, to_json(result, indent=2))
    if fmt == "csv":
        from ilacs.tidy import CHANGE_COLUMNS, to_rows

        return deliver(args, render(to_rows([result]), "csv", columns=CHANGE_COLUMNS), 1)
    return deliver(args, "\n".join([result.headline, *(f"  - {r}" for r in result.reasons)]))


def register(sub: Any) -> None:
    """Add the 'compare', 'history' commands to the parser's subcommands ``sub``."""
    p = sub.add_parser("compare", help="can two judgements be compared, and why")
    p.add_argument("--history", metavar="FILE", help="take the judgements from this history file")
    p.add_argument("--la", action="append", metavar="NAME_OR_CODE", help="the LA, with --history")
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
        help=POLICY_HELP,
    )
    add_format(p)
    add_lenient(p)
    p.set_defaults(run=_cmd_compare)

    p = sub.add_parser("history", help="an LA's timeline of inspections and judgements")
    p.add_argument("--history", required=True, metavar="FILE", help="a .csv, .ods or .json history")
    add_la_options(p)
    add_format(p)
    add_lenient(p)
    p.set_defaults(run=_cmd_history)

"""The ``ilacs`` command line: rules, working days, forecasts, comparisons and histories.

Every subcommand prints a table for people or JSON/CSV for tools (``--format``). It never shows a
traceback unless asked: bad arguments or files end with a one-line message on stderr and exit
code 2; Ctrl-C with one line and exit code 130; an unexpected internal error (a bug) with one line
and exit code 1 that says how to see the traceback (``--debug``, or ``ILACS_DEBUG=1``).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence

from ilacs.cli import catalogue, forecasts, judgements, pictures, tables
from ilacs.cli._common import UsageError
from ilacs.errors import IlacsError

__all__ = ["main"]

EXIT_USAGE = 2
EXIT_INTERNAL = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
DEBUG_VARIABLE = "ILACS_DEBUG"
"""Set to 1 (or anything but empty and 0) to see the traceback of an internal error."""


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

    for module in (forecasts, judgements, tables, catalogue, pictures):
        module.register(sub)
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
        except (UsageError, IlacsError, OSError) as error:
            print(f"{command}: error: {_one_line(error)}", file=sys.stderr)
            for line in getattr(error, "lines", ()):
                print(f"  {line}", file=sys.stderr)
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

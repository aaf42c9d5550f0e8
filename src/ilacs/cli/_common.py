"""What the commands share: reading history files, choosing LAs, arguments and outputs."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ilacs._output import FORMATS
from ilacs.errors import IlacsError

if TYPE_CHECKING:
    from ilacs.records import History, Inspection

__all__ = [
    "UsageError",
    "add_format",
    "add_lenient",
    "date_arg",
    "every_la",
    "histories_of",
    "int_arg",
    "load_inspections",
    "output_path",
    "plot_module",
    "read_histories",
    "select",
]


class UsageError(Exception):
    """A user error the command line reports in one line with exit code 2."""


def date_arg(text: str) -> dt.date:
    """An argument in the form YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def int_arg(text: str) -> int:
    """A whole-number argument."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def add_format(parser: argparse.ArgumentParser) -> None:
    """The ``--format`` option every command that prints data has."""
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )


def add_lenient(parser: argparse.ArgumentParser) -> None:
    """The ``--lenient`` option of every command that reads files."""
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="read every row that can be read: print each bad row of a .csv or .ods file on "
        "stderr (file:row: field: message) with a count, and go on without it",
    )


def load_inspections(path: str, lenient: bool = False) -> list[Inspection]:
    """Read inspections from a CSV (the library's schema), an Ofsted ODS file or a JSON list.

    ``lenient``: a CSV or ODS file's bad rows are printed on stderr, one a line, with a count,
    and left out; without it the first one ends the command. A JSON file is read whole.
    """
    file = Path(path)
    if not file.exists():
        raise UsageError(f"history file not found: {path}")
    suffix = file.suffix.lower()
    if suffix in (".csv", ".ods") and lenient:
        from ilacs.reading import read_lenient

        result = read_lenient(file)
        for problem in result.problems:
            print(problem.line(), file=sys.stderr)
        read = f"{len(result.records)} inspection(s) read"
        print(f"{path}: {len(result.problems)} problem(s), {read}", file=sys.stderr)
        return list(result.records)
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
            raise UsageError(f"{path}: {error}") from None
    raise UsageError(f"{path}: expected a .csv, .ods or .json history file, got {suffix or 'none'}")


def select(histories: dict[str, History], la: str | None) -> list[History]:
    """The histories of the LA called or coded ``la`` (every LA when None)."""
    if la is None:
        return list(histories.values())
    key = la.strip().lower()
    found = [h for h in histories.values() if key in (h.la_code.lower(), h.la_name.lower())]
    if found:
        return found
    names = [h.la_name for h in histories.values()]
    close = difflib.get_close_matches(la, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UsageError(f"--la: no LA called or coded {la!r} in the history file{hint}")


def read_histories(path: str, la: str | None, lenient: bool = False) -> list[History]:
    """The histories in the file ``path``, of the LA ``la`` or every LA."""
    return histories_of(load_inspections(path, lenient), la, path)


def histories_of(inspections: list[Inspection], la: str | None, path: str) -> list[History]:
    """The histories of ``inspections`` (read from ``path``), of the LA ``la`` or every LA."""
    from ilacs.records import histories

    found = histories(inspections)
    if not found:
        raise UsageError(f"--history: {path} holds no inspections")
    return select(found, la)


def plot_module() -> Any:
    """``ilacs.plot``, or a one-line error saying which extra installs matplotlib."""
    try:
        from ilacs import plot
    except ImportError as error:
        raise UsageError(str(error)) from None
    return plot


def output_path(path: str, suffixes: Sequence[str]) -> Path:
    """The ``-o`` file, checked to end in one of ``suffixes``."""
    target = Path(path)
    if target.suffix.lower().lstrip(".") not in suffixes:
        wanted = ", ".join(f".{s}" for s in suffixes)
        raise UsageError(f"-o: expected a file name ending in {wanted}, got {path!r}")
    return target


def every_la(
    path: str, as_of: dt.date, lenient: bool = False
) -> tuple[dict[str, History], list[Any], list[Any]]:
    """Every LA's history in the file, their forecasts, and the LAs left out with why."""
    from ilacs.records import histories
    from ilacs.scheduling import next_inspections

    inspections = load_inspections(path, lenient)
    if not inspections:
        raise UsageError(f"--history: {path} holds no inspections")
    national = next_inspections(inspections, as_of=as_of)
    if not national:
        raise UsageError(f"no LA in {path} could be forecast; the first: {national.left_out[0]}")
    return histories(inspections), list(national), list(national.left_out)

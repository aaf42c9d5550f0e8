"""What the commands share: reading history files, choosing LAs, arguments and outputs."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ilacs._output import FORMATS
from ilacs.errors import IlacsError

if TYPE_CHECKING:
    from ilacs.catalogue.regions import Region
    from ilacs.records import History, Inspection

__all__ = [
    "UsageError",
    "add_format",
    "add_la_options",
    "add_lenient",
    "date_arg",
    "every_la",
    "graded_on",
    "histories_of",
    "int_arg",
    "load_inspections",
    "of_region",
    "output_path",
    "parse_region",
    "plot_module",
    "read_histories",
    "select",
]


class UsageError(Exception):
    """A user error the command line reports in one line with exit code 2.

    ``lines`` (such as the LAs an ambiguous name matches) follow that line, one per line.
    """

    def __init__(self, message: str, lines: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.lines = tuple(lines)


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


def add_format(parser: argparse.ArgumentParser, formats: Sequence[str] = FORMATS) -> None:
    """The ``--format`` and ``-o`` options every command that prints data has."""
    default = "table" if "table" in formats else formats[0]
    parser.add_argument(
        "--format",
        choices=formats,
        help=f"output format (default: {default}, or the suffix of -o: .csv, .json)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the output to FILE (UTF-8) instead of the screen",
    )


def add_la_options(parser: argparse.ArgumentParser, *, region: bool = True) -> None:
    """``--la`` (repeatable) and ``--region``: which LAs of the file a command is about."""
    parser.add_argument(
        "--la",
        action="append",
        metavar="NAME_OR_CODE",
        help="an LA by name (any case; '&' or 'and'; a short name such as Hull; the start of "
        "a name) or ONS code; repeat for several (default: every LA in the file)",
    )
    if region:
        parser.add_argument(
            "--region",
            metavar="REGION",
            help="the LAs of one of England's nine regions, e.g. 'South East' or E12000008",
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


def parse_region(text: str | None) -> Region | None:
    """The region ``--region`` names (as :meth:`Region.parse <ilacs.catalogue.Region.parse>`
    reads it); None without the option."""
    from ilacs.catalogue.regions import Region

    if text is None:
        return None
    try:
        return Region.parse(text)
    except IlacsError as error:
        raise UsageError(f"--region: {error}") from None


class _OfAnLA(Protocol):
    @property
    def la_code(self) -> str: ...


_Item = TypeVar("_Item", bound=_OfAnLA)


def of_region(items: Iterable[_Item], wanted: Region) -> list[_Item]:
    """The ``items`` (histories, forecasts, LAs left out) of the LAs in ``wanted``."""
    from ilacs.catalogue.regions import region_or_none

    return [item for item in items if region_or_none(item.la_code) is wanted]


def _names_of(history: History) -> list[str]:
    """The names an LA of the file answers to: the file's, the register's and its aliases."""
    from ilacs.catalogue.la_codes import authority

    names = [history.la_name]
    with contextlib.suppress(IlacsError):
        names += authority(history.la_code).names
    return names


def _one_la(histories: dict[str, History], text: str) -> list[History]:
    """The histories of the LA ``text`` names; an error listing the matches when ambiguous."""
    from ilacs._text import fold
    from ilacs.catalogue.la_codes import RECODED, la_code

    code = text.strip().upper()
    code = RECODED.get(code, code)
    if code in histories:
        return [histories[code]]
    key = fold(text)
    if not key:
        raise UsageError(f"--la: got {text!r}; expected an LA's name or code")
    keys = {c: [fold(n) for n in _names_of(h)] for c, h in histories.items()}
    found = [histories[c] for c, names in keys.items() if key in names]
    if len(found) > 1:  # Dorset: the file's own name for one LA comes first
        found = [h for h in found if fold(h.la_name) == key] or found
    if not found:
        found = [histories[c] for c, names in keys.items() if any(n.startswith(key) for n in names)]
    if len(found) == 1:
        return found
    if found:
        raise UsageError(
            f"--la: {text!r} names {len(found)} LAs; give more of the name, or a code:",
            [f"{h.la_name} ({h.la_code})" for h in found],
        )
    try:
        known = la_code(text)
    except IlacsError:
        known = None
    if known is not None:
        raise UsageError(f"--la: {text!r} ({known}) has no inspection in the history file")
    names = sorted({n for h in histories.values() for n in _names_of(h)})
    close = difflib.get_close_matches(text.strip(), names, n=3, cutoff=0.6)
    hint = "; did you mean " + " or ".join(repr(c) for c in close) + "?" if close else ""
    raise UsageError(f"--la: no LA called or coded {text!r} in the history file{hint}")


def select(
    histories: dict[str, History], las: Sequence[str] | None, region: str | None = None
) -> list[History]:
    """The histories of the LAs ``las`` names (or of ``region``; every LA when neither).

    A name is matched without regard to case and punctuation ("&" is "and"), against the
    file's names, the register's and the catalogue's aliases (Hull, Bristol, ...), then as the
    start of a name. A name several LAs answer to is an error listing them, one per line,
    unless the file calls one of them by it (Dorset).
    """
    if las and region is not None:
        raise UsageError("give --la or --region, not both")
    wanted = parse_region(region)
    if wanted is not None:
        found = of_region(histories.values(), wanted)
        if not found:
            raise UsageError(f"--region: no LA of {wanted} in the history file")
        return found
    if not las:
        return list(histories.values())
    chosen: dict[str, History] = {}
    for text in las:
        for history in _one_la(histories, text):
            chosen.setdefault(history.la_code, history)
    return list(chosen.values())


def read_histories(
    path: str, las: Sequence[str] | None, region: str | None = None, *, lenient: bool = False
) -> list[History]:
    """The histories in the file ``path``, of the LAs ``las`` (or ``region``) or every LA.

    ``lenient`` as for :func:`load_inspections`.
    """
    return histories_of(load_inspections(path, lenient), las, path, region)


def histories_of(
    inspections: list[Inspection],
    las: Sequence[str] | None,
    path: str,
    region: str | None = None,
) -> list[History]:
    """The histories of ``inspections`` (read from ``path``), of the LAs chosen (see select)."""
    from ilacs.records import histories

    found = histories(inspections)
    if not found:
        raise UsageError(f"--history: {path} holds no inspections")
    return select(found, las, region)


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


def graded_on(
    history: History, day: dt.date, option: str, graded: Sequence[Inspection] | None = None
) -> Inspection:
    """The graded inspection of ``history`` on ``day`` (one of ``graded``, if given).

    Raises:
        UsageError: none is on ``day``; the message names ``option`` and the days there are.
    """
    among = history.graded() if graded is None else graded
    found = next((e for e in among if e.date == day), None)
    if found is None:
        dates = ", ".join(e.date.isoformat() for e in among) or "none"
        raise UsageError(
            f"{option}: {history.la_name} has no graded inspection on {day}; it has {dates}"
        )
    return found


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

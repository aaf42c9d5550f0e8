"""Render rows for people (aligned text tables) and for tools (JSON, CSV); used by the CLI.

CSV and JSON are one table, with one header, each: dates are ISO text, booleans ``true`` and
``false``, a missing value an empty cell (CSV) or ``null`` (JSON). The table for people writes
booleans as ``yes`` and ``no``.
"""

from __future__ import annotations

import argparse
import io
import json
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ilacs.errors import ValidationError
from ilacs.tabular import write_rows

__all__ = ["FORMATS", "chosen_format", "deliver", "render"]

FORMATS = ("table", "json", "csv")
_BY_SUFFIX = {".csv": "csv", ".json": "json"}
MAX_WIDTH = 72
"""The widest a table column grows; longer text wraps onto continuation lines."""


def _cell(value: Any, *, people: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        if people:
            return "yes" if value else "no"
        return "true" if value else "false"
    return str(value)


def render(rows: Sequence[Mapping[str, Any]], fmt: str, *, columns: Sequence[str]) -> str:
    """Render ``rows`` (dicts of plain values) in ``fmt``: ``table``, ``json`` or ``csv``.

    >>> print(render([{"a": 1, "b": "x"}], "table", columns=["a", "b"]))
    a  b
    -  -
    1  x
    >>> rows = [{"a": 1, "b": None, "c": True}]
    >>> print(render(rows, "csv", columns=["a", "b", "c"]).strip())
    a,b,c
    1,,true

    Raises:
        ValidationError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt == "json":
        return json.dumps([dict(row) for row in rows], indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        buffer = io.StringIO()
        texts = ([_cell(row.get(c), people=False) for c in columns] for row in rows)
        write_rows(buffer, columns, texts)  # as ilacs.tabular.write_csv writes
        return buffer.getvalue()
    if fmt != "table":
        raise ValidationError("format", fmt, "one of " + ", ".join(FORMATS))
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [
        min(MAX_WIDTH, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(columns)
    ]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row_cells in cells:
        wrapped = [textwrap.wrap(v, w) or [""] for v, w in zip(row_cells, widths, strict=True)]
        for k in range(max(len(parts) for parts in wrapped)):
            parts = [p[k] if k < len(p) else "" for p in wrapped]
            lines.append("  ".join(v.ljust(w) for v, w in zip(parts, widths, strict=True)).rstrip())
    return "\n".join(lines)


def chosen_format(args: argparse.Namespace, default: str = "table") -> str:
    """The output format: ``--format``, else the suffix of ``-o`` (.csv, .json), else ``default``.

    Raises:
        ValidationError: ``--format`` and the suffix of ``-o`` name different formats.
    """
    given: str | None = getattr(args, "format", None)
    output: str | None = getattr(args, "output", None)
    implied = _BY_SUFFIX.get(Path(output).suffix.lower()) if output else None
    if given is not None and implied is not None and given != implied:
        raise ValidationError(
            "-o", output, f"a file name that does not end in .{implied} for --format {given}"
        )
    return given or implied or default


def deliver(args: argparse.Namespace, text: str, rows: int | None = None) -> str:
    """What a command prints: ``text``, or with ``-o FILE`` a line saying it was written there.

    The file is replaced, written as UTF-8 with lines ending in ``\\n`` and a final newline.
    """
    output: str | None = getattr(args, "output", None)
    if not output:
        return text
    target = Path(output)
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(text if text.endswith("\n") else text + "\n")
    count = f"{rows} row(s) to " if rows is not None else ""
    return f"wrote {count}{target}"

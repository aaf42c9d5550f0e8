"""Render rows for people (aligned text tables) and for tools (JSON, CSV); used by the CLI."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from ilacs.errors import ValidationError

__all__ = ["render"]

FORMATS = ("table", "json", "csv")
MAX_WIDTH = 72
"""The widest a table column grows; longer text wraps onto continuation lines."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def render(rows: Sequence[Mapping[str, Any]], fmt: str, *, columns: Sequence[str]) -> str:
    """Render ``rows`` (dicts of plain values) in ``fmt``: ``table``, ``json`` or ``csv``.

    >>> print(render([{"a": 1, "b": "x"}], "table", columns=["a", "b"]))
    a  b
    -  -
    1  x
    >>> print(render([{"a": 1, "b": None}], "csv", columns=["a", "b"]).strip())
    a,b
    1,

    Raises:
        ValidationError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt == "json":
        return json.dumps([dict(row) for row in rows], indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
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

"""Time reading the sheets ilacs needs from Ofsted's ODS files against a full XML parse.

For each file: ``ilacs._ods.read_sheets`` of the needed sheets (the zip is opened, content.xml
decompressed, and only those sheets parsed) against baselines measured in the same run: opening
the zip, decompressing content.xml and parsing all of it with ``xml.etree.ElementTree`` (which
yields no rows at all yet), and the same followed by reading the needed sheets' rows from that
tree. Prints the best of several runs, in seconds, and the ratios.

Run: ``.venv/bin/python benchmarks/ods.py`` (needs ``../shared/data/ofsted``).
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

from ilacs._ods import Sheet, _sheet_from_table, read_sheets, sheet_names

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ofsted"
NEEDED = {
    "LA_Inspection_Outcomes_as_at_March_2024.ods": (
        "Inspections_31_March_2024",
        "Inspections_in_year_2023-24",
        "ILACS_inspections_2018-2024",
    ),
    "Childrens_social_care_in_England_2023_underlying_data.ods": (
        "LA_inspections_2009-2023",
        "LA_level_in_year_2022-23",
    ),
}


def best_of(runs: int, work: Callable[..., object], *args: object) -> float:
    """The shortest wall-clock time of ``runs`` calls of ``work(*args)``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work(*args)
        times.append(time.perf_counter() - started)
    return min(times)


def full_parse(path: Path) -> ET.Element:
    """The baseline: decompress content.xml and parse the whole document."""
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read("content.xml"))


TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def full_parse_and_rows(path: Path, sheets: tuple[str, ...]) -> list[Sheet]:
    """The baseline plus the same row reading as ours, from the fully parsed tree."""
    tables = {table.get(TABLE + "name"): table for table in full_parse(path).iter(TABLE + "table")}
    return [_sheet_from_table(str(path), name, tables[name]) for name in sheets]


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the shared data folder sits beside the checkout)")
        return 0
    print(
        f"{'file':<58} {'names s':>8} {'read s':>8} {'full s':>8} {'ratio':>6}"
        f" {'full+rows s':>11} {'ratio':>6}"
    )
    for name, sheets in NEEDED.items():
        path = DATA / name
        names = best_of(5, sheet_names, path)
        ours = best_of(5, read_sheets, path, sheets)
        baseline = best_of(3, full_parse, path)
        naive = best_of(3, full_parse_and_rows, path, sheets)
        read = read_sheets(path, sheets)
        assert list(read.values()) == full_parse_and_rows(path, sheets)  # same rows either way
        rows = sum(len(sheet.rows) for sheet in read.values())
        print(
            f"{name:<58} {names:>8.3f} {ours:>8.3f} {baseline:>8.3f} {baseline / ours:>5.1f}x"
            f" {naive:>11.3f} {naive / ours:>5.1f}x"
        )
        print(f"    {rows} rows read from {', '.join(sheets)}")
    print("names: sheet_names(); read: read_sheets() of the needed sheets;")
    print("full: zip + ElementTree.fromstring of the whole content.xml (no rows read);")
    print("full+rows: full, then the same rows read from the tree; ratios: baseline / read")
    return 0


if __name__ == "__main__":
    sys.exit(main())

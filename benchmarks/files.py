"""Time reading whole files into inspections: Ofsted's ODS files and the project's CSV.

The goal of the issue: reading any of these files takes under a second. Each figure is the best
of several runs, in seconds, with a baseline measured in the same run on the same file:

- `read_ofsted(path)` (every needed sheet parsed, rows mapped to validated `Inspection`
  records and merged) against the standard library alone opening the zip and parsing the whole
  `content.xml` with ElementTree (which builds no records at all);
- `read_csv(path)` against `csv.DictReader` reading the rows as plain dictionaries.

Run: .venv/bin/python benchmarks/files.py (needs ../shared/data).
"""

from __future__ import annotations

import csv
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

from ilacs.ofsted import read_ofsted
from ilacs.tabular import read_csv

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GOAL_SECONDS = 1.0


def best_of(runs: int, work: Callable[[Path], object], path: Path) -> tuple[float, object]:
    """The shortest wall time of `runs` calls of `work(path)`, and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work(path)
        best = min(best, time.perf_counter() - start)
    return best, result


def parse_all_xml(path: Path) -> object:
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read("content.xml"))


def dict_rows(path: Path) -> object:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main() -> int:
    if not DATA.is_dir():
        print(f"data not found at {DATA}: nothing to measure")
        return 0
    cases = [
        (
            DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
            read_ofsted,
            parse_all_xml,
            "ElementTree, whole content.xml",
        ),
        (
            DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_March_2024.ods",
            read_ofsted,
            parse_all_xml,
            "ElementTree, whole content.xml",
        ),
        (
            DATA / "ofsted" / "Childrens_social_care_in_England_2023_underlying_data.ods",
            read_ofsted,
            parse_all_xml,
            "ElementTree, whole content.xml",
        ),
        (DATA / "inspections-2013-2025.csv", read_csv, dict_rows, "csv.DictReader"),
    ]
    print(f"{'file':58} {'records':>7} {'ilacs s':>8} {'baseline s':>10} {'ratio':>6}  baseline")
    worst = 0.0
    for path, reader, baseline, label in cases:
        seconds, records = best_of(3, reader, path)
        base, _ = best_of(3, baseline, path)
        worst = max(worst, seconds)
        count = len(records) if isinstance(records, list) else 0
        print(
            f"{path.name:58} {count:7d} {seconds:8.3f} {base:10.3f} {seconds / base:6.2f}  {label}"
        )
    verdict = "met" if worst < GOAL_SECONDS else "NOT met"
    print(f"\nslowest file: {worst:.3f} s (goal: under {GOAL_SECONDS:.0f} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time and memory of the ODS reader: Ofsted's files against a full XML parse; hostile files.

Part 1, for each of Ofsted's files: ``ilacs._ods.read_sheets`` of the needed sheets (the zip is
opened, content.xml inflated a chunk at a time and only those sheets parsed) against baselines
measured in the same run: opening the zip, inflating content.xml and parsing all of it with
``xml.etree.ElementTree`` (which yields no rows at all yet), and the same followed by reading the
needed sheets' rows from that tree. Prints the best of several runs, in seconds, the ratios,
and the peak of what each allocates (``tracemalloc``).

Part 2, the hostile files of issue 10 (built by ``tests/crafted.py``) and Ofsted's files, each
read by ``ilacs.reading.read_lenient`` in a fresh process: wall and CPU time, the process's peak
resident memory (the interpreter included), the peak of what Python allocated, and the outcome,
against the goal (any input of up to 10 MB refused or read within 2 s and 200 MB).

Run: ``.venv/bin/python benchmarks/ods.py`` (part 1 needs ``../shared/data/ofsted``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from _common import best_of

from ilacs._ods import Sheet, read_sheets, sheet_names
from ilacs._ods.build import Events

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ofsted"
sys.path.insert(0, str(ROOT / "tests"))
from crafted import CRAFTED, READABLE  # noqa: E402  (tests/ holds the builders)

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
GOAL_SECONDS = 2.0
GOAL_MB = 200.0


def traced_peak(work: Callable[..., object], *args: object) -> float:
    """The peak of what ``work(*args)`` allocates, in MB (tracemalloc)."""
    tracemalloc.start()
    try:
        work(*args)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def full_parse(path: Path) -> ET.Element:
    """The baseline: inflate content.xml and parse the whole document."""
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read("content.xml"))


TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def sheet_from_table(file: str, name: str, table: ET.Element) -> Sheet:
    """Read the rows of an already parsed ``table:table`` element as the reader does: its
    elements and text are replayed, in document order, to the callbacks the parser calls."""
    events = Events(file, lambda _: True)
    events.start("w", {})
    # Each entry: the children still to replay, and the element whose end and tail follow them.
    stack: list[tuple[Iterator[ET.Element], ET.Element]] = [(iter(table), table)]
    events.start(table.tag, {TABLE + "name": name})
    if table.text:
        events.data(table.text)
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            events.end(owner.tag)
            if owner.tail and stack:
                events.data(owner.tail)
            continue
        events.start(child.tag, dict(child.attrib))
        if child.text:
            events.data(child.text)
        stack.append((iter(child), child))
    return events.sheets[0]


def full_parse_and_rows(path: Path, sheets: tuple[str, ...]) -> list[Sheet]:
    """The baseline plus the same row reading as ours, from the fully parsed tree."""
    tables = {table.get(TABLE + "name"): table for table in full_parse(path).iter(TABLE + "table")}
    return [sheet_from_table(str(path), name, tables[name]) for name in sheets]


def real_files() -> None:
    print(
        f"{'file':<58} {'names s':>8} {'read s':>8} {'full s':>8} {'ratio':>6}"
        f" {'full+rows s':>11} {'ratio':>6} {'read MB':>8} {'full MB':>8}"
    )
    for name, sheets in NEEDED.items():
        path = DATA / name
        names = best_of(5, sheet_names, path).wall
        ours = best_of(5, read_sheets, path, sheets).wall
        baseline = best_of(3, full_parse, path).wall
        naive = best_of(3, full_parse_and_rows, path, sheets).wall
        read = read_sheets(path, sheets)
        assert list(read.values()) == full_parse_and_rows(path, sheets)  # same rows either way
        rows = sum(len(sheet.rows) for sheet in read.values())
        ours_mb = traced_peak(read_sheets, path, sheets)
        full_mb = traced_peak(full_parse, path)
        print(
            f"{name:<58} {names:>8.3f} {ours:>8.3f} {baseline:>8.3f} {baseline / ours:>5.1f}x"
            f" {naive:>11.3f} {naive / ours:>5.1f}x {ours_mb:>8.1f} {full_mb:>8.1f}"
        )
        print(f"    {rows} rows read from {', '.join(sheets)}")
    print("names: sheet_names(); read: read_sheets() of the needed sheets;")
    print("full: zip + ElementTree.fromstring of the whole content.xml (no rows read);")
    print("full+rows: full, then the same rows read from the tree; ratios: baseline / read;")
    print("MB: peak of what the read allocates (tracemalloc)")


# Run in a fresh process: read once for time and resident memory, again for tracemalloc's peak.
_CHILD = """
import json, resource, sys, time, tracemalloc
import ilacs.ofsted  # imported before the clock starts, as read_lenient imports it when first used
from ilacs.reading import read_lenient
path = sys.argv[1]
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
def read():
    try:
        read_lenient(path)
        return "read"
    except ValueError as error:
        return f"refused: {type(error).__name__}: {str(error)[len(path):][:90]}"
def resident_peak():
    # VmHWM is this process's own peak; ru_maxrss may include the parent's, from before exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
wall, used = time.perf_counter(), cpu()
outcome = read()
wall, used = time.perf_counter() - wall, cpu() - used
resident = resident_peak()
tracemalloc.start()
read()
traced = tracemalloc.get_traced_memory()[1] / 1e6
print(json.dumps([wall, used, resident, traced, outcome]))
"""


def measure(path: Path) -> tuple[float, float, float, float, str]:
    """Wall s, CPU s, peak resident MB, traced MB peak and the outcome of reading ``path``."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=600
    )
    if done.returncode:
        return (0.0, 0.0, 0.0, 0.0, f"CRASHED: {done.stderr.strip().splitlines()[-1]}")
    wall, used, resident, traced, outcome = json.loads(done.stdout)
    return wall, used, resident, traced, outcome


def hostile_files() -> None:
    print()
    print(
        f"{'file':<58} {'bytes':>9} {'wall s':>7} {'cpu s':>6} {'RSS MB':>7} {'traced MB':>9}"
        "  goal  outcome"
    )
    with tempfile.TemporaryDirectory() as folder:
        files = [(name, crafted.build) for name, crafted in CRAFTED.items()]
        files += list(READABLE.items())
        paths = []
        for name, build in files:
            path = Path(folder) / f"{name}.ods"
            path.write_bytes(build())
            paths.append(path)
        if DATA.is_dir():
            paths += sorted(DATA.glob("*.ods"))
        for path in paths:
            wall, used, resident, traced, outcome = measure(path)
            met = used <= GOAL_SECONDS and max(resident, traced) <= GOAL_MB
            print(
                f"{path.name:<58} {path.stat().st_size:>9,} {wall:>7.2f} {used:>6.2f}"
                f" {resident:>7.0f} {traced:>9.1f}  {'met ' if met else 'MISS'}  {outcome}"
            )
    print(
        "read_lenient(path) in a fresh process; cpu s: user + system time; RSS MB:"
        " the process's peak resident size (the interpreter and ilacs included, about 20 MB);"
        " traced MB: peak of Python's allocations during the read;"
        f" goal: cpu <= {GOAL_SECONDS:.0f} s and memory <= {GOAL_MB:.0f} MB"
    )


def main() -> int:
    if DATA.is_dir():
        real_files()
    else:
        print(f"part 1 skipped: {DATA} is absent (the shared data folder sits beside the checkout)")
    hostile_files()
    return 0


if __name__ == "__main__":
    sys.exit(main())

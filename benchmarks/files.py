"""Time reading whole files into inspections: this checkout against an earlier one, in one run.

For the project's 2013-2025 CSV and each of Ofsted's ODS files, ``read_csv`` or ``read_ofsted``
of this checkout ("after") and of an earlier commit ("before": ``--before REV``, by default
4a41108, main before the readers were reworked, unpacked from git into a temporary folder),
each measured in fresh processes that have imported ``ilacs`` first, "before" and "after" taking
turns (:data:`ROUNDS` processes each), and the best of all their reads kept, in CPU seconds
(``time.process_time``): on a shared machine the best is the read least disturbed. Each process
also times a baseline on the same file, so that the two can be compared whatever the machine
does meanwhile: ``csv.reader`` reading the CSV's rows as lists of strings, and ``zipfile``
inflating the ODS file's ``content.xml`` (no XML parsed). And it counts the Python function
calls of one read, which do not vary from run to run.

Goals: the readers no slower after than before (issue 9, the readers' brief), and any of these
files read in under a second.

Run: ``.venv/bin/python benchmarks/files.py [--before REV]`` (needs ../shared/data; without
git or the commit, "before" is left out).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
BEFORE = "4a41108"
RUNS = 7
ROUNDS = 4
GOAL_SECONDS = 1.0
FILES = [
    DATA / "inspections-2013-2025.csv",
    DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
    DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_March_2024.ods",
    DATA / "ofsted" / "Childrens_social_care_in_England_2023_underlying_data.ods",
]

# In a fresh process whose sys.path[0] is the source to measure: for each file, the best of RUNS
# reads with ilacs and with the baseline, the records read and the Python function calls of one
# read (counted by cProfile: the same in every run, whatever the machine does), as JSON.
_CHILD = """
import cProfile, csv, json, pstats, sys, time, zipfile
sys.path.insert(0, sys.argv[1])
from ilacs.ofsted import read_ofsted
from ilacs.tabular import read_csv

def best(work, path, runs):
    times = []
    for _ in range(runs):
        started = time.process_time()
        found = work(path)
        times.append(time.process_time() - started)
    return min(times), found

def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))

def inflate(path):
    with zipfile.ZipFile(path) as archive:
        return archive.read("content.xml")

out = {}
for path in sys.argv[3:]:
    ods = path.endswith(".ods")
    ours, records = best(read_ofsted if ods else read_csv, path, int(sys.argv[2]))
    base, _ = best(inflate if ods else rows, path, int(sys.argv[2]))
    profile = cProfile.Profile()
    profile.runcall(read_ofsted if ods else read_csv, path)
    out[path] = [ours, base, len(records), pstats.Stats(profile).total_calls]
print(json.dumps(out))
"""


def measure(source: Path, files: list[Path]) -> dict[str, list[float]]:
    """Seconds of ilacs and of the baseline, and the records read, for each file."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(source), str(RUNS), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode:
        raise SystemExit(f"the read failed: {done.stderr.strip().splitlines()[-1]}")
    found: dict[str, list[float]] = json.loads(done.stdout)
    return found


def unpack(rev: str, folder: Path) -> Path | None:
    """The ``src`` folder of commit ``rev``, unpacked into ``folder``; None without it."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"],
            capture_output=True,
            check=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    tar = folder / "before.tar"
    tar.write_bytes(archive.stdout)
    with tarfile.open(tar) as opened:
        opened.extractall(folder, filter="data")
    return folder / "src"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE, metavar="REV", help=f"default: {BEFORE}")
    args = parser.parse_args()
    files = [path for path in FILES if path.is_file()]
    if not files:
        print(f"data not found at {DATA}: nothing to measure")
        return 0
    after: dict[str, list[float]] = {}
    before: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        source = unpack(args.before, Path(folder))
        for _ in range(ROUNDS):  # taking turns, so that a busy spell falls on both
            for found, where in ((after, ROOT / "src"), (before, source)):
                if where is not None:
                    for path, figures in measure(where, files).items():
                        kept = found.setdefault(path, figures)
                        fastest = [
                            min(old, new) for old, new in zip(kept[:2], figures[:2], strict=True)
                        ]
                        found[path] = fastest + figures[2:]
    if not before:
        print(f"(commit {args.before} not found: the 'before' columns are left out)")
    print(
        f"{'file':58} {'records':>7} {'before s':>9} {'after s':>8} {'after/before':>12}"
        f" {'base s':>7} {'before/base':>11} {'after/base':>10} {'calls before':>12}"
        f" {'calls after':>11}  baseline"
    )
    worst = 0.0
    for path in files:
        ours, base, records, calls = after[str(path)]
        old, old_base, _, old_calls = before.get(str(path), [float("nan")] * 4)
        worst = max(worst, ours)
        label = "zipfile inflating content.xml" if path.suffix == ".ods" else "csv.reader"
        print(
            f"{path.name:58} {int(records):7d} {old:9.4f} {ours:8.4f} {ours / old:12.2f}"
            f" {base:7.4f} {old / old_base:11.2f} {ours / base:10.2f} {old_calls:12,.0f}"
            f" {calls:11,.0f}  {label}"
        )
    print(
        f"\nCPU seconds, best of {ROUNDS} processes of {RUNS} reads; before: {args.before}, after: this "
        f"checkout; slowest file after: {worst:.3f} s (goal: under {GOAL_SECONDS:.0f} s): "
        + ("met" if worst < GOAL_SECONDS else "NOT met")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

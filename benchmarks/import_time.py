"""How much `import ilacs` costs, against importing its runtime dependencies alone.

Every CLI call and every tool that imports ilacs pays this. Goal: `import ilacs` within 1.2x the
cost of importing attrs and python-dateutil alone (cattrs loads only when serialization is first
used). Each figure is the median wall time of fresh interpreter processes, measured in this run;
the interpreter's own start-up is measured too and subtracted for the "import only" ratio.

Run: .venv/bin/python benchmarks/import_time.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "interpreter start-up (python -c pass)": "pass",
    "baseline: import attrs, dateutil (easter, relativedelta)": (
        "import attrs, dateutil.easter, dateutil.relativedelta"
    ),
    "import ilacs": "import ilacs",
    "import ilacs + first catalogue look-up": (
        "import datetime, ilacs; ilacs.framework_version_on(datetime.date(2024, 1, 1))"
    ),
    "import ilacs + first working-day sum": (
        "import datetime, ilacs; ilacs.add_working_days(datetime.date(2024, 1, 1), 70)"
    ),
}
CHECK_NO_CATTRS = "import sys, ilacs; sys.exit(1 if 'cattrs' in sys.modules else 0)"


def median_seconds(code: str, runs: int) -> float:
    """The median wall time of `runs` fresh interpreters running `code`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="processes per case (default 21)")
    args = parser.parse_args()
    # Warm the file cache and .pyc files before timing anything.
    for code in CASES.values():
        subprocess.run([sys.executable, "-c", code], check=True)
    results = {name: median_seconds(code, args.runs) for name, code in CASES.items()}
    interp = results["interpreter start-up (python -c pass)"]
    base = results["baseline: import attrs, dateutil (easter, relativedelta)"]
    print(f"{'case':58} {'ms':>8} {'vs baseline':>12} {'import only':>12}")
    for name, seconds in results.items():
        total = seconds / base
        only = (seconds - interp) / (base - interp)
        print(f"{name:58} {seconds * 1000:8.1f} {total:11.2f}x {only:11.2f}x")
    ratio = (results["import ilacs"] - interp) / (base - interp)
    cattrs_free = subprocess.run([sys.executable, "-c", CHECK_NO_CATTRS]).returncode == 0
    print(
        f"\nimport ilacs, import cost only: {ratio:.2f}x the baseline (goal <= 1.20x): "
        + ("met" if ratio <= 1.2 else "NOT met")
    )
    print(f"cattrs left unloaded by `import ilacs`: {'yes' if cattrs_free else 'NO'}")


if __name__ == "__main__":
    main()

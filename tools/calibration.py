"""Regenerate the shipped calibration from the real data, or check that it is current.

    python tools/calibration.py           # print a summary of what the data give
    python tools/calibration.py --write   # rewrite src/ilacs/scheduling/calibration.json
    python tools/calibration.py --check   # exit 1 if the shipped file differs from the data's
    python tools/calibration.py --write-docs   # and its summary in docs/scheduling.md

The shipped calibration is :func:`ilacs.fitting.calibrate` on
``../shared/data/inspections-2013-2025.csv`` with the cut-off :data:`CUT_OFF`. It is data, never
edited by hand; ``tests/test_calibration.py`` runs the same check as ``--check``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from ilacs.fitting import calibrate
from ilacs.scheduling.calibration import Calibration
from ilacs.scheduling.optime import DAYS_PER_MONTH
from ilacs.tabular import read_csv

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "inspections-2013-2025.csv"
TARGET = ROOT / "src" / "ilacs" / "scheduling" / "calibration.json"
DOCS = ROOT / "docs" / "scheduling.md"
START, STOP = "<!-- calibration:start -->", "<!-- calibration:end -->"
CUT_OFF = dt.date(2025, 3, 31)
DATA_NAME = "Ofsted's LA inspection outcomes to 31 March 2025 merged with the inspection reports (inspections-2013-2025.csv)"


def fresh(path: Path = DATA) -> Calibration:
    """The calibration the data give today."""
    return calibrate(read_csv(path), cut_off=CUT_OFF, data=DATA_NAME)


def text_of(calibration: Calibration) -> str:
    """The calibration as the shipped file's text (stable: sorted keys, one curve per line)."""
    return json.dumps(calibration.to_dict(), indent=1, sort_keys=True) + "\n"


def _months(days: int) -> str:
    return f"{days / DAYS_PER_MONTH:.0f}"


def summary(calibration: Calibration) -> str:
    """Observed practice in the calibration, as the Markdown tables docs/scheduling.md shows."""
    lower, _, upper = calibration.levels
    lines = [
        f"Learnt from {calibration.data}, cut-off {calibration.cut_off.isoformat()}; "
        f"a fortnight {calibration.halflife_months:g} months before the cut-off weighs half. "
        "Waits in months of operating time (national pauses taken out), from the start of the "
        "wait; *ended* counts the inspections or visits observed, *still waiting* the waits "
        "under way at the cut-off.",
        "",
        f"| waiting for | route | ended | still waiting | period of those ended | "
        f"{lower:.0%} by | half by | {upper:.0%} by |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for curve in calibration.curves:
        low, mid, high = curve.days(calibration.levels)
        route = curve.route.value if curve.route else "every route, pooled"
        period = f"{curve.first} to {curve.last}" if curve.first and curve.last else "-"
        lines.append(
            f"| {curve.stage.value} | {route} | {curve.events} | {curve.waiting} | {period} | "
            f"{_months(low)} | {_months(mid)} | {_months(high)} |"
        )
    lines += [
        "",
        "The next graded inspection's type, by route and the prior help-and-protection grade:",
        "",
        "| route | help and protection | next inspections | period |",
        "| --- | --- | --- | --- |",
    ]
    for types in calibration.types:
        hp = (
            "(no prior inspection)"
            if types.route.from_creation
            else ("below good" if types.help_and_protection_below_good else "good or better")
        )
        counts = ", ".join(f"{kind.rule.name} {n}" for kind, n in types.counts)
        lines.append(f"| {types.route.value} | {hp} | {counts} | {types.first} to {types.last} |")
    lines += [
        "",
        "Focused visits between two graded inspections (periods whose visits the data hold in "
        "full):",
        "",
        "| route | focused visits: periods | period |",
        "| --- | --- | --- |",
    ]
    for counts in calibration.focused_counts:
        held = ", ".join(f"{k}: {n}" for k, n in counts.counts)
        lines.append(f"| {counts.route.value} | {held} | {counts.first} to {counts.last} |")
    return "\n".join(lines)


def docs_with(table: str, text: str) -> str:
    """``text`` with the block between the markers replaced by ``table``."""
    head, rest = text.split(START, 1)
    _, tail = rest.split(STOP, 1)
    return f"{head}{START}\n{table}\n{STOP}{tail}"


def main(argv: list[str]) -> int:
    """Summarise, ``--write`` or ``--check`` the shipped calibration."""
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the shared data folder sits beside the checkout)")
        return 0
    calibration = fresh()
    if "--write" in argv:
        TARGET.write_text(text_of(calibration), encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
        return 0
    if "--write-docs" in argv:
        DOCS.write_text(docs_with(summary(calibration), DOCS.read_text(encoding="utf-8")))
        print(f"wrote {DOCS.relative_to(ROOT)}")
        return 0
    if "--check" in argv:
        same = TARGET.read_text(encoding="utf-8") == text_of(calibration)
        docs = DOCS.read_text(encoding="utf-8")
        current = docs_with(summary(calibration), docs) == docs
        print("shipped calibration is current" if same else "shipped calibration is out of date")
        print("docs summary is current" if current else "docs summary is out of date")
        return 0 if same and current else 1
    for curve in calibration.curves:
        route = curve.route.name if curve.route else "ALL"
        print(
            f"{curve.stage.name:17} {route:13} events {curve.events:4d} waiting {curve.waiting:4d} "
            f"steps {len(curve.survival):3d} tail {curve.tail_hazard:.3f} borrowed {curve.borrowed_steps}"
        )
    for types in calibration.types:
        print(types.route.name, types.help_and_protection_below_good, types.counts)
    for counts in calibration.focused_counts:
        print(counts.route.name, counts.counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

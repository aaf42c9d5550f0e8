"""Compare every pair of judgements of each LA in the real data, and count the verdicts.

Run from the repository root::

    .venv/bin/python examples/compare_judgements.py [path/to/inspections-2013-2025.csv]
    .venv/bin/python examples/compare_judgements.py --update-doc   # rewrite the docs' block

It prints the minutes' cases (Thurrock, Wokingham, Durham) in words, then, for each policy, how
many pairs of judgements of the same LA are comparable, comparable with caveats or not
comparable: pairs of the same area, and all pairs (any two different judgements of one LA,
from the same inspection or two). ``docs/comparison.md`` shows that report between two markers;
a test checks that it is what this script computes, and ``--update-doc`` rewrites it.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from ilacs.catalogue.comparability import Verdict
from ilacs.comparison import Policy, compare, compare_inspections
from ilacs.records import Inspection, Judgement, histories
from ilacs.tabular import read_csv

DEFAULT_CSV = Path(__file__).resolve().parents[1].parent / "shared/data/inspections-2013-2025.csv"
DOC = Path(__file__).resolve().parents[1] / "docs" / "comparison.md"
START, END = "<!-- pair-counts:start -->", "<!-- pair-counts:end -->"
KINDS = ("same-area pairs", "all pairs")

Counts = dict[tuple[str, str, Verdict], int]
"""(policy name, kind of pair, verdict) -> number of pairs."""


def judgements_by_la(inspections: Iterable[Inspection]) -> list[list[Judgement]]:
    """Every graded judgement of each LA, oldest inspection first."""
    return [
        [j for event in history.graded() for j in event.all_judgements()]
        for history in histories(inspections).values()
    ]


def pair_counts(inspections: Sequence[Inspection]) -> Counts:
    """Count the verdicts of every unordered pair of two different judgements of one LA."""
    counts: Counts = {
        (p.name, kind, v): 0 for p in Policy.presets() for kind in KINDS for v in Verdict
    }
    for judgements in judgements_by_la(inspections):
        for a, b in itertools.combinations(judgements, 2):
            for policy in Policy.presets():
                verdict = compare(a, b, policy=policy).verdict
                counts[policy.name, "all pairs", verdict] += 1
                if a.area is b.area:
                    counts[policy.name, "same-area pairs", verdict] += 1
    return counts


def render_counts(counts: Counts) -> str:
    """The counts as a Markdown table: one row per policy and kind of pair."""
    head = ["policy", "pairs", *(v.value for v in Verdict), "total"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for policy in Policy.presets():
        for kind in KINDS:
            row = [counts[policy.name, kind, v] for v in Verdict]
            cells = [policy.name, kind, *(str(n) for n in row), str(sum(row))]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_report(inspections: Sequence[Inspection]) -> str:
    """What ``docs/comparison.md`` shows: the data used, the table, and what it says."""
    counts = pair_counts(inspections)
    by_la = judgements_by_la(inspections)
    graded = sum(1 for i in inspections if i.graded)
    same = "same-area pairs"
    total = sum(counts["default", same, v] for v in Verdict)
    refused = counts["default", same, Verdict.NOT_COMPARABLE]
    moved = refused - counts["ofsted-statistics", same, Verdict.NOT_COMPARABLE]
    caveats = counts["default", same, Verdict.COMPARABLE_WITH_CAVEATS]
    return "\n".join(
        [
            f"Data: {len(inspections):,} rows, {len(by_la):,} LAs, {graded:,} graded inspections, "
            f"{sum(len(js) for js in by_la):,} judgements.",
            "",
            render_counts(counts),
            "",
            f"Of {total:,} same-area pairs, {refused:,} are not comparable by default; Ofsted's "
            f"statistical practice makes {moved:,} of them comparable with caveats. Under "
            f"like-for-like, {counts['like-for-like', same, Verdict.COMPARABLE_WITH_CAVEATS]:,} "
            f"of the default policy's {caveats:,} caveats remain.",
        ]
    )


def minutes_cases(inspections: Sequence[Inspection]) -> str:
    """The councils' own questions, answered from the real rows."""
    graded = {
        name: [i for i in inspections if i.la_name == name and i.graded]
        for name in ("Thurrock", "Wokingham", "Durham")
    }
    out = []
    thurrock = graded["Thurrock"]
    sif, ilacs = thurrock[0].judgement("overall"), thurrock[1].judgement("overall")
    out.append(str(compare(sif, ilacs)))
    out.append(str(compare(sif, ilacs, policy=Policy.OFSTED_STATISTICS).change()))
    out.append(str(compare_inspections(*graded["Wokingham"][1:3])))
    out.append(str(compare_inspections(*graded["Durham"][1:3])))
    return "\n\n".join(out)


def update_doc(report: str, doc: Path = DOC) -> None:
    """Replace the block between the markers of ``doc`` with ``report``."""
    text = doc.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    doc.write_text(f"{head}{START}\n{report}\n{END}{tail}", encoding="utf-8")


def main(argv: Sequence[str]) -> int:
    args = [a for a in argv[1:] if a != "--update-doc"]
    path = Path(args[0]) if args else DEFAULT_CSV
    if not path.is_file():
        print(f"data not found: {path} (the shared data sits beside the checkout)")
        return 0
    inspections = read_csv(path)
    report = render_report(inspections)
    if "--update-doc" in argv:
        update_doc(report)
        print(f"updated {DOC}")
        return 0
    print(minutes_cases(inspections))
    print()
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

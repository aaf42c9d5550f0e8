"""The demo behind `make demo`: forecasts for the councils of the minutes, then for England.

1. `ilacs next --why` on `examples/histories.csv` (Thurrock, Wokingham and Durham, typed from
   their council minutes), as of 31 March 2025, the date Ofsted's latest bundled data runs to.
2. Thurrock's question of early 2020 ("are the SIF and ILACS grades comparable?").
3. When `../shared/data` is present: `ilacs next` for every LA in England from Ofsted's
   "Local authority inspection outcomes as at 31 March 2025" (the 20 soonest shown), with
   observed practice learnt from that file.
4. `ilacs report` for the minutes' LAs: one HTML page, written to `build/report.html`.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from ilacs.cli import main

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "histories.csv"
OFSTED_2025 = (
    HERE.parents[1]
    / "shared"
    / "data"
    / "ofsted"
    / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
)
AS_OF = "2025-03-31"
REPORT = HERE.parent / "build" / "report.html"


def run(*argv: str) -> str:
    """Run the command line and return what it printed; stop the demo if it fails."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(list(argv))
    if code != 0:
        raise SystemExit(f"ilacs {' '.join(argv)} failed with exit code {code}")
    return buffer.getvalue()


def section(title: str) -> None:
    print(f"\n{'=' * 78}\n{title}\n{'=' * 78}")


def demo() -> None:
    section(f"ilacs next --history examples/histories.csv --as-of {AS_OF} --why")
    print(run("next", "--history", str(EXAMPLES), "--as-of", AS_OF, "--why"))

    section("ilacs compare: Thurrock's overall effectiveness, SIF 2016 against ILACS 2019")
    print(run("compare", "--history", str(EXAMPLES), "--la", "Thurrock", "--area", "overall"))
    print()
    print(
        run(
            "compare",
            "--history",
            str(EXAMPLES),
            "--la",
            "Thurrock",
            "--area",
            "overall",
            "--policy",
            "ofsted-statistics",
        )
    )

    section("ilacs workdays: Wokingham's report of 9 May 2023 -> action plan due")
    print(run("workdays", "add", "2023-05-09", "70"))

    if OFSTED_2025.exists():
        section(f"ilacs next --history {OFSTED_2025.name} --as-of {AS_OF} (the 20 soonest)")
        table = run("next", "--history", str(OFSTED_2025), "--as-of", AS_OF).splitlines()
        print("\n".join(table[:23]))
        print(f"... {len(table) - 3} LAs in all")
    else:
        print(f"\n(Ofsted's data not found at {OFSTED_2025}: the national table is skipped.)")

    section(f"ilacs report --history examples/histories.csv --as-of {AS_OF} -o build/report.html")
    REPORT.parent.mkdir(exist_ok=True)
    print(run("report", "--history", str(EXAMPLES), "--as-of", AS_OF, "-o", str(REPORT)).strip())
    print(f"Open it in a browser: {REPORT.as_uri()}")


if __name__ == "__main__":
    demo()

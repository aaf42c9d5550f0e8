"""Draw the pictures of docs/pictures.md into docs/_generated/ (run by `make docs`).

The minutes' LAs (Thurrock, Wokingham, Durham, from examples/histories.csv) as of 31 March
2024: each LA's timeline, the chart of the three, the HTML report, and screenshots of the
report in Debian's headless Chromium. Nothing here is committed: every build draws it again.
Where Chromium is not installed the page says the screenshots were not taken, rather than
showing old ones.

Run: .venv/bin/python docs/generate_pictures.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import ilacs
from ilacs import plot
from ilacs.cli import main
from ilacs.tabular import read_csv

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
OUT = DOCS / "_generated"
EXAMPLES = ROOT / "examples" / "histories.csv"
AS_OF = "2024-03-31"


def _browser_module():  # type: ignore[no-untyped-def]
    """The tests' DevTools client (tests/browser.py), loaded by path."""
    spec = importlib.util.spec_from_file_location("browser", ROOT / "tests" / "browser.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["browser"] = module
    spec.loader.exec_module(module)
    return module


def figures() -> list[Path]:
    """Each LA's timeline and the chart of the three, as SVG."""
    import datetime as dt

    as_of = dt.date.fromisoformat(AS_OF)
    found = ilacs.records.histories(read_csv(EXAMPLES))
    written = []
    forecasts = []
    for history in found.values():
        forecast = ilacs.next_inspection(history, as_of=as_of)
        forecasts.append(forecast)
        name = history.la_name.lower()
        written.append(plot.save(plot.timeline(history, forecast=forecast), OUT / f"{name}.svg"))
    written.append(plot.save(plot.national(forecasts, as_of=as_of), OUT / "minutes-next.svg"))
    return written


def screenshots(report: Path) -> str:
    """Screenshots of the report; the Markdown that shows them, or says why there are none."""
    browser = _browser_module()
    executable = browser.chromium()
    if executable is None:
        return (
            "*The screenshots are taken by Debian's Chromium when the documentation is built; "
            "it was not installed on the machine that built this copy.*\n"
        )
    with browser.Browser(executable) as opened:
        opened.open(browser.file_url(report), width=1280, height=900)
        problems = opened.problems()
        if problems:
            raise SystemExit(f"the report has console errors: {problems}")
        (OUT / "report-top.png").write_bytes(opened.screenshot())
        opened.evaluate("document.getElementById('la-E06000041').scrollIntoView()")
        (OUT / "report-wokingham.png").write_bytes(opened.screenshot())
    return (
        "The top of the report, in a window 1280 pixels wide:\n\n"
        "![The report's heading and table](report-top.png)\n\n"
        "Wokingham's section, reached from its row of the table:\n\n"
        "![Wokingham's section of the report](report-wokingham.png)\n"
    )


def generate() -> list[Path]:
    OUT.mkdir(exist_ok=True)
    written = figures()
    report = OUT / "report.html"
    code = main(["report", "--history", str(EXAMPLES), "--as-of", AS_OF, "-o", str(report)])
    if code != 0:
        raise SystemExit(f"ilacs report failed with exit code {code}")
    fragment = OUT / "screenshots.md"
    fragment.write_text(screenshots(report), encoding="utf-8")
    return [*written, report, fragment]


if __name__ == "__main__":
    for path in generate():
        print(f"wrote {path.relative_to(ROOT)}")

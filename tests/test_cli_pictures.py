"""``ilacs plot`` and ``ilacs report`` on the command line: files written, errors in one line."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ilacs.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = str(ROOT / "examples" / "histories.csv")
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ilacs", *args], capture_output=True, text=True, timeout=120
    )


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_plot_one_la_as_svg(tmp_path: Path) -> None:
    out = tmp_path / "thurrock.svg"
    result = run(
        "plot", "--history", EXAMPLES, "--la", "thurrock", "--as-of", "2024-03-31", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    shown = svg_text(out)
    assert (
        "Thurrock (E06000034): inspections and visits to 30 June 2021, as of 31 March 2024" in shown
    )
    assert "ILACS short inspection" in shown


def test_plot_the_national_chart_as_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "next.png"
    assert (
        main(["plot", "--history", EXAMPLES, "--national", "--as-of", "2024-03-31", "-o", str(out)])
        == 0
    )
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert capsys.readouterr().err == ""


def test_plot_national_reports_the_las_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    history = tmp_path / "h.csv"
    rows = Path(EXAMPLES).read_text(encoding="utf-8").splitlines()
    rows.append("E06000001,Hartlepool,ILACS,focused_visit,2021-06-30,,,,,,,,,,typed for the test")
    history.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "next.svg"
    assert (
        main(
            [
                "plot",
                "--history",
                str(history),
                "--national",
                "--as-of",
                "2024-03-31",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("ilacs plot: skipped Hartlepool (E06000001): ")
    assert "Hartlepool" not in svg_text(out)
    assert "Thurrock" in svg_text(out)


def test_report_writes_one_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", "--history", EXAMPLES, "--as-of", "2024-03-31", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"wrote {out}: 3 LAs forecast as of 2024-03-31, 0 overdue, 0 not forecast"
    )
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 5
    assert "Data: histories.csv." in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plot", "--history", EXAMPLES, "-o", "x.svg"], "give one of --la NAME_OR_CODE"),
        (
            ["plot", "--history", EXAMPLES, "--la", "Durham", "--national", "-o", "x.svg"],
            "give one of --la NAME_OR_CODE",
        ),
        (
            ["plot", "--history", EXAMPLES, "--la", "Durham", "-o", "x.jpg"],
            "-o: expected a file name ending in .svg, .png, .pdf, got 'x.jpg'",
        ),
        (["plot", "--history", EXAMPLES, "--la", "Durhm", "-o", "x.svg"], "did you mean 'Durham'?"),
        (
            ["plot", "--history", "missing.csv", "--national", "-o", "x.svg"],
            "history file not found",
        ),
        (
            ["report", "--history", EXAMPLES, "-o", "report.pdf"],
            "expected a file name ending in .html",
        ),
        (
            ["report", "--history", EXAMPLES, "--as-of", "2095-01-01", "-o", "r.html"],
            "as_of",
        ),
        (["report", "--history", EXAMPLES, "-o", "/no/such/folder/r.html"], "No such file"),
    ],
)
def test_user_errors_end_in_one_line_with_exit_code_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(args) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"ilacs {args[0]}: error: ")
    assert message in line


def test_help_lists_plot_and_report() -> None:
    result = run("--help")
    assert "plot" in result.stdout
    assert "report" in result.stdout
    for command in ("plot", "report"):
        assert "usage: ilacs" in run(command, "--help").stdout

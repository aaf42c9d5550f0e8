"""The command line, run through its real entry point in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "histories.csv"
DATA = ROOT.parent / "shared" / "data"


def ilacs(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m ilacs ARGS` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "ilacs", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_every_subcommand() -> None:
    result = ilacs("--help")
    assert result.returncode == 0
    for command in ("next", "compare", "rules", "history", "workdays"):
        assert command in result.stdout


@pytest.mark.parametrize("command", ["next", "compare", "rules", "history", "workdays"])
def test_each_subcommand_has_help(command: str) -> None:
    result = ilacs(command, "--help")
    assert result.returncode == 0
    assert "usage: ilacs" in result.stdout


def test_console_script_entry_point_is_installed() -> None:
    script = Path(sys.executable).with_name("ilacs")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    result = subprocess.run(
        [str(script), "workdays", "check", "2022-09-19"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "no" in result.stdout.splitlines()[-1]


def test_workdays_add_between_check_and_holidays() -> None:
    assert (
        ilacs("workdays", "add", "2023-05-09", "70", "--format", "csv").stdout.splitlines()[1]
        == "2023-05-09,70,2023-08-16"
    )
    between = json.loads(
        ilacs("workdays", "between", "2022-12-23", "2022-12-30", "--format", "json").stdout
    )
    assert between == [{"from": "2022-12-23", "to": "2022-12-30", "working_days": 3}]
    holidays = list(
        csv.DictReader(io.StringIO(ilacs("workdays", "holidays", "2022", "--format", "csv").stdout))
    )
    assert len(holidays) == 10
    assert holidays[7]["date"] == "2022-09-19"


def test_rules_lists_every_catalogue_rule_with_sources_in_json() -> None:
    result = ilacs("rules", "--format", "json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    codes = {row["code"] for row in rows}
    assert {"framework.ilacs-2023", "duty.action-plan", "pause.covid-19"} <= codes
    assert all(row["sources"] for row in rows)


def test_rules_for_one_version_prints_its_judgement_areas_in_order() -> None:
    result = ilacs("rules", "--version", "ILACS 2018")
    assert result.returncode == 0
    assert "3. The experiences and progress of children in care and care leavers" in result.stdout
    assert "4. Overall effectiveness" in result.stdout


def test_rules_with_sources_prints_urls() -> None:
    result = ilacs("rules", "--kind", "duty", "--sources")
    assert "https://zoomlaw.co.uk/2007-462-uksi.html" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("workdays", "add", "2023-02-30", "3"), "is not a date"),
        (("workdays", "add", "2023-02-03", "three"), "is not a whole number"),
        (("workdays", "holidays", "1970"), "1971"),
        (("rules", "--version", "ILACS 2019"), "ILACS 2018"),
        (("next", "--history", "no-such-file.csv"), "not found"),
        (("next", "--history", str(ROOT / "pyproject.toml")), ".csv, .ods or .json"),
        (("next", "--history", str(EXAMPLES), "--la", "Thurock"), "did you mean Thurrock"),
        (
            ("compare", "--a", "2019-11-11,overall,Goodish", "--b", "2016-02-22,overall,Good"),
            "Goodish",
        ),
        (("compare",), "give --history"),
        (("nonsense",), "invalid choice"),
    ],
)
def test_user_errors_exit_2_with_a_message_and_no_traceback(
    args: tuple[str, ...], message: str
) -> None:
    result = ilacs(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_next_for_the_minutes_la_with_reasons() -> None:
    result = ilacs(
        "next", "--history", str(EXAMPLES), "--la", "Thurrock", "--as-of", "2021-07-02", "--why"
    )
    assert result.returncode == 0, result.stderr
    assert "Thurrock" in result.stdout
    assert "short" in result.stdout.lower()
    assert "  - " in result.stdout  # the reasons


def test_next_for_every_la_is_sorted_by_expected_date_in_csv() -> None:
    result = ilacs("next", "--history", str(EXAMPLES), "--as-of", "2024-03-31", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["la_name"] for r in rows} == {"Thurrock", "Wokingham", "Durham"}
    expected = [r["expected"] for r in rows]
    assert expected == sorted(expected)


def test_next_json_carries_reasons_with_sources() -> None:
    result = ilacs(
        "next",
        "--history",
        str(EXAMPLES),
        "--la",
        "E06000041",
        "--as-of",
        "2024-03-31",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    forecast = json.loads(result.stdout)[0]
    assert forecast["la_name"] == "Wokingham"
    assert forecast["earliest"] <= forecast["expected"] <= forecast["latest"]
    assert forecast["reasons"]
    assert any(reason["sources"] for reason in forecast["reasons"])


def test_compare_thurrock_sif_against_ilacs_from_the_history_file() -> None:
    result = ilacs("compare", "--history", str(EXAMPLES), "--la", "Thurrock", "--area", "overall")
    assert result.returncode == 0, result.stderr
    assert "not comparable" in result.stdout.lower()
    statistics = ilacs(
        "compare",
        "--history",
        str(EXAMPLES),
        "--la",
        "Thurrock",
        "--area",
        "overall",
        "--policy",
        "ofsted_statistics",
        "--format",
        "json",
    )
    assert json.loads(statistics.stdout)["verdict"] == "COMPARABLE_WITH_CAVEATS"


def test_compare_by_hand_and_by_dates() -> None:
    by_hand = ilacs(
        "compare",
        "--a",
        "2019-06-03,children_in_care,RI",
        "--b",
        "2023-03-06,children_in_care,Good",
        "--format",
        "csv",
    )
    assert by_hand.returncode == 0, by_hand.stderr
    assert "COMPARABLE_WITH_CAVEATS" in by_hand.stdout
    by_dates = ilacs(
        "compare",
        "--history",
        str(EXAMPLES),
        "--la",
        "Wokingham",
        "--area",
        "overall",
        "--first",
        "2019-06-03",
        "--second",
        "2023-03-06",
    )
    assert by_dates.returncode == 0, by_dates.stderr
    missing = ilacs(
        "compare",
        "--history",
        str(EXAMPLES),
        "--la",
        "Wokingham",
        "--area",
        "overall",
        "--first",
        "2019-06-04",
        "--second",
        "2023-03-06",
    )
    assert missing.returncode == 2
    assert "no graded inspection on 2019-06-04" in missing.stderr


def test_history_prints_the_timeline() -> None:
    result = ilacs("history", "--history", str(EXAMPLES), "--la", "Durham")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Durham (E06000047)"
    assert "SIF" in result.stdout
    assert "ILACS 2018" in result.stdout


def test_next_on_the_official_ods_file_covers_england() -> None:
    path = DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_March_2024.ods"
    if not path.exists():
        pytest.skip(f"Ofsted's data not found at {path}")
    result = ilacs("next", "--history", str(path), "--as-of", "2024-03-31", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) >= 150

"""The command line, run through its real entry point in a subprocess."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_file
from ilacs._output import render
from ilacs.cli import main
from ilacs.errors import ValidationError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "histories.csv"


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
    assert result.returncode == 0, result.stderr
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
        (("next", "--history", str(EXAMPLES), "--la", "Thurock"), "did you mean 'Thurrock'?"),
        (
            ("compare", "--a", "2019-11-11,overall,Goodish", "--b", "2016-02-22,overall,Good"),
            "Goodish",
        ),
        (("compare",), "give --history"),
        (
            (
                *("compare", "--history", str(EXAMPLES), "--la", "Wokingham", "--area"),
                *("overall", "--first", "2015-10-12", "--second", "2021-06-16"),
            ),
            # A focused visit grades nothing: Wokingham's file holds three graded inspections.
            "--second: Wokingham has no graded inspection on 2021-06-16; it has 2015-10-12, "
            "2019-06-03, 2023-03-06",
        ),
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
    (row,) = csv.DictReader(io.StringIO(by_hand.stdout))
    assert row["verdict"] == "comparable with caveats"
    assert (row["first_grade"], row["second_grade"]) == ("Requires improvement to be good", "Good")
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
    path = shared_file("data/ofsted/LA_Inspection_Outcomes_as_at_March_2024.ods")
    result = ilacs("next", "--history", str(path), "--as-of", "2024-03-31", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) >= 150


# --- user errors, in-process (each one exit 2, one line on stderr, no traceback) ---------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``main(args)`` in this process; return the exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


BY_HAND = ("--a", "2016-02-22,overall,Good", "--b", "2019-11-11,overall,Good")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compare", "--a", "2019-13-01,overall,Good", "--b", "2019-11-11,overall,Good"),
         "--a: '2019-13-01' is not a date"),
        (("compare", "--a", "2016-02-22,overall,Good,nonsense", "--b", "2019-11-11,overall,Good"),
         "--a: framework: got 'nonsense'; expected one of JAR"),
        (("compare", "--a", "2016-02-22,overall,Good", "--b", "2019-11-11,overal,Good"),
         "--b: judgement area: got 'overal'"),
        (("compare", "--a", "2016-02-22,overall,Good"), "give --history"),
        (("compare", "--la", "Thurrock", *BY_HAND), "--la needs --history"),
        (("compare", "--area", "overall", *BY_HAND), "--area needs --history"),
        (("compare", "--history", str(EXAMPLES), "--la", "Thurrock", "--area", "overall",
          *BY_HAND), "not both"),
        (("compare", "--history", str(EXAMPLES), "--la", "Thurrock", "--area", "overall",
          "--first", "2016-02-22"), "give both --first and --second"),
        (("compare", "--history", str(EXAMPLES), "--la", "Thurrock", "--area", "overall",
          "--second", "2019-11-11"), "give both --first and --second"),
        (("compare", "--history", str(EXAMPLES), "--area", "overall"), "give --la and --area"),
        (("rules", "--kind", "bogus"), "--kind: got 'bogus'; expected one of cadence"),
        (("next", "--history", str(EXAMPLES), "--as-of", "1990-01-01"),
         "as_of: got '1990-01-01'; expected a date on or after"),
        (("workdays", "add", "2100-12-30", "5"), "n: got 5; expected a count"),
    ],
)  # fmt: skip
def test_more_user_errors_exit_2_naming_the_option(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1


def test_a_history_file_that_is_not_utf8_json_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "history.json"
    path.write_bytes(b"\xff\xfe[]")
    code, _, err = run(capsys, "history", "--history", str(path))
    assert code == 2
    assert "expected UTF-8 text" in err


def test_a_history_file_without_inspections_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "history.json"
    path.write_text("[]", encoding="utf-8")
    for command in ("history", "next"):
        code, out, err = run(capsys, command, "--history", str(path))
        assert (code, out) == (2, "")
        assert "holds no inspections" in err


def test_compare_by_hand_names_the_la_and_gives_each_reason_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys, "compare", "--a", "2016-02-22,overall,Good,sif", "--b", "2019-11-11,overall,Good"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "The LA's overall effectiveness under the SIF (2016, Good) and under ILACS 2018 "
        "(2019, Good) are not comparable."
    )
    assert lines[1].startswith("  - The SIF and ILACS are different frameworks")
    assert out.count("The SIF and ILACS are different frameworks") == 1


def test_next_reports_each_skipped_la_and_forecasts_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = EXAMPLES.read_text(encoding="utf-8").splitlines()
    bournemouth = (
        "E06000028,Bournemouth,ILACS,standard,2018-09-10,2018-09-21,2018-10-30,"
        "Good,Good,Good,,Good,,,made up for this test"
    )
    path = tmp_path / "histories.csv"
    path.write_text("\n".join([*rows, bournemouth]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "next", "--history", str(path), "--as-of", "2024-03-31")
    assert code == 0
    assert (
        "ilacs next: 1 LA(s) abolished by 2024-03-31 left out, their successors forecast "
        "instead: Bournemouth" in err
    )
    assert "Thurrock" in out
    assert "E06000028" not in out  # Bournemouth itself; its successor BCP is forecast
    assert "E06000058" in out


def test_holidays_keep_the_uncertain_flag_in_table_and_csv(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "workdays", "holidays", "1977", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    spring = next(r for r in rows if r["date"] == "1977-06-06")
    assert spring["uncertain"] == "true"
    assert {r["uncertain"] for r in rows} == {"true", "false"}
    _, table, _ = run(capsys, "workdays", "holidays", "1977")
    assert "uncertain" in table.splitlines()[0]


def test_render_refuses_an_unknown_format_with_a_library_error() -> None:
    with pytest.raises(ValidationError, match="format: got 'xml'; expected one of table"):
        render([], "xml", columns=["a"])


_PIECES = st.sampled_from(
    ["2019-11-11", "2016-02-22", "2030-01-01", "1990-01-01", "2019-02-30", "overall",
     "care_leavers", "adoption", "Good", "RI", "Adequate", "SIF", "ilacs", "slac", "", " ", "x"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_PIECES, max_size=5).map(",".join) | st.text(max_size=20),
    st.lists(_PIECES, max_size=5).map(",".join),
    st.sampled_from(["default", "ofsted-statistics", "like_for_like", "nonsense"]),
)
def test_fuzz_compare_by_hand_ends_in_a_result_or_exit_2(a: str, b: str, policy: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["compare", f"--a={a}", f"--b={b}", f"--policy={policy}"])
    assert code in (0, 2)
    if code == 2:
        assert err.getvalue().startswith("ilacs compare: error: ")
        assert err.getvalue().count("\n") == 1
    else:
        assert "comparable" in out.getvalue()


def test_deadlines_after_the_latest_graded_inspection_in_working_days() -> None:
    result = ilacs("deadlines", "--history", str(EXAMPLES), "--la", "Wokingham", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["duty"], r["due"]) for r in rows] == [
        ("duty.publish-report", "2023-06-21"),
        ("duty.action-plan", "2023-08-16"),
    ]
    received = ilacs(
        "deadlines",
        "--history",
        str(EXAMPLES),
        "--la",
        "Wokingham",
        "--received",
        "2023-05-02",
        "--format",
        "json",
    )
    # 2 May to 9 May 2023 holds four working days (8 May was the coronation bank holiday)
    assert json.loads(received.stdout)[1]["due"] == "2023-08-10"


def test_deadlines_why_names_the_la_and_the_rule() -> None:
    result = ilacs("deadlines", "--history", str(EXAMPLES), "--la", "Thurrock", "--why")
    assert result.returncode == 0, result.stderr
    assert "  - The LA must publish the inspection report" in result.stdout


def test_deadlines_for_every_inspection_and_a_bad_received_date() -> None:
    every = ilacs(
        "deadlines", "--history", str(EXAMPLES), "--la", "Durham", "--all", "--format", "csv"
    )
    assert every.returncode == 0, every.stderr
    assert len(list(csv.DictReader(io.StringIO(every.stdout)))) == 6  # SIF 2016, 2019, 2022
    early = ilacs(
        "deadlines", "--history", str(EXAMPLES), "--la", "Durham", "--received", "2010-01-01"
    )
    assert early.returncode == 2
    assert "received" in early.stderr


def test_next_written_only_gives_the_written_window() -> None:
    result = ilacs(
        "next",
        "--history",
        str(EXAMPLES),
        "--la",
        "Wokingham",
        "--as-of",
        "2024-03-31",
        "--written-only",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    forecast = json.loads(result.stdout)[0]
    # third anniversary of 6 March 2023, six months either side
    assert (forecast["earliest"], forecast["expected"], forecast["latest"]) == (
        "2025-09-08",
        "2026-03-06",
        "2026-09-04",
    )


# --- next: which observed practice, and out-of-date data ---------------------------------------


def test_next_learns_from_a_national_file_and_says_so(
    capsys: pytest.CaptureFixture[str], shared_data: Path
) -> None:
    national = shared_data / "inspections-2013-2025.csv"
    code, out, err = run(capsys, "next", "--history", str(national), "--as-of", "2025-03-31")
    assert code == 0
    first = out.splitlines()[0]
    assert first == (
        f"as of 2025-03-31; observed practice learnt from {national} (every LA, to 2025-03-26)"
    )
    assert out.count("graded inspection") == 153
    assert "5 LA(s) abolished by 2025-03-31 left out" in err
    assert "warning" not in err


def test_next_takes_observed_practice_from_another_file(
    capsys: pytest.CaptureFixture[str], shared_data: Path
) -> None:
    national = shared_data / "inspections-2013-2025.csv"
    code, out, err = run(
        capsys, "next", "--history", str(EXAMPLES), "--calibration-from", str(national),
        "--as-of", "2025-03-31", "--format", "json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)
    assert f"ilacs next: observed practice learnt from {national}" in err


def test_next_uses_the_shipped_calibration_for_a_few_las(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "next", "--history", str(EXAMPLES), "--as-of", "2025-03-31")
    assert code == 0
    assert "observed practice from the shipped calibration (to 2025-03-31)" in out.splitlines()[0]


def test_next_refuses_to_learn_from_a_file_that_is_not_the_country(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "next", "--history", str(EXAMPLES), "--calibration-from", str(EXAMPLES)
    )
    assert code == 2
    assert out == ""
    assert "--calibration-from" in err
    assert "does not hold the country" in err
    assert err.count("\n") == 1


def test_next_warns_in_one_line_when_the_data_are_out_of_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "next", "--history", str(EXAMPLES), "--as-of", "2026-12-02")
    assert code == 0
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == [
        "ilacs next: warning: The data end on 31 March 2025, 20 months before 2 December 2026: "
        "inspections and visits since then are unknown, so an LA may have been inspected "
        "already."
    ]
    _, _, one = run(
        capsys, "next", "--history", str(EXAMPLES), "--as-of", "2026-12-02", "--la", "Thurrock"
    )
    assert one.splitlines()[-1].endswith("so this LA may have been inspected already.")
    _, _, fresh = run(capsys, "next", "--history", str(EXAMPLES), "--as-of", "2025-09-30")
    assert "warning" not in fresh

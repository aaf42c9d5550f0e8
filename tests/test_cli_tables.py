"""The analyst's command line: export, change, one table per output, -o, --la by name, --region."""

from __future__ import annotations

import csv
import io
import json
import pydoc
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ilacs
from conftest import shared_file
from ilacs.catalogue.la_codes import ALIAS_NOTES, LOCAL_AUTHORITIES
from ilacs.cli import main
from ilacs.cli._common import UsageError, select
from ilacs.records import Inspection, histories
from ilacs.tabular import read_csv
from strategies import la_spellings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = str(ROOT / "examples" / "histories.csv")
REAL_CSV = "data/inspections-2013-2025.csv"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def table(text: str) -> list[dict[str, str]]:
    """The CSV ``text`` as rows; fails unless it is one table with one header."""
    lines = text.strip("\n").splitlines()
    assert sum(line.startswith("la_code,") for line in lines) == 1
    return list(csv.DictReader(io.StringIO(text)))


# --- export -------------------------------------------------------------------------------------


def test_export_through_the_real_entry_point_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "tidy.csv"
    result = subprocess.run(
        [sys.executable, "-m", "ilacs", "export", EXAMPLES, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote 14 row(s) to {out}"
    assert read_csv(out) == read_csv(EXAMPLES)  # the examples give every framework
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("la_code,la_name,region,")


def test_export_json_is_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", EXAMPLES, "--format", "json", "--la", "durham")
    assert code == 0
    rows = json.loads(out)
    assert [r["start_date"] for r in rows] == [
        "2016-02-22",
        "2019-09-09",
        "2021-07-13",
        "2022-05-09",
        "2023-11-14",
    ]
    assert rows[0]["priority_action"] is False
    assert rows[1]["region"] == "North East"


def test_export_of_a_region(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", EXAMPLES, "--region", "south east")
    assert code == 0
    assert {r["la_name"] for r in table(out)} == {"Wokingham"}


def test_export_of_two_editions_that_disagree(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    text = Path(EXAMPLES).read_text(encoding="utf-8")
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("2019-12-20", "2019-12-19"), encoding="utf-8")
    code, out, err = run(capsys, "export", str(first), str(second))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert (
        f"{second}: publication_date: got '2019-12-19'; expected the same value as {first}" in err
    )
    code, out, err = run(capsys, "export", str(first), str(second), "--lenient")
    assert code == 0
    assert len(table(out)) == 14
    assert err.splitlines()[-1] == (
        "ilacs export: 1 disagreement(s) between the files; the first file's values kept"
    )


def test_export_refuses_a_suffix_that_contradicts_the_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "export", EXAMPLES, "--format", "json", "-o", str(tmp_path / "x.csv")
    )
    assert code == 2
    assert "-o: got" in err


def test_export_of_the_real_csv_and_the_2025_edition(capsys: pytest.CaptureFixture[str]) -> None:
    national = shared_file(REAL_CSV)
    edition = shared_file("data/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods")
    code, out, err = run(capsys, "export", str(national), str(edition))
    assert code == 0, err
    rows = table(out)
    assert len(rows) == 736  # every row of the CSV: the 2025 edition agrees with it
    assert all(r["region"] for r in rows)


# --- one table per output -----------------------------------------------------------------------


def test_history_of_many_las_is_one_csv_table_and_one_json_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "history", "--history", EXAMPLES, "--format", "csv")
    assert code == 0
    rows = table(out)
    assert len(rows) == 14
    assert {r["priority_action"] for r in rows} == {"false"}
    code, out, _ = run(capsys, "history", "--history", EXAMPLES, "--format", "json")
    assert len(json.loads(out)) == 14


def test_deadlines_csv_has_the_code_and_the_inspection_s_type_and_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "deadlines", "--history", EXAMPLES, "--format", "csv")
    assert code == 0
    rows = table(out)
    assert {(r["la_code"], r["inspection_type"], r["inspection_date"]) for r in rows} == {
        ("E06000034", "standard", "2019-11-11"),
        ("E06000041", "standard", "2023-03-06"),
        ("E06000047", "standard", "2022-05-09"),
    }
    assert {r["uncertain"] for r in rows} == {"true"}


def test_output_to_a_file_takes_its_format_from_the_suffix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "next.json"
    code, out, _ = run(
        capsys, "next", "--history", EXAMPLES, "--as-of", "2024-03-31", "-o", str(target)
    )
    assert code == 0
    assert out.strip() == f"wrote 3 row(s) to {target}"
    assert {r["la_name"] for r in json.loads(target.read_text(encoding="utf-8"))} == {
        "Thurrock",
        "Wokingham",
        "Durham",
    }


# --- change -------------------------------------------------------------------------------------


def test_change_durham_last_two_inspections(capsys: pytest.CaptureFixture[str]) -> None:
    # examples/histories.csv: Durham RI in 2019, good (leadership outstanding) in 2022
    code, out, _ = run(capsys, "change", "--history", EXAMPLES, "--la", "Durham")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Durham (E06000047): ILACS 2018 standard inspection of 2019-09-09 to ILACS 2018 "
        "standard inspection of 2022-05-09, under the default policy"
    )
    assert lines[3].split() == [
        "overall",
        "Requires",
        "improvement",
        "to",
        "be",
        "good",
        "Good",
        "improved",
    ]
    assert "leadership" in lines[4]
    assert lines[4].endswith("Outstanding   improved")


def test_change_csv_for_every_la_with_the_policy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "change", "--history", EXAMPLES, "--policy", "ofsted_statistics", "--format", "csv"
    )
    assert code == 0
    rows = table(out)
    thurrock = {r["area"]: r for r in rows if r["la_name"] == "Thurrock"}
    # SIF 2016 RI to ILACS 2019 good: headline grades side by side under Ofsted's statistics
    assert (thurrock["overall"]["verdict"], thurrock["overall"]["direction"]) == (
        "comparable with caveats",
        "improved",
    )
    assert thurrock["children_in_care"]["verdict"] == "not comparable"
    assert {r["policy"] for r in rows} == {"ofsted-statistics"}


def test_change_between_chosen_dates_and_its_errors(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("change", "--history", EXAMPLES, "--la", "Wokingham")
    code, out, _ = run(capsys, *args, "--first", "2015-10-12", "--second", "2023-03-06")
    assert code == 0
    assert "SIF sif inspection of 2015-10-12 to ILACS 2023" in out
    code, _, err = run(capsys, *args, "--first", "2015-10-13", "--second", "2023-03-06")
    assert code == 2
    assert "--first: Wokingham has no graded inspection on 2015-10-13" in err
    code, _, err = run(capsys, "change", "--history", EXAMPLES, "--first", "2015-10-12")
    assert "give both --first and --second" in err


# --- LAs by the names people use ----------------------------------------------------------------


def _register() -> dict[str, ilacs.records.History]:
    """One made-up inspection of every authority of the register, under its ONS name."""
    return histories(
        Inspection(a.code, a.name, "focused_visit", start=ilacs.read_csv(EXAMPLES)[2].date)
        for a in LOCAL_AUTHORITIES
    )


REGISTER = _register()


@given(
    st.sampled_from(LOCAL_AUTHORITIES).flatmap(
        lambda a: st.tuples(st.just(a), la_spellings(a.name))
    )
)
def test_every_authority_answers_to_its_name_however_written(pair: tuple[object, str]) -> None:
    authority, spelling = pair
    (found,) = select(REGISTER, [spelling])
    assert found.la_code == authority.code  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Hull", "E06000010"),
        ("hammersmith & fulham", "E09000013"),
        ("HAMMERSMITH AND FULHAM", "E09000013"),
        ("Hammersmith", "E09000013"),  # a unique start of a name
        ("Herefordshire", "E06000019"),
        ("Bristol", "E06000023"),
        ("st helens", "E08000013"),
        ("RBWM", "E06000040"),
        ("e06000034", "E06000034"),
    ],
)
def test_names_people_use(name: str, code: str) -> None:
    (found,) = select(REGISTER, [name])
    assert found.la_code == code


def test_every_alias_has_a_note() -> None:
    aliases = {alias for a in LOCAL_AUTHORITIES for alias in a.aliases}
    assert aliases == set(ALIAS_NOTES)
    assert all(note.strip() for note in ALIAS_NOTES.values())


def test_an_ambiguous_name_lists_its_matches_one_per_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "history", "--history", str(shared_file(REAL_CSV)), "--la", "Kingston"
    )
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "ilacs history: error: --la: 'Kingston' names 2 LAs; give more of the name, or a code:",
        "  Kingston upon Hull (E06000010)",
        "  Kingston upon Thames (E09000021)",
    ]


def test_suggestions_quote_names_with_commas() -> None:
    with pytest.raises(
        UsageError, match=r"did you mean 'Bristol, City of' or 'Kingston upon Hull, City of'\?"
    ):
        select(REGISTER, ["Bristol, City off"])


def test_repeated_la_shows_each(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "history", "--history", EXAMPLES, "--la", "Thurrock", "--la", "Durham"
    )
    assert code == 0
    assert [line for line in out.splitlines() if "(E0" in line] == [
        "Thurrock (E06000034)",
        "Durham (E06000047)",
    ]


def test_la_and_region_do_not_go_together_and_a_region_must_be_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(
        capsys, "next", "--history", EXAMPLES, "--la", "Durham", "--region", "North East"
    )
    assert code == 2
    assert "give --la or --region, not both" in err
    code, _, err = run(capsys, "next", "--history", EXAMPLES, "--region", "Wessex")
    assert code == 2
    assert "--region: region: got 'Wessex'" in err
    code, _, err = run(capsys, "next", "--history", EXAMPLES, "--region", "London")
    assert "--region: no LA of London in the history file" in err


def test_next_for_a_region(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "next", "--history", EXAMPLES, "--region", "E12000001", "--as-of", "2024-03-31",
        "--format", "csv",
    )  # fmt: skip
    assert code == 0
    assert [r["la_name"] for r in csv.DictReader(io.StringIO(out))] == ["Durham"]


# --- paper cuts ---------------------------------------------------------------------------------


def test_visits_says_when_none_is_expected(capsys: pytest.CaptureFixture[str]) -> None:
    # Thurrock had the focused visit LAs judged good had (June 2021) since its 2019 inspection
    code, _, err = run(
        capsys, "next", "--history", EXAMPLES, "--la", "Thurrock", "--as-of", "2024-03-31",
        "--visits",
    )  # fmt: skip
    assert code == 0
    assert (
        "ilacs next: --visits: no focused or monitoring visit is expected before the next "
        "graded inspection of 1 LA(s): Thurrock"
    ) in err


@pytest.mark.parametrize(
    "function",
    ["next_inspection", "next_inspections", "focused_visits", "monitoring_visits", "deadlines"],
)
def test_help_of_a_scheduling_function_is_short(function: str) -> None:
    text = pydoc.render_doc(getattr(ilacs, function), renderer=pydoc.plaintext)
    assert len(text) < 8_000  # was 35 KB: the default rules printed in full
    assert "rules: 'SchedulingRules' = SchedulingRules()" in text


@pytest.mark.parametrize("option", ["--framework-version", "--version"])
def test_rules_for_one_framework_version(capsys: pytest.CaptureFixture[str], option: str) -> None:
    code, out, _ = run(capsys, "rules", option, "ILACS 2023")
    assert code == 0
    assert out.startswith("ILACS 2023: ")
    assert "--version" not in main_help(capsys, "rules")


def main_help(capsys: pytest.CaptureFixture[str], command: str) -> str:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "spelling", ["ofsted-statistics", "ofsted_statistics", "OFSTED_STATISTICS"]
)
def test_the_policy_in_either_spelling(capsys: pytest.CaptureFixture[str], spelling: str) -> None:
    code, out, _ = run(
        capsys, "compare", "--history", EXAMPLES, "--la", "Thurrock", "--area", "overall",
        "--policy", spelling, "--format", "csv",
    )  # fmt: skip
    assert code == 0
    assert next(csv.DictReader(io.StringIO(out)))["verdict"] == "comparable with caveats"

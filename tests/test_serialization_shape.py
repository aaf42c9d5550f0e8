"""The JSON form of the minutes' records stays as it was written (tests/snapshots/minutes_json.json).

The snapshot holds what :func:`ilacs.serialization.unstructure` wrote for the council minutes'
histories, judgements, deadlines, comparisons and forecasts before serialization was rebuilt on
cattrs' hooks; regenerate it (``tests/regenerate_snapshots.py``) only for a change of form that
is meant, and list that change in the changelog.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ilacs.comparison import Comparison, InspectionComparison
from ilacs.records import History, Judgement
from ilacs.scheduling import Deadline, Forecast
from ilacs.serialization import from_json, structure, to_json, unstructure
from regenerate_snapshots import minutes_json_snapshot, render

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "minutes_json.json"

TYPES: dict[str, Any] = {
    "histories": list[History],
    "judgements": list[Judgement],
    "deadlines": list[Deadline],
    "comparison": Comparison,
    "inspection_comparison": InspectionComparison,
    "forecasts": list[Forecast],
}
"""The type of each entry of the snapshot's ``records``."""


@pytest.fixture(scope="module")
def committed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["records"]
    return data


def test_the_minutes_records_are_written_as_the_snapshot_says_in_the_same_key_order() -> None:
    assert render(minutes_json_snapshot()) == SNAPSHOT.read_text(encoding="utf-8"), (
        "regenerate with: .venv/bin/python tests/regenerate_snapshots.py"
    )


def test_the_snapshot_holds_every_kind_of_record(committed: dict[str, Any]) -> None:
    assert set(committed) == set(TYPES)
    assert all(committed[name] for name in TYPES)
    kinds = {f["kind"] for f in committed["forecasts"]}
    assert {"GRADED_INSPECTION", "FOCUSED_VISIT"} <= kinds
    reason = committed["forecasts"][0]["reasons"][0]
    assert list(reason) == ["code", "facts", "sources", "uncertain", "text"]


@pytest.mark.parametrize("name", sorted(TYPES))
def test_the_snapshot_reads_back_and_writes_the_same_data(
    committed: dict[str, Any], name: str
) -> None:
    records = structure(committed[name], TYPES[name])
    assert unstructure(records) == committed[name]
    assert from_json(to_json(records), TYPES[name]) == records

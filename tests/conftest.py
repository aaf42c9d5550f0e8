"""Shared test set-up: Hypothesis profiles and the real data of ``../shared/data``.

Profiles: ``dev`` (the default: a moderate number of examples) and ``ci`` (more examples),
chosen when the environment variable ``CI`` is set; ``HYPOTHESIS_PROFILE`` names one
explicitly. Neither has a deadline: timings on a shared machine are not a test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from ilacs.records import Inspection

settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
"""The project's real data, beside the checkout (``../shared/data``); never copied into it."""

REAL_CSV = "inspections-2013-2025.csv"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ``../shared/data`` folder; skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(
            f"real data folder not found: {SHARED_DATA} (../shared/data beside the checkout)"
        )
    return SHARED_DATA


@pytest.fixture(scope="session")
def real_inspections(shared_data: Path) -> list[Inspection]:
    """Every row of ``inspections-2013-2025.csv``, read with :func:`ilacs.tabular.read_csv`."""
    from ilacs.tabular import read_csv

    path = shared_data / REAL_CSV
    if not path.is_file():
        pytest.skip(f"real data file not found: {path}")
    return read_csv(path)

"""Shared test set-up: Hypothesis profiles, the real data of ``../shared/data`` and the minutes.

Profiles: ``dev`` (the default: a moderate number of examples) and ``ci`` (more examples),
chosen when the environment variable ``CI`` is set; ``HYPOTHESIS_PROFILE`` names one
explicitly. Neither has a deadline: timings on a shared machine are not a test.
"""

from __future__ import annotations

import os
from collections.abc import Callable
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


MINUTES = SHARED_DATA.parent / "minutes"
"""The five council minutes the catalogue quotes as seeds 000 to 004 (``../shared/minutes``)."""


def shared(path: Path) -> Path:
    """``path`` (a file or folder of ``../shared``); skips the test, worded one way, if absent."""
    if not path.exists():
        pytest.skip(f"shared file not found: {path} (../shared beside the checkout)")
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ``../shared/data`` folder; skips the test when it is absent."""
    return shared(SHARED_DATA)


@pytest.fixture(scope="session")
def real_file(shared_data: Path) -> Callable[[str], Path]:
    """A function giving a file of ``../shared/data`` by name; it skips the test when absent."""
    return lambda name: shared(shared_data / name)


@pytest.fixture(scope="session")
def minutes() -> dict[str, str]:
    """The council minutes' texts by seed number ("000" to "004"); skips when absent."""
    folder = shared(MINUTES)
    return {f.name[:3]: f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="session")
def real_inspections(real_file: Callable[[str], Path]) -> list[Inspection]:
    """Every row of ``inspections-2013-2025.csv``, read with :func:`ilacs.tabular.read_csv`."""
    from ilacs.tabular import read_csv

    return read_csv(real_file(REAL_CSV))

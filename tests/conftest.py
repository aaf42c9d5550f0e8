"""Shared test set-up: Hypothesis profiles, the real data of ``../shared/data`` and the minutes.

Profiles: ``dev`` (the default: a moderate number of examples) and ``ci`` (more examples),
chosen when the environment variable ``CI`` is set; ``HYPOTHESIS_PROFILE`` names one
explicitly. Neither has a deadline: timings on a shared machine are not a test.
"""

from __future__ import annotations

import importlib.util
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

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
"""The project's shared folder beside the checkout (``../shared``): real data and minutes."""
SHARED_DATA = SHARED / "data"
"""The project's real data, beside the checkout (``../shared/data``); never copied into it."""

REAL_CSV = "inspections-2013-2025.csv"

PLOTTING_LEFT_OUT = bool(os.environ.get("ILACS_TEST_MINIMUM")) and (
    importlib.util.find_spec("matplotlib") is None
)
"""True in the minimum-versions run, which installs no matplotlib (see the root conftest.py):
tests that draw are left out there, and fail loudly everywhere else."""


def _missing(path: Path) -> str:
    return f"shared data not found: {path} (../shared beside the checkout)"


def needs_shared(*relative: str | Path) -> pytest.MarkDecorator:
    """A mark skipping a test, in the one wording, unless every ``relative`` of ``../shared`` exists."""
    absent = [SHARED / r for r in relative if not (SHARED / r).exists()]
    return pytest.mark.skipif(bool(absent), reason=_missing(absent[0]) if absent else "")


def shared_file(relative: str | Path) -> Path:
    """The file or folder ``relative`` of ``../shared``; skips the test, in one wording, if absent.

    Every test that needs the real data or the minutes asks through this, so that a checkout
    without ``../shared`` skips them all with the same reason: what is missing and where.
    """
    path = SHARED / relative
    if not path.exists():
        pytest.skip(_missing(path))
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ``../shared/data`` folder; skips the test when it is absent."""
    return shared_file("data")


@pytest.fixture(scope="session")
def real_file(shared_data: Path) -> Callable[[str], Path]:
    """A function giving a file of ``../shared/data`` by name; it skips the test when absent."""
    return lambda name: shared_file(Path(shared_data.name, name))


@pytest.fixture(scope="session")
def minutes() -> dict[str, str]:
    """The council minutes' texts by seed number ("000" to "004"); skips when absent."""
    folder = shared_file("minutes")
    return {f.name[:3]: f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="session")
def real_inspections(real_file: Callable[[str], Path]) -> list[Inspection]:
    """Every row of ``inspections-2013-2025.csv``, read with :func:`ilacs.tabular.read_csv`."""
    from ilacs.tabular import read_csv

    return read_csv(real_file(REAL_CSV))


DOCS_NEEDING: dict[str, tuple[str, ...]] = {"analysts.md": ("pandas", "polars")}
"""The docs pages whose examples use libraries ilacs does not depend on (the ``dev`` extra)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip, saying which library to install, a docs page whose test-only dependency is absent."""
    for item in items:
        missing = [
            name
            for name in DOCS_NEEDING.get(item.path.name, ())
            if importlib.util.find_spec(name) is None
        ]
        if missing:
            reason = f"{', '.join(missing)}: test-only dependencies, pip install -e '.[dev]'"
            item.add_marker(pytest.mark.skip(reason=reason))

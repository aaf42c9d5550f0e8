"""Collection for the whole suite: the run with the lowest dependency versions leaves out plotting.

``make min-test`` pins python-dateutil to its lowest allowed version, which matplotlib (the
optional extra ``plot``) does not accept, so that run installs no matplotlib
(``ILACS_TEST_MINIMUM`` is set): the modules, pages and tests that draw are not collected
there, whether ``ilacs`` is the checkout or the installed wheel. Everywhere else matplotlib is
required, and a missing one fails loudly.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

_DRAWING = {
    ("ilacs", "plot"),  # the package: its directory
    ("ilacs", "report.py"),
    ("docs", "generate_pictures.py"),
    ("docs", "pictures.md"),
    ("tests", "test_plot.py"),
    ("tests", "test_report.py"),
    ("tests", "test_report_browser.py"),
    ("tests", "test_cli_pictures.py"),
}
_WITHOUT_PLOTTING = bool(os.environ.get("ILACS_TEST_MINIMUM")) and (
    importlib.util.find_spec("matplotlib") is None
)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave out what draws in the minimum-versions run; decide nothing otherwise."""
    if _WITHOUT_PLOTTING and (collection_path.parent.name, collection_path.name) in _DRAWING:
        return True
    return None

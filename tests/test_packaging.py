"""Packaging: one version, the Pythons tested are the Pythons classified, and the wheel is whole.

``make wheel-test`` and ``make min-test`` run the suite against the built wheel installed in a
fresh virtualenv (``.ci/installed-suite``), with ``ILACS_TEST_INSTALLED`` set, and for the lowest
dependency versions also ``ILACS_TEST_MINIMUM``; the tests below that need them skip otherwise.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import runpy
import tomllib
from pathlib import Path, PurePosixPath

import pytest

import ilacs

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
INSTALLED = bool(os.environ.get("ILACS_TEST_INSTALLED"))
MINIMUM = bool(os.environ.get("ILACS_TEST_MINIMUM"))


def makefile_list(name: str) -> list[str]:
    found = re.search(rf"^{name} \?= (.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert found is not None, f"Makefile sets no {name}"
    return found[1].split()


def test_the_version_is_written_once_in_the_package() -> None:
    project = PYPROJECT["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/ilacs/__init__.py"
    assert importlib.metadata.version("ilacs") == ilacs.__version__
    conf = runpy.run_path(str(ROOT / "docs" / "conf.py"))
    assert conf["release"] == ilacs.__version__


def test_the_classifiers_list_exactly_the_pythons_ci_tests() -> None:
    tested = makefile_list("PYTHONS")
    prefix = "Programming Language :: Python :: 3."
    classified = [
        c.removeprefix("Programming Language :: Python :: ")
        for c in PYPROJECT["project"]["classifiers"]
        if c.startswith(prefix)
    ]
    assert classified == tested
    assert PYPROJECT["project"]["requires-python"] == f">={tested[0]}"
    assert set(makefile_list("MIN_PYTHONS")) <= set(tested)
    assert makefile_list("MIN_PYTHONS")[0] == tested[0]


def test_every_runtime_dependency_has_a_lower_bound() -> None:
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert re.fullmatch(r"[A-Za-z0-9._-]+>=[0-9][0-9.]*", requirement), requirement


@pytest.mark.skipif(not INSTALLED, reason="runs against the installed wheel (make wheel-test)")
def test_the_suite_runs_against_the_installed_wheel_not_the_checkout() -> None:
    where = Path(ilacs.__file__).resolve()
    assert not where.is_relative_to(ROOT / "src"), where
    assert "site-packages" in where.parts


@pytest.mark.skipif(not INSTALLED, reason="runs against the installed wheel (make wheel-test)")
def test_the_wheel_holds_every_file_of_the_package() -> None:
    source = ROOT / "src" / "ilacs"
    expected = {
        PurePosixPath("ilacs", *path.relative_to(source).parts)
        for path in source.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    files = importlib.metadata.files("ilacs") or []
    shipped = {PurePosixPath(str(f)) for f in files if str(f).startswith("ilacs/")}
    shipped = {f for f in shipped if "__pycache__" not in f.parts}
    assert PurePosixPath("ilacs/py.typed") in expected
    assert shipped == expected


@pytest.mark.skipif(not INSTALLED, reason="runs against the installed wheel (make wheel-test)")
def test_the_wheel_metadata_carries_the_licence_and_the_pythons() -> None:
    metadata = importlib.metadata.metadata("ilacs")
    assert metadata["License-Expression"] == PYPROJECT["project"]["license"] == "MIT"
    assert "LICENSE" in metadata.get_all("License-File", [])
    assert metadata["Requires-Python"] == PYPROJECT["project"]["requires-python"]
    assert metadata["Version"] == ilacs.__version__


@pytest.mark.skipif(not MINIMUM, reason="runs with the lowest versions allowed (make min-test)")
def test_the_lowest_versions_allowed_are_the_ones_installed() -> None:
    from packaging.version import Version

    for requirement in PYPROJECT["project"]["dependencies"]:
        name, lowest = requirement.split(">=")
        assert Version(importlib.metadata.version(name)) == Version(lowest), name

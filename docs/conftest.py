"""Doctests of the docs pages: a page that needs a test-only dependency skips without it."""

from __future__ import annotations

import pytest

NEEDS: dict[str, tuple[str, ...]] = {"analysts.md": ("pandas", "polars")}
"""The pages whose examples use libraries ilacs does not depend on (the ``dev`` extra)."""


@pytest.fixture(autouse=True)
def _test_only_dependencies(request: pytest.FixtureRequest) -> None:
    for name in NEEDS.get(request.node.path.name, ()):
        pytest.importorskip(
            name, reason=f"{name} is a test-only dependency: pip install -e '.[dev]'"
        )

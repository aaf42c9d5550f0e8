"""What the benchmarks share: the best of several timed runs of a piece of work.

Imported by the benchmarks as ``_common`` (run as scripts, their folder is on ``sys.path``);
``make bench`` runs every ``benchmarks/*.py`` but this one.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

_T = TypeVar("_T")


class Best(NamedTuple, Generic[_T]):
    """The fastest run: its wall-clock and CPU seconds, and what the work returned."""

    wall: float
    cpu: float
    result: _T


def cpu() -> float:
    """CPU seconds used so far by this process and the children it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs: int, work: Callable[..., _T], *args: object) -> Best[_T]:
    """The fastest of ``runs`` calls of ``work(*args)`` (``runs`` at least 1)."""
    best: Best[_T] | None = None
    for _ in range(runs):
        used = cpu()
        started = time.perf_counter()
        result = work(*args)
        wall = time.perf_counter() - started
        spent = cpu() - used
        if best is None or wall < best.wall:
            best = Best(wall, spent, result)
    if best is None:
        raise ValueError(f"runs: got {runs}; expected at least 1")
    return best

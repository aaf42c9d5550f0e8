"""Names a package loads on first use (PEP 562), written once: :func:`attach`.

A package lists its public names once, each with the module that defines it, and its
namespaces (subpackages loaded on first use too)::

    __getattr__, __dir__, __all__ = attach(
        __name__, {"next_inspection": "ilacs.scheduling.graded"}, namespaces=("scheduling",)
    )

``import ilacs`` then costs next to nothing, and a tool pays only for the parts it touches. For
type checkers, ``tools/public_names.py`` writes the package's stub (``__init__.pyi``) from the
same table, and a test checks that the stub and the table agree.
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["attach"]


def attach(
    package: str, names: Mapping[str, str], *, namespaces: tuple[str, ...] = ()
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``.

    Args:
        package: the package's ``__name__``.
        names: its public names, each mapped to the module that defines it; they are its
            ``__all__``.
        namespaces: its subpackages and modules that ``package.name`` loads too (not in
            ``__all__``: ``from package import *`` brings names, not modules).
    """

    def __getattr__(name: str) -> object:
        where = names.get(name)
        if where is not None:
            value = getattr(importlib.import_module(where), name)
        elif name in namespaces:
            value = importlib.import_module(f"{package}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)  # the next look-up is an attribute
        return value

    def __dir__() -> list[str]:
        return sorted({*names, *namespaces, *vars(sys.modules[package])})

    return __getattr__, __dir__, sorted(names)

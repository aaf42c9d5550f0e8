"""Write the type checkers' view of the lazily loaded packages: each ``__init__.pyi``.

``ilacs``, ``ilacs.catalogue`` and ``ilacs.scheduling`` list their public names once, in a table
``_PUBLIC`` (name -> defining module) that :func:`ilacs._lazy.attach` loads from on first use.
Type checkers cannot follow that, so each package ships a stub written from the same table;
``tests/test_docs.py`` checks the stubs are current.

    .venv/bin/python tools/public_names.py          # write the stubs
    .venv/bin/python tools/public_names.py --check  # exit 1 if one is out of date
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGES = ("ilacs", "ilacs.catalogue", "ilacs.scheduling")

HEADER = '''"""The names of :mod:`{package}` for type checkers (it loads them on first use).

Written by tools/public_names.py from ``_PUBLIC`` in ``__init__.py``: do not edit.
"""

'''


def stub_path(package: str) -> Path:
    """Where ``package``'s stub lives."""
    return SRC.joinpath(*package.split("."), "__init__.pyi")


def render_stub(package: str) -> str:
    """The stub of ``package``, from its table of public names and namespaces."""
    module = importlib.import_module(package)
    table: dict[str, str] = module._PUBLIC
    namespaces: tuple[str, ...] = getattr(module, "_NAMESPACES", ())
    lines = [HEADER.format(package=package)]
    for name in namespaces:
        lines.append(f"from {package} import {name} as {name}\n")
    for where, name in sorted((where, name) for name, where in table.items()):
        lines.append(f"from {where} import {name} as {name}\n")
    if hasattr(module, "__version__"):
        lines.append("\n__version__: str\n")
    entries = "".join(f'    "{name}",\n' for name in sorted(table))
    lines.append(f"\n__all__ = [\n{entries}]\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write the stubs, or with ``--check`` say which is out of date (exit 1)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the stubs are current")
    args = parser.parse_args(argv)
    stale = []
    for package in PACKAGES:
        path, text = stub_path(package), render_stub(package)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(SRC.parent)))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(SRC.parent)}")
    if stale:
        print("out of date (run tools/public_names.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

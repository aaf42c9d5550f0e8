"""Sphinx configuration for the ilacs documentation (built offline: `make docs`)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import ilacs  # the version is written once, in src/ilacs/__init__.py

project = "ilacs"
author = "The ilacs developers"
copyright = "2026, The ilacs developers"
release = ilacs.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_generated", "*.py"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
html_theme = "furo"
html_title = f"ilacs {release}"
html_static_path: list[str] = []
suppress_warnings = ["myst.xref_missing"]

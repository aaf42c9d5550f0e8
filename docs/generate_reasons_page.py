"""Write docs/reasons.md from the templates of ilacs.words (a test checks the page is current).

Run: .venv/bin/python docs/generate_reasons_page.py
"""

from __future__ import annotations

from pathlib import Path

from ilacs.catalogue.cadence import CYCLE, SIF_CYCLE
from ilacs.catalogue.comparability import COMPARABILITY_RULES
from ilacs.catalogue.duties import DUTIES
from ilacs.catalogue.inspection_types import ROUTES
from ilacs.words import TEMPLATES

PAGE = Path(__file__).with_name("reasons.md")

INTRO = """\
# Reason codes

Every reason the library gives has a stable code, for tools, and facts, the values it rests on;
its sentence is made from the facts by `ilacs.words` when it is read (`Reason.text`). This page
lists every code, generated from `ilacs.words.TEMPLATES`; a code ending in `*` stands for the
catalogue rules listed under it. Do not edit it by hand: `docs/generate_reasons_page.py` writes it.
"""

FAMILIES: dict[str, tuple[str, ...]] = {
    "route.*": tuple(r.code for r in ROUTES),
    "cycle.*": (CYCLE.code, SIF_CYCLE.code),
    "duty.*": tuple(d.code for d in DUTIES),
    "comparability.*": tuple(r.code for r in COMPARABILITY_RULES),
}
"""The codes each family of templates words, from the catalogue."""


def render_page() -> str:
    """The page's text."""
    lines = [INTRO, "| code | when |", "| --- | --- |"]
    for key, template in TEMPLATES.items():
        about = (template.__doc__ or "").strip().splitlines()[0]
        lines.append(f"| `{key}` | {about} |")
        lines += [f"| &nbsp;&nbsp;`{code}` | |" for code in FAMILIES.get(key, ())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    PAGE.write_text(render_page(), encoding="utf-8")
    print(f"wrote {PAGE}")

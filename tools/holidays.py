"""Write the working-day calendar's table of weekday holidays from its rules.

``ilacs.workdays`` reads the weekday holidays of 1971 to 2100 from ``holidays.txt`` (one ISO
date a line) instead of working them out on first use; this writes the file from the rules
(:func:`ilacs.workdays.weekday_holidays`), and ``tests/test_workdays_layout.py`` checks it.

    .venv/bin/python tools/holidays.py          # write the file
    .venv/bin/python tools/holidays.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ilacs.workdays import HOLIDAYS_FILE, weekday_holidays


def render() -> str:
    """The file's text: each weekday holiday, one ISO date a line."""
    return "".join(f"{day.isoformat()}\n" for day in weekday_holidays())


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` say whether it is current (exit 1 if not)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the file is current")
    args = parser.parse_args(argv)
    path = Path(HOLIDAYS_FILE)
    if args.check:
        if path.read_text(encoding="utf-8") != render():
            print(f"out of date: {path} (run tools/holidays.py)", file=sys.stderr)
            return 1
        return 0
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pictures of inspections: an LA's timeline and the national "who is next" chart.

Needs matplotlib, the optional extra ``plot``: ``pip install 'ilacs[plot]'``. ``import ilacs``
never loads it; importing this module without it raises an :class:`ImportError` that says which
extra to install.

- :func:`timeline`: one LA's inspections and visits on a date axis, each graded judgement
  coloured by grade, the framework eras and national pauses shaded and labelled, the next
  graded inspection's window as a band with its expected day, and the ``as_of`` line;
- :func:`national`: one row per LA, its window as a bar with the expected day marked, ordered
  by expected day; overdue LAs hatched, short and standard inspections in two colours;
- :func:`key`: the legend of many compact timelines, drawn once for a page;
- :func:`save` and :func:`render`: a figure as ``.svg``, ``.png`` or ``.pdf``, the same bytes
  for the same figure (no time stamp), with the figure's text kept as text in SVG.

The functions return a :class:`matplotlib.figure.Figure` on the Agg canvas, made without
pyplot: nothing global changes, and a figure is freed once it is no longer referenced. Colours
are Okabe and Ito's palette for colour-blind readers; each grade's cell also carries its
initials (O, G, RI, A, I) and each type of event its own mark, so that a grey print reads too.

>>> import datetime as dt
>>> from ilacs.records import History, Inspection
>>> thurrock = History.of([
...     Inspection("E06000034", "Thurrock", "standard", start=dt.date(2019, 11, 11),
...                end=dt.date(2019, 11, 22), judgements={"overall": "Good"}),
... ])
>>> figure = timeline(thurrock, as_of=dt.date(2024, 3, 31))
>>> [t.get_text() for t in figure.legends[0].get_texts()][:3]
['Good (G)', 'ILACS standard inspection', 'forecast window: ILACS short inspection']
"""

from __future__ import annotations

try:
    import matplotlib  # noqa: F401  (only to say which extra to install when it is missing)
except ImportError as _missing:
    raise ImportError(
        "ilacs.plot draws with matplotlib, which is not installed: "
        "pip install 'ilacs[plot]' (the optional extra 'plot')"
    ) from _missing

from typing import Final

from ilacs.plot import _drawing
from ilacs.plot._drawing import eras, render, save, svg_markup
from ilacs.plot._national import national
from ilacs.plot._timeline import _timeline_svgs as _timeline_svgs  # ilacs.report's page
from ilacs.plot._timeline import key, timeline

__all__ = [
    "FORMATS",
    "GRADE_COLOURS",
    "TYPE_COLOURS",
    "eras",
    "key",
    "national",
    "render",
    "save",
    "svg_markup",
    "timeline",
]

GRADE_COLOURS: Final = _drawing.GRADE_COLOURS
"""The colour of each grade in :func:`timeline` (Okabe and Ito's palette)."""

TYPE_COLOURS: Final = _drawing.TYPE_COLOURS
"""The colour of a forecast window by the type of inspection expected; other types are grey."""

FORMATS: Final = _drawing.FORMATS
"""The file formats :func:`save` writes, by the file's suffix."""

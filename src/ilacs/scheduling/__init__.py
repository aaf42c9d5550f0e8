"""Scheduling: when the next inspection or visit is expected, and what is due after one.

- :func:`next_inspection`: the next graded inspection's type and window, with reasons;
  :func:`next_inspections`: the same for every LA of a national history;
- :func:`focused_visits` and :func:`monitoring_visits`: the visits expected before it;
- :func:`deadlines`: the duties after an inspection, in England and Wales working days;
- :class:`SchedulingRules` / :data:`DEFAULT_RULES`: the written rules, overridable;
- :class:`Calibration`: observed practice forecasts follow (:func:`shipped`, or learnt with
  :func:`ilacs.fitting.calibrate`; :func:`written_only` for the written rules alone).
"""

from __future__ import annotations

from ilacs._lazy import attach

# Each public name, once, with its module (tools/public_names.py writes __init__.pyi from it).
_PUBLIC: dict[str, str] = {
    "next_inspection": "ilacs.scheduling.graded",
    "next_inspections": "ilacs.scheduling.graded",
    "NationalForecasts": "ilacs.scheduling.graded",
    "LeftOut": "ilacs.scheduling.graded",
    "focused_visits": "ilacs.scheduling.visits",
    "monitoring_visits": "ilacs.scheduling.visits",
    "deadlines": "ilacs.scheduling.due",
    "Forecast": "ilacs.scheduling.records",
    "ForecastKind": "ilacs.scheduling.records",
    "Practice": "ilacs.scheduling.records",
    "Deadline": "ilacs.scheduling.records",
    "Window": "ilacs.scheduling.records",
    "SchedulingRules": "ilacs.scheduling.rules",
    "DEFAULT_RULES": "ilacs.scheduling.rules",
    "Calibration": "ilacs.scheduling.calibration",
    "RouteGroup": "ilacs.scheduling.calibration",
    "Stage": "ilacs.scheduling.calibration",
    "shipped": "ilacs.scheduling.calibration",
    "written_only": "ilacs.scheduling.calibration",
}
__getattr__, __dir__, __all__ = attach(__name__, _PUBLIC)

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

from ilacs.scheduling.calibration import Calibration, RouteGroup, Stage, shipped, written_only
from ilacs.scheduling.deadlines import deadlines
from ilacs.scheduling.graded import LeftOut, NationalForecasts, next_inspection, next_inspections
from ilacs.scheduling.records import Deadline, Forecast, ForecastKind, Practice, Window
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.visits import focused_visits, monitoring_visits

__all__ = [
    "DEFAULT_RULES",
    "Calibration",
    "Deadline",
    "Forecast",
    "ForecastKind",
    "LeftOut",
    "NationalForecasts",
    "Practice",
    "RouteGroup",
    "SchedulingRules",
    "Stage",
    "Window",
    "deadlines",
    "focused_visits",
    "monitoring_visits",
    "next_inspection",
    "next_inspections",
    "shipped",
    "written_only",
]

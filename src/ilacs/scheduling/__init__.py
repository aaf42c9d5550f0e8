"""Scheduling: when the next inspection or visit is expected, and what is due after one.

- :func:`next_inspection`: the next graded inspection's type and window, with reasons;
- :func:`focused_visits` and :func:`monitoring_visits`: the visits expected before it;
- :func:`deadlines`: the duties after an inspection, in England and Wales working days;
- :class:`SchedulingRules` / :data:`DEFAULT_RULES`: every rule and the calibration, overridable;
- :func:`calibrate`: recompute the empirical calibration from inspections up to a cut-off.
"""

from __future__ import annotations

from ilacs.scheduling.calibrate import calibrate
from ilacs.scheduling.deadlines import deadlines
from ilacs.scheduling.graded import next_inspection
from ilacs.scheduling.records import Deadline, Forecast, ForecastKind, Window
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.visits import focused_visits, monitoring_visits

__all__ = [
    "DEFAULT_RULES",
    "Deadline",
    "Forecast",
    "ForecastKind",
    "SchedulingRules",
    "Window",
    "calibrate",
    "deadlines",
    "focused_visits",
    "monitoring_visits",
    "next_inspection",
]

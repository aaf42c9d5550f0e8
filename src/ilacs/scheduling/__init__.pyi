"""The names of :mod:`ilacs.scheduling` for type checkers (it loads them on first use).

Written by tools/public_names.py from ``_PUBLIC`` in ``__init__.py``: do not edit.
"""

from ilacs.scheduling.calibration import Calibration as Calibration
from ilacs.scheduling.calibration import RouteGroup as RouteGroup
from ilacs.scheduling.calibration import Stage as Stage
from ilacs.scheduling.calibration import shipped as shipped
from ilacs.scheduling.calibration import written_only as written_only
from ilacs.scheduling.due import deadlines as deadlines
from ilacs.scheduling.graded import LeftOut as LeftOut
from ilacs.scheduling.graded import NationalForecasts as NationalForecasts
from ilacs.scheduling.graded import next_inspection as next_inspection
from ilacs.scheduling.graded import next_inspections as next_inspections
from ilacs.scheduling.records import Deadline as Deadline
from ilacs.scheduling.records import Forecast as Forecast
from ilacs.scheduling.records import ForecastKind as ForecastKind
from ilacs.scheduling.records import Practice as Practice
from ilacs.scheduling.records import Window as Window
from ilacs.scheduling.rules import DEFAULT_RULES as DEFAULT_RULES
from ilacs.scheduling.rules import SchedulingRules as SchedulingRules
from ilacs.scheduling.visits import focused_visits as focused_visits
from ilacs.scheduling.visits import monitoring_visits as monitoring_visits

__all__ = [
    "Calibration",
    "DEFAULT_RULES",
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

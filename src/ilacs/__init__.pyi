"""The names of :mod:`ilacs` for type checkers (it loads them on first use).

Written by tools/public_names.py from ``_PUBLIC`` in ``__init__.py``: do not edit.
"""

from ilacs import catalogue as catalogue
from ilacs import comparison as comparison
from ilacs import errors as errors
from ilacs import fitting as fitting
from ilacs import ofsted as ofsted
from ilacs import plot as plot
from ilacs import reading as reading
from ilacs import records as records
from ilacs import report as report
from ilacs import scheduling as scheduling
from ilacs import serialization as serialization
from ilacs import sources as sources
from ilacs import tabular as tabular
from ilacs import tidy as tidy
from ilacs import workdays as workdays
from ilacs.catalogue.comparability import Verdict as Verdict
from ilacs.catalogue.frameworks import Framework as Framework
from ilacs.catalogue.frameworks import FrameworkVersion as FrameworkVersion
from ilacs.catalogue.frameworks import JudgementArea as JudgementArea
from ilacs.catalogue.frameworks import framework_version_on as framework_version_on
from ilacs.catalogue.grades import Grade as Grade
from ilacs.catalogue.inspection_types import InspectionType as InspectionType
from ilacs.catalogue.plans import inspection_plan as inspection_plan
from ilacs.comparison import compare as compare
from ilacs.comparison import compare_inspections as compare_inspections
from ilacs.errors import IlacsError as IlacsError
from ilacs.errors import ParseError as ParseError
from ilacs.fitting.calibrate import calibrate as calibrate
from ilacs.ofsted import read_ofsted as read_ofsted
from ilacs.records import Inspection as Inspection
from ilacs.records import Judgement as Judgement
from ilacs.scheduling.due import deadlines as deadlines
from ilacs.scheduling.graded import next_inspection as next_inspection
from ilacs.scheduling.graded import next_inspections as next_inspections
from ilacs.scheduling.visits import focused_visits as focused_visits
from ilacs.scheduling.visits import monitoring_visits as monitoring_visits
from ilacs.serialization import from_json as from_json
from ilacs.serialization import to_json as to_json
from ilacs.tabular import read_csv as read_csv
from ilacs.tidy import to_rows as to_rows
from ilacs.workdays import add_working_days as add_working_days
from ilacs.workdays import bank_holidays as bank_holidays
from ilacs.workdays import is_working_day as is_working_day
from ilacs.workdays import working_days_between as working_days_between

__version__: str

__all__ = [
    "Framework",
    "FrameworkVersion",
    "Grade",
    "IlacsError",
    "Inspection",
    "InspectionType",
    "Judgement",
    "JudgementArea",
    "ParseError",
    "Verdict",
    "add_working_days",
    "bank_holidays",
    "calibrate",
    "compare",
    "compare_inspections",
    "deadlines",
    "focused_visits",
    "framework_version_on",
    "from_json",
    "inspection_plan",
    "is_working_day",
    "monitoring_visits",
    "next_inspection",
    "next_inspections",
    "read_csv",
    "read_ofsted",
    "to_json",
    "to_rows",
    "working_days_between",
]

"""ilacs: the rules of Ofsted's inspections of English local authority children's services.

The rule catalogue (frameworks, versions, grades, inspection types, cadence, duties) is data
with its sources; functions compute schedules in England and Wales working days and decide
whether two judgements can be compared. Everything listed in ``__all__`` is public and stable.

``import ilacs`` is cheap: each part (the catalogue, records, working days, scheduling,
comparison, files, JSON through cattrs, the command line) loads the first time one of its names
is used.

>>> import datetime as dt
>>> import ilacs
>>> ilacs.framework_version_on(dt.date(2023, 3, 6)).name
'ILACS 2023'
>>> ilacs.Grade.parse("Requires improvement to be good") < ilacs.Grade.GOOD
True
"""

from __future__ import annotations

import importlib

# Not `from typing import TYPE_CHECKING`: importing typing would double the cost of `import
# ilacs`. Type checkers treat any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ilacs.catalogue.comparability import Verdict
    from ilacs.catalogue.frameworks import (
        AreaSpec,
        Framework,
        FrameworkVersion,
        JudgementArea,
        framework_version_on,
        version_named,
    )
    from ilacs.catalogue.grades import Grade, LegacyGrade
    from ilacs.catalogue.inspection_types import InspectionType, Outcome
    from ilacs.catalogue.listing import all_rules
    from ilacs.catalogue.plans import InspectionPlan, inspection_plan
    from ilacs.catalogue.regions import Region, region_of
    from ilacs.catalogue.rule import Rule
    from ilacs.comparison import (
        ChangeDirection,
        Comparison,
        GradeChange,
        InspectionComparison,
        NotComparableError,
        Policy,
        Unmatched,
        compare,
        compare_area,
        compare_inspections,
        grade_change,
        judgement_of,
    )
    from ilacs.errors import (
        FileFormatError,
        IlacsError,
        NotJudgedError,
        OutOfRangeError,
        ParseError,
        ValidationError,
    )
    from ilacs.fitting.calibrate import calibrate
    from ilacs.ofsted import read_ofsted
    from ilacs.records import History, Inspection, Judgement, Judgements, histories
    from ilacs.scheduling import (
        DEFAULT_RULES,
        Calibration,
        Deadline,
        Forecast,
        ForecastKind,
        NationalForecasts,
        Practice,
        SchedulingRules,
        Window,
        focused_visits,
        monitoring_visits,
        next_inspection,
        next_inspections,
    )
    from ilacs.scheduling.deadlines import deadlines
    from ilacs.serialization import from_json, structure, to_json, unstructure
    from ilacs.sources import Certainty, Evidence, Reason, Source
    from ilacs.tabular import Problem, ReadResult, read_csv, write_csv
    from ilacs.tidy import to_rows
    from ilacs.workdays import (
        BankHoliday,
        add_working_days,
        bank_holiday_calendar,
        bank_holidays,
        is_working_day,
        working_days_between,
    )

__version__ = "0.1.0.dev0"

# Every public name is loaded on first use (PEP 562), so that `import ilacs` costs next to
# nothing and a tool pays only for the parts it touches: name -> module that defines it.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        [
            "AreaSpec",
            "Framework",
            "FrameworkVersion",
            "JudgementArea",
            "framework_version_on",
            "version_named",
        ],
        "ilacs.catalogue.frameworks",
    ),
    **dict.fromkeys(["Grade", "LegacyGrade"], "ilacs.catalogue.grades"),
    **dict.fromkeys(["InspectionType", "Outcome"], "ilacs.catalogue.inspection_types"),
    "all_rules": "ilacs.catalogue.listing",
    **dict.fromkeys(["InspectionPlan", "inspection_plan"], "ilacs.catalogue.plans"),
    "Rule": "ilacs.catalogue.rule",
    **dict.fromkeys(
        [
            "FileFormatError",
            "IlacsError",
            "NotJudgedError",
            "OutOfRangeError",
            "ParseError",
            "ValidationError",
        ],
        "ilacs.errors",
    ),
    **dict.fromkeys(
        ["History", "Inspection", "Judgement", "Judgements", "histories"], "ilacs.records"
    ),
    **dict.fromkeys(["Certainty", "Evidence", "Reason", "Source"], "ilacs.sources"),
    "Verdict": "ilacs.catalogue.comparability",
    **dict.fromkeys(["Region", "region_of"], "ilacs.catalogue.regions"),
    **dict.fromkeys(
        [
            "ChangeDirection",
            "Comparison",
            "GradeChange",
            "InspectionComparison",
            "NotComparableError",
            "Policy",
            "Unmatched",
            "compare",
            "compare_area",
            "compare_inspections",
            "grade_change",
            "judgement_of",
        ],
        "ilacs.comparison",
    ),
    **dict.fromkeys(
        [
            "DEFAULT_RULES",
            "Calibration",
            "Deadline",
            "Forecast",
            "ForecastKind",
            "NationalForecasts",
            "Practice",
            "SchedulingRules",
            "Window",
            "deadlines",
            "focused_visits",
            "monitoring_visits",
            "next_inspection",
            "next_inspections",
        ],
        "ilacs.scheduling",
    ),
    "calibrate": "ilacs.fitting",
    "read_ofsted": "ilacs.ofsted",
    **dict.fromkeys(["from_json", "structure", "to_json", "unstructure"], "ilacs.serialization"),
    **dict.fromkeys(["Problem", "ReadResult", "read_csv", "write_csv"], "ilacs.tabular"),
    "to_rows": "ilacs.tidy",
    **dict.fromkeys(
        [
            "BankHoliday",
            "add_working_days",
            "bank_holiday_calendar",
            "bank_holidays",
            "is_working_day",
            "working_days_between",
        ],
        "ilacs.workdays",
    ),
}

__all__ = [
    "DEFAULT_RULES",
    "AreaSpec",
    "BankHoliday",
    "Calibration",
    "Certainty",
    "ChangeDirection",
    "Comparison",
    "Deadline",
    "Evidence",
    "FileFormatError",
    "Forecast",
    "ForecastKind",
    "Framework",
    "FrameworkVersion",
    "Grade",
    "GradeChange",
    "History",
    "IlacsError",
    "Inspection",
    "InspectionComparison",
    "InspectionPlan",
    "InspectionType",
    "Judgement",
    "JudgementArea",
    "Judgements",
    "LegacyGrade",
    "NationalForecasts",
    "NotComparableError",
    "NotJudgedError",
    "OutOfRangeError",
    "Outcome",
    "ParseError",
    "Policy",
    "Practice",
    "Problem",
    "ReadResult",
    "Reason",
    "Region",
    "Rule",
    "SchedulingRules",
    "Source",
    "Unmatched",
    "ValidationError",
    "Verdict",
    "Window",
    "__version__",
    "add_working_days",
    "all_rules",
    "bank_holiday_calendar",
    "bank_holidays",
    "calibrate",
    "compare",
    "compare_area",
    "compare_inspections",
    "deadlines",
    "focused_visits",
    "framework_version_on",
    "from_json",
    "grade_change",
    "histories",
    "inspection_plan",
    "is_working_day",
    "judgement_of",
    "monitoring_visits",
    "next_inspection",
    "next_inspections",
    "read_csv",
    "read_ofsted",
    "region_of",
    "structure",
    "to_json",
    "to_rows",
    "unstructure",
    "version_named",
    "working_days_between",
    "write_csv",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ilacs' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(globals()))

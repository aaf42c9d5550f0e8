"""ilacs: the rules of Ofsted's inspections of English local authority children's services.

The rule catalogue (frameworks, versions, grades, inspection types, cadence, duties) is data
with its sources; functions compute schedules in England and Wales working days and decide
whether two judgements can be compared. Everything listed in ``__all__`` is public and stable.

``import ilacs`` is cheap: the catalogue loads with the package; scheduling, comparison, files,
JSON (cattrs) and the command line load the first time one of their names is used.

>>> import datetime as dt
>>> import ilacs
>>> ilacs.framework_version_on(dt.date(2023, 3, 6)).name
'ILACS 2023'
>>> ilacs.Grade.parse("Requires improvement to be good") < ilacs.Grade.GOOD
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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
from ilacs.catalogue.listing import InspectionPlan, RuleEntry, all_rules, inspection_plan
from ilacs.errors import (
    FileFormatError,
    IlacsError,
    NotJudgedError,
    OutOfRangeError,
    ParseError,
    ValidationError,
)
from ilacs.records import History, Inspection, Judgement, Judgements, histories
from ilacs.sources import Certainty, Evidence, Reason, Source

if TYPE_CHECKING:
    from ilacs.workdays import (
        BankHoliday,
        add_working_days,
        bank_holiday_calendar,
        bank_holidays,
        is_working_day,
        working_days_between,
    )

__version__ = "0.1.0.dev0"

# Names loaded on first use: name -> module.
_LAZY: dict[str, str] = {
    "BankHoliday": "ilacs.workdays",
    "add_working_days": "ilacs.workdays",
    "bank_holiday_calendar": "ilacs.workdays",
    "bank_holidays": "ilacs.workdays",
    "is_working_day": "ilacs.workdays",
    "working_days_between": "ilacs.workdays",
}

__all__ = [
    "AreaSpec",
    "BankHoliday",
    "Certainty",
    "Evidence",
    "FileFormatError",
    "Framework",
    "FrameworkVersion",
    "Grade",
    "History",
    "IlacsError",
    "Inspection",
    "InspectionPlan",
    "InspectionType",
    "Judgement",
    "JudgementArea",
    "Judgements",
    "LegacyGrade",
    "NotJudgedError",
    "OutOfRangeError",
    "Outcome",
    "ParseError",
    "Reason",
    "RuleEntry",
    "Source",
    "ValidationError",
    "__version__",
    "add_working_days",
    "all_rules",
    "bank_holiday_calendar",
    "bank_holidays",
    "framework_version_on",
    "histories",
    "inspection_plan",
    "is_working_day",
    "version_named",
    "working_days_between",
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

"""ilacs: the rules of Ofsted's inspections of English local authority children's services.

The rule catalogue (frameworks, versions, grades, inspection types, cadence, duties) is data
with its sources; functions compute schedules in England and Wales working days and decide
whether two judgements can be compared.

The front door holds the names most callers need (below); everything else lives in a
namespace: :mod:`ilacs.catalogue` (the rules as data), :mod:`ilacs.scheduling` (forecasts,
deadlines, the rules and calibration they apply), :mod:`ilacs.comparison`, :mod:`ilacs.records`,
:mod:`ilacs.reading` (lenient reading), :mod:`ilacs.tabular` and :mod:`ilacs.ofsted` (the
readers), :mod:`ilacs.workdays`, :mod:`ilacs.fitting`,
:mod:`ilacs.errors`, :mod:`ilacs.sources`, :mod:`ilacs.serialization`, :mod:`ilacs.tidy`,
:mod:`ilacs.plot` and :mod:`ilacs.report` (the extra ``plot``). ``import ilacs`` is cheap: each
name and namespace loads the first time it is used.

>>> import datetime as dt
>>> import ilacs
>>> ilacs.framework_version_on(dt.date(2023, 3, 6)).name
'ILACS 2023'
>>> ilacs.Grade.parse("Requires improvement to be good") < ilacs.Grade.GOOD
True
>>> ilacs.scheduling.DEFAULT_RULES.cycle.years
3
"""

from __future__ import annotations

from ilacs._lazy import attach

__version__ = "0.1.0.dev0"

# The front door: each public name, once, with the module that defines it. The type checkers'
# view (__init__.pyi) is written from this table by tools/public_names.py; tests/test_docs.py
# checks it, docs/api.md and the public contract against this table.
_PUBLIC: dict[str, str] = {
    # grades and frameworks
    "Grade": "ilacs.catalogue.grades",
    "Framework": "ilacs.catalogue.frameworks",
    "FrameworkVersion": "ilacs.catalogue.frameworks",
    "framework_version_on": "ilacs.catalogue.frameworks",
    "JudgementArea": "ilacs.catalogue.frameworks",
    "InspectionType": "ilacs.catalogue.inspection_types",
    # records and files
    "Inspection": "ilacs.records",
    "Judgement": "ilacs.records",
    "read_csv": "ilacs.tabular",
    "read_ofsted": "ilacs.ofsted",
    "to_json": "ilacs.serialization",
    "from_json": "ilacs.serialization",
    "to_rows": "ilacs.tidy",
    # scheduling
    "next_inspection": "ilacs.scheduling.graded",
    "next_inspections": "ilacs.scheduling.graded",
    "inspection_plan": "ilacs.catalogue.plans",
    "focused_visits": "ilacs.scheduling.visits",
    "monitoring_visits": "ilacs.scheduling.visits",
    "deadlines": "ilacs.scheduling.due",
    "calibrate": "ilacs.fitting.calibrate",
    "is_working_day": "ilacs.workdays",
    "add_working_days": "ilacs.workdays",
    "working_days_between": "ilacs.workdays",
    "bank_holidays": "ilacs.workdays",
    # comparison
    "compare": "ilacs.comparison",
    "compare_inspections": "ilacs.comparison",
    "Verdict": "ilacs.catalogue.comparability",
    # errors (every other one is in ilacs.errors)
    "IlacsError": "ilacs.errors",
    "ParseError": "ilacs.errors",
}

_NAMESPACES = (
    "catalogue",
    "comparison",
    "errors",
    "fitting",
    "ofsted",
    "plot",
    "reading",
    "records",
    "report",
    "scheduling",
    "serialization",
    "sources",
    "tabular",
    "tidy",
    "workdays",
)

__getattr__, __dir__, __all__ = attach(__name__, _PUBLIC, namespaces=_NAMESPACES)

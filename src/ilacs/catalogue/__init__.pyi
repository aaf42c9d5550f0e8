"""The names of :mod:`ilacs.catalogue` for type checkers (it loads them on first use).

Written by tools/public_names.py from ``_PUBLIC`` in ``__init__.py``: do not edit.
"""

from ilacs.catalogue.cadence import CYCLE as CYCLE
from ilacs.catalogue.cadence import FOCUSED_VISITS as FOCUSED_VISITS
from ilacs.catalogue.cadence import MONITORING as MONITORING
from ilacs.catalogue.cadence import NO_OVERALL_ROUTE as NO_OVERALL_ROUTE
from ilacs.catalogue.cadence import PAUSES as PAUSES
from ilacs.catalogue.comparability import COMPARABILITY_RULES as COMPARABILITY_RULES
from ilacs.catalogue.comparability import Verdict as Verdict
from ilacs.catalogue.duties import DUTIES as DUTIES
from ilacs.catalogue.frameworks import AreaSpec as AreaSpec
from ilacs.catalogue.frameworks import Framework as Framework
from ilacs.catalogue.frameworks import FrameworkVersion as FrameworkVersion
from ilacs.catalogue.frameworks import JudgementArea as JudgementArea
from ilacs.catalogue.frameworks import Scale as Scale
from ilacs.catalogue.frameworks import VERSIONS as VERSIONS
from ilacs.catalogue.frameworks import framework_version_on as framework_version_on
from ilacs.catalogue.frameworks import version_named as version_named
from ilacs.catalogue.frameworks import versions_of as versions_of
from ilacs.catalogue.grades import Grade as Grade
from ilacs.catalogue.grades import LegacyGrade as LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType as InspectionType
from ilacs.catalogue.inspection_types import Outcome as Outcome
from ilacs.catalogue.inspection_types import ROUTES as ROUTES
from ilacs.catalogue.inspection_types import Route as Route
from ilacs.catalogue.inspection_types import TYPE_RULES as TYPE_RULES
from ilacs.catalogue.inspection_types import TypeRule as TypeRule
from ilacs.catalogue.la_codes import authority as authority
from ilacs.catalogue.la_codes import la_code as la_code
from ilacs.catalogue.listing import all_rules as all_rules
from ilacs.catalogue.plans import InspectionPlan as InspectionPlan
from ilacs.catalogue.plans import inspection_plan as inspection_plan
from ilacs.catalogue.plans import route_for as route_for
from ilacs.catalogue.regions import Region as Region
from ilacs.catalogue.regions import region_of as region_of
from ilacs.catalogue.reorganisations import REORGANISATIONS as REORGANISATIONS
from ilacs.catalogue.rule import Rule as Rule

__all__ = [
    "AreaSpec",
    "COMPARABILITY_RULES",
    "CYCLE",
    "DUTIES",
    "FOCUSED_VISITS",
    "Framework",
    "FrameworkVersion",
    "Grade",
    "InspectionPlan",
    "InspectionType",
    "JudgementArea",
    "LegacyGrade",
    "MONITORING",
    "NO_OVERALL_ROUTE",
    "Outcome",
    "PAUSES",
    "REORGANISATIONS",
    "ROUTES",
    "Region",
    "Route",
    "Rule",
    "Scale",
    "TYPE_RULES",
    "TypeRule",
    "VERSIONS",
    "Verdict",
    "all_rules",
    "authority",
    "framework_version_on",
    "inspection_plan",
    "la_code",
    "region_of",
    "route_for",
    "version_named",
    "versions_of",
]

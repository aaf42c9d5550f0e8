"""A listing of every rule of the catalogue, each with its sources: :func:`all_rules`.

>>> all(rule.sources for rule in all_rules())
True
>>> sorted({rule.family for rule in all_rules()})[:3]
['cadence', 'comparability', 'duty']
"""

from __future__ import annotations

from ilacs.catalogue.cadence import (
    CYCLE,
    FOCUSED_VISITS,
    MONITORING,
    NO_OVERALL_ROUTE,
    PAUSES,
    SIF_CYCLE,
)
from ilacs.catalogue.comparability import COMPARABILITY_RULES
from ilacs.catalogue.duties import DUTIES
from ilacs.catalogue.frameworks import VERSIONS
from ilacs.catalogue.grades import GRADE_WORDINGS, LEGACY_GRADE_WORDINGS
from ilacs.catalogue.inspection_types import ROUTES, TYPE_RULES
from ilacs.catalogue.reorganisations import REORGANISATIONS
from ilacs.catalogue.rule import Rule
from ilacs.catalogue.visit_pauses import ASSURANCE_VISITS_2021, VISIT_PAUSES

__all__ = ["all_rules"]


def all_rules() -> tuple[Rule, ...]:
    """Every rule in the catalogue, in a stable order (grouped by :attr:`Rule.family`).

    Each is the catalogue's own record, with its code, sources, certainty, note and
    :attr:`~ilacs.catalogue.rule.Rule.summary`.
    """
    pauses = tuple(dict.fromkeys((*PAUSES, *VISIT_PAUSES)))
    return (
        *VERSIONS,
        *GRADE_WORDINGS,
        *LEGACY_GRADE_WORDINGS,
        *TYPE_RULES.values(),
        *ROUTES,
        NO_OVERALL_ROUTE,
        SIF_CYCLE,
        CYCLE,
        FOCUSED_VISITS,
        MONITORING,
        *pauses,
        ASSURANCE_VISITS_2021,
        *REORGANISATIONS,
        *DUTIES,
        *COMPARABILITY_RULES,
    )

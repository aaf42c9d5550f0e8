"""The rules scheduling applies, as one record a caller can change: :class:`SchedulingRules`.

Every value defaults to the catalogue's; every uncertain one can be overridden with
``attrs.evolve``, for example to assume two focused visits between inspections. Observed
practice is not a rule: it is the ``calibration`` every forecasting function takes.

>>> import attrs
>>> from ilacs.catalogue.cadence import FOCUSED_VISITS
>>> from ilacs.catalogue.grades import Grade
>>> two_visits = attrs.evolve(
...     DEFAULT_RULES,
...     focused_visits=attrs.evolve(FOCUSED_VISITS, default_count=((Grade.GOOD, 2),)),
... )
>>> two_visits.focused_visits.count_for(Grade.GOOD)
2
>>> DEFAULT_RULES, two_visits
(SchedulingRules(), SchedulingRules(focused_visits=<changed>))
"""

from __future__ import annotations

import datetime as dt

import attrs

from ilacs.catalogue.cadence import (
    CYCLE,
    FOCUSED_VISITS,
    MONITORING,
    NO_OVERALL_ROUTE,
    PAUSES,
    CycleRule,
    FocusedVisitRule,
    MonitoringRule,
    NoOverallRoute,
    Pause,
    PauseScope,
)
from ilacs.catalogue.duties import ACTION_PLAN, DUTIES, Duty
from ilacs.catalogue.inspection_types import ROUTES, Route
from ilacs.catalogue.reorganisations import REORGANISATIONS, Reorganisation
from ilacs.catalogue.visit_pauses import VISIT_PAUSES
from ilacs.errors import ValidationError

__all__ = ["DEFAULT_RULES", "LATEST_AS_OF", "SchedulingRules"]

LATEST_AS_OF = dt.date(2090, 12, 31)
"""The last ``as_of`` accepted: windows run years ahead and the working-day calendar ends in 2100."""


@attrs.frozen(cache_hash=True, repr=False)
class SchedulingRules:
    """The rules and data scheduling applies; defaults are the catalogue's.

    Its ``repr`` is short, so that ``help()`` of every function that takes ``rules=`` stays
    readable: ``SchedulingRules()`` for the catalogue's rules, else the names of the fields
    that differ from them (each field prints in full on its own).

    Args:
        cycle: the graded-inspection cycle (3 years, ±6 months, from the first on-site day).
        focused_visits: how many focused visits fall between graded inspections, and when.
        monitoring: the monitoring of inadequate LAs until re-inspection.
        pauses: national pauses that stop the clock of graded inspections (scope "all").
        visit_pauses: national pauses that stop the clock of focused and monitoring visits.
        routes: which graded inspection follows each prior grade, and whether the LA is
            monitored first.
        no_overall: how to read a prior result without an overall grade (ILACS from 2026).
        reorganisations: councils created by reorganisation (new LAs and their predecessors).
        duties: the post-inspection duties (the action-plan duty also times monitoring).
    """

    cycle: CycleRule = CYCLE
    focused_visits: FocusedVisitRule = FOCUSED_VISITS
    monitoring: MonitoringRule = MONITORING
    pauses: tuple[Pause, ...] = tuple(p for p in PAUSES if p.scope is PauseScope.ALL)
    visit_pauses: tuple[Pause, ...] = VISIT_PAUSES
    routes: tuple[Route, ...] = ROUTES
    no_overall: NoOverallRoute = NO_OVERALL_ROUTE
    reorganisations: tuple[Reorganisation, ...] = REORGANISATIONS
    duties: tuple[Duty, ...] = DUTIES

    def __repr__(self) -> str:
        changed = [
            f"{field.name}=<changed>"
            for field in attrs.fields(SchedulingRules)
            if getattr(self, field.name) != field.default
        ]
        return f"SchedulingRules({', '.join(changed)})"

    @property
    def action_plan(self) -> Duty:
        """The action-plan duty among ``duties``: an inadequate LA's monitoring counts from it.

        Raises:
            ValidationError: ``duties`` holds no duty with the code of the catalogue's
                :data:`~ilacs.catalogue.duties.ACTION_PLAN`.
        """
        for duty in self.duties:
            if duty.code == ACTION_PLAN.code:
                return duty
        raise ValidationError(
            "rules.duties",
            [d.code for d in self.duties],
            f"a duty with code {ACTION_PLAN.code!r}",
            "an inadequate LA's monitoring counts from its action plan",
        )


DEFAULT_RULES = SchedulingRules()
"""The catalogue's rules."""

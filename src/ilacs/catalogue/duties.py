"""What must happen after an inspection, and by when, in England and Wales working days.

>>> REPORT_PUBLICATION.working_days, ACTION_PLAN.working_days
(30, 70)
"""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

import ilacs._checks as _checks
from ilacs.catalogue import refs
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.rule import Rule

__all__ = [
    "ACTION_PLAN",
    "DUTIES",
    "FOCUSED_VISIT_DRAFT_PLAN",
    "FOCUSED_VISIT_FINAL_PLAN",
    "JTAI_WRITTEN_STATEMENT",
    "REPORT_PUBLICATION",
    "Condition",
    "Duty",
    "Trigger",
]


class Condition(enum.Enum):
    """When a duty applies to an inspection of its types."""

    ALWAYS = ""
    PRIORITY_ACTION = "the letter sets out areas for priority action"
    """Only when the record says the letter set out areas for priority action."""
    HMCI_DECIDES = "HMCI decides a statement is needed"
    """Only when HMCI decides so, which no record shows: the deadline is given, marked uncertain."""


class Trigger(enum.Enum):
    """The event a duty's clock starts from."""

    REPORT_RECEIVED = "the LA's receipt of the final report"
    LETTER_PUBLISHED = "the focused-visit letter"
    JTAI_REPORT = "the JTAI letter"


@attrs.frozen(kw_only=True)
class Duty(Rule):
    """A post-inspection duty: who must do what within how many working days of what.

    Args:
        name: the duty in words.
        who: who must do it.
        working_days: the deadline, in England and Wales working days after the trigger.
        trigger: the event the clock starts from (the trigger day itself is not counted).
        applies_to: the inspection types it follows.
        condition: when it applies to those types.
        code, sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule`
            (uncertain when the figure is not confirmed by the legal or Ofsted text).
    """

    family: ClassVar[str] = "duty"

    name: str = attrs.field(validator=_checks.text())
    who: str = attrs.field(validator=_checks.text())
    working_days: int = attrs.field(validator=_checks.count(1))
    trigger: Trigger
    applies_to: tuple[InspectionType, ...]
    condition: Condition = Condition.ALWAYS

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        when = f" ({self.condition.value})" if self.condition.value else ""
        return (
            f"{self.who}: {self.name} within {self.working_days} working days of "
            f"{self.trigger.value}{when}"
        )


_GRADED = (
    InspectionType.SHORT,
    InspectionType.STANDARD,
    InspectionType.SIF,
    InspectionType.SIF_REINSPECTION,
)

REPORT_PUBLICATION = Duty(
    code="duty.publish-report",
    name="publish the inspection report (to partners, local press, online)",
    who="the LA",
    working_days=30,
    trigger=Trigger.REPORT_RECEIVED,
    applies_to=_GRADED,
    sources=(refs.SI_2007_462,),
)
ACTION_PLAN = Duty(
    code="duty.action-plan",
    name="send its action plan (written statement of proposed action) to Ofsted",
    who="the LA",
    working_days=70,
    trigger=Trigger.REPORT_RECEIVED,
    applies_to=_GRADED,
    sources=(refs.EIA_2006_S137, refs.CYP_AUG_2018, refs.KIRKLEES_2017, refs.STOCKTON_2023),
    note="The statute sets the duty; the 70 working days are Ofsted's statement of the "
    "regulations (B) and match Stockton 2023 exactly (C). The clock runs from receipt of the "
    "final report, which may precede publication: the library counts from publication when "
    "the receipt date is not known.",
)
FOCUSED_VISIT_DRAFT_PLAN = Duty(
    code="duty.fv-draft-plan",
    name="send a draft action plan after a focused visit",
    who="the LA",
    working_days=20,
    trigger=Trigger.LETTER_PUBLISHED,
    applies_to=(InspectionType.FOCUSED_VISIT,),
    condition=Condition.PRIORITY_ACTION,
    sources=(refs.CYP_AUG_2018, refs.LGA_FIRST),
)
FOCUSED_VISIT_FINAL_PLAN = Duty(
    code="duty.fv-final-plan",
    name="send the final action plan after a focused visit",
    who="the LA",
    working_days=70,
    trigger=Trigger.LETTER_PUBLISHED,
    applies_to=(InspectionType.FOCUSED_VISIT,),
    condition=Condition.PRIORITY_ACTION,
    sources=(refs.CYP_AUG_2018, refs.LGA_FIRST),
)
JTAI_WRITTEN_STATEMENT = Duty(
    code="duty.jtai-statement",
    name="prepare a written statement of proposed action after a JTAI",
    who="the principal authority named by HMCI",
    working_days=70,
    trigger=Trigger.JTAI_REPORT,
    applies_to=(InspectionType.JTAI,),
    condition=Condition.HMCI_DECIDES,
    sources=(refs.JAR_REGS_2015,),
)

DUTIES: tuple[Duty, ...] = (
    REPORT_PUBLICATION,
    ACTION_PLAN,
    FOCUSED_VISIT_DRAFT_PLAN,
    FOCUSED_VISIT_FINAL_PLAN,
    JTAI_WRITTEN_STATEMENT,
)
"""Every post-inspection duty the catalogue knows."""

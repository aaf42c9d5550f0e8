"""What must happen after an inspection, and by when, in England and Wales working days.

>>> REPORT_PUBLICATION.working_days, ACTION_PLAN.working_days
(30, 70)
"""

from __future__ import annotations

import enum

import attrs

from ilacs.catalogue import refs
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.sources import Source

__all__ = [
    "ACTION_PLAN",
    "DUTIES",
    "FOCUSED_VISIT_DRAFT_PLAN",
    "FOCUSED_VISIT_FINAL_PLAN",
    "JTAI_WRITTEN_STATEMENT",
    "REPORT_PUBLICATION",
    "Duty",
    "Trigger",
]


class Trigger(enum.Enum):
    """The event a duty's clock starts from."""

    REPORT_RECEIVED = "the LA's receipt of the final report"
    LETTER_PUBLISHED = "the focused-visit letter"
    JTAI_REPORT = "the JTAI letter"


@attrs.frozen
class Duty:
    """A post-inspection duty: who must do what within how many working days of what.

    Args:
        code: a stable identifier.
        name: the duty in words.
        who: who must do it.
        working_days: the deadline, in England and Wales working days after the trigger.
        trigger: the event the clock starts from (the trigger day itself is not counted).
        applies_to: the inspection types it follows.
        condition: when it applies, if not always.
        sources: where it comes from.
        uncertain: True when the figure is not confirmed by the legal or Ofsted text.
        note: the caveats.
    """

    code: str
    name: str
    who: str
    working_days: int
    trigger: Trigger
    applies_to: tuple[InspectionType, ...]
    condition: str
    sources: tuple[Source, ...]
    uncertain: bool = False
    note: str = ""

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        when = f" ({self.condition})" if self.condition else ""
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
    "duty.publish-report",
    "publish the inspection report (to partners, local press, online)",
    "the LA",
    30,
    Trigger.REPORT_RECEIVED,
    _GRADED,
    "",
    (refs.SI_2007_462,),
)
ACTION_PLAN = Duty(
    "duty.action-plan",
    "send its action plan (written statement of proposed action) to Ofsted",
    "the LA",
    70,
    Trigger.REPORT_RECEIVED,
    _GRADED,
    "",
    (refs.EIA_2006_S137, refs.CYP_AUG_2018, refs.KIRKLEES_2017, refs.STOCKTON_2023),
    note="The statute sets the duty; the 70 working days are Ofsted's statement of the "
    "regulations (B) and match Stockton 2023 exactly (C). The clock runs from receipt of the "
    "final report, which may precede publication: the library counts from publication when "
    "the receipt date is not known.",
)
FOCUSED_VISIT_DRAFT_PLAN = Duty(
    "duty.fv-draft-plan",
    "send a draft action plan after a focused visit",
    "the LA",
    20,
    Trigger.LETTER_PUBLISHED,
    (InspectionType.FOCUSED_VISIT,),
    "the letter sets out areas for priority action",
    (refs.CYP_AUG_2018, refs.LGA_FIRST),
)
FOCUSED_VISIT_FINAL_PLAN = Duty(
    "duty.fv-final-plan",
    "send the final action plan after a focused visit",
    "the LA",
    70,
    Trigger.LETTER_PUBLISHED,
    (InspectionType.FOCUSED_VISIT,),
    "the letter sets out areas for priority action",
    (refs.CYP_AUG_2018, refs.LGA_FIRST),
)
JTAI_WRITTEN_STATEMENT = Duty(
    "duty.jtai-statement",
    "prepare a written statement of proposed action after a JTAI",
    "the principal authority named by HMCI",
    70,
    Trigger.JTAI_REPORT,
    (InspectionType.JTAI,),
    "HMCI decides a statement is needed",
    (refs.JAR_REGS_2015,),
)

DUTIES: tuple[Duty, ...] = (
    REPORT_PUBLICATION,
    ACTION_PLAN,
    FOCUSED_VISIT_DRAFT_PLAN,
    FOCUSED_VISIT_FINAL_PLAN,
    JTAI_WRITTEN_STATEMENT,
)
"""Every post-inspection duty the catalogue knows."""

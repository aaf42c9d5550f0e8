"""What is due after an inspection, and by when: :func:`deadlines`.

Each duty of the catalogue (:mod:`~ilacs.catalogue.duties`) that applies to the inspection's
type is counted in England and Wales working days from its trigger (the trigger day itself not
counted). The trigger of the report duties is the LA's receipt of the final report: pass
``received`` when it is known; otherwise the publication date is used and the deadline is
marked uncertain (receipt can precede publication, so the real deadline may be earlier). A
focused visit's action-plan duties apply only when its letter set out areas for priority
action. An inspection with no applicable duty (a monitoring visit; a focused visit without
priority actions) has none: an empty tuple. A duty whose trigger date is unknown is not
skipped: it is an error naming the missing field.
"""

from __future__ import annotations

import datetime as dt

from ilacs.catalogue.duties import Condition, Duty, Trigger
from ilacs.errors import ValidationError
from ilacs.records import Inspection, check_date
from ilacs.scheduling.records import Deadline
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.sources import Reason
from ilacs.words import cite, say
from ilacs.workdays import add_working_days

__all__ = ["deadlines"]


def _applies(duty: Duty, inspection: Inspection) -> bool:
    """True when ``duty`` follows ``inspection``: its type, and its condition unless unknowable."""
    if inspection.type not in duty.applies_to:
        return False
    if duty.condition is Condition.PRIORITY_ACTION:
        return inspection.priority_action
    return True


def _start(
    duty: Duty, inspection: Inspection, received: dt.date | None
) -> tuple[dt.date, str, Reason | None]:
    document = "report" if duty.trigger is Trigger.REPORT_RECEIVED else "letter"
    if received is not None:
        return received, f"the LA received the {document}", None
    if inspection.published is None:
        raise ValidationError(
            "published",
            None,
            f"the {document}'s publication date, or received= (the day the LA received it)",
            f"the deadline to {duty.name} counts from {duty.trigger.value}",
        )
    if duty.trigger is Trigger.REPORT_RECEIVED:
        return (
            inspection.published,
            "the report's publication",
            say("deadline.from-publication", uncertain=True, published=inspection.published),
        )
    return inspection.published, f"the {document} (published)", None


def deadlines(
    inspection: Inspection,
    *,
    received: dt.date | None = None,
    rules: SchedulingRules = DEFAULT_RULES,
) -> tuple[Deadline, ...]:
    """The deadlines that follow ``inspection``, in working days, each with its reasons.

    Args:
        inspection: a graded inspection, a focused visit (with ``priority_action`` for the
            action-plan duties) or a JTAI.
        received: the day the LA received the final report or letter, when known; otherwise
            the publication date is used, and said.
        rules: the rules to apply; ``rules.duties`` lists the duties.

    Returns:
        The deadlines, in the order of the catalogue's duties; empty when none applies.

    Raises:
        ValidationError: ``inspection`` is not an :class:`~ilacs.records.Inspection`;
            ``received`` is not a date or is before the inspection; a duty applies but neither
            ``received`` nor the publication date is known.

    >>> import datetime as dt
    >>> stockton = Inspection("E06000004", "Stockton-on-Tees", "standard",
    ...     start=dt.date(2023, 1, 30), end=dt.date(2023, 2, 10),
    ...     published=dt.date(2023, 5, 9), judgements={"overall": "Requires improvement"})
    >>> due = deadlines(stockton, received=dt.date(2023, 5, 9))
    >>> [(d.code, d.due.isoformat()) for d in due]
    [('duty.publish-report', '2023-06-21'), ('duty.action-plan', '2023-08-16')]
    """
    if not isinstance(inspection, Inspection):
        raise ValidationError("inspection", inspection, "an Inspection record")
    day = check_date("received", received)
    if day is not None and day < inspection.date:
        raise ValidationError(
            "received",
            day.isoformat(),
            f"a date on or after the inspection ({inspection.date.isoformat()})",
        )
    found: list[Deadline] = []
    for duty in rules.duties:
        if not _applies(duty, inspection):
            continue
        start, trigger, how = _start(duty, inspection, day)
        reasons = [
            cite(
                duty,
                who=duty.who,
                name=duty.name,
                working_days=duty.working_days,
                trigger=duty.trigger.value,
                condition=duty.condition.value,
            )
        ]
        if how is not None:
            reasons.append(how)
        if duty.note:
            reasons.append(
                say(
                    "duty.note",
                    sources=duty.sources,
                    uncertain=duty.uncertain,
                    duty=duty.code,
                    note=duty.note,
                )
            )
        conditional = duty.condition is Condition.HMCI_DECIDES
        found.append(
            Deadline(
                inspection.la_code,
                inspection.la_name,
                duty.code,
                duty.name,
                duty.who,
                add_working_days(start, duty.working_days),
                start,
                trigger,
                duty.working_days,
                tuple(reasons),
                duty.uncertain or how is not None or conditional,
                inspection_type=inspection.type,
                inspection_date=inspection.date,
            )
        )
    return tuple(found)

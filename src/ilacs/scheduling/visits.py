"""Visits between graded inspections: :func:`focused_visits` and :func:`monitoring_visits`.

Both count in operating days with the *visit* pauses (visits came back in spring 2021, before
graded inspections), and both give each visit a window that starts after ``as_of``.

Focused visits (LAs not judged inadequate): how many come between two graded inspections is
the number that fell most often between two inspections on the LA's route in the
calibration's data (else the catalogue's ``FOCUSED_VISITS``, whose sources conflict). Visits
already held since the last graded inspection count towards it; when it is reached, none is
forecast (an empty tuple). The next visit's window is observed practice: of the LAs that had
waited as long since their last graded inspection (or their last focused visit), the days by
which the calibration's shares had their visit; else the written rule's window
(``earliest_after_months`` to ``latest_after_months`` after the inspection or visit).

Monitoring visits (LAs judged inadequate): the next visit's window is observed practice in the
same way (the wait for the first visit from the inspection, for the next from the last visit),
else the written rule (the first about ``first_visit_lag_weeks`` after the action plan is due,
then one every ``interval_months``). Monitoring lasts until the re-inspection: further visits,
each a typical interval after the one before, are forecast while they are expected before the
re-inspection's expected day (the first is always forecast).

An LA on another route gets an empty tuple: the focused-visit rule's ``excluded`` grades get
none (inadequate LAs get monitoring visits instead; a new LA has none before its first
inspection), and only LAs whose route monitors them first get monitoring visits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs
from dateutil.relativedelta import relativedelta

from ilacs.catalogue.frameworks import versions_of
from ilacs.catalogue.inspection_types import TYPE_RULES, InspectionType
from ilacs.catalogue.visit_pauses import kind_of
from ilacs.records import Inspection
from ilacs.scheduling.calibration import Calibration, RouteGroup, Stage
from ilacs.scheduling.graded import (
    _check_rules,
    _practice_reasons,
    graded_forecast,
    no_practice_reason,
    observed_window,
    on_working_days,
    overdue_reason,
    resolve,
    stale_reason,
)
from ilacs.scheduling.optime import DAYS_PER_MONTH, OperatingWindow, to_operating
from ilacs.scheduling.records import Forecast, ForecastKind, Practice, Window
from ilacs.scheduling.routes import Basis, Known, basis_of, known_history, route_facts
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.written import action_plan_day, monitoring_reason
from ilacs.sources import Reason
from ilacs.words import cite, say

__all__ = ["FOCUSED_VISITS_BEGAN", "focused_visits", "monitoring_visits"]

_FIRST_FOCUSED = min(
    (v for f in TYPE_RULES[InspectionType.FOCUSED_VISIT].frameworks for v in versions_of(f)),
    key=lambda v: v.valid_from,
)
FOCUSED_VISITS_BEGAN = _FIRST_FOCUSED.valid_from
"""The first day of the first framework version with focused visits (ILACS, 1 January 2018).

Focused visits belong to ILACS (the catalogue's type rule); after an inspection under the
SIF, the first is counted from this day, never from before it."""

_TYPE_OF = {
    ForecastKind.FOCUSED_VISIT: InspectionType.FOCUSED_VISIT,
    ForecastKind.MONITORING_VISIT: InspectionType.MONITORING_VISIT,
}


def _since(known: Known, basis: Basis, kind: InspectionType) -> list[Inspection]:
    """The visits of ``kind`` since the last graded inspection (assurance visits not focused)."""
    return [e for e in known.events if kind_of(e) is kind and e.date > basis.start]


@attrs.frozen
class _Plan:
    """One visit to forecast: the stage and when its wait began, and the written window."""

    stage: Stage
    start: dt.date
    written: Window


def _visit(
    known: Known,
    basis: Basis,
    kind: ForecastKind,
    plan: _Plan,
    rules: SchedulingRules,
    calibration: Calibration,
    reasons: list[Reason],
    *,
    waited_from: dt.date,
    cap: dt.date,
) -> Forecast | None:
    """A visit's forecast: observed practice from ``plan.start``, else the written window.

    ``waited_from`` is the day the LA is known still to be waiting: ``as_of`` for the next
    visit; for a later one, the start of its wait (nothing is conditioned on). Visits come
    between graded inspections: the window ends by ``cap``, the latest day of the next graded
    inspection's forecast, and a visit whose window would open after it is not forecast (None).
    """
    pauses = rules.visit_pauses
    what = kind.value
    base = to_operating(plan.start, pauses)
    planned = plan.written
    days = OperatingWindow(
        *(
            base + (d - plan.start).days
            for d in (planned.earliest, planned.expected, planned.latest)
        )
    )
    written = days.dates(pauses)
    floor = known.as_of + dt.timedelta(days=1)
    overdue = written.latest <= known.as_of
    out = list(reasons)
    if written != planned:
        out.append(
            say(
                "visits.pause",
                sources=tuple(dict.fromkeys(s for p in pauses for s in p.sources)),
                uncertain=any(p.uncertain for p in pauses),
                planned=planned.iso,
                written=written.iso,
            )
        )
    curve = calibration.curve(plan.stage, basis.group)
    if curve is not None:
        observed, waited = observed_window(
            curve, calibration, start=plan.start, as_of=max(waited_from, plan.start), pauses=pauses
        )
        window = on_working_days(observed, floor)
        practice = Practice.OBSERVED
        out += _practice_reasons(
            curve,
            calibration,
            basis.group,
            start=plan.start,
            window=window,
            waited=waited,
            written=written,
            visit=what,
        )
    else:
        moved = days.after(to_operating(floor, pauses))
        window = on_working_days(moved.dates(pauses))
        practice = Practice.WRITTEN
        out.append(no_practice_reason(calibration, f"{what}s", basis.group))
    if window.earliest > cap:
        return None
    if window.latest > cap:
        window = Window(window.earliest, min(window.expected, cap), cap)
        out.append(say("visits.before-inspection", visit=what, cap=cap))
    if overdue and practice is Practice.WRITTEN:
        out.append(overdue_reason(written.latest, known.as_of, what))
    stale = stale_reason(calibration, known.as_of)
    if stale is not None:
        out.append(stale)
    out.append(say("forecast.window", what=what, window=window.iso))
    return Forecast(
        la_code=known.la_code,
        la_name=known.la_name,
        as_of=known.as_of,
        kind=kind,
        type=_TYPE_OF[kind],
        earliest=window.earliest,
        expected=window.expected,
        latest=window.latest,
        overdue=overdue,
        written=written,
        reasons=tuple(out),
        practice=practice,
        data_end=None if calibration.empty else calibration.cut_off,
    )


def _usual_focused(
    basis: Basis, calibration: Calibration, rules: SchedulingRules, held: int
) -> tuple[int, list[Reason]]:
    """How many focused visits the LA is expected to have between its inspections, and why."""
    rule = rules.focused_visits
    written = rule.count_for(basis.prior)
    facts = route_facts(basis)
    reasons = [
        cite(
            rule,
            **facts,
            count=written,
            most=rule.max_count,
            first_months=rule.earliest_after_months,
            last_months=rule.latest_after_months,
            note=rule.note,
        )
    ]
    counts = calibration.visit_counts(basis.group)
    if not calibration.enough(counts):
        return written, reasons
    reasons.append(
        say(
            "visits.count-observed",
            sources=(calibration.source,),
            uncertain=True,
            **facts,
            counts=",".join(f"{k}:{n}" for k, n in counts.counts),
            first=counts.first,
            last=counts.last,
            usual=counts.likeliest,
            held=held,
        )
    )
    return counts.likeliest, reasons


def focused_visits(
    history: Iterable[Inspection],
    *,
    as_of: dt.date,
    calibration: Calibration | None = None,
    rules: SchedulingRules = DEFAULT_RULES,
    la_code: str | None = None,
) -> tuple[Forecast, ...]:
    """The focused visits expected before the LA's next graded inspection, each with a window.

    Args:
        history: one LA's inspections and visits, in any order (events after ``as_of`` ignored).
        as_of: the day of the forecast.
        calibration: observed practice (None: the shipped calibration), as for
            :func:`~ilacs.scheduling.next_inspection`.
        rules: the written rules; ``rules.focused_visits`` when observed practice is lacking.
        la_code: the LA's code (see :func:`~ilacs.scheduling.next_inspection`).

    Returns:
        One :class:`Forecast` (kind ``FOCUSED_VISIT``) per visit still expected, in order; empty
        when the usual number has been held, and for the prior grades the focused-visit rule
        excludes (inadequate LAs, monitored instead; new LAs).

    Raises:
        ValidationError, ParseError, OutOfRangeError: as :func:`~ilacs.scheduling.next_inspection`.

    >>> import datetime as dt
    >>> durham = [Inspection("E06000047", "Durham", "standard", start=dt.date(2019, 9, 9),
    ...           end=dt.date(2019, 9, 20),
    ...           judgements={"overall": "Requires improvement"})]
    >>> [f.practice.name for f in focused_visits(durham, as_of=dt.date(2020, 1, 31))]
    ['OBSERVED', 'OBSERVED']

    (two: after a requires improvement judgement, LAs most often had two).
    """
    rules = _check_rules(rules)
    cal = resolve(calibration)
    known = known_history(history, as_of, la_code)
    basis = basis_of(known, rules)
    if basis.prior in rules.focused_visits.excluded:
        return ()
    done = _since(known, basis, InspectionType.FOCUSED_VISIT)
    wanted, count_reasons = _usual_focused(basis, cal, rules, len(done))
    remaining = wanted - len(done)
    if remaining <= 0:
        return ()
    rule = rules.focused_visits
    reasons = [*basis.reasons, *count_reasons]
    start = done[-1].date if done else basis.start
    if start < FOCUSED_VISITS_BEGAN:
        reasons.append(
            say(
                "visits.focused-began",
                sources=_FIRST_FOCUSED.sources,
                version=_FIRST_FOCUSED.name,
                began=FOCUSED_VISITS_BEGAN,
                last=start,
            )
        )
        start = FOCUSED_VISITS_BEGAN
    cap = graded_forecast(known, basis, rules, cal).latest
    forecasts: list[Forecast] = []
    stage = Stage.NEXT_FOCUSED if done else Stage.FIRST_FOCUSED
    waited_from = known.as_of
    for _ in range(remaining):
        earliest = start + relativedelta(months=rule.earliest_after_months)
        latest = start + relativedelta(months=rule.latest_after_months)
        plan = _Plan(stage, start, Window(earliest, earliest + (latest - earliest) / 2, latest))
        forecast = _visit(
            known,
            basis,
            ForecastKind.FOCUSED_VISIT,
            plan,
            rules,
            cal,
            reasons,
            waited_from=waited_from,
            cap=cap,
        )
        if forecast is None:
            break
        forecasts.append(forecast)
        start, stage = forecast.expected, Stage.NEXT_FOCUSED
        waited_from = start
    return tuple(forecasts)


def monitoring_visits(
    history: Iterable[Inspection],
    *,
    as_of: dt.date,
    calibration: Calibration | None = None,
    rules: SchedulingRules = DEFAULT_RULES,
    la_code: str | None = None,
) -> tuple[Forecast, ...]:
    """The monitoring visits expected for an LA judged inadequate, until its re-inspection.

    Args are as for :func:`focused_visits`; ``rules.monitoring`` is the written rule followed
    when observed practice is lacking.

    Returns:
        One :class:`Forecast` (kind ``MONITORING_VISIT``) per visit expected, in order, while
        they fall before the re-inspection's expected day (the first always); empty for an LA
        not judged inadequate at its last graded inspection.

    Raises:
        ValidationError, ParseError, OutOfRangeError: as :func:`~ilacs.scheduling.next_inspection`.

    >>> import datetime as dt
    >>> luton = [Inspection("E06000032", "Luton", "standard", start=dt.date(2020, 1, 13),
    ...          end=dt.date(2020, 1, 24), published=dt.date(2020, 3, 5),
    ...          judgements={"overall": "Inadequate"})]
    >>> visits = monitoring_visits(luton, as_of=dt.date(2021, 5, 1))
    >>> visits[0].kind.name, visits[0].earliest > dt.date(2021, 5, 1)
    ('MONITORING_VISIT', True)
    """
    rules = _check_rules(rules)
    cal = resolve(calibration)
    known = known_history(history, as_of, la_code)
    basis = basis_of(known, rules)
    if basis.group is not RouteGroup.REINSPECTION:
        return ()
    rule = rules.monitoring
    done = _since(known, basis, InspectionType.MONITORING_VISIT)
    plan_day, report_reason = action_plan_day(basis, rules)
    interval = relativedelta(months=rule.interval_months)
    half = dt.timedelta(days=round(rule.interval_months * DAYS_PER_MONTH / 2))

    def next_after(start: dt.date) -> Window:
        """The written window of the visit after one on ``start``: an interval on, ± half one."""
        due = start + interval
        return Window(due - half, due, due + half)

    reasons = [
        *basis.reasons,
        *([report_reason] if report_reason else []),
        monitoring_reason(rules, plan_day, held=len(done)),
    ]
    graded = graded_forecast(known, basis, rules, cal)
    ends = graded.expected
    forecasts: list[Forecast] = []
    if done:
        stage, start = Stage.NEXT_MONITORING, done[-1].date
        written = next_after(start)
    else:
        stage, start = Stage.FIRST_MONITORING, basis.start
        due = plan_day + relativedelta(weeks=rule.first_visit_lag_weeks)
        written = Window(min(plan_day, due), due, due + half)
    waited_from = known.as_of
    while True:
        forecast = _visit(
            known,
            basis,
            ForecastKind.MONITORING_VISIT,
            _Plan(stage, start, written),
            rules,
            cal,
            reasons,
            waited_from=waited_from,
            cap=graded.latest,
        )
        if forecast is None or (forecasts and forecast.expected > ends):
            break
        forecasts.append(forecast)
        stage, start = Stage.NEXT_MONITORING, forecast.expected
        written = next_after(start)
        waited_from = start
    note = say("visits.until-reinspection", ends=ends)
    return tuple(attrs.evolve(f, reasons=(*f.reasons, note)) for f in forecasts)

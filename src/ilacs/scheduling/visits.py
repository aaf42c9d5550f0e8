"""Visits between graded inspections: :func:`focused_visits` and :func:`monitoring_visits`.

Both count in operating days with the *visit* pauses (visits came back in spring 2021, before
graded inspections), and both give each visit a window that starts after ``as_of``.

Focused visits (LAs not judged inadequate): the catalogue's ``FOCUSED_VISITS`` sets how many
come between two graded inspections by prior grade (sources conflict: every reason is
uncertain) and when the first comes (``earliest_after_months`` to ``latest_after_months`` after
the inspection, or after :data:`FOCUSED_VISITS_BEGAN` when the inspection came before focused
visits existed). Each later visit is counted the same way from the one before. Visits already
held since the last graded inspection count towards the number; when it is reached, none is
forecast (an empty tuple).

Monitoring visits (LAs judged inadequate): the first about ``first_visit_lag_weeks`` after the
action plan is due, then one every ``interval_months``, each window half an interval either
side; up to ``max_visits`` in all (one more at a time once that many have been held, since
monitoring lasts until re-inspection). Monitoring ends with the re-inspection, so a visit
expected after the latest day of the re-inspection's forecast
(:func:`~ilacs.scheduling.next_inspection`) is not forecast, and the reasons say how many were
left out (the first visit always is).

An LA on another route gets an empty tuple: inadequate LAs get monitoring visits, not focused
visits, and only inadequate LAs are monitored. A new LA has no catalogued number of focused
visits (none is forecast).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs
from dateutil.relativedelta import relativedelta

from ilacs.catalogue.calibration import RouteGroup
from ilacs.catalogue.frameworks import versions_of
from ilacs.catalogue.inspection_types import TYPE_RULES, InspectionType
from ilacs.records import Inspection
from ilacs.scheduling.graded import after_as_of, graded_forecast, on_working_days, overdue_reason
from ilacs.scheduling.optime import from_operating, to_operating
from ilacs.scheduling.records import Forecast, ForecastKind, Window, long_date
from ilacs.scheduling.routes import Basis, Known, after_words, basis_of, known_history
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.written import action_plan_day
from ilacs.sources import Reason

__all__ = ["FOCUSED_VISITS_BEGAN", "focused_visits", "monitoring_visits"]

_FIRST_FOCUSED = min(
    (v for f in TYPE_RULES[InspectionType.FOCUSED_VISIT].frameworks for v in versions_of(f)),
    key=lambda v: v.valid_from,
)
FOCUSED_VISITS_BEGAN = _FIRST_FOCUSED.valid_from
"""The first day of the first framework version with focused visits (ILACS, 1 January 2018).

Focused visits belong to ILACS (the catalogue's type rule); after an inspection under the
SIF, the first is counted from this day, never from before it."""


def _since(known: Known, basis: Basis, kind: InspectionType) -> list[Inspection]:
    start = basis.anchor
    return [e for e in known.events if e.type is kind and e.date > start]


def _visit(
    known: Known,
    kind: ForecastKind,
    anchor: dt.date,
    planned: tuple[dt.date, dt.date, dt.date],
    rules: SchedulingRules,
    reasons: list[Reason],
    what: str,
) -> Forecast:
    """A visit's forecast from its planned window, counted from ``anchor`` in operating days.

    Each bound moves later by the visit-pause days between ``anchor`` and it (the clock stops).
    """
    pauses = rules.visit_pauses
    base = to_operating(anchor, pauses)
    low, mid, high = (base + (d - anchor).days for d in planned)
    written = Window(*(from_operating(n, pauses) for n in (low, mid, high)))
    floor = to_operating(known.as_of + dt.timedelta(days=1), pauses)
    overdue = written.latest <= known.as_of
    low, mid, high = after_as_of(low, mid, high, floor)
    window = on_working_days(*(from_operating(n, pauses) for n in (low, mid, high)))
    out = list(reasons)
    if written != Window(*planned):
        out.append(
            Reason(
                "visits.pause",
                f"National pauses of visits stopped the clock, so the planned window "
                f"({Window(*planned)}) becomes {written}.",
                tuple(dict.fromkeys(s for p in pauses for s in p.sources)),
                uncertain=any(p.uncertain for p in pauses),
            )
        )
    if overdue:
        out.append(overdue_reason(written.latest, known.as_of, what))
    out.append(Reason("forecast.window", f"Forecast: the {what} is expected {window}."))
    visit_type = (
        InspectionType.FOCUSED_VISIT
        if kind is ForecastKind.FOCUSED_VISIT
        else InspectionType.MONITORING_VISIT
    )
    return Forecast(
        known.la_code,
        known.la_name,
        known.as_of,
        kind,
        visit_type,
        window.earliest,
        window.expected,
        window.latest,
        overdue,
        written,
        tuple(out),
    )


def focused_visits(
    history: Iterable[Inspection], *, as_of: dt.date, rules: SchedulingRules = DEFAULT_RULES
) -> tuple[Forecast, ...]:
    """The focused visits expected before the LA's next graded inspection, each with a window.

    Args:
        history: one LA's inspections and visits, in any order (events after ``as_of`` ignored).
        as_of: the day of the forecast.
        rules: the rules to apply; ``rules.focused_visits`` sets the number and timing.

    Returns:
        One :class:`Forecast` (kind ``FOCUSED_VISIT``) per visit still expected, in order; empty
        when the expected number has been held, for inadequate LAs (monitored instead) and for
        new LAs.

    Raises:
        ValidationError, OutOfRangeError: as :func:`~ilacs.scheduling.next_inspection`.

    >>> import datetime as dt
    >>> durham = [Inspection("E06000047", "Durham", "standard", start=dt.date(2019, 9, 9),
    ...           end=dt.date(2019, 9, 20), judgements={"overall": "Requires improvement"})]
    >>> [str(f.window) for f in focused_visits(durham, as_of=dt.date(2020, 1, 31))]
    ['between 9 March 2020 and 12 October 2022, most likely around 10 January 2022']
    """
    known = known_history(history, as_of)
    basis = basis_of(known, rules)
    rule = rules.focused_visits
    if basis.group is RouteGroup.REINSPECTION or basis.prior is None:
        return ()
    done = _since(known, basis, InspectionType.FOCUSED_VISIT)
    wanted = rule.count_for(basis.prior)
    remaining = wanted - len(done)
    if remaining <= 0:
        return ()
    after = relativedelta(months=rule.earliest_after_months)
    until = relativedelta(months=rule.latest_after_months)
    held = f"; {len(done)} held since the last graded inspection" if done else ""
    visits = f"{wanted} focused visit is" if wanted == 1 else f"{wanted} focused visits are"
    reasons = [
        *basis.reasons,
        Reason(
            rule.code,
            f"Written rule (sources disagree): {after_words(basis)}, {visits} "
            f"expected before the next graded inspection (at most {rule.max_count}){held}. The "
            f"library expects each {rule.earliest_after_months} to {rule.latest_after_months} "
            f"months after the inspection or the visit before it. {rule.note}",
            rule.sources,
            rule.uncertain,
        ),
    ]
    anchor = done[-1].date if done else basis.anchor
    if anchor < FOCUSED_VISITS_BEGAN:
        reasons.append(
            Reason(
                "visits.focused-began",
                f"Focused visits began with {_FIRST_FOCUSED.name} on "
                f"{long_date(FOCUSED_VISITS_BEGAN)}, after the last graded inspection "
                f"({long_date(anchor)}): the first is counted from that day.",
                _FIRST_FOCUSED.sources,
            )
        )
        anchor = FOCUSED_VISITS_BEGAN
    forecasts: list[Forecast] = []
    for _ in range(remaining):
        low, high = anchor + after, anchor + until
        mid = low + (high - low) / 2
        forecast = _visit(
            known,
            ForecastKind.FOCUSED_VISIT,
            anchor,
            (low, mid, high),
            rules,
            reasons,
            "focused visit",
        )
        forecasts.append(forecast)
        anchor = forecast.expected
    return tuple(forecasts)


def monitoring_visits(
    history: Iterable[Inspection], *, as_of: dt.date, rules: SchedulingRules = DEFAULT_RULES
) -> tuple[Forecast, ...]:
    """The monitoring visits expected for an LA judged inadequate, until its re-inspection.

    Args:
        history: one LA's inspections and visits, in any order (events after ``as_of`` ignored).
        as_of: the day of the forecast.
        rules: the rules to apply; ``rules.monitoring`` sets the timing and number.

    Returns:
        One :class:`Forecast` (kind ``MONITORING_VISIT``) per visit expected, in order, up to
        the latest day of the re-inspection's forecast; empty for an LA not judged inadequate
        at its last graded inspection.

    Raises:
        ValidationError, OutOfRangeError: as :func:`~ilacs.scheduling.next_inspection`.

    >>> import datetime as dt
    >>> luton = [Inspection("E06000032", "Luton", "standard", start=dt.date(2020, 1, 13),
    ...          end=dt.date(2020, 1, 24), published=dt.date(2020, 3, 5),
    ...          judgements={"overall": "Inadequate"})]
    >>> visits = monitoring_visits(luton, as_of=dt.date(2021, 5, 1))
    >>> len(visits), str(visits[0].window)
    (6, 'between 4 May 2021 and 2 July 2021, most likely around 17 May 2021')
    """
    known = known_history(history, as_of)
    basis = basis_of(known, rules)
    if basis.group is not RouteGroup.REINSPECTION:
        return ()
    rule = rules.monitoring
    done = _since(known, basis, InspectionType.MONITORING_VISIT)
    plan, report_reason = action_plan_day(basis, rules)
    interval = relativedelta(months=rule.interval_months)
    if done:
        expected = done[-1].date + interval
    else:
        expected = plan + relativedelta(weeks=rule.first_visit_lag_weeks)
    count = rule.max_visits - len(done) if len(done) < rule.max_visits else 1
    more = (
        ""
        if len(done) < rule.max_visits
        else f" {len(done)} visits have been held, the most the sources give before "
        "re-inspection; monitoring continues until it, so one more visit is forecast."
    )
    base = Reason(
        rule.code,
        f"Written rule: an LA judged inadequate sends its action plan within "
        f"{rule.first_visit_after_working_days} working days of the report (due "
        f"{long_date(plan)}); monitoring visits by {rule.inspectors} inspectors for "
        f"{rule.days} days follow every {rule.interval_months} months, the first about "
        f"{rule.first_visit_lag_weeks} weeks after the plan, {rule.min_visits} to "
        f"{rule.max_visits} before re-inspection; {len(done)} held so far.{more}",
        rule.sources,
        rule.uncertain,
    )
    reasons = [*basis.reasons, *([report_reason] if report_reason else []), base]
    ends = graded_forecast(known, basis, rules).latest
    forecasts: list[Forecast] = []
    for index in range(count):
        if index and expected > ends:
            return _until_reinspection(tuple(forecasts), ends, count - index)
        half = ((expected + interval) - expected) / 2
        low = plan if (index == 0 and not done) else expected - half
        low = min(low, expected)
        forecast = _visit(
            known,
            ForecastKind.MONITORING_VISIT,
            low,
            (low, expected, expected + half),
            rules,
            reasons,
            "monitoring visit",
        )
        forecasts.append(forecast)
        expected = forecast.expected + interval
    return tuple(forecasts)


def _until_reinspection(
    forecasts: tuple[Forecast, ...], ends: dt.date, left: int
) -> tuple[Forecast, ...]:
    """The visits before the re-inspection's latest day, each told why no more are forecast."""
    more = "visit" if left == 1 else "visits"
    they = "it is" if left == 1 else "they are"
    note = Reason(
        "visits.until-reinspection",
        f"Monitoring ends with the re-inspection, forecast to start by {long_date(ends)} at the "
        f"latest: the {left} further {more} the written rule allows would come after it, so "
        f"{they} not forecast.",
    )
    return tuple(attrs.evolve(f, reasons=(*f.reasons, note)) for f in forecasts)

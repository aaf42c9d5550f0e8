"""The next graded inspection: :func:`next_inspection`, and for every LA, :func:`next_inspections`.

A forecast is built in four steps, each with its reasons:

1. the route (:mod:`~ilacs.scheduling.routes`): the last graded inspection and the grade it
   gave, or a new LA's creation; the day the wait began;
2. the written rule for that route (:mod:`~ilacs.scheduling.written`): kept in
   :attr:`Forecast.written <ilacs.scheduling.records.Forecast.written>`, and used to say
   whether the LA is overdue;
3. observed practice (:mod:`~ilacs.scheduling.calibration`): of the LAs that had waited as long
   as this one since their last inspection, the days by which the calibration's ``lower``,
   median and ``upper`` shares had been inspected. This is the window, and the reasons say the
   forecast follows observed practice. With no curve for the route (too few events, or a
   written-only calibration), the written window is used, moved after ``as_of`` when it has
   closed, and the reasons say why;
4. the type: the route's written type, or the type that most often followed the route in the
   data, with the share of any other type that followed it often
   (:data:`REAL_SHARE` or more).

The window never starts on or before ``as_of`` (what had started by then is known), and its
bounds are moved onto working days (inspections start on working days).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import attrs

from ilacs.catalogue.cadence import Pause
from ilacs.catalogue.inspection_types import InspectionType, Route
from ilacs.catalogue.plans import inspection_plan
from ilacs.catalogue.reorganisations import (
    replaced_by,
    replaced_on,
    with_successors,
)
from ilacs.errors import ValidationError
from ilacs.records import History, Inspection, check_date, histories, inspections_of
from ilacs.scheduling.calibration import (
    Calibration,
    Curve,
    RouteGroup,
    Stage,
    below_good,
    shipped,
)
from ilacs.scheduling.optime import DAYS_PER_MONTH, OperatingWindow, to_operating
from ilacs.scheduling.records import Forecast, ForecastKind, Practice, Window
from ilacs.scheduling.routes import (
    Absence,
    Basis,
    Known,
    absence_on,
    basis_of,
    known_history,
    route_facts,
    route_on,
    successor_names,
)
from ilacs.scheduling.rules import DEFAULT_RULES, SchedulingRules
from ilacs.scheduling.written import written_window
from ilacs.sources import Reason, Source
from ilacs.words import absence_words, say
from ilacs.workdays import add_working_days, is_working_day

__all__ = [
    "COUNTRY_SHARE",
    "REAL_SHARE",
    "STALE_AFTER_DAYS",
    "LeftOut",
    "NationalForecasts",
    "graded_forecast",
    "learnt_if_national",
    "next_inspection",
    "next_inspections",
    "observed_window",
    "on_working_days",
    "overdue_reason",
    "resolve",
]

REAL_SHARE = 0.2
"""A type that followed a route at least this often is named in the reasons beside the likeliest."""

STALE_AFTER_DAYS = 183
"""When ``as_of`` is more than this many days (six months) after the data's last event, the
forecast says the data are out of date."""

COUNTRY_SHARE = 0.9
"""Inspections "cover the country" when they hold at least this share of the LAs in the
catalogue's register: :func:`next_inspections` then learns observed practice from them."""


def _next_working(day: dt.date) -> dt.date:
    return day if is_working_day(day) else add_working_days(day, 1)


def _previous_working(day: dt.date) -> dt.date:
    return day if is_working_day(day) else add_working_days(day, -1)


def on_working_days(window: Window, floor: dt.date | None = None) -> Window:
    """``window`` on working days: its earliest day forward, its latest back, expected inside.

    ``floor``, when given, is the first day the window may hold (the day after ``as_of``).
    When no working day lies between the earliest and latest days, the window is the first
    working day on or after the earliest.
    """
    earliest = window.earliest if floor is None else max(window.earliest, floor)
    first = _next_working(earliest)
    last = max(_previous_working(window.latest), first)
    expected = min(max(_next_working(window.expected), first), last)
    return Window(first, expected, last)


def overdue_reason(closed: dt.date, as_of: dt.date, what: str) -> Reason:
    """The reason saying the written window of ``what`` closed before ``as_of``."""
    return say("overdue", what=what, closed=closed, as_of=as_of)


def resolve(calibration: object) -> Calibration:
    """The calibration to use: ``calibration``, or the shipped one for None.

    Raises:
        ValidationError: ``calibration`` is neither None nor a Calibration.
    """
    if calibration is None:
        return shipped()
    if not isinstance(calibration, Calibration):
        raise ValidationError(
            "calibration",
            calibration,
            "None (the shipped calibration) or an ilacs Calibration (ilacs.calibrate(...))",
        )
    return calibration


def _check_rules(rules: object) -> SchedulingRules:
    if not isinstance(rules, SchedulingRules):
        raise ValidationError("rules", rules, "a SchedulingRules (ilacs.scheduling.DEFAULT_RULES)")
    return rules


def observed_window(
    curve: Curve,
    calibration: Calibration,
    *,
    start: dt.date,
    as_of: dt.date,
    pauses: tuple[Pause, ...],
) -> tuple[Window, int]:
    """The days by which ``calibration.levels`` of LAs still waiting on ``as_of`` ended their wait.

    Args:
        curve: the stage's and route's survival curve.
        calibration: whose levels are used.
        start: the day the wait began.
        as_of: the day of the forecast (the LA is still waiting then).
        pauses: the national pauses operating time leaves out.

    Returns:
        The window (calendar days, not yet on working days) and the operating days waited by
        ``as_of``.
    """
    base = to_operating(start, pauses)
    waited = max(to_operating(as_of, pauses) - base, 0)
    earliest, expected, latest = curve.days(calibration.levels, waited=waited)
    days = OperatingWindow(base + earliest, base + expected, base + latest)
    return days.dates(pauses), waited


def no_practice_reason(calibration: Calibration, what: str, route: RouteGroup) -> Reason:
    """The reason saying no observed practice is followed for ``what`` (plural) on ``route``."""
    return say(
        "practice.none",
        sources=(calibration.source,) if not calibration.empty else (),
        uncertain=True,
        what=what,
        route=route.value,
        written_only=calibration.empty,
        min_events=calibration.min_events,
        data=calibration.data,
    )


def _practice_reasons(
    curve: Curve,
    calibration: Calibration,
    route: RouteGroup,
    *,
    start: dt.date,
    window: Window,
    waited: int,
    written: Window | None,
    visit: str | None,
) -> list[Reason]:
    lower, _, upper = calibration.levels
    sources = (calibration.source,)
    out = [
        say(
            "practice.graded" if visit is None else "practice.visit",
            sources=sources,
            uncertain=True,
            route=route.value,
            pooled=curve.route is None,
            from_creation=route.from_creation,
            borrowed=curve.borrowed_steps,
            ended=curve.events,
            first=curve.first or calibration.cut_off,
            last=curve.last or calibration.cut_off,
            waiting=curve.waiting,
            cut_off=calibration.cut_off,
            halflife=calibration.halflife_months,
            waited=waited,
            anchor=start,
            lower=lower,
            upper=upper,
            window=window.iso,
            written=written.iso if written is not None else "",
            visit=visit or "",
        )
    ]
    if waited > curve.longest_days:
        out.append(
            say(
                "practice.tail",
                sources=sources,
                uncertain=True,
                waited=waited,
                longest=curve.longest_days,
                hazard=curve.tail_hazard,
            )
        )
    return out


def _type(
    basis: Basis, day: dt.date, calibration: Calibration, rules: SchedulingRules
) -> tuple[InspectionType, float | None, tuple[Reason, ...]]:
    """The next inspection's type, its observed share (None: the written route's), and why."""
    return _route_type(basis, route_on(basis.prior, day, rules), calibration)


@functools.lru_cache(maxsize=4096)
def _route_type(
    basis: Basis, route: Route, calibration: Calibration
) -> tuple[InspectionType, float | None, tuple[Reason, ...]]:
    """:func:`_type` once the route is known (remembered: it does not depend on the day)."""
    plan = inspection_plan(basis.prior, on=route.valid_from, routes=(route,))
    facts = route_facts(basis)
    reasons = [
        say(
            route.code,
            sources=plan.sources,
            uncertain=plan.uncertain,
            **facts,
            type_name=plan.type.rule.name,
            monitoring_first=plan.monitoring_first,
            weeks_off=plan.weeks_off_site,
            weeks_on=plan.weeks_on_site,
            notice=plan.notice_working_days,
            note=route.note,
        )
    ]
    last = basis.last
    below = below_good(last)
    counts = calibration.type_counts(basis.group, below)
    if not calibration.enough(counts):
        return plan.type, None, tuple(reasons)
    likeliest, count = counts.counts[0]
    others = [f"{t.rule.name}:{n}" for t, n in counts.counts[1:] if n / counts.total >= REAL_SHARE]
    reasons.append(
        say(
            "route.observed",
            sources=(calibration.source,),
            uncertain=True,
            **facts,
            help_and_protection=("below" if below else "good") if last else "",
            likeliest=likeliest.rule.name,
            count=count,
            total=counts.total,
            first=counts.first,
            last=counts.last,
            others=",".join(others),
        )
    )
    return likeliest, count / counts.total, tuple(reasons)


def _abolition_reason(known: Known, window: Window, rules: SchedulingRules) -> Reason | None:
    table = rules.reorganisations
    gone = replaced_on(known.la_code, table)
    if gone is None or window.latest < gone:
        return None
    found = replaced_by(known.la_code, table)
    return say(
        "reorganisation.abolished",
        sources=tuple(dict.fromkeys(s for r in found for s in r.sources)),
        name=known.la_name,
        gone=gone,
        successors=successor_names(known.la_code, table),
        count=len(found),
    )


def stale_reason(calibration: Calibration, as_of: dt.date, *, la: str = "this LA") -> Reason | None:
    """The reason saying the data end (the calibration's cut-off) long before ``as_of``, if they do."""
    if calibration.empty:
        return None
    return stale_after(calibration.cut_off, as_of, la=la, sources=(calibration.source,))


def stale_after(
    last: dt.date, as_of: dt.date, *, la: str = "this LA", sources: tuple[Source, ...] = ()
) -> Reason | None:
    """The reason saying data ending on ``last`` end long before ``as_of`` (for ``la``), if they do.

    Long is more than :data:`STALE_AFTER_DAYS`; the reason gives the gap in whole months.
    """
    if (as_of - last).days <= STALE_AFTER_DAYS:
        return None
    return say(
        "data.stale",
        sources=sources,
        uncertain=True,
        last_event=last,
        as_of=as_of,
        months=round((as_of - last).days / DAYS_PER_MONTH),
        la=la,
    )


def graded_forecast(
    known: Known,
    basis: Basis,
    rules: SchedulingRules,
    calibration: Calibration,
    *,
    national: bool = False,
) -> Forecast:
    """The forecast of the next graded inspection of an LA known as ``known`` on ``basis``'s route.

    ``national`` says the calibration was learnt from the inspections given (a reason says so).
    """
    written = written_window(basis, rules)
    reasons = [*basis.reasons]
    floor = to_operating(known.as_of + dt.timedelta(days=1), rules.pauses)
    overdue = written.window.latest <= known.as_of
    curve = calibration.curve(Stage.NEXT_GRADED, basis.group)
    practice_reasons: list[Reason]
    if curve is not None:
        observed, waited = observed_window(
            curve, calibration, start=basis.start, as_of=known.as_of, pauses=rules.pauses
        )
        window = on_working_days(observed, known.as_of + dt.timedelta(days=1))
        practice = Practice.OBSERVED
        practice_reasons = _practice_reasons(
            curve,
            calibration,
            basis.group,
            start=basis.start,
            window=window,
            waited=waited,
            written=written.window,
            visit=None,
        )
    else:
        moved = written.days.after(floor, shape_from=written.shape_from)
        window = on_working_days(moved.dates(rules.pauses))
        practice = Practice.WRITTEN
        practice_reasons = [no_practice_reason(calibration, "graded inspections", basis.group)]
    kind, type_share, type_reasons = _type(basis, window.expected, calibration, rules)
    reasons += [*type_reasons, *written.reasons, *practice_reasons]
    if overdue:
        reasons.append(overdue_reason(written.window.latest, known.as_of, "next graded inspection"))
    stale = stale_reason(calibration, known.as_of)
    if stale is not None:
        reasons.append(stale)
    if national:
        reasons.append(
            say(
                "calibration.national",
                sources=(calibration.source,),
                uncertain=True,
                cut_off=calibration.cut_off,
            )
        )
    reasons.append(say("forecast.window", what="next graded inspection", window=window.iso))
    gone = _abolition_reason(known, window, rules)
    if gone is not None:
        reasons.append(gone)
    return Forecast(
        la_code=known.la_code,
        la_name=known.la_name,
        as_of=known.as_of,
        kind=ForecastKind.GRADED_INSPECTION,
        type=kind,
        earliest=window.earliest,
        expected=window.expected,
        latest=window.latest,
        overdue=overdue,
        written=written.window,
        reasons=tuple(reasons),
        practice=practice,
        type_share=type_share,
        data_end=None if calibration.empty else calibration.cut_off,
    )


def next_inspection(
    history: Iterable[Inspection],
    *,
    as_of: dt.date,
    calibration: Calibration | None = None,
    rules: SchedulingRules = DEFAULT_RULES,
    la_code: str | None = None,
) -> Forecast:
    """When the LA's next graded inspection is expected to start, what it will be, and why.

    Args:
        history: one LA's inspections and visits, in any order. Events that start after
            ``as_of`` are ignored (but must still be valid events of the same LA). May be empty
            with ``la_code`` for an LA with no event on record (a new LA not yet inspected).
        as_of: the day of the forecast: only what had started by then is known.
        calibration: observed practice to follow: None for the shipped calibration (fitted to
            31 March 2025), ``ilacs.calibrate(national, cut_off=...)`` for one learnt from
            newer data, :func:`~ilacs.scheduling.calibration.written_only` for the written
            rules alone.
        rules: the written rules (see :class:`SchedulingRules`).
        la_code: the LA's code: required for an empty history; checked against the history's.

    Returns:
        A :class:`Forecast` of kind ``GRADED_INSPECTION`` whose window starts after ``as_of``.

    Raises:
        ValidationError: ``history`` is empty without ``la_code``, not of one LA, or has no
            graded inspection by ``as_of`` and is not an LA created by reorganisation; the LA
            was abolished by ``as_of``; ``as_of`` is not a date; ``calibration`` or ``rules``
            is of the wrong type; the last graded inspection has no route (a grade on the
            pre-2013 scale, or no overall grade where its version gives one).
        ParseError: ``la_code`` is not in the catalogue's register.
        OutOfRangeError: ``as_of`` is after 2090.

    >>> import datetime as dt
    >>> thurrock = [
    ...     Inspection("E06000034", "Thurrock", "sif", start=dt.date(2016, 2, 22),
    ...                end=dt.date(2016, 3, 17),
    ...                judgements={"overall": "Requires improvement"}),
    ...     Inspection("E06000034", "Thurrock", "standard", start=dt.date(2019, 11, 11),
    ...                end=dt.date(2019, 11, 22), published=dt.date(2019, 12, 20),
    ...                judgements={"overall": "Good"}),
    ... ]
    >>> forecast = next_inspection(thurrock, as_of=dt.date(2020, 1, 31))
    >>> forecast.type.name, forecast.overdue, forecast.practice.name
    ('SHORT', False, 'OBSERVED')
    >>> print(forecast.written)
    between 11 May 2022 and 13 November 2024, most likely around 16 May 2024

    A new LA with no inspection yet, by its code:

    >>> next_inspection([], as_of=dt.date(2023, 6, 1), la_code="E06000063").type.name
    'STANDARD'
    """
    if (
        isinstance(history, History)
        and type(as_of) is dt.date
        and (calibration is None or isinstance(calibration, Calibration))
        and isinstance(rules, SchedulingRules)
    ):
        return _remembered(history, as_of, calibration, rules, la_code)
    return _next_inspection(history, as_of, calibration, rules, la_code)


def _next_inspection(
    history: Iterable[Inspection],
    as_of: object,
    calibration: object,
    rules: object,
    la_code: str | None,
) -> Forecast:
    rules = _check_rules(rules)
    cal = resolve(calibration)
    known = known_history(history, as_of, la_code)
    basis = basis_of(known, rules)
    return graded_forecast(known, basis, rules, cal)


@functools.lru_cache(maxsize=8192)
def _remembered(
    history: History,
    as_of: dt.date,
    calibration: Calibration | None,
    rules: SchedulingRules,
    la_code: str | None,
) -> Forecast:
    """:func:`next_inspection` of a :class:`History`, remembered: the same question (the same
    history, day, calibration and rules: immutable values) gets the same forecast back."""
    return _next_inspection(history, as_of, calibration, rules, la_code)


@attrs.frozen
class LeftOut:
    """An LA of the inspections given that has no forecast on ``as_of``, and why.

    Args:
        la_code: its code.
        la_name: its name.
        reason: why it has no forecast (abolished, not yet created, no route), in words.
        abolished: the day it was abolished (on or before ``as_of``: its successors are
            forecast instead), else None.
    """

    la_code: str
    la_name: str
    reason: str
    abolished: dt.date | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        return f"{self.la_name} ({self.la_code}): {self.reason}"


class NationalForecasts(list[Forecast]):
    """The forecasts of every LA, ordered by expected day, with the LAs left out and why.

    A list of :class:`Forecast` (so it sorts, slices and iterates as one), with:

    Attributes:
        as_of: the day of the forecasts.
        calibration: the observed practice they follow.
        national: True when it was learnt from the inspections given (they cover the country).
        left_out: the LAs of the data with no forecast (abolished, not yet created, no route).
    """

    def __init__(
        self,
        forecasts: Iterable[Forecast],
        *,
        as_of: dt.date,
        calibration: Calibration,
        national: bool,
        left_out: tuple[LeftOut, ...],
    ) -> None:
        super().__init__(forecasts)
        self.as_of = as_of
        self.calibration = calibration
        self.national = national
        self.left_out = left_out


def _registered(code: str) -> str:
    """The name the register gives the LA coded ``code``."""
    from ilacs.catalogue.la_codes import authority  # the register, loaded when asked

    return authority(code).name


def covers_country(codes: Iterable[str], day: dt.date, rules: SchedulingRules) -> bool:
    """True when ``codes`` hold at least :data:`COUNTRY_SHARE` of the LAs that existed on ``day``."""
    from ilacs.catalogue.la_codes import FORMER_LOCAL_AUTHORITIES, LOCAL_AUTHORITIES

    register = [
        a.code
        for a in (*LOCAL_AUTHORITIES, *FORMER_LOCAL_AUTHORITIES)
        if absence_on(a.code, day, rules.reorganisations) is None
    ]
    have = set(codes)
    return bool(register) and sum(c in have for c in register) >= COUNTRY_SHARE * len(register)


def learnt_if_national(
    known: list[Inspection],
    rules: SchedulingRules,
    *,
    data: str,
    codes: Iterable[str] | None = None,
) -> Calibration | None:
    """Observed practice learnt from ``known`` up to its last event, when it covers the country.

    Args:
        known: the inspections known on the day of the forecasts (none after it).
        rules: the written rules.
        data: where the inspections came from (the calibration's ``data``).
        codes: the LAs the data hold (default: those of ``known``).

    Returns:
        The calibration, or None when ``codes`` hold fewer than :data:`COUNTRY_SHARE` of the
        LAs that existed on the last day of ``known`` (or ``known`` is empty).
    """
    if not known:
        return None
    last = max(i.date for i in known)
    if not covers_country({i.la_code for i in known} if codes is None else codes, last, rules):
        return None
    from ilacs.fitting.calibrate import calibrate

    return calibrate(known, cut_off=last, rules=rules, data=data)


def _left_out(code: str, name: str, absent: Absence, rules: SchedulingRules) -> LeftOut:
    """The LA ``code`` left out because it does not exist on the day: the fact and its words."""
    successors = successor_names(code, rules.reorganisations) if absent.abolished else ""
    return LeftOut(
        code,
        name,
        absence_words(created=absent.created, abolished=absent.abolished, successors=successors),
        abolished=absent.abolished,
    )


def next_inspections(
    inspections: Iterable[Inspection],
    *,
    as_of: dt.date,
    calibration: Calibration | None = None,
    rules: SchedulingRules = DEFAULT_RULES,
) -> NationalForecasts:
    """The next graded inspection of every LA in ``inspections`` that exists on ``as_of``.

    LAs created by reorganisation whose predecessors are in the data are included even with no
    event of their own (a standard inspection, counted from their creation); abolished LAs and
    LAs with no route are left out, and :attr:`NationalForecasts.left_out` says why.

    Args:
        inspections: inspections and visits of many LAs (a national or regional history).
        as_of: the day of the forecasts.
        calibration: observed practice to follow. None: learnt from ``inspections`` themselves
            (up to their last event on or before ``as_of``) when they cover the country (at
            least :data:`COUNTRY_SHARE` of the register's LAs), else the shipped calibration.
        rules: the written rules.

    Returns:
        A :class:`NationalForecasts` list, ordered by expected day, then LA name.

    Raises:
        ValidationError: ``inspections`` is not an iterable of Inspection records or is empty,
            ``as_of`` is not a date or falls before the data's first event, ``calibration`` or
            ``rules`` is of the wrong type, or an LA's history is invalid.
    """
    rules = _check_rules(rules)
    day = check_date("as_of", as_of, optional=False)
    assert day is not None
    items = inspections_of(inspections)
    if not items:
        raise ValidationError("inspections", [], "at least one inspection")
    first = min(i.date for i in items)
    if day < first:
        raise ValidationError(
            "as_of",
            day.isoformat(),
            f"a date on or after the data's first event ({first.isoformat()})",
        )
    every = histories(items)
    national = False
    if calibration is None:
        known = [i for i in items if i.date <= day]
        learnt = learnt_if_national(known, rules, data="the inspections given", codes=every)
        national = learnt is not None
        cal = learnt if learnt is not None else shipped()
    else:
        cal = resolve(calibration)
    forecasts: list[Forecast] = []
    left: list[LeftOut] = []
    for code in with_successors(every, rules.reorganisations):
        history = every.get(code)
        name = history.la_name if history is not None else _registered(code)
        absent = absence_on(code, day, rules.reorganisations)
        if absent is not None:
            left.append(_left_out(code, name, absent, rules))
            continue
        try:
            known_la = known_history(history.events if history else (), day, code)
            basis = basis_of(known_la, rules)
        except ValidationError as error:
            left.append(LeftOut(code, name, str(error)))
            continue
        forecasts.append(graded_forecast(known_la, basis, rules, cal, national=national))
    forecasts.sort(key=lambda f: (f.expected, f.la_name))
    return NationalForecasts(
        forecasts, as_of=day, calibration=cal, national=national, left_out=tuple(left)
    )

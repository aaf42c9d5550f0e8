"""Facts into sentences: every reason the library gives, worded in one place, keyed by its code.

Computations decide and return :class:`~ilacs.sources.Reason` records of *facts*: a code and the
values the decision rests on (dates as ISO strings, counts, names of the rules applied). This
module is the only one that turns them into the sentences a scrutiny committee reads, and only
when :attr:`Reason.text <ilacs.sources.Reason.text>` is read, so a forecast whose reasons nobody
reads costs no words. :data:`TEMPLATES` maps each code a computation can emit to the function
that words it; a code ending in ``*`` words every code with that prefix (the catalogue's rule
codes: ``route.*``, ``duty.*``, ``comparability.*``). ``docs/reasons.md`` lists them all,
generated from :data:`TEMPLATES` (``tests/test_words.py`` checks it, and that every code the
library emits has a template).

>>> from ilacs.sources import Reason
>>> reason = say("data.stale", last_event="2025-03-31", as_of="2026-12-02", months=20)
>>> reason.facts
(('last_event', '2025-03-31'), ('as_of', '2026-12-02'), ('months', 20))
>>> print(reason.text)  # doctest: +NORMALIZE_WHITESPACE
The data end on 31 March 2025, 20 months before 2 December 2026: inspections and visits
since then are unknown, so this LA may have been inspected already.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping

from ilacs.sources import Fact, Reason, Source

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ilacs.catalogue.rule import Rule

__all__ = [
    "TEMPLATES",
    "article",
    "cite",
    "long_date",
    "months",
    "render",
    "say",
    "share",
    "short_date",
    "span_words",
    "template_for",
    "weeks",
    "window_words",
]

Template = Callable[..., str]
"""A function of a reason's facts (keyword arguments) returning its sentence."""


# --- how values read ---------------------------------------------------------------------------


def long_date(day: dt.date | str) -> str:
    """A date as a committee writes it: ``"11 November 2022"`` (from a date or an ISO string)."""
    value = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{value.day} {value:%B %Y}"


def short_date(day: dt.date) -> str:
    """A date as a table or a figure's label writes it: ``"11 Nov 2022"``."""
    return f"{day.day} {day:%b %Y}"


def window_words(text: str) -> str:
    """A window ``"earliest/expected/latest"`` (ISO dates) in words."""
    earliest, expected, latest = text.split("/")
    return (
        f"between {long_date(earliest)} and {long_date(latest)}, most likely around "
        f"{long_date(expected)}"
    )


def span_words(text: str) -> str:
    """On-site dates ``"first/last"`` (ISO) in words: "11 to 22 November 2019"."""
    first_text, _, last_text = text.partition("/")
    first = dt.date.fromisoformat(first_text)
    if not last_text or last_text == first_text:
        return long_date(first)
    last = dt.date.fromisoformat(last_text)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {long_date(last)}"
    if first.year == last.year:
        return f"{first.day} {first:%B} to {long_date(last)}"
    return f"{long_date(first)} to {long_date(last)}"


def weeks(count: int) -> str:
    """``count`` weeks in words: "1 week", "3 weeks"."""
    return f"{count} week" if count == 1 else f"{count} weeks"


def months(days: int) -> str:
    """A number of days as months, or weeks when under two months: "14 months", "6 weeks"."""
    if days < 61:
        return weeks(round(days / 7))
    from ilacs.scheduling.optime import DAYS_PER_MONTH

    return f"{round(days / DAYS_PER_MONTH)} months"


def share(level: float) -> str:
    """A probability as a percentage: 0.05 -> "5%", 0.025 -> "2.5%"."""
    return f"{round(level * 100, 1):g}%"


def article(words: str) -> str:
    """``words`` after their indefinite article: "an ILACS short inspection", "a good judgement"."""
    return f"{'an' if words[:1].upper() in 'AEIOU' else 'a'} {words}"


def ordinal(n: int) -> str:
    """1 -> "first", 3 -> "third"."""
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


def after(prior: str | None, no_overall: bool = False) -> str:
    """What a route follows: "after a good judgement", "with no graded inspection of its own"."""
    if prior is None:
        return "with no graded inspection of its own"
    if no_overall:
        return f"after a result without an overall grade, read as {prior.lower()}"
    return f"after {article(prior.lower())} judgement"


def absence_words(
    *, created: dt.date | None = None, abolished: dt.date | None = None, successors: str = ""
) -> str:
    """Why an LA has no forecast on a day: created after it, or abolished (and by whom replaced).

    >>> import datetime as dt
    >>> absence_words(created=dt.date(2023, 4, 1))
    'created on 2023-04-01, after as_of'
    """
    if created is not None:
        return f"created on {created.isoformat()}, after as_of"
    assert abolished is not None
    return f"abolished on {abolished.isoformat()}: replaced by {successors}, forecast instead"


def capital(text: str) -> str:
    """``text`` with its first letter upper-case."""
    return text[:1].upper() + text[1:]


# --- the templates -----------------------------------------------------------------------------


def _last_graded(
    kind: str, span: str, framework: str, version: str, grade: str | None, **_: Fact
) -> str:
    """The last graded inspection the route follows."""
    said = f"was judged {grade.lower()} overall" if grade else "has no overall grade"
    return (
        f"The last graded inspection was the {kind} of {span_words(span)} ({framework}, {version}), "
        f"which {said}."
    )


def _new_la(name: str, created: str, predecessors: str, **_: Fact) -> str:
    """An LA created by reorganisation, with no graded inspection of its own."""
    return (
        f"{name} was created on {long_date(created)}, replacing {predecessors}, and has had no "
        "graded inspection of its own: the cycle is counted from its creation."
    )


def _anchor_missing(kind: str, wanted: str, used: str, day: str, later: bool, **_: Fact) -> str:
    """The day of the last inspection the cycle counts from is unknown: the day used instead."""
    return (
        f"The {wanted} of the {kind} is not recorded: the cycle is counted from its {used} "
        f"({long_date(day)}) instead, so the window may be a little "
        f"{'late' if later else 'early'}."
    )


def _no_overall(
    version: str,
    outcome: str,
    areas: str = "",
    count: int = 0,
    practice_areas: int = 0,
    practice: str = "",
    needed: int = 0,
    leaders: str = "",
    **_: Fact,
) -> str:
    """A last inspection without an overall grade (ILACS 2026): the route read from its judgements."""
    leaders = leaders or practice
    if outcome == "monitoring":
        plural = " and " in areas
        were = "judgements on" if plural else "judgement on"
        what = (
            "monitoring visits and then a re-inspection, as after an inadequate judgement, "
            f"because the {were} {areas} {'were' if plural else 'was'} inadequate"
        )
    elif outcome == "short":
        what = (
            f"a short inspection next, because the leaders' judgement is {leaders} or better and "
            f"{count} of the {practice_areas} practice judgements are {practice} or better"
        )
    else:
        what = (
            "a standard inspection next, because the test for a short one (the leaders' "
            f"judgement {leaders} or better and {needed} of the {practice_areas} practice "
            f"judgements {practice} or better) is not met"
        )
    return (
        f"The last inspection ({version}) has no overall effectiveness grade. The library's best "
        f"reading of the rules since April 2026 gives {what}. This reading is not confirmed by "
        "Ofsted's text."
    )


def _route(
    code: str,
    prior: str | None,
    type_name: str,
    no_overall: bool = False,
    monitoring_first: bool = False,
    weeks_off: int | None = None,
    weeks_on: int | None = None,
    notice: int | None = None,
    note: str = "",
    **_: Fact,
) -> str:
    """The written rule's next graded inspection after the prior grade (one code per route)."""
    parts = []
    if weeks_off is not None and weeks_on is not None:
        off = f"{weeks(weeks_off)} off site after the call" if weeks_off else "no notice"
        parts.append(f"{off}, then {weeks(weeks_on)} on site")
    if notice is not None:
        parts.append(f"about {notice} working days' notice")
    shape = f" ({'; '.join(parts)})" if parts else ""
    before = "after monitoring visits, " if monitoring_first else ""
    text = (
        f"Route: {after(prior, no_overall)}, the written rule's next graded inspection is "
        f"{before}{article(type_name)}{shape}."
    )
    return f"{text} {note}" if note else text


def _route_observed(
    prior: str | None,
    no_overall: bool,
    help_and_protection: str,
    likeliest: str,
    count: int,
    total: int,
    first: str,
    last: str,
    others: str = "",
    **_: Fact,
) -> str:
    """The type that most often followed the route in the data, with the others' shares."""
    hp = {
        "below": " whose help-and-protection judgement was below good",
        "good": " whose help-and-protection judgement was good or better",
    }.get(help_and_protection, "")
    named = (pair.rpartition(":") for pair in others.split(",") if pair)
    more = "".join(
        f"{'; ' if i == 0 else ', '}{article(name)} in {n}" for i, (name, _, n) in enumerate(named)
    )
    return (
        f"Observed practice: {after(prior, no_overall)}{hp}, the next graded inspection was "
        f"{article(likeliest)} in {count} of {total} cases ({long_date(first)} to "
        f"{long_date(last)}){more}."
    )


def _cycle(
    band_months: int, years: int, counted_from: str, anchor: str, window: str, **_: Fact
) -> str:
    """The written cycle: the anniversary of the anchor, the band either side (one code per cycle)."""
    return (
        f"Written rule: the next graded inspection usually starts between {band_months} months "
        f"before and {band_months} months after the {ordinal(years)} anniversary of "
        f"{counted_from} ({long_date(anchor)}), i.e. {window_words(window)}."
    )


def _pause(pauses: str, days: int, window: str, **_: Fact) -> str:
    """National pauses that stopped the clock between the anchor and the window's end."""
    names = "; ".join(
        f"the {name} ({long_date(start)} to {long_date(resume)})"
        for name, start, resume in (item.split("|") for item in pauses.split(";"))
    )
    return (
        f"National pause: {names} stopped the clock for {days} days. The rules do not say how "
        "Ofsted caught up afterwards: some LAs were inspected on the old timetable, others a "
        "whole pause later. So the window keeps its earliest day and its expected and latest "
        f"days move later by the paused days: {window_words(window)}."
    )


def _monitoring(
    plan_days: int,
    plan_due: str,
    interval_months: int,
    lag_weeks: int,
    min_visits: int,
    max_visits: int,
    within_months: int,
    team: str,
    visit_days: int | None,
    window: str = "",
    held: int | None = None,
    **_: Fact,
) -> str:
    """The written monitoring rule for an LA judged inadequate."""
    length = f" for {visit_days} days" if visit_days is not None else ""
    text = (
        "Written rule for an LA judged inadequate: its action plan is due "
        f"{plan_days} working days after the report ({long_date(plan_due)}); monitoring visits "
        f"by {team}{length} follow every {interval_months} months, the first about "
        f"{weeks(lag_weeks)} after the plan; re-inspection comes after at least {min_visits} "
        f"visits, usually after up to {max_visits} and within {within_months} months of the plan"
    )
    if window:
        text += f": {window_words(window)}"
    if held is not None:
        text += f"; {held} held so far"
    return text + "."


def _no_publication(kind: str, day: str, **_: Fact) -> str:
    """The report's publication date is unknown: what its deadlines count from instead."""
    return (
        f"The publication date of the report on the {kind} is not recorded: its deadlines are "
        f"counted from the inspection's last day ({long_date(day)}), so they may be early."
    )


def _who(route: str, pooled: bool, from_creation: bool) -> str:
    """Whose waits a curve counts: the route's LAs, or every route's when too few."""
    if pooled:
        return f"LAs on every route (too few {route} to learn from alone)"
    if from_creation:
        return "LAs created by reorganisation, from their creation"
    return f"LAs {route}, from their last graded inspection"


def _practice(
    route: str,
    borrowed: int,
    ended: int,
    first: str,
    last: str,
    waiting: int,
    cut_off: str,
    halflife: float,
    waited: int,
    anchor: str,
    lower: float,
    upper: float,
    window: str,
    written: str = "",
    visit: str = "",
    pooled: bool = False,
    from_creation: bool = False,
    **_: Fact,
) -> str:
    """Observed practice: how long LAs that had waited as long waited in all (the window)."""
    counted = f"{_who(route, pooled, from_creation)}, are counted" + (
        f" (in {borrowed} fortnights where too few of them were waiting, every route together)"
        if borrowed
        else ""
    )
    fade = (
        f"; recent evidence weighs more (a fortnight {halflife:g} months before "
        f"{long_date(cut_off)} counts half)"
    )
    low, mid, high = (long_date(d) for d in window.split("/"))
    differs = (
        f"The written rule gives {window_words(written)}; this forecast follows observed practice."
        if written and written != window
        else "This forecast follows observed practice."
    )
    if visit:
        return (
            f"Observed practice: {counted}; {ended} of these waits ended in a {visit} (from "
            f"{long_date(first)} to {long_date(last)}) and {waiting} were still open on "
            f"{long_date(cut_off)}{fade}. Of LAs that had waited as long as this one "
            f"({months(waited)} since {long_date(anchor)}), {share(lower)} had the {visit} by "
            f"{low}, half by {mid} and {share(upper)} by {high}. {differs}"
        )
    return (
        f"Observed practice: {counted}; of them, {ended} were next inspected (from "
        f"{long_date(first)} to {long_date(last)}) and {waiting} were still waiting on "
        f"{long_date(cut_off)}, counted as waiting{fade}. Of LAs that had waited as long as this "
        f"one ({months(waited)} since {long_date(anchor)}), {share(lower)} were inspected by "
        f"{low}, half by {mid} and {share(upper)} by {high}. {differs}"
    )


def _practice_none(
    what: str, route: str, written_only: bool, min_events: int, data: str, **_: Fact
) -> str:
    """No observed practice for the case: the written rule is followed."""
    why = (
        "the calibration holds the written rules only"
        if written_only
        else f"fewer than {min_events} such waits ended in {data}"
    )
    return f"No observed practice for {what} {route}: {why}. The forecast follows the written rule."


def _practice_tail(waited: int, longest: int, hazard: float, **_: Fact) -> str:
    """The LA has waited longer than any wait that ended in the data."""
    return (
        f"Few LAs on record waited this long ({months(waited)}; the longest wait that ended was "
        f"{months(longest)}): beyond that the library assumes a {share(hazard)} chance each "
        "fortnight that the wait ends, the recent average."
    )


def _overdue(what: str, closed: str, as_of: str, **_: Fact) -> str:
    """The written rule's window closed before the day of the forecast."""
    days = (dt.date.fromisoformat(as_of) - dt.date.fromisoformat(closed)).days
    return (
        f"Overdue on the written rule: its window for the {what} closed on {long_date(closed)}, "
        f"{days} days ({months(days)}) before {long_date(as_of)}, and no such inspection or "
        f"visit is recorded since. The window starts after {long_date(as_of)}, never in the past."
    )


def _stale(last_event: str, as_of: str, months: int, la: Fact = "this LA", **_: Fact) -> str:
    """The day of the forecast is more than six months after the data's end."""
    return (
        f"The data end on {long_date(last_event)}, {months} months before {long_date(as_of)}: "
        f"inspections and visits since then are unknown, so {la} may have been inspected "
        "already."
    )


def _national(cut_off: str, **_: Fact) -> str:
    """Observed practice was learnt from the inspections given, not the shipped calibration."""
    return (
        "Observed practice learnt from the inspections given (every LA in England, to "
        f"{long_date(cut_off)}), not the library's shipped calibration."
    )


def _forecast_window(what: str, window: str, **_: Fact) -> str:
    """The forecast's window."""
    return f"Forecast: the {what} is expected to start {window_words(window)}."


def _abolished(name: str, gone: str, successors: str, count: int, **_: Fact) -> str:
    """The LA is abolished before the window ends."""
    new = (
        "the new councils, with a standard inspection of their own"
        if count > 1
        else "the new council, with a standard inspection of its own"
    )
    return (
        f"{name} is replaced on {long_date(gone)} by {successors}: an inspection after that day "
        f"is of {new}."
    )


def _focused_written(
    prior: str | None,
    no_overall: bool,
    count: int,
    most: int,
    note: str,
    first_months: int | None = None,
    last_months: int | None = None,
    **_: Fact,
) -> str:
    """The written rule on focused visits between graded inspections (sources disagree)."""
    visits = f"{count} focused visit is" if count == 1 else f"{count} focused visits are"
    when = (
        f", the first {first_months} to {last_months} months after the inspection"
        if first_months is not None
        else ""
    )
    return (
        f"Written rule (sources disagree): {after(prior, no_overall)}, {visits} expected before "
        f"the next graded inspection (at most {most}){when}. {note}"
    )


def _focused_observed(
    prior: str | None,
    no_overall: bool,
    counts: str,
    first: str,
    last: str,
    usual: int,
    held: int,
    **_: Fact,
) -> str:
    """How many focused visits fell between two graded inspections on the route."""
    pairs = [tuple(int(x) for x in pair.split(":")) for pair in counts.split(",")]
    total = sum(n for _, n in pairs)
    described = ", ".join(f"{n} had {k} focused visit{'' if k == 1 else 's'}" for k, n in pairs)
    so_far = f"{held} {'has' if held == 1 else 'have'} been held" if held else "none has been held"
    return (
        f"Observed practice: between two graded inspections {after(prior, no_overall)}, of "
        f"{total} periods, {described} (periods ending {long_date(first)} to {long_date(last)}); "
        f"the usual number is {usual}, and {so_far} since the last graded inspection."
    )


def _focused_began(version: str, began: str, last: str, **_: Fact) -> str:
    """Focused visits began with ILACS, after the last graded inspection."""
    return (
        f"Focused visits began with {version} on {long_date(began)}, after the last graded "
        f"inspection ({long_date(last)}): the first is counted from that day."
    )


def _visit_pause(planned: str, written: str, **_: Fact) -> str:
    """National pauses of visits stopped the clock of a visit's window."""
    return (
        f"National pauses of visits stopped the clock, so the written window ({window_words(planned)}) "
        f"becomes {window_words(written)}."
    )


def _before_inspection(visit: str, cap: str, **_: Fact) -> str:
    """A visit's window ends when the next graded inspection is expected at the latest."""
    return (
        f"A {visit} comes between graded inspections: the next graded inspection is expected "
        f"by {long_date(cap)} at the latest, so the window ends then."
    )


def _until_reinspection(ends: str, **_: Fact) -> str:
    """Monitoring visits are forecast until the re-inspection is expected."""
    return (
        f"Monitoring ends with the re-inspection, expected around {long_date(ends)}: no "
        "monitoring visit expected after that day is forecast."
    )


def _duty(
    who: str, name: str, working_days: int, trigger: str, condition: str = "", **_: Fact
) -> str:
    """A post-inspection duty and its deadline (one code per duty)."""
    when = f" (when {condition})" if condition else ""
    return (
        f"{capital(who)} must {name} within {working_days} working days of {trigger}{when}. "
        "Working days exclude weekends, Christmas Day, Good Friday and bank holidays in England "
        "and Wales."
    )


def _duty_note(note: str, **_: Fact) -> str:
    """The caveats of a duty."""
    return note


def _from_publication(published: str, **_: Fact) -> str:
    """The day the LA received the report is unknown: the deadline counts from publication."""
    return (
        "The day the LA received the final report is not known: the deadline is counted from "
        f"the report's publication ({long_date(published)}). The LA usually receives it a few "
        "days earlier, so the real deadline may be earlier."
    )


def _comparability(code: str, la: str = "", **_: Fact) -> str:
    """A comparability rule applied to two judgements (one code per rule)."""
    from ilacs.catalogue.comparability import RULES_BY_CODE

    return RULES_BY_CODE[code].sentence(la)


TEMPLATES: Mapping[str, Template] = {
    "history.last-graded": _last_graded,
    "history.new-la": _new_la,
    "anchor.missing": _anchor_missing,
    "route.no-overall-2026": _no_overall,
    "route.observed": _route_observed,
    "route.*": _route,
    "cycle.*": _cycle,
    "cycle.pause": _pause,
    "cadence.monitoring": _monitoring,
    "cadence.focused-visits": _focused_written,
    "report.no-publication": _no_publication,
    "practice.graded": _practice,
    "practice.visit": _practice,
    "practice.none": _practice_none,
    "practice.tail": _practice_tail,
    "overdue": _overdue,
    "data.stale": _stale,
    "calibration.national": _national,
    "forecast.window": _forecast_window,
    "reorganisation.abolished": _abolished,
    "visits.count-observed": _focused_observed,
    "visits.focused-began": _focused_began,
    "visits.pause": _visit_pause,
    "visits.before-inspection": _before_inspection,
    "visits.until-reinspection": _until_reinspection,
    "duty.*": _duty,
    "duty.note": _duty_note,
    "deadline.from-publication": _from_publication,
    "comparability.*": _comparability,
}
"""Every reason code the library emits, or a family of codes (``prefix.*``), and its words."""


@functools.cache
def template_for(code: str) -> Template:
    """The template that words ``code``: its own, else its family's (``prefix.*``).

    Raises:
        KeyError: no template words ``code``.
    """
    found = TEMPLATES.get(code)
    if found is not None:
        return found
    for key in TEMPLATES:
        if "*" not in key:
            continue
        head, _, tail = key.partition("*")
        if code.startswith(head) and code.endswith(tail) and len(code) > len(head) + len(tail):
            return TEMPLATES[key]
    raise KeyError(f"no template words the reason code {code!r}")


def render(reason: Reason) -> str:
    """The sentence of ``reason``, from its template and facts."""
    return template_for(reason.code)(code=reason.code, **dict(reason.facts))


def say(
    code: str, *, sources: tuple[Source, ...] = (), uncertain: bool = False, **facts: object
) -> Reason:
    """A reason with code ``code`` and ``facts`` (dates are kept as ISO strings).

    Raises:
        KeyError: no template words ``code``.
        ValidationError: a fact is not a plain value (text, number, flag, date or None).
    """
    template_for(code)
    return Reason(
        code,
        tuple((k, v.isoformat() if isinstance(v, dt.date) else v) for k, v in facts.items()),  # type: ignore[misc]
        sources,
        uncertain,
    )


def cite(rule: Rule, **facts: object) -> Reason:
    """The reason a catalogue ``rule`` gives: its code, sources and certainty, and ``facts``."""
    return say(rule.code, sources=rule.sources, uncertain=rule.uncertain, **facts)

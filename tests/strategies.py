"""Hypothesis strategies shared by all tests: every record they build is valid by construction.

Import them as ``from strategies import inspections, histories`` (pytest puts ``tests/`` on the
import path, as for ``conftest.py``).

- :data:`dates` (2009 to 2030), :data:`ilacs_days` (2018 to 2030), :data:`far_days` (2009 to
  2100), :data:`frameworks`, :data:`grades`,
  :data:`legacy_grades`, :func:`grades_on` (the scale of a framework version), :data:`versions`,
  :func:`judgements_of` (areas of one version on its scale);
- :func:`inspections`: type consistent with framework version and date; graded types get
  judgements only of their version's areas on its scale; letters (focused and monitoring visits,
  JTAIs) none;
- :func:`histories`: one LA, no duplicate events, no overlapping graded inspections;
- :func:`readable_inspections`: lists of inspections a reader reads back: each LA code an
  authority of the catalogue's register on the record's date, no two records of one LA and day;
  :func:`ilacs_inspections_of_las`: ILACS inspections of distinct LAs, as Ofsted lists them;
- :data:`judgement_records`, :data:`sources`, :data:`reasons`, :data:`problems`,
  :data:`read_results`;
- :data:`regions`; :func:`spellings`: a name as people type it (any case, spacing, hyphens
  or underscores);
- :func:`la_spellings`: an LA's name as people write it (any case, "&", no punctuation);
- :func:`mutations`: damaged copies of the bytes of a file (bytes flipped, inserted, deleted or
  repeated, the file cut short), for fuzzing the readers;
- scheduling: :func:`forecastable_histories` (one real LA's graded inspections and visits, in
  a random order, that every forecasting function accepts) and :data:`as_of_days`;
- comparison: :func:`judgement_records` (optionally of some versions and LAs),
  :data:`minutes_las`, :data:`policies`, :data:`sif_versions`, :data:`ilacs_versions`;
- observed practice: :data:`wait_lengths`, :data:`hazard_lists`, :data:`tail_hazards`,
  :func:`curves`, :func:`calibrations`;
- :data:`any_values`: values of every kind an error may be handed (long, nested, odd).
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from typing import Any

import attrs
from hypothesis import strategies as st

from ilacs.catalogue.frameworks import (
    EARLIEST_SUPPORTED,
    VERSIONS,
    Framework,
    FrameworkVersion,
    JudgementArea,
    Scale,
    framework_version_on,
    versions_of,
)
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.catalogue.la_codes import FORMER_LOCAL_AUTHORITIES, LOCAL_AUTHORITIES, authority
from ilacs.catalogue.regions import Region
from ilacs.catalogue.reorganisations import REORGANISATIONS, Kind
from ilacs.comparison import Policy
from ilacs.reading import Problem, ReadResult
from ilacs.records import History, Inspection, Judgement
from ilacs.scheduling.calibration import (
    Calibration,
    Curve,
    RouteGroup,
    Stage,
    TypeCounts,
    VisitCounts,
)
from ilacs.sources import Evidence, Reason, Source

LATEST = dt.date(2030, 12, 31)
"""The last date the strategies draw (the newest version has no end)."""

dates = st.dates(EARLIEST_SUPPORTED, LATEST)
ilacs_days = st.dates(dt.date(2018, 1, 1), LATEST)
far_days = st.dates(EARLIEST_SUPPORTED, dt.date(2100, 12, 31))
"""Every day the library reads, to the end of the working-day calendar (2100)."""
frameworks = st.sampled_from(Framework)
"""Days under ILACS (in force from January 2018, the spec's section 1.1)."""
grades = st.sampled_from(Grade)
legacy_grades = st.sampled_from(LegacyGrade)
versions = st.sampled_from(VERSIONS)
graded_versions = st.sampled_from([v for v in VERSIONS if v.areas])
inspection_types = st.sampled_from(InspectionType)

regions = st.sampled_from(Region)
"""The nine ONS regions of England."""

la_codes = st.from_regex(r"[EW]0[6-9][0-9]{6}", fullmatch=True)
"""ONS-like codes (the CSV strips codes, so they have no surrounding spaces)."""

# Free text as people type it into a CSV cell: commas, quotes, accents, line breaks, control
# characters; not lone surrogates (which are not UTF-8).
free_text = st.text(st.characters(codec="utf-8"), max_size=25)
la_names = st.one_of(
    st.sampled_from(["Thurrock", "Dorset (county council, to March 2019)", "Bristol, City of"]),
    free_text,
)
nonblank_text = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")


def spellings(name: str) -> st.SearchStrategy[str]:
    """``name`` as people type it: each letter in any case, words joined by any of a space, a
    run of spaces, a hyphen or an underscore, with spaces around it or not."""
    words = name.replace("_", " ").replace("-", " ").split()
    joins = st.sampled_from([" ", "  ", "-", "_", " - "])
    cased = [
        st.tuples(*(st.sampled_from([c.lower(), c.upper()]) for c in word)).map("".join)
        for word in words
    ]
    return st.tuples(
        st.sampled_from(["", " "]),
        st.tuples(*cased),
        st.lists(joins, min_size=len(words), max_size=len(words)),
        st.sampled_from(["", " ", "\n"]),
    ).map(
        lambda t: t[0] + "".join(w + j for w, j in zip(t[1], [*t[2][1:], ""], strict=True)) + t[3]
    )


def grades_on(version: FrameworkVersion) -> st.SearchStrategy[Grade | LegacyGrade]:
    """Grades on ``version``'s scale."""
    return legacy_grades if version.scale is Scale.LEGACY else grades


def judgements_of(
    version: FrameworkVersion,
) -> st.SearchStrategy[dict[JudgementArea, Grade | LegacyGrade]]:
    """Judgements of some of ``version``'s areas, each on its scale (maybe none)."""
    if not version.areas:
        return st.just({})
    return st.dictionaries(st.sampled_from(version.judgement_areas), grades_on(version))


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _days_from(day: dt.date, most: int) -> st.SearchStrategy[dt.date]:
    return st.dates(day, min(LATEST, day + dt.timedelta(days=most)))


@st.composite
def inspections(
    draw: st.DrawFn,
    la_code: str | None = None,
    la_name: str | None = None,
    types: st.SearchStrategy[InspectionType] = inspection_types,
) -> Inspection:
    """A valid :class:`Inspection` of any type, under a version in force on its date."""
    kind = draw(types)
    rule = kind.rule
    framework: Framework = draw(st.sampled_from(rule.frameworks))
    version = draw(
        st.sampled_from(
            [
                v
                for v in versions_of(framework)
                if v.valid_to is None or v.valid_to >= EARLIEST_SUPPORTED
            ]
        )
    )
    day = draw(st.dates(max(version.valid_from, EARLIEST_SUPPORTED), version.valid_to or LATEST))
    anchor = draw(st.sampled_from(["start", "start", "start", "end", "published"]))
    start = end = published = notified = None
    if anchor == "start":
        start = day
        end = draw(_optional(_days_from(day, 40)))
        published = draw(_optional(_days_from(end or day, 120)))
    elif anchor == "end":
        end = day
        published = draw(_optional(_days_from(day, 120)))
    else:
        published = day
    first = start or end
    if first is not None:
        notified = draw(
            _optional(st.dates(max(EARLIEST_SUPPORTED, first - dt.timedelta(days=30)), first))
        )
    judgements = draw(judgements_of(version)) if kind.graded else {}
    return Inspection(
        la_code if la_code is not None else draw(la_codes),
        la_name if la_name is not None else draw(la_names),
        kind,
        start=start,
        end=end,
        published=published,
        judgements=judgements,
        # Given, or left to be derived (the same version for graded types, which have one
        # framework; letters have no judgements, so the derived version does not matter).
        framework=draw(st.sampled_from([framework, None])),
        notified=notified,
        theme=draw(st.just("") | free_text),
        priority_action=draw(st.booleans()),
    )


graded_inspections = inspections(
    types=st.sampled_from([t for t in InspectionType if t.graded])
).filter(lambda i: bool(i.judgements))
"""Inspections with at least one judgement."""


@st.composite
def histories(draw: st.DrawFn, max_size: int = 8) -> History:
    """One LA's history: no event twice, no two graded inspections that overlap."""
    code, name = draw(la_codes), draw(la_names)
    drawn = draw(st.lists(inspections(la_code=code, la_name=name), min_size=1, max_size=max_size))
    kept: list[Inspection] = []
    for event in sorted(drawn, key=lambda i: i.date):
        if any(k.type is event.type and k.date == event.date for k in kept):
            continue
        if event.graded and any(k.graded and k.overlaps(event) for k in kept):
            continue
        kept.append(event)
    return History.of(kept)


_CREATED = {r.la_code: r.created for r in REORGANISATIONS if r.kind is Kind.NEW_AUTHORITY}


def la_codes_on(day: dt.date) -> st.SearchStrategy[str]:
    """Codes of the authorities of the catalogue's register on ``day``: current ones (a new
    authority from its creation), and former ones until their abolition."""
    codes = [a.code for a in LOCAL_AUTHORITIES if day >= _CREATED.get(a.code, day)]
    codes += [a.code for a in FORMER_LOCAL_AUTHORITIES if a.abolished and day < a.abolished]
    return st.sampled_from(codes)


@st.composite
def readable_inspections(draw: st.DrawFn, max_size: int = 6) -> list[Inspection]:
    """Inspections a file may hold: LA codes in the register on each record's date, and no
    two records of one LA and day (the readers refuse both)."""
    drawn = draw(st.lists(inspections(), max_size=max_size))
    kept: dict[tuple[str, dt.date], Inspection] = {}
    for item in drawn:
        record = attrs.evolve(item, la_code=draw(la_codes_on(item.date)))
        kept.setdefault((record.la_code, record.date), record)
    return list(kept.values())


_CURRENT = frozenset(a.code for a in LOCAL_AUTHORITIES)


@st.composite
def ilacs_inspections_of_las(draw: st.DrawFn, max_size: int = 6) -> list[Inspection]:
    """Standard and short ILACS inspections of distinct current LAs, each with its start and
    publication dates and a grade for every area its version judges (as Ofsted's 2025 history
    sheet lists them), sorted by LA code."""
    found: dict[str, Inspection] = {}
    for _ in range(draw(st.integers(0, max_size))):
        start = draw(st.dates(dt.date(2018, 1, 1), dt.date(2026, 3, 20)))
        code = draw(la_codes_on(start).filter(_CURRENT.__contains__))
        areas = framework_version_on(start, Framework.ILACS).judgement_areas
        found.setdefault(
            code,
            Inspection(
                code,
                authority(code).name,
                draw(st.sampled_from([InspectionType.STANDARD, InspectionType.SHORT])),
                start=start,
                published=start + dt.timedelta(days=draw(st.integers(10, 200))),
                judgements={area: draw(grades) for area in areas},
                framework=Framework.ILACS,
            ),
        )
    return sorted(found.values(), key=lambda r: r.la_code)


minutes_las = st.sampled_from(
    [("E06000034", "Thurrock"), ("E06000041", "Wokingham"), ("E06000047", "Durham")]
)
"""The minutes' three LAs (code, name): drawn from so few, pairs of one LA are frequent."""

sif_versions = st.sampled_from([v for v in VERSIONS if v.framework is Framework.SIF])
ilacs_versions = st.sampled_from([v for v in VERSIONS if v.framework is Framework.ILACS])


@st.composite
def judgement_records(
    draw: st.DrawFn,
    versions: st.SearchStrategy[FrameworkVersion] = graded_versions,
    las: st.SearchStrategy[tuple[str, str]] | None = None,
) -> Judgement:
    """A valid :class:`Judgement`: an area of its version, a grade on its scale, inspected on a
    day the version was in force (any graded version, SLAC 2009 to ILACS 2026, by default);
    ``las`` draws the LA's (code, name), else any code and name."""
    version = draw(versions)
    code, name = draw(las) if las is not None else (draw(la_codes), draw(la_names))
    return Judgement(
        draw(st.sampled_from(version.judgement_areas)),
        draw(grades_on(version)),
        version,
        code,
        draw(st.dates(max(version.valid_from, EARLIEST_SUPPORTED), version.valid_to or LATEST)),
        la_name=name,
        inspection_type=draw(_optional(st.sampled_from(InspectionType))),
    )


policies = st.one_of(
    st.sampled_from(Policy.presets()),
    st.builds(Policy, st.just("custom"), st.booleans(), st.booleans()),
)
"""The three presets, and every combination of the switches as a custom policy."""


urls = st.one_of(
    st.from_regex(r"https://[a-z]{1,12}\.example\.org/[a-z0-9/_-]{0,20}", fullmatch=True),
    st.from_regex(r"seed [0-9]{3}", fullmatch=True),
)
sources = st.builds(
    Source,
    title=nonblank_text,
    url=urls,
    evidence=st.sampled_from(Evidence),
    published=_optional(dates),
    note=st.text(max_size=20),
)
_iso_dates = dates.map(lambda d: d.isoformat())
_reason_facts = st.one_of(
    st.tuples(
        st.just("deadline.from-publication"), st.tuples(st.tuples(st.just("published"), _iso_dates))
    ),
    st.tuples(
        st.just("duty.note"),
        st.tuples(
            st.tuples(st.just("duty"), st.from_regex(r"duty\.[a-z]{1,8}", fullmatch=True)),
            st.tuples(st.just("note"), nonblank_text),
        ),
    ),
    st.tuples(
        st.just("overdue"),
        st.tuples(
            st.tuples(st.just("what"), nonblank_text),
            st.tuples(st.just("closed"), _iso_dates),
            st.tuples(st.just("as_of"), _iso_dates),
        ),
    ),
)
reasons = st.builds(
    lambda code_facts, found, uncertain: Reason(code_facts[0], code_facts[1], found, uncertain),
    _reason_facts,
    st.lists(sources, max_size=3).map(tuple),
    st.booleans(),
)
"""Reasons whose facts fit their codes' templates (so their text can be read)."""
problems = st.builds(
    Problem,
    file=st.text(max_size=20),
    sheet=_optional(st.text(max_size=10)),
    row=_optional(st.integers(1, 10_000)),
    column=_optional(st.integers(1, 100) | st.from_regex(r"[A-Z]{1,2}", fullmatch=True)),
    field=st.text(max_size=20),
    value=st.text(max_size=20),
    message=st.text(max_size=40),
)
read_results = st.builds(
    ReadResult,
    records=st.lists(inspections(), max_size=3).map(tuple),
    problems=st.lists(problems, max_size=3).map(tuple),
)


def la_spellings(name: str) -> st.SearchStrategy[str]:
    """Ways people write the LA name ``name``: any case, "&" for "and", no full stops or commas."""

    def spell(case: Any, ampersand: bool, bare: bool) -> str:
        text = name.replace(" and ", " & ") if ampersand else name
        if bare:
            text = text.replace(".", "").replace(",", "")
        return str(case(text))

    cases = st.sampled_from([str.lower, str.upper, str.title, str])
    return st.builds(spell, cases, st.booleans(), st.booleans())


# Bytes that matter to the formats read: XML and CSV syntax, digits, UTF-8 lead bytes, NUL.
_NASTY_BYTES = b"<>/\"'&;=,\n\r\x00\xff\xc3 9"


@st.composite
def mutations(draw: st.DrawFn, data: bytes, max_edits: int = 6) -> bytes:
    """``data`` with one to ``max_edits`` edits: a byte flipped or set to a nasty byte, bytes
    inserted (random, nasty, or a copy of a stretch of the file), a stretch deleted or
    repeated, or the end cut off."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, max_edits), label="edits")):
        at = draw(st.integers(0, len(out)), label="at")
        kind = draw(
            st.sampled_from(["flip", "nasty", "insert", "delete", "repeat", "cut"]), label="kind"
        )
        if kind == "flip" and at < len(out):
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "nasty" and at < len(out):
            out[at] = draw(st.sampled_from(_NASTY_BYTES))
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=16), label="inserted")
        elif kind == "delete":
            del out[at : at + draw(st.integers(1, 64), label="deleted")]
        elif kind == "repeat":
            stretch = bytes(out[at : at + draw(st.integers(1, 256), label="stretch")])
            out[at:at] = stretch * draw(st.integers(1, 50), label="times")
        elif kind == "cut":
            del out[at:]
    return bytes(out)


# --- scheduling ------------------------------------------------------------------------------

FORECAST_LA = ("E06000034", "Thurrock")
"""An LA no reorganisation created or abolished: it can be forecast on every date."""
_SIF_FROM, _ILACS_FROM, _NO_OVERALL_FROM = (
    dt.date(2013, 11, 4),
    dt.date(2018, 1, 1),
    dt.date(2026, 4, 1),
)
_FORECAST_LAST = dt.date(2029, 12, 31)
as_of_days = st.dates(_SIF_FROM, dt.date(2032, 12, 31))
"""Days of a forecast: from the SIF's first weeks to years after the histories end."""


@st.composite
def _graded_event(draw: st.DrawFn, start: dt.date) -> Inspection:
    """A graded inspection starting on ``start``: a SIF before 2018, else short after a good or
    outstanding grade and standard otherwise; from April 2026 four judgements and no overall."""
    grade = draw(grades)
    kind = "sif" if start < _ILACS_FROM else "short" if grade >= Grade.GOOD else "standard"
    if start >= _NO_OVERALL_FROM:
        areas = ("leadership", "help_and_protection", "children_in_care", "care_leavers")
        judgements = {a: draw(grades).label for a in areas}
    else:
        judgements = {"overall": grade.label}
    lag = draw(st.integers(20, 90))
    return Inspection(
        *FORECAST_LA,
        kind,
        start=start,
        end=start + dt.timedelta(days=11),
        published=draw(st.sampled_from([None, start + dt.timedelta(days=lag)])),
        judgements=judgements,
    )


@st.composite
def forecastable_histories(draw: st.DrawFn) -> list[Inspection]:
    """One LA's history that every forecasting function accepts once its first graded
    inspection is known: one to four graded inspections a month to four years apart (SIF, then
    ILACS, from April 2026 without an overall grade), up to four focused and monitoring visits
    between them, in a random order."""
    day = draw(st.dates(_SIF_FROM, dt.date(2027, 1, 1)))
    events = [draw(_graded_event(day))]
    for _ in range(draw(st.integers(0, 3))):
        day = day + dt.timedelta(days=draw(st.integers(30, 1500)))
        if day > _FORECAST_LAST:
            break
        events.append(draw(_graded_event(day)))
    for visit_day in draw(st.lists(st.dates(_ILACS_FROM, _FORECAST_LAST), max_size=4, unique=True)):
        if any(e.date <= visit_day <= (e.end or e.date) for e in events):
            continue
        kind = draw(st.sampled_from(["focused_visit", "monitoring_visit"]))
        events.append(Inspection(*FORECAST_LA, kind, start=visit_day))
    draw(st.randoms(use_true_random=False)).shuffle(events)
    return events


# --- observed practice -------------------------------------------------------------------------

wait_lengths = st.lists(st.integers(1, 400), min_size=1, max_size=40)
"""How long some LAs waited (days), each at least a day."""
hazard_lists = st.lists(st.floats(0.0, 0.5), min_size=1, max_size=30)
"""The share of waits still open that end in each step (a survival curve's hazards)."""
tail_hazards = st.floats(0.01, 0.9)
"""The hazard a curve keeps beyond its last step (strictly between 0 and 1)."""


def survival(hazards: list[float]) -> tuple[float, ...]:
    """The share still waiting after each step: the running product of ``1 - hazard``."""
    return tuple(itertools.accumulate((1.0 - h for h in hazards), operator.mul))


curve_stages = st.sampled_from(Stage)
curve_routes = _optional(st.sampled_from(RouteGroup))
"""A route, or None for every route pooled."""
curve_steps = st.integers(1, 60)
"""A curve's step, in operating days (the shipped calibration's is 14)."""


@st.composite
def curves(
    draw: st.DrawFn,
    stages: st.SearchStrategy[Stage] = curve_stages,
    routes: st.SearchStrategy[RouteGroup | None] = curve_routes,
    steps: st.SearchStrategy[int] = curve_steps,
) -> Curve:
    """A valid survival curve: a stage and route (None: every route pooled), steps of 1 to 60
    days (unless ``steps`` says), shares from :data:`hazard_lists`, counts and days that fit."""
    shares = survival(draw(hazard_lists))
    bin_days = draw(steps)
    first = draw(_optional(dates))
    return Curve(
        stage=draw(stages),
        route=draw(routes),
        bin_days=bin_days,
        survival=shares,
        tail_hazard=draw(tail_hazards),
        events=draw(st.integers(0, 500)),
        waiting=draw(st.integers(0, 500)),
        borrowed_steps=draw(st.integers(0, len(shares))),
        first=first,
        last=None if first is None else draw(_days_from(first, 4000)),
        longest_days=draw(st.integers(0, bin_days * len(shares))),
    )


_levels = st.lists(st.floats(0.001, 0.999), min_size=3, max_size=3, unique=True).map(
    lambda v: tuple(sorted(v))
)


@st.composite
def _type_counts(draw: st.DrawFn, route: RouteGroup, below: bool) -> TypeCounts:
    kinds = draw(
        st.lists(
            st.sampled_from([t for t in InspectionType if t.graded]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    first = draw(dates)
    return TypeCounts(
        route=route,
        help_and_protection_below_good=below,
        counts=tuple((k, draw(st.integers(1, 200))) for k in kinds),
        first=first,
        last=draw(_days_from(first, 4000)),
    )


@st.composite
def _visit_counts(draw: st.DrawFn, route: RouteGroup) -> VisitCounts:
    numbers = draw(st.lists(st.integers(0, 4), min_size=1, max_size=4, unique=True))
    first = draw(dates)
    return VisitCounts(
        route=route,
        counts=tuple((k, draw(st.integers(1, 200))) for k in numbers),
        first=first,
        last=draw(_days_from(first, 4000)),
    )


@st.composite
def calibrations(draw: st.DrawFn) -> Calibration:
    """A valid calibration: curves for some stages and routes (one each), type and visit counts
    for some routes, any levels, texts and dates."""
    keys = draw(
        st.lists(
            st.tuples(curve_stages, curve_routes),
            max_size=5,
            unique=True,
        )
    )
    type_keys = draw(
        st.lists(st.tuples(st.sampled_from(RouteGroup), st.booleans()), max_size=3, unique=True)
    )
    visit_routes = draw(st.lists(st.sampled_from(RouteGroup), max_size=2, unique=True))
    return Calibration(
        cut_off=draw(dates),
        data=draw(free_text),
        last_event=draw(_optional(dates)),
        halflife_months=draw(st.floats(0.5, 240.0)),
        levels=draw(_levels),
        min_events=draw(st.integers(1, 50)),
        curves=tuple(draw(curves(st.just(stage), st.just(route))) for stage, route in keys),
        types=tuple(draw(_type_counts(route, below)) for route, below in type_keys),
        focused_counts=tuple(draw(_visit_counts(route)) for route in visit_routes),
        generator=draw(free_text),
        method=draw(free_text),
    )


# --- values an error may be handed --------------------------------------------------------------

any_values = st.one_of(
    st.text(max_size=3000),
    st.binary(max_size=3000),
    st.integers(),
    st.lists(st.text(max_size=50), max_size=200),
    st.dates(),
    st.datetimes(),
    st.floats(),
    st.dictionaries(st.text(max_size=20), st.integers(), max_size=100),
)
"""Long texts and bytes, huge integers, long lists, dates, NaN and infinities, big mappings."""

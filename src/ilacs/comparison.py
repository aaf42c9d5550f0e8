"""Can two judgements be compared, and if so did the LA improve, decline or stay the same?

:func:`compare` answers with a :class:`Comparison`: a :class:`Verdict` (``COMPARABLE``,
``COMPARABLE_WITH_CAVEATS`` or ``NOT_COMPARABLE``) and the :class:`~ilacs.sources.Reason`
records that led to it, each citing its sources (the rules are data, in
:mod:`ilacs.catalogue.comparability`). :meth:`Comparison.change` goes one step further for
two comparable judgements of one LA and refuses, with the reasons, when they are not
comparable.

Where the sources disagree (SIF against ILACS) the caller chooses a :class:`Policy`: the
default follows the officers who told their committees the frameworks are not comparable;
``Policy.OFSTED_STATISTICS`` follows Ofsted's statistics, which set headline grades side by side.

>>> import datetime as dt
>>> from ilacs.records import Inspection
>>> sif = Inspection("E06000034", "Thurrock", "sif", start=dt.date(2016, 2, 22),
...                  judgements={"overall": "Requires improvement"})
>>> ilacs_2019 = Inspection("E06000034", "Thurrock", "standard",
...                         start=dt.date(2019, 11, 11), judgements={"overall": "Good"})
>>> before, after = sif.judgement("overall"), ilacs_2019.judgement("overall")
>>> comparison = compare(before, after)
>>> comparison.verdict, bool(comparison)
(<Verdict.NOT_COMPARABLE: 'not comparable'>, False)
>>> print(comparison)  # doctest: +ELLIPSIS
Thurrock's overall effectiveness under the SIF (2016, Requires improvement) and
under ILACS 2018 (2019, Good) are not comparable: The SIF and ILACS are different
frameworks: ...
>>> compare(before, after, policy=Policy.OFSTED_STATISTICS).change().direction
<ChangeDirection.IMPROVED: 'improved'>
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

import ilacs._checks as _checks
from ilacs._text import fold, lookup
from ilacs.catalogue import comparability as rules
from ilacs.catalogue.comparability import (
    COMPARABILITY_RULES,
    RULES_BY_CODE,
    ComparabilityRule,
    Verdict,
)
from ilacs.catalogue.frameworks import Framework, FrameworkVersion, JudgementArea, Scale
from ilacs.catalogue.grades import Grade
from ilacs.errors import IlacsError, NotJudgedError, ValidationError
from ilacs.records import AnyGrade, Inspection, Judgement
from ilacs.sources import Certainty, Reason, certainty_of
from ilacs.words import cite

__all__ = [
    "ChangeDirection",
    "Comparison",
    "GradeChange",
    "InspectionComparison",
    "NotComparableError",
    "Policy",
    "Unmatched",
    "Verdict",
    "compare",
    "compare_inspections",
    "not_judged",
]

_A = JudgementArea


# --- policies ----------------------------------------------------------------------------------
@attrs.frozen
class Policy:
    """How :func:`compare` settles the questions on which the sources disagree.

    A record of independent switches rather than an enum, so that each switch is documented
    with its own source and callers can combine them; the presets ``Policy.DEFAULT``,
    ``Policy.OFSTED_STATISTICS`` and ``Policy.LIKE_FOR_LIKE`` cover the positions taken in the
    sources, and :meth:`parse` reads their names (for the command line).

    Args:
        name: the preset's name, or ``"custom"``.
        sif_ilacs_headline: compare SIF and ILACS overall effectiveness and leadership (with
            caveats), as Ofsted's statistics do; otherwise SIF and ILACS grades are not
            comparable, as Thurrock's officer told the committee.
        like_for_like: treat a change in what a judgement covers (children in care before and
            after care leavers were judged separately, overall effectiveness over four or five
            judgements) as making grades not comparable, as Wokingham's officers did; otherwise
            it is a caveat.

    Raises:
        ValidationError: a switch is not a bool, or a preset's name is given other switches.

    >>> Policy.parse("ofsted-statistics") is Policy.OFSTED_STATISTICS
    True
    >>> [str(p) for p in Policy.presets()]
    ['default', 'ofsted-statistics', 'like-for-like']
    """

    name: str = attrs.field(
        default="custom", validator=_checks.text("a non-empty name such as 'custom'")
    )
    sif_ilacs_headline: bool = attrs.field(default=False, validator=_checks.flag())
    like_for_like: bool = attrs.field(default=False, validator=_checks.flag())

    DEFAULT: ClassVar[Policy]
    OFSTED_STATISTICS: ClassVar[Policy]
    LIKE_FOR_LIKE: ClassVar[Policy]

    def __attrs_post_init__(self) -> None:
        preset = _PRESETS.get(self.name)
        if preset is not None and preset != self:
            raise ValidationError(
                "Policy.name",
                self.name,
                "a name other than a preset's for switches that differ from it (e.g. 'custom')",
            )

    @classmethod
    def presets(cls) -> tuple[Policy, ...]:
        """The named policies, default first."""
        return tuple(_PRESETS.values())

    @classmethod
    def parse(cls, text: Policy | str) -> Policy:
        """The preset called ``text`` (``"ofsted-statistics"``, ``"OFSTED_STATISTICS"``, ...).

        Raises:
            ParseError: no preset has that name.
        """
        presets = {fold(name): preset for name, preset in _PRESETS.items()}
        expected = "a Policy or one of: " + ", ".join(_PRESETS)
        return lookup(text, presets, field="policy", expected=expected, kind=cls)

    def __str__(self) -> str:
        return self.name


_PRESETS: dict[str, Policy] = {}
Policy.DEFAULT = Policy("default")
Policy.OFSTED_STATISTICS = Policy("ofsted-statistics", sif_ilacs_headline=True)
Policy.LIKE_FOR_LIKE = Policy("like-for-like", like_for_like=True)
_PRESETS.update(
    {p.name: p for p in (Policy.DEFAULT, Policy.OFSTED_STATISTICS, Policy.LIKE_FOR_LIKE)}
)


# --- the comparison record ---------------------------------------------------------------------
_judgement = _checks.is_a(Judgement, "a Judgement", qualified=False)
_reasons = _checks.tuple_of(Reason, "a tuple of Reason", qualified=False)
_policy = _checks.is_a(Policy, "a Policy", qualified=False)


_RULE_ORDER: dict[str, int] = {rule.code: i for i, rule in enumerate(COMPARABILITY_RULES)}
_ILACS_ABSENCE: dict[JudgementArea, ComparabilityRule] = {
    area: rule for rule in rules.ILACS_ABSENCES for area in rule.areas
}


def _reason(rule: ComparabilityRule, la: str) -> Reason:
    """The reason ``rule`` gives, worded for the LA named ``la`` ("each LA" for two LAs)."""
    return cite(rule, la=la)


@attrs.frozen
class Comparison:
    """Whether two judgements can be compared, and why.

    ``bool(comparison)`` is True only for :attr:`Verdict.COMPARABLE`; ``str(comparison)`` is a
    sentence for a scrutiny committee. Built by :func:`compare`.

    Args:
        a: the first judgement, as given.
        b: the second judgement, as given.
        verdict: the verdict.
        reasons: the rules applied, most severe first; at least one unless comparable.
        policy: the policy the verdict was reached under.

    Raises:
        ValidationError: a field of the wrong type, or no reason for a verdict but COMPARABLE.
    """

    a: Judgement = attrs.field(validator=_judgement)
    b: Judgement = attrs.field(validator=_judgement)
    verdict: Verdict = attrs.field(validator=_checks.is_a(Verdict, "a Verdict", qualified=False))
    reasons: tuple[Reason, ...] = attrs.field(validator=_reasons)
    policy: Policy = attrs.field(default=Policy.DEFAULT, validator=_policy)

    def __attrs_post_init__(self) -> None:
        if self.verdict is not Verdict.COMPARABLE and not self.reasons:
            raise ValidationError(
                "reasons", (), f"at least one reason for the verdict {self.verdict.value!r}"
            )

    def __bool__(self) -> bool:
        return self.verdict is Verdict.COMPARABLE

    @property
    def caveats(self) -> tuple[Reason, ...]:
        """The reasons that are caveats (empty unless the verdict is with caveats)."""
        if self.verdict is not Verdict.COMPARABLE_WITH_CAVEATS:
            return ()
        return tuple(r for r in self.reasons if _effect_of(r) is Verdict.COMPARABLE_WITH_CAVEATS)

    @property
    def certainty(self) -> Certainty:
        """How sure the library is of the verdict: the weakest of its reasons."""
        sources = tuple(s for r in self.reasons for s in r.sources)
        return certainty_of(sources, any(r.uncertain for r in self.reasons))

    def change(self) -> GradeChange:
        """Whether the LA improved, declined or stayed the same (earlier to later judgement).

        Raises:
            NotComparableError: the verdict is NOT_COMPARABLE.
            ValidationError: the judgements are of different LAs, or of one LA on one day with
                different grades.
        """
        return _change_of(self)

    @property
    def headline(self) -> str:
        """The verdict in one sentence, without the reasons (``str()`` adds them).

        >>> import datetime as dt
        >>> from ilacs.catalogue.frameworks import version_named
        >>> v = version_named("ILACS 2018")
        >>> a = Judgement("overall", Grade.GOOD, v, "E06000034", dt.date(2019, 11, 11),
        ...               la_name="Thurrock")
        >>> print(compare(a, a).headline)
        Thurrock's overall effectiveness under ILACS 2018 (2019, Good) and under
        ILACS 2018 (2019, Good) are comparable.
        """
        return self._sentence() + "."

    def _sentence(self) -> str:
        a, b = self.a, self.b
        first = f"{_who(a)}'s {_area_phrase(a)} {_under(a)}"
        if a.la_code != b.la_code or _who(a) != _who(b):
            second = f"{_who(b)}'s {_area_phrase(b)} {_under(b)}"
        elif _area_phrase(a) == _area_phrase(b):
            second = _under(b)
        else:
            second = f"its {_area_phrase(b)} {_under(b)}"
        return f"{first} and {second} are {self.verdict.value}"

    def __str__(self) -> str:
        why = " ".join(str(r) for r in self.reasons)
        return f"{self._sentence()}: {why}" if why else self.headline


def _effect_of(reason: Reason) -> Verdict | None:
    rule = RULES_BY_CODE.get(reason.code)
    return rule.effect if rule is not None else None


# --- phrases for sentences (presentation, not rules) -------------------------------------------
# The SIF's judgements said "Requires improvement" (catalogue.grades.GRADE_WORDINGS).
_SIF_LABELS: dict[Grade, str] = {Grade.REQUIRES_IMPROVEMENT: "Requires improvement"}


def _who(j: Judgement) -> str:
    return j.la_name or j.la_code


def _area_phrase(j: Judgement) -> str:
    return j.framework_version.area(j.area).phrase


def _framework_phrase(version: FrameworkVersion) -> str:
    if version.framework is Framework.SIF:
        return "the SIF"
    if version.framework is Framework.ILACS:
        return version.name
    return f"the {version.name} inspections"


def _grade_phrase(j: Judgement) -> str:
    grade = j.grade
    if isinstance(grade, Grade) and j.framework_version.framework is Framework.SIF:
        return _SIF_LABELS.get(grade, grade.label)
    return grade.label


def _under(j: Judgement) -> str:
    version = _framework_phrase(j.framework_version)
    return f"under {version} ({j.inspected.year}, {_grade_phrase(j)})"


# --- the rules applied -------------------------------------------------------------------------
def _is_legacy(version: FrameworkVersion) -> bool:
    return version.scale is Scale.LEGACY


def _absent(
    area: JudgementArea, own: FrameworkVersion | None, other: FrameworkVersion
) -> ComparabilityRule | None:
    """The rule explaining why ``other`` grades no ``area`` (None if it does, or if scales differ)."""
    if other.has_area(area):
        return None
    if own is not None and _is_legacy(own) != _is_legacy(other):
        return None  # rules.LEGACY_SCALE explains it
    if other.framework is Framework.ILACS and area in _ILACS_ABSENCE:
        return _ILACS_ABSENCE[area]
    return rules.NO_COUNTERPART


def _rules_for(a: Judgement, b: Judgement, policy: Policy) -> list[ComparabilityRule]:
    """Every rule that applies to the pair; symmetric in ``a`` and ``b``."""
    if a == b:
        return [rules.SAME_VERSION]
    va, vb = a.framework_version, b.framework_version
    same_area = a.area is b.area
    found: list[ComparabilityRule] = []
    if _is_legacy(va) != _is_legacy(vb):
        found.append(rules.LEGACY_SCALE)
    elif va.framework is not vb.framework:
        if _is_legacy(va):
            found.append(rules.DIFFERENT_REGIMES)
        elif policy.sif_ilacs_headline and same_area and a.area in rules.OFSTED_STATISTICS.areas:
            found.append(rules.OFSTED_STATISTICS)
        else:
            found.append(rules.SIF_ILACS)
        if same_area and a.area in rules.SIF_CARE_LEAVERS.areas:
            found.append(rules.SIF_CARE_LEAVERS)
    if not same_area:
        found.append(rules.DIFFERENT_AREAS)
    for judgement, other in ((a, vb), (b, va)):
        missing = _absent(judgement.area, judgement.framework_version, other)
        if missing is not None:
            found.append(missing)
    if same_area and va.framework is vb.framework:
        split = va.has_area(_A.CARE_LEAVERS) != vb.has_area(_A.CARE_LEAVERS)
        if va == vb:
            found.append(rules.SAME_VERSION)
        elif split and a.area in rules.CARE_LEAVERS_SPLIT.areas:
            found.append(rules.CARE_LEAVERS_SPLIT)
        elif a.area in rules.OVERALL_BASIS_CHANGED.areas and set(va.judgement_areas) != set(
            vb.judgement_areas
        ):
            found.append(rules.OVERALL_BASIS_CHANGED)
        elif va.area(a.area) != vb.area(b.area):
            found.append(rules.SCOPE_CHANGED)
        else:
            found.append(rules.SAME_AREA_ACROSS_VERSIONS)
        early, late = sorted((a.inspected, b.inspected))
        found += [
            revision
            for revision in rules.REVISIONS
            if revision.framework is va.framework
            and revision.effective is not None
            and early < revision.effective <= late
        ]
    if a.la_code != b.la_code:
        found.append(rules.DIFFERENT_LAS)
    return found


def _check_judgement(name: str, value: Any) -> Judgement:
    if not isinstance(value, Judgement):
        raise ValidationError(name, value, "a Judgement (from Inspection.judgement(area))")
    version = value.framework_version
    if not version.covers(value.inspected):
        until = version.valid_to.isoformat() if version.valid_to else "now"
        raise ValidationError(
            f"{name}.inspected",
            value.inspected.isoformat(),
            f"a date when {version.name} was in force ({version.valid_from.isoformat()} to {until})",
        )
    return value


def compare(a: Judgement, b: Judgement, *, policy: Policy | str = Policy.DEFAULT) -> Comparison:
    """Whether judgements ``a`` and ``b`` can be compared, with the reasons and their sources.

    The verdict is symmetric (``compare(b, a)`` gives the same verdict and reasons) and is the
    most severe of the rules that apply (:mod:`ilacs.catalogue.comparability`): the same
    judgement area under one framework version is comparable; across ILACS versions it is
    comparable, with caveats where the judgement's scope changed; SIF against ILACS is not
    comparable unless ``policy`` follows Ofsted's statistics (overall effectiveness and
    leadership only); judgements of different areas, or a pre-2013 grade against a later one,
    are never comparable; judgements of different LAs carry a caveat.

    Args:
        a: a judgement (e.g. ``inspection.judgement("overall")``).
        b: another judgement, of the same LA or another.
        policy: a :class:`Policy` or a preset's name; ``Policy.DEFAULT`` by default.

    Returns:
        The :class:`Comparison`, whose reasons are most severe first. When the verdict is
        NOT_COMPARABLE only the reasons that make it so are given.

    Raises:
        ValidationError: ``a`` or ``b`` is not a :class:`~ilacs.records.Judgement`, or its
            date is outside its framework version.
        ParseError: ``policy`` is neither a Policy nor a preset's name.

    >>> import datetime as dt
    >>> from ilacs.catalogue.frameworks import version_named
    >>> v2018, v2023 = version_named("ILACS 2018"), version_named("ILACS 2023")
    >>> RI = Grade.REQUIRES_IMPROVEMENT
    >>> cic_2019 = Judgement("children_in_care", RI, v2018, "E06000041",
    ...                      dt.date(2019, 6, 3), la_name="Wokingham")
    >>> cic_2023 = Judgement("children_in_care", Grade.GOOD, v2023, "E06000041",
    ...                      dt.date(2023, 3, 6), la_name="Wokingham")
    >>> result = compare(cic_2019, cic_2023)
    >>> result.verdict.value, [r.code for r in result.reasons]
    ('comparable with caveats', ['comparability.care-leavers-split'])
    >>> compare(cic_2019, cic_2023, policy="like-for-like").verdict.value
    'not comparable'
    """
    a = _check_judgement("a", a)
    b = _check_judgement("b", b)
    chosen = Policy.parse(policy)
    effects: list[tuple[ComparabilityRule, Verdict]] = []
    escalated = False
    for rule in _rules_for(a, b, chosen):
        effect = rule.effect
        if chosen.like_for_like and rule.scope_change and effect is Verdict.COMPARABLE_WITH_CAVEATS:
            effect, escalated = Verdict.NOT_COMPARABLE, True
        effects.append((rule, effect))
    if escalated:
        effects.append((rules.LIKE_FOR_LIKE, Verdict.NOT_COMPARABLE))
    verdict = max((effect for _, effect in effects), key=lambda v: v.severity)
    kept = {
        rule.code
        for rule, effect in effects
        if verdict is not Verdict.NOT_COMPARABLE or effect is verdict
    }
    la = _who(a) if a.la_code == b.la_code and _who(a) == _who(b) else "each LA"
    reasons = tuple(
        _reason(RULES_BY_CODE[code], la) for code in sorted(kept, key=_RULE_ORDER.__getitem__)
    )
    return Comparison(a, b, verdict, reasons, chosen)


# --- grade changes -----------------------------------------------------------------------------
class ChangeDirection(enum.Enum):
    """How a grade moved from the earlier judgement to the later one."""

    IMPROVED = "improved"
    DECLINED = "declined"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return self.value


class NotComparableError(IlacsError):
    """Two judgements were asked for a grade change but are not comparable.

    ``comparison`` holds the :class:`Comparison` whose reasons say why; the message quotes them.
    """

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        super().__init__(
            "b",
            str(comparison.b),
            f"a judgement comparable with a ({comparison.a}) under the {comparison.policy} policy",
            " ".join(str(r) for r in comparison.reasons),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.comparison,))


@attrs.frozen
class GradeChange:
    """How one LA's grade for one judgement moved from an earlier inspection to a later one.

    Built by :meth:`Comparison.change`, which orders the judgements by date whatever the order
    they were given in.

    Args:
        direction: improved, declined or unchanged.
        earlier: the earlier judgement.
        later: the later judgement.
        comparison: the comparison the change rests on (with its caveats).
    """

    direction: ChangeDirection = attrs.field(
        validator=_checks.is_a(ChangeDirection, "a ChangeDirection", qualified=False)
    )
    earlier: Judgement = attrs.field(validator=_judgement)
    later: Judgement = attrs.field(validator=_judgement)
    comparison: Comparison = attrs.field(
        validator=_checks.is_a(Comparison, "a Comparison", qualified=False)
    )

    @property
    def from_grade(self) -> AnyGrade:
        """The earlier grade."""
        return self.earlier.grade

    @property
    def to_grade(self) -> AnyGrade:
        """The later grade."""
        return self.later.grade

    @property
    def steps(self) -> int:
        """Grades moved: +2 from requires improvement to outstanding, -1 from good to RI."""
        return int(self.later.grade.value) - int(self.earlier.grade.value)

    def __str__(self) -> str:
        e, l_ = self.earlier, self.later
        who = f"{_who(l_)}'s {l_.area.phrase}"
        e_when = f"{_framework_phrase(e.framework_version)} ({e.inspected.year})"
        l_when = f"{_framework_phrase(l_.framework_version)} ({l_.inspected.year})"
        if self.direction is ChangeDirection.UNCHANGED:
            text = f"{who} stayed {_grade_phrase(l_)} from {e_when} to {l_when}"
        else:
            text = (
                f"{who} {self.direction.value} from {_grade_phrase(e)} under {e_when} "
                f"to {_grade_phrase(l_)} under {l_when}"
            )
        caveats = self.comparison.caveats
        if caveats:
            text += f", with caveats under the {self.comparison.policy} policy: "
            return text + " ".join(str(r) for r in caveats)
        return text + "."


def _date_key(j: Judgement) -> tuple[Any, ...]:
    return (j.inspected, j.framework_version.valid_from)


def _change_of(comparison: Comparison) -> GradeChange:
    if comparison.verdict is Verdict.NOT_COMPARABLE:
        raise NotComparableError(comparison)
    a, b = comparison.a, comparison.b
    if a.la_code != b.la_code:
        raise ValidationError(
            "b.la_code",
            b.la_code,
            f"the LA of a ({a.la_code})",
            "a grade change follows one LA over time; compare() sets two LAs side by side",
        )
    if a.inspected == b.inspected and a.grade != b.grade:
        raise ValidationError(
            "b.grade",
            b.grade.label,
            f"the grade of a ({a.grade.label})",
            f"two grades for one judgement of one LA on {a.inspected.isoformat()}",
        )
    earlier, later = sorted((a, b), key=_date_key)
    if later.grade > earlier.grade:
        direction = ChangeDirection.IMPROVED
    elif later.grade < earlier.grade:
        direction = ChangeDirection.DECLINED
    else:
        direction = ChangeDirection.UNCHANGED
    return GradeChange(direction, earlier, later, comparison)


# --- from inspections ----------------------------------------------------------------------------
def _check_inspection(name: str, value: Any) -> Inspection:
    if not isinstance(value, Inspection):
        raise ValidationError(name, value, "an Inspection")
    return value


def _why_not_judged(
    area: JudgementArea, inspection: Inspection, own: FrameworkVersion | None
) -> tuple[Reason, ...]:
    version = inspection.framework_version
    if version.has_area(area):
        found = rules.NOT_RECORDED
    elif own is not None and _is_legacy(own) != _is_legacy(version):
        found = rules.LEGACY_SCALE
    else:
        absent = _absent(area, own, version)
        assert absent is not None  # the version does not grade the area
        found = absent
    return (_reason(found, inspection.la_name),)


def not_judged(inspection: Inspection, area: JudgementArea) -> NotJudgedError:
    """The error for an ``area`` that ``inspection`` has no judgement of, saying why.

    The detail explains it from the comparability rules (for example that ILACS inspections
    before 16 January 2023 judged care leavers with children in care). Raised by
    :meth:`Inspection.judgement <ilacs.records.Inspection.judgement>`.
    """
    judged = ", ".join(a.name for a in inspection.judgements) or "none"
    return NotJudgedError(
        "area",
        area.name,
        f"an area judged by {inspection} (judged: {judged})",
        " ".join(str(r) for r in _why_not_judged(area, inspection, None)),
    )


_some_reasons = _checks.tuple_of(
    Reason, "a tuple of Reason with at least one reason", non_empty=True, qualified=False
)


@attrs.frozen
class Unmatched:
    """A judgement of one inspection with no counterpart in the other, and why.

    Args:
        judgement: the judgement.
        reasons: why the other inspection has no judgement to compare it with.
    """

    judgement: Judgement = attrs.field(validator=_judgement)
    reasons: tuple[Reason, ...] = attrs.field(validator=_some_reasons)

    def __str__(self) -> str:
        j = self.judgement
        why = " ".join(str(r) for r in self.reasons)
        return f"{_who(j)}'s {_area_phrase(j)} {_under(j)} has no counterpart: {why}"


def _check_inspection_field(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _check_inspection(attribute.name, value)


@attrs.frozen
class InspectionComparison:
    """Every judgement of one inspection compared with the same area in another.

    Args:
        a: the first inspection, as given.
        b: the second inspection, as given.
        policy: the policy used.
        comparisons: one :class:`Comparison` per area judged in both, overall first.
        unmatched: the judgements of either inspection with no counterpart in the other.
    """

    a: Inspection = attrs.field(validator=_check_inspection_field)
    b: Inspection = attrs.field(validator=_check_inspection_field)
    policy: Policy = attrs.field(validator=_policy)
    comparisons: tuple[Comparison, ...]
    unmatched: tuple[Unmatched, ...]

    def changes(self) -> tuple[GradeChange, ...]:
        """The grade changes of the comparable areas (empty for two different LAs)."""
        if self.a.la_code != self.b.la_code:
            return ()
        return tuple(
            c.change() for c in self.comparisons if c.verdict is not Verdict.NOT_COMPARABLE
        )

    def __str__(self) -> str:
        lines = [f"Comparing {self.a} with {self.b} under the {self.policy} policy:"]
        lines += [f"- {c}" for c in self.comparisons]
        lines += [f"- {u}" for u in self.unmatched]
        return "\n".join(lines)


def compare_inspections(
    a: Inspection, b: Inspection, *, policy: Policy | str = Policy.DEFAULT
) -> InspectionComparison:
    """Compare every area judged in both inspections, and explain the areas judged in only one.

    Raises:
        ValidationError: ``a`` or ``b`` is not an Inspection or has no graded judgements (a visit).
        ParseError: as :func:`compare`.

    >>> import datetime as dt
    >>> from ilacs.records import Inspection
    >>> w2019 = Inspection("E06000041", "Wokingham", "standard",
    ...                    start=dt.date(2019, 6, 3),
    ...                    judgements={"overall": "RI", "children_in_care": "RI"})
    >>> w2023 = Inspection("E06000041", "Wokingham", "standard",
    ...                    start=dt.date(2023, 3, 6),
    ...                    judgements={"overall": "RI", "children_in_care": "Good",
    ...                                "care_leavers": "RI"})
    >>> result = compare_inspections(w2019, w2023)
    >>> [(c.a.area.name, c.verdict.name) for c in result.comparisons]
    [('OVERALL', 'COMPARABLE_WITH_CAVEATS'),
     ('CHILDREN_IN_CARE', 'COMPARABLE_WITH_CAVEATS')]
    >>> [(u.judgement.area.name, u.reasons[0].code) for u in result.unmatched]
    [('CARE_LEAVERS', 'comparability.care-leavers-before-2023')]
    >>> [str(c.direction) for c in result.changes()]
    ['unchanged', 'improved']
    """
    a = _check_inspection("a", a)
    b = _check_inspection("b", b)
    chosen = Policy.parse(policy)
    for name, inspection in (("a", a), ("b", b)):
        if not inspection.judgements:
            raise ValidationError(
                name, str(inspection), "an inspection with graded judgements (not a visit)"
            )
    both = [area for area in JudgementArea if area in a.judgements and area in b.judgements]
    comparisons = tuple(
        compare(a.judgement(area), b.judgement(area), policy=chosen) for area in both
    )
    unmatched: list[Unmatched] = []
    for own, other in ((a, b), (b, a)):
        for area in JudgementArea:
            if area in own.judgements and area not in other.judgements:
                reasons = _why_not_judged(area, other, own.framework_version)
                unmatched.append(Unmatched(own.judgement(area), reasons))
    return InspectionComparison(a, b, chosen, comparisons, tuple(unmatched))

"""When two judgements can be compared: the comparability rules as data, each with its sources.

Each :class:`ComparabilityRule` is one reason a comparison can give, with the verdict it
supports (its ``effect``), a stable ``code``, the sentence a committee reads (``wording``),
its sources and an ``uncertain`` flag. :func:`ilacs.comparison.compare` decides which rules
apply to two judgements and combines their effects (the most severe wins); this module only
states them. :data:`COMPARABILITY_RULES` lists every rule in the order reasons are given, in
the shape the rules listing uses (every rule of the catalogue is a :class:`~ilacs.catalogue.rule.Rule`).

The sources disagree on one question, and the library lets the caller choose (see
:class:`ilacs.comparison.Policy`): council officers told their committees that SIF and ILACS
grades are not comparable (seed 000) and that a 2023 ILACS judgement is not like for like with
a 2019 one (seed 001), while Ofsted's own statistics set each LA's first SIF grade beside its
ILACS grade (overall effectiveness; leadership) and compare first and second ILACS inspections.

>>> SIF_ILACS.effect
<Verdict.NOT_COMPARABLE: 'not comparable'>
>>> OFSTED_STATISTICS.areas
(<JudgementArea.OVERALL: 'overall effectiveness'>,
 <JudgementArea.LEADERSHIP: 'leadership'>)
>>> [r.effective.isoformat() for r in REVISIONS if r.framework is Framework.ILACS]
['2024-04-05', '2026-04-01']
>>> len({rule.code for rule in COMPARABILITY_RULES}) == len(COMPARABILITY_RULES)
True
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

import ilacs._checks as _checks
from ilacs.catalogue import refs
from ilacs.catalogue.frameworks import Framework, JudgementArea, version_named
from ilacs.catalogue.rule import Rule

__all__ = [
    "CARE_LEAVERS_BEFORE_2023",
    "CARE_LEAVERS_SPLIT",
    "COMPARABILITY_RULES",
    "DIFFERENT_AREAS",
    "DIFFERENT_LAS",
    "DIFFERENT_REGIMES",
    "ILACS_ABSENCES",
    "LEGACY_SCALE",
    "LIKE_FOR_LIKE",
    "NOT_RECORDED",
    "NO_COUNTERPART",
    "OFSTED_STATISTICS",
    "OVERALL_BASIS_CHANGED",
    "OVERALL_REMOVED_2026",
    "REVISIONS",
    "REVISION_ILACS_2024",
    "REVISION_ILACS_2026",
    "REVISION_SIF_2014",
    "REVISION_SIF_2017",
    "RULES_BY_CODE",
    "SAME_AREA_ACROSS_VERSIONS",
    "SAME_VERSION",
    "SCOPE_CHANGED",
    "SIF_ADOPTION",
    "SIF_CARE_LEAVERS",
    "SIF_ILACS",
    "SIF_LSCB",
    "ComparabilityRule",
    "Verdict",
]


class Verdict(enum.Enum):
    """Whether two judgements can be compared, from most to least comparable."""

    COMPARABLE = "comparable"
    """Like for like: the same judgement, on the same scale, under the same rules."""
    COMPARABLE_WITH_CAVEATS = "comparable with caveats"
    """Can be set side by side, as Ofsted itself does, but the reasons say what differs."""
    NOT_COMPARABLE = "not comparable"
    """Setting the grades side by side would mislead; the reasons say why."""

    @property
    def severity(self) -> int:
        """0 for COMPARABLE, 1 with caveats, 2 for NOT_COMPARABLE; the most severe reason wins."""
        return _SEVERITY[self]

    def __str__(self) -> str:
        return self.value


_SEVERITY = {
    Verdict.COMPARABLE: 0,
    Verdict.COMPARABLE_WITH_CAVEATS: 1,
    Verdict.NOT_COMPARABLE: 2,
}


@attrs.frozen(kw_only=True)
class ComparabilityRule(Rule):
    """One rule about comparing judgements, stated once with its sources.

    Args:
        wording: the sentence(s) a scrutiny committee reads when the rule applies, with
            ``{la}`` where the LA's name goes (see :meth:`sentence`).
        effect: the verdict the rule supports on its own (the most severe of all that apply
            is the comparison's verdict).
        when: the case the rule covers, in a few words (for listings and documentation).
        scope_change: True for a caveat about a change in what the judgement covers; the
            like-for-like policy turns such caveats into "not comparable".
        framework: for a framework revision, the framework revised.
        effective: for a framework revision, the first inspection start date it applies to.
        areas: the judgement areas the rule is limited to (empty: any area).
        code, sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule`; the
            code is also the code of every :class:`~ilacs.sources.Reason` the rule gives.
    """

    family: ClassVar[str] = "comparability"

    wording: str = attrs.field(validator=_checks.text())
    effect: Verdict
    when: str = attrs.field(validator=_checks.text())
    scope_change: bool = False
    framework: Framework | None = None
    effective: dt.date | None = attrs.field(default=None, validator=_checks.day(optional=True))
    areas: tuple[JudgementArea, ...] = ()

    def sentence(self, la: str = "") -> str:
        """The rule's sentence for the LA ``la`` (``wording`` with ``{la}`` filled in)."""
        return self.wording.replace("{la}", la or "the LA")

    @property
    def summary(self) -> str:
        """One line for the rules listing: when the rule applies, and its sentence."""
        return f"{self.when[:1].upper()}{self.when[1:]}: {self.sentence('each LA')}"


_V = Verdict
_R = ComparabilityRule
_ILACS_2026_START = version_named("ILACS 2026").valid_from

# --- comparable ------------------------------------------------------------------------------
SAME_VERSION = _R(
    code="comparability.same-version",
    wording="Both judgements were made under the same framework version, which words and scopes the "
    "judgement the same way and grades it on the same scale; Ofsted itself compares such grades "
    "between one inspection of an LA and the next.",
    effect=_V.COMPARABLE,
    when="same area, same framework version",
    sources=(refs.STATS_2024, refs.REPORTS),
)
SAME_AREA_ACROSS_VERSIONS = _R(
    code="comparability.same-area-across-versions",
    wording="The judgement has the same heading, scope and four-point scale in both ILACS versions; "
    "Ofsted compares grades between an LA's first and second ILACS inspections across the "
    "versions.",
    effect=_V.COMPARABLE,
    when="same area, two versions of one framework that word and scope it alike",
    sources=(refs.STATS_2024, refs.CHG_2024, refs.REPORTS),
    note="Decided: the April 2024 alignment of wording (see comparability.revision.ilacs-2024) "
    "changed no judgement heading or scale, so it is stated but is no caveat.",
)

# --- revisions within a framework (applied when the two inspections straddle the date) ------
REVISION_SIF_2014 = _R(
    code="comparability.revision.sif-2014",
    wording="The SIF was revised in December 2014 with the same structure of judgements, so the "
    "revision does not affect the comparison.",
    effect=_V.COMPARABLE,
    when="two SIF judgements either side of 12 December 2014",
    sources=(refs.SIF_FRAMEWORK,),
    framework=Framework.SIF,
    effective=dt.date(2014, 12, 12),
)
REVISION_SIF_2017 = _R(
    code="comparability.revision.sif-2017",
    wording="The SIF was revised in February 2017 with the same structure of judgements, so the "
    "revision does not affect the comparison.",
    effect=_V.COMPARABLE,
    when="two SIF judgements either side of February 2017",
    sources=(refs.SIF_FRAMEWORK, refs.SIF_HANDBOOK),
    uncertain=True,
    note="Only the month of the revision is known; 1 February 2017 is used.",
    framework=Framework.SIF,
    effective=dt.date(2017, 2, 1),
)
REVISION_ILACS_2024 = _R(
    code="comparability.revision.ilacs-2024",
    wording="On 5 April 2024 Ofsted aligned the framework's language with the children's social care "
    "national framework (for example 'engagement and direct work', family networks, "
    "educational attendance) and added a policy on deferring and pausing inspections; the "
    "judgements, their headings and the grade scale did not change, so this is no caveat.",
    effect=_V.COMPARABLE,
    when="two ILACS judgements either side of 5 April 2024",
    sources=(refs.CHG_2024, refs.FW_2024),
    note="Decided comparable, not comparable with caveats: Ofsted's summary of changes lists no "
    "change to the judgements, and its statistics compare first and second ILACS grades "
    "across the date.",
    framework=Framework.ILACS,
    effective=refs.CHG_2024.published,
)
REVISION_ILACS_2026 = _R(
    code="comparability.revision.ilacs-2026",
    wording="For inspections starting from April 2026 Ofsted removed the overall effectiveness "
    "judgement and revised the framework to align with the children's social care reforms "
    "(family help, stable homes); this judgement keeps its name and four-point scale, but what "
    "inspectors weigh in it may have changed.",
    effect=_V.COMPARABLE_WITH_CAVEATS,
    when="two ILACS judgements either side of 1 April 2026",
    sources=(refs.OE_2026, refs.REPORTS),
    uncertain=True,
    note="The revised framework text was not seen; one May 2026 report words the leaders' "
    "judgement 'impact of leaders on practice with children and families'.",
    scope_change=True,
    framework=Framework.ILACS,
    effective=_ILACS_2026_START,
)

# --- caveats -----------------------------------------------------------------------------------
CARE_LEAVERS_SPLIT = _R(
    code="comparability.care-leavers-split",
    wording="Until 16 January 2023 the ILACS children-in-care judgement covered children in care and "
    "care leavers together; since then care leavers have a judgement of their own, so one grade "
    "reflects care leavers and the other does not (not like for like, as Wokingham's officers "
    "told their committee).",
    effect=_V.COMPARABLE_WITH_CAVEATS,
    when="children in care, ILACS before and from 16 January 2023",
    sources=(refs.CL_2023, refs.CL_CONSULT, refs.REPORTS, refs.SEED_WOKINGHAM_2023),
    scope_change=True,
    areas=(JudgementArea.CHILDREN_IN_CARE,),
)
OVERALL_BASIS_CHANGED = _R(
    code="comparability.overall-basis-changed",
    wording="Overall effectiveness sits on the other judgements: under ILACS 2018 on three, from "
    "16 January 2023 on four (five judgements in all, with the new care-leavers judgement). "
    "Ofsted nonetheless compares overall effectiveness between an LA's first and second ILACS "
    "inspections.",
    effect=_V.COMPARABLE_WITH_CAVEATS,
    when="overall effectiveness, ILACS before and from 16 January 2023",
    sources=(refs.CL_2023, refs.STATS_2024, refs.SEED_WOKINGHAM_2023),
    scope_change=True,
    areas=(JudgementArea.OVERALL,),
)
SCOPE_CHANGED = _R(
    code="comparability.scope-changed",
    wording="The two versions of the framework word or scope this judgement differently, so the grades "
    "are not of exactly the same thing.",
    effect=_V.COMPARABLE_WITH_CAVEATS,
    when="same area, two versions of one framework that word or scope it differently",
    sources=(refs.REPORTS,),
    note="A fallback for wording changes the catalogue records but no specific rule explains.",
    scope_change=True,
)
DIFFERENT_LAS = _R(
    code="comparability.different-las",
    wording="The judgements are of different LAs: Ofsted grades every LA on the same scale and publishes "
    "how many are at each grade, but graded judgements hide many strengths and weaknesses, and "
    "two LAs with the same grade are not necessarily giving the same quality of service (same "
    "grade, not same service, as the ADCS puts it).",
    effect=_V.COMPARABLE_WITH_CAVEATS,
    when="judgements of two different LAs",
    sources=(refs.ADCS_COMMENT, refs.STATS_2024),
)
OFSTED_STATISTICS = _R(
    code="comparability.ofsted-statistics",
    wording="Under Ofsted's statistical practice the grades can be set side by side: Ofsted's autumn 2019 "
    "statistics compared ILACS outcomes with each LA's first SIF inspection, and ILACS 'impact "
    "of leaders' with SIF leadership, and Ofsted says ILACS kept the same grade descriptors. But "
    "the frameworks inspect differently (ILACS looks at the impact of practice, through the "
    "'lens of a child'), and council officers have told their committees that the two are not "
    "comparable (Thurrock, 2020), so {la}'s grades under them are set side by side with that "
    "caveat.",
    effect=_V.COMPARABLE_WITH_CAVEATS,
    when="SIF and ILACS overall effectiveness or leadership, Ofsted-statistics policy",
    sources=(refs.STATS_2019, refs.CYP_STATS_2019, refs.LGA_FIRST, refs.SEED_THURROCK_2020),
    scope_change=True,
    areas=(JudgementArea.OVERALL, JudgementArea.LEADERSHIP),
)

# --- not comparable ----------------------------------------------------------------------------
SIF_ILACS = _R(
    code="comparability.sif-ilacs",
    wording="The SIF and ILACS are different frameworks: ILACS judges the impact of practice through the "
    "'lens of a child', with different judgements and inspections, and council officers have "
    "told their committees that SIF and ILACS grades are not comparable (Thurrock, 2020), so "
    "{la}'s grades under the two are not set side by side. Ofsted's statistics "
    "nonetheless set ILACS outcomes beside each LA's first SIF inspection, and ILACS 'impact "
    "of leaders' beside SIF leadership (autumn 2019); the Ofsted-statistics policy follows that "
    "practice, for overall effectiveness and leadership only.",
    effect=_V.NOT_COMPARABLE,
    when="SIF against ILACS (default policy; any area other than overall and leadership)",
    sources=(
        refs.SEED_THURROCK_2020,
        refs.CC_2017,
        refs.SIF_FRAMEWORK,
        refs.FW_2024,
        refs.STATS_2019,
    ),
    note="The officer's view (evidence S) is the default; Ofsted's practice (evidence A) is "
    "available as a policy. No source was seen in which Ofsted compares the SIF and ILACS "
    "practice judgements (help and protection, children in care, care leavers).",
    scope_change=True,
)
LEGACY_SCALE = _R(
    code="comparability.legacy-scale",
    wording="Before November 2013 inspections graded on a scale whose third point was 'Adequate' "
    "(services met the minimum requirements); the SIF dropped it for 'Requires improvement' "
    "(not yet good). An 'Adequate' is not a 'Requires improvement', and as the earlier "
    "inspections judged other areas against other criteria, even a 'Good' under them is not a "
    "'Good' under the SIF or ILACS.",
    effect=_V.NOT_COMPARABLE,
    when="a pre-2013 judgement against a SIF or ILACS judgement",
    sources=(refs.SIF_NEWS, refs.SLAC_FRAMEWORK, refs.SLAC_SLIDES),
)
DIFFERENT_REGIMES = _R(
    code="comparability.different-regimes",
    wording="The two judgements come from different inspection regimes before the SIF, with different "
    "areas, criteria and length of inspection.",
    effect=_V.NOT_COMPARABLE,
    when="two different pre-2013 regimes",
    sources=(refs.SLAC_FRAMEWORK, refs.CP_2012),
    uncertain=True,
    note="The 2012-13 child-protection inspections' final grade labels are not confirmed.",
)
DIFFERENT_AREAS = _R(
    code="comparability.different-areas",
    wording="The judgements are of different areas: a grade for one says nothing about the other.",
    effect=_V.NOT_COMPARABLE,
    when="judgements of two different areas",
    sources=(refs.FW_2024, refs.SIF_FRAMEWORK, refs.REPORTS),
)
CARE_LEAVERS_BEFORE_2023 = _R(
    code="comparability.care-leavers-before-2023",
    wording="ILACS inspections that started before 16 January 2023 made no care-leavers judgement: "
    "care leavers were judged together with children in care, in one grade that does not say "
    "how care leavers alone were served, so a care-leavers grade has no counterpart then (the "
    "nearest is the 'children in care and care leavers' judgement).",
    effect=_V.NOT_COMPARABLE,
    when="care leavers against ILACS 2018, which had no care-leavers judgement",
    sources=(refs.CL_CONSULT, refs.CL_2023, refs.REPORTS, refs.SEED_WOKINGHAM_2023),
    areas=(JudgementArea.CARE_LEAVERS,),
)
SIF_CARE_LEAVERS = _R(
    code="comparability.sif-care-leavers",
    wording="Under the SIF care leavers were a graded sub-judgement beneath the judgement of children "
    "looked after; under ILACS from 16 January 2023 they are a judgement of their own, and "
    "Ofsted's statistics do not set the two side by side.",
    effect=_V.NOT_COMPARABLE,
    when="SIF care-leavers sub-judgement against ILACS care leavers",
    sources=(refs.SIF_FRAMEWORK, refs.CL_2023, refs.REPORTS),
    areas=(JudgementArea.CARE_LEAVERS,),
)
SIF_ADOPTION = _R(
    code="comparability.sif-adoption",
    wording="Adoption performance was a graded SIF sub-judgement beneath children looked after; ILACS "
    "makes no adoption judgement, so it has no counterpart.",
    effect=_V.NOT_COMPARABLE,
    when="SIF adoption performance against ILACS",
    sources=(refs.SIF_FRAMEWORK, refs.FW_2024, refs.REPORTS),
    areas=(JudgementArea.ADOPTION,),
)
SIF_LSCB = _R(
    code="comparability.sif-lscb",
    wording="The review of the Local Safeguarding Children Board, graded alongside SIF inspections, "
    "judged the board rather than the LA's services; ILACS makes no such judgement, so it has no "
    "counterpart.",
    effect=_V.NOT_COMPARABLE,
    when="SIF LSCB review against ILACS",
    sources=(refs.SIF_EFFECT, refs.SIF_FRAMEWORK, refs.REPORTS),
    areas=(JudgementArea.LSCB,),
)
OVERALL_REMOVED_2026 = _R(
    code="comparability.overall-removed-2026",
    wording="Inspections starting from April 2026 make no overall effectiveness judgement, so there is "
    "no overall grade to compare with; compare the four remaining judgements one by one.",
    effect=_V.NOT_COMPARABLE,
    when="overall effectiveness against an inspection from April 2026",
    sources=(refs.OE_2026, refs.REPORTS),
    areas=(JudgementArea.OVERALL,),
)
NO_COUNTERPART = _R(
    code="comparability.no-counterpart",
    wording="This judgement has no counterpart in the other inspection's framework version.",
    effect=_V.NOT_COMPARABLE,
    when="an area the other framework version does not grade",
    sources=(refs.FW_2024, refs.SIF_FRAMEWORK, refs.REPORTS),
    note="A fallback for areas no specific rule explains.",
)
NOT_RECORDED = _R(
    code="comparability.not-recorded",
    wording="The other inspection's framework version grades this area, but the record given holds no "
    "grade for it.",
    effect=_V.NOT_COMPARABLE,
    when="an area graded by the version but missing from the record",
    sources=(refs.REPORTS,),
    note="A fact about the caller's data, not about Ofsted's rules.",
)
LIKE_FOR_LIKE = _R(
    code="comparability.policy.like-for-like",
    wording="Under the like-for-like policy a change in what a judgement covers makes the grades not "
    "comparable, as Wokingham's officers told their committee about the 2019 and 2023 "
    "inspections.",
    effect=_V.NOT_COMPARABLE,
    when="any scope caveat, like-for-like policy",
    sources=(refs.SEED_WOKINGHAM_2023,),
)

REVISIONS: tuple[ComparabilityRule, ...] = (
    REVISION_SIF_2014,
    REVISION_SIF_2017,
    REVISION_ILACS_2024,
    REVISION_ILACS_2026,
)
"""Revisions of a framework that do not start a new version of its judgements, oldest first."""

ILACS_ABSENCES: tuple[ComparabilityRule, ...] = (
    SIF_ADOPTION,
    SIF_LSCB,
    CARE_LEAVERS_BEFORE_2023,
    OVERALL_REMOVED_2026,
)
"""The rules that say why an ILACS version grades no judgement of an area, each for the areas
it lists in ``areas``; any other area missing from a version falls back on
:data:`NO_COUNTERPART`."""

COMPARABILITY_RULES: tuple[ComparabilityRule, ...] = (
    LEGACY_SCALE,
    DIFFERENT_REGIMES,
    SIF_ILACS,
    DIFFERENT_AREAS,
    SIF_CARE_LEAVERS,
    CARE_LEAVERS_BEFORE_2023,
    SIF_ADOPTION,
    SIF_LSCB,
    OVERALL_REMOVED_2026,
    NO_COUNTERPART,
    NOT_RECORDED,
    LIKE_FOR_LIKE,
    OFSTED_STATISTICS,
    CARE_LEAVERS_SPLIT,
    OVERALL_BASIS_CHANGED,
    SCOPE_CHANGED,
    REVISION_ILACS_2026,
    DIFFERENT_LAS,
    SAME_VERSION,
    SAME_AREA_ACROSS_VERSIONS,
    REVISION_SIF_2014,
    REVISION_SIF_2017,
    REVISION_ILACS_2024,
)
"""Every comparability rule, most severe first: the order in which comparisons give reasons."""

RULES_BY_CODE: dict[str, ComparabilityRule] = {rule.code: rule for rule in COMPARABILITY_RULES}
"""The rules by code (the code of every reason they give)."""

"""Ofsted's grade scales and every wording of them that Ofsted (and councils) have used.

:class:`Grade` is the four-point scale of the SIF and ILACS (2013 on). Better grades compare
greater. :meth:`Grade.parse` accepts every wording in :data:`GRADE_WORDINGS` and nothing else.
The scale of the regimes before November 2013 had "Adequate" where the SIF put "Requires
improvement": that is a different grade (:class:`LegacyGrade`), not a synonym.

>>> Grade.parse("Requires improvement to be good")
<Grade.REQUIRES_IMPROVEMENT: 2>
>>> Grade.parse("  require   IMPROVEMENT ")
<Grade.REQUIRES_IMPROVEMENT: 2>
>>> Grade.OUTSTANDING > Grade.GOOD > Grade.REQUIRES_IMPROVEMENT > Grade.INADEQUATE
True
>>> Grade.parse("Adequate")
Traceback (most recent call last):
...
ilacs.errors.ParseError: grade: got 'Adequate'; expected one of Ofsted's SIF
or ILACS grade wordings: ...
"""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

import ilacs._checks as _checks
from ilacs._text import fold, lookup
from ilacs.catalogue import refs
from ilacs.catalogue.rule import Rule, derived_code

__all__ = [
    "GRADE_WORDINGS",
    "LEGACY_GRADE_WORDINGS",
    "Grade",
    "GradeWording",
    "LegacyGrade",
    "normalise_wording",
]


def normalise_wording(text: str) -> str:
    """Fold a grade wording for look-up: lower case, quotes and full stops dropped, spaces folded.

    >>> normalise_wording("  ‘Requires\\nImprovement’ ")
    'requires improvement'
    """
    return fold(text)


class _Ordered(enum.Enum):
    """An enum whose members order by their integer value (better grades compare greater)."""

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return int(self.value) < int(other.value)

    def __le__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return int(self.value) <= int(other.value)

    def __gt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return int(self.value) > int(other.value)

    def __ge__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return int(self.value) >= int(other.value)


class Grade(_Ordered):
    """A judgement on the four-point scale of the SIF and ILACS; better grades compare greater.

    The ``label`` is the wording of ILACS reports. :meth:`parse` reads any wording Ofsted has used
    (and the abbreviation "RI" councils use).
    """

    INADEQUATE = 1
    REQUIRES_IMPROVEMENT = 2
    GOOD = 3
    OUTSTANDING = 4

    @property
    def label(self) -> str:
        """The wording of ILACS reports, e.g. ``"Requires improvement to be good"``."""
        return _LABELS[self]

    @property
    def is_good_or_better(self) -> bool:
        """True for good and outstanding: the grades that lead to a short ILACS inspection."""
        return self >= Grade.GOOD

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Read a grade from any wording Ofsted has used (case and spacing do not matter).

        Raises:
            ParseError: the text is not a known wording; pre-2013 wordings such as "Adequate"
                are refused with a pointer to :class:`LegacyGrade`.
        """
        return lookup(
            text, _GRADE_INDEX, field="grade", expected=_GRADES, hint=_legacy_hint, kind=cls
        )

    def __str__(self) -> str:
        return self.label


class LegacyGrade(_Ordered):
    """A grade of the regimes before the SIF (2009-2013), whose third grade was "Adequate".

    "Adequate" met the minimum requirements; the SIF's "Requires improvement" said a service was
    not yet good. They are different grades, so this is a different type from :class:`Grade`.
    """

    INADEQUATE = 1
    ADEQUATE = 2
    GOOD = 3
    OUTSTANDING = 4

    @property
    def label(self) -> str:
        """The wording of the 2009-2013 reports, e.g. ``"Adequate"``."""
        return self.name.capitalize()

    @classmethod
    def parse(cls, text: str) -> LegacyGrade:
        """Read a pre-2013 grade ("Outstanding", "Good", "Adequate", "Inadequate").

        Raises:
            ParseError: the text is not one of those wordings.
        """
        expected = "one of the pre-2013 wordings: Outstanding, Good, Adequate, Inadequate"
        return lookup(text, _LEGACY_INDEX, field="grade", expected=expected, kind=cls)

    def __str__(self) -> str:
        return self.label


def _wording_code(wording: GradeWording) -> str:
    prefix = "grade-wording." if isinstance(wording.grade, Grade) else "legacy-grade-wording."
    return prefix + normalise_wording(wording.text).replace(" ", "-")


@attrs.frozen(kw_only=True)
class GradeWording(Rule):
    """A wording of a grade, where Ofsted or councils used it, and the source that shows it.

    Args:
        text: the wording; parsing a grade accepts it.
        grade: the grade it means.
        used: where it was used.
        sources, uncertain, note: as for every :class:`~ilacs.catalogue.rule.Rule` (the code
            follows from the wording).
    """

    family: ClassVar[str] = "grade-wording"

    text: str = attrs.field(validator=_checks.text())
    grade: Grade | LegacyGrade
    used: str = attrs.field(validator=_checks.text())
    code: str = derived_code(_wording_code)

    @property
    def summary(self) -> str:
        """One line for the rules listing."""
        return f"{self.text!r} means {self.grade.name} ({self.used})"


_LABELS = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement to be good",
    Grade.INADEQUATE: "Inadequate",
}

_W = GradeWording
GRADE_WORDINGS: tuple[GradeWording, ...] = (
    _W(
        text="Outstanding",
        grade=Grade.OUTSTANDING,
        used="SIF and ILACS",
        sources=(refs.SIF_NEWS, refs.FW_2024),
    ),
    _W(text="Good", grade=Grade.GOOD, used="SIF and ILACS", sources=(refs.SIF_NEWS, refs.FW_2024)),
    _W(
        text="Requires improvement to be good",
        grade=Grade.REQUIRES_IMPROVEMENT,
        used="ILACS reports; SIF sub-judgements in a few 2018 reports",
        sources=(refs.FW_2024, refs.REPORTS),
    ),
    _W(
        text="Require improvement to be good",
        grade=Grade.REQUIRES_IMPROVEMENT,
        used="SIF headline sentences from about April 2015",
        sources=(refs.REPORTS,),
    ),
    _W(
        text="Requires improvement",
        grade=Grade.REQUIRES_IMPROVEMENT,
        used="SIF judgements; Ofsted's statistics",
        sources=(refs.SIF_NEWS, refs.REPORTS),
    ),
    _W(
        text="Require improvement",
        grade=Grade.REQUIRES_IMPROVEMENT,
        used="SIF headlines 2014 to early 2015 and some sub-judgements (Thurrock 2016)",
        sources=(refs.REPORTS, refs.SEED_THURROCK_2017),
    ),
    _W(
        text="Required improvement",
        grade=Grade.REQUIRES_IMPROVEMENT,
        used="council minutes (past tense)",
        sources=(refs.SEED_DURHAM_2020,),
    ),
    _W(
        text="Requires improvement to become good",
        grade=Grade.REQUIRES_IMPROVEMENT,
        used="council minutes (Wokingham 2023)",
        sources=(refs.SEED_WOKINGHAM_2023,),
    ),
    _W(
        text="RI",
        grade=Grade.REQUIRES_IMPROVEMENT,
        used="the sector's abbreviation",
        sources=(refs.SESLIP,),
    ),
    _W(
        text="Inadequate",
        grade=Grade.INADEQUATE,
        used="SIF and ILACS",
        sources=(refs.SIF_NEWS, refs.FW_2024),
    ),
)
"""Every wording of the SIF and ILACS scale that :meth:`Grade.parse` accepts."""

LEGACY_GRADE_WORDINGS: tuple[GradeWording, ...] = (
    _W(
        text="Outstanding",
        grade=LegacyGrade.OUTSTANDING,
        used="2009-2013 inspections",
        sources=(refs.SLAC_SLIDES,),
    ),
    _W(
        text="Good",
        grade=LegacyGrade.GOOD,
        used="2009-2013 inspections",
        sources=(refs.SLAC_SLIDES,),
    ),
    _W(
        text="Adequate",
        grade=LegacyGrade.ADEQUATE,
        used="2009-2013 inspections: met minimum requirements",
        sources=(refs.SLAC_SLIDES, refs.SLAC_FRAMEWORK),
    ),
    _W(
        text="Satisfactory",
        grade=LegacyGrade.ADEQUATE,
        used="proposed for the 2012-13 child-protection inspections; final label not confirmed",
        sources=(refs.CP_2012,),
        uncertain=True,
    ),
    _W(
        text="Inadequate",
        grade=LegacyGrade.INADEQUATE,
        used="2009-2013 inspections",
        sources=(refs.SLAC_SLIDES,),
    ),
)
"""The wordings of the scale used before the SIF; "Adequate" is not "Requires improvement"."""


def _legacy_hint(text: str) -> str | None:
    """A pre-2013 wording read as a SIF or ILACS grade: say which scale it belongs to."""
    if fold(text) not in _LEGACY_INDEX:
        return None
    return (
        f"{text.strip()!r} is a grade of the regimes before November 2013, not of the SIF or "
        "ILACS scale; read it with LegacyGrade.parse"
    )


_GRADE_INDEX: dict[str, Grade] = {}
for _wording in GRADE_WORDINGS:
    assert isinstance(_wording.grade, Grade)
    _GRADE_INDEX[normalise_wording(_wording.text)] = _wording.grade
_LEGACY_INDEX: dict[str, LegacyGrade] = {}
for _wording in LEGACY_GRADE_WORDINGS:
    assert isinstance(_wording.grade, LegacyGrade)
    _LEGACY_INDEX[normalise_wording(_wording.text)] = _wording.grade
_GRADES = "one of Ofsted's SIF or ILACS grade wordings: " + ", ".join(
    w.text for w in GRADE_WORDINGS
)
"""What :meth:`Grade.parse` expected, written once."""

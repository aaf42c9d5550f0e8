"""Where each rule comes from and how sure we are of it.

Every rule in the catalogue carries one or more :class:`Source` records (title, URL, date,
evidence grade) and an ``uncertain`` flag. Results such as forecasts and comparisons explain
themselves with :class:`Reason` records: the code of the rule applied, the facts it was applied
to, and its sources, so that every answer can be traced to a document a scrutiny committee can
read. The sentence is made from the facts by :mod:`ilacs.words`, when it is read.

>>> src = Source("Ofsted news: a new judgement for care leavers",
...              "https://example.org", Evidence.A)
>>> src.evidence.meaning
'Ofsted, DfE, gov.uk or legislation text seen directly'
>>> facts = (("what", "focused visit"), ("window", "2024-01-08/2024-03-01/2024-06-28"))
>>> Reason("forecast.window", facts, (src,)).certainty
<Certainty.CONFIRMED: 'confirmed'>
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any

import attrs

import ilacs._checks as _checks
from ilacs.errors import ValidationError

__all__ = ["Certainty", "Evidence", "Fact", "Reason", "Source"]

Fact = str | int | float | bool | None
"""A value a reason rests on: plain, so that reasons read back from JSON as they were written."""


class Evidence(enum.Enum):
    """How a source supports a rule, from the specification's evidence grades (best first)."""

    A = "Ofsted, DfE, gov.uk or legislation text seen directly"
    B = "trade press or a professional body quoting or summarising Ofsted"
    C = "local-authority pages, council minutes or third-party blogs"
    D = "derived from Ofsted's reports or data: an observed regularity, not a published rule"
    S = "a council minute in this project's seed documents only"

    @property
    def meaning(self) -> str:
        """The grade's meaning, in words."""
        return self.value

    @property
    def rank(self) -> int:
        """0 for the strongest grade (A), larger for weaker ones."""
        return _EVIDENCE_ORDER.index(self)


_EVIDENCE_ORDER = (Evidence.A, Evidence.B, Evidence.C, Evidence.D, Evidence.S)


class Certainty(enum.Enum):
    """How sure the library is of a rule or a reason, for people reading its answers."""

    CONFIRMED = "confirmed"
    """Stated in an Ofsted, DfE or legal text (evidence A) and not flagged uncertain."""
    REPORTED = "reported"
    """Reported by the trade press, councils or observed in data, and not flagged uncertain."""
    UNCERTAIN = "uncertain"
    """Sources disagree or are weak: the best-supported value, open to override."""


def _check_url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.startswith(("http://", "https://")) and not value.startswith("seed "):
        raise ValidationError(
            f"Source.{attribute.name}", value, "an http(s) URL or a 'seed NNN' reference"
        )


@attrs.frozen
class Source:
    """A document a rule rests on.

    Args:
        title: the document's title or a short description of it.
        url: where to read it (``"seed 000"`` for this project's council minutes).
        evidence: the evidence grade, see :class:`Evidence`.
        published: the document's date, when known.
        note: what in the document supports the rule (a quotation or paragraph), if useful.
    """

    title: str = attrs.field(validator=_checks.text())
    url: str = attrs.field(validator=_check_url)
    evidence: Evidence
    published: dt.date | None = None
    note: str = ""

    def __str__(self) -> str:
        when = f", {self.published.isoformat()}" if self.published else ""
        return f"{self.title}{when} [{self.evidence.name}] <{self.url}>"


def certainty_of(sources: tuple[Source, ...], uncertain: bool) -> Certainty:
    """The :class:`Certainty` of a rule with these sources and flag."""
    if uncertain or not sources:
        return Certainty.UNCERTAIN
    if any(s.evidence is Evidence.A for s in sources):
        return Certainty.CONFIRMED
    return Certainty.REPORTED


def _check_facts(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is tuple:
        for pair in value:
            if type(pair) is not tuple or len(pair) != 2 or type(pair[0]) is not str:
                break
            fact = pair[1]
            if not (fact is None or isinstance(fact, (str, int, float))):  # bool is an int
                break
        else:
            return
    raise ValidationError("Reason.facts", value, "a tuple of (name, value) pairs of plain values")


@attrs.frozen
class Reason:
    """One step of an explanation: a rule applied, the facts it was applied to, its sources.

    Args:
        code: a stable identifier for tools (``"cycle.ilacs"``); :mod:`ilacs.words` has its
            sentence.
        facts: the values the step rests on, as ``(name, value)`` pairs (dates as ISO strings).
        sources: the documents the rule rests on (may be empty only for facts about the
            caller's own input, such as "no graded inspection in the history").
        uncertain: True when the rule is the best-supported of conflicting or weak sources.
    """

    code: str = attrs.field(validator=_checks.text())
    facts: tuple[tuple[str, Fact], ...] = attrs.field(default=(), validator=_check_facts)
    sources: tuple[Source, ...] = attrs.field(
        default=(), validator=_checks.tuple_of(Source, "a tuple of Source")
    )
    uncertain: bool = False

    @functools.cached_property
    def text(self) -> str:
        """The sentence for people, made from the facts (:func:`ilacs.words.render`; once)."""
        from ilacs.words import render

        return render(self)

    @property
    def certainty(self) -> Certainty:
        """How sure the library is of this reason."""
        return certainty_of(self.sources, self.uncertain)

    def __str__(self) -> str:
        flag = " (uncertain)" if self.uncertain else ""
        return f"{self.text}{flag}"

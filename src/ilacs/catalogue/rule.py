"""The shape every rule of the catalogue shares: :class:`Rule`.

A rule is data: a frozen, keyword-only record with a stable ``code``, the ``sources`` it rests
on, whether it is ``uncertain`` and a ``note`` of caveats. Each kind of rule (a cycle, a duty,
a route, ...) subclasses it with the fields its computation reads, and says itself in one line
(:attr:`Rule.summary`) for the rules listing.

>>> from ilacs.catalogue.cadence import CYCLE
>>> isinstance(CYCLE, Rule), CYCLE.family, CYCLE.certainty.name
(True, 'cadence', 'UNCERTAIN')
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

import ilacs._checks as _checks
from ilacs.errors import ValidationError
from ilacs.sources import Certainty, Source, certainty_of

__all__ = ["Rule"]


def _check_code(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or " " in value:
        raise ValidationError(
            f"{type(instance).__name__}.{attribute.name}", value, "a non-empty code without spaces"
        )


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the catalogue: what it is called, what it rests on and how sure we are.

    Args:
        code: a stable identifier (``"cycle.ilacs"``); records whose code follows from their
            other fields (a type's, a route's) derive it.
        sources: the documents it rests on (at least one).
        uncertain: True when it is the best of weak or conflicting sources.
        note: the caveats, in words.
    """

    family: ClassVar[str] = "rule"
    """Which part of the listing the rule belongs to ("cadence", "duty", ...)."""

    code: str = attrs.field(validator=_check_code)
    sources: tuple[Source, ...] = attrs.field(
        validator=_checks.tuple_of(Source, "a non-empty tuple of Source", non_empty=True)
    )
    uncertain: bool = attrs.field(default=False, validator=_checks.flag())
    note: str = attrs.field(default="", validator=_checks.is_a(str, "a string"))

    @property
    def certainty(self) -> Certainty:
        """How sure the library is of the rule, from its sources and flag."""
        return certainty_of(self.sources, self.uncertain)

    @property
    def summary(self) -> str:
        """The rule in one line, for the rules listing (each kind of rule words its own)."""
        raise NotImplementedError(type(self).__name__)


def derived_code(make: Any) -> Any:
    """An attrs field for a ``code`` that follows from the record's other fields.

    ``make`` takes the record (its other fields set) and returns the code. Declare it last, so
    the fields it reads are set first.
    """
    return attrs.field(init=False, default=attrs.Factory(make, takes_self=True))

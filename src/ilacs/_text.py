"""One way of folding text for look-up: :func:`fold`, used by every parser of names.

>>> fold("  Bournemouth, Christchurch & Poole "), fold("CARE_LEAVERS"), fold("care  leavers")
('bournemouth christchurch and poole', 'care leavers', 'care leavers')
>>> fold("‘Requires\\nImprovement’"), fold("Stockton-on-Tees"), fold("St. Helens")
('requires improvement', 'stockton on tees', 'st helens')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from ilacs.errors import ParseError

__all__ = ["fold", "lookup", "suggestion"]

T = TypeVar("T")

_SEPARATORS = re.compile(r"[\s_\-–—.,;:'\"‘’“”()\[\]/]+")


def fold(text: str) -> str:
    """``text`` folded for look-up: case, spacing, punctuation and "&" for "and" do not matter.

    Unicode compatibility forms are normalised (NFKC), case is folded, "&" reads as "and", and
    every run of spaces, underscores, hyphens, dashes, full stops, commas, colons, quotes,
    brackets or slashes
    becomes one space, trimmed at both ends.
    """
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    return _SEPARATORS.sub(" ", text).strip()


def lookup(
    text: object,
    index: Mapping[str, T],
    *,
    field: str,
    expected: str,
    hint: Callable[[str], str | None] | None = None,
    key: Callable[[str], str] = fold,
    kind: type[T] | None = None,
) -> T:
    """The entry of ``index`` (keyed by folded names) that ``text`` names once folded.

    ``key`` folds the text (:func:`fold` unless the index folds further); ``text`` that is
    already of ``kind`` is returned as it is.

    Raises:
        ParseError: ``text`` is not a string naming one; it names ``field`` and what was
            ``expected``, with ``hint(text)`` as its detail when a hint is given.
    """
    if kind is not None and isinstance(text, kind):
        return text
    if isinstance(text, str):
        found = index.get(key(text))
        if found is not None:
            return found
    detail = hint(text) if hint is not None and isinstance(text, str) else None
    raise ParseError(field, text, expected, detail)


def suggestion(
    text: str, names: Iterable[str], *, most: int = 3, cutoff: float = 0.75
) -> str | None:
    """ "did you mean 'A' or 'B'?" for the names close to ``text``, or None if none is."""
    import difflib

    close = difflib.get_close_matches(text.strip(), list(names), n=most, cutoff=cutoff)
    return "did you mean " + " or ".join(repr(c) for c in close) + "?" if close else None

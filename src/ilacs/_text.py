"""One way of folding text for look-up: :func:`fold`, used by every parser of names.

>>> fold("  Bournemouth, Christchurch & Poole "), fold("CARE_LEAVERS"), fold("care  leavers")
('bournemouth christchurch and poole', 'care leavers', 'care leavers')
>>> fold("‘Requires\\nImprovement’"), fold("Stockton-on-Tees"), fold("St. Helens")
('requires improvement', 'stockton on tees', 'st helens')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold"]

_SEPARATORS = re.compile(r"[\s_\-.,;:'\"‘’“”()/]+")


def fold(text: str) -> str:
    """``text`` folded for look-up: case, spacing, punctuation and "&" for "and" do not matter.

    Unicode compatibility forms are normalised (NFKC), case is folded, "&" reads as "and", and
    every run of spaces, underscores, hyphens, full stops, commas, quotes, brackets or slashes
    becomes one space, trimmed at both ends.
    """
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    return _SEPARATORS.sub(" ", text).strip()

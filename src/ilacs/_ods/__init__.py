"""Read sheets of OpenDocument spreadsheets (``.ods``) with the standard library only.

An ``.ods`` file is a zip archive whose ``content.xml`` holds every sheet as a
``<table:table table:name="...">`` element. Ofsted's 2023 data file has a 40 MB
``content.xml`` of which ``ilacs`` needs two small sheets, so this module never parses the
whole document: it inflates ``content.xml`` a chunk at a time, finds the start and end tags of
the top-level tables with a byte search as the bytes arrive, and feeds only the sheets asked for
to an XML parser (as children of an element that carries the document's namespace declarations)
whose callbacks build the rows: no tree, no recursion, and nothing of the document kept but the
rows. Reading any of Ofsted's files takes well under a second and a few megabytes (see
``benchmarks/ods.py``).

Hostile files meet hard limits (:data:`MAX_CONTENT_BYTES`, :data:`MAX_TOKEN_BYTES`,
:data:`MAX_SHEETS`, :data:`MAX_DEPTH`, :data:`MAX_ELEMENTS`, :data:`MAX_TEXT_CHARS`,
:data:`MAX_COLUMNS`, :data:`MAX_ROWS`, :data:`MAX_CELLS`, :data:`MAX_SPACES`) that keep any file
of up to 10 MB to about two seconds and 200 MB; one that breaks a limit is a
:class:`~ilacs.errors.FileFormatError` naming the file, the sheet and row where known, and the
limit. Entities are never expanded (the parser is given no document type declaration).

What a sheet reads as:

- A :class:`Sheet` is a tuple of rows, each a tuple of :class:`Cell`. Repeated rows and columns
  (``table:number-rows-repeated``, ``table:number-columns-repeated``) are expanded, but empty
  cells at the end of a row and empty rows at the end of the sheet are trimmed, so the million
  blank rows LibreOffice writes below a table cost nothing. A blank row inside the table reads
  as ``()``. Covered cells of merged ranges (``table:covered-table-cell``) count as columns.
- A cell's ``text`` is its paragraphs (``text:p``, ``text:h``, also inside lists) joined with
  ``"\\n"``; inside a paragraph ``text:s`` gives spaces, ``text:tab`` a tab,
  ``text:line-break`` a ``"\\n"``, and the text of ``text:span``, ``text:a`` and other inline
  elements is kept. Literal white space is collapsed as OpenDocument 1.2 section 6.1.2 says
  (runs of space, tab, CR and LF read as one space; none at the start or end of a paragraph).
  Comments (``office:annotation``), note bodies, ruby text and drawings are not part of the
  text. Text is not otherwise stripped or changed.
- ``value`` is the typed value attribute that goes with ``value_type`` (``office:value`` for
  ``float``, ``percentage`` and ``currency``; ``office:date-value``, ``office:time-value``,
  ``office:boolean-value``, ``office:string-value``), ``formula`` the ``table:formula``.

Other limits (said once here): the byte search assumes the table tags are not hidden inside XML
comments or CDATA sections (no spreadsheet program writes them there); the parts of
``content.xml`` outside the sheets read are not checked for well-formedness; flat XML files
(``.fods``) are not read.

Headers and rows: :func:`find_header` finds the heading row of a table by matching normalised
headings (:func:`normalise_heading`) and :func:`iter_rows` yields its data rows with their
1-based row numbers, so that errors can name the file, sheet, row and column
(:func:`column_letter`).

>>> import tempfile, zipfile, pathlib
>>> content = (
...     '<office:document-content'
...     ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
...     ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
...     ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
...     '<office:body><office:spreadsheet><table:table table:name="Inspections">'
...     '<table:table-row><table:table-cell><text:p>LA [note 1]</text:p></table:table-cell>'
...     '<table:table-cell><text:p>Overall</text:p><text:p>effectiveness</text:p>'
...     '</table:table-cell></table:table-row>'
...     '<table:table-row><table:table-cell><text:p>Thurrock</text:p></table:table-cell>'
...     '<table:table-cell><text:p>Good</text:p></table:table-cell>'
...     '<table:table-cell table:number-columns-repeated="16382"/></table:table-row>'
...     '<table:table-row table:number-rows-repeated="1048574"><table:table-cell/>'
...     '</table:table-row></table:table></office:spreadsheet></office:body>'
...     '</office:document-content>'
... )
>>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.ods"
>>> with zipfile.ZipFile(path, "w") as archive:
...     archive.writestr("mimetype", ODS_MIMETYPE)
...     archive.writestr("content.xml", content)
>>> sheet_names(path)
('Inspections',)
>>> sheet = find_sheet(path, r"inspections(_.*)?")
>>> sheet.rows[0][1].text
'Overall\\neffectiveness'
>>> header = find_header(sheet, {"la": ["la"], "overall": ["overall effectiveness*"]})
>>> header.headings
('la', 'overall effectiveness')
>>> for number, cells in iter_rows(sheet, header):
...     print(number, cells["la"].text, cells["overall"].text, column_letter(header["overall"]))
2 Thurrock Good B
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeAlias

from ilacs._ods.build import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_CONTENT_BYTES,
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_ROWS,
    MAX_SHEETS,
    MAX_SPACES,
    MAX_TEXT_CHARS,
    MAX_TOKEN_BYTES,
)
from ilacs._ods.content import ODS_MIMETYPE, Scan, scan, unreadable
from ilacs._ods.sheets import (
    EMPTY_CELL,
    HEADER_SEARCH_ROWS,
    Cell,
    HeaderMap,
    Sheet,
    column_letter,
    find_header,
    iter_rows,
    normalise_heading,
)
from ilacs.errors import FileFormatError, ValidationError

__all__ = [
    "EMPTY_CELL",
    "HEADER_SEARCH_ROWS",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_CONTENT_BYTES",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_ROWS",
    "MAX_SHEETS",
    "MAX_SPACES",
    "MAX_TEXT_CHARS",
    "MAX_TOKEN_BYTES",
    "ODS_MIMETYPE",
    "Cell",
    "HeaderMap",
    "Sheet",
    "SheetPattern",
    "column_letter",
    "find_header",
    "find_sheet",
    "find_sheets",
    "iter_rows",
    "normalise_heading",
    "read_sheets",
    "sheet_names",
    "unreadable",
]

SheetPattern: TypeAlias = "str | re.Pattern[str] | Callable[[str], bool]"
"""Chooses a sheet by name: a regular expression matched against the whole name (a ``str`` is
compiled ignoring case; a compiled pattern is used as it is) or a predicate."""

# --- Public reading functions ------------------------------------------------------------------


def _nothing(name: str) -> bool:
    return False


def sheet_names(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The names of the sheets of the ODS file at ``path``, in the file's order.

    Raises:
        FileFormatError: the file is missing or unreadable, not a zip, damaged, has no
            ``content.xml``, its XML is malformed, or it breaks one of the reader's limits.
    """
    return scan(path, _nothing).names


def read_sheets(path: str | os.PathLike[str], names: Iterable[str]) -> dict[str, Sheet]:
    """Read the sheets called ``names`` (exact names) from the ODS file at ``path``.

    ``content.xml`` is inflated once and only the named sheets are parsed. A ``str`` passed
    as ``names`` is taken as one name.

    Returns:
        Each name mapped to its :class:`Sheet`, in the order asked.

    Raises:
        FileFormatError: a sheet is missing (the message lists the sheets that exist), or the
            file cannot be read as :func:`sheet_names` describes.
    """
    wanted = [names] if isinstance(names, str) else list(names)
    asked = frozenset(wanted)
    found = scan(path, asked.__contains__)
    missing = [name for name in wanted if name not in found.names]
    if missing:
        raise FileFormatError(
            found.file,
            "sheet",
            missing[0] if len(missing) == 1 else missing,
            f"one of the file's sheets {found.names!r}",
        )
    return {name: found.sheet(name) for name in dict.fromkeys(wanted)}


def _describe(pattern: SheetPattern) -> str:
    if isinstance(pattern, str):
        return pattern
    if isinstance(pattern, re.Pattern):
        return pattern.pattern
    return getattr(pattern, "__name__", repr(pattern))


def _matcher(key: str, pattern: SheetPattern) -> Callable[[str], bool]:
    if isinstance(pattern, str):
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise ValidationError(key, pattern, "a valid regular expression", str(error)) from None
        return lambda name: compiled.fullmatch(name) is not None
    if isinstance(pattern, re.Pattern):
        return lambda name: pattern.fullmatch(name) is not None
    if callable(pattern):
        return pattern
    raise ValidationError(key, pattern, "a regular expression or a predicate on sheet names")


_Choices: TypeAlias = "list[tuple[str, Callable[[str], bool]]]"


def _choose(content: Scan, choices: _Choices) -> str:
    for described, matches_name in choices:
        matches = [name for name in content.names if matches_name(name)]
        if len(matches) > 1:
            raise FileFormatError(
                content.file,
                "sheet",
                matches,
                f"one sheet matching {described!r}",
                "the pattern matches several sheets",
            )
        if matches:
            return matches[0]
    raise FileFormatError(
        content.file,
        "sheet",
        [described for described, _ in choices],
        "a sheet whose name matches one of the patterns",
        f"the file's sheets are {content.names!r}",
    )


def find_sheets(
    path: str | os.PathLike[str], patterns: Mapping[str, Sequence[SheetPattern]]
) -> dict[str, Sheet]:
    """Read several sheets chosen by name patterns, decompressing the file once.

    Args:
        path: the ODS file.
        patterns: for each key of the caller's choosing, patterns tried in order (see
            :data:`SheetPattern`); the first pattern that matches a sheet chooses it.

    Returns:
        Each key mapped to its sheet.

    Raises:
        FileFormatError: no pattern of a key matches a sheet (the message names the patterns
            and the sheets that exist), a pattern matches several sheets, or the file cannot
            be read.
        ValidationError: a key has no patterns, or a pattern is not a valid regular
            expression or predicate (checked before the file is opened).
    """
    choices: dict[str, _Choices] = {}
    for key, given in patterns.items():
        if isinstance(given, str | re.Pattern) or not given:
            raise ValidationError(key, given, "a sequence of one or more sheet patterns")
        choices[key] = [(_describe(pattern), _matcher(key, pattern)) for pattern in given]
    matchers = [matches for key_choices in choices.values() for _, matches in key_choices]
    found = scan(path, lambda name: any(matches(name) for matches in matchers))
    chosen = {key: _choose(found, key_choices) for key, key_choices in choices.items()}
    return {key: found.sheet(name) for key, name in chosen.items()}


def find_sheet(path: str | os.PathLike[str], *patterns: SheetPattern) -> Sheet:
    """Read the sheet whose name matches the first of ``patterns`` that matches any sheet.

    For editions that rename a sheet: ``find_sheet(path, "Inspections_31_March_2024",
    r"Inspections_(as_at_)?31_March(_\\d{4})?")``. A ``str`` is a regular expression that must
    match the whole name, ignoring case.

    Raises:
        FileFormatError: as :func:`find_sheets`.
        ValidationError: no pattern was given, or one is not a valid regular expression.
    """
    return find_sheets(path, {"sheet": patterns})["sheet"]

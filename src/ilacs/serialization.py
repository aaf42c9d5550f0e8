"""JSON for every record of the library: one cattrs converter, configured once.

:func:`to_json` and :func:`from_json` turn records (:class:`~ilacs.Inspection`,
:class:`~ilacs.Judgement`, :class:`~ilacs.records.History`, :class:`~ilacs.sources.Reason`,
:class:`~ilacs.sources.Source`, forecasts, comparisons and any other frozen attrs record built of the
same kinds of field) into JSON text and back; :func:`unstructure` and :func:`structure` do the
same with plain Python data (dicts, lists, str, int, float, bool, None).

The JSON form:

- a record is an object of its fields, by attribute name, all of them (defaults included);
- a date is an ISO string, ``"2019-11-11"``;
- an enum is its member's NAME: ``"REQUIRES_IMPROVEMENT"``, ``"ILACS"``, ``"STANDARD"``;
- a :class:`~ilacs.FrameworkVersion` is its name, ``"ILACS 2023"``;
- an inspection's judgements are an object of area name to grade name,
  ``{"OVERALL": "GOOD", "CARE_LEAVERS": "GOOD"}``; a grade name that both scales have
  (``"GOOD"``) is read as the scale of the inspection's framework version (a bare
  ``Grade | LegacyGrade`` field of a record that does not know its version reads it as
  :class:`~ilacs.Grade`; only ``"ADEQUATE"`` is always a :class:`~ilacs.catalogue.LegacyGrade`);
- a reason's facts are an object of fact name to plain value, and its ``text`` is written too
  (made from the facts, it is not read back);
- a tuple is an array; a :class:`~ilacs.records.History` is its LA code, name and events, and is rebuilt
  with :meth:`History.of <ilacs.records.History.of>` so that it is checked again.

Reading is strict: a field the record does not have, a missing field, a value of the wrong JSON
type (``"true"`` for a boolean, ``5`` for a text) or a value the record refuses raises
:class:`~ilacs.errors.ParseError` (a ``ValueError``) whose ``field`` is the path to the bad value
(``$.events[2].judgements.CARE_LEAVERS``) and whose message keeps the library's own words. For
grades, areas and inspection types, Ofsted's wordings are accepted besides the names
(``"Requires improvement to be good"``, ``"focused_visit"``).

How: one :class:`cattrs.Converter` with detailed validation. Strict hooks read the leaves
(text, numbers, booleans, dates, enums); hook factories guard arrays and objects before cattrs'
own list and mapping hooks, and wrap the hooks cattrs generates for attrs records; errors carry
cattrs' validation notes, and :func:`cattrs.transform_error` finds the path of each.

>>> import datetime as dt
>>> from ilacs.records import Inspection
>>> thurrock = Inspection("E06000034", "Thurrock", "standard",
...                       start=dt.date(2019, 11, 11), end=dt.date(2019, 11, 22),
...                       judgements={"overall": "Good"})
>>> text = to_json(thurrock)
>>> text[:66]
'{"la_code": "E06000034", "la_name": "Thurrock", "type": "STANDARD"'
>>> from_json(text, Inspection) == thurrock
True
>>> from_json(text.replace('"GOOD"', '"Goodish"'), Inspection)
Traceback (most recent call last):
...
ilacs.errors.ParseError: $.judgements.OVERALL: got 'Goodish'; expected one of
Ofsted's SIF or ILACS grade wordings: ...
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import json
import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, mapping_structure_factory

from ilacs.catalogue.frameworks import FrameworkVersion, JudgementArea, version_named
from ilacs.errors import IlacsError, ParseError
from ilacs.records import AnyGrade, History, Judgements
from ilacs.sources import Fact, Reason

__all__ = ["MAX_NUMBER_CHARS", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")
Hook = Callable[[Any, Any], Any]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KEY_STEP = re.compile(r"\['([A-Za-z_][A-Za-z0-9_]*)'\]")
"""A mapping key as :func:`cattrs.transform_error` writes it (``['CARE_LEAVERS']``), when it
can be written as a name (``.CARE_LEAVERS``)."""
_EXCERPT = 40
"""Characters of JSON text quoted either side of a syntax error."""
_FACTS: Final = tuple[tuple[str, Fact], ...]
"""The type of :attr:`Reason.facts <ilacs.sources.Reason.facts>`: an object in JSON."""

MAX_NUMBER_CHARS: Final = 100
"""Longest number :func:`from_json` reads, in characters; a longer one is a
:class:`~ilacs.errors.ParseError` naming its path. No record holds such a number, and Python
itself refuses to read an integer of more than 4,300 digits (taking time quadratic in the length
below that)."""


def _step(key: object) -> str:
    """The path step for a key of an object: ``.name``, or ``['odd key']``."""
    if isinstance(key, str) and _IDENTIFIER.fullmatch(key):
        return "." + key
    return f"[{key!r}]"


_JSON_TYPES: Final = {
    dict: "an object",
    list: "an array",
    tuple: "an array",
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    type(None): "null",
}


def _expect(value: T, kinds: type | tuple[type, ...], expected: str) -> T:
    """``value`` if it is one of ``kinds`` (a bool only if ``kinds`` names bool), else a
    :class:`ParseError` naming its JSON type."""
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    if isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool)):
        return value
    found = _JSON_TYPES.get(type(value), type(value).__name__)
    raise ParseError("value", value, expected, f"found {found}")


def _noted(
    group: type[ClassValidationError | IterableValidationError],
    cls: Any,
    errors: list[tuple[Any, Exception]],
) -> Exception:
    """``errors`` as cattrs reports them, each noted with its field (or key) below ``cls``."""
    for step, error in errors:
        if group is ClassValidationError:
            error.add_note(AttributeValidationNote(f"at {step}", step, None))
        else:
            error.add_note(IterableValidationNote(f"at {step}", step, None))
    return group(f"While structuring {cls!r}", [error for _, error in errors], cls)


# --- leaf values -------------------------------------------------------------------------------

_PLAIN: Final = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def _structure_plain(value: Any, cls: type) -> Any:
    """A string, integer, number or boolean, never coerced; a str or int enum by its name."""
    if issubclass(cls, enum.Enum):
        return _structure_enum(value, cls)
    _expect(value, (int, float) if cls is float else cls, _PLAIN[cls])
    return float(value) if cls is float else value


def _is_plain_union(tp: Any) -> bool:
    kinds = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and all(
        kind in _PLAIN or kind is type(None) for kind in kinds
    )


def _plain_union_hook(tp: Any) -> Hook:
    """``int | str | None`` (and the like, such as a reason's facts): a value of one of the
    kinds, as it is (an integer is also a number)."""
    kinds = typing.get_args(tp)
    words = [_JSON_TYPES[k].split()[-1] for k in kinds if not (k is int and float in kinds)]
    words[0] = ("an " if words[0][0] in "aeiou" else "a ") + words[0]
    expected = ", ".join(words[:-1]) + " or " + words[-1]
    accepted = (*kinds, int) if float in kinds else kinds
    return lambda value, _: _expect(value, accepted, expected)


def _structure_date(value: Any, _: Any) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ParseError("date", value, "an ISO date 'YYYY-MM-DD'")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ParseError("date", value, "a date that exists, as 'YYYY-MM-DD'") from None


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    """An enum member from its NAME; also from any wording the enum's ``parse`` accepts."""
    if isinstance(value, str) and value in cls.__members__:
        return cls.__members__[value]
    names = ", ".join(cls.__members__)
    parse = getattr(cls, "parse", None)
    if parse is None or not isinstance(value, str):
        raise ParseError(cls.__name__, value, f"one of the names {names}")
    try:
        member = parse(value)
    except IlacsError as error:
        expected = error.expected
        if not all(name in expected for name in cls.__members__):
            expected += f", or one of the names {names}"
        raise ParseError(cls.__name__, value, expected, error.detail) from None
    assert isinstance(member, cls)
    return member


def _name_of(value: Any) -> Any:
    # str and int enums would otherwise be written as their values.
    return value.name if isinstance(value, enum.Enum) else value


def _is_enum_union(tp: Any) -> bool:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return False
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return len(args) > 1 and all(isinstance(a, type) and issubclass(a, enum.Enum) for a in args)


def _enum_union_hook(tp: Any) -> Hook:
    """Structure ``Grade | LegacyGrade`` (and the like): a name of the first enum that has it."""
    args = typing.get_args(tp)
    optional = type(None) in args
    members: tuple[type[enum.Enum], ...] = tuple(a for a in args if a is not type(None))

    def hook(value: Any, _: Any) -> Any:
        if value is None and optional:
            return None
        for cls in members:
            if isinstance(value, str) and value in cls.__members__:
                return cls.__members__[value]
        first: IlacsError | None = None
        for cls in members:
            try:
                return _structure_enum(value, cls)
            except IlacsError as error:
                first = first or error
        assert first is not None
        raise first

    return hook


def _structure_version(value: Any, _: Any) -> FrameworkVersion:
    _expect(value, str, "the name of a framework version, such as 'ILACS 2023'")
    return version_named(value)


# --- arrays and objects: checked for their JSON type, then read by cattrs' own hooks -----------


def _is_sequence(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    return origin in (tuple, list, collections.abc.Sequence, collections.abc.MutableSequence)


def _sequence_hook(tp: Any, converter: cattrs.Converter) -> Hook:
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        return _fixed_tuple_hook(tp, converter)
    item_list = typing.cast(type, types.GenericAlias(list, args[:1] or (Any,)))
    items = list_structure_factory(item_list, converter)
    mutable = typing.get_origin(tp) in (list, collections.abc.MutableSequence)

    def hook(value: Any, _: Any) -> Any:
        found = items(_expect(value, (list, tuple), "an array"), tp)
        return found if mutable else tuple(found)

    return hook


def _fixed_tuple_hook(tp: Any, converter: cattrs.Converter) -> Hook:
    """``tuple[int, str]``: an array of as many items, each of its own type."""
    kinds = typing.get_args(tp)

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if len(_expect(value, (list, tuple), "an array")) != len(kinds):
            raise ParseError("array", value, f"an array of {len(kinds)} items")
        found: list[Any] = []
        errors: list[tuple[Any, Exception]] = []
        for index, (item, kind) in enumerate(zip(value, kinds, strict=True)):
            try:
                found.append(converter.structure(item, kind))
            except Exception as error:
                errors.append((index, error))
        if errors:
            raise _noted(IterableValidationError, tp, errors)
        return tuple(found)

    return hook


def _is_mapping(tp: Any) -> bool:
    return typing.get_origin(tp) in (dict, collections.abc.Mapping)


def _mapping_hook(tp: Any, converter: cattrs.Converter) -> Hook:
    items = mapping_structure_factory(tp, converter, detailed_validation=True)
    return lambda value, _: items(_expect(value, dict, "an object"), tp)


class _Fields(dict[str, Any]):
    """The fields of a record read from a JSON object; a missing one is reported by name."""

    record = ""

    def __missing__(self, key: str) -> Any:
        raise ParseError("field", None, f"a value: {self.record}.{key} is required")


def _attrs_hook(cls: type, converter: cattrs.Converter) -> Hook:
    """Read an attrs record with the function cattrs generates for it, after checking that the
    value is an object; derived fields (``init=False``) are dropped (the record computes them).
    An error the record's own checks raise is noted with the field it names (``"Source.url"``,
    ``"judgements.CARE_LEAVERS"``), so that its path goes on to the field."""
    generated: Hook = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    fields = attrs.fields(cls)
    names = ", ".join(sorted(a.name for a in fields if a.init))
    derived = {a.name for a in fields if not a.init}
    attributes = {a.name for a in fields}

    def hook(value: Any, _: Any) -> Any:
        given = _expect(value, dict, f"an object with the fields of {cls.__name__}: {names}")
        data = _Fields((k, v) for k, v in given.items() if k not in derived)
        data.record = cls.__name__
        try:
            return generated(data, cls)
        except ClassValidationError as group:
            for error in group.exceptions:
                if isinstance(error, IlacsError) and not getattr(error, "__notes__", None):
                    parts = error.field.split(".")
                    parts = parts[1:] if parts[0] == cls.__name__ else parts
                    if parts[0] in attributes:
                        error.add_note(AttributeValidationNote("", ".".join(parts), None))
            raise

    return hook


# --- records whose JSON form is not their fields ------------------------------------------------


def _structure_judgements(value: Any, _: Any) -> Judgements:
    given = _expect(value, dict, "an object of judgement area name to grade name")
    grades = _CONVERTER.structure(given, dict[JudgementArea, AnyGrade])
    if len(grades) < len(given):  # an area given twice, under two spellings: say which
        seen: set[JudgementArea] = set()
        for key in given:
            area = _CONVERTER.structure(key, JudgementArea)
            if area in seen:
                error = ParseError("judgements", key, "each area once")
                raise _noted(IterableValidationError, Judgements, [(area.name, error)])
            seen.add(area)
    return Judgements(grades)


def _unstructure_judgements(value: Judgements) -> dict[str, str]:
    return {area.name: grade.name for area, grade in value.items()}


def _structure_history(value: Any, _: Any) -> History:
    """A history's fields, rebuilt with :meth:`History.of` and checked against its events."""
    given = _HISTORY_FIELDS(value, None)
    try:
        history = History.of(given.events)
    except IlacsError as error:
        raise _noted(ClassValidationError, History, [("events", error)]) from None
    errors: list[tuple[Any, Exception]] = [
        (name, ParseError(name, value, f"{found!r}, as the events say", "History.of"))
        for name in ("la_code", "la_name")
        if (value := getattr(given, name)) != (found := getattr(history, name))
    ]
    if errors:
        raise _noted(ClassValidationError, History, errors)
    return history


def _structure_reason(value: Any, _: Any) -> Reason:
    """A reason from its fields; ``text`` (made from the facts) is accepted and not read."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "text"}
    reason: Reason = _REASON_FIELDS(value, Reason)
    return reason


def _structure_facts(value: Any, _: Any) -> tuple[tuple[str, Fact], ...]:
    given = _expect(value, dict, "an object of fact name to plain value")
    return tuple(_CONVERTER.structure(given, dict[str, Fact]).items())


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    hooks: list[tuple[type, Hook]] = [(kind, _structure_plain) for kind in _PLAIN]
    hooks += [
        (dt.date, _structure_date),
        (enum.Enum, _structure_enum),
        (FrameworkVersion, _structure_version),
        (Judgements, _structure_judgements),
        (History, _structure_history),
        (Reason, _structure_reason),
    ]
    for cls, hook in hooks:
        converter.register_structure_hook(cls, hook)
    converter.register_structure_hook_factory(attrs.has, _attrs_hook)
    converter.register_structure_hook_factory(_is_sequence, _sequence_hook)
    converter.register_structure_hook_factory(_is_mapping, _mapping_hook)
    converter.register_structure_hook_factory(_is_enum_union, _enum_union_hook)
    converter.register_structure_hook_factory(_is_plain_union, _plain_union_hook)
    converter.register_structure_hook_func(lambda t: t == _FACTS, _structure_facts)

    for kind in (str, int, enum.Enum):
        converter.register_unstructure_hook(kind, _name_of)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(FrameworkVersion, lambda v: v.name)
    converter.register_unstructure_hook(Judgements, _unstructure_judgements)
    converter.register_unstructure_hook_func(lambda t: t == _FACTS, dict)
    fields = make_dict_unstructure_fn(Reason, converter)
    converter.register_unstructure_hook(Reason, lambda r: {**fields(r), "text": r.text})
    return converter


_CONVERTER = _make_converter()
"""The library's one converter. Use the functions of this module rather than it."""
_HISTORY_TYPES = typing.get_type_hints(History)
_HISTORY_FIELDS = _attrs_hook(
    # History's fields, read as they are: History.of sorts the events and checks them.
    attrs.make_class(
        "History", {a.name: attrs.field(type=_HISTORY_TYPES[a.name]) for a in attrs.fields(History)}
    ),
    _CONVERTER,
)
_REASON_FIELDS = _attrs_hook(Reason, _CONVERTER)


# --- errors at the boundary ---------------------------------------------------------------------


def _located(path: str, error: BaseException) -> list[ParseError]:
    """``error``, found at ``path``, as the library's errors."""
    if isinstance(error, IlacsError):
        return [ParseError(path, error.value, error.expected, error.detail)]
    if isinstance(error, ForbiddenExtraKeysError):
        names = ", ".join(sorted(a.name for a in attrs.fields(error.cl) if a.init))
        expected = f"a field of {error.cl.__name__}: {names}"
        return [
            ParseError(path + _step(key), key, expected, "unknown fields are refused")
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, StructureHandlerNotFoundError):
        raise error  # a type the converter cannot handle: a programming error, not bad input
    return [ParseError(path, None, "a well-formed value", f"{type(error).__name__}: {error}")]


def _parse_error(error: BaseException) -> ParseError:
    """The first error below ``error`` with its path; the message lists any others."""
    leaves: list[BaseException] = []

    def mark(leaf: BaseException, _: Any) -> str:
        leaves.append(leaf)
        return str(len(leaves) - 1)

    found: list[ParseError] = []
    for line in cattrs.transform_error(error, "$", mark):
        index, _, path = line.partition(" @ ")
        found += _located(_KEY_STEP.sub(r".\1", path), leaves[int(index)])
    first, *more = found
    if not more:
        return first
    detail = f"{first.detail}; " if first.detail else ""
    others = "; ".join(map(str, more))
    return ParseError(
        first.field, first.value, first.expected, f"{detail}{len(more)} more: {others}"
    )


# --- the public functions -----------------------------------------------------------------------


def unstructure(obj: Any) -> Any:
    """``obj`` as plain data: dicts, lists, str, int, float, bool and None, ready for JSON.

    >>> from ilacs.catalogue.frameworks import version_named
    >>> from ilacs.catalogue.grades import Grade
    >>> unstructure(version_named("ILACS 2023"))
    'ILACS 2023'
    >>> unstructure({"grade": Grade.REQUIRES_IMPROVEMENT})
    {'grade': 'REQUIRES_IMPROVEMENT'}
    """
    return _CONVERTER.unstructure(obj)


@typing.overload
def structure(data: Any, cls: type[T]) -> T: ...


@typing.overload
def structure(data: Any, cls: Any) -> Any: ...


def structure(data: Any, cls: Any) -> Any:
    """Build a ``cls`` (a record, or a type such as ``tuple[Inspection, ...]``) from plain data.

    Args:
        data: what :func:`unstructure` (or :func:`json.loads`) returns.
        cls: the type to build.

    Raises:
        ParseError: ``data`` does not fit ``cls``; ``field`` is the path to the first bad value
            (``$.events[0].end``) and the message lists any others.

    >>> from ilacs.sources import Reason
    >>> data = {"code": "overdue", "facts": {}, "sources": [], "uncertain": "no"}
    >>> structure(data, Reason)
    Traceback (most recent call last):
    ...
    ilacs.errors.ParseError: $.uncertain: got 'no'; expected true or false (found
    a string)
    """
    try:
        return _CONVERTER.structure(data, cls)
    except StructureHandlerNotFoundError:
        raise
    except Exception as error:
        raise _parse_error(error) from None


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """``obj`` as JSON text (see the module docstring for the form).

    Args:
        obj: a record, or a list, tuple or dict of them.
        indent: spaces of indentation, or None for one line.
    """
    return json.dumps(unstructure(obj), indent=indent, ensure_ascii=False, allow_nan=False)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ParseError("json", key, "each key once in an object", "a duplicate key")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ParseError("json", name, "a JSON number (NaN and Infinity are not JSON)")


class _Unreadable:
    """A number :func:`json.loads` met but that is not read: it is reported with its path."""

    __slots__ = ("expected", "text")

    def __init__(self, text: str, expected: str) -> None:
        self.text = text
        self.expected = expected


class _Numbers:
    """The number hooks of one :func:`json.loads`: refuse long or infinite numbers, and note
    that one was met so that its path can be found afterwards."""

    def __init__(self) -> None:
        self.unreadable = False

    def read(self, text: str, kind: Callable[[str], Any]) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            self.unreadable = True
            return _Unreadable(text, f"a number of at most {MAX_NUMBER_CHARS} characters")
        value = kind(text)
        if isinstance(value, float) and not math.isfinite(value):
            self.unreadable = True
            return _Unreadable(text, "a number within the range of a float")
        return value


def _refuse_unreadable(data: Any) -> None:
    """Raise :class:`ParseError` at the first :class:`_Unreadable` number, with its path."""
    stack: list[tuple[str, Any]] = [("$", data)]  # depth first, in document order
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Unreadable):
            raise ParseError(path, value.text, value.expected, "a JSON number")
        if isinstance(value, dict):
            stack.extend((path + _step(key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(
                (f"{path}[{index}]", item) for index, item in reversed(list(enumerate(value)))
            )


@typing.overload
def from_json(text: str | bytes, cls: type[T]) -> T: ...


@typing.overload
def from_json(text: str | bytes, cls: Any) -> Any: ...


def from_json(text: str | bytes, cls: Any) -> Any:
    """Read a ``cls`` from JSON text written by :func:`to_json`.

    Raises:
        ParseError: the text is not JSON (the message gives the line, column and the text
            around the error), an object repeats a key, a number is longer than
            :data:`MAX_NUMBER_CHARS` or beyond a float's range (the error's field is its path,
            ``$.events[0].start``), or the data do not fit ``cls`` (see :func:`structure`).

    >>> from ilacs.sources import Reason
    >>> from_json('{"code": "demo" "text": "A reason."}', Reason)
    Traceback (most recent call last):
    ...
    ilacs.errors.ParseError: json: got '{"code": "demo" "text": "A reason."}';
    expected valid JSON text (Expecting ',' delimiter at line 1, column 17,
    character 16)
    """
    if isinstance(text, (bytes, bytearray)):
        raw = bytes(text)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ParseError(
                "json", raw[error.start : error.end + 8], "UTF-8 text", str(error)
            ) from None
    if not isinstance(text, str):
        raise ParseError("json", text, "JSON text (str or bytes)")
    numbers = _Numbers()
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_int=lambda digits: numbers.read(digits, int),
            parse_float=lambda digits: numbers.read(digits, float),
        )
    except json.JSONDecodeError as error:
        start = max(0, error.pos - _EXCERPT)
        excerpt = ("..." if start else "") + error.doc[start : error.pos + _EXCERPT]
        raise ParseError(
            "json",
            excerpt,
            "valid JSON text",
            f"{error.msg} at line {error.lineno}, column {error.colno}, character {error.pos}",
        ) from None
    except RecursionError:
        raise ParseError("json", text[:_EXCERPT], "JSON nested less deeply") from None
    if numbers.unreadable:
        _refuse_unreadable(data)
    return structure(data, cls)

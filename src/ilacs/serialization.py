"""JSON for every record of the library: one cattrs converter, configured once.

:func:`to_json` and :func:`from_json` turn records (:class:`~ilacs.Inspection`,
:class:`~ilacs.Judgement`, :class:`~ilacs.History`, :class:`~ilacs.Reason`,
:class:`~ilacs.Source`, forecasts, comparisons and any other frozen attrs record built of the
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
  :class:`~ilacs.Grade`; only ``"ADEQUATE"`` is always a :class:`~ilacs.LegacyGrade`);
- a tuple is an array; a :class:`~ilacs.History` is its LA code, name and events, and is rebuilt
  with :meth:`History.of <ilacs.History.of>` so that it is checked again.

Reading is strict: a field the record does not have, a missing field, a value of the wrong JSON
type (``"true"`` for a boolean, ``5`` for a text) or a value the record refuses raises
:class:`~ilacs.errors.ParseError` (a ``ValueError``) whose ``field`` is the path to the bad value
(``$.events[2].judgements.CARE_LEAVERS``) and whose message keeps the library's own words. For
grades, areas and inspection types, Ofsted's wordings are accepted besides the names
(``"Requires improvement to be good"``, ``"focused_visit"``).

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
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from ilacs.catalogue.frameworks import FrameworkVersion, JudgementArea, version_named
from ilacs.catalogue.grades import Grade, LegacyGrade
from ilacs.errors import IlacsError, ParseError
from ilacs.records import History, Inspection, Judgements
from ilacs.sources import Reason, Source

__all__ = ["MAX_NUMBER_CHARS", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_EXCERPT = 40
"""Characters of JSON text quoted either side of a syntax error."""

MAX_NUMBER_CHARS: Final = 100
"""Longest number :func:`from_json` reads, in characters; a longer one is a
:class:`~ilacs.errors.ParseError` naming its path. No record holds such a number, and Python
itself refuses to read an integer of more than 4,300 digits (taking time quadratic in the length
below that)."""


class _PathGroup(Exception):
    """Errors found below a value, each with the path step that leads to it (``.CARE_LEAVERS``)."""

    def __init__(self, errors: list[tuple[str, BaseException]]) -> None:
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


def _step(key: object) -> str:
    """The path step for a key of an object: ``.name``, or ``['odd key']``."""
    if isinstance(key, str) and _IDENTIFIER.fullmatch(key):
        return "." + key
    return f"[{key!r}]"


def _json_type(value: object) -> str:
    names = {
        dict: "an object",
        list: "an array",
        tuple: "an array",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _wrong_type(value: object, expected: str) -> ParseError:
    return ParseError("value", value, expected, f"found {_json_type(value)}")


# --- leaf values -------------------------------------------------------------------------------


def _structure_str(value: Any, cls: type) -> Any:
    if issubclass(cls, enum.Enum):
        return _structure_enum(value, cls)
    if not isinstance(value, str):
        raise _wrong_type(value, "a string")
    return value


def _structure_int(value: Any, cls: type) -> Any:
    if issubclass(cls, enum.Enum):
        return _structure_enum(value, cls)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type(value, "an integer")
    return value


def _structure_bool(value: Any, cls: type) -> bool:
    if not isinstance(value, bool):
        raise _wrong_type(value, "true or false")
    return value


def _structure_float(value: Any, cls: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _wrong_type(value, "a number")
    return float(value)


def _structure_date(value: Any, cls: type) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ParseError("date", value, "an ISO date 'YYYY-MM-DD'")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ParseError("date", value, "a date that exists, as 'YYYY-MM-DD'") from None


def _unstructure_text(value: Any) -> Any:
    # str and int enums would otherwise pass through as their values.
    return value.name if isinstance(value, enum.Enum) else value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    """An enum member from its NAME; also from any wording the enum's ``parse`` accepts."""
    if isinstance(value, str) and value in cls.__members__:
        return cls.__members__[value]
    names = ", ".join(cls.__members__)
    parse = getattr(cls, "parse", None)
    if parse is None or isinstance(value, bool) or not isinstance(value, str):
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


def _is_enum_union(tp: Any) -> bool:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return False
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return len(args) > 1 and all(isinstance(a, type) and issubclass(a, enum.Enum) for a in args)


def _enum_union_hook(tp: Any) -> Callable[[Any, Any], Any]:
    """Structure ``Grade | LegacyGrade`` (and the like): a name of the first enum that has it."""
    args = typing.get_args(tp)
    optional = type(None) in args
    members: tuple[type[enum.Enum], ...] = tuple(a for a in args if a is not type(None))

    def hook(value: Any, _: Any) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, str):
            for cls in members:
                if value in cls.__members__:
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


# --- records whose JSON form is not their fields ------------------------------------------------


def _structure_version(value: Any, _: Any) -> FrameworkVersion:
    if not isinstance(value, str):
        raise _wrong_type(value, "the name of a framework version, such as 'ILACS 2023'")
    return version_named(value)


_structure_grade: Callable[[Any, Any], Grade | LegacyGrade] = _enum_union_hook(Grade | LegacyGrade)


def _structure_judgements(value: Any, _: Any) -> Judgements:
    if not isinstance(value, dict):
        raise _wrong_type(value, "an object of judgement area name to grade name")
    errors: list[tuple[str, BaseException]] = []
    pairs: list[tuple[JudgementArea, Grade | LegacyGrade]] = []
    for key, grade in value.items():
        try:
            area = typing.cast(JudgementArea, _structure_enum(key, JudgementArea))
            pairs.append((area, _structure_grade(grade, None)))
        except ValueError as error:
            errors.append((_step(key), error))
    if errors:
        raise _PathGroup(errors)
    try:
        return Judgements(pairs)
    except IlacsError as error:  # the same area twice, under two spellings
        raise _PathGroup([(_step(error.field.rpartition(".")[2]), error)]) from None


def _unstructure_judgements(value: Judgements) -> dict[str, str]:
    return {area.name: grade.name for area, grade in value.items()}


def _structure_history(value: Any, _: Any) -> History:
    data, problems, _ = _check_object(value, History)
    if problems:
        raise _PathGroup(problems)
    try:
        events = _CONVERTER.structure(data["events"], tuple[Inspection, ...])
    except Exception as error:
        raise _PathGroup([(".events", error)]) from None
    try:
        history = History.of(events)
    except IlacsError as error:
        raise _PathGroup([(".events", error)]) from None
    errors: list[tuple[str, BaseException]] = []
    for name in ("la_code", "la_name"):
        try:
            given = _CONVERTER.structure(data[name], str)
        except IlacsError as error:
            errors.append(("." + name, error))
            continue
        found = getattr(history, name)
        if given != found:
            errors.append(
                (
                    "." + name,
                    ParseError(name, given, f"{found!r}, as the events say", "History.of"),
                )
            )
    if errors:
        raise _PathGroup(errors)
    return history


def _unstructure_reason(reason: Reason) -> dict[str, Any]:
    return {
        "code": reason.code,
        "facts": dict(reason.facts),
        "sources": [_CONVERTER.unstructure(s) for s in reason.sources],
        "uncertain": reason.uncertain,
        "text": reason.text,
    }


def _structure_reason(value: Any, _: Any) -> Reason:
    """A reason from its fields; ``text`` (derived from the facts) is accepted and not read."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "text"}
    data, problems, _ = _check_object(value, Reason)
    facts = data.get("facts", {})
    if not isinstance(facts, dict):
        problems.append((".facts", _wrong_type(facts, "an object of fact name to plain value")))
        facts = {}
    for key, fact in facts.items():
        if fact is not None and not isinstance(fact, (str, int, float, bool)):
            problems.append(
                (".facts" + _step(key), _wrong_type(fact, "a string, number, boolean or null"))
            )
    if problems:
        raise _PathGroup(problems)
    errors: list[tuple[str, BaseException]] = []
    fields: dict[str, Any] = {"facts": tuple(facts.items())}
    for name, tp in (("code", str), ("sources", tuple[Source, ...]), ("uncertain", bool)):
        if name in data:
            try:
                fields[name] = _CONVERTER.structure(data[name], tp)
            except Exception as error:
                errors.append(("." + name, error))
    if errors:
        raise _PathGroup(errors)
    try:
        return Reason(**fields)
    except IlacsError as error:
        raise _PathGroup([("." + error.field.rpartition(".")[2], error)]) from None


# --- containers and attrs classes ---------------------------------------------------------------


def _init_names(cls: type) -> tuple[set[str], set[str]]:
    fields = attrs.fields(cls)
    return {a.name for a in fields if a.init}, {a.name for a in fields if not a.init}


def _check_object(
    value: Any, cls: type
) -> tuple[dict[str, Any], list[tuple[str, BaseException]], bool]:
    """The fields of ``cls`` in ``value``, errors for unknown and missing keys, and whether any
    required key is missing. Derived fields (``init=False``) are dropped: the class computes them.

    Raises:
        ParseError: ``value`` is not an object.
    """
    names, derived = _init_names(cls)
    required = sorted(a.name for a in attrs.fields(cls) if a.init and a.default is attrs.NOTHING)
    if not isinstance(value, dict):
        raise _wrong_type(
            value, f"an object with the fields of {cls.__name__}: {', '.join(sorted(names))}"
        )
    errors: list[tuple[str, BaseException]] = []
    for key in value:
        if key not in names and key not in derived:
            errors.append(
                (
                    _step(key),
                    ParseError(
                        "field",
                        key,
                        f"a field of {cls.__name__}: {', '.join(sorted(names))}",
                        "unknown fields are refused",
                    ),
                )
            )
    missing = [key for key in required if key not in value]
    for key in missing:
        errors.append(
            ("." + key, ParseError("field", None, f"a value: {cls.__name__}.{key} is required"))
        )
    return {k: v for k, v in value.items() if k in names}, errors, bool(missing)


def _attrs_hook(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    base: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def hook(value: Any, _: Any) -> Any:
        data, errors, missing = _check_object(value, cls)
        if missing:
            raise _PathGroup(errors)
        try:
            result = base(data, cls)
        except Exception as error:
            raise _PathGroup([("", error), *errors]) from None
        if errors:
            raise _PathGroup(errors)
        return result

    return hook


def _is_sequence(tp: Any) -> bool:
    return typing.get_origin(tp) in (
        tuple,
        list,
        collections.abc.Sequence,
        collections.abc.MutableSequence,
    )


def _sequence_hook(tp: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    variadic = origin is not tuple or (len(args) == 2 and args[1] is Ellipsis)
    item_type = args[0] if args else Any
    make: Callable[[list[Any]], Any] = (
        list if origin in (list, collections.abc.MutableSequence) else tuple
    )

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise _wrong_type(value, "an array")
        if not variadic and len(value) != len(args):
            raise ParseError("array", value, f"an array of {len(args)} items")
        out: list[Any] = []
        errors: list[tuple[str, BaseException]] = []
        for index, item in enumerate(value):
            try:
                out.append(converter.structure(item, item_type if variadic else args[index]))
            except Exception as error:
                errors.append((f"[{index}]", error))
        if errors:
            raise _PathGroup(errors)
        return make(out)

    return hook


def _is_plain_mapping(tp: Any) -> bool:
    return typing.get_origin(tp) in (dict, collections.abc.Mapping)


def _mapping_hook(tp: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    key_type, value_type = typing.get_args(tp) or (Any, Any)

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _wrong_type(value, "an object")
        out: dict[Any, Any] = {}
        errors: list[tuple[str, BaseException]] = []
        for key, item in value.items():
            try:
                out[converter.structure(key, key_type)] = converter.structure(item, value_type)
            except Exception as error:
                errors.append((_step(key), error))
        if errors:
            raise _PathGroup(errors)
        return out

    return hook


def _make_converter() -> cattrs.Converter:
    converter = make_converter(forbid_extra_keys=True, detailed_validation=True)
    for cls, fn in (
        (str, _structure_str),
        (int, _structure_int),
        (bool, _structure_bool),
        (float, _structure_float),
        (dt.date, _structure_date),
        (dt.datetime, _structure_date),
        (enum.Enum, _structure_enum),
        (Judgements, _structure_judgements),
        (FrameworkVersion, _structure_version),
        (History, _structure_history),
        (Reason, _structure_reason),
    ):
        converter.register_structure_hook(cls, fn)
    converter.register_structure_hook_factory(attrs.has, _attrs_hook)
    converter.register_structure_hook_factory(_is_sequence, _sequence_hook)
    converter.register_structure_hook_factory(_is_plain_mapping, _mapping_hook)
    converter.register_structure_hook_factory(_is_enum_union, _enum_union_hook)

    converter.register_unstructure_hook(str, _unstructure_text)
    converter.register_unstructure_hook(int, _unstructure_text)
    converter.register_unstructure_hook(enum.Enum, _unstructure_text)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _unstructure_text
    )
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(FrameworkVersion, lambda v: v.name)
    converter.register_unstructure_hook(Judgements, _unstructure_judgements)
    converter.register_unstructure_hook(Reason, _unstructure_reason)
    return converter


_CONVERTER = _make_converter()
"""The library's one converter. Use the functions of this module rather than it."""


# --- errors at the boundary ---------------------------------------------------------------------


def _leaves(error: BaseException, path: str) -> list[tuple[str, BaseException]]:
    """Every error below ``error`` with its JSON path."""
    if isinstance(error, _PathGroup):
        found: list[tuple[str, BaseException]] = []
        for step, inner in error.errors:
            found.extend(_leaves(inner, path + step))
        return found
    if isinstance(error, ClassValidationError):
        found = []
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            found.extend(_leaves(inner, path + _step(note.name)))
        names = {a.name for a in attrs.fields(error.cl)} if attrs.has(error.cl) else set()
        for inner in without:
            # Raised by the record's own checks: its field names the attribute that failed.
            step = ""
            if isinstance(inner, IlacsError):
                parts = inner.field.split(".")
                if parts[0] == error.cl.__name__:  # "Source.url"
                    parts = parts[1:]
                if parts and parts[0] in names:
                    step = "".join(_step(part) for part in parts)
            found.extend(_leaves(inner, path + step))
        return found
    if isinstance(error, IterableValidationError):
        found = []
        indexed, unindexed = error.group_exceptions()
        for inner, index_note in indexed:
            found.extend(_leaves(inner, f"{path}[{index_note.index!r}]"))
        for inner in unindexed:
            found.extend(_leaves(inner, path))
        return found
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner, path)]
    if isinstance(error, StructureHandlerNotFoundError):
        raise error  # a type the converter cannot handle: a programming error, not bad input
    return [(path, error)]


def _as_parse_error(path: str, error: BaseException) -> ParseError:
    if isinstance(error, IlacsError):
        return ParseError(path, error.value, error.expected, error.detail)
    if isinstance(error, ForbiddenExtraKeysError):
        return ParseError(
            path, sorted(error.extra_fields), "no fields but those of " + error.cl.__name__
        )
    if isinstance(error, KeyError):
        return ParseError(path + _step(error.args[0]) if error.args else path, None, "a value")
    return ParseError(path, None, "a well-formed value", f"{type(error).__name__}: {error}")


def _raise_parse_error(error: BaseException) -> typing.NoReturn:
    leaves = _leaves(error, "$")
    first = _as_parse_error(*leaves[0])
    if len(leaves) > 1:
        more = "; ".join(str(_as_parse_error(*leaf)) for leaf in leaves[1:])
        detail = f"{first.detail}; " if first.detail else ""
        first = ParseError(
            first.field, first.value, first.expected, f"{detail}{len(leaves) - 1} more: {more}"
        )
    raise first from None


# --- the public functions -----------------------------------------------------------------------


def unstructure(obj: Any) -> Any:
    """``obj`` as plain data: dicts, lists, str, int, float, bool and None, ready for JSON.

    >>> from ilacs.catalogue.frameworks import version_named
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
    except (
        _PathGroup,
        ClassValidationError,
        IterableValidationError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
    ) as error:
        _raise_parse_error(error)


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

    def integer(self, text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            self.unreadable = True
            return _Unreadable(text, f"a number of at most {MAX_NUMBER_CHARS} characters")
        return int(text)

    def number(self, text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            self.unreadable = True
            return _Unreadable(text, f"a number of at most {MAX_NUMBER_CHARS} characters")
        value = float(text)
        if not math.isfinite(value):
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
            parse_int=numbers.integer,
            parse_float=numbers.number,
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

"""Dataclasses of the content model to plain JSON data and back, guided by their type hints.

The content cache keeps its files in the user's cache folder; reading them must never run code
(as unpickling can). Here the JSON holds only strings, numbers, lists and objects, and it is turned
back into objects only of the types the annotations name: anything else is refused with
``ValueError``, which the cache treats as a damaged entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any


def to_data(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses become objects, paths and dates strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the content cache")


def from_data(kind: Any, data: Any) -> Any:
    """The object of type ``kind`` that :func:`to_data` turned into ``data``."""
    return _reader(kind)(data)


Reader = Callable[[Any], Any]


@cache
def _reader(kind: Any) -> Reader:
    """A function that reads data of type ``kind``, made once per type (reading is on the
    start-up path, so the type hints are looked at once, not for every value)."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if kind is Any:
        return _same
    if origin in (typing.Union, types.UnionType):
        return _union_reader(args)
    if origin is typing.Literal:
        return _literal_reader(args)
    if origin is tuple and args and args[-1] is not Ellipsis:
        return _fixed_tuple_reader(args)
    if origin in (list, tuple):
        return _sequence_reader(origin, _reader(args[0] if args else Any))
    if origin is dict:
        key_type, value_type = args or (str, Any)
        if key_type is not str:
            raise ValueError(f"dictionary keys of {kind} cannot be stored")
        return _dict_reader(_reader(value_type))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_reader(kind)
    if isinstance(kind, type):
        return _plain_reader(kind)
    raise ValueError(f"cannot read a {kind} from the content cache")


def _same(data: Any) -> Any:
    return data


def _union_reader(options: tuple[Any, ...]) -> Reader:
    optional = type(None) in options
    readers = [_reader(option) for option in options if option is not type(None)]

    def read(data: Any) -> Any:
        if data is None and optional:
            return None
        for reader in readers:
            try:
                return reader(data)
            except (ValueError, TypeError):
                continue
        raise ValueError(f"{data!r} fits none of {options}")

    return read


def _literal_reader(values: tuple[Any, ...]) -> Reader:
    def read(data: Any) -> Any:
        if data in values:
            return data
        raise ValueError(f"{data!r} is not one of {values}")

    return read


def _fixed_tuple_reader(kinds: tuple[Any, ...]) -> Reader:
    readers = [_reader(kind) for kind in kinds]

    def read(data: Any) -> tuple[Any, ...]:
        if not isinstance(data, list) or len(data) != len(readers):
            raise ValueError(f"{data!r} does not have {len(readers)} items")
        return tuple(reader(item) for reader, item in zip(readers, data, strict=True))

    return read


def _sequence_reader(origin: type, item: Reader) -> Reader:
    def read(data: Any) -> Any:
        if not isinstance(data, list):
            raise ValueError(f"{data!r} is not a list")
        items = [item(value) for value in data]
        return tuple(items) if origin is tuple else items

    return read


def _dict_reader(value: Reader) -> Reader:
    def read(data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise ValueError(f"{data!r} is not an object")
        return {key: value(item) for key, item in data.items()}

    return read


def _dataclass_reader(kind: type) -> Reader:
    hints = typing.get_type_hints(kind)
    fields = [(f.name, _reader(hints[f.name])) for f in dataclasses.fields(kind) if f.init]
    names = {name for name, _ in fields}

    def read(data: Any) -> Any:
        if not isinstance(data, dict) or data.keys() != names:
            raise ValueError(f"{kind.__name__} does not match {data!r:.80}")
        return kind(**{name: reader(data[name]) for name, reader in fields})

    return read


def _plain_reader(kind: type) -> Reader:
    if issubclass(kind, Path):
        return _typed(str, kind)
    if kind in (dt.date, dt.datetime):
        return _typed(str, kind.fromisoformat)
    if kind is float:
        return _typed((int, float), float)
    if kind in (str, int, bool):
        return _exactly(kind)
    raise ValueError(f"cannot read a {kind.__name__} from the content cache")


def _typed(accepted: type | tuple[type, ...], make: Callable[[Any], Any]) -> Reader:
    def read(data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, accepted):
            raise ValueError(f"{data!r} is not a {accepted}")
        return make(data)

    return read


def _exactly(kind: type) -> Reader:
    def read(data: Any) -> Any:
        if type(data) is not kind:
            raise ValueError(f"{data!r} is not a {kind.__name__}")
        return data

    return read

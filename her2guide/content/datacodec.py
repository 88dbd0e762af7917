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


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(kind: Any, data: Any) -> Any:
    """The object of type ``kind`` that :func:`to_data` turned into ``data``."""
    origin = typing.get_origin(kind)
    if kind is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in typing.get_args(kind):
            return None
        for option in typing.get_args(kind):
            if option is not type(None):
                try:
                    return from_data(option, data)
                except (ValueError, TypeError):
                    continue
        raise ValueError(f"{data!r} fits none of {kind}")
    if origin is typing.Literal:
        if data in typing.get_args(kind):
            return data
        raise ValueError(f"{data!r} is not one of {kind}")
    if origin in (list, tuple) and isinstance(data, list):
        args = typing.get_args(kind)
        if origin is tuple and args and args[-1] is not Ellipsis:
            if len(args) != len(data):
                raise ValueError(f"{data!r} does not have {len(args)} items")
            return tuple(from_data(arg, item) for arg, item in zip(args, data, strict=True))
        items = [from_data(args[0] if args else Any, item) for item in data]
        return tuple(items) if origin is tuple else items
    if origin is dict and isinstance(data, dict):
        key_type, value_type = typing.get_args(kind) or (str, Any)
        if key_type is not str:
            raise ValueError(f"dictionary keys of {kind} cannot be stored")
        return {key: from_data(value_type, item) for key, item in data.items()}
    if isinstance(kind, type):
        return _plain(kind, data)
    raise ValueError(f"cannot read a {kind} from the content cache")


def _plain(kind: type, data: Any) -> Any:
    if dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__} needs an object, not {data!r}")
        hints = _hints(kind)
        fields = [f for f in dataclasses.fields(kind) if f.init]
        if {f.name for f in fields} != set(data):
            raise ValueError(f"{kind.__name__} fields differ from {sorted(data)}")
        return kind(**{f.name: from_data(hints[f.name], data[f.name]) for f in fields})
    if issubclass(kind, Path) and isinstance(data, str):
        return Path(data)
    if kind in (dt.date, dt.datetime) and isinstance(data, str):
        return kind.fromisoformat(data)
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, bool) and type(data) is kind:
        return data
    raise ValueError(f"{data!r} is not a {kind.__name__}")

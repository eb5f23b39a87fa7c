"""Frozen records: what @dataclass(frozen=True) writes for a class (repr, ==, hash, no assignment, pickling),
written once here for the model, the results, the configuration and the parser's typed lines. A record is
not a dataclass: `record.replace(...)` gives a changed copy and `fields(record)` names its fields. Imports
nothing of resdiff, so that every layer may build on it."""

from __future__ import annotations

from collections import deque
from itertools import repeat
from operator import attrgetter

_set = object.__setattr__  # how a frozen record sets its fields, as the __init__ @dataclass writes does


def _frozen(name: str, what: str) -> AttributeError:
    # the error a frozen dataclass raises, imported only here: a parse or a diff never imports dataclasses
    # (with inspect, ast, dis and tokenize behind it, a tenth of their start-up)
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(f"cannot {what} field {name!r}")


class _Record:
    """What @dataclass(frozen=True) writes for a record (repr, ==, hash, no assignment, pickling), written
    once: @dataclass writes each method of each class as source and exec()s it at import, which made this
    module most of a diff's start-up besides typer, and imports inspect. Each class writes its own __init__
    for the same reason (tests/test_model_records.py holds each to its fields)."""

    __slots__ = ()

    def __setattr__(self, name: str, value) -> None:
        raise _frozen(name, "assign to")

    def __delattr__(self, name: str) -> None:
        raise _frozen(name, "delete")

    def __reduce__(self) -> tuple:
        # pickled as a call of its class with its fields in order: unpickled about twice as fast as a
        # state set field by field (a session's scratch documents, results sent back from workers)
        return self.__class__, self._values(self)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self._names, self._values(self), strict=True))
        return f"{self.__class__.__qualname__}({shown})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values(self) == self._values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values(self))

    def replace(self, **changes):
        """A copy with the fields named changed, as dataclasses.replace gives it."""
        values = dict(zip(self._names, self._values(self), strict=True))
        values.update(changes)
        return self.__class__(**values)


def fields(record) -> tuple[str, ...]:
    """The names of a record's fields (of a record or of its class), in the order its class declares them."""
    return record._names


def slot_setters(cls: type) -> tuple:
    """A slotted record class's setter of each field, in order: what _set (object.__setattr__) calls once it
    has found the slot's descriptor by the field's name; called directly, half the cost of a field, for a
    record made of every line of a text."""
    return tuple(cls.__dict__[name].__set__ for name in fields(cls))


def rows(cls: type, records) -> tuple[tuple, ...]:
    """Each record's fields in order, as a plain tuple (records of one class): what pickles and unpickles with
    no call a record, and `from_rows` makes records of again."""
    return tuple(map(cls._values, records))


def from_rows(cls: type, rows: tuple[tuple, ...]) -> list:
    """The records of a slotted class that `rows` gave, made again with no call of __init__ each (their fields
    were checked when they were first made): each field's slot set by its descriptor over the whole column.
    Unpickling a record calls its __init__, which for a document's every paragraph is most of reading it back."""
    made = list(map(object.__new__, repeat(cls, len(rows))))
    for put, column in zip(slot_setters(cls), zip(*rows, strict=True), strict=False):  # (no rows: no columns)
        deque(map(put, made, column), 0)
    return made


def _by_name(cls: type, values: tuple) -> _Record:
    """A record of a class that takes its fields by name only, from its fields in order (unpickling)."""
    return cls(**dict(zip(cls._names, values, strict=True)))


def _reduce_by_name(self) -> tuple:
    return _by_name, (self.__class__, self._values(self))


def _record(cls: type) -> type:
    """A record class: its fields are its annotations, in order (a slotted class names the same in its
    __slots__); its __init__ sets each."""
    names = tuple(cls.__annotations__)  # its own: a class does not inherit them
    if len(names) < 2:  # attrgetter of one name gives the value, not a tuple of it
        raise TypeError(f"{cls.__name__}: a record has two fields or more")
    if "__slots__" in cls.__dict__ and tuple(cls.__slots__) != names:
        raise TypeError(f"{cls.__name__}: __slots__ names its fields, in order")
    cls._names = names
    cls._values = attrgetter(*names)  # a tuple of the fields, in their order
    if cls.__init__.__code__.co_kwonlyargcount:  # its fields are given by name: so is its pickle
        cls.__reduce__ = _reduce_by_name
    return cls

"""Number facts: counted things and amounts, which of them restate one set, and the
totals the copy gives with their parts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.model import Span


@dataclass(frozen=True, slots=True)
class Count:
    """A number of things ("Seven people were killed", "the eight victims"), an amount or a
    measure of one thing ("the $4.5bn deal", "the 221m tower"), or a rank ("its fourth
    profit warning")."""

    span: Span
    value: float
    noun: str  # lemma of the counted noun, the thing measured, or the ordinal's series noun
    kind: str  # what is counted: a class of nouns ("people:dead", "shop") or the noun
    ordinal: bool
    sentence: int
    explained: bool = False  # the copy tells this figure changed ("rose to", "a further")
    places: frozenset[str] = frozenset()  # where the clause says ("killed in Leeds")
    when: tuple[dt.date, dt.date] | None = None  # the day, month or year the clause gives
    verb: str | None = None  # the clause's verb
    measure: str = "count"  # "count", "money", or the unit of a measure ("metre")
    definite: bool = False  # "the/all/those N …": refers back to a set already told
    # the earlier figure this one restates (an index into Counts.counts): the same set
    # counted again, or the same thing measured again; None when it starts a new one
    same_as: int | None = None


@dataclass(frozen=True, slots=True)
class Total:
    """A whole and the parts the copy gives it: "two men and three women, five people in
    all"; "Three of the seven hostages were freed; the other five remain captive";
    "injured 17 people, including 11 children and seven adults"."""

    span: Span  # the whole as written
    value: float
    parts: tuple[Span, ...]
    part_values: tuple[float, ...]
    including: bool = False  # the parts may fall short of the whole ("including")

    @property
    def summed(self) -> float:
        return sum(self.part_values)


@dataclass(frozen=True, slots=True)
class Counts:
    counts: tuple[Count, ...] = ()
    changes: tuple[int, ...] = ()  # sentences telling that a count changed ("rose to six")
    totals: tuple[Total, ...] = ()

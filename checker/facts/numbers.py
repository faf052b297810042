"""Number facts: counted things, with the clause that says what happened to them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.model import Span


@dataclass(frozen=True, slots=True)
class Count:
    """A number of things: "Seven people were killed", "the eight victims"."""

    span: Span
    value: float
    noun: str  # lemma of the counted noun, or the ordinal's series noun
    kind: str  # class of the thing counted (see lexicon.COUNT_CLASSES) or the noun itself
    ordinal: bool
    sentence: int
    explained: bool  # the sentence tells a change ("rose to", "a fourth", "another")
    places: frozenset[str] = frozenset()  # where the clause says ("killed in Leeds")
    when: tuple[dt.date, dt.date] | None = None  # the day or month the clause gives
    verb: str | None = None  # the clause's verb
    tally: bool = False  # a tally a story must keep straight: casualties, passengers, a crowd

    def same_scope(self, other: Count) -> bool:
        """Could the two counts be of one set? Not when the same action is told of
        different places or times ("three killed in Leeds" … "five killed in York"); a
        different action ("killed on Friday" … "buried on Wednesday") says nothing."""
        if self.verb is None or self.verb != other.verb:
            return True
        if self.places and other.places and not self.places & other.places:
            return False
        if self.when and other.when and (self.when[1] < other.when[0] or
                                         other.when[1] < self.when[0]):
            return False
        return True


@dataclass(frozen=True, slots=True)
class Counts:
    counts: tuple[Count, ...] = ()
    changes: tuple[int, ...] = ()  # sentences telling that a count changed ("rose to six")

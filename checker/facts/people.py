"""People facts: who is named, by which words, and the ages and births stated for them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.model import Span


@dataclass(slots=True)
class Person:
    id: int
    names: list[str] = field(default_factory=list)  # full names as written
    first: str | None = None
    surname: str | None = None
    spans: list[Span] = field(default_factory=list)
    written: str | None = None  # the surname as first written, for one named by it alone

    @property
    def name(self) -> str:
        """The fullest name the copy gives, as written ('Morel', never the key 'morel')."""
        if self.names:
            return max(self.names, key=len)
        return self.written or self.surname or "?"


@dataclass(frozen=True, slots=True)
class NameToken:
    """One name word as written, with the person it was grouped into (None if unsure)."""

    span: Span
    text: str
    person: int | None
    role: str  # "surname", "first", "single"
    full_name: bool  # part of a two-or-more-token name
    person_like: bool = True  # tagged a person, titled, or doing what people do


@dataclass(frozen=True, slots=True)
class AgeFact:
    """An age, birth or birthday stated for someone."""

    span: Span
    kind: str  # "age", "born", "birthday", "died-aged", "turned", "range"
    person: int | None
    age: int | None = None  # the age, or the youngest of a range ("in his 40s": 40)
    age_high: int | None = None  # the oldest of a range ("in his 40s": 49; "teenager": 19)
    born: tuple[int, int | None, int | None] | None = None  # year, month, day as written
    at: tuple[dt.date, dt.date] | None = None  # when the age holds (first, last)
    certain: bool = True  # False when the person is a guess ("the 52-year-old")
    then: bool = False  # "the then 35-year-old": an age at some past time
    # where the age's own number is written, for a fix that rewrites it in the copy's
    # style: "35" of "aged 35", "fifty-two" of "the fifty-two-year-old", "35th" of "his 35th
    # birthday"; None when the words hold no number that is the age ("would have turned 88":
    # 87 at death; "in his 40s")
    number_span: Span | None = None


@dataclass(frozen=True, slots=True)
class NameVariant:
    """A name written one way here and another way elsewhere in the copy."""

    span: Span  # the spelling that looks wrong (the one used less)
    written: str  # as written there: "Volmer", "Tom Bard"
    name: str  # the name it seems to stand for: "Margarethe Vollmer"
    spelled: str  # how the copy spells it elsewhere: "Vollmer"
    uses: int  # how many times the copy spells it that way
    name_span: Span  # where that name is given
    transliteration: bool = False  # "Kim Jong Un" / "Kim Jong-un": spacing or hyphens only
    respelled: str | None = None  # the words at `span` as the copy spells them elsewhere


@dataclass(frozen=True, slots=True)
class People:
    persons: tuple[Person, ...] = ()
    names: tuple[NameToken, ...] = ()
    ages: tuple[AgeFact, ...] = ()
    variants: tuple[NameVariant, ...] = ()

    def person(self, pid: int | None) -> Person | None:
        return self.persons[pid] if pid is not None and pid < len(self.persons) else None


@dataclass(frozen=True, slots=True)
class KnownPerson:
    name: str
    aliases: tuple[str, ...] = ()
    born: dt.date | None = None
    died: dt.date | None = None

    def names(self) -> set[str]:
        return {n.lower().replace("-", " ") for n in (self.name, *self.aliases)}

"""Which temporal mentions date the same event.

Two mentions date one event when they name one predicate (a verb, or a noun WordNet
derives from it: "resigned" and "her resignation"), their participants agree (coreference:
"the cyclone" is "Cyclone Ida", "his" is the man who died; something unresolved is
unknown, not different), their places agree, and nothing says they are different
occurrences ("the second", "another", "again", "its next meeting").

A mention that could join two different events joins neither (silence beats a guess). A
date naming an instance ("the 2012 budget", "Wednesday's arrest") joins an event told by a
clause or a phrase, never another such label alone: "the 2011 figures" and "the 2012
figures" are two things. A year or season as a label joins only when the words point back
("those autumn 2012 floods").

Mentions are visited once in text order, each compared with the few events sharing one of
its predicate keys: linear in the text for a bounded number of events per predicate.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from checker.facts.time import Event, EventRef, Kind, Mention, Role

_DAY_KINDS = (Kind.DATE, Kind.WEEKDAY, Kind.HOLIDAY)
_COARSE_KINDS = (Kind.MONTH, Kind.YEAR, Kind.SEASON)
_DAY_ROLES = (Role.POINT, Role.TARGET, Role.PART)  # "on Monday", "set for Monday", "the
# ruling of 9 July"; not "by Monday"
_COARSE_ROLES = (Role.POINT, Role.WITHIN, Role.PART)  # "in 2009", "the floods of spring 2012"


@dataclass
class _Open:
    id: int
    keys: frozenset[str]
    items: list[tuple[Mention, EventRef]] = field(default_factory=list)  # member, how named
    # role → the entities known for sure to take part, each with whether it is named
    parties: dict[str, dict[int, bool]] = field(default_factory=dict)
    described: dict[str, set[str]] = field(default_factory=dict)  # role → head nouns
    places: set[str] = field(default_factory=set)
    occurrence: str | None = None
    told: bool = False  # some member is a clause or a phrase, not only a label
    phase: str | None = None  # the part of the event its members date (see _phases_agree)
    whole: set[str] = field(default_factory=set)  # ties of members dating the whole event
    # the earliest and latest of the members' days, of the years of members that are not
    # days, and of every member's year: enough to tell whether a new time is near them all
    days: tuple[dt.date, dt.date] | None = None
    coarse_years: tuple[int, int] | None = None
    years: tuple[int, int] | None = None

    @property
    def members(self) -> list[Mention]:
        return [m for m, _ in self.items]

    def add(self, m: Mention, ev: EventRef) -> None:
        if self.items and self.items[-1][0].id > m.id:
            bisect.insort(self.items, (m, ev), key=lambda item: item[0].id)
        else:
            self.items.append((m, ev))
        first = m.value.first
        if m.value.is_day:
            self.days = _widen(self.days, first)
        else:
            self.coarse_years = _widen(self.coarse_years, first.year)
        self.years = _widen(self.years, first.year)
        self.keys = self.keys & ev.predicate or self.keys
        for p in ev.parties:
            if p.certain:
                self.parties.setdefault(p.role, {})[p.entity] = p.named
            if p.noun is not None:
                self.described.setdefault(p.role, set()).add(p.noun)
        self.places.update(ev.places)
        self.occurrence = self.occurrence or ev.occurrence
        self.told = self.told or ev.tie != "label"
        self.phase = self.phase or ev.phase
        if ev.phase is None:
            self.whole.add(ev.tie)


def candidate(m: Mention) -> bool:
    """A mention that can date an event: a day, or a month, season or year, given as the
    time the clause or noun happens (not a start, an end or a deadline)."""
    att = m.attachment
    if att.event is None or m.dateline or m.value is None or att.negated:
        return False
    if m.kind in _DAY_KINDS:
        return att.role in _DAY_ROLES
    return m.kind in _COARSE_KINDS and att.role in _COARSE_ROLES


def _different(a: int, a_named: bool, b: int, b_named: bool) -> bool:
    """Two things known for sure are different, unless the later-introduced one is a name
    and the earlier only described: "a 58-year-old father of three died … Walter
    Brenneman was upstairs" may well be one man. (Entities are numbered in order.)"""
    if a == b:
        return False
    later_named, earlier_named = (b_named, a_named) if b > a else (a_named, b_named)
    return not (later_named and not earlier_named)


def _parties_agree(open_: _Open, ev: EventRef) -> bool:
    """No participant known for sure on both sides names two different things."""
    known: dict[int, bool] = {}
    for entities in open_.parties.values():
        known.update(entities)
    for p in ev.parties:
        # "the town" and "the capital", "the council" and "the committee": descriptions by
        # different nouns are different things, resolved or not
        others = open_.described.get(p.role, set())
        if p.noun is not None and p.role != "owner" and others and p.noun not in others:
            return False
        if not p.certain:
            continue
        if p.role == "owner" or "owner" in open_.parties:
            # a noun's possessor may be its verb's subject or object: "his arrest"
            same_role = known
        else:
            same_role = open_.parties.get(p.role, {})
        if same_role and all(_different(p.entity, p.named, e, named)
                             for e, named in same_role.items()):
            return False
    return True


# How far apart two times of one event can be and still read as a slip of the pen (a day,
# a weekday, a month's name, a digit of a year): further apart, the copy is telling two
# occurrences ("the 2004 quake" and "the quake last September"), not one event twice.
SLIP_DAYS = 62
SLIP_YEARS = 3


def _widen(bounds, value):
    return (value, value) if bounds is None else (min(bounds[0], value), max(bounds[1], value))


def _near_all(open_: _Open, m: Mention) -> bool:
    """Whether `m` is near every member of the event (`_near` with each), from the members'
    bounds rather than member by member: an event told a thousand times stays linear."""
    first = m.value.first
    if not m.value.is_day:
        lo, hi = open_.years or (first.year, first.year)
        return first.year - lo <= SLIP_YEARS and hi - first.year <= SLIP_YEARS
    if open_.days is not None and ((first - open_.days[0]).days > SLIP_DAYS
                                   or (open_.days[1] - first).days > SLIP_DAYS):
        return False
    lo, hi = open_.coarse_years or (first.year, first.year)
    return first.year - lo <= SLIP_YEARS and hi - first.year <= SLIP_YEARS


def _phases_agree(open_: _Open, ev: EventRef) -> bool:
    """"The closure begins on 11 March" dates the start, as "will close on 4 March" does (a
    verb of change dates its start); "Wednesday's strike" names a day of a strike that may
    have begun before, so a label never stands for a start or an end."""
    if ev.phase == open_.phase:
        return True
    if ev.phase is None:
        return open_.phase == "start" and ev.tie == "clause" and open_.whole <= {"clause"}
    return ev.phase == "start" and open_.phase is None and open_.whole <= {"clause"}


def _fits(open_: _Open, m: Mention, ev: EventRef) -> bool:
    if not _phases_agree(open_, ev):
        return False
    if ev.indefinite:
        return False  # "a fire broke out": a new one, whatever came before
    if open_.occurrence != ev.occurrence:
        return False  # "the second", "flooded again", "its next meeting"
    if not _near_all(open_, m):
        return False
    if open_.places and ev.places and not open_.places & set(ev.places):
        return False  # another place: another leg, another occurrence
    if ev.tie == "label" and not ev.anaphoric:
        if not open_.told:
            return False  # two labels name two instances: "the 2011 and 2012 budgets"
        if m.kind in _COARSE_KINDS:
            return False  # "the 2010 floods": a year names which floods
    return _parties_agree(open_, ev)


def _fitting(by_key: dict[str, list[_Open]], m: Mention, ev: EventRef) -> list[_Open]:
    seen: dict[int, _Open] = {}
    for k in ev.predicate:
        for o in by_key.get(k, ()):
            seen.setdefault(o.id, o)
    return [o for o in seen.values() if _fits(o, m, ev)]


_BULLETS = "-*•·–—"  # what may open a list item's line before its time
_LABEL_ENDS = (":", " -", " –", " —", "\t")  # what may follow a time that labels its line


def labels_its_line(text: str, m: Mention) -> bool:
    """A time that opens its line and labels it ("Sun., Nov. 1: United vs. Red Bulls",
    "- 2009 – the plant opens"): an entry of a schedule, an agenda or a chronology. Each
    entry is its own occurrence, so two entries are never one event told twice."""
    start = text.rfind("\n", 0, m.span.start) + 1
    if text[start:m.span.start].strip(" \t" + _BULLETS):
        return False
    return text[m.span.end:m.span.end + 2].startswith(_LABEL_ENDS)


def find_events(mentions: tuple[Mention, ...] | list[Mention], text: str = ""
                ) -> tuple[Event, ...]:
    """Group the mentions that date the same event; events named once are left out.
    `text` (the article's) lets an entry of a schedule stand apart (labels_its_line)."""
    opened: list[_Open] = []
    by_key: dict[str, list[_Open]] = {}
    alone: list[tuple[Mention, _Open]] = []  # mentions with another reading, told alone
    for m in mentions:
        if not candidate(m) or (text and labels_its_line(text, m)):
            continue
        ev = m.attachment.event
        fitting = _fitting(by_key, m, ev)
        if len(fitting) > 1:
            continue  # could be either of two events: say nothing about it
        if fitting:
            target = fitting[0]
        else:
            target = _Open(len(opened), ev.predicate)
            opened.append(target)
            for k in ev.predicate:
                by_key.setdefault(k, []).append(target)
        target.add(m, ev)
        if m.attachment.event_if_noun is not None:
            alone.append((m, target))
    # "following his death on Saturday": when the verb's reading dates nothing else, the
    # noun's reading may date an event told elsewhere ("died on Sunday")
    for m, own in alone:
        if len(own.items) > 1:
            continue
        ev = m.attachment.event_if_noun
        fitting = [o for o in _fitting(by_key, m, ev) if o is not own]
        if len(fitting) == 1:
            own.items.clear()
            fitting[0].add(m, ev)
    return tuple(_event(o) for o in opened if len(o.items) > 1)


def _event(o: _Open) -> Event:
    values: dict[int, set] = {}
    for m, ev in o.items:
        values.setdefault(ev.at, set()).add(m.value.first)
    return Event(
        id=o.id, predicate=min(o.keys, key=lambda k: (len(k), k)),
        mentions=tuple(m.id for m, _ in o.items), refs=tuple(ev for _, ev in o.items),
        rescheduled=any(ev.rescheduled for _, ev in o.items),
        spread=any(len(v) > 1 for v in values.values()))

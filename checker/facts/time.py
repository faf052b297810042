"""Time facts: what a temporal mention says as written, the clause it sits in, and the
calendar value it resolves to, with how that value was reached.

These are values only: nlp/ builds `Written` and `Attachment`, resolve/ builds `Moment` and
`Mention`, rules read them.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from dateutil.relativedelta import relativedelta

from checker import lexicon as lx
from checker.model import Span


class Kind(str, Enum):
    """What kind of temporal expression a mention is."""

    DATE = "date"  # 29 May 2024, Thursday 6 June, 2024-05-29
    MONTH = "month"  # June 2018, in March, last September
    YEAR = "year"  # 2011, mid-2011, '82
    WEEKDAY = "weekday"  # Monday, last Monday, Wednesday's
    DAY = "day"  # on the 5th: a day of a month the copy leaves to the reader
    NUMERIC = "numeric"  # 7/8/07: day and month order left open
    RELATIVE = "relative"  # yesterday, last year, two days ago: counted from publication
    ANCHORED = "anchored"  # two days later, the next day: counted from another mention
    DURATION = "duration"  # three days, a 12-day strike
    TIME = "time"  # 22:46, 2 a.m., noon
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    DECADE = "decade"
    CENTURY = "century"
    REF = "ref"  # now, recently, in the future
    SET = "set"  # every Monday, annual, twice a week
    WEEKEND = "weekend"
    PART = "part"  # the end of the month, year-end
    HOLIDAY = "holiday"
    FISCAL = "fiscal"

    def __str__(self) -> str:
        return self.value


# Kinds that state a calendar time outright (a restatement can repeat one).
STATED_KINDS = frozenset({Kind.DATE, Kind.WEEKDAY, Kind.MONTH, Kind.YEAR})


class Tense(str, Enum):
    PAST = "past"  # departed, was switched on, had left
    PERFECT = "perfect"  # has left (past, seen from now)
    PRESENT = "present"  # leaves, is leaving
    FUTURE = "future"  # will leave, is scheduled to leave, is to leave
    MODAL = "modal"  # would/could/might leave: no time commitment
    UNKNOWN = "unknown"

    @property
    def is_past(self) -> bool:
        return self in (Tense.PAST, Tense.PERFECT)


class Role(str, Enum):
    """What the preposition before a time says about it (see the lexicon's table)."""

    POINT = "point"  # on Monday, at 5pm, or no preposition: when the clause happens
    WITHIN = "within"  # in May, during 2020: a stretch the clause happens in
    TARGET = "target"  # scheduled for Friday: a time set for something
    PART = "part"  # the morning of 3 May: a time a noun narrows
    START = "start"  # from, since
    END = "end"  # until, by
    OTHER = "other"  # before, after, over, ...


class How(str, Enum):
    STATED = "stated"
    YEAR_FROM_PUBLICATION = "year inferred from the publication date"
    MONTH_FROM_PUBLICATION = "month and year inferred from the publication date"
    YEAR_FROM_CONTEXT = "year taken from a date nearby"
    WEEKDAY_BY_TENSE = "weekday placed by tense"
    RELATIVE_TO_PUBLICATION = "relative to the publication date"
    RELATIVE_TO_EVENT = "relative to another event"
    UNRESOLVED = "unresolved"


class Grain(str, Enum):
    TIME = "time"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


def month_name(month: int) -> str:
    return lx.MONTH_NAMES[month - 1]


def weekday_name(weekday: int) -> str:
    """Monday is 0, as in `datetime.date.weekday()`."""
    return lx.WEEKDAY_NAMES[weekday]


@dataclass(frozen=True, slots=True)
class Moment:
    """A resolved calendar interval, first and last day inclusive."""

    first: dt.date
    last: dt.date
    grain: Grain
    hour: int | None = None
    minute: int | None = None
    label: str | None = None  # season name, part of day
    # a period whose months depend on a convention ("the 2017-18 financial year" runs April
    # to March in one country, July to June in another): first and last hold the months
    # every convention shares; these, the earliest it may begin and the latest it may end
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @classmethod
    def day(cls, d: dt.date, **kw: object) -> Moment:
        return cls(d, d, Grain.DAY, **kw)  # type: ignore[arg-type]

    @classmethod
    def month(cls, year: int, month: int) -> Moment:
        return cls(dt.date(year, month, 1),
                   dt.date(year, month, calendar.monthrange(year, month)[1]), Grain.MONTH)

    @classmethod
    def year(cls, year: int) -> Moment:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Grain.YEAR)

    @property
    def is_day(self) -> bool:
        return self.grain in (Grain.DAY, Grain.TIME)

    def contains(self, d: dt.date) -> bool:
        return self.first <= d <= self.last

    def hours(self) -> tuple[float, float]:
        """The hours after its day's midnight this moment may stand at: its time of day, the
        hours its part of the day covers ("evening": 17 to 23; "night" runs past midnight),
        or the whole day."""
        if self.hour is not None:
            at = self.hour + (self.minute or 0) / 60
            return at, at
        if self.label in lx.PART_OF_DAY_HOURS:
            lo, hi = lx.PART_OF_DAY_HOURS[self.label]
            return float(lo), float(hi)
        return 0.0, 24.0

    def describe(self) -> str:
        if self.is_day:
            return f"{self.first.day} {month_name(self.first.month)} {self.first.year}"
        if self.grain is Grain.MONTH:
            return f"{month_name(self.first.month)} {self.first.year}"
        if self.grain is Grain.YEAR and self.last.year != self.first.year:
            # a year named by two ("the 2016-17 financial year"), April 2016 to June 2017
            return f"{month_name(self.first.month)} {self.first.year} to " \
                f"{month_name(self.last.month)} {self.last.year}"
        if self.grain is Grain.YEAR:
            return str(self.first.year)
        return f"{self.first.isoformat()} to {self.last.isoformat()}"

    def shifted(self, amount: float, unit: str, direction: int) -> Moment | None:
        """The moment `amount` units before (-1) or after (+1) this one's first day, at the
        unit's grain; None for a unit without a calendar step or outside the calendar."""
        return shift_date(self.first, amount, unit, direction)


def shift_date(d: dt.date, amount: float, unit: str, direction: int) -> Moment | None:
    """`amount` units before or after a day, as a moment of the unit's grain. None when the
    unit has no calendar step here, or the result falls outside years 1 to 9999."""
    n = int(amount) * direction
    try:
        if unit in ("day", "night"):
            return Moment.day(d + dt.timedelta(days=n))
        if unit == "week":
            return Moment.day(d + dt.timedelta(weeks=n)) if amount == int(amount) else None
        if unit == "fortnight":
            return Moment.day(d + dt.timedelta(weeks=2 * n))
        if unit == "month":
            x = d + relativedelta(months=n)
            return Moment.month(x.year, x.month)
        if unit == "year":
            return Moment.year(d.year + n)
        if unit == "decade":
            return Moment.year(d.year + 10 * n)
        if unit == "hour":
            # "48 hours earlier": two days; "36 hours later": the next day or the one after
            # (a two-day window, at the weekend's grain: two days with no day of its own)
            days = amount / 24 * direction
            lo, hi = sorted((d + dt.timedelta(days=int(days)),
                             d + dt.timedelta(days=int(days) + (days > int(days))
                                              - (days < int(days)))))
            return Moment.day(lo) if lo == hi else Moment(lo, hi, Grain.WEEKEND)
    except (ValueError, OverflowError):  # before year 1 or after 9999: no calendar value
        return None
    return None


@dataclass(frozen=True, slots=True)
class Written:
    """A temporal expression as written: every part the writer gave, nothing filled in.
    Offsets are into the checked text."""

    kind: Kind
    start: int
    end: int
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    date_span: tuple[int, int] | None = None
    amount: float | None = None  # durations and offsets ("two days later": 2)
    unit: str | None = None  # day, week, month, year, ...
    direction: int = 0  # -1 before, +1 after (relative and anchored)
    modifier: str | None = None  # last, next, this, early, mid, late, earlier, later ...
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    possessive: bool = False
    approx: str | None = None  # "about", "nearly": the count is not exact (TimeML's MOD)
    vague: bool = False  # "several days", "in recent years": no count at all
    range_start: bool = False  # "3" of "3 to 10 June", "60" of "60 to 90 days"
    range_end: bool = False  # "10 June" of "3 to 10 June", "90 days" of "60 to 90 days"
    relative_to: str | None = None  # "month": last September; "year": April of last year
    season: str | None = None  # spring, summer, autumn, winter
    holiday: str | None = None  # christmas day, easter monday, ...
    utc: bool = False  # a time given in GMT/UTC/Z
    # a count's own words, for a fix that rewrites the count in the copy's style: the
    # number ("three" of "a three-day visit", "12" of "for 12 days") and the unit word
    # ("day", "days"); None where the count has no number word of its own ("the past decade")
    amount_span: tuple[int, int] | None = None
    unit_span: tuple[int, int] | None = None

    def moved(self, offset: int) -> Written:
        """The same expression, its offsets moved by `offset` characters."""
        def move(pair: tuple[int, int] | None) -> tuple[int, int] | None:
            return (pair[0] + offset, pair[1] + offset) if pair else None
        return replace(self, start=self.start + offset, end=self.end + offset,
                       weekday_span=move(self.weekday_span), date_span=move(self.date_span),
                       amount_span=move(self.amount_span), unit_span=move(self.unit_span))


@dataclass(frozen=True, slots=True)
class Party:
    """Someone or something taking part in an event, as coreference resolved it."""

    role: str  # "agent" (the subject of an active verb), "patient", or "owner" (a noun's
    #            possessor or of-phrase: "his death", "the opening of the mall")
    entity: int  # the same number for every mention of one thing in the article, numbered
    #              in the order the article introduces them
    certain: bool = True  # False: a description or implicit subject not resolved for sure
    named: bool = False  # the thing has a name, not only a description ("a pensioner")
    # the head noun of a definite description ("the town"); None for a name, a pronoun,
    # an indefinite or a bare plural.
    # Two descriptions with different head nouns are taken as different things ("the town",
    # "the capital"), a description and a name as unknown ("the mall", "Westgate Centre")
    noun: str | None = None


@dataclass(frozen=True, slots=True)
class EventRef:
    """The event a temporal mention dates, read from the clause or noun phrase it sits in:
    its predicate ("die" for "died" and for "his death"), who takes part, where, and what
    the words say about which occurrence it is."""

    predicate: frozenset[str]  # verb lemmas (nouns through WordNet), synonyms folded
    at: int  # offset of the word that names the event: one word, one occurrence
    word: str  # that word as written ("died", "death", "landfall")
    # how the time is tied to it: "clause" (a verb says when it happened: "died on
    # Sunday", "the fire broke out on 2 July"), "phrase" (a noun's own phrase: "his death on
    # Saturday"), "label" (a date naming an instance: "Wednesday's arrest", "the 2012 budget")
    tie: str = "clause"
    parties: tuple[Party, ...] = ()
    places: tuple[str, ...] = ()
    occurrence: str | None = None  # "first", "second", "next", "again": which one, if said
    rescheduled: bool = False  # the words that give this time say it changed or was planned
    anaphoric: bool = False  # "those autumn 2012 floods", "the same vote": refers back
    indefinite: bool = False  # "a fire broke out", "a quake in 2004": told as a new one
    phase: str | None = None  # "start" ("the closure begins on …"), "end", or the whole


@dataclass(frozen=True, slots=True)
class Described:
    """The noun a time belongs to, how, and the words that call that noun recent, current
    or still to come (nlp/described.py)."""

    noun: str  # as written: "floods", "season", "director"
    # "own": the noun's own time ("the recent floods of July 2007"); "start": when it began
    # ("the new law, which took effect on …"); "whole": its whole stretch ("the ongoing
    # scheme, in force from … to …"); "cause": what set it off ("the recent disruption
    # caused by the eruption in April 2010"); "act": what a clause on it says was done
    # ("the newly appointed director, who took up the post in January 2009")
    how: str
    recent: tuple[tuple[str, float], ...] = ()  # ("recent", 1.0), ("latest", 1.5): the word and
    #                                             how far back it reaches, relative to "recent"
    upcoming: str | None = None  # "upcoming", "pending": told as still to come
    current: str | None = None  # "current", "ongoing": told as going on now
    series_days: int | None = None  # how often such a thing comes round ("quarterly": 92)
    bounded_days: int | None = None  # how long such a thing lasts at most ("season": 366)


@dataclass(frozen=True, slots=True)
class Attachment:
    """Where a mention sits in its sentence: the clause it belongs to."""

    sentence: int  # index of the sentence in the document
    prep: str | None = None  # "on", "in", "from", "until", ...
    role: Role = Role.POINT  # what the preposition says about the time
    verb: str | None = None  # lemma of the governing verb
    verb_start: int | None = None
    tense: Tense = Tense.UNKNOWN
    reported: bool = False  # under a past reporting verb: "said it would ..."
    negated: bool = False
    subject: str | None = None  # the subject's text, pronouns resolved where clear
    subject_key: str | None = None  # for matching: surname or head-noun lemma
    noun: str | None = None  # the event noun the mention modifies or that the verb is about
    place_roles: tuple[tuple[str, str], ...] = ()  # ("to", "Brussels"), ("at", "Beijing")
    modifies_noun: bool = False  # "Wednesday's vote", "the May 8 final", "12-day strike"
    event_class: str | None = None  # depart, arrive, vote, meet, ... (see lexicon)
    noun_cues: frozenset[str] = frozenset()  # modifiers of the noun the mention describes
    context_tense: Tense = Tense.UNKNOWN  # tense of the nearest finite clause above the verb
    infinitive: bool = False  # the MODAL tense comes from "to …", not would/could/might
    # a past form under would/will in a time clause: "would be pumped in when markets
    # opened on Friday" (the opening is still to come)
    future_in_past: bool = False
    via_noun: bool = False  # the path up to the verb passes through a noun ("win on Saturday")
    verb_is_near: bool = True  # no other verb stands between the verb and the mention
    schedules: bool = False  # the verb sets a time for something else ("was set for 15 May")
    event: EventRef | None = None  # the event this time dates, when there is one
    # the other reading when the phrase follows an event noun but hangs on the verb: "mourning
    # following his death on Saturday" (his death, or the mourning, on Saturday)
    event_if_noun: EventRef | None = None
    # the clause's tense says when this time's event happens: its own verb, or a verb that
    # only says the event took place ("held the 3 May vote") or reacts to it once done
    # ("hailed the 22 October launch"); not "announced the 3 March closure"
    tense_applies: bool = True
    described: Described | None = None  # the noun the time belongs to, with its cue words
    report_start: int | None = None  # offset of the past reporting verb whose content it is
    looks_back: bool = False  # the verb deals with what is over ("will review", "audited")
    # the time labels the event the clause's own event is told to come right after: "talks
    # would follow the June 2018 summit"
    follows: bool = False

    @property
    def places(self) -> tuple[str, ...]:
        return tuple(name for _, name in self.place_roles)


@dataclass(frozen=True, slots=True)
class Stretch:
    """A stated length of time with the mentions that bound it (ids into the mentions)."""

    duration: int
    start: int
    end: int
    same_sentence: bool  # all three in one sentence: the arithmetic is on the words as written
    open_end: bool  # the end is only an upper bound ("reopened … after a refit that began …")
    # the ends as placed for this stretch: a bare weekday counted from its dated partner
    # ("from Friday 13 July to that Monday"), a part of the day ("the evening of 31 May"), a
    # yearless end put after its start; None: the mention's own value
    first: Moment | None = None
    last: Moment | None = None
    # the stretch runs up to publication ("have spent a fortnight in camps since they were
    # evacuated on Nov. 26"): `end` repeats `start`, and `last` is the publication date
    until_publication: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One event of the story with the temporal mentions that date it (resolve/events.py):
    mentions with one predicate, agreeing participants and places, and nothing that says
    they are different occurrences."""

    id: int
    predicate: str  # the predicate they share, for messages
    mentions: tuple[int, ...]  # ids of the mentions, in text order
    refs: tuple[EventRef, ...] = ()  # how each of them names it (the same order)
    rescheduled: bool = False  # the copy says its time changed: two times are expected
    # one word given several days ("visited on Tuesday and Wednesday", "from 3 to 10 May"):
    # an event that spans days, or a list of occurrences
    spread: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """One temporal mention: the words, the parts as written, the clause and the value."""

    id: int
    span: Span
    text: str
    written: Written
    attachment: Attachment
    value: Moment | None = None
    how: How = How.UNRESOLVED
    anchor: int | None = None  # id of the mention an offset counts from
    anchor_event: str | None = None  # "he delivered his annual speech"
    impossible: bool = False  # a calendar date that does not exist
    dateline: bool = False
    restates: int | None = None  # id of the mention just before that this one restates
    # ---- what the words around it say about the event (derived once, in resolve/)
    rescheduled: bool = False  # the sentence tells a time changed or an action repeats
    in_series: bool = False  # "its next meeting", "the previous vote": one of several
    upcoming: str | None = None  # "the upcoming May 2019 elections": the word that says so
    # ("latest", 1.5): the words that call it recent, each with how far back it reaches,
    # relative to "recent"
    recency: tuple[tuple[str, float], ...] = ()
    # the days a relative word fused with a date allows on its own: "last Thursday" of "last
    # Thursday, 14 March" (the last Thursday before publication, or the one a week before)
    relative: Moment | None = None

    # ---- parts as written
    @property
    def kind(self) -> Kind:
        return self.written.kind

    @property
    def weekday(self) -> int | None:
        return self.written.weekday

    @property
    def weekday_span(self) -> Span | None:
        ws = self.written.weekday_span
        return Span(*ws) if ws else None

    @property
    def date_span(self) -> Span:
        ds = self.written.date_span
        return Span(*ds) if ds else self.span

    @property
    def amount_span(self) -> Span | None:
        """Where a count's number is written ("three" of "a three-day visit")."""
        at = self.written.amount_span
        return Span(*at) if at else None

    @property
    def unit_span(self) -> Span | None:
        """Where a count's unit is written ("day" of "a three-day visit")."""
        at = self.written.unit_span
        return Span(*at) if at else None

    @property
    def has_stated_year(self) -> bool:
        return self.written.year is not None

    @property
    def tense(self) -> Tense:
        return self.attachment.tense

    @property
    def is_day(self) -> bool:
        return self.value is not None and self.value.is_day

    @property
    def exact(self) -> bool:
        """A count to hold the copy to: not approximate, vague or one end of a range."""
        w = self.written
        return not (w.approx or w.vague or w.range_start or w.range_end)

    def duration_days(self) -> tuple[float, str] | None:
        """(amount, unit) of a duration mention."""
        if self.kind is not Kind.DURATION or self.written.amount is None or \
                not self.written.unit:
            return None
        return self.written.amount, self.written.unit


def anchor_candidates(mentions: list[Mention], sentence: int, *, reach: int = 3) -> list[Mention]:
    """Day-level mentions in this sentence and the few before it, oldest first.

    An offset like "two days later" counts from an event told just before; which one is a
    guess, so rules that use offsets try every candidate before they complain.
    """
    def key(m: Mention) -> int:
        return m.attachment.sentence

    # mentions come in the copy's order: only those of the few sentences are read
    lo = bisect.bisect_left(mentions, sentence - reach, key=key)
    hi = bisect.bisect_right(mentions, sentence, lo=lo, key=key)
    return [m for m in mentions[lo:hi]
            if not m.dateline and m.value is not None and m.value.is_day
            and m.kind in (Kind.DATE, Kind.WEEKDAY, Kind.RELATIVE, Kind.ANCHORED)]


def mentions_by_verb(mentions: tuple[Mention, ...] | list[Mention]) -> dict[int, list[Mention]]:
    """The mentions each verb governs, by the verb's offset."""
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.attachment.verb_start is not None:
            out.setdefault(m.attachment.verb_start, []).append(m)
    return out

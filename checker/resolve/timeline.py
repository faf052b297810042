"""The story's timeline: every temporal mention resolved once, with how it was resolved.

A mention keeps the parts the writer gave (weekday, day, month, year) and gains a
`Moment` (a calendar interval at some grain) when it can be resolved, plus a `How`
saying on what the value rests: stated outright, a year inferred from the publication
date, a weekday placed by tense, an offset from the publication date, or an offset from
another event. Rules and the `timeline` command read the same objects.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from checker import lexicon as lx
from checker.facts.time import (
    STATED_KINDS,
    Attachment,
    Grain,
    How,
    Kind,
    Mention,
    Moment,
    Tense,
    Written,
    anchor_candidates,
    shift_date,
)
from checker.model import Span
from checker.nlp.grammar import Grammar

# ---------------------------------------------------------------- resolution helpers

def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_near(pub: dt.date, weekday: int, direction: int, *, strict: bool = False) -> dt.date:
    """The given weekday on or before (-1) / on or after (+1) pub; strict skips pub itself."""
    if direction < 0:
        back = (pub.weekday() - weekday) % 7
        if strict and back == 0:
            back = 7
        return pub - dt.timedelta(days=back)
    ahead = (weekday - pub.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return pub + dt.timedelta(days=ahead)


def _unit_moment(pub: dt.date, unit: str, direction: int) -> Moment | None:
    """this/last/next week, month, year … relative to the publication date."""
    if unit == "day":
        return Moment.day(pub + dt.timedelta(days=direction))
    if unit in ("week", "weekend"):
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=direction)
        if unit == "weekend":
            return Moment(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6),
                          Grain.WEEKEND)
        return Moment(monday, monday + dt.timedelta(days=6), Grain.WEEK)
    if unit == "month":
        x = pub + relativedelta(months=direction)
        return Moment.month(x.year, x.month)
    if unit == "year":
        return Moment.year(pub.year + direction)
    if unit == "quarter":
        q0 = (pub.month - 1) // 3 + direction
        year = pub.year + q0 // 4
        q = q0 % 4
        first = dt.date(year, 3 * q + 1, 1)
        return Moment(first, first + relativedelta(months=3, days=-1), Grain.QUARTER)
    if unit == "decade":
        start = (pub.year // 10 + direction) * 10
        return Moment(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), Grain.DECADE)
    if unit == "century":
        start = (pub.year // 100 + direction) * 100
        return Moment(dt.date(start, 1, 1), dt.date(start + 99, 12, 31), Grain.CENTURY)
    return None


# A yearless date more than this far on the wrong side of publication for its clause's
# tense belongs to the year before or after (the tense rule holds the copy to nearer ones)
TENSE_REACH_DAYS = 60
# how far from publication a stated weekday may move a yearless date to find its year
WEEKDAY_REACH_DAYS = 183
# "from Tuesday 12 July to Friday 15 July 2016": what joins a range's two ends
_RANGE_THROUGH = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s+|\s*[-–—]\s*")
_RANGE_KINDS = ("date", "month", "year")
_RANGE_TO = re.compile(r"\s*(?:,\s*)?(?:-|–|—|to|until|till|through|and)\s+(?:on\s+)?|\s*[-–]\s*")


def _told_year(m: Mention) -> int | None:
    """The year of a full date the copy states (not a birth date, not the dateline)."""
    if m.dateline or m.how is not How.STATED or m.value is None or not m.value.is_day \
            or m.attachment.verb == "bear":
        return None
    return m.value.first.year


_LOOKS_BACK = re.compile(r"\b(?:[Ss]ince|as\s+of|as\s+at)\s+(?:the\s+)?\Z")


def _quarter(year: int, q: int) -> Moment:
    first = dt.date(year, 3 * (q - 1) + 1, 1)
    return Moment(first, first + relativedelta(months=3, days=-1), Grain.QUARTER)


def _by_tense(options: list[Moment], pub: dt.date, direction: int) -> Moment:
    """Of one interval in consecutive years, the one the tense points at: past, the last
    begun by publication; future, the first not yet over; else the nearest."""
    if direction < 0:
        return [o for o in options if o.first <= pub][-1]
    if direction > 0:
        return next(o for o in options if o.last >= pub)
    return min(options, key=lambda o: (0 if o.contains(pub) else
                                       min(abs((o.first - pub).days), abs((o.last - pub).days))))


def _split_period(year: int, noun: str | None) -> Moment:
    """"the 2016-17 financial year": the months it covers whichever month such a year
    begins in (a UK one runs April to March, an Australian one July to June: July 2016 to
    March 2017 is in both)."""
    starts = lx.SPLIT_YEARS.get(noun or "", lx.SPLIT_YEAR_DEFAULT)
    first = dt.date(year, max(starts), 1)
    last = dt.date(year + 1, min(starts), 1) - dt.timedelta(days=1)
    earliest = dt.date(year, min(starts), 1)
    latest = dt.date(year + 1, max(starts), 1) - dt.timedelta(days=1)
    if last < first:  # conventions too far apart to share a month
        first, last = dt.date(year, 12, 1), dt.date(year + 1, 1, 31)
    return Moment(first, last, Grain.YEAR, label=noun, earliest=earliest, latest=latest)


def _current_split(pub: dt.date, noun: str, direction: int) -> Moment:
    """"the current financial year": every such year that may contain the publication
    date, whichever month it begins in; "last" and "next" move it a year."""
    starts = lx.SPLIT_YEARS[noun]
    years = [(pub.year if pub.month >= m else pub.year - 1) + direction for m in starts]
    firsts = [dt.date(y, m, 1) for y, m in zip(years, starts, strict=True)]
    lasts = [dt.date(y + 1, m, 1) - dt.timedelta(days=1)
             for y, m in zip(years, starts, strict=True)]
    return Moment(min(firsts), max(lasts), Grain.YEAR, label=noun)


def _ago_this(pub: dt.date, amount: float, unit: str, this: str) -> Moment | None:
    """"twenty years ago this week", "ten years ago today": the publication's week, month
    or day, so many years back."""
    years = {"year": 1, "decade": 10}.get(unit)
    whole = _unit_moment(pub, this, 0)
    if years is None or whole is None or amount != int(amount):
        return None
    back = relativedelta(years=-int(amount) * years)
    try:
        first, last = whole.first + back, whole.last + back
    except (ValueError, OverflowError):
        return None
    if this == "month":
        return Moment.month(first.year, first.month)
    if this == "day":
        return Moment.day(first)
    return Moment(first, last, Grain.WEEK)


def _holiday_date(name: str, year: int) -> dt.date:
    if name in lx.FIXED_HOLIDAYS:
        return dt.date(year, *lx.FIXED_HOLIDAYS[name])
    return easter(year) + dt.timedelta(days=lx.EASTER_HOLIDAYS[name])


def _season(year: int, name: str) -> Moment:
    a, b = lx.SEASONS[name]
    first = dt.date(year, a, 1)
    last_year = year + 1 if b < a else year
    last = dt.date(last_year, b, calendar.monthrange(last_year, b)[1])
    return Moment(first, last, Grain.SEASON, label=name)


def _event_cues(att: Attachment, sentence: frozenset[str]) -> dict[str, object]:
    """What the words around a mention say about its event: changed or repeated, one of a
    series, still to come, recent (with how far back that word reaches)."""
    cues = att.noun_cues
    recent = sorted(c for c in cues if c in lx.RECENT_CUES)
    upcoming = sorted(cues & lx.UPCOMING_CUES)
    return {"rescheduled": bool(sentence & lx.RESCHEDULE_CUES),
            "in_series": bool(cues & lx.SEQUENCE_CUES),
            "upcoming": upcoming[0] if upcoming else None,
            "recency": tuple((c, lx.RECENT_CUES[c]) for c in recent)}


def _direction_from_tense(att: Attachment) -> int:
    """Which way a bare weekday or month points: past tense back, future forward."""
    if att.via_noun or not att.verb_is_near:
        return 0  # "a win over Rovers on Saturday": the verb's tense is not the noun's
    if att.future_in_past:
        return 1  # "would be pumped in when markets opened on Friday"
    if att.tense.is_past:
        return -1
    if att.tense in (Tense.FUTURE, Tense.PRESENT) or (att.tense is Tense.MODAL and att.reported):
        return 1
    return 0


# ---------------------------------------------------------------- the resolver

@dataclass(frozen=True, slots=True)
class Placed:
    """Where one mention lands on the calendar, and on what that rests."""

    value: Moment | None
    how: How
    impossible: bool = False  # a calendar date that does not exist
    anchor: int | None = None  # id of the mention an offset counts from
    anchor_event: str | None = None  # "a week after he delivered his annual speech"


UNPLACED = Placed(None, How.UNRESOLVED)


class Resolver:
    def __init__(self, text: str, pub: dt.date | None, grammar: Grammar) -> None:
        self.text = text
        self.pub = pub
        self.grammar = grammar
        self._story: tuple[int, int | None] = (0, None)  # mentions read, last year told

    def resolve(self, timexes: list[Written], header: tuple[Span, ...] = ()) -> list[Mention]:
        """Every mention resolved; `header` holds the lines that stamp the copy's own times
        (dateline, "Updated …"): mentions there are marked `dateline`."""
        mentions: list[Mention] = []
        sentence_years: dict[int, int] = {}
        for i, t in enumerate(timexes):
            span = Span(t.start, t.end)
            att = self.grammar.attach(t.start, t.end, range_from=self._range_from(timexes, i),
                                     period=t.kind == "fiscal" and t.modifier == "split")
            is_dateline = any(h.overlaps(span) for h in header)
            try:
                placed = self._value(t, att, timexes, i, mentions, sentence_years)
            except (ValueError, OverflowError):
                # "built 2500 years ago", "tomorrow" in a story dated 9999-12-31: outside
                # the calendar (years 1 to 9999) there is no value to give, and no error
                placed = UNPLACED
            if t.kind in ("date", "month") and t.year is not None and att.verb != "bear":
                # a birth date lends its year to nothing: "Modi, who was born in
                # September 1950, will be sworn in on Saturday, June 9"
                sentence_years.setdefault(att.sentence, t.year)
            mentions.append(Mention(
                id=i, span=span, text=self.text[t.start:t.end], written=t,
                attachment=att, value=placed.value, how=placed.how, anchor=placed.anchor,
                anchor_event=placed.anchor_event, impossible=placed.impossible,
                dateline=is_dateline, relative=self._fused_relative(t),
                **_event_cues(att, self.grammar.sentence_lemmas(att.sentence))))
        return _count_back_stretch_starts(mentions)

    # One method per kind keeps each resolution readable on its own.
    def _value(self, t: Written, att: Attachment, timexes: list[Written], i: int,
               done: list[Mention], sentence_years: dict[int, int]):
        pub = self.pub
        if t.kind == "date":
            return self._date(t, att, timexes, i, sentence_years, done)
        if t.kind == "month":
            if t.year is not None:
                return Placed(Moment.month(t.year, t.month), How.STATED)
            if (year := self._partner_year(t, timexes, i)) is not None:
                return Placed(Moment.month(year, t.month), How.YEAR_FROM_CONTEXT)
            if pub is None:
                return UNPLACED
            relative = t.relative_to
            if relative == "year":  # "April of last year"
                return Placed(Moment.month(pub.year + t.direction, t.month),
                              How.RELATIVE_TO_PUBLICATION)
            candidates = [Moment.month(pub.year + k, t.month) for k in (-1, 0, 1)]
            if relative == "month":  # last September, next March, this June
                this_month = pub.replace(day=1)
                pick = ([c for c in candidates if c.first < this_month][-1] if t.direction < 0
                        else next(c for c in candidates if c.first > this_month)
                        if t.direction > 0 else candidates[1])
                return Placed(pick, How.RELATIVE_TO_PUBLICATION)
            return Placed(_by_tense(candidates, pub, self._looking(t, att)),
                          How.YEAR_FROM_PUBLICATION)
        if t.kind == "year":
            return Placed(Moment.year(t.year), How.STATED)
        if t.kind == "fiscal" and t.modifier == "split" and t.year:
            return Placed(_split_period(t.year, t.unit), How.STATED)
        if t.kind == "decade":
            y = t.year or 0
            return Placed(Moment(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), Grain.DECADE),
                          How.STATED)
        if t.kind == "century" and t.amount:
            y = (int(t.amount) - 1) * 100
            if 1 <= y <= 9000:
                return Placed(Moment(dt.date(y, 1, 1), dt.date(y + 99, 12, 31), Grain.CENTURY),
                              How.STATED)
            return UNPLACED
        if t.kind == "weekday":
            return self._narrative_weekday(t, att, done) or self._weekday(t, att)
        if t.kind == "relative":
            return self._relative(t)
        if t.kind == "anchored":
            return self._anchored(t, att, done)
        if t.kind == "season":
            return self._season(t, att)
        if t.kind == "quarter" and t.amount and t.amount > 0:
            if t.year is not None:
                return Placed(_quarter(t.year, int(t.amount)), How.STATED)
            if pub is None:
                return UNPLACED
            if t.relative_to == "year":  # "the first quarter of last year"
                return Placed(_quarter(pub.year + t.direction, int(t.amount)),
                              How.RELATIVE_TO_PUBLICATION)
            # A quarter is the publication year's unless the copy looks back at one that
            # has not begun yet: a simple past or "since" points at the year before. (Tense
            # alone is weak here: "plans resulting in closures during the fourth quarter"
            # inherits a perfect from "has announced".)
            pick = _quarter(pub.year, int(t.amount))
            if pick.first > pub and (self._looks_back(t) or att.tense is Tense.PAST
                                     and _direction_from_tense(att) < 0):
                pick = _quarter(pub.year - 1, int(t.amount))
            elif pick.last < pub and (att.tense is Tense.FUTURE or att.verb in lx.LOOKS_AHEAD):
                # "analysts expect a slowdown in Q1", said in December: next year's
                pick = _quarter(pub.year + 1, int(t.amount))
            return Placed(pick, How.YEAR_FROM_PUBLICATION)
        if t.kind == "half" and t.amount:
            year = t.year or (pub.year + t.direction if pub else None)
            if year is None:
                return UNPLACED
            first = dt.date(year, 1 if t.amount == 1 else 7, 1)
            return Placed(Moment(first, first + relativedelta(months=6, days=-1), Grain.HALF),
                          How.STATED if t.year else How.YEAR_FROM_PUBLICATION)
        if t.kind == "day" and pub is not None and t.day:
            return self._day_only(t, att)
        if t.kind == "weekend" and pub is not None:
            return self._weekend(att)
        if t.kind == "part" and pub is not None and t.unit:
            return Placed(_unit_moment(pub, t.unit, 0), How.RELATIVE_TO_PUBLICATION)
        if t.kind == "holiday":
            return self._holiday(t, att)
        if t.kind == "time" and pub is not None:
            return Placed(Moment(pub, pub, Grain.TIME, hour=t.hour, minute=t.minute),
                          How.RELATIVE_TO_PUBLICATION)
        return UNPLACED

    def _date(self, t: Written, att: Attachment, timexes: list[Written], i: int,
              sentence_years: dict[int, int], done: list[Mention]):
        if t.year is not None:
            d = _safe_date(t.year, t.month, t.day)
            if d is None:
                return Placed(None, How.STATED, impossible=True)
            return Placed(Moment.day(d), How.STATED)
        if not 1 <= t.day <= 31 or t.day > max(calendar.monthrange(2024, t.month)[1], 0):
            return Placed(None, How.UNRESOLVED, impossible=True)
        # "31 April next year": the year follows the date
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt is not None and nxt.kind == "relative" and nxt.unit == "year" and \
                nxt.start - t.end <= 2 and self.pub is not None:
            year = self.pub.year + nxt.direction
            d = _safe_date(year, t.month, t.day)
            return Placed((Moment.day(d) if d else None),
                          How.YEAR_FROM_PUBLICATION, impossible=d is None)
        year = self._partner_year(t, timexes, i)
        if year is None and att.sentence in sentence_years:
            year = sentence_years[att.sentence]
        if year is not None:
            d = _safe_date(year, t.month, t.day)
            return Placed((Moment.day(d) if d else None),
                          How.YEAR_FROM_CONTEXT, impossible=d is None)
        if self.pub is None:
            return UNPLACED
        return self._year_near_publication(t, att, done)

    def _story_year(self, done: list[Mention], pub: dt.date) -> int | None:
        """The year the story is being told in, when it is not the publication's: the year
        of the last full date stated before, if it lies more than a year from publication
        (read on from where the last call stopped: the mentions only grow)."""
        read, year = self._story if self._story[0] <= len(done) else (0, None)
        for m in done[read:]:
            year = _told_year(m) or year
        self._story = (len(done), year)
        return year if year is not None and abs(year - pub.year) > 1 else None

    def _partner_year(self, t: Written, timexes: list[Written], i: int) -> int | None:
        """"from Tuesday 12 July to Friday 15 July 2016", "from January to December 2011": a
        range's start without a year takes its end's (the year before when its month comes
        later: "from 28 December to 3 January 2017")."""
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt is None or nxt.kind not in ("date", "month") or nxt.year is None or \
                nxt.month is None:
            return None
        if not (t.range_start and nxt.range_end) and \
                _RANGE_TO.fullmatch(self.text, t.end, nxt.start) is None:
            return None
        return nxt.year - 1 if (t.month, t.day or 0) > (nxt.month, nxt.day or 0) else nxt.year

    def _range_from(self, timexes: list[Written], i: int) -> int | None:
        """Where the range a time ends begins: "10 June" of "3 to 10 June", "3 August 2014"
        of "23 July–3 August 2014", "2014" of "from 2010 to 2014"; None if it ends none."""
        t = timexes[i]
        prev = timexes[i - 1] if i > 0 else None
        if prev is None:
            return None
        if t.range_end and prev.range_start:
            return prev.start
        if prev.kind in _RANGE_KINDS and t.kind in _RANGE_KINDS and \
                _RANGE_THROUGH.fullmatch(self.text, prev.end, t.start) is not None:
            return prev.start
        return None

    def _year_near_publication(self, t: Written, att: Attachment, done: list[Mention]):
        """The year of a date written without one.

        The nearest such date to publication, since news copy rarely reaches half a year
        out without giving a year; but the clause's tense may send it to the year before or
        after ("founded on 5 June", told in January), and a stated weekday picks, of the
        years near publication, the one in which it fits ("Tuesday, Dec. 30" in a January
        story). When the story is told in another year (a 2023 story about July 1973, whose
        last full date is 1973), a date that fits there and nowhere near publication is that
        year's. A date that fits nowhere keeps the nearest year, so the weekday rule can say
        so.
        """
        pub = self.pub
        assert pub is not None and t.month is not None and t.day is not None
        options = [d for k in (-1, 0, 1) if (d := _safe_date(pub.year + k, t.month, t.day))]
        if not options:  # 29 February with no leap year nearby
            return Placed(None, How.YEAR_FROM_PUBLICATION, impossible=True)
        best = min(options, key=lambda d: (abs((d - pub).days), d))
        # only a past or a future says which way: "are studying the landslide on 3 November"
        direction = _direction_from_tense(att) if att.tense in (
            Tense.PAST, Tense.PERFECT, Tense.FUTURE) else 0
        if direction and (best - pub).days * direction < -TENSE_REACH_DAYS:
            # "the club was founded on 5 June", told in January: last June, not next
            turned = [d for d in options if (d - pub).days * direction >= 0]
            if turned:
                best = min(turned, key=lambda d: abs((d - pub).days))
            elif t.month == 2 and t.day == 29:
                # "will host a leap-year ball on 29 February", told in January 2025: the
                # only leap day near is long past
                return Placed(None, How.YEAR_FROM_PUBLICATION, impossible=True)
        if t.weekday is not None and best.weekday() != t.weekday:
            fits = [d for d in options if d.weekday() == t.weekday
                    and abs((d - pub).days) <= WEEKDAY_REACH_DAYS
                    and (d - pub).days * direction >= -TENSE_REACH_DAYS]
            if fits:
                return Placed(Moment.day(min(fits, key=lambda d: abs((d - pub).days))),
                              How.YEAR_FROM_PUBLICATION)
        frame = self._story_year(done, pub)
        if frame is not None and (d := _safe_date(frame, t.month, t.day)) is not None:
            told_there = (t.weekday is not None and best.weekday() != t.weekday
                          and d.weekday() == t.weekday) or \
                (t.weekday is None and direction < 0 and best > pub)
            if told_there:
                return Placed(Moment.day(d), How.YEAR_FROM_CONTEXT)
        return Placed(Moment.day(best), How.YEAR_FROM_PUBLICATION)

    def _weekday(self, t: Written, att: Attachment):
        pub = self.pub
        if pub is None or t.weekday is None:
            return UNPLACED
        label = t.part_of_day
        if lx.DIRECTIONS.get(t.modifier) == -1:
            d = _weekday_near(pub, t.weekday, -1, strict=True)
        elif lx.DIRECTIONS.get(t.modifier) == 1:
            d = _weekday_near(pub, t.weekday, 1, strict=True)
        else:
            direction = _direction_from_tense(att)
            if att.modifies_noun or direction == 0 or t.modifier == "this":
                back = _weekday_near(pub, t.weekday, -1)
                ahead = _weekday_near(pub, t.weekday, 1)
                d = back if (pub - back) < (ahead - pub) else ahead
            else:
                d = _weekday_near(pub, t.weekday, direction)
        return Placed(Moment.day(d, label=label), How.WEEKDAY_BY_TENSE)

    def _narrative_weekday(self, t: Written, att: Attachment,
                           done: list[Mention]) -> Placed | None:
        """A bare weekday in a story told about an earlier week: "The dyke broke on Tuesday,
        4 June. Soldiers had spent Monday night sandbagging" (published 15 June) is the
        Monday of that week, not the one before publication. The frame is the latest date
        stated in the few sentences before, when it lies a week or more before publication;
        the weekday is the nearest one to it."""
        if self.pub is None or t.weekday is None or t.modifier is not None or \
                _direction_from_tense(att) > 0:
            return None
        frame = _narrative_frame(done, att.sentence, self.pub)
        if frame is None:
            return None
        day = frame.value.first
        back = _weekday_near(day, t.weekday, -1)
        ahead = _weekday_near(day, t.weekday, 1)
        d = back if (day - back) <= (ahead - day) else ahead
        if d > self.pub:
            return None
        return Placed(Moment.day(d, label=t.part_of_day), How.RELATIVE_TO_EVENT,
                      anchor=frame.id)

    def _fused_relative(self, t: Written) -> Moment | None:
        """"last Thursday, 14 March", "next Sunday, Sept. 16", "this Friday (9 May)": the days
        the relative weekday allows on its own, counted from publication. "Last Thursday"
        may be the one just gone or the one before it; "next Sunday" the coming one or the
        one after; "this Friday" the nearest either way."""
        pub = self.pub
        if pub is None or t.kind != "date" or t.weekday is None or not t.modifier:
            return None
        if lx.DIRECTIONS.get(t.modifier) == -1:
            end = _weekday_near(pub, t.weekday, -1, strict=True)
            return Moment(end - dt.timedelta(days=7), end, Grain.WEEK)
        if lx.DIRECTIONS.get(t.modifier) == 1:
            start = _weekday_near(pub, t.weekday, 1, strict=True)
            return Moment(start, start + dt.timedelta(days=7), Grain.WEEK)
        if t.modifier == "this":
            return Moment(_weekday_near(pub, t.weekday, -1), _weekday_near(pub, t.weekday, 1),
                          Grain.WEEK)
        return None

    def _day_only(self, t: Written, att: Attachment):
        """"on the 5th": the publication month's, or the month before or after as the
        tense points; "Thursday the 6th": of those three months, the nearest in which the
        6th is a Thursday (else as the tense points, for the weekday rule to judge); a day
        the month does not have stays unresolved."""
        pub = self.pub
        assert pub is not None and t.day is not None
        direction = _direction_from_tense(att)
        month = dt.date(pub.year, pub.month, 1)
        if t.weekday is not None:
            options = [d for k in (-1, 0, 1) if (d := _safe_date(
                (x := month + relativedelta(months=k)).year, x.month, t.day))]
            fits = [d for d in options if d.weekday() == t.weekday]
            if fits:
                best = min(fits, key=lambda d: abs((d - pub).days))
                return Placed(Moment.day(best), How.MONTH_FROM_PUBLICATION)
        if direction < 0 and t.day > pub.day:
            month -= relativedelta(months=1)
        elif direction > 0 and t.day < pub.day:
            month += relativedelta(months=1)
        d = _safe_date(month.year, month.month, t.day)
        if d is None:
            return UNPLACED
        return Placed(Moment.day(d), How.MONTH_FROM_PUBLICATION)

    def _weekend(self, att: Attachment):
        """"over the weekend" / "at the weekend": the nearest one, placed by tense."""
        pub = self.pub
        assert pub is not None
        direction = _direction_from_tense(att)
        if direction == 0:
            direction = -1 if pub.weekday() < 5 else 0
        saturday = _weekday_near(pub, 5, direction) if direction else \
            pub - dt.timedelta(days=pub.weekday() - 5)
        return Placed(Moment(saturday, saturday + dt.timedelta(days=1), Grain.WEEKEND),
                      How.WEEKDAY_BY_TENSE)

    def _holiday(self, t: Written, att: Attachment):
        """Christmas Day, Easter …: a fixed or computed date, in the year stated or the
        nearest year to publication, placed by tense like a month without a year."""
        name = t.holiday
        if t.year is not None:
            d = _holiday_date(name, t.year)
            return Placed(Moment.day(d), How.STATED)
        pub = self.pub
        if pub is None:
            return UNPLACED
        options = [Moment.day(_holiday_date(name, pub.year + k)) for k in (-1, 0, 1)]
        return Placed(_by_tense(options, pub, self._looking(t, att)), How.YEAR_FROM_PUBLICATION)

    def _looking(self, t: Written, att: Attachment) -> int:
        """Which way a month, quarter or holiday without a year points: "since" and
        "as of" look back; otherwise the tense of its verb decides (0: either way)."""
        return -1 if self._looks_back(t) else _direction_from_tense(att)

    def _looks_back(self, t: Written) -> bool:
        return _LOOKS_BACK.search(self.text, max(0, t.start - 12), t.start) is not None

    def _relative(self, t: Written):
        pub = self.pub
        if pub is None:
            return UNPLACED
        unit = t.unit or "day"
        if unit in lx.SPLIT_YEARS:  # "the current financial year"
            return Placed(_current_split(pub, unit, t.direction), How.RELATIVE_TO_PUBLICATION)
        how = How.RELATIVE_TO_PUBLICATION
        if t.modifier in ("yesterday", "today", "tonight", "tomorrow", "this") and unit == "day":
            return Placed(Moment.day(pub + dt.timedelta(days=t.direction * int(t.amount or 0)),
                                     label=t.part_of_day), how)
        if t.modifier in ("ago", "from now"):
            if t.amount is None:
                return UNPLACED
            if t.relative_to in ("day", "week", "month"):
                return Placed(_ago_this(pub, t.amount, unit, t.relative_to), how)
            return Placed(shift_date(pub, t.amount, unit, t.direction), how)
        if t.modifier in ("earlier", "later"):
            whole = _unit_moment(pub, unit, t.direction)
            if whole is None:
                return UNPLACED
            if t.direction == 0:  # earlier this month: from its start up to publication
                if t.modifier == "earlier":
                    whole = Moment(whole.first, pub, whole.grain)
                else:
                    whole = Moment(pub, whole.last, whole.grain)
            return Placed(whole, how)
        return Placed(_unit_moment(pub, unit, t.direction), how)

    def _anchored(self, t: Written, att: Attachment, done: list[Mention]):
        """"two days later", "a week earlier", "the next day": count from an earlier date."""
        after = self.text[t.end:t.end + 60]
        if t.modifier in ("after", "before") and after[:1] == " " and after[1:2] not in ",.;":
            # "a week after he delivered his speech": anchored on an event, not a date
            event = after.strip().split(".")[0].split(",")[0]
            return Placed(None, How.RELATIVE_TO_EVENT, anchor_event=" ".join(event.split()[:8]))
        for m in reversed(anchor_candidates(done, att.sentence)):
            if m.value is None or not m.value.is_day or t.amount is None or not t.unit:
                continue
            moved = shift_date(m.value.first, t.amount, t.unit, t.direction)
            if moved is not None:
                return Placed(moved, How.RELATIVE_TO_EVENT, anchor=m.id)
        if t.modifier == "the day" and self.pub is not None:  # "ended the day 2% down"
            return Placed(Moment.day(self.pub), How.RELATIVE_TO_PUBLICATION)
        if t.unit in ("year", "month") and t.amount and t.modifier in ("earlier", "before",
                                                                        "later", "after"):
            # "sales rose 4% from a year earlier": from the year or month told just
            # before, else from the publication date
            for m in reversed(done):
                if m.attachment.sentence < att.sentence - 3:
                    break
                if m.value is not None and not m.dateline and m.kind in ("year", "month") \
                        and m.value.grain in (Grain.YEAR, Grain.MONTH):
                    moved = shift_date(m.value.first, t.amount, t.unit, t.direction)
                    return Placed(moved, How.RELATIVE_TO_EVENT, anchor=m.id)
            if self.pub is not None:
                return Placed(shift_date(self.pub, t.amount, t.unit, t.direction),
                              How.RELATIVE_TO_PUBLICATION)
        return UNPLACED

    def _season(self, t: Written, att: Attachment):
        name = t.season or "summer"
        if t.year is not None:
            return Placed(_season(t.year, name), How.STATED)
        pub = self.pub
        if pub is None:
            return UNPLACED
        if t.relative_to == "year":  # "spring of last year"
            return Placed(_season(pub.year + t.direction, name), How.RELATIVE_TO_PUBLICATION)
        this = _season(pub.year, name)
        if t.modifier == "last":
            pick = this if this.last < pub else _season(pub.year - 1, name)
        elif t.modifier == "next":
            pick = this if this.first > pub else _season(pub.year + 1, name)
        elif t.modifier == "this":
            pick = this
        else:
            direction = _direction_from_tense(att)
            if direction < 0 and this.first > pub:
                pick = _season(pub.year - 1, name)
            elif direction > 0 and this.last < pub:
                pick = _season(pub.year + 1, name)
            else:
                pick = this
        return Placed(pick, How.YEAR_FROM_PUBLICATION)


NARRATIVE_REACH = 3  # sentences back a stated date frames the weekdays after it
FRAME_GAP_DAYS = 7  # a frame this far before publication is another week than its own


def _narrative_frame(done: list[Mention], sentence: int, pub: dt.date) -> Mention | None:
    """The latest day-date the copy states (its day and month written out) in this sentence
    or the few before, if it lies a week or more before publication."""
    for m in reversed(done):
        if m.attachment.sentence < sentence - NARRATIVE_REACH:
            break
        # a date in the weekday's own sentence is another clause's ("Born on 29 February
        # 1996, she turned 28 on Thursday"); a birth date frames nothing
        if m.dateline or m.kind != "date" or m.value is None or not m.value.is_day or \
                m.attachment.sentence == sentence or m.attachment.verb == "bear":
            continue
        return m if (pub - m.value.first).days >= FRAME_GAP_DAYS else None
    return None


def _count_back_stretch_starts(mentions: list[Mention]) -> list[Mention]:
    """Place the first weekday of a stretch from its last one.

    "arriving on Monday and leaving on Thursday", "opens on Tuesday and closes on
    Thursday", "from Monday to Friday": tense places the end; the start is the same weekday
    on or before it, within the week, whatever tense the frame around it has.
    """
    out = list(mentions)
    for i, first in enumerate(out):
        if first.kind != "weekday" or first.written.modifier is not None:
            continue
        starts = (first.attachment.verb in lx.START_VERBS or first.attachment.prep == "from")
        if not starts:
            continue
        for last in out[i + 1:]:
            if last.attachment.sentence != first.attachment.sentence:
                break
            ends = last.attachment.verb in lx.END_VERBS or last.attachment.prep in (
                "to", "until", "till", "through")
            if last.kind == "weekday" and ends and last.value is not None:
                end = last.value.first
                back = (end.weekday() - first.weekday) % 7
                out[i] = dataclasses.replace(
                    first, value=Moment.day(end - dt.timedelta(days=back),
                                            label=first.written.part_of_day),
                    how=How.RELATIVE_TO_EVENT, anchor=last.id)
                break
    return out


# "yesterday, Saturday" · "yesterday (Tuesday)" · "last year, in 2022" · "Two days later, on
# Friday" · "earlier this month, on 28 September" · "next month, when the Senate returns on
# 12 August": the second expression restates the first.
_RESTATE_GAP = re.compile(
    r"\s*+(?:,|\(|—|–|-)?\s*+(?:on|in|at|of)?\s*+(?:the\s+)?\Z"
    r"|\s*,\s*when\s+[^.;:!?()]{1,80}?\s(?:on|in)\s+\Z")
# (white space is taken possessively, \s*+, in the gap patterns here: a long run of it
# between two mentions would otherwise be backtracked through once per optional word)


# "on Sunday, two days ago" · "on 29 May (three days ago)": the date first, then how long ago
_RESTATE_AFTER = re.compile(r"\s*+(?:,|\(|—|–)\s*+\Z")
# … but not when the second is one item of a list ("in 2022, last year, and again this
# year", "yesterday, Saturday and Sunday"): a conjunction with another time right after it
_LIST_GOES_ON = re.compile(r"\s*+,?\s*+(?:and|or|&)\b", re.IGNORECASE)
_LIST_REACH = 16  # characters from the conjunction to the next time of a list
# "a week after the 3 May vote": the date is what the offset counts from, not its restatement
_NAMES_ANCHOR = re.compile(r"\s+(?:the\s+)?\Z")
# "last month's derailment on 14 August", "tomorrow's meeting on Thursday", "last week's
# hailstorm, on June 13", "last spring's flood on the Red River -- in 2009 --": a possessive
# relative time, its noun (a few words), then the date
_POSSESSED_THEN_DATE = re.compile(
    r"['’]s\s++(?:[A-Za-z-]+\s++){0,4}?[A-Za-z-]+(?:\s*+(?:,|\(|—|–|--)\s*+(?P<p1>on|in|at)?|"
    r"\s++(?P<p2>on|in|at))\s*+(?:the\s+)?\Z")
# what may stand between a relative time and a date both told of one verb ("derailed last
# month near Hexthorpe, South Yorkshire, on 14 August"): no second clause or list
_SAME_CLAUSE_GAP = re.compile(r"[^;:!?()]{0,80}\Z")
_SECOND_CLAUSE = re.compile(r"\b(?:and|or|but|while|whereas|then)\b|[;:]", re.IGNORECASE)
_RELATIVE_SEASON = ("last", "next", "this")
# what a stated time may follow in its noun's preposition: a day "on", a month or year "in"
_PREPOSITION_FOR = {"date": ("on", None), "weekday": ("on", None), "month": ("in", None),
                    "year": ("in", None)}


def _relative_like(m: Mention) -> bool:
    """A time counted from publication or from another event: "last year", "two days
    later", "last spring", "spring of last year"."""
    return m.kind in ("relative", "anchored") or (
        m.kind == "season" and (m.written.modifier in _RELATIVE_SEASON
                                or m.written.relative_to == "year"))


def _list_goes_on(text: str, end: int, following: Mention | None) -> bool:
    m = _LIST_GOES_ON.match(text, end)
    return m is not None and following is not None and \
        following.span.start - m.end() <= _LIST_REACH


def link_restatements(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mark each date that restates the relative expression right before it, or that a
    relative expression right after it restates ("on Sunday, two days ago"); then the dates
    told of the same event as a relative time: of its noun ("last month's derailment on 14
    August") or of its verb ("derailed last month near Hexthorpe, on 14 August")."""
    out = list(mentions)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.attachment.sentence != prev.attachment.sentence:
            continue
        following = out[i + 1] if i + 1 < len(out) else None
        if _relative_like(prev) and (cur.kind in STATED_KINDS or cur.kind is Kind.FISCAL) and \
                _RESTATE_GAP.match(text, prev.span.end, cur.span.start) is not None and \
                not _list_goes_on(text, cur.span.end, following):
            if prev.kind == "anchored" and prev.written.modifier in ("after", "before") and \
                    _NAMES_ANCHOR.match(text, prev.span.end, cur.span.start):
                continue  # "a week after the 3 May vote": 3 May is the anchor
            out[i] = dataclasses.replace(cur, restates=prev.id)
        elif prev.kind in STATED_KINDS and cur.kind == "relative" and \
                cur.written.modifier not in ("earlier", "later") and prev.restates is None and \
                _RESTATE_AFTER.match(text, prev.span.end, cur.span.start) is not None and \
                not _list_goes_on(text, cur.span.end, following):
            out[i - 1] = dataclasses.replace(prev, restates=cur.id)
    _link_by_event(text, out)
    _years_from_relatives(out)
    return out


def _years_from_relatives(out: list[Mention]) -> None:
    """"last year, on 4 July", "He was elected last year on 3 May": a date written without a
    year that restates a relative time takes the year in which it falls within it, when
    one does; one that falls in none keeps its year, for the rule to judge."""
    for i, m in enumerate(out):
        if m.restates is None or m.written.year is not None or \
                m.how is not How.YEAR_FROM_PUBLICATION or m.value is None or \
                m.written.month is None:
            continue
        rel = out[m.restates]
        if rel.value is None or rel.value.is_day:
            continue
        for year in range(rel.value.first.year, rel.value.last.year + 1):
            if m.kind == "date":
                d = _safe_date(year, m.written.month, m.written.day or 1)
                placed = Moment.day(d, label=m.value.label) if d else None
            else:
                placed = Moment.month(year, m.written.month)
            if placed is not None and rel.value.first <= placed.first and \
                    placed.last <= rel.value.last:
                if placed != m.value:
                    out[i] = dataclasses.replace(m, value=placed, how=How.YEAR_FROM_CONTEXT)
                break


_EVENT_REACH = 3  # mentions ahead in which a relative time's event may be dated


def _link_by_event(text: str, out: list[Mention]) -> None:
    """A relative time and a stated time told of one event are one time.

    Of one noun: the relative time possesses or modifies it and the stated time dates it
    ("next month's election on 5 December", "Tuesday's vote, held yesterday"). Of one verb:
    both are the verb's own time, in one clause ("derailed last month near Hexthorpe, on 14
    August"). A bare weekday against a week or month states nothing, which the rule knows;
    a stated time already linked is left alone."""
    for i, rel in enumerate(out):
        if not _relative_like(rel) or rel.kind == "anchored":
            continue
        for j in range(i + 1, min(i + 1 + _EVENT_REACH, len(out))):
            other = out[j]
            if other.attachment.sentence != rel.attachment.sentence:
                break
            if other.kind not in STATED_KINDS or other.restates is not None or \
                    other.dateline:
                continue
            if _same_noun(text, rel, other):
                out[j] = dataclasses.replace(other, restates=rel.id)
                break
            if other.kind is not Kind.WEEKDAY and rel.kind == "relative" and \
                    _same_verb(text, rel, other):
                out[j] = dataclasses.replace(other, restates=rel.id)
                break
        if rel.kind == "relative" and i > 0:
            # "Tuesday's vote, held yesterday": the stated time comes first
            stated = out[i - 1]
            if stated.kind in STATED_KINDS and stated.restates is None and \
                    stated.written.possessive and not stated.dateline and \
                    stated.attachment.sentence == rel.attachment.sentence and \
                    stated.attachment.noun is not None and \
                    stated.attachment.noun == rel.attachment.noun and \
                    not rel.attachment.modifies_noun:
                out[i - 1] = dataclasses.replace(stated, restates=rel.id)


def _same_noun(text: str, rel: Mention, other: Mention) -> bool:
    """"last month's derailment on 14 August": the relative time possesses the noun the
    stated time dates, with the preposition that dates it (a topic such as "last year's
    report on 2019" is no time of the report)."""
    allowed = _PREPOSITION_FOR.get(other.kind.value, ())
    shape = _POSSESSED_THEN_DATE.match(text, rel.span.end, other.span.start) \
        if text.startswith(("'s", "’s"), rel.span.end) else None
    if shape is not None:
        return (shape["p1"] or shape["p2"]) in allowed
    a, b = rel.attachment, other.attachment
    return a.modifies_noun and a.noun is not None and a.noun == b.noun and \
        not b.modifies_noun and b.prep in allowed and b.prep is not None


def _same_verb(text: str, rel: Mention, other: Mention) -> bool:
    """Both told of one verb as its time, with nothing between them that starts another
    clause or a list."""
    a, b = rel.attachment, other.attachment
    if a.verb_start is None or a.verb_start != b.verb_start or a.modifies_noun or \
            b.modifies_noun or a.via_noun or b.via_noun or a.verb_start > rel.span.start:
        return False  # "said last month it would vote on 3 December": the verb comes first
    if a.prep not in (None, "in", "on", "at", "during") or b.prep not in ("in", "on", "at"):
        return False
    if other.kind.value not in ("date", "month", "year"):
        return False
    gap = text[rel.span.end:other.span.start]
    if any(c.isdigit() for c in gap) or any(
            w.strip(".,").lower() in lx.COMPARISON_WORDS for w in gap.split()):
        return False  # "worth $1.2bn last year, up from $1.1bn in 2022": another value's time
    return _SAME_CLAUSE_GAP.match(gap) is not None and _SECOND_CLAUSE.search(gap) is None


# "5 p.m. local time on Monday", "22:46 on 29 May" · "Monday at 5 p.m.", "29 May 2024 – 22:46"
_TIME_THEN_DAY = re.compile(r"\s*+,?\s*+(?:on|of)?\s*+(?:the\s+)?\Z")
_DAY_THEN_TIME = re.compile(r"\s*+(?:,|–|—|-)?\s*+(?:at|from|around|about|by|until|before|after)?"
                            r"\s*+(?:around|about)?\s*+\Z")


def attach_times(text: str, mentions: list[Mention]) -> list[Mention]:
    """A time of day next to a day in the same sentence falls on that day, not on the
    publication date: "at 5 p.m. on Monday" is Monday at 17:00."""
    out = list(mentions)
    for i, cur in enumerate(out):
        if cur.kind != "time" or cur.how is not How.RELATIVE_TO_PUBLICATION or \
                cur.value is None:
            continue
        day = None
        for j, gap in ((i + 1, _TIME_THEN_DAY), (i - 1, _DAY_THEN_TIME)):
            if not 0 <= j < len(out):
                continue
            other = out[j]
            if other.value is None or other.value.grain is not Grain.DAY or \
                    other.attachment.sentence != cur.attachment.sentence:
                continue
            lo, hi = (cur.span.end, other.span.start) if j > i else (other.span.end,
                                                                    cur.span.start)
            if 0 <= hi - lo <= 40 and gap.match(text[lo:hi]):
                day = other
                break
        if day is None:
            continue
        moment = dataclasses.replace(cur.value, first=day.value.first, last=day.value.first)
        out[i] = dataclasses.replace(cur, value=moment, how=How.RELATIVE_TO_EVENT, anchor=day.id)
    return out

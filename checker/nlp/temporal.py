"""Surface patterns for temporal expressions: where they are and what parts they state.

This layer only reads characters. It keeps every part a writer gave (weekday, day, month,
year, "last", "two days later") and fills nothing in: `checker.resolve.timeline` resolves the
parts against the publication date and the grammar. Every pattern is a flat alternation
with bounded repeats, so matching is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from checker import lexicon as lx
from checker.facts.time import Kind, Written
from checker.nlp.numbers import ordinal


@dataclass(slots=True)
class Timex:
    """A temporal expression being built from a match; `find_timexes` hands out the frozen
    `Written` fact with the same fields. Offsets are into the checked text."""

    kind: str  # a Kind's value
    start: int
    end: int
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    date_span: tuple[int, int] | None = None
    amount: float | None = None
    unit: str | None = None
    direction: int = 0
    modifier: str | None = None
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    ref: str | None = None
    possessive: bool = False
    approx: str | None = None
    vague: bool = False
    range_start: bool = False
    range_end: bool = False
    relative_to: str | None = None
    season: str | None = None
    holiday: str | None = None
    utc: bool = False
    amount_span: tuple[int, int] | None = None
    unit_span: tuple[int, int] | None = None
    # not part of the fact: how the writer orders day and month ("dm", "md"), where the
    # match shows it, and a numeric date's two numbers while their order is open
    order: str | None = None
    parts: tuple[int, int] | None = None

    def written(self) -> Written:
        return Written(Kind(self.kind), *(getattr(self, f) for f in _FIELDS[1:]))


_FIELDS = tuple(f.name for f in fields(Written))


class Pattern(NamedTuple):
    """A surface pattern for one form of temporal expression and the function that turns
    its match into Timexes (none, when the match turns out not to be one)."""

    name: str
    regex: str
    build: Callable[[str, re.Match[str]], list[Timex]]


# ---------------------------------------------------------------- building blocks

def _capitalised(words) -> str:
    return lx.alternation(w.capitalize() for w in words)


_WD_FULL = lx.alternation(lx.WEEKDAY_NAMES)
_WD_SHORT = [w for w in lx.WEEKDAYS if w.capitalize() not in lx.WEEKDAY_NAMES]
_WD_ABBR = _capitalised(_WD_SHORT)
_WD_ANY = rf"(?:{_WD_FULL}|{_WD_ABBR}\.)"
# Beside a date an abbreviation needs no full stop: "Wed 3 July", "Sat, Jan 19", "Sun 23rd
# July". Alone, a bare "Sun", "Wed" or "Sat" is an ordinary word, so a weekday on its own is
# written out, or abbreviated with its stop ("arrested on Tues."); "Sat." and "Sun." (the
# verb, the newspaper) only after a word that introduces a time; any abbreviation in
# brackets beside a time ("last night (Sat)", "on Oct. 8 (Wed)")
_WD_DATE = rf"(?:{_WD_FULL}|{_WD_ABBR}\.?)"
_WD_AMBIGUOUS = tuple(w for w in _WD_SHORT if w in lx.WEEKDAY_WORDS)
_WD_ALONE = (rf"(?:{_WD_FULL}|{_capitalised(w for w in _WD_SHORT if w not in _WD_AMBIGUOUS)}\.|"
             + "(?:" + "|".join(rf"(?<=\b{v}\s)" for w in lx.TIME_INTRODUCERS
                                for v in (w, w.capitalize())) + ")"
             + rf"{_capitalised(_WD_AMBIGUOUS)}\.|(?<=\(){_WD_ABBR}\.?(?=\)))")
# a weekday written before its date, possessive or not: "Thursday, 29 May", "Sunday's 14
# October referendum", "Wed 3 July"
_WD_BEFORE = rf"(?P<wd>{_WD_DATE})(?P<wdposs>'s|’s)?,?[^\S\n]+"
_MON_FULL = lx.alternation(lx.MONTH_NAMES)
_MON_ABBR = _capitalised(w for w in lx.MONTHS if w.capitalize() not in lx.MONTH_NAMES) + r"\.?"
_MON = rf"(?:{_MON_FULL}|{_MON_ABBR})"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
# number words only say where a count is written; their values come from text2num
_ONES = lx.alternation(w for w in lx.NUMBER_WORDS[:9])
_TEENS = lx.alternation(w for w in lx.NUMBER_WORDS if w.endswith("teen") or w in
                        ("ten", "eleven", "twelve"))
_TENS = lx.alternation(w for w in lx.NUMBER_WORDS if w.endswith("ty"))
_NUM_WORD = rf"(?:{_TENS}(?:[-\s]{_ONES})?|{_TEENS}|{_ONES}|a\s+hundred|one\s+hundred)"
_AMOUNT = (rf"(?<!\d[,.])(?P<amount>\d{{1,4}}(?:\.\d+)?|(?i:{_NUM_WORD})|(?i:a\s+couple\s+of|a\s+few|"
           r"several|a|an|half\s+an?|a\s+dozen|dozens\s+of|hundreds\s+of|many|single))"
           r"(?P<half>\s+and\s+a\s+half)?")
# "nearly five months", "about a week later": the count is not exact (TimeML's MOD)
_APPROX = (r"(?P<approx>(?i:" + lx.alternation(lx.APPROXIMATORS, spaced=True) + r")\s+)?")
# "six straight days", "five trading days": words a count may carry before its unit
_COUNT_ADJ = rf"(?:(?i:{lx.alternation(lx.COUNT_ADJECTIVES)})\s+)?"
# "a quarter" is a fraction far more often than three months: only "quarters" counts
_UNIT = rf"(?P<unit>(?i:{lx.alternation(u for u in lx.UNITS if u != 'quarter')}))"
_PART = rf"(?:\s+(?P<part>{lx.alternation(lx.PARTS_OF_DAY)}))?"

# Which way a relative word points: "last September", "next year", "the coming week".
_DIRECTION = lx.DIRECTIONS


def _after(*words: str) -> str:
    """A lookbehind alternation: the match must follow one of these words and a space."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words) + ")"


# The month "May" and the verb "March" need a calendar context before they count alone.
_MONTH_CONTEXT = _after(
    "in", "since", "until", "till", "by", "from", "during", "of", "before", "after",
    "through", "throughout", "to", "between", "and", "or", "early", "late", "mid", "last",
    "next", "this", "that", "each", "every", "on", "In", "Since", "By", "From", "Until",
    "Last", "Next", "Early", "Late", "Mid")

def _amount(text: str | None) -> float | None:
    if not text:
        return None
    t = " ".join(text.lower().replace("-", " ").split())
    if t in lx.VAGUE_AMOUNTS:
        return lx.VAGUE_AMOUNTS[t]
    if t.replace(".", "", 1).isdecimal():
        return float(t)
    try:
        return float(text2num(t, "en"))
    except (ValueError, TypeError):
        return None


# "$300 million in fuel a year", "24 trains a day", "twice a week": a quantity, at most
# three words back, then "a <unit>" not governed by a preposition ("in a year" is a stretch)
_RATE_BEFORE = re.compile(
    rf"(?:\d[\d,.]*%?|\b(?i:{_NUM_WORD}|twice|thrice|once|times))(?:[^\S\n]+\S+){{0,3}}?"
    + "".join(rf"(?<!\b{w})" for w in lx.RATE_GOVERNORS) + r"(?<!,)[^\S\n]+\Z")


def _is_rate(text: str, start: int) -> bool:
    """Is the "a <unit>" at start a rate ("$300 million in fuel a year", "twice a week")
    rather than a stretch ("12 men waited a week", "two years and a month")?"""
    m = _RATE_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    words = m.group(0).split()[1:]
    return not any(w.lower() in lx.RATE_BREAKERS or w.lower().endswith(("ed", "ing"))
                   for w in words)


_EVERY_BEFORE = re.compile(r"\b(?:[Ee]very|[Ee]ach)\s+\Z")
_AGE_AFTER = re.compile(r"[\s-]+olds?\b|\s+of\s+age\b")


def _amount_of(g: dict[str, str | None]) -> float | None:
    """The count of a duration or offset, with "and a half" after the number or the unit."""
    amount = _amount(g["amount"])
    if amount is not None and (g.get("half") or g.get("half2")):
        amount += 0.5
    return amount


def _century_guess(digits: str) -> int:
    """'82 → 1982, '08 → 2008, the 70s → 1970: two digits with the century left out."""
    n = int(digits)
    return 2000 + n if n <= 30 else 1900 + n


def _unit(text: str | None) -> str | None:
    if not text:
        return None
    t = text.lower()
    return lx.UNITS.get(t) or lx.UNIT_ABBREVIATIONS.get(t, t)


def _month(text: str) -> int:
    return lx.MONTHS[text.lower().rstrip(".")]


def _weekday(text: str) -> int:
    return lx.WEEKDAYS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


# ---------------------------------------------------------------- builders: a match → Timexes

def _dmy(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    t = Timex("date", start, end, day=_day(g["day"]), month=_month(g["mon"]),
              year=int(g["year"]) if g.get("year") else None,
              order="dm" if name == "dmy" else "md")
    if g.get("wd"):
        t.weekday = _weekday(g["wd"])
        t.weekday_span = m.span("wd")
        t.date_span = (m.start("day") if name == "dmy" else m.start("mon"), end)
    else:
        t.date_span = (start, end)
    return [t]


def _day_range(name: str, m: re.Match[str]) -> list[Timex]:
    """"from 3 to 10 June", "Saturday 14 and Sunday 15 June", "Sat. and Sun., Aug. 9-10":
    two days of one month; a weekday given for each day belongs to that day."""
    g = m.groupdict()
    month = _month(g["mon"])
    year = int(g["year"]) if g.get("year") else None
    d1, d2 = _day(g["day1"]), _day(g["day"])
    if name == "md-range" and not d1 < d2 <= 31:
        return []  # "May 3-1": a score, not a range
    order = "dm" if name == "dd-range" else "md"
    first = Timex("date", m.start(), m.end("day1"), day=d1, month=month, year=year,
                  range_start=True, order=order)
    second_start = m.start("wd") if g.get("wd") and name == "dd-range" else m.start("day")
    second = Timex("date", second_start, m.end(), day=d2, month=month, year=year,
                   range_end=True, order=order)
    first.date_span = (m.start("day1") if name == "dd-range" else m.start("mon"), m.end("day1"))
    second.date_span = (m.start("day"), m.end())
    for t, key in ((first, "wd1"), (second, "wd")):
        if g.get(key):
            t.weekday, t.weekday_span = _weekday(g[key]), m.span(key)
    return [first, second]


def _wd_day(name: str, m: re.Match[str]) -> list[Timex]:
    """"Thursday the 6th": a day of the month, with its weekday."""
    t = Timex("day", m.start(), m.end(), day=int(m.group("day")), weekday=_weekday(m["wd"]))
    t.weekday_span = m.span("wd")
    t.date_span = (m.start("day"), m.end())
    return [t]


def _spelled(name: str, m: re.Match[str]) -> list[Timex]:
    """"the thirty-first of April": an ordinal in words for the day."""
    day = ordinal(m["ord"])
    if day is None or not 1 <= day <= 31:
        return []  # "the end of March", "the Ides of March"
    g = m.groupdict()
    t = Timex("date", m.start(), m.end(), day=day, month=_month(g["mon"]),
              year=int(g["year"]) if g.get("year") else None, order="dm")
    t.date_span = (m.start("wd") if g.get("wd") else m.start(), m.end())
    if g.get("wd"):
        t.weekday, t.weekday_span = _weekday(g["wd"]), m.span("wd")
        t.date_span = (m.end("wd") + 1, m.end())
    return [t]


def _my(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    t = Timex("month", start, end, month=_month(g["mon"]), year=int(g["year"]),
              modifier=g.get("mod"))
    t.date_span = (start, end)
    return [t]


def _rel_month(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    # "last September" counts months from publication; "April of last year", years
    rel = (g.get("rel") or g["which"]).lower()
    t = Timex("month", start, end, month=_month(g["mon"]),
              modifier=g.get("mod") or (rel if name == "rel-month" else None),
              direction=_DIRECTION[rel],
              relative_to="month" if name == "rel-month" else "year")
    t.date_span = (start, end)
    return [t]


def _m_mod(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    t = Timex("month", start, end, month=_month(g["mon"]), modifier=g["mod"].lower())
    t.date_span = (start, end)
    return [t]


def _day_only(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("day", start, end, day=int(g["day"]))]


def _half_h(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("half", start, end, amount=int(g["h"]),
                  year=int(g["year"]) if g.get("year") else None)]


def _m(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    end = m.end()
    s = m.start("mod") if g.get("mod") else m.start("mon")
    t = Timex("month", s, end, month=_month(g["mon"]), modifier=g.get("mod"))
    t.date_span = (s, end)
    return [t]


def _wd(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    part = g.get("part")
    if g.get("poss"):  # "Wednesday's vote"
        end, part = m.start("poss"), None
    t = Timex("weekday", start, end, weekday=_weekday(g["wd"]),
              modifier=(g.get("mod") or "").lower() or None, possessive=bool(g.get("poss")),
              part_of_day=part)
    t.weekday_span = m.span("wd")
    return [t]


def _current(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("relative", start, end, amount=0, unit=g["unit"].lower(), direction=0,
                  modifier="current")]


_SPLIT_NOUNS = lx.alternation((n for n in lx.SPLIT_YEARS if " " in n), spaced=True)
_SPLIT_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>" + lx.alternation(
    lx.SPLIT_YEARS, spaced=True) + r")\b", re.IGNORECASE)
_SPLIT_BEFORE = re.compile(r"\b(?P<noun>" + lx.alternation(lx.SPLIT_YEARS, spaced=True)
                           + r")\s*[(,]?\s*\Z", re.IGNORECASE)


def _split_noun(text: str, start: int, end: int) -> str | None:
    after = _SPLIT_AFTER.match(text, end)
    before = _SPLIT_BEFORE.search(text, max(0, start - 24), start)
    found = after or before
    return " ".join(found["noun"].lower().split()) if found else None


def _split_year(name: str, m: re.Match[str]) -> list[Timex]:
    """"the 2013-14 season": one period over two years, named by both; "2014-2015" only
    beside a noun that names such a period (else it is two years)."""
    y1, y2 = int(m["y1"]), m["y2"]
    if (int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)) != y1 + 1:
        return []  # "2009-12": a range of years or something else
    noun = _split_noun(m.string, m.start(), m.end())
    if len(y2) == 4 and noun is None:
        return []
    return [Timex("fiscal", m.start(), m.end(), year=y1, modifier="split", unit=noun)]


def _rel_split(name: str, m: re.Match[str]) -> list[Timex]:
    mod = m["mod"].lower()
    return [Timex("relative", m.start(), m.end(), amount=abs(_DIRECTION[mod]),
                  unit=" ".join(m["noun"].lower().split()), direction=_DIRECTION[mod],
                  modifier=mod)]


def _fiscal(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    year = int(g["year"]) if g.get("year") else (
        int(g["yy"]) if len(g["yy"]) == 4 else _century_guess(g["yy"]))
    return [Timex("fiscal", start, end, year=year)]


def _day_word(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    word = g["word"].lower()
    part = g.get("part") or ("night" if word == "tonight" else None)
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    if g.get("poss"):  # "today's vote": the 's is not part of the expression
        end, part = m.start("poss"), None if word != "tonight" else part
    return [Timex("relative", start, end, amount=abs(offset), unit="day",
                  direction=(offset > 0) - (offset < 0), modifier=word, part_of_day=part,
                  possessive=bool(g.get("poss")))]


def _rel_unit(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    mod, unit = g["mod"].lower(), g["unit"].lower()
    if unit == "night":  # "last night": the night before publication
        if mod != "last":
            return []
        return [Timex("relative", start, end, amount=1, unit="day", direction=-1,
                      modifier="yesterday", part_of_day="night")]
    if unit in ("morning", "afternoon", "evening"):
        if mod != "this":
            return []
        return [Timex("relative", start, end, amount=0, unit="day", modifier="this",
                      part_of_day=unit)]
    if unit in lx.SEASONS:
        return [Timex("season", start, end, modifier=mod, season=unit)]
    direction = _DIRECTION[mod]
    if mod in ("past", "coming") and unit != "weekend":
        # "the past year", "the coming months": a stretch of time ending/starting now
        return [Timex("duration", start, end, amount=1, unit=unit, modifier=mod)]
    return [Timex("relative", start, end, amount=abs(direction), unit=unit,
                  direction=direction, modifier=mod)]


def _season_rel_year(name: str, m: re.Match[str]) -> list[Timex]:
    season = m["season"].lower()
    return [Timex("season", m.start(), m.end(), season=lx.SEASON_ALIASES.get(season, season),
                  modifier=m["which"].lower(), relative_to="year",
                  direction=_DIRECTION[m["which"].lower()])]


def _ago_this(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    return [Timex("relative", m.start(), m.end(), amount=_amount_of(g), unit=_unit(g["unit"]),
                  direction=-1, modifier="ago",
                  relative_to="day" if g.get("today") else g["unit2"].lower())]


def _rel_in(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    mod = g["mod"].lower()
    mod = {"late": "later", "early": "earlier"}.get(mod, mod)
    t = Timex("relative", start, end, amount=0, unit=g["unit"].lower(), modifier=mod)
    which = m.group(0).lower().split()[1]
    t.direction = {"last": -1, "next": 1}.get(which, 0)
    return [t]


def _offset(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    d = g["dir"].lower()
    direction = -1 if d in ("ago", "earlier", "before", "previously", "prior") else 1
    kind = "relative" if d in ("ago", "from now") else "anchored"
    if d == "since":  # "two years since the fire": a duration
        return [Timex("duration", start, m.end("unit"), amount=_amount_of(g),
                      unit=_unit(g["unit"]))]
    t = Timex(kind, start, end, amount=_amount_of(g), unit=_unit(g["unit"]),
              direction=direction, modifier=d)
    if g.get("approx"):
        t.approx = " ".join(g["approx"].lower().split())
    return [t]


def _anchored(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    mod = (g.get("mod") or g.get("dir") or "").lower()
    direction = -1 if mod in ("previous", "preceding", "before") else \
        0 if mod == "same" else 1
    unit = g["unit"].lower()
    part = unit if unit in ("morning", "afternoon", "evening", "night") else None
    return [Timex("anchored", start, end, amount=abs(direction),
                  unit="day" if part else unit, direction=direction, modifier=mod,
                  part_of_day=part)]


def _duration(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if _AGE_AFTER.match(m.string, end):
        return []  # an age, not a duration
    amount_start = m.start("lead") if g.get("lead") else \
        m.start("approx") if g.get("approx") else m.start("amount")
    if g["amount"].lower() in ("a", "an") and (
            _unit(g["unit"]) in ("second", "minute") or g["unit"].lower().endswith("s")):
        return []  # "a second summit", "a minute's silence", "a decades-long feud"
    if g["amount"].lower() in ("a", "an") and not g.get("approx") and not g.get("lead") \
            and _is_rate(m.string, start):
        # "twice a week", "$500 million a year", "two a month": a rate, not a stretch
        return [Timex("set", start, end, unit=_unit(g["unit"]), modifier="rate")]
    if _EVERY_BEFORE.search(m.string, max(0, start - 8), start):
        # "every eight minutes", "each two years": a frequency, not a stretch
        return [Timex("set", start, end, unit=_unit(g["unit"]), modifier="every")]
    t = Timex("duration", amount_start, end, amount=_amount_of(g), unit=_unit(g["unit"]),
              amount_span=m.span("amount"), unit_span=m.span("unit"))
    if t.unit == "fortnight":
        t.unit, t.amount = "week", (t.amount or 1) * 2
    if g.get("approx"):
        t.approx = " ".join(g["approx"].lower().split())
    t.vague = t.amount is None
    return [t]


def _duration_range(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if _AGE_AFTER.match(m.string, end) or g["amount"].lower() in ("a", "an"):
        return []
    unit = _unit(g["unit"])
    first = Timex("duration", start, m.end("a1"), amount=_amount(g["a1"]), unit=unit,
                  range_start=True)
    second = Timex("duration", m.start("amount"), end, amount=_amount_of(g), unit=unit,
                   range_end=True)
    return [first, second]


def _past_unit(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("duration", start, end, amount=1, unit=_unit(g["unit"]),
                  modifier=g["mod"].lower())]


def _vague_duration(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    end = m.end()
    return [Timex("duration", m.start("core"), end, amount=None, unit=_unit(g["unit"]),
                  vague=True)]


def _vague_span(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    unit = g.get("unit") or g.get("unit2") or g.get("unit3")
    return [Timex("duration", start, end, amount=None, unit=_unit(unit),
                  vague=True)]


def _half(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    year = int(g["year"]) if g.get("year") else None
    which = (g.get("this") or "").lower()
    t = Timex("half", start, end, amount=ordinal(g["ord"]), year=year,
              direction=_DIRECTION.get(which, 0))
    return [t]


def _decade_short(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    first = Timex("decade", start, m.end("dd") + 1, year=_century_guess(g["dd"]),
                  modifier=g.get("mod"))
    if not g.get("dd2"):
        return [first]
    second_start = m.start("dd2") - (m.string[m.start("dd2") - 1] in "'’")
    return [first, Timex("decade", second_start, end, year=_century_guess(g["dd2"]))]


def _year_short(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("year", start, end, year=_century_guess(g["yy"]), )]


def _year_mod(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("year", start, end, year=int(g["year"]), modifier=g["mod"].lower())]


def _iso(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    t = Timex("date", start, end, day=int(g["day"]), month=int(g["mon"]),
              year=int(g["year"]))
    t.date_span = (m.start("year"), end)
    if g.get("wd"):
        t.weekday, t.weekday_span = _weekday(g["wd"]), m.span("wd")
    return [t]


def _slash(name: str, m: re.Match[str]) -> list[Timex]:
    """24/03 · 31/10/2014 · 10-31-2014 · 31.04.2022: a number that cannot be a month is the
    day; dots put the day first; otherwise the order is the copy's (see `_numeric_order`)."""
    g = m.groupdict()
    start, end = m.start(), m.end()
    a, b = int(g["a"]), int(g["b"])
    year = None if not g.get("y") else int(g["y"]) if len(g["y"]) == 4 else \
        _century_guess(g["y"])
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
        return []
    date_start = m.start("a")
    if name == "dotted" or a > 12 or a == b:
        t = Timex("date", start, end, day=a, month=b, year=year, order="dm")
    elif b > 12:
        t = Timex("date", start, end, day=b, month=a, year=year, order="md")
    else:  # 7/8/07: 7 August or July 8; the copy may say which
        t = Timex("numeric", start, end, year=year, parts=(a, b))
    if a == b:
        t.order = None
    t.date_span = (date_start, end)
    if g.get("wd"):
        t.weekday, t.weekday_span = _weekday(g["wd"]), m.span("wd")
    return [t]


def _numeric_order(chosen: list[Timex]) -> None:
    """Day and month of a numeric date whose numbers could be either, from the way the copy
    writes its other dates ("10 March", "24/03" put the day first; "March 10", "10/31" the
    month): only when the copy is consistent; otherwise the date stays open."""
    orders = {t.order for t in chosen if t.order}
    if len(orders) != 1:
        return
    (order,) = orders
    for t in chosen:
        if t.kind == "numeric" and t.parts:
            a, b = t.parts
            t.kind = "date"
            t.day, t.month = (a, b) if order == "dm" else (b, a)


def _weekend(name: str, m: re.Match[str]) -> list[Timex]:
    start, end = m.start(), m.end()
    return [Timex("weekend", start, end, unit="weekend")]


def _unit_end(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("part", start, end, unit=g["unit"].lower(), modifier="end")]


def _part_of(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("part", start, end, unit=g["unit"].lower(), modifier=g["part"].lower())]


def _the_day(name: str, m: re.Match[str]) -> list[Timex]:
    end = m.end()
    return [Timex("anchored", m.start("core"), end, amount=0, unit="day", direction=0,
                  modifier="the day")]


def _holiday(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    key = " ".join(g["name"].lower().replace("’", "'").split())
    return [Timex("holiday", start, end, year=int(g["year"]) if g.get("year") else None,
                  holiday=key)]


def _set_adj(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    unit = {"annual": "year", "annually": "year", "yearly": "year", "monthly": "month",
            "weekly": "week", "daily": "day", "hourly": "hour"}[g["word"]]
    return [Timex("set", start, end, unit=unit, modifier=g["word"])]


def _time(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    h = int(g["h"])
    ap = (g.get("ap") or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if name == "time" and not ap and not g.get("tz") and ":" not in m.group(0):
        return []
    t = Timex("time", start, end, hour=h, minute=int(g["m"] or 0))
    if (g.get("tz") or "") in ("GMT", "UTC"):
        t.utc = True
    return [t]


def _time_mil(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("time", start, end, hour=int(g["h"]), minute=int(g["m"]),
                  utc=True)]


def _time_word(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    word = g["word"].lower()
    return [Timex("time", start, end, hour=0 if word == "midnight" else 12, minute=0,
                  modifier=word)]


def _season_poss(name: str, m: re.Match[str]) -> list[Timex]:
    """"their autumn meetings": this year's, placed by tense."""
    return [Timex("season", m.start(), m.end(), modifier="the",
                  season=m.group("season").lower())]


def _season(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    mod = (g.get("mod") or "").lower()
    if mod in ("the", "in the", "in", "during the") and not g.get("year"):
        mod = "the"
    season = g["season"].lower()
    s = start if mod not in ("the", "in the", "in", "during the") else m.start("season")
    return [Timex("season", s, end, year=int(g["year"]) if g.get("year") else None,
                  modifier=mod or None, season="autumn" if season == "fall" else season)]


def _quarter(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    q = int(g["q"]) if g.get("q") else ordinal(g["ord"])
    year = int(g["year"]) if g.get("year") else None
    which = (g.get("which") or "").lower()
    if q < 0 and year is None and not which:  # "the last quarter": the one before this
        return [Timex("relative", start, end, amount=1, unit="quarter", direction=-1,
                      modifier="last")]
    t = Timex("quarter", start, end, amount=4 if q < 0 else q, year=year)
    if which:  # "the first quarter of last year"
        t.direction, t.relative_to = _DIRECTION[which], "year"
    return [t]


def _decade(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("decade", start, end, year=int(g["decade"]), modifier=g.get("mod"))]


def _century(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("century", start, end, amount=int(g["cent"]))]


def _year(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    return [Timex("year", start, end, year=int(g["year"]))]


def _ref(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    word = " ".join(g["word"].lower().split())
    ref = ("PRESENT_REF" if word in ("now", "currently", "at present", "nowadays",
                                      "these days", "at the moment", "the time being")
           else "FUTURE_REF" if word.startswith(("soon", "in the future", "in the coming"))
           or word.endswith(" term")
           else "PAST_REF")
    return [Timex("ref", start, end, ref=ref, modifier=word)]


def _set(name: str, m: re.Match[str]) -> list[Timex]:
    g = m.groupdict()
    start, end = m.start(), m.end()
    t = Timex("set", start, end, unit=(g.get("unit") or "").lower() or None,
              modifier=g["word"].lower())
    if g.get("wd"):
        t.weekday = _weekday(g["wd"])
    return [t]


# ---------------------------------------------------------------- the patterns, each with its builder

PATTERNS: tuple[Pattern, ...] = (
    # Thursday, 29 May 2024 · 31st of November · 4 September · Friday 13 September 2023
    # Sunday's 14 October · Wed 3 July
    Pattern("dmy", rf"(?:{_WD_BEFORE}(?:the[^\S\n]+)?)?(?P<day>{_DAY})(?:\s+of)?\s+"
            rf"(?P<mon>{_MON})(?![a-z])(?:,?\s+(?P<year>{_YEAR})(?!\d))?", _dmy),
    # Tuesday, March 14 · June 12, 2024 · Nov. 8 · the May 8 final · Sat, Jan 19
    Pattern("mdy", rf"(?:{_WD_BEFORE})?(?P<mon>{_MON})\s+(?P<day>{_DAY})(?![\d:,.]\d)(?!\d)"
            rf"(?:,?\s+(?P<year>{_YEAR})(?!\d))?", _dmy),
    # from 3 to 10 June · 4-12 September · Saturday 14 and Sunday 15 June · Mon 3 to Fri 7
    # June (two dates: the first borrows the month; each keeps its own weekday)
    Pattern("dd-range", rf"(?:(?P<wd1>{_WD_DATE}),?[^\S\n]+)?(?P<day1>[0-3]?\d(?:st|nd|rd|th)?)\s*"
                 rf"(?:-|–|to|until|till|and|through)\s*(?:(?P<wd>{_WD_DATE}),?[^\S\n]+)?"
                 rf"(?P<day>{_DAY})\s+(?P<mon>{_MON})(?![a-z])(?:,?\s+(?P<year>{_YEAR})(?!\d))?",
            _day_range),
    # Sept. 16-17 · Sat. and Sun., Aug. 9-10 (a weekday for each day, in order) · from
    # January 1 to 15, 2016 (not "May 1 to 10 June": that second day has its own month)
    Pattern("md-range", rf"(?:(?P<wd1>{_WD_DATE}),?\s+(?:and|&|to|-|–)\s+"
                 rf"(?P<wd>{_WD_DATE}),?[^\S\n]+)?"
                 rf"(?P<mon>{_MON})\s+(?P<day1>[0-3]?\d)(?:\s*[-–]\s*|[^\S\n]+(?:to|until|till|"
                 rf"through)[^\S\n]+(?=[0-3]?\d(?![\d:.]|\s*(?:{_MON})(?![a-z])|\s*(?:%|per|[ap]\.?m)"
                 rf")))(?P<day>[0-3]?\d)(?![\d:.,]\d|\d)"
                 rf"(?:,?\s+(?P<year>{_YEAR})(?!\d))?", _day_range),
    # Thursday the 6th: a day of a month the copy leaves to the reader, with its weekday
    Pattern("wd-day", rf"(?P<wd>{_WD_DATE})[^\S\n]+the[^\S\n]+"
                 r"(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
                 r"(?![\w-])(?!\s+of\b)", _wd_day),
    # the thirty-first of April · Tuesday, the fourteenth of June
    Pattern("spelled", rf"(?:{_WD_BEFORE})?(?i:the)\s+(?P<ord>[A-Za-z]+(?:-[a-z]+)?)\s+of\s+"
                rf"(?P<mon>{_MON})(?![a-z])(?:,?\s+(?P<year>{_YEAR})(?!\d))?", _spelled),
    # June 2018 · early March 2020
    Pattern("my", rf"(?:(?P<mod>early|mid|late|mid-)[\s-]?)?(?P<mon>{_MON})(?:\s+of)?,?\s+"
           rf"(?P<year>{_YEAR})(?!\d)", _my),
    # April of last year · June this year
    Pattern("m-rel-year", rf"(?:(?P<mod>early|mid|late)[\s-])?(?P<mon>{_MON_FULL})\s+(?:of\s+)?"
                   r"(?P<which>(?i:last|this|next))\s+year(?!\w)", _rel_month),
    # mid-July · early March · late May (the modifier makes the month a time)
    Pattern("m-mod", rf"(?P<mod>(?i:early|mid|late))(?:-|[^\S\n]+)(?P<mon>{_MON_FULL})(?![a-z])", _m_mod),
    # on the 5th · by the 19th: a day of a month the copy leaves to the reader
    Pattern("day-only", "(?=the\\s)" + _after(
        "on", "by", "until", "till", "since", "from", "before", "after", "On", "By", "Until",
        "Since", "From", "Before", "After") +
        r"the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?![\w-])"
        r"(?!\s+of\b|\s+(?!(?:and|or|but|at|in|when|to|until|for|with|after|before|it|he|"
        r"she|they|we|i|you|the|a|an|his|her|their|its|our|this|that|there)\b)[a-z])", _day_only),
    # in February · since May · early March
    Pattern("m", rf"(?=early|mid|late|[JFMASOND]){_MONTH_CONTEXT}(?:(?P<mod>early|mid|late)[\s-])?(?P<mon>{_MON_FULL}|"
          rf"Sept\.|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.)(?![a-z])", _m),
    # last September · next March · this June
    Pattern("rel-month", rf"(?i:(?P<rel>last|next|this|coming|past))\s+(?P<mon>{_MON_FULL})(?![a-z])", _rel_month),
    # Monday · last Monday · Wednesday's vote · Monday night
    Pattern("wd", rf"(?:(?P<edge>early|late)\s+)?(?:(?P<mod>(?i:last|next|this|coming|past|previous|following))\s+)?"
           rf"(?P<wd>{_WD_ALONE})(?P<poss>'s|’s)?{_PART}", _wd),
    # yesterday · today · tonight · tomorrow (morning)
    Pattern("day-word", r"(?i:(?:(?P<edge>earlier|later|early|late)\s+)?(?P<word>yesterday|today|tonight|"
                 r"tomorrow))(?P<poss>'s|’s)?"
                 r"(?:\s+(?P<part>morning|afternoon|evening|night))?", _day_word),
    # this week · last year · next month · this morning · last summer
    Pattern("rel-unit", r"(?<!the )(?<!The )(?i:(?P<mod>this|last|next|past|previous|coming|following)\s+"
                 r"(?P<unit>week|weekend|month|year|decade|century|quarter|morning|afternoon|"
                 r"evening|night|spring|summer|autumn|winter|season))(?!\w)(?!\s+of\b)", _rel_unit),
    # spring of last year · the autumn of next year
    Pattern("season-rel-year", r"(?i:(?P<season>spring|summer|autumn|winter|fall)\s+of\s+"
                        r"(?P<which>last|this|next)\s+year)(?!\w)", _season_rel_year),
    # the current quarter · the current year
    Pattern("current", r"(?i:the\s+current\s+(?P<unit>week|month|quarter|year|decade|century))(?!\w)", _current),
    # the 2013-14 season · the 2017-18 financial year · the current financial year (2016-17)
    Pattern("split-year", r"(?<![\d-])(?P<y1>(?:19|20)\d\d)[-–/](?P<y2>\d\d|(?:19|20)\d\d)"
                   r"(?![\d%–-])",
            _split_year),
    # the current financial year · next tax year · last academic year
    Pattern("rel-split", rf"(?i:(?:the\s+)?(?P<mod>current|this|last|next|previous|coming)\s+"
                  rf"(?P<noun>{_SPLIT_NOUNS}))(?!\w)", _rel_split),
    # fiscal 1990 · fiscal year 2024 · FY2023
    Pattern("fiscal", rf"(?:(?i:fiscal)(?:\s+(?i:year))?\s+(?P<year>{_YEAR})|FY\s?(?P<yy>{_YEAR}|\d\d))(?!\d)", _fiscal),
    # earlier this month · later this year · earlier in the week
    Pattern("rel-in", r"(?i:(?P<mod>earlier|later|late|early)\s+(?:this|that|in\s+the|last|next)\s+"
               r"(?P<unit>week|month|year|decade|season|day|century|morning|afternoon|evening))"
               r"(?!\w)", _rel_in),
    # twenty years ago this week · fifteen years ago this month: the same week or month,
    # so many years back (one expression: "this week" alone is not its time)
    Pattern("ago-this", rf"{_AMOUNT}[\s-]+{_UNIT}\s+(?i:ago)\s+"
                 r"(?:(?i:this)\s+(?P<unit2>(?i:week|month))|"
                 r"(?P<today>(?i:today)))(?!\w)", _ago_this),
    # two days later · a week earlier · six years ago · 35 years after
    Pattern("offset", rf"{_APPROX}{_AMOUNT}[\s-]+{_COUNT_ADJ}{_UNIT}\s+(?P<dir>(?i:ago|earlier|later|before|after|"
               r"previously|on(?=\s*[,.;:])|from\s+now|prior|since))(?!\w)", _offset),
    # the next day · the following week · the day before
    Pattern("anchored", r"(?i:the\s+(?P<mod>next|following|previous|preceding|same)\s+"
                 r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year))(?!\w)", _anchored),
    Pattern("anchored2", r"(?i:the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after))(?!\w)", _anchored),
    # 12-day · four days · a fortnight · two-week
    Pattern("duration", rf"(?P<lead>(?i:the\s+(?:past|last|next|coming|first|previous)\s+))?"
                 rf"{_APPROX}{_AMOUNT}[\s-]+{_COUNT_ADJ}{_UNIT}"
                 r"(?P<half2>\s+and\s+a\s+half)?(?P<long>-long)?(?![\w-])", _duration),
    # the past decade · the last year · the coming week: a stretch ending or starting now
    Pattern("past-unit", r"(?i:the\s+(?P<mod>past|last|coming)\s+(?P<unit>decade|year|month|week|"
                  r"fortnight|century))(?!\w)(?!\s+(?:of|and|or)\b)", _past_unit),
    # 60 to 90 days · two or three weeks · 5-7 years: two counts of one unit
    Pattern("duration-range", rf"(?P<a1>\d{{1,4}}|(?i:{_NUM_WORD}))\s*(?:-|–)?\s*(?:-|–|to|and|or)\s*"
                       rf"{_AMOUNT}[\s-]+{_COUNT_ADJ}{_UNIT}(?![\w-])", _duration_range),
    Pattern("fortnight", r"(?i:(?P<amount>a|one|two|three)\s+(?P<unit>fortnights?))(?!\w)", _duration),
    Pattern("vague-duration", r"(?i:(?P<pre>for|within|over|in|after)\s+(?:just\s+|only\s+|mere\s+)?"
                       r"(?P<core>(?:the\s+(?:past|last|next)\s+)?"
                       r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades)))(?!\w)", _vague_duration),
    # in recent years · over the years · decades-long
    Pattern("vague-span", r"(?i:(?P<core>recent\s+(?P<unit>years|months|weeks|decades)|"
                   r"(?<=over\s)the\s+(?P<unit2>years|decades)|"
                   r"(?P<unit3>years|months|decades|weeks)-long))(?!\w)", _vague_span),
    # 22:46 · 14:05 GMT · 6:12 PM EDT · 11am · 2 a.m.
    Pattern("time", r"(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))(?:\s?(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)))?"
             r"(?:\s+(?P<tz>GMT|BST|UTC|EDT|EST|CET|CEST|PDT|PST|CST|CDT|EAT|JST|local\s+time))?", _time),
    Pattern("time-ap", r"(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm))"
                r"(?![a-z])(?:\s+(?P<tz>GMT|BST|UTC|EDT|EST|local\s+time))?", _time),
    Pattern("time-word", r"(?i:(?P<word>noon|midday|midnight))", _time_word),
    # last spring · summer 2023 · in the autumn
    Pattern("season", rf"(?:(?P<mod>(?i:last|next|this|early|late|mid|in\s+the|the|in|during\s+the)))\s+"
               rf"(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?(?!\w)", _season),
    Pattern("season-poss", "(?=(?i:spring|summer|autumn|winter))" + _after(
        "their", "its", "his", "her", "our", "Their", "Its", "His", "Her", "Our") +
        r"(?P<season>(?i:spring|summer|autumn|winter))(?!\w)", _season_poss),
    Pattern("season-year", rf"(?:(?P<the>(?i:the))\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)"
                    rf"\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d)", _season),
    # the third quarter · Q3 2024
    Pattern("quarter", rf"(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last)[\s-]quarter)"
                rf"(?:\s+of\s+(?:(?P<year>{_YEAR})(?!\d)|(?i:(?P<which>this|the|last|next)\s+year)))?"
                r"(?!\w)", _quarter),
    Pattern("quarter-q", rf"Q(?P<q>[1-4])(?:\s+(?P<year>{_YEAR}))?(?!\w)", _quarter),
    Pattern("half-h", rf"H(?P<h>[12])(?:\s+(?P<year>{_YEAR}))?(?!\w)", _half_h),
    # the 1990s · the mid-1980s · 1950s-era
    Pattern("decade", r"(?:(?P<mod>early|mid|late)[\s-])?(?P<decade>1\d\d0|20\d0)s(?![a-z])", _decade),
    Pattern("century", r"(?:the\s+)?(?P<cent>1\d|20|21|[1-9])(?:st|nd|rd|th)[\s-]century", _century),
    # the first half of 2009 · the second half of the year (never a match's "first half")
    Pattern("half", rf"(?i:(?:the\s+)?(?P<ord>first|second)[\s-]half\s+of\s+)"
             rf"(?:(?P<year>{_YEAR})(?!\d)|(?i:(?P<this>this|the|last|next)\s+year)(?!\w))", _half),
    # the '80s · the 70s and 80s · ’90s
    Pattern("decade-short", r"(?:(?<=\bthe\s)(?:(?P<mod>early|mid|late)[\s-])?['’]?|['’])(?P<dd>\d0)s"
                     r"(?:\s+(?:and|or|to)\s+['’]?(?P<dd2>\d0)s)?(?![\w'’])", _decade_short),
    # since '82
    Pattern("year-short", "(?=['’])" + _after(
        "since", "in", "of", "from", "until", "till", "by", "to", "and", "through",
        "Since", "In", "From", "Until", "By") + r"['’](?P<yy>\d\d)(?![\w'’%])", _year_short),
    # mid-2011 · early 2009 · late 2010
    Pattern("year-mod", rf"(?P<mod>(?i:early|mid|late))[\s-](?P<year>{_YEAR})(?!\d|,\d|%|\.\d|-\d|[a-z])", _year_mod),
    # 2024-05-29 · 29/05/2024 · 7/8/07
    Pattern("iso", rf"(?:{_WD_BEFORE})?(?P<year>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-"
            rf"(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])", _iso),
    Pattern("slash", rf"(?:{_WD_BEFORE})?(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/"
            r"(?P<y>(?:19|20)\d\d|\d\d)"
            r"(?![\d/])", _slash),
    # 29-02-2019 · 10-31-2014: day and month in either order, a full year
    Pattern("dashed", rf"(?:{_WD_BEFORE})?(?<![\d-])(?P<a>[0-3]?\d)-(?P<b>[0-3]?\d)-"
            r"(?P<y>(?:19|20)\d\d)"
            r"(?![\d-])", _slash),
    # 31.04.2022: dotted dates put the day first
    Pattern("dotted", rf"(?:{_WD_BEFORE})?(?<![\d.])(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\."
            r"(?P<y>(?:19|20)\d\d)"
            r"(?!\d|\.\d)", _slash),
    # Thursday 24/03 · on 31/06 · until 3/01: no year; after a weekday or a word that
    # introduces a time (a bare "24/7" or "3/4" is a rate or a fraction)
    Pattern("slash-dm", rf"(?:(?:{_WD_BEFORE})|(?:" + "|".join(
        rf"(?<=\b{v}\s)" for w in lx.TIME_INTRODUCERS if w != "by" for v in (w, w.capitalize()))
        + r"))(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\d/]|\.\d|%|\s+of\b)", _slash),
    # 0800 UTC · 1430 GMT
    Pattern("time-mil", r"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?P<tz>GMT|UTC|Z)(?!\w)", _time_mil),
    # the weekend · over the weekend
    Pattern("weekend", r"(?<!\w)(?i:the\s+weekend)(?!\w)", _weekend),
    # the end of the year · the start of the week · the rest of the month
    # by year-end · at month's end
    Pattern("unit-end", r"(?i:(?P<unit>year|month|quarter)(?:-end|['’]s\s+end))(?![\w-])", _unit_end),
    Pattern("part-of", r"(?i:the\s+(?:very\s+)?(?P<part>beginning|start|end|middle|rest|remainder)\s+of\s+"
                r"the\s+(?P<unit>day|week|month|year))(?!\w)", _part_of),
    # ended the day · for the day: the trading day just told
    Pattern("the-day", "(?=[Tt]he)" + _after(
        "end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed",
        "for", "on") + r"(?P<core>(?i:the\s+day))(?!\w)(?!\s+(?:before|after|of|when|that)\b)", _the_day),
    # Christmas Day · New Year's Eve · Easter · Good Friday
    Pattern("holiday", rf"(?<!Orthodox\s)(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|"
                rf"Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Halloween|Boxing\s+Day|"
                rf"Valentine['’]s\s+Day)(?:,?\s+(?P<year>{_YEAR})(?!\d))?(?![\w-])"
                r"(?!\s+(?:Islands?|Agreement|Accords?|Rising|Uprising|Offensive)\b)", _holiday),
    # annual · weekly · daily (lower case: "the Daily Mail" is a name)
    Pattern("set-adj", r"(?P<word>annual|annually|yearly|monthly|weekly|daily|hourly)(?![\w-])", _set_adj),
    # years on their own: in 2011 · since 2015 · (1941–2024)
    Pattern("year", rf"(?<![\d,.£$€#/:-])(?P<year>{_YEAR})(?!\d|,\d|%|\.\d|-\d|[a-z])", _year),
    # now · currently · recently · soon ("once", "previously", "formerly" are not: "once
    # the vote is held" is a conjunction, and the adverbs name no time of their own)
    Pattern("ref", r"(?i:(?P<word>now|currently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|"
            r"recently|(?<!as\s)soon(?!\s+as\b|\s+after\b)|in\s+the\s+future|"
            r"in\s+the\s+past(?!\s+(?:[\w-]+\s+){0,2}(?:seconds?|minutes?|hours?|days?|nights?|"
            r"weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|"
            r"sessions?|seasons?)\b)|"
            r"in\s+the\s+coming\s+(?:days|weeks|months|years)|the\s+time\s+being|"
            r"the\s+(?:near|long|short|medium)\s+term|"
            r"the\s+past(?=\s*[,.;:!?)'\"”’]|\s+(?:and|or|but|when|as)\b)))(?!\w)", _ref),
    # every Monday · each year
    Pattern("set", rf"(?i:(?P<word>every|each))\s+(?:(?P<wd>{_WD_FULL})|(?P<unit>(?i:day|week|month|"
            r"year|morning|evening|night|weekend|summer|winter)))(?!\w)", _set),
)

# How much a pattern is trusted when two overlap with the same extent: lower wins.
_PRIORITY = {p.name: i for i, p in enumerate(PATTERNS)}


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Pattern, re.Pattern[str]], ...]:
    # Every expression starts with a word character or an apostrophe ('82): the lookahead
    # turns away spaces and punctuation before the costlier alternatives are tried.
    return tuple((p, re.compile(rf"(?<![\w])(?=[\w'’])(?:{p.regex})", re.UNICODE))
                 for p in PATTERNS)



_WEEKDAY_AFTER = re.compile(
    rf"\s*(?:\(\s*(?:an?\s+)?(?P<wd>{_WD_FULL}|{_WD_ABBR}\.?)\s*\)|,\s+(?:which\s+(?:is|was)\s+)?"
    rf"an?\s+(?P<wd2>{_WD_FULL})\b)")


def _attach_weekday_after(text: str, t: Timex) -> None:
    """29 June (a Saturday) · 4 January, a Saturday, … : a weekday stated after its date."""
    m = _WEEKDAY_AFTER.match(text, t.end)
    if not m:
        return
    key = "wd" if m.group("wd") else "wd2"
    t.weekday = _weekday(m.group(key))
    t.weekday_span = m.span(key)
    t.end = m.end()


_PART_OF = re.compile(r"\b[Tt]he\s+(?:very\s+)?(?:beginning|start|end|middle|rest|remainder|"
                      r"first\s+(?:half|week|days?)|last\s+(?:week|days?))\s+of\s+\Z")
_PART_OF_KINDS = {"date", "month", "year", "relative", "quarter", "season", "decade", "century"}


def _extend_part_of(text: str, t: Timex, taken_until: int) -> None:
    """"the end of this year", "the last week of March": the part belongs to the
    expression (TimeML keeps it inside the extent); the value stays the whole's."""
    if t.kind not in _PART_OF_KINDS:
        return
    m = _PART_OF.search(text, max(0, t.start - 40), t.start)
    if m and m.start() >= taken_until:
        t.start = m.start()


_OPEN_BRACKET = re.compile(r"[^\S\n]*\([^\S\n]*\Z")
_CLOSE_BRACKET = re.compile(r"[^\S\n]*\)")
def _weekday_owns(text: str, prev: Timex, t: Timex) -> bool:
    """"Tuesday (June 5)": the date in brackets is the weekday's own."""
    return (prev.kind == "weekday" and t.kind == "date" and t.weekday is None
            and not prev.possessive
            and _OPEN_BRACKET.match(text, prev.end, t.start) is not None
            and _CLOSE_BRACKET.match(text, t.end) is not None)


def _merge_bracketed_dates(text: str, chosen: list[Timex]) -> list[Timex]:
    """A weekday followed by its own date in brackets becomes one date with a weekday."""
    out: list[Timex] = []
    for t in chosen:
        prev = out[-1] if out else None
        if prev is not None and _weekday_owns(text, prev, t):
            t.weekday, t.weekday_span = prev.weekday, prev.weekday_span
            t.start, t.modifier = prev.start, prev.modifier
            out[-1] = t
            continue
        out.append(t)
    return out


def find_timexes(text: str) -> list[Written]:
    """Every temporal expression in the text, leftmost-longest, no two overlapping."""
    candidates: list[tuple[int, int, int, Pattern, re.Match[str]]] = []
    for pattern, rx in _compiled():
        for m in rx.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), -(m.end() - m.start()), _PRIORITY[pattern.name],
                                   pattern, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[Timex] = []
    taken_until = -1
    for start, _, _, pattern, m in candidates:
        name = pattern.name
        if start < taken_until:
            # "next Sunday, Sept. 15": the weekday pattern took "next Sunday"; the date
            # pattern's match starts at "Sunday" and carries the date: join the two
            # and keep its "next": the date carries its own relative word
            prev = chosen[-1] if chosen else None
            if (prev is not None and prev.kind == "weekday" and m.groupdict().get("wd")
                    and prev.weekday_span == m.span("wd")):
                built = pattern.build(name, m)
                if built and built[0].kind in ("date", "day") and \
                        built[0].weekday_span == prev.weekday_span:
                    built[0].start = prev.start
                    built[0].modifier = prev.modifier
                    chosen[-1:] = built
                    taken_until = max(t.end for t in built)
            continue
        built = pattern.build(name, m)
        if not built:
            continue
        for t in built:
            if t.kind == "date" and t.weekday is None:
                _attach_weekday_after(text, t)
        _extend_part_of(text, built[0], taken_until)
        chosen.extend(built)
        taken_until = max(t.end for t in built)
    _numeric_order(chosen)
    return [t.written() for t in _merge_bracketed_dates(text, chosen)]

"""Document structure read before the parse: the head of the copy, line by line.

News copy opens with lines that are not sentences: the outlet and its section, a headline
and standfirst, a dateline, a byline, "Updated …" stamps. Each is its own unit. This module
says where the head ends, what role each head line plays, which line gives the publication
date, and where the spaCy pass must start a sentence (`unit_starts`), so that no header
line runs into the first sentence of the body and nothing links across them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from checker import lexicon as lx
from checker.facts.time import Kind, Written
from checker.model import Span
from checker.nlp.temporal import find_timexes

_HEAD_LINES = 12  # the head is the first few lines …
_HEAD_CHARS = 1200  # … and never longer than this
_LATE_LINES = 6  # lines of the body in which a dateline may still stand
_LINE_CHARS = 160  # a head line is short; a longer line is prose
_DATELINE_CHARS = 120  # a wire dateline opens its paragraph within this many characters
_DASH = re.compile(r"\s[—–-]+(?:\s|$)|\s?\(" + lx.alternation(lx.WIRE_AGENCIES) + r"\)\s*[—–-]*")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# a line or paragraph that ends as a sentence does: ". ", "?", "!" with closing quotes
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*\Z")
_BULLET = re.compile(r"\s*[*•·‣–-]\s")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# "JUNE 10, 2019", "18 JUN 2014": upper-case month and weekday names in header lines
_CAPS_CALENDAR = re.compile(r"\b(?:" + "|".join(sorted(
    (w.upper() for w in (*lx.MONTHS, *lx.WEEKDAYS) if len(w) >= 3), key=len, reverse=True))
    + r")\b")
# "Published 13.01.25", "Updated 02/03/24 10:15": numeric dates a stamp writes day first
# when the day cannot be a month, or with dots (the European order)
_NUMERIC_STAMP = re.compile(r"(?<![\d.:/])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)"
                            r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/]|\.\d)")


class LineRole(str, Enum):
    """What a line at the head of the copy is."""

    OUTLET = "outlet"  # the outlet, its section or a name line: "THE HINDU", "NEWS > UK"
    HEADLINE = "headline"  # headline or standfirst
    DATELINE = "dateline"  # place and date: "THIRUVANANTHAPURAM, JUNE 10, 2019 21:14 IST"
    STAMP = "stamp"  # "Updated / Thursday, 25 Feb 2016 14:32", "Published 13.01.25"
    BYLINE = "byline"  # "By Joanne Faulkner", "Special Correspondent"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class HeadLine:
    """One line of the head, its role and the dates read from it."""

    span: Span
    role: LineRole
    timexes: tuple[Written, ...] = ()


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date line found in the copy (its year may be missing: "NAIROBI (Jan. 8) —")."""

    timex: Written
    line: Span

    @property
    def span(self) -> Span:
        return Span(self.timex.start, self.timex.end)

    def date(self) -> dt.date | None:
        t = self.timex
        if t.year is None or t.month is None or t.day is None:
            return None
        try:
            return dt.date(t.year, t.month, t.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Structure:
    """The head of the copy and where its units begin."""

    head: tuple[HeadLine, ...]
    body_start: int
    # a wire dateline that opens the first paragraph: "SEOUL, Feb 20 (Reuters) -"
    lead_dateline: Span | None
    dateline: Dateline | None
    unit_starts: tuple[int, ...]  # character offsets where a sentence must begin

    @property
    def header_spans(self) -> tuple[Span, ...]:
        """Lines whose times are the copy's own stamps, never events of the story."""
        spans = [h.span for h in self.head if h.role in (LineRole.DATELINE, LineRole.STAMP)]
        if self.lead_dateline is not None:
            spans.append(self.lead_dateline)
        if self.dateline is not None and all(not s.overlaps(self.dateline.line)
                                             for s in spans):
            spans.append(self.dateline.line)
        return tuple(spans)


# ---------------------------------------------------------------- reading one line

def _fold_caps(line: str) -> str:
    """Upper-case month and weekday names written as names ("JUNE" → "June"), same length."""
    return _CAPS_CALENDAR.sub(lambda m: m.group(0).capitalize(), line)


def _numeric_stamp_dates(line: str) -> list[Written]:
    out = []
    for m in _NUMERIC_STAMP.finditer(line):
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        if m["sep"] == "/" and a <= 12:
            continue  # 02/03/24: the order is the writer's habit, not ours to guess
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if 1 <= b <= 12 and 1 <= a <= 31:
            out.append(Written(Kind.DATE, m.start(), m.end(), day=a, month=b, year=year,
                               date_span=(m.start(), m.end())))
    return out


def _line_timexes(line: str) -> list[Written]:
    found = find_timexes(_fold_caps(line))
    taken = [(t.start, t.end) for t in found]
    for t in _numeric_stamp_dates(line):
        if not any(s < t.end and t.start < e for s, e in taken):
            found.append(t)
    return sorted(found, key=lambda t: t.start)


def _words_outside(line: str, timexes: list[Written]) -> list[str]:
    rest = line
    for t in sorted(timexes, key=lambda t: t.start, reverse=True):
        rest = rest[:t.start] + " " + rest[t.end:]
    return _WORD.findall(rest)


def _looks_like_dateline(line: str, timexes: list[Written]) -> bool:
    """A short line made of a place, a byline and a date and time: every word but the date's
    is a name (capitalised) or one of the few words a dateline carries."""
    if len(line) > 120:
        return False
    words = _words_outside(line, timexes)
    if len(words) > 12:
        return False
    return all(w[0].isupper() or w.lower() in lx.DATELINE_WORDS for w in words)


def _full_dates(timexes: list[Written]) -> list[Written]:
    return [t for t in timexes if t.kind is Kind.DATE and t.day and t.month]


def _role(line: str, timexes: list[Written]) -> LineRole:
    words = _WORD.findall(line)
    first = words[0].lower().rstrip(":") if words else ""
    if first in lx.STAMP_WORDS or " ".join(words[:2]).lower().rstrip(":") in lx.STAMP_WORDS:
        return LineRole.STAMP
    dated = [t for t in timexes if t.kind in (Kind.DATE, Kind.TIME)]
    if dated and _looks_like_dateline(line, timexes):
        return LineRole.DATELINE
    if first in lx.BYLINE_WORDS or (len(words) <= 6 and any(
            w.lower() in lx.BYLINE_ROLES for w in words)):
        return LineRole.BYLINE
    lower = [w for w in words if not w[0].isupper() and w.lower() not in lx.DATELINE_WORDS]
    if not lower:
        return LineRole.OUTLET
    return LineRole.HEADLINE


# ---------------------------------------------------------------- the head

def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out, offset = [], start
    for line in text[start:end].splitlines(keepends=True):
        out.append((offset, line))
        offset += len(line)
    return out


def _is_prose(line: str) -> bool:
    """A line that reads as a sentence of the body rather than a header line."""
    stripped = line.strip()
    if len(stripped) > _LINE_CHARS:
        return True
    return _ENDS_SENTENCE.search(stripped) is not None and len(_WORD.findall(stripped)) >= 5


def _head_lines(text: str) -> tuple[list[tuple[int, str]], int]:
    """The head's lines (offset, text) and where the body begins.

    A head line is short and does not end as a sentence. Within one paragraph, a line counts
    as a head line only when it is clearly shorter than a long neighbour, so a hard-wrapped
    first paragraph is never cut into lines; a line that opens with a wire dateline and
    goes on ("SEOUL, Feb 20 (Reuters) - North Korea fired …") is the body."""
    head: list[tuple[int, str]] = []
    pos = len(text) - len(text.lstrip())
    while pos < len(text) and pos < _HEAD_CHARS and len(head) < _HEAD_LINES:
        brk = _PARAGRAPH_BREAK.search(text, pos)
        end = brk.start() if brk else len(text)
        lines = [(o, ln) for o, ln in _lines(text, pos, end) if ln.strip()]
        widest = max((len(ln.rstrip()) for _, ln in lines), default=0)
        for i, (offset, line) in enumerate(lines):
            # a hard-wrapped line is long and the next goes on with the sentence; a list of
            # bullets is not wrapped prose
            wrapped = (i < len(lines) - 1 and widest >= 50
                       and len(line.rstrip()) > 0.75 * widest
                       and not _BULLET.match(line) and not _BULLET.match(lines[i + 1][1]))
            if _is_prose(line) or _opens_with_dateline(line) or (
                    wrapped and not head_like(line)):
                return head, offset
            head.append((offset, line))
        pos = brk.end() if brk else len(text)
    return head, min(pos, len(text))


def _opens_with_dateline(line: str) -> bool:
    """"SEOUL, Feb 20 (Reuters) - North Korea fired …": a dateline and then prose (not
    "WINNIPEG FREE PRESS - PRINT EDITION", an outlet line)."""
    span, _ = _lead_dateline(line, 0)
    if span is None:
        return False
    words = _WORD.findall(line[span.end:])
    return len(words) >= 2 and any(w[0].islower() for w in words)


def head_like(line: str) -> bool:
    """A line that carries a stamp, a dateline or a byline whatever its length."""
    return _role(line.strip(), _line_timexes(line.strip())) in (
        LineRole.STAMP, LineRole.DATELINE, LineRole.BYLINE)


def _lead_dateline(text: str, start: int) -> tuple[Span | None, Written | None]:
    """"SEOUL, Feb 20 (Reuters) - North Korea fired …": the part of the first paragraph up
    to the dash, when it reads as a dateline; and its date, if it gives one. Without a date
    the place must be in capitals or an agency named ("PARIS -", "Paris (AFP) -"): "John
    Smith - the mayor - said" opens no dateline."""
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)]
    timexes = _line_timexes(line[:_DATELINE_CHARS])
    for cut in _DASH.finditer(line, 0, _DATELINE_CHARS):
        head = line[:cut.end()]
        kept = [t for t in timexes if t.end <= cut.start() + 1]
        words = _words_outside(head, kept)
        agency = "(" in cut.group(0)
        if not words or not (kept or agency or all(w.isupper() for w in words)):
            continue
        if _looks_like_dateline(head, kept):
            found = _full_dates(kept)
            return Span(start, start + len(head.rstrip())), \
                found[0].moved(start) if found else None
    return None, None


def _late_dateline(text: str, body_start: int) -> Dateline | None:
    """A dateline or stamp among the first few lines of the body ("By Imogen Hartley · 14
    September 2020" below a standfirst)."""
    seen = 0
    for offset, line in _lines(text, body_start, min(len(text), body_start + _HEAD_CHARS)):
        content = line.strip()
        if not content:
            continue
        seen += 1
        if seen > _LATE_LINES:
            break
        timexes = _line_timexes(content)
        dates = [t for t in _full_dates(timexes) if t.year is not None]
        if dates and _role(content, timexes) in (LineRole.DATELINE, LineRole.STAMP):
            lead = len(line) - len(line.lstrip())
            return Dateline(dates[0].moved(offset + lead),
                            Span(offset + lead, offset + lead + len(content)))
    return None


@lru_cache(maxsize=64)
def read_structure(text: str) -> Structure:
    """The head of the copy, its dateline, and where the spaCy pass must start sentences."""
    lines, body_start = _head_lines(text)
    head = []
    for offset, line in lines:
        stripped = line.rstrip("\r\n")
        lead = len(stripped) - len(stripped.lstrip())
        content = stripped.strip()
        timexes = tuple(t.moved(offset + lead) for t in _line_timexes(content))
        span = Span(offset + lead, offset + lead + len(content))
        head.append(HeadLine(span, _role(content, [t.moved(-(offset + lead)) for t in timexes]),
                             timexes))
    lead_span, lead_date = _lead_dateline(text, body_start) if body_start < len(text) \
        else (None, None)
    dateline = None
    for h in head:
        dates = _full_dates(list(h.timexes))
        if h.role in (LineRole.DATELINE, LineRole.STAMP) and dates:
            dateline = Dateline(dates[0], h.span)
            break
    if dateline is None and lead_date is not None and lead_span is not None:
        dateline = Dateline(lead_date, lead_span)
    late = None
    if dateline is None:
        late = _late_dateline(text, body_start)
        dateline = late
    starts = [h.span.start for h in head[1:]] + ([body_start] if head else [])
    if late is not None:  # its own unit, wherever it stands
        starts += [late.line.start, late.line.end]
    if lead_span is not None:
        after = lead_span.end + len(text[lead_span.end:]) - len(text[lead_span.end:].lstrip())
        starts.append(after)
    starts.extend(m.end() for m in _PARAGRAPH_BREAK.finditer(text, body_start))
    return Structure(tuple(head), body_start, lead_span, dateline,
                     tuple(sorted(s for s in set(starts) if 0 < s < len(text))))


def find_dateline(text: str) -> Dateline | None:
    """The line near the top that gives the copy's date, if any: a dateline or a stamp in
    the head, or a wire dateline that opens the first paragraph."""
    return read_structure(text).dateline


def unit_starts(text: str) -> tuple[int, ...]:
    """Character offsets where a new sentence must begin: each head line, the body, the
    text after a wire dateline, and every paragraph."""
    return read_structure(text).unit_starts

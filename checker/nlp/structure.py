"""Document structure read before the parse: which line of the head is the dateline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker import lexicon as lx
from checker.model import Span
from checker.facts.time import Written
from checker.nlp.temporal import find_timexes

_HEAD_LINES = 6  # a dateline sits in the first few lines, above or just below the headline
_HEAD_CHARS = 800
_DASH = re.compile(r"\s[—–-]+(?:\s|$)|\s?\(" + lx.alternation(lx.WIRE_AGENCIES) + r"\)\s*[—–-]*")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


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


def _looks_like_dateline(line: str, timexes: list[Written], offset: int) -> bool:
    if len(line) > 120:
        return False
    rest = line
    for t in sorted(timexes, key=lambda t: t.start, reverse=True):
        rest = rest[: t.start - offset] + " " + rest[t.end - offset:]
    words = _WORD.findall(rest)
    if len(words) > 12:
        return False
    return all(w[0].isupper() or w.lower() in lx.DATELINE_WORDS for w in words)


def find_dateline(text: str) -> Dateline | None:
    """The first short line near the top made of a place, a byline and a date, if any."""
    offset = 0
    seen = 0
    for line in text[:_HEAD_CHARS].splitlines(keepends=True):
        stripped = line.strip()
        start = offset
        offset += len(line)
        if not stripped:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        timexes = [t.moved(start) for t in find_timexes(line) if t.kind in ("date", "time")]
        dates = [t for t in timexes if t.kind == "date" and t.day and t.month]
        if not dates:
            continue
        # Wire style puts the dateline and the first sentence on one line:
        # "LONDON, March 3, 2024 — The minister said …". Judge only the part up to the dash.
        cut = _DASH.search(line, dates[0].end - start)
        head = line[: cut.end()] if cut else line
        kept = [t for t in timexes if t.end - start <= len(head)]
        if _looks_like_dateline(head, kept, start):
            return Dateline(dates[0], Span(start, start + len(head.rstrip("\r\n"))))
    return None

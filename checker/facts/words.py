"""Plain words for messages: what a rule says to an editor about a date, a moment and how
it was worked out. Rules build their messages from these, so that every message names a
day the same way ("Thursday 30 May 2024") and never uses the parser's vocabulary.

    day(dt.date(2024, 5, 30))                  'Thursday 30 May 2024'
    moment(Moment.month(2018, 6))              'June 2018'
    how_placed(mention, publication)           'year taken from the dateline', or None
                                               when the copy states the date outright
    dated(text, mention, publication)          "'leaving on Thursday' (Thursday 30 May 2024,
                                               the Thursday after publication)"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker.facts.time import Grain, How, Kind, Mention, Moment, month_name, weekday_name
from checker.model import Dated, PublicationDate

# where the publication date came from, as the editor knows it (PublicationDate.source)
_SOURCE = {
    "dateline": "the dateline",
    "option": "the publication date given",
    "front-matter": "the front matter's date",
    "html-meta": "the page's publication date",
    "html-time": "the page's publication date",
}
_ORDINALS = ("first", "second", "third", "fourth")
# trimmed from the ends of a quote; apostrophes are kept ('80s, Jones')
_PUNCTUATION = " \t\r\n,;:.!?()[]\"“”–—-"
_NEAR_VERB = 40  # characters: farther than this, the verb is not part of the phrase


def day(d: dt.date) -> str:
    """A day with its weekday: 'Thursday 30 May 2024'."""
    return f"{weekday_name(d.weekday())} {d.day} {month_name(d.month)} {d.year}"


def days(first: dt.date, last: dt.date) -> str:
    """A stretch of days: 'Monday 3 to Thursday 6 June 2024', the shared parts said once."""
    if first == last:
        return day(first)
    if first.year != last.year:
        return f"{day(first)} to {day(last)}"
    head = f"{weekday_name(first.weekday())} {first.day}"
    if first.month != last.month:
        head += f" {month_name(first.month)}"
    return f"{head} to {day(last)}"


def moment(m: Moment) -> str:
    """A resolved moment at its own grain: a day with its weekday, a month, a quarter ..."""
    first, last = m.first, m.last
    if m.grain is Grain.TIME or (m.grain is Grain.DAY and first == last):
        when = days(first, last)
        if m.hour is not None:
            return f"{when}, {m.hour:02d}:{m.minute or 0:02d}"
        return f"the {m.label} of {when}" if m.label else when
    if m.grain in (Grain.DAY, Grain.WEEKEND):
        return days(first, last)
    if m.grain is Grain.WEEK:
        return f"the week of {day(first)}"
    if m.grain is Grain.MONTH:
        if (first.year, first.month) == (last.year, last.month):
            return f"{month_name(first.month)} {first.year}"
        return _months(first, last)
    if m.grain is Grain.SEASON:
        return f"{m.label} {first.year}" if m.label else _months(first, last)
    if m.grain is Grain.QUARTER:
        return f"the {_ORDINALS[(first.month - 1) // 3]} quarter of {first.year}"
    if m.grain is Grain.HALF:
        return f"the {_ORDINALS[(first.month - 1) // 6]} half of {first.year}"
    if m.grain is Grain.YEAR:
        return str(first.year) if first.year == last.year else f"{first.year} to {last.year}"
    if m.grain is Grain.DECADE:
        return f"the {first.year // 10 * 10}s"
    if m.grain is Grain.CENTURY:
        return f"the {ordinal((first.year + last.year) // 2 // 100 + 1)} century"
    return days(first, last)


def _months(first: dt.date, last: dt.date) -> str:
    if first.year == last.year:
        return f"{month_name(first.month)} to {month_name(last.month)} {last.year}"
    return f"{month_name(first.month)} {first.year} to {month_name(last.month)} {last.year}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plural(n: float, unit: str) -> str:
    """'1 day', '4 days', '2.5 years'."""
    shown = int(n) if n == int(n) else n
    return f"{shown} {unit}{'' if n == 1 else 's'}"


def source(publication: PublicationDate | None) -> str:
    """Where the publication date came from: 'the dateline', 'the page's publication date'."""
    if publication is None:
        return "the publication date"
    return _SOURCE.get(publication.source, "the publication date")


def how_placed(mention: Mention, publication: PublicationDate | None = None,
               mentions: Sequence[Mention] = ()) -> str | None:
    """How a mention's date was worked out, in plain words; None when the copy states it
    (say how only when it was inferred). `mentions` (the article's, by id) lets an offset
    name the date it counts from."""
    how, value = mention.how, mention.value
    if how is How.STATED:
        return None
    if how is How.YEAR_FROM_PUBLICATION:
        return f"year taken from {source(publication)}"
    if how is How.MONTH_FROM_PUBLICATION:
        return f"month and year taken from {source(publication)}"
    if how is How.YEAR_FROM_CONTEXT:
        return "year taken from a date nearby"
    if how is How.WEEKDAY_BY_TENSE:
        if value is None or publication is None:
            return "the nearest such weekday to publication"
        name = weekday_name(value.first.weekday())
        if value.first == publication.date:
            return "the day of publication"
        side = "before" if value.first < publication.date else "after"
        return f"the {name} {side} publication"
    if how is How.RELATIVE_TO_PUBLICATION:
        return f"counted from {source(publication)}"
    if how is How.RELATIVE_TO_EVENT:
        anchor = mention.anchor
        if anchor is not None and 0 <= anchor < len(mentions):
            return f"counted from {quote(mentions[anchor].text)}"
        return "counted from another date in the story"
    return "not placed on the calendar"


def quote(words: str) -> str:
    """The words as written, in quotes, without the spaces and punctuation at their ends:
    ', 45' is quoted as '45'."""
    trimmed = words.strip(_PUNCTUATION) or words.strip()
    return f"'{' '.join(trimmed.split())}'"


def phrase(text: str, mention: Mention) -> str:
    """The words an editor would look for: the mention with its verb when the verb comes
    just before it in the same clause ('leaving on Thursday'), else the mention alone."""
    start, end = mention.span.start, mention.span.end
    att = mention.attachment
    if att.verb_start is not None and start - _NEAR_VERB <= att.verb_start < start:
        gap = text[att.verb_start:start]
        between = gap.split()[1:]  # the words after the verb
        # "departed on", "arriving in China on": the verb, a few words, the preposition
        if not any(c in gap for c in ".;:!?,–—\n") and (
                not between or (len(between) <= 3 and between[-1].lower() == att.prep)):
            start = att.verb_start
    return " ".join(text[start:end].split())


def dated(text: str, mention: Mention, publication: PublicationDate | None = None,
          mentions: Sequence[Mention] = (), *, say_how: bool = True) -> str:
    """A mention as written with the date it resolves to, and how when that was inferred:
    "'leaving on Thursday' (Thursday 30 May 2024, the Thursday after publication)"."""
    words = quote(phrase(text, mention))
    if mention.value is None:
        return words
    how = how_placed(mention, publication, mentions) if say_how else None
    return f"{words} ({moment(mention.value)}{f', {how}' if how else ''})"


def timeline_entries(text: str, publication: PublicationDate | None,
                     mentions: Sequence[Mention]) -> list[Dated]:
    """The moments a drawn timeline shows, in plain words: every mention placed on the
    calendar, except lengths, times of day (their day is shown) and repeated times."""
    return [Dated(m.value.first, m.value.last, phrase(text, m), moment(m.value),
                  how_placed(m, publication, mentions) or "", m.value.is_day)
            for m in mentions
            if m.value is not None and m.kind not in (Kind.DURATION, Kind.TIME, Kind.SET)]


def with_day(written: str, old: int, new: int) -> str | None:
    """A date as written with its day of the month changed, in the copy's own style
    ("29 May 2024" → "30 May 2024", "May 29th" → "May 30th"); None when the day cannot be
    told apart in the words (it is not written as digits exactly once)."""
    hits = [i for i in range(len(written))
            if written.startswith(str(old), i)
            and (i == 0 or not written[i - 1].isdigit())
            and not written[i + len(str(old)):i + len(str(old)) + 1].isdigit()]
    if len(hits) != 1:
        return None
    at = hits[0]
    rest = written[at + len(str(old)):]
    suffix = next((s for s in ("st", "nd", "rd", "th") if rest.lower().startswith(s)), None)
    if suffix is not None:
        rest = ordinal_suffix(new) + rest[len(suffix):]
    return written[:at] + str(new) + rest


def ordinal_suffix(n: int) -> str:
    """'st', 'nd', 'rd' or 'th' for a day of the month."""
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")

"""Plain words for messages: what a rule says to an editor about a date, a moment and how
it was worked out. Rules build their messages from these, so that every message names a
day the same way ("Thursday 30 May 2024") and never uses the parser's vocabulary.

    day(dt.date(2024, 5, 30))                  'Thursday 30 May 2024'
    moment(Moment.month(2018, 6))              'June 2018'
    how_placed(mention, publication)           'year taken from the dateline', or None
                                               when the copy states the date outright
    dated(text, mention, publication)          "'leaving on Thursday' (Thursday 30 May 2024,
                                               the Thursday after publication)"

And the words a suggested fix puts in the copy, in the copy's own style:

    number_like(4, "three")                    'four' ('9' for '12', '36th' for '35th')
    count_like(4, "day", "three", "-", "day")  'four-day' ('four days' for "five days")
    relative_day(-1), relative_year(0)         'yesterday', 'this year'
    weekday_like(6, "Sat")                     'Sun' ('Sunday' for "Saturday")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker import lexicon as lx
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
        return written[:at] + ordinal(new) + rest[len(suffix):]
    return written[:at] + str(new) + rest


def spelled(n: int) -> str | None:
    """A number from one to ninety-nine in the lexicon's number words ('twenty-one'); None
    outside that."""
    words = lx.NUMBER_WORDS
    tens = {i: w for i, w in zip(range(20, 100, 10), words[19:27], strict=True)}
    if 1 <= n < 20:
        return words[n - 1]
    if 20 <= n < 100:
        return tens[n - n % 10] + (f"-{words[n % 10 - 1]}" if n % 10 else "")
    return None


def like(word: str, written: str) -> str:
    """A word capitalised as the words it replaces are ('Yesterday' for 'Today')."""
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def number_like(n: int, written: str) -> str | None:
    """`n` written as `written` writes its number: digits as digits ('12' → '9'), a
    numbered ordinal as one ('35th' → '36th'), a count in words in words ('three' →
    'four', 'Fifty-two' → 'Fifty-three', 'a' → 'two'); None when `n` has no such form
    here (an ordinal in words, a number past ninety-nine in words)."""
    if written.isdecimal():
        return str(n)
    if written[:-2].isdecimal() and written[-2:].lower() in ("st", "nd", "rd", "th"):
        return ordinal(n)
    if not written.replace("-", " ").replace(" ", "").isalpha():
        return None
    if written.lower().endswith(("th", "first", "second", "third")) and \
            written.lower() not in lx.VAGUE_AMOUNTS:
        return None  # "thirty-fifth": an ordinal in words
    words = spelled(n)
    return like(words, written) if words else None


def count_like(n: int, unit: str, amount: str, between: str, unit_written: str) -> str | None:
    """`n` units written as a count is written: the number as `amount` writes it, the
    words between kept, the unit singular after a hyphen ("a three-day visit" →
    'four-day') and as the count needs it otherwise ('four days', 'one day'); None when the
    unit is written in a way the lexicon does not spell (an abbreviation, "fortnight" for
    two weeks) or the number has no form in the copy's style."""
    forms = [w for w, u in lx.UNITS.items() if u == unit]
    if unit_written.lower() not in forms or n < 1:
        return None
    number = number_like(n, amount)
    if number is None:
        return None
    singular = "-" in between or n == 1
    word = unit if singular else next((w for w in forms if w != unit), None)
    if word is None:
        return None
    return f"{number}{between}{like(word, unit_written)}"


def relative_day(offset: int) -> str | None:
    """The word for the day `offset` days from publication: 'yesterday', 'today',
    'tomorrow'; None for any other day."""
    return next((w for w, d in lx.RELATIVE_DAYS.items() if d == offset), None)


def relative_year(offset: int) -> str | None:
    """The words for the year `offset` years from publication's: 'last year', 'this
    year', 'next year'; None for any other year."""
    return next((w for w, d in lx.RELATIVE_YEARS.items() if d == offset), None)


def article(word: str) -> str:
    """The indefinite article a word takes by its sound: 'an' before 'eight', '11' or
    '80-day', 'a' before 'one', 'nine' or '9'."""
    first = word.split("-")[0].lower()
    if first.isdecimal():
        return "an" if first.startswith("8") or first in ("11", "18") else "a"
    return "an" if first[:1] in ("a", "e", "i", "o", "u") and not first.startswith("one") \
        else "a"


def weekday_like(weekday: int, written: str) -> str:
    """A weekday's name written as the weekday it replaces: three letters for three, with
    its full stop ('Sat' → 'Sun', 'Sat.' → 'Sun.'), the whole name otherwise."""
    name = weekday_name(weekday)
    if len(written.rstrip(".")) == 3:
        return name[:3] + ("." if written.endswith(".") else "")
    return name

"""duration-mismatch: a stated length of time disagrees with its own endpoints.

## What it flags
"a three-day visit, arriving Monday and leaving Thursday" (four days); "closed for two
weeks, from 3 to 10 June" (eight days); "a 12-day strike" that "began on 4 September and
ended on 12 September" (nine days); "14 years on the bench, from 1991 until … 2011"; "a
48-hour stoppage from 4am on Thursday until 4am on Sunday" (72 hours); "an 18-month study
from January to December 2011"; "over the past decade, since 2017", told in 2024.
## Why it matters
The reader can count; one of the three numbers is wrong.
## Instead
Count the days inclusively, as newsrooms do (Monday to Thursday is four days), hours from
the start's time to the end's, and months from the start's month to the end's; correct the
length or the dates.
"""

import datetime as dt
from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, Kind, Mention, Moment, Stretch, words
from checker.model import Finding, Related, Severity, Span, Suggestion

_DAYS = {"month": 30.44, "year": 365.25, "decade": 3652.5, "century": 36525.0}
_SLACK = {"month": 1, "year": 0.5, "decade": 0.5, "century": 0.5}  # rounding, in units
_MONTHS = {"month": 1, "year": 12, "decade": 120, "century": 1200}
_HOURS = {"hour": 1.0, "minute": 1 / 60, "second": 1 / 3600}
_HOUR_SLACK = 0.25  # "a 90-minute meeting" from 2pm to 3.30pm, give or take


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month


def _days(a: Mention, b: Mention, first: Moment, last: Moment) -> tuple[int, int] | None:
    """Shortest and longest inclusive day counts from the start to the end."""
    if a.kind == b.kind == Kind.WEEKDAY and a.value is first and b.value is last:
        n = (b.weekday - a.weekday) % 7 + 1  # Monday to Thursday: four days, any week
        return n, n
    low = (last.first - first.last).days + 1
    high = (last.last - first.first).days + 1
    return (low, high) if high >= 1 else None


def _hours(first: Moment, last: Moment) -> tuple[float, float] | None:
    """Fewest and most hours from the start to the end, from their times of day or the
    parts of the day they name (the whole day when they name none)."""
    if not (first.is_day and last.is_day):
        return None
    base = (last.first - first.first).days * 24
    (s_lo, s_hi), (e_lo, e_hi) = first.hours(), last.hours()
    low, high = base + e_lo - s_hi, base + e_hi - s_lo
    return (max(low, 0.0), high) if high > 0 else None


def _months(first: Moment, last: Moment) -> tuple[int, int] | None:
    """Fewest and most months from a start to an end given as months or years: August 2018
    to August 2019 is twelve months, or thirteen counting both."""
    low = _month_index(last.first) - _month_index(first.last)
    high = _month_index(last.last) - _month_index(first.first) + 1
    return (low, high) if high >= 1 else None


def _count(amount: float, unit: str, first: Moment, last: Moment, a: Mention, b: Mention
           ) -> tuple[float, float, float, bool, str] | None:
    """(the length told, the fewest and the most the dates allow, in one scale; whether it
    fits only counted exclusively; what the dates give, in words), or None."""
    if unit in _HOURS:
        span = _hours(first, last)
        if span is None:
            return None
        low, high = span
        if unit == "minute":
            shown = f"{low * 60:g} minutes" if low == high else \
                f"{low * 60:g} to {high * 60:g} minutes"
        else:
            shown = f"{low:g} hours" if low == high else f"{low:g} to {high:g} hours"
        return amount * _HOURS[unit], low - _HOUR_SLACK, high + _HOUR_SLACK, False, shown
    if unit in _MONTHS and not (first.is_day and last.is_day):
        span = _months(first, last)
        if span is None:
            return None
        low, high = span
        size = _MONTHS[unit]
        if unit == "month":
            shown = f"{low} to {high} months"
        else:
            shown = f"{low / size:.0f}" if round(low / size) == round(high / size) else \
                f"{low / size:.0f} to {high / size:.0f}"
            shown += f" {unit}s"
        return amount * size, low - 1, high, False, \
            shown + ", counting the first and last in full or not"
    span = _days(a, b, first, last)
    if span is None:
        return None
    low, high = span
    if unit in ("day", "night", "week") and first.hours() != (0.0, 24.0) and \
            last.hours() != (0.0, 24.0) and (hours := _hours(first, last)) is not None:
        # "a three-day strike from 6am on Monday to 6am on Thursday": counted in hours
        told = amount * (168 if unit == "week" else 24)
        if hours[0] - 12 <= told <= hours[1] + 12:
            return told, told, told, False, ""
    shown = f"{low} days" if low == high else f"{low} to {high} days"
    shown += f" counted inclusively ({low - 1} exclusively)" if low == high else \
        " counted inclusively"
    if unit == "day":
        return amount, low, high, low - 1 <= amount <= high - 1, shown
    if unit == "night":
        return amount, low - 1, high - 1, False, shown
    if unit == "week":
        return amount * 7, low - 3, high + 2, False, shown
    if unit in _DAYS:
        size, slack = _DAYS[unit], _SLACK[unit]
        count = f"about {low / size:.0f}" if round(low / size) == round(high / size) \
            else f"{low / size:.0f} to {high / size:.0f}"
        return amount, low / size - slack, high / size + slack, False, f"{count} {unit}s"
    return None


def _exact(unit: str, first: Moment, last: Moment, a: Mention, b: Mention) -> int | None:
    """The one length in `unit` the endpoints give: whole days counted inclusively between
    two days, nights one fewer, weeks when those days (or the nights) make whole weeks,
    hours and minutes between two times of day. None when they allow more than one (a
    month, a year, a part of the day) or the unit is counted loosely (months, years)."""
    if unit in ("hour", "minute"):
        span = _hours(first, last)
        if span is None or span[0] != span[1]:
            return None
        n = span[0] * (60 if unit == "minute" else 1)
        return int(n) if n == int(n) else None
    if unit not in ("day", "night", "week") or not (first.is_day and last.is_day) or \
            first.hours() != (0.0, 24.0) or last.hours() != (0.0, 24.0):
        return None  # "from 6am on Monday to 6am on Thursday": days or hours, unsaid
    span = _days(a, b, first, last)
    if span is None or span[0] != span[1]:
        return None
    n = span[0]
    if unit == "day":
        return n
    if unit == "night":
        return n - 1
    return n // 7 if n % 7 == 0 else (n - 1) // 7 if (n - 1) % 7 == 0 else None


def _fix(facts: ArticleFacts, d: Mention, n: int) -> list[Suggestion]:
    """The count rewritten to `n` in the copy's style: "three-day" → "four-day", "for five
    days" → "for four days", "a 12-day" → "a 9-day" (and "a" → "an" where the number
    needs it)."""
    amount, unit = d.amount_span, d.unit_span
    if amount is None or unit is None or n < 1:
        return []
    text = words.count_like(n, d.written.unit, facts.words_at(amount),
                            facts.words_at(Span(amount.end, unit.start)), facts.words_at(unit))
    if text is None:
        return []
    span = Span(amount.start, unit.end)
    article = facts.article_before(span)
    if article is not None and words.article(text) != facts.words_at(article).lower():
        span = article.cover(span)
        text = f"{words.like(words.article(text), facts.words_at(article))} {text}"
    return [Suggestion(span, text, "the length its dates give")]


def _ends(facts: ArticleFacts, stretch: Stretch) -> tuple[Mention, Mention, Moment, Moment]:
    a, b = facts.mentions[stretch.start], facts.mentions[stretch.end]
    return a, b, stretch.first or a.value, stretch.last or b.value


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for stretch in facts.stretches:
        d = facts.mentions[stretch.duration]
        amount, unit = d.duration_days()
        a, b, first, last = _ends(facts, stretch)
        if first is None or last is None:
            continue
        counted = _count(amount, unit, first, last, a, b)
        if counted is None:
            continue
        told_length, low, high, exclusive, shown = counted
        if told_length <= high and (told_length >= low or stretch.open_end):
            continue  # after an open end only a stretch too long to fit is impossible
        if exclusive and stretch.until_publication:
            continue  # "ten days since 10 June", told on 20 June: counted from the day after
        told = "is too long for" if stretch.open_end else "does not match"
        to = f"the publication date ({facts.pub:%-d %B %Y})" if stretch.until_publication \
            else repr(facts.words(b))
        related = [Related(a.span, "starts here")]
        if not stretch.until_publication:
            related.append(Related(b.span, "ends here"))
        fits = None if stretch.open_end or stretch.until_publication or not d.exact or \
            amount != int(amount) else _exact(unit, first, last, a, b)
        yield RULE.finding(
            d.span,
            f"{facts.words(d)!r} {told} its dates: from {facts.words(a)!r} to {to} is "
            f"{shown}",
            related=related,
            hint="correct the length or the dates",
            suggestions=_fix(facts, d, fits) if fits is not None and fits != amount else [],
            severity=None if stretch.same_sentence and not exclusive
            and not stretch.until_publication else Severity.WARNING,
        )


RULE = Rule(
    id="duration-mismatch",
    severity=Severity.ERROR,
    title="Stated length disagrees with its dates",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("The two-day summit opens on Tuesday and closes on Thursday.",
                       date="2024-09-09"),
        Example.flags_("The road will be closed for two weeks, from 3 to 10 June.",
                       date="2024-05-28"),
        Example.flags_("She served 14 years on the bench, from 1991 until she retired in 2011."),
        Example.passes("He will spend four days in China, arriving on Monday and leaving on "
                       "Thursday.", date="2024-05-29"),
        Example.flags_("The gallery reopened on Saturday after a three-year refit that began "
                       "in October 2022.", date="2024-10-14"),
        Example.passes("The gallery reopened on Saturday after a two-year refit that began "
                       "in October 2022.", date="2024-10-14"),
        Example.flags_("She retired in 2011, ending a 12-year career that began in 1991."),
        Example.passes("The side won on Saturday after a three-week break that began in "
                       "August.", date="2024-10-14"),  # the break may have ended before
        Example.passes("She retired in 2011, ending a 20-year career that began in 1991."),
        Example.flags_("Rescuers spent three days searching, from Thursday to Friday.",
                       date="2024-10-21"),
        Example.passes("The three-day festival runs from 2 to 4 August.", date="2024-07-01"),
        Example.passes("The strike lasted about ten days, from 3 to 14 June.",
                       date="2024-07-01"),  # an approximate length is no claim to check
        Example.passes("The strike lasted 10 to 12 days, from 3 to 20 June.",
                       date="2024-07-01"),  # a range of lengths is no claim to check
        Example.flags_("Dockers will stage a 24-hour strike from 6am on Monday to 6am on "
                       "Wednesday.", date="2024-07-01"),
        Example.passes("Dockers will stage a 48-hour strike from 6am on Monday to 6am on "
                       "Wednesday.", date="2024-07-01"),
        Example.flags_("The nine-month review, which ran from March to May 2023, found no "
                       "fault.", date="2024-07-01"),
        Example.flags_("Volunteers have cleared the canal over the past decade, since 2019.",
                       date="2024-07-01"),
    ),
)

"""weekday-mismatch: a weekday that contradicts its own calendar date.

## What it flags
"Thursday, 29 May 2024" (29 May 2024 is a Wednesday); a weekday given with a date whose
year is left out, when no year near the publication date makes it right; "Thursday the
6th" when the 6th is no Thursday in the months around publication; a weekday for each day
of a range ("Sat. and Sun., Aug. 9-10"), told once for the range.
## Why it matters
One of the two is wrong and the reader cannot tell which.
## Instead
Check the calendar and correct whichever part is wrong.
"""

import datetime as dt
from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, How, Mention, weekday_name
from checker.facts.words import with_day
from checker.model import Finding, Related, Severity, Suggestion


def _wrong(mention: Mention) -> bool:
    return (mention.weekday is not None and mention.value is not None
            and mention.value.is_day and mention.value.first.weekday() != mention.weekday)


def _date_that_fits(facts: ArticleFacts, mention: Mention) -> Suggestion | None:
    """The nearest date in the same month that falls on the weekday as written, in the
    copy's style ("Thursday, 29 May 2024" → "30 May 2024"), when the day can be changed in
    the words alone."""
    stated = mention.value.first
    ahead = (mention.weekday - stated.weekday()) % 7
    fits = stated + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if fits.month != stated.month:
        return None
    span = mention.date_span
    text = with_day(facts.words_at(span), stated.day, fits.day)
    return Suggestion(span, text, "the date that fits the weekday") if text else None


def _and(words: list[str]) -> str:
    return " and ".join(words)


def check(facts: ArticleFacts) -> Iterator[Finding]:
    mentions = facts.mentions
    for mention in facts.of_kind("date", "day"):
        if not _wrong(mention):
            continue
        before = mentions[mention.id - 1] if mention.id > 0 else None
        if mention.written.range_end and before is not None and before.written.range_start \
                and _wrong(before):
            continue  # told with the range's first day
        after = mentions[mention.id + 1] if mention.id + 1 < len(mentions) else None
        group = [mention]
        if mention.written.range_start and after is not None and after.written.range_end \
                and _wrong(after):
            group.append(after)  # "Sat. and Sun., Aug. 9-10": one error, one finding
        inferred = mention.how is not How.STATED
        where = f" ({mention.how.value})" if inferred else ""
        days = [m.value.first for m in group]
        told = _and([f"a {weekday_name(m.weekday)}" for m in group])
        actual = _and([f"a {weekday_name(d.weekday())}" for d in days])
        said = f"{mention.value.describe()} is {actual}" if len(group) == 1 else \
            f"{_and([str(d.day) for d in days])} {days[-1]:%B %Y} are {actual}"
        span = mention.weekday_span or mention.span
        if len(group) > 1:
            span = span.cover(group[-1].weekday_span or group[-1].span)
        yield RULE.finding(
            span,
            f"{said}, not {told}{where}",
            related=[Related(m.date_span, "date stated here") for m in group],
            hint="check the calendar: either the weekday or the date is wrong",
            suggestions=[*(Suggestion(m.weekday_span or m.span,
                                      weekday_name(m.value.first.weekday()),
                                      "the weekday that fits the date") for m in group),
                         *(s for s in [_date_that_fits(facts, mention)] if len(group) == 1
                           and s is not None)],
            # a year we inferred is a guess about which year the writer meant
            severity=Severity.WARNING if inferred and mention.how is not How.YEAR_FROM_CONTEXT
            and abs((mention.value.first - facts.pub).days) > 90 else None,
        )


RULE = Rule(
    id="weekday-mismatch",
    severity=Severity.ERROR,
    title="Weekday does not match its date",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("It opened on Thursday, 29 May 2024."),
        Example.flags_("The vote is on Tuesday, March 14.", date="2024-03-04"),
        Example.flags_("Medals are presented on 29 June (a Saturday).", date="2025-05-30"),
        Example.flags_("The vote is on Tuesday (June 5).", date="2024-06-01"),
        Example.flags_("Kick-off is on Saturday 2024-06-09."),
        Example.passes("It opened on Wednesday, 29 May 2024."),
        Example.flags_("The Broncos host Pittsburgh next Sunday, Sept. 16.", date="2024-09-09"),
        Example.passes("The vote is on Wednesday (June 5).", date="2024-06-01"),
        Example.passes("Modi, 73, who was born in September 1950, will be sworn in on "
                       "Sunday, June 9.", date="2024-06-04"),  # 1950 is not June's year
        Example.passes("It opened on Thursday, 29 May."),  # no year, no dateline: cannot judge
        Example.passes("Services return on Thursday 2 January.", date="2024-12-27"),
        Example.flags_("The market returns Sat. and Sun., Oct. 5-6.", date="2025-09-20"),
        Example.passes("The market returns Sat. and Sun., Oct. 4-5.", date="2025-09-20"),
        Example.flags_("The pool reopens on Wed 3 July.", date="2025-06-20"),
        Example.flags_("The hall is booked for Friday the 12th.", date="2025-03-03"),
        Example.passes("The pipe burst on Tuesday, Dec. 30.", date="2015-01-05"),  # 2014
        Example.passes("The climbers set out on Monday 16 July 1973. They had tried once "
                       "before, on Friday 13 July.", date="2023-07-16"),  # the story's year
    ),
)

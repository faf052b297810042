"""weekday-mismatch: a weekday that contradicts its own calendar date.

## What it flags
"Thursday, 29 May 2024" (29 May 2024 is a Wednesday), and a weekday given with a date
whose year is left out, once the year is inferred from the publication date.
## Why it matters
One of the two is wrong and the reader cannot tell which.
## Instead
Check the calendar and correct whichever part is wrong.
"""

from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, How, weekday_name
from checker.model import Finding, Related, Severity, Suggestion


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for mention in facts.of_kind("date"):
        if mention.weekday is None or mention.value is None or not mention.value.is_day:
            continue
        actual = mention.value.first.weekday()
        if actual == mention.weekday:
            continue
        inferred = mention.how is not How.STATED
        where = f" ({mention.how.value})" if inferred else ""
        yield RULE.finding(
            mention.weekday_span or mention.span,
            f"{mention.value.describe()} is a {weekday_name(actual)}, "
            f"not a {weekday_name(mention.weekday)}{where}",
            related=[Related(mention.date_span, "date stated here")],
            hint="check the calendar: either the weekday or the date is wrong",
            suggestions=[Suggestion(mention.weekday_span or mention.span, weekday_name(actual),
                                    "the weekday that fits the date")],
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
    ),
)

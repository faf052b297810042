"""impossible-date: a calendar date that does not exist.

## What it flags
"31 April", "June 31", "the 31st of November", "29 February 2023".
## Why it matters
A date that cannot exist is a typo for some other date; the reader cannot tell which.
## Instead
Check the source for the intended day or month.
"""

from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, month_name
from checker.model import Finding, Severity


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for mention in facts.of_kind("date"):
        if not mention.impossible:
            continue
        t = mention.written
        month = month_name(t.month)
        if t.month == 2 and t.day == 29 and t.year is not None:
            why = f"{t.year} is not a leap year, so February has 28 days"
            severity = None
        elif t.month == 2 and t.day == 29:
            why = "no leap year lies near the publication date"
            severity = Severity.WARNING  # the year is ours, not the writer's
        else:
            days = {4: 30, 6: 30, 9: 30, 11: 30, 2: 29}.get(t.month, 31)
            why = f"{month} has {days} days"
            severity = None
        yield RULE.finding(
            mention.date_span,
            f"{t.day} {month}{' ' + str(t.year) if t.year else ''} does not exist: {why}",
            hint="check the source for the intended date",
            severity=severity,
        )


RULE = Rule(
    id="impossible-date",
    severity=Severity.ERROR,
    title="Date does not exist",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("The final run is scheduled for 31 April."),
        Example.flags_("Appeals close on June 31."),
        Example.flags_("Submissions are open until the 31st of November."),
        Example.flags_("The notice was served on 29 February 2023."),
        Example.passes("She was born on 29 February 1948."),
        Example.passes("The deadline is 30 April."),
    ),
)

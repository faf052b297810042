"""tense-date-mismatch: future tense about a date already past, or past tense about one to come.

## What it flags
"will meet on 20 May" in a story dated 29 May; "sentencing took place on 15 December" in a
story dated 22 November.
## Why it matters
Either the date is wrong or the copy was written before (or after) the event and not
updated.
## Instead
Check the date, then put the verb in the tense the date calls for.
"""

from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, How, Role, Tense
from checker.model import Finding, Severity

_EVENT_TIME = (Role.POINT, Role.PART)  # "on 3 June", "the morning of 3 June"
# A date given without a year more than a month away may belong to another year than the
# nearest one ("a trial that opened on 15 January", told in November): stay silent then.
INFERRED_REACH_DAYS = 31


def check(facts: ArticleFacts) -> Iterator[Finding]:
    pub = facts.pub
    for mention in facts.of_kind("date"):
        att = mention.attachment
        if mention.dateline or not mention.is_day or att.role not in _EVENT_TIME:
            continue
        if att.modifies_noun or att.verb is None or not att.verb_is_near:
            continue
        day = mention.value.first
        gap = (day - pub).days
        inferred = mention.how is not How.STATED
        if inferred and abs(gap) > INFERRED_REACH_DAYS:
            continue
        severity = Severity.WARNING if inferred else None
        when = f"{mention.value.describe()} is {abs(gap)} day{'s' if abs(gap) != 1 else ''}"
        if att.tense is Tense.FUTURE and gap < 0:
            yield RULE.finding(
                mention.span,
                f"future tense ('{att.verb}') for a date already past: {when} before the "
                f"publication date ({pub:%-d %B %Y})",
                hint="check the date, or put the verb in the past tense", severity=severity)
        elif att.tense is Tense.PAST and gap > 0 and not att.schedules \
                and not att.future_in_past:
            yield RULE.finding(
                mention.span,
                f"past tense ('{att.verb}') for a date still to come: {when} after the "
                f"publication date ({pub:%-d %B %Y})",
                hint="check the date, or put the verb in the future tense", severity=severity)


RULE = Rule(
    id="tense-date-mismatch",
    severity=Severity.ERROR,
    title="Tense contradicts the date",
    rationale=__doc__,
    check=check,
    needs_publication_date=True,
    examples=(
        Example.flags_("The committee will publish its final report on 3 June 2024.",
                       date="2024-06-11"),
        Example.flags_("Sentencing took place on 15 December 2023.", date="2023-11-22"),
        Example.flags_("The lights were switched on by the mayor on 25 November.",
                       date="2023-11-23"),
        Example.passes("Union leaders will meet the minister on 20 June.", date="2025-05-29"),
        Example.passes("The company said on Monday it would shut the plant on 30 June.",
                       date="2025-05-29"),
        Example.passes("The hearing was set for 15 December.", date="2023-11-22"),
        Example.passes("Officials said the money would be released when markets opened on "
                       "19 September.", date="2008-09-18"),  # a past form under "would"
    ),
)

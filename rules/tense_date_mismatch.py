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

from checker.facts import ArticleFacts, Attachment, How, Kind, Mention, Role, Tense, words
from checker.model import Finding, Severity

_EVENT_TIME = (Role.POINT, Role.PART)  # "on 3 June", "the morning of 3 June"
_PERIODS = (Kind.MONTH, Kind.SEASON, Kind.QUARTER, Kind.YEAR, Kind.FISCAL)
# A date given without a year more than a month away may belong to another year than the
# nearest one ("a trial that opened on 15 January", told in November): stay silent then.
INFERRED_REACH_DAYS = 31


def _clause(facts: ArticleFacts, mention: Mention) -> Attachment:
    """The clause that tells when: a date that restates a relative expression ("this
    weekend (Oct. 14-15)") belongs where that expression does, not to the verb the
    parser hung the brackets on."""
    if mention.restates is not None:
        return facts.mentions[mention.restates].attachment
    return mention.attachment


def _verb(facts: ArticleFacts, att: Attachment) -> str:
    """The verb as written ("'reconvenes'"), quoted."""
    if att.verb_start is None:
        return words.quote(att.verb or "")
    text = facts.text[att.verb_start:att.verb_start + 40]
    return words.quote(text.split()[0] if text.split() else att.verb or "")


def _told(att: Attachment) -> bool:
    """The clause's verb, near the time and in a tense that speaks of its event."""
    return att.verb is not None and att.verb_is_near and att.tense_applies


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for mention in facts.mentions:
        if mention.dateline or mention.value is None:
            continue
        att = _clause(facts, mention)
        if not _told(att):
            continue
        w = mention.written
        if w.range_start or w.range_end:
            # "will run from 3 to 10 March": the range is the clause's time; "days of
            # mourning, from 1 to 14 July, were declared": it is a noun's
            if w.range_end and not att.via_noun and mention.is_day:
                yield from _range_end(facts, mention, att)
            continue
        if mention.kind == Kind.DATE and mention.is_day:
            yield from _day(facts, mention, att)
        elif mention.kind in _PERIODS and mention.has_stated_year and \
                att.role in (Role.POINT, Role.WITHIN) and att.event is not None and \
                att.event.tie == "clause":  # "the 2011 version": a year names which one
            yield from _period(facts, mention, att)


def _day(facts: ArticleFacts, mention: Mention, att: Attachment) -> Iterator[Finding]:
    pub = facts.pub
    deadline = att.role is Role.END and att.prep == "by"  # "will restore service by 31 Dec"
    if att.role not in _EVENT_TIME and not deadline:
        return
    day = mention.value.first
    gap = (day - pub).days
    inferred = mention.how is not How.STATED
    if inferred and abs(gap) > INFERRED_REACH_DAYS:
        return
    severity = Severity.WARNING if inferred else None
    when = f"{words.day(day)} is {abs(gap)} day{'s' if abs(gap) != 1 else ''}"
    if att.tense is Tense.FUTURE and gap < 0:
        what = "a deadline already past" if deadline else "a date already past"
        yield RULE.finding(
            mention.span,
            f"future tense ({_verb(facts, att)}) for {what}: {when} before the "
            f"publication date ({pub:%-d %B %Y})",
            hint="check the date, or put the verb in the past tense", severity=severity)
    elif att.tense is Tense.PAST and gap > 0 and not deadline and not att.schedules \
            and not att.future_in_past:
        yield RULE.finding(
            mention.span,
            f"past tense ({_verb(facts, att)}) for a date still to come: {when} after the "
            f"publication date ({pub:%-d %B %Y})",
            hint="check the date, or put the verb in the future tense", severity=severity)


def _range_end(facts: ArticleFacts, mention: Mention, att: Attachment) -> Iterator[Finding]:
    """"will run from 3 to 10 March", told on 15 March: the whole stretch is over."""
    pub, last = facts.pub, mention.value.last
    gap = (pub - last).days
    if att.tense is not Tense.FUTURE or gap <= 0:
        return
    if mention.how is not How.STATED and gap > INFERRED_REACH_DAYS:
        return
    yield RULE.finding(
        mention.span,
        f"future tense ({_verb(facts, att)}) for a stretch that ended on {last:%-d %B %Y}, "
        f"{gap} day{'s' if gap != 1 else ''} before the publication date ({pub:%-d %B %Y})",
        hint="check the dates, or put the verb in the past tense",
        severity=None if mention.how is How.STATED else Severity.WARNING)


def _period(facts: ArticleFacts, mention: Mention, att: Attachment) -> Iterator[Finding]:
    """"will begin in spring 2019", told in September 2019: the whole season is past. Older
    than the stale rule's pending reach, the copy is stale rather than mistensed."""
    pub, period = facts.pub, mention.value
    told = facts.words(mention)
    # a period whose months depend on the country: whichever it is, it ends by `last`
    first, last = period.earliest or period.first, period.latest or period.last
    ended = "ended by" if period.latest else "ended on"
    if att.tense is Tense.FUTURE and last < pub and \
            (pub - last).days <= facts.param(RULE, "period-reach-days"):
        yield RULE.finding(
            mention.span,
            f"future tense ({_verb(facts, att)}) for {told}, which {ended} "
            f"{last:%-d %B %Y}, before the publication date ({pub:%-d %B %Y})",
            hint="check the year, or put the verb in the past tense",
            severity=Severity.WARNING)
    elif att.tense is Tense.PAST and first > pub and not att.schedules:
        yield RULE.finding(
            mention.span,
            f"past tense ({_verb(facts, att)}) for {told}, which begins on "
            f"{first:%-d %B %Y}, after the publication date ({pub:%-d %B %Y})",
            hint="check the year, or put the verb in the future tense",
            severity=Severity.WARNING)


RULE = Rule(
    id="tense-date-mismatch",
    severity=Severity.ERROR,
    title="Tense contradicts the date",
    rationale=__doc__,
    check=check,
    needs_publication_date=True,
    # a period told in the future that ended up to this many days before publication is a
    # tense slip; older, stale-reference reports it as old copy
    defaults=(("period-reach-days", 365),),
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

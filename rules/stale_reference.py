"""stale-reference: an event told as recent, current, pending or upcoming, dated far away.

## What it flags
"the recent storm, which struck on 14 January 2021" in a 2025 story; "the upcoming May
2019 elections" in 2024; talks on a summit that "would follow" one "in June 2018", in a
story dated 2024.
## Why it matters
Old copy recycled into a new story keeps its old dates; the reader is told that
something long past is fresh or still to come.
## Instead
Check whether the date or the description is out of date.
"""

import datetime as dt
from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, Attachment, Described, Grain, How, Mention, Role, Tense
from checker.model import Finding, Severity

LATELY_DAYS = 14  # a report dated this close to publication is news of now
_OWN_TIME = (Role.POINT, Role.WITHIN)  # "would follow in June 2018", not "since 2018"


def _age_days(facts: ArticleFacts, mention: Mention) -> int:
    """Days from the latest day the mention can end to publication. A period named by two
    years ("the 2013-14 season", "the 2009-10 budget") ends in the second year, in a month
    that depends on the country and the sport: it may run to that year's end."""
    last = mention.value.last
    if mention.kind == "fiscal":
        last = max(last, dt.date(last.year, 12, 31))
    return (facts.pub - last).days


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for mention in facts.of_kind("date", "month", "year", "season", "quarter", "fiscal"):
        if mention.value is None or mention.dateline or mention.how is How.UNRESOLVED:
            continue
        att = mention.attachment
        age = _age_days(facts, mention)
        told = facts.text[mention.span.start:mention.span.end]
        if att.described is not None:
            finding = _described(facts, mention, att.described, age, told)
            if finding is not None:
                yield finding
                continue
        if (att.role in _OWN_TIME and (not att.modifies_noun or att.follows)
              and age > facts.param(RULE, "pending-days")
              and att.verb_is_near
              and ((att.tense is Tense.MODAL and not att.infinitive
                    and (not att.reported or _said_lately(facts, att)))
                   or (att.tense is Tense.FUTURE and not mention.is_day))):
            if att.follows:  # "talks would follow the June 2018 summit"
                yield RULE.finding(
                    mention.span,
                    f"the {told} {att.noun} is told as what something still to come will "
                    f"follow ({_verb(facts, att)}), but it is {_ago(age)} before the "
                    f"publication date ({facts.pub:%-d %B %Y})",
                    hint="an old event seems to be described as just over; check the date")
                continue
            yield RULE.finding(
                mention.span,
                f"{told} is told as still to come ({_verb(facts, att)}), but it is "
                f"{_ago(age)} before the publication date ({facts.pub:%-d %B %Y})",
                hint="an old event seems to be described as pending; check the date")


def _said_lately(facts: ArticleFacts, att: Attachment) -> bool:
    """A report dated near publication ("the minister said on Monday that the terminal would
    open in March 2016") keeps its future: what it calls still to come must be. A report
    of long ago ("said in 2014 that …") or undated may be telling what was expected then."""
    if att.report_start is None:
        return False
    for m in facts.mentions:
        if m.attachment.verb_start == att.report_start and m.value is not None and \
                m.value.is_day and 0 <= (facts.pub - m.value.last).days <= LATELY_DAYS:
            return True
    return False


def _described(facts: ArticleFacts, mention: Mention, d: Described, age: int,
               told: str) -> Finding | None:
    """A time that belongs to a noun told as upcoming, recent or current."""
    pub = facts.pub
    label = mention.value.label
    if d.upcoming and mention.has_stated_year and age > 30:
        return RULE.finding(
            mention.span,
            f"{_what(d, told, label)} is called {d.upcoming!r}, but {_is(mention, told, age)} "
            f"before the publication date ({pub:%-d %B %Y})",
            hint="update the date or drop the word that says it is still to come")
    reach = facts.param(RULE, "recent-days")
    over = sorted(word for word, factor in d.recent
                  if age > _reach(word, factor, reach, d.series_days))
    if over:
        return RULE.finding(
            mention.span,
            f"{_what(d, told, label)} is called {over[0]!r}, but {_is(mention, told, age)} "
            f"before the publication date ({pub:%-d %B %Y})",
            hint="check whether this is still the recent or latest one")
    if d.bounded_days and not (d.recent or d.upcoming or d.current):
        # "the board will approve a 2012 budget", told in 2015: a period long over, told as
        # still to be dealt with
        if mention.attachment.tense is Tense.FUTURE and not mention.attachment.looks_back \
                and age > facts.param(RULE, "pending-days"):
            return RULE.finding(
                mention.span,
                f"the {told} {d.noun} is told as still to come "
                f"({_verb(facts, mention.attachment)}), but it ended {_ago(age)} before the "
                f"publication date ({pub:%-d %B %Y})",
                hint="check the year")
        return None
    if not d.current:
        return None
    began = (pub - mention.value.first).days
    if mention.written.range_start or mention.attachment.role is Role.START:
        return None  # "ran from 2010 to 2014": where it ended says whether it still runs
    if d.how in ("whole", "own") and mention.value.grain is not Grain.DAY and age > 30 or \
            d.how == "whole" and age > 30:
        return RULE.finding(
            mention.span,
            f"{_what(d, told, label)} is called {d.current!r}, but "
            f"{_ended(mention, d, told, age)} before the publication date "
            f"({pub:%-d %B %Y})",
            hint="check the dates, or drop the word that says it is still going on")
    if d.how == "start" and d.bounded_days and began > d.bounded_days:
        return RULE.finding(
            mention.span,
            f"{_what(d, told, label)} is called {d.current!r}, but it began on {told}, "
            f"{_ago(began)} before the publication date ({pub:%-d %B %Y}), longer than "
            f"one usually lasts",
            hint="check the dates, or drop the word that says it is still going on")
    return None


def _is(mention: Mention, told: str, age: int) -> str:
    """"2013-14 was over by the end of 2014, 5 years …", "April 27, 2018 is 4 years …"."""
    if mention.kind == "fiscal":
        return f"{told} was over by the end of {mention.value.last.year}, {_ago(age)}"
    return f"{told} is {_ago(age)}"


def _ended(mention: Mention, d: Described, told: str, age: int) -> str:
    """"it ran until 15 January 2016, …" for the end of a range; "2014 ended …" else."""
    if d.how == "whole":
        return f"it ran until {mention.value.last:%-d %B %Y}, {_ago(age)}"
    if mention.kind == "fiscal":
        return _is(mention, told, age)
    return f"{told} ended {_ago(age)}"


def _what(d: Described, told: str, label: str | None = None) -> str:
    if d.noun:
        return repr(d.noun)
    return f"the {told} {label}" if label else f"the event of {told}"


def _reach(word: str, factor: float, recent_days: int, series_days: int | None) -> int:
    """How far back a recency word reaches: "recent" recent-days; "latest" and "most recent"
    mean the last of a series, which is stale after two of its periods when the copy says how
    often it comes round ("the latest quarterly figures"), else half again as far."""
    if word in ("latest", "most recent") and series_days:
        return 2 * series_days
    return int(recent_days * factor)


def _verb(facts: ArticleFacts, att: Attachment) -> str:
    if att.verb_start is None:
        return f"{att.tense.value} '{att.verb}'"
    text = facts.text[att.verb_start:att.verb_start + 40].split()
    return f"'{text[0] if text else att.verb}'"


def _recent_cue(cues: tuple[tuple[str, float], ...], age: int, reach: int) -> str | None:
    """The recency word whose reach this age exceeds, if any ("latest" reaches further)."""
    over = sorted(word for word, factor in cues if age > int(reach * factor))
    return over[0] if over else None


def _ago(days: int) -> str:
    years, rest = divmod(days, 365)
    months = rest * 12 // 365
    if years >= 1:
        return f"about {years} year{'s' if years > 1 else ''}" + (
            f" {months} month{'s' if months != 1 else ''}" if rest >= 60 else "")
    return f"{days} days"


RULE = Rule(
    id="stale-reference",
    severity=Severity.WARNING,
    title="Recent or upcoming event dated far from publication",
    rationale=__doc__,
    check=check,
    needs_publication_date=True,
    # "recent" reaches this many days back ("latest" half as far again); an event told as
    # pending ("would follow in June 2018") is stale when dated further back than pending-days
    defaults=(("recent-days", 730), ("pending-days", 365)),
    examples=(
        Example.flags_("Engineers are still assessing the recent storm, which struck on "
                       "14 January 2021.", date="2025-03-20"),
        Example.flags_("Councillors will study the maps ahead of the upcoming May 2019 local "
                       "elections.", date="2024-02-08"),
        Example.flags_("Its newly appointed chief executive, who took up the post in January "
                       "2012, said the closure was painful.", date="2024-10-16"),
        Example.flags_("The recent floods in August 2021 left thousands homeless.",
                       date="2024-06-01"),
        Example.flags_("The pool could reopen in spring 2021.", date="2024-11-27"),
        Example.flags_("A second round of negotiations will follow the March 2019 "
                       "conference, the ministry said on Monday.", date="2023-10-04"),
        Example.flags_("Fans fear the ongoing 2014-15 campaign will end in relegation.",
                       date="2019-01-12"),
        Example.passes("The latest figures for 2021 show a fall.", date="2024-06-01"),
        Example.passes("A second round of negotiations will follow the March 2019 "
                       "conference.", date="2019-02-04"),
        Example.passes("Kelly pleaded guilty to assault causing harm at a bus stop in March "
                       "last year.", date="2024-11-27"),  # "to assault": not a would
        Example.passes("The fire broke out on 22 August 2018; the report, published on "
                       "Tuesday, comes six years later.", date="2024-09-04"),
        Example.passes("Analysts say it may be preparing for its first nuclear test since 2017.",
                       date="2023-02-20"),
        Example.passes("A ban the council passed in 2019 will finally take effect next month.",
                       date="2024-08-14"),
        Example.passes("The recent storm, which struck on 14 February, closed the line.",
                       date="2025-03-20"),
    ),
)

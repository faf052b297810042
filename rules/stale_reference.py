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

from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, How, Role, Tense
from checker.model import Finding, Severity

_OWN_TIME = (Role.POINT, Role.WITHIN)  # "would follow in June 2018", not "since 2018"


def _age_days(facts: ArticleFacts, mention) -> int:
    return (facts.pub - mention.value.last).days


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for mention in facts.of_kind("date", "month", "year", "season"):
        if mention.value is None or mention.dateline or mention.how is How.UNRESOLVED:
            continue
        att = mention.attachment
        age = _age_days(facts, mention)
        told = facts.text[mention.span.start:mention.span.end]
        if mention.upcoming and mention.has_stated_year and age > 30:
            cue = mention.upcoming
            yield RULE.finding(
                mention.span,
                f"described as {cue!r} but {told} is {_ago(age)} before the publication "
                f"date ({facts.pub:%-d %B %Y})",
                hint="update the date or drop the word that says it is still to come")
        elif (cue := _recent_cue(mention.recency, age, facts.param(RULE, "recent-days"))):
            yield RULE.finding(
                mention.span,
                f"described as {cue!r} but {told} is {_ago(age)} before the publication "
                f"date ({facts.pub:%-d %B %Y})",
                hint="check whether this is still the recent or latest one")
        elif (att.role in _OWN_TIME and not att.modifies_noun
              and age > facts.param(RULE, "pending-days")
              and att.verb_is_near
              and ((att.tense is Tense.MODAL and not att.reported and not att.infinitive)
                   or (att.tense is Tense.FUTURE and not mention.is_day))):
            yield RULE.finding(
                mention.span,
                f"{told} is told as still to come ({att.tense.value} '{att.verb}'), but it is "
                f"{_ago(age)} before the publication date ({facts.pub:%-d %B %Y})",
                hint="an old event seems to be described as pending; check the date")


def _recent_cue(cues: tuple[tuple[str, float], ...], age: int, reach: int) -> str | None:
    """The recency word whose reach this age exceeds, if any ("latest" reaches further)."""
    over = sorted(word for word, factor in cues if age > int(reach * factor))
    return over[0] if over else None


def _ago(days: int) -> str:
    years, rest = divmod(days, 365)
    if years >= 1:
        return f"about {years} year{'s' if years > 1 else ''}" + (
            f" {rest // 30} month{'s' if rest // 30 != 1 else ''}" if rest >= 60 else "")
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
        Example.passes("The latest figures for 2021 show a fall.", date="2024-06-01"),
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

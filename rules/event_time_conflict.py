"""event-time-conflict: the same event is given two different days or dates.

## What it flags
"departed on Wednesday" … "leaving on Thursday" for the same trip; "Tuesday 7 May" for a
final that is later "the May 8 final"; "will vote on Thursday" … "ahead of Wednesday's vote".
## Why it matters
One of the two days is wrong; readers plan around these dates.
## Instead
Check which day is right and use it throughout.

Events are matched by grammar: the same kind of action (depart, arrive, vote, meet, open,
close, …), a compatible subject, and the same place when places are stated. "Departed
Beijing on Wednesday" and "left China on Thursday" are different legs. Copy that says the
date changed ("postponed", "originally") is left alone. Matching is a judgement, so every
finding is a warning.
"""

from collections.abc import Iterator

from checker.rules.base import Example, Rule, contradictions

from checker.facts import ArticleFacts, Mention, Role, weekday_name
from checker.model import Finding, Related, Severity

_SPECIFIC = (Role.POINT, Role.TARGET)  # "on Monday", "set for Monday"; not "by Monday"


def _day_of(mention: Mention) -> tuple[int | None, str]:
    """(weekday, words) for comparison; dates compare by value elsewhere."""
    if mention.kind == "weekday":
        return mention.weekday, weekday_name(mention.weekday)
    if mention.value is not None and mention.value.is_day:
        return mention.value.first.weekday(), mention.value.describe()
    return mention.weekday, ""


def _candidate(m: Mention) -> bool:
    att = m.attachment
    return (m.kind in ("date", "weekday") and not m.dateline and att.event_class is not None
            and att.role in _SPECIFIC and not att.negated and m.written.modifier is None
            and not m.rescheduled
            and not m.in_series)  # "its next meeting": another occurrence


def _same_subject(a: Mention, b: Mention) -> bool:
    ka, kb = a.attachment.subject_key, b.attachment.subject_key
    if ka is None or kb is None:
        return True
    return bool(set(ka.split()) & set(kb.split()))


def _pairs(a: Mention, b: Mention) -> bool:
    """Whether b gives another day for the event a names."""
    if a.attachment.event_class != b.attachment.event_class or not _same_subject(a, b):
        return False
    pa, pb = set(a.attachment.place_roles), set(b.attachment.place_roles)
    if pa and pb and not pa & pb:
        return False  # different places, or one place as origin and as destination:
        #               different legs of a journey ("left for Brussels" … "departed Brussels")
    return _conflict(a, b)


def _conflict(a: Mention, b: Mention) -> bool:
    if a.kind == "date" and b.kind == "date":
        return a.value is not None and b.value is not None and a.value.first != b.value.first
    wa, _ = _day_of(a)
    wb, _ = _day_of(b)
    return wa is not None and wb is not None and wa != wb


def _signature(m: Mention) -> tuple:
    """What decides a pairing: two mentions with equal signatures pair alike with any other."""
    att = m.attachment
    value = m.value.first if m.kind == "date" and m.value is not None else None
    return (att.event_class, att.subject_key, frozenset(att.place_roles), m.kind, value,
            _day_of(m)[0])


def check(facts: ArticleFacts) -> Iterator[Finding]:
    events = (m for m in facts.mentions if _candidate(m))
    for a, b in contradictions(events, key=lambda m: m.attachment.event_class,
                               contradicts=_pairs, signature=_signature):
        _, da = _day_of(a)
        _, db = _day_of(b)
        event = a.attachment.event_class
        yield RULE.finding(
            b.span,
            f"the same {event} event seems to be given two days: {facts.words(a)!r} "
            f"({da}) and {facts.words(b)!r} ({db})",
            related=[Related(a.span, "first given here")],
            hint="check which day is right; if the date changed, say so in the copy",
        )


RULE = Rule(
    id="event-time-conflict",
    severity=Severity.WARNING,
    title="Same event given two different days",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("Councillors will vote on Thursday on the sale. Ahead of Wednesday's "
                       "vote, campaigners plan a rally.", date="2024-05-20"),
        Example.flags_("The final will be played on Tuesday 7 May. Tickets for the May 8 final "
                       "go on sale soon.", date="2024-04-21"),
        Example.passes("The group departed Beijing on Wednesday by train. The delegates left "
                       "China on Thursday.", date="2024-05-30"),
        Example.flags_("The minister left Brussels on Monday. She departed from Brussels on "
                       "Wednesday, aides said.", date="2024-06-06"),
        Example.flags_("The ferry left Lisbon on the morning of 3 May. It departed Lisbon on "
                       "4 May, the port said.", date="2024-06-05"),
        Example.passes("The minister left for Brussels on Monday. She departed Brussels on "
                       "Wednesday after the summit.", date="2024-06-06"),
        Example.passes("He was sentenced on Friday for the attack on Tuesday. The sentencing "
                       "on Friday was brief.", date="2024-06-10"),  # the attack's day
        Example.passes("The match, originally scheduled for Saturday, was postponed to "
                       "Sunday.", date="2025-01-27"),
        Example.passes("The board met on Tuesday to approve the accounts. Its next meeting is "
                       "on Thursday, 13 June.", date="2024-06-05"),
    ),
)

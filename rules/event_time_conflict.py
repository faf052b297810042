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

from checker.facts import ArticleFacts, EventRef, Kind, Mention, weekday_name, words
from checker.model import Finding, Related, Severity

_COARSE = (Kind.MONTH, Kind.YEAR, Kind.SEASON)
_NEAR = 40  # characters between a time and the word naming its event, to quote them as one


def _weekday(m: Mention) -> int | None:
    """The weekday a day mention gives: written, or its date's (None for a coarse time)."""
    if m.kind == Kind.WEEKDAY:
        return m.weekday
    return m.value.first.weekday() if m.value is not None and m.value.is_day else None


def _late(m: Mention) -> bool:
    return m.written.modifier == "late" or m.written.part_of_day == "night"


def _around_midnight(before: Mention, after: Mention) -> bool:
    """"late on Friday" and "Saturday": one event told either side of midnight."""
    return _late(before) and not _late(after)


def _signature(m: Mention) -> tuple:
    """What `_conflict` reads of a mention: two with the same contradict alike."""
    return m.kind, m.value.first, m.value.last, _weekday(m), _late(m), m.has_stated_year


def _conflict(a: Mention, b: Mention) -> bool:
    """Whether a and b cannot both be the time of one event."""
    if a.kind in _COARSE or b.kind in _COARSE:
        return _disjoint(a, b)
    if a.kind == Kind.WEEKDAY or b.kind == Kind.WEEKDAY:
        wa, wb = _weekday(a), _weekday(b)
        if wa is None or wb is None or wa == wb:
            return False
        if (wb - wa) % 7 == 1:
            return not _around_midnight(a, b)
        if (wa - wb) % 7 == 1:
            return not _around_midnight(b, a)
        return True
    gap = (b.value.first - a.value.first).days
    if gap == 0:
        return False
    if abs(gap) == 1:
        return not (_around_midnight(a, b) if gap > 0 else _around_midnight(b, a))
    return True


def _disjoint(a: Mention, b: Mention) -> bool:
    """A month, season or year against another time: no day in common. Without a stated
    year on both sides only the months are compared (an inferred year is a guess)."""
    if a.kind == Kind.WEEKDAY or b.kind == Kind.WEEKDAY:
        return False
    va, vb = a.value, b.value
    if a.has_stated_year and b.has_stated_year:
        return va.last < vb.first or vb.last < va.first
    return False


def _describe(facts: ArticleFacts, m: Mention) -> str:
    """The day or date a time gives, and how when it was inferred: a bare weekday's date is
    only the nearest such weekday, so it says so ("Thursday 30 May 2024, the Thursday
    after publication")."""
    if m.value is None:
        return weekday_name(m.weekday) if m.kind == Kind.WEEKDAY else words.quote(m.text)
    how = words.how_placed(m, facts.publication, facts.mentions)
    return f"{words.moment(m.value)}{f', {how}' if how else ''}"


def _told(facts: ArticleFacts, m: Mention, ref: EventRef) -> str:
    """The time with the word that names the event, as an editor would look for it, and
    the day or date it gives: "'died on Sunday' (Sunday)", "'Tuesday's resignation'
    (Tuesday)", "'completed in 2009' (the merger, 2009)"."""
    start, end = m.span.start, m.span.end
    close = facts.text[ref.at:start] if ref.at < start else facts.text[end:ref.at]
    if len(close) <= _NEAR and not any(c in close for c in ".;:!?"):
        start, end = min(start, ref.at), max(end, ref.at + len(ref.word))
        return f"{words.quote(facts.text[start:end])} ({_describe(facts, m)})"
    return f"{words.quote(words.phrase(facts.text, m))} (the {ref.word}, {_describe(facts, m)})"


def check(facts: ArticleFacts) -> Iterator[Finding]:
    # an event whose time the copy says changed, or one word given several days (a list,
    # a range), is expected to carry two times
    events = [e for e in facts.events if not (e.rescheduled or e.spread)]
    event_of = {i: e for e in events for i in e.mentions}
    ref = {i: r for e in events for i, r in zip(e.mentions, e.refs, strict=True)}
    members = (facts.mentions[i] for i in sorted(event_of))
    for a, b in contradictions(members, key=lambda m: event_of[m.id].id,
                                   contradicts=_conflict, signature=_signature):
        times = "days" if a.kind not in _COARSE and b.kind not in _COARSE else "dates"
        yield RULE.finding(
            b.span,
            f"the same event seems to be given two {times}: {_told(facts, a, ref[a.id])} "
            f"and {_told(facts, b, ref[b.id])}",
            related=[Related(a.span, "first given here")],
            hint="check which is right; if the date changed, say so in the copy",
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
        Example.passes("The ceasefire began on Monday. After it broke down, the new ceasefire "
                       "began on Thursday.", date="2024-06-10"),
        Example.passes("The suburb flooded on Saturday. The town centre flooded on Monday "
                       "as the river peaked.", date="2024-06-12"),
    ),
)

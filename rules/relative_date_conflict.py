"""relative-date-conflict: a relative time and the date given for it disagree.

## What it flags
"yesterday, Saturday" in a story dated Monday; "last year, in 2022" in 2024; "earlier this
month, on 28 September" in October; "two days later, on Friday" after a Tuesday.
## Why it matters
The reader is given two different days for one moment.
## Instead
Work out the day from the publication date (or the event counted from) and correct one.
"""

import datetime as dt
from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, How, Kind, Mention, Moment, Tense, weekday_name, words
from checker.model import Finding, Related, Severity, Span, Suggestion


def _agrees(expected: Moment, stated: Mention) -> bool | None:
    """Does the stated day/date fall within the moment the relative words give?"""
    if stated.kind == "weekday" and stated.weekday is not None:
        if not expected.is_day:
            return None
        return expected.first.weekday() == stated.weekday
    if stated.value is None:
        return None
    if stated.weekday is not None and expected.is_day and \
            expected.first.weekday() != stated.weekday:
        return False
    return expected.first <= stated.value.first and stated.value.last <= expected.last


def _floating(anchor: Mention) -> bool:
    """A bare weekday ("by Tuesday") is placed in a week by a guess from the tense; only
    its weekday is the copy's."""
    return anchor.kind == "weekday" and anchor.how is How.WEEKDAY_BY_TENSE


def _weekday_agrees(expected: Moment, stated: Mention) -> bool | None:
    """Counted from a floating weekday, only the weekday can disagree."""
    if not expected.is_day:
        return None
    said = stated.weekday if stated.weekday is not None else (
        stated.value.first.weekday() if stated.value is not None and stated.value.is_day
        else None)
    return None if said is None else said == expected.first.weekday()


def _show(moment: Moment) -> str:
    if moment.is_day:
        return f"{weekday_name(moment.first.weekday())} {moment.describe()}"
    return moment.describe()


def _word_for(facts: ArticleFacts, day: dt.date, said: Mention, dated: bool) -> str | None:
    """The word that names `day` alone, counted from publication: "yesterday", "today",
    "tomorrow", when the clause's tense does not point the other way; or its weekday within
    six days, on the side the clause's tense points a bare weekday to (not when the date
    beside it gives its weekday already)."""
    offset = (day - facts.pub).days
    att = said.attachment
    points = -1 if att.tense.is_past else 1 if att.tense in (Tense.FUTURE, Tense.PRESENT) \
        else 0
    side = (offset > 0) - (offset < 0)
    if (word := words.relative_day(offset)) is not None:
        return word if side == 0 or points in (0, side) else None
    if dated or not 2 <= abs(offset) <= 6 or att.via_noun or not att.verb_is_near or \
            att.future_in_past or points != side:
        return None
    return weekday_name(day.weekday())


def _alone(facts: ArticleFacts, mention: Mention) -> bool:
    """No other time is written against it ("the day before yesterday"): its words can
    be swapped for another's."""
    before = facts.mentions[mention.id - 1] if mention.id > 0 else None
    return before is None or before.span.end < mention.span.start - 1


def _restated_fix(facts: ArticleFacts, rel: Mention, stated: Mention) -> list[Suggestion]:
    """What fits, counted from publication: the weekday the relative day is, for a weekday
    told alone ("yesterday, Saturday" → "Sunday"); the relative day a date is, for a day
    word ("yesterday, 10 April" → "today"); the relative year a year is ("this year, in
    2023" → "last year")."""
    value, told = rel.value, facts.words(rel)
    if stated.kind == Kind.WEEKDAY and stated.weekday is not None and value.is_day:
        at = stated.weekday_span or stated.span
        return [Suggestion(at, words.weekday_like(value.first.weekday(), facts.words_at(at)),
                           f"the weekday {told!r} is")]
    if stated.value is None or not _alone(facts, rel):
        return []
    if value.is_day and stated.is_day and \
            told.lower() == words.relative_day((value.first - facts.pub).days):
        word = _word_for(facts, stated.value.first, rel, stated.weekday is not None)
        return [Suggestion(rel.span, words.like(word, told), "the word that fits the date")] \
            if word else []
    if value.first.year == value.last.year and stated.kind == Kind.YEAR and \
            told.lower() == words.relative_year(value.first.year - facts.pub.year):
        word = words.relative_year(stated.value.first.year - facts.pub.year)
        return [Suggestion(rel.span, words.like(word, told), "the words that fit the year")] \
            if word else []
    return []


def _fused(facts: ArticleFacts, stated: Mention) -> Finding | None:
    """"last Thursday, 14 March": the date is a Thursday, but not one "last Thursday" can
    be. (A date that is not even a Thursday is the weekday rule's.)"""
    allowed, value = stated.relative, stated.value
    if allowed is None or value is None or not value.is_day or \
            value.first.weekday() != stated.weekday or allowed.contains(value.first):
        return None
    backward = allowed.last < facts.pub  # "last Thursday": the days allowed are all past
    nearest = allowed.last if backward else allowed.first
    weekday = facts.words_at(stated.weekday_span).rstrip(".")
    relative = f"{stated.written.modifier} {weekday}"
    told = Span(stated.span.start, stated.weekday_span.end)  # "last Thursday"
    word = _word_for(facts, value.first, stated, False) \
        if facts.words_at(told).lower().split() == relative.lower().split() else None
    return RULE.finding(
        stated.span,
        f"{relative!r} and {facts.words_at(stated.date_span)!r} disagree: counted from the "
        f"publication date ({facts.pub:%A %-d %B %Y}), {relative!r} is "
        f"{nearest.day} {nearest:%B %Y} (or the week {'before' if backward else 'after'}), "
        f"not {value.describe()}",
        related=[Related(stated.date_span, "date given here")],
        hint="correct the relative time or the date",
        suggestions=[Suggestion(told, words.like(word, relative), "the word that fits the "
                                "date")] if word else [])


def check(facts: ArticleFacts) -> Iterator[Finding]:
    by_id = {m.id: m for m in facts.mentions}
    for stated in facts.mentions:
        if stated.relative is not None and (finding := _fused(facts, stated)) is not None:
            yield finding
    for stated in facts.mentions:
        if stated.restates is None:
            continue
        rel = by_id[stated.restates]
        told = f"{facts.words(rel)!r} and {facts.words(stated)!r}"
        if rel.kind in ("relative", "season") and rel.value is not None:
            if _agrees(rel.value, stated) is False:
                yield RULE.finding(
                    rel.span.cover(stated.span),
                    f"{told} disagree: counted from the publication date "
                    f"({facts.pub:%A %-d %B %Y}), {facts.words(rel)!r} is {_show(rel.value)}",
                    related=[Related(stated.span, "date given here")],
                    hint="correct the relative time or the date",
                    suggestions=_restated_fix(facts, rel, stated))
        elif rel.kind == "anchored" and rel.written.amount and rel.written.unit and \
                not rel.written.approx:  # "about a week later" counts loosely
            candidates = [a for a in facts.anchors_for(rel) if a.id != stated.id]
            verdicts = []
            for anchor in candidates:
                expected = anchor.value.shifted(rel.written.amount, rel.written.unit,
                                                  rel.written.direction)
                if expected is not None:
                    verdict = _agrees(expected, stated)
                    if verdict is False and _floating(anchor):
                        verdict = _weekday_agrees(expected, stated)
                    verdicts.append((anchor, expected, verdict))
            if not verdicts or any(v is not False for _, _, v in verdicts):
                continue  # some earlier event makes it right: silence beats a wrong guess
            anchor, expected, _ = verdicts[-1]
            # one day to count from, and a weekday told alone: the weekday the count gives
            at = stated.weekday_span or stated.span
            fix = [Suggestion(at, words.weekday_like(expected.first.weekday(),
                                                     facts.words_at(at)),
                              f"the weekday {facts.words(rel)!r} is")] \
                if len(verdicts) == 1 and expected.is_day and stated.kind == Kind.WEEKDAY \
                and stated.weekday is not None else []
            yield RULE.finding(
                rel.span.cover(stated.span),
                f"{told} disagree: counted from {facts.words(anchor)!r}, "
                f"{facts.words(rel)!r} is {_show(expected)}",
                related=[Related(anchor.span, "counted from here")],
                hint="check which day the event was, and the interval",
                suggestions=fix,
                severity=Severity.WARNING)


RULE = Rule(
    id="relative-date-conflict",
    severity=Severity.ERROR,
    title="Relative time disagrees with its date",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("The hillside gave way yesterday, Saturday.", date="2024-01-08"),
        Example.flags_("Profit rose last year, in 2022.", date="2024-03-27"),
        Example.flags_("She was reported missing on Tuesday 9 July. Two days later, on Friday, "
                       "her bag was found.", date="2024-07-15"),
        Example.flags_("The storm hit the coast on Sunday, two days ago.", date="2024-06-05"),
        Example.passes("The storm hit the coast on Monday, two days ago.", date="2024-06-05"),
        Example.passes("Prices rose in 2022, last year, and again this year.",
                       date="2024-06-05"),  # a list of three times, not a restatement
        Example.passes("Crowds marched yesterday, Saturday and Sunday.",
                       date="2024-06-04"),  # three days listed
        Example.passes("Councillors voted yesterday (Tuesday).", date="2024-06-05"),
        Example.passes("She was reported missing on Tuesday 9 July. About two days later, on "
                       "Friday, her bag was found.", date="2024-07-15"),
        Example.passes("Profit rose last year, in 2023.", date="2024-03-20"),
        Example.passes("The board met on Tuesday 12 March. A week earlier, on 5 March, "
                       "directors wrote to him.", date="2024-03-20"),
        Example.flags_("The deal was signed last Friday, 8 March.", date="2024-04-10"),
        Example.passes("The deal was signed last Friday, 5 April.", date="2024-04-10"),
        Example.passes("The fair opens next Saturday (13 April).", date="2024-04-03"),
    ),
)

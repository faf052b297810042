"""number-conflict: the same count is given two different values.

## What it flags
"Seven people were killed" … "the eight victims"; "Forty-two homes were destroyed" … "the 40
homes"; "watched by 1,204 spectators" … "the crowd of 1,402"; "two men and three women —
four people in all"; "Three of the seven hostages were freed; the other five remain
captive"; "a 212-metre tower" … "the 221m tower"; "its fourth profit warning of the year"
… "the retailer's third since January".
## Why it matters
A casualty figure or a total that changes without explanation makes the whole story
doubtful.
## Instead
Check the figure; if it changed, say so ("rose to eight").

A count restates an earlier one when it counts the same things with the same description
("injured", "new", "on trolleys") in the same event, time and place: a definite count ("the
15 firefighters", "all five suspects") refers back to the set told before; two counts told
afresh are one set only when the same is said of them. Parts and wholes ("two of the
five"), the rest ("the other three"), totals ("in all", "including") are checked by their
sums. Approximate figures ("at least 20"), figures said to have changed ("rose to", "a
further"), other incidents and ages, shares, scores and labels are left alone. Which
mentions count the same set is a judgement, so findings are warnings.
"""

from bisect import bisect_right
from collections.abc import Iterator

from checker.rules.base import Example, Rule, contradictions

from checker.facts import ArticleFacts, Count
from checker.model import Finding, Related, Severity


def _show(value: float, measure: str = "count") -> str:
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
    return text if measure in ("count", "money") else f"{text} {measure}"


def check(facts: ArticleFacts) -> Iterator[Finding]:
    yield from _totals(facts)
    yield from _restated(facts)
    yield from _ranks(facts)


def _totals(facts: ArticleFacts) -> Iterator[Finding]:
    for total in facts.counts.totals:
        summed = total.summed
        if summed == total.value or (total.including and summed < total.value):
            continue
        parts = " + ".join(_show(v) for v in total.part_values)
        told = " + ".join(repr(facts.words_at(s)) for s in total.parts)
        relation = "more than" if total.including else "not"
        yield RULE.finding(
            total.span,
            f"the parts add up to {_show(summed)} ({told}: {parts}), {relation} "
            f"{_show(total.value)} ({facts.words_at(total.span)!r})",
            related=[Related(s, "part given here") for s in total.parts],
            hint="check the total and each of its parts")


def _restated(facts: ArticleFacts) -> Iterator[Finding]:
    counts = facts.counts.counts
    group: list[int] = []
    for i, c in enumerate(counts):
        group.append(group[c.same_as] if c.same_as is not None else i)
    numbered = list(enumerate(counts))
    for (ia, a), (ib, b) in contradictions(
            numbered, key=lambda ic: group[ic[0]],
            contradicts=lambda x, y: x[1].value != y[1].value and y[1].same_as is not None,
            signature=lambda ic: ic[1].value):
        if b.ordinal or a.ordinal:
            continue
        what = a.kind.split(":", 1)[-1] if a.measure == "count" else \
            a.kind.split(":", 1)[-1].split(":")[0]
        if a.measure == "money":
            told = f"{facts.words_at(b.span)!r} here, but {facts.words_at(a.span)!r} earlier"
        else:
            told = (f"{_show(b.value, b.measure)} here, but {_show(a.value, a.measure)} "
                    f"earlier ({facts.words_at(a.span)!r})")
        yield RULE.finding(
            b.span,
            f"{told}, for what seems to be the same {what.replace(':', ' ')}",
            related=[Related(a.span, "first given here")],
            hint="check the figure; if it changed, say how")


def _ranks(facts: ArticleFacts) -> Iterator[Finding]:
    """"its fourth profit warning of the year" … "the retailer's third since January"."""
    changes = facts.counts.changes
    ranks: list[Count] = []
    for b in facts.counts.counts:
        if not b.ordinal:
            continue
        a = next((a for a in ranks if _same_rank(a, b, changes)), None)
        ranks.append(b)
        if a is None:
            continue
        yield RULE.finding(
            b.span,
            f"{_show(b.value)} here, but {_show(a.value)} earlier ({facts.words_at(a.span)!r}), "
            "for what seems to be the same rank",
            related=[Related(a.span, "first given here")],
            hint="check the figure; if it changed, say how")


def _same_rank(a: Count, b: Count, changes) -> bool:
    if a.value == b.value or a.noun != b.noun or a.sentence == b.sentence or \
            (a.kind != b.kind and a.kind != a.noun and b.kind != b.noun) or \
            min(a.value, b.value) < 2 or a.explained or b.explained:
        return False
    i = bisect_right(changes, b.sentence)
    return not (i and changes[i - 1] >= a.sentence)


RULE = Rule(
    id="number-conflict",
    severity=Severity.WARNING,
    title="Same count given two values",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("Seven people were killed when the hillside collapsed. The eight victims "
                       "will be buried on Wednesday.", date="2024-01-08"),
        Example.flags_("A coach carrying 47 passengers overturned. All 45 passengers were taken "
                       "to hospital.", date="2022-10-04"),
        Example.flags_("Sixty-three runners started the fell race. The 62 runners were timed "
                       "by chip.", date="2024-01-20"),
        Example.flags_("Six girls and four boys - 11 children in total - were taken ill after "
                       "the school lunch.", date="2024-06-05"),
        Example.flags_("Three of the seven hostages were freed on Friday; the other five "
                       "remain captive.", date="2025-10-17"),
        Example.flags_("The crash killed 12 people. Among the 13 dead were two children.",
                       date="2024-06-05"),
        Example.passes("Three people died at the scene, and a fourth died later in hospital, "
                       "bringing the toll to four.", date="2024-03-11"),
        Example.passes("Three people were killed in Leeds. Five people were killed in York.",
                       date="2024-06-05"),
        Example.passes("Five people were killed on Sunday. Last year a blast at the mine "
                       "killed 13 people.", date="2024-06-05"),
        Example.passes("Five people were killed on Sunday. A similar blast killed 13 people.",
                       date="2024-06-05"),
        Example.passes("Police arrested 12 people on Friday. They arrested 14 people on "
                       "Saturday.", date="2024-06-05"),
        Example.passes("About 70 firefighters and 12 fire engines were sent. The fire damaged "
                       "12 flats and 11 people were rescued.", date="2024-04-15"),
        Example.passes("Two men and three women, five people in all, were arrested after the "
                       "protest.", date="2024-06-05"),
        Example.passes("The coach was carrying 52 pupils. Four pupils were treated for cuts.",
                       date="2024-06-05"),
    ),
)

"""number-conflict: the same count is given two different values.

## What it flags
"Seven people were killed" … "the eight victims"; "Twelve fishermen were rescued" … "the 11
rescued fishermen"; "watched by 1,204 spectators" … "the crowd of 1,402"; "its fourth
profit warning of the year" … "the retailer's third since January".
## Why it matters
A casualty figure that changes without explanation makes the whole story doubtful.
## Instead
Check the figure; if it changed, say so ("rose to eight").

Only tallies are compared: people killed, injured, rescued or missing, victims,
passengers, crowds, and the rank of one event in a series. Counts of different things,
approximate figures ("at least 20") and updates the copy explains ("a fourth died later",
"the toll rose to") are left alone. Which mentions count the same set is a judgement, so
findings are warnings.
"""

import sys
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, Count
from checker.model import Finding, Related, Severity


def _show(value: float) -> str:
    return f"{value:,.0f}"


def check(facts: ArticleFacts) -> Iterator[Finding]:
    """Each count against the earliest earlier count it contradicts (linear in the counts
    but for ranks, which are few)."""
    counts = facts.counts.counts
    told: dict[str, list[int]] = defaultdict(list)  # kind -> sentences that tell a change
    for c in counts:
        if c.explained:
            told[c.kind].append(c.sentence)

    def last_change(kind: str, upto: int) -> int:
        """The last sentence at or before `upto` telling a change in this kind of count or
        in any ("the toll rose to six"); -1 when there is none."""
        return max(_last_at_or_before(told.get(kind, ()), upto),
                   _last_at_or_before(facts.counts.changes, upto))

    tallies: dict[str, _Earlier] = defaultdict(_Earlier)  # kind -> earlier tallies
    ranks: list[Count] = []
    for b in counts:
        if b.ordinal:
            a = next((a for a in ranks if _same_rank(a, b, last_change)), None)
            ranks.append(b)
        else:
            a = None if b.explained else tallies[b.kind].contradicted_by(
                b, last_change(b.kind, b.sentence))
            if b.tally and not b.explained:
                tallies[b.kind].add(b)
        if a is None:
            continue
        yield RULE.finding(
            b.span,
            f"{_show(b.value)} here, but {_show(a.value)} earlier "
            f"({facts.words_at(a.span)!r}), for what seems to be the same "
            f"{'rank' if a.ordinal else a.kind.replace(':', ' ')}",
            related=[Related(a.span, "first given here")],
            hint="check the figure; if it changed, say how",
        )


def _last_at_or_before(sentences, upto: int) -> int:  # noqa: ANN001
    i = bisect_right(sentences, upto)
    return sentences[i - 1] if i else -1


_MAX_STEPS = 16


class _Earlier:
    """Earlier unexplained tallies of one kind, in order, answering "the first one after
    sentence S whose value is not V" in logarithmic time."""

    def __init__(self) -> None:
        self.items: list[Count] = []
        self.sentences: list[int] = []
        self.next_other: list[int] = []  # where the next run of another value starts
        self.run_start = 0

    def add(self, c: Count) -> None:
        n = len(self.items)
        if n and self.items[-1].value != c.value:
            for i in range(self.run_start, n):
                self.next_other[i] = n
            self.run_start = n
        self.items.append(c)
        self.sentences.append(c.sentence)
        self.next_other.append(sys.maxsize)

    def contradicted_by(self, b: Count, last_update: int) -> Count | None:
        """The first earlier tally after the last update with another value and a scope
        that could be b's; a few steps at most, so the rule stays linear."""
        i = bisect_right(self.sentences, last_update)  # only tallies after the last update
        for _ in range(_MAX_STEPS):
            if i >= len(self.items):
                return None
            a = self.items[i]
            if a.value == b.value:
                i = self.next_other[i]
            elif not a.same_scope(b):
                i += 1
            else:
                return a
        return None


def _same_rank(a: Count, b: Count, last_change) -> bool:  # noqa: ANN001
    if a.value == b.value or a.noun != b.noun or a.sentence == b.sentence or \
            min(a.value, b.value) < 2 or a.explained or b.explained:
        return False
    return last_change(a.kind, b.sentence) < a.sentence


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
        Example.passes("Three people died at the scene, and a fourth died later in hospital, "
                       "bringing the toll to four.", date="2024-03-11"),
        Example.flags_("The crash killed 12 people. Among the 13 dead were two children.",
                       date="2024-06-05"),
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
    ),
)

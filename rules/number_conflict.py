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

from collections.abc import Iterator
from itertools import combinations

from checker.facts import ArticleFacts
from checker.lexicon import TALLY_NOUNS
from checker.model import Example, Finding, Related, Rule, Severity
from checker.people import Count


def _tally(c: Count) -> bool:
    return ":" in c.kind or c.kind in TALLY_NOUNS or c.noun in TALLY_NOUNS


def _show(value: float) -> str:
    return f"{value:,.0f}"


def check(facts: ArticleFacts) -> Iterator[Finding]:
    counts = list(facts.people.counts)
    reported: set[int] = set()
    for a, b in combinations(counts, 2):
        if a.value == b.value or id(b) in reported:
            continue
        if a.ordinal != b.ordinal:
            continue
        if a.ordinal:
            # the rank of one event: "its fourth warning" … "the retailer's third"
            if a.noun != b.noun or a.sentence == b.sentence or min(a.value, b.value) < 2:
                continue
        elif a.kind != b.kind or not _tally(a):
            continue
        if any(c.explained for c in facts.people.counts if c.kind == a.kind
               and a.sentence <= c.sentence <= b.sentence) or any(
                c.explained for c in (a, b)):
            continue
        reported.add(id(b))
        yield RULE.finding(
            b.span,
            f"{_show(b.value)} here, but {_show(a.value)} earlier "
            f"({facts.words_at(a.span)!r}), for what seems to be the same "
            f"{'rank' if a.ordinal else a.kind.replace(':', ' ')}",
            related=[Related(a.span, "first given here")],
            hint="check the figure; if it changed, say how",
        )


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
        Example.passes("About 70 firefighters and 12 fire engines were sent. The fire damaged "
                       "12 flats and 11 people were rescued.", date="2024-04-15"),
    ),
)

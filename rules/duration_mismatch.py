"""duration-mismatch: a stated length of time disagrees with its own endpoints.

## What it flags
"a three-day visit, arriving Monday and leaving Thursday" (four days); "closed for two
weeks, from 3 to 10 June" (eight days); "a 12-day strike" that "began on 4 September and
ended on 12 September" (nine days); "14 years on the bench, from 1991 until … 2011".
## Why it matters
The reader can count; one of the three numbers is wrong.
## Instead
Count the days inclusively, as newsrooms do (Monday to Thursday is four days), and correct
the length or the dates.
"""

from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts, Mention
from checker.model import Finding, Related, Severity

_DAYS = {"month": 30.44, "year": 365.25, "decade": 3652.5}
_SLACK = {"month": 1, "year": 0.5, "decade": 0.5}  # rounding a writer may do, in units


def _days(a: Mention, b: Mention) -> tuple[float, float] | None:
    """Shortest and longest inclusive day counts from a's start to b's end."""
    if a.kind == b.kind == "weekday":
        n = (b.weekday - a.weekday) % 7 + 1  # Monday to Thursday: four days, any week
        return n, n
    if a.value is None or b.value is None:
        return None
    low = (b.value.first - a.value.last).days + 1
    high = (b.value.last - a.value.first).days + 1
    return (low, high) if high >= 1 else None


def _fits(amount: float, unit: str, low: float, high: float) -> tuple[bool, bool]:
    """(fits, fits only when counted exclusively)."""
    if unit == "day":
        if low <= amount <= high:
            return True, False
        return False, low - 1 <= amount <= high - 1
    if unit == "night":
        return low - 1 <= amount <= high - 1, False
    if unit == "week":
        return low - 3 <= amount * 7 <= high + 2, False
    if unit in _DAYS:
        size, slack = _DAYS[unit], _SLACK[unit]
        return low / size - slack <= amount <= high / size + slack, False
    return True, False


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for stretch in facts.stretches:
        d, a, b = (facts.mentions[i] for i in (stretch.duration, stretch.start, stretch.end))
        amount, unit = d.duration_days()
        same_sentence, open_end = stretch.same_sentence, stretch.open_end
        span = _days(a, b)
        if span is None:
            continue
        low, high = span
        fits, exclusive = _fits(amount, unit, low, high)
        if fits or (open_end and _fits(amount, unit, 1, high)[0]):
            continue  # after an open end only a stretch too long to fit is impossible
        count = f"{int(low)} days" if low == high else f"{int(low)} to {int(high)} days"
        if unit in _DAYS:
            size = _DAYS[unit]
            count = f"about {low / size:.0f}" if round(low / size) == round(high / size) \
                else f"{low / size:.0f} to {high / size:.0f}"
            count += f" {unit}s"
        told = "is too long for" if open_end else "does not match"
        yield RULE.finding(
            d.span,
            f"{facts.words(d)!r} {told} its dates: from {facts.words(a)!r} to "
            f"{facts.words(b)!r} is {count}, counted inclusively",
            related=[Related(a.span, "starts here"), Related(b.span, "ends here")],
            hint="correct the length or the dates",
            severity=None if same_sentence and not exclusive else Severity.WARNING,
        )


RULE = Rule(
    id="duration-mismatch",
    severity=Severity.ERROR,
    title="Stated length disagrees with its dates",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("The two-day summit opens on Tuesday and closes on Thursday.",
                       date="2024-09-09"),
        Example.flags_("The road will be closed for two weeks, from 3 to 10 June.",
                       date="2024-05-28"),
        Example.flags_("She served 14 years on the bench, from 1991 until she retired in 2011."),
        Example.passes("He will spend four days in China, arriving on Monday and leaving on "
                       "Thursday.", date="2024-05-29"),
        Example.flags_("The gallery reopened on Saturday after a three-year refit that began "
                       "in October 2022.", date="2024-10-14"),
        Example.passes("The gallery reopened on Saturday after a two-year refit that began "
                       "in October 2022.", date="2024-10-14"),
        Example.flags_("She retired in 2011, ending a 12-year career that began in 1991."),
        Example.passes("The side won on Saturday after a three-week break that began in "
                       "August.", date="2024-10-14"),  # the break may have ended before
        Example.passes("She retired in 2011, ending a 20-year career that began in 1991."),
        Example.flags_("Rescuers spent three days searching, from Thursday to Friday.",
                       date="2024-10-21"),
        Example.passes("The three-day festival runs from 2 to 4 August.", date="2024-07-01"),
        Example.passes("The strike lasted about ten days, from 3 to 14 June.",
                       date="2024-07-01"),  # an approximate length is no claim to check
        Example.passes("The strike lasted 10 to 12 days, from 3 to 20 June.",
                       date="2024-07-01"),  # a range of lengths is no claim to check
    ),
)

"""age-mismatch: ages, birth dates and birthdays of one person disagree.

## What it flags
"born in 1980" and "the 50-year-old" in a 2024 story; "born on 17 June 1934" and "died aged
82" on 6 January 2019; "Maddox (38)" and "Maddox, aged 35"; a "35th birthday" for someone
the newsroom's facts file says was born in 1984.
## Why it matters
Ages are checked by readers who knew the person; a wrong one is a correction.
## Instead
Recompute the age from the birth date and the date of the event, and correct one.

With only a birth year, someone born in B is Y−B−1 or Y−B in year Y. A story that spans a
birthday and says so ("turned 36 on Saturday") is consistent. Ages attached by apposition
or as the subject of "born"/"died aged" are errors when they disagree; an age attached by a
guess ("the 52-year-old" referring back) gives a warning.
"""

import datetime as dt
from collections.abc import Iterator
from itertools import combinations

from checker.rules.base import Example, Rule

from checker.facts import AgeFact, ArticleFacts, month_name, words
from checker.model import Finding, Related, Severity, Suggestion


def _age_range(born: tuple[int, int | None, int | None], at: tuple[dt.date, dt.date]
               ) -> tuple[int, int]:
    """Youngest and oldest the person can be during `at`, given the birth parts known."""
    year, month, day = born
    first, last = at
    if month and day:
        def exact(d: dt.date) -> int:
            return d.year - year - ((d.month, d.day) < (month, day))
        return exact(first), exact(last)
    low, high = first.year - year - 1, last.year - year
    if month:
        if first.month > month:
            low += 1
        if last.month < month:
            high -= 1
    return low, high


def _can_both_hold(earlier: AgeFact, later: AgeFact) -> bool:
    """Could one person be both ages at those times? Between two moments a person ages
    the whole years that surely pass, and at most one more; at one fixed moment, not at
    all ("Maddox (38)" … "Maddox, aged 37" in one report)."""
    mindays = max(0, (later.at[0] - earlier.at[1]).days)
    maxdays = (later.at[1] - earlier.at[0]).days
    lo, hi = int(mindays / 365.25), int(maxdays / 365.25) + (1 if maxdays > 0 else 0)
    if earlier.kind in ("birthday", "turned"):
        # reached on a birthday within `earlier.at`: no birthday of that year is left
        # before it, so it grows by no more than the whole years after
        hi = int(maxdays / 365.25) + (0 if later.kind == "age" else 1)
    e_low = earlier.age
    e_high = earlier.age_high if earlier.age_high is not None else earlier.age
    l_low = later.age
    l_high = later.age_high if later.age_high is not None else later.age
    return l_low <= e_high + hi and e_low + lo <= l_high


def _moment(at: tuple[dt.date, dt.date]) -> str:
    first, last = at
    if first == last:
        return f"{first:%-d %B %Y}"
    if first.year == last.year and first.month == last.month:
        return f"{first:%B %Y}"
    if first.year == last.year:
        return str(first.year)
    return f"{first:%-d %B %Y} to {last:%-d %B %Y}"


def _when(at: tuple[dt.date, dt.date]) -> str:
    moment = _moment(at)
    return f"on {moment}" if at[0] == at[1] else f"in {moment}"


def _born_words(born: tuple[int, int | None, int | None]) -> str:
    """'on 17 June 1934', 'in June 1934', 'in 1934': as one would say when someone was born."""
    year, month, day = born
    if month and day:
        return f"on {day} {month_name(month)} {year}"
    return f"in {month_name(month)} {year}" if month else f"in {year}"


def _fix(facts: ArticleFacts, claim: AgeFact, age: int) -> list[Suggestion]:
    """The age the birth date gives, in place of the number as written and in its style:
    "aged 35" → "aged 38", "the fifty-two-year-old" → "the forty-four-year-old", "his 35th
    birthday" → "his 36th" (and "a" → "an" where the number needs it)."""
    span = claim.number_span
    if span is None or claim.age_high is not None:
        return []
    text = words.number_like(age, facts.words_at(span))
    if text is None:
        return []
    article = facts.article_before(span)
    if article is not None and words.article(text) != facts.words_at(article).lower():
        span = article.cover(span)
        text = f"{words.like(words.article(text), facts.words_at(article))} {text}"
    return [Suggestion(span, text, "the age the birth date gives")]


def _check_against_birth(facts: ArticleFacts, name: str, born, born_span, source: str | None,
                         claims: list[AgeFact], certain_birth: bool) -> Iterator[Finding]:
    leap_day = born[1:] == (2, 29)
    for claim in claims:
        if claim.age is None or claim.at is None:
            continue
        if claim.at[1].year < born[0] or (born[1] and (claim.at[1].year, claim.at[1].month)
                                          <= (born[0], born[1])):
            continue  # an age told of a time before the birth: the time was misread
        if leap_day and claim.kind == "birthday":
            continue  # someone born on 29 February counts birthdays two ways ("his 11th")
        low, high = _age_range(born, claim.at)
        if claim.kind in ("birthday", "turned"):
            # the age reached on a birthday that falls within `at`: the years it spans
            # (when exactly is not told, the year before publication too)
            first, last = claim.at
            loose = first == last == facts.pub
            low = first.year - born[0] - (1 if loose else 0)
            high = last.year - born[0]
        claimed_high = claim.age_high if claim.age_high is not None else claim.age
        if claim.age <= high and low <= claimed_high:
            continue
        expected = str(low) if low == high else \
            f"{low} or {high}" if high == low + 1 else f"{low} to {high}"
        when = _when(claim.at)
        told = str(claim.age) if claimed_high == claim.age else \
            f"{claim.age} to {claimed_high}"
        origin = f" (according to {source})" if source else ""
        related = [Related(born_span, "birth date stated here")] if born_span else []
        yield RULE.finding(
            claim.span,
            f"{name} was born {_born_words(born)}{origin}, so was {expected} {when}, "
            f"not {told} ({facts.words_at(claim.span)!r})",
            related=related,
            hint="recompute the age from the birth date, or check the birth date",
            suggestions=_fix(facts, claim, low) if low == high else [],
            severity=None if claim.certain and certain_birth and not source else Severity.WARNING)


def check(facts: ArticleFacts) -> Iterator[Finding]:
    people = facts.people
    for person in people.persons:
        mine = [a for a in people.ages if a.person == person.id]
        births = [a for a in mine if a.kind == "born" and a.born]
        claims = [a for a in mine if a.kind != "born"]
        if births:
            b = births[0]
            yield from _check_against_birth(facts, person.name, b.born, b.span, None, claims,
                                            b.certain)
            continue
        known = next((k for k in facts.known if person.name.lower().replace("-", " ")
                      in k.names()), None)
        if known is not None and known.born is not None:
            born = (known.born.year, known.born.month, known.born.day)
            yield from _check_against_birth(facts, person.name, born, None,
                                            facts.known_source, claims, True)
            continue
        current = [a for a in claims if a.at is not None and a.age is not None]
        for a, b in combinations(current, 2):
            later, earlier = (b, a) if b.at[0] >= a.at[0] else (a, b)
            if _can_both_hold(earlier, later):
                continue
            yield RULE.finding(
                later.span,
                f"{person.name} is given two ages that cannot both hold: "
                f"{facts.words_at(earlier.span)!r} ({_moment(earlier.at)}) and "
                f"{facts.words_at(later.span)!r} ({_moment(later.at)})",
                related=[Related(earlier.span, "other age stated here")],
                hint="check the person's age",
                severity=None if a.certain and b.certain else Severity.WARNING)
            break


RULE = Rule(
    id="age-mismatch",
    severity=Severity.ERROR,
    title="Ages of one person disagree",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("Morel, born in 1979, has been appointed. \"I want a team that attacks,\" "
                       "Morel said. The 52-year-old told a news conference.",
                       date="2023-09-26"),
        Example.flags_("Ryan Maddox (38) pleaded guilty. Counsel said Maddox, aged 35, was "
                       "sober.", date="2024-11-27"),
        Example.flags_("Margarethe Vollmer has died aged 82. She died on Sunday. Born on 17 "
                       "June 1934, Vollmer studied piano.", date="2019-01-09"),
        Example.flags_("Ruth Ames (b. 1960) died on Monday aged 70.", date="2024-06-05"),
        Example.flags_("The dead included a 34-year-old guide, Pemba Dorje, who was born in "
                       "1985.", date="2024-10-18"),
        Example.passes("Keith Lowe, aged 74, was born in Leeds in 1950.", date="2024-06-05"),
        Example.passes("Edna Pryce (1931–2025) died on 28 February aged 93.",
                       date="2025-03-05"),
        Example.passes("Adaeze Okonjo, who turned 36 on Saturday, was born in February 1988.",
                       date="2024-02-20"),
        Example.passes("Tomas Reyes, 42, and his brother Mateo Reyes, 39, pulled her out.",
                       date="2024-04-22"),
        Example.passes("Derek Ashworth has died aged 83. He died on Monday. Born on 3 March "
                       "1941, Ashworth joined the club in 1964.", date="2024-04-17"),
    ),
)

"""name-variant: one person's name is spelled two ways.

## What it flags
"Margarethe Vollmer" … "Volmer"; "Karim Haddad" … "Mr Hadad"; "Siobhán O'Callaghan" …
"O'Callahan".
## Why it matters
Misspelling a name is the commonest correction a paper prints.
## Instead
Check the spelling against the source and use one throughout.

A variant is a name word one or two letters away from the surname of someone named in
full, that is not itself introduced with another first name (two people can share a
surname or have similar ones); a full name whose first name is the same and whose surname
is one slip away ("Tom Baird" … "Tom Bard") is flagged too. Spellings that differ only by hyphens or spacing
("Kim Jong Un" / "Kim Jong-un") are transliteration variants, reported as info.
"""

from collections import Counter
from collections.abc import Iterator

import jellyfish
from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts
from checker.model import Finding, Related, Severity


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def _close(a: str, b: str) -> bool:
    """A slip of one letter (two in long names), in the shape typos take: the first two
    letters intact, and not just a plural or possessive ending."""
    if a == b or min(len(a), len(b)) < 4 or a[:2] != b[:2]:
        return False
    if a.rstrip("s'") == b.rstrip("s'"):
        return False
    limit = 1 if max(len(a), len(b)) < 9 else 2
    return jellyfish.damerau_levenshtein_distance(a, b) <= limit


def check(facts: ArticleFacts) -> Iterator[Finding]:
    people = facts.people
    full = [p for p in people.persons if p.first and p.surname]
    used = Counter(_key(n.text) for n in people.names)
    firsts = {_key(p.first) for p in full}
    surnames = {_key(p.surname) for p in full}
    seen: set[str] = set()
    for token in people.names:
        word = _key(token.text)
        if token.full_name or not token.person_like or word in surnames or word in firsts \
                or word in seen:
            continue
        for person in full:
            canonical = _key(person.surname)
            if not _close(word, canonical) or used[word] > used[canonical]:
                continue
            first_span = person.spans[0]
            seen.add(word)
            yield RULE.finding(
                token.span,
                f"{token.text!r} looks like a misspelling of {person.name!r} "
                f"(spelled {person.name.split()[-1]!r} "
                f"{used[canonical]} time{'s' * (used[canonical] != 1)} elsewhere)",
                related=[Related(first_span, "name given here")],
                hint="check the spelling against the source")
            break
    # "Tom Baird" … "Tom Bard": the same first name with a surname one slip away is the
    # same person misspelt, even though the slip came with the first name
    by_first: dict[str, list] = {}
    for person in full:
        by_first.setdefault(_key(person.first), []).append(person)
    for group in by_first.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                sa, sb = _key(a.surname), _key(b.surname)
                if not _close(sa, sb) or sa in seen or sb in seen:
                    continue
                right, wrong = (a, b) if used[sa] >= used[sb] else (b, a)
                seen.add(_key(wrong.surname))
                n = used[_key(right.surname)]
                yield RULE.finding(
                    wrong.spans[0],
                    f"{wrong.name!r} looks like a misspelling of {right.name!r} (spelled "
                    f"{right.name.split()[-1]!r} {n} time{'s' * (n != 1)} elsewhere)",
                    related=[Related(right.spans[0], "name given here")],
                    hint="check the spelling against the source")
    for person in people.persons:
        spellings = {n for n in person.names}
        if len(spellings) > 1:
            first, *others = sorted(spellings, key=person.names.index)
            yield RULE.finding(
                person.spans[person.names.index(others[0])],
                f"{first!r} is also written {others[0]!r}; pick one transliteration",
                related=[Related(person.spans[0], "first written here")],
                severity=Severity.INFO)


RULE = Rule(
    id="name-variant",
    severity=Severity.WARNING,
    title="Name spelled two ways",
    rationale=__doc__,
    check=check,
    examples=(
        Example.flags_("Margarethe Vollmer conducted in Kiel. Vollmer taught piano. \"Come to "
                       "the opera,\" Volmer told a radio interviewer."),
        Example.flags_("Karim Haddad reopened the restaurant. Mr Haddad thanked the staff, "
                       "and Mr Hadad said he was moved."),
        Example.flags_("Head librarian Ruth Okafor opened the doors. Okafor said the queue "
                       "began at dawn. Ruth Okafur thanked the volunteers."),
        Example.passes("Tomas Reyes, 42, and his brother Mateo Reyes, 39, pulled her out. "
                       "Reyes said it was nothing."),
        Example.passes("Anna Berg won the sprint and Anna Borg the relay."),
        Example.passes("Kim Jong Un met the delegation. Duyeon Kim, an analyst, said Kim "
                       "wanted a deal."),
    ),
)

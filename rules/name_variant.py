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

Any other proper name, a place's or an organisation's as well as a person's, written once
one slip away from a spelling used elsewhere ("Aberystwyth" … "Aberystwith", "van den
Broek" … "Van der Broek", "MacDonald" … "McDonald", "Sánchez" … "Sanchez", "Dagmar
Lindqvist" … "Dagmer Lindqvist") is flagged as a warning: a dropped accent is no
transliteration but one name keyed two ways in one story. Two dictionary words ("Store",
"Spore"), a name and its derived word ("Somalia", "Somali"), both spellings in one
sentence, and two people each introduced with an age are left alone.
"""

from collections.abc import Iterator

from checker.rules.base import Example, Rule

from checker.facts import ArticleFacts
from checker.model import Finding, Related, Severity, Suggestion


def check(facts: ArticleFacts) -> Iterator[Finding]:
    for v in facts.people.variants:
        if v.transliteration:
            yield RULE.finding(
                v.span, f"{v.name!r} is also written {v.written!r}; pick one transliteration",
                related=[Related(v.name_span, "first written here")], severity=Severity.INFO,
                suggestions=[Suggestion(v.span, v.name, "as first written")])
            continue
        yield RULE.finding(
            v.span,
            f"{v.written!r} looks like a misspelling of {v.name!r} "
            f"(spelled {v.spelled!r} {v.uses} time{'s' * (v.uses != 1)} elsewhere)",
            related=[Related(v.name_span, "name given here")],
            hint="check the spelling against the source",
            suggestions=[Suggestion(v.span, v.respelled or _respelled(v.written, v.spelled),
                                    "the spelling the copy uses most")])


def _respelled(written: str, spelled: str) -> str:
    """The words at the variant with its surname spelled as elsewhere: "Tom Bard" with
    "Baird" is "Tom Baird"; a title or first name before it stays as written."""
    before, _, _last = written.rpartition(" ")
    return f"{before} {spelled}" if before else spelled


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
        Example.flags_("Storms closed the pier in Llandudno. Cafés in Llandudo stayed shut."),
        Example.flags_("Hendrik van der Linde chairs the board. Van den Linde said the dykes "
                       "would hold."),
        Example.passes("Anna Berg won the sprint and Anna Borg the relay."),
        Example.passes("Exports to Slovenia rose. Trade with Slovakia fell."),
        Example.passes("Kim Jong Un met the delegation. Duyeon Kim, an analyst, said Kim "
                       "wanted a deal."),
    ),
)

"""Print the people layer of an article: persons, names, ages, counts (a developer aid)."""

import datetime as dt
import sys

from checker.engine import analyse
from checker.source import read_path

a = analyse(read_path(sys.argv[1]),
            publication_date_given=dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else None)
P = a.facts.people
text = a.article.text
for p in P.persons:
    print("PERSON", p.id, p.names, p.first, p.surname, len(p.spans))
for n in P.names:
    print("NAME", n.text, n.person, n.role, n.full_name)
for x in P.ages:
    print("AGE", x.kind, repr(text[x.span.start:x.span.end]), "person", x.person, x.age, x.born, x.at, x.certain, x.then)
for c in a.facts.counts.counts:
    print("COUNT", repr(text[c.span.start:c.span.end]), c.value, c.noun, c.kind, c.ordinal, c.sentence, c.explained)

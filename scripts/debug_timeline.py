"""Print every mention of an article with its grammar and value (a developer aid)."""

import sys

from checker.engine import analyse
from checker.source import read_path

path = sys.argv[1]
date = sys.argv[2] if len(sys.argv) > 2 else None
import datetime as dt

a = analyse(read_path(path), publication_date_given=dt.date.fromisoformat(date) if date else None)
print("pub:", a.facts.publication)
for m in a.facts.mentions:
    att = m.attachment
    print(f"{m.id:>3} {m.kind:<9} {m.text!r:<28} s{att.sentence} prep={att.prep} verb={att.verb}"
          f" tense={att.tense.value} ctx={att.context_tense.value} rep={att.reported}"
          f" subj={att.subject_key} noun={att.noun} ev={att.event_class} mod={att.modifies_noun}"
          f" places={att.places} cues={sorted(att.noun_cues)} -> "
          f"{m.value.describe() if m.value else None} [{m.how.value}]"
          f"{' DATELINE' if m.dateline else ''}{' restates=' + str(m.restates) if m.restates is not None else ''}")

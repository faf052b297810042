"""Ages, births and birthdays, each attached to a person by grammar: apposition ("Kim,
35,", "Maddox (38)"), the subject of "born"/"died aged"/"turned", or, for "the
52-year-old", the person last named (a guess, marked as such); and the time each holds,
from the dates on the same verb."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from checker import lexicon as lx
from checker.facts.people import AgeFact, Person
from checker.facts.time import Mention
from checker.model import Span
from checker.nlp.grammar import climb_to_verb, subject_of, tense_of
from checker.nlp.numbers import number, ordinal

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token


_NUM = r"(?P<n>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)"
# "(b. 1960)", "(born 1960)", "(1931–2025)"; a bare "(2019)" after a name is more often a
# film's or a book's year than a birth
_BRACKETED_BIRTH = re.compile(
    r"(?<=\S)[^\S\n]*\((?:(?:b\.|born)[^\S\n]*(?P<y>1[89]\d\d|20[0-2]\d)|"
    r"(?P<y2>1[89]\d\d|20[0-2]\d)[^\S\n]*[-–—][^\S\n]*(?:1[89]\d\d|20[0-2]\d))[^\S\n]*\)")
AGE_PATTERNS = (
    ("year-old", re.compile(rf"(?P<then>\bthen[\s-]+)?\b{_NUM}-year-old\b")),
    ("aged", re.compile(r"\baged\s+(?P<n>\d{1,3})\b")),
    ("paren", re.compile(r"\((?P<n>\d{1,3})\)")),
    ("comma", re.compile(r",\s(?P<n>\d{1,3})(?=,|\.|;|\s+and\b|\s+who\b|\s+said\b)")),
    ("age-of", re.compile(rf"\bage\s+of\s+{_NUM}\b")),
    ("turned", re.compile(rf"\b(?:turned|turns|turning|turn)\s+{_NUM}\b(?!\s*(?:%|per|times))")),
    ("birthday", re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+birthday\b|\b(?P<w>[a-z]+"
                            r"(?:-[a-z]+)?)\s+birthday\b")),
    ("died-at", re.compile(r"\bdied\s+at\s+(?P<n>\d{1,3})\b")),
)
class Ages:
    def __init__(self, doc: Doc, grammar, token_person: dict[int, int],  # noqa: ANN001
                 persons: list[Person], on_verb: dict[int, list[Mention]],
                 pub: dt.date | None) -> None:
        self.doc = doc
        self.grammar = grammar
        self.token_person = token_person
        self.persons = persons
        self.on_verb = on_verb
        self.pub = pub
        # "(1931–2025)" after a name is a life's span, not when the clause happens
        self._lifespans = [m.span() for m in _BRACKETED_BIRTH.finditer(doc.text)]
        self._deaths = sorted((m for ms in on_verb.values() for m in ms
                               if m.attachment.verb == "die" and self._timed(m)
                               and m.value.is_day), key=lambda m: m.span.start)

    def _timed(self, m: Mention) -> bool:
        """A mention that can say when a clause happens."""
        return (m.value is not None and not m.dateline and m.kind not in ("duration", "ref", "set")
                and not any(a <= m.span.start and m.span.end <= b for a, b in self._lifespans))

    def _person_of(self, token: Token | None, depth: int = 0) -> tuple[int | None, bool]:
        """The person a token names or stands for: (person id, certain)."""
        if token is None or depth > 3:
            return None, False
        if token.i in self.token_person:
            return self.token_person[token.i], True
        for c in token.children:  # "Kim Jong Un": the head token of a compound name
            if c.dep_ in ("compound", "flat") and c.i in self.token_person:
                return self.token_person[c.i], True
        if token.lower_ in lx.PERSON_PRONOUNS:
            pid = self._last_subject(token.i)
            if pid is None:
                before = [i for i in self.token_person if i < token.i]
                pid = self.token_person[max(before)] if before else None
            if pid is None:  # "…to mark his 60th birthday" before the name is given
                pid = self._main_person(len(self.doc))
            return pid, False
        if token.dep_ == "appos" or token.dep_ == "relcl":
            return self._person_of(token.head, depth + 1)
        return None, False

    def _clause_subject(self, token: Token) -> Token | None:
        verb = climb_to_verb(token)
        return subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None

    def _time_of(self, token: Token) -> tuple[dt.date, dt.date] | None:
        """The time an age holds: a date on the same verb, else the publication date."""
        verb = climb_to_verb(token)
        if verb.lemma_ in ("bear", "born") or verb.lower_ == "born":
            # "Smith, aged 64, was born in Leeds in 1950": the birth date is not when
            # the age holds
            return (self.pub, self.pub) if self.pub else None
        sentence = self._sentence(token)
        for m in self.on_verb.get(verb.idx, ()):
            if m.attachment.sentence == sentence and self._timed(m):
                return m.value.first, m.value.last
        return (self.pub, self.pub) if self.pub else None

    def _sentence(self, token: Token) -> int:
        return self.grammar.sentence_index(token.idx)

    def facts(self) -> list[AgeFact]:
        out: list[AgeFact] = []
        text = self.doc.text
        for kind, rx in AGE_PATTERNS:
            for m in rx.finditer(text):
                fact = self._age(kind, m)
                if fact is not None:
                    out.append(fact)
        out.extend(self._births())
        out.sort(key=lambda f: f.span.start)
        return out

    def _age(self, kind: str, m: re.Match[str]) -> AgeFact | None:
        n = number(m.group("n") if m.groupdict().get("n") else m.groupdict().get("w"))
        if n is None or not 0 < n < 130:
            return None
        span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            return None
        first, last = span[0], span[-1]
        where = Span(m.start(), m.end())
        if kind in ("paren", "comma"):
            prev = self.doc[first.i - 1] if first.i > 0 else None
            pid = self.token_person.get(prev.i) if prev is not None else None
            if pid is None:
                return None
            return AgeFact(where, "age", pid, age=n, at=self._time_of(prev))
        if kind == "aged":
            prev = self.doc[first.i - 2] if first.i > 1 else None  # "Maddox, aged 35"
            if prev is not None and self.doc[first.i - 1].text == "," and \
                    prev.i in self.token_person:
                return AgeFact(where, "age", self.token_person[prev.i], age=n,
                               at=self._time_of(prev))
            subj = self._clause_subject(first)
            pid, certain = self._person_of(subj)
            died = any(t.lemma_ == "die" for t in self.doc[max(0, first.i - 3):first.i]) or \
                first.head.lemma_ == "die"  # "died on 28 February aged 93"
            return AgeFact(where, "died-aged" if died else "age", pid, age=n,
                           at=self._death_time(pid) if died else self._time_of(first),
                           certain=certain) if pid is not None else None
        if kind == "died-at":
            pid, certain = self._person_of(self._clause_subject(first))
            return AgeFact(where, "died-aged", pid, age=n, at=self._death_time(pid),
                           certain=certain) if pid is not None else None
        if kind == "year-old":
            then = bool(m.group("then"))
            head = last
            while head.head.i != head.i and head.dep_ in ("compound", "amod", "nummod",
                                                          "punct") and head.head.i > head.i:
                head = head.head
            named = next((c for c in head.children if c.dep_ == "appos"
                          and c.i in self.token_person), None) if head.i != last.i else None
            if named is not None:  # "a 34-year-old guide, Pemba Sherpa,"
                return AgeFact(where, "age", self.token_person[named.i], age=n,
                               at=self._time_of(head), then=then)
            if head.i != last.i and head.pos_ in ("NOUN",) and head.i not in self.token_person:
                return None  # "a 67-year-old woman": someone not named
            if head.i != last.i and head.i in self.token_person:
                pid, certain = self.token_person[head.i], True  # "the 42-year-old Tomás"
            elif head.dep_ == "appos":
                pid, certain = self._person_of(head.head)
            else:
                pid, certain = self._last_subject(first.i), False
                if pid is None:
                    pid = self._main_person(first.i)
                if pid is None or not (first.i > 0 and self.doc[first.i - 1].lower_ in (
                        "the", "then")):
                    return None
            return AgeFact(where, "age", pid, age=n, at=self._time_of(head), certain=certain,
                           then=then)
        if kind == "age-of":
            pid, certain = self._person_of(self._clause_subject(first))
            if pid is None:
                return None
            if any(t.lemma_ == "die" for t in self.doc[max(0, first.i - 4):first.i]):
                return AgeFact(where, "died-aged", pid, age=n, at=self._death_time(pid),
                               certain=certain)
            at = self._time_of(first)
            if at == (self.pub, self.pub) and self._past(first):
                return None  # "moved to London at the age of seven": some time long ago
            return AgeFact(where, "age", pid, age=n, at=at, certain=certain,
                           then=at is not None and self.pub is not None and at[1] < self.pub)
        if kind == "turned":
            pid, certain = self._person_of(self._clause_subject(first))
            return AgeFact(where, "turned", pid, age=n, at=self._time_of(first),
                           certain=certain) if pid is not None else None
        if kind == "birthday":
            if m.group("w") and ordinal(m.group("w")) is None:
                return None
            birthday = span[-1]
            if any(c.dep_ == "amod" and c.lower_ in lx.BIRTHDAY_QUALIFIERS
                   for c in birthday.children):
                return None  # "her 19th real birthday": leap-day counting
            verb = climb_to_verb(birthday.head)
            if verb.head.lemma_ in lx.WISH_VERBS or verb.head.lower_ in lx.WISH_VERBS:
                return None  # "hopes to reach her 20th birthday"
            owner = next((c for c in birthday.children if c.dep_ == "poss"), None)
            pid, certain = self._person_of(owner) if owner is not None else (None, False)
            if pid is None:
                pid, certain = self._person_of(self._clause_subject(birthday))
            return AgeFact(where, "birthday", pid, age=n, at=self._time_of(birthday),
                           certain=certain) if pid is not None else None
        return None

    def _past(self, token: Token) -> bool:
        return tense_of(climb_to_verb(token)).is_past

    def _last_subject(self, before: int, depth: int = 0) -> int | None:
        """The person most recently the subject of a clause: news copy refers back to its
        subject ("Morel … He guided … the 52-year-old said")."""
        for t in reversed(self.doc[max(0, before - 400):before]):
            if t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if t.i in self.token_person:
                return self.token_person[t.i]
            named = next((c.i for c in t.children if c.dep_ in ("compound", "flat")
                          and c.i in self.token_person), None)
            if named is not None:
                return self.token_person[named]
            if t.lower_ in ("who", "whom") and t.head.dep_ == "relcl" and \
                    t.head.head.i in self.token_person:  # "her grandson Josh, who was born"
                return self.token_person[t.head.head.i]
            if t.lower_ in ("he", "she") and depth < 8:
                return self._last_subject(t.i, depth + 1)
        return None

    def _main_person(self, before: int) -> int | None:
        """The person named most often before this token; the first named on a tie."""
        seen: dict[int, list[int]] = {}
        for i, pid in sorted(self.token_person.items()):
            if i < before:
                seen.setdefault(pid, []).append(i)
        if not seen:
            return None
        return max(seen, key=lambda p: (len({self._sentence(self.doc[i]) for i in seen[p]}),
                                        -seen[p][0]))

    def _death_time(self, pid: int | None) -> tuple[dt.date, dt.date] | None:
        if self._deaths:
            return self._deaths[0].value.first, self._deaths[0].value.last
        return (self.pub, self.pub) if self.pub else None

    def _births(self) -> list[AgeFact]:
        """"born in 1979", "Born in Leipzig on 17 June 1934", "born on 29 February, in 2004":
        the parts one sentence gives, merged; a year is never inferred for a birth."""
        out = []
        for mentions in self.on_verb.values():
            parts = [m for m in mentions
                     if m.attachment.verb == "bear" and m.kind in ("date", "month", "year")]
            year = next((p.written.year for p in parts if p.written.year), None)
            if year is None:
                continue
            month = next((p.written.month for p in parts if p.written.month), None)
            day = next((p.written.day for p in parts if p.written.day), None)
            first = parts[0]
            span = self.doc.char_span(first.span.start, first.span.end, alignment_mode="expand")
            if span is None:
                continue
            pid, certain = self._person_of(self._clause_subject(span.root))
            if pid is not None:
                where = Span(parts[0].span.start, parts[-1].span.end)
                out.append(AgeFact(where, "born", pid, born=(year, month, day), certain=certain))
        # "John Smith (b. 1960)", "Margaret Ellison (1931–2025)": a year in brackets
        # right after a name
        for m in _BRACKETED_BIRTH.finditer(self.doc.text):
            before = self.doc.char_span(m.start() - 1, m.start(), alignment_mode="expand")
            name = self.doc.char_span(max(0, m.start() - 60), m.start(),
                                      alignment_mode="contract")
            if name is None or len(name) == 0 or before is None:
                continue
            pid = self.token_person.get(name[-1].i)
            year = "y" if m.group("y") else "y2"
            if pid is not None:
                out.append(AgeFact(Span(m.start(year), m.end(year)), "born", pid,
                                   born=(int(m.group(year)), None, None)))
        return out

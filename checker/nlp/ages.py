"""Ages, births, deaths and birthdays, each attached to a person and to the time it holds.

Every form of an age: apposition ("Kim, 35,", "Maddox (38)"), "the 52-year-old", "aged
35", "N years old", the predicate ("She was 90", "Reid, who is 35", "was 19 when she won
… in 2009", "Now 24, she …"), "died Monday at 80", "turned/turns 40", "her 70th
birthday", "would have turned 88", and age ranges ("the teenager", "a man in his 40s").
Every form of a birth: "born in 1979", "Born in Lyon in 1941, …, Mercier", "(b. 1960)",
"(1931–2025)", "(DOB 1974-11-04)". Deaths at any grain ("died in 2010").

Who an age belongs to is read from the grammar: the name it is apposed to or modifies,
the subject of its clause, a relative pronoun's antecedent, the name apposed to a common
noun ("The architect Iain Fraser"), "named as X". A pronoun or a definite description
("the 61-year-old former nurse", "the victim") refers back to the person last told as the
subject of a clause, speakers of quotes and reporting verbs left out ("Judge Simon Price
said …"); a pronoun inside a quote is never its speaker. Such guesses are marked
uncertain. When the copy names nobody, one unnamed person ("The actress … The
68-year-old") is the one the story is about.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from checker import lexicon as lx
from checker.facts.people import AgeFact, Person
from checker.facts.time import Mention
from checker.model import Span
from checker.nlp.counts import mentions_by_token
from checker.nlp.grammar import climb_to_verb, subject_of, tense_of
from checker.nlp.names import person_like
from checker.nlp.numbers import number, ordinal

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token


_NUM = r"(?P<n>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)"
_YEAR = r"1[89]\d\d|20[0-2]\d"
# "(b. 1960)", "(born 1960)", "(1931–2025)", "(DOB 1974-11-04)"; a bare "(2019)" after a
# name is more often a film's or a book's year than a birth
_BRACKETED_BIRTH = re.compile(
    rf"(?<=\S)[^\S\n]*\((?:(?:b\.|born)[^\S\n]*(?P<y>{_YEAR})|"
    rf"(?P<y2>{_YEAR})[^\S\n]*[-–—][^\S\n]*(?:{_YEAR})|"
    rf"(?:DOB|D\.O\.B\.|dob|date of birth)[:\s]*(?:(?P<iy>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)|"
    rf"\d{{1,2}}[/.]\d{{1,2}}[/.](?P<ny>{_YEAR})))[^\S\n]*\)")
# "Born Bríd Gallagher in Derrybeg in 1937, she trained …": a birth the parser may miss
_BORN_LEAD = re.compile(rf"\bBorn\b[^.;]{{0,80}}?\b(?P<y>{_YEAR})\b")
AGE_PATTERNS = (
    ("year-old", re.compile(rf"(?P<then>\bthen[\s-]+)?\b{_NUM}-year-old\b", re.IGNORECASE)),
    ("aged", re.compile(r"\baged\s+(?P<n>\d{1,3})(?:\s+and\s+(?P<n2>\d{1,3}))?\b")),
    ("paren", re.compile(r"\((?P<n>\d{1,3})\)")),
    ("comma", re.compile(r",\s(?P<n>\d{1,3})(?=,|\.|;|\s+and\b|\s+who\b|\s+said\b|\s+of\b)")),
    ("age-of", re.compile(rf"\bage\s+of\s+{_NUM}\b")),
    ("turned", re.compile(rf"\b(?:turned|turns|turning|turn|been)\s+{_NUM}\b"
                          r"(?!\s*(?:%|per|times|years?\b|-))")),
    ("birthday", re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+birthday\b|\b(?P<w>[a-z]+"
                            r"(?:-[a-z]+)?)\s+birthday\b")),
    ("years-old", re.compile(r"\b(?P<n>\d{1,3})\s+years?\s+old\b")),
    ("now", re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:Now|Today|At)\s+(?P<n>\d{1,3}),")),
    ("range", re.compile(r"\b(?:in\s+(?:his|her|their)\s+(?P<q>early|mid|late)?[-\s]*"
                         r"(?P<d>[1-9]0)s\b|\bteen(?:ager|age\s+(?:boy|girl))\b)")),
)
_TEEN = (13, 19)
_BODY_ENTS = {"ORG", "GPE", "LOC", "FAC", "NORP"}


def _numbered(kind: str, m: re.Match[str], fact: AgeFact) -> AgeFact:
    """The fact with where its age's number is written, when that number is the age itself
    (not "would have turned 88", 87 at death; not an ordinal in words)."""
    if fact.age is None or fact.age_high is not None:
        return fact
    if fact.span != Span(m.start(), m.end()):  # "aged 45 and 41": a fact for each number
        return replace(fact, number_span=fact.span)
    if not m.groupdict().get("n") or number(m.group("n")) != fact.age:
        return fact
    end = m.end("n") + (2 if kind == "birthday" else 0)  # with its ending: "35th"
    return replace(fact, number_span=Span(m.start("n"), end))


class Ages:
    def __init__(self, doc: Doc, grammar, token_person: dict[int, int],
                 persons: list[Person], on_verb: dict[int, list[Mention]],
                 pub: dt.date | None, mentions: tuple[Mention, ...] = ()) -> None:
        self.doc = doc
        self.grammar = grammar
        self.token_person = token_person
        self.persons = persons
        self.on_verb = on_verb
        self.pub = pub
        self.on_token = mentions_by_token(doc, mentions, on_verb)
        # "(1931–2025)" after a name is a life's span, not when the clause happens
        self._lifespans = [m.span() for m in _BRACKETED_BIRTH.finditer(doc.text)]
        self._quotes = _quotes(doc.text)
        self._unnamed: int | None = None
        self._names_seen: frozenset[str] | None = None
        self._person_facts()
        self._deaths = self._find_deaths()

    # ------------------------------------------------------------------ facts
    def facts(self) -> list[AgeFact]:
        out: list[AgeFact] = []
        text = self.doc.text
        for kind, rx in AGE_PATTERNS:
            for m in rx.finditer(text):
                try:
                    found = self._age(kind, m)
                except _NotAnAge:
                    continue
                out.extend(_numbered(kind, m, f) for f in
                           (found if isinstance(found, list) else [found]) if f is not None)
        out.extend(self._predicates())
        out.extend(self._births())
        out = _drop_far_guesses(out)
        taken: set[tuple[int, int]] = set()
        unique = []
        for f in sorted(out, key=lambda f: f.span.start):
            key = (f.span.start, f.span.end)
            if key not in taken:
                taken.add(key)
                unique.append(f)
        return unique

    def _timed(self, m: Mention) -> bool:
        """A mention that can say when a clause happens."""
        return (m.value is not None and not m.dateline and m.kind not in ("duration", "ref", "set")
                and m.attachment.role.value in ("point", "within", "part")
                and not any(a <= m.span.start and m.span.end <= b for a, b in self._lifespans))

    # ------------------------------------------------------------------ persons
    def _person_of(self, token: Token | None, depth: int = 0) -> tuple[int | None, bool]:
        """The person a token names or stands for: (person id, certain)."""
        if token is None or depth > 4:
            return None, False
        if token.i in self.token_person:
            return self.token_person[token.i], True
        for c in token.children:  # "Kim Jong Un": the head token of a compound name
            if c.dep_ in ("compound", "flat") and c.i in self.token_person:
                return self.token_person[c.i], True
        for c in token.children:  # "The architect Iain Fraser", "the victim, Omar Said,"
            if c.dep_ == "appos" and c.i in self.token_person:
                return self.token_person[c.i], True
            if c.dep_ == "appos" and any(g.i in self.token_person for g in c.children
                                         if g.dep_ in ("compound", "flat")):
                return self._person_of(c, depth + 1)
        named = self._named_as(token)
        if named is not None:
            return named, True
        name = self._name_beside(token)
        if name is not None:
            return name, True
        if token.lower_ in lx.RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self._person_of(token.head.head, depth + 1)  # "Reid, who is 35"
        if token.lower_ in lx.RELATIVE_PRONOUNS and token.head.dep_ == "ccomp" and \
                token.head.head.dep_ == "relcl":
            # "Carver, who police say is 36": the relative clause is the reporting verb's
            return self._person_of(token.head.head.head, depth + 1)
        if token.lower_ in lx.PERSON_PRONOUNS or token.lower_ in ("they", "them"):
            return self._antecedent(token), False
        if token.dep_ in ("appos", "relcl") and token.head.i != token.i:
            pid, certain = self._person_of(token.head, depth + 1)
            if pid is not None:
                return pid, certain
        if token.pos_ == "NOUN" and _definite(token):
            if any(c.dep_ in ("compound", "flat", "appos") and c.pos_ == "PROPN"
                   and c.lower_ in self._name_words() for c in token.children):
                # "the elder Le Pen": the description carries a name, and the name could
                # not be settled on one person; a guess by salience would be someone else
                return None, False
            return self._antecedent(token, describes=token), False  # "the victim"
        return None, False

    def _name_words(self) -> frozenset[str]:
        """Every word of the names the copy gives people, lower-cased."""
        if self._names_seen is None:
            self._names_seen = frozenset(
                w.lower() for p in self.persons
                for w in [*(n for name in p.names for n in name.split()), p.surname or ""]
                if w)
        return self._names_seen

    def _name_beside(self, token: Token) -> int | None:
        """"The architect Iain Fraser … died": a common noun and the name right after it
        parsed as two subjects (or objects) of one verb are one person."""
        if token.pos_ != "NOUN" or token.i + 1 >= len(self.doc):
            return None
        nxt = self.doc[token.i + 1]
        while nxt.dep_ in ("compound", "flat") and nxt.head.i > nxt.i:
            nxt = nxt.head
        if nxt.i in self.token_person and nxt.dep_ == token.dep_ and \
                nxt.head.i == token.head.i and token.head.i != token.i:
            return self.token_person[nxt.i]
        return None

    def _named_as(self, token: Token) -> int | None:
        """"The teenager, named locally as Kyle Dobbs", "He was later named as Darren
        Platt": the name given in the clause."""
        for verb in (token.head, *[c for c in token.children if c.dep_ in ("acl", "relcl")]):
            if verb.lemma_ != "name":
                continue
            after = self._name_after_as(verb)
            if after is not None:
                return after
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            pid = self.token_person.get(p.i)
                            if pid is None:
                                pid = next((self.token_person[g.i] for g in p.children
                                            if g.i in self.token_person), None)
                            if pid is not None:
                                return pid
        return None

    def _name_after_as(self, verb: Token) -> int | None:
        """"named locally as Kyle Dobbs, 20, was …": the parse may hang "as" on a later
        verb; the words say it plainly: "as" within a few words of "named", then a name."""
        for t in self.doc[verb.i + 1:min(len(self.doc), verb.i + 5)]:
            if t.lower_ == "as":
                following = self.doc[t.i + 1:min(len(self.doc), t.i + 4)]
                return next((self.token_person[x.i] for x in following
                             if x.i in self.token_person), None)
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                return None
        return None

    def _antecedent(self, token: Token, describes: Token | None = None) -> int | None:
        """Whom a pronoun or a definite description refers back to: the person last told
        as the subject of a clause, not a speaker ("said Judge Price"), never the speaker
        of the quote the token sits in; when the latest such sentence names two, nobody.
        With no one found, the person the story leads with; with nobody named at all, the
        one unnamed person the story is about."""
        quote_speaker = self._speaker_of_quote(token.idx)
        if describes is None and quote_speaker is None:
            speaker = self._reporter_of(token)
            if speaker is not None:
                return speaker  # "Le Goff says she intends …": she is the one who says
        if describes is not None:
            return self._described(token, describes, quote_speaker)
        this = self.grammar.sentence_index(token.idx)
        for sentence in range(this, max(-1, this - 7), -1):
            found = self._subjects_in(sentence, before=token.i, skip=quote_speaker)
            if len(found) == 1:
                return found.pop()
            if len(found) > 1:
                return None
        lead = self._lead(token.i, skip=quote_speaker)
        if lead is not None:
            return lead
        if this == self._first_body_sentence() and self._indefinite_subject(token):
            # "A retired firefighter has paddled the Clyde to mark his 60th birthday. …
            # Derek Imrie said": the lead's unnamed subject, named next
            return self._lead(len(self.doc), skip=quote_speaker)
        if describes is not None or not any(i < token.i for i in self.token_person):
            return self._unnamed_person(token)
        return None

    def _described(self, token: Token, noun: Token, quote_speaker: int | None) -> int | None:
        """Whom a definite description ("The 36-year-old", "the 79-year-old widower")
        refers back to: the person last told as the subject of a clause, when that person
        is the only one it can be. A speaker counts only when the story is about them;
        someone else told in between by a person noun ("her son", "a woman") may be the
        one described, and so may a person whose title says another sex than the noun's;
        either way, nobody. With no one told in the last sentences, the person the story
        leads with as a subject."""
        gender = _noun_gender(noun)
        lead = self._lead(len(self.doc), skip=quote_speaker, subject=True)
        this = self.grammar.sentence_index(token.idx)
        for sentence in range(this, max(-1, this - 7), -1):
            found, other = self._subjects_in(sentence, before=token.i, skip=quote_speaker,
                                             keep=lead, people=True)
            found = {pid for pid in found if self._genders.get(pid) in (None, gender)}
            if other or len(found) > 1:
                # someone unnamed ("The actress celebrated …") in copy that names nobody
                # before is the one it is about
                named_before = any(i < token.i for i in self.token_person)
                return None if named_before or found else self._unnamed_person(token)
            if found:
                return found.pop()
        if lead is not None and self.doc[self._person_tokens[lead][0]].i < token.i and \
                self._genders.get(lead) in (None, gender):
            return lead
        if this == self._first_body_sentence() and self._indefinite_subject(token):
            # "A retired firefighter … the 60th birthday … Derek Imrie said": the lead's
            # unnamed subject, named next
            return self._lead(len(self.doc), skip=quote_speaker)
        if not any(i < token.i for i in self.token_person):
            return self._unnamed_person(token)
        return None

    def _person_facts(self) -> None:
        """Which persons are surely people, and the sex a title gives ("Mr Hadad"), read
        once. A name tagged a person or titled once is one; any other, by the votes of its
        mentions: for when it does what people do ("Edna Pickering celebrated"), against
        when tagged a place or a body, or coordinated with one ("South Yorkshire Fire and
        Rescue")."""
        self._person_tokens: dict[int, list[int]] = {}
        self._genders: dict[int, str] = {}
        votes: dict[int, int] = {}
        sure: set[int] = set()
        for i, pid in sorted(self.token_person.items()):
            self._person_tokens.setdefault(pid, []).append(i)
            t = self.doc[i]
            before = self.doc[i - 1].lower_.strip(".") if i > 0 else ""
            if before in lx.MALE_WORDS:
                self._genders.setdefault(pid, "m")
            elif before in lx.FEMALE_WORDS:
                self._genders.setdefault(pid, "f")
            if t.dep_ in ("compound", "flat") and self.token_person.get(t.head.i) == pid:
                continue  # one vote a mention, by the name's last word
            first = min([i, *(c.i for c in t.lefts if c.dep_ in ("compound", "flat"))])
            titled = first > 0 and self.doc[first - 1].lower_.strip(".") in lx.TITLES
            body = t.ent_type_ in _BODY_ENTS or any(
                c.dep_ == "conj" and c.ent_type_ in _BODY_ENTS for c in t.children)
            if t.ent_type_ == "PERSON" or titled:
                sure.add(pid)  # the tagger's word for a person, or a title, settles it
            vote = -1 if body else 1 if person_like(t) else 0
            votes[pid] = votes.get(pid, 0) + vote
        self._people = sure | {pid for pid, v in votes.items() if v > 0}

    def _first_body_sentence(self) -> int | None:
        """The lead: the first sentence with a subject that ends as a sentence does (a
        headline, byline or dateline has no full stop)."""
        for sent in self.doc.sents:
            words = [t for t in sent if not t.is_space]
            if words and words[-1].text in (".", "!", "?") and \
                    any(t.dep_ in ("nsubj", "nsubjpass") for t in words):
                return self.grammar.sentence_index(sent[0].idx)
        return None

    def _indefinite_subject(self, token: Token) -> bool:
        """Is the token's clause about someone told with "a"/"an" and no name?"""
        subject = self._clause_subject(token)
        return subject is not None and subject.pos_ == "NOUN" and \
            subject.i not in self.token_person and \
            any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)

    def _reporter_of(self, token: Token) -> int | None:
        """The named person whose reporting verb governs a pronoun's clause."""
        for verb in token.ancestors:
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in lx.REPORTING_VERBS:
                subject = subject_of(verb)
                if subject is None or subject.lower_ in lx.PERSON_PRONOUNS:
                    return None
                return self._person_of(subject, depth=3)[0]
        return None

    def _subjects_in(self, sentence: int, *, before: int, skip: int | None,
                     keep: int | None = None, people: bool = False):
        """The persons a sentence tells as the subject of a clause, outside quotes and not
        as the one who says something (unless it is `keep`, the one the story is about).
        With `people`, only persons surely people, and also whether the sentence tells
        someone unnamed as a subject ("her son was bullied", "a woman was hurt")."""
        start, end = self.grammar.sentence_bounds(sentence)
        found = set()
        other = False
        for t in self.doc:
            if t.idx < start or t.idx >= end or t.i >= before:
                continue
            role = t
            while people and role.dep_ == "conj" and role.head.i != role.i:
                role = role.head  # "Ruth Nye, 34, and Kate Orr, 36, run …": both subjects
            if role.dep_ not in ("nsubj", "nsubjpass") or self._in_quote(t.idx):
                continue
            if people and self._unnamed_someone(t):
                other = True  # "said her husband": someone, speaking or not
                continue
            speaker = role.head.lemma_ in lx.REPORTING_VERBS or \
                role.head.lemma_ in ("speak", "testify")
            if speaker and (keep is None or self._named_pid(t) != keep):
                continue
            pid = self.token_person.get(t.i)
            if pid is None:
                pid = next((self.token_person[c.i] for c in t.children
                            if c.dep_ in ("compound", "flat", "appos")
                            and c.i in self.token_person), None)
            if pid is None and t.lower_ in lx.RELATIVE_PRONOUNS and t.head.dep_ == "relcl":
                named = t.head.head  # "her grandson Josh, who was"; not "said X, who …"
                speaker = named.dep_ in ("nsubj", "nsubjpass") and \
                    named.head.lemma_ in lx.REPORTING_VERBS
                pid = None if speaker else self.token_person.get(named.i)
            if pid is not None and pid != skip and (not people or pid in self._people):
                found.add(pid)
        return (found, other) if people else found

    def _unnamed_someone(self, t: Token) -> bool:
        """A singular person noun told without a name: "her son", "a woman", "the boy"."""
        if t.pos_ != "NOUN" or t.tag_ != "NN" or not (
                t.lemma_ in lx.PERSON_NOUNS or t.lemma_ in lx.MALE_WORDS or
                t.lemma_ in lx.FEMALE_WORDS):
            return False
        return self._named_pid(t) is None and self._named_as(t) is None and \
            self._name_beside(t) is None

    def _named_pid(self, t: Token) -> int | None:
        """The person a token names, or whose name hangs on it ("Mr Hadad", "the
        architect, Iain Fraser,")."""
        pid = self.token_person.get(t.i)
        if pid is None:
            pid = next((self.token_person[c.i] for c in t.children
                        if c.dep_ in ("compound", "flat", "appos")
                        and c.i in self.token_person), None)
        return pid

    def _lead(self, before: int, skip: int | None, subject: bool = False) -> int | None:
        """The person the story leads with: the first named outside a quote and not only
        as a speaker. With `subject`, the first surely a person told as the subject of a
        clause in the body (a byline or a headline is not the story)."""
        body = 0
        if subject:
            first = self._first_body_sentence()
            if first is None:
                return None
            body = self.grammar.sentence_bounds(first)[0]
        for i, pid in sorted(self.token_person.items()):
            if i >= before:
                return None
            t = self.doc[i]
            if pid == skip or self._in_quote(t.idx):
                continue
            role = t.head if t.dep_ in ("compound", "flat") else t
            named_as = role.dep_ == "pobj" and role.head.lower_ == "as" and \
                role.head.head.lemma_ == "name"  # "Police named the dead man as X"
            if subject and (t.idx < body or pid not in self._people or
                            self._named_pid(t) is None or
                            (role.dep_ not in ("nsubj", "nsubjpass") and not named_as)):
                continue
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in lx.REPORTING_VERBS:
                continue
            if t.dep_ in ("compound", "flat") and t.head.dep_ in ("nsubj", "nsubjpass") and \
                    t.head.head.lemma_ in lx.REPORTING_VERBS:
                continue
            return pid
        return None

    def _unnamed_person(self, token: Token) -> int | None:
        """"The actress celebrated her 70th birthday … The 68-year-old said": in copy that
        names nobody, the one person it is about."""
        if any(True for _ in self.token_person):
            return None
        if self._unnamed is None:
            self.persons.append(Person(len(self.persons), names=["the person described"]))
            self._unnamed = self.persons[-1].id
        return self._unnamed

    def _in_quote(self, char: int) -> bool:
        return any(a <= char < b for a, b, _ in self._quotes)

    def _speaker_of_quote(self, char: int) -> int | None:
        """The person who says the quote a position sits in ("… ," said Aisha Bello)."""
        previous = None
        for a, b, _ in self._quotes:
            if a <= char < b:
                speaker = self._speaker_near(b)
                if speaker is None and previous is not None and \
                        "\n" not in self.doc.text[previous[1]:a]:
                    # '"…," said Fatmata Sesay. "She celebrated …"': the same speaker goes on
                    speaker = self._speaker_near(previous[1])
                return speaker
            previous = (a, b)
        return None

    def _speaker_near(self, end: int) -> int | None:
        span = self.doc.char_span(end, min(len(self.doc.text), end + 80),
                                  alignment_mode="contract")
        if span is None:
            return None
        for t in span:
            if t.lemma_ in lx.REPORTING_VERBS:
                subject = subject_of(t)
                pid, _ = self._person_of(subject, depth=3) if subject is not None else \
                    (None, False)
                if pid is None:
                    pid = next((self.token_person[x.i] for x in t.subtree
                                if x.i in self.token_person), None)
                return pid
            if t.text in ".\n":
                break
        return None

    def _first_name_only(self, token: Token, pid: int) -> bool:
        """"his son, also called Marek, 24": a first name told alone after the full name
        may be someone else of the family; copy refers back by the surname."""
        person = self.persons[pid]
        word = token.text.lower().replace("’", "'").strip(".,'")
        alone = not any(self.token_person.get(i) == pid for i in (token.i - 1, token.i + 1))
        return alone and person.first == word and person.surname != word

    def _clause_subject(self, token: Token) -> Token | None:
        verb = climb_to_verb(token)
        return subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None

    # ------------------------------------------------------------------ times
    def _time_of(self, token: Token) -> tuple[dt.date, dt.date] | None:
        """The time an age holds: a date on its clause, climbing through participles
        ("arrived in the fall of 1968, aged 20"; "A retrospective in 2007, marking his 80th
        birthday") and reading when-clauses ("was 19 when she won … in 2009"); else the
        publication date."""
        verb = climb_to_verb(token)
        if verb.lemma_ in ("bear", "born") or verb.lower_ == "born":
            # "Smith, aged 64, was born in Leeds in 1950": the birth date is not when
            # the age holds
            return self._now()
        for _ in range(4):
            when = self._date_on(verb)
            if when is not None:
                return when
            clause = next((c for c in verb.children if c.dep_ == "advcl" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after", "before")
                for m in m_children(c))), None)
            if clause is not None and self._date_on(clause) is not None:
                return self._date_on(clause)
            finite = any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in
                         verb.children) or verb.tag_ in ("VBD", "VBZ", "VBP")
            if verb.head.i == verb.i or (finite and verb.lower_ != "aged"):
                break
            if verb.dep_ in ("acl", "appos") and verb.head.pos_ in ("NOUN", "PROPN"):
                when = self._date_on(verb.head)  # "a retrospective in 2007, marking …"
                if when is not None:
                    return when
            verb = climb_to_verb(verb.head)
        return self._now()

    def _date_on(self, token: Token) -> tuple[dt.date, dt.date] | None:
        sentence = self.grammar.sentence_index(token.idx)
        for m in self.on_token.get(token.i, ()):
            if m.attachment.modifies_noun and token.pos_ in ("VERB", "AUX"):
                continue  # "the 1966 team … celebrated his 83rd birthday": the team's year
            if m.attachment.sentence == sentence and self._timed(m) and \
                    not self._bounded(m):
                return m.value.first, m.value.last
        return None

    def _bounded(self, m: Mention) -> bool:
        span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        return span is not None and span.start > 0 and \
            self.doc[span.start - 1].lower_ in ("since", "from", "until", "till", "by",
                                                  "before", "after")

    def _now(self) -> tuple[dt.date, dt.date] | None:
        return (self.pub, self.pub) if self.pub else None

    def _find_deaths(self) -> dict[int | None, tuple[dt.date, dt.date]]:
        """When each person died, at whatever grain the copy gives ("died on Friday",
        "died in 2010", "died in March 2010"); None keys a death told of nobody known."""
        out: dict[int | None, tuple[dt.date, dt.date]] = {}
        for verb_start, ms in sorted(self.on_verb.items()):
            for m in ms:
                if m.attachment.verb != "die" or not self._timed(m) or self._bounded(m):
                    continue
                verb = self.doc.char_span(verb_start, verb_start + 1, alignment_mode="expand")
                pid = None
                if verb is not None:
                    pid, _ = self._person_of(subject_of(verb[0]) if subject_of(verb[0])
                                             is not None else None)
                value = (m.value.first, m.value.last)
                if pid not in out:
                    out[pid] = value
                break
        if self.pub is None:
            return out
        # "has died aged 82", "dies at 90": undated, but news of it is recent
        month = dt.timedelta(days=30)
        recent = (self.pub - month if self.pub > dt.date.min + month else dt.date.min, self.pub)
        for t in self.doc:
            if t.lemma_ != "die" or t.pos_ != "VERB" or self._in_quote(t.idx) or \
                    tense_of(t).value not in ("perfect", "present"):
                continue
            pid, _ = self._person_of(subject_of(t))
            out.setdefault(pid, recent)
        return out

    def _death_time(self, pid: int | None) -> tuple[dt.date, dt.date] | None:
        if pid in self._deaths:
            return self._deaths[pid]
        if None in self._deaths:
            return self._deaths[None]
        others = [v for k, v in self._deaths.items() if k is not None]
        if len(others) == 1 and len(self.persons) == 1:
            return others[0]
        return None  # "died aged 70" with no date: any time in the past

    # ------------------------------------------------------------------ ages
    def _age(self, kind: str, m: re.Match[str]) -> AgeFact | list[AgeFact] | None:
        if kind == "range":
            return self._range(m)
        n = number(m.group("n") if m.groupdict().get("n") else m.groupdict().get("w"))
        if n is None or not 0 < n < 130:
            return None
        span = self.doc.char_span(m.start("n") if m.groupdict().get("n") else m.start(),
                                  m.end(), alignment_mode="expand")
        if span is None:
            return None
        first = span[0]
        where = Span(m.start(), m.end())
        if kind in ("paren", "comma"):
            prev = self.doc[span.start - 2] if span.start > 1 and kind == "paren" else \
                self.doc[span.start - 2] if span.start > 1 else None
            if prev is not None and prev.text in (",", "("):
                prev = self.doc[prev.i - 1] if prev.i > 0 else None
            pid = self.token_person.get(prev.i) if prev is not None else None
            if pid is None and prev is not None and prev.pos_ == "PROPN":
                pid, _ = self._person_of(prev)
            if pid is None or self._first_name_only(prev, pid):
                return None
            return AgeFact(where, "age", pid, age=n, at=self._time_of(prev))
        if kind == "aged":
            return self._aged(m, n, first, where)
        if kind == "year-old":
            return self._year_old(m, n, span, where)
        if kind == "age-of":
            pid, certain = self._person_of(self._clause_subject(first))
            if pid is None:
                return None
            if any(t.lemma_ == "die" for t in self.doc[max(0, first.i - 4):first.i]):
                return AgeFact(where, "died-aged", pid, age=n, at=self._death_time(pid),
                               certain=certain)
            at = self._time_of(first)
            if at == self._now() and self._past(first):
                return None  # "moved to London at the age of seven": some time long ago
            return AgeFact(where, "age", pid, age=n, at=at, certain=certain,
                           then=at is not None and self.pub is not None and at[1] < self.pub)
        if kind == "turned":
            return self._turned(m, n, first, where)
        if kind == "birthday":
            return self._birthday(m, n, span, where)
        if kind == "years-old":
            pid, certain = self._person_of(self._clause_subject(first))
            if pid is None:
                return None
            return AgeFact(where, "age", pid, age=n, at=self._time_of(first), certain=certain)
        if kind == "now":  # "Now 24, she coaches juniors"; "At 40, she is the youngest"
            verb = climb_to_verb(first)
            pid, certain = self._person_of(subject_of(verb) if verb.pos_ in ("VERB", "AUX")
                                           else None)
            if pid is None or tense_of(verb).is_past:
                return None
            return AgeFact(where, "age", pid, age=n, at=self._now(), certain=certain)
        return None

    def _aged(self, m: re.Match[str], n: int, first: Token, where: Span
              ) -> AgeFact | list[AgeFact] | None:
        if m.group("n2"):  # "The couple, aged 45 and 41": one each, in order
            return self._distributive(m, first)
        prev = self.doc[first.i - 2] if first.i > 1 else None  # "Maddox, aged 35"
        if prev is not None and prev.text == "," and first.i > 2:
            prev = self.doc[first.i - 3]
        if prev is not None and prev.i in self.token_person:
            pid = self.token_person[prev.i]
            died = self._died_near(first)
            return AgeFact(where, "died-aged" if died else "age", pid, age=n,
                           at=self._death_time(pid) if died else self._time_of(prev))
        subj = self._clause_subject(first)
        pid, certain = self._person_of(subj)
        if pid is None:
            return None
        died = self._died_near(first)
        return AgeFact(where, "died-aged" if died else "age", pid, age=n,
                       at=self._death_time(pid) if died else self._time_of(first),
                       certain=certain)

    def _died_near(self, first: Token) -> bool:
        """"died on 28 February aged 93", "has died aged 82"."""
        aged = first.head if first.head.lower_ == "aged" else first
        return any(t.lemma_ == "die" for t in self.doc[max(0, first.i - 4):first.i]) or \
            aged.head.lemma_ == "die" or first.head.lemma_ == "die"

    def _distributive(self, m: re.Match[str], first: Token) -> list[AgeFact]:
        """"The couple, aged 45 and 41": the two people named just before, in order."""
        ages = [int(m.group("n")), int(m.group("n2"))]
        before = sorted({pid for i, pid in self.token_person.items()
                         if i < first.i and self.grammar.sentence_index(self.doc[i].idx) >=
                         self.grammar.sentence_index(first.idx) - 2},
                        key=lambda p: min(i for i, q in self.token_person.items() if q == p))
        if len(before) != 2:
            return []
        at = self._time_of(first)
        return [AgeFact(Span(m.start(g), m.end(g)), "age", pid, age=a, at=at, certain=False)
                for pid, a, g in zip(before, ages, ("n", "n2"), strict=True)]

    def _year_old(self, m: re.Match[str], n: int, span, where: Span
                  ) -> AgeFact | None:
        first, last = span[0], span[-1]
        then = bool(m.group("then"))
        head = last
        while head.head.i != head.i and head.dep_ in ("compound", "amod", "nummod",
                                                      "punct", "npadvmod") and \
                head.head.i > head.i:
            head = head.head
        named = next((c for c in head.children if c.dep_ == "appos"
                      and c.i in self.token_person), None) if head.i != last.i else None
        if named is not None:  # "a 34-year-old guide, Pemba Sherpa,"
            return AgeFact(where, "age", self.token_person[named.i], age=n,
                           at=self._time_of(head), then=then)
        if head.i != last.i and head.i in self.token_person:
            return AgeFact(where, "age", self.token_person[head.i], age=n,
                           at=self._time_of(head), then=then)  # "the 42-year-old Tomás"
        if head.i != last.i and any(c.i in self.token_person for c in head.children
                                    if c.dep_ in ("compound", "flat")):
            pid, _ = self._person_of(head)
            return AgeFact(where, "age", pid, age=n, at=self._time_of(head), then=then)
        before = self.doc[first.i - 1] if first.i > 0 else None
        indefinite = before is not None and before.lower_ in ("a", "an", "another", "one")
        if indefinite:
            named = self._named_as(head)
            if named is None and head.dep_ in ("nsubj", "nsubjpass"):
                named = self._named_as(head.head) if head.head.lemma_ == "name" else None
            if named is None:
                return None  # "a 67-year-old woman": someone not named
            return AgeFact(where, "age", named, age=n, at=self._time_of(head), then=then)
        if head.dep_ == "appos":
            pid, certain = self._person_of(head.head)
            if pid is not None:
                return AgeFact(where, "age", pid, age=n, at=self._time_of(head),
                               certain=certain, then=then)
        if head.dep_ == "poss" or (head.i != last.i and self.doc[head.i + 1].text == "'s"):
            head = head.head  # "The 81-year-old's lawyer": the age is of the owner
            return self._definite_age(where, n, first, head, then, owner=True)
        return self._definite_age(where, n, first, head, then)

    def _definite_age(self, where: Span, n: int, first: Token, head: Token, then: bool,
                      owner: bool = False) -> AgeFact | None:
        """"the 61-year-old former nurse", "The 52-year-old said": a reference back."""
        if head.pos_ == "NOUN" and self._introduced_unnamed(head):
            return None  # "glassing a barman … the 23-year-old barman": that barman
        pid = self._antecedent(first, describes=head)
        if pid is None:
            return None
        at = self._time_of(first if owner else head)
        now = self._now()
        if at is not None and now is not None and not then and at != now:
            # "The 61-year-old joined the firm in 1990": copy names a person by the age
            # they are now as often as by the age they were then
            at = (min(at[0], now[0]), max(at[1], now[1]))
        return AgeFact(where, "age", pid, age=n, at=at, certain=False, then=then)

    def _introduced_unnamed(self, head: Token) -> bool:
        """Was this noun told before with an indefinite article and no name ("a barman")?
        A definite description then refers back to that one, not to a named person."""
        for t in self.doc[:head.i]:
            if t.lemma_ != head.lemma_ or t.pos_ != "NOUN":
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) and \
                    not any(c.dep_ == "appos" for c in t.children) and t.dep_ != "attr":
                return True
        return False

    def _turned(self, m: re.Match[str], n: int, first: Token, where: Span) -> AgeFact | None:
        verb = first.head if first.head.pos_ in ("VERB", "AUX") else climb_to_verb(first)
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.pos_ == "NOUN":
            return None  # "when the café turned 25": a thing's age, as often as a person's
        pid, certain = self._person_of(subject)
        if pid is None:
            return None
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        word = m.group(0).split()[0].lower()
        if word == "been" and not ({"would", "'d"} & auxes):
            return None  # "has been 40 years" is not an age
        if auxes & {"would", "'d", "could", "might"} and "have" in auxes:
            # "He would have turned 88 in December": died at N − 1, before that birthday
            at = self._death_time(pid) if self._deaths else None
            if at is None:
                return None
            return AgeFact(where, "age", pid, age=n - 1, at=at, certain=certain)
        if auxes & lx.MODAL_AUX or auxes & lx.FUTURE_AUX:
            at = self._date_on(verb)
            if at is None or auxes & lx.MODAL_AUX:
                return None  # "will turn 40 next year" without a date: nothing to hold
            return AgeFact(where, "turned", pid, age=n, at=at, certain=certain)
        if verb.tag_ == "VBZ" or word == "turns":  # "turns 18 on 3 June": a year younger now
            at = self._date_on(verb)
            if at is not None and self.pub is not None and at[0] > self.pub:
                return AgeFact(where, "age", pid, age=n - 1, at=self._now(), certain=certain)
        return AgeFact(where, "turned", pid, age=n, at=self._time_of(first), certain=certain)

    def _birthday(self, m: re.Match[str], n: int, span, where: Span
                  ) -> AgeFact | None:
        if m.group("w") and ordinal(m.group("w")) is None:
            return None
        birthday = span[-1]
        if any(c.dep_ == "amod" and c.lower_ in lx.BIRTHDAY_QUALIFIERS
               for c in birthday.children):
            return None  # "her 19th real birthday": leap-day counting
        verb = climb_to_verb(birthday.head)
        if verb.head.lemma_ in lx.WISH_VERBS or verb.head.lower_ in lx.WISH_VERBS or \
                verb.lemma_ in lx.WISH_VERBS:
            return None  # "hopes to reach her 20th birthday"
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & (lx.FUTURE_AUX | lx.MODAL_AUX) or (
                birthday.head.lower_ in ("before", "until", "after") and
                not tense_of(verb).is_past):
            at = self._date_on(birthday) or self._date_on(verb)
            if at is None:
                return None  # "will retire after her 60th birthday next month"
        owner = next((c for c in birthday.children if c.dep_ == "poss"), None)
        pid, certain = self._person_of(owner) if owner is not None else (None, False)
        if pid is None:
            pid, certain = self._person_of(self._clause_subject(birthday))
        if pid is None:
            return None
        at = self._date_on(birthday) or self._time_of(birthday)
        return AgeFact(where, "birthday", pid, age=n, at=at, certain=certain)

    def _range(self, m: re.Match[str]) -> AgeFact | None:
        """"the teenager", "a man in his 40s", "in her late 30s": an age between bounds."""
        if m.group("d"):
            low = int(m.group("d"))
            q = m.group("q")
            low, high = {None: (low, low + 9), "early": (low, low + 3),
                         "mid": (low + 3, low + 6), "late": (low + 6, low + 9)}[q]
        else:
            low, high = _TEEN
        span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            return None
        head = span[-1] if not m.group("d") else span.root
        while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
            head = head.head  # "a man in his 40s" → man
        if head.pos_ in ("VERB", "AUX"):  # "arrested a man in his 40s": parsed onto the verb
            head = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), head)
        pid = self._named_as(head)
        if pid is None and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            verb = head.head
            pid = self._named_as(verb)
            if pid is None:  # "He was later named as Darren Platt": the next sentence
                pid = self._named_next(head)
        if pid is None:
            return None
        return AgeFact(Span(m.start(), m.end()), "range", pid, age=low, age_high=high,
                       at=self._time_of(head), certain=False)

    def _named_next(self, head: Token) -> int | None:
        """"Police arrested a man in his 40s. He was later named as Darren Platt"."""
        sentence = self.grammar.sentence_index(head.idx)
        start, end = self.grammar.sentence_bounds(min(sentence + 1,
                                                      len(self.grammar.sent_starts) - 1))
        for t in self.doc:
            if start <= t.idx < end and t.lemma_ == "name" and t.pos_ == "VERB":
                subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")),
                               None)
                if subject is not None and subject.lower_ in ("he", "she"):
                    return self._named_as(subject)
        return None

    # ------------------------------------------------------------------ predicate ages
    def _predicates(self) -> list[AgeFact]:
        """"She was 90", "Reid, who is 35", "the victim … was 27", "was 19 when she won …
        in 2009", "died Monday at 80"."""
        out = []
        for t in self.doc:
            if not t.like_num or not t.text.isdecimal() or not 0 < int(t.text) < 130:
                continue
            n = int(t.text)
            if t.dep_ in ("attr", "acomp") and t.head.lemma_ == "be" and \
                    not any(c.dep_ not in ("punct",) for c in t.children) and \
                    (t.i + 1 >= len(self.doc) or self.doc[t.i + 1].pos_ not in (
                        "NOUN", "ADJ", "PROPN", "NUM", "SYM")) and \
                    (t.i + 1 >= len(self.doc) or self.doc[t.i + 1].text not in ("-", "%")):
                verb = t.head
                subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                               None)
                if subject is None or subject.pos_ not in ("PRON", "PROPN", "NOUN"):
                    continue
                if subject.pos_ == "NOUN" and not _definite(subject):
                    continue
                if subject.pos_ == "PRON" and subject.lower_ not in (
                        *lx.PERSON_PRONOUNS, *lx.RELATIVE_PRONOUNS, "i"):
                    continue
                pid, certain = self._person_of(subject)
                if pid is None:
                    continue
                at = self._predicate_time(verb, pid)
                out.append(AgeFact(Span(t.idx, t.idx + len(t.text)), "age", pid, age=n,
                                   at=at, certain=certain,
                                   number_span=Span(t.idx, t.idx + len(t.text))))
            elif t.dep_ == "pobj" and t.head.lower_ == "at" and t.head.head.lemma_ == "die":
                verb = t.head.head  # "died Monday at 80"
                pid, certain = self._person_of(subject_of(verb))
                if pid is not None:
                    out.append(AgeFact(Span(t.head.idx, t.idx + len(t.text)), "died-aged",
                                       pid, age=n, at=self._death_time(pid), certain=certain,
                                       number_span=Span(t.idx, t.idx + len(t.text))))
        return out

    def _predicate_time(self, verb: Token, pid: int) -> tuple[dt.date, dt.date] | None:
        """"was 19 when she won … in 2009": the when-clause; "has died. He was 90": the
        death; "is 52": now."""
        clause = next((c for c in verb.children if c.dep_ == "advcl" and any(
            m.lower_ in ("when", "as") for m in m_children(c))), None)
        if clause is not None:
            when = self._date_on(clause)
            return when
        when = self._date_on(verb)
        if when is not None:
            return when
        tense = tense_of(verb)
        if tense.value in ("future", "modal"):
            return None  # "when she will be 80": some time ahead the clause does not date
        if tense.is_past:
            if pid in self._deaths or (None in self._deaths):
                return self._death_time(pid)
            return self._reported(verb)  # "was 35" at some time the copy does not give
        return self._now()

    def _reported(self, verb: Token) -> tuple[dt.date, dt.date] | None:
        """"Police said the victim was 27": a past tense reported after a past reporting
        verb is the tense shifted back, and the age holds when it was said; not when the
        clause says a time of its own ("he was 17 at the time", "was then 30")."""
        head = verb.head
        if verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_ not in lx.REPORTING_VERBS \
                or not tense_of(head).is_past or tense_of(verb).value != "past":
            return None
        if any(c.dep_ not in ("nsubj", "nsubjpass", "attr", "acomp", "punct", "mark", "neg")
               for c in verb.children):
            return None
        return self._date_on(head) or self._now()

    def _past(self, token: Token) -> bool:
        return tense_of(climb_to_verb(token)).is_past

    # ------------------------------------------------------------------ births
    def _births(self) -> list[AgeFact]:
        """"born in 1979", "Born in Leipzig on 17 June 1934", "born on 29 February, in 2004":
        the parts one sentence gives, merged; a year is never inferred for a birth."""
        out = []
        seen_sentences: set[int] = set()
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
            pid, certain = self._born_whom(span.root)
            if pid is not None:
                where = Span(parts[0].span.start, parts[-1].span.end)
                out.append(AgeFact(where, "born", pid, born=(year, month, day), certain=certain))
                seen_sentences.add(first.attachment.sentence)
        # "John Smith (b. 1960)", "Margaret Ellison (1931–2025)", "(DOB 1974-11-04)": a
        # birth in brackets right after a name
        for m in _BRACKETED_BIRTH.finditer(self.doc.text):
            name = self.doc.char_span(max(0, m.start() - 60), m.start(),
                                      alignment_mode="contract")
            if name is None or len(name) == 0:
                continue
            pid = self.token_person.get(name[-1].i)
            if pid is None:
                continue
            if m.group("iy"):
                out.append(AgeFact(Span(m.start("iy"), m.end("id")), "born", pid,
                                   born=(int(m.group("iy")), int(m.group("im")),
                                         int(m.group("id")))))
                continue
            group = next(g for g in ("y", "y2", "ny") if m.group(g))
            out.append(AgeFact(Span(m.start(group), m.end(group)), "born", pid,
                               born=(int(m.group(group)), None, None)))
        # "Born Bríd Gallagher in Derrybeg in 1937, she trained": a birth the parse missed
        for m in _BORN_LEAD.finditer(self.doc.text):
            sentence = self.grammar.sentence_index(m.start())
            if sentence in seen_sentences:
                continue
            start, _ = self.grammar.sentence_bounds(sentence)
            if self.doc.text[start:m.start()].strip():
                continue  # only a sentence that opens with "Born"
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            root = next((s.root for s in self.doc.sents if s.start <= span.start < s.end), None)
            pid, certain = self._person_of(subject_of(root)) if root is not None else \
                (None, False)
            if pid is not None:
                out.append(AgeFact(Span(m.start("y"), m.end("y")), "born", pid,
                                   born=(int(m.group("y")), None, None), certain=certain))
        return out

    def _born_whom(self, root: Token) -> tuple[int | None, bool]:
        """Whose birth: the subject of "born", or, for a fronted "Born in Lyon in 1941, the
        son of a clerk, Mercier …", the named subject of the main clause."""
        verb = climb_to_verb(root)
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        pid, certain = self._person_of(subject)
        if pid is None and verb.dep_ in ("advcl", "acl", "ccomp") and verb.head.i != verb.i:
            main = climb_to_verb(verb.head)
            for c in main.children:
                if c.dep_ in ("nsubj", "nsubjpass", "appos"):
                    pid, certain = self._person_of(c)
                    if pid is not None:
                        break
        return pid, certain


_FAR = 10  # years: a slip of a digit or two, not another generation


def _drop_far_guesses(found: list[AgeFact]) -> list[AgeFact]:
    """A guessed owner ("the 79-year-old" taken to be the Karl Webb, 31, told before)
    whose age is further than a slip from the age the copy states for sure is someone
    else (his victim), not a wrong age: the guess is dropped."""
    sure: dict[int, list[AgeFact]] = {}
    for f in found:
        if f.certain and f.age is not None and f.at is not None and f.person is not None:
            sure.setdefault(f.person, []).append(f)

    def far(guess: AgeFact) -> bool:
        for f in sure.get(guess.person, ()):
            years = (guess.at[0] - f.at[0]).days / 365.25
            low = guess.age - f.age - years
            high = (guess.age_high if guess.age_high is not None else guess.age) - \
                (f.age_high if f.age_high is not None else f.age) - years
            if low > _FAR or high < -_FAR:
                return True
        return False

    return [f for f in found if f.certain or f.kind != "age" or f.age is None or
            f.at is None or not far(f)]


def _noun_gender(noun: Token) -> str | None:
    """The sex a description's noun says: "widower", "mother", "boy"."""
    if noun.lemma_ in lx.MALE_WORDS or noun.lower_ in lx.MALE_WORDS:
        return "m"
    if noun.lemma_ in lx.FEMALE_WORDS or noun.lower_ in lx.FEMALE_WORDS:
        return "f"
    return None


class _NotAnAge(Exception):
    pass


def m_children(token: Token):
    return (c for c in token.children if c.dep_ in ("mark", "advmod"))


def _definite(t: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her",
                                                          "their") for c in t.children)


def _quotes(text: str) -> list[tuple[int, int, str]]:
    """Quoted stretches ("…", “…”, '…' opening after a space), each with its text."""
    out = []
    for m in re.finditer(r"[\"“](?P<q>[^\"”\n]{3,}?)[\"”]|(?:(?<=\s)|^)['‘](?P<s>[^'’\n]{8,}?)"
                         r"['’](?=[\s,.;:!?)]|$)", text):
        out.append((m.start(), m.end(), m.group(0)))
    return out

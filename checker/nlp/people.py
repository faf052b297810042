"""People and numbers in an article: who is who, their ages and births, and counted things.

Grouping: every full name (two or more tokens) is a person; a surname or first name
alone joins the one person it can belong to, and nobody when two people share it (two
brothers). Ages and births attach to a person by grammar: apposition ("Kim, 35,",
"Maddox (38)"), the subject of "born"/"died aged"/"turned", or, for "the 52-year-old",
the person last named (a guess, marked as such).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from checker import lexicon as lx
from checker.facts.numbers import Count
from checker.facts.people import AgeFact, NameToken, People, Person
from checker.facts.time import Mention
from checker.model import Span
from checker.nlp.numbers import cardinal, number, ordinal

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token

def _norm(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,'")


# ---------------------------------------------------------------- names

def _name_tokens(ent) -> list[Token]:  # noqa: ANN001
    toks = [t for t in ent if t.is_alpha or "'" in t.text or "’" in t.text or "-" in t.text]
    # "Later Duarte": the tagger sometimes sweeps a capitalised adverb into a name
    toks = [t for t in toks if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.pos_ in
                                                      ("NOUN", "X"))]
    while toks and _norm(toks[0].text) in lx.TITLES:
        toks = toks[1:]
    return [t for t in toks if _norm(t.text) not in lx.NOT_NAMES and t.text != "'s"]


_NAME_SLOTS = {"nsubj", "nsubjpass", "dobj", "appos", "conj", "pobj", "ROOT"}
_NON_PERSON_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART",
                    "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT"}


def _is_name_word(t: Token, *, person_slot: bool = False) -> bool:
    # the small model often calls a name a place or an organisation; in a person's slot
    # ("said Anneke Verhoeven", "appointed Sébastien Morel") the grammar outweighs it
    blocked = _NON_PERSON_ENTS - ({"ORG", "FAC", "GPE", "NORP"} if person_slot else set())
    return (t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in blocked
            and _norm(t.text) not in lx.TITLES and _norm(t.text) not in lx.NOT_NAMES
            and all(ch.isalpha() or ch in "'’-" for ch in t.text))


def _name_chain(head: Token):  # noqa: ANN202
    """ "Edna Pickering celebrated…", "appointed Sébastien Morel": two or three proper nouns
    in a person's slot that the tagger left unlabelled."""
    slot = head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.lemma_ in lx.PERSON_VERBS
    if not _is_name_word(head, person_slot=slot) or head.dep_ not in _NAME_SLOTS:
        return None
    lefts = []
    i = head.i - 1
    while i >= 0 and len(lefts) < 2 and head.doc[i].dep_ in ("compound", "flat") and \
            head.doc[i].head.i == head.i and _is_name_word(head.doc[i], person_slot=slot):
        lefts.append(head.doc[i])
        i -= 1
    if not lefts:
        return None
    return head.doc[lefts[-1].i:head.i + 1]


def _person_like(t: Token) -> bool:
    """Is this word used as a person's name: tagged so, after a title, or the subject of
    what people do ("Novak cautioned", "O'Callahan has won")?"""
    if t.ent_type_ == "PERSON" or (t.i > 0 and _norm(t.doc[t.i - 1].text) in lx.TITLES):
        return True
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB":
        # a nationality ("Indonesian") is never a name; other tags the small model gives
        # names ("O'Callahan has won", tagged ORG) are outweighed by the grammar
        return t.ent_type_ != "NORP"
    return False


def group_people(doc: Doc) -> tuple[list[Person], list[NameToken], dict[int, int]]:
    """Persons, every name token, and token index → person id."""
    persons: list[Person] = []
    by_full: dict[str, int] = {}
    token_person: dict[int, int] = {}
    names: list[NameToken] = []
    ents = [e for e in doc.ents if e.label_ == "PERSON" and not (
        len(e) == 1 and e[0].dep_ == "compound" and e[0].head.ent_type_ in _NON_PERSON_ENTS)]
    # title + word not tagged: "Mr Hadad"
    taken = {i for e in ents for i in range(e.start, e.end)}
    for t in doc:
        if _norm(t.text) in lx.HONORIFICS and t.i + 1 < len(doc):
            nxt = doc[t.i + 1]
            if nxt.text[:1].isupper() and nxt.i not in taken:
                ents.append(doc[nxt.i:nxt.i + 1])
                taken.add(nxt.i)
    for t in doc:
        chain = _name_chain(t)
        if chain is not None and not any(i in taken for i in range(chain.start, chain.end)):
            ents.append(chain)
            taken.update(range(chain.start, chain.end))
    ents.sort(key=lambda e: e.start)
    full = []
    for ent in ents:
        toks = _name_tokens(ent)
        if len(toks) >= 2:
            key = " ".join(_norm(t.text).replace("-", " ") for t in toks)
            if key not in by_full:
                by_full[key] = len(persons)
                persons.append(Person(len(persons), first=_norm(toks[0].text),
                                      surname=_norm(toks[-1].text)))
            pid = by_full[key]
            persons[pid].names.append(" ".join(t.text for t in toks))
            persons[pid].spans.append(Span(toks[0].idx, toks[-1].idx + len(toks[-1].text)))
            full.append((ent, toks, pid))
    for ent, toks, pid in full:
        for j, t in enumerate(toks):
            token_person[t.i] = pid
            names.append(NameToken(Span(t.idx, t.idx + len(t.text)), t.text, pid,
                                   "first" if j == 0 else "surname", True))
    introduced = {pid: min(sp.start for sp in persons[pid].spans) for pid in range(len(persons))}
    parts = {p.id: frozenset(_norm(w).replace("-", " ") for n in set(p.names)
                             for w in n.split()) for p in persons}

    def owner(word: str, at: int) -> tuple[int | None, bool]:
        """The one person introduced before `at` whose name contains `word` (surname
        first); (None, True) when several could be meant."""
        earlier = [p for p in persons if p.first and introduced.get(p.id, at) < at]
        for test in (lambda p: p.surname == word, lambda p: word in parts[p.id]):
            found = {p.id for p in earlier if test(p)}
            if len(found) == 1:
                return found.pop(), False
            if found:
                return None, True
        return None, False

    for ent in ents:
        toks = _name_tokens(ent)
        if len(toks) != 1:
            continue
        t = toks[0]
        word = _norm(t.text)
        pid, ambiguous = owner(word, t.idx)
        if pid is None and not ambiguous:
            solo = [p for p in persons if not p.first and p.surname == word]
            if solo:
                pid = solo[0].id
            else:
                persons.append(Person(len(persons), surname=word))
                pid = persons[-1].id
                introduced[pid] = t.idx
                parts[pid] = frozenset((word,))
        if pid is not None:
            token_person[t.i] = pid
            persons[pid].spans.append(Span(t.idx, t.idx + len(t.text)))
        names.append(NameToken(Span(t.idx, t.idx + len(t.text)), t.text, pid, "single", False))
    # bare names the tagger missed ("Maddox, aged 35"): proper nouns that name someone
    surnames = {p.surname for p in persons}
    for t in doc:
        if t.i in token_person or t.pos_ != "PROPN":
            continue
        word = _norm(t.text)
        pid = None
        ambiguous = False
        # "Nima Nuru Sherpa" (tagged as a place): the last word of a longer name is not
        # the Pemba Sherpa named earlier unless the words before it are his too
        joined = {_norm(c.text) for c in t.children
                  if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"}
        if word in surnames:
            pid, ambiguous = owner(word, t.idx)
            if pid is not None and joined and not joined <= set(parts[pid]):
                pid, ambiguous = None, False
            if pid is None and not ambiguous:
                solo = [p for p in persons if not p.first and p.surname == word]
                pid = solo[0].id if len(solo) == 1 else None
        if ambiguous:  # "Reyes said": one of two brothers; nobody guesses which
            names.append(NameToken(Span(t.idx, t.idx + len(t.text)), t.text, None, "single",
                                   False))
        elif pid is not None:
            token_person[t.i] = pid
            persons[pid].spans.append(Span(t.idx, t.idx + len(t.text)))
            names.append(NameToken(Span(t.idx, t.idx + len(t.text)), t.text, pid,
                                   "single", False))
        elif t.text[:1].isupper() and t.ent_type_ not in ("DATE", "TIME", "CARDINAL",
                                                          "ORDINAL", "MONEY", "PERCENT"):
            names.append(NameToken(Span(t.idx, t.idx + len(t.text)), t.text, None, "single",
                                   False, _person_like(t)))
    names.sort(key=lambda n: n.span.start)
    return persons, names, token_person


# ---------------------------------------------------------------- ages

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
def _on_verbs(mentions: tuple[Mention, ...]) -> dict[int, list[Mention]]:
    """The mentions each verb governs, by the verb's offset: read once per article."""
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.attachment.verb_start is not None:
            out.setdefault(m.attachment.verb_start, []).append(m)
    return out


class _Ages:
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
        from checker.nlp.grammar import _subject  # the grammar's subject finder, reused

        verb = token
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX"):
                break
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        return _subject(verb) if verb.pos_ in ("VERB", "AUX") else None

    def _time_of(self, token: Token) -> tuple[dt.date, dt.date] | None:
        """The time an age holds: a date on the same verb, else the publication date."""
        verb = token
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
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
            verb = birthday.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
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
        from checker.nlp.grammar import tense_of

        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return tense_of(verb).is_past

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


# ---------------------------------------------------------------- counts

# Words that tell a count changed: "the toll rose to", "a fourth died later", "another".
# Verbs whose object is the counted ("killed 12 people", "rescued 40 passengers")
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"}


def _count_noun(t: Token) -> Token | None:
    """The noun a number counts: "47 passengers", "the crowd of 1,402", "a fourth warning",
    and the casualty words used as nouns: "the 13 dead", "all eight injured"."""
    if t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN"):
        return t.head
    if t.dep_ == "nummod" and t.head.lower_ in lx.CASUALTY_WORDS and t.head.dep_ in _NOMINAL_DEPS:
        return t.head
    if t.pos_ == "NUM" and t.dep_ in _NOMINAL_DEPS:
        for c in t.children:
            if c.dep_ in ("acl", "amod") and c.lower_ in lx.CASUALTY_WORDS and c.i == t.i + 1:
                return c
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN" and \
            lx.COUNT_CLASSES.get(t.head.head.lemma_.lower()) == "attendance":
        return t.head.head
    if _is_ordinal_word(t) and t.dep_ == "amod" and t.head.pos_ == "NOUN":
        return t.head
    if _is_ordinal_word(t) and t.dep_ in ("appos", "attr") and t.head.pos_ == "NOUN":
        return t.head  # "Wednesday's warning, the retailer's third since January"
    return None


def counts(doc: Doc, grammar, mentions: tuple[Mention, ...],  # noqa: ANN001
           on_verb: dict[int, list[Mention]]) -> tuple[list[Count], list[int]]:
    """The counts in the copy, and the sentences that tell a count changed."""
    out, changes = [], []
    timed = {i for m in mentions for i in range(m.span.start, m.span.end)}
    for t in doc:
        if t.idx in timed:
            continue
        noun = _count_noun(t)
        if noun is None and t.dep_ == "pobj" and t.head.lower_ == "to" and \
                t.head.head.lemma_.lower() in lx.CHANGE_VERBS and _count_value(t) is not None:
            changes.append(grammar.sentence_index(t.idx))  # "the toll rose to six"
            continue
        value = _count_value(t) if noun is not None else None
        if value is None:
            continue
        if _approximated(doc[max(0, t.i - 3):t.i]):
            continue  # "at least 20", "more than 1,100": not a count to hold to
        is_ordinal = _is_ordinal_word(t)
        if is_ordinal and t.i > 0 and doc[t.i - 1].lower_ in lx.FRACTION_DETERMINERS:
            continue  # "fell by a third"
        lemma = noun.lemma_.lower() if noun.pos_ in ("NOUN", "PROPN") else noun.lower_
        kind = lx.COUNT_CLASSES.get(lemma, lemma)
        what = None
        generic = kind in ("people", "victim")
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
            what = lx.COUNT_PREDICATES.get(noun.head.lemma_.lower())
        elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in lx.DONE_TO:
            what = lx.COUNT_PREDICATES[noun.head.lemma_.lower()]  # "the crash killed 12 people"
        for c in noun.children:  # "the 11 rescued fishermen"
            if c.dep_ == "amod" and lx.COUNT_PREDICATES.get(c.lemma_.lower()):
                what = lx.COUNT_PREDICATES[c.lemma_.lower()]
        if kind == "victim":
            kind, what = "people", what or "dead"
        if what and generic:
            kind = f"{kind}:{what}"
        sentence = grammar.sentence_index(t.idx)
        places, when, verb = _scope(noun, on_verb)
        out.append(Count(Span(t.idx, t.idx + len(t.text)), value, lemma, kind, is_ordinal,
                         sentence, bool(grammar.sentence_lemmas(sentence) & lx.COUNT_UPDATE_CUES),
                         places, when, verb))
    return out, changes


def _scope(noun: Token, on_verb: dict[int, list[Mention]]
           ) -> tuple[frozenset[str], tuple[dt.date, dt.date] | None, str | None]:
    """The places, the day or month and the verb of a count's clause."""
    from checker.nlp.grammar import _places

    verb = noun
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    places = set(_places(verb)) if verb.pos_ in ("VERB", "AUX") else set()
    for c in noun.children:  # "12 people in Leeds"
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "from"):
            places.update(p.text for p in c.children
                          if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC"))
    when = next(((m.value.first, m.value.last) for m in on_verb.get(verb.idx, ())
                 if m.value is not None and not m.dateline and m.kind not in (
                     "duration", "ref", "set")
                 and m.value.grain.value in ("time", "day", "weekend", "week", "month", "quarter",
                                             "season", "year")),
                None)
    return frozenset(places), when, (verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX")
                                     else None)


def _count_value(t: Token) -> float | None:
    if t.is_alpha and _is_ordinal_word(t):
        return float(ordinal(t.lower_))
    value = cardinal(t.text) if (t.is_alpha or t.text.replace(",", "").isdecimal()) else None
    return float(value) if value is not None else None


def _is_ordinal_word(t: Token) -> bool:
    """"fourth", "seventeenth" (a rank written as a word; "last" is a position, not one)."""
    return t.is_alpha and (ordinal(t.lower_) or 0) > 0


def _approximated(before) -> bool:  # noqa: ANN001
    """Do the words before a figure make it approximate ("at least", "more than", "about")?"""
    words = " " + " ".join(w.lower_ for w in before) + " "
    return any(f" {phrase} " in words for phrase in (*lx.APPROXIMATORS, *lx.LIMITERS))


def analyse_people(doc: Doc, mentions: tuple[Mention, ...], pub: dt.date | None,
                   grammar) -> People:  # noqa: ANN001
    if not doc.has_annotation("DEP") or not doc.has_annotation("ENT_IOB"):
        return People((), (), (), ())
    persons, names, token_person = group_people(doc)
    on_verb = _on_verbs(mentions)
    ages = _Ages(doc, grammar, token_person, persons, on_verb, pub).facts()
    found, changes = counts(doc, grammar, mentions, on_verb)
    return People(tuple(persons), tuple(names), tuple(ages), tuple(found), tuple(changes))

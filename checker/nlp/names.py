"""Names: who is who, and which spellings are variants of one name.

Grouping: every full name (two or more tokens) is a person; a surname or first name
alone joins the one person it can belong to, and nobody when two people share it (two
brothers). A variant is a name word one or two letters from the surname of someone named
in full, or a full name whose first name matches and whose surname is one slip away.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import jellyfish

from checker import lexicon as lx
from checker.facts.people import NameToken, NameVariant, Person
from checker.model import Span

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,'")


def _name_tokens(ent) -> list[Token]:
    toks = [t for t in ent if t.is_alpha or "'" in t.text or "’" in t.text or "-" in t.text]
    # "Later Duarte": the tagger sometimes sweeps a capitalised adverb into a name
    toks = [t for t in toks if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.pos_ in
                                                      ("NOUN", "X"))]
    while toks and _norm(toks[0].text) in lx.TITLES:
        toks = toks[1:]
    return [t for t in toks if _norm(t.text) not in lx.NOT_NAMES and t.text != "'s"]


_PLACE_ENTS = {"GPE", "LOC", "FAC"}
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


def _name_chain(head: Token):
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


_AGE_AFTER = re.compile(r"\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*(?:,|\.|;|$|\band\b)|\(\d{1,3}\)|"
                        r"\((?:DOB|D\.O\.B\.|date of birth|b\.|born)\b)")  # "(DOB 1974-11-04)"


def _capitalised_run(doc: Doc, start: int, step: int) -> list[Token]:
    """Up to three capitalised name words from `start`, going forwards (step 1) or
    backwards (step -1)."""
    out = []
    i = start
    while 0 <= i < len(doc) and len(out) < 3:
        t = doc[i]
        if not (t.text[:1].isupper() and t.is_alpha or "'" in t.text or "-" in t.text[1:]) or \
                t.pos_ not in ("PROPN", "NOUN", "ADJ", "ADV", "X") or \
                _norm(t.text) in lx.NOT_NAMES or t.ent_type_ in ("DATE", "TIME", "CARDINAL") or \
                (t.is_sent_start and step == -1 and t.pos_ != "PROPN"):
            break
        out.append(t)
        i += step
    return out if step == 1 else out[::-1]


def _evidence_chains(doc: Doc):
    """Names the tagger did not call a person that the copy shows are one: after a title
    ("Chief Emeka Nwankwo", "Lt. Travis Dunn"), before an age or a birth ("Kowal, 47,",
    "Maddox (38)", "Carver (DOB 1974-11-04)", "Lowe (b. 1950)"), after an age ("Forty-five-year-old Marta Kowal")."""
    text = doc.text
    for t in doc:
        run: list[Token] = []
        titled = _norm(t.text) in lx.TITLES and t.text[:1].isupper()
        aged = t.lower_ == "old" and t.i >= 2 and doc[t.i - 1].text == "-" and \
            doc[t.i - 2].lower_ in ("year", "years")
        if (titled or aged) and t.i + 1 < len(doc):
            run = _capitalised_run(doc, t.i + 1, 1)
        elif t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in _PLACE_ENTS and \
                _AGE_AFTER.match(text, t.idx + len(t.text)) and \
                (t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN"):
            run = _capitalised_run(doc, t.i, -1)
        if run and all(r.pos_ in ("PROPN", "X") or r.text[:1].isupper() for r in run):
            yield doc[run[0].i:run[-1].i + 1]


def person_like(t: Token) -> bool:
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
    for chain in _evidence_chains(doc):
        if not any(i in taken for i in range(chain.start, chain.end)):
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
        if t.i in token_person or not (t.pos_ == "PROPN" or (
                t.text[:1].isupper() and _norm(t.text) in surnames and t.is_alpha)):
            continue  # "Pike, who was born …" (the tagger may call a surname an adverb)
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
                                   False, person_like(t)))
    names.sort(key=lambda n: n.span.start)
    return persons, names, token_person


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


def variants(persons: list[Person], names: list[NameToken]) -> list[NameVariant]:
    """Spellings of one name that differ: a name word one slip from the surname of someone
    named in full (and not itself introduced with another first name), a full name whose
    first name matches and whose surname is one slip away, and transliterations."""
    out: list[NameVariant] = []
    full = [p for p in persons if p.first and p.surname]
    used = Counter(_key(n.text) for n in names)
    firsts = {_key(p.first) for p in full}
    surnames = {_key(p.surname) for p in full}
    seen: set[str] = set()
    for token in names:
        word = _key(token.text)
        if token.full_name or not token.person_like or word in surnames or word in firsts \
                or word in seen:
            continue
        for person in full:
            canonical = _key(person.surname)
            if not _close(word, canonical) or used[word] > used[canonical]:
                continue
            seen.add(word)
            out.append(NameVariant(token.span, token.text, person.name,
                                   person.name.split()[-1], used[canonical], person.spans[0]))
            break
    # "Tom Baird" … "Tom Bard": the same first name with a surname one slip away is the
    # same person misspelt, even though the slip came with the first name
    by_first: dict[str, list[Person]] = {}
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
                out.append(NameVariant(wrong.spans[0], wrong.name, right.name,
                                       right.name.split()[-1], used[_key(right.surname)],
                                       right.spans[0]))
    for person in persons:
        spellings = set(person.names)
        if len(spellings) > 1:
            first, *others = sorted(spellings, key=person.names.index)
            out.append(NameVariant(person.spans[person.names.index(others[0])], others[0],
                                   first, first, person.names.count(first), person.spans[0],
                                   transliteration=True))
    return out

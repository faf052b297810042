"""Names: who is who, and which spellings are variants of one name.

Grouping: every full name (two or more tokens) is a person; a surname or first name
alone joins the one person it can belong to, and nobody when two people share it (two
brothers). A variant is a name word one or two letters from the surname of someone named
in full, or a full name whose first name matches and whose surname is one slip away.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
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
                persons.append(Person(len(persons), surname=word, written=t.text))
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


def variants(persons: list[Person], names: list[NameToken],
             doc: Doc | None = None) -> list[NameVariant]:
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
    if doc is not None:
        out += spelling_variants(doc, [s for v in out for s in (v.span, v.name_span)])
    return out


# ------------------------------------------------------------ proper names spelled two ways
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_LETTER = f"[{_UP}{_LOW}]"
_WORD = rf"[{_UP}](?:{_LETTER}|['’](?={_LETTER}))*"  # "O'Donnell", "McDonald's"
_PART = rf"{_WORD}(?:-{_LETTER}(?:{_LETTER}|['’](?={_LETTER}))*)*"  # "Mbatha-Clarke", "Seung-hwan"


def _particle_pattern() -> str:
    spaced = "|".join(sorted(lx.NAME_PARTICLES, key=len, reverse=True))
    hyphened = "|".join(sorted(lx.NAME_HYPHEN_PARTICLES | lx.NAME_PARTICLES, key=len,
                               reverse=True))
    return rf"(?:(?i:{spaced})\s+|(?i:{hyphened})-)"


# a name unit: one capitalised word with the particles that belong to it ("van den Broek",
# "al-Rashid", "De Santis"); the next unit after it on the same line, if adjacent
_UNIT = re.compile(rf"(?<![\w'’.-])(?:{_particle_pattern()})*{_PART}(?![\w])")
_INITIALS = re.compile(rf"(?<![\w.])((?:[{_UP}]\.\s?){{1,3}})\s*(?={_PART})")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_VOWELS = set("aeiouy")


def _fold(text: str) -> str:
    """A name as its letters: accents, case, spaces, hyphens and apostrophes gone, "Mac"
    written "Mc" ("MacDonald" and "McDonald" are one spelling apart only in style)."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower())
                    if not unicodedata.combining(ch) and ch.isalpha())
    return "mc" + plain[3:] if plain.startswith("mac") and len(plain) > 6 else plain


def _skeleton(folded: str) -> str:
    """The consonants in order, doubled ones once: a slip in a vowel keeps it ("Rashid",
    "Rasheed"), a different name rarely does ("Austria", "Australia")."""
    out = []
    for ch in folded:
        if ch not in _VOWELS and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _slip(a: str, b: str) -> bool:
    """Two folded spellings one slip apart: one edit (a letter added, dropped, changed or
    two swapped), or two edits in a long name that keep its consonants; the first letter
    kept (a C written K is the same sound)."""
    if a == b:
        return True
    short = min(a, b, key=len)
    if len(short) < 5:
        return False
    if a[0] != b[0]:
        return {a[0], b[0]} == {"c", "k"} and a[1:] == b[1:]
    distance = jellyfish.damerau_levenshtein_distance(a, b)
    return distance == 1 or (distance == 2 and len(short) >= 8 and
                             _skeleton(a) == _skeleton(b))


def _derived(a: str, b: str) -> bool:
    """One spelling is the other with an ending ("Korean", "Germany", "Somalia",
    "Roberts"): another word of the name, unless the ending only doubles the last letter or
    adds a silent e ("O'Donnel", "Clark"), the slips such endings are."""
    short, long_ = sorted((a, b), key=len)
    ending = long_[len(short):]
    return bool(ending) and long_.startswith(short) and ending not in ("e", short[-1])


def spelling_variants(doc: Doc, taken: list[Span]) -> list[NameVariant]:
    """Any proper name (a person's, a place's, an organisation's) written two ways one slip
    apart: the spelling used once, in another sentence than the other, is the slip. Kept
    apart: a spelling that is also an ordinary word here, a name introduced as someone else
    ("his brother Mateo Reyes", "Mario Lopez, 12,"), a name inside a longer one the other
    is not ("Columbia University" / "Colombia"), and a name with an ending ("Korean")."""
    text = doc.text
    sent_starts = sorted(s.start_char for s in doc.sents)
    units: list[tuple[str, str, Span, str]] = []  # raw, folded, span, next unit's fold
    for m in _UNIT.finditer(text):
        raw = _POSSESSIVE.sub("", m.group())
        if raw.isupper():  # an acronym is not spelled, it is lettered
            continue
        span = Span(m.start(), m.start() + len(raw))
        units.append((raw, _fold(raw), span, ""))
    for i in range(len(units) - 1):
        raw, folded, span, _ = units[i]
        gap = text[span.end:units[i + 1][2].start]
        if re.fullmatch(r"[ \t]+|['’]s[ \t]+", gap):
            units[i] = (raw, folded, span, units[i + 1][1])
    # "J.R. Hartley" / "J.P. Hartley": initials before one surname
    for m in _INITIALS.finditer(text):
        raw = m.group(1).strip()
        nxt = _UNIT.match(text, m.end())
        if nxt:
            surname = _POSSESSIVE.sub("", nxt.group())
            units.append((text[m.start(1):nxt.start() + len(surname)],
                          "".join(ch.lower() for ch in raw if ch.isalpha()) + "." +
                          _fold(surname), Span(m.start(1), nxt.start() + len(surname)), ""))
    lowered = {t.lower_ for t in doc if t.is_lower}
    listed = _DICTIONARY.get(id(doc.vocab), frozenset())
    by_raw: dict[str, list[int]] = {}
    for i, (raw, *_rest) in enumerate(units):
        by_raw.setdefault(raw.lower(), []).append(i)
    index: dict[str, set[str]] = {}
    folds: dict[str, set[str]] = {}
    for raw, folded, *_rest in units:
        folds.setdefault(folded, set()).add(raw.lower())
    for folded in folds:
        if "." in folded:
            initials, _, surname = folded.partition(".")
            index.setdefault(f"{len(initials)}.{surname}", set()).add(folded)
            continue
        if len(folded) >= 5:
            for key in _deletes(folded, 2 if len(folded) >= 8 else 1):
                index.setdefault(key, set()).add(folded)
    out: list[NameVariant] = []
    done: set[tuple[str, str]] = set()
    for bucket in index.values():
        if len(bucket) > 12:  # a key shared by many names says nothing about any of them
            continue
        spellings = sorted({raw for f in bucket for raw in folds[f]})
        for i, a in enumerate(spellings):
            for b in spellings[i + 1:]:
                if (a, b) in done:
                    continue
                done.add((a, b))
                found = _variant(doc, text, units, by_raw, sent_starts, lowered, listed, a, b)
                if found and not any(x.start < s.end and s.start < x.end for s in taken
                                     for x in (found.span, found.name_span)):
                    taken.append(found.span)
                    out.append(found)
    return out


def _variant(doc, text, units, by_raw, sent_starts, lowered, listed, a: str, b: str):
    ua, ub = units[by_raw[a][0]], units[by_raw[b][0]]
    fa, fb = ua[1], ub[1]
    if "." in fa or "." in fb:
        ia, _, sa = fa.partition(".")
        ib, _, sb = fb.partition(".")
        if "." not in fa or "." not in fb or sa != sb or len(ia) != len(ib) or \
                sum(x != y for x, y in zip(ia, ib)) != 1:
            return None
    elif fa == fb:
        # spacing, hyphens or capitals only ("Kim Jong-un") are a transliteration, which
        # the persons' own check reports; accents and Mac/Mc are a slip of spelling
        if re.sub(r"[\s'’-]", "", a) == re.sub(r"[\s'’-]", "", b):
            return None
    elif not _slip(fa, fb) or fa in listed and fb in listed:
        return None
    na, nb = len(by_raw[a]), len(by_raw[b])
    if min(na, nb) != 1:  # both written twice or more: two names, each used as meant
        return None
    if na > nb or (na == nb and by_raw[a][0] < by_raw[b][0]):
        right, wrong = a, b
    else:
        right, wrong = b, a
    w = units[by_raw[wrong][0]]
    r_units = [units[i] for i in by_raw[right]]
    # one sentence naming both is two names side by side, not a slip
    sentence = bisect.bisect_right(sent_starts, w[2].start)
    if any(bisect.bisect_right(sent_starts, u[2].start) == sentence for u in r_units):
        return None
    # inside a longer name the other is not part of ("Columbia University"), or followed
    # by another name ("Mario Lopez" / "Maria Lopez" are two people with one surname only
    # when the surname comes along): the next unit must agree
    if any(u[3] != w[3] for u in r_units):
        return None
    if _derived(fa, fb) and not w[3]:  # "Greenfields Housing": inside a longer name only
        return None
    # a proper name in both places: not a common noun or adjective ("Police", "Somali"),
    # nor a date's month ("March")
    tok = _token_at(doc, w[2].end - 1)
    rtok = _token_at(doc, r_units[0][2].end - 1)
    for t in (tok, rtok):
        if t is None or t.tag_ not in ("NNP", "NNPS") or t.ent_type_ in ("DATE", "TIME") or \
                _norm(t.text) in lx.NOT_NAMES:
            return None
    # an ordinary word here ("Marine" at a sentence's start, "a marine")
    word = _fold(w[0])
    if word in lowered or w[0].lower() in lowered:
        return None
    tok = _token_at(doc, w[2].start)
    if tok is not None and (tok.is_sent_start and tok.pos_ != "PROPN" or tok.is_stop or
                            _norm(tok.text) in lx.TITLES or _norm(tok.text) in lx.NOT_NAMES):
        return None
    # introduced as someone else: a relative before it ("his brother Mateo Reyes"), or an
    # age after both spellings ("Tomas Reyes, 42, … Mateo Reyes, 39"): two people
    if _aged(text, w) and any(_aged(text, u) for u in r_units):
        return None
    # introduced as another place: "the nearby village of Newton", "its neighbour Newtown"
    before = [b.lower().strip(",") for b in text[max(0, w[2].start - 40):w[2].start].split()]
    if before and before[-1] in lx.KIN_WORDS or \
            lx.OTHER_PLACE_WORDS & set(before[-2:] if before[-1:] == ["of"] else before[-1:]):
        return None
    r = r_units[0]
    return NameVariant(w[2], w[0], r[0], r[0], len(r_units), r[2], respelled=r[0])


def _aged(text: str, unit) -> bool:
    """Is the name at this unit (with the name word after it) followed by an age?"""
    end = unit[2].end
    nxt = _UNIT.match(text, end + 1) if unit[3] else None
    return bool(_AGE_AFTER.match(text, nxt.end() if nxt else end))


_DICTIONARY: dict[int, frozenset[str]] = {}  # id of a pipeline's vocab → its words


def remember_dictionary(nlp) -> None:
    """Keep the words English dictionaries list (WordNet's index, which spaCy's rule
    lemmatizer carries) for the docs of this pipeline: two of them one letter apart
    ("Store", "Spore"; "Defence", "Defense"; "Austria", "Australia") are two words, not a
    slip."""
    words: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            for listed in lookups.get_table("lemma_index").values():
                words.update(w for w in listed if "_" not in w)
    _DICTIONARY[id(nlp.vocab)] = frozenset(words)


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None

"""Counted things, amounts and measures: what each figure counts, which set it belongs to,
and the totals the copy gives with their parts.

A figure is read over all its words ("Forty-two", "one hundred and twelve", "a dozen",
"$4.2 billion"). It is a count when it numbers a noun ("47 passengers", "the crowd of
1,402") or stands for one told just before ("all 98 passed", "the remaining three"); it is
an amount or a measure when it carries a currency or a unit, and then it belongs to the
thing it describes ("the $4.5bn deal", "a 212-metre tower"). Ages, years, shares, scores,
labels ("phase 3", "Interstate 10") and stretches of time are none of these.

Which counts restate one set is decided here, once, in text order (`_Linker`): a count is
described by its noun, its qualifiers ("new", "faulty", "on trolleys") and what happened
to the counted ("killed", "rescued by boat"); it belongs to the event, time and place of
its clause. A definite count ("the 15 firefighters", "all 40 passengers", "those jobs")
refers back to the nearest set it can describe; an indefinite one restates a set only
when it tells the same thing of the same things. Parts, wholes and the rest of a whole
("Two of the five", "the other three"), totals ("five people in all", "including") and
counts said to have changed ("rose to", "a further") are never taken for restatements:
they are checked by their arithmetic instead (`Total`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker import lexicon as lx
from checker.facts.numbers import Count, Total
from checker.facts.time import Mention
from checker.model import Span
from checker.nlp.grammar import climb_to_verb, places_of
from checker.nlp.numbers import amount, cardinal, ordinal

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token


_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT",
                 "npadvmod", "dep", "oprd"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_DIGITISH = re.compile(r"\d[\d,.]*[a-z]{0,3}")
_DASHES = {"-", "–", "—", "--", ":", "(", ","}
_QUALIFYING_PREPS = {"on", "in", "with", "without", "from", "at", "under", "aboard", "for"}
_SUBSET_WORDS = {"top", "last", "next", "bottom", "final", "latest", "youngest", "oldest"}
_BOUNDS = {"since", "from", "until", "till", "by", "before", "after", "to", "through"}
_LOCATIVE = {"in", "at", "near", "across", "throughout", "outside", "inside"}
_DEFINITE = {"the", "all", "these", "those", "its", "their", "our", "his", "her", "both"}
_CLOCK = {"am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc", "cet", "est", "edt", "pst", "hrs",
          "o'clock", "h"}
_HISTORY_DAYS = 31  # a count dated this long before publication is not the story's event
_LOOK_BACK = 8  # sets of one kind a count is compared with (keeps the linking linear)
_DERIVED: dict[str, str] | None = None


def _derived(noun: str) -> str:
    """The verb an event noun names (settlement → settle), from WordNet's derivations."""
    global _DERIVED
    if _DERIVED is None:
        from importlib import resources
        text = resources.files("checker.lexicon").joinpath("derivations.tsv").read_text(
            encoding="utf-8")
        _DERIVED = dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)
    return _DERIVED.get(noun, noun)


@dataclass(slots=True)
class _Item:
    """A figure being read: everything the linking and the totals need."""

    start: int  # character offsets of the figure
    end: int
    head: Token  # the token of the figure that carries its grammar
    value: float
    noun: Token | None  # the counted noun; None when the copy leaves it out ("all 98")
    lemma: str
    kind: str
    sentence: int
    measure: str = "count"
    ordinal: bool = False
    definite: bool = False
    quals: frozenset[str] = frozenset()
    rpred: str | None = None  # what the noun phrase itself says happened ("injured")
    cpred: str | None = None  # what the clause says happened to them ("were killed")
    role: str = "count"  # count · part · whole · rest · total
    whole: _Item | None = None  # for a part: the whole it is a part of ("of the five")
    changed: bool = False
    incident: bool = False
    places: frozenset[str] = frozenset()
    when: tuple[dt.date, dt.date] | None = None
    history: bool = False  # dated well before publication: not the story's own event
    instance: frozenset[str] = frozenset()  # "the first ferry", "Ivan": which one
    verb: str | None = None
    index: int = -1
    same_as: int | None = None
    parts: list[_Item] = field(default_factory=list)

    @property
    def pred(self) -> str | None:
        return self.rpred or self.cpred


def counts(doc: Doc, grammar, mentions: tuple[Mention, ...],
           on_verb: dict[int, list[Mention]], pub: dt.date | None = None
           ) -> tuple[list[Count], list[int], list[Total]]:
    """The counts in the copy (each with the earlier count it restates), the sentences that
    tell a count changed, and the totals given with their parts."""
    reader = _Reader(doc, grammar, mentions, on_verb, pub)
    items = reader.read()
    totals = _totals(doc, items)
    items = _breakdowns(doc, items, reader)
    _Linker().link(items)
    out = []
    for item in items:
        out.append(Count(Span(item.start, item.end), item.value, item.lemma, item.kind,
                         item.ordinal, item.sentence, item.changed, item.places, item.when,
                         item.verb, item.measure, item.definite, item.same_as))
    return out, reader.changes, totals


class _Reader:
    def __init__(self, doc: Doc, grammar, mentions: tuple[Mention, ...],
                 on_verb: dict[int, list[Mention]], pub: dt.date | None) -> None:
        self.doc = doc
        self.grammar = grammar
        self.pub = pub
        self.timed = {i for m in mentions for i in range(m.span.start, m.span.end)}
        self.on_token = mentions_by_token(doc, mentions, on_verb)
        self.changes: list[int] = []

    # ------------------------------------------------------------------ figures
    def read(self) -> list[_Item]:
        doc = self.doc
        items: list[_Item] = []
        i = 0
        while i < len(doc):
            t = doc[i]
            if t.idx in self.timed:
                i += 1
                continue
            if _is_ordinal_word(t) and t.is_alpha:  # "79th-minute" is a label more often
                item = self._rank(t)
                if item is not None:
                    items.append(item)
                i += 1
                continue
            end = self._run_end(i)
            if end is None:
                collective = self._collective(t)
                if collective is not None:
                    items.append(collective)
                i += 1
                continue
            item = self._figure(i, end, items)
            if item is not None:
                items.append(item)
            i = end
        ranks = {(it.sentence, it.value) for it in items if it.ordinal} | {
            (self.grammar.sentence_index(t.idx), float(ordinal(t.lower_) or 0)) for t in doc
            if _is_ordinal_word(t) and not t.is_alpha}
        for n, item in enumerate(items):
            item.index = n
            if not item.ordinal and (item.sentence, item.value + 1) in ranks:
                item.role = "part"  # "Three people died at the scene, and a fourth later"
        return items

    def _run_end(self, i: int) -> int | None:
        """Where the figure starting at token i ends (exclusive); None when no figure
        starts there. "Forty - two", "one hundred and twelve", "a dozen", "4.2 billion"."""
        doc = self.doc
        t = doc[i]
        if t.lower_ in ("a", "an", "half") and i + 1 < len(doc):
            nxt = [w.lower_ for w in doc[i + 1:i + 3]]
            if nxt[:1] == ["dozen"] or nxt[:2] == ["a", "dozen"]:
                return i + (2 if nxt[:1] == ["dozen"] else 3)
            return None
        if not ((t.like_num and (not t.is_alpha or cardinal(t.lower_))) or
                _DIGITISH.fullmatch(t.lower_)):
            return None
        if t.lower_ in ("a", "an", "one") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of":
            pass  # "one of the …": a partitive, read by its own token
        money = i > 0 and doc[i - 1].lower_ in lx.CURRENCY_SIGNS
        words = [t.text]
        j = i + 1
        while j < len(doc):
            w = doc[j]
            if w.idx in self.timed:
                break
            lw = w.lower_
            if lw in lx.SCALES and (money or len(lw) > 2) and not words[-1].isalpha():
                words.append(w.text)
                j += 1
                continue
            if lw in lx.MULTIPLIERS or (w.is_alpha and words[-1].isalpha() and
                                        amount(words + [w.text]) is not None):
                words.append(w.text)
                j += 1
                continue
            if lw == "and" and words[-1].lower() in ("hundred", "thousand", "million") and \
                    j + 1 < len(doc) and amount(words + ["and", doc[j + 1].text]) is not None:
                words += ["and", doc[j + 1].text]
                j += 2
                continue
            if w.text in ("-", "–") and j + 1 < len(doc) and words[-1].isalpha():
                tens, unit = cardinal(words[-1].lower()), cardinal(doc[j + 1].lower_)
                if tens and unit and tens % 10 == 0 and 20 <= tens <= 90 and 1 <= unit <= 9:
                    words.append(doc[j + 1].text)
                    j += 2
                    continue
            break
        return j if amount(words) is not None else None

    def _figure(self, i: int, end: int, items: list[_Item]) -> _Item | None:
        doc = self.doc
        first, head = doc[i], _run_head(doc, i, end)
        value = amount([t.text for t in doc[i:end]])
        if value is None or value < 0:
            return None
        before = doc[i - 1] if i > 0 else None
        after = doc[end] if end < len(doc) else None
        after2 = doc[end + 1] if end + 1 < len(doc) else None
        money = before is not None and before.lower_ in lx.CURRENCY_SIGNS
        if after is not None and after.lemma_.lower() in lx.CURRENCIES:
            money = True
        if not money and self._not_a_count(first, head, before, after, after2, value):
            return None
        partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if self._approximated(i, partitive) or self._ranged(end):
            return None
        if money:
            item = self._amount(i, end, value, after)
            if item is not None and before is not None and before.lower_ in lx.CURRENCY_SIGNS:
                item.start = before.idx  # "$4.5 billion"
            return item
        hyphened = after is not None and after.text in ("-", "–") and after2 is not None
        unit = (after2 if hyphened else after)
        if unit is not None and unit.lower_ in lx.MEASURE_UNITS and \
                not (unit.lower_ in ("m", "c", "f", "g") and not unit.is_alpha):
            return self._measure(i, end, value, unit)
        if hyphened:  # "a 120-bed wing", "a four-bed bay": the wing's beds
            return self._attribute(i, end, value, after2)
        return self._count(i, end, value, items)

    def _not_a_count(self, first: Token, head: Token, before: Token | None,
                     after: Token | None, after2: Token | None, value: float) -> bool:
        """Ages, years, times, shares, scores, labels and stretches of time."""
        doc = self.doc
        text = head.text
        if before is not None and before.text in ("-", "–", "/") and first.i > 1 and \
                doc[first.i - 2].like_num:
            return True  # "2-1", "35-33": a score or a range
        if after is not None and after.text in ("-", "–", "/") and after2 is not None and \
                after2.like_num and not after2.is_alpha:
            return True
        if after is not None and (after.lower_ in _CLOCK or after.lower_ in lx.PERCENT_WORDS or
                                  (after.lower_ == "per" and after2 is not None and
                                   after2.lower_ == "cent")):
            return True
        if after is not None and after.text in ("-", "–") and after2 is not None and \
                after2.lemma_.lower() in lx.COUNT_TIME_UNITS:
            return True  # "45-year-old", "a five-day visit"
        if after is not None and after.lemma_.lower() in lx.COUNT_TIME_UNITS:
            return True  # "five days", "15 years"
        if text.isdecimal() and len(text) == 4 and 1800 <= value <= 2100:
            return True  # a year
        if "." in text and not text.replace(",", "").replace(".", "").isdecimal():
            return True
        if head.ent_type_ in ("DATE", "TIME", "PERCENT", "ORDINAL"):
            return True
        if before is not None and (before.text in ("#", "No", "No.", "no.", "number", "Nos") or
                                   (before.pos_ == "PROPN" and before.text[:1].isupper()
                                    and before.is_alpha and first.i == head.i)):
            return True  # "No. 3", "Interstate 10", "Radio 3", "the Arc 2"
        # "phase 3", "Category 3": a label after its noun
        return head.head.i == head.i - 1 and head.head.pos_ in ("NOUN", "PROPN") and \
            head.dep_ in ("nummod", "appos", "npadvmod", "compound", "dep", "nmod")

    def _ranged(self, end: int) -> bool:
        """"two or three cups", "30 or so", "six or more", "two to three": not one figure."""
        doc = self.doc
        nxt = [t.lower_ for t in doc[end:end + 3]]
        if nxt[:1] in (["or"], ["to"], ["-odd"], ["plus"], ["+"]) and len(nxt) > 1 and (
                nxt[1] in ("so", "more", "fewer", "less", "two", "three", "odd") or
                cardinal(nxt[1]) is not None or doc[end + 1].like_num):
            return True
        return nxt[:2] == ["-", "odd"] or nxt[:1] == ["-plus"]

    def _approximated(self, i: int, partitive: bool = False) -> bool:
        """"at least 20", "more than 1,100", "about 40": not a count to hold the copy to
        ("only two of the 225" is exact: a part)."""
        if i > 0 and self.doc[i - 1].lower_ in lx.CURRENCY_SIGNS:
            i -= 1  # "more than $1m"
        words = " " + " ".join(w.lower_ for w in self.doc[max(0, i - 3):i])
        if any(words.endswith(f" {phrase}") for phrase in lx.APPROXIMATORS):
            return True
        # "only 12 came", "only his third marathon": told against an expectation
        return not partitive and any(f" {phrase} " in words + " " for phrase in lx.LIMITERS)

    # ------------------------------------------------------------------ kinds of figure
    def _rank(self, t: Token) -> _Item | None:
        """"its fourth profit warning", "the retailer's third since January"."""
        if t.i > 0 and t.doc[t.i - 1].lower_ in lx.FRACTION_DETERMINERS:
            return None  # "fell by a third"
        if t.dep_ == "amod" and t.head.pos_ == "NOUN" or t.dep_ in ("appos", "attr") and t.head.pos_ == "NOUN":
            noun = t.head
        else:
            return None
        if self._approximated(t.i):
            return None
        value = ordinal(t.lower_)
        if not value or value < 1:
            return None
        item = self._base(t, t.i, t.i + 1, float(value), noun)
        item.ordinal = True
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ not in ("its", "their", "our", "my", "your"):
            item.kind = f"{item.lemma}:{owner.lower_}"  # "his third marathon", "her second"
        return item

    def _collective(self, t: Token) -> _Item | None:
        """"Both victims", "a pair of climbers": a group named by its size."""
        size = lx.COLLECTIVES.get(t.lower_)
        if size is None:
            return None
        if t.lower_ == "both":
            if t.dep_ in ("det", "predet") and t.head.pos_ == "NOUN" and t.head.tag_ == "NNS":
                item = self._base(t, t.i, t.i + 1, float(size), t.head)
                item.definite = True
                return item
            return None
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if noun is None and of is None and _definite(t) and t.pos_ == "NOUN":
            item = self._base(t, t.i, t.i + 1, float(size), t)  # "the trio who robbed …"
            item.lemma = item.kind = "group"
            return item
        if noun is None or noun.tag_ != "NNS":
            return None
        return self._base(t, t.i, t.i + 1, float(size), noun)

    def _amount(self, i: int, end: int, value: float, after: Token | None) -> _Item | None:
        """Money, belonging to what it buys or measures: "the $5.4 million settlement",
        "a deal worth $3.1bn", "net profit rose to $4.2bn"."""
        doc = self.doc
        last = doc[end - 1]
        if after is not None and after.lemma_.lower() in lx.CURRENCIES:
            last = after
        thing = None
        tok = last
        for _ in range(3):  # "$4.5 million" → "million" → the noun it modifies
            if tok.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and \
                    tok.head.i > tok.i and tok.head.pos_ == "NOUN" and \
                    tok.head.lemma_.lower() not in lx.CURRENCIES:
                thing = tok.head
                break
            if tok.head.i == tok.i or tok.head.i >= end or tok.head.i < i:
                break
            tok = tok.head
        if thing is None:
            # "worth $3.1bn": the thing that is worth it
            gov = last.head if last.head.i != last.i else None
            while gov is not None and gov.i >= i and gov.i < end and gov.head.i != gov.i:
                gov = gov.head
            if gov is not None and gov.lower_ == "worth" and gov.head.pos_ == "NOUN":
                thing = gov.head
            elif gov is not None and gov.lower_ in ("to", "from") and \
                    gov.head.lemma_.lower() in lx.CHANGE_VERBS:
                if gov.lower_ == "from":
                    return None  # "rose from $3.75 billion": the old value
                # "net profit rose to $4.2bn", "a 12 percent rise in net profit to $4.2bn"
                change = gov.head
                subj = next((c for c in change.children if c.dep_ in ("nsubj", "nsubjpass")),
                            None) if change.pos_ in ("VERB", "AUX") else next(
                    (p for c in change.children if c.dep_ == "prep" and c.lower_ == "in"
                     for p in c.children if p.dep_ == "pobj"), None)
                if subj is not None and subj.pos_ == "NOUN":
                    item = self._base(doc[i], i, end, value, subj)
                    item.measure, item.kind, item.changed = "money", "money:" + \
                        _derived(subj.lemma_.lower()), True
                    return item
        if thing is None and last.dep_ in ("dobj", "pobj"):
            # "paid $4.5 million to settle", "sold its stadium for 84 million pounds": the
            # action the money is for
            verb = last.head.head if last.dep_ == "pobj" and last.head.lower_ == "for" \
                else last.head if last.dep_ == "dobj" else None
            if verb is not None and verb.pos_ == "VERB":
                purpose = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and
                                any(a.lower_ == "to" for a in c.children)), None)
                if purpose is not None or last.dep_ == "pobj":
                    act = purpose if purpose is not None else verb
                    item = self._base(doc[i], i, end, value, None)
                    item.measure, item.kind, item.lemma = "money", "money:" + \
                        act.lemma_.lower(), act.lemma_.lower()
                    item.rpred = item.cpred = None
                    item.role = "count"
                    return item
        if thing is None:
            return None
        item = self._base(doc[i], i, end, value, thing)
        item.measure = "money"
        item.kind = "money:" + _derived(thing.lemma_.lower())
        item.rpred = item.cpred = None
        return item

    def _measure(self, i: int, end: int, value: float, unit: Token) -> _Item | None:
        """"a 212-metre tower", "the 221m tower": a measure of the thing, in a unit."""
        thing = unit.head if unit.head.i > unit.i and unit.head.pos_ == "NOUN" else None
        if thing is None and unit.i + 1 < len(self.doc) and \
                self.doc[unit.i + 1].pos_ == "NOUN" and unit.dep_ == "compound":
            thing = self.doc[unit.i + 1]
        if thing is None or thing.lemma_.lower() in lx.MEASURE_UNITS:
            return None
        item = self._base(self.doc[i], i, end, value, thing)
        item.measure = lx.MEASURE_UNITS[unit.lower_]
        item.kind = f"measure:{thing.lemma_.lower()}:{item.measure}"
        item.rpred = item.cpred = None
        return item

    def _attribute(self, i: int, end: int, value: float, counted: Token) -> _Item | None:
        """"a 120-bed wing": the wing's beds, a count owned by the wing."""
        owner = counted.head
        if counted.pos_ != "NOUN" or owner.i <= counted.i or owner.pos_ != "NOUN":
            return None
        item = self._base(self.doc[i], i, end, value, counted)
        item.quals = frozenset({f"of {owner.lemma_.lower()}"})
        item.definite = _definite(owner)
        item.rpred = item.cpred = None
        return item

    def _count(self, i: int, end: int, value: float, items: list[_Item]) -> _Item | None:
        doc = self.doc
        head = _run_head(doc, i, end)
        noun, role, whole = self._counted(head)
        if noun is None and role is None:
            return None
        if noun is not None and (noun.lemma_.lower() in lx.COUNT_TIME_UNITS or
                                 noun.lemma_.lower() in ("other", "one", "more", "time") or
                                 not (noun.text.islower() or noun.text.istitle()) or
                                 noun.lemma_.lower() in lx.MEASURE_UNITS or
                                 noun.lemma_.lower() in lx.CURRENCIES or
                                 noun.lower_ in ("year-old", "years-old", "old") or
                                 noun.lemma_.lower() in lx.PERCENT_WORDS):
            return None
        if noun is not None and value != 1 and noun.tag_ == "NN" and \
                noun.lemma_.lower() not in lx.INVARIANT_PLURALS and noun.i > head.i:
            return None  # "the 5000 mark", "their 787 aircraft": a level or a model
        if noun is not None and any(doc[k].pos_ == "ADJ" and doc[k].head.i == noun.i and
                                    doc[k].lower_ not in lx.PLAIN_QUALIFIERS and
                                    doc[k].lower_ not in _SUBSET_WORDS
                                    for k in range(max(0, i - 2), i)):
            return None  # "their new 787 jets": a count comes before the adjectives
        item = self._base(head, i, end, value, noun)
        if role is None and self._in_all(head):
            role = "total"  # "seven people in all"
        if role == "changed":
            item.changed, item.definite, role = True, True, None
            self.changes.append(item.sentence)
            verb = head.head.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                            and c.lemma_.lower() == "toll"), None)
            if noun is None and subject is not None:
                item.lemma, item.kind, item.rpred = "people", "people", "dead"
                return item  # "the death toll rose to six"
        if role:
            item.role = role
        if whole is not None:
            item.whole = whole
        if noun is None:  # "all 98", "the remaining three", "eight in all"
            antecedent = self._antecedent(item, items)
            if antecedent is None:
                return None
            item.lemma, item.kind = antecedent.lemma, antecedent.kind
            item.quals = antecedent.quals if item.role != "part" else item.quals
            item.rpred = item.rpred or _implied(antecedent.kind)
        return item

    def _counted(self, t: Token) -> tuple[Token | None, str | None, _Item | None]:
        """The noun a figure counts, and its role: "47 passengers" (a count), "Two of the
        five" (a part), "the crowd of 1,402", "the 13 dead", "all 98" (the noun told
        before)."""
        head = t.head
        if t.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i > t.i and \
                head.pos_ in ("NOUN", "PROPN"):
            if head.lemma_.lower() in lx.NUMBER_NOUNS:
                return None, None, None
            return head, None, None
        if t.dep_ == "nummod" and head.lower_ in lx.CASUALTY_WORDS and head.i > t.i:
            return head, None, None
        if t.dep_ not in _NOMINAL_DEPS and not (t.dep_ == "nummod" and head.i < t.i):
            return None, None, None
        for c in t.children:  # "the 13 dead", "all eight injured"
            if c.dep_ in ("acl", "amod") and c.lower_ in lx.CASUALTY_WORDS and c.i == t.i + 1:
                return c, None, None
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:  # "Two of the five suspects", "Fifty-three of the 67 miners"
            whole = next((c for c in of.children if c.dep_ == "pobj"), None)
            if whole is not None and whole.pos_ in ("NOUN", "PROPN"):
                return whole, "part", None
            if whole is not None and whole.lower_ in ("them", "those", "these"):
                return None, "part", None
            return None, None, None
        if t.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
                head.head.lemma_.lower() not in lx.NUMBER_NOUNS and \
                head.head.lemma_.lower() not in ("age", "score", "rate", "margin", "majority"):
            return head.head, None, None  # "the crowd of 1,402", "a crew of nine"
        if t.dep_ in ("dobj", "attr") and head.lemma_.lower() in lx.SIZING_VERBS:
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in lx.RELATIVE_PRONOUNS and \
                    head.dep_ == "relcl":
                subject = head.head
            if subject is not None and subject.pos_ == "NOUN":
                return subject, None, None  # "the crew, which numbered nine"
        if t.dep_ == "pobj" and head.lower_ in ("to", "at") and \
                head.head.lemma_.lower() in lx.CHANGE_VERBS:
            # "the death toll later rose to six", "the number of injured nurses rose to 13",
            # "bringing the final toll to 41"
            subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")
                            and c.lemma_.lower() in lx.NUMBER_NOUNS), None) or next(
                (c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")),
                None)
            if subject is not None and subject.pos_ == "NOUN":
                of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"),
                          None)
                counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of \
                    else None
                if counted is not None and counted.pos_ == "NOUN":
                    return counted, "changed", None
                if subject.lemma_.lower() in lx.NUMBER_NOUNS:
                    return None, "changed", None
            return None, None, None
        words = {c.lower_ for c in t.children if c.dep_ in ("det", "predet", "amod", "advmod",
                                                           "poss", "quantmod")}
        if words & lx.REST_WORDS:
            return None, "rest", None
        if self._in_all(t):
            return None, "total", None
        if words & {"all"}:
            return None, "count", None  # "all 98 passed"
        if t.dep_ in ("dobj", "nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
            return None, "bare", None  # "brought 20 to the surface": a part, if a rest follows
        return None, None, None

    def _in_all(self, t: Token) -> bool:
        """"eight in all", "five people in total", "40 altogether"."""
        doc = self.doc
        for j in range(t.i + 1, min(len(doc), t.i + 5)):
            w = doc[j].lower_
            if w in ("all", "total") and doc[j - 1].lower_ == "in":
                return True
            if w in ("altogether", "combined"):
                return True
            if doc[j].is_punct and doc[j].text not in ("-",):
                break
        return False

    def _antecedent(self, item: _Item, items: list[_Item]) -> _Item | None:
        """The count a figure without its noun stands for: the nearest count in the same
        sentence or the two before it ("Twenty-two miners were trapped … the remaining
        three")."""
        for other in reversed(items):
            if other.sentence < item.sentence - 2:
                return None
            if other.ordinal or other.measure != "count" or other.lemma == "":
                continue
            if item.role == "count" and _role_in_clause(other.noun) not in (
                    "nsubj", "nsubjpass"):
                continue  # "all four": the people the story is about, not "three houses"
            return other
        return None

    # ------------------------------------------------------------------ description
    def _base(self, t: Token, i: int, end: int, value: float, noun: Token | None) -> _Item:
        doc = self.doc
        start_char, end_char = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
        sentence = self.grammar.sentence_index(start_char)
        if noun is not None:
            lemma = _lemma(noun)
            kind = lx.COUNT_CLASSES.get(lemma, lemma)
        else:
            lemma = kind = ""
        anchor = noun if noun is not None else t
        item = _Item(start_char, end_char, t, value, noun, lemma, kind.split(":")[0], sentence)
        item.rpred = _implied(kind)
        before = doc[i - 1].lower_ if i > 0 else ""
        if before in lx.CURRENCY_SIGNS and i > 1:
            before = doc[i - 2].lower_
        if noun is not None:
            item.definite = _definite(noun) or _definite(t) or before in _DEFINITE
            item.quals = self._qualifiers(noun, set(range(i, end)))
            item.rpred = item.rpred or self._restrictive(noun)
        else:
            item.definite = _definite(t) or before in _DEFINITE
        item.cpred = self._clause_pred(anchor)
        self._role_words(item, anchor)
        self._scope(item, anchor)
        self._changes(item, anchor)
        return item

    def _qualifiers(self, noun: Token, figure: set[int]) -> frozenset[str]:
        """What narrows the counted: "new" stores, "fire" tenders, patients "on trolleys",
        "BJP" workers, the wing's beds."""
        out = set()
        for c in noun.children:
            if c.i in figure or c.like_num or c.lower_ in lx.MEASURE_UNITS or \
                    c.lemma_.lower() in lx.CURRENCIES or c.lemma_.lower() == _lemma(noun):
                continue  # "eight crew members" are the crew
            lemma = c.lemma_.lower()
            if c.dep_ in ("amod", "compound", "nmod") and lemma not in lx.PLAIN_QUALIFIERS \
                    and lemma not in lx.COUNT_PREDICATES and c.tag_ not in ("VBN", "VBD", "VBG") \
                    and not (c.lower_.endswith("ed") and c.pos_ == "ADJ") \
                    and not _is_ordinal_word(c) and c.ent_type_ not in ("DATE", "TIME"):
                out.add(lemma)
            elif c.dep_ == "prep" and c.lower_ in _QUALIFYING_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.ent_type_ not in (
                            "DATE", "TIME", *_PLACE_ENTS) and \
                            p.lemma_.lower() not in lx.TIME_NOUNS:
                        out.add(f"{c.lower_} {p.lemma_.lower()}")
            elif c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"):
                out.add(f"of {c.lemma_.lower()}")
        holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if holder is not None and holder.pos_ == "NOUN" and not _definite(noun) and \
                holder.lemma_.lower() not in lx.NUMBER_NOUNS and \
                any(c.dep_ in ("det", "poss") and c.lower_ in ("a", "an", "its", "their")
                    for c in holder.children):
            out.add(f"in {holder.lemma_.lower()}")  # "an estate of 212 pubs"
        return frozenset(out)

    def _restrictive(self, noun: Token) -> str | None:
        """What the noun phrase itself says happened: "the 11 rescued fishermen", "people
        rescued by boat", "patients who enrolled"."""
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and (
                    c.lemma_.lower() in lx.COUNT_PREDICATES or c.lower_ in lx.COUNT_PREDICATES or
                    c.tag_ in ("VBN", "VBD") or (c.lower_.endswith("ed") and c.pos_ == "ADJ")):
                return _normal(c)
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX") and \
                    c.lower_ not in ("aged", "age") and \
                    c.lemma_.lower() not in lx.SIZING_VERBS | lx.HAVING_VERBS:
                if c.lemma_ == "be":
                    attr = next((g for g in c.children if g.dep_ in ("acomp", "attr")), None)
                    if attr is not None:
                        return _normal(attr)
                return _normal(c)
        return None

    def _clause_pred(self, anchor: Token) -> str | None:
        """What the clause says happened to the counted: "Seven people were killed",
        "the crash killed 12 people", "enrolled 312 patients"."""
        if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and anchor.head.pos_ in ("VERB", "AUX"):
            verb = anchor.head
            if verb.lemma_ == "be":
                attr = next((g for g in verb.children if g.dep_ in ("acomp", "attr")), None)
                if attr is not None and attr.i != anchor.i:
                    return _normal(attr)
            return _normal(verb)
        if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and \
                anchor.head.head.pos_ == "VERB" and anchor.head.lower_ in ("with", "by"):
            return _normal(anchor.head.head)
        return None

    def _role_words(self, item: _Item, anchor: Token) -> None:
        """Parts ("Sierra Leone alone"), wholes ("Nationally, 402"), the rest ("the other
        three"), and the whole a count is a part of ("of the five")."""
        words = {c.lower_ for c in anchor.children} | {c.lower_ for c in item.head.children}
        verb = climb_to_verb(anchor, limit=4)
        clause = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod")}
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            clause |= {c.lower_ for c in subject.children if c.dep_ == "advmod"}
        if item.role == "count" and (words & lx.REST_WORDS):
            item.role = "rest"
        elif item.role == "count" and any(
                c.dep_ == "amod" and (_is_ordinal_word(c) or c.lower_ in _SUBSET_WORDS)
                for c in (*anchor.children, *item.head.children)):
            item.role = "part"  # "the first four cases", "the top 12 teams"
        elif item.role == "count" and (words & lx.PART_WORDS & {"alone"} or
                                       clause & {"alone"}):
            item.role = "part"
        elif clause & lx.WHOLE_WORDS:
            item.role = "whole" if item.role == "count" else item.role
            item.instance = item.instance | {"whole"}
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and \
                (anchor.head.head.like_num or anchor.head.head.lower_ in (
                    "none", "all", "most", "some", "many", "each", "half", "one", "any")):
            item.role = "whole"  # "Two of the five men", "None of the 38 passengers"
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "including":
            item.role = "part"
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "among" and item.role == "count":
            item.role = "whole"  # "Among the 74 people rescued was Edna Pickles"

    def _scope(self, item: _Item, anchor: Token) -> None:
        """The time, place and instance of the event a count belongs to: the dates on its
        clause, on the clause's subject, on the noun a relative clause hangs on ("the
        quake of 23 June 2001, which killed 74"), through participles ("left on Monday,
        carrying 180 passengers"); the places of the clause and of the sentence ("In
        Malawi, …"); which one of its kind the subject is ("the first ferry", "Ivan")."""
        verb = climb_to_verb(anchor, limit=6)
        item.verb = verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else None
        if item.definite:
            # "the 11 rescued fishermen were taken to hospital in Lerwick": where and when
            # the clause happens says nothing of which set the words refer back to; only
            # the phrase's own clause does ("the nine people killed in Tuesday's blast")
            own = next((c for c in anchor.children if c.dep_ in ("acl", "relcl")), None)
            if own is None:
                return
            verb = own
        holders = [anchor]
        if anchor.dep_ == "pobj":
            holders.append(anchor.head.head)
        dated_nouns = []
        v = verb
        for _ in range(3):
            holders.append(v)
            reporting = v.lemma_.lower() in lx.REPORTING_VERBS
            subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i != anchor.i and not reporting:
                holders.append(subject)
                item.instance = item.instance | _identity(subject)
                # "Ivan, which struck a year ago, killed 14 people": the subject's own clause
                holders.extend(c for c in subject.children if c.dep_ in ("relcl", "acl"))
            if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
                dated_nouns.append(v.head)  # "the quake of 23 June 2001, which killed 74"
                item.instance = item.instance | _identity(v.head)
                if v.head.dep_ == "pobj":  # "a collision in June 2005 in which five died"
                    dated_nouns.append(v.head.head.head)
            relative = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and
                             c.lower_ in ("which", "that") and c.i > 1), None)
            if relative is not None and v.dep_ != "relcl":  # a relative clause misparsed
                before = v.doc[relative.i - 1]
                before = v.doc[relative.i - 2] if before.is_punct else before
                dated_nouns.extend((before, before.head))
            finite = any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in v.children)
            if item.definite:
                break  # a definite count's own clause only
            if v.dep_ in ("advcl", "xcomp", "conj", "acl", "relcl") and not finite and \
                    v.tag_ in ("VBG", "VBN") and v.head.i != v.i:
                v = climb_to_verb(v.head, limit=3)  # "left …, carrying 180 passengers"
                continue
            break
        item.when = self._date_on(holders)
        if item.when is None:
            for noun in dated_nouns:
                clause = {t.i for c in noun.children if c.dep_ in ("relcl", "acl")
                          for t in c.subtree}
                item.when = self._date_on([t for t in noun.subtree if t.i not in clause][:40])
                if item.when is not None:
                    break
        if item.when is not None and self.pub is not None:
            item.history = (self.pub - item.when[1]).days > _HISTORY_DAYS
        places: set[str] = set(self._sentence_places(item.sentence))
        if verb.pos_ in ("VERB", "AUX"):
            places.update(places_of(verb))
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ in _PLACE_ENTS:
                    places.add(c.text)  # "Sierra Leone alone has recorded 252 deaths"
        for h in (anchor, verb):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "from", "on", "near", "off"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            places.update(_place_names(p))
        item.places = frozenset(places)

    def _date_on(self, holders: list[Token]) -> tuple[dt.date, dt.date] | None:
        for h in holders:
            for m in self.on_token.get(h.i, ()):
                if m.value is None or m.dateline or m.kind in ("duration", "ref", "set") or \
                        m.attachment.role.value not in ("point", "within", "part") or \
                        self._bounded(m):
                    continue  # "based in Tadcaster since 1847" is no time of the clause
                return m.value.first, m.value.last
        return None

    def _bounded(self, m: Mention) -> bool:
        """Is the time one end of a stretch ("since 1847", "until May", "before 2010")?"""
        span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        return span is not None and span.start > 0 and \
            self.doc[span.start - 1].lower_ in _BOUNDS

    def _sentence_places(self, sentence: int) -> tuple[str, ...]:
        """"In Malawi, where …, 12 people died": a place told at the head of the sentence
        holds for all of it."""
        start, _ = self.grammar.sentence_bounds(sentence)
        first = self.doc.char_span(start, start + 2, alignment_mode="expand")
        if first is None or first[0].lower_ not in ("in", "at", "across", "throughout"):
            return ()
        t = first[0]
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return ()
        return tuple(_place_names(pobj))

    def _changes(self, item: _Item, anchor: Token) -> None:
        """Is the figure told as a change ("rose to 13", "a further 12", "the toll now
        stands at three"), or in a sentence about another incident or an earlier telling?"""
        t = item.head
        lemmas = self.grammar.sentence_lemmas(item.sentence)
        item.incident = bool(lemmas & lx.INCIDENT_CUES)
        near = {c.lower_ for c in anchor.children if c.dep_ in ("amod", "advmod", "det")} | \
            {c.lower_ for c in t.children if c.dep_ in ("amod", "advmod", "det", "quantmod")}
        if near & {"further", "additional", "another", "more", "extra"}:
            item.role = "increment"  # "a further $5.4 million", "two more bodies"
        gov = t.head if t.dep_ == "pobj" else anchor.head if anchor.dep_ == "pobj" else None
        if gov is not None and gov.lower_ in ("to", "at", "from") and \
                gov.head.lemma_.lower() in lx.CHANGE_VERBS:
            item.changed = True  # "rose to 13", "brought the toll to 49", "stands at three"
            if item.noun is None:
                self.changes.append(item.sentence)
        verb = climb_to_verb(anchor, limit=3)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lemma_.lower() in lx.NUMBER_NOUNS and \
                verb.lemma_.lower() in lx.CHANGE_VERBS:
            item.changed = True  # "the toll reached 13"


# ---------------------------------------------------------------------------- linking
class _Linker:
    """Which earlier count each count restates, in one pass in text order."""

    def __init__(self) -> None:
        self.sets: dict[str, list[_Item]] = {}  # kind -> the latest count of each set
        self.recent: dict[str, list[_Item]] = {}  # kind -> every count of it, parts too
        self.changed_values: set[float] = set()  # tolls and totals told as changed

    def link(self, items: list[_Item]) -> None:
        for item in items:
            if item.ordinal or item.kind == "":
                continue
            key = item.kind if item.measure == "count" else f"{item.kind}/{item.measure}"
            recent = self.recent.setdefault(key, [])
            told = [r.value for r in recent[-_LOOK_BACK:] if r.sentence >= item.sentence - 3]
            recent.append(item)
            if item.changed:
                self.changed_values.add(item.value)
            if item.role in ("part", "rest", "bare"):
                continue
            sets = self.sets.setdefault(key, [])
            if item.role == "increment":  # "two more bodies": the sets told so far grew
                sets.clear()
                continue
            fits = [s for s in sets[-_LOOK_BACK:] if self._fits(s, item)]
            if not fits and item.definite and item.lemma in lx.PERSON_NOUNS:
                # "The trio who robbed the post office" … "The four men"
                fits = [s for s in self.sets.get("group", [])[-2:]
                        if s.sentence != item.sentence and item.quals <= s.quals]
            if item.changed or item.incident:
                if item.changed:  # the set told before now has this value
                    for old in fits[:-1]:
                        sets.remove(old)
                self._replace(sets, fits[-1] if fits and item.changed else None, item)
                continue
            same = next((s for s in reversed(fits) if s.value == item.value), None)
            if same is not None:
                item.same_as = same.index
                self._replace(sets, same, item)
                continue
            if item.definite and (item.value in self.changed_values or
                                  any(r.value == item.value for r in recent[:-1])):
                sets.append(item)  # "those 41 men" after "bringing the final toll to 41"
                continue
            if not fits or _sums_to(item.value, told) or item.role == "total" and item.definite:
                sets.append(item)
                continue
            if len({s.value for s in fits}) > 1 and not item.definite:
                sets.append(item)  # several sets it could be: silence beats a guess
                continue
            nearest = fits[-1]
            if item.definite and len({s.value for s in fits}) > 1:
                # the nearest set it can describe, unless a closer one has just been told
                nearest = max(fits, key=lambda s: s.index)
            item.same_as = nearest.index
            self._replace(sets, nearest, item)

    @staticmethod
    def _replace(sets: list[_Item], old: _Item | None, new: _Item) -> None:
        if old is not None and old in sets:
            sets.remove(old)
            for q in (old.quals - new.quals):  # keep what the set was described by
                new.quals = new.quals | {q}
            if new.pred is None and old.pred is not None:
                new.cpred = old.pred
        sets.append(new)

    @staticmethod
    def _fits(a: _Item, b: _Item) -> bool:
        """Could b count the same set as the earlier a?"""
        if (a.sentence == b.sentence and not (b.definite and a.verb != b.verb)) or \
                a.role == "part" or b.role == "part":
            return False  # "Five councillors voted for the plan and four against"
        if not _same_scope(a, b):
            return False
        if b.measure != "count":
            return b.definite and a.quals >= b.quals
        if b.definite:
            # "the 15 firefighters", "All five suspects": a set of these things told before;
            # a predicate of its own ("the 32 damaged cars") must agree, and a set told
            # with a narrower description ("the 71 men who came out alive") is not one
            # that a plainer description ("those 41 men") refers back to
            if not b.quals <= a.quals or (b.role == "whole" and b.quals != a.quals):
                return False
            return _same_pred(b.rpred, a.rpred) or _same_pred(b.rpred, a.cpred) \
                if b.rpred is not None else a.rpred is None
        # two counts told afresh are one set only when the same is told of the same things
        # (never a count told afresh against a changed toll: "bringing the toll to four"
        # … "Three people died at the scene")
        if a.quals != b.quals or a.role == "whole" or a.changed:
            return False
        if b.cpred in lx.HAVING_VERBS:  # "was carrying 38 passengers": the whole set
            return a.rpred is None and (a.definite or a.cpred in lx.HAVING_VERBS)
        return _same_pred(b.pred, a.rpred) or _same_pred(b.pred, a.cpred)


def _same_scope(a: _Item, b: _Item) -> bool:
    """Not the same set when the copy puts them at different times, places or instances."""
    if a.when and b.when and (a.when[1] < b.when[0] or b.when[1] < a.when[0]):
        return False
    if (a.when is None) != (b.when is None) and (a.history or b.history):
        return False  # one is the story's own event, the other an old one
    if a.places and b.places and a.places != b.places:
        return False
    if a.instance and b.instance and a.instance != b.instance:
        return False
    return ("whole" in a.instance) == ("whole" in b.instance)


def _same_pred(p: str | None, q: str | None) -> bool:
    if p is None or q is None:
        return False
    return p == q or (p == "lost" and q in lx.LOST_MEANS) or (q == "lost" and p in lx.LOST_MEANS)


def _sums_to(value: float, values: list[float]) -> bool:
    """"All 77 passengers from the two vessels": the total of counts told just before."""
    if len(values) > 1 and sum(values) == value:
        return True
    return any(x + y == value for i, x in enumerate(values) for y in values[i + 1:])


# ---------------------------------------------------------------------------- totals
def _totals(doc: Doc, items: list[_Item]) -> list[Total]:
    """Wholes given with their parts: coordinated counts and their total ("two men and
    three women, five people in all"; "four children — three sons and two daughters";
    "injured 17 people, including 11 children and seven adults"); a part, the rest and
    their whole ("Two of the five …; the other four")."""
    by_noun = {it.noun.i: it for it in items if it.noun is not None and not it.ordinal
               and it.measure == "count"}
    out: list[Total] = []
    used: set[int] = set()
    for it in items:
        if it.noun is None or it.noun.i in used or it.ordinal or it.measure != "count":
            continue
        chain = _conjuncts(it.noun, by_noun)
        if len(chain) < 2:
            continue
        used.update(n.i for n, _ in chain)
        parts = [(Span(p.start, p.end) if p is not None else _span(n), p.value if p else 1.0)
                 for n, p in chain]
        total, including = _whole_of(doc, chain, by_noun, items)
        if total is None:
            continue
        for _, p in chain:
            if p is not None:
                p.role = "part"
        out.append(Total(Span(total.start, total.end), total.value,
                         tuple(s for s, _ in parts), tuple(v for _, v in parts), including))
    out.extend(_marked_totals(doc, items, used))
    out.extend(_rests(items))
    out.extend(_enumerations(items))
    return out


def _marked_totals(doc: Doc, items: list[_Item], used: set[int]) -> list[Total]:
    """"Two men and three women - four people in all - were arrested": the counts just
    before a total marked "in all" (with no verb between them) are its parts, however the
    parser joined them."""
    out = []
    for n, total in enumerate(items):
        if total.role != "total" or total.noun is None or total.noun.i in used:
            continue
        parts: list[_Item] = []
        edge = total.head.i
        for p in reversed(items[:n]):
            if p.sentence != total.sentence or p.ordinal or p.measure != "count" or \
                    p.noun is None or any(doc[k].pos_ in ("VERB", "AUX") for k in
                                          range(p.noun.i + 1, edge)):
                break
            parts.insert(0, p)
            edge = p.head.i
        if len(parts) < 2:
            continue
        for p in parts:
            p.role = "part"
        out.append(Total(Span(total.start, total.end), total.value,
                         tuple(Span(p.start, p.end) for p in parts),
                         tuple(p.value for p in parts)))
    return out


def _enumerations(items: list[_Item]) -> list[Total]:
    """"The two finalists — Ines Costa, Maya Roth and Jo Park —"; "Brazil, Chile and Peru,
    the four countries that signed": a count apposed to a list of names has as many members
    as the list ("including" lists are parts, and are left alone)."""
    out = []
    for it in items:
        noun = it.noun
        if noun is None or it.ordinal or not it.definite or noun.tag_ != "NNS":
            continue
        names = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                     None)
        if names is None and noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and \
                noun.head.i < noun.i:
            names = noun.head
        if names is None:
            continue
        members = [names]
        while True:
            nxt = next((c for c in members[-1].children if c.dep_ == "conj"), None)
            if nxt is None or nxt.pos_ != "PROPN":
                break
            members.append(nxt)
        if len(members) < 2:
            continue
        out.append(Total(Span(it.start, it.end), it.value,
                         tuple(_span(m) for m in members), (1.0,) * len(members)))
    return out


def _breakdowns(doc: Doc, items: list[_Item], reader: _Reader) -> list[_Item]:
    """"The dead were two men and three women": the breakdown of a set told before is a
    count of that set (five dead), to be held to the earlier count ("Six people were
    killed")."""
    by_noun = {it.noun.i: it for it in items if it.noun is not None and not it.ordinal}
    added = []
    for it in items:
        noun = it.noun
        if noun is None or it.ordinal or noun.dep_ != "attr" or noun.head.lemma_ != "be":
            continue
        subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        if subject is None or subject.i in by_noun or not _definite(subject):
            continue
        kind = lx.COUNT_CLASSES.get(subject.lemma_.lower(), lx.COUNT_CLASSES.get(
            subject.lower_))
        chain = _conjuncts(noun, by_noun)
        if kind is None or len(chain) < 2:
            continue
        last = max(t.i for t in chain[-1][0].subtree)
        total = sum(p.value if p is not None else 1.0 for _, p in chain)
        whole = reader._base(subject, subject.i, subject.i + 1, total, subject)
        whole.start, whole.end = it.start, doc[last].idx + len(doc[last].text)
        whole.definite = True
        added.append(whole)
        for _, p in chain:
            if p is not None:
                p.role = "part"
    if not added:
        return items
    out = sorted(items + added, key=lambda x: x.start)
    for n, item in enumerate(out):
        item.index = n
    return out


def _conjuncts(noun: Token, by_noun: dict[int, _Item]) -> list[tuple[Token, _Item | None]]:
    """"two men and three women (and a child)": the counted nouns of one coordination,
    each with its count ("a child" is one)."""
    chain = [noun]
    tok = noun
    while True:
        nxt = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
        if nxt is None:
            break
        chain.append(nxt)
        tok = nxt
    out = []
    for n in chain:
        item = by_noun.get(n.i)
        if item is not None and item.role == "total":
            break  # "two men and three women - five people in all": the total, not a part
        if item is None:
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children):
                out.append((n, None))
                continue
            return []
        out.append((n, item))
    return out if sum(1 for _, p in out if p is not None) >= 2 else []


def _dash_before(doc: Doc, noun: Token) -> bool:
    """Is the phrase of this noun set off by a dash, a colon or a bracket?"""
    start = min(t.i for t in noun.subtree)
    return start > 0 and doc[start - 1].text in ("—", "–", "--", "-", ":", "(")


def _span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text))


def _whole_of(doc: Doc, chain, by_noun: dict[int, _Item],
              items: list[_Item]) -> tuple[_Item | None, bool]:
    """The total of a coordination: an apposed count with "in all" or a dash; the count
    the coordination breaks down ("six bodies -- two men and three women"); the count a
    list "including" belongs to."""
    first = chain[0][0]
    last = chain[-1][0]
    parts = {p.index for _, p in chain if p is not None}
    for c in list(first.children) + list(last.children):
        if c.dep_ == "appos" and c.i in by_noun and by_noun[c.i].index not in parts and \
                (by_noun[c.i].role == "total" or _dash_before(doc, c)):
            return by_noun[c.i], False  # "two men and three women, five people in all"
    head = first.head
    if first.dep_ in ("appos", "attr", "dep") and head.i in by_noun and head.i < first.i and \
            _dash_before(doc, first):
        return by_noun[head.i], False  # "Seven bodies were recovered: three men, …"
    if first.dep_ == "pobj" and head.lower_ == "including":
        owner = head.head
        if owner.i in by_noun:
            return by_noun[owner.i], True
    # "four children — three sons and two daughters": a count just before a dash
    start = min(t.i for t in first.subtree)
    if start >= 2 and doc[start - 1].text in ("—", "–", "--", "-", ":", "("):
        prev = doc[start - 2]
        if prev.i in by_noun:
            return by_noun[prev.i], False
    # "… four BJP workers and three Congress workers … eight in all": a total in the
    # same sentence, told after the parts
    sentence = next((p.sentence for _, p in chain if p is not None), None)
    end = max(t.i for t in last.subtree)
    for it in items:
        if it.sentence == sentence and it.role == "total" and it.head.i > end and \
                it.index not in parts:
            return it, False
    return None, False


def _rests(items: list[_Item]) -> list[Total]:
    """"Two of the 225 shares rose, one was unchanged and the other 222 fell": the parts and
    the rest make the whole. "Rescuers brought 20 to the surface, and the remaining three
    …" after "Twenty-two miners were trapped": the whole is the set told before."""
    out = []
    for n, rest in enumerate(items):
        if rest.role != "rest" or rest.ordinal:
            continue
        parts: list[_Item] = []
        whole = None
        for p in reversed(items[max(0, n - 6):n]):
            if p.sentence < rest.sentence - 1 or p.kind != rest.kind:
                continue
            if p.role == "whole" and whole is None:
                whole = p
            elif p.role in ("part", "bare"):
                parts.insert(0, p)
            elif p.role == "count" and parts:
                whole = whole or p
                break
        if not parts:
            continue
        if whole is None:
            first = parts[0]
            whole = next((w for w in reversed(items[:first.index]) if w.kind == rest.kind and
                          w.role in ("count", "total") and not w.ordinal and
                          w.sentence >= first.sentence - 2), None)
        if whole is None:
            continue
        out.append(Total(Span(whole.start, whole.end), whole.value,
                         tuple(Span(p.start, p.end) for p in (*parts, rest)),
                         tuple(p.value for p in (*parts, rest))))
    return out


# ---------------------------------------------------------------------------- helpers
def mentions_by_token(doc: Doc, mentions: tuple[Mention, ...],
                       on_verb: dict[int, list[Mention]]) -> dict[int, list[Mention]]:
    """The temporal mentions that date each verb or noun ("killed … on Tuesday", "the
    quake of 23 June 2001", "Last year's storm"), by token index."""
    by_char = {t.idx: t.i for t in doc}
    out: dict[int, list[Mention]] = {}
    for start, ms in on_verb.items():
        if start in by_char:
            out.setdefault(by_char[start], []).extend(ms)
    for m in mentions:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        out.setdefault(root.i, []).append(m)  # "in June 2013, which destroyed 511 homes"
        target = None
        if root.dep_ == "pobj" and root.head.dep_ == "prep" and \
                root.head.head.pos_ in ("NOUN", "PROPN"):
            target = root.head.head
        elif root.dep_ in ("poss", "compound", "nmod", "npadvmod", "amod") and \
                root.head.pos_ in ("NOUN", "PROPN"):
            target = root.head
        if target is not None:
            out.setdefault(target.i, []).append(m)
    return out


def _run_head(doc: Doc, i: int, end: int) -> Token:
    """The word of a figure that carries its grammar: the one whose head lies outside it
    ("two dozen volunteers": "two"; "Forty-two homes": "two")."""
    for t in reversed(doc[i:end]):
        if not i <= t.head.i < end or t.head.i == t.i:
            return t
    return doc[end - 1]


def _role_in_clause(noun: Token | None) -> str | None:
    """The dependency of a noun's whole coordination ("a yacht, three houses": dobj)."""
    if noun is None:
        return None
    for _ in range(6):
        if noun.dep_ not in ("conj", "appos") or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun.dep_


def _lemma(noun: Token) -> str:
    lemma = noun.lemma_.lower() if noun.pos_ in ("NOUN", "PROPN") else noun.lower_
    if lemma == "member":  # "eight crew members" are the crew
        compound = next((c for c in noun.children if c.dep_ == "compound"), None)
        if compound is not None:
            return compound.lemma_.lower()
    return lemma


def _implied(kind: str) -> str | None:
    """What a noun says happened to its counted: victims died, the injured were hurt."""
    return kind.split(":", 1)[1] if ":" in kind else None


def _normal(t: Token) -> str:
    """What happened, one word for its forms: killed, died, dead → "dead"; "discharged"
    (tagged an adjective) and "discharge" → "discharg"."""
    lemma = t.lemma_.lower()
    known = lx.COUNT_PREDICATES.get(lemma) or lx.COUNT_PREDICATES.get(t.lower_)
    if known:
        return known
    stem = lemma[:-2] if lemma.endswith("ed") else lemma.removesuffix("e")
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]  # "stopped" → "stop"
    return stem


def _definite(t: Token) -> bool:
    """"the 15 firefighters", "all 40 passengers", "those 1,300 jobs", "its 212 pubs"."""
    for c in t.children:
        if c.dep_ in ("det", "predet") and c.lower_ in ("the", "all", "these", "those", "both"):
            return True
        if c.dep_ == "poss":
            return True
    return False


def _identity(noun: Token) -> frozenset[str]:
    """Which one of its kind a noun names: "the first ferry", "the KM Sinar Bahari",
    "Ivan", "the Black Saturday fires", "last year's storm"."""
    if noun.ent_type_ == "PERSON" or noun.pos_ == "PRON":
        return frozenset()
    out = set()
    if noun.pos_ == "PROPN" and noun.ent_type_ not in _PLACE_ENTS and \
            (noun.ent_type_ or not noun.is_sent_start):
        out.add(noun.text)
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and (_is_ordinal_word(c) or c.lower_ in (
                "other", "another", "second", "previous", "last", "next", "earlier")):
            out.add(c.lower_)
        elif c.dep_ in ("compound", "appos", "conj") and c.pos_ == "PROPN" and \
                c.ent_type_ not in _PLACE_ENTS:
            out.add(c.text)
    if _is_ordinal_word(noun) or noun.lower_ in ("other", "second"):
        out.add(noun.lower_)
    return frozenset(out)


def _place_names(p: Token) -> set[str]:
    """"in Guinea, Liberia and Sierra Leone", "in the provinces of Zambezia and Sofala"."""
    out = set()
    todo = [p]
    while todo:
        t = todo.pop()
        if t.ent_type_ in _PLACE_ENTS or (
                t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE and
                t.ent_type_ not in ("DATE", "TIME", "NORP")):
            out.add(t.text)  # "In Malawi" (the small model may call it a person)
        for c in t.children:
            if c.dep_ == "conj" or (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "pobj" and t.dep_ == "prep":
                todo.append(c)
    return out


def _is_ordinal_word(t: Token) -> bool:
    """"fourth", "seventeenth", "15th" (a rank; "last" is a position, not one)."""
    return (t.is_alpha or t.text[:1].isdigit()) and cardinal(t.lower_) is None and \
        (ordinal(t.lower_) or 0) > 0

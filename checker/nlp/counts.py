"""Counted things: "Seven people were killed", "the eight victims", "the crowd of 1,402",
"its fourth profit warning", with what happened to them, where and when."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from checker import lexicon as lx
from checker.facts.numbers import Count
from checker.facts.time import Mention
from checker.model import Span
from checker.nlp.grammar import climb_to_verb, places_of
from checker.nlp.numbers import cardinal, ordinal

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token


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
                         places, when, verb,
                         tally=":" in kind or kind in lx.TALLY_NOUNS or lemma in lx.TALLY_NOUNS))
    return out, changes


def _scope(noun: Token, on_verb: dict[int, list[Mention]]
           ) -> tuple[frozenset[str], tuple[dt.date, dt.date] | None, str | None]:
    """The places, the day or month and the verb of a count's clause."""
    verb = climb_to_verb(noun, limit=4)
    places = set(places_of(verb)) if verb.pos_ in ("VERB", "AUX") else set()
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

"""Which noun a time describes, how, and the words that call that noun recent, current or
still to come.

A recency word reaches only the time of what it qualifies. "The recent floods of July 2007"
dates the floods; "a recent study of the 2010 floods" dates the floods, not the study;
"the recently refurbished library, built in 1906" dates the building, not the refurbishment.
So the time and the word must meet on one noun:

- the time is the noun's own: a label ("the upcoming May 2019 elections"), its phrase ("the
  recent floods of July 2007", "the upcoming election in October 2009"; a phrase the parser
  hung on the verb but that follows the noun is the noun's too), or a clause on it that says
  the noun's event took place ("the recent election, held on 6 May 2010");
- or the time dates the start of the noun ("the new law, which took effect on 1 January
  2008", "the current fire season, which it declared open on June 1, 2019"), its whole
  stretch ("the ongoing scheme, in force from January 1 to 15, 2016", "the current plan,
  which ran from 2010 to 2014"), or what caused it ("the recent disruption caused by the
  eruption in April 2010", "the ongoing response to Hurricane Irene, which struck in August
  2011");
- a participle's adverb ("newly appointed", "recently announced", "just-published") reaches
  only a time that dates that participle's own action, said in other words ("who took up the
  post in January 2009", "unveiled in January 2013", "released on 3 March 2012"), or the time
  of the event the noun names ("the recently announced walkout on 14-15 September 2011").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from checker import lexicon as lx
from checker.facts.time import Described
from checker.nlp.predicates import event_noun, noun_predicate, verb_predicate

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Token

# a noun's own time: "the floods of July 2007", "the latest figures, for Q3 2012"; not
# "from": "documents from 1998" are as old as they are, whatever was done to them lately
_OWN_PREPOSITIONS = {"of", "in", "on", "at", "during", "for"}
_CHAIN_PREPOSITIONS = {"in", "at", "during"}  # "their victory in the 2005 cup final"
_RANGE_PREPOSITIONS = {"from", "between", "to", "until", "till", "through"}
_CUE_DEPS = ("amod", "advmod", "compound", "nmod", "det", "poss", "acl")
_SUBJECTS = ("nsubj", "nsubjpass")
_UP = ("pcomp", "prep", "advcl", "xcomp", "conj")  # from a verb up to the clause it serves
# a participle that says its noun is over ("the just-ended season", "the recently concluded
# talks"): its act is the end of the noun's own stretch, which the noun's own time dates
_ENDED = lx.ENDING_VERBS | {verb for verb, phase in lx.PHASE_VERBS.items() if phase == "end"}


class _Candidate(NamedTuple):
    noun: Token
    how: str  # own, start, whole, cause, act (see Described)
    act: frozenset[str] = frozenset()  # predicate of the clause that dates it, for "act"


def _verbish(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _nounish(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def _phrase_head(token: Token) -> Token:
    """"the newly appointed health minister, Joseph Ndongo": the apposition's head."""
    return token.head if token.dep_ == "appos" and token.head.i != token.i else token


def describe(root: Token, host: Token, *, label: bool, prep: str | None,
             range_part: bool, bracket: Token | None = None) -> Described | None:
    """The noun the time at `root` describes (`host`: the word its own phrase hangs on;
    `label`: it is a possessive or compound on the noun; `range_part`: it ends a stretch;
    `bracket`: the "(" it, or the range it ends, is set in), with the cues on that noun;
    None when no cue reaches it."""
    candidates: list[_Candidate] = []
    if label and host.dep_ == "compound" and _nounish(host.head):
        candidates.append(_Candidate(host, "own"))
        host = host.head  # "the 2005 county cup final", "the May 2012 council election"
    if _nounish(host) or host.pos_ == "ADJ":
        if label or prep in _OWN_PREPOSITIONS:
            candidates.append(_Candidate(host, "own"))
            candidates.extend(_chained(host))
        elif prep in _RANGE_PREPOSITIONS or range_part:
            candidates.append(_Candidate(host, "whole"))
            candidates.extend(_chained(host, how="whole"))
        candidates.extend(_acted_on(host))
    elif _verbish(host):
        candidates.extend(_clause(host, prep, range_part))
    if root.dep_ == "pobj" and prep in _OWN_PREPOSITIONS:
        candidates.extend(_before(root.head))
    if bracket is not None:
        # "the ongoing Games in Glasgow (23 July–3 August 2014)": a time in brackets right
        # after a noun phrase is that noun's; a range is its whole stretch
        candidates.extend(c._replace(how="whole") if range_part else c
                          for c in _before(bracket, any_noun=range_part))
    if _nounish(root) and any(c.i < root.left_edge.i or c.dep_ == "amod" and c.i < root.i
                              for c in root.children if c.dep_ in ("amod", "advmod")):
        # "the pending Sept. 16, 2014, ruling": the parser hangs the noun's cue on the date
        candidates.append(_Candidate(root, "own"))
    for candidate in candidates:
        found = _cues(candidate)
        if found is not None:
            return found
    if label and (_nounish(host) or host.pos_ == "ADJ") and \
            host.lemma_.lower() in lx.BOUNDED_NOUNS:
        # "a 2012 budget", "the 2013-14 season": the year says which period it covers
        return Described(noun=host.text, how="own",
                         bounded_days=lx.BOUNDED_NOUNS[host.lemma_.lower()])
    return None


def _chained(noun: Token, how: str = "own") -> list[_Candidate]:
    """The nouns whose time a noun's time also gives: "their victory in the 2005 cup final",
    "the recent disruption caused by the eruption", "the response to Hurricane Irene"."""
    out = []
    tok = noun
    for _ in range(3):
        head = tok.head.head
        if tok.dep_ != "pobj":
            break
        if tok.head.lower_ in _CHAIN_PREPOSITIONS and _nounish(head) and event_noun(head):
            tok = head
            out.append(_Candidate(tok, how))
        elif tok.head.lower_ == "by" and head.dep_ == "acl" and \
                head.lemma_.lower() in lx.CAUSE_VERBS:
            tok = _phrase_head(head.head)  # "the disruption caused by the eruption"
            out.append(_Candidate(tok, "cause"))
        elif tok.head.lower_ in ("to", "after", "following") and _nounish(head) and \
                event_noun(head):
            tok = head  # "the response to Hurricane Irene"
            out.append(_Candidate(tok, "cause"))
        else:
            break
    return out


def _acted_on(noun: Token) -> list[_Candidate]:
    """"who won the May 2012 election": the noun is what a relative clause on another noun
    did; a participle on that other noun ("newly elected") may say it in other words."""
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and _verbish(verb):
        return _relative(verb)
    return []


def _relative(verb: Token) -> list[_Candidate]:
    """From a verb up to the relative clause it belongs to: the noun that clause describes,
    with the clause's predicate ("who took up the post on joining … in January 2009")."""
    tok = verb
    for _ in range(4):
        if tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i and _nounish(tok.head):
            return [_Candidate(tok.head, "act", verb_predicate(tok) | verb_predicate(verb))]
        if tok.dep_ not in _UP or tok.head.i == tok.i:
            break
        tok = tok.head
    return []


def _before(prep: Token, *, any_noun: bool = False) -> list[_Candidate]:
    """A time phrase the parser hung elsewhere though it follows a noun phrase directly:
    "the upcoming general election in October 2009", "the recent death of its founder,
    Leopold Hahn, on 4 March 2009"."""
    if prep.i < 2:
        return []
    last = prep.doc[prep.i - 1]
    if last.is_punct:
        last = prep.doc[prep.i - 2]
    out = []
    for noun in (last, *last.ancestors):
        if noun.i >= prep.i or _verbish(noun) or prep.i - noun.i > 12:
            break
        # only an event takes a time phrase of its own: "the new buildings in England in
        # December 2018" is a ban's time, not the buildings'
        # (a whole stretch in brackets is a gloss on the noun whatever it names: "the
        # current exhibition (12 March to 30 June)", "the ongoing Games (23 July–3 August)")
        if _nounish(noun) and noun.i != prep.head.i and (any_noun or event_noun(noun)):
            out.append(_Candidate(_phrase_head(noun), "next"))
    return out


def _clause(verb: Token, prep: str | None, range_part: bool) -> list[_Candidate]:
    """A time on a verb: the noun its clause describes, when the clause is a relative clause
    or participle on a noun ("the election, held on 6 May 2010"), or its subject when the
    verb only says it took place."""
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i and _nounish(verb.head):
        noun = verb.head
        act = verb_predicate(verb)
        if range_part or prep in _RANGE_PREPOSITIONS:
            how = "whole"  # "which ran from 2010 to 2014", "in force from …"
        elif act & lx.INCEPTION_VERBS:
            how = "start"  # "which took effect on 1 January 2008"
        elif lemma in lx.OCCUR_VERBS or (event_noun(noun) and (
                noun_predicate(noun) & act or lemma in lx.LIGHT_VERBS)):
            how = "own"  # "the election, held on 6 May 2010", "the offer, made in November"
        else:
            how = "act"  # "the library, built in 1906": what the clause says was done
        out = [_Candidate(noun, how, act)]
        # "the current plan for the species, which ran from 2010 to 2014": a relative
        # clause the parser hung on the noun of a phrase on the described noun
        if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of") and \
                _nounish(noun.head.head):
            out.append(_Candidate(_phrase_head(noun.head.head), how, act))
        return out
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and lemma in lx.OCCUR_VERBS:
        return [_Candidate(subject, "own")]  # "the recent election was held on 6 May"
    return _relative(verb)


def _cue_words(noun: Token) -> list[Token]:
    """The words on a noun phrase that may describe it, with those on its compounds ("Newly
    elected mayor Rosa Delgado": "elected" hangs on "mayor") and on a noun in apposition
    ("Gareth Pryce, the newly appointed finance director")."""
    nouns = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    if noun.dep_ == "appos":
        nouns.append(noun.head)
    out = []
    for n in nouns:
        out.extend(n.children)
        out.extend(g for c in n.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                   for g in c.children)
    return out


def _cues(candidate: _Candidate) -> Described | None:
    """The cue words on a noun that reach a time related to it as the candidate says."""
    noun, how, act = candidate
    recent: list[tuple[str, float]] = []
    upcoming = current = None
    series = lx.SERIES_PERIODS.get(noun.lemma_.lower())
    if noun.dep_ == "pobj" and noun.head.lower_ == "from" and \
            noun.head.head.lower_ in lx.RECENT_CUES:
        recent.append((noun.head.head.lower_, lx.RECENT_CUES[noun.head.head.lower_]))
        #         ^ "Fresh from their victory in the 2005 cup final"
    for c in _cue_words(noun):
        if c.dep_ not in _CUE_DEPS or c.pos_ == "PROPN":
            continue  # "New Orleans", "the Current Affairs desk": part of a name
        word = c.lower_
        adverbs = {g.lower_ for g in c.children if g.dep_ == "advmod"}
        series = lx.SERIES_PERIODS.get(word, series)
        if adverbs & lx.RECENT_ADVERBS and _verbish(c) or (
                adverbs & lx.RECENT_ADVERBS and c.tag_ in ("VBN", "VBD")):
            # "newly appointed", "recently announced", "just-published": the participle's
            # own act is recent; it reaches a time dating that act, or the noun's event
            adverb = min(adverbs & lx.RECENT_ADVERBS)
            if act & verb_predicate(c) or how == "own" and event_noun(noun):
                recent.append((adverb, 1.0))
            elif how == "own" and verb_predicate(c) & _ENDED:
                recent.append((f"{adverb} {c.lower_}", 1.0))  # "just ended"
            continue
        if how == "act":
            continue  # a plain adjective does not reach what a clause says was done
        if word in lx.RECENT_CUES and not (how == "next" and word == "new"):
            # ("new high-rise buildings in England in December 2018": a time next to a
            # thing called new is the clause's, not the thing's)
            most = "most" in adverbs  # "the most recent census": the last of a series
            recent.append(("most recent" if most else word,
                           lx.RECENT_CUES["latest" if most else word]))
        elif word in lx.UPCOMING_CUES:
            upcoming = word
        elif word in lx.CURRENT_CUES:
            current = word
    if not (recent or upcoming or current):
        return None
    name = "" if noun.ent_type_ == "DATE" else noun.text  # "the pending Sept. 16 ruling"
    return Described(noun=name, how="own" if how == "next" else how, recent=tuple(recent),
                     upcoming=upcoming, current=current, series_days=series,
                     bounded_days=lx.BOUNDED_NOUNS.get(noun.lemma_.lower()))

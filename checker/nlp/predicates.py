"""The event a temporal mention dates, read from the parse: its predicate, its participants,
its places and what the words say about which occurrence it is.

The predicate is the verb's lemma (with its particle: "break out"), or, for a noun, the
verb WordNet derives it from ("death" → die, "resignation" → resign, "walkout" → walk out);
a gerund gives its own verb ("the reopening" → reopen); a few event nouns WordNet links to
no verb ("landfall", "verdict") stand for themselves. Light verbs take their object's
predicate ("made landfall" → landfall, "held a vote" → vote), and verbs that only say an
event took place take their subject's ("the robbery happened", "the fire, which broke
out", "the verdict, handed down on 15 March"). Synonym groups in the lexicon fold the rest
("came ashore" → landfall, "left" → depart).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker import lexicon as lx
from checker.facts.time import EventRef, Party

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Token

    from checker.nlp.coref import Entities

_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_MEASURES = {"PERCENT", "MONEY", "QUANTITY"}
_MEASURE_PREPOSITIONS = {"by", "to", "at", "from", "above", "below", "over", "under", "past",
                         "beyond", "around", "about", "near"}
_LABEL_DEPS = {"poss", "compound", "amod", "nmod", "nummod", "npadvmod"}
# clauses whose subject is read from the clause above: certain for a controlled verb
# ("agreed to leave", "Born in 1948, Le Goff …"), a guess through a preposition or a
# complement ("said before leaving")
_CONTROLLED = {"xcomp", "advcl", "conj"}
_IMPLICIT = {"pcomp", "acl", "ccomp", "prep"}


def _verbish(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or predicate_noun(token)


def predicate_noun(token: Token) -> bool:
    """A finite verb the small model tagged as a noun: it heads a clause and has a subject
    ("fares start on 2 March, the operator announced")."""
    return token.pos_ == "NOUN" and token.dep_ in ("ccomp", "advcl", "relcl", "ROOT") and \
        any(c.dep_ == "nsubj" for c in token.children)


def _nounish(token: Token) -> bool:
    """A noun, or an adjective used as one ("the May 8 final", "the semi")."""
    return token.pos_ in ("NOUN", "PROPN") or (
        token.pos_ == "ADJ" and token.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "attr"))


def _canon(keys: set[str]) -> frozenset[str]:
    return frozenset(lx.SYNONYM_OF.get(k, k) for k in keys if k)


def _gerund_verbs(word: str) -> set[str]:
    """"reopening" → reopen; "taking" → take; "stopping" → stop: every plausible stem."""
    stem = word[:-3]
    out = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.add(stem[:-1])
    return out


def event_noun(token: Token) -> bool:
    """Does this noun name an event (an act, a happening) rather than a thing?"""
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    lemma = token.lemma_.lower()
    return bool(lx.verbs_of(lemma)) or lemma in lx.EVENT_NOUNS or (
        token.pos_ == "NOUN" and lemma.endswith("ing") and len(lemma) > 5)


def noun_predicate(token: Token) -> frozenset[str]:
    lemma = token.lemma_.lower()
    keys = {lemma, *lx.verbs_of(lemma)}
    if lemma.endswith("ing") and not lx.verbs_of(lemma):
        keys |= _gerund_verbs(lemma)
    return _canon(keys)


def _lemma(verb: Token) -> str:
    """The verb's lemma, with the lemmatiser's slips repaired against WordNet's verbs
    ("staged" → "stag" → stage)."""
    lemma = verb.lemma_.lower()
    if not lx.known_verb(lemma) and lx.known_verb(lemma + "e"):
        return lemma + "e"
    return lemma


def _object(verb: Token) -> Token | None:
    """The verb's object; for "made landfall" the small model sometimes calls the noun an
    adjective complement."""
    obj = _child(verb, "dobj")
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ in ("ccomp", "acomp", "oprd", "attr")
                    and c.pos_ in ("NOUN", "ADJ") and not list(c.children)), None)
    return obj


def _particle(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.pos_ == "ADV"
                               and not c.lower_.endswith("ly")):
            return c.lower_
    return None


def verb_predicate(verb: Token) -> frozenset[str]:
    """A verb's predicate keys without its participants: "took up the post" → take, take up,
    take post, take up post (synonyms folded: appoint)."""
    lemma = _lemma(verb)
    particle = _particle(verb)
    obj = _object(verb)
    keys = {lemma}
    if particle:
        keys.add(f"{lemma} {particle}")
    if obj is not None:
        keys.add(f"{lemma} {obj.lemma_.lower()}")
        if particle:
            keys.add(f"{lemma} {particle} {obj.lemma_.lower()}")
    return _canon(keys)


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _measured(verb: Token) -> bool:
    """"rose 2%", "closed 1% higher", "closed at 1,204", "fell by a third": a measure,
    told again every day, not an event that happens once."""
    targets = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _MEASURE_PREPOSITIONS:
            targets.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("dobj", "npadvmod", "attr", "acomp", "advmod", "prt"):
            targets.append(c)
            targets.extend(g for g in c.children if g.dep_ in ("npadvmod", "dobj", "pobj"))
    for target in targets:
        if target.ent_type_ in ("DATE", "TIME"):
            continue
        if target.like_num or target.ent_type_ in _MEASURES or any(
                g.dep_ == "nummod" and g.ent_type_ in _MEASURES for g in target.children):
            return True
    return False


class Predicates:
    """Reads the event a time dates; one per parsed document (shares its coreference)."""

    def __init__(self, entities: Entities) -> None:
        self.entities = entities

    def event(self, host: Token, verb: Token, *, label: bool) -> EventRef | None:
        """The event dated by a time attached to `host` (the verb or noun its phrase hangs
        on; `verb` is the clause's verb above it); `label`: the time is a possessive or
        compound on the noun ("Wednesday's arrest", "the 9 July ruling")."""
        if _verbish(host) and host.dep_ not in ("amod", "compound"):
            return self._clause(host)
        if _nounish(host) and event_noun(host):
            tie = "label" if label else "phrase"
            return self._nominal(host, tie=tie)
        if not label and host.pos_ in ("NOUN", "PROPN") and _verbish(verb):
            # "crossed the coast as a category 2 system on Saturday night": a time phrase
            # on a thing is the parser's slip for one on the clause
            return self._clause(verb)
        return None

    def after_noun(self, prep: Token) -> EventRef | None:
        """The other reading of a time phrase the parser hung on the verb though it follows
        an event noun: "declared mourning following his death on Saturday"."""
        if prep.i == 0:
            return None
        before = prep.doc[prep.i - 1]
        if before.pos_ != "NOUN" or not event_noun(before) or before.head.i == prep.head.i \
                and before.dep_ == "npadvmod":
            return None
        if before.head.i == prep.head.i and _lemma(prep.head) in lx.LIGHT_VERBS:
            return None  # "took effect on Friday": the clause's reading already is the noun's
        for anc in before.ancestors:  # the noun sits in the verb's own clause
            if anc.i == prep.head.i:
                return self._nominal(before, tie="phrase")
            if _verbish(anc) and anc.dep_ != "prep":  # "following", "including"
                return None
        return None

    # ------------------------------------------------------------ a verb's event
    def _clause(self, verb: Token) -> EventRef | None:
        lemma = _lemma(verb)
        particle = _particle(verb)
        phrase = f"{lemma} {particle}" if particle else lemma
        obj = _object(verb)
        subject = self._subject(verb)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # the noun the verb says took place: its subject, or the noun a participle describes
        theme = verb.head if verb.dep_ in ("acl", "relcl") and verb.head.i != verb.i else (
            subject[0] if subject else None)
        if theme is not None and verb.dep_ == "acl" and not event_noun(theme) and \
                theme.dep_ == "pobj" and theme.head.lower_ == "of" and \
                event_noun(theme.head.head):
            theme = theme.head.head  # "the merger of the two societies, completed in 2009"
        occurs = lemma in lx.OCCUR_VERBS or phrase in lx.OCCUR_VERBS or (
            obj is not None and f"{lemma} {obj.lemma_.lower()}" in lx.OCCUR_VERBS)
        if lemma == "be" and _child(verb, "acomp", "attr", "ccomp", "xcomp") is not None:
            occurs = False  # "the economy would be slow in 2009": a state, not an occurrence
        phase = lx.PHASE_VERBS.get(lemma)
        if (occurs or phase) and theme is not None and event_noun(theme) and \
                not (obj is not None and event_noun(obj) and lemma in lx.LIGHT_VERBS
                     and not passive):
            return self._nominal(theme, tie="clause", at=verb, phase=phase)
        if lemma in lx.LIGHT_VERBS or phrase in lx.LIGHT_VERBS:
            if obj is not None and event_noun(obj):
                keys = noun_predicate(obj)  # "made landfall", "held a vote"
            elif obj is not None:
                keys = _canon({f"{lemma} {obj.lemma_.lower()}"})  # "took office"
            elif particle:
                keys = _canon({phrase})  # "came ashore", "went ahead"
            else:
                return None
        elif lemma in lx.REPORTING_VERBS and (obj is None or _child(verb, "ccomp")):
            return None  # "said on Monday that …": sayings repeat, their content is dated
        elif _measured(verb) or lemma == "be":
            return None
        else:
            keys = {lemma, phrase}
            if obj is not None:
                keys.add(f"{lemma} {obj.lemma_.lower()}")  # "crossed the coast"
            keys = _canon(keys)
        parties = []
        if subject is not None:
            parties.append(self._party("patient" if passive else "agent", *subject))
        if obj is not None:
            parties.append(self._party("patient", obj, True))
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
            parties.append(self._party("patient", verb.head, True))  # "satellite, launched"
        agent = _child(_child(verb, "agent") or verb, "pobj") if passive else None
        if agent is not None:
            parties.append(self._party("agent", agent, True))
        return EventRef(
            predicate=keys, at=verb.idx, word=verb.text, tie="clause",
            parties=tuple(p for p in parties if p is not None), places=_places(verb),
            occurrence=self._occurrence(verb, theme, obj),
            rescheduled=_changed(verb))

    def _subject(self, verb: Token) -> tuple[Token, bool] | None:
        """The subject and whether the clause states it (an implicit subject read from the
        clause above, "said before leaving", is a guess)."""
        tok, stated = verb, True
        for _ in range(5):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    if c.lower_ in lx.RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                        return tok.head, stated
                    return c, stated
            if tok.dep_ == "relcl" and tok.head.i != tok.i:
                return tok.head, stated
            if tok.dep_ not in (*_CONTROLLED, *_IMPLICIT) or tok.head.i == tok.i:
                return None
            if tok.dep_ == "xcomp" and (obj := _child(tok.head, "dobj")) is not None:
                return obj, stated  # "ordered three villages to evacuate": the villages
            if tok.dep_ in _IMPLICIT:
                stated = False
            if tok.dep_ == "acl":
                return None  # the participle's noun is its patient, not its subject
            tok = tok.head
        return None

    # ------------------------------------------------------------ a noun's event
    def _nominal(self, noun: Token, *, tie: str, at: Token | None = None,
                 phase: str | None = None) -> EventRef:
        parties = []
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ not in (
                    "DATE", "TIME") and not c.like_num and c.lemma_.lower() not in lx.WEEKDAYS):
                parties.append(self._party("owner", c, True))
            elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
                pobj = _child(c, "pobj")
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    parties.append(self._party("owner", pobj, True))
            elif c.dep_ == "prep":
                # "the death on July 29 of Sheik Umar Khan": the of-phrase hangs on the date
                for g in c.subtree:
                    if g.dep_ == "prep" and g.lower_ == "of" and g.head.ent_type_ == "DATE" \
                            and (pobj := _child(g, "pobj")) is not None:
                        parties.append(self._party("owner", pobj, True))
        # "those autumn 2012 floods": the determiner may hang on a modifier in the parse
        dets = {t.lower_ for t in noun.doc[noun.left_edge.i:noun.i] if t.dep_ == "det"}
        verb = at if at is not None else noun.head
        return EventRef(
            predicate=noun_predicate(noun), at=noun.idx, word=noun.text, tie=tie,
            parties=tuple(p for p in parties if p is not None),
            places=_places(noun) + (_places(at) if at is not None else ()),
            occurrence=(self._occurrence(at, None, None) if at is not None else None)
            or _cue(noun),
            rescheduled=_changed(noun) or (_verbish(verb) and _changed(verb)),
            anaphoric=bool(dets & {"that", "those", "this", "these", "same"}),
            # "a fire broke out", "a quake off Aceh in 2004": a new occurrence, told first
            indefinite=bool(dets & {"a", "an"}), phase=phase)

    # ------------------------------------------------------------ shared
    def _party(self, role: str, token: Token, stated: bool) -> Party | None:
        ref = self.entities.ref(token)
        if ref is None:
            return None
        named = self.entities.named(ref.entity)
        noun = None
        # "the town", "the polls": a definite description, named by its head noun ("polling
        # stations", a bare plural, is only some of a kind and names nothing particular)
        if token.pos_ == "NOUN" and not named and any(
                c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
            lemma = token.lemma_.lower()
            noun = lx.SYNONYM_OF.get(lemma, lemma)
        return Party(role, ref.entity, certain=ref.certain and stated, named=named, noun=noun)

    def _occurrence(self, verb: Token | None, subject: Token | None,
                    obj: Token | None) -> str | None:
        if verb is not None:
            for c in verb.children:
                if c.dep_ == "advmod" and c.lower_ in lx.REPEAT_ADVERBS:
                    return c.lower_  # "flooded again", "also flooded", "first held"
        for noun in (subject, obj):
            if noun is not None:
                if noun.ent_type_ == "ORDINAL" or noun.lower_ in lx.OTHER_CUES:
                    return noun.lower_  # "the second left on Tuesday"
                if self.entities.another(noun):
                    return "another"  # "the new ceasefire took effect on Friday"
                cue = _cue(noun, lx.OTHER_CUES)
                if cue:
                    return cue
        return None


def _cue(noun: Token, cues: frozenset[str] = lx.DISTINCT_CUES) -> str | None:
    """"another ferry", "the second vote", "a similar attack", "its next meeting"."""
    for c in noun.children:
        if c.dep_ in ("amod", "det", "advmod", "nummod") and (
                c.lower_ in cues or c.ent_type_ == "ORDINAL"):
            return c.lower_
    return None


def _changes(token: Token) -> bool:
    """"postponed", "moved", "the rescheduled", "originally", "was set for": a word that
    changes a time or gives only a planned one (a planning word only as a participle or
    adjective: "was set for Monday", not "set off on Monday")."""
    word, lemma = token.lower_, token.lemma_.lower()
    if lemma in lx.TIME_CHANGE_WORDS or word in lx.TIME_CHANGE_WORDS:
        return True
    return (word in lx.PLAN_WORDS or lemma in lx.PLAN_WORDS) and \
        token.tag_ in ("VBN", "JJ", "RB") and _particle(token) is None


def _changed(token: Token) -> bool:
    """The words that give this time say it changed or was only planned: "originally set
    for Monday", "postponed to Friday", "the rescheduled match", "was due on 3 May"."""
    if _changes(token):
        return True
    if any(c.dep_ in ("advmod", "amod", "acomp", "xcomp", "acl") and _changes(c)
           for c in token.children):
        return True
    head = token.head
    # "the match was postponed", "Saturday's match, which was called off": the verb that
    # governs the event noun
    return head.i != token.i and token.dep_ in ("xcomp", "ccomp", "nsubjpass", "dobj") and \
        _changes(head)


def _places(token: Token) -> tuple[str, ...]:
    """The places a verb or event noun names, each with its role: "to:brussels" (left for
    Brussels, flew to Paris) or "at:brussels" (departed Brussels, the summit in Brussels)."""
    found = []
    for c in token.children:
        if c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in _PLACE_ENTS and _verbish(token):
            found.append(f"at:{c.text.lower()}")
        elif c.dep_ == "prep" and c.lower_ in lx.PLACE_PREPOSITIONS:
            role = "to" if c.lower_ in lx.TOWARD_PREPOSITIONS else "at"
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ in _PLACE_ENTS:
                    found.append(f"{role}:{p.text.lower()}")
    return tuple(found)

"""Attach a mention to the clause it belongs to: its verb, tense, subject, place and noun.

Everything here reads spaCy's dependency parse. When the pipeline has no parser (the
rule-based fallback), every attachment is empty and the rules that need grammar stay
silent, as they should when they cannot tell.
"""

from __future__ import annotations

import bisect
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple

from checker import lexicon as lx
from checker.facts.time import Attachment, Role, Tense
from checker.nlp.coref import Entities
from checker.nlp.described import describe
from checker.nlp.predicates import Predicates, event_noun, predicate_noun

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_EVENT_WORD_CLASS = {w: cls for cls, words in lx.EVENT_CLASSES.items() for w in words}


def _noun_text(token: Token) -> str:
    """A name or noun with its compounds: "Kim Jong Un", "Town Bridge", "walkout"."""
    parts = [t for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    return " ".join([t.text for t in parts] + [token.text])


def _nominal(token: Token) -> bool:
    """A noun, or an adjective used as one ("the final", "the semi")."""
    return token.pos_ in ("NOUN", "PROPN") or (
        token.pos_ == "ADJ" and token.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "attr"))


_RANGE_HEADS = {"from", "between", "to", "until", "till", "through"}
_MAX_CLIMB = 8  # verbs above a mention worth reading for its tense
_MAX_GAP = 60  # tokens between a verb and its mention beyond which they are not "near"


def _role(prep: str | None) -> Role:
    return Role.POINT if prep is None else Role(lx.PREPOSITION_ROLES.get(prep, "other"))


def _time_root(span: SpacySpan) -> Token:
    """The token a time expression hangs by. A span can have several ("the night of Tuesday,
    May 27": "Tuesday" is the object of "of", "May" another attachment); the object of a
    preposition says how the whole is attached."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    for t in roots:
        if t.dep_ == "pobj":
            return t
    return span.root


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or predicate_noun(token)


def _tense_reaches(noun: Token, verb: Token, tense: Tense) -> bool:
    """Whether the clause's tense says when a dated event noun happens. It does when the verb
    only says the event takes place ("will hold the 3 May vote"), or when a past verb tells
    what was done to or about something that had happened ("hailed the 22 October launch",
    "mourned Friday's victims"), except verbs that talk about an event at any time
    ("announced the 3 March closure", "approved Friday's vote")."""
    if noun.i == verb.i:
        return True
    # the noun is the verb's object or subject, or sits in a phrase on its object ("got a
    # first look at a private view on 12 February"), not in its subject's phrase ("tickets
    # for the May 8 final went on sale") nor in an of-phrase ("the start of the race")
    tok, occasion = noun, False
    for _ in range(4):
        if tok.head.i == verb.i and tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
            break
        if tok.dep_ != "pobj" or tok.head.lower_ == "of":
            return False
        prep = tok.head
        if prep.head.i == verb.i:
            occasion = prep.lower_ in ("for", "to", "at")
            break
        if prep.head.dep_ != "dobj":
            return False
        tok = prep.head
    else:
        return False
    lemma = verb.lemma_.lower()
    if lemma in lx.LIGHT_VERBS or lemma in lx.OCCUR_VERBS:
        return True
    if lemma in lx.ABOUT_VERBS:
        return False
    # "will appear for a bond hearing on Oct. 30": the occasion is when the verb happens;
    # a past verb acts on what had already happened ("hailed the 22 October launch")
    return tense.is_past or (tense is Tense.FUTURE and occasion)


def _wrapping_noun(span: SpacySpan) -> Token | None:
    """"the pending Sept. 16, 2014, ruling": a date set in commas inside a noun phrase, which
    the parser hangs elsewhere; the noun right after it whose phrase begins before it."""
    doc = span.doc
    for i in range(span.end, min(span.end + 3, len(doc))):
        tok = doc[i]
        if tok.is_punct:
            continue
        if tok.pos_ in ("NOUN", "PROPN") and tok.left_edge.i < span.start:
            return tok
        break
    return None


def _set_off(root: Token) -> Token | None:
    """"the ongoing scheme, in force from January 1 to 15, 2016, …": a range inside a phrase
    set off by commas right after a noun phrase, which the parser hangs on the verb; the
    comma that opens it. Not when the range is the whole phrase ("sales of the current
    model, from January to March, rose"): that times the clause."""
    tok = root
    for _ in range(6):
        if tok.head.i == tok.i or _is_verb(tok):
            return None
        tok = tok.head
        if tok.dep_ != "prep" or tok.lower_ in _RANGE_HEADS:
            continue
        edge, after = tok.left_edge, tok.right_edge.i + 1
        if edge.i >= 2 and edge.doc[edge.i - 1].text == "," and \
                edge.doc[edge.i - 2].pos_ in ("NOUN", "PROPN") and \
                after < len(tok.doc) and tok.doc[after].text == ",":
            return edge.doc[edge.i - 1]
    return None


def _object_of(noun: Token, verb: Token) -> bool:
    """The noun is the verb's object, or one of its coordinated objects ("would follow
    Tuesday's hearing and the May 2016 vote")."""
    for _ in range(4):
        if noun.dep_ != "conj":
            break
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.i == verb.i


def _scheduled_verb(verb: Token) -> Token:
    """"He is due to appear again, by video link, on 3 September": the parser hangs the date
    on "is", but it dates the appearance the schedule word governs."""
    if verb.lemma_ != "be":
        return verb
    for c in verb.children:
        if c.dep_ in ("acomp", "attr") and c.lower_ in lx.SCHEDULE_WORDS:
            infinitive = next((g for g in c.children if g.dep_ == "xcomp" and _is_verb(g)), None)
            if infinitive is not None:
                return infinitive
    return verb





def climb_to_verb(token: Token, limit: int = _MAX_CLIMB) -> Token:
    """The verb a token's clause hangs on: the token itself or the first verb above it,
    at most `limit` steps up (parses of junk can be deep); the last token reached when no
    verb is found (check `pos_`)."""
    for _ in range(limit):
        if _is_verb(token) or token.head.i == token.i:
            break
        token = token.head
    return token


def tense_of(verb: Token) -> Tense:
    """The tense of a verb group, read from its auxiliaries and the verbs above it."""
    return _verb_group(verb)[0]


def _verb_group(verb: Token, depth: int = 0) -> tuple[Tense, bool]:
    """(tense, whether a MODAL reading comes from a to-infinitive: "agreed to meet",
    "pleaded guilty to assault causing harm", rather than from would/could/might)."""
    if depth > 6:
        return Tense.UNKNOWN, False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & lx.FUTURE_AUX:
        return Tense.FUTURE, False
    if words & lx.MODAL_AUX:
        # "would have turned 90 in 2015" looks back, not forward
        return (Tense.PAST if "have" in words else Tense.MODAL), False
    if "to" in words:
        head = verb.head
        if head.i == verb.i:
            return Tense.UNKNOWN, True
        # "is scheduled to open", "is due to report", "plans to", "is to open"
        if head.lower_ in lx.SCHEDULE_WORDS or head.lemma_ == "be":
            t, _ = _verb_group(head, depth + 1)
            if t in (Tense.PRESENT, Tense.UNKNOWN) and _has_present_be(head):
                return Tense.FUTURE, True
            return (Tense.MODAL if t.is_past else t), True
        # "agreed to meet on 30 June": an infinitive's time is not its governor's
        return Tense.MODAL, True
    if any(c.dep_ == "advmod" and c.lower_ in lx.HEDGES for c in verb.children):
        return Tense.MODAL, False  # "maybe eliminated", "possibly delayed": no commitment
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    lemmas = {a.lemma_ for a in auxes}
    if "have" in lemmas:
        return (Tense.PAST if "VBD" in {a.tag_ for a in auxes if a.lemma_ == "have"}
                else Tense.PERFECT), False
    if "VBD" in tags:
        return Tense.PAST, False
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if tags & {"VBZ", "VBP"} or (own_subject and verb.tag_ in ("VB", "NN", "NNS")):
        # a finite verb with its own subject is present, whatever the clause above it
        # ("fares take effect on 2 March, the operator announced"; the small model tags
        # some such verbs VB, or even NN: "fares start on 2 March")
        return _present_or_future(verb), False
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i and \
            not _is_verb(verb.head):
        # "endorsed … in a vote held Nov. 8": a past participle on a noun is past when the
        # clause that noun sits in is past; under a present or future it is only earlier
        governing = climb_to_verb(verb.head)
        return (Tense.PAST if _is_verb(governing) and tense_of(governing).is_past
                else Tense.UNKNOWN), False
    if verb.tag_ in ("VBG", "VBN", "VB") and verb.dep_ in ("conj", "advcl", "xcomp", "acl",
                                                            "pcomp", "ccomp") \
            and verb.head.i != verb.i:
        return _verb_group(verb.head, depth + 1)
    return Tense.UNKNOWN, False


def _present_or_future(verb: Token) -> Tense:
    """A present in a time clause under a future is future: "when parliament reconvenes on
    3 September, MPs will debate …"."""
    if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in lx.TIME_CLAUSE_MARKS
            for c in verb.children) and tense_of(verb.head) is Tense.FUTURE:
        return Tense.FUTURE
    return Tense.PRESENT




def _future_in_past(verb: Token) -> bool:
    """"… would be pumped into markets when they opened on Friday": a past form in a time
    clause whose main verb is a would or a will."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in lx.TIME_CLAUSE_MARKS
               for c in verb.children):
        return False
    return tense_of(verb.head) in (Tense.MODAL, Tense.FUTURE)


def _has_present_be(token: Token) -> bool:
    if token.lemma_ == "be" and token.tag_ in ("VBZ", "VBP"):
        return True
    for c in token.children:
        if c.dep_ in ("aux", "auxpass", "cop") and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP"):
            return True
    if token.dep_ in ("acomp", "attr") and token.head.lemma_ == "be":
        return token.head.tag_ in ("VBZ", "VBP")
    return token.lower_ in ("plans", "aims", "hopes", "intends") or token.tag_ in ("VBZ", "VBP")


def _reported(verb: Token) -> bool:
    """Is this clause the content of a past-tense report ("said it would ...")?"""
    return _reporting_verb(verb) is not None


def _reporting_verb(verb: Token) -> Token | None:
    """The past reporting verb whose content this clause is ("said on Monday that it would
    …", "…, officials said"), if any."""
    tok = verb
    for _ in range(4):
        if tok.dep_ in ("ccomp", "xcomp", "advcl", "conj") and tok.head.i != tok.i:
            head = tok.head
            if head.lemma_ in lx.REPORTING_VERBS and tense_of(head).is_past:
                return head
            tok = head
        else:
            break
    return None


def _no_verb_between(verb: Token, span: SpacySpan) -> bool:
    doc = verb.doc
    lo, hi = (verb.i + 1, span.start) if verb.i < span.start else (span.end, verb.i)
    if hi - lo > _MAX_GAP:
        return False
    # "the cracked sea wall", "the remaining customers": a participle used as an adjective
    return not any(doc[i].pos_ == "VERB" and doc[i].dep_ not in ("amod", "compound")
                   for i in range(lo, hi))


def _context_tense(verb: Token) -> Tense:
    for anc in islice(verb.ancestors, _MAX_CLIMB):  # bounded: parses of junk can be deep
        if _is_verb(anc):
            t = tense_of(anc)
            if t is not Tense.UNKNOWN:
                return t
    return Tense.UNKNOWN


def _described_noun(verb: Token, noun: Token | None, modifies: bool) -> Token | None:
    """The noun a mention describes: "Wednesday's vote", or the noun a relative clause
    hangs on ("the recent storm, which struck on 14 January")."""
    if modifies and noun is not None:
        target = noun
    elif verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
        target = verb.head
    else:
        return None
    if target.dep_ == "appos" and target.head.i != target.i:
        target = target.head
    return target


def _cues(noun: Token | None) -> frozenset[str]:
    if noun is None:
        return frozenset()
    words = set()
    for c in noun.children:
        if c.dep_ in ("amod", "advmod", "compound", "nmod", "det", "poss"):
            words.add(c.lower_)
            words.update(g.lower_ for g in c.children if g.dep_ == "advmod")
    return frozenset(words)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if c.lower_ in lx.RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return c
    if verb.dep_ == "relcl":
        return verb.head
    if depth < 4 and verb.dep_ in ("xcomp", "conj", "advcl", "acl", "ccomp") \
            and verb.head.i != verb.i:
        if verb.dep_ == "acl" and not _is_verb(verb.head):
            return verb.head
        return subject_of(verb.head, depth + 1)
    return None




def _place_roles(verb: Token) -> tuple[tuple[str, str], ...]:
    """The places a verb names, each with its role: "to" (left for Brussels, flew to
    Paris) or "at" (departed Brussels, left from Beijing, arrived in Paris)."""
    found = []
    for c in verb.children:
        if c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in _PLACE_ENTS:
            found.append(("at", _noun_text(c)))
        elif c.dep_ == "prep" and c.lower_ in lx.PLACE_PREPOSITIONS:
            role = "to" if c.lower_ in lx.TOWARD_PREPOSITIONS else "at"
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ in _PLACE_ENTS:
                    found.append((role, _noun_text(p)))
    return tuple(found)


def places_of(verb: Token) -> tuple[str, ...]:
    return tuple(name for _, name in _place_roles(verb))


class _VerbFacts(NamedTuple):
    subject: Token | None
    subject_text: str | None
    subject_key: str | None
    tense: Tense
    infinitive: bool
    context: Tense
    roles: tuple[tuple[str, str], ...]
    reporting: Token | None  # the verb that reports this clause ("said"), if any
    reported: bool
    negated: bool
    future_in_past: bool


class Grammar:
    """Dependency-based attachment for one parsed document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.parsed = doc.has_annotation("DEP")
        self.sent_starts = [s.start_char for s in doc.sents] if (
            self.parsed or doc.has_annotation("SENT_START")) else [0]
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self._person_ends = [e.end_char for e in self.persons]
        self._lemmas: dict[int, frozenset[str]] = {}
        self._noun_cues: dict[int, frozenset[str]] = {}
        self._verbs: dict[int, _VerbFacts] = {}
        self._predicates: Predicates | None = None

    @property
    def predicates(self) -> Predicates:
        """Event reading with the document's coreference, built on first use."""
        if self._predicates is None:
            self._predicates = Predicates(Entities(self.doc))
        return self._predicates

    def sentence_index(self, char: int) -> int:

        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        start = self.sent_starts[index]
        end = self.sent_starts[index + 1] if index + 1 < len(self.sent_starts) else \
            len(self.doc.text)
        return start, end

    def span(self, start: int, end: int) -> SpacySpan | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _resolve_person(self, pronoun: Token) -> str | None:

        at = bisect.bisect_right(self._person_ends, pronoun.idx)
        return self.persons[at - 1].text if at else None

    def attach(self, start: int, end: int, *, range_from: int | None = None,
               period: bool = False) -> Attachment:
        """Where the time at start:end sits in its sentence (`range_from`: where the range it
        ends begins, so a noun it describes is described over its whole stretch; `period`: it
        names a period by its years, "2017-18")."""
        sentence = self.sentence_index(start)
        span = self.span(start, end)
        if not self.parsed or span is None or len(span) == 0:
            return Attachment(sentence=sentence)
        root = _time_root(span)
        # "on Sunday and Monday", "on Tuesday, 15 Oct, and Wednesday, 16 Oct": a
        # coordinated time hangs where the first does
        for _ in range(4):
            if root.dep_ != "conj" or root.head.ent_type_ not in ("DATE", "TIME"):
                break
            root = root.head
        # "in the 2017-18 financial year": two years naming which year a time noun is stand
        # where that noun stands in the clause (not "the 2019 fiscal year", whose months the
        # calendar year 2019 does not give)
        if period and root.dep_ in ("nummod", "compound", "amod") and root.head.i > root.i and \
                root.head.lemma_.lower() in lx.TIME_NOUNS and root.head.dep_ == "pobj":
            root = root.head
        prep = None
        noun: Token | None = None
        modifies = False
        tok = root
        timed_noun = None  # "the upcoming election on 5 May": the noun a time PP dates
        # ("since" is sometimes tagged a conjunction, but still heads the phrase)
        if tok.dep_ == "pobj" and (tok.head.pos_ in ("ADP", "SCONJ") or tok.head.dep_ == "prep"):
            prep = tok.head.lower_
            tok = tok.head.head
            # "on the morning of 3 May", "by the end of March": the time noun only narrows
            # the date; its own preposition says how the date attaches
            for _ in range(2):
                if not (prep == "of" and tok.lemma_.lower() in lx.TIME_NOUNS
                        and tok.dep_ == "pobj" and tok.head.pos_ == "ADP"):
                    break
                prep = tok.head.lower_
                tok = tok.head.head
            if prep in lx.TIME_PREPOSITIONS and tok.pos_ == "NOUN":
                timed_noun = tok
        elif tok.dep_ in ("poss", "compound", "amod", "nmod", "nummod") and \
                _nominal(tok.head):
            noun, modifies = tok.head, True
            tok = tok.head
        elif tok.dep_ != "ROOT":
            tok = tok.head
        host = tok  # the word the time's own phrase hangs on
        if not _is_verb(tok) and tok.pos_ in ("NOUN", "PROPN") and noun is None:
            noun = tok
        via_noun = noun is not None and not modifies
        verb = tok
        for _ in range(8):
            if _is_verb(verb) and verb.dep_ not in ("amod", "compound"):
                break
            if verb.head.i == verb.i:
                break
            if verb.pos_ in ("NOUN", "PROPN"):
                via_noun = via_noun or not modifies
                if noun is None and verb.pos_ == "NOUN":
                    noun = verb
            verb = verb.head
        scheduled = _scheduled_verb(verb)
        if host.i == verb.i:
            host = scheduled
        verb = scheduled
        role = _role(prep)
        # a time hung on a noun without a preposition names which one: "Wednesday's
        # arrest", "the 9 July ruling", "the close of trading Thursday"
        label = modifies or (root.dep_ == "npadvmod" and host.i == root.head.i
                             and host.pos_ in ("NOUN", "PROPN"))
        event = self.predicates.event(host, verb, label=label)
        wrapper = _wrapping_noun(span) if not label else None
        whole = self.span(range_from, end) if range_from is not None else span
        opener = span.doc[whole.start - 1] if whole is not None and whole.start > 0 else None
        if range_from is not None and (opener is None or opener.text != "("):
            opener = _set_off(root)
        described = describe(root, wrapper or host, label=label or wrapper is not None,
                             prep=None if wrapper is not None else prep,
                             range_part=range_from is not None,
                             bracket=opener if opener is not None and (
                                 opener.text == "(" or opener.text == "," and range_from
                                 is not None) else None)
        alternative = None
        if prep is not None and root.dep_ == "pobj" and _is_verb(root.head.head) and \
                event is not None and event.tie == "clause":
            alternative = self.predicates.after_noun(root.head)
        if not _is_verb(verb):
            return Attachment(sentence=sentence, prep=prep, role=role,
                              noun=noun.lemma_ if noun else None,
                              modifies_noun=modifies,
                              noun_cues=self._cues(noun if modifies else timed_noun),
                              event_class=_EVENT_WORD_CLASS.get(noun.lemma_.lower())
                              if noun else None, event=event, described=described)
        facts = self._verb_facts(verb)
        subject, subject_text, subject_key = facts.subject, facts.subject_text, facts.subject_key
        verb_lemma = verb.lemma_.lower()
        # "the final will be played", "the closure begins": the event is the subject noun
        nominal = modifies
        if noun is None and verb_lemma in lx.HAPPEN_VERBS and subject is not None and \
                subject.pos_ in ("NOUN", "PROPN", "ADJ"):
            noun, nominal = subject, True
        if nominal:  # the verb's subject is not a participant of the noun's event
            subject_text = subject_key = None
        event_class = _EVENT_WORD_CLASS.get(verb_lemma)
        if noun is not None and (modifies or verb_lemma in lx.HAPPEN_VERBS or event_class is None):
            event_class = _EVENT_WORD_CLASS.get(noun.lemma_.lower(), event_class)
        elif noun is not None and via_noun and noun.lemma_.lower() not in lx.TIME_NOUNS:
            # "sentenced on 20 June for the attack on 3 May": the date is the attack's,
            # not the sentencing's
            event_class = _EVENT_WORD_CLASS.get(noun.lemma_.lower())
        tense = facts.tense
        tense_applies = (not label) if event is None else (
            event.tie == "clause" or _tense_reaches(host, verb, tense))
        reporting = facts.reporting
        return Attachment(
            sentence=sentence,
            prep=prep,
            role=role,
            verb=verb_lemma,
            verb_start=verb.idx,
            tense=tense,
            reported=facts.reported,
            context_tense=facts.context,
            via_noun=via_noun,
            verb_is_near=_no_verb_between(verb, span),
            noun_cues=self._cues(timed_noun or _described_noun(verb, noun, nominal)),
            negated=facts.negated,
            infinitive=tense is Tense.MODAL and facts.infinitive,
            future_in_past=tense is Tense.PAST and facts.future_in_past,
            subject=subject_text,
            subject_key=subject_key,
            noun=noun.lemma_.lower() if noun is not None else None,
            place_roles=facts.roles,
            modifies_noun=modifies,
            event_class=event_class,
            schedules=verb_lemma in lx.SCHEDULING_VERBS,
            event=event,
            event_if_noun=alternative,
            tense_applies=tense_applies,
            described=described,
            report_start=reporting.idx if reporting is not None else None,
            looks_back=verb_lemma in lx.LOOKS_BACK,
            follows=modifies and noun is not None and verb_lemma in lx.FOLLOW_VERBS and
            _object_of(noun, verb) and event_noun(noun),
        )

    def _verb_facts(self, verb: Token) -> _VerbFacts:
        """What a verb's clause says of every time told of it, read once per verb (a verb
        with many dates is read once, not once per date)."""
        cached = self._verbs.get(verb.i)
        if cached is not None:
            return cached
        subject = subject_of(verb)
        subject_text = subject_key = None
        if subject is not None:
            if subject.lower_ in lx.PERSON_PRONOUNS:
                subject_text = self._resolve_person(subject)
            elif subject.pos_ == "PRON":
                subject_text = None
            else:
                subject_text = _noun_text(subject)
            if subject_text:
                subject_key = subject_text.lower() if (
                    subject.ent_type_ == "PERSON" or subject.lower_ in lx.PERSON_PRONOUNS) \
                    else subject.lemma_.lower()
        tense, infinitive = _verb_group(verb)
        context = _context_tense(verb)
        reporting = _reporting_verb(verb)
        facts = self._verbs[verb.i] = _VerbFacts(
            subject=subject, subject_text=subject_text, subject_key=subject_key, tense=tense,
            infinitive=infinitive, context=context, roles=_place_roles(verb),
            reporting=reporting,
            reported=reporting is not None or (tense is Tense.MODAL and context.is_past),
            negated=any(c.dep_ == "neg" for c in verb.children),
            future_in_past=_future_in_past(verb))
        return facts

    def _cues(self, noun: Token | None) -> frozenset[str]:
        if noun is None:
            return frozenset()
        cached = self._noun_cues.get(noun.i)
        if cached is None:
            cached = self._noun_cues[noun.i] = _cues(noun)
        return cached

    def sentence_lemmas(self, index: int) -> frozenset[str]:
        """The sentence's words and lemmas, lower-cased; computed once per sentence."""
        cached = self._lemmas.get(index)
        if cached is None:
            cached = self._lemmas[index] = self._sentence_lemmas(index)
        return cached

    def _sentence_lemmas(self, index: int) -> frozenset[str]:
        if not self.parsed and not self.doc.has_annotation("LEMMA"):
            return frozenset()
        start, end = self.sentence_bounds(index)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return frozenset()
        return frozenset(t.lemma_.lower() for t in span) | frozenset(t.lower_ for t in span)

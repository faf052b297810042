"""Stretches: a stated length of time with the start and end the copy gives for it.

"a three-day visit, arriving on Monday and leaving on Thursday", "closed for two weeks,
from 3 to 10 June", "the 10-day strike, which ran from March 3 to March 10", "a 72-hour
ceasefire, which started at 6pm on Friday and ended at 6pm on Sunday", "have spent a
fortnight in camps since they were evacuated on Nov. 26", "ending a 104-day voyage that
left the same port on 10 December". Which mentions bound a duration is read once, here,
from the clause grammar: what the duration measures (the noun it modifies, or the verb it
is told of), which range or which start and end verbs are told of that same thing, and
which of several durations owns a range. duration-mismatch only counts.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import islice
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from checker import lexicon as lx
from checker.facts.time import How, Kind, Mention, Moment, Stretch, Tense
from checker.nlp.grammar import Grammar, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# what joins a range's two ends: "from 3 to 10 June", "between Monday and Thursday", "(2024-05-20
# to 2024-05-22)", "21–23 May"
_RANGE_GAP = re.compile(r"\b(?:to|until|till|through|and)\b|[-–—]")
_RANGE_REACH = 48  # characters between a range's two ends
# "from their recruitment in 2006 to the end of 2022": a start told through a noun
_FROM_BEFORE = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+(?:(?:[\w'’-]+\s+){0,3}?(?:in|of|on)\s+)?"
                          r"(?:the\s+)?\Z")
# "the evening of Friday 31 May": the part of the day a date is narrowed to
_PART_BEFORE = re.compile(r"\b(?P<part>morning|afternoon|evening|night)\s+of\s+(?:the\s+)?\Z",
                          re.IGNORECASE)
# "for nine days starting this weekend", "three weeks from Monday": a length and its start
_STARTED_BEFORE = re.compile(r"\b(?:starting|beginning|from|as\s+of)\s+(?:on\s+)?\Z",
                             re.IGNORECASE)
_STARTED_REACH = 30
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?\Z")
_DETERMINER = r"\s+(?:an?|the|its|their|his|her)\s+\Z"
_ENDING = re.compile(r"\b(?:ending|ended|ends)" + _DETERMINER, re.IGNORECASE)
_AFTER = re.compile(r"\bafter" + _DETERMINER, re.IGNORECASE)
_ADJACENT = 60  # characters from a duration to a range told right after it
_NEXT_SENTENCES = 2  # how far on the copy may date a stretch it named ("The stoppage runs …")
# bounds that keep the work linear on junk: a sentence read for its verbs, the durations a
# range is offered to, the mentions around a duration read for its start or end
_SENTENCE_TOKENS = 150
_NEAREST = 3
_AROUND = 8
_ENDPOINT_KINDS = (Kind.DATE, Kind.WEEKDAY, Kind.MONTH, Kind.YEAR, Kind.TIME, Kind.RELATIVE,
                   Kind.DAY, Kind.SEASON, Kind.HOLIDAY, Kind.FISCAL)


def stretches(text: str, mentions: list[Mention], grammar: Grammar | None = None,
              pub: dt.date | None = None) -> tuple[Stretch, ...]:
    """Every exact duration whose endpoints the copy states."""
    return tuple(_Finder(text, mentions, grammar, pub).all())


# ---------------------------------------------------------------- what a duration measures

@dataclasses.dataclass(frozen=True)
class _Owner:
    """What a duration measures: the noun it modifies ("a 12-day strike"), or the verb it is
    told of ("spent four days", "for 48 hours"); `root` is the duration's own word."""

    root: Token
    noun: Token | None
    verb: Token | None
    subject: bool  # the duration is itself a subject ("Five years there were followed by")


def _owner(root: Token) -> _Owner:
    noun = verb = None
    tok = root
    if tok.dep_ in ("compound", "amod", "nmod", "nummod", "npadvmod") and \
            tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        noun = tok.head  # "a 12-day strike", "the 18-month investigation"
    else:
        # "twenty-one days of national mourning", "18 months in captivity"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in"):
                noun = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"),
                            None)
                break
    up = noun or tok
    if up.dep_ == "pobj" and up.head.dep_ == "prep":
        up = up.head  # "for 48 hours", "for a three-day visit"
        if noun is None and up.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            # "the first in 30 years", "a holiday of two weeks": the noun's, not the verb's
            return _Owner(root, up.head, None, False)
    head = up.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.i == head.head.i:
            break
        head = head.head
    if head.pos_ in ("VERB", "AUX") and head.i != up.i:
        verb = head
    # "Five years there were followed by seven …": a duration before its verb with no
    # preposition is what the clause is about, not a stretch the verb lasts
    subject = (noun or tok).dep_ in ("nsubj", "nsubjpass") or tok.dep_ in (
        "nsubj", "nsubjpass") or (verb is not None and up is tok and tok.i < verb.i
                                  and tok.dep_ in ("npadvmod", "dobj", "attr"))
    return _Owner(root, noun, verb, subject)


def _told_of(verb: Token, noun: Token) -> bool:
    """Is the verb's clause about the noun: its subject or object, or a relative clause or
    participle on it ("the strike, which ran from", "a loan running from")?"""
    if verb.dep_ in ("relcl", "acl") and (verb.head.i == noun.i or (
            verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep"
            and verb.head.head.head.i == noun.i)):
        return True  # "the strike by bus drivers, which ran from …"
    subject = subject_of(verb)
    if subject is not None and subject.i == noun.i:
        return True
    return any(c.i == noun.i for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr"))


def _event_verbs(owner: _Owner) -> list[Token]:
    """The verbs that tell the measured thing's own events: those told of its noun, and the
    owning verb with its participles and coordinated verbs ("will make a three-day visit,
    arriving on Monday and leaving on Friday")."""
    out: list[Token] = []
    sent = owner.root.sent
    if owner.noun is not None and len(sent) <= _SENTENCE_TOKENS:
        out.extend(t for t in sent if t.pos_ in ("VERB", "AUX") and _told_of(t, owner.noun))
    if owner.verb is not None and not owner.subject:
        out.append(owner.verb)
        for t in islice(owner.verb.subtree, _SENTENCE_TOKENS):
            if t.pos_ == "VERB" and t.dep_ in ("advcl", "conj", "xcomp") and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                out.append(t)
    for v in list(out):  # "which began on 1 March and ended on 30 May"
        out.extend(c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"
                   and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
    return out


# ---------------------------------------------------------------- the finder

class _Finder:
    def __init__(self, text: str, mentions: list[Mention], grammar: Grammar | None,
                 pub: dt.date | None) -> None:
        self.text = text
        self.mentions = mentions
        self.grammar = grammar if grammar is not None and grammar.parsed else None
        self.pub = pub
        self.by_verb: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.attachment.verb_start is not None:
                self.by_verb[m.attachment.verb_start].append(m)
        self.sents = list(self.grammar.doc.sents) if self.grammar is not None else []
        self.sent_starts = [sent.start for sent in self.sents]
        self.ranges = self._ranges()
        self.ranges_in: dict[int, list[tuple[Mention, Mention]]] = defaultdict(list)
        for pair in self.ranges:
            self.ranges_in[pair[0].attachment.sentence].append(pair)
        self._verbs: dict[int, list[Token]] = {}
        self.used: set[int] = set()

    def _around(self, d: Mention) -> list[Mention]:
        """The mentions of d's sentence near it."""
        lo, hi = max(0, d.id - _AROUND), min(len(self.mentions), d.id + _AROUND + 1)
        return [m for m in self.mentions[lo:hi]
                if m.attachment.sentence == d.attachment.sentence]

    def _event_verbs(self, owner: _Owner) -> list[Token]:
        cached = self._verbs.get(owner.root.i)
        if cached is None:
            cached = self._verbs[owner.root.i] = _event_verbs(owner)
        return cached

    # -- tokens
    def _root(self, m: Mention) -> Token | None:
        if self.grammar is None:
            return None
        span = self.grammar.span(m.span.start, m.span.end)
        return span.root if span is not None and len(span) else None

    def _token_at(self, char: int | None) -> Token | None:
        if self.grammar is None or char is None:
            return None
        span = self.grammar.span(char, char + 1)
        return span[0] if span is not None and len(span) else None

    # -- ranges
    def _starts_range(self, m: Mention) -> bool:
        return m.attachment.prep in ("from", "between") or m.written.range_start or \
            _FROM_BEFORE.search(self.text, max(0, m.span.start - 40), m.span.start) is not None

    def _ranges(self) -> list[tuple[Mention, Mention]]:
        """Start and end of a stretch stated in one sentence: "from 3 to 10 June", "from
        1991 until she retired in 2011", "between 2014 and 2018", "(2024-05-20 to
        2024-05-22)", "from 6am on Tuesday to 6am on Thursday"."""
        ms, pairs = self.mentions, []
        for i, start in enumerate(ms):
            if start.kind not in _ENDPOINT_KINDS or start.dateline or \
                    (pairs and start.id <= pairs[-1][1].id):
                continue  # "from 4am on Thursday 25 February until …": inside a range
            bare = not self._starts_range(start)
            for end in ms[i + 1:i + 4]:
                if end.attachment.sentence != start.attachment.sentence or \
                        end.span.start - start.span.end > _RANGE_REACH:
                    break
                if end.kind not in _ENDPOINT_KINDS:
                    continue
                gap = self.text[start.span.end:end.span.start]
                if start.written.range_start and end.written.range_end:
                    pairs.append((start, end))
                    break
                if bare:
                    # "2024-05-20 to 2024-05-22": two full times, nothing but "to" between
                    if start.kind is end.kind and start.kind in (Kind.DATE, Kind.MONTH) and \
                            re.fullmatch(r"\s*(?:to|until|[-–—])\s*", gap):
                        pairs.append((start, end))
                    break
                if _RANGE_GAP.search(gap):
                    pairs.append((start, end))
                    break
        return pairs

    def _range_head(self, start: Mention) -> Token | None:
        """What a range is told of: the word its "from" hangs on."""
        root = self._root(start)
        if root is None:
            return None
        for t in reversed(list(root.doc[max(root.sent.start, root.i - 8):root.i + 1])):
            if t.dep_ == "prep" and t.lower_ in ("from", "between"):
                return t.head
        return self._token_at(start.attachment.verb_start)

    def _owns_range(self, owner: _Owner, d: Mention, start: Mention) -> bool:
        head = self._range_head(start)
        if head is not None and owner.noun is None and head.pos_ in ("NOUN", "PROPN") and \
                d.span.end <= head.idx < start.span.start:
            # "jailed for six years for a series of burglaries between January and April":
            # a length told of a verb, and a range hanging on a noun standing between them:
            # the range is that noun's time ("her 15-year reign as champion, from 2001" is
            # told of the noun it measures, and stays)
            return False
        if self._adjacent(d, start):
            return True
        if head is not None and head.lemma_.lower() in lx.RESCHEDULE_CUES:
            return False  # "moved from Saturday to Friday": a change of day, not a stretch
        if head is not None:
            if owner.noun is not None and (head.i == owner.noun.i or (
                    head.pos_ in ("VERB", "AUX") and _told_of(head, owner.noun))):
                return True
            if head.i == owner.root.i or (owner.verb is not None and not owner.subject
                                          and head.i in {v.i for v in self._event_verbs(owner)}):
                return True  # "spent three days searching, from Thursday to Friday"
            if head.dep_ == "appos" and head.head.i in (owner.root.i, getattr(owner.noun, "i",
                                                                                  -1)):
                return True
        return self._adjacent(d, start)

    def _adjacent(self, d: Mention, start: Mention) -> bool:
        """"a six-day festival from 4 to 10 August", "14 years on the county bench, from
        1998 to 2008": the range follows the duration with no verb or number between."""
        if start.attachment.sentence != d.attachment.sentence:
            return False
        gap = (d.span.end, start.span.start)
        if not 0 <= gap[1] - gap[0] <= _ADJACENT:
            return False
        if self.grammar is None:
            return gap[1] - gap[0] <= 24
        span = self.grammar.doc.char_span(gap[0], gap[1], alignment_mode="contract")
        tokens = list(span) if span is not None else []
        return not any(t.pos_ in ("VERB", "AUX", "NUM") or t.lower_ in (";", "and", "but")
                       for t in tokens)

    # -- the stretches
    def all(self) -> Iterable[Stretch]:
        owners: dict[int, _Owner] = {}
        durations = []
        for d in self.mentions:
            if d.kind is not Kind.DURATION or d.duration_days() is None or not d.exact:
                continue
            root = self._root(d)
            if root is not None:
                owners[d.id] = _owner(root)
            durations.append(d)
        claimed = self._claim_ranges(durations, owners)
        self.used = {start.id for start, _ in claimed.values()}
        later = self._claim_later_ranges(
            [d for d in durations if d.id not in claimed], owners)
        self.used |= {start.id for start, _ in later.values()}
        later.update(self._claim_started_ranges(
            [d for d in durations if d.id not in claimed and d.id not in later]))
        for d in durations:
            owner = owners.get(d.id)
            if (found := claimed.get(d.id)) is not None:
                yield self._stretch(d, *found, same_sentence=True)
                continue
            for way in (self._by_verbs, self._since, self._ending):
                stretch = way(d, owner)
                if stretch is not None:
                    yield stretch
                    break
            else:
                if (found := later.get(d.id)) is not None:
                    yield self._stretch(d, *found, same_sentence=False)

    def _claim_ranges(self, durations: list[Mention],
                      owners: dict[int, _Owner]) -> dict[int, tuple[Mention, Mention]]:
        """Each range goes to the nearest duration before it in its sentence that it is told
        of ("Five years there were followed by seven …, from 1976 to 1983": not the five)."""
        out: dict[int, tuple[Mention, Mention]] = {}
        in_sentence: dict[int, list[Mention]] = defaultdict(list)
        for d in durations:
            in_sentence[d.attachment.sentence].append(d)
        for start, end in self.ranges:
            here = in_sentence.get(start.attachment.sentence, [])
            at = bisect.bisect_left(here, start.span.start, key=lambda d: d.span.start) \
                if len(here) > _NEAREST else 0
            near = here[max(0, at - _NEAREST):at + 1] if len(here) > _NEAREST else here
            for d in sorted((d for d in near if d.id not in out),
                            key=lambda d: (d.span.start > start.span.start,
                                           abs(start.span.start - d.span.end))):
                owner = owners.get(d.id)
                if (owner is not None and self._owns_range(owner, d, start)) or \
                        (owner is None and self._adjacent(d, start)):
                    out[d.id] = (start, end)
                    break
        return out

    def _stretch(self, d: Mention, start: Mention, end: Mention, *, same_sentence: bool,
                 open_end: bool = False) -> Stretch:
        first, last = self._place(start, end)
        return Stretch(d.id, start.id, end.id, same_sentence, open_end, first, last)

    # -- start and end told by verbs
    def _by_verbs(self, d: Mention, owner: _Owner | None) -> Stretch | None:
        """"which began on 1 March and ended on 30 May", "arriving on Monday and leaving on
        Friday", "opens on 1 April and closes on 15 April"."""
        if owner is None:
            return None
        journey = owner.noun is not None and owner.noun.lemma_.lower() in lx.JOURNEY_NOUNS
        verbs = list(self._event_verbs(owner))
        told_here = len(verbs)
        verbs += self._later_event_verbs(owner)
        starts, ends = [], []
        for verb in verbs:
            lemma = verb.lemma_.lower()
            role = "start" if lemma in lx.START_VERBS else "end" if lemma in lx.END_VERBS \
                else None
            if role and journey and lemma in ("leave", "depart", "arrive"):
                role = "end" if role == "start" else "start"  # a voyage leaves at its start
            if role is None:
                continue
            told = self._time_of(verb)
            if told is not None:
                (starts if role == "start" else ends).append(told)
        here = {m.id for v in verbs[:told_here] if (m := self._time_of(v)) is not None}
        for a in starts:
            for b in ends:
                if b.span.start > a.span.start:
                    return self._stretch(d, a, b, same_sentence=a.id in here and b.id in here)
        return None

    def _later_event_verbs(self, owner: _Owner) -> list[Token]:
        """"… ending a 12-day strike. The walkout began on 4 September and ended on 12
        September": verbs of the next sentences whose subject is the same event, named
        again with a definite article (the same noun, or one of its synonyms)."""
        if owner.noun is None or self.grammar is None:
            return []
        lemma = owner.noun.lemma_.lower()
        names = next((g for g in lx.SPAN_EVENT_SYNONYMS if lemma in g), frozenset({lemma}))
        sents = self.sents
        here = bisect.bisect_right(self.sent_starts, owner.root.i) - 1
        out: list[Token] = []
        for sent in sents[here + 1:here + 1 + _NEXT_SENTENCES] if here >= 0 else []:
            if len(sent) > _SENTENCE_TOKENS:
                continue
            for t in sent:
                if t.pos_ not in ("VERB", "AUX"):
                    continue
                subject = subject_of(t)
                if subject is not None and subject.lemma_.lower() in names and any(
                        c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children):
                    out.append(t)
        return out

    def _time_of(self, verb: Token) -> Mention | None:
        """The time a verb is told at: a time of day on its day before the bare day."""
        told = [m for m in self.by_verb.get(verb.idx, ())
                if m.kind in _ENDPOINT_KINDS and m.value is not None and not m.dateline
                and m.attachment.prep in (None, "on", "at", "in")]
        if not told:
            return None
        timed = [m for m in told if m.kind is Kind.TIME and m.how is How.RELATIVE_TO_EVENT]
        return (timed or told)[0]

    # -- since …, up to publication
    def _since(self, d: Mention, owner: _Owner | None) -> Stretch | None:
        """"Over the past decade, since 2017, volunteers have planted …", "have now spent a
        fortnight in camps since they were evacuated on Nov. 26": a stretch that runs from
        its start up to publication, in a perfect or present clause."""
        if self.pub is None or owner is None or owner.verb is None:
            return None
        tense = d.attachment.tense
        if tense not in (Tense.PERFECT, Tense.PRESENT) and d.written.modifier != "past":
            return None
        if owner.subject:
            return None
        for m in self._around(d):
            if m.kind not in _ENDPOINT_KINDS or m.value is None or m.dateline:
                continue
            verb = self._token_at(m.attachment.verb_start)
            if verb is None or not (verb.i == owner.verb.i or (
                    verb.dep_ == "advcl" and verb.head.i == owner.verb.i)):
                continue  # the since is told of another clause
            if m.attachment.prep == "since" or self._since_clause(m) or \
                    _SINCE_BEFORE.search(self.text, max(0, m.span.start - 12), m.span.start):
                first, _ = self._place(m, m)
                return Stretch(d.id, m.id, m.id, True, False, first, Moment.day(self.pub),
                               until_publication=True)
        return None

    def _since_clause(self, m: Mention) -> bool:
        verb = self._token_at(m.attachment.verb_start)
        return verb is not None and any(c.dep_ == "mark" and c.lower_ == "since"
                                        for c in verb.children)

    # -- "ending a 12-year career that began in 1991"
    def _ending(self, d: Mention, owner: _Owner | None) -> Stretch | None:
        """"bringing to an end a six-month trial that opened in February", "reopened on
        Saturday after a two-year refit that began …", "ending a 104-day voyage that left
        the same port on 10 December": the stretch ends at the sentence's own time (after
        "after", perhaps before it)."""
        if owner is None or owner.noun is None:
            return None
        ending = d.attachment.verb in lx.ENDING_VERBS or _ENDING.search(
            self.text, max(0, d.span.start - 24), d.span.start)
        after = not ending and _AFTER.search(self.text, max(0, d.span.start - 24),
                                             d.span.start)
        if not (ending or after):
            return None
        journey = owner.noun.lemma_.lower() in lx.JOURNEY_NOUNS
        start_verbs = lx.START_VERBS | ({"leave", "depart"} if journey else set())
        around = self._around(d)
        starts = [m for m in around
                  if m.attachment.verb in start_verbs and m.value is not None
                  and (verb := self._token_at(m.attachment.verb_start)) is not None
                  and _told_of(verb, owner.noun)]
        ends = [m for m in around if m.value is not None
                and not m.dateline and m not in starts
                and m.kind in (Kind.RELATIVE, Kind.WEEKDAY, Kind.DATE, Kind.MONTH, Kind.YEAR)]
        if starts and ends:
            return self._stretch(d, starts[0], ends[0], same_sentence=False,
                                 open_end=bool(after))
        return None

    # -- "48-hour stoppage … The stoppage … runs from 4am on Thursday until 4am on Sunday"
    def _claim_later_ranges(self, durations: list[Mention], owners: dict[int, _Owner]
                            ) -> dict[int, tuple[Mention, Mention]]:
        """A stretch named with its length and dated in the next sentence or two, where the
        same noun, made definite, is the subject of the range's verb; a range no duration
        of its own sentence took, given to the nearest such duration before it."""
        out: dict[int, tuple[Mention, Mention]] = {}
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for d in durations:
            by_sentence[d.attachment.sentence].append(d)
        for start, end in self.ranges:
            if start.id in self.used:
                continue
            head = self._range_head(start)
            subject = subject_of(head) if head is not None and head.pos_ in ("VERB", "AUX") \
                else None
            if subject is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this")
                                          for c in subject.children):
                continue
            s = start.attachment.sentence
            before = [d for t in range(s - _NEXT_SENTENCES, s) for d in by_sentence.get(t, ())]
            for d in sorted(before, key=lambda d: -d.span.start)[:_NEAREST]:
                owner = owners.get(d.id)
                if d.id in out or owner is None or owner.noun is None:
                    continue
                if owner.noun.lemma_.lower() == subject.lemma_.lower():
                    out[d.id] = (start, end)
                    break
        return out

    # -- "for nine days starting this weekend. … The diversion runs from Saturday, Aug. 6, …"
    def _claim_started_ranges(self, durations: list[Mention]
                              ) -> dict[int, tuple[Mention, Mention]]:
        """A length told with its start ("for nine days starting this weekend", "closed for
        three weeks from Monday"), and in the next sentence or two a range that starts
        then: two statements of one stretch."""
        out: dict[int, tuple[Mention, Mention]] = {}
        for d in durations:
            anchor = self._start_anchor(d)
            if anchor is None or anchor.value is None:
                continue
            s = d.attachment.sentence
            later = [r for t in range(s + 1, s + 1 + _NEXT_SENTENCES)
                     for r in self.ranges_in.get(t, ())]
            for start, end in later[:_NEAREST]:
                if start.id in self.used or start.value is None:
                    continue
                if anchor.value.first <= start.value.first <= anchor.value.last:
                    out[d.id] = (start, end)
                    self.used.add(start.id)
                    break
        return out

    def _start_anchor(self, d: Mention) -> Mention | None:
        """The time a length is said to start at, right after it: "nine days starting this
        weekend", "three weeks from Monday"."""
        for m in self.mentions[d.id + 1:d.id + 1 + _AROUND]:
            if m.attachment.sentence != d.attachment.sentence or \
                    m.span.start - d.span.end > _STARTED_REACH:
                break
            if _STARTED_BEFORE.search(self.text, max(0, m.span.start - 16), m.span.start):
                return m
        return None

    # -- placing the ends
    def _place(self, start: Mention, end: Mention) -> tuple[Moment | None, Moment | None]:
        """The ends as this stretch reads them: a bare weekday whose placement from
        publication falls before its dated start, or beside a start told in another year,
        is the first such day on or after the start (or the last on or before a dated end);
        a yearless end that falls before its start is a year later; a date narrowed to a
        part of the day keeps that part."""
        first, last = self._with_part(start), self._with_part(end)
        if first is None or last is None:
            return first, last
        if end.kind is Kind.WEEKDAY and end.how is How.WEEKDAY_BY_TENSE and \
                start.kind is not Kind.WEEKDAY and first.is_day and end.weekday is not None \
                and (last.first < first.first or self._elsewhen(first)):
            ahead = (end.weekday - first.first.weekday()) % 7
            day = first.first + dt.timedelta(days=ahead)
            last = dataclasses.replace(last, first=day, last=day)
        elif start.kind is Kind.WEEKDAY and start.how is How.WEEKDAY_BY_TENSE and \
                end.kind is not Kind.WEEKDAY and last.is_day and start.weekday is not None \
                and (last.first < first.first or self._elsewhen(last)):
            back = (last.first.weekday() - start.weekday) % 7
            day = last.first - dt.timedelta(days=back)
            first = dataclasses.replace(first, first=day, last=day)
        elif last.last < first.first:
            if end.how is How.YEAR_FROM_PUBLICATION:
                last = _shift_year(last, 1)
            elif start.how is How.YEAR_FROM_PUBLICATION:
                first = _shift_year(first, -1)
        return first, last

    def _elsewhen(self, moment: Moment) -> bool:
        """Is this day in another time than the publication's (a story told of 1973)? Then a
        bare weekday beside it is that week's, not one placed from publication."""
        return self.pub is not None and abs(moment.first.year - self.pub.year) > 1

    def _with_part(self, m: Mention) -> Moment | None:
        value = m.value
        if value is None or not value.is_day or value.label or value.hour is not None:
            return value
        part = _PART_BEFORE.search(self.text, max(0, m.span.start - 24), m.span.start)
        return dataclasses.replace(value, label=part["part"].lower()) if part else value


def _shift_year(moment: Moment, years: int) -> Moment:
    try:
        return dataclasses.replace(moment, first=moment.first + relativedelta(years=years),
                                   last=moment.last + relativedelta(years=years))
    except (ValueError, OverflowError):
        return moment


"""Stretches: a stated length of time with the start and end the copy gives for it.

"a three-day visit, arriving on Monday and leaving on Thursday", "closed for two weeks,
from 3 to 10 June", "ending a 12-year career that began in 1991". Which mentions bound a
duration is read from the clause grammar once, here; duration-mismatch only counts.
"""

from __future__ import annotations

import re

from checker import lexicon as lx
from checker.facts.time import Kind, Mention, Stretch

_RANGE_GAP = re.compile(r"\b(?:to|until|till|through|and)\b|[-–]")
_DETERMINER = r"\s+(?:an?|the|its|their|his|her)\s+\Z"
_ENDING = re.compile(r"\b(?:ending|ended|ends)" + _DETERMINER, re.I)
_AFTER = re.compile(r"\bafter" + _DETERMINER, re.I)


def stretches(text: str, mentions: list[Mention]) -> tuple[Stretch, ...]:
    """Every exact duration whose endpoints the copy states."""
    ranges = _ranges(text, mentions)
    out = []
    for d in mentions:
        if d.kind is not Kind.DURATION or d.duration_days() is None or not d.exact:
            continue
        found = _endpoints(text, mentions, ranges, d)
        if found is not None:
            start, end, same_sentence, open_end = found
            out.append(Stretch(d.id, start.id, end.id, same_sentence, open_end))
    return tuple(out)


def _ranges(text: str, ms: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Start and end of a stretch stated in one sentence: "from 3 to 10 June", "from
    1991 until she retired in 2011", "between 2014 and 2018", "4-12 September"."""
    pairs = []
    for i, start in enumerate(ms):
        if start.written.range_start and i + 1 < len(ms):
            pairs.append((start, ms[i + 1]))
            continue
        if start.attachment.prep not in ("from", "between"):
            continue
        for end in ms[i + 1:]:
            if end.attachment.sentence != start.attachment.sentence:
                break
            if _RANGE_GAP.search(text[start.span.end:end.span.start]):
                pairs.append((start, end))
                break
    return pairs


def _synonyms(noun: str | None) -> set[str]:
    if noun is None:
        return set()
    for group in lx.SPAN_EVENT_SYNONYMS:
        if noun in group:
            return group
    return {noun}


def _about(m: Mention, nouns: set[str]) -> bool:
    att = m.attachment
    return bool(nouns & {att.noun, att.subject_key})


def _same_actor(d: Mention, m: Mention, nouns: set[str]) -> bool:
    """Is m about the same thing as the duration d: its event noun, or its subject?"""
    if nouns:
        return _about(m, nouns)
    a, b = d.attachment.subject_key, m.attachment.subject_key
    return a is not None and b is not None and bool(set(a.split()) & set(b.split()))


def _endpoints(text: str, mentions: list[Mention], ranges: list[tuple[Mention, Mention]],
               d: Mention) -> tuple[Mention, Mention, bool, bool] | None:
    """(start, end, same_sentence, open_end) for the stretch this duration measures, if
    stated. open_end: the end is only an upper bound ("reopened on Saturday after a refit
    that began …": the refit ended by Saturday, perhaps before)."""
    s = d.attachment.sentence
    for start, end in ranges:
        if start.attachment.sentence == s and (
                start.attachment.verb_start == d.attachment.verb_start
                or 0 <= start.span.start - d.span.end <= 24):
            return start, end, True, False
    nouns = _synonyms(d.attachment.noun) if d.attachment.modifies_noun else set()
    near = [m for m in mentions if s <= m.attachment.sentence <= s + 2 and m.value
            and not m.dateline and m.kind not in ("duration", "relative", "anchored", "ref")]
    same = [m for m in near if m.attachment.sentence == s]
    for pool in (same, near):
        starts = [m for m in pool if m.attachment.verb in lx.START_VERBS and _same_actor(d, m, nouns)]
        ends = [m for m in pool if m.attachment.verb in lx.END_VERBS and _same_actor(d, m, nouns)]
        for a in starts:
            for b in ends:
                if b.span.start > a.span.start and b.attachment.sentence - a.attachment.sentence <= 1:
                    return a, b, a.attachment.sentence == b.attachment.sentence == s, False
    # "bringing to an end a six-month trial that opened in February", "reopened on
    # Saturday after a two-year refit that began …": ends at the sentence's own time
    ending = d.attachment.verb in lx.ENDING_VERBS or _ENDING.search(
        text, max(0, d.span.start - 24), d.span.start)
    after = not ending and _AFTER.search(text, max(0, d.span.start - 24), d.span.start)
    if (ending or after) and nouns:
        starts = [m for m in same if m.attachment.verb in lx.START_VERBS and _about(m, nouns)]
        ends = [m for m in mentions if m.attachment.sentence == s and m.value
                and not m.dateline and m not in starts
                and m.kind in ("relative", "weekday", "date", "month", "year")]
        if starts and ends:
            return starts[0], ends[0], False, bool(after)
    return None

"""What the rules see: the publication date and the resolved timeline, nothing else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.facts.numbers import Count, Counts, Total
from checker.facts.people import AgeFact, KnownPerson, NameToken, NameVariant, People, Person
from checker.facts.time import (
    STATED_KINDS,
    Attachment,
    Described,
    Event,
    EventRef,
    Grain,
    How,
    Kind,
    Mention,
    Moment,
    Party,
    Role,
    Stretch,
    Tense,
    Written,
    anchor_candidates,
    mentions_by_verb,
    month_name,
    shift_date,
    weekday_name,
)
from checker.model import PublicationDate, Span

__all__ = ["STATED_KINDS", "AgeFact", "ArticleFacts", "Attachment", "Count", "Counts", "Described",
           "Event", "EventRef", "Grain", "How", "Kind", "KnownPerson", "Mention", "Moment",
           "NameToken", "NameVariant", "Party", "People", "Person", "Role", "Stretch", "Tense",
           "Total", "Written", "anchor_candidates", "mentions_by_verb", "month_name",
           "shift_date", "weekday_name"]


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    text: str
    publication: PublicationDate | None
    mentions: tuple[Mention, ...]  # in text order; a mention's id is its index
    stretches: tuple[Stretch, ...] = ()
    events: tuple[Event, ...] = ()  # events with the mentions that date each (resolve/events)
    people: People = People()  # noqa: RUF009 (frozen: one shared empty value is safe)
    counts: Counts = Counts()  # noqa: RUF009 (frozen)
    known: tuple[KnownPerson, ...] = ()  # the newsroom's records (--facts)
    known_source: str | None = None
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id -> name -> value

    def param(self, rule, name: str) -> Any:
        """A rule parameter: the configured value, else the rule's default."""
        return self.params.get(rule.id, {}).get(name, rule.params[name])

    @property
    def pub(self) -> dt.date | None:
        return self.publication.date if self.publication else None

    def of_kind(self, *kinds: str) -> Iterator[Mention]:
        return (m for m in self.mentions if m.kind in kinds)

    def words_at(self, span) -> str:
        return self.text[span.start:span.end]

    def words(self, mention: Mention) -> str:
        return self.text[mention.span.start:mention.span.end]

    def article_before(self, span: Span) -> Span | None:
        """The indefinite article just before a span ("a" of "a three-day visit", "an" of
        "an 18-year-old"), which a fix that rewrites the number may have to change."""
        before = self.text[max(0, span.start - 4):span.start]
        for article in ("an ", "a "):
            if before.lower().endswith(article) and \
                    (len(before) == len(article) or not before[-len(article) - 1].isalnum()):
                return Span(span.start - len(article), span.start - 1)
        return None

    def anchors_for(self, mention: Mention) -> list[Mention]:
        return [m for m in anchor_candidates(self.mentions, mention.attachment.sentence)
                if m.span.end <= mention.span.start]


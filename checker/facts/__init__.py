"""What the rules see: the publication date and the resolved timeline, nothing else."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.facts.numbers import Count
from checker.facts.people import AgeFact, KnownPerson, NameToken, People, Person
from checker.facts.time import (
    STATED_KINDS,
    Attachment,
    Grain,
    How,
    Kind,
    Mention,
    Moment,
    Tense,
    Written,
    anchor_candidates,
    month_name,
    shift_date,
    weekday_name,
)
from checker.model import PublicationDate

__all__ = ["STATED_KINDS", "AgeFact", "ArticleFacts", "Attachment", "Count", "Grain", "How",
           "Kind", "KnownPerson", "Mention", "Moment", "NameToken", "People", "Person", "Tense",
           "Written", "anchor_candidates", "month_name", "shift_date", "weekday_name"]


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    text: str
    publication: PublicationDate | None
    mentions: tuple[Mention, ...]
    people: People = People((), (), (), ())
    known: tuple[KnownPerson, ...] = ()  # the newsroom's records (--facts)
    known_source: str | None = None
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id -> name -> value

    def param(self, rule, name: str) -> Any:  # noqa: ANN001, ANN401
        """A rule parameter: the configured value, else the rule's default."""
        return self.params.get(rule.id, {}).get(name, rule.params[name])

    @property
    def pub(self) -> dt.date | None:
        return self.publication.date if self.publication else None

    def of_kind(self, *kinds: str) -> Iterator[Mention]:
        return (m for m in self.mentions if m.kind in kinds)

    def words_at(self, span) -> str:  # noqa: ANN001
        return self.text[span.start:span.end]

    def words(self, mention: Mention) -> str:
        return self.text[mention.span.start:mention.span.end]

    def next_after(self, mention: Mention) -> Mention | None:
        later = [m for m in self.mentions if m.span.start >= mention.span.end]
        return later[0] if later else None

    def gap(self, a: Mention, b: Mention) -> str:
        """The text between two mentions (in text order)."""
        first, second = sorted((a, b), key=lambda m: m.span.start)
        return self.text[first.span.end:second.span.start]

    def ranges(self) -> list[tuple[Mention, Mention]]:
        """Start and end of a stretch stated in one sentence: "from 3 to 10 June", "from
        1991 until she retired in 2011", "between 2014 and 2018", "4-12 September"."""
        pairs = []
        ms = self.mentions
        for i, start in enumerate(ms):
            if start.written.range_start and i + 1 < len(ms):
                pairs.append((start, ms[i + 1]))
                continue
            if start.attachment.prep not in ("from", "between"):
                continue
            for end in ms[i + 1:]:
                if end.attachment.sentence != start.attachment.sentence:
                    break
                if _RANGE_GAP.search(self.gap(start, end)):
                    pairs.append((start, end))
                    break
        return pairs

    def anchors_for(self, mention: Mention) -> list[Mention]:
        earlier = [m for m in self.mentions if m.span.end <= mention.span.start]
        return anchor_candidates(earlier, mention.attachment.sentence)


_RANGE_GAP = re.compile(r"\b(?:to|until|till|through|and)\b|[-–]")

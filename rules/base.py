"""What a rule is: an id, a severity, a rationale, examples that are tests, and a check
over the article's facts. Shared by every module in this package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from checker.facts import ArticleFacts
from checker.model import Finding, Related, Severity, Span, Suggestion

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence a rule must flag (or must pass), run as a test."""

    text: str
    flags: bool
    publication_date: dt.date | None = None

    @classmethod
    def flags_(cls, text: str, *, date: str | None = None) -> Example:
        return cls(text, True, dt.date.fromisoformat(date) if date else None)

    @classmethod
    def passes(cls, text: str, *, date: str | None = None) -> Example:
        return cls(text, False, dt.date.fromisoformat(date) if date else None)


CheckFn = Callable[[ArticleFacts], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A declarative rule: id, default severity, rationale and the check itself."""

    id: str
    severity: Severity
    title: str
    rationale: str
    check: CheckFn
    examples: tuple[Example, ...] = ()
    needs_publication_date: bool = False
    defaults: tuple[tuple[str, object], ...] = ()  # parameters a configuration may set

    @property
    def params(self) -> dict[str, object]:
        return dict(self.defaults)

    def finding(
        self,
        span: Span,
        message: str,
        *,
        related: tuple[Related, ...] | list[Related] = (),
        hint: str | None = None,
        severity: Severity | None = None,
        suggestions: tuple[Suggestion, ...] | list[Suggestion] = (),
    ) -> Finding:
        """A finding of this rule. `suggestions`: replacements the arithmetic knows (the
        weekday that fits the date), likeliest first; only where the copy can tell."""
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message,
            span=span,
            related=tuple(related),
            hint=hint,
            suggestions=tuple(suggestions),
        )




def contradictions(items: Iterable[T], *, key: Callable[[T], Hashable],
                   contradicts: Callable[[T, T], bool],
                   signature: Callable[[T], Hashable] | None = None) -> Iterator[tuple[T, T]]:
    """Vale's `consistency` check, once for every rule of its shape: items that share a key
    (the event, the group counted, the person) must not take values that cannot both hold.

    Yields (earlier, later) for each item that contradicts an earlier item with its key:
    the first such earlier item. Earlier items are kept one per signature (items with equal
    signatures contradict alike, so the first of them stands for all), which keeps the cost
    linear in the items for a bounded number of signatures per key.
    """
    firsts: dict[Hashable, dict[Hashable, T]] = {}
    for later in items:
        group = firsts.setdefault(key(later), {})
        earlier = next((a for a in group.values() if contradicts(a, later)), None)
        group.setdefault(later if signature is None else signature(later), later)
        if earlier is not None:
            yield earlier, later

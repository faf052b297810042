"""The report's value types: what a finding is, where it points, how sure it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How certain a finding is: error = impossible by arithmetic, warning = rests on a guess."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range [start, end) in the article's decoded text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def cover(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True, slots=True)
class Related:
    """A second place that takes part in a finding ("date stated here")."""

    span: Span
    label: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A fix the arithmetic knows: `text` in place of the words at `span`, and a short label
    that says what it is ("the weekday that fits the date"). A finding's suggestions are
    alternatives, the likeliest first; none is applied to the article."""

    span: Span
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    span: Span
    related: tuple[Related, ...] = ()
    hint: str | None = None
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def spans(self) -> tuple[Span, ...]:
        """Primary span first, then the related ones."""
        return (self.span, *(r.span for r in self.related))


@dataclass(frozen=True, slots=True)
class PublicationDate:
    date: dt.date
    source: str  # "option", "front-matter", "html-meta", "html-time", "dateline"
    span: Span | None = None  # where the copy states it (datelines, <time>)


@dataclass(frozen=True, slots=True)
class Dated:
    """A moment of the story's timeline, as the views draw it: in plain words."""

    first: dt.date
    last: dt.date
    words: str  # the words as written ("leaving on Thursday")
    when: str  # the moment at its grain ("Thursday 30 May 2024", "June 2018")
    how: str = ""  # how it was worked out, when inferred ("the Thursday after publication")
    day: bool = False  # a day or a time of day (not a month, a year ...)


def same_span(start: int, end: int) -> tuple[int, int]:
    """The raw span of text without markup: the same offsets. A module-level function, not a
    lambda, so that a FileReport can come back from a worker process (pickled)."""
    return start, end


@dataclass(slots=True)
class FileReport:
    """What one input produced: its findings, or the error that stopped it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    publication_date: PublicationDate | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    raw_text: str = ""
    # maps a span of the checked text to (start, end) in raw_text
    raw_span: Callable[[int, int], tuple[int, int]] = field(default=same_span)
    text: str = ""  # the checked copy (markup removed); finding spans index into it
    # resolved moments for views that draw the story's timeline
    timeline: list[Dated] = field(default_factory=list)
    # Set aside by `--baseline` and `--changed-lines` (checker.baseline, checker.gitdiff):
    baselined: list[Finding] = field(default_factory=list)  # recorded in the baseline
    absent: list[tuple[str, str, str]] = field(default_factory=list)  # (rule, fingerprint, words)
    outside_changes: int = 0  # findings with no span on an added or changed line


@dataclass(slots=True)
class Report:
    files: list[FileReport] = field(default_factory=list)
    baseline: bool = False  # compared with a baseline: summaries count what it holds
    changed_lines: bool = False  # only findings on changed lines: summaries count the rest

    @property
    def findings(self) -> list[Finding]:
        return [f for fr in self.files for f in fr.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> list[FileReport]:
        return [fr for fr in self.files if fr.error]

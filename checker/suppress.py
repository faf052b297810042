"""Suppressions written in the copy by an editor who has checked a finding.

    <!-- copydesk: ignore rule-id[, rule-id] -->     HTML and Markdown: the next paragraph
    [copydesk: ignore rule-id]                       plain text, on its own line: the same
    <!-- copydesk: disable rule-id --> … <!-- copydesk: enable rule-id -->   a region
    [copydesk: disable rule-id] … [copydesk: enable rule-id]

With no rule id a marker covers every rule. Regions are worked out on the raw file, so the
same code serves text, Markdown and HTML; a marker is never part of the checked copy. A
marker that suppressed nothing is reported (`info`), so stale ones do not pile up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from checker.model import Finding, Severity, Span
from checker.rules.base import Rule
from checker.source.markers import VERBS, Marker, markers

__all__ = ["UNUSED", "apply", "markers"]

UNUSED = Rule(
    id="unused-suppression",
    severity=Severity.INFO,
    title="A suppression marker in the copy suppressed nothing",
    rationale="unused-suppression: a `copydesk: ignore` or `disable` marker that matched no "
              "finding, or names no known rule. Remove it, or correct the rule id.",
    check=lambda facts: iter(()),
)


def apply(findings: Iterable[Finding], found: list[Marker], raw_span: Callable,
          to_text: Callable[[int], int], known: Iterable[str],
          running: Iterable[str]) -> list[Finding]:
    """Findings without the suppressed ones, plus an `info` for every marker that did nothing.

    raw_span maps a finding's text span to raw offsets; to_text maps a raw offset back to
    the checked text (for pointing at a marker). A marker only for rules that did not run
    is not called unused.
    """
    known, running = set(known), set(running)
    kept = []
    for finding in findings:
        start, _ = raw_span(finding.span.start, finding.span.end)
        hit = [m for m in found if m.verb != "enable" and m.region[0] <= start < m.region[1]
               and (m.rules is None or finding.rule in m.rules)]
        for m in hit:
            m.used = True
        if not hit:
            kept.append(finding)
    for m in found:
        if m.verb == "enable":
            continue
        at = to_text(m.start)
        span = Span(at, at)
        unknown = sorted((m.rules or frozenset()) - known)
        if m.verb not in VERBS or unknown:
            what = f"unknown rule id(s) {', '.join(unknown)}" if unknown else \
                f"unknown verb {m.verb!r} (use ignore, disable or enable)"
            kept.append(UNUSED.finding(span, f"suppression marker with {what}"))
        elif not m.used and (m.rules is None or m.rules & running):
            rules = ", ".join(sorted(m.rules)) if m.rules else "any rule"
            kept.append(UNUSED.finding(span, f"'{m.verb}' marker for {rules} suppressed "
                                             "nothing; remove it if the copy has changed"))
    return sorted(kept, key=lambda f: (f.span.start, f.span.end, f.rule))


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

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checker.model import Finding, Rule, Severity, Span

_COMMENT = re.compile(r"<!--\s*copydesk:\s*(?P<verb>[A-Za-z]+)(?P<ids>[^>]{0,500}?)\s*-->")
_LINE = re.compile(r"^[ \t]*\[copydesk:\s*(?P<verb>[A-Za-z]+)(?P<ids>[^\]\n]{0,500})\][ \t]*$",
                   re.M)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\r?\n")
_HTML_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|td|th|dd|figcaption|pre)\s*>",
                             re.I)
VERBS = ("ignore", "disable", "enable")

UNUSED = Rule(
    id="unused-suppression",
    severity=Severity.INFO,
    title="A suppression marker in the copy suppressed nothing",
    rationale="unused-suppression: a `copydesk: ignore` or `disable` marker that matched no "
              "finding, or names no known rule. Remove it, or correct the rule id.",
    check=lambda facts: iter(()),
)


@dataclass(slots=True)
class Marker:
    verb: str
    rules: frozenset[str] | None  # None: every rule
    start: int  # raw offsets of the marker itself
    end: int
    region: tuple[int, int] = (0, 0)  # raw offsets it covers
    used: bool = False


def markers(raw: str, kind: str) -> list[Marker]:
    """Every marker in the raw file, in order, with the region it covers."""
    pattern = _LINE if kind == "text" else _COMMENT
    found = []
    for m in pattern.finditer(raw):
        verb = m.group("verb").lower()
        ids = frozenset(i for i in re.split(r"[\s,]+", m.group("ids").strip()) if i)
        found.append(Marker(verb, ids or None, m.start(), m.end()))
    for i, marker in enumerate(found):
        if marker.verb == "ignore":
            marker.region = (marker.end, _paragraph_end(raw, marker.end, kind))
        elif marker.verb == "disable":
            close = next((later.start for later in found[i + 1:] if later.verb == "enable"
                          and (later.rules is None or marker.rules is None
                               or marker.rules <= later.rules)), len(raw))
            marker.region = (marker.end, close)
    return found


def _paragraph_end(raw: str, start: int, kind: str) -> int:
    if kind == "html":
        m = _HTML_BLOCK_END.search(raw, start)
        return m.end() if m else len(raw)
    body = start + (len(raw[start:]) - len(raw[start:].lstrip()))  # the paragraph's first line
    m = _PARAGRAPH_END.search(raw, body)
    return m.start() if m else len(raw)


def blank_line_markers(text: str) -> str:
    """Plain text with its marker lines blanked (same length): never checked as copy."""
    return _LINE.sub(lambda m: " " * len(m.group()), text)


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


"""Views of one Report: text for people, JSON for machines. Line/column computed here only."""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from dataclasses import dataclass

from checker.model import FileReport, Finding, Report, Severity, Span


_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(frozen=True, slots=True)
class RawSpan:
    start: int
    end: int
    line: int  # 1-based
    column: int  # 1-based, in characters


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for match in _LINE_BREAK.finditer(text):  # \n, \r\n and a lone \r, as editors count
            self.starts.append(match.end())

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def raw_spans(fr: FileReport, finding: Finding, index: LineIndex) -> list[RawSpan]:
    out = []
    for span in finding.spans:
        start, end = fr.raw_span(span.start, span.end)
        line, column = index.locate(start)
        out.append(RawSpan(start, end, line, column))
    return out


def summary(report: Report) -> dict[str, int]:
    return {
        "files": len(report.files),
        "files_with_errors": len(report.errors),
        "findings": len(report.findings),
        "error": report.count(Severity.ERROR),
        "warning": report.count(Severity.WARNING),
        "info": report.count(Severity.INFO),
    }


# ---------------------------------------------------------------- JSON

def to_json(report: Report) -> str:
    files = []
    for fr in report.files:
        entry: dict[str, object] = {"path": fr.path}
        if fr.error:
            entry.update(publication_date=None, findings=[], error=fr.error)
            files.append(entry)
            continue
        index = LineIndex(fr.raw_text)
        pub = fr.publication_date
        entry["publication_date"] = {"date": pub.date.isoformat(), "source": pub.source} \
            if pub else None
        findings = []
        for f in fr.findings:
            item: dict[str, object] = {
                "rule": f.rule,
                "severity": f.severity.value,
                "message": f.message,
                "spans": [
                    {"start": s.start, "end": s.end, "line": s.line, "column": s.column}
                    for s in raw_spans(fr, f, index)
                ],
            }
            if f.related:
                item["related"] = [r.label for r in f.related]
            if f.hint:
                item["hint"] = f.hint
            findings.append(item)
        entry["findings"] = findings
        if fr.notes:
            entry["notes"] = fr.notes
        files.append(entry)
    return json.dumps({"version": 1, "files": files, "summary": summary(report)},
                      ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- text

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m",
            "path": "\x1b[1m", "dim": "\x1b[2m", "under": "\x1b[31m", "reset": "\x1b[0m"}


def _paint(text: str, key: str, colour: bool) -> str:
    return f"{_COLOURS[key]}{text}{_COLOURS['reset']}" if colour else text


def to_text(report: Report, *, colour: bool = False, quiet: bool = False,
            statistics: bool = False) -> str:
    """path:line:col: severity rule message, the line underlined, then a summary line.

    quiet: findings and errors only. statistics: end with the count of findings per rule.
    """
    lines: list[str] = []
    for fr in report.files:
        if fr.error:
            lines.append(f"{_paint(fr.error, 'error', colour)}")
            continue
        index = LineIndex(fr.raw_text)
        for note in () if quiet else fr.notes:
            lines.append(_paint(f"{fr.path}: note: {note}", "dim", colour))
        for f in fr.findings:
            spans = raw_spans(fr, f, index)
            primary = spans[0]
            head = f"{fr.path}:{primary.line}:{primary.column}:"
            lines.append(f"{_paint(head, 'path', colour)} "
                         f"{_paint(f.severity.value, f.severity.value, colour)} "
                         f"{f.rule} {f.message}")
            lines.extend(_excerpt(index, spans, colour))
            if f.hint:
                lines.append(_paint(f"    = hint: {f.hint}", "dim", colour))
    if statistics:
        counts = Counter(f.rule for f in report.findings)
        lines.append("")
        lines.extend(f"{n:>5}  {rule}" for rule, n in sorted(counts.items(),
                                                             key=lambda kv: (-kv[1], kv[0])))
    if quiet:
        return "\n".join(lines)
    s = summary(report)
    parts = [f"{s['error']} error{'s' * (s['error'] != 1)}",
             f"{s['warning']} warning{'s' * (s['warning'] != 1)}",
             f"{s['info']} info"]
    tail = f"{', '.join(parts)} in {s['files']} file{'s' * (s['files'] != 1)}"
    if s["files_with_errors"]:
        tail += f"; {s['files_with_errors']} could not be checked"
    lines.append(("" if not lines else "\n") + tail)
    return "\n".join(lines)


def _excerpt(index: LineIndex, spans: list[RawSpan], colour: bool) -> list[str]:
    """The primary span's line with ^^^ under it and --- under related spans there."""
    primary = spans[0]
    line_text = index.line_text(primary.line)
    if len(line_text) > 400:  # very long lines: show a window around the span
        lo = max(0, primary.column - 120)
        line_text = line_text[lo:lo + 300]
        offset = lo
    else:
        offset = 0
    marks = [" "] * len(line_text)
    line_start = index.starts[primary.line - 1]
    for i, s in enumerate(spans):
        for pos in range(s.start, s.end):
            col = pos - line_start - offset
            if 0 <= col < len(marks) and (i == 0 or marks[col] == " "):
                marks[col] = "^" if i == 0 else "-"
    gutter = f"{primary.line:>5} | "
    under = "".join(marks).rstrip()
    return [_paint(gutter, "dim", colour) + line_text.replace("\t", " "),
            " " * len(gutter) + _paint(under, "under", colour)]


def span_text(fr: FileReport, span: Span) -> str:
    start, end = fr.raw_span(span.start, span.end)
    return fr.raw_text[start:end]


# ---------------------------------------------------------------- timeline

def _timeline_items(analysis):  # noqa: ANN001, ANN202
    article = analysis.article
    index = LineIndex(article.raw)
    for m in analysis.facts.mentions:
        start, end = article.raw_span(m.span.start, m.span.end)
        line, column = index.locate(start)
        yield m, start, end, line, column


def timeline_json(results) -> str:  # noqa: ANN001
    files = []
    for path, analysis in results:
        if isinstance(analysis, str):
            files.append({"path": path, "publication_date": None, "mentions": [],
                          "error": analysis})
            continue
        pub = analysis.facts.publication
        mentions = []
        for m, start, end, line, column in _timeline_items(analysis):
            item = {"start": start, "end": end, "line": line, "column": column,
                    "text": analysis.article.raw[start:end], "type": m.timex_type(),
                    "value": m.timex_value(), "kind": m.kind, "how": m.how.value}
            if m.value is not None:
                item["first"] = m.value.first.isoformat()
                item["last"] = m.value.last.isoformat()
            att = m.attachment
            if att.verb:
                item["verb"] = att.verb
                item["tense"] = att.tense.value
            if att.subject:
                item["subject"] = att.subject
            if att.event_class:
                item["event"] = att.event_class
            if m.anchor is not None:
                item["anchor"] = m.anchor
            if m.anchor_event:
                item["anchor_event"] = m.anchor_event
            if m.dateline:
                item["dateline"] = True
            mentions.append(item)
        files.append({"path": path,
                      "publication_date": {"date": pub.date.isoformat(), "source": pub.source}
                      if pub else None,
                      "mentions": mentions})
    return json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=2)


def timeline_text(results) -> str:  # noqa: ANN001
    lines: list[str] = []
    for path, analysis in results:
        if isinstance(analysis, str):
            lines.append(analysis)
            continue
        pub = analysis.facts.publication
        lines.append(f"{path}")
        lines.append(f"  published {pub.date:%A %-d %B %Y} ({pub.source})" if pub
                     else "  publication date unknown")
        resolved = [x for x in _timeline_items(analysis) if x[0].value is not None]
        unresolved = [x for x in _timeline_items(analysis) if x[0].value is None]
        resolved.sort(key=lambda x: (x[0].value.first, x[0].value.last, x[1]))
        for m, _, _, line, column in resolved:
            att = m.attachment
            event = f"  [{att.verb} ({att.tense.value})]" if att.verb else ""
            lines.append(f"  {m.timex_value():<16} {m.text!r:<32} {line}:{column}  "
                         f"{m.how.value}{event}")
        if unresolved:
            lines.append("  not placed on the calendar:")
            for m, _, _, line, column in unresolved:
                after = f" (after: {m.anchor_event})" if m.anchor_event else ""
                lines.append(f"  {m.timex_value():<16} {m.text!r:<32} {line}:{column}"
                             f"  {m.kind}{after}")
        lines.append("")
    return "\n".join(lines).rstrip()

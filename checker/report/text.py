"""The text view for people: path:line:col, the words underlined, a summary line."""

from __future__ import annotations

import re
from collections import Counter

from checker.model import FileReport, Report
from checker.names import printable
from checker.report.common import (
    GENERATOR_MARK,
    LineIndex,
    RawSpan,
    raw_spans,
    set_aside,
    summary,
)

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m",
            "path": "\x1b[1m", "dim": "\x1b[2m", "under": "\x1b[31m", "reset": "\x1b[0m"}


def _paint(text: str, key: str, colour: bool) -> str:
    return f"{_COLOURS[key]}{text}{_COLOURS['reset']}" if colour else text


def to_text(report: Report, *, colour: bool = False, quiet: bool = False,
            statistics: bool = False, mark: bool = False) -> str:
    """path:line:col: severity rule message, the line underlined, then a summary line.

    quiet: findings and errors only. statistics: end with the count of findings per rule.
    mark: begin with copydesk's generator mark (a report saved as a file).
    """
    lines = [f"# {GENERATOR_MARK}"] if mark else []
    for fr in report.files:
        lines.extend(file_lines(fr, colour=colour, quiet=quiet))
    lines.extend(closing_lines(report, after_findings=bool(lines), quiet=quiet,
                               statistics=statistics))
    return "\n".join(lines)


def file_lines(fr: FileReport, *, colour: bool = False, quiet: bool = False) -> list[str]:
    """One file's part of the text view: its notes, findings with excerpts, or its error."""
    if fr.error:
        return [_paint(printable(fr.error), "error", colour)]
    lines: list[str] = []
    index = LineIndex(fr.raw_text)
    path = printable(fr.path)  # no newline, no terminal escape from a file name
    for note in () if quiet else fr.notes:
        lines.append(_paint(f"{path}: note: {printable(note)}", "dim", colour))
    for f in fr.findings:
        spans = raw_spans(fr, f, index)
        primary = spans[0]
        head = f"{path}:{primary.line}:{primary.column}:"
        lines.append(f"{_paint(head, 'path', colour)} "
                     f"{_paint(f.severity.value, f.severity.value, colour)} "
                     f"{f.rule} {printable(f.message)}")
        lines.extend(_excerpt(index, spans, colour))
        if f.hint:
            lines.append(_paint(f"    = hint: {f.hint}", "dim", colour))
    return lines


def closing_lines(report: Report, *, after_findings: bool, quiet: bool = False,
                  statistics: bool = False) -> list[str]:
    """What ends the text view: counts per rule (statistics) and the summary line."""
    lines: list[str] = []
    if statistics:
        counts = Counter(f.rule for f in report.findings)
        lines.append("")
        lines.extend(f"{n:>5}  {rule}" for rule, n in sorted(counts.items(),
                                                             key=lambda kv: (-kv[1], kv[0])))
    if quiet:
        return lines
    s = summary(report)
    parts = [f"{s['error']} error{'s' * (s['error'] != 1)}",
             f"{s['warning']} warning{'s' * (s['warning'] != 1)}",
             f"{s['info']} info"]
    tail = f"{', '.join(parts)} in {s['files']} file{'s' * (s['files'] != 1)}"
    if s["files_with_errors"]:
        tail += f"; {s['files_with_errors']} could not be checked"
    tail += set_aside(report)
    lines.append(("" if not (after_findings or lines) else "\n") + tail)
    return lines


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
    # a control character of the copy (an ANSI escape) is shown as one '?', so the
    # underline stays aligned and nothing reaches the terminal
    return [_paint(gutter, "dim", colour) + _CONTROL.sub("?", line_text.replace("\t", " ")),
            " " * len(gutter) + _paint(under, "under", colour)]

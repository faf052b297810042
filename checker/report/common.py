"""What every view of a Report shares: raw spans with line and column (computed here
only), the summary counts, and each finding located in its file."""

from __future__ import annotations

import bisect
import re
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


def span_text(fr: FileReport, span: Span) -> str:
    start, end = fr.raw_span(span.start, span.end)
    return fr.raw_text[start:end]


def located(report: Report):  # noqa: ANN202
    """(file report, finding, raw spans with line/column, line index) for every finding."""
    for fr in report.files:
        if fr.error:
            continue
        index = LineIndex(fr.raw_text)
        for f in fr.findings:
            yield fr, f, raw_spans(fr, f, index), index


def span_end(index: LineIndex, span: RawSpan) -> tuple[int, int]:
    return index.locate(span.end) if span.end > span.start else (span.line, span.column)

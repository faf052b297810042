"""`--diff`: the suggested fixes applied, as a unified diff of each file. The files are
never written; the diff can be read, or applied by the editor (`patch -p0 < fixes.diff`).

Each finding's first suggestion (its likeliest) is applied; one that overlaps the words of
a suggestion already applied is left out and counted.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from checker.model import FileReport, Report
from checker.report.common import LineIndex, raw_suggestions

_NO_NEWLINE = "\\ No newline at end of file\n"


@dataclass(frozen=True, slots=True)
class Applied:
    """What a diff holds: suggestions applied, files changed, suggestions left out."""

    suggestions: int
    files: int
    overlapping: int


def fixed(fr: FileReport) -> tuple[str, int, int]:
    """The file's raw text with its findings' first suggestions applied; (text, applied,
    left out because they overlap one applied before them)."""
    index = LineIndex(fr.raw_text)
    edits = sorted(((span.start, span.end, s.text) for f in fr.findings
                    for s, span in raw_suggestions(fr, f, index)[:1]),
                   key=lambda edit: (edit[0], edit[1]))
    out, at, applied, overlapping = [], 0, 0, 0
    for start, end, text in edits:
        if start < at:  # overlaps an edit already made
            overlapping += 1
            continue
        out += [fr.raw_text[at:start], text]
        at = end
        applied += 1
    out.append(fr.raw_text[at:])
    return "".join(out), applied, overlapping


def to_diff(report: Report) -> tuple[str, Applied]:
    """A unified diff of every file a suggestion changes, and the counts for a summary."""
    parts: list[str] = []
    total = files = skipped = 0
    for fr in report.files:
        if fr.error or not any(f.suggestions for f in fr.findings):
            continue
        new, applied, overlapping = fixed(fr)
        total, skipped = total + applied, skipped + overlapping
        if new == fr.raw_text:
            continue
        files += 1
        lines = difflib.unified_diff(fr.raw_text.splitlines(keepends=True),
                                     new.splitlines(keepends=True),
                                     fromfile=fr.path, tofile=fr.path)
        # a last line without its line break is marked, as diff and patch expect
        parts.extend(line if line.endswith(("\n", "\r")) else line + "\n" + _NO_NEWLINE
                     for line in lines)
    return "".join(parts), Applied(total, files, skipped)

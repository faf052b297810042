"""The text view for people: path:line:col, the words underlined, a summary line."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from checker.filenames import printable
from checker.model import FileReport, Report
from checker.report.common import (
    GENERATOR_MARK,
    LineIndex,
    RawSpan,
    raw_spans,
    set_aside,
    summary,
)

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m",
            "path": "\x1b[1m", "dim": "\x1b[2m", "fix": "\x1b[36m", "reset": "\x1b[0m"}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# Excerpts are trimmed to the terminal's width; to this many columns when not on one (a
# pipe, a file), as ruff and rustc do.
DEFAULT_WIDTH = 80


def _paint(text: str, key: str, colour: bool) -> str:
    return f"{_COLOURS[key]}{text}{_COLOURS['reset']}" if colour else text


def to_text(report: Report, *, colour: bool = False, quiet: bool = False,
            statistics: bool = False, mark: bool = False, width: int = DEFAULT_WIDTH) -> str:
    """path:line:col: severity rule message, the line underlined, then a summary line.

    quiet: findings and errors only. statistics: end with the count of findings per rule.
    mark: begin with copydesk's generator mark (a report saved as a file).
    width: the columns excerpts are trimmed to (the terminal's).
    """
    lines = [f"# {GENERATOR_MARK}"] if mark else []
    for fr in report.files:
        lines.extend(file_lines(fr, colour=colour, quiet=quiet, width=width))
    lines.extend(closing_lines(report, after_findings=bool(lines), quiet=quiet,
                               statistics=statistics))
    return "\n".join(lines)


def file_lines(fr: FileReport, *, colour: bool = False, quiet: bool = False,
               width: int = DEFAULT_WIDTH) -> list[str]:
    """One file's part of the text view: its notes, findings with excerpts, or its error.

    Each finding shows every place it points at, in file order, each with its own line
    number and an excerpt trimmed around the words to `width` columns: the primary words
    underlined ^^^, the related ones ---, with their labels. Then what the arithmetic
    suggests ("did you mean …") and the hint.
    """
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
        labels = ["", *(r.label for r in f.related)]
        places = [_Place(s, label, i == 0) for i, (s, label) in enumerate(zip(spans, labels))]
        gutter = max(4, len(str(max(s.line for s in spans))))
        lines.extend(_excerpts(index, places, gutter, width, f.severity.value, colour))
        pad = " " * (gutter + 1)
        for i, suggestion in enumerate(f.suggestions):
            said = _show(suggestion.text)
            lead = "did you mean" if i == 0 else "or"
            lines.append(_paint(f"{pad}= {lead} '{said}'? {suggestion.label}", "fix", colour))
        if f.hint:
            lines.append(_paint(f"{pad}= hint: {f.hint}", "dim", colour))
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


@dataclass(frozen=True, slots=True)
class _Place:
    span: RawSpan
    label: str
    primary: bool


@dataclass(frozen=True, slots=True)
class _Mark:
    """A place on its line: character offsets into the line, end exclusive."""

    start: int
    end: int
    label: str
    primary: bool


def _excerpts(index: LineIndex, places: list[_Place], gutter: int, width: int, level: str,
              colour: bool) -> list[str]:
    """Every place of a finding in file order: its line, trimmed, and the marks under it.
    Places on one line share an excerpt when they fit in the width together. Only the part
    of a line around its places is read (a minified page is one line of a megabyte)."""
    by_line: dict[int, list[_Mark]] = {}
    for place in places:
        s = place.span
        first, length = _line_bounds(index, s.line)
        start = min(s.start - first, length)
        end = max(min(s.end - first, length), start + 1)
        by_line.setdefault(s.line, []).append(_Mark(start, end, place.label, place.primary))
    room = max(width - gutter - 3, 20)  # what is left of the width after "  22 | "
    out = [_paint(" " * (gutter + 1) + "|", "dim", colour)]
    for line in sorted(by_line):
        first, length = _line_bounds(index, line)

        def part(a: int, b: int, first: int = first) -> str:
            return index.text[first + a:first + b]

        marks = sorted(by_line[line], key=lambda m: (m.start, not m.primary))
        for group in _fitting(part, marks, room):
            lo = max(0, group[0].start - room)
            hi = min(length, max(m.end for m in group) + room)
            near = [_Mark(m.start - lo, m.end - lo, m.label, m.primary) for m in group]
            out.extend(_block(line, _show(part(lo, hi)), near, lo > 0, hi < length, gutter,
                              room, level, colour))
    return out


def _line_bounds(index: LineIndex, line: int) -> tuple[int, int]:
    """Where a line starts in the text, and its length without its line break."""
    first = index.starts[line - 1]
    end = index.starts[line] if line < len(index.starts) else len(index.text)
    while end > first and index.text[end - 1] in "\r\n":
        end -= 1
    return first, end - first


def _fitting(part, marks: list[_Mark], room: int) -> list[list[_Mark]]:
    """Marks grouped left to right so that each group's words, from its first mark to its
    last, fit in the room (a long line with places far apart gets one excerpt each)."""
    groups: list[list[_Mark]] = []
    for mark in marks:
        if groups:
            begin, stop = groups[-1][0].start, max(mark.end, *(m.end for m in groups[-1]))
            if stop - begin <= 2 * room and _cells(part(begin, stop)) <= room - 2:
                groups[-1].append(mark)
                continue
        groups.append([mark])
    return groups


def _window(text: str, start: int, end: int, room: int, cut_left: bool,
            cut_right: bool) -> tuple[int, int]:
    """The part of `text` to show around [start, end): all of it when it fits (with a cell
    for the ellipsis of each side already cut from a longer line), else as much context
    either side as the room leaves, cut at spaces."""
    if _cells(text) + cut_left + cut_right <= room:
        return 0, len(text)
    left = room - 2 - _cells(text[start:end])  # two cells for the ellipses
    if left <= 0:  # the words alone fill the room
        hi = start
        while hi < len(text) and _cells(text[start:hi + 1]) <= room - 2:
            hi += 1
        return start, hi
    before = min(_cells(text[:start]), left // 2)
    if not cut_right and _cells(text[end:]) < left - before:  # the line ends soon: the rest
        before = left - _cells(text[end:])                    # of the room goes left
    lo = start
    while lo > 0 and _cells(text[lo - 1:start]) <= before:
        lo -= 1
    hi = end
    while hi < len(text) and _cells(text[end:hi + 1]) <= left - _cells(text[lo:start]):
        hi += 1
    # cut at a space, so that no word shows half (unless that would hide all context)
    if (lo > 0 or cut_left) and (space := text.find(" ", lo, start)) != -1:
        lo = space + 1
    if (hi < len(text) or cut_right) and (space := text.rfind(" ", end, hi)) != -1:
        hi = space
    return lo, hi


def _block(line: int, text: str, marks: list[_Mark], cut_left: bool, cut_right: bool,
           gutter: int, room: int, level: str, colour: bool) -> list[str]:
    """One excerpt: the words around the marks (`text`, itself cut from a longer line at
    the left or right), the underlines, and the labels of the related places (after the
    rightmost underline, or below on their own lines as rustc does)."""
    lo, hi = _window(text, min(m.start for m in marks), max(m.end for m in marks), room,
                     cut_left, cut_right)
    head = "…" if lo > 0 or cut_left else ""
    shown = head + text[lo:hi].rstrip() + ("…" if hi < len(text) or cut_right else "")

    def column(offset: int) -> int:  # the display column of a line offset, in the excerpt
        return len(head) + _cells(text[lo:max(lo, offset)])

    cells: list[str] = []
    for mark in sorted(marks, key=lambda m: m.primary):  # the primary's ^^^ drawn last, on top
        first, last = column(mark.start), max(column(min(mark.end, hi)), column(mark.start) + 1)
        cells.extend(" " * (last - len(cells)))
        cells[first:last] = ("^" if mark.primary else "-") * (last - first)
    # each run of marks in its colour: the primary's in the severity's, the others' in blue
    under = "".join(run if run[0] == " " else _paint(run, level if run[0] == "^" else "fix",
                                                     colour)
                    for run in re.findall(r" +|\^+|-+", "".join(cells).rstrip()))
    bar = _paint(" " * (gutter + 1) + "|", "dim", colour)
    out = [_paint(f"{line:>{gutter}} | ", "dim", colour) + shown]
    labelled = [m for m in marks if m.label]
    rightmost = max(marks, key=lambda m: (column(m.end), m.primary))
    inline = labelled[-1] if labelled and labelled[-1] is rightmost else None
    if inline is not None and len(cells) + 1 + len(inline.label) <= room:
        labelled.pop()
        under += " " + _paint(inline.label, "fix", colour)
    out.append(f"{bar} {under}")
    for i in range(len(labelled) - 1, -1, -1):  # right to left, each below the others
        stems = [column(m.start) for m in labelled[:i + 1]]
        connector = [" "] * (stems[-1] + 1)
        for stem in stems:
            connector[stem] = "|"
        out.append(f"{bar} {''.join(connector)}")
        out.append(f"{bar} {''.join(connector[:stems[-1]])}{labelled[i].label}")
    return out


def _cells(text: str) -> int:
    """Columns a terminal gives the text: two for wide (East Asian) characters, none for
    combining marks."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _show(text: str) -> str:
    """A line of copy as the terminal gets it: a tab is one space, and a control character
    (an ANSI escape) is one '?', so the underline stays aligned and nothing reaches the
    terminal."""
    return _CONTROL.sub("?", text.replace("\t", " "))

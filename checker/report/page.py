"""`--format html`: one self-contained page for a desk editor who never opens a terminal.

For every file: the checked copy with each finding's words highlighted (every place of a
finding, the message on hover), the list of findings beside it (it stays in view while the
copy scrolls) with each place, its label and what the arithmetic suggests, and the story's
timeline drawn as an axis of resolved dates with the publication date marked. When an old
year shares the axis with the story's own days, the days around publication get most of
the width (a focus-plus-context axis, the change of scale marked), so they stay apart.

A page for many files opens with a contents list, files with findings first; clean files
are collapsed. No scripts, fonts or anything else from the network; every piece of article
text is escaped.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from html import escape

from checker.facts.words import day, plural, source
from checker.filenames import printable
from checker.model import Dated, FileReport, Finding, Report
from checker.report.common import LineIndex, raw_span, raw_spans, set_aside, summary

_CSS = """
body{font:15px/1.55 Georgia,serif;margin:0;color:#1d1d1f;background:#fafaf7}
header{padding:14px 24px;background:#20242b;color:#fff;font-family:system-ui,sans-serif}
header h1{font-size:18px;margin:0}
nav.contents{padding:12px 24px;border-bottom:1px solid #ddd;font:14px system-ui,sans-serif}
nav.contents h2{font-size:14px;margin:0 0 6px}
nav.contents ol{margin:0;padding-left:22px;columns:2 320px}
nav.contents .clean{color:#666}
details.file{border-bottom:1px solid #ddd}
details.file>summary{padding:12px 24px;cursor:pointer;font:600 16px system-ui,sans-serif}
details.file>summary .count{font-weight:400;color:#555;margin-left:8px;font-size:13px}
.body{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:24px;
  padding:0 24px 20px}
.meta{grid-column:1/-1;font:13px system-ui,sans-serif;color:#555;margin:0}
.copy{white-space:pre-wrap;background:#fff;padding:16px;border:1px solid #e3e3e3;
  border-radius:6px;overflow-wrap:anywhere}
mark{padding:0 1px;border-radius:2px;cursor:help}
mark.error{background:#ffb4b4;border-bottom:2px solid #c00}
mark.warning{background:#ffe58a;border-bottom:2px solid #b58900}
mark.info{background:#cde8ff;border-bottom:2px solid #2a7ab8}
mark.related{background:#eee;border-bottom:2px dashed #888}
aside.findings{font:14px/1.45 system-ui,sans-serif;position:sticky;top:0;align-self:start;
  max-height:100vh;overflow-y:auto;box-sizing:border-box;padding:8px 0}
aside ol{padding-left:20px;margin:0}
aside li{margin-bottom:12px}
aside ul.places{list-style:none;padding-left:0;margin:4px 0}
aside ul.places li{margin:2px 0}
aside .words{font-family:Georgia,serif}
aside .fix{background:#e6f4ea;border-left:3px solid #2e7d32;padding:2px 6px;margin-top:4px}
aside .fix q{font-weight:600}
.sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:1px 5px;border-radius:3px}
.sev.error{background:#c00;color:#fff}.sev.warning{background:#b58900;color:#fff}
.sev.info{background:#2a7ab8;color:#fff}
code{font-size:12px}
.timeline{grid-column:1/-1}
.timeline svg{width:100%;height:auto;background:#fff;border:1px solid #e3e3e3;border-radius:6px}
.timeline text{font:12px system-ui,sans-serif}
.timeline .focus{fill:#f1f5fb}
.timeline .scale{fill:#777;font-size:11px}
.error-line{color:#c00;font:14px system-ui,sans-serif}
"""


def to_html(report: Report, **_: object) -> str:
    s = summary(report)
    files = list(enumerate(report.files))
    # files with findings first, then those that could not be read, then clean ones
    files.sort(key=lambda pair: (0 if pair[1].findings else 1 if pair[1].error else 2))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # a later walk knows the page for a report, not copy (checker.source.walk)
        '<meta name="generator" content="copydesk">',
        # nothing may load from anywhere: the page is read offline and on shared desks
        ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">'),
        "<title>copydesk report</title>",
        f"<style>{_CSS}</style></head><body>",
        (f"<header><h1>copydesk: {plural(s['error'], 'error')}, "
        f"{plural(s['warning'], 'warning')}, {s['info']} info "
        f"in {plural(s['files'], 'file')}{escape(set_aside(report))}</h1>"
        "</header>"),
    ]
    if len(files) > 1:
        parts.append(_contents(files))
    parts.append("<main>")
    for n, fr in files:
        parts.append(_file(fr, n, single=len(files) == 1))
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _count(fr: FileReport) -> str:
    if fr.error:
        return "could not be checked"
    if not fr.findings:
        return "no findings"
    return plural(len(fr.findings), "finding")


def _contents(files: list[tuple[int, FileReport]]) -> str:
    items = [f'<li class="{"clean" if not fr.findings and not fr.error else "found"}">'
             f'<a href="#file{n}">{escape(printable(fr.path))}</a> · {_count(fr)}</li>' for n, fr in files]
    return f'<nav class="contents"><h2>Files</h2><ol>{"".join(items)}</ol></nav>'


def _file(fr: FileReport, n: int, *, single: bool) -> str:
    """One file: a <details> block, open when it has findings (or is the only file)."""
    opened = " open" if single or fr.findings or fr.error else ""
    summary_line = (f'<summary><span class="path">{escape(printable(fr.path))}</span>'
                    f'<span class="count">{_count(fr)}</span></summary>')
    if fr.error:
        return (f'<details class="file" id="file{n}"{opened}>{summary_line}<div class="body">'
                f'<p class="error-line">{escape(printable(fr.error))}</p></div></details>')
    pub = fr.publication_date
    meta = (f"published {day(pub.date)} (from {source(pub)})" if pub
            else "no publication date found")
    index = LineIndex(fr.raw_text)
    items = [_finding(fr, f, n, i, index) for i, f in enumerate(fr.findings)]
    side = f"<ol>{''.join(items)}</ol>" if items else "<p>No findings.</p>"
    return (f'<details class="file" id="file{n}"{opened}>{summary_line}<div class="body">'
            f'<p class="meta">{escape(meta)}</p>'
            f'<div class="copy">{_highlighted(fr, n)}</div>'
            f'<aside class="findings">{side}</aside>'
            f'<div class="timeline">{_timeline(fr)}</div></div></details>')


def _finding(fr: FileReport, f: Finding, n: int, i: int, index: LineIndex) -> str:
    """A finding in the list: its message, every place it points at (each a link to its
    words in the copy, with its label), what the arithmetic suggests, and the hint."""
    spans = raw_spans(fr, f, index)
    labels = ["", *(r.label for r in f.related)]
    places = []
    for k, (span, label, words) in enumerate(zip(spans, labels, f.spans)):
        said = escape(fr.text[words.start:words.end] if fr.text else
                      fr.raw_text[span.start:span.end])
        places.append(f'<li><a href="#m{n}-{i}-{k}">line {span.line}</a> '
                      f'<q class="words">{said}</q>'
                      + (f" · {escape(label)}" if label else "") + "</li>")
    fixes = "".join(
        f'<div class="fix">{"Did you mean" if k == 0 else "Or"} <q>{escape(s.text)}</q>'
        f" at line {raw_span(fr, s.span, index).line}? {escape(s.label)}</div>"
        for k, s in enumerate(f.suggestions))
    return (f'<li id="f{n}-{i}"><span class="sev {f.severity.value}">{f.severity.value}</span> '
            f"<code>{escape(f.rule)}</code> {escape(f.message)}"
            f'<ul class="places">{"".join(places)}</ul>{fixes}'
            + (f"<em>{escape(f.hint)}</em>" if f.hint else "") + "</li>")


_MAX_TITLES = 12  # findings named in one highlight's hover text


def _highlighted(fr: FileReport, n: int) -> str:
    """The copy, escaped, with <mark> around each finding's words (related words greyed).
    Every place has an id (m{file}-{finding}-{place}) that the list links to."""
    text = fr.text or fr.raw_text
    marks: list[tuple[int, int, str, str, str]] = []  # start, end, class, title, id
    for i, f in enumerate(fr.findings):
        title = f"{f.severity.value} {f.rule}: {f.message}"
        marks.append((f.span.start, max(f.span.end, f.span.start + 1), f.severity.value, title,
                      f"m{n}-{i}-0"))
        for k, r in enumerate(f.related, start=1):
            marks.append((r.span.start, max(r.span.end, r.span.start + 1), "related",
                          f"{r.label} ({f.rule}: {f.message})", f"m{n}-{i}-{k}"))
    # A sweep from cut to cut with the marks open there, instead of testing every mark
    # for every piece (quadratic with thousands of findings).
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for k, m in enumerate(marks):
        starts.setdefault(m[0], []).append(k)
        ends.setdefault(m[1], []).append(k)
    cuts = sorted({0, len(text), *starts, *ends})
    open_marks: dict[int, None] = {}  # indices into marks, open at the current piece
    out = []
    for start, end in itertools.pairwise(cuts):
        if start >= len(text):
            break
        for k in ends.get(start, ()):
            open_marks.pop(k, None)
        for k in starts.get(start, ()):
            if marks[k][1] > start:
                open_marks[k] = None
        piece = escape(text[start:end])
        if not open_marks:
            out.append(piece)
            continue
        ordered = sorted(open_marks)
        covering = [marks[k] for k in ordered[:_MAX_TITLES]]
        primary = [marks[k] for k in ordered if marks[k][2] != "related"]
        cls = primary[0][2] if primary else "related"
        # a place's id goes where its words begin; more than one place beginning here get
        # empty anchors before the mark
        idents = [marks[k][4] for k in starts.get(start, ()) if k in open_marks]
        out.extend(f'<span id="{ident}"></span>' for ident in idents[1:])
        more = len(open_marks) - len(covering)
        title = escape(" | ".join(m[3] for m in covering) + (f" | and {more} more" if more
                                                            else ""), quote=True)
        id_attr = f' id="{idents[0]}"' if idents else ""
        out.append(f'<mark class="{cls}"{id_attr} title="{title}">{piece}</mark>')
    return "".join(out)


# ---------------------------------------------------------------- the timeline

_WIDTH, _LEFT, _RIGHT = 1000, 40, 40
_FOCUS_REACH = 45  # days either side of publication whose days the axis keeps apart
_CONTEXT_SHARE = {"before": 0.24, "after": 0.12}  # the width the compressed parts get


@dataclass(frozen=True, slots=True)
class _Segment:
    """A stretch of the axis: days first..last drawn from x0 to x1."""

    first: dt.date
    last: dt.date
    x0: float
    x1: float
    focus: bool

    def x(self, day: dt.date) -> float:
        span = max((self.last - self.first).days, 1)
        return self.x0 + (day - self.first).days / span * (self.x1 - self.x0)


def axis(moments: list[Dated], pub: dt.date | None) -> list[_Segment]:
    """The axis as segments: one linear scale when the dates are close together; else the
    days around publication (the story's own days) in a focus segment with most of the
    width, and what lies before and after compressed beside it."""
    days = [d for m in moments for d in (m.first, m.last)] + ([pub] if pub else [])
    lo, hi = min(days), max(days)
    inner, outer = float(_LEFT), float(_WIDTH - _RIGHT)
    near = [d for m in moments if m.day for d in (m.first, m.last)]
    centre = pub or (max(near) if near else None)
    near = [d for d in near if centre and abs((d - centre).days) <= _FOCUS_REACH]
    if centre is None or not near:
        return [_Segment(lo, hi, inner, outer, False)]
    f0, f1 = min(*near, centre), max(*near, centre)
    pad = dt.timedelta(days=max(2, (f1 - f0).days // 6))
    f0, f1 = max(lo, f0 - pad), min(hi, f1 + pad)
    if (f1 - f0).days * 4 >= (hi - lo).days:  # close enough: one scale shows them apart
        return [_Segment(lo, hi, inner, outer, False)]
    segments = []
    x = inner
    before = (outer - inner) * _CONTEXT_SHARE["before"] if lo < f0 else 0.0
    after = (outer - inner) * _CONTEXT_SHARE["after"] if f1 < hi else 0.0
    if before:
        segments.append(_Segment(lo, f0, x, x + before, False))
        x += before
    segments.append(_Segment(f0, f1, x, outer - after, True))
    if after:
        segments.append(_Segment(f1, hi, outer - after, outer, False))
    return segments


def _x(segments: list[_Segment], day: dt.date) -> float:
    for segment in segments:
        if day <= segment.last:
            return segment.x(max(day, segment.first))
    return segments[-1].x1


def _timeline(fr: FileReport) -> str:
    """An SVG axis: one dot (or bar) per resolved date, the publication date in red."""
    moments = sorted(fr.timeline, key=lambda m: (m.first, m.last))
    pub = fr.publication_date.date if fr.publication_date else None
    if not moments:
        return '<p class="meta">No dates resolved.</p>'
    segments = axis(moments, pub)
    top = 48
    height = top + 40 + 24 * len(moments)
    svg = [(f'<svg viewBox="0 0 {_WIDTH} {height}" role="img" '
           f'aria-label="timeline of the dates in the story">')]
    for seg in segments:
        if seg.focus:
            svg.append(f'<rect class="focus" x="{seg.x0:.1f}" y="{top - 18}" '
                       f'width="{seg.x1 - seg.x0:.1f}" height="{height - top + 12}"/>'
                       f'<text class="scale" x="{(seg.x0 + seg.x1) / 2:.1f}" '
                       f'y="{height - 8}" text-anchor="middle">'
                       f"days around publication, drawn larger</text>")
        svg.append(f'<line class="axis" x1="{seg.x0 + (4 if seg.x0 > _LEFT else 0):.1f}" '
                   f'y1="{top}" x2="{seg.x1 - (4 if seg.x1 < _WIDTH - _RIGHT else 0):.1f}" '
                   f'y2="{top}" stroke="#999"/>')
    for seg in segments[1:]:  # the change of scale, drawn as a break in the axis
        svg.append(f'<path class="break" d="M{seg.x0 - 7:.1f} {top + 6} l6 -12 '
                   f'M{seg.x0 + 1:.1f} {top + 6} l6 -12" stroke="#555" fill="none"/>')
    ends = sorted({seg.first for seg in segments} | {segments[-1].last})
    for k, end in enumerate(ends):
        anchor = "start" if k == 0 else "end" if k == len(ends) - 1 else "middle"
        svg.append(f'<text class="scale" x="{_x(segments, end):.1f}" y="{top + 16}" '
                   f'text-anchor="{anchor}">{end:%-d %b %Y}</text>')
    if pub:
        px = _x(segments, pub)
        svg.append(f'<line class="publication" x1="{px:.1f}" y1="{top - 22}" x2="{px:.1f}" '
                   f'y2="{height - 22}" stroke="#c00" stroke-width="2"/>'
                   f'<text x="{px:.1f}" y="{top - 26}" text-anchor="{_anchor(px)}" '
                   f'fill="#c00">published {pub:%A %-d %B %Y}</text>')
    for row, m in enumerate(moments):
        y = top + 34 + 24 * row
        x0, x1 = _x(segments, m.first), _x(segments, m.last)
        label = escape(f"‘{m.words}’ · {m.when}" + (f" · {m.how}" if m.how else ""))
        if x1 - x0 >= 4:
            svg.append(f'<rect class="moment" x="{x0:.1f}" y="{y - 5}" width="{x1 - x0:.1f}" '
                       f'height="10" fill="#2a7ab8" opacity="0.6"><title>{label}</title></rect>')
        else:
            svg.append(f'<circle class="moment" cx="{x0:.1f}" cy="{y}" r="5" fill="#2a7ab8">'
                       f"<title>{label}</title></circle>")
        anchor = "end" if x0 > _WIDTH / 2 else "start"
        tx = x0 - 9 if anchor == "end" else x1 + 9
        svg.append(f'<text class="label" x="{tx:.1f}" y="{y + 4}" text-anchor="{anchor}">'
                   f"{label}</text>")
        svg.append(f'<line x1="{x0:.1f}" y1="{top}" x2="{x0:.1f}" y2="{y}" stroke="#ddd"/>')
    svg.append("</svg>")
    return "".join(svg)


def _anchor(x: float) -> str:
    return "end" if x > _WIDTH * 0.85 else "start" if x < _WIDTH * 0.15 else "middle"

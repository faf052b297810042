"""`--format html`: one self-contained page for a desk editor who never opens a terminal.

For every file: the checked copy with each finding's words highlighted (the message on
hover, and in a list beside it), and the story's timeline drawn as an axis of resolved
dates with the publication date marked, so that one event six years before the others
shows at a glance. No scripts, fonts or anything else from the network; every piece of
article text is escaped.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from checker.model import FileReport, Report
from checker.names import printable
from checker.report.common import LineIndex, raw_spans, set_aside, summary

_CSS = """
body{font:15px/1.55 Georgia,serif;margin:0;color:#1d1d1f;background:#fafaf7}
header{padding:14px 24px;background:#20242b;color:#fff;font-family:system-ui,sans-serif}
header h1{font-size:18px;margin:0}
section.file{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:24px;
  padding:20px 24px;border-bottom:1px solid #ddd}
h2{grid-column:1/-1;font:600 16px system-ui,sans-serif;margin:0}
.meta{grid-column:1/-1;font:13px system-ui,sans-serif;color:#555}
.copy{white-space:pre-wrap;background:#fff;padding:16px;border:1px solid #e3e3e3;
  border-radius:6px;overflow-wrap:anywhere}
mark{padding:0 1px;border-radius:2px;cursor:help}
mark.error{background:#ffb4b4;border-bottom:2px solid #c00}
mark.warning{background:#ffe58a;border-bottom:2px solid #b58900}
mark.info{background:#cde8ff;border-bottom:2px solid #2a7ab8}
mark.related{background:#eee;border-bottom:2px dashed #888}
aside{font:14px/1.45 system-ui,sans-serif}
aside ol{padding-left:20px}
aside li{margin-bottom:10px}
.sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:1px 5px;border-radius:3px}
.sev.error{background:#c00;color:#fff}.sev.warning{background:#b58900;color:#fff}
.sev.info{background:#2a7ab8;color:#fff}
code{font-size:12px}
.timeline{grid-column:1/-1}
.timeline svg{width:100%;height:auto;background:#fff;border:1px solid #e3e3e3;border-radius:6px}
.timeline text{font:11px system-ui,sans-serif}
.error-line{color:#c00;font:14px system-ui,sans-serif}
"""


def to_html(report: Report, **_: object) -> str:
    s = summary(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # a later walk knows the page for a report, not copy (checker.source.walk)
        '<meta name="generator" content="copydesk">',
        # nothing may load from anywhere: the page is read offline and on shared desks
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">',
        "<title>copydesk report</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>copydesk: {s['error']} errors, {s['warning']} warnings, {s['info']} info "
        f"in {s['files']} file{'s' * (s['files'] != 1)}{escape(set_aside(report))}</h1>"
        "</header>",
    ]
    for n, fr in enumerate(report.files):
        parts.append(_file(fr, n))
    parts.append("</body></html>")
    return "\n".join(parts)


def _file(fr: FileReport, n: int) -> str:
    if fr.error:
        return (f'<section class="file"><h2>{escape(printable(fr.path))}</h2>'
                f'<p class="error-line">{escape(printable(fr.error))}</p></section>')
    pub = fr.publication_date
    meta = (f"published {pub.date:%-d %B %Y} ({escape(pub.source)})" if pub
            else "no publication date found")
    index = LineIndex(fr.raw_text)
    items = []
    for i, f in enumerate(fr.findings):
        primary = raw_spans(fr, f, index)[0]
        items.append(
            f'<li id="f{n}-{i}"><span class="sev {f.severity.value}">{f.severity.value}</span> '
            f'<code>{escape(f.rule)}</code> <a href="#m{n}-{i}">line {primary.line}</a><br>'
            f"{escape(f.message)}"
            + (f"<br><em>{escape(f.hint)}</em>" if f.hint else "") + "</li>")
    side = (f"<ol>{''.join(items)}</ol>" if items else "<p>No findings.</p>")
    return (f'<section class="file" id="file{n}"><h2>{escape(printable(fr.path))}</h2>'
            f'<p class="meta">{escape(meta)}</p>'
            f'<div class="copy">{_highlighted(fr, n)}</div><aside>{side}</aside>'
            f'<div class="timeline">{_timeline(fr)}</div></section>')


_MAX_TITLES = 12  # findings named in one highlight's hover text


def _highlighted(fr: FileReport, n: int) -> str:
    """The copy, escaped, with <mark> around each finding's words (related words greyed)."""
    text = fr.text or fr.raw_text
    marks: list[tuple[int, int, str, str, str]] = []  # start, end, class, title, id
    for i, f in enumerate(fr.findings):
        title = f"{f.severity.value} {f.rule}: {f.message}"
        marks.append((f.span.start, max(f.span.end, f.span.start + 1), f.severity.value, title,
                      f"m{n}-{i}"))
        for r in f.related:
            marks.append((r.span.start, r.span.end, "related", f"{r.label} ({f.rule})", ""))
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
    for start, end in zip(cuts, cuts[1:]):
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
        ident = next((m[4] for m in primary if m[0] == start and m[4]), "")
        more = len(open_marks) - len(covering)
        title = escape(" | ".join(m[3] for m in covering) + (f" | and {more} more" if more
                                                            else ""), quote=True)
        id_attr = f' id="{ident}"' if ident else ""
        out.append(f'<mark class="{cls}"{id_attr} title="{title}">{piece}</mark>')
    return "".join(out)


def _timeline(fr: FileReport) -> str:
    """An SVG axis: one dot (or bar) per resolved date, the publication date in red."""
    moments = fr.timeline
    pub = fr.publication_date.date if fr.publication_date else None
    if not moments:
        return "<p class=\"meta\">No dates resolved.</p>"
    days = [d for m in moments for d in (m[0], m[1])] + ([pub] if pub else [])
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)
    width, left, right = 1000, 60, 60
    rows = sorted(range(len(moments)), key=lambda i: moments[i][0])

    def x(day: dt.date) -> float:
        return left + (day - lo).days / span * (width - left - right)

    height = 70 + 22 * len(rows)
    svg = [f'<svg viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="timeline of the dates in the story">',
           f'<line x1="{left}" y1="40" x2="{width - right}" y2="40" stroke="#999"/>',
           f'<text x="{left}" y="30">{lo:%-d %b %Y}</text>',
           f'<text x="{width - right}" y="30" text-anchor="end">{hi:%-d %b %Y}</text>']
    if pub:
        svg.append(f'<line class="publication" x1="{x(pub):.1f}" y1="20" x2="{x(pub):.1f}" '
                   f'y2="{height - 10}" stroke="#c00" stroke-width="2"/>'
                   f'<text x="{x(pub):.1f}" y="14" text-anchor="{_anchor(x(pub), width)}" '
                   f'fill="#c00">'
                   f'published {pub:%-d %b %Y}</text>')
    for row, i in enumerate(rows):
        first, last, words, how, verb = moments[i]
        y = 62 + 22 * row
        x0, x1 = x(first), x(last)
        label = escape(f"{words} → {first:%-d %b %Y}" + (f"–{last:%-d %b %Y}" if last != first
                                                         else "")
                       + (f" ({verb})" if verb else "") + f" · {how}")
        if x1 - x0 >= 4:
            svg.append(f'<rect class="moment" x="{x0:.1f}" y="{y - 5}" width="{x1 - x0:.1f}" '
                       f'height="10" fill="#2a7ab8" opacity="0.6"><title>{label}</title></rect>')
        else:
            svg.append(f'<circle class="moment" cx="{x0:.1f}" cy="{y}" r="5" fill="#2a7ab8">'
                       f"<title>{label}</title></circle>")
        anchor = "end" if x0 > width / 2 else "start"
        tx = x0 - 9 if anchor == "end" else x1 + 9
        svg.append(f'<text x="{tx:.1f}" y="{y + 4}" text-anchor="{anchor}">{label}</text>')
        svg.append(f'<line x1="{x0:.1f}" y1="40" x2="{x0:.1f}" y2="{y}" stroke="#ddd"/>')
    svg.append("</svg>")
    return "".join(svg)


def _anchor(x: float, width: int) -> str:
    return "end" if x > width * 0.85 else "start" if x < width * 0.15 else "middle"

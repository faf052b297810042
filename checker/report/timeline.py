"""Views of the resolved timeline: TIMEX3-style JSON and an aligned text table."""

from __future__ import annotations

import json

from checker.report.common import LineIndex
from checker.report.timex3 import timex_type, timex_value


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
                    "text": analysis.article.raw[start:end], "type": timex_type(m),
                    "value": timex_value(m), "kind": m.kind.value, "how": m.how.value}
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
            lines.append(f"  {timex_value(m):<16} {m.text!r:<32} {line}:{column}  "
                         f"{m.how.value}{event}")
        if unresolved:
            lines.append("  not placed on the calendar:")
            for m, _, _, line, column in unresolved:
                after = f" (after: {m.anchor_event})" if m.anchor_event else ""
                lines.append(f"  {timex_value(m):<16} {m.text!r:<32} {line}:{column}"
                             f"  {m.kind.value}{after}")
        lines.append("")
    return "\n".join(lines).rstrip()

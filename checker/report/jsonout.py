"""The JSON report: the contract other tools read (see the README)."""

from __future__ import annotations

import json

from checker.filenames import unicode_safe
from checker.model import Report
from checker.report.common import LineIndex, raw_spans, raw_suggestions, summary


def to_json(report: Report) -> str:
    files = []
    for fr in report.files:
        entry: dict[str, object] = {"path": unicode_safe(fr.path)}
        if fr.error:
            entry.update(publication_date=None, findings=[], error=unicode_safe(fr.error))
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
            if f.suggestions:
                item["suggestions"] = [
                    {"replacement": s.text, "label": s.label,
                     "span": {"start": r.start, "end": r.end, "line": r.line,
                              "column": r.column}}
                    for s, r in raw_suggestions(fr, f, index)
                ]
            findings.append(item)
        entry["findings"] = findings
        if fr.notes:
            entry["notes"] = [unicode_safe(note) for note in fr.notes]
        files.append(entry)
    return json.dumps({"version": 1, "files": files, "summary": summary(report)},
                      ensure_ascii=False, indent=2)

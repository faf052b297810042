"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from checker import __version__
from checker.baseline import numbered
from checker.filenames import unicode_safe
from checker.model import Report, Severity, Suggestion
from checker.report.common import LineIndex, RawSpan, raw_spans, raw_suggestions, span_end

INFO_URI = "https://pypi.org/project/copydesk/"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# partialFingerprints: rule, normalised words and a little context, numbered within the file
# (checker.baseline); never line numbers, so a finding keeps it when the copy above changes
FINGERPRINT_KEY = "copydeskFingerprint/v1"

def to_sarif(report: Report, **_: object) -> str:
    from checker.rules import ALL_RULES
    from checker.suppress import UNUSED

    described = (*ALL_RULES, UNUSED)
    rule_index = {r.id: i for i, r in enumerate(described)}
    rules = [{
        "id": r.id,
        "name": "".join(part.title() for part in r.id.split("-")),
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": r.rationale.strip().splitlines()[0]},
        "help": {"text": r.rationale.strip()},
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
    } for r in described]
    results = []
    for fr in report.files:
        if fr.error:
            continue
        index = LineIndex(fr.raw_text)
        every = sorted([(f, "new") for f in fr.findings] +
                       [(f, "unchanged") for f in fr.baselined],
                       key=lambda pair: (pair[0].span.start, pair[0].span.end, pair[0].rule))
        prints = numbered(fr, [f for f, _ in every])
        for (f, state), fingerprint in zip(every, prints):
            locations = [_sarif_location(fr.path, s, index) for s in raw_spans(fr, f, index)]
            result: dict[str, object] = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
                "locations": locations[:1],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            }
            if report.baseline:
                result["baselineState"] = state
            if f.suggestions:
                result["fixes"] = [_fix(fr.path, suggestion, span, index)
                                   for suggestion, span in raw_suggestions(fr, f, index)]
            if len(locations) > 1:
                result["relatedLocations"] = [
                    {"id": i, **loc, "message": {"text": related.label}}
                    for i, (loc, related) in enumerate(zip(locations[1:], f.related), start=1)
                ]
            results.append(result)
        for rule, fingerprint, words in fr.absent if report.baseline else ():
            absent: dict[str, object] = {
                "ruleId": rule,
                "kind": "pass",
                "level": "none",
                "message": {"text": f"recorded in the baseline, no longer found: {words}"},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(fr.path)}}],
                "partialFingerprints": {FINGERPRINT_KEY: f"{fingerprint}:0"},
                "baselineState": "absent",
            }
            if rule in rule_index:
                absent["ruleIndex"] = rule_index[rule]
            results.append(absent)
    notifications = [{"level": "error", "message": {"text": unicode_safe(fr.error)},
                      "locations": [{"physicalLocation": {"artifactLocation": _artifact(fr.path)}}]}
                     for fr in report.files if fr.error]
    run = {
        "tool": {"driver": {"name": "copydesk", "version": __version__,
                            "informationUri": INFO_URI, "rules": rules}},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]},
                      ensure_ascii=False, indent=2)


def _artifact(path: str) -> dict[str, str]:
    """A path as SARIF wants it: a URI reference, so spaces and '%' are percent-encoded,
    and so is each byte of a name that is not UTF-8 ('bad%FF.txt')."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(os.fsencode(pure.as_posix()), safe="/")}


def _region(span: RawSpan, index: LineIndex) -> dict[str, int]:
    end_line, end_column = span_end(index, span)
    return {"startLine": span.line, "startColumn": span.column, "endLine": end_line,
            "endColumn": end_column, "charOffset": span.start, "charLength": span.end - span.start}


def _sarif_location(path: str, span: RawSpan, index: LineIndex) -> dict[str, object]:
    return {"physicalLocation": {"artifactLocation": _artifact(path),
                                 "region": _region(span, index)}}


def _fix(path: str, suggestion: Suggestion, span: RawSpan, index: LineIndex) -> dict[str, object]:
    """A suggestion as a SARIF fix: one replacement in the file (the file is never written)."""
    return {"description": {"text": suggestion.label},
            "artifactChanges": [{
                "artifactLocation": _artifact(path),
                "replacements": [{"deletedRegion": _region(span, index),
                                  "insertedContent": {"text": suggestion.text}}],
            }]}

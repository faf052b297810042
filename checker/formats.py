"""More views of the same Report, for the tools a newsroom already runs.

SARIF 2.1.0 (code-scanning dashboards), GitHub workflow commands (annotations on a pull
request), JUnit XML (GitLab and most CI test tabs) and a Markdown table (a pull-request
comment). Each is a pure function of the Report; line and column come from render.py.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import PurePath
from urllib.parse import quote

from checker import __version__
from checker.model import FileReport, Finding, Report, Severity
from checker.render import LineIndex, RawSpan, raw_spans, summary, to_json, to_text

INFO_URI = "https://pypi.org/project/copydesk/"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _located(report: Report):  # noqa: ANN202
    """(file report, finding, raw spans with line/column, line index) for every finding."""
    for fr in report.files:
        if fr.error:
            continue
        index = LineIndex(fr.raw_text)
        for f in fr.findings:
            yield fr, f, raw_spans(fr, f, index), index


def _end(index: LineIndex, span: RawSpan) -> tuple[int, int]:
    return index.locate(span.end) if span.end > span.start else (span.line, span.column)


# ---------------------------------------------------------------- SARIF 2.1.0

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
    for fr, f, spans, index in _located(report):
        locations = [_sarif_location(fr.path, s, index) for s in spans]
        result: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
            "locations": locations[:1],
        }
        if len(locations) > 1:
            result["relatedLocations"] = [
                {"id": i, **loc, "message": {"text": related.label}}
                for i, (loc, related) in enumerate(zip(locations[1:], f.related), start=1)
            ]
        results.append(result)
    notifications = [{"level": "error", "message": {"text": fr.error},
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
    """A path as SARIF wants it: a URI reference, so spaces and '%' are percent-encoded."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix(), safe="/")}


def _sarif_location(path: str, span: RawSpan, index: LineIndex) -> dict[str, object]:
    end_line, end_column = _end(index, span)
    return {"physicalLocation": {
        "artifactLocation": _artifact(path),
        "region": {"startLine": span.line, "startColumn": span.column, "endLine": end_line,
                   "endColumn": end_column, "charOffset": span.start,
                   "charLength": span.end - span.start},
    }}


# ---------------------------------------------------------------- GitHub workflow commands

def _escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, so copy cannot start a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report, **_: object) -> str:
    lines = []
    for fr, f, spans, index in _located(report):
        primary = spans[0]
        end_line, end_column = _end(index, primary)
        props = [f"file={_escape_property(fr.path)}", f"line={primary.line}",
                 f"col={primary.column}"]
        if end_line == primary.line:
            props.append(f"endColumn={end_column}")
        else:
            props.append(f"endLine={end_line}")
        props.append(f"title={_escape_property(f'copydesk {f.rule}')}")
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}")
    for fr in report.files:
        if fr.error:
            lines.append(f"::error file={_escape_property(fr.path)},"
                         f"title={_escape_property('copydesk could not check this file')}"
                         f"::{_escape_data(fr.error)}")
    s = summary(report)
    lines.append(f"copydesk: {s['error']} errors, {s['warning']} warnings, {s['info']} info "
                 f"in {s['files']} files")
    return "\n".join(lines)


# ---------------------------------------------------------------- JUnit XML

def to_junit(report: Report, *, fail_rank: int = Severity.WARNING.rank, **_: object) -> str:
    """One test case per file: it fails on findings at or above --fail-on, errors on bad input."""
    cases, failures, errors = [], 0, 0
    for fr in report.files:
        case = ET.Element("testcase", classname="copydesk", name=fr.path)
        if fr.error:
            errors += 1
            ET.SubElement(case, "error", type="input", message=fr.error).text = fr.error
        else:
            index = LineIndex(fr.raw_text)
            lines = [_line(fr, f, index) for f in fr.findings]
            failing = [line for f, line in zip(fr.findings, lines) if f.severity.rank >= fail_rank]
            if failing:
                failures += 1
                ET.SubElement(case, "failure", type="copydesk",
                              message=f"{len(failing)} finding(s)").text = "\n".join(failing)
            if len(lines) > len(failing):
                ET.SubElement(case, "system-out").text = "\n".join(
                    line for f, line in zip(fr.findings, lines) if f.severity.rank < fail_rank)
        cases.append(case)
    suites = ET.Element("testsuites", name="copydesk", tests=str(len(cases)),
                        failures=str(failures), errors=str(errors))
    suite = ET.SubElement(suites, "testsuite", name="copydesk", tests=str(len(cases)),
                          failures=str(failures), errors=str(errors), skipped="0")
    suite.extend(cases)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


def _line(fr: FileReport, f: Finding, index: LineIndex) -> str:
    primary = raw_spans(fr, f, index)[0]
    return f"{fr.path}:{primary.line}:{primary.column}: {f.severity.value} {f.rule} {f.message}"


# ---------------------------------------------------------------- Markdown

def _cell(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;"))


def to_markdown(report: Report, **_: object) -> str:
    s = summary(report)
    lines = ["### copydesk", ""]
    rows = [f"| `{_cell(fr.path)}` | {spans[0].line}:{spans[0].column} | {f.severity.value} "
            f"| `{f.rule}` | {_cell(f.message)} |" for fr, f, spans, _ in _located(report)]
    if rows:
        lines += ["| file | line:col | severity | rule | message |", "|---|---|---|---|---|",
                  *rows, ""]
    else:
        lines += ["No findings.", ""]
    lines += [f"- could not check `{_cell(fr.path)}`: {_cell(fr.error)}"
              for fr in report.files if fr.error]
    lines.append(f"**{s['error']} errors, {s['warning']} warnings, {s['info']} info** "
                 f"in {s['files']} file{'s' * (s['files'] != 1)}.")
    return "\n".join(lines)


FORMATTERS: dict[str, Callable[..., str]] = {
    "text": lambda report, colour=False, quiet=False, statistics=False, **_: to_text(
        report, colour=colour, quiet=quiet, statistics=statistics),
    "json": lambda report, **_: to_json(report),
    "sarif": to_sarif,
    "github": to_github,
    "junit": to_junit,
    "markdown": to_markdown,
    "html": lambda report, **_: _html(report),
}


def _html(report: Report) -> str:
    from checker.html_report import to_html

    return to_html(report)

"""GitHub workflow commands: annotations on a pull request. %, CR and LF (and : and ,
in properties) are escaped, so the copy cannot inject a workflow command."""

from __future__ import annotations

from checker.filenames import printable
from checker.model import Report, Severity
from checker.report.common import did_you_mean, located, set_aside, span_end, summary

_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def printable_but_breaks(text: str) -> str:
    """Control characters (an ANSI escape in a file name) escaped; CR and LF are kept for
    the workflow command's own %0D and %0A."""
    return "\n".join(printable(part) for part in text.replace("\r\n", "\n").split("\n"))


def _escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, so copy cannot start a command."""
    return printable_but_breaks(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report, **_: object) -> str:
    lines = []
    for fr, f, spans, index in located(report):
        primary = spans[0]
        end_line, end_column = span_end(index, primary)
        props = [f"file={_escape_property(fr.path)}", f"line={primary.line}",
                 f"col={primary.column}"]
        if end_line == primary.line:
            props.append(f"endColumn={end_column}")
        else:
            props.append(f"endLine={end_line}")
        props.append(f"title={_escape_property(f'copydesk {f.rule}')}")
        fix = did_you_mean(f)
        message = f.message + (f"; {fix}" if fix else "") + (f" (hint: {f.hint})" if f.hint else "")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}")
    for fr in report.files:
        if fr.error:
            lines.append(f"::error file={_escape_property(fr.path)},"
                         f"title={_escape_property('copydesk could not check this file')}"
                         f"::{_escape_data(fr.error)}")
    s = summary(report)
    lines.append(f"copydesk: {s['error']} errors, {s['warning']} warnings, {s['info']} info "
                 f"in {s['files']} files{set_aside(report)}")
    return "\n".join(lines)

"""A Markdown table for a pull-request comment."""

from __future__ import annotations

from checker.model import Report
from checker.report.common import GENERATOR_MARK, located, set_aside, summary


def _cell(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;"))


def to_markdown(report: Report, **_: object) -> str:
    s = summary(report)
    lines = [f"<!-- {GENERATOR_MARK} -->", "### copydesk", ""]
    rows = [f"| `{_cell(fr.path)}` | {spans[0].line}:{spans[0].column} | {f.severity.value} "
            f"| `{f.rule}` | {_cell(f.message)} |" for fr, f, spans, _ in located(report)]
    if rows:
        lines += ["| file | line:col | severity | rule | message |", "|---|---|---|---|---|",
                  *rows, ""]
    else:
        lines += ["No findings.", ""]
    lines += [f"- could not check `{_cell(fr.path)}`: {_cell(fr.error)}"
              for fr in report.files if fr.error]
    lines.append(f"**{s['error']} errors, {s['warning']} warnings, {s['info']} info** "
                 f"in {s['files']} file{'s' * (s['files'] != 1)}{set_aside(report)}.")
    return "\n".join(lines)

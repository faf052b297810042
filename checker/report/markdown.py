"""A Markdown table for a pull-request comment.

A file name is shown as a code span fenced with more backticks than it holds, so no
name can close it; an error line is escaped, so no part of it renders as live Markdown
(a link, emphasis, an image, HTML).
"""

from __future__ import annotations

import re

from checker.filenames import printable
from checker.model import Finding, Report
from checker.report.common import GENERATOR_MARK, did_you_mean, located, set_aside, summary

_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")  # what could start emphasis, a link, code


def _plain(text: str) -> str:
    """Plain text for a table cell or a bullet: every Markdown character escaped, one line."""
    text = printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _PUNCTUATION.sub(r"\\\1", text)


def _code(text: str) -> str:
    """`text` as an inline code span, whatever backticks and pipes it holds."""
    text = printable(text).replace("|", "\\|")  # a pipe would end the table cell
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _said(f: Finding) -> str:
    fix = did_you_mean(f)
    return f"{f.message}; {fix}" if fix else f.message


def to_markdown(report: Report, **_: object) -> str:
    s = summary(report)
    lines = [f"<!-- {GENERATOR_MARK} -->", "### copydesk", ""]
    rows = [f"| {_code(fr.path)} | {spans[0].line}:{spans[0].column} | {f.severity.value} "
            f"| `{f.rule}` | {_plain(_said(f))} |" for fr, f, spans, _ in located(report)]
    if rows:
        lines += ["| file | line:col | severity | rule | message |", "|---|---|---|---|---|",
                  *rows, ""]
    else:
        lines += ["No findings.", ""]
    lines += [f"- could not check {_code(fr.path)}: {_plain(fr.error)}"
              for fr in report.files if fr.error]
    lines.append(f"**{s['error']} errors, {s['warning']} warnings, {s['info']} info** "
                 f"in {s['files']} file{'s' * (s['files'] != 1)}{set_aside(report)}.")
    return "\n".join(lines)

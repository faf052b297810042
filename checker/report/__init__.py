"""Views of one Report, each a pure function of it: text for people, JSON for tools,
SARIF, GitHub annotations, JUnit, GitLab Code Quality, Markdown and a self-contained HTML
page."""

from __future__ import annotations

from collections.abc import Callable

from checker.model import Report
from checker.report.codequality import to_codequality
from checker.report.github import to_github
from checker.report.jsonout import to_json
from checker.report.junit import to_junit
from checker.report.markdown import to_markdown
from checker.report.sarif import to_sarif
from checker.report.text import DEFAULT_WIDTH, to_text


def _text(report: Report, *, colour: bool = False, quiet: bool = False,
          statistics: bool = False, mark: bool = False, width: int = DEFAULT_WIDTH,
          **_: object) -> str:
    return to_text(report, colour=colour, quiet=quiet, statistics=statistics, mark=mark,
                   width=width)


def _html(report: Report, **_: object) -> str:
    from checker.report.page import to_html

    return to_html(report)


FORMATTERS: dict[str, Callable[..., str]] = {
    "text": _text,
    "json": lambda report, **_: to_json(report),
    "sarif": to_sarif,
    "github": to_github,
    "junit": to_junit,
    "codequality": to_codequality,
    "markdown": to_markdown,
    "html": _html,
}

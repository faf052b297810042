"""GitLab's Code Quality report: a JSON array of issues, shown in the merge request.

Each issue has description, check_name, fingerprint, severity (info, minor, major,
critical, blocker) and location.path with location.lines.begin. GitLab compares the
fingerprints of the merge request with those of its target branch, so the fingerprint is
copydesk's (rule, words and context; checker.baseline) with the file's path: it survives
edits elsewhere in the file. A file that could not be checked is a `blocker`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from checker.baseline import numbered
from checker.model import Report, Severity
from checker.report.common import LineIndex, did_you_mean, raw_spans

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _path(name: str) -> str:
    """Relative to the working directory (the repository's top in a GitLab job), '/'."""
    absolute = os.path.abspath(name)
    try:
        return Path(os.path.relpath(absolute)).as_posix()
    except ValueError:
        return Path(absolute).as_posix()


def _id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def to_codequality(report: Report, **_: object) -> str:
    issues: list[dict[str, object]] = []
    for fr in report.files:
        path = _path(fr.path)
        if fr.error:
            issues.append({"type": "issue", "check_name": "copydesk/input-error",
                           "description": fr.error, "severity": "blocker",
                           "categories": ["Bug Risk"],
                           "fingerprint": _id(path, "input-error"),
                           "location": {"path": path, "lines": {"begin": 1}}})
            continue
        index = LineIndex(fr.raw_text)
        for f, fingerprint in zip(fr.findings, numbered(fr, fr.findings)):
            primary = raw_spans(fr, f, index)[0]
            issues.append({
                "type": "issue",
                "check_name": f.rule,
                "description": f.message + (f"; {did_you_mean(f)}" if f.suggestions else "")
                + (f" ({f.hint})" if f.hint else ""),
                "severity": _SEVERITY[f.severity],
                "categories": ["Bug Risk"],
                "fingerprint": _id(path, fingerprint),
                "location": {"path": path, "lines": {"begin": primary.line}},
            })
    return json.dumps(issues, ensure_ascii=False, indent=2)

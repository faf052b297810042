"""JUnit XML: one test case per file (GitLab and most CI test tabs).

Every attribute and text node goes through `_xml`: a file name or a line of copy may hold
characters that XML 1.0 cannot carry at all, even escaped (most control characters, and
the lone surrogates of a name that is not UTF-8); they are written as `\\xNN`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.filenames import printable
from checker.model import FileReport, Finding, Report, Severity
from checker.report.common import LineIndex, did_you_mean, raw_spans

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: printable(m.group()), text)


def to_junit(report: Report, *, fail_rank: int = Severity.WARNING.rank, **_: object) -> str:
    """One test case per file: it fails on findings at or above --fail-on, errors on bad input."""
    cases, failures, errors = [], 0, 0
    for fr in report.files:
        case = ET.Element("testcase", classname="copydesk", name=_xml(fr.path))
        if fr.error:
            errors += 1
            ET.SubElement(case, "error", type="input", message=_xml(fr.error)).text = \
                _xml(fr.error)
        else:
            index = LineIndex(fr.raw_text)
            lines = [_xml(_line(fr, f, index)) for f in fr.findings]
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
    fix = did_you_mean(f)
    return (f"{fr.path}:{primary.line}:{primary.column}: {f.severity.value} {f.rule} "
            f"{f.message}{f'; {fix}' if fix else ''}")

"""Suppression markers in the copy: next paragraph, regions, unused and unknown markers."""

from __future__ import annotations

import checker

BAD = "It opened on Thursday, 29 May 2024."  # 29 May 2024 was a Wednesday


def _rules(text: str, kind: str | None = None, path: str = "<text>") -> list[str]:
    report = checker.check_text(text, kind=kind, path=path)
    return [f.rule for f in report.findings]


def test_plain_text_ignore_covers_the_next_paragraph_only():
    text = f"[copydesk: ignore weekday-mismatch]\n{BAD}\n\n{BAD}\n"
    report = checker.check_text(text)
    assert [f.rule for f in report.findings] == ["weekday-mismatch"]
    assert report.findings[0].span.start == text.rindex("Thursday")


def test_markers_are_not_copy():
    # the marker line names a bad date; it must not be checked as text
    text = "[copydesk: ignore impossible-date]\nHeld on 31 April.\n\nFine copy here.\n"
    assert _rules(text) == []


def test_markdown_and_html_comments():
    md = f"# Story\n\n<!-- copydesk: ignore weekday-mismatch -->\n{BAD}\n\n{BAD}\n"
    assert _rules(md, kind="markdown") == ["weekday-mismatch"]
    html = (f"<p>Intro.</p><!-- copydesk: ignore --><p>{BAD}</p><p>{BAD}</p>")
    assert _rules(html, kind="html") == ["weekday-mismatch"]


def test_disable_enable_region():
    text = (f"{BAD}\n\n[copydesk: disable weekday-mismatch]\n{BAD}\n\n{BAD}\n"
            f"[copydesk: enable weekday-mismatch]\n\n{BAD}\n")
    report = checker.check_text(text)
    assert [f.rule for f in report.findings] == ["weekday-mismatch", "weekday-mismatch"]


def test_unused_and_unknown_markers_are_reported_as_info():
    text = "[copydesk: ignore weekday-mismatch]\nThe council met.\n\n" \
           "[copydesk: ignore weekday-mismatc]\nAnother line.\n"
    report = checker.check_text(text)
    assert [(f.rule, f.severity.value) for f in report.findings] == \
        [("unused-suppression", "info")] * 2
    assert "suppressed nothing" in report.findings[0].message
    assert "unknown rule id(s) weekday-mismatc" in report.findings[1].message


def test_marker_for_a_rule_that_did_not_run_is_not_unused():
    text = "[copydesk: ignore name-variant]\nThe council met.\n"
    report = checker.check_text(text, select=["weekday-mismatch"])
    assert report.findings == []

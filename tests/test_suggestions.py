"""Suggested fixes: carried by a finding, written in JSON with the span of the file they
replace, in SARIF as `fixes` (valid against the schema), and applied by `check --diff` as a
unified diff (the article is never written)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from checker.rules.base import Rule
from test_formats import _sarif_errors
from test_options import _copydesk
from typer.testing import CliRunner

import checker
from checker.cli import app
from checker.model import FileReport, Finding, Report, Severity, Span, Suggestion
from checker.report.diff import to_diff
from checker.report.jsonout import to_json
from checker.report.sarif import to_sarif

runner = CliRunner()
WRONG = "It opened on Thursday, 29 May 2024.\n"


def _at(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def test_rule_finding_carries_suggestions():
    rule = Rule("x", Severity.ERROR, "t", "r", check=lambda facts: iter(()))
    fix = Suggestion(Span(13, 21), "Wednesday", "the weekday that fits the date")
    assert rule.finding(Span(13, 21), "m", suggestions=[fix]).suggestions == (fix,)
    assert rule.finding(Span(13, 21), "m").suggestions == ()


def test_weekday_mismatch_suggests_the_weekday_that_fits():
    (f,) = checker.check_text(WRONG).findings
    assert [(WRONG[s.span.start:s.span.end], s.text, s.label) for s in f.suggestions] == \
        [("Thursday", "Wednesday", "the weekday that fits the date"),
         ("29 May 2024", "30 May 2024", "the date that fits the weekday")]


@pytest.mark.parametrize(("text", "date", "fix"), [
    ("The vote is on Tuesday, March 14th.", "2024-03-04", "March 12th"),
    ("Medals are presented on 29 June (a Saturday).", "2025-05-30", "28 June"),
    ("Kick-off: Saturday, 7/14/2024.", "2024-07-01", "7/13/2024"),
    ("It closes on Thursday, 31 July 2024.", "2024-07-01", None),  # 1 August: another month
])
def test_weekday_mismatch_suggests_the_date_that_fits_in_the_copys_style(text, date, fix):
    (f,) = checker.check_text(text, publication_date=date).findings
    dates = [s.text for s in f.suggestions if s.label == "the date that fits the weekday"]
    assert dates == ([fix] if fix else [])


@pytest.mark.parametrize(("text", "wrong", "fix"), [
    (("Margarethe Vollmer conducted in Kiel. Vollmer taught piano. Volmer told a radio "
     "interviewer."), "Volmer", "Vollmer"),
    ("Karim Haddad reopened the cafe. Mr Haddad thanked staff, and Mr Hadad wept.",
     "Hadad", "Haddad"),
    ("Tom Baird won the race. Baird said so. Later Tom Bard left.", "Tom Bard", "Tom Baird"),
])
def test_name_variant_suggests_the_spelling_the_copy_uses_most(text, wrong, fix):
    (f,) = checker.check_text(text, publication_date="2024-06-01").findings
    (s,) = f.suggestions
    assert (text[s.span.start:s.span.end], s.text) == (wrong, fix)


HTML = ("<html><body><nav>Home</nav><p>Fish &amp; chips opened on <b>Thursday</b>, "
        "29&nbsp;May 2024.</p></body></html>\n")


def test_json_gives_the_replacement_and_the_raw_span(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(HTML, encoding="utf-8")
    report = json.loads(to_json(checker.check_file(page)))
    (finding,) = report["files"][0]["findings"]
    suggestion, _the_date = finding["suggestions"]
    span = suggestion["span"]
    assert HTML[span["start"]:span["end"]] == "Thursday"  # offsets of the file, markup in
    assert suggestion == {"replacement": "Wednesday", "label": "the weekday that fits the date",
                          "span": {"start": HTML.index("Thursday"),
                                   "end": HTML.index("Thursday") + 8, "line": 1,
                                   "column": HTML.index("Thursday") + 1}}


def test_replacements_are_escaped_in_html():
    text = "Q&A on Thursday.\n"
    raw = "<p>Q&amp;A on Thursday.</p>\n"
    at = raw.index("Thursday")
    fr = FileReport(path="story.html", raw_text=raw, text=text,
                    raw_span=lambda s, e: (s + at - text.index("Thursday"),
                                           e + at - text.index("Thursday")),
                    findings=[Finding("x", Severity.WARNING, "m", _at(text, "Thursday"),
                                      suggestions=(Suggestion(_at(text, "Thursday"),
                                                              "Fish & chips", "a label"),))])
    item = json.loads(to_json(Report([fr])))["files"][0]["findings"][0]["suggestions"][0]
    assert item["replacement"] == "Fish &amp; chips"
    diff, _ = to_diff(Report([fr]))
    assert "+<p>Q&amp;A on Fish &amp; chips.</p>" in diff


def test_sarif_fixes_follow_the_schema(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(HTML, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Headline\r\n\r\n" + WRONG, encoding="utf-8")
    log = json.loads(to_sarif(checker.check_paths([page, story])))
    assert _sarif_errors(log) == []
    results = log["runs"][0]["results"]
    assert len(results) == 2
    for result, raw in zip(results, (HTML, story.read_bytes().decode("utf-8"))):
        fix, other = result["fixes"]
        assert fix["description"]["text"] == "the weekday that fits the date"
        assert other["description"]["text"] == "the date that fits the weekday"
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"] == \
            result["locations"][0]["physicalLocation"]["artifactLocation"]
        (replacement,) = change["replacements"]
        region = replacement["deletedRegion"]
        assert raw[region["charOffset"]:region["charOffset"] + region["charLength"]] == \
            "Thursday"
        assert replacement["insertedContent"] == {"text": "Wednesday"}
    assert results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"][
        "startLine"] == 3


def test_the_schema_check_rejects_a_broken_fix(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(WRONG, encoding="utf-8")
    log = json.loads(to_sarif(checker.check_file(story)))
    fix = log["runs"][0]["results"][0]["fixes"][0]
    del fix["artifactChanges"][0]["artifactLocation"]
    fix["artifactChanges"][0]["replacements"][0]["insertedContent"] = "Wednesday"
    errors = _sarif_errors(log)
    assert len(errors) == 2, errors


def test_diff_applies_the_suggestions_and_writes_nothing(root, tmp_path):
    """The real command (CliRunner would fold the CRLF of the diff into LF)."""
    raw = ("Headline\r\n\r\nIt opened on Thursday, 29 May 2024.\r\nIt closed on Sunday, "
           "2 June 2024, a Sunday.\r\nThe end")  # CRLF, and no line break at the end
    story = tmp_path / "story.txt"
    story.write_bytes(raw.encode("utf-8"))
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("It opened on Wednesday, 29 May 2024.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (story, page, clean)}
    result = subprocess.run([_copydesk(root), "check", "story.txt", "page.html", "clean.txt",
                             "--diff"], cwd=tmp_path, capture_output=True, check=False)
    assert result.returncode == 1  # the findings still count
    assert {p: p.read_bytes() for p in (story, page, clean)} == before
    diff = result.stdout.decode("utf-8")
    assert diff.startswith("--- story.txt\n+++ story.txt\n")
    assert "-It opened on Thursday, 29 May 2024.\r\n+It opened on Wednesday, 29 May 2024.\r\n" \
        in diff
    assert "clean.txt" not in diff
    assert "\n--- page.html\n+++ page.html\n" in diff
    assert "+<html><body><nav>Home</nav><p>Fish &amp; chips opened on <b>Wednesday</b>" in diff
    assert "copydesk: 2 suggestions applied in 2 files" in result.stderr.decode("utf-8")
    patch = shutil.which("patch")
    if patch:  # the diff applies as it is, CRLF and the last line included
        for name in ("story.txt", "page.html"):
            shutil.copy(tmp_path / name, tmp_path / f"fixed-{name}")
        for name in ("story.txt", "page.html"):
            part = diff[diff.index(f"--- {name}"):]
            part = part[:part.index("\n--- ", 1) + 1] if "\n--- " in part else part
            subprocess.run([patch, "-s", f"fixed-{name}"], input=part.encode("utf-8"),
                           cwd=tmp_path, check=True)
        fixed = (tmp_path / "fixed-story.txt").read_bytes().decode("utf-8")
        assert fixed == raw.replace("Thursday, 29", "Wednesday, 29")
        assert "<b>Wednesday</b>" in (tmp_path / "fixed-page.html").read_text(encoding="utf-8")


def test_diff_to_a_file_and_overlapping_suggestions(tmp_path):
    text = "It opened on Thursday, 29 May 2024.\n"
    both = Finding("x", Severity.WARNING, "m", _at(text, "Thursday"),
                   suggestions=(Suggestion(_at(text, "Thursday, 29 May"), "Friday, 31 May",
                                           "first"),))
    inner = Finding("y", Severity.WARNING, "m", _at(text, "29 May"),
                    suggestions=(Suggestion(_at(text, "29 May"), "30 May", "second"),
                                 Suggestion(_at(text, "2024"), "2025", "an alternative")))
    fr = FileReport(path="s.txt", raw_text=text, text=text, findings=[both, inner])
    diff, applied = to_diff(Report([fr]))
    assert (applied.suggestions, applied.files, applied.overlapping) == (1, 1, 1)
    assert "+It opened on Friday, 31 May 2024.\n" in diff  # only a finding's first is applied
    story = tmp_path / "story.txt"
    story.write_text(WRONG, encoding="utf-8")
    target = tmp_path / "fixes.diff"
    result = runner.invoke(app, ["check", str(story), "--diff", "-o", str(target)])
    assert result.exit_code == 1 and result.stdout == ""
    assert "+It opened on Wednesday, 29 May 2024." in target.read_text(encoding="utf-8")
    assert story.read_text(encoding="utf-8") == WRONG

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


# ---- suggestions the arithmetic knows: relative days, lengths, ages (issue 15)

def _fixes(text: str, date: str, rule: str) -> list[tuple[str, str]]:
    """(the words replaced, the replacement) of the rule's one finding on the text."""
    (finding,) = [f for f in checker.check_text(text, publication_date=date).findings
                  if f.rule == rule]
    return [(text[s.span.start:s.span.end], s.text) for s in finding.suggestions]


@pytest.mark.parametrize(("text", "date", "fixes"), [
    # a weekday told alone: the weekday the relative day is
    ("The hillside gave way yesterday, Saturday.", "2024-01-08", [("Saturday", "Sunday")]),
    ("The hillside gave way on Saturday, yesterday.", "2024-01-08", [("Saturday", "Sunday")]),
    ("The firm closes tomorrow (Friday).", "2024-04-10", [("Friday", "Thursday")]),
    ("The hillside gave way last night (Sat.).", "2011-05-09", [("Sat.", "Sun.")]),
    ("The hillside gave way last night (Sat).", "2011-05-09", [("Sat", "Sun")]),
    ("The storm hit the coast on Sunday, two days ago.", "2024-06-05", [("Sunday", "Monday")]),
    # counted from the one day told before it
    ("She was reported missing on Tuesday 9 July. Two days later, on Friday, her bag was "
     "found.", "2024-07-15", [("Friday", "Thursday")]),
    # a day word beside a date: the word for that date, in the copy's capitals
    ("The deal was signed yesterday, 10 April.", "2024-04-10", [("yesterday", "today")]),
    ("The deal was signed today (9 April).", "2024-04-10", [("today", "yesterday")]),
    ("Yesterday, April 10, the firm said it would close.", "2024-04-10",
     [("Yesterday", "Today")]),
    ("The deal will be signed tomorrow, 10 April.", "2024-04-10", [("tomorrow", "today")]),
    # within the week, on the side the tense points to: the weekday's name
    ("The deal was signed yesterday, 6 April.", "2024-04-10", [("yesterday", "Saturday")]),
    ("The deal will be signed tomorrow, 13 April.", "2024-04-10", [("tomorrow", "Saturday")]),
    # a relative weekday fused with a date
    ("The deal was signed last Wednesday, 10 April.", "2024-04-10",
     [("last Wednesday", "today")]),
    # a relative year beside a year
    ("Profit rose this year, in 2023.", "2024-04-10", [("this year", "last year")]),
    ("Profit will rise next year, in 2024.", "2024-04-10", [("next year", "this year")]),
])
def test_relative_date_conflict_suggests_what_fits(text, date, fixes):
    assert _fixes(text, date, "relative-date-conflict") == fixes


@pytest.mark.parametrize(("text", "date"), [
    ("The deal was signed last Friday, 8 March.", "2024-04-10"),  # no word names 8 March
    ("The deal was signed yesterday, 11 April.", "2024-04-10"),  # told in the past
    ("The deal was signed yesterday, Monday 8 April.", "2024-04-10"),  # weekday given
    ("The deal was signed the day before yesterday, 7 April.", "2024-04-10"),
    ("The deal was signed three days ago, on 8 April.", "2024-04-10"),
    ("The ferry sank last week, on 28 March.", "2024-04-10"),
    ("Profit rose last year, in 2022.", "2024-03-27"),  # two years back: no word for it
    ("She left on Monday 8 July and came home on Tuesday 9 July. Two days later, on "
     "Friday, her bag was found.", "2024-07-15"),  # counted from which day?
])
def test_relative_date_conflict_suggests_nothing_when_unsure(text, date):
    assert _fixes(text, date, "relative-date-conflict") == []


@pytest.mark.parametrize(("text", "date", "fixes"), [
    ("The three-day summit opens on Monday and closes on Thursday.", "2024-09-09",
     [("three-day", "four-day")]),
    ("Three-day talks opened on Monday and closed on Thursday.", "2024-09-09",
     [("Three-day", "Four-day")]),
    ("The talks (a three-day affair) ran from Monday to Thursday.", "2024-09-09",
     [("three-day", "four-day")]),
    ("Rescuers searched for five days, from Thursday to Sunday.", "2024-10-21",
     [("five days", "four days")]),
    ("Rescuers spent three days searching, from Thursday to Friday.", "2024-10-21",
     [("three days", "two days")]),
    ("The strike lasted five straight days, from 3 to 8 June.", "2024-07-01",
     [("five straight days", "six straight days")]),
    ("A 12-day strike began on 4 September and ended on 12 September.", "2024-10-01",
     [("12-day", "9-day")]),
    ("A 12-day strike began on 4 September and ended on 11 September.", "2024-10-01",
     [("A 12-day", "An 8-day")]),  # the article follows the number
    ("Guests stayed three nights, arriving on 3 June and leaving on 7 June.", "2024-05-28",
     [("three nights", "four nights")]),
    ("The road will be closed for three weeks, from 3 to 16 June.", "2024-05-28",
     [("three weeks", "two weeks")]),
    ("The road will be closed for two weeks, from 3 to 10 June.", "2024-05-28",
     [("two weeks", "one week")]),
    ("Dockers will stage a 24-hour strike from 6am on Monday to 6am on Wednesday.",
     "2024-07-01", [("24-hour", "48-hour")]),
    ("The 90-minute meeting ran from 2pm to 4pm on Monday.", "2024-07-01",
     [("90-minute", "120-minute")]),
])
def test_duration_mismatch_suggests_the_length_in_the_copys_style(text, date, fixes):
    assert _fixes(text, date, "duration-mismatch") == fixes


@pytest.mark.parametrize(("text", "date"), [
    ("The nine-month review, which ran from March to May 2023, found no fault.",
     "2024-07-01"),  # two or three months, counting the ends or not
    ("She served 14 years on the bench, from 1991 until she retired in 2011.", "2024-07-01"),
    ("The gallery reopened on Saturday after a three-year refit that began in October "
     "2022.", "2024-10-14"),  # the refit may have ended before
    ("Volunteers have cleared the canal over the past decade, since 2019.", "2024-07-01"),
])
def test_duration_mismatch_suggests_nothing_without_one_count(text, date):
    assert _fixes(text, date, "duration-mismatch") == []


@pytest.mark.parametrize(("text", "date", "fixes"), [
    ("Margarethe Vollmer has died aged 82. She died on Sunday. Born on 17 June 1934, "
     "Vollmer studied piano.", "2019-01-09", [("82", "84")]),
    ("Anna Berg (born 12 May 1980) spoke. Berg, 40, said so.", "2024-06-05", [("40", "44")]),
    ("Anna Berg was born on 12 May 1980. Berg (40) spoke.", "2024-06-05", [("40", "44")]),
    ("Anna Berg, who was born on 12 May 1980, spoke. The fifty-two-year-old said so.",
     "2024-06-05", [("fifty-two", "forty-four")]),
    ("The dead included a 34-year-old guide, Pemba Dorje, who was born on 12 May 1940.",
     "2024-10-18", [("a 34", "an 84")]),
    ("The dead included an eighteen-year-old student, Tom Lee, who was born on 1 January "
     "2000.", "2024-10-18", [("an eighteen", "a twenty-four")]),
    ("Anna Berg, who was born on 12 May 1980, celebrated her 40th birthday on Saturday.",
     "2024-05-14", [("40th", "44th")]),
    # a birth year alone, and a birthday on a dated day: one age
    ("Anna Berg, born in 1980, turned 40 on Saturday.", "2024-05-14", [("40", "44")]),
    # a birth month: the time after it in the year leaves one age
    ("Anna Berg, who was born in March 1980, is 40.", "2024-05-14", [("40", "44")]),
])
def test_age_mismatch_suggests_the_age_from_the_birth_date(text, date, fixes):
    assert _fixes(text, date, "age-mismatch") == fixes


@pytest.mark.parametrize(("text", "date"), [
    ("Anna Berg, who was born in 1980, is 40.", "2024-05-14"),  # 43 or 44
    ("Ruth Ames (b. 1960) died on Monday aged 70.", "2024-06-05"),
    ("The dead included a 34-year-old guide, Pemba Dorje, who was born in 1985.",
     "2024-10-18"),
    ("Anna Berg, who was born on 12 May 1980, celebrated her fortieth birthday on "
     "Saturday.", "2024-05-14"),  # an ordinal in words is left to the editor
])
def test_age_mismatch_suggests_nothing_when_the_age_is_not_exact(text, date):
    assert _fixes(text, date, "age-mismatch") == []


def test_number_words_come_from_the_lexicon():
    from checker.facts import words
    assert [words.number_like(n, like) for n, like in (
        (4, "three"), (9, "12"), (36, "35th"), (22, "21st"), (53, "Fifty-two"), (2, "a"),
        (100, "ninety"), (36, "thirty-fifth"))] == \
        ["four", "9", "36th", "22nd", "Fifty-three", "two", None, None]
    assert words.count_like(1, "day", "five", " ", "days") == "one day"
    assert words.count_like(4, "day", "three", "-", "day") == "four-day"
    assert words.count_like(2, "week", "a", " ", "fortnight") is None  # not its unit's word
    assert words.count_like(3, "hour", "48", "-", "hr") is None  # an abbreviation


STORY = ("Headline\n\nThe three-day summit opened on Monday and closed on Thursday. The "
         "ferry sank yesterday, 10 April. Anna Berg (born 12 May 1980) spoke. Berg, 40, "
         "said so.\n")


def test_the_new_suggestions_reach_every_view(root, tmp_path):
    """The real command: text, JSON, SARIF and --diff each carry the three fixes."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")

    def run(*args: str) -> str:
        result = subprocess.run([_copydesk(root), "check", "story.txt", "--date",
                                 "2024-04-10", *args], cwd=tmp_path, capture_output=True,
                                check=False, text=True)
        assert result.returncode == 1, result.stderr
        return result.stdout

    text = run()
    for said in ("did you mean 'four-day'? the length its dates give",
                 "did you mean 'today'? the word that fits the date",
                 "did you mean '43'? the age the birth date gives"):
        assert said in text
    findings = json.loads(run("--format", "json"))["files"][0]["findings"]
    assert {f["rule"]: [(STORY[s["span"]["start"]:s["span"]["end"]], s["replacement"])
                        for s in f["suggestions"]] for f in findings} == {
        "duration-mismatch": [("three-day", "four-day")],
        "relative-date-conflict": [("yesterday", "today")],
        "age-mismatch": [("40", "43")]}
    log = json.loads(run("--format", "sarif"))
    assert _sarif_errors(log) == []
    assert sorted(r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]
                  ["text"] for r in log["runs"][0]["results"]) == ["43", "four-day", "today"]
    diff = run("--diff")
    assert "+The four-day summit opened on Monday and closed on Thursday. The ferry sank " \
        "today, 10 April. Anna Berg (born 12 May 1980) spoke. Berg, 43, said so.\n" in diff
    assert story.read_text(encoding="utf-8") == STORY

"""Baselines: a finding keeps its fingerprint through edits elsewhere, and --baseline
reports only what is new (checker/baseline.py, and through the CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import checker
from checker.baseline import fingerprint, load_baseline, numbered
from checker.cli import app
from checker.errors import InputError

runner = CliRunner()
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json")
                    .read_text(encoding="utf-8"))

STORY = ("Published 3 June 2024\n\n"
         "The mayor opened the bridge on Thursday, 29 May 2024, in front of a crowd.\n\n"
         "It cost a great deal, officials said.\n\n"
         "The council met again on Friday, 30 May 2024, to vote on the budget.\n")


def _prints(text: str) -> list[tuple[str, str]]:
    fr = checker.check_text(text).files[0]
    return [(f.rule, fingerprint(fr, f)) for f in fr.findings]


def test_the_story_has_two_findings():
    assert [rule for rule, _ in _prints(STORY)] == ["weekday-mismatch", "weekday-mismatch"]


def test_fingerprints_survive_a_paragraph_added_above_and_paragraphs_moved():
    before = _prints(STORY)
    added = STORY.replace("Published 3 June 2024\n\n",
                          "Published 3 June 2024\n\nA paragraph written later, above.\n\n")
    paragraphs = STORY.split("\n\n")
    moved = "\n\n".join([paragraphs[0], paragraphs[3].rstrip("\n"), paragraphs[2],
                         paragraphs[1]]) + "\n"
    assert _prints(added) == before
    assert sorted(_prints(moved)) == sorted(before)
    # runs of white space and case do not count either
    assert _prints(STORY.replace("the bridge on Thursday, 29 May",
                                 "the  BRIDGE on Thursday,\u00a029 May")) == before


def test_changing_the_flagged_words_makes_the_finding_new():
    before = _prints(STORY)
    changed = _prints(STORY.replace("Thursday, 29 May 2024", "Tuesday, 29 May 2024"))
    assert len(changed) == 2
    assert changed[0] not in before  # the edited one is new
    assert changed[1] == before[1]  # the other is untouched
    # the words right beside it are its context: a different verb makes it new too
    beside = _prints(STORY.replace("opened the bridge on Thursday", "shut the road on Thursday"))
    assert beside[0][1] != _prints(STORY)[0][1]


def test_the_same_finding_twice_is_counted_not_merged():
    twice = STORY + "\nThe mayor opened the bridge on Thursday, 29 May 2024, in front of a crowd.\n"
    fr = checker.check_text(twice).files[0]
    prints = numbered(fr, fr.findings)
    assert prints[0].split(":")[0] == prints[2].split(":")[0]
    assert [p.split(":")[1] for p in prints] == ["0", "0", "1"]


def _run(*args: str):
    return runner.invoke(app, ["check", *args])


def test_write_then_compare(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories").mkdir()
    story = tmp_path / "stories" / "bridge.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "stories" / "clean.txt").write_text("Published 3 June 2024\n\nNothing happened.\n",
                                                    encoding="utf-8")
    written = _run("stories", "--write-baseline", "baseline.json")
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    assert "recorded 2 findings in 1 of 2 files in baseline.json" in written.stderr
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert list(recorded["files"]) == ["stories/bridge.txt"]
    assert [e["words"] for e in recorded["files"]["stories/bridge.txt"]] == [
        "Thursday … 29 May 2024", "Friday … 30 May 2024"]

    same = _run("stories", "--baseline", "baseline.json")
    assert same.exit_code == 0, same.output
    assert same.stdout.strip() == "0 errors, 0 warnings, 0 info in 2 files; 2 in baseline"

    story.write_text(STORY.replace("Published 3 June 2024\n\n", "Published 3 June 2024\n\n"
                                   "The bridge was opened on Sunday, 1 June 2024.\n\n"),
                     encoding="utf-8")
    new = _run("stories", "--baseline", "baseline.json", "-f", "json")
    assert new.exit_code == 1
    report = json.loads(new.stdout)
    assert [f["message"] for f in report["files"][0]["findings"]] == [
        "1 June 2024 is a Saturday, not a Sunday"]
    assert report["summary"]["in_baseline"] == 2 and report["summary"]["findings"] == 1
    # paths are keyed relative to the baseline file: the same run from elsewhere matches
    monkeypatch.chdir(tmp_path / "stories")
    inside = _run(".", "--baseline", "../baseline.json", "-f", "json")
    assert json.loads(inside.stdout)["summary"]["in_baseline"] == 2


def test_sarif_says_new_unchanged_and_absent_and_follows_the_schema(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    assert _run("story.txt", "--write-baseline", "b.json").exit_code == 0
    Path("story.txt").write_text(
        STORY.replace("Friday, 30 May 2024", "Thursday, 30 May 2024")  # fixed: now absent
             .replace("It cost", "On Sunday, 1 June 2024, it cost"),  # a new finding
        encoding="utf-8")
    log = json.loads(_run("story.txt", "--baseline", "b.json", "-f", "sarif").stdout)
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(log)] == []
    results = log["runs"][0]["results"]
    states = [(r["baselineState"], r["message"]["text"][:39]) for r in results]
    assert states == [("unchanged", "29 May 2024 is a Wednesday, not a Thurs"),
                      ("new", "1 June 2024 is a Saturday, not a Sunday"),
                      ("absent", "recorded in the baseline, no longer fou")]
    assert all(r["partialFingerprints"]["copydeskFingerprint/v1"] for r in results)
    assert results[2]["level"] == "none" and results[2]["kind"] == "pass"
    # without a baseline: fingerprints, and no baselineState at all
    plain = json.loads(_run("story.txt", "-f", "sarif").stdout)["runs"][0]["results"]
    assert all("baselineState" not in r and r["partialFingerprints"] for r in plain)


@pytest.mark.parametrize("content,message", [
    (None, "no such baseline; record one with"),
    ("{not json", "not a copydesk baseline (not JSON"),
    ('{"files": {}}', "not a copydesk baseline; record one with --write-baseline"),
    ('{"tool": "copydesk", "version": 99, "files": {}}', "baseline version 99"),
    ('{"tool": "copydesk", "version": 1, "files": {"a.txt": [{"rule": "x"}]}}',
     "a damaged baseline"),
])
def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        load_baseline(path)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = _run(str(story), "--baseline", str(path))
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

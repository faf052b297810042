"""Every output format, as a golden file, on the seed article and on clean copy.

Regenerate after an intended change: UPDATE_GOLDEN=1 pytest tests/test_formats.py
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import checker
from checker.cli import Format, app
from checker.report.github import to_github
from checker.report.sarif import to_sarif

runner = CliRunner()
INPUTS = {"seed": "seeds/kim-jong-un-leaves-beijing.txt", "clean": "tests/data/clean.txt"}


@pytest.mark.parametrize("fmt", [f.value for f in Format])
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_golden(root, monkeypatch, fmt, name):
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", INPUTS[name], "--format", fmt])
    assert result.exit_code == (1 if name == "seed" else 0), result.output
    golden = root / "tests" / "golden" / f"{name}.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")


def test_output_file_holds_the_same_report(root, monkeypatch, tmp_path):
    monkeypatch.chdir(root)
    target = tmp_path / "report.sarif"
    result = runner.invoke(app, ["check", INPUTS["seed"], "-f", "sarif", "-o", str(target)])
    assert result.exit_code == 1 and result.output == ""
    assert target.read_text(encoding="utf-8") == \
        (root / "tests" / "golden" / "seed.sarif").read_text(encoding="utf-8")


SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def _sarif_errors(log: object) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(log)]


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_sarif_golden_files_follow_the_official_schema(root, name):
    jsonschema.Draft202012Validator.check_schema(SARIF_SCHEMA)
    log = json.loads((root / "tests" / "golden" / f"{name}.sarif").read_text(encoding="utf-8"))
    assert _sarif_errors(log) == []


def test_sarif_with_odd_paths_and_unreadable_files_follows_the_schema(root, tmp_path):
    odd = tmp_path / "copy desk 100% é.txt"
    odd.write_text((root / INPUTS["seed"]).read_text(encoding="utf-8"), encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    report = checker.check_paths([odd, binary, tmp_path / "missing.txt"])
    log = json.loads(to_sarif(report))
    assert _sarif_errors(log) == []
    run = log["runs"][0]
    assert run["results"] and not run["invocations"][0]["executionSuccessful"]
    assert len(run["invocations"][0]["toolExecutionNotifications"]) == 2
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == odd.as_uri() and "%20" in uri and "%25" in uri


def test_the_schema_check_rejects_broken_logs(root):
    """The validation above can fail: a wrong level, a lost version, a raw space in a URI."""
    good = json.loads((root / "tests" / "golden" / "seed.sarif").read_text(encoding="utf-8"))
    result = good["runs"][0]["results"][0]
    result["level"] = "fatal"
    result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "my copy.txt"
    del good["version"]
    errors = _sarif_errors(good)
    assert len(errors) == 3, errors
    assert any("'version' is a required property" in e for e in errors)
    assert any("'fatal' is not one of" in e for e in errors)
    assert any("is not a 'uri-reference'" in e for e in errors)


def test_sarif_rule_indexes_and_regions(root, monkeypatch):
    """What the schema cannot say: ruleIndex points at ruleId, regions are 1-based and ordered."""
    monkeypatch.chdir(root)
    log = json.loads(runner.invoke(app, ["check", INPUTS["seed"], "-f", "sarif"]).output)
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) == 11  # ten rules and unused-suppression
    assert run["results"]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"],
                                                            region["startColumn"])


def test_junit_is_well_formed_xml(root, monkeypatch):
    monkeypatch.chdir(root)
    out = runner.invoke(app, ["check", INPUTS["seed"], INPUTS["clean"], "-f", "junit"]).output
    suites = ET.fromstring(out.encode("utf-8"))
    cases = suites.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [INPUTS["seed"], INPUTS["clean"]]
    assert cases[0].find("failure") is not None and cases[1].find("failure") is None
    only_errors = runner.invoke(app, ["check", INPUTS["seed"], "-f", "junit",
                                      "--fail-on", "error"]).output
    case = ET.fromstring(only_errors.encode("utf-8")).find("./testsuite/testcase")
    assert case.find("failure") is None and "stale-reference" in case.find("system-out").text


HOSTILE = ("It opened on Thursday, 29 May 2024 %0A::set-output name=x::pwned\n"
           "::error::fake, with: colons\r\n::add-mask::secret")


def test_github_commands_cannot_be_injected_by_copy(tmp_path):
    path = tmp_path / "evil%0A::warning::x,y:z.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    report = checker.check_file(path)
    assert report.findings  # the weekday mismatch on the first line
    out = to_github(report)
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(report.findings)  # one command per finding, nothing more
    for line in commands:
        head, _, _message = line[2:].partition("::")
        assert "\r" not in line and "%0A::" not in line.replace("%250A::", "")
        props = head.split(" ", 1)[1]
        # property values carry no raw ':' or ',' that could end them early
        for prop in props.split(","):
            key, _, value = prop.partition("=")
            assert key in ("file", "line", "col", "endColumn", "endLine", "title")
            assert ":" not in value and "," not in value
    assert "evil%250A%3A%3Awarning%3A%3Ax%2Cy%3Az.txt" in out


def test_markdown_escapes_table_breakers(tmp_path):
    path = tmp_path / "a|b.txt"
    path.write_text("It opened on Thursday, 29 May 2024 | <b>x</b>.\n", encoding="utf-8")
    out = runner.invoke(app, ["check", str(path), "-f", "markdown"]).output
    row = next(line for line in out.splitlines() if "weekday-mismatch" in line)
    assert "a\\|b.txt" in row and row.count(" | ") == 4


@pytest.mark.parametrize("fmt", ["markdown", "github", "junit", "codequality"])
def test_one_line_views_say_the_suggested_fix(tmp_path, fmt):
    """Views with one line per finding carry its likeliest fix in words, so a reviewer in a
    pull request sees it without opening the text report."""
    story = tmp_path / "story.txt"
    story.write_text("It opened on Thursday, 29 May 2024.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", fmt, str(story)])
    assert result.exit_code == 1, result.output
    assert "did you mean 'Wednesday'? the weekday that fits the date" in result.output
    clean = tmp_path / "clean.txt"
    clean.write_text("It opened on Wednesday, 29 May 2024. Crowds came.\n", encoding="utf-8")
    assert "did you mean" not in CliRunner().invoke(app, ["check", "--format", fmt,
                                                          str(clean)]).output

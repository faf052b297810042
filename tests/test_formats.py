"""Every output format, as a golden file, on the seed article and on clean copy.

Regenerate after an intended change: UPDATE_GOLDEN=1 pytest tests/test_formats.py
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

import checker
from checker.cli import Format, app
from checker.formats import to_github

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


def test_sarif_structure(root, monkeypatch):
    """The SARIF 2.1.0 shape code-scanning tools rely on (required keys, enums, 1-based)."""
    monkeypatch.chdir(root)
    log = json.loads(runner.invoke(app, ["check", INPUTS["seed"], "-f", "sarif"]).output)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) == 11  # ten rules and unused-suppression
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("none", "note", "warning", "error")
        assert result["message"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"],
                                                            region["startColumn"])
        for related in result.get("relatedLocations", []):
            assert isinstance(related["id"], int) and related["message"]["text"]


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
        head, _, message = line[2:].partition("::")
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

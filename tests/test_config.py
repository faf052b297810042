"""Configuration: where it is found, what wins, and what is refused."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner()
STORY = ("It opened on Thursday, 29 May 2024. Three people died; the four victims were "
         "named. The recent floods of March 2022 were worse.\n")


def _run(*args: str):
    return runner.invoke(app, list(args))


def _rules(result) -> list[str]:
    return sorted({f["rule"] for f in json.loads(result.output)["files"][0]["findings"]})


def test_nearest_configuration_wins_and_the_command_line_wins_over_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.copydesk]\nignore = ["weekday-mismatch"]\n', encoding="utf-8")
    desk = tmp_path / "desk" / "2024"
    desk.mkdir(parents=True)
    story = desk / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    everything = _rules(_run("check", str(story), "-f", "json", "--date", "2024-05-29",
                             "--ignore", "name-variant"))
    assert "weekday-mismatch" in everything and "number-conflict" in everything
    assert "weekday-mismatch" not in _rules(_run("check", str(story), "-f", "json"))
    (tmp_path / "desk" / "copydesk.toml").write_text('select = ["number-conflict"]\n',
                                                     encoding="utf-8")
    assert _rules(_run("check", str(story), "-f", "json")) == ["number-conflict"]


def test_severity_override_and_fail_on(tmp_path):
    (tmp_path / ".copydesk.toml").write_text(
        'fail-on = "error"\n[severity]\nnumber-conflict = "info"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Three people died; the four victims were named.\n", encoding="utf-8")
    result = _run("check", str(story), "-f", "json")
    assert result.exit_code == 0
    assert [f["severity"] for f in json.loads(result.output)["files"][0]["findings"]] == ["info"]
    assert _run("check", str(story), "--fail-on", "info").exit_code == 1


def test_rule_parameter(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The recent storm, which struck in April 2023, was worse.\n", encoding="utf-8")
    base = ["check", str(story), "-f", "json", "--date", "2024-05-29"]
    assert _rules(_run(*base)) == []  # about 13 months: still "recent" by default
    (tmp_path / "copydesk.toml").write_text('[rules.stale-reference]\nrecent-days = 365\n',
                                            encoding="utf-8")
    assert _rules(_run(*base)) == ["stale-reference"]


def test_unknown_keys_rules_and_values_are_errors_listing_the_valid_ones(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    config = tmp_path / "copydesk.toml"
    for text, expected in (
        ('selcet = ["x"]\n', "valid keys: select"),
        ('ignore = ["weekday-mismatc"]\n', "valid ids: weekday-mismatch"),
        ('[severity]\nimpossible-date = "fatal"\n', "error, warning, info"),
        ('[rules.stale-reference]\nwindow = 3\n', "valid: recent-days"),
        ('fail-on = "sometimes"\n', "error, warning, info, never"),
        ("select = [\n", "cannot read configuration"),
    ):
        config.write_text(text, encoding="utf-8")
        result = _run("check", str(story))
        assert result.exit_code == 2, text
        assert expected in result.output and str(config) in result.output, result.output


def test_config_command_shows_values_and_sources(tmp_path):
    (tmp_path / "copydesk.toml").write_text(
        'ignore = ["name-variant"]\nfacts = "people.toml"\n[severity]\nage-mismatch = "error"\n',
        encoding="utf-8")
    out = _run("config", str(tmp_path)).output
    assert f"configuration file: {tmp_path / 'copydesk.toml'}" in out
    assert "name-variant" in out and "severity.age-mismatch" in out
    assert str(tmp_path / "people.toml") in out
    assert "(default)" in out  # fail-on comes from the defaults

"""Options for tools and CI: repeated options, rules as JSON, the GitLab Code Quality format,
--also, --help without internal types, findings streamed in input order, the progress bar."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker
from checker.cli import app

runner = CliRunner()
SEED = "seeds/kim-jong-un-leaves-beijing.txt"
STORY = "Published 3 June 2024\n\nThe bridge opened on Thursday, 29 May 2024.\n"


def test_repeated_select_and_ignore_add_up(root, monkeypatch):
    monkeypatch.chdir(root)

    def rules(*args: str) -> set[str]:
        out = runner.invoke(app, ["check", SEED, "-f", "json", *args]).output
        return {f["rule"] for f in json.loads(out)["files"][0]["findings"]}

    assert rules() == {"stale-reference", "event-time-conflict"}
    assert rules("--select", "stale-reference", "--select", "event-time-conflict") == \
        {"stale-reference", "event-time-conflict"}
    assert rules("--select", "stale-reference,weekday-mismatch",
                 "--select", "event-time-conflict") == {"stale-reference",
                                                        "event-time-conflict"}
    assert rules("--ignore", "stale-reference", "--ignore", "event-time-conflict") == set()
    bad = runner.invoke(app, ["check", SEED, "--select", "a", "--select", "no-such-rule"])
    assert bad.exit_code == 2 and "no-such-rule" in bad.output


def test_rules_as_json_for_tools():
    from checker.rules import ALL_RULES

    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [r["id"] for r in listed["rules"]] == [r.id for r in ALL_RULES]
    first = listed["rules"][0]
    assert set(first) == {"id", "severity", "title", "rationale", "examples"}
    assert any(ex["flags"] for ex in first["examples"])
    assert runner.invoke(app, ["rules"]).stdout.splitlines()[0].startswith(ALL_RULES[0].id)


@pytest.mark.parametrize("command", ["check", "timeline", "rules", "explain", "config"])
def test_help_shows_no_internal_types(command):
    usage = runner.invoke(app, [command, "--help"]).output
    for internal in ("<list[", "<str>", "<int", "range>", "[default: (", "x>=",
                     "no-statistics", "[default: None]"):
        assert internal not in usage, (command, internal)


def test_codequality_is_gitlabs_report(root, monkeypatch, tmp_path):
    monkeypatch.chdir(root)
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01")
    result = runner.invoke(app, ["check", SEED, str(bad), "-f", "codequality"])
    issues = json.loads(result.stdout)
    assert result.exit_code == 2  # the unreadable file
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity",
                              "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert not issue["location"]["path"].startswith("/")  # relative to the repository
    assert [i["check_name"] for i in issues] == ["stale-reference", "event-time-conflict",
                                                 "copydesk/input-error"]
    assert issues[0]["location"] == {"path": SEED, "lines": {"begin": 6}}
    assert len({i["fingerprint"] for i in issues}) == 3
    # the fingerprint is not a line number: a paragraph added above keeps it
    moved = tmp_path / "story.txt"
    moved.write_text((root / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    once = json.loads(runner.invoke(app, ["check", "story.txt", "-f", "codequality"]).stdout)
    text = moved.read_text(encoding="utf-8")
    moved.write_text(text.replace("\n\n", "\n\nA paragraph added above.\n\n", 1),
                     encoding="utf-8")
    again = json.loads(runner.invoke(app, ["check", "story.txt", "-f", "codequality"]).stdout)
    assert [i["fingerprint"] for i in once] == [i["fingerprint"] for i in again]
    assert [i["location"]["lines"]["begin"] for i in once] != \
        [i["location"]["lines"]["begin"] for i in again]


def test_also_writes_more_formats_from_the_same_run(root, monkeypatch, tmp_path):
    monkeypatch.chdir(root)
    summary, sarif = tmp_path / "summary.md", tmp_path / "copydesk.sarif"
    result = runner.invoke(app, ["check", SEED, "-f", "github", "--also",
                                 f"markdown:{summary}", "--also", f"sarif:{sarif}"])
    assert result.exit_code == 1
    assert result.stdout.count("::warning ") == 2
    table = summary.read_text(encoding="utf-8")
    assert table.count("| `seeds/kim-jong-un-leaves-beijing.txt` |") == 2
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == 2
    bad = runner.invoke(app, ["check", SEED, "--also", "pdf:x.pdf"])
    assert bad.exit_code == 2 and "give FORMAT:FILE" in bad.output


def test_on_file_hands_reports_over_in_input_order(tmp_path):
    paths = []
    for i in range(10):
        path = tmp_path / f"s{i}.txt"
        path.write_text(STORY.replace("bridge", f"bridge {i}"), encoding="utf-8")
        paths.append(str(path))
    paths.insert(3, str(tmp_path / "missing.txt"))
    for jobs in (1, 2):
        seen: list[str] = []
        report = checker.check_paths(paths, jobs=jobs, on_file=lambda fr, seen=seen:
                                     seen.append(fr.path))
        assert seen == paths == [fr.path for fr in report.files]


def test_text_findings_are_printed_as_files_finish(tmp_path, monkeypatch):
    """The first file's findings are out before the last file is analysed."""
    from checker import engine, stream

    events: list[str] = []
    real_report, real_echo = engine._file_report, stream.Live.echo

    def file_report(analysis, *args, **kwargs):
        events.append(f"analysed {Path(analysis.article.path).name}")
        return real_report(analysis, *args, **kwargs)

    def echo(self, text):
        events.append(f"printed {Path(text.split(':')[0]).name}")
        return real_echo(self, text)

    monkeypatch.setattr(engine, "_file_report", file_report)
    monkeypatch.setattr(stream.Live, "echo", echo)
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "-j", "1"])
    assert result.exit_code == 1
    assert events == ["analysed s0.txt", "printed s0.txt", "analysed s1.txt",
                      "printed s1.txt", "analysed s2.txt", "printed s2.txt"]
    assert result.stdout.endswith("3 errors, 0 warnings, 0 info in 3 files\n")


def _copydesk(root: Path) -> str:
    return shutil.which("copydesk", path=str(root / ".venv" / "bin")) or \
        str(Path(sys.executable).parent / "copydesk")


def _on_a_terminal(args: list[str], cwd: Path) -> str:
    """Run the real command with stdout and stderr on a pseudo-terminal; all it drew."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=follower,
                            stderr=follower, env={**os.environ, "COLUMNS": "100",
                                                  "TERM": "xterm"})
    os.close(follower)
    out = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(leader)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8", "replace"))


def test_progress_bar_on_a_terminal_only(root, tmp_path):
    for i in range(6):
        (tmp_path / f"s{i}.txt").write_text(STORY, encoding="utf-8")
    exe = _copydesk(root)
    drawn = _on_a_terminal([exe, "check", str(tmp_path), "-j", "1"], tmp_path)
    assert "checking" in drawn and "1/6 files" in drawn and "6/6 files" in drawn, drawn
    assert drawn.count("weekday-mismatch") == 6
    quiet = _on_a_terminal([exe, "check", str(tmp_path), "-j", "1", "--quiet"], tmp_path)
    assert "/6 files" not in quiet and quiet.count("weekday-mismatch") == 6
    piped = subprocess.run([exe, "check", str(tmp_path), "-j", "1"], capture_output=True,
                           text=True, check=False)
    assert piped.returncode == 1 and piped.stderr == ""
    assert piped.stdout.count("weekday-mismatch") == 6

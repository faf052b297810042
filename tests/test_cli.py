"""The command line, through typer's CliRunner and once as a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner()
SEED = "seeds/kim-jong-un-leaves-beijing.txt"


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_check_seed_text_output(root, monkeypatch):
    monkeypatch.chdir(root)
    result = run("check", SEED)
    assert result.exit_code == 1  # warnings, and --fail-on defaults to warning
    assert f"{SEED}:6:300: warning stale-reference" in result.output
    assert "^^^^^^^^^" in result.output
    assert result.output.rstrip().endswith("0 errors, 2 warnings, 0 info in 1 file")


def test_fail_on_levels(root, monkeypatch):
    monkeypatch.chdir(root)
    assert run("check", SEED, "--fail-on", "error").exit_code == 0
    assert run("check", SEED, "--fail-on", "never").exit_code == 0
    assert run("check", SEED, "--fail-on", "info").exit_code == 1


def test_select_and_ignore(root, monkeypatch):
    monkeypatch.chdir(root)
    out = json.loads(run("check", SEED, "-f", "json", "--select", "stale-reference").output)
    assert [f["rule"] for f in out["files"][0]["findings"]] == ["stale-reference"]
    out = json.loads(run("check", SEED, "-f", "json", "--ignore", "stale-reference").output)
    assert [f["rule"] for f in out["files"][0]["findings"]] == ["event-time-conflict"]
    bad = run("check", SEED, "--select", "no-such-rule")
    assert bad.exit_code == 2 and "valid ids" in bad.output


def test_clean_copy_exits_zero(tmp_path):
    story = tmp_path / "clean.txt"
    story.write_text("LONDON, 5 June 2024 —\n\nThe council met on Tuesday.\n", encoding="utf-8")
    result = run("check", str(story))
    assert result.exit_code == 0, result.output


def test_bad_file_is_reported_and_others_still_checked(tmp_path, root):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 \xff")
    good = tmp_path / "good.txt"
    good.write_text("It opened on Thursday, 29 May 2024.\n", encoding="utf-8")
    result = run("check", str(bad), str(good), "--format", "json")
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert "not UTF-8" in files[0]["error"]
    assert files[1]["findings"][0]["rule"] == "weekday-mismatch"


def test_missing_path_and_bad_date(tmp_path):
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "no such file" in result.output
    result = run("check", str(tmp_path), "--date", "29/05/2024")
    assert result.exit_code == 2


def test_directory_and_stdin(tmp_path):
    (tmp_path / "a.txt").write_text("Submissions close on 31 April.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Nothing to see.\n", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    out = json.loads(run("check", str(tmp_path), "-f", "json").output)
    assert [f["path"].rsplit("/", 1)[1] for f in out["files"]] == ["a.txt", "b.md"]
    out = json.loads(run("check", "-", "-f", "json", input="Due on June 31.\n").output)
    assert out["files"][0]["findings"][0]["rule"] == "impossible-date"


def test_rules_and_explain():
    listing = run("rules").output
    assert "weekday-mismatch" in listing and "duration-mismatch" in listing
    explained = run("explain", "weekday-mismatch")
    assert explained.exit_code == 0 and "flags" in explained.output
    assert run("explain", "nope").exit_code == 2


def test_timeline_json(root, monkeypatch):
    monkeypatch.chdir(root)
    out = json.loads(run("timeline", SEED, "-f", "json").output)
    values = {m["text"]: m["value"] for m in out["files"][0]["mentions"]}
    assert values["June 2018"] == "2018-06" and values["four days"] == "P4D"


def test_real_subprocess_json(root):
    exe = shutil.which("copydesk", path=str(root / ".venv" / "bin")) or "copydesk"
    proc = subprocess.run([exe, "check", SEED, "--format", "json"], cwd=root,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["version"] == 1
    assert {f["rule"] for f in report["files"][0]["findings"]} == {"stale-reference",
                                                                   "event-time-conflict"}
    proc = subprocess.run([sys.executable, "-m", "checker", "rules"], capture_output=True,
                          text=True, check=True)
    assert "impossible-date" in proc.stdout


def test_jobs_give_the_same_report_in_input_order(root):
    corpus = sorted((root.parent / "shared" / "corpus" / "dev").glob("*.txt"))[:9]
    if not corpus:  # a checkout without the shared corpus: use the seed and rule examples
        corpus = [root / SEED] * 9
    args = ["check", *map(str, corpus), "-f", "json", "--date", "2024-05-29"]
    one = run(*args, "--jobs", "1")
    two = run(*args, "--jobs", "2")
    assert one.exit_code == two.exit_code and one.output == two.output
    assert [f["path"] for f in json.loads(two.output)["files"]] == list(map(str, corpus))


def test_rules_explain_and_help_do_not_load_spacy():
    code = ("import sys; from typer.testing import CliRunner; from checker.cli import app; "
            "[CliRunner().invoke(app, a) for a in (['rules'], ['explain', 'impossible-date'], "
            "['--help'], ['check', '--help'])]; print('spacy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == "False"

"""Issue 16's definition of done: a repository of 200 stories with old findings adopts
copydesk with one baseline command, and CI then fails only on new findings in changed
lines. Real git, the real command (a subprocess of the installed copydesk)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from gitrepo import GIT_ENV, Repo
from recipes import DIRS, NEW_FINDING, NEW_PARAGRAPH, edit_on_a_branch, make_archive, story_path

STORIES = 200
BASELINE = ".copydesk-baseline.json"


def _copydesk(root: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("copydesk", path=str(root / ".venv" / "bin")) or \
        str(Path(sys.executable).parent / "copydesk")
    return subprocess.run([exe, *args], cwd=cwd, env=GIT_ENV, capture_output=True, text=True,
                          check=False, stdin=subprocess.DEVNULL)


def test_an_archive_of_200_stories_adopts_copydesk(root, tmp_path):
    repo = Repo(tmp_path / "newsroom")
    old = make_archive(repo, STORIES)
    assert old == 160

    # before: every pull request would fail on the archive's old findings
    before = _copydesk(root, "check", *DIRS, "-f", "json", cwd=repo.path)
    assert before.returncode == 1
    assert json.loads(before.stdout)["summary"]["findings"] == old

    # adoption: one command, then the file is committed
    adopt = _copydesk(root, "check", *DIRS, "--write-baseline", BASELINE, cwd=repo.path)
    assert adopt.returncode == 0, adopt.stderr
    assert f"recorded {old} findings in {old} of {STORIES} files" in adopt.stderr
    repo.commit("copydesk baseline")

    # a day's work on a branch: one new finding; a paragraph added above an old finding;
    # a sentence added on an old finding's own line; a new clean story
    edit_on_a_branch(repo, STORIES)
    ci = ("check", *DIRS, "--baseline", BASELINE, "--changed-since", "main",
          "--changed-lines", "-f", "json")
    result = _copydesk(root, *ci, cwd=repo.path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    findings = [(Path(fr["path"]).name, f["message"]) for fr in report["files"]
                for f in fr["findings"]]
    assert findings == [("story-001.txt", NEW_FINDING)]
    assert len(report["files"]) == 4  # only the changed files were checked
    # the two old findings in edited files: one on a changed line, set aside by the baseline
    assert report["summary"]["in_baseline"] == 3
    assert report["summary"]["outside_changed_lines"] == 0
    # changed lines alone are not enough: the sentence added on an old finding's line
    # brings that finding back without the baseline
    lines_only = _copydesk(root, *[a for a in ci if a not in ("--baseline", BASELINE)],
                           cwd=repo.path)
    names = [Path(fr["path"]).name for fr in json.loads(lines_only.stdout)["files"]
             for _ in fr["findings"]]
    assert sorted(names) == ["story-001.txt", "story-003.txt"]

    # the desk fixes the new paragraph: CI passes, the archive's old findings still there
    fixed = story_path(repo, 1)
    fixed.write_text(fixed.read_text(encoding="utf-8").replace(NEW_PARAGRAPH, "The council "
                                                               "met again to approve the plan."),
                     encoding="utf-8")
    repo.commit("fix")
    again = _copydesk(root, *ci, cwd=repo.path)
    assert again.returncode == 0, again.stdout
    assert json.loads(again.stdout)["summary"]["findings"] == 0
    everything = _copydesk(root, "check", *DIRS, "-f", "json", cwd=repo.path)
    assert json.loads(everything.stdout)["summary"]["findings"] == old

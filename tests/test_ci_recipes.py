"""Every command of the README's CI section runs as written (tests/recipes.py); the install
lines run in .ci/run, from a fresh clone."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from gitrepo import Repo
from recipes import check_all, make_archive, recipes


def test_every_readme_recipe_reports_only_the_new_finding(root, tmp_path):
    repo = Repo(tmp_path / "newsroom")
    make_archive(repo, 12)
    problems = check_all(root, repo, bin_dir=Path(sys.executable).parent, action_path=root,
                         install=False, count=12)
    assert problems == []


def test_the_install_lines_install_from_the_repository(root):
    book = recipes(root)
    install = [line for line in book.gitlab["copydesk"]["script"] if "pip install" in line]
    assert len(install) == 1 and '"copydesk[model] @ git+https://' in install[0]
    action = yaml.safe_load((root / "action.yml").read_text(encoding="utf-8"))
    steps = {step["name"]: step for step in action["runs"]["steps"]}
    assert '"$ACTION_PATH[model]"' in steps["Install copydesk"]["run"]
    assert steps["Install copydesk"]["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert "pip install" not in ".".join(s.get("run", "") for s in action["runs"]["steps"]
                                         if s["name"] != "Install copydesk")


def test_the_action_leaves_the_callers_python_alone(root):
    action = yaml.safe_load((root / "action.yml").read_text(encoding="utf-8"))
    steps = {step["name"]: step for step in action["runs"]["steps"]}
    setup = steps["Set up Python 3.11 for copydesk only"]
    assert setup["with"]["update-environment"] is False
    assert setup["if"] == "steps.python.outputs.path == ''"
    assert "VENV" in steps["Install copydesk"]["env"]  # its own virtual environment
    cache = steps["Cache pip downloads"]
    assert cache["uses"].startswith("actions/cache@")
    assert cache["with"]["path"] == steps["Install copydesk"]["env"]["PIP_CACHE_DIR"]
    upload = steps["Upload SARIF to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "steps.check.outputs.sarif" in upload["if"] and "!cancelled()" in upload["if"]


def test_action_paths_are_one_per_line_not_split_on_spaces(root, tmp_path):
    """A path with spaces reaches copydesk whole; blank lines and indentation are dropped."""
    import subprocess

    from recipes import environment

    for name in ("opinion pieces", "news"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text("Published 3 June 2024\n\nIt opened on "
                                                "Thursday, 29 May 2024.\n", encoding="utf-8")
    env = environment(Path(sys.executable).parent, COPYDESK_PATHS="  opinion pieces/\n\nnews\n",
                      COPYDESK_ARGS="--select weekday-mismatch --date 2024-06-03")
    proc = subprocess.run(["bash", str(root / "scripts" / "github-action.sh")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert [a.split(",")[0] for a in annotations] == ["::error file=opinion pieces/a.txt",
                                                      "::error file=news/a.txt"]

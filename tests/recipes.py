"""The README's CI recipes, read from the README itself, run on a story archive in a real git
repository: adopt (a baseline written and committed), a branch that adds a paragraph,
then each recipe (the commands, pre-commit's hook, the GitHub action's steps, the GitLab
job's script) must report that paragraph's finding and nothing else.

tests/test_ci_recipes.py runs them with the copydesk under test. `.ci/run` runs this file,
`python tests/recipes.py`: a fresh clone of the repository, copydesk installed from it the
way the README's GitLab job and action.yml install it, then the same recipes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from gitrepo import GIT_ENV, Repo

DIRS = ("stories", "opinion pieces")  # the README's paths; one holds a space
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PLACES = ("Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick", "Garston", "Hexham")
_THINGS = ("bridge", "library", "clinic", "market", "stadium", "school", "museum", "depot")


# ----------------------------------------------------------------- the README

@dataclass(frozen=True)
class Recipes:
    adopt: list[str]  # shell lines: write and commit the baseline
    branch: list[str]  # shell lines: what CI runs on a branch
    precommit: dict
    github: dict
    gitlab: dict


def recipes(root: Path) -> Recipes:
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### In CI\n"):]
    section = section[:section.index("\n### ", 1)]
    blocks = re.findall(r"```(\w+)\n(.*?)```", section, re.DOTALL)
    shell = [body for lang, body in blocks if lang == "sh"]
    docs = [yaml.safe_load(body) for lang, body in blocks if lang == "yaml"]
    assert len(shell) == 2 and len(docs) == 3, "the README's CI section changed shape"
    return Recipes(adopt=_lines(shell[0]), branch=_lines(shell[1]), precommit=docs[0],
                   github=docs[1], gitlab=docs[2])


def _lines(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.strip() and not line.startswith("#")]


# ----------------------------------------------------------------- the archive

def _day(i: int) -> dt.date:
    return dt.date(2023, 1, 2) + dt.timedelta(days=(i * 5) % 500)


# The paragraph a branch adds to story 1: a wrong weekday for the day after its event.
_MET = _day(1) + dt.timedelta(days=1)
NEW_PARAGRAPH = (f"The council met again on {_DAYS[(_MET.weekday() + 1) % 7]}, "
                 f"{_MET.day} {_MET:%B %Y}, to approve the plan.")
NEW_FINDING = f"{_MET.day} {_MET:%B %Y} is a {_DAYS[_MET.weekday()]}, not a " \
              f"{_DAYS[(_MET.weekday() + 1) % 7]}"


def story(i: int) -> str:
    """Story i: an old finding (a weekday that is not its date's) in most, none in every
    fifth; different words in each, as in an archive."""
    day = _day(i)
    weekday = _DAYS[day.weekday()] if i % 5 == 0 else _DAYS[(day.weekday() + 1) % 7]
    place, thing = _PLACES[i % len(_PLACES)], _THINGS[(i // len(_PLACES)) % len(_THINGS)]
    published = day + dt.timedelta(days=4)
    return (f"Published {published.day} {published:%B %Y}\n\n"
            f"{place} council opened its new {thing} number {i} on {weekday}, "
            f"{day.day} {day:%B %Y}, after two years of work.\n\n"
            f"Residents of {place} had waited a long time for it, the council said.\n\n"
            f"The {thing} cost {i + 3} million pounds.\n")


def story_path(repo: Repo, i: int) -> Path:
    return repo.path / DIRS[i % len(DIRS)] / f"story-{i:03d}.txt"


def make_archive(repo: Repo, count: int) -> int:
    """`count` stories on main; returns how many hold an old finding."""
    for i in range(count):
        path = story_path(repo, i)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(story(i), encoding="utf-8")
    repo.commit("the archive")
    return sum(1 for i in range(count) if i % 5)


def edit_on_a_branch(repo: Repo, count: int) -> None:
    """What a working day brings: one new finding, and edits around old ones that must not
    bring them back (a paragraph above one; a sentence after one, on its line)."""
    repo.git("checkout", "-q", "-b", "feature")
    new = story_path(repo, 1)
    new.write_text(new.read_text(encoding="utf-8") + f"\n{NEW_PARAGRAPH}\n", encoding="utf-8")
    above = story_path(repo, 2 % count)
    text = above.read_text(encoding="utf-8")
    above.write_text(text.replace("\n\n", "\n\nA paragraph added by a sub-editor.\n\n", 1),
                     encoding="utf-8")
    beside = story_path(repo, 3 % count)
    text = beside.read_text(encoding="utf-8")
    beside.write_text(text.replace("after two years of work.",
                                   "after two years of work. It rained all day."),
                      encoding="utf-8")
    (repo.path / DIRS[0] / "story-new.txt").write_text(
        "Published 3 June 2024\n\nA new story, with nothing wrong in it.\n", encoding="utf-8")
    repo.commit("a day's edits")


# ----------------------------------------------------------------- running them

def shell(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, stdin=subprocess.DEVNULL)


def environment(bin_dir: Path | None, **extra: str) -> dict[str, str]:
    env = dict(GIT_ENV)
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env.pop("GITHUB_STEP_SUMMARY", None)
    env.pop("GITHUB_OUTPUT", None)
    env.update(extra)
    return env


_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def expand(value: object, context: dict[str, str]) -> str:
    """GitHub's ${{ a.b || c.d }} for the names the action uses; anything else is an error."""
    def one(match: re.Match[str]) -> str:
        for name in (part.strip() for part in match.group(1).split("||")):
            if name not in context:
                raise KeyError(f"the test does not know ${{{{ {name} }}}}")
            if context[name]:
                return context[name]
        return ""

    return _EXPRESSION.sub(one, str(value))


def run_action(action: dict, inputs: dict[str, object], *, action_path: Path, workspace: Path,
               runner_temp: Path, github: dict[str, str], env: dict[str, str],
               install: bool) -> tuple[int, str, dict[str, str]]:
    """The composite action's `run:` steps, in order, as the runner runs them (bash, env
    from expressions, outputs through $GITHUB_OUTPUT). `uses:` steps are GitHub's own
    actions and are not run here. Returns the failing (or last) step's exit status, the
    output of the check step and the step summary."""
    context = {f"inputs.{name}": str(spec.get("default", "")) for name, spec in
               action["inputs"].items()}
    # the workflow's own expressions (the pull request's base) are filled in by GitHub
    # before the action sees its inputs
    context.update({f"inputs.{name}": expand("true" if value is True else "false"
                                             if value is False else value, github)
                    for name, value in inputs.items()})
    context.update({"runner.temp": str(runner_temp), "github.action_path": str(action_path),
                    "runner.os": "Linux", "github.action_ref": "test"})
    context.update(github)
    context["steps.setup.outputs.python-path"] = ""  # setup-python is not run here
    summary = runner_temp / "step-summary.md"
    output_text = ""
    status = 0
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        if not install and step["name"] == "Install copydesk":
            continue
        outputs = runner_temp / f"output-{step.get('id', 'step')}"
        outputs.write_text("", encoding="utf-8")
        if step.get("id") == "check":
            summary.write_text("", encoding="utf-8")
        step_env = {**env, "GITHUB_OUTPUT": str(outputs), "GITHUB_STEP_SUMMARY": str(summary),
                    "GITHUB_ACTION_PATH": str(action_path), "GITHUB_WORKSPACE": str(workspace)}
        step_env.update({k: expand(v, context) for k, v in step.get("env", {}).items()})
        proc = subprocess.run(["bash", "-e", "-c", expand(step["run"], context)], cwd=workspace,
                              env=step_env, capture_output=True, text=True, check=False,
                              stdin=subprocess.DEVNULL)
        for line in outputs.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            context[f"steps.{step.get('id')}.outputs.{key}"] = value
        if step.get("id") == "check":
            output_text = proc.stdout + proc.stderr
        status = proc.returncode
        if status:
            if step.get("id") != "check":
                raise RuntimeError(f"step {step['name']!r} failed:\n{proc.stdout}{proc.stderr}")
            break
    return status, output_text, {"summary": summary.read_text(encoding="utf-8"),
                                 **{k: v for k, v in context.items() if k.startswith("steps.")}}


def check_all(root: Path, repo: Repo, *, bin_dir: Path | None, action_path: Path,
              install: bool, count: int, gitlab_install: str | None = None) -> list[str]:
    """Every recipe of the README on `repo` (archive made, not yet adopted). `install`: run
    the action's install step; `gitlab_install`: the GitLab job's install line, pointed at
    a local clone (None: left out). Returns the problems found; empty when every recipe
    does what the README says."""
    found: list[str] = []
    book = recipes(root)
    env = environment(bin_dir)
    base = repo.git("rev-parse", "HEAD").strip()
    for line in book.adopt:
        proc = shell(line, repo.path, env)
        if proc.returncode != 0:
            found.append(f"adopt: {line!r} exited {proc.returncode}: {proc.stderr.strip()}")
    edit_on_a_branch(repo, count)

    proc = shell(book.branch[0], repo.path, env)
    reported = proc.stdout.count(" weekday-mismatch ")
    if proc.returncode != 1 or reported != 1 or NEW_FINDING not in proc.stdout:
        found.append(f"branch: exit {proc.returncode}, {reported} findings:\n{proc.stdout}"
                     f"{proc.stderr}")

    # pre-commit: the hook's entry and the README's args, with the files pre-commit passes
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = hooks[0]
    args = book.precommit["repos"][0]["hooks"][0].get("args", [])
    changed = repo.git("diff", "--name-only", "-z", base, "HEAD").split("\0")
    files = [name for name in changed if name and re.search(hook["files"], name)]
    line = " ".join([hook["entry"], *map(shlex.quote, args), *map(shlex.quote, files)])
    proc = shell(line, repo.path, env)
    if proc.returncode != 1 or NEW_FINDING not in proc.stdout:
        found.append(f"pre-commit: {line} exited {proc.returncode}:\n{proc.stdout}")

    # GitHub: the README's workflow step, through action.yml's own steps
    action = yaml.safe_load((action_path / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in book.github["jobs"]["copydesk"]["steps"]
                if "copydesk" in s.get("uses", ""))
    runner_temp = Path(tempfile.mkdtemp(prefix="runner-"))
    if not install:  # the install step is .ci/run's; here the copydesk under test stands in
        (runner_temp / "copydesk-venv").mkdir()
        (runner_temp / "copydesk-venv" / "bin").symlink_to(bin_dir)
    status, output, state = run_action(
        action, step["with"], action_path=action_path, workspace=repo.path,
        runner_temp=runner_temp, install=install, env=env,
        github={"github.event.pull_request.base.sha": base})
    annotations = [line for line in output.splitlines() if line.startswith("::")]
    if status != 1 or len(annotations) != 1 or NEW_FINDING not in annotations[0]:
        found.append(f"action: exit {status}, annotations {annotations}:\n{output}")
    rows = [line for line in state["summary"].splitlines() if line.startswith("| `")]
    if len(rows) != 1 or NEW_FINDING not in state["summary"]:
        found.append(f"action: the job summary holds not just the new finding:\n"
                     f"{state['summary']}")
    sarif = state.get("steps.check.outputs.sarif", "")
    if not sarif or not Path(sarif).is_file():
        found.append("action: no SARIF file for the upload step")
    else:
        results = json.loads(Path(sarif).read_text(encoding="utf-8"))["runs"][0]["results"]
        if [r["message"]["text"][:len(NEW_FINDING)] for r in results
                if r.get("baselineState") == "new"] != [NEW_FINDING]:
            found.append(f"action: SARIF new results are not the new finding: {results}")

    # GitLab: the job's script, install line aside when the test's copydesk stands in
    job = book.gitlab["copydesk"]
    lines = [gitlab_install if line.startswith("pip install") else line
             for line in job["script"]]
    lines = [line for line in lines if line]
    gitlab_env = {**env, **{k: str(v) for k, v in job.get("variables", {}).items()},
                  "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "CI_PROJECT_DIR": str(repo.path)}
    for line in lines:
        proc = shell(line, repo.path, gitlab_env)
        last = line == lines[-1]
        if proc.returncode != (1 if last else 0):
            found.append(f"gitlab: {line!r} exited {proc.returncode}:\n{proc.stdout}"
                         f"{proc.stderr}")
    report = job["artifacts"]["reports"]
    quality = repo.path / report["codequality"]
    issues = json.loads(quality.read_text(encoding="utf-8")) if quality.exists() else None
    if not issues or [i["description"][:len(NEW_FINDING)] for i in issues] != [NEW_FINDING]:
        found.append(f"gitlab: the Code Quality report is not the new finding: {issues}")
    junit = repo.path / report["junit"]
    if not junit.exists() or junit.read_text(encoding="utf-8").count("<failure") != 1:
        found.append("gitlab: the JUnit report does not fail once")
    return found


def install_line(root: Path, clone: Path, commit: str) -> str:
    """The README's GitLab install line, pointed at a local clone instead of the server."""
    line = next(line for line in recipes(root).gitlab["copydesk"]["script"]
                if line.startswith("pip install"))
    url = re.search(r"git\+(\S+?)@v[\d.]+\"", line)
    if url is None:
        raise SystemExit(f"the README's install line installs no repository: {line}")
    return line.replace(url.group(0), f'git+file://{clone}@{commit}"')


def main() -> int:
    """.ci/run: a fresh clone, installed the README's way and the action's way."""
    root = Path(__file__).resolve().parent.parent
    work = Path(tempfile.mkdtemp(prefix="copydesk-recipes-"))
    clone = work / "copydesk"
    subprocess.run(["git", "clone", "--quiet", str(root), str(clone)], check=True,
                   env=GIT_ENV)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, check=True,
                            capture_output=True, text=True).stdout.strip()
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # as in the python:3.11 image, whose pip reads `name @ git+file://` requirements
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--upgrade", "pip"], check=True)
    line = install_line(root, clone, commit)
    print(f"recipes: {line}", flush=True)
    proc = shell(line, work, environment(venv / "bin"))
    if proc.returncode:
        print(proc.stdout + proc.stderr)
        return 1
    count = 12
    repo = Repo(work / "newsroom")
    make_archive(repo, count)
    problems = check_all(clone, repo, bin_dir=venv / "bin", action_path=clone, install=False,
                         count=count, gitlab_install=line)
    # the action's own install step, once, from the clone
    repo2 = Repo(work / "newsroom2")
    make_archive(repo2, count)
    problems += check_all(clone, repo2, bin_dir=venv / "bin", action_path=clone, install=True,
                          count=count)
    for problem in problems:
        print(f"recipes: {problem}")
    print(f"recipes: {'FAILED' if problems else 'every README CI recipe ran as written'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""--changed-since and --changed-lines against a real git repository."""

from __future__ import annotations

import json

import pytest
from gitrepo import Repo
from typer.testing import CliRunner

from checker.cli import app
from checker.errors import InputError
from checker.gitdiff import changes_since

runner = CliRunner()
OLD = ("Published 3 June 2024\n\n"
       "The bridge opened on Thursday, 29 May 2024, the mayor said.\n\n"
       "It cost a great deal.\n")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = Repo(tmp_path / "repo")
    repo.write("stories/old.txt", OLD)
    repo.write("stories/other.txt", OLD.replace("bridge", "tunnel"))
    repo.write("stories/odd name é.txt", OLD.replace("bridge", "road"))
    repo.commit("the archive")
    repo.git("checkout", "-q", "-b", "feature")
    monkeypatch.chdir(repo.path)
    return repo


def test_changed_files_and_lines(repo):
    repo.write("stories/old.txt", OLD + "\nA line added at the end.\n")
    repo.write("stories/odd name é.txt", OLD.replace("bridge", "road")
               .replace("It cost", "It cost, they said,"))
    repo.commit("edits")
    repo.write("stories/new.txt", "An untracked story.\n")
    changes = changes_since("main")
    assert {p.name: lines for p, lines in changes.lines.items()} == {
        "old.txt": frozenset({6, 7}), "odd name é.txt": frozenset({5}), "new.txt": None}
    assert changes.touches("stories/old.txt") and not changes.touches("stories/other.txt")


def test_the_merge_base_not_the_tip_of_the_other_branch(repo):
    """main moving on after the branch was made must not count as this branch's change."""
    repo.git("checkout", "-q", "main")
    repo.write("stories/other.txt", OLD + "\nLater on main.\n")
    repo.commit("main moves on")
    repo.git("checkout", "-q", "feature")
    assert changes_since("main").lines == {}


def test_only_changed_files_are_checked(repo):
    repo.write("stories/old.txt", OLD + "\nA quiet line.\n")
    result = runner.invoke(app, ["check", "stories", "--changed-since", "main", "-f", "json"])
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == ["stories/old.txt"]
    assert result.exit_code == 1  # the old finding: the file changed, every line counts
    lines = runner.invoke(app, ["check", "stories", "--changed-since", "main",
                                "--changed-lines", "-f", "json"])
    assert lines.exit_code == 0, lines.output
    summary = json.loads(lines.stdout)["summary"]
    assert summary["findings"] == 0 and summary["outside_changed_lines"] == 1


def test_nothing_changed_is_not_an_error(repo):
    result = runner.invoke(app, ["check", "stories", "--changed-since", "main"])
    assert result.exit_code == 0
    assert "no file in the given paths changed since main" in result.stderr


def test_a_finding_across_two_places_counts_when_either_changed(repo):
    """The misspelling is on an old line; the spelling it contradicts arrives on a new one."""
    story = ("Published 3 June 2024\n\nThe mayor opened the bridge on Monday.\n\n"
             "People queued for hours.\n\nVolmer said the bridge would change the town.\n")
    repo.write("stories/two.txt", story)
    base = repo.commit("two")
    repo.write("stories/two.txt", story.replace("The mayor", "The mayor, Katharina Vollmer,"))
    result = runner.invoke(app, ["check", "stories", "--changed-since", base,
                                 "--changed-lines", "-f", "json"])
    finding, = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["rule"] == "name-variant"
    assert [s["line"] for s in finding["spans"]] == [7, 3]  # primary unchanged, related new
    assert result.exit_code == 1


def test_changed_lines_keeps_a_finding_whose_related_place_changed(repo):
    from checker.gitdiff import Changes
    from checker.model import FileReport, Finding, Related, Severity, Span

    raw = "line one\nline two\nline three\n"
    finding = Finding("x", Severity.ERROR, "m", Span(0, 4), (Related(Span(19, 24), "r"),))
    fr = FileReport(path=str(repo.path / "f.txt"), findings=[finding], raw_text=raw, text=raw)
    path = (repo.path / "f.txt").resolve()
    def changes(lines):
        return Changes("main", "base", repo.path, {path: frozenset(lines)})
    assert changes({3}).keep_changed(fr).findings == [finding]  # the related place
    assert changes({1}).keep_changed(fr).findings == [finding]  # the primary place
    kept = changes({2}).keep_changed(fr)
    assert kept.findings == [] and kept.outside_changes == 1


def test_not_a_repository(tmp_path, monkeypatch):
    (tmp_path / "story.txt").write_text(OLD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="needs a git repository"):
        changes_since("main")
    result = runner.invoke(app, ["check", "story.txt", "--changed-since", "main"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"copydesk: --changed-since needs a git repository, and {tmp_path} is not in one; "
        "run copydesk from the repository, or drop --changed-since")


@pytest.mark.parametrize("revision", ["no-such-branch", "--output=/tmp/x", "HEAD~99"])
def test_an_unknown_revision(repo, revision):
    result = runner.invoke(app, ["check", "stories", "--changed-since", revision])
    assert result.exit_code == 2
    assert f"unknown git revision {revision!r}" in result.stderr
    assert "fetch" in result.stderr


def test_changed_lines_needs_a_revision(repo):
    result = runner.invoke(app, ["check", "stories", "--changed-lines"])
    assert result.exit_code == 2 and "needs --changed-since REF" in result.output

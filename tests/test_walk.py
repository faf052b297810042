"""Which files a directory walk checks (checker/source/walk.py), and through the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.source.walk import expand_paths, walk_paths

GOOD = "It opened on Thursday, 29 May 2024.\n"
runner = CliRunner()


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOOD, encoding="utf-8")


def _names(files: list[str], root: Path) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in files]


def test_articles_of_every_kind_and_nothing_else(tmp_path):
    _tree(tmp_path, ["a.txt", "b.md", "c.markdown", "d.html", "e.HTM", "f.json", "g.py",
                     "sub/h.txt"])
    assert _names(expand_paths([str(tmp_path)]), tmp_path) == [
        "a.txt", "b.md", "c.markdown", "d.html", "e.HTM", "sub/h.txt"]


def test_hidden_folders_virtualenvs_and_node_modules_are_skipped(tmp_path):
    _tree(tmp_path, ["keep.txt", ".git/x.txt", ".hidden/y.txt", ".draft.txt", ".venv/z.md",
                     "node_modules/pkg/README.md", "deep/.cache/w.txt", "deep/keep.md"])
    assert _names(expand_paths([str(tmp_path)]), tmp_path) == ["deep/keep.md", "keep.txt"]
    # a hidden file given by name is still checked: only a walk leaves things out
    assert expand_paths([str(tmp_path / ".draft.txt")]) == [str(tmp_path / ".draft.txt")]


def test_gitignore_as_git_reads_it(tmp_path):
    (tmp_path / ".git").mkdir()  # the repository's top: .gitignore files above count
    _tree(tmp_path, ["stories/a.txt", "stories/b.txt", "stories/drafts/c.txt",
                     "stories/old/d.txt", "stories/old/keep.txt", "build/e.txt", "f.txt"])
    (tmp_path / ".gitignore").write_text("build/\n*.tmp\nstories/b.txt\n", encoding="utf-8")
    (tmp_path / "stories" / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "stories" / "old" / ".gitignore").write_text("*.txt\n!keep.txt\n",
                                                             encoding="utf-8")
    (tmp_path / ".git" / "info").mkdir()
    (tmp_path / ".git" / "info" / "exclude").write_text("f.txt\n", encoding="utf-8")
    assert _names(expand_paths([str(tmp_path)]), tmp_path) == [
        "stories/a.txt", "stories/old/keep.txt"]
    # walking a folder below the top still reads the .gitignore files above it
    assert _names(expand_paths([str(tmp_path / "stories")]), tmp_path) == [
        "stories/a.txt", "stories/old/keep.txt"]


def test_exclude_patterns_relative_to_the_working_directory(tmp_path, monkeypatch):
    _tree(tmp_path, ["stories/a.txt", "stories/2019/b.txt", "stories/drafts/c.txt",
                     "d.html"])
    monkeypatch.chdir(tmp_path)
    assert expand_paths(["."], exclude=["drafts/", "stories/2019/**", "*.html"]) == [
        "stories/a.txt"]
    # a file given by name is left out too when a pattern says so
    assert expand_paths(["d.html", "stories/a.txt"], exclude=["*.html"]) == ["stories/a.txt"]


def test_repeated_exclude_options_add_up(tmp_path, monkeypatch):
    _tree(tmp_path, ["a.txt", "b.txt", "c.txt"])
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", ".", "-f", "json", "--exclude", "a.txt",
                                 "--exclude", "b.txt"])
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["c.txt"]


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    _tree(outside, ["secret.txt", "folder/other.txt"])
    root = tmp_path / "root"
    _tree(root, ["story.txt", "sub/inner.txt"])
    (root / "secret.txt").symlink_to(outside / "secret.txt")
    (root / "elsewhere").symlink_to(outside / "folder")
    (root / "inside.txt").symlink_to(root / "sub" / "inner.txt")  # stays in the tree
    walk = walk_paths([str(root)])
    assert _names(walk.files, root) == ["inside.txt", "story.txt", "sub/inner.txt"]
    assert walk.notes == [f"{root / 'elsewhere'}: a symlink out of {root}, not followed",
                          f"{root / 'secret.txt'}: a symlink out of {root}, not followed"]
    result = runner.invoke(app, ["check", str(root), "-f", "json"])
    assert result.stderr.count("a symlink out of") == 2
    assert len(json.loads(result.stdout)["files"]) == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_found_by_a_walk_are_skipped(tmp_path):
    _tree(tmp_path, ["story.txt"])
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer forever
    assert _names(expand_paths([str(tmp_path)]), tmp_path) == ["story.txt"]


@pytest.mark.parametrize("fmt,name", [("html", "report.html"), ("markdown", "report.md"),
                                      ("text", "report.txt")])
def test_a_report_written_into_the_tree_is_not_checked_next_time(tmp_path, fmt, name):
    _tree(tmp_path, ["story.txt"])
    first = runner.invoke(app, ["check", str(tmp_path), "-f", fmt, "-o",
                                str(tmp_path / name)])
    assert first.exit_code == 1 and (tmp_path / name).exists()
    second = runner.invoke(app, ["check", str(tmp_path), "-f", "json"])
    assert [Path(f["path"]).name for f in json.loads(second.stdout)["files"]] == ["story.txt"]
    # given by name, it is left out with a line that says why
    third = runner.invoke(app, ["check", str(tmp_path / name), str(tmp_path / "story.txt")])
    assert "a report written by copydesk, not copy; skipped" in third.stderr
    assert "1 file" in third.stdout


def test_a_story_about_copydesk_is_still_copy(tmp_path):
    """Only the mark copydesk writes makes a report, not the word."""
    (tmp_path / "story.txt").write_text("copydesk, the checker, was released on Thursday, "
                                        "29 May 2024.\n", encoding="utf-8")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / "story.txt")]

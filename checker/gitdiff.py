"""What changed since a git revision: files, and the lines added or changed in them.

git is asked through its own command (`git diff`), never by reading .git: it knows about
packs, worktrees, submodules and renames. The comparison is from the merge base of the
revision and HEAD (what a pull request shows) to the working tree, so uncommitted edits
count; files git does not track yet (and does not ignore) count as wholly new.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from checker.errors import InputError
from checker.model import FileReport, Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
_LINE_END = re.compile(r"\n")
_ESCAPE = re.compile(rb"\\([0-7]{3}|.)")
_ESCAPES = {b"a": b"\a", b"b": b"\b", b"f": b"\f", b"n": b"\n", b"r": b"\r", b"t": b"\t",
            b"v": b"\v"}


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("--changed-since needs git, and no `git` command was found on "
                         "PATH; install git or drop --changed-since") from None
    if proc.returncode != 0:
        raise _GitError(proc.stderr.decode("utf-8", "replace").strip())
    return proc.stdout.decode("utf-8", "surrogateescape")


class _GitError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Changes:
    """Files changed since `base` (absolute paths), each with its changed line numbers
    (1-based, as git counts them; None: the whole file is new)."""

    revision: str
    base: str
    top: Path
    lines: dict[Path, frozenset[int] | None]

    def touches(self, path: str) -> bool:
        return _resolved(path) in self.lines

    def changed_lines(self, path: str) -> frozenset[int] | None:
        return self.lines.get(_resolved(path), frozenset())

    def keep_changed(self, fr: FileReport) -> FileReport:
        """Only the findings with a span on an added or changed line (either place of a
        finding that links two); the rest are counted in `outside_changes`."""
        if fr.error or fr.path == "-":
            return fr
        lines = self.changed_lines(fr.path)
        if lines is None:
            return fr
        starts = [0] + [m.end() for m in _LINE_END.finditer(fr.raw_text)]
        kept = [f for f in fr.findings if _on_lines(fr, f, starts, lines)]
        return replace(fr, findings=kept,
                       outside_changes=fr.outside_changes + len(fr.findings) - len(kept))


def _on_lines(fr: FileReport, finding: Finding, starts: list[int],
              lines: frozenset[int]) -> bool:
    import bisect

    for span in finding.spans:
        start, end = fr.raw_span(span.start, span.end)
        first = bisect.bisect_right(starts, start)
        last = bisect.bisect_right(starts, max(start, end - 1))
        if any(n in lines for n in range(first, last + 1)):
            return True
    return False


def _resolved(path: str) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def changes_since(revision: str, *, cwd: str | Path | None = None) -> Changes:
    """What changed in the repository around `cwd` since `revision`; InputError when cwd
    is not in a repository or the revision is unknown."""
    folder = Path(cwd or Path.cwd())
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    except _GitError:
        raise InputError(f"--changed-since needs a git repository, and {folder} is not in "
                         "one; run copydesk from the repository, or drop --changed-since") \
            from None
    try:
        commit = _git(["rev-parse", "--verify", "--end-of-options", f"{revision}^{{commit}}"],
                      top).strip()
    except _GitError:
        raise InputError(f"--changed-since: unknown git revision {revision!r}; fetch it first "
                         "(a shallow CI clone lacks history: fetch with depth 0)") from None
    try:
        base = _git(["merge-base", commit, "HEAD"], top).strip()
    except _GitError:  # no common history (or no HEAD yet): compare with the revision itself
        base = commit
    lines: dict[Path, frozenset[int] | None] = {}
    names = _git(["diff", "--name-only", "-z", "--diff-filter=d", "--no-ext-diff", base, "--"],
                 top)
    for name in filter(None, names.split("\0")):
        lines[(top / name).resolve()] = frozenset()
    patch = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=d", base, "--"],
                 top)
    current: Path | None = None
    for line in patch.splitlines():
        if line.startswith("+++ "):
            current = _patch_path(line[4:], top)
        elif line.startswith("@@") and current is not None and current in lines:
            m = _HUNK.match(line)
            if m:
                first, count = int(m.group(1)), int(m.group(2) or 1)
                lines[current] = lines[current] | frozenset(range(first, first + count))
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in filter(None, untracked.split("\0")):
        lines[(top / name).resolve()] = None
    return Changes(revision, base, top, lines)


def _patch_path(header: str, top: Path) -> Path | None:
    """The file a `+++ b/name` line names (C-quoted when the name has odd characters)."""
    header = header.rstrip("\t")
    if header == "/dev/null":
        return None
    if header.startswith('"') and header.endswith('"'):
        header = _unquote(header[1:-1])
    header = header.removeprefix("b/")
    return (top / header).resolve()


def _unquote(body: str) -> str:
    """git's C-style quoting undone: \\t, \\", \\\\ and octal bytes of a UTF-8 name."""
    def one(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        return bytes([int(code, 8)]) if len(code) == 3 else _ESCAPES.get(code, code)

    data = _ESCAPE.sub(one, body.encode("utf-8", "surrogateescape"))
    return data.decode("utf-8", "surrogateescape")

"""Nothing changed: every run leaves its input files byte-identical, with their mtimes."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from checker.cli import Format, app

runner = CliRunner()
INPUTS = {
    "story.txt": b"LONDON, 29 May 2024 \xe2\x80\x94\r\n\r\nIt opened on Thursday, 29 May 2024.\r\n",
    "story.md": b"---\ndate: 2024-05-29\n---\n# Vote\n\nHeld on 31 April.\n",
    "story.html": b"<html><body><p>Held on 31&nbsp;April.</p><script>x</script></body></html>",
    "latin1.txt": "Caf\u00e9 on 31 April.\n".encode("latin-1"),
}


def _snapshot(paths):
    return {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths}


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_check_changes_no_input(tmp_path, fmt):
    paths = []
    for name, data in INPUTS.items():
        path = tmp_path / name
        path.write_bytes(data)
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
        paths.append(path)
    before = _snapshot(paths)
    result = runner.invoke(app, ["check", *map(str, paths), "--format", fmt])
    assert result.exit_code == 2 and "Traceback" not in result.output  # latin1.txt refused
    result = runner.invoke(app, ["check", str(tmp_path), "--format", fmt, "--encoding",
                                 "latin-1"])
    assert result.exit_code == 1
    for args in (["timeline", str(tmp_path)], ["timeline", str(tmp_path), "-f", "json"]):
        runner.invoke(app, args)
    assert _snapshot(paths) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(INPUTS)  # nothing written

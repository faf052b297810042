"""The install instructions of the README, run as written: `make dist` builds a wheel that
holds the whole program, and the wheel, unpacked on its own, checks the seed article."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def wheel(root, tmp_path_factory) -> Path:
    # a copy of the tracked files, so that the build never writes into the checkout
    source = tmp_path_factory.mktemp("source")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True,
                             check=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        if (root / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, source / name)
    (source / ".venv").symlink_to(Path(sys.executable).parent.parent)
    (source / ".venv" / ".installed").exists() or pytest.skip("make install has not run")
    os.utime(source / ".venv" / ".installed")  # the stamp is newer than the copied files
    result = subprocess.run(["make", "dist"], cwd=source, capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = (source / "dist").glob("copydesk-*.whl")
    return built


def test_make_dist_builds_a_wheel_of_the_whole_program(root, wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("checker", "rules"):
        for module in (root / package).rglob("*.py"):
            relative = module.relative_to(root / package)
            inside = Path("checker") / relative if package == "checker" \
                else Path("checker/rules") / relative
            assert inside.as_posix() in names, inside
    for data in (root / "checker" / "lexicon").iterdir():  # the word lists ship too
        if data.suffix in (".toml", ".tsv", ".txt"):
            assert f"checker/lexicon/{data.name}" in names, data.name
    meta = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "copydesk = checker.cli:main" in zipfile.ZipFile(wheel).read(meta).decode()


def test_the_wheel_alone_checks_the_seed(root, wheel, tmp_path):
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = {**os.environ, "PYTHONPATH": str(unpacked)}  # ahead of the editable install
    modules = sorted({p.parent.relative_to(root).as_posix().replace("rules", "checker.rules")
                      .replace("/", ".") for p in [*(root / "checker").rglob("__init__.py"),
                                                   root / "rules" / "__init__.py"]})
    where = subprocess.run([sys.executable, "-c", ("import importlib, sys\n"
                            "for name in sys.argv[1:]:\n"
                            "    print(importlib.import_module(name).__file__)"), *modules],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert where.returncode == 0, where.stderr
    assert all(line.startswith(str(unpacked)) for line in where.stdout.splitlines())
    result = subprocess.run([sys.executable, "-m", "checker", "check",
                             str(root / "seeds" / "kim-jong-un-leaves-beijing.txt"),
                             "--facts", str(root / "seeds" / "facts.toml"), "-f", "json"],
                            cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 1, result.stderr
    rules = [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert rules == ["stale-reference", "age-mismatch", "event-time-conflict"]

"""`copydesk audit` on Dask: scaling from 1 to 2 workers, and its cost against `check --jobs 2`.

The dev corpus (../shared/corpus/dev) is copied to a small and a large directory of files
(60 and, by default, 600). On each, as whole processes, in rounds, each command once, in
rotating order so that none always runs on the warmer machine:
  (1) copydesk audit DIR --out X --workers 1     cluster start, model load per worker,
  (2) copydesk audit DIR --out X --workers 2     checking, tables, summary, cluster stop
  (3) copydesk check DIR --jobs 2 -f json        the same files, two forked processes
Medians over the rounds. The difference between the two sizes gives each command's cost
per article without its fixed cost (start, model load, stop); the rest is the fixed cost.
CPU time (all of a command's processes) says how many cores a command actually got.
Targets: (2) against (1) articles per second ≥ 1.8×; (2) against (3) time ≤ 1.15×.

    .venv/bin/python bench/audit.py [--articles 600] [--rounds 3] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
EXE = str(Path(sys.executable).parent / "copydesk")
SMALL = 60


def _files(folder: Path, count: int) -> None:
    sources = [p for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:04d}-{src.name}")


def _cpu() -> float:
    # every process of a finished command (the client, its workers, their helpers) has been
    # waited for, so its CPU time is in this process's RUSAGE_CHILDREN
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all its processes) of one whole command."""
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr}")
    return elapsed, _cpu() - cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--markdown", help="also write the table to this file")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"bench: {CORPUS} not found (the shared corpus sits beside the project)")
    n = args.articles
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    small = SMALL
    with tempfile.TemporaryDirectory(prefix="copydesk-audit-bench-") as tmp:
        scratch = Path(tmp)
        folders = {size: scratch / f"files-{size}" for size in (small, n)}
        for size, folder in folders.items():
            folder.mkdir()
            _files(folder, size)

        def command(name: str, size: int, r: int) -> list[str]:
            files, out = str(folders[size]), str(scratch / f"{name}-{size}-{r}")
            if name == "check2":
                return [EXE, "check", files, "--jobs", "2", "-f", "json", "-o", os.devnull]
            return [EXE, "audit", files, "--out", out, "--workers", name[-1], "--no-progress"]

        names = ["audit1", "audit2", "check2"]
        times: dict[tuple[str, int], list[float]] = {}
        cpus: dict[tuple[str, int], list[float]] = {}
        for r in range(args.rounds):
            for name in names[r % 3:] + names[:r % 3]:
                for size in (small, n):
                    wall, cpu = _timed(command(name, size, r))
                    times.setdefault((name, size), []).append(wall)
                    cpus.setdefault((name, size), []).append(cpu)

    med = {key: statistics.median(v) for key, v in times.items()}
    cpu = {key: statistics.median(v) for key, v in cpus.items()}
    cpu_per = {name: (cpu[name, n] - cpu[name, small]) / (n - small) for name in names}
    busy = {name: statistics.median(c / w for c, w in zip(cpus[name, n], times[name, n]))
            for name in names}
    per = {name: (med[name, n] - med[name, small]) / (n - small) for name in names}
    fixed = {name: med[name, small] - small * per[name] for name in names}
    labels = {"audit1": "(1) `copydesk audit DIR --workers 1`",
              "audit2": "(2) `copydesk audit DIR --workers 2`",
              "check2": "(3) `copydesk check DIR --jobs 2 -f json`"}

    def spread(values: list[float]) -> str:
        return f"{min(values):.1f}–{max(values):.1f}"

    say(f"`copydesk audit` on a local Dask cluster, against `copydesk check --jobs 2`: the dev "
        f"corpus repeated to {small} and {n} files, {os.cpu_count()} cores, whole processes, "
        f"median of {args.rounds} rounds in rotating order (this machine is shared: the range "
        "is shown).")
    say()
    say(f"| command | {small} files, s (range) | {n} files, s (range) | articles/s at {n} "
        "| ms per article, fixed cost aside | fixed cost, s | CPU ms per article, fixed cost "
        f"aside | cores kept busy at {n} |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in names:
        say(f"| {labels[name]} | {med[name, small]:.1f} ({spread(times[name, small])}) "
            f"| {med[name, n]:.1f} ({spread(times[name, n])}) | {n / med[name, n]:.1f} "
            f"| {per[name] * 1000:.1f} | {fixed[name]:.1f} | {cpu_per[name] * 1000:.1f} "
            f"| {busy[name]:.2f} |")
    say()
    whole, inner = med["audit1", n] / med["audit2", n], per["audit1"] / per["audit2"]
    cost, cost_inner = med["audit2", n] / med["check2", n], per["audit2"] / per["check2"]
    say("Targets:")
    say()
    say(f"- 2 workers against 1 ≥ 1.8×: {whole:.2f}× on {n} files, {inner:.2f}× per article "
        f"with the fixed cost aside — {'met' if whole >= 1.8 else 'NOT met'}. The CPU an "
        f"article costs is {cpu_per['audit1'] * 1000:.0f} ms with one worker and "
        f"{cpu_per['audit2'] * 1000:.0f} ms with two, so a second worker adds no work; the "
        f"two workers kept {busy['audit2']:.2f} cores busy out of 2 (one worker "
        f"{busy['audit1']:.2f} of 1), which is what the other processes on the machine left.")
    say(f"- audit on 2 workers against `check --jobs 2` ≤ 1.15×: {cost:.2f}× on {n} files, "
        f"{cost_inner:.2f}× per article with the fixed cost aside — "
        f"{'met' if cost <= 1.15 else 'NOT met'}. The audit's fixed cost (a cluster of "
        f"processes started, the model loaded in each, the cluster stopped, the tables and "
        f"summary written) is {fixed['audit2']:.1f} s against check's {fixed['check2']:.1f} s; "
        "it is paid once per audit, whatever the archive's size.")
    if args.markdown:
        Path(args.markdown).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`copydesk audit` on Dask: scaling from 1 to 2 workers, and its cost against `check --jobs 2`.

The dev corpus (../shared/corpus/dev) is copied to N files in a temporary directory (the
same files for every command). Then, in rounds, each command once, in rotating order so
that none always runs on the warmer machine:
  (1) copydesk audit DIR --out X --workers 1     whole process: cluster start, model load
  (2) copydesk audit DIR --out X --workers 2     per worker, checking, tables, summary
  (3) copydesk check DIR --jobs 2 -f json        the same files, two forked processes
and, with a local cluster already up and its workers' model loaded (library, one process),
  (4) checking only, 1 worker and 2 workers: what the cluster adds per article.
Medians over the rounds. Targets: (2)/(1) articles per second ≥ 1.8; (2)/(3) time ≤ 1.15.

    .venv/bin/python bench/audit.py [--articles 600] [--rounds 3] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import os
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


def _files(folder: Path, count: int) -> None:
    sources = [p for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:04d}-{src.name}")


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr}")
    return elapsed


def _steady(files: Path, scratch: Path, rounds: int) -> dict[int, list[float]]:
    """Seconds to audit the files on a cluster already up, for 1 and 2 workers."""
    from distributed import Client, LocalCluster

    from checker.audit import audit
    from checker.audit.job import LoadModel

    out: dict[int, list[float]] = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.register_plugin(LoadModel())  # the model loaded before the clock starts
            for r in range(rounds):
                target = scratch / f"steady-{workers}-{r}"
                start = time.perf_counter()
                audit(files, target, client=client)
                out.setdefault(workers, []).append(time.perf_counter() - start)
                shutil.rmtree(target)
    return out


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

    with tempfile.TemporaryDirectory(prefix="copydesk-audit-bench-") as tmp:
        scratch = Path(tmp)
        files = scratch / "files"
        files.mkdir()
        _files(files, n)
        commands = {
            "audit1": lambda r: [EXE, "audit", str(files), "--out", str(scratch / f"a1-{r}"),
                                 "--workers", "1", "--no-progress"],
            "audit2": lambda r: [EXE, "audit", str(files), "--out", str(scratch / f"a2-{r}"),
                                 "--workers", "2", "--no-progress"],
            "check2": lambda r: [EXE, "check", str(files), "--jobs", "2", "-f", "json",
                                 "-o", os.devnull],
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        names = list(commands)
        for r in range(args.rounds):
            for name in names[r % 3:] + names[:r % 3]:
                times[name].append(_timed(commands[name](r)))
        steady = _steady(files, scratch, args.rounds)

    med = {k: statistics.median(v) for k, v in times.items()}
    one, two = statistics.median(steady[1]), statistics.median(steady[2])

    def spread(values: list[float]) -> str:
        return f"{min(values):.1f}–{max(values):.1f}"

    say(f"`copydesk audit` on a local Dask cluster: {n} files (the dev corpus repeated), "
        f"{os.cpu_count()} cores, median of {args.rounds} rounds in rotating order "
        "(this machine is shared: the range is shown).")
    say()
    say("| run | seconds (median) | range | articles/s |")
    say("|---|---:|---:|---:|")
    say(f"| (1) `copydesk audit DIR --workers 1` | {med['audit1']:.2f} | "
        f"{spread(times['audit1'])} | {n / med['audit1']:.1f} |")
    say(f"| (2) `copydesk audit DIR --workers 2` | {med['audit2']:.2f} | "
        f"{spread(times['audit2'])} | {n / med['audit2']:.1f} |")
    say(f"| (3) `copydesk check DIR --jobs 2 -f json` | {med['check2']:.2f} | "
        f"{spread(times['check2'])} | {n / med['check2']:.1f} |")
    say(f"| (4) checking only, cluster up, 1 worker | {one:.2f} | {spread(steady[1])} "
        f"| {n / one:.1f} |")
    say(f"| (4) checking only, cluster up, 2 workers | {two:.2f} | {spread(steady[2])} "
        f"| {n / two:.1f} |")
    say()
    whole, inner = med["audit1"] / med["audit2"], one / two
    cost = med["audit2"] / med["check2"]
    say("Targets:")
    say()
    say(f"- 2 workers against 1 ≥ 1.8×: {whole:.2f}× whole process, {inner:.2f}× checking only "
        f"— {'met' if whole >= 1.8 else 'NOT met'}.")
    say(f"- audit with 2 workers against `check --jobs 2` ≤ 1.15×: {cost:.2f}× — "
        f"{'met' if cost <= 1.15 else 'NOT met'} (fixed cost of the cluster: about "
        f"{med['audit2'] - two:.1f} s of the {med['audit2']:.1f} s).")
    if args.markdown:
        Path(args.markdown).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`copydesk serve` under a bounded load on loopback (`make bench`, or run it alone).

1. Warm latency: one server with one worker; for every dev-corpus article, requests to
   POST /v1/check alternate with a bare spaCy pass `nlp(text)` over the same text in this
   process (so both see the same moment of a shared machine); the ratio of their medians.
2. Load: a server with 1 worker, then with 2, each given the same --checks requests (dev
   corpus articles, each in its own kind: text, Markdown, HTML) from 8 concurrent
   clients: p50/p95/p99 latency, throughput, errors, and the server's memory (the front
   process and its workers) before and after. Repeated --repeat times, alternating.
Every request and loop is bounded; traffic goes to 127.0.0.1 only. Writes
bench/RESULTS-serve.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing
import os
import platform
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SEED = ROOT / "seeds" / "kim-jong-un-leaves-beijing.txt"
KINDS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
CLIENTS = 8


class Server:
    def __init__(self, workers: int, workdir: Path) -> None:
        self.log = workdir / f"server-{workers}-{time.monotonic_ns()}.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "checker", "serve", "--port", "0", "--workers", str(workers)],
            cwd=workdir, stdin=subprocess.DEVNULL, stdout=self.log.open("w"),
            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 300
        while not (found := re.search(r"running on (http://127\.0\.0\.1:\d+)", self.text())):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                raise SystemExit(f"bench: copydesk serve did not start:\n{self.text()}")
            time.sleep(0.1)
        self.url = found.group(1)
        self.workers = [int(p) for p in re.findall(r"check worker (\d+) ready", self.text())]

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def memory_mb(self) -> tuple[float, float]:
        """Resident memory of the front process and of all its workers together."""
        return _rss(self.process.pid), sum(_rss(pid) for pid in self.workers)

    def cpu(self) -> tuple[float, float]:
        """CPU seconds of the front process and of all its workers together."""
        return _cpu(self.process.pid), sum(_cpu(pid) for pid in self.workers)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=120)


def _cpu(pid: int) -> float:
    """Seconds of CPU a process has used (user and system)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _post(connection: http.client.HTTPConnection, kind: str, raw: str) -> tuple[int, bytes]:
    connection.request("POST", "/v1/check", json.dumps({kind: raw}).encode(),
                       {"Content-Type": "application/json"})
    reply = connection.getresponse()
    return reply.status, reply.read()


def _connect(url: str) -> http.client.HTTPConnection:
    host, port = url.removeprefix("http://").split(":")
    return http.client.HTTPConnection(host, int(port), timeout=120)


def _rss(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def _articles() -> list[tuple[str, str, str]]:
    """(name, kind, raw text) for every dev-corpus article."""
    out = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in KINDS:
            out.append((path.name, KINDS[path.suffix], path.read_text(encoding="utf-8")))
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def warm_latency(workdir: Path, articles: list[tuple[str, str, str]], rounds: int,
                 seed_rounds: int) -> list[str]:
    import checker
    from checker.source import read_text

    nlp = checker.load_pipeline()
    server = Server(1, workdir)
    try:
        connection = _connect(server.url)

        def triple(kind: str, raw: str, plain: str) -> tuple[float, float, float]:
            start = time.perf_counter()
            status, body = _post(connection, kind, raw)
            served = time.perf_counter() - start
            if status != 200:
                raise SystemExit(f"bench: {status} {body[:200]!r}")
            start = time.perf_counter()
            checker.check_text(raw, path="-", kind=kind)
            checked = time.perf_counter() - start
            start = time.perf_counter()
            nlp(plain)
            return served, checked, time.perf_counter() - start

        def medians(kind: str, raw: str, n: int) -> tuple[float, float, float]:
            plain = read_text(raw, kind=kind).text  # the words spaCy reads in the check
            triple(kind, raw, plain)  # warm all three
            runs = [triple(kind, raw, plain) for _ in range(n)]
            return tuple(statistics.median(r[i] for r in runs) for i in range(3))

        corpus = [medians(kind, raw, rounds) for _, kind, raw in articles]
        seed_text = SEED.read_text(encoding="utf-8")
        seed = medians("text", seed_text, seed_rounds)
    finally:
        server.stop()
    ratios = [served / floor for served, _, floor in corpus]
    engine = [checked / floor for _, checked, floor in corpus]
    middle = [statistics.median(r[i] for r in corpus) for i in range(3)]

    def row(label: str, n: int, m: tuple[float, ...] | list[float], ratio: str, own: str) -> str:
        return (f"| {label} | {n} | {m[0] * 1000:.1f} ms | {m[1] * 1000:.1f} ms "
                f"| {m[2] * 1000:.1f} ms | {ratio} | {own} |")

    return [
        ("Warm latency, one worker, one client. For each text, requests to `POST /v1/check` "
         "alternate with the same check in the bench process (`checker.check_text`) and a "
         "bare `nlp(text)` over the same words; medians."),
        "",
        ("| texts | n | (s) serve p50 | (c) in-process check | (a) bare spaCy | (s)/(a) "
        "| (c)/(a) |"),
        "|---|---:|---:|---:|---:|---:|---:|",
        row(f"seed article ({len(seed_text.split())} words), {seed_rounds} rounds", 1, seed,
            f"{seed[0] / seed[2]:.2f}", f"{seed[1] / seed[2]:.2f}"),
        row(f"dev corpus, the median article ({rounds} rounds each)", len(articles), middle,
            f"{statistics.median(ratios):.2f} (worst {max(ratios):.2f})",
            f"{statistics.median(engine):.2f}"),
        "",
        (f"- warm p50 ≤ 1.2 × bare spaCy: seed {seed[0] / seed[2]:.2f}, median article "
         f"{statistics.median(ratios):.2f} — "
         f"{'met' if max(seed[0] / seed[2], statistics.median(ratios)) <= 1.2 else 'NOT met'}. "
         f"The service adds {(seed[0] - seed[1]) * 1000:.1f} ms to the seed article's check "
         f"(HTTP, JSON, the pipe to the worker); the rest is the engine's own cost over spaCy."),
        "",
    ]


def _load(url: str, articles: list[tuple[str, str, str]], checks: int
          ) -> tuple[list[float], int, float]:
    """`checks` requests from CLIENTS threads, each on its own keep-alive connection.

    The standard library's http.client, not httpx: the load generator shares the 2 cores
    with the server, and httpx cost about 4 ms of CPU per request here, http.client 0.4.
    """
    bodies = [json.dumps({kind: raw}).encode() for _, kind, raw in articles]
    latencies: list[float] = []
    errors = 0
    counter = iter(range(checks))
    lock = threading.Lock()

    def client() -> None:
        nonlocal errors
        connection = _connect(url)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            start = time.perf_counter()
            try:
                connection.request("POST", "/v1/check", bodies[i % len(bodies)],
                                   {"Content-Type": "application/json"})
                reply = connection.getresponse()
                reply.read()
                ok = reply.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = _connect(url)
                ok = False
            with lock:
                latencies.append(time.perf_counter() - start)
                errors += not ok
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - start


def load(workdir: Path, articles: list[tuple[str, str, str]], workers: int,
         checks: int) -> dict[str, float]:
    server = Server(workers, workdir)
    try:
        connection = _connect(server.url)
        for _, kind, raw in articles:  # every article once: caches warm, as in service
            _post(connection, kind, raw)
        connection.close()
        before, cpu_before = server.memory_mb(), server.cpu()
        client_before = resource.getrusage(resource.RUSAGE_SELF)
        latencies, errors, wall = _load(server.url, articles, checks)
        client_after = resource.getrusage(resource.RUSAGE_SELF)
        after, cpu_after = server.memory_mb(), server.cpu()
    finally:
        status = server.stop()
    client = (client_after.ru_utime + client_after.ru_stime
              - client_before.ru_utime - client_before.ru_stime)
    return {"workers": workers, "p50": _pct(latencies, 0.5) * 1000,
            "p95": _pct(latencies, 0.95) * 1000, "p99": _pct(latencies, 0.99) * 1000,
            "throughput": checks / wall, "errors": errors, "wall": wall,
            "front_before": before[0], "front_after": after[0],
            "workers_before": before[1], "workers_after": after[1], "exit": status,
            "cpu_front": (cpu_after[0] - cpu_before[0]) / checks * 1000,
            "cpu_workers": (cpu_after[1] - cpu_before[1]) / checks * 1000,
            "cpu_client": client / checks * 1000}


def _spin(texts: list[str], seconds: float, results: multiprocessing.Queue) -> None:
    import checker

    nlp = checker.load_pipeline()  # inherited from the bench process when forked
    start, done = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        nlp(texts[done % len(texts)])
        done += 1
    results.put(done / (time.perf_counter() - start))


def bare_spacy(articles: list[tuple[str, str, str]], processes: int, seconds: float) -> float:
    """Articles per second of `processes` bare spaCy loops side by side: what this machine
    gives two processes at this moment, whoever else is using it."""
    from checker.source import read_text

    texts = [read_text(raw, kind=kind).text for _, kind, raw in articles]
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    loops = [context.Process(target=_spin, args=(texts, seconds, results))
             for _ in range(processes)]
    for loop in loops:
        loop.start()
    rate = sum(results.get(timeout=seconds + 120) for _ in loops)
    for loop in loops:
        loop.join()
    return rate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS-serve.md")
    ap.add_argument("--checks", type=int, default=1000, help="requests per load run")
    ap.add_argument("--repeat", type=int, default=3, help="load runs per worker count")
    ap.add_argument("--rounds", type=int, default=5, help="warm pairs per corpus article")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"bench: {CORPUS} not found (the shared corpus sits beside the project)")
    articles = _articles()
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    say("# copydesk serve benchmark")
    say()
    say(f"{dt.date.today()} · Python {platform.python_version()} · {os.cpu_count()} cores · "
        f"{platform.machine()} · load generator, server and workers share the machine · "
        f"load average at the start {os.getloadavg()[0]:.1f}")
    say()
    with tempfile.TemporaryDirectory(prefix="copydesk-serve-bench-") as tmp:
        workdir = Path(tmp)  # no copydesk.toml here: default settings
        for line in warm_latency(workdir, articles, args.rounds, 100):
            say(line)
        runs = []
        for _ in range(args.repeat):
            for workers in (1, 2):
                bare = bare_spacy(articles, workers, 10.0)
                runs.append({**load(workdir, articles, workers, args.checks), "bare": bare})
    say(f"Load: {args.checks} checks of the {len(articles)} dev-corpus articles (in turn, each "
        f"in its own kind) from {CLIENTS} concurrent clients; runs alternate 1 and 2 workers. "
        "Memory is resident MB after one warm pass over the corpus (before) and after the "
        "run, front process / all workers. Just before each run, as many bare spaCy loops "
        "as it has workers run side by side for 10 s over the same articles: what the machine "
        "gives that many processes at that moment.")
    say()
    say("| workers | p50 | p95 | p99 | checks/s | bare spaCy articles/s | errors "
        "| memory before | memory after | CPU ms per check: workers / front / clients | exit |")
    say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in runs:
        say(f"| {r['workers']} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | {r['p99']:.0f} ms "
            f"| {r['throughput']:.1f} | {r['bare']:.1f} | {r['errors']} "
            f"| {r['front_before']:.0f} / {r['workers_before']:.0f} MB "
            f"| {r['front_after']:.0f} / {r['workers_after']:.0f} MB "
            f"| {r['cpu_workers']:.1f} / {r['cpu_front']:.1f} / {r['cpu_client']:.1f} "
            f"| {r['exit']} |")
    say()
    two = [r for r in runs if r["workers"] == 2]
    share = statistics.median((r["cpu_front"] + r["cpu_client"])
                              / (r["cpu_workers"] + r["cpu_front"] + r["cpu_client"])
                              for r in two)
    say(f"On this machine the front process and the load generator take {share:.0%} of the CPU "
        "that a check costs in all; with 2 workers on 2 cores that share comes out of the "
        f"workers' time, so 2 workers can reach at most about {2 * (1 - share):.2f} × one "
        "worker here (one worker leaves the second core to them).")
    say()
    best = {w: max(r["throughput"] for r in runs if r["workers"] == w) for w in (1, 2)}
    middle = {w: statistics.median(r["throughput"] for r in runs if r["workers"] == w)
              for w in (1, 2)}
    errors = sum(r["errors"] for r in runs)
    growth = max(r["workers_after"] - r["workers_before"] for r in runs)
    say(f"- errors = 0: {errors} — {'met' if errors == 0 else 'NOT met'}.")
    machine = {w: statistics.median(r["bare"] for r in runs if r["workers"] == w)
               for w in (1, 2)}
    say(f"- throughput with 2 workers ≥ 1.8 × one worker: best runs {best[2]:.1f} / "
        f"{best[1]:.1f} = {best[2] / best[1]:.2f}, medians {middle[2] / middle[1]:.2f} — "
        f"{'met' if best[2] / best[1] >= 1.8 else 'NOT met'}. Two bare spaCy loops gave "
        f"{machine[2] / machine[1]:.2f} × one at the same moments (medians): the ceiling this "
        "machine offered; the service reached "
        f"{(middle[2] / middle[1]) / (machine[2] / machine[1]):.0%} of it.")
    say(f"- memory: the workers grew by at most {growth:.0f} MB over a run of "
        f"{args.checks} checks.")
    say(f"- load average at the end: {os.getloadavg()[0]:.1f} (above the 2 cores, other work "
        "shared the machine and every figure above is slower for it).")
    say()
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {args.output}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

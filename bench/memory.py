"""Peak memory per MB of copy: whole `copydesk check` processes on articles of about 1 MB.

Memory follows the characters that go through spaCy at once (engine.BATCH_CHARS), not the
number or size of the files: a long article goes through in pieces, a batch stops at the
character budget. Each row is one process; its peak is the largest resident set of the
process and its workers (getrusage of the children, in a wrapper process of its own).

    .venv/bin/python bench/memory.py [--markdown FILE]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
EXE = str(Path(sys.executable).with_name("copydesk"))
WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
           "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _article(size: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    body = "\n\n".join(texts)
    return (body * (size // len(body) + 1))[:size]


def _peak(args: list[str]) -> tuple[float, float]:
    """(peak resident MB of the process and its workers, seconds)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True,
                         text=True, check=True)
    return int(out.stdout.strip()) / 1024, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--markdown", help="also write the table to this file")
    ap.add_argument("--size", type=int, default=990_000, help="bytes per article")
    args = ap.parse_args()
    rows = [("| run | articles | MB of copy | peak resident MB | peak above the model, per MB of "
            "one article | seconds |"),
            "|---|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory(prefix="copydesk-memory-") as tmp:
        text = _article(args.size)
        paths = []
        for i in range(4):
            path = Path(tmp) / f"long-{i}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        mb = len(text.encode("utf-8")) / 1e6
        base, _ = _peak([EXE, "check", str(ROOT / "seeds" / "kim-jong-un-leaves-beijing.txt")])
        rows.append(f"| the seed article (2.5 kB), for the model's own share | 1 | 0.00 "
                    f"| {base:.0f} | – | – |")
        peaks = []
        for label, files, jobs in (("one article, `-j 1`", paths[:1], "1"),
                                   ("four articles in one batch, `-j 1`", paths, "1"),
                                   ("four articles, `-j 2` (per worker)", paths, "2")):
            peak, seconds = _peak([EXE, "check", *files, "-j", jobs, "--max-bytes", "2000000",
                                   "-f", "json"])
            peaks.append(peak)
            rows.append(f"| {label} | {len(files)} | {mb * len(files):.2f} | {peak:.0f} "
                        f"| {(peak - base) / mb:.0f} | {seconds:.0f} |")
            print(rows[-1], flush=True)
    verdict = "met" if max(peaks) < 2000 else "NOT met"
    rows += ["", (f"Target: a run of 1 MB articles under 2,000 MB per process: largest peak "
                  f"{max(peaks):,.0f} MB — {verdict}. The peak does not grow with the number "
                  "of files in a batch.")]
    table = "\n".join(rows)
    print(table)
    if args.markdown:
        Path(args.markdown).write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

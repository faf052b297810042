"""Score `copydesk timeline` on MEANTIME inside the annotated region only.

MEANTIME's English gold covers each article's headline, date line and first four
sentences (lines 0-5 of the text). The shared scorer counts every mention the timeline
finds further down as a false positive; this script scores the same JSON restricted to
lines 0-5, so that extent precision measures what it is meant to. Both numbers belong in
any report.

Usage: python bench/timex_region.py ../shared/corpus/timex/meantime_en.jsonl [-v]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

LAST_LINE = 5


def main() -> int:
    gold_path = Path(sys.argv[1])
    verbose = "-v" in sys.argv
    docs = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    docs = [d for d in docs if d.get("dct")]
    tmp = Path(tempfile.mkdtemp(prefix="timex-region-"))
    paths, heads = [], []
    for i, d in enumerate(docs):
        head = f"---\ndate: {d['dct'][:10]}\n---\n"
        p = tmp / f"doc{i:04d}.md"
        p.write_text(head + d["text"], encoding="utf-8")
        paths.append(str(p))
        heads.append(len(head))
    exe = str(Path(sys.executable).with_name("copydesk"))
    out = json.loads(subprocess.run([exe, "timeline", "--format", "json", *paths],
                                    capture_output=True, text=True, check=False).stdout)
    n_sys = n_gold = strict = relaxed_p = relaxed_r = type_ok = value_ok = 0
    wrong, missed, spurious = [], [], []
    for d, f, k in zip(docs, out["files"], heads):
        starts = [0] + [i + 1 for i, ch in enumerate(d["text"]) if ch == "\n"]
        limit = starts[LAST_LINE + 1] if len(starts) > LAST_LINE + 1 else len(d["text"])
        gold = [g for g in d["timexes"] if g["start"] < limit]
        sys_m = [(m["start"] - k, m["end"] - k, m["type"], m["value"]) for m in f["mentions"]]
        sys_m = [m for m in sys_m if 0 <= m[0] < limit]
        n_sys += len(sys_m)
        n_gold += len(gold)
        for s in sys_m:
            if any(s[0] < g["end"] and g["start"] < s[1] for g in gold):
                relaxed_p += 1
            else:
                spurious.append((d["text"][s[0]:s[1]], s[3]))
        for g in gold:
            hits = [s for s in sys_m if s[0] < g["end"] and g["start"] < s[1]]
            if not hits:
                missed.append((g["text"], g["value"]))
            else:
                relaxed_r += 1
                strict += any(s[0] == g["start"] and s[1] == g["end"] for s in hits)
                type_ok += hits[0][2] == g["type"]
                value_ok += hits[0][3] == g["value"]
                if hits[0][3] != g["value"]:
                    wrong.append((g["text"], g["value"], hits[0][3]))

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    rp, rr = relaxed_p / max(n_sys, 1), relaxed_r / max(n_gold, 1)
    vp, vr = value_ok / max(n_sys, 1), value_ok / max(n_gold, 1)
    print(f"annotated region (lines 0-{LAST_LINE}): gold {n_gold}, system {n_sys}")
    print(f"relaxed P={rp:.3f} R={rr:.3f} F1={f1(rp, rr):.3f}; "
          f"strict R={strict / max(n_gold, 1):.3f}; "
          f"value P={vp:.3f} R={vr:.3f} F1={f1(vp, vr):.3f}")
    if verbose:
        for w in wrong:
            print("VALUE", *w)
        for m in missed:
            print("MISSED", *m)
        for m in spurious:
            print("SPURIOUS", *m)
    return 0


if __name__ == "__main__":
    sys.exit(main())

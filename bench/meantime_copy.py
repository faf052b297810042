"""Check the 117 MEANTIME wire stories as copy: real, edited news, so every finding is
probably a false alarm (the one known true finding is a name variant). Prints each finding.

Usage: python bench/meantime_copy.py [../shared/corpus/timex/meantime_en.jsonl]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "corpus" / "timex" / "meantime_en.jsonl"


def main() -> int:
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    tmp = Path(tempfile.mkdtemp(prefix="meantime-copy-"))
    paths, words = [], 0
    for i, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
        doc = json.loads(line) if line.strip() else None
        if not doc or not doc.get("dct"):
            continue
        path = tmp / f"doc{i:04d}.md"
        path.write_text(f"---\ndate: {doc['dct'][:10]}\n---\n{doc['text']}", encoding="utf-8")
        paths.append(str(path))
        words += len(doc["text"].split())
    exe = str(Path(sys.executable).with_name("copydesk"))
    out = subprocess.run([exe, "check", "--format", "json", *paths], capture_output=True,
                         text=True, check=False).stdout
    found = 0
    for report in json.loads(out)["files"]:
        text = Path(report["path"]).read_text(encoding="utf-8")
        for f in report["findings"]:
            if f["severity"] == "info":
                continue
            found += 1
            s = f["spans"][0]
            print(f"{Path(report['path']).name}: {f['rule']}: {text[s['start']:s['end']]!r}: "
                  f"{f['message']}")
    print(f"MEANTIME as copy: {found} findings (warning or error) in {len(paths)} stories, "
          f"{words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())

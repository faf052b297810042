"""Record or compare the checker's JSON reports and timelines on every corpus we hold.

A refactoring keeps behaviour: record before, compare after, and read every difference.

    python bench/snapshot.py record DIR     # seeds, dev, dev2, forms, MEANTIME as copy
    python bench/snapshot.py compare DIR    # prints each file whose findings changed

MEANTIME's texts are written as Markdown with their document creation time in front
matter, as `bench/timex_region.py` does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _meantime_dir() -> Path:
    tmp = Path(tempfile.gettempdir()) / "copydesk-meantime"
    tmp.mkdir(exist_ok=True)
    gold = SHARED / "corpus" / "timex" / "meantime_en.jsonl"
    for i, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        d = json.loads(line)
        if not d.get("dct"):
            continue
        (tmp / f"doc{i:04d}.md").write_text(f"---\ndate: {d['dct'][:10]}\n---\n{d['text']}",
                                            encoding="utf-8")
    return tmp


def _corpora() -> dict[str, list[str]]:
    out = {"seeds": sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))}
    for name in ("dev", "dev2", "forms"):
        folder = SHARED / "corpus" / name
        out[name] = sorted(str(p) for p in folder.iterdir()
                           if p.suffix in (".txt", ".md", ".html"))
    out["meantime"] = sorted(str(p) for p in _meantime_dir().glob("*.md"))
    return out


def _run(command: str, paths: list[str]) -> dict[str, object]:
    exe = str(Path(sys.executable).with_name("copydesk"))
    proc = subprocess.run([exe, command, "--format", "json", *paths],
                          capture_output=True, text=True, check=False)
    data = json.loads(proc.stdout)
    files = data["files"] if isinstance(data, dict) else data
    return {Path(f["path"]).name: f for f in files}


def _record() -> dict[str, dict[str, object]]:
    snap = {}
    for name, paths in _corpora().items():
        snap[name] = {"check": _run("check", paths), "timeline": _run("timeline", paths)}
    return snap


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("record", "compare"):
        print(__doc__)
        return 2
    folder = Path(sys.argv[2])
    if sys.argv[1] == "record":
        folder.mkdir(parents=True, exist_ok=True)
        for name, snap in _record().items():
            (folder / f"{name}.json").write_text(json.dumps(snap, indent=1, sort_keys=True))
        return 0
    changed = 0
    for name, now in _record().items():
        before = json.loads((folder / f"{name}.json").read_text())
        for part in ("check", "timeline"):
            for file, report in now[part].items():
                if before[part].get(file) != json.loads(json.dumps(report)):
                    changed += 1
                    print(f"{name} {part} {file}")
    print(f"{changed} file reports differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())

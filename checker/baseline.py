"""Baselines: today's findings recorded, so that CI fails only on new ones.

A newsroom that switches copydesk on has years of published stories with old findings.
`copydesk check --write-baseline FILE` records them; `--baseline FILE` then sets aside every
finding recorded there and reports the rest (ruff's and code scanning's answer to the same
problem).

A finding is known by its fingerprint, never by its line: the rule, the words of each of
its places (normalised: case, Unicode forms, curly quotes, dashes and runs of white space
do not count) and up to three words either side of its first place, within its sentence
and line. Moving a paragraph, or adding one above, keeps the fingerprint; changing the
flagged words, or the words right beside them, makes the finding new. Two findings with
one fingerprint in a file are told apart by count: a third copy of a twice-recorded
finding is new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from checker.errors import InputError
from checker.model import FileReport, Finding, Report, Span

VERSION = 1
CONTEXT_WORDS = 3
_TRANSLATE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                            "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2032": "'",
                            "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                            "\u2014": "-", "\u2212": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:['-]\w+)*")
# The context stops at the end of a sentence or of a line: words beyond may move away.
_STOP = re.compile(r"[.!?][\"')\]]*(?=\s)|\n")


def normalise(text: str) -> str:
    """Words as compared: NFKC, case-folded, straight quotes and hyphens, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()
    return _SPACE.sub(" ", text).strip()


def _context(text: str, span: Span) -> tuple[str, str]:
    left = text[max(0, span.start - 300):span.start]
    stops = list(_STOP.finditer(left))
    if stops:
        left = left[stops[-1].end():]
    right = text[span.end:span.end + 300]
    stop = _STOP.search(right)
    if stop:
        right = right[:stop.start()]
    before = _WORD.findall(normalise(left))[-CONTEXT_WORDS:]
    after = _WORD.findall(normalise(right))[:CONTEXT_WORDS]
    return " ".join(before), " ".join(after)


def _checked_text(fr: FileReport) -> str:
    return fr.text or fr.raw_text


def words(fr: FileReport, finding: Finding) -> str:
    """The flagged words of every place, as a person reads them (for the baseline file)."""
    text = _checked_text(fr)
    return " … ".join(_SPACE.sub(" ", text[s.start:s.end]).strip()[:80] for s in finding.spans)


def fingerprint(fr: FileReport, finding: Finding) -> str:
    """The finding's identity within its file: rule, words and a little context."""
    text = _checked_text(fr)
    places = "\x1e".join(normalise(text[s.start:s.end]) for s in finding.spans)
    before, after = _context(text, finding.span)
    key = f"{finding.rule}\x1f{places}\x1f{before}\x1f{after}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def numbered(fr: FileReport, findings: list[Finding]) -> list[str]:
    """`fingerprint:n` for each finding, n counting earlier findings with that fingerprint
    (SARIF's partialFingerprints and GitLab's fingerprint want one value per result)."""
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        fp = fingerprint(fr, finding)
        out.append(f"{fp}:{seen[fp]}")
        seen[fp] += 1
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded finding."""

    rule: str
    fingerprint: str
    words: str


@dataclass(frozen=True, slots=True)
class Baseline:
    """A baseline file: recorded findings by path, paths relative to the file's folder."""

    path: Path
    files: dict[str, tuple[Entry, ...]]

    def key(self, name: str) -> str:
        return _key(name, self.path.parent)

    def compare(self, fr: FileReport) -> FileReport:
        """The file report with its recorded findings set aside (`baselined`) and the
        recorded findings no longer found listed (`absent`)."""
        if fr.error:
            return fr
        recorded = self.files.get(self.key(fr.path), ())
        left = Counter(e.fingerprint for e in recorded)
        new, known = [], []
        for finding in fr.findings:
            fp = fingerprint(fr, finding)
            if left[fp] > 0:
                left[fp] -= 1
                known.append(finding)
            else:
                new.append(finding)
        absent = []
        for entry in reversed(recorded):  # the last copies of a fingerprint are the gone ones
            if left[entry.fingerprint] > 0:
                left[entry.fingerprint] -= 1
                absent.append((entry.rule, entry.fingerprint, entry.words))
        return replace(fr, findings=new, baselined=fr.baselined + known,
                       absent=absent[::-1])


def _key(name: str, folder: Path) -> str:
    """A checked path as the baseline keys it: relative to the baseline's folder, '/'."""
    if name == "-" or name.startswith("<"):
        return name
    absolute = os.path.abspath(name)
    try:
        return Path(os.path.relpath(absolute, os.path.abspath(folder))).as_posix()
    except ValueError:  # another drive
        return Path(absolute).as_posix()


def write_baseline(target: str | Path, report: Report) -> tuple[int, int]:
    """Record every finding of the report in `target` (replaced whole, atomically).
    Returns (findings recorded, files with findings)."""
    target = Path(target)
    files: dict[str, list[dict[str, str]]] = {}
    for fr in report.files:
        if fr.error:
            continue
        found = sorted(fr.findings + fr.baselined, key=lambda f: (f.span.start, f.span.end,
                                                                   f.rule))
        if found:
            files[_key(fr.path, target.parent)] = [
                {"rule": f.rule, "fingerprint": fingerprint(fr, f), "words": words(fr, f)}
                for f in found]
    document = {
        "version": VERSION,
        "tool": "copydesk",
        "about": "Findings recorded by `copydesk check --write-baseline`; `--baseline` "
                 "reports only findings not recorded here. Paths are relative to this file.",
        "files": dict(sorted(files.items())),
    }
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except OSError as exc:
        raise InputError(f"cannot write the baseline {target}: {exc.strerror or exc}") from None
    return sum(len(v) for v in files.values()), len(files)


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file, or raise InputError saying what is wrong with it."""
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline; record one with "
                         f"`copydesk check PATH... --write-baseline {path}`") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a copydesk baseline (not JSON: {exc}); record one "
                         "with --write-baseline") from None
    if not isinstance(document, dict) or document.get("tool") != "copydesk" \
            or not isinstance(document.get("files"), dict):
        raise InputError(f"{path}: not a copydesk baseline; record one with --write-baseline")
    if document.get("version") != VERSION:
        raise InputError(f"{path}: baseline version {document.get('version')!r}, this "
                         f"copydesk reads version {VERSION}; record it again with "
                         "--write-baseline")
    files: dict[str, tuple[Entry, ...]] = {}
    try:
        for name, entries in document["files"].items():
            files[name] = tuple(Entry(str(e["rule"]), str(e["fingerprint"]),
                                      str(e.get("words", ""))) for e in entries)
    except (TypeError, KeyError, AttributeError):
        raise InputError(f"{path}: a damaged baseline (entries need rule and fingerprint); "
                         "record it again with --write-baseline") from None
    return Baseline(path, files)

"""Suppression markers as the copy writes them, and the raw region each covers.

    <!-- copydesk: ignore rule-id[, rule-id] -->     HTML and Markdown: the next paragraph
    [copydesk: ignore rule-id]                       plain text, on its own line: the same
    <!-- copydesk: disable rule-id --> … <!-- copydesk: enable rule-id -->   a region
    [copydesk: disable rule-id] … [copydesk: enable rule-id]

Reading them is part of reading the file (a marker is never checked as copy); applying
them to findings is `checker.suppress`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_COMMENT = re.compile(r"<!--\s*copydesk:\s*(?P<verb>[A-Za-z]+)(?P<ids>[^>]{0,500}?)\s*-->")
_LINE = re.compile(r"^[ \t]*\[copydesk:\s*(?P<verb>[A-Za-z]+)(?P<ids>[^\]\n]{0,500})\][ \t]*$",
                   re.MULTILINE)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\r?\n")
_NON_SPACE = re.compile(r"\S")
_HTML_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|td|th|dd|figcaption|pre)\s*>",
                             re.IGNORECASE)
VERBS = ("ignore", "disable", "enable")


@dataclass(slots=True)
class Marker:
    verb: str
    rules: frozenset[str] | None  # None: every rule
    start: int  # raw offsets of the marker itself
    end: int
    region: tuple[int, int] = (0, 0)  # raw offsets it covers
    used: bool = False


def markers(raw: str, kind: str) -> list[Marker]:
    """Every marker in the raw file, in order, with the region it covers."""
    pattern = _LINE if kind == "text" else _COMMENT
    found = []
    for m in pattern.finditer(raw):
        verb = m.group("verb").lower()
        ids = frozenset(i for i in re.split(r"[\s,]+", m.group("ids").strip()) if i)
        found.append(Marker(verb, ids or None, m.start(), m.end()))
    # A disable runs to the first later enable that covers its rules. Walking back from the
    # end, the nearest enable is kept per rule id, instead of searching forward from every
    # disable (quadratic in the number of markers).
    ends: _Ends | None = None
    next_any = len(raw)  # the nearest enable of every rule
    next_enable = len(raw)  # the nearest enable of any rules
    nearest: dict[str, dict[frozenset[str], int]] = {}  # rule id -> enable's rules -> start
    for marker in reversed(found):
        if marker.verb == "ignore":
            ends = ends or _Ends(raw, kind)
            marker.region = (marker.end, ends.after(marker.end))
        elif marker.verb == "disable":
            if marker.rules is None:
                close = next_enable
            else:
                first = min(marker.rules)
                close = min([next_any, *(at for rules, at in nearest.get(first, {}).items()
                                         if marker.rules <= rules)])
            marker.region = (marker.end, close)
        elif marker.verb == "enable":
            next_enable = marker.start
            if marker.rules is None:
                next_any = marker.start
            else:
                for rule in marker.rules:
                    nearest.setdefault(rule, {})[marker.rules] = marker.start
    return found


class _Ends:
    """Where a paragraph (or an HTML block) ends after a position: every end is found once
    and looked up by bisection, so that many markers in a file with few paragraph breaks
    do not each search to its end (quadratic)."""

    def __init__(self, raw: str, kind: str) -> None:
        self.raw = raw
        self.kind = kind
        pattern = _HTML_BLOCK_END if kind == "html" else _PARAGRAPH_END
        found = list(pattern.finditer(raw))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() if kind == "html" else m.start() for m in found]

    def after(self, start: int) -> int:
        if self.kind != "html":
            first = _NON_SPACE.search(self.raw, start)  # the paragraph's first line
            start = first.start() if first else len(self.raw)
        i = bisect.bisect_left(self.starts, start)
        return self.ends[i] if i < len(self.starts) else len(self.raw)


def blank_line_markers(text: str) -> str:
    """Plain text with its marker lines blanked (same length): never checked as copy."""
    return _LINE.sub(lambda m: " " * len(m.group()), text)

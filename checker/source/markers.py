"""Suppression markers as the copy writes them, and the raw region each covers.

    <!-- copydesk: ignore rule-id[, rule-id] -->     HTML and Markdown: the next paragraph
    [copydesk: ignore rule-id]                       plain text, on its own line: the same
    <!-- copydesk: disable rule-id --> … <!-- copydesk: enable rule-id -->   a region
    [copydesk: disable rule-id] … [copydesk: enable rule-id]

Reading them is part of reading the file (a marker is never checked as copy); applying
them to findings is `checker.suppress`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"<!--\s*copydesk:\s*(?P<verb>[A-Za-z]+)(?P<ids>[^>]{0,500}?)\s*-->")
_LINE = re.compile(r"^[ \t]*\[copydesk:\s*(?P<verb>[A-Za-z]+)(?P<ids>[^\]\n]{0,500})\][ \t]*$",
                   re.M)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\r?\n")
_NON_SPACE = re.compile(r"\S")
_HTML_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|td|th|dd|figcaption|pre)\s*>",
                             re.I)
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
    next_any = len(raw)  # the nearest enable of every rule
    next_enable = len(raw)  # the nearest enable of any rules
    nearest: dict[str, dict[frozenset[str], int]] = {}  # rule id -> enable's rules -> start
    for marker in reversed(found):
        if marker.verb == "ignore":
            marker.region = (marker.end, _paragraph_end(raw, marker.end, kind))
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


def _paragraph_end(raw: str, start: int, kind: str) -> int:
    if kind == "html":
        m = _HTML_BLOCK_END.search(raw, start)
        return m.end() if m else len(raw)
    first = _NON_SPACE.search(raw, start)  # the paragraph's first line
    m = _PARAGRAPH_END.search(raw, first.start() if first else len(raw))
    return m.start() if m else len(raw)


def blank_line_markers(text: str) -> str:
    """Plain text with its marker lines blanked (same length): never checked as copy."""
    return _LINE.sub(lambda m: " " * len(m.group()), text)

"""File names as they may be shown: a name is data from the file system, not text.

Python keeps the bytes of a name that is not UTF-8 as lone surrogates ('bad\\udcff.txt');
they cannot be written as UTF-8, so every view shows them as `\\xff`. A name may also hold
control characters (a newline, an ANSI escape) that would start a new log line, a workflow
command or a terminal sequence; where a view prints names as plain text they are escaped.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def unicode_safe(text: str) -> str:
    """`text` with no lone surrogate: safe to encode as UTF-8 (JSON, SARIF, XML, HTML)."""
    return _SURROGATE.sub(_escape, text) if _SURROGATE.search(text) else text


def printable(text: str) -> str:
    """`text` on one printable line: lone surrogates and control characters escaped."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text

"""Reading an input: bytes → decoded text → the copy to check, with a map back to raw offsets.

Plain text is checked as it is. Markdown keeps its length: front matter and markup are
blanked, so offsets are the file's own. HTML is parsed with the standard library's
HTML parser, after a linear pass that turns every construct it would scan to the end of
the file for (an opener with no terminator after it) into text; only visible text is kept,
entities are decoded, and an `OffsetMap` leads every offset in the checked text back to the
raw file.

Only regular files are read, and never more than the size limit, whatever the file
system says its size is (a FIFO, /dev/zero, a file that grows while it is read).
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from dateutil import parser as date_parser

from checker.errors import InputError
from checker.source.markers import blank_line_markers

MAX_BYTES = 1_000_000  # a long feature is ~100 kB; ten times that is not one article
ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
                    ".html": "html", ".htm": "html"}


@dataclass(slots=True)
class OffsetMap:
    """Piecewise map from offsets in the checked text to offsets in the raw text.

    Each segment is (text_start, raw_start, length, raw_length). When length equals
    raw_length the segment maps character for character; otherwise (an entity, an
    inserted paragraph break) any offset inside it maps to its raw start, and an end
    offset at its end maps to its raw end.
    """

    segments: list[tuple[int, int, int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def add(self, text_start: int, raw_start: int, length: int, raw_length: int) -> None:
        if length <= 0:
            return
        self.segments.append((text_start, raw_start, length, raw_length))
        self._starts.append(text_start)

    def _segment(self, offset: int) -> tuple[int, int, int, int] | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.segments[i] if i >= 0 else None

    def start(self, offset: int) -> int:
        if not self.segments:
            return offset
        seg = self._segment(offset)
        if seg is None:
            return self.segments[0][1]
        t0, r0, n, rn = seg
        if offset >= t0 + n:  # past the last segment
            return r0 + rn
        return r0 + (offset - t0) if n == rn else r0

    def end(self, offset: int) -> int:
        if not self.segments or offset <= 0:
            return self.start(offset)
        t0, r0, n, rn = self._segment(offset - 1) or self.segments[0]
        if offset - 1 >= t0 + n:
            return r0 + rn
        return r0 + (offset - t0) if n == rn else r0 + rn


@dataclass(frozen=True, slots=True)
class Article:
    """One input, decoded and stripped to the copy that is checked."""

    path: str
    raw: str
    text: str
    kind: str  # "text" | "markdown" | "html"
    offsets: OffsetMap | None = None  # None: offsets are identical
    metadata_dates: tuple[tuple[str, dt.date], ...] = ()

    def text_offset(self, raw: int) -> int:
        """The checked-text offset at or just after a raw offset (markup has none)."""
        if self.offsets is None:
            return raw
        segments = self.offsets.segments
        # the first segment whose raw end lies past `raw` (raw ends never decrease)
        i = bisect.bisect_right(segments, raw, key=lambda seg: seg[1] + seg[3] - 1)
        if i == len(segments):
            return len(self.text)
        text_start, raw_start, length, raw_length = segments[i]
        return text_start + (max(0, raw - raw_start) if length == raw_length else 0)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets.start(start), max(self.offsets.start(start), self.offsets.end(end))


# ---------------------------------------------------------------- decoding

def decode(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode bytes to text, or raise InputError saying what is wrong and what to do."""
    if not data.strip():
        raise InputError(f"{name}: empty file, nothing to check")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
        except (UnicodeError, ValueError, TypeError) as exc:
            raise InputError(f"{name}: cannot decode as {encoding} ({exc})") from None
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: broken {codec} text at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not text; nothing checked")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert the file to UTF-8 or pass --encoding (for example cp1252)"
        ) from None


def kind_of(path: str, text: str) -> str:
    kind = ARTICLE_SUFFIXES.get(Path(path).suffix.lower())
    if kind:
        return kind
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<article", "<div", "<main", "<body")):
        return "html"
    if head.startswith("---\n"):
        return "markdown"
    return "text"


def read_text(text: str, *, path: str = "<text>", kind: str | None = None) -> Article:
    """Turn decoded text into an Article (markup stripped, metadata dates collected)."""
    if not text.strip():
        raise InputError(f"{path}: empty file, nothing to check")
    if _SURROGATE.search(text):
        # a lone surrogate (a decode with surrogateescape, \ud800 through unicode_escape)
        # cannot be encoded, by spaCy or by any report: one replacement character each
        text = _SURROGATE.sub("\ufffd", text)
    kind = kind or kind_of(path, text)
    if kind == "html":
        article = _read_html(text, path)
    elif kind == "markdown":
        article = _read_markdown(text, path)
    else:
        article = Article(path=path, raw=text, kind="text",
                          text=blank_line_markers(text.replace("\ufeff", " ")))
    if not article.text.strip():
        raise InputError(f"{path}: empty {kind} file, no article text to check")
    text = article.text
    if "\r" in text:  # old Mac line ends: a lone CR becomes a newline, same length
        text = _LONE_CR.sub("\n", text)
    # A run of hundreds of characters without a space is not prose (a data blob, a pasted
    # token); the tokenizer's prefix and suffix splitting is quadratic in a run's length, so
    # such runs are blanked, same length, before any analysis.
    text = _LONG_RUN.sub(lambda m: " " * len(m.group()), text)
    text = _FURNITURE.sub(lambda m: " " * len(m.group()), text)
    if text != article.text:
        article = replace(article, text=text)
    if not text.strip():
        raise InputError(f"{path}: no prose to check (only runs of {LONG_RUN}+ characters "
                         "without a space)")
    return article


LONG_RUN = 200
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_CR = re.compile(r"\r(?!\n)")
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")
# Page furniture copied with a story from a web page, on a line of its own: not copy, so
# blanked (same length). The words only; <nav> and the like are skipped when reading HTML.
_FURNITURE = re.compile(
    r"^[ \t]*(?:skip to (?:the )?(?:main )?(?:content|navigation|search)|skip navigation|"
    r"jump to (?:main )?(?:content|navigation)|back to top|advertisement)[ \t]*$",
    re.MULTILINE | re.IGNORECASE)


def check_size(name: str, size: int, max_bytes: int, *, at_least: bool = False) -> None:
    if size > max_bytes:
        amount = f"more than {max_bytes:,} bytes" if at_least else f"{size:,} bytes"
        raise InputError(f"{name}: {amount} is over the {max_bytes:,}-byte limit for one "
                         "article; split it or raise --max-bytes")


def read_limited(stream, name: str, max_bytes: int) -> bytes:
    """At most `max_bytes` bytes from a binary stream; InputError if there are more."""
    data = stream.read(max_bytes + 1)
    check_size(name, len(data), max_bytes, at_least=True)
    return data


_FILE_TYPES = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device",
               stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def _open(path: str | Path) -> int:
    # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))


def read_bytes(path: str | Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes` bytes, or InputError."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            list(p.iterdir())  # an unreadable directory says so here
            raise InputError(f"{name}: is a directory")
        fd = _open(p)
        with open(fd, "rb", closefd=True) as stream:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(f"{name}: is a directory")
            if not stat.S_ISREG(mode):
                kind = _FILE_TYPES.get(stat.S_IFMT(mode), "not a regular file")
                raise InputError(f"{name}: {kind}, not a regular file; nothing read")
            check_size(name, os.fstat(fd).st_size, max_bytes)
            return read_limited(stream, name, max_bytes)  # it may have grown since
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read_path(path: str | Path, *, encoding: str | None = None,
              max_bytes: int = MAX_BYTES) -> Article:
    name = str(path)
    data = read_bytes(path, max_bytes=max_bytes)
    return read_text(decode(data, name=name, encoding=encoding), path=name)


# ---------------------------------------------------------------- dates in metadata

def parse_metadata_date(value: str) -> dt.date | None:
    value = value.strip().strip("'\"")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return date_parser.parse(value, fuzzy=False).date()
    except (ValueError, OverflowError, date_parser.ParserError):
        return None


# ---------------------------------------------------------------- Markdown

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at", "dateline",
                 "publishdate")
# Markup blanked to spaces (same length): headings, emphasis, code fences, quotes, link targets.
_MD_MARKUP = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]"        # ATX heading marks
    r"|^[ \t]{0,3}>[ \t]?"           # block quotes
    r"|^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]"  # list bullets
    r"|\]\([^)\n]{0,2000}\)"         # link targets ](url)
    r"|!?\[(?=[^\]\n]{0,500}\]\()"   # link text opener
    r"|<!--[\s\S]{0,5000}?-->"       # HTML comments (and copydesk markers)
    r"|\*{1,3}|_{2,3}|`{1,3}",
    re.MULTILINE,
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*\r?(?:\n|\Z)", re.DOTALL)
_TICKS = re.compile(r"`+")


@lru_cache(maxsize=1)
def _markdown_parser():
    """CommonMark blocks only (code, front matter): inline markup is blanked below, and the
    block pass is linear where the inline rules need not be."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").use(front_matter_plugin)
    parser.disable("inline")
    return parser


def _front_matter_date(lines: str) -> dt.date | None:
    for line in lines.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _FM_DATE_KEYS:
            return parse_metadata_date(value)
    return None


def _toml_date(body: str) -> dt.date | None:
    from checker.source.tomlfile import parse_toml

    try:
        table = parse_toml(body.encode("utf-8", "replace"), "front matter", "front matter")
    except InputError:
        return None
    for key, value in table.items():
        if key.lower().replace("-", "_") in _FM_DATE_KEYS + ("publishdate",):
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            if isinstance(value, str):
                return parse_metadata_date(value)
    return None


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inline code spans in text[start:end], as CommonMark pairs backtick runs: a run of k
    backticks is closed by the next run of exactly k. Linear: each run is looked at once
    (the quote test reads each character between a pair at most once per run length)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text, start, end)]
    by_length: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(runs):
        by_length.setdefault(b - a, []).append(i)
    cursor: dict[int, int] = dict.fromkeys(by_length, 0)  # next candidate per length
    spans = []
    i = 0
    while i < len(runs):
        a, b = runs[i]
        k = b - a
        queue = by_length[k]
        while cursor[k] < len(queue) and queue[cursor[k]] <= i:
            cursor[k] += 1
        if cursor[k] == len(queue):
            i += 1
            continue
        close = queue[cursor[k]]
        if k <= 2 and "'" * k in text[b:runs[close][0]]:
            # TeX quotes (``like this'' or `this'), as wire copy and MEANTIME write them:
            # the backticks open a quotation, not code; the copy inside is copy
            i += 1
            continue
        spans.append((a, runs[close][1]))
        i = close + 1
    return spans


def _read_markdown(text: str, path: str) -> Article:
    """Markdown, same length: front matter (YAML `---` or TOML `+++`) gives the date and is
    never copy; code blocks, fenced or indented, and inline code spans are not copy either;
    heading, emphasis, quote, list and link markup is blanked."""
    dates: list[tuple[str, dt.date]] = []
    chars = list(text)
    shift = 1 if text.startswith("\ufeff") else 0  # a BOM before the front matter
    source = text[shift:].replace("\ufeff", " ")
    source = _LONE_CR.sub("\n", source)  # lines as markdown-it counts them, same length
    toml = _TOML_FRONT_MATTER.match(source)
    if toml:
        if when := _toml_date(toml.group(1)):
            dates.append(("front-matter", when))
        source = re.sub(r"[^\n]", " ", source[:toml.end()]) + source[toml.end():]
        for i in range(shift, shift + toml.end()):
            if chars[i] not in "\r\n":
                chars[i] = " "
    line_starts = [shift] + [m.end() + shift for m in re.finditer("\n", source)]
    line_starts.append(len(text))

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "

    def lines(token) -> tuple[int, int]:
        first, last = token.map
        return line_starts[min(first, len(line_starts) - 1)], \
            line_starts[min(last, len(line_starts) - 1)]

    for token in _markdown_parser().parse(source):
        if token.map is None:
            continue
        if token.type == "front_matter":
            if when := _front_matter_date(token.content):
                dates.append(("front-matter", when))
            blank(*lines(token))
        elif token.type in ("fence", "code_block"):
            blank(*lines(token))
        elif token.type == "inline":
            start, end = lines(token)
            for a, b in _code_spans(source, start - shift, end - shift):
                blank(a + shift, b + shift)
    body = _MD_MARKUP.sub(_blank, "".join(chars)).replace("\ufeff", " ")
    return Article(path=path, raw=text, text=body, kind="markdown", metadata_dates=tuple(dates))


# ---------------------------------------------------------------- HTML

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "nav",
         "button", "select", "textarea", "object", "canvas", "math"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article",
          "section", "header", "footer", "main", "aside", "blockquote", "figure",
          "figcaption", "table", "tr", "td", "th", "dd", "dt", "dl", "pre", "hr", "address",
          "title", "body", "html"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col", "embed",
         "source", "track", "param"}
_META_DATE_NAMES = {"article:published_time", "og:published_time", "date", "pubdate",
                    "publish-date", "publish_date", "dc.date", "dc.date.issued",
                    "dcterms.created", "article.published", "parsely-pub-date",
                    "sailthru.date", "datepublished", "original-publish-date"}


# One step inside a start tag, as a browser reads it: a quoted value runs to its closing
# quote ('>' and '<' included), anything else to a space, '/', '=' or '>'.
_TAG_STEP = re.compile(r"""\s*=+\s*(?:"|'|[^\s>]*)|[\s/]+|[^\s/>=]+""")
_TAG_NAME = re.compile(r"[^\s/>]*")


class _TextExtractor(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.tag_ends: dict[int, int] = {}  # a step's start -> where its tag ends (-1: never)
        self.last_quote = {'"': raw.rfind('"'), "'": raw.rfind("'")}
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.parts: list[str] = []
        self.offsets = OffsetMap()
        self.length = 0
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.skipping: Counter[str] = Counter()  # the tags on skip_stack: a test in O(1)
        self.meta_dates: list[tuple[str, dt.date]] = []
        self.time_dates: list[tuple[str, dt.date]] = []

    # -- where a start tag ends, in linear time
    def check_for_whole_start_tag(self, i: int) -> int:
        """The end of the start tag at `i` (past its '>'), or -1 when it has none.

        The standard library matches a regular expression from every '<' and, when that
        runs to the end of the file, tries again from the next '<': quadratic on
        "<a x='>'" * n. Here the tag is read step by step, and where each step leads is
        remembered, so a later '<' that falls into the same steps costs nothing.
        """
        raw = self.raw
        name = _TAG_NAME.match(raw, i + 1)
        pos = name.end() if name else i + 1
        visited = []
        end = -1
        while True:
            if pos in self.tag_ends:
                end = self.tag_ends[pos]
                break
            visited.append(pos)
            if pos >= len(raw):
                break
            if raw[pos] == ">":
                end = pos + 1
                break
            if raw.startswith("/>", pos):
                end = pos + 2
                break
            step = _TAG_STEP.match(raw, pos)
            if step is None or step.end() == pos:
                pos += 1
                continue
            after = step.end()
            quote = raw[after - 1]
            if step.group().lstrip().startswith("=") and quote in "\"'":
                if self.last_quote[quote] < after:  # never closed: the tag never ends
                    break
                after = raw.index(quote, after) + 1
            pos = after
        for seen in visited:
            self.tag_ends[seen] = end
        return end

    # -- position helpers
    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, raw_start: int, raw_length: int) -> None:
        if self.skip_depth or not text:
            return
        self.parts.append(text)
        self.offsets.add(self.length, raw_start, len(text), raw_length)
        self.length += len(text)

    def _break(self) -> None:
        if self.skip_depth:
            return
        tail = "".join(self.parts[-2:])
        if self.length and not tail.endswith("\n\n"):
            self._emit("\n\n" if not tail.endswith("\n") else "\n", self._pos(), 0)

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_DATE_NAMES and (when := parse_metadata_date(a.get("content", ""))):
                self.meta_dates.append(("html-meta", when))
        elif tag == "time" and a.get("datetime") and (
                when := parse_metadata_date(a["datetime"])):
            self.time_dates.append(("html-time", when))
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
            self.skip_stack.append(tag)
            self.skipping[tag] += 1
            return
        if tag in _BLOCK:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP and self.skip_stack and self.skip_stack[-1] == tag:
            self.skip_stack.pop()
            self.skipping[tag] -= 1
            self.skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if self.skipping[tag] > 0:
            while self.skip_stack:
                self.skip_depth -= 1
                popped = self.skip_stack.pop()
                self.skipping[popped] -= 1
                if popped == tag:
                    break
            return
        if tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        # from the raw file, not the parser's copy: that one has the defused openers
        start = self._pos()
        self._emit(self.raw[start:start + len(data)], start, len(data))

    def _ref(self, decoded: str) -> None:
        start = self._pos()
        # the raw reference runs to the next event; find its ';' or its end of word
        m = re.compile(r"&#?[A-Za-z0-9]{1,32};?").match(self.raw, start)
        self._emit(decoded, start, (m.end() - start) if m else 1)

    def handle_entityref(self, name: str) -> None:
        from html import unescape

        self._ref(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        from html import unescape

        decoded = unescape(f"&#{name};")
        self._ref(decoded if decoded.isprintable() or decoded in "\n\t" else " ")


_DEFUSED = "\x01"  # what the parser sees in place of a '<' or '&' that opens nothing
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"\]\s*\]\s*>")
_MS_SECTION_CLOSE = re.compile(r"\]\s*>")
_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_LETTER = re.compile(r"[a-zA-Z]")


def _last_start(pattern: re.Pattern[str], text: str) -> int:
    last = -1
    for match in pattern.finditer(text):
        last = match.start()
    return last


def _defused(raw: str) -> str:
    """`raw`, same length, with each '<' that opens a construct with no terminator after it
    (and each '&#' that is no character reference) replaced by a neutral character.

    The standard library's parser scans from such an opener to the end of the file, gives
    up, treats one character as text and scans again from the next opener: quadratic in
    the number of openers ('<a' * n, '<!--' * n, '</b' * n). Whether a terminator exists
    after a position is known from the last terminator in the file, found once, so this
    pass is linear and the parser then reads each opener as the text it would have become.
    """
    last_gt = raw.rfind(">")
    last_comment = _last_start(_COMMENT_CLOSE, raw) if "<!--" in raw else -1
    last_section = _last_start(_SECTION_CLOSE, raw) if "<![" in raw else -1
    last_ms = _last_start(_MS_SECTION_CLOSE, raw) if "<![" in raw else -1
    cut: list[int] = []
    for match in re.finditer("[<&]", raw):
        i = match.start()
        if raw[i] == "&":
            if raw.startswith("&#", i) and not _CHARREF.match(raw, i):
                cut.append(i)
            continue
        if raw.startswith("<!--", i):
            stuck = last_comment < i + 4
        elif raw.startswith("<![", i):
            name = _SECTION_NAME.match(raw, i + 3)
            keyword = name.group().lower() if name else ""
            if keyword in ("temp", "cdata", "ignore", "include", "rcdata"):
                stuck = last_section < i + 3
            elif keyword in ("if", "else", "endif"):
                stuck = last_ms < i + 3
            else:  # the parser gives up on the whole file for an unknown keyword
                stuck = True
        elif raw.startswith("<!", i) or raw.startswith("<?", i):
            stuck = last_gt < i + (9 if raw[i:i + 9].lower() == "<!doctype" else 2)
        elif raw.startswith("</", i):
            stuck = last_gt < i + 1
        elif _LETTER.match(raw, i + 1):
            stuck = last_gt < i
        else:
            stuck = False
        if stuck:
            cut.append(i)
    if not cut:
        return raw
    chars = list(raw)
    for i in cut:
        chars[i] = _DEFUSED
    return "".join(chars)


def _read_html(raw: str, path: str) -> Article:
    parser = _TextExtractor(raw)
    try:
        parser.feed(_defused(raw))
        parser.close()
    except (AssertionError, ValueError, RecursionError) as exc:  # malformed beyond repair
        raise InputError(f"{path}: cannot parse HTML ({type(exc).__name__})") from None
    text = "".join(parser.parts).replace("\ufeff", " ")
    if not text.strip():
        raise InputError(f"{path}: HTML with no visible text, nothing to check")
    dates = tuple(parser.meta_dates[:1] + parser.time_dates[:1])
    return Article(path=path, raw=raw, text=text, kind="html", offsets=parser.offsets,
                   metadata_dates=dates)

"""What an audit reads: a JSON Lines or Parquet archive, or a directory of article files,
cut into numbered partitions of consecutive rows.

The client plans the partitions (one pass over a JSON Lines file for its line offsets,
Parquet's own metadata, or a directory listing); each worker reads only its partition.
A row that cannot be checked (no text, undecodable, over the size cap, a bad date) comes
back as a `Row` with `error` set, never as an exception.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.source import Article, check_size, decode, read_path, read_text

COLUMNS = ("id", "text", "markdown", "html", "published", "url")
TEXT_COLUMNS = ("text", "markdown", "html")  # a row's first non-empty one is its copy
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
MAX_PARTITION = 100  # articles per partition when not told: ~5 s of work for one core
MIN_PARTITION = 10


@dataclass(slots=True)
class Row:
    """One article of the source, read: an Article to check, or the reason it cannot be."""

    row: int  # position in the source: line index, row index or file index, from 0
    id: str | None
    url: str | None = None
    kind: str | None = None
    article: Article | None = None
    published: dt.date | None = None  # the archive's own publication date, when it has one
    error: str | None = None


# ------------------------------------------------------------------ partitions

@dataclass(frozen=True, slots=True)
class JsonlPart:
    index: int
    path: str
    first_row: int  # line index of the first line
    start: int  # byte offsets [start, end) of whole lines
    end: int

    def read(self, max_bytes: int) -> Iterator[Row]:
        with open(self.path, "rb") as f:
            f.seek(self.start)
            data = f.read(self.end - self.start)
        lines = data.split(b"\n")  # as the plan counted them: \n ends a line, nothing else
        if lines and not lines[-1]:
            lines.pop()
        for i, line in enumerate(lines):
            if line.strip():  # a blank line is no row
                yield _jsonl_row(self.first_row + i, line, max_bytes)


@dataclass(frozen=True, slots=True)
class ParquetPart:
    index: int
    path: str
    first_row: int
    row_group: int
    offset: int  # first row inside the row group
    count: int

    def read(self, max_bytes: int) -> Iterator[Row]:
        import pyarrow.parquet as pq

        with pq.ParquetFile(self.path) as pf:
            columns = [c for c in COLUMNS if c in pf.schema_arrow.names]
            seen = 0
            # Row groups are read in batches of the partition's size, so a partition is one
            # batch whenever the archive's row groups hold a multiple of it.
            for batch in pf.iter_batches(batch_size=self.count, row_groups=[self.row_group],
                                         columns=columns):
                lo, hi = max(self.offset - seen, 0), min(self.offset + self.count - seen,
                                                         batch.num_rows)
                for i, values in enumerate(batch.slice(lo, hi - lo).to_pylist() if hi > lo
                                           else ()):
                    row = self.first_row + seen + lo + i - self.offset
                    yield _values_row(row, values, f"row {row}", max_bytes)
                seen += batch.num_rows
                if seen >= self.offset + self.count:
                    break


@dataclass(frozen=True, slots=True)
class FilesPart:
    index: int
    root: str
    first_row: int
    names: tuple[str, ...]  # paths relative to root, as ids

    def read(self, max_bytes: int) -> Iterator[Row]:
        for i, name in enumerate(self.names):
            path = os.path.join(self.root, name)
            row = Row(self.first_row + i, name)
            try:
                row.article = read_path(path, max_bytes=max_bytes)
                row.kind = row.article.kind
            except InputError as exc:
                row.error = str(exc)
            yield row


Part = JsonlPart | ParquetPart | FilesPart


@dataclass(frozen=True)
class Plan:
    """The source cut into partitions; `fingerprint` changes when the source does."""

    source: str
    form: str  # "jsonl" | "parquet" | "files"
    rows: int
    partition_size: int
    fingerprint: str
    parts: tuple[Part, ...]


def plan(source: str | Path, partition_size: int | None = None, *,
         exclude: Path | None = None) -> Plan:
    """Partitions of `source`, each of `partition_size` rows (by default 100, fewer for small
    sources so that several workers get work); a directory's files under `exclude` (the
    audit's own output) are left out. Raises InputError for an unusable source."""
    path = Path(source).resolve()
    name = str(source)
    suffix = path.suffix.lower()
    if path.is_dir():
        found = _plan_files(path, partition_size, exclude.resolve() if exclude else None)
    elif not path.exists():
        raise InputError(f"{name}: no such file or directory")
    elif suffix in JSONL_SUFFIXES:
        found = _plan_jsonl(path, name, partition_size)
    elif suffix in PARQUET_SUFFIXES:
        found = _plan_parquet(path, name, partition_size)
    else:
        raise InputError(f"{name}: not an archive copydesk reads; give a JSON Lines file "
                         f"({', '.join(JSONL_SUFFIXES)}), a Parquet file "
                         f"({', '.join(PARQUET_SUFFIXES)}) or a directory of .txt, .md and "
                         ".html files")
    if not found.rows:
        raise InputError(f"{name}: nothing to audit (no rows, or no .txt, .md or .html files)")
    return found


def default_partition_size(rows: int) -> int:
    """100 rows, or fewer for a small source (about 64 partitions, at least 10 rows each)."""
    return max(1, min(MAX_PARTITION, max(MIN_PARTITION, math.ceil(rows / 64))))


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _plan_jsonl(path: Path, name: str, size: int | None) -> Plan:
    starts = array("q", [0])  # byte offset of every line start, and of the end
    try:
        with open(path, "rb") as f:
            for line in f:
                starts.append(starts[-1] + len(line))
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    rows = len(starts) - 1
    size = size or default_partition_size(rows)
    parts = tuple(JsonlPart(i, str(path), first, starts[first], starts[min(first + size, rows)])
                  for i, first in enumerate(range(0, rows, size)))
    return Plan(str(path), "jsonl", rows, size, _stamp(path), parts)


def _plan_parquet(path: Path, name: str, size: int | None) -> Plan:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with pq.ParquetFile(path) as pf:
            meta = pf.metadata
            names = pf.schema_arrow.names
            groups = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{name}: not a readable Parquet file ({exc})") from None
    if "id" not in names or not any(c in names for c in TEXT_COLUMNS):
        raise InputError(f"{name}: needs an `id` column and one of "
                         f"{', '.join(f'`{c}`' for c in TEXT_COLUMNS)}; it has "
                         f"{', '.join(names) or 'no columns'}")
    rows = sum(groups)
    size = size or default_partition_size(rows)
    parts: list[Part] = []
    first = 0
    for group, count in enumerate(groups):
        for offset in range(0, count, size):
            n = min(size, count - offset)
            parts.append(ParquetPart(len(parts), str(path), first + offset, group, offset, n))
        first += count
    return Plan(str(path), "parquet", rows, size, _stamp(path), tuple(parts))


def _plan_files(root: Path, size: int | None, exclude: Path | None) -> Plan:
    from checker.source.walk import expand_paths

    files = [Path(p) for p in expand_paths([str(root)])
             if exclude is None or not Path(p).is_relative_to(exclude)]
    names = []
    digest = hashlib.sha256()
    for p in files:
        name = p.relative_to(root).as_posix()
        names.append(name)
        try:
            digest.update(f"{name}\t{_stamp(p)}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            digest.update(f"{name}\t?\n".encode("utf-8", "surrogateescape"))
    size = size or default_partition_size(len(names))
    parts = tuple(FilesPart(i, str(root), first, tuple(names[first:first + size]))
                  for i, first in enumerate(range(0, len(names), size)))
    return Plan(str(root), "files", len(names), size, digest.hexdigest(), parts)


# ------------------------------------------------------------------ one row

def _jsonl_row(row: int, line: bytes, max_bytes: int) -> Row:
    where = f"line {row + 1}"
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Row(row, None, error=f"{where}: not UTF-8 (byte 0x{line[exc.start]:02x} at "
                                    f"offset {exc.start} of the line); write the archive as UTF-8")
    try:
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        return Row(row, None, error=f"{where}: not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(values, dict):
        return Row(row, None, error=f"{where}: not a JSON object")
    return _values_row(row, values, where, max_bytes)


def _values_row(row: int, values: dict, where: str, max_bytes: int) -> Row:
    """A Row from one record's columns (JSON object or Parquet row)."""
    ident = values.get("id")
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        return Row(row, None, error=f"{where}: no `id` (a string or an integer)" if ident is None
                   else f"{where}: `id` must be a string or an integer, not {ident!r}")
    out = Row(row, str(ident))
    url = values.get("url")
    out.url = url if isinstance(url, str) else None
    name = out.id
    try:
        out.published = _published(values.get("published"), name)
        kind = next((k for k in TEXT_COLUMNS if values.get(k) not in (None, "", b"")), None)
        if kind is None:
            raise InputError(f"{name}: no text; the row's {', '.join(TEXT_COLUMNS)} are all "
                             "missing or empty")
        out.kind = kind
        out.article = read_text(_text(values[kind], name, max_bytes), path=name, kind=kind)
    except InputError as exc:
        out.error = str(exc)
    return out


def _text(value: object, name: str, max_bytes: int) -> str:
    if isinstance(value, bytes):
        check_size(name, len(value), max_bytes)
        return decode(value, name=name)
    if not isinstance(value, str):
        raise InputError(f"{name}: the copy is a {type(value).__name__}, not text")
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InputError(f"{name}: not valid Unicode (a lone surrogate at character "
                         f"{exc.start}); the archive's writer split a character") from None
    check_size(name, size, max_bytes)
    return value


def _published(value: object, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise InputError(f"{name}: published {value!r} is not a date; use YYYY-MM-DD or an ISO "
                     "8601 date and time")

"""The audit's tables: their schemas, one partition's rows, atomic writes, and the final files.

findings.parquet  one row per finding: the article's row and id, rule, severity, message,
                  spans (raw offsets with line and column, as in the JSON report), the
                  related places' labels, hint, suggestion
articles.parquet  one row per article: row, id, url, kind, publication date and its source,
                  findings by severity and by rule (one column per rule id), error

Each partition is written as parts/findings-NNNNNN.parquet and parts/articles-NNNNNN.parquet,
each to a temporary name first and then renamed, articles last: a partition whose articles
file exists is complete, and a crash leaves at most a temporary file behind.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from checker.model import FileReport, Finding, Severity
from checker.report.common import LineIndex, raw_spans

PARTS = "parts"
FINDINGS = "findings.parquet"
ARTICLES = "articles.parquet"
SEVERITIES = tuple(s.value for s in Severity)
ROWS_PER_GROUP = 50_000  # rows per Parquet row group in the combined files

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("line", pa.int64()),
                  ("column", pa.int64())])
FINDINGS_SCHEMA = pa.schema([
    ("row", pa.int64()), ("id", pa.string()), ("rule", pa.string()), ("severity", pa.string()),
    ("message", pa.string()), ("spans", pa.list_(SPAN)), ("related", pa.list_(pa.string())),
    ("hint", pa.string()), ("suggestion", pa.string()),
])


@cache
def rule_ids() -> tuple[str, ...]:
    from checker.rules import ALL_RULES

    return tuple(rule.id for rule in ALL_RULES)


@cache
def articles_schema() -> pa.Schema:
    return pa.schema([
        ("row", pa.int64()), ("id", pa.string()), ("url", pa.string()), ("kind", pa.string()),
        ("published", pa.date32()), ("published_source", pa.string()),
        ("findings", pa.int32()),
        *[(f"findings_{s}", pa.int32()) for s in SEVERITIES],
        *[(rule, pa.int32()) for rule in rule_ids()],
        ("error", pa.string()),
    ])


def suggestion(finding: Finding) -> str | None:
    """The likeliest suggested fix's replacement text, if the finding has one."""
    return finding.suggestions[0].text if finding.suggestions else None


def finding_rows(row: int, ident: str | None, fr: FileReport) -> Iterator[dict]:
    index = LineIndex(fr.raw_text)
    for f in fr.findings:
        yield {"row": row, "id": ident, "rule": f.rule, "severity": f.severity.value,
               "message": f.message,
               "spans": [{"start": s.start, "end": s.end, "line": s.line, "column": s.column}
                         for s in raw_spans(fr, f, index)],
               "related": [r.label for r in f.related], "hint": f.hint,
               "suggestion": suggestion(f)}


def article_row(row: int, ident: str | None, *, url: str | None, kind: str | None,
                fr: FileReport | None, error: str | None, archive_date: bool) -> dict:
    """One article's row; `archive_date` says the publication date came from the archive."""
    rules = Counter(f.rule for f in fr.findings) if fr else Counter()
    levels = Counter(f.severity.value for f in fr.findings) if fr else Counter()
    pub = fr.publication_date if fr else None
    source = pub.source if pub else None
    if archive_date and source == "option":
        source = "archive"
    return {"row": row, "id": ident, "url": url, "kind": kind,
            "published": pub.date if pub else None, "published_source": source,
            "findings": sum(rules.values()),
            **{f"findings_{s}": levels[s] for s in SEVERITIES},
            **{rule: rules[rule] for rule in rule_ids()},
            "error": error}


# ------------------------------------------------------------------ partitions on disk

def part_path(out: Path, table: str, index: int) -> Path:
    return out / PARTS / f"{table}-{index:06d}.parquet"


def write_part(out: Path, index: int, findings: list[dict], articles: list[dict]) -> None:
    """Write one partition's two files atomically (temporary name, then rename)."""
    for name, rows, schema in (("findings", findings, FINDINGS_SCHEMA),
                               ("articles", articles, articles_schema())):
        final = part_path(out, name, index)
        # A name of its own per attempt: a task run twice (a worker thought lost) must not
        # write into the other attempt's temporary file.
        tmp = final.with_name(f"{final.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
        os.replace(tmp, final)


def done_parts(out: Path, count: int) -> set[int]:
    return {i for i in range(count) if part_path(out, "articles", i).exists()}


def clear_temporary(out: Path) -> None:
    for tmp in (out / PARTS).glob("*.tmp"):
        tmp.unlink(missing_ok=True)


def combine(out: Path, count: int) -> None:
    """findings.parquet and articles.parquet from the partitions, in partition order."""
    for name, schema in (("findings", FINDINGS_SCHEMA), ("articles", articles_schema())):
        final = out / f"{name}.parquet"
        tmp = final.with_name(f"{final.name}.{os.getpid()}.tmp")
        with pq.ParquetWriter(tmp, schema) as writer:
            for table in _grouped(pq.read_table(part_path(out, name, i), schema=schema)
                                  for i in range(count)):
                writer.write_table(table, row_group_size=ROWS_PER_GROUP)
        os.replace(tmp, final)


def _grouped(tables: Iterable[pa.Table]) -> Iterator[pa.Table]:
    """The tables joined into runs of about ROWS_PER_GROUP rows (small row groups are slow)."""
    pending: list[pa.Table] = []
    rows = 0
    for table in tables:
        pending.append(table)
        rows += table.num_rows
        if rows >= ROWS_PER_GROUP:
            yield pa.concat_tables(pending)
            pending, rows = [], 0
    if rows:
        yield pa.concat_tables(pending)


def atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)

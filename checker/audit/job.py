"""What runs on a Dask worker: the language model loaded once per worker, and one partition
checked and written. The checking is the engine's: `analyse` and `_file_report`, over the
partition's texts streamed through one `nlp.pipe`, as `copydesk check` does."""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from distributed import WorkerPlugin

from checker.audit import outputs
from checker.audit.sources import Part, Row
from checker.engine import _file_report, analyse, select_rules
from checker.model import FileReport, Severity
from checker.nlp import load_pipeline
from checker.source.known import KnownFacts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """Everything a worker needs besides its partition (sent with every task; small)."""

    out: str
    max_bytes: int
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    params: dict[str, dict] = field(default_factory=dict)
    known: KnownFacts | None = None
    model: str | None = None
    batch_size: int = 16


class LoadModel(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts (and when a restarted one comes back),
    so that no task pays for it; `load_pipeline` keeps it for the process."""

    name = "copydesk-model"

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def setup(self, worker) -> None:
        load_pipeline(self.model)


def dask_setup(worker) -> None:  # Dask's preload hook
    """Preload of a local cluster's workers. Ctrl-C on a terminal reaches every process of
    its group; the client stops the cluster, so the workers ignore it (no stray tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def check_partition(part: Part, options: Options) -> dict[str, int]:
    """Check one partition and write its two files; returns its counts."""
    rules = select_rules(options.select, options.ignore)
    findings: list[dict] = []
    articles: list[dict] = []
    for row, report, error in _checked(list(part.read(options.max_bytes)), rules, options):
        if report is not None:
            findings.extend(outputs.finding_rows(row.row, row.id, report))
        articles.append(outputs.article_row(row.row, row.id, url=row.url, kind=row.kind,
                                            fr=report, error=error,
                                            archive_date=row.published is not None))
    outputs.write_part(Path(options.out), part.index, findings, articles)
    return {"partition": part.index, "articles": len(articles), "findings": len(findings),
            "unreadable": sum(a["error"] is not None for a in articles)}


def _checked(rows: list[Row], rules, options: Options
             ) -> Iterator[tuple[Row, FileReport | None, str | None]]:
    """(row, its report or None, its error or None) for every row, in order."""
    good = [r.article for r in rows if r.article is not None]
    docs = iter(())
    if good:
        nlp = load_pipeline(options.model)
        nlp.max_length = max(nlp.max_length, *(len(a.text) + 1 for a in good))
        docs = nlp.pipe([a.text for a in good], batch_size=options.batch_size)
    for row in rows:
        if row.article is None:
            yield row, None, row.error
            continue
        doc = next(docs)
        try:
            analysis = analyse(row.article, publication_date_given=row.published, doc=doc,
                               known=options.known, params=options.params)
            yield row, _file_report(analysis, rules, options.severity), None
        except Exception as exc:  # one bad article must not stop the audit
            log.exception("internal error on row %s (%s)", row.row, row.id)
            yield row, None, (f"{row.id}: internal error, please report "
                              f"({type(exc).__name__}: {exc})")

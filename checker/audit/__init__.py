"""copydesk audit: every article of an archive checked on a Dask cluster, the findings
written as Parquet tables with a summary for people.

    sources  the archive cut into partitions; each worker reads its own
    job      what a worker runs: the model loaded once, a partition checked and written
    outputs  the tables' schemas, atomic partition files, the final files
    summary  summary.md and summary.html, with a chart
    run      the client: plan, manifest (resume), cluster, tasks, final files

Needs the `audit` extra (dask[distributed], pyarrow, matplotlib).
"""

from checker.audit.run import AuditError, AuditResult, audit

__all__ = ["AuditError", "AuditResult", "audit"]

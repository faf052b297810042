"""The client side of an audit: plan the partitions, keep the manifest that makes a rerun
resume, hand the missing partitions to a Dask cluster, then join the parts into the final
files and write the summary.

The workers read the source and write the parts themselves, so on an existing cluster
SOURCE and DIR must be reachable from every worker at the same paths (a shared
filesystem), as for Dask's own readers and writers. A local cluster always can.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker.audit import outputs, summary
from checker.audit.job import LoadModel, Options, check_partition
from checker.audit.sources import Plan, plan
from checker.errors import InputError
from checker.source import MAX_BYTES

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
CONNECT_TIMEOUT = "15s"  # to reach an existing scheduler
WORKER_WAIT = 60  # seconds to wait for an existing cluster's workers


class AuditError(InputError):
    """An audit that cannot run or finish; the message says what to do."""


@dataclass(frozen=True)
class AuditResult:
    out: Path
    partitions: int
    skipped: int  # partitions already written by an earlier run
    totals: summary.Totals
    fail_on: str  # from the configuration: "error" | "warning" | "info" | "never"


def audit(source: str | Path, out: str | Path, *, scheduler: str | None = None,
          workers: int | None = None, partition_size: int | None = None,
          max_bytes: int = MAX_BYTES, progress: bool = False, client=None,
          ) -> AuditResult:
    """Check every article of `source` on a Dask cluster and write the audit into `out`.

    `client`: an existing `distributed.Client` to use; otherwise `scheduler` (an address) is
    joined, or a local cluster of `workers` processes (default one per core) is started.
    Raises InputError (AuditError) for a source, directory or cluster that cannot be used.
    """
    from checker import __version__
    from checker.config import settings_for
    from checker.source.known import load_facts

    out = Path(out)
    previous = _read_manifest(out)
    if partition_size is None and previous:
        partition_size = previous.get("partition_size")  # a rerun keeps its partitions
    the_plan = plan(source, partition_size, exclude=out)
    settings = settings_for(Path(the_plan.source))
    options = Options(out=str(out.resolve()), max_bytes=max_bytes, select=settings.select,
                      ignore=settings.ignore, severity=settings.severity,
                      params=settings.params, model=settings.model,
                      known=load_facts(settings.facts) if settings.facts else None)
    manifest = _manifest(the_plan, options, settings.facts, __version__)
    if previous and previous != manifest:
        changed = sorted(k for k in manifest.keys() | previous.keys()
                         if manifest.get(k) != previous.get(k))
        raise AuditError(f"{out} holds part of another audit ({', '.join(changed)} differ); "
                         f"give another --out directory, or delete {out / outputs.PARTS} to "
                         "start this one afresh")
    try:
        (out / outputs.PARTS).mkdir(parents=True, exist_ok=True)
        if not previous:
            outputs.atomic_write_text(out / outputs.PARTS / MANIFEST, _dump(manifest))
        outputs.clear_temporary(out)
    except OSError as exc:
        raise AuditError(f"cannot write the audit into {out}: {exc.strerror or exc}") from None

    done = outputs.done_parts(out, len(the_plan.parts))
    todo = [part for part in the_plan.parts if part.index not in done]
    closing = None
    if todo:
        active, close = _connect(client, scheduler, workers, len(todo))
        try:
            _run(active, todo, options, settings.model, progress)
        except BaseException:
            close()
            raise
        # Every part is on disk: a local cluster stops (a second or two) while the final
        # files are written.
        closing = threading.Thread(target=close, name="close-cluster")
        closing.start()
    try:
        outputs.combine(out, len(the_plan.parts))
        totals = summary.write(out, the_plan.source)
    finally:
        if closing is not None:
            closing.join()
    return AuditResult(out, len(the_plan.parts), len(done), totals, settings.fail_on)


def _run(client, parts: list, options: Options, model: str | None,
         progress: bool) -> None:
    from distributed import progress as progress_bar

    try:
        client.register_plugin(LoadModel(model))
    except Exception as exc:  # noqa: BLE001 - whatever a worker raised, it cannot check copy
        raise AuditError(f"the Dask workers cannot load copydesk's language model "
                         f"({type(exc).__name__}: {exc}); install copydesk[audit,model] on every"
                         " worker") from None
    run = f"copydesk-audit-{uuid.uuid4().hex[:8]}"
    futures = client.map(check_partition, parts, options=options,
                         key=[(run, part.index) for part in parts])
    try:
        if progress:
            progress_bar(futures, multi=False, scheduler=client.scheduler.address)
        client.gather(futures, errors="skip")  # waits for all; the results are counts
        failed = [(part, future.exception()) for part, future in zip(parts, futures)
                  if future.status == "error"]
    finally:
        client.cancel(futures)
    if failed:
        part, exc = failed[0]
        raise AuditError(f"{len(failed)} of {len(parts)} partitions failed (the first, "
                         f"partition {part.index} from row {part.first_row}: "
                         f"{type(exc).__name__}: {exc}); the others are saved: run the same "
                         "command again to retry the failed ones")


def _connect(client, scheduler: str | None, workers: int | None,
             tasks: int) -> tuple[object, Callable[[], None]]:
    """A client to run on, and what stops what was started for it (nothing for a given
    client or an existing cluster but the connection)."""
    if client is not None:
        return client, lambda: None
    from distributed import Client, LocalCluster

    # set_as_default=False: the client is closed from another thread (see audit), and a
    # default client is bound to the context it was made in.
    if scheduler:
        try:
            joined = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise AuditError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check "
                             "the address (for example tcp://10.0.0.5:8786) or leave out "
                             "--scheduler to start a local cluster") from None
        try:
            joined.wait_for_workers(workers or 1, timeout=WORKER_WAIT)
        except TimeoutError:
            joined.close()
            raise AuditError(f"the Dask scheduler at {scheduler} has fewer than "
                             f"{workers or 1} workers after {WORKER_WAIT} s; start workers "
                             f"with `dask worker {scheduler}`") from None
        return joined, joined.close
    import dask

    count = max(1, min(workers or os.cpu_count() or 1, tasks))
    # One single-threaded process per worker: spaCy's pass holds the GIL. Dask's sampling
    # profiler (a stack walk every 10 ms, for its dashboard) costs about 5% of the CPU here.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR,
                               preload=["checker.audit.job"])
    try:
        local = Client(cluster, set_as_default=False)
    except BaseException:
        cluster.close()
        raise

    def close() -> None:
        local.close()
        cluster.close()

    return local, close


def _manifest(the_plan: Plan, options: Options, facts: str | None, version: str) -> dict:
    return json.loads(_dump({
        "copydesk": version, "source": the_plan.source, "form": the_plan.form,
        "fingerprint": the_plan.fingerprint, "rows": the_plan.rows,
        "partition_size": the_plan.partition_size, "partitions": len(the_plan.parts),
        "max_bytes": options.max_bytes, "rules": list(outputs.rule_ids()),
        "settings": {"select": options.select, "ignore": options.ignore,
                     "severity": {k: v.value for k, v in options.severity.items()},
                     "params": options.params, "model": options.model, "facts": facts},
    }))


def _dump(value: dict) -> str:
    return json.dumps(value, indent=2, sort_keys=True, default=str) + "\n"


def _read_manifest(out: Path) -> dict | None:
    try:
        return json.loads((out / outputs.PARTS / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise AuditError(f"{out / outputs.PARTS / MANIFEST}: unreadable ({exc}); delete "
                         f"{out / outputs.PARTS} to start the audit afresh") from None

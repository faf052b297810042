"""`copydesk serve`: the checker as an HTTP service, for a CMS and for a desk editor's page.

One asyncio process (Starlette under uvicorn) takes the requests; a pool of worker
processes, each with the pipeline loaded once, does the checks (`pool.py`, `worker.py`).
Settings come from the configuration file found from the working directory, as for the
CLI; a request's own fields win over it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import signal
import socket
import stat
from pathlib import Path

from checker.errors import InputError

log = logging.getLogger("copydesk.serve")

MAX_WAITING_PER_WORKER = 32  # checks queued beyond this get 503 and Retry-After


def run(*, host: str = "127.0.0.1", port: int = 8750, workers: int = 0,
        max_bytes: int = 1_000_000, timeout: float = 60.0, token_file: str | None = None,
        cors_origins: tuple[str, ...] = (), log_level: str = "info") -> int:
    """Serve until SIGTERM or Ctrl-C; the exit status (0, or 2 when it cannot start).

    Raises InputError (one line) for settings that cannot be used.
    """
    import uvicorn

    from checker.config import settings_for
    from checker.source.known import load_facts

    logging.basicConfig(level=log_level.upper(), format="%(levelname)-9s %(message)s")
    settings = settings_for(Path.cwd())
    if settings.facts:
        load_facts(settings.facts)  # a broken facts file stops the start, not every check
    token = _token(token_file) if token_file else None
    _can_listen(host, port)  # before the workers spend seconds loading the model
    if not token and not _loopback(host):
        log.warning("listening on %s without --token-file: anyone who reaches this machine "
                    "can use the service", host)
    setup = {"model": settings.model, "select": settings.select, "ignore": settings.ignore,
             "facts": settings.facts, "fail_on": settings.fail_on, "params": settings.params,
             "severity": {rule: level.value for rule, level in settings.severity.items()}}
    size = workers or os.cpu_count() or 1
    config = uvicorn.Config(None, host=host, port=port, lifespan="off", log_level=log_level,
                            server_header=False, timeout_graceful_shutdown=timeout + 10)
    with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
        return runner.run(_serve(config, size, setup, settings, max_bytes=max_bytes,
                                 timeout=timeout, token=token, cors_origins=cors_origins))


async def _serve(config, size: int, setup: dict, settings, *, max_bytes: int,
                 timeout: float, token: str | None, cors_origins: tuple[str, ...]) -> int:
    import uvicorn

    from checker.serve.app import Service, create_app
    from checker.serve.pool import Pool, StartError

    pool = Pool(size, setup, timeout=timeout, max_waiting=MAX_WAITING_PER_WORKER * size)
    try:
        await pool.start()
    except StartError as exc:
        log.error("copydesk serve: %s", exc)
        return 2
    log.info("%d check worker%s ready (%s, spaCy %s)", size, "s" * (size != 1),
             pool.info.get("model"), pool.info.get("spacy"))
    service = Service(settings, max_bytes=max_bytes, timeout=timeout, token=token,
                      cors_origins=cors_origins)
    config.app = create_app(service, pool)
    server = uvicorn.Server(config)
    # uvicorn takes SIGINT and SIGTERM while it serves, finishes the requests in flight,
    # then raises the signal again under the handlers it found: these, so that the
    # workers are stopped here and the exit is clean.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: None)
    try:
        await server.serve()
    except SystemExit:  # uvicorn could not bind; it has said why
        return 2
    finally:
        await pool.close()
        log.info("copydesk serve stopped; checks answered: %d", pool.checks)
    return 0 if server.started else 2


def _token(path: str) -> str:
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
        mode = Path(path).stat().st_mode
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the token file ({exc})") from None
    if not token or any(c.isspace() for c in token):
        raise InputError(f"{path}: the token file must hold one token (no spaces), for "
                         "example from: python -c 'import secrets; print(secrets.token_urlsafe())'")
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s can be read by other users; chmod 600 it", path)
    return token


def _can_listen(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise InputError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); pick "
                             "another --port or --host, or stop what holds it") from None


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

"""The pool of check workers, seen from the server's event loop.

Each worker is a process (`checker.serve.worker`) that loaded the pipeline once. A check
takes an idle worker, sends it the job and waits for the answer under the time limit. A
worker that overruns is killed, so that the limit really stops the work, and a fresh one
is started in the background; the other workers keep serving meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

from checker.serve.worker import HEADER, encode

log = logging.getLogger("copydesk.serve")

START_TIMEOUT = 300.0  # seconds for a worker to load the model (a busy 2-core machine)
THREAD_LIMITS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class StartError(Exception):
    """A worker could not start (the model is missing, the settings are wrong)."""


class Busy(Exception):
    """Too many checks are already waiting for a worker."""


class TimedOut(Exception):
    """A check ran past the time limit; its worker was replaced."""


class WorkerLost(Exception):
    """A worker died during a check; it was replaced."""


class Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pid = process.pid

    async def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(encode(message))
        await self.process.stdin.drain()

    async def receive(self) -> dict[str, Any]:
        import json

        assert self.process.stdout is not None
        (size,) = HEADER.unpack(await self.process.stdout.readexactly(HEADER.size))
        return json.loads(await self.process.stdout.readexactly(size))

    async def call(self, message: dict[str, Any]) -> dict[str, Any]:
        await self.send(message)
        return await self.receive()

    def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()

    async def stop(self, grace: float) -> None:
        """Close the worker's input (it finishes and exits); kill it after `grace` seconds."""
        if self.process.stdin is not None and not self.process.stdin.is_closing():
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), grace)
        except TimeoutError:
            self.kill()
            await self.process.wait()


class Pool:
    def __init__(self, size: int, setup: dict[str, Any], *, timeout: float,
                 max_waiting: int) -> None:
        self.size = size
        self.setup = setup
        self.timeout = timeout
        self.max_waiting = max_waiting
        self.info: dict[str, Any] = {}
        self.checks = 0
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._workers: set[Worker] = set()
        self._waiting = 0
        self._closing = False
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def alive(self) -> int:
        return sum(w.process.returncode is None for w in self._workers)

    @property
    def busy(self) -> int:
        return len(self._workers) - self._idle.qsize()

    @property
    def pids(self) -> list[int]:
        return sorted(w.pid for w in self._workers)

    async def start(self) -> None:
        """Start every worker and wait until each has its model loaded."""
        started = await asyncio.gather(*(self._spawn() for _ in range(self.size)),
                                       return_exceptions=True)
        failed = [r for r in started if isinstance(r, BaseException)]
        for result in started:
            if isinstance(result, Worker):
                self._idle.put_nowait(result)
        if failed:
            await self.close()
            raise failed[0] if isinstance(failed[0], StartError) \
                else StartError(f"{type(failed[0]).__name__}: {failed[0]}")

    async def _spawn(self) -> Worker:
        env = dict(os.environ)
        for name in THREAD_LIMITS:  # one core per worker: the pool is the parallelism
            env.setdefault(name, "1")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "checker.serve.worker",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=env)
        worker = Worker(process)
        self._workers.add(worker)
        try:
            ready = await asyncio.wait_for(worker.call(self.setup), START_TIMEOUT)
        except (TimeoutError, asyncio.IncompleteReadError, ConnectionError) as exc:
            self._forget(worker)
            raise StartError(f"a check worker did not start ({type(exc).__name__})") from None
        if "fatal" in ready:
            self._forget(worker)
            raise StartError(f"a check worker could not load: {ready['fatal']}")
        self.info = {k: v for k, v in ready.items() if k in ("model", "spacy")}
        log.info("check worker %d ready (%s)", worker.pid, ready.get("model"))
        return worker

    def _forget(self, worker: Worker) -> None:
        worker.kill()
        self._workers.discard(worker)

    async def check(self, job: dict[str, Any]) -> dict[str, Any]:
        """The worker's answer to `job`. Raises Busy, TimedOut or WorkerLost."""
        if self._waiting >= self.max_waiting:
            raise Busy
        self._waiting += 1
        try:
            worker = await self._idle.get()
        finally:
            self._waiting -= 1
        try:
            answer = await asyncio.wait_for(worker.call(job), self.timeout)
        except TimeoutError:
            self._replace(worker)
            raise TimedOut from None
        except (asyncio.IncompleteReadError, ConnectionError):
            log.error("check worker %d stopped during a check (exit status %s); starting "
                      "another", worker.pid, await worker.process.wait())
            self._replace(worker)
            raise WorkerLost from None
        except BaseException:
            # cancelled half-way: its answer would reach the next caller, so it goes
            self._replace(worker)
            raise
        self.checks += 1
        self._idle.put_nowait(worker)
        return answer

    def _replace(self, worker: Worker) -> None:
        self._forget(worker)
        if self._closing:
            return
        task = asyncio.create_task(self._respawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _respawn(self) -> None:
        delay = 1.0
        while not self._closing:
            try:
                worker = await self._spawn()
            except StartError as exc:
                log.error("%s; trying again in %.0f s", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 60.0)
                continue
            if self._closing:
                await worker.stop(0)
                return
            self._idle.put_nowait(worker)
            return

    async def close(self, grace: float = 10.0) -> None:
        """Stop every worker: each finishes its check in flight, then exits."""
        self._closing = True
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*(w.stop(grace) for w in list(self._workers)),
                             return_exceptions=True)
        self._workers.clear()

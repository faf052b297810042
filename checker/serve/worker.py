"""One check worker: loads the pipeline once, then checks one article per message.

The pool starts it as `python -m checker.serve.worker` and talks to it over its standard
input and a private copy of its standard output, in frames (an 8-byte big-endian length,
then that many bytes of UTF-8 JSON). The first frame in is the setup (model, configured
severities and parameters, default rules and facts); the worker answers `{"ready": ...}`
once the model is loaded, or `{"fatal": "<one line>"}`. Then every frame in is a job, and
every frame out its answer: `{"status": 200, "body": "<the rendered report>"}` or
`{"status": 4xx/500, "error": "<one line>"}`. End of input means stop.

Article text is never logged: an internal error logs its type and where it happened.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import struct
import sys
import traceback
from typing import IO, Any

HEADER = struct.Struct(">Q")
WARM_UP = "It opened on Thursday, 29 May 2024, two days after the vote on Tuesday."

log = logging.getLogger("copydesk.serve.worker")


def encode(message: dict[str, Any]) -> bytes:
    # ASCII: a lone surrogate in a field travels as its escape instead of failing here
    payload = json.dumps(message).encode("ascii")
    return HEADER.pack(len(payload)) + payload


def read_frame(stream: IO[bytes]) -> dict[str, Any] | None:
    """The next message, or None at the end of the input."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        return None
    return json.loads(payload)


class Checker:
    """The engine with its pipeline loaded and the server's settings applied."""

    def __init__(self, setup: dict[str, Any]) -> None:
        import spacy

        from checker.model import Severity
        from checker.nlp import load_pipeline
        from checker.source.known import load_facts

        self.nlp = load_pipeline(setup.get("model"))
        self.severity = {rule: Severity(level) for rule, level in setup.get("severity", {}).items()}
        self.params = setup.get("params") or {}
        self.select = setup.get("select")
        self.ignore = setup.get("ignore")
        self.known = load_facts(setup["facts"]) if setup.get("facts") else None
        self.fail_rank = 99 if setup.get("fail_on", "warning") == "never" \
            else Severity(setup.get("fail_on", "warning")).rank
        meta = self.nlp.meta
        self.info = {"model": f"{meta.get('lang', '?')}_{meta.get('name', '?')} "
                              f"{meta.get('version', '?')}",
                     "spacy": spacy.__version__}
        # one check before the first request, so that no caller pays for first-call costs
        self.run({"text": WARM_UP, "kind": "text", "date": "2024-05-29", "format": "json"})

    def run(self, job: dict[str, Any]) -> dict[str, Any]:
        """A job's answer: the rendered report, or a status and a one-line error."""
        from checker.errors import InputError

        try:
            return {"status": 200, "body": self._check(job)}
        except InputError as exc:
            return {"status": 422, "error": str(exc).removeprefix("-: ")}  # one article
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the worker
            where = "".join(traceback.format_tb(exc.__traceback__)[-3:])
            log.error("internal error in a check (%s), at:\n%s", type(exc).__name__, where)
            return {"status": 500,
                    "error": f"internal error, please report ({type(exc).__name__}: {exc})"}

    def _check(self, job: dict[str, Any]) -> str:
        import datetime as dt

        from checker.engine import _doc, _file_report, analyse, select_rules
        from checker.model import Report
        from checker.report import FORMATTERS
        from checker.serve.job import FACTS_SOURCE
        from checker.source import read_text
        from checker.source.known import parse_facts

        article = read_text(job["text"], path="-", kind=job["kind"])
        rules = select_rules(job.get("select", self.select), job.get("ignore", self.ignore))
        known = parse_facts(job["facts"], FACTS_SOURCE) if job.get("facts") is not None \
            else self.known
        date = dt.date.fromisoformat(job["date"]) if job.get("date") else None
        # The strings and lexemes a new article brings are freed after its check: a worker
        # that reads the news for weeks would otherwise grow with every new name.
        with self.nlp.memory_zone():
            # the engine's own reading: a long article in pieces, as `check` reads it
            doc = _doc(self.nlp, article.text)
            analysis = analyse(article, publication_date_given=date, doc=doc, known=known,
                               params=self.params)
            report = Report([_file_report(analysis, rules, self.severity)])
            return FORMATTERS[job["format"]](report, fail_rank=self.fail_rank)


def main() -> int:
    # The protocol gets a private copy of stdout; anything a library prints goes to the log.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    # The server decides when a worker stops (it closes our input, after the requests in
    # flight are answered); a Ctrl-C or SIGTERM sent to the whole process group must not
    # cut a check short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format=f"copydesk worker {os.getpid()}: %(levelname)s %(message)s")
    stream = sys.stdin.buffer
    setup = read_frame(stream)
    if setup is None:
        return 0

    def send(message: dict[str, Any]) -> None:
        out.write(encode(message))
        out.flush()

    try:
        checker = Checker(setup)
    except Exception as exc:  # noqa: BLE001 - any failure to load is said in one line
        try:
            send({"fatal": f"{type(exc).__name__}: {exc}".splitlines()[0]})
        except BrokenPipeError:
            pass
        return 1
    try:
        send({"ready": True, "pid": os.getpid(), **checker.info})
        while (job := read_frame(stream)) is not None:
            send(checker.run(job))
    except BrokenPipeError:  # the server is gone (stopped while this worker was starting)
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A check request, read and validated before any worker sees it.

`POST /v1/check` takes one JSON object:

    {"text" | "html" | "markdown": "<the copy>",       exactly one of the three
     "publication_date": "YYYY-MM-DD",                   optional
     "facts": {"person": [{"name": ..., "born": "YYYY-MM-DD", ...}]} or a TOML string,
     "select": ["rule-id", ...] or "id,id", "ignore": [...]}

Every problem is an `RequestError` with an HTTP status and one line that says what to do.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from typing import Any

from checker.errors import InputError
from checker.report import FORMATTERS
from checker.source import check_size

KINDS = ("text", "html", "markdown")
FACTS_SOURCE = "facts in the request"  # how reports and errors name a request's facts
KEYS = (*KINDS, "publication_date", "facts", "select", "ignore")
# The views a check can return (every one of checker.report.FORMATTERS), each with its
# media type; a view not named here is plain text.
MEDIA_TYPES = {
    "json": "application/json",
    "sarif": "application/sarif+json",
    "codequality": "application/json",
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "junit": "application/xml",
}
FORMATS = {name: MEDIA_TYPES.get(name, "text/plain; charset=utf-8") for name in FORMATTERS}


class RequestError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def body_limit(max_bytes: int) -> int:
    """The largest request body read: the article's limit, twice over for JSON escaping
    (\\n, quotes, \\u escapes of non-ASCII), plus room for the other fields."""
    return 2 * max_bytes + 65_536


def parse_job(body: bytes, *, format: str, max_bytes: int) -> dict[str, Any]:
    """The job a worker runs, from a request body; raises RequestError."""
    if format not in FORMATS:
        raise RequestError(422, f"unknown format {format!r}; valid: {', '.join(FORMATS)}")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RequestError(400, f"the request body is not JSON ({_first_line(exc)}); send "
                                'an object such as {"text": "...", '
                                '"publication_date": "2024-05-29"}') from None
    if not isinstance(data, dict):
        raise RequestError(400, "the request body must be a JSON object, such as "
                                '{"text": "..."}')
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise RequestError(422, f"unknown field(s) {', '.join(unknown)}; "
                                f"valid fields: {', '.join(KEYS)}")
    given = [kind for kind in KINDS if kind in data]
    if len(given) != 1:
        raise RequestError(422, "give the copy in exactly one of the fields text, html, "
                                f"markdown ({'none' if not given else ', '.join(given)} given)")
    kind = given[0]
    text = data[kind]
    if not isinstance(text, str):
        raise RequestError(422, f"{kind} must be a string")
    try:
        check_size(kind, len(text.encode("utf-8")), max_bytes)
    except InputError as exc:
        raise RequestError(413, str(exc)) from None
    except UnicodeEncodeError as exc:
        raise RequestError(422, f"{kind} is not Unicode text (a lone surrogate "
                                f"\\u{ord(text[exc.start]):04x} at offset {exc.start})") from None
    if not text.strip():
        raise RequestError(422, f"{kind} is empty: nothing to check")
    job: dict[str, Any] = {"text": text, "kind": kind, "format": format}
    date = data.get("publication_date")
    if date is not None:
        if not isinstance(date, str) or not _is_date(date):
            raise RequestError(422, f"publication_date {date!r} is not a date; "
                                    "use YYYY-MM-DD, e.g. 2024-05-29")
        job["date"] = date
    for key in ("select", "ignore"):
        if data.get(key) is not None:
            job[key] = _rule_ids(key, data[key])
    if data.get("facts") is not None:
        job["facts"] = _facts(data["facts"])
    return job


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _rule_ids(key: str, value: object) -> list[str]:
    from checker.rules import RULES_BY_ID

    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RequestError(422, f"{key} must be a list of rule ids (or one string, "
                                "comma-separated)")
    ids = [v.strip() for v in value if v.strip()]
    unknown = [i for i in ids if i not in RULES_BY_ID]
    if unknown:
        raise RequestError(422, f"{key}: unknown rule id(s) {', '.join(unknown)}; "
                                f"valid ids: {', '.join(RULES_BY_ID)}")
    return ids


def _facts(value: object) -> dict[str, Any]:
    """The facts as a JSON object the worker can read again (TOML is parsed here)."""
    from checker.source.known import parse_facts

    if isinstance(value, str):
        try:
            value = tomllib.loads(value)
        except tomllib.TOMLDecodeError as exc:
            raise RequestError(422, f"facts: not valid TOML ({exc})") from None
    try:
        parse_facts(value, FACTS_SOURCE)
    except InputError as exc:
        raise RequestError(422, str(exc)) from None
    return json.loads(json.dumps(value, default=_iso))


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__

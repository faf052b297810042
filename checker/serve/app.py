"""The HTTP side of `copydesk serve`: a Starlette app in front of the pool of check workers.

    POST /v1/check[?format=json|sarif|html|markdown|...]   the report on one article
    GET  /v1/rules            every rule: id, severity in force, title
    GET  /v1/rules/{id}       what a rule flags, why, and its examples (`copydesk explain`)
    GET  /healthz             200 while a worker is alive, 503 otherwise
    GET  /version             copydesk, spaCy and the model
    GET  /                    the editor's page

Every error is JSON, `{"error": "<one line>"}`, with a status that means something; no
traceback reaches a response. Article text is never logged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
from dataclasses import dataclass
from importlib import resources

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from checker import __version__
from checker.config import Settings
from checker.serve.job import FORMATS, RequestError, body_limit, parse_job
from checker.serve.pool import Busy, Pool, TimedOut, WorkerLost

log = logging.getLogger("copydesk.serve")

OPEN_PATHS = ("/", "/healthz")  # the page holds no secret; a proxy probes the health check


@dataclass(frozen=True)
class Service:
    """What the app needs besides the pool: limits, access and the settings in force."""

    settings: Settings
    max_bytes: int = 1_000_000
    timeout: float = 60.0
    token: str | None = None
    cors_origins: tuple[str, ...] = ()


def error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


class TokenGate:
    """Every path but OPEN_PATHS needs `Authorization: Bearer <token>`."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] not in OPEN_PATHS:
            given = dict(scope["headers"]).get(b"authorization", b"")
            if not hmac.compare_digest(given, self.expected):
                reason = "a bearer token is required" if not given else "wrong bearer token"
                response = error(401, f"{reason}: send Authorization: Bearer <token> (the "
                                      "token in the server's --token-file)",
                                 **{"WWW-Authenticate": 'Bearer realm="copydesk"'})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(service: Service, pool: Pool) -> Starlette:
    page, page_policy = _page()
    limit = body_limit(service.max_bytes)

    async def check(request: Request) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return _too_large(int(declared), limit)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return _too_large(size, limit)
            chunks.append(chunk)
        fmt = request.query_params.get("format", "json")
        try:
            job = parse_job(b"".join(chunks), format=fmt, max_bytes=service.max_bytes)
        except RequestError as exc:
            return error(exc.status, exc.message)
        try:
            answer = await pool.check(job)
        except Busy:
            return error(503, "too many checks are waiting; try again shortly",
                         **{"Retry-After": "1"})
        except TimedOut:
            log.warning("a check of %d characters ran past the %.3g s limit; its worker was "
                        "replaced", len(job["text"]), service.timeout)
            return error(504, f"the check took longer than the {service.timeout:g} s limit; "
                              "send a shorter article or raise the server's --timeout")
        except WorkerLost:
            return error(500, "the check worker stopped during this check; please report it")
        if answer["status"] != 200:
            return error(answer["status"], answer["error"])
        return Response(answer["body"], media_type=FORMATS[fmt])

    async def rules(request: Request) -> Response:
        from checker.rules import ALL_RULES

        return JSONResponse({"rules": [
            {"id": rule.id, "severity": _severity(service.settings, rule), "title": rule.title,
             "enabled": _enabled(service.settings, rule.id)}
            for rule in ALL_RULES]})

    async def rule(request: Request) -> Response:
        from checker.report.explain import explain_text
        from checker.rules import RULES_BY_ID

        rule_id = request.path_params["rule_id"]
        rule = RULES_BY_ID.get(rule_id)
        if rule is None:
            return error(404, f"no rule {rule_id!r}; valid ids: {', '.join(RULES_BY_ID)}")
        return JSONResponse({
            "id": rule.id, "severity": _severity(service.settings, rule), "title": rule.title,
            "explain": explain_text(rule),
            "examples": [{"text": ex.text, "flags": ex.flags,
                          "publication_date": str(ex.publication_date)
                          if ex.publication_date else None} for ex in rule.examples]})

    async def healthz(request: Request) -> Response:
        alive = pool.alive
        return JSONResponse({"status": "ok" if alive else "no worker alive",
                             "workers": alive, "busy": pool.busy, "checks": pool.checks},
                            status_code=200 if alive else 503)

    async def version(request: Request) -> Response:
        return JSONResponse({"copydesk": __version__, **pool.info, "api": 1})

    async def index(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": page_policy,
                                 "X-Content-Type-Options": "nosniff",
                                 "Referrer-Policy": "no-referrer",
                                 "Cache-Control": "no-cache"})

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            return error(405, f"{request.method} is not allowed on {request.url.path}",
                         **(exc.headers or {}))
        if exc.status_code == 404:
            return error(404, f"no such endpoint {request.url.path}; see GET /v1/rules, "
                              "POST /v1/check, GET /healthz, GET /version, GET /")
        return error(exc.status_code, str(exc.detail))

    async def internal_error(request: Request, exc: Exception) -> Response:
        log.error("internal error on %s %s (%s)", request.method, request.url.path,
                  type(exc).__name__)
        return error(500, f"internal error, please report ({type(exc).__name__})")

    middleware = []
    if service.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(service.cors_origins),
                                     allow_methods=["GET", "POST"],
                                     allow_headers=["Authorization", "Content-Type"]))
    if service.token:
        middleware.append(Middleware(TokenGate, token=service.token))
    return Starlette(
        routes=[Route("/", index, methods=["GET"]),
                Route("/healthz", healthz, methods=["GET"]),
                Route("/version", version, methods=["GET"]),
                Route("/v1/check", check, methods=["POST"]),
                Route("/v1/rules", rules, methods=["GET"]),
                Route("/v1/rules/{rule_id}", rule, methods=["GET"])],
        middleware=middleware,
        exception_handlers={HTTPException: http_error, Exception: internal_error},
    )


def _too_large(size: int, limit: int) -> JSONResponse:
    return error(413, f"the request body of {size:,}+ bytes is over the {limit:,}-byte limit "
                      "(twice --max-bytes for one article, for JSON escaping); split the "
                      "article or raise the server's --max-bytes")


def _severity(settings: Settings, rule) -> str:
    return settings.severity.get(rule.id, rule.severity).value


def _enabled(settings: Settings, rule_id: str) -> bool:
    return (settings.select is None or rule_id in settings.select) \
        and (settings.ignore is None or rule_id not in settings.ignore)


_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _page() -> tuple[str, str]:
    """The editor's page and its Content-Security-Policy: its one inline script is allowed
    by hash; it may talk to this server and to nothing else."""
    page = resources.files("checker.serve").joinpath("page.html").read_text(encoding="utf-8")
    scripts = [base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
               for s in _SCRIPT.findall(page)]
    policy = ("default-src 'none'; "
              f"script-src {' '.join(repr(f'sha256-{h}') for h in scripts)}; "
              "style-src 'unsafe-inline'; img-src data:; connect-src 'self'; "
              "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return page, policy

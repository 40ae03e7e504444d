"""Fakes that speak the real Teams / Bot Framework protocols on loopback.

`FakeTokenIssuer` plays login.botframework.com (OpenID metadata and a JWKS with a test
RSA key; it signs channel tokens like the Bot Framework channel does) and
login.microsoftonline.com (the client-credentials token endpoint the bot gets its own
outgoing token from). `FakeBotConnector` plays the Bot Connector service at a Teams
`serviceUrl`: it records every call and can be told to answer 429, 5xx or to be down.

Both run a threaded HTTP server in their own thread: the Bot Framework SDK fetches OpenID
metadata and sends activities with blocking `requests`, so they must not share the event
loop of the test.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CHANNEL_ISSUER = "https://api.botframework.com"

Route = Callable[["_Request"], tuple[int, dict[str, str], bytes]]


@dataclass
class _Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


class _LoopbackServer:
    """A ThreadingHTTPServer on 127.0.0.1 (random port) in a daemon thread."""

    def __init__(self, route: Route, port: int = 0) -> None:
        route_ = route
        connections = self._connections = set[socket.socket]()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse is visible

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in two writes; without this, Nagle's algorithm
                # and delayed ACKs add ~40 ms to every kept-alive exchange.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                connections.add(self.connection)

            def finish(self) -> None:
                connections.discard(self.connection)
                super().finish()

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = _Request(
                    method=self.command,
                    path=unquote(parts.path),  # ids arrive percent-encoded
                    query=parse_qs(parts.query),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                )
                request.headers["x-client-port"] = str(self.client_address[1])
                status, headers, payload = route_(request)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()
        self.running = True

    def stop(self) -> None:
        """Shut down and close the port: clients then get 'connection refused'."""
        if self.running:
            self.running = False
            self._server.shutdown()
            self._server.server_close()
            for connection in list(self._connections):  # kept-alive ones too
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
            self._thread.join(timeout=5)


def _json(
    status: int, body: object, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    return (
        status,
        {"Content-Type": "application/json", **(headers or {})},
        json.dumps(body).encode(),
    )


@functools.cache
def _process_keys() -> tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]:
    """The signing key and a wrong one, the same for every issuer in this process.

    The SDK caches OpenID metadata and keys per metadata URL for a day, process-wide.
    When a later test's issuer gets a loopback port an earlier one had, the SDK would
    check its tokens against the earlier issuer's key: one key per process keeps that
    from failing a valid token at random.
    """
    return (
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
    )


class FakeTokenIssuer:
    """OpenID metadata + JWKS for inbound channel tokens, and an OAuth token endpoint.

    `channel_token()` mints a token like the Bot Framework channel's; the keyword
    arguments make bad ones. `access_tokens` holds every token the bot was issued for its
    outgoing calls, so a fake connector can check them.
    """

    def __init__(self, app_id: str, app_password: str, tenant_id: str) -> None:
        self.app_id = app_id
        self.app_password = app_password
        self.tenant_id = tenant_id
        self.kid = "test-key-1"
        self._key, self.other_key = _process_keys()
        self.access_tokens: list[str] = []
        self.token_requests = 0
        self.metadata_requests = 0
        self._lock = threading.Lock()
        self._server = _LoopbackServer(self._route)
        self.url = self._server.url
        self.openid_metadata_url = f"{self.url}/v1/.well-known/openidconfiguration"
        self.jwks_url = f"{self.url}/v1/.well-known/keys"
        self.token_url = f"{self.url}/{tenant_id}/oauth2/v2.0/token"

    def stop(self) -> None:
        self._server.stop()

    def settings(self) -> dict[str, object]:
        """The Weerbaar settings that point a bot at this issuer (for `make_app`)."""
        return {
            "teams_app_id": self.app_id,
            "teams_app_password": self.app_password,
            "teams_tenant_id": self.tenant_id,
            "teams_openid_metadata_url": self.openid_metadata_url,
            "teams_token_url": self.token_url,
        }

    # --- inbound channel tokens -------------------------------------------------------

    def channel_token(
        self,
        service_url: str,
        *,
        audience: str | None = None,
        issuer: str = CHANNEL_ISSUER,
        lifetime: int = 3600,
        expired: bool = False,
        other_key: bool = False,
        kid: str | None = None,
        extra: dict[str, object] | None = None,
    ) -> str:
        """A signed channel token; `expired`, `other_key`, `audience`, ... make bad ones."""
        now = int(time.time())
        if expired:
            now -= lifetime + 3600  # well past the SDK's 5-minute clock tolerance
        claims: dict[str, object] = {
            "serviceurl": service_url,
            "nbf": now - 60,
            "exp": now + lifetime,
            "iss": issuer,
            "aud": self.app_id if audience is None else audience,
            **(extra or {}),
        }
        key = self.other_key if other_key else self._key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid or self.kid})

    def auth_header(self, service_url: str, **bad: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.channel_token(service_url, **bad)}"}

    def _jwks(self) -> dict[str, object]:
        jwk = json.loads(RSAAlgorithm.to_jwk(self._key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256", "endorsements": ["msteams"]})
        return {"keys": [jwk]}

    # --- outgoing app tokens ----------------------------------------------------------

    def _issue(self, request: _Request) -> tuple[int, dict[str, str], bytes]:
        form = parse_qs(request.body.decode())
        ok = (
            form.get("grant_type") == ["client_credentials"]
            and form.get("client_id") == [self.app_id]
            and form.get("client_secret") == [self.app_password]
            and form.get("scope") == ["https://api.botframework.com/.default"]
        )
        if not ok:
            return _json(401, {"error": "invalid_client", "error_description": "test"})
        token = f"app-token-{secrets.token_hex(8)}"
        with self._lock:
            self.access_tokens.append(token)
            self.token_requests += 1
        return _json(
            200,
            {
                "token_type": "Bearer",
                "expires_in": 3599,
                "ext_expires_in": 3599,
                "access_token": token,
            },
        )

    def is_app_token(self, authorization: str | None) -> bool:
        with self._lock:
            return any(authorization == f"Bearer {t}" for t in self.access_tokens)

    def _route(self, request: _Request) -> tuple[int, dict[str, str], bytes]:
        if request.method == "GET" and request.path == "/v1/.well-known/openidconfiguration":
            with self._lock:
                self.metadata_requests += 1
            return _json(
                200,
                {
                    "issuer": CHANNEL_ISSUER,
                    "authorization_endpoint": f"{self.url}/v1/.well-known/authorize",
                    "jwks_uri": self.jwks_url,
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                },
            )
        if request.method == "GET" and request.path == "/v1/.well-known/keys":
            return _json(200, self._jwks())
        if request.method == "POST" and request.path == f"/{self.tenant_id}/oauth2/v2.0/token":
            return self._issue(request)
        return _json(404, {"error": "not found"})


@dataclass
class ConnectorCall:
    method: str
    path: str
    body: Any
    authorized: bool
    client_port: str
    headers: dict[str, str] = field(repr=False)


@dataclass
class Upload:
    """One OneDrive upload session a consent opened, and what was PUT to it."""

    name: str
    size: int
    data: bytearray = field(default_factory=bytearray)
    requests: list[dict[str, str]] = field(default_factory=list)
    complete: bool = False


@dataclass
class _Failure:
    status: int
    retry_after: str | None
    times: int


class FakeBotConnector:
    """The Bot Connector at a Teams serviceUrl, recording every call.

    Answers with the real shapes: `{"id": ...}` for sent and updated activities, a
    `ConversationResourceResponse` for a created conversation. `fail(status, ...)` makes
    the next calls fail; `stop()` takes it down (connection refused). `files` are served
    at `/files/{name}` without auth (like a pre-authenticated SharePoint downloadUrl);
    `attachments` at `/v3/attachments/{id}/views/original` with the bot's token only.

    It also plays the user's OneDrive for a FileConsentCard: `consent_value(attachment)`
    is the `value` of the `fileConsent/invoke` Teams sends when the user presses
    "Toestaan" (or "Weigeren") on a consent card the bot posted, with an `uploadInfo`
    whose `uploadUrl` is served here (`PUT /upload/{id}`, pre-authenticated: no token).
    `uploads` holds each session's bytes as they arrive by `Content-Range`.
    """

    def __init__(self, issuer: FakeTokenIssuer) -> None:
        self._issuer = issuer
        self.calls: list[ConnectorCall] = []
        self.files: dict[str, bytes] = {}
        self.attachments: dict[str, bytes] = {}
        self.downloads: list[ConnectorCall] = []
        self.uploads: dict[str, Upload] = {}
        self._failures: list[_Failure] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._server = _LoopbackServer(self._route)
        self.url = self._server.url + "/"  # Teams service URLs end with a slash

    def stop(self) -> None:
        self._server.stop()

    def restart(self) -> None:
        """Come back up on the same port (the service URL stays valid) after `stop()`."""
        self._server = _LoopbackServer(self._route, port=self._server.port)

    def fail(self, status: int, *, retry_after: str | None = None, times: int = 1) -> None:
        with self._lock:
            self._failures.append(_Failure(status, retry_after, times))

    def clear_failures(self) -> None:
        with self._lock:
            self._failures.clear()

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ConnectorCall]:
        """Block until `count` activity calls were recorded (call via asyncio.to_thread)."""
        with self._changed:
            self._changed.wait_for(lambda: len(self.calls) >= count, timeout)
            return list(self.calls)

    def _record(self, request: _Request, target: list[ConnectorCall]) -> ConnectorCall:
        body = json.loads(request.body) if request.body else None
        call = ConnectorCall(
            method=request.method,
            path=request.path,
            body=body,
            authorized=self._issuer.is_app_token(request.headers.get("authorization")),
            client_port=request.headers["x-client-port"],
            headers=request.headers,
        )
        with self._changed:
            target.append(call)
            self._changed.notify_all()
        return call

    def _next_failure(self) -> _Failure | None:
        with self._lock:
            if not self._failures:
                return None
            failure = self._failures[0]
            failure.times -= 1
            if failure.times <= 0:
                self._failures.pop(0)
            return failure

    def consent_value(self, attachment: dict[str, Any], accept: bool = True) -> dict[str, Any]:
        """The `fileConsent/invoke` value for a FileConsentCard `attachment` (as the bot
        posted it): accepted, with a new upload session; or declined."""
        content = attachment["content"]
        if not accept:
            return {"type": "fileUpload", "action": "decline", "context": content["declineContext"]}
        session = uuid.uuid4().hex
        name = attachment["name"]
        with self._lock:
            self.uploads[session] = Upload(name, int(content["sizeInBytes"]))
        file_type = name.rsplit(".", 1)[-1] if "." in name else ""
        return {
            "type": "fileUpload",
            "action": "accept",
            "context": content["acceptContext"],
            "uploadInfo": {
                "contentUrl": f"https://contoso.sharepoint.com/personal/u/Documents/{name}",
                "name": name,
                "uploadUrl": f"{self.url}upload/{session}",
                "uniqueId": session.upper(),
                "fileType": file_type,
                "etag": "1",
            },
        }

    def _upload(self, request: _Request, session: str) -> tuple[int, dict[str, str], bytes]:
        """One PUT of an upload session, as OneDrive answers it: 202 with the next range
        expected until the last byte, then 201 with the drive item."""
        with self._lock:
            upload = self.uploads.get(session)
            if upload is None:
                return _json(404, {"error": {"code": "itemNotFound", "message": "no session"}})
            upload.requests.append(dict(request.headers))
            match = re.fullmatch(
                r"bytes (\d+)-(\d+)/(\d+)", request.headers.get("content-range", "")
            )
            if match is None:
                return _json(400, {"error": {"code": "invalidRange", "message": "no range"}})
            start, end, total = (int(g) for g in match.groups())
            if start != len(upload.data) or end - start + 1 != len(request.body):
                return _json(416, {"error": {"code": "invalidRange", "message": "bad range"}})
            upload.data.extend(request.body)
            if len(upload.data) < total:
                return _json(202, {"nextExpectedRanges": [f"{len(upload.data)}-"]})
            upload.complete = True
            return _json(201, {"id": session.upper(), "name": upload.name, "size": total})

    def _route(self, request: _Request) -> tuple[int, dict[str, str], bytes]:
        parts = request.path.strip("/").split("/")
        if request.method == "GET":
            return self._download(request, parts)
        if request.method == "PUT" and len(parts) == 2 and parts[0] == "upload":
            return self._upload(request, parts[1])
        call = self._record(request, self.calls)
        if not call.authorized:
            return _json(401, {"error": {"code": "Unauthorized", "message": "bad token"}})
        failure = self._next_failure()
        if failure is not None:
            headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
            return _json(
                failure.status,
                {"error": {"code": "ServiceError", "message": "programmed failure"}},
                headers,
            )
        if parts[:2] == ["v3", "conversations"]:
            if len(parts) == 2 and request.method == "POST":
                conversation = f"a:{uuid.uuid4().hex}"
                return _json(
                    201,
                    {
                        "id": conversation,
                        "activityId": f"1:{uuid.uuid4().hex}",
                        "serviceUrl": self.url,
                    },
                )
            if len(parts) == 4 and parts[3] == "activities" and request.method == "POST":
                return _json(201, {"id": f"1:{uuid.uuid4().hex}"})
            if len(parts) == 5 and parts[3] == "activities" and request.method == "POST":
                return _json(201, {"id": f"1:{uuid.uuid4().hex}"})
            if len(parts) == 5 and parts[3] == "activities" and request.method == "PUT":
                return _json(200, {"id": parts[4]})
        return _json(404, {"error": {"code": "NotFound", "message": "no such route"}})

    def _download(self, request: _Request, parts: list[str]) -> tuple[int, dict[str, str], bytes]:
        call = self._record(request, self.downloads)
        if len(parts) == 2 and parts[0] == "files" and parts[1] in self.files:
            return 200, {"Content-Type": "application/octet-stream"}, self.files[parts[1]]
        if parts[:2] == ["v3", "attachments"] and len(parts) == 5:
            if not call.authorized:
                return _json(401, {"error": {"code": "Unauthorized", "message": "no token"}})
            if parts[2] in self.attachments:
                return 200, {"Content-Type": "image/png"}, self.attachments[parts[2]]
        return _json(404, {"error": {"code": "NotFound", "message": "no such file"}})


@contextmanager
def teams_fakes(
    app_id: str, app_password: str, tenant_id: str
) -> Iterator[tuple[FakeTokenIssuer, FakeBotConnector]]:
    """Start an issuer and a connector; stop both afterwards."""
    issuer = FakeTokenIssuer(app_id, app_password, tenant_id)
    connector = FakeBotConnector(issuer)
    try:
        yield issuer, connector
    finally:
        connector.stop()
        issuer.stop()

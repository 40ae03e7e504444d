"""The few signal-cli-rest-api calls the Signal adapter makes with its own aiohttp session.

signalbot 2.2.1 has clients for these, but they do not fit here:
- its `/v2/send` client validates the answer as a *list*, while bbernhard's API answers
  201 with one object `{"timestamp": "..."}` (src/api/api.go, `SendV2`), and it hides the
  HTTP status and `Retry-After` that the outbox needs;
- its attachment download returns base64 text of the whole file with no size guard.
So sending and downloading go through this module; both answer shapes are accepted.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp

from adapters.base import retry_after_seconds
from bot.ports import DeliveryError
from dialogs.messages import Attachment

DEFAULT_RETRY_AFTER = 30.0  # seconds; the REST API sends no Retry-After with its 429
_TIMEOUT = aiohttp.ClientTimeout(total=30, sock_connect=5)


@dataclass(frozen=True)
class About:
    mode: str
    version: str


class SignalRestApi:
    """Plain-HTTP calls to one signal-cli-rest-api for one bot number."""

    def __init__(self, address: str, number: str, session: aiohttp.ClientSession) -> None:
        self.address = address
        self.number = number
        self._session = session

    @property
    def receive_url(self) -> str:
        return f"ws://{self.address}/v1/receive/{self.number}"

    def _url(self, path: str) -> str:
        return f"http://{self.address}{path}"

    async def probe(self) -> About | None:
        """`/v1/health` then `/v1/about`; None when the API cannot be reached or is not
        healthy yet."""
        try:
            async with self._session.get(self._url("/v1/health"), timeout=_TIMEOUT) as resp:
                if resp.status != 204:
                    return None
            async with self._session.get(self._url("/v1/about"), timeout=_TIMEOUT) as resp:
                if resp.status != 200:
                    return None
                body = await resp.json()
        except (aiohttp.ClientError, TimeoutError, ValueError):
            return None
        return About(mode=str(body.get("mode", "")), version=str(body.get("version", "")))

    async def send_text(
        self, recipient: str, text: str, attachments: Sequence[Attachment] = ()
    ) -> int:
        """Send one text, with `attachments` as files; returns signal's timestamp of the
        sent message.

        Files go in `base64_attachments` as `data:<mime>;filename=<name>;base64,<data>`,
        the form the REST API reads (src/client/attachment.go: the part after the last
        "base64," is the data, "filename=" names the file). Raises `DeliveryError` with a
        reason that never contains the text.
        """
        payload: dict[str, Any] = {
            "number": self.number,
            "recipients": [recipient],
            "message": text,
        }
        if attachments:
            payload["base64_attachments"] = [data_uri(a) for a in attachments]
        try:
            async with self._session.post(
                self._url("/v2/send"), json=payload, timeout=_TIMEOUT
            ) as resp:
                if resp.status in (200, 201):
                    return _timestamp_of(await resp.json())
                raise await _delivery_error(resp)
        except aiohttp.ClientError as exc:
            raise DeliveryError(f"signal-cli-rest-api unreachable ({type(exc).__name__})") from exc
        except TimeoutError as exc:
            raise DeliveryError("signal-cli-rest-api timed out") from exc

    async def download(self, attachment_id: str, limit: int) -> bytes | None:
        """The file's bytes, or None when it turns out larger than `limit` bytes."""
        url = self._url(f"/v1/attachments/{attachment_id}")
        async with self._session.get(url, timeout=_TIMEOUT) as resp:
            resp.raise_for_status()
            data = bytearray()
            async for chunk in resp.content.iter_chunked(64 * 1024):
                data += chunk
                if len(data) > limit:
                    return None
            return bytes(data)


def data_uri(file: Attachment) -> str:
    """A file as the REST API's `base64_attachments` item. The name loses what would end
    its field early (";", ","); the type is a plain media type."""
    name = "".join("_" if c in ";,/\\" or not c.isprintable() else c for c in file.filename)
    mime = (
        file.content_type
        if "/" in file.content_type and ";" not in file.content_type
        else ("application/octet-stream")
    )
    data = base64.b64encode(file.data).decode("ascii")
    return f"data:{mime};filename={name or 'bestand'};base64,{data}"


def _timestamp_of(body: Any) -> int:
    # bbernhard's API answers one object; accept a list too (what signalbot 2.2 expects)
    item = body[0] if isinstance(body, list) and body else body
    try:
        return int(item["timestamp"])
    except (TypeError, KeyError, ValueError):
        return 0


async def _delivery_error(resp: aiohttp.ClientResponse) -> DeliveryError:
    status = resp.status
    if status == 429:
        # signal-cli-rest-api answers a rate limit with 429 and, when Signal wants proof
        # that a person is behind the account, `challenge_tokens` (src/api/api.go). Then
        # retrying only helps once an operator has lifted it, so the reason says how; the
        # tokens themselves are not logged.
        try:
            challenged = bool((await resp.json()).get("challenge_tokens"))
        except (aiohttp.ContentTypeError, ValueError, AttributeError):
            challenged = False
        reason = "signal rate limit (HTTP 429)"
        if challenged:
            reason += (
                "; a captcha challenge is pending: submit it at "
                "POST /v1/accounts/{number}/rate-limit-challenge"
            )
        return DeliveryError(
            reason, retry_after=retry_after_seconds(resp.headers) or DEFAULT_RETRY_AFTER
        )
    if status >= 500:
        return DeliveryError(f"signal-cli-rest-api error (HTTP {status})", retry_after=None)
    # A 400 carries signal-cli's error text. Every 400 is a DeliveryError; the text is
    # read only to name the reason, because "untrusted identity" (a changed safety
    # number) needs a person to act and is worth saying plainly in the outbox log.
    try:
        detail = str((await resp.json()).get("error", ""))
    except (aiohttp.ContentTypeError, ValueError, AttributeError):
        detail = ""
    if "untrusted identit" in detail.lower():
        return DeliveryError(f"untrusted identity: safety number changed (HTTP {status})")
    return DeliveryError(f"rejected by signal-cli-rest-api (HTTP {status})")

"""Downloading the files a Teams user sends, within a size limit; uploading a file the
user accepted (a FileConsentCard's `uploadUrl`).

Teams sends a file from a personal chat as an attachment of type
`application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is a
short-lived pre-authenticated link (no token needed), and a pasted image as an `image/*`
attachment whose `contentUrl` lives on the Bot Connector and needs the bot's token. The
token is only ever sent to the host of the activity's serviceUrl.

An accepted FileConsentCard gives an `uploadUrl`: a pre-authenticated OneDrive upload
session. The bytes go there with HTTP PUT and a `Content-Range` header, in one request up
to 4 MB and in chunks above (a multiple of 320 KiB each, as OneDrive requires; it answers
202 to each chunk but the last, and 200 or 201 to the last). No token goes with it.
"""

from __future__ import annotations

import io
import logging
import mimetypes
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from adapters.base import retry_after_seconds
from adapters.inputs import clean_text, media_type, web_url
from bot.ports import DeliveryError
from dialogs.messages import Attachment

log = logging.getLogger(__name__)

FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
_CHUNK = 64 * 1024
SINGLE_UPLOAD_MAX = 4 * 1024 * 1024  # bytes: up to this, one PUT
UPLOAD_CHUNK = 10 * 320 * 1024  # bytes per PUT above it: a multiple of 320 KiB, < 4 MB
_UPLOAD_TIMEOUT = aiohttp.ClientTimeout(total=120)


@dataclass(frozen=True)
class FileRef:
    """Where to fetch one sent file from, and whether it needs the bot's token."""

    url: str
    filename: str
    content_type: str
    needs_token: bool


@dataclass(frozen=True)
class Oversized:
    """A file that was skipped; `size` is its size in bytes or None if only known > limit."""

    filename: str
    size: int | None


def file_refs(attachments: list[Any] | None, service_url: str) -> list[FileRef]:
    """The downloadable files among an activity's attachments (cards and HTML are not).

    A file is only fetched from an https URL of ordinary shape (plain http only on
    loopback, from the host of the serviceUrl: the test doubles); any other is skipped
    with one warning line.
    """
    refs: list[FileRef] = []
    service_host = _host(service_url)
    for index, item in enumerate(attachments or []):
        content_type = media_type(getattr(item, "content_type", None), "")
        name = getattr(item, "name", None)
        name = clean_text(name)[:200] if isinstance(name, str) and name.strip() else None
        if content_type == FILE_DOWNLOAD_INFO:
            content = getattr(item, "content", None)
            url = _fetchable(
                content.get("downloadUrl") if isinstance(content, dict) else None, service_host
            )
            if url is not None:
                filename = name or f"bestand-{index + 1}"
                guessed = mimetypes.guess_type(filename)[0] or "application/octet-stream"
                refs.append(FileRef(url, filename, guessed, needs_token=False))
        elif content_type.startswith("image/"):
            url = _fetchable(getattr(item, "content_url", None), service_host)
            if url is not None:
                extension = mimetypes.guess_extension(content_type) or ""
                filename = name or f"afbeelding-{index + 1}{extension}"
                same_host = _host(url) == service_host
                refs.append(FileRef(url, filename, content_type, needs_token=same_host))
    return refs


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _fetchable(url: object, service_host: str) -> str | None:
    """`url` if a file may be fetched from it; None (with a warning) if not."""
    if url is None or url == "":
        return None
    checked = web_url(url, loopback_http=isinstance(url, str) and _host(url) == service_host)
    if checked is None:
        log.warning("skipped an attachment whose URL is not an https URL")
    return checked


async def download(
    session: aiohttp.ClientSession, ref: FileRef, token: str | None, limit: int
) -> Attachment | Oversized | None:
    """Fetch one file; `Oversized` past `limit` bytes, None (logged) if it failed."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        async with session.get(
            ref.url, headers=headers, timeout=aiohttp.ClientTimeout(total=60)
        ) as response:
            if response.status != 200:
                log.warning("file download answered %s", response.status)
                return None
            if response.content_length is not None and response.content_length > limit:
                return Oversized(ref.filename, response.content_length)
            data = bytearray()
            async for chunk in response.content.iter_chunked(_CHUNK):
                data.extend(chunk)
                if len(data) > limit:
                    return Oversized(ref.filename, None)
            content_type = ref.content_type
            if content_type == "application/octet-stream":
                content_type = media_type(response.content_type)
            return Attachment(ref.filename, content_type, bytes(data))
    except (aiohttp.ClientError, TimeoutError, ValueError) as error:  # ValueError: yarl
        log.warning("file download failed: %s", type(error).__name__)
        return None


class UploadRefused(Exception):
    """The upload session refused the file for good (expired, gone, too large): trying
    again does not help; the user can ask for the file again."""


async def upload_file(session: aiohttp.ClientSession, url: str, data: bytes) -> None:
    """PUT `data` to an upload session URL, chunked above `SINGLE_UPLOAD_MAX`; raises
    `UploadRefused` for a refusal for good (a 4xx), `DeliveryError` (with any
    Retry-After) for what may pass (5xx, 408, 429, unreachable)."""
    size = len(data)
    step = size if size <= SINGLE_UPLOAD_MAX else UPLOAD_CHUNK
    start = 0
    while True:
        chunk = data[start : start + step]
        end = start + len(chunk) - 1
        headers = {"Content-Range": f"bytes {start}-{end}/{size}"} if size else {}
        try:
            async with session.put(
                url, data=io.BytesIO(chunk), headers=headers, timeout=_UPLOAD_TIMEOUT
            ) as response:
                await response.read()
                last = end + 1 >= size
                expected = (200, 201) if last else (202, 200, 201)
                if response.status not in expected:
                    if 400 <= response.status < 500 and response.status not in (408, 429):
                        raise UploadRefused(f"file upload answered {response.status}")
                    raise DeliveryError(
                        f"file upload answered {response.status}",
                        retry_after_seconds(response.headers),
                    )
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise DeliveryError(f"file upload failed ({type(error).__name__})") from error
        if last:
            return
        start = end + 1

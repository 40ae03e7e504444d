"""Downloading the files a Teams user sends, within a size limit.

Teams sends a file from a personal chat as an attachment of type
`application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is a
short-lived pre-authenticated link (no token needed), and a pasted image as an `image/*`
attachment whose `contentUrl` lives on the Bot Connector and needs the bot's token. The
token is only ever sent to the host of the activity's serviceUrl.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from dialogs.messages import Attachment

log = logging.getLogger(__name__)

FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
_CHUNK = 64 * 1024


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
    """The downloadable files among an activity's attachments (cards and HTML are not)."""
    refs: list[FileRef] = []
    service_host = urlsplit(service_url or "").netloc.lower()
    for index, item in enumerate(attachments or []):
        content_type = (getattr(item, "content_type", None) or "").lower()
        name = getattr(item, "name", None)
        if content_type == FILE_DOWNLOAD_INFO:
            content = getattr(item, "content", None)
            url = content.get("downloadUrl") if isinstance(content, dict) else None
            if isinstance(url, str) and url:
                filename = name or f"bestand-{index + 1}"
                guessed = mimetypes.guess_type(filename)[0] or "application/octet-stream"
                refs.append(FileRef(url, filename, guessed, needs_token=False))
        elif content_type.startswith("image/"):
            url = getattr(item, "content_url", None)
            if isinstance(url, str) and url:
                extension = mimetypes.guess_extension(content_type) or ""
                filename = name or f"afbeelding-{index + 1}{extension}"
                same_host = urlsplit(url).netloc.lower() == service_host
                refs.append(FileRef(url, filename, content_type, needs_token=same_host))
    return refs


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
                content_type = response.content_type or content_type
            return Attachment(ref.filename, content_type, bytes(data))
    except (aiohttp.ClientError, TimeoutError) as error:
        log.warning("file download failed: %s", type(error).__name__)
        return None

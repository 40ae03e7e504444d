"""What a signal-cli envelope must look like before signalbot parses it.

signal-cli's JSON (`json/JsonMessageEnvelope.java`, `JsonDataMessage`, `JsonEditMessage`,
`JsonAttachment` in its source) has fixed types; signalbot's models check most of them,
but not what this adapter relies on: that ids and timestamps fit the database (a dedupe
key of at most 200 characters, BIGINT timestamps), and that an attachment id is safe to put
in the REST API's URL path (`/v1/attachments/{id}`). An envelope that fails is ignored with
one warning line naming the field, never its value.
"""

from __future__ import annotations

import re
from typing import Any

from adapters.inputs import is_id

_MAX_TIMESTAMP = 2**63 - 1
# signal-cli names a stored attachment by a random id and an extension: "AbC-d_9.jpg"
_ATTACHMENT_ID = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$")


def envelope_problem(envelope: dict[str, Any]) -> str | None:
    """What is wrong with a data or edit message envelope, or None if it can be parsed."""
    if not _is_timestamp(envelope.get("timestamp")):
        return "envelope timestamp is not a positive 64-bit integer"
    for name, limit in (("sourceUuid", 64), ("sourceNumber", 40), ("source", 64)):
        value = envelope.get(name)
        if value is not None and not is_id(value, limit):
            return f"{name} is not an id of at most {limit} characters"
    bodies: list[object] = []
    if "dataMessage" in envelope:
        bodies.append(envelope["dataMessage"])
    if "editMessage" in envelope:
        edit = envelope["editMessage"]
        if not isinstance(edit, dict):
            return "editMessage is not an object"
        if not _is_timestamp(edit.get("targetSentTimestamp")):
            return "editMessage.targetSentTimestamp is not a positive 64-bit integer"
        bodies.append(edit.get("dataMessage"))
    for body in bodies:
        problem = _data_problem(body)
        if problem is not None:
            return problem
    return None


def _data_problem(body: object) -> str | None:
    if not isinstance(body, dict):
        return "dataMessage is not an object"
    if "timestamp" in body and not _is_timestamp(body["timestamp"]):
        return "dataMessage.timestamp is not a positive 64-bit integer"
    message = body.get("message")
    if message is not None and not isinstance(message, str):
        return "dataMessage.message is not text"
    group = body.get("groupInfo")
    if group is not None and not (isinstance(group, dict) and _optional_id(group.get("groupId"))):
        return "dataMessage.groupInfo has no usable groupId"
    attachments = body.get("attachments")
    if attachments is None:
        return None
    if not isinstance(attachments, list):
        return "dataMessage.attachments is not a list"
    for item in attachments:
        if not isinstance(item, dict):
            return "an attachment is not an object"
        attachment_id = item.get("id")
        if attachment_id is not None and not (
            isinstance(attachment_id, str) and _ATTACHMENT_ID.match(attachment_id)
        ):
            return "an attachment id is not of signal-cli's shape"
        size = item.get("size")
        if size is not None and not (_is_int(size) and 0 <= size <= _MAX_TIMESTAMP):
            return "an attachment size is not a byte count"
        for name in ("contentType", "filename"):
            value = item.get(name)
            if value is not None and not isinstance(value, str):
                return f"an attachment {name} is not text"
    return None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_timestamp(value: object) -> bool:
    return _is_int(value) and 0 < value <= _MAX_TIMESTAMP  # type: ignore[operator]


def _optional_id(value: object) -> bool:
    return value is None or is_id(value)

"""The typed form of a case card's file button, for channels without cards:

    bewijs WB-ABC234            the case's files, numbered
    bewijs WB-ABC234 2          file 2 (Signal: as an attachment)
    bewijs WB-ABC234 2 ~/map/   locally: file 2 written to that path (a new file)

Pure parsing; bot/cases/evidence.py applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.text import vocabulary
from dialogs.engine import normalise
from dialogs.flows.handler_commands import _REFERENCE, normalise_reference
from dialogs.messages import Inbound


@dataclass(frozen=True)
class EvidenceCommand:
    reference: str
    number: int | None  # None: list the files
    path: str | None  # what followed the number, as typed


def parse_evidence_command(text: str) -> EvidenceCommand | None:
    """An evidence command, or None when the text is not one."""
    parts = text.strip().split(maxsplit=3)
    if len(parts) < 2 or normalise(parts[0]) not in vocabulary.EVIDENCE_COMMAND_WORDS:
        return None
    if not _REFERENCE.match(parts[1]):
        return None
    number: int | None = None
    if len(parts) > 2:
        if not parts[2].isdigit() or not 0 < int(parts[2]) < 1000:
            return None
        number = int(parts[2])
    path = parts[3].strip() if len(parts) > 3 else None
    return EvidenceCommand(normalise_reference(parts[1]), number, path or None)


def is_evidence_command(inbound: Inbound) -> bool:
    """The registry's test (dialogs/flows/__init__.py)."""
    return parse_evidence_command(inbound.text) is not None

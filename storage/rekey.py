"""Key rotation: re-encrypt every sensitive value under the key ring's first key.

Put a new key first in WEERBAAR_ENCRYPTION_KEYS, run `weerbaar keys rotate`, and once it
reports nothing left under old keys, the old key can be removed from the setting. The
same for WEERBAAR_DOSSIER_KEYS (or the dossier keys derived from the encryption keys):
the perpetrator marks are hashed again from the encrypted answers (`rehash_marks`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select, update

from bot.domain.identifiers import identifiers_in
from storage.database import Database
from storage.store import Store
from storage.tables import (
    answers,
    audit_trail,
    case_evaluations,
    case_notes,
    case_responses,
    evidence,
    outbox,
    pending_commands,
    people,
)


@dataclass(frozen=True)
class EncryptedColumn:
    table: Table
    column: str
    purpose: Callable[[Any], str]  # row -> the associated data it was encrypted with


ENCRYPTED: tuple[EncryptedColumn, ...] = (
    EncryptedColumn(people, "name_enc", lambda r: f"person:{r.id}"),
    EncryptedColumn(answers, "value_enc", lambda r: f"answer:{r.case_id}:{r.field}"),
    EncryptedColumn(evidence, "filename_enc", lambda r: f"evidence-name:{r.id}"),
    EncryptedColumn(evidence, "data_enc", lambda r: f"evidence:{r.id}"),
    EncryptedColumn(outbox, "payload_enc", lambda _r: "outbox"),
    EncryptedColumn(audit_trail, "detail_enc", lambda r: f"audit:{r.case_id}"),
    EncryptedColumn(case_responses, "note_enc", lambda r: f"response-note:{r.id}"),
    EncryptedColumn(case_notes, "text_enc", lambda r: f"case-note:{r.id}"),
    EncryptedColumn(case_evaluations, "cause_enc", lambda r: f"evaluation:{r.case_id}:cause"),
    EncryptedColumn(case_evaluations, "similar_enc", lambda r: f"evaluation:{r.case_id}:similar"),
    EncryptedColumn(
        case_evaluations,
        "recommendations_enc",
        lambda r: f"evaluation:{r.case_id}:recommendations",
    ),
    EncryptedColumn(pending_commands, "data_enc", lambda r: f"pending:{r.id}"),
)
MARKS = "perpetrator_marks.digest"


async def rotate(db: Database, batch: int = 500) -> dict[str, int]:
    """Re-encrypt values under old keys; returns how many were rewritten per column."""
    store = Store(db)
    cipher = db.cipher
    done: dict[str, int] = {}
    for col in ENCRYPTED:
        label = f"{col.table.name}.{col.column}"
        done[label] = 0
        last_id = 0
        while True:
            async with store.transaction() as tx:
                rows = list(
                    await tx.conn.execute(
                        select(col.table)
                        .where(col.table.c.id > last_id)
                        .order_by(col.table.c.id)
                        .limit(batch)
                    )
                )
                for r in rows:
                    token = getattr(r, col.column)
                    if not token or cipher.key_id_of(token) == cipher.primary_key_id:
                        continue
                    purpose = col.purpose(r)
                    fresh = cipher.encrypt(cipher.decrypt(token, purpose), purpose)
                    await tx.conn.execute(
                        update(col.table).where(col.table.c.id == r.id).values({col.column: fresh})
                    )
                    done[label] += 1
            if len(rows) < batch:
                break
            last_id = rows[-1].id
    done[MARKS] = await rehash_marks(store, batch)
    return done


async def rehash_marks(store: Store, batch: int = 500) -> int:
    """Hash every case's perpetrator identifiers again under the first dossier key
    (storage/identity_hash.py), from its encrypted answers; returns the cases redone."""
    redone = 0
    while True:
        async with store.transaction() as tx:
            stale = await tx.dossier.stale_mark_cases(batch)
            for case_id in stale:
                given = await tx.dialogs.answers(case_id)
                found = identifiers_in(
                    *(v for k in ("perp_who", "perp_details") if isinstance(v := given.get(k), str))
                )
                await tx.dossier.set_marks(case_id, found)
                redone += 1
        if len(stale) < batch:
            return redone

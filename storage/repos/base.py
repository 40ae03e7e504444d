"""What every repository needs: the transaction's connection and cipher, dialect helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.dialects import postgresql, sqlite

from bot import ports
from storage.crypto import FieldCipher


class Session(ports.Tx, Protocol):
    """What a repository is built on: the transaction (storage/store.py `Tx`) as the
    core sees it, plus its connection and cipher. A Protocol, so that the repositories
    need not import the store that imports them."""

    conn: Any
    cipher: FieldCipher


# Statements that differ per dialect (INSERT … ON CONFLICT), built once per dialect.
_prebuilt: dict[tuple[str, str], Any] = {}


class Repo:
    """One concept's queries inside one transaction; `tx` reaches the other repositories."""

    def __init__(self, tx: Session) -> None:
        self.tx = tx
        # an AsyncConnection, or for SQLite a storage.sqlite_sync.SyncConnection
        self.conn: Any = tx.conn
        self.cipher: FieldCipher = tx.cipher

    def _cached(self, name: str, build: Callable[[], Any]) -> Any:
        """The statement `name` for this connection's dialect, built on first use: a
        prebuilt statement skips SQLAlchemy's building and cache-key work per call."""
        key = (name, self.conn.dialect.name)
        stmt = _prebuilt.get(key)
        if stmt is None:
            stmt = _prebuilt[key] = build()
        return stmt

    def _insert_ignore(self, table: Any) -> Any:
        dialect = self.conn.dialect.name
        if dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if dialect == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        raise NotImplementedError(dialect)

    def _enc(self, value: str, purpose: str) -> bytes:
        return self.cipher.encrypt_text(value, purpose)

    def _dec(self, token: bytes, purpose: str) -> str:
        return self.cipher.decrypt_text(token, purpose)

    def _upsert(self, table: Any, keys: list[str], update: list[str]) -> Any:
        """INSERT … ON CONFLICT (keys) DO UPDATE SET the `update` columns."""
        dialect = self.conn.dialect.name
        mod: Any = postgresql if dialect == "postgresql" else sqlite
        stmt = mod.insert(table)
        return stmt.on_conflict_do_update(
            index_elements=keys, set_={c: stmt.excluded[c] for c in update}
        )

"""Single-use sign-in links of the web console, kept as hashes (table `console_links`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, update

from storage.repos.base import Repo
from storage.tables import console_links


class ConsoleLinkRepo(Repo):
    """Add a link's hash; redeem it once; forget old ones."""

    async def add_link(
        self, token_hash: str, person_id: int, now: datetime, expires_at: datetime
    ) -> None:
        await self.conn.execute(
            insert(console_links),
            {
                "token_hash": token_hash,
                "person_id": person_id,
                "created_at": now,
                "expires_at": expires_at,
            },
        )

    async def redeem_link(self, token_hash: str, now: datetime) -> int | None:
        """The link's person, marking it used; None when unknown, used or expired. One
        conditional UPDATE, so two requests with the same link cannot both get a person."""
        result = await self.conn.execute(
            update(console_links)
            .where(
                console_links.c.token_hash == token_hash,
                console_links.c.used_at.is_(None),
                console_links.c.expires_at > now,
            )
            .values(used_at=now)
            .returning(console_links.c.person_id)
        )
        row = result.first()
        return None if row is None else int(row[0])

    async def purge_links(self, before: datetime) -> int:
        """Delete links that expired before `before`; returns how many."""
        result = await self.conn.execute(
            delete(console_links).where(console_links.c.expires_at < before)
        )
        return int(result.rowcount or 0)

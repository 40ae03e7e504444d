"""Keyed hashes of a perpetrator's identifiers: HMAC-SHA256 under a key of its own.

The dossier (storage/repos/dossier.py) must tell that two reports name the same phone
number without keeping the number: it keeps HMAC-SHA256(key, kind ":" canonical value).
Without the key a hash cannot be tested against guesses (a plain hash of every Dutch
mobile number is a minute's work).

The keys: WEERBAAR_DOSSIER_KEYS ("id:base64key,...", the first hashes, as for
WEERBAAR_ENCRYPTION_KEYS); unset, one is derived from each encryption key (HKDF-SHA256,
its own purpose), so it is never the encryption key itself. Matching tries every key of
the ring, so a new key first matches old rows at once; `weerbaar keys rotate` then
rehashes every case's marks under the first key (storage/rekey.py) from the encrypted
answers, and the old key can go.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.crypto import FieldCipher, parse_keys

_PURPOSE = b"weerbaar perpetrator identifiers"


@dataclass
class IdentityHasher:
    keys: list[tuple[str, bytes]]  # (id, key), the first hashes

    @classmethod
    def derived(cls, cipher: FieldCipher) -> IdentityHasher:
        """One key per encryption key, derived for this purpose only."""
        return cls(
            [
                (
                    f"d-{kid}"[:32],
                    HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
                        key
                    ),
                )
                for kid, key in cipher.keys
            ]
        )

    @classmethod
    def from_setting(cls, setting: str) -> IdentityHasher:
        return cls(parse_keys(setting))

    @property
    def primary_key_id(self) -> str:
        return self.keys[0][0]

    def digest(self, kind: str, value: str, key_id: str | None = None) -> str:
        key = dict(self.keys)[key_id or self.primary_key_id]
        return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()

    def every_digest(self, kind: str, value: str) -> list[str]:
        """The value's hash under each key of the ring (matching across a rotation)."""
        return [self.digest(kind, value, kid) for kid, _ in self.keys]

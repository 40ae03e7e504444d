"""Encryption of sensitive fields at rest: AES-256-GCM with key ids, for rotation.

A key ring holds one or more 256-bit keys, each with a short id. The first key encrypts;
every key decrypts, so old rows stay readable after a new key is put first. Each value is
bound to what it is (its `purpose`, e.g. "answer:what") through the associated data, so a
ciphertext cannot be moved to another field unnoticed.

Token layout: version byte 1, key-id length, key id, 12-byte nonce, ciphertext+tag.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_VERSION = 1


class KeySettingError(ValueError):
    """The key setting is unusable."""


class DecryptError(ValueError):
    """A stored value could not be decrypted with any key in the ring."""


def new_key() -> str:
    """A fresh key, base64 (urlsafe), for the key setting."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def parse_keys(setting: str) -> list[tuple[str, bytes]]:
    """Parse "id:base64key,id2:base64key2" into (id, key) pairs, first = encrypting key."""
    pairs: list[tuple[str, bytes]] = []
    for item in (p.strip() for p in setting.split(",")):
        if not item:
            continue
        kid, sep, b64 = item.partition(":")
        if not sep or not kid or len(kid) > 32:
            raise KeySettingError("Each encryption key must look like 'id:base64key'.")
        try:
            key = base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4))
        except (ValueError, TypeError) as exc:
            raise KeySettingError(f"Encryption key '{kid}' is not valid base64.") from exc
        if len(key) != 32:
            raise KeySettingError(f"Encryption key '{kid}' must be 32 bytes (256 bits).")
        pairs.append((kid, key))
    if not pairs:
        raise KeySettingError("No encryption key is configured.")
    return pairs


@dataclass
class FieldCipher:
    keys: list[tuple[str, bytes]]

    def __post_init__(self) -> None:
        self._aead = {kid: AESGCM(key) for kid, key in self.keys}
        self._primary = self.keys[0][0]

    @classmethod
    def from_setting(cls, setting: str) -> FieldCipher:
        return cls(parse_keys(setting))

    @property
    def primary_key_id(self) -> str:
        return self._primary

    def encrypt(self, plaintext: bytes, purpose: str) -> bytes:
        kid = self._primary.encode()
        nonce = os.urandom(12)
        ct = self._aead[self._primary].encrypt(nonce, plaintext, purpose.encode())
        return bytes([_VERSION, len(kid)]) + kid + nonce + ct

    def decrypt(self, token: bytes, purpose: str) -> bytes:
        if len(token) < 2 or token[0] != _VERSION:
            raise DecryptError("Unknown ciphertext format.")
        n = token[1]
        kid = token[2 : 2 + n].decode()
        nonce = token[2 + n : 14 + n]
        aead = self._aead.get(kid)
        if aead is None:
            raise DecryptError(f"No key with id '{kid}' in the key ring.")
        try:
            return aead.decrypt(nonce, token[14 + n :], purpose.encode())
        except InvalidTag as exc:
            raise DecryptError("A stored value failed its integrity check.") from exc

    def derive_key(self, purpose: str) -> bytes:
        """A 256-bit key of its own for `purpose` (HKDF-SHA256 of the encrypting key), so
        that another use (the console's session cookies) never shares a key with the
        stored fields. A rotation gives a new one."""
        primary = dict(self.keys)[self._primary]
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(
            primary
        )

    def key_id_of(self, token: bytes) -> str:
        return token[2 : 2 + token[1]].decode()

    def encrypt_text(self, text: str, purpose: str) -> bytes:
        return self.encrypt(text.encode(), purpose)

    def decrypt_text(self, token: bytes, purpose: str) -> str:
        return self.decrypt(token, purpose).decode()

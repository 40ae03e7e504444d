"""Teams SSO for the console's personal tab: validating the tab's Entra ID token.

Inside Teams the tab asks Teams for a token for the console's Entra app (TeamsJS
`authentication.getAuthToken`) and posts it here. It is checked the way the bot's own
tokens are checked (adapters/teams/adapter.py), but with PyJWT rather than the Bot
Framework SDK, because this token comes from Entra ID and not from the Bot Framework:

- signed with RS256 by a key in the JWKS that the OpenID metadata names (the metadata URL
  is a setting, so tests point it at a loopback fake issuer); an unknown key id makes one
  fresh fetch of the keys (Entra rotates them), at most every five minutes;
- issued by Entra for the configured tenant (`iss` the metadata's issuer with the tenant
  filled in, or the v1 form `https://sts.windows.net/TENANT/`, and `tid` the tenant);
- for the console (`aud` its client id or its application id URI);
- not expired, not before its time (two minutes of clock skew allowed);
- with an object id (`oid`): the person is the one enrolled with that Teams identity.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

ENTRA_METADATA = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration"
_KEYS_REFRESH = 300.0  # an unknown key id fetches the keys again, at most this often
_METADATA_TTL = 24 * 3600.0
_LEEWAY = 120  # seconds of clock skew


class SsoError(Exception):
    """The token was refused; the message says why (logged, never shown)."""


class SsoUnavailable(Exception):
    """The OpenID metadata or keys could not be fetched."""


@dataclass(frozen=True)
class TabIdentity:
    tenant_id: str
    object_id: str


class EntraValidator:
    def __init__(self, metadata_url: str, audiences: tuple[str, ...], tenant_id: str) -> None:
        self.metadata_url = metadata_url.replace("{tenant}", tenant_id)
        self.audiences = tuple(a for a in audiences if a)
        self.tenant_id = tenant_id
        self._metadata: dict[str, Any] | None = None
        self._metadata_at = 0.0
        self._keys: dict[str, Any] = {}
        self._keys_at = 0.0
        self._lock = asyncio.Lock()
        self._http: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._http is not None:
            await self._http.close()

    async def _get(self, url: str) -> Any:
        if self._http is None:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        try:
            async with self._http.get(url) as response:
                if response.status != 200:
                    raise SsoUnavailable(f"{url} answered {response.status}")
                return json.loads(await response.read())
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise SsoUnavailable(f"{url}: {type(error).__name__}") from error

    async def _metadata_doc(self) -> dict[str, Any]:
        if self._metadata is None or time.monotonic() - self._metadata_at > _METADATA_TTL:
            doc = await self._get(self.metadata_url)
            if not isinstance(doc, dict) or not isinstance(doc.get("jwks_uri"), str):
                raise SsoUnavailable("the OpenID metadata has no jwks_uri")
            self._metadata, self._metadata_at = doc, time.monotonic()
        return self._metadata

    async def _key(self, kid: str) -> Any:
        async with self._lock:
            metadata = await self._metadata_doc()
            stale = time.monotonic() - self._keys_at > _KEYS_REFRESH
            if kid not in self._keys and (stale or not self._keys):
                jwks = await self._get(str(metadata["jwks_uri"]))
                keys = jwks.get("keys") if isinstance(jwks, dict) else None
                self._keys = {
                    str(k["kid"]): RSAAlgorithm.from_jwk(json.dumps(k))
                    for k in keys or ()
                    if isinstance(k, dict) and k.get("kty") == "RSA" and "kid" in k
                }
                self._keys_at = time.monotonic()
            key = self._keys.get(kid)
        if key is None:
            raise SsoError("signed with an unknown key")
        return key

    def _issuers(self, metadata: dict[str, Any]) -> set[str]:
        issuer = str(metadata.get("issuer") or "")
        return {
            issuer.replace("{tenantid}", self.tenant_id),
            f"https://sts.windows.net/{self.tenant_id}/",
        }

    async def validate(self, token: str) -> TabIdentity:
        if not self.audiences:
            raise SsoError("no console client id is configured")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise SsoError("not a JWT") from error
        if header.get("alg") != "RS256" or not isinstance(header.get("kid"), str):
            raise SsoError("not an RS256 token with a key id")
        key = await self._key(header["kid"])
        metadata = await self._metadata_doc()
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=list(self.audiences),
                leeway=_LEEWAY,
                options={"require": ["exp", "iat", "iss", "aud", "tid", "oid"]},
            )
        except jwt.ExpiredSignatureError as error:
            raise SsoError("expired") from error
        except jwt.InvalidAudienceError as error:
            raise SsoError("for another audience") from error
        except jwt.PyJWTError as error:
            raise SsoError(type(error).__name__) from error
        if claims.get("tid") != self.tenant_id:
            raise SsoError("from another tenant")
        if claims.get("iss") not in self._issuers(metadata):
            raise SsoError("from another issuer")
        oid = claims.get("oid")
        if not isinstance(oid, str) or not oid:
            raise SsoError("without an object id")
        return TabIdentity(self.tenant_id, oid)

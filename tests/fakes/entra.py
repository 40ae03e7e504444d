"""A fake Microsoft Entra ID on loopback, for the console's Teams tab sign-in (SSO).

It serves a tenant's OpenID metadata and its signing keys the way
login.microsoftonline.com does (`/{tenant}/v2.0/.well-known/openid-configuration`, with
`issuer` "https://login.microsoftonline.com/{tenant}/v2.0" and `jwks_uri`
`/{tenant}/discovery/v2.0/keys`), and signs v2 access tokens shaped like the one Teams
hands a tab from `getAuthToken()`: `aud` the app's client id (or its id URI), `tid`, `oid`,
`scp` "access_as_user", `azp` the Teams client. The keyword arguments make bad ones.
"""

from __future__ import annotations

import json
import time
import uuid

import jwt
from jwt.algorithms import RSAAlgorithm

from tests.fakes.teams import _json, _LoopbackServer, _process_keys, _Request

TEAMS_DESKTOP_CLIENT = "1fec8e78-bce4-4aaf-ab1b-5451cc387264"  # Teams' own app id


class FakeEntraIssuer:
    def __init__(self, tenant_id: str, client_id: str) -> None:
        self.tenant_id = tenant_id
        self.client_id = client_id
        self.kid = "entra-test-key"
        self._key, self.other_key = _process_keys()
        self.metadata_requests = 0
        self._server = _LoopbackServer(self._route)
        self.url = self._server.url
        self.metadata_url = f"{self.url}/{tenant_id}/v2.0/.well-known/openid-configuration"

    def stop(self) -> None:
        self._server.stop()

    def settings(self) -> dict[str, object]:
        """The Weerbaar settings that point the console's SSO at this issuer."""
        return {
            "console_sso_client_id": self.client_id,
            "console_sso_tenant_id": self.tenant_id,
            "console_openid_metadata_url": self.metadata_url,
        }

    def issuer(self, tenant_id: str | None = None) -> str:
        return f"https://login.microsoftonline.com/{tenant_id or self.tenant_id}/v2.0"

    def tab_token(
        self,
        object_id: str,
        *,
        audience: str | None = None,
        tenant_id: str | None = None,
        expired: bool = False,
        other_key: bool = False,
        issuer: str | None = None,
        lifetime: int = 3600,
    ) -> str:
        now = int(time.time())
        if expired:
            now -= lifetime + 3600
        tid = tenant_id or self.tenant_id
        claims = {
            "aud": audience or self.client_id,
            "iss": issuer or self.issuer(tid),
            "iat": now - 30,
            "nbf": now - 30,
            "exp": now + lifetime,
            "tid": tid,
            "oid": object_id,
            "sub": uuid.uuid5(uuid.NAMESPACE_URL, object_id).hex,
            "scp": "access_as_user",
            "azp": TEAMS_DESKTOP_CLIENT,
            "ver": "2.0",
            "name": "Test Person",
            "preferred_username": "test@example.org",
        }
        key = self.other_key if other_key else self._key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

    def _route(self, request: _Request) -> tuple[int, dict[str, str], bytes]:
        base = f"/{self.tenant_id}"
        if (
            request.method == "GET"
            and request.path == f"{base}/v2.0/.well-known/openid-configuration"
        ):
            self.metadata_requests += 1
            return _json(
                200,
                {
                    "issuer": self.issuer(),
                    "jwks_uri": f"{self.url}{base}/discovery/v2.0/keys",
                    "authorization_endpoint": f"{self.url}{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{self.url}{base}/oauth2/v2.0/token",
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "tenant_region_scope": "EU",
                },
            )
        if request.method == "GET" and request.path == f"{base}/discovery/v2.0/keys":
            jwk = json.loads(RSAAlgorithm.to_jwk(self._key.public_key()))
            jwk.update({"kid": self.kid, "use": "sig", "kty": "RSA"})
            return _json(200, {"keys": [jwk]})
        return _json(404, {"error": "not_found"})

"""Plumbing around botbuilder 4.17.1 for the Teams adapter.

What the stock SDK does per turn, and what this module does instead:

- It builds a new `MicrosoftAppCredentials` (a new MSAL app with an empty token cache)
  for every turn, so it asks AAD for a token on every turn. Here one `_BotCredentials`
  holds one client-credentials token (OAuth 2.0, RFC 6749 §4.4) until shortly before it
  expires, and the adapter refreshes it with aiohttp before a turn, so the blocking path
  inside msrest never runs in normal operation. The token endpoint is a plain setting,
  which is also how tests point it at a loopback fake (MSAL refuses non-https authorities).
- It builds two msrest clients per turn (connector and user-token client); msrest's
  `ClientRetryPolicy()` rebuilds its retry status list by scanning a 500-element list
  999 times (~8 ms CPU each). Here clients are built once per service URL and reused
  (with their `requests.Session`, so the TCP connection is kept alive), and while they
  are built, `ClientRetryPolicy.safe_codes` is a precomputed frozenset (same values).
- msrest retries 429 and 5xx itself (up to 3 times, sleeping in an executor thread) and
  then raises an error without the Retry-After header. Here the connector clients do not
  retry on status, so the outbox sees the 429 and its Retry-After.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import aiohttp
import requests
from botframework.connector import BotFrameworkConnectorConfiguration
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    JwtTokenExtractor,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from msrest.universal_http.requests import ClientRetryPolicy
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

BOT_FRAMEWORK_SCOPE = "https://api.botframework.com"
CHANNEL_TOKEN_ISSUER = "https://api.botframework.com"
_USER_AGENT = "Microsoft-BotFramework/3.1 (BotBuilder Python/4.17.1; weerbaar)"
_SAFE_CODES = frozenset(ClientRetryPolicy.safe_codes)
_REFRESH_MARGIN = 300.0  # seconds before expiry at which a token is renewed


class TokenError(Exception):
    """The bot could not get its own access token for outgoing calls."""


@contextmanager
def fast_retry_policy() -> Iterator[None]:
    """Build msrest clients with `ClientRetryPolicy.safe_codes` as a frozenset.

    msrest computes `[i for i in range(999) if i not in self.safe_codes]` in every
    `ClientRetryPolicy()`, with `safe_codes` a 502-element list: ~8 ms CPU per client.
    A frozenset with the same values gives the same list in ~0.05 ms. The swap is limited
    to this block, which contains no await, so no other coroutine sees it; another thread
    building an msrest client meanwhile would get the same result, only faster.
    """
    policy_class: Any = ClientRetryPolicy
    original = policy_class.safe_codes
    policy_class.safe_codes = _SAFE_CODES
    try:
        yield
    finally:
        policy_class.safe_codes = original


def _no_status_retry(policy: Retry) -> None:
    # One retry when the connection could not be made (nothing was sent, so no duplicate
    # message); none on read errors or on status codes: the caller decides. Mutated in
    # place because msrest also reads its own attribute BACKOFF_MAX from this object.
    policy.total = policy.connect = 1
    policy.read = policy.status = policy.other = 0
    policy.status_forcelist = frozenset()
    policy.raise_on_status = False


class AppToken:
    """The bot's client-credentials token for the Bot Connector, renewed before expiry."""

    def __init__(self, app_id: str, app_password: str, token_url: str) -> None:
        self._form = {
            "grant_type": "client_credentials",
            "client_id": app_id,
            "client_secret": app_password,
            "scope": f"{BOT_FRAMEWORK_SCOPE}/.default",
        }
        self._token_url = token_url
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()

    def _current(self) -> str | None:
        with self._lock:
            if self._token and time.monotonic() < self._expires_at - _REFRESH_MARGIN:
                return self._token
            return None

    def _store(self, body: Any) -> str:
        if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            raise TokenError("token endpoint answered without an access_token")
        token: str = body["access_token"]
        lifetime = float(body.get("expires_in", 3600))
        with self._lock:
            self._token, self._expires_at = token, time.monotonic() + lifetime
        return token

    async def refresh(self, session: aiohttp.ClientSession) -> None:
        """Renew the token without blocking the event loop, if it is (nearly) expired."""
        if self._current():
            return
        try:
            async with session.post(
                self._token_url, data=self._form, timeout=aiohttp.ClientTimeout(total=20)
            ) as response:
                if response.status != 200:
                    raise TokenError(f"token endpoint answered {response.status}")
                self._store(await response.json(content_type=None))
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise TokenError(f"token endpoint unreachable: {type(error).__name__}") from error

    async def get(self, session: aiohttp.ClientSession) -> str:
        """The current token, renewed first if needed."""
        await self.refresh(session)
        return self.get_blocking()

    def get_blocking(self) -> str:
        """The token; fetched with blocking `requests` only if `refresh` was not awaited."""
        token = self._current()
        if token:
            return token
        log.warning("fetching the bot token on the event loop (refresh was not awaited)")
        try:
            response = requests.post(self._token_url, data=self._form, timeout=20)
        except requests.RequestException as error:
            raise TokenError(f"token endpoint unreachable: {type(error).__name__}") from error
        if response.status_code != 200:
            raise TokenError(f"token endpoint answered {response.status_code}")
        return self._store(response.json())


class _BotCredentials(AppCredentials):
    """msrest credentials that sign requests with the shared `AppToken`."""

    def __init__(self, app_id: str, token: AppToken) -> None:
        super().__init__(app_id=app_id, oauth_scope=BOT_FRAMEWORK_SCOPE)
        self._token = token

    def get_access_token(self, force_refresh: bool = False) -> str:
        return self._token.get_blocking()


class CredentialsFactory(ServiceClientCredentialsFactory):
    """Hands the SDK one credentials object for our app id (authentication always on)."""

    def __init__(self, app_id: str, token: AppToken) -> None:
        self._app_id = app_id
        self.credentials = _BotCredentials(app_id, token)

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id == self._app_id

    async def is_authentication_disabled(self) -> bool:
        return False

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> _BotCredentials:
        if app_id != self._app_id:
            raise PermissionError("credentials asked for another app id")
        return self.credentials


class ConnectorClients(ConnectorFactory):
    """One reused `ConnectorClient` per service URL (Teams has a handful per region)."""

    def __init__(self, credentials: _BotCredentials, max_clients: int = 32) -> None:
        self._credentials = credentials
        self._clients: OrderedDict[str, Any] = OrderedDict()
        self._max = max_clients

    async def create(self, service_url: str, audience: str | None = None) -> Any:
        client = self._clients.get(service_url)
        if client is not None:
            self._clients.move_to_end(service_url)
            return client
        with fast_retry_policy():
            config = BotFrameworkConnectorConfiguration(self._credentials, service_url)
        # Set before the client exists: its requests.Session reads it when it is made.
        _no_status_retry(config.retry_policy.policy)
        config.add_user_agent(_USER_AGENT)
        client = ConnectorClient(
            self._credentials, base_url=service_url, custom_configuration=config
        )
        self._clients[service_url] = client
        if len(self._clients) > self._max:
            _, oldest = self._clients.popitem(last=False)
            await oldest.__aexit__(None, None, None)
        return client

    async def close(self) -> None:
        while self._clients:
            _, client = self._clients.popitem()
            await client.__aexit__(None, None, None)


class CachingAuthentication(BotFrameworkAuthentication):
    """Delegates validation to the SDK; hands out reused clients instead of new ones."""

    def __init__(self, inner: Any, connectors: ConnectorClients) -> None:
        self._inner = inner
        self._connectors = connectors
        self._user_tokens: Any = None

    async def authenticate_request(self, activity: Any, auth_header: str) -> Any:
        result: AuthenticateRequestResult = await self._inner.authenticate_request(
            activity, auth_header
        )
        result.connector_factory = self._connectors
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id: str) -> Any:
        raise PermissionError("streaming connections are not accepted")

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorClients:
        return self._connectors

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # The bot never signs users in (no OAuthPrompt); the SDK still builds this client
        # on every turn, so build it once.
        if self._user_tokens is None:
            with fast_retry_policy():
                self._user_tokens = await self._inner.create_user_token_client(claims_identity)
        return self._user_tokens

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return str(self._inner.get_originating_audience())

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


class Settings:
    """The attribute bag ConfigurationBotFrameworkAuthentication reads its settings from."""

    def __init__(
        self, app_id: str, app_password: str, tenant_id: str, openid_url: str, token_url: str
    ) -> None:
        self.APP_ID = app_id
        self.APP_PASSWORD = app_password
        self.APP_TENANTID = tenant_id
        self.APP_TYPE = "SingleTenant"
        self.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = openid_url
        self.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = openid_url  # emulator: refused
        self.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = CHANNEL_TOKEN_ISSUER
        self.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = BOT_FRAMEWORK_SCOPE
        self.TO_CHANNEL_FROM_BOT_LOGIN_URL = token_url
        self.OAUTH_URL = "https://token.botframework.com"  # user sign-in: never used


def stale_openid_metadata(url: str) -> Any:
    """The SDK's OpenID metadata cache entry if it is about to go stale, else None."""
    metadata = JwtTokenExtractor.get_open_id_metadata(url)
    age = datetime.now() - metadata.last_updated
    return metadata if age.total_seconds() > 23 * 3600 else None

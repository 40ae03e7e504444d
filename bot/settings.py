"""Typed settings, read once at start-up from the environment (prefix WEERBAAR_) or .env."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.domain.zone import AMSTERDAM
from bot.errors import StartupError

log = logging.getLogger(__name__)


class SettingsError(StartupError, ValueError):
    """A setting is missing or wrong; the message names it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="WEERBAAR_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    mode: Literal["development", "production"] = "development"
    home: Path = Path(".weerbaar")
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("WEERBAAR_DATABASE_URL", "DATABASE_URL")
    )
    # "id:base64key[,id:base64key...]": the first encrypts, all decrypt (rotation).
    encryption_keys: SecretStr | None = None
    # The keys of the dossier's identifier hashes ("id:base64key,...", the first hashes;
    # storage/identity_hash.py). Unset: derived from the encryption keys.
    dossier_keys: SecretStr | None = None
    # Trends show a count from 1 below this as "< N": a small count could point at a person.
    trend_threshold: int = Field(default=5, ge=1)
    # The zone of the system clock and the scheduler. The rules always work in Amsterdam
    # time (bot/domain/zone.py says why); this only defaults to the same name.
    timezone: str = AMSTERDAM.key
    max_message_chars: int = 4000
    max_file_bytes: int = 20 * 1024 * 1024
    organisations_file: Path | None = None
    helplines_file: Path | None = None
    host: str = "127.0.0.1"
    port: int = 3978
    # A client must send a whole request (headers and body) within this many seconds, and
    # an idle kept-alive connection is closed after `http_idle_seconds`: a slow or stalled
    # client cannot hold a connection (adapters/http.py).
    http_read_seconds: float = Field(default=10.0, gt=0)
    http_idle_seconds: float = Field(default=75.0, gt=0)
    sweep_seconds: float = 5.0
    # At stop (SIGTERM): how long running turns and the last outbox round may take.
    shutdown_seconds: float = Field(default=20.0, gt=0)
    # Delivery dedupe keys and delivered outbox rows are kept this long (storage/repos/retention.py)
    retention_days: int = Field(default=30, ge=1)
    # Reminders and aftercare check-ins (bot/domain/reminder_plan.py).
    reminder_fraction: float = 0.75  # the reminder comes at this share of the time left
    escalation_delays_hours: list[float] = Field(default_factory=lambda: [8.0, 24.0])
    snooze_hours: float = 24.0
    checkin_days: list[int] = Field(default_factory=lambda: [1, 7, 30])
    checkin_hour: int = 10
    checkin_open_hours: float = 72.0  # how long a reply counts as an answer to a check-in
    late_after_seconds: float = 600.0  # sent later than this after due: "this is late"
    sweep_batch: int = 500

    teams_app_id: str | None = None
    teams_app_password: SecretStr | None = None
    teams_tenant_id: str | None = None
    # Where the Bot Framework's OpenID metadata and the bot's token endpoint are: the public
    # ones when unset. Tests and benchmarks point them at loopback fakes.
    teams_openid_metadata_url: str | None = None
    teams_token_url: str | None = None

    signal_api: str | None = None  # host:port of signal-cli-rest-api, loopback
    signal_number: str | None = None

    # The web console (adapters/console/, served by `weerbaar serve` at /console).
    # The address people open it at, for the sign-in links the bot gives; unset: this
    # service's own http://host:port.
    console_url: str | None = None
    console_link_minutes: float = Field(default=10.0, gt=0)  # a sign-in link's life
    console_session_hours: float = Field(default=8.0, gt=0)  # a console session's life
    # /console/chat, the local channel in the browser: unset means on in development mode.
    console_chat: bool | None = None
    # Teams SSO for the console's personal tab: the Entra app (client) id the tab's token is
    # for, and its application id URI ("api://HOST/CLIENT_ID"); both are accepted as the
    # audience. The tenant defaults to the bot's. The OpenID metadata is Entra's, unless
    # pointed elsewhere (tests use a loopback fake issuer).
    console_sso_client_id: str | None = None
    console_sso_app_id_uri: str | None = None
    console_sso_tenant_id: str | None = None
    console_openid_metadata_url: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Settings:
        teams = {
            "WEERBAAR_TEAMS_APP_ID": self.teams_app_id,
            "WEERBAAR_TEAMS_APP_PASSWORD": self.teams_app_password,
            "WEERBAAR_TEAMS_TENANT_ID": self.teams_tenant_id,
        }
        given = [k for k, v in teams.items() if v]
        if given and len(given) < len(teams):
            missing = [k for k, v in teams.items() if not v]
            verb = "is" if len(missing) == 1 else "are"
            raise SettingsError(f"Teams is partly configured: {', '.join(missing)} {verb} missing.")
        if bool(self.signal_api) != bool(self.signal_number):
            raise SettingsError("Signal needs both WEERBAAR_SIGNAL_API and WEERBAAR_SIGNAL_NUMBER.")
        if self.mode == "production":
            if self.encryption_keys is None:
                raise SettingsError(
                    "Setting WEERBAAR_ENCRYPTION_KEYS is missing, and production mode has "
                    "no default."
                )
            if self.database_url is None:
                raise SettingsError(
                    "Setting WEERBAAR_DATABASE_URL is missing, and production mode has no default."
                )
        return self

    @property
    def teams_enabled(self) -> bool:
        return bool(self.teams_app_id)

    @property
    def signal_enabled(self) -> bool:
        return bool(self.signal_api)

    @property
    def console_chat_enabled(self) -> bool:
        return self.mode == "development" if self.console_chat is None else self.console_chat

    @property
    def console_base_url(self) -> str:
        """Where the console is reached, without a trailing slash ("…/console" is added)."""
        return (self.console_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def sso_tenant(self) -> str | None:
        return self.console_sso_tenant_id or self.teams_tenant_id

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.home.mkdir(parents=True, exist_ok=True)
        return f"sqlite+aiosqlite:///{(self.home / 'weerbaar.db').resolve()}"

    def resolved_keys(self, new_key: Callable[[], str]) -> str:
        """The key ring; in development a local key file is made once, and said so.

        `new_key` makes that key (storage/crypto.py, handed in by bot/app.py): settings
        know where the key lives, not how one is made.
        """
        if self.encryption_keys is not None:
            return self.encryption_keys.get_secret_value()
        path = self.home / "encryption.key"
        if not path.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(f"local:{new_key()}\n")
            log.warning("Created a local encryption key at %s (development only).", path)
        return path.read_text(encoding="utf-8").strip()

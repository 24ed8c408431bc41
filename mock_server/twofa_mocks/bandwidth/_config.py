"""Everything about the Bandwidth mock that a test may want to change.

Defaults follow decisions B1-B24 of spec/decisions.yaml (vendor facts: docs/bandwidth-mfa.md). Every value is
checked when a configuration is made or changed (a ValueError, or a 400 from PATCH /_mock/config).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .._bounds import YEAR, check_caps, check_number, check_text

DEMO_ACCOUNT = "9900000"
DEMO_USER = "demo-api-user"
DEMO_PASSWORD = "demo-api-password"  # noqa: S105 - a documented demo credential of the mock
DEMO_CLIENT_ID = "demo-client-id"
DEMO_CLIENT_SECRET = "demo-client-secret"  # noqa: S105 - a documented demo credential of the mock
# {NAME} is rendered into every message, as often as the message names it: kept short.
MAX_APPLICATION_NAME = 64


@dataclass(frozen=True)
class BandwidthConfig:
    # --- credentials ---
    # API users for HTTP Basic: username -> password.
    api_users: dict[str, str] = field(default_factory=lambda: {DEMO_USER: DEMO_PASSWORD})
    # OAuth2 clients for the client-credentials token endpoint: client_id -> client_secret.
    oauth_clients: dict[str, str] = field(default_factory=lambda: {DEMO_CLIENT_ID: DEMO_CLIENT_SECRET})
    # Which accounts each identity (API user or OAuth2 client) may use; others get 401 (B16).
    account_access: dict[str, frozenset[str]] = field(
        default_factory=lambda: {
            DEMO_USER: frozenset({DEMO_ACCOUNT}),
            DEMO_CLIENT_ID: frozenset({DEMO_ACCOUNT}),
        }
    )
    # Accounts enabled for MFA; an accessible account outside this set gets 403 (capital Message).
    mfa_accounts: frozenset[str] = frozenset({DEMO_ACCOUNT})
    # Identities without MFA access (explicit deny): 403 even on an MFA account.
    denied_identities: frozenset[str] = frozenset()
    # True: a Basic request from a denied identity is 403 whatever its password (the vendor's own smoke
    # tests expect 403 from a forbidden user with a wrong password); False: a wrong password is a 401 first.
    denied_identities_any_password: bool = False
    token_ttl_seconds: int = 3600  # expires_in of issued tokens (B18)

    # --- codes ---
    consume_on_success: bool = True  # B1: a code verifies once
    newest_code_only: bool = False  # B2: when True, a newer code for (account, to, scope) supersedes older ones
    application_name: str = "Bandwidth MFA"  # what {NAME} renders to
    require_code_placeholder: bool = False  # B10: reject a message without {CODE}

    # --- lock-out (B3-B5) ---
    lockout_threshold: int = 5  # invalid verifies of one number before it is locked
    lockout_seconds: float = 120.0  # matches "please wait 2 minutes"

    # --- what the "application registry" accepts (B9): empty means anything goes ---
    known_applications: frozenset[str] = frozenset()

    # --- B13/B14 ---
    unknown_route_status: int = 403  # API Gateway answers unknown routes 403 "Missing Authentication Token"

    # --- memory bounds: with a frozen clock nothing expires, and these caps hold ---
    # B2 keeps every code of the last 15 minutes valid; past this many live codes for one
    # (account, to, scope) the oldest is superseded. Each live code is one more right answer to a guess.
    max_live_codes_per_number: int = 10
    max_codes: int = 100_000  # live codes in all; the oldest go first
    max_lockout_counters: int = 100_000  # numbers with invalid verifies counted; the least recently failed go
    max_tokens: int = 10_000  # live OAuth2 tokens; the one closest to expiry is revoked first
    max_deliveries: int = 10_000  # the outbox: deliveries kept, oldest dropped first
    max_delivery_characters: int = 16_000_000  # the outbox: characters kept in all, oldest dropped first

    def __post_init__(self) -> None:
        check_number("tokenTtlSeconds", self.token_ttl_seconds, 1, YEAR)
        check_number("lockoutThreshold", self.lockout_threshold, 1, 1_000_000_000)
        check_number("lockoutSeconds", self.lockout_seconds, 0, YEAR)
        check_text("applicationName", self.application_name, MAX_APPLICATION_NAME)
        if self.unknown_route_status not in (403, 404):
            raise ValueError("unknownRouteStatus must be 403 or 404")
        check_caps(
            {
                "maxLiveCodesPerNumber": self.max_live_codes_per_number,
                "maxCodes": self.max_codes,
                "maxLockoutCounters": self.max_lockout_counters,
                "maxTokens": self.max_tokens,
                "maxDeliveries": self.max_deliveries,
                "maxDeliveryCharacters": self.max_delivery_characters,
            }
        )

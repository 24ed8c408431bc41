"""Everything about the Bandwidth mock that a test may want to change.

Defaults follow the decisions in the vendor reference (B1-B24) and spec/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_ACCOUNT = "9900000"
DEMO_USER = "demo-api-user"
DEMO_PASSWORD = "demo-api-password"  # noqa: S105 - a documented demo credential of the mock
DEMO_CLIENT_ID = "demo-client-id"
DEMO_CLIENT_SECRET = "demo-client-secret"  # noqa: S105 - a documented demo credential of the mock


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

"""Everything about the Infobip mock that a test may want to change.

Defaults follow decisions U1-U36 of spec/decisions.yaml (vendor facts: docs/infobip-2fa.md) and the
other choices there. Every switch is reachable over HTTP too: ``PATCH /_mock/config`` with camelCase keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .._bounds import YEAR, check_caps, check_number, check_text

# OAuth2 scopes of the published spec: which operation needs which is in _app.py (OPERATIONS).
SCOPE_MANAGE = "2fa:manage"
SCOPE_PIN_SEND = "2fa:pin:send"
SCOPE_PIN_MANAGE = "2fa:pin:manage"
ALL_SCOPES = frozenset({SCOPE_MANAGE, SCOPE_PIN_SEND, SCOPE_PIN_MANAGE})

# Documented demo credentials of the mock (never real ones). Each works with every scope, except the
# "PIN only" key, which has just 2fa:pin:send: handy for 403 tests.
DEMO_API_KEY = "00000000000000000000000000000000-8f4b3d9a-e931-478d-a994-28a725159ab9"
DEMO_PIN_ONLY_API_KEY = "11111111111111111111111111111111-0c6a1f0e-3f7d-4c1e-9f55-5d0b9a2c7e41"
DEMO_USER = "demo-user"
DEMO_PASSWORD = "demo-password"  # noqa: S105 - a documented demo credential of the mock
DEMO_IBSSO_TOKEN = "demo-ibsso-session-token"  # noqa: S105 - a documented demo credential of the mock
DEMO_BEARER_TOKEN = "demo-static-bearer-token"  # noqa: S105 - a documented demo credential of the mock
DEMO_CLIENT_ID = "demo-client-id"
DEMO_CLIENT_SECRET = "demo-client-secret"  # noqa: S105 - a documented demo credential of the mock

NC_STATUSES = frozenset(
    {"NC_DESTINATION_UNKNOWN", "NC_DESTINATION_REACHABLE", "NC_DESTINATION_NOT_REACHABLE", "NC_NOT_CONFIGURED"}
)
PIN_ERRORS = frozenset({"WRONG_PIN", "TTL_EXPIRED", "NO_MORE_PIN_ATTEMPTS"})
THROTTLE_IDS = frozenset({"TOO_MANY_REQUESTS", "THROTTLE_EXCEPTION"})
TEMPLATE_NOT_FOUND_IDS = frozenset({"MESSAGE_NOT_FOUND", "NOT_FOUND"})
# The longest PIN the mock makes, whatever maxPinLength says (the spec's pinLength maximum is 32).
HARD_MAX_PIN_LENGTH = 64


def _scopes(*scopes: str) -> frozenset[str]:
    return frozenset(scopes)


@dataclass(frozen=True)
class InfobipConfig:
    # --- credentials (docs/infobip-2fa.md, Authentication): each maps to the OAuth2-style scopes it holds ---
    # `Authorization: App <key>`: API key -> scopes. Keys made by POST /2fa/1/api-key are added at runtime.
    api_keys: dict[str, frozenset[str]] = field(
        default_factory=lambda: {DEMO_API_KEY: ALL_SCOPES, DEMO_PIN_ONLY_API_KEY: _scopes(SCOPE_PIN_SEND)}
    )
    # `Authorization: Basic base64(user:password)`: username -> password, and username -> scopes
    # (a user missing from basic_user_scopes has every scope).
    basic_users: dict[str, str] = field(default_factory=lambda: {DEMO_USER: DEMO_PASSWORD})
    basic_user_scopes: dict[str, frozenset[str]] = field(default_factory=dict)
    # `Authorization: IBSSO <token>`: session token -> scopes. A session unused for longer than
    # ibsso_idle_timeout_seconds stops working (0: never), like the vendor's inactivity expiry.
    ibsso_tokens: dict[str, frozenset[str]] = field(default_factory=lambda: {DEMO_IBSSO_TOKEN: ALL_SCOPES})
    ibsso_idle_timeout_seconds: float = 0.0
    # `Authorization: Bearer <token>`: long-lived tokens -> scopes (tokens from the OAuth2 endpoint are
    # added at runtime and expire after token_ttl_seconds).
    bearer_tokens: dict[str, frozenset[str]] = field(default_factory=lambda: {DEMO_BEARER_TOKEN: ALL_SCOPES})
    # OAuth2 client credentials for POST /auth/1/oauth2/token: client_id -> secret, client_id -> scopes
    # (a client missing from oauth_client_scopes gets every scope).
    oauth_clients: dict[str, str] = field(default_factory=lambda: {DEMO_CLIENT_ID: DEMO_CLIENT_SECRET})
    oauth_client_scopes: dict[str, frozenset[str]] = field(default_factory=dict)
    token_ttl_seconds: int = 3600  # expires_in of issued access tokens
    unauthorized_text: str = "Unauthorized"  # U34/C11: or "Invalid login details"

    # --- the demo account (_demo.py): an application with SMS, voice and e-mail templates from the start ---
    demo_account: bool = True

    # --- applications (U1, U28, U29) ---
    created_application_status: int = 200  # C8: the pages say 200, the published document 201
    default_enabled: bool = True  # U1: `enabled` of an application created without it
    put_resets_omitted_configuration: bool = False  # U28: False keeps current values of omitted fields
    unique_application_names: bool = False  # U29: True answers 400 to a duplicate name

    # --- templates (U6, U9, U36) ---
    default_pin_length: int = 4  # U6: SMS/voice templates without pinLength
    max_pin_length: int = 32  # the spec's `maximum` for pinLength; at most HARD_MAX_PIN_LENGTH
    require_pin_placeholder: bool = True  # U9: messageText must contain {{pin}} (v2) or pinPlaceholder (v1)
    accept_both_spellings: bool = True  # U36: HEX/HEXA and pt_pt/pt-pt accepted on input in both versions
    v2_hyphenated_languages: bool = False  # U36: render v2 languages as pt-pt (the community SDK 5.0.1)
    template_not_found_id: str = "MESSAGE_NOT_FOUND"  # U5: or NOT_FOUND

    # --- sending (U2, U3, U10-U13, U21-U24) ---
    disabled_application_status: int = 400  # U2: sending with a disabled application: 400 or 403
    unknown_send_target_status: int = 404  # U3: unknown applicationId/messageId on send: 404 or 400
    template_kind_mismatch_status: int = 400  # U12: e-mail template on SMS/voice send (and back): 400 or 404
    reject_pin_placeholder_key: bool = True  # U10: `placeholders` with the key `pin` -> 400
    resends_count_toward_limits: bool = True  # U13: resends use up the send limits
    resend_expired_pins: bool = False  # U20: False answers 404 to a resend of an expired PIN
    cross_channel_resend: bool = True  # U21: an SMS PIN may be resent by voice and back
    default_nc_status: str = "NC_DESTINATION_REACHABLE"  # U22: Number Lookup outcome of unlisted numbers
    number_lookup: dict[str, str] = field(default_factory=dict)  # U22: msisdn -> ncStatus
    call_status: str = "PENDING_ACCEPTED"  # U23
    email_status_name: str = "PENDING_ACCEPTED"  # U23
    email_status_description: str = "Message accepted, pending for delivery."  # U23
    validate_destinations: bool = True  # U24: `to` is 1-15 digits (SMS/voice) or local@domain (e-mail)

    # --- verifying (U7, U15-U18) ---
    case_insensitive_pins: bool = False  # U7: False compares exactly (generated PINs are upper case)
    reverify_pin_error: str = "NO_MORE_PIN_ATTEMPTS"  # U16: verified PIN, multiple verifications off
    zero_attempts_remaining_on_success: bool = False  # U18: True mimics the vendor example (0)

    # --- rate limiting (U13, U14, U32, C10) ---
    v2_throttle_id: str = "TOO_MANY_REQUESTS"  # C10: 429 messageId on /2fa/2
    v1_throttle_id: str = "THROTTLE_EXCEPTION"  # C10: 429 messageId on /2fa/1
    enforce_account_rate_limits: bool = False  # U32: the published per-account limits (50/20/100/40 per 10 min)

    # --- errors and version differences ---
    v1_validation_errors: bool = True  # /2fa/1 documents only messageId and text; False drops validationErrors
    api_key_as_json: bool = True  # U31: False answers the new key as text/plain

    # --- memory bounds: with a frozen clock nothing expires, and these caps hold ---
    expired_pin_retention_seconds: float = 3600.0  # an expired PIN answers TTL_EXPIRED this long, then 404
    max_pins: int = 100_000  # beyond this the oldest PINs are forgotten
    # Placeholder names and values kept with the live PINs (resends reuse them), all PINs together;
    # past it the oldest PINs are forgotten.
    max_placeholder_characters: int = 16_000_000
    max_records_per_destination: int = 100  # verification records kept per (application, destination)
    max_records: int = 100_000  # verification records in all; the oldest go first
    record_retention_seconds: float = 30 * 24 * 3600.0  # verification records older than this are dropped
    max_issued_api_keys: int = 10_000  # keys made by POST /2fa/1/api-key; the oldest go first
    max_applications: int = 1_000  # creating one more is a 400
    max_templates: int = 2_000  # templates of all applications together; creating one more is a 400
    max_tokens: int = 10_000  # live OAuth2 access tokens; the one closest to expiry is revoked first
    max_rate_limit_keys: int = 100_000  # send/verify windows kept; the least recently used is forgotten
    max_deliveries: int = 10_000  # the outbox: deliveries kept, oldest dropped first
    max_delivery_characters: int = 16_000_000  # the outbox: characters kept in all, oldest dropped first

    def __post_init__(self) -> None:
        choices: list[tuple[str, object, frozenset[object]]] = [
            ("disabledApplicationStatus", self.disabled_application_status, frozenset({400, 403})),
            ("createdApplicationStatus", self.created_application_status, frozenset({200, 201})),
            ("unknownSendTargetStatus", self.unknown_send_target_status, frozenset({400, 404})),
            ("templateKindMismatchStatus", self.template_kind_mismatch_status, frozenset({400, 404})),
            ("templateNotFoundId", self.template_not_found_id, frozenset(TEMPLATE_NOT_FOUND_IDS)),
            ("defaultNcStatus", self.default_nc_status, frozenset(NC_STATUSES)),
            ("reverifyPinError", self.reverify_pin_error, frozenset(PIN_ERRORS)),
            ("v2ThrottleId", self.v2_throttle_id, frozenset(THROTTLE_IDS)),
            ("v1ThrottleId", self.v1_throttle_id, frozenset(THROTTLE_IDS)),
        ]
        for name, value, allowed in choices:
            if value not in allowed:
                raise ValueError(f"{name} must be one of {sorted(map(str, allowed))}")
        for msisdn, status in self.number_lookup.items():
            if status not in NC_STATUSES:
                raise ValueError(f"numberLookup.{msisdn} must be one of {sorted(NC_STATUSES)}")
        for scopes in (
            *self.api_keys.values(),
            *self.basic_user_scopes.values(),
            *self.ibsso_tokens.values(),
            *self.bearer_tokens.values(),
            *self.oauth_client_scopes.values(),
        ):
            if not scopes <= ALL_SCOPES:
                raise ValueError(f"unknown scopes {sorted(scopes - ALL_SCOPES)}; known: {sorted(ALL_SCOPES)}")
        check_number("maxPinLength", self.max_pin_length, 1, HARD_MAX_PIN_LENGTH)
        if not 1 <= self.default_pin_length <= self.max_pin_length:
            raise ValueError("defaultPinLength must be between 1 and maxPinLength")
        check_number("tokenTtlSeconds", self.token_ttl_seconds, 1, YEAR)
        check_number("ibssoIdleTimeoutSeconds", self.ibsso_idle_timeout_seconds, 0, YEAR)
        check_number("expiredPinRetentionSeconds", self.expired_pin_retention_seconds, 0, YEAR)
        check_number("recordRetentionSeconds", self.record_retention_seconds, 0, YEAR)
        for name, text in (
            ("unauthorizedText", self.unauthorized_text),
            ("callStatus", self.call_status),
            ("emailStatusName", self.email_status_name),
            ("emailStatusDescription", self.email_status_description),
        ):
            check_text(name, text)
        check_caps(
            {
                "maxPins": self.max_pins,
                "maxPlaceholderCharacters": self.max_placeholder_characters,
                "maxRecordsPerDestination": self.max_records_per_destination,
                "maxRecords": self.max_records,
                "maxIssuedApiKeys": self.max_issued_api_keys,
                "maxApplications": self.max_applications,
                "maxTemplates": self.max_templates,
                "maxTokens": self.max_tokens,
                "maxRateLimitKeys": self.max_rate_limit_keys,
                "maxDeliveries": self.max_deliveries,
                "maxDeliveryCharacters": self.max_delivery_characters,
            }
        )

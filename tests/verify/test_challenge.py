"""Challenges: serialisable both ways, tamper-evident with a secret, and safe to parse from a session."""

from __future__ import annotations

import base64
import contextlib
import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from twofa_clients import Challenge, InvalidArgumentError, TwoFactorError
from twofa_clients.verify import MAX_CHALLENGE_CHARS, ChallengeError
from twofa_clients.verify._challenge import Keyring

SECRET = "a-secret-of-enough-length-0001"
INFOBIP = Challenge("infobip", "sms", "+41793026727", "9C817C6F8AF3D48F9FE553282AFA2B67", None, 1_000, 601_000)
BANDWIDTH = Challenge("bandwidth", "voice", "+19195551234", "c-1a2b-3c", "tfa-abc", 2_000, 302_000, "unknown")
EMAIL = Challenge("infobip", "email", "jane@example.com", "ABCDEF", None, 0, 60_000)


@pytest.mark.parametrize("challenge", [INFOBIP, BANDWIDTH, EMAIL])
def test_round_trips_through_str_json_and_dict(challenge: Challenge) -> None:
    signed = Keyring(SECRET).sign(challenge)
    for value in (challenge, signed):
        assert Challenge.from_string(str(value)) == value
        assert Challenge.from_json(value.to_json()) == value
        assert Challenge.from_dict(value.to_dict()) == value
        assert Challenge.parse(value.to_json()) == value
        assert Challenge.parse(str(value)) == value
        assert Challenge.from_string(str(value)).signature == value.signature
    assert str(signed).startswith("tfa1.")
    assert str(challenge).endswith(".")
    assert len(str(signed)) < 600


def test_times_and_ids_read_back() -> None:
    assert (INFOBIP.issued_at, INFOBIP.expires_at, INFOBIP.pin_id) == (1.0, 601.0, INFOBIP.reference)
    assert BANDWIDTH.pin_id is None
    assert INFOBIP.is_expired(601.0)
    assert not INFOBIP.is_expired(600.999)


def test_a_signed_challenge_verifies_with_its_key_and_rotated_keys() -> None:
    signed = Keyring(SECRET).sign(INFOBIP)
    Keyring(SECRET).verify(signed)
    Keyring("a-newer-secret-of-length-002", [SECRET]).verify(Challenge.from_string(str(signed)))
    with pytest.raises(ChallengeError, match="does not match"):
        Keyring("another-secret-of-length-03").verify(signed)
    with pytest.raises(ChallengeError, match="not signed"):
        Keyring(SECRET).verify(INFOBIP)


@pytest.mark.parametrize(
    "change",
    [
        {"to": "+41793026728"},
        {"reference": "0000000000000000000000000000000A"},
        {"expires_at_ms": 6_001_000},
        {"issued_at_ms": 2_000},
        {"channel": "voice"},
        {"delivery": "unknown"},
    ],
)
def test_any_change_to_a_signed_challenge_is_detected(change: dict[str, Any]) -> None:
    signed = Keyring(SECRET).sign(INFOBIP)
    tampered = replace(signed, **change)
    with pytest.raises(ChallengeError, match="does not match"):
        Keyring(SECRET).verify(tampered)
    # ... also when changed inside the string form, payload re-encoded by hand
    payload, signature = str(signed).split(".")[1:]
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data.update(change)
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    with pytest.raises(ChallengeError, match="does not match"):
        Keyring(SECRET).verify(Challenge.from_string(f"tfa1.{forged}.{signature}"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected tfa1"),
        ("tfa1..", "does not decode"),
        ("tfa2.e30.", "expected tfa1"),
        ("tfa1.e30.", "fields"),  # {}
        ("tfa1.!!!.", "does not decode"),
        ("tfa1.W10.", "expected a JSON object"),  # []
        ("x" * (MAX_CHALLENGE_CHARS + 1), "longer than"),
        ("{", "not valid JSON"),
        ('{"version": 1}', "fields"),
    ],
)
def test_malformed_strings_are_clear_challenge_errors(text: str, message: str) -> None:
    with pytest.raises(ChallengeError, match=message) as info:
        Challenge.parse(text)
    assert text[:20] not in str(info.value) or not text  # never quotes the input


@pytest.mark.parametrize(
    "change",
    [
        {"version": 2},
        {"version": True},
        {"vendor": "twilio"},
        {"channel": "fax"},
        {"to": "41793026727"},  # not normalised
        {"to": ["+41793026727"]},
        {"reference": "../admin"},
        {"reference": "x" * 200},
        {"scope": "s"},  # an Infobip challenge has none
        {"issued_at_ms": -1},
        {"issued_at_ms": 1.5},
        {"expires_at_ms": 500},  # before issue
        {"expires_at_ms": 10**15},  # more than a year
        {"expires_at_ms": 2**64},
        {"delivery": "maybe"},
        {"signature": "short"},
        {"extra": 1},
    ],
)
def test_every_field_is_checked(change: dict[str, Any]) -> None:
    data = {**INFOBIP.to_dict(), **change}
    with pytest.raises(ChallengeError):
        Challenge.from_dict(data)
    with pytest.raises(ChallengeError):
        Challenge.from_json(json.dumps(data))


def test_bandwidth_challenges_need_a_scope_and_no_email() -> None:
    with pytest.raises(ChallengeError, match="scope"):
        replace(BANDWIDTH, scope=None)
    with pytest.raises(ChallengeError, match="e-mail"):
        Challenge("bandwidth", "email", "jane@example.com", None, "s", 0, 1)


def test_errors_are_value_errors_in_the_layer_hierarchy() -> None:
    with pytest.raises(ChallengeError) as info:
        Challenge.parse(12)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError | InvalidArgumentError | TwoFactorError)


def test_secrets_are_bounded_and_never_shown() -> None:
    with pytest.raises(InvalidArgumentError, match="16 to 1024"):
        Keyring("short")
    with pytest.raises(InvalidArgumentError):
        Keyring(12)  # type: ignore[arg-type]
    keyring = Keyring(SECRET, [b"an-older-secret-bytes-000"])
    assert SECRET not in repr(keyring)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.text(alphabet='tfa1.eyJ9_-AZaz09{}":,', max_size=400)))
def test_any_text_parses_or_is_a_challenge_error(text: str) -> None:
    with contextlib.suppress(ChallengeError):
        Challenge.parse(text)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([*INFOBIP.to_dict(), "x"]),
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40), st.lists(st.integers())),
    )
)
def test_any_json_object_parses_or_is_a_challenge_error(data: dict[str, Any]) -> None:
    for text in (json.dumps({**INFOBIP.to_dict(), **data}), json.dumps(data)):
        with contextlib.suppress(ChallengeError):
            Challenge.from_json(text)

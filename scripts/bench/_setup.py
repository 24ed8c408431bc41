"""Prepare a running mock for load over HTTP, and the raw send and verify requests the load sends.

Infobip: one application whose limits will not throttle a benchmark (verifyPinLimit, both send
limits), one SMS template, one PIN to verify. Bandwidth: lockoutThreshold raised, so repeated
verifies of one number are answered instead of locked out. Everything else stays at its defaults.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ._loadgen import RequestFactory, request_bytes

RELAXED_LIMITS = {
    "verifyPinLimit": "1000000/1s",
    "sendPinPerApplicationLimit": "1000000000/1s",
    "sendPinPerPhoneNumberLimit": "1000000/1s",
}
INFOBIP_TO = "41793026727"
BANDWIDTH_TO = "+19195551234"


@dataclass(frozen=True)
class Prepared:
    vendor: str
    url: str
    authorization: str
    params: dict[str, str]  # for the clients of ``_clients``: credentials and what to verify
    app_id: str = ""
    message_id: str = ""


def prepare(vendor: str, url: str, params: dict[str, str]) -> Prepared:
    """Set the mock at ``url`` up for load; ``params`` are the demo credentials of ``_clients``."""
    if vendor == "infobip":
        auth = f"App {params['infobip_api_key']}"
        with httpx.Client(base_url=url, headers={"Authorization": auth}, timeout=10) as http:
            app = http.post("/2fa/2/applications", json={"name": "bench", "configuration": RELAXED_LIMITS})
            app.raise_for_status()
            app_id = app.json()["applicationId"]
            template = {"messageText": "Your code is {{pin}}", "pinType": "NUMERIC", "pinLength": 6}
            message = http.post(f"/2fa/2/applications/{app_id}/messages", json=template)
            message.raise_for_status()
            message_id = message.json()["messageId"]
            sent = http.post("/2fa/2/pin", json={"applicationId": app_id, "messageId": message_id, "to": INFOBIP_TO})
            sent.raise_for_status()
            outbox = http.get("/_mock/outbox", params={"to": INFOBIP_TO})
            pin = outbox.json()["deliveries"][-1]["code"]
        verify = {**params, "pin_id": sent.json()["pinId"], "pin": pin}
        return Prepared(vendor, url, auth, verify, app_id, message_id)
    user_password = f"{params['bandwidth_user']}:{params['bandwidth_password']}".encode()
    auth = f"Basic {base64.b64encode(user_password).decode()}"
    with httpx.Client(base_url=url, timeout=10) as http:
        http.patch("/_mock/config", json={"lockoutThreshold": 1_000_000_000}).raise_for_status()
    return Prepared(vendor, url, auth, {**params, "code": "123456"})


def requests(prepared: Prepared, operation: str) -> RequestFactory:
    """Request number -> bytes: sends go to a new destination each time, verifies check one PIN."""
    host = urlsplit(prepared.url).netloc
    headers = {"Authorization": prepared.authorization, "Content-Type": "application/json"}
    p = prepared.params
    if prepared.vendor == "infobip":
        if operation == "verify":
            body = json.dumps({"pin": p["pin"]}).encode()
            raw = request_bytes("POST", f"/2fa/2/pin/{p['pin_id']}/verify", host, headers, body)
            return lambda _: raw
        app, message = prepared.app_id, prepared.message_id

        def send(number: int) -> bytes:
            to = f"4179{number % 10_000_000:07d}"
            body = json.dumps({"applicationId": app, "messageId": message, "to": to}).encode()
            return request_bytes("POST", "/2fa/2/pin", host, headers, body)

        return send
    base = f"/api/v1/accounts/{p['bandwidth_account']}/code"
    if operation == "verify":
        body = json.dumps({"to": BANDWIDTH_TO, "code": p["code"], "expirationTimeInMinutes": 3}).encode()
        raw = request_bytes("POST", f"{base}/verify", host, headers, body)
        return lambda _: raw

    def generate(number: int) -> bytes:
        body = {
            "to": f"+1919{number % 10_000_000:07d}",
            "from": "+19195554321",
            "applicationId": "66fd98ae-ac8d-a00f-7fcd-ba3280aeb9b1",
            "message": "Your temporary {NAME} {SCOPE} code is {CODE}",
            "digits": 6,
        }
        return request_bytes("POST", f"{base}/messaging", host, headers, json.dumps(body).encode())

    return generate

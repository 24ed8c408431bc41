"""The examples printed on the seed pages, copied value for value.

Seeds 000 and 003 are Infobip pages, 001 and 002 the Bandwidth Errors page (rendered and Markdown
source of the same page). The specs must carry each of these at the place given.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class SeedExample(NamedTuple):
    seed: str
    operation_id: str
    status: str | None  # None: the request body
    value: Any


# Seed 003, "Supported languages" table, in the page's order.
V1_LANGUAGES = [
    "en", "es", "ca", "zh-cn", "zh-tw", "da", "nl", "fr", "de",
    "it", "ja", "ko", "no", "pl", "pt-pt", "ru", "sv", "fi",
]  # fmt: skip

_BW_REQUEST = {
    "to": "+12345678901",
    "from": "+12345678901",
    "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
    "scope": "2FA",
    "digits": 7,
    "message": "Test code: {CODE}",
}
_BW_VERIFY = {
    "to": "+12345678901",
    "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
    "scope": "2FA",
    "expirationTimeInMinutes": 3,
    "code": "1234",
}
_BW_REQUEST_ID = "abc12312-abcd-1234-abcd-1234abcd1234"

INFOBIP_SEED_EXAMPLES = [
    SeedExample(
        "000",
        "v1-send-2fa-pin-code-over-sms",
        None,
        {
            "applicationId": "E56D48F9FFA2B679C815F8AF33282A7C",
            "messageId": "CA71036B771AEC408772F93BC855D00A",
            "to": "385985555555",
        },
    ),
    SeedExample(
        "000",
        "v1-send-2fa-pin-code-over-sms",
        "404",
        {
            "requestError": {
                "serviceException": {
                    "messageId": "RESOURCE_NOT_FOUND",
                    "text": "Application or message with given ID cannot be found.",
                }
            }
        },
    ),
    SeedExample(
        "003",
        "v1-get-2fa-message-templates",
        "200",
        [
            {
                "messageId": "9C815F8AF3328",
                "applicationId": "HJ675435E3A6EA43432G5F37A635KJ8B",
                "pinPlaceholder": "<pin>",
                "messageText": "Your PIN is <pin>.",
                "pinLength": 4,
                "pinType": "NUMERIC",
                "language": "en",
                "repeatDTMF": "1#",
                "speechRate": 1,
            },
            {
                "messageId": "8F0792F86035A",
                "applicationId": "HJ675435E3A6EA43432G5F37A635KJ8B",
                "pinPlaceholder": "<<>>",
                "messageText": "Your PIN is <<>>.",
                "pinLength": 6,
                "pinType": "HEXA",
                "repeatDTMF": "1#",
                "speechRate": 1.5,
            },
        ],
    ),
    SeedExample(
        "003",
        "v1-get-2fa-message-templates",
        "404",
        {
            "requestError": {
                "serviceException": {
                    "messageId": "MESSAGE_NOT_FOUND",
                    "text": "Message with given id cannot be found.",
                }
            }
        },
    ),
    SeedExample(
        "003",
        "v1-get-2fa-message-templates",
        "429",
        {
            "requestError": {
                "serviceException": {
                    "messageId": "THROTTLE_EXCEPTION",
                    "text": "Too many requests. Try again later.",
                }
            }
        },
    ),
    SeedExample(
        "003",
        "v1-get-2fa-message-template",
        "200",
        {
            "messageId": "F66D67327326FCC",
            "applicationId": "HJ675435E3A6EA43432G5F37A635KJ8B",
            "pinPlaceholder": "<pin>",
            "messageText": "Your pin is <pin>",
            "pinLength": 6,
            "pinType": "ALPHANUMERIC",
            "senderId": "Infobip 2FA",
            "language": "en",
        },
    ),
]

BANDWIDTH_SEED_EXAMPLES = [
    SeedExample("002", "generateMessagingCode", None, _BW_REQUEST),
    SeedExample(
        "002",
        "generateMessagingCode",
        "400",
        {"error": "to number is required", "requestId": _BW_REQUEST_ID},
    ),
    SeedExample("002", "generateMessagingCode", "401", {"message": "Unauthorized"}),
    SeedExample(
        "002",
        "generateMessagingCode",
        "403",
        {"Message": "User is not authorized to access this resource with an explicit deny"},
    ),
    SeedExample("002", "verifyCode", None, _BW_VERIFY),
    SeedExample(
        "002",
        "verifyCode",
        "429",
        {
            "error": "This number has exceeded verification attempts, please wait 2 minutes",
            "requestId": _BW_REQUEST_ID,
        },
    ),
    SeedExample("002", "verifyCode", "500", {"error": "Internal Error", "requestId": _BW_REQUEST_ID}),
]

# The Errors page's 400 request: an empty `to`, which the request schema must reject.
BANDWIDTH_SEED_INVALID_REQUEST = SeedExample("002", "generateMessagingCode", "400", {**_BW_REQUEST, "to": ""})

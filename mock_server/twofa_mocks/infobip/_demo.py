"""The demo account: one application with an SMS, a voice and an e-mail template, there from the start.

A first send against a fresh mock succeeds with these ids (``demoAccount``, on by default); tests that
need an empty account switch it off. The application and templates are made through the same
validation as ones created over the API, with the defaults a new application gets. They exist at
start, after each reset and when the switch is turned on; turning it off removes them, and is refused
once PINs were sent through them (a PIN always belongs to an application that exists).
"""

from __future__ import annotations

from typing import Any

from ._config import InfobipConfig
from ._store import Application, Configuration, InfobipStore, Template
from ._validation import PIN_PLACEHOLDER, parse_email_template, parse_sms_template

# Fixed ids in the vendor's shape (32 upper-case hexadecimal characters), printed by `twofa-mock`.
DEMO_APPLICATION_ID = "DE0000000000000000000000000000A1"
DEMO_SMS_MESSAGE_ID = "DE0000000000000000000000000000B1"
DEMO_VOICE_MESSAGE_ID = "DE0000000000000000000000000000B2"
DEMO_EMAIL_MESSAGE_ID = "DE0000000000000000000000000000B3"
DEMO_APPLICATION_NAME = "twofa-mock demo"

SMS_TEMPLATE: dict[str, Any] = {
    "messageText": "Your verification code is {{pin}}",
    "pinType": "NUMERIC",
    "pinLength": 6,
    "senderId": "ServiceSMS",
}
VOICE_TEMPLATE: dict[str, Any] = {
    "messageText": "Your verification code is {{pin}}",
    "pinType": "NUMERIC",
    "pinLength": 6,
    "language": "en",
    "voiceName": "Joanna",
    "repeatDTMF": "1#",
    "speechRate": 1,
}
EMAIL_TEMPLATE: dict[str, Any] = {"emailTemplateId": 1, "from": "2fa@example.com", "pinType": "NUMERIC", "pinLength": 6}


def _templates(config: InfobipConfig) -> list[Template]:
    length = min(6, config.max_pin_length)  # maxPinLength may be set below 6

    def sms(body: dict[str, Any]) -> dict[str, Any]:
        fields = parse_sms_template(
            {**body, "pinLength": length},
            2,
            create=True,
            lenient=False,
            max_pin_length=config.max_pin_length,
            require_placeholder=True,
        )
        return {**fields, "pinPlaceholder": PIN_PLACEHOLDER}

    email = parse_email_template(
        {**EMAIL_TEMPLATE, "pinLength": length}, create=True, lenient=False, max_pin_length=config.max_pin_length
    )
    return [
        Template(DEMO_SMS_MESSAGE_ID, DEMO_APPLICATION_ID, "sms", sms(SMS_TEMPLATE)),
        Template(DEMO_VOICE_MESSAGE_ID, DEMO_APPLICATION_ID, "sms", sms(VOICE_TEMPLATE)),
        Template(DEMO_EMAIL_MESSAGE_ID, DEMO_APPLICATION_ID, "email", email),
    ]


def check_switch(store: InfobipStore, config: InfobipConfig, on: bool) -> None:
    """ValueError, changing nothing, when the demo account cannot be added (``on``) or removed now."""
    present = DEMO_APPLICATION_ID in store.applications
    full = len(store.applications) >= config.max_applications or store.template_count + 3 > config.max_templates
    if on and not present and full:
        raise ValueError("demoAccount: no room for the demo application (maxApplications, maxTemplates)")
    if not on and present and any(pin.application_id == DEMO_APPLICATION_ID for pin in store.pins.values()):
        raise ValueError("demoAccount: PINs were sent through the demo application; POST /_mock/reset first")


def add(store: InfobipStore, config: InfobipConfig) -> None:
    if DEMO_APPLICATION_ID in store.applications:
        return
    app = Application(DEMO_APPLICATION_ID, DEMO_APPLICATION_NAME, True, Configuration())
    for template in _templates(config):
        app.templates[template.id] = template
    store.applications[app.id] = app
    store.template_count += len(app.templates)


def remove(store: InfobipStore) -> None:
    app = store.applications.pop(DEMO_APPLICATION_ID, None)
    if app is not None:
        store.template_count -= len(app.templates)

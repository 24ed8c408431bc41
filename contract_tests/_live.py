"""What a live run may do to a real account, operation by operation.

By default a live run reads, changes only the designated test resources, and makes requests that
cannot change anything (verifying a random PIN id). It creates nothing unless CONTRACT_ALLOW_CREATES=1,
and sends nothing unless CONTRACT_ALLOW_SENDS=1 with a test destination. Every operation it may not
run is reported as not run, with the reason. The rules are a table, one row per operationId; an
operation without a row is never run live (a test checks every spec operation has one).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from contract_tests._settings import Settings

READ, UPDATE, CREATE, SEND, NEVER = "read", "update", "create", "send", "never"
MAX_CREATES = 10  # create requests per run, whatever the vendor answers (Infobip cannot delete anything)
MAX_SENDS = 10  # send and resend requests per run, every one to the test destination
NAME_PREFIX = "contract-"
MAX_NAME_LENGTH = 32

# Infobip: the designated test resources and destinations.
APP, TEMPLATE, EMAIL_TEMPLATE = (
    "INFOBIP_TEST_APPLICATION_ID",
    "INFOBIP_TEST_TEMPLATE_ID",
    "INFOBIP_TEST_EMAIL_TEMPLATE_ID",
)
MSISDN, EMAIL = "INFOBIP_TEST_MSISDN", "INFOBIP_TEST_EMAIL"
# Bandwidth: the destination, the sending number and the applications it belongs to.
BW_TO, BW_FROM = "BANDWIDTH_TEST_NUMBER", "BANDWIDTH_FROM_NUMBER"
BW_MESSAGING_APP, BW_VOICE_APP = "BANDWIDTH_MESSAGING_APPLICATION_ID", "BANDWIDTH_VOICE_APPLICATION_ID"


@dataclass(frozen=True)
class Rule:
    kind: str  # READ, UPDATE, CREATE, SEND or NEVER
    does: str  # what the operation does to the account: the start of its not-run reason
    path: Mapping[str, str] = field(default_factory=dict)  # path parameter -> variable holding its value
    body: Mapping[str, str] = field(default_factory=dict)  # body field -> variable holding its value
    body_if_set: Mapping[str, str] = field(default_factory=dict)  # the same, used only when the variable is set
    also_needs: tuple[str, ...] = ()  # variables that must be set although no value is taken from them
    renames: bool = False  # the body's `name` becomes a printable `contract-...` name

    @property
    def needs(self) -> list[str]:
        return sorted({*self.path.values(), *self.body.values(), *self.also_needs})


def _as_v1(rule: Rule) -> Rule:
    renamed = {"appId": "applicationId", "msgId": "messageId"}
    path = {renamed.get(name, name): var for name, var in rule.path.items()}
    return Rule(rule.kind, rule.does, path, rule.body, rule.body_if_set, rule.also_needs, rule.renames)


_SEND = {"applicationId": APP, "messageId": TEMPLATE, "to": MSISDN}
_BOTH_VERSIONS = {
    "get-2fa-applications": Rule(READ, "lists the applications"),
    "create-2fa-application": Rule(CREATE, "creates an application, which cannot be deleted", renames=True),
    "get-2fa-application": Rule(READ, "reads the test application", {"appId": APP}),
    "update-2fa-application": Rule(UPDATE, "changes the test application", {"appId": APP}, renames=True),
    "get-2fa-message-templates": Rule(READ, "lists the test application's templates", {"appId": APP}),
    "create-2fa-message-template": Rule(CREATE, "creates a template, which cannot be deleted", {"appId": APP}),
    "get-2fa-message-template": Rule(READ, "reads the test template", {"appId": APP, "msgId": TEMPLATE}),
    "update-2fa-message-template": Rule(UPDATE, "changes the test template", {"appId": APP, "msgId": TEMPLATE}),
    "send-2fa-pin-code-over-sms": Rule(SEND, "texts a PIN", body=_SEND),
    # A resend names no destination; its PIN ids are random, but it waits for a test destination all the same.
    "resend-2fa-pin-code-over-sms": Rule(SEND, "texts a PIN again", also_needs=(MSISDN,)),
    "send-2fa-pin-code-over-voice": Rule(SEND, "calls with a PIN", body=_SEND),
    "resend-2fa-pin-code-over-voice": Rule(SEND, "calls with a PIN again", also_needs=(MSISDN,)),
    "verify-2fa-phone-number": Rule(READ, "verifies a PIN (random PIN ids)"),
    "get-2fa-verification-status": Rule(READ, "reads the test application's verifications", {"appId": APP}),
}
INFOBIP_RULES: dict[str, Rule] = {
    **_BOTH_VERSIONS,
    **{f"v1-{op}": _as_v1(rule) for op, rule in _BOTH_VERSIONS.items()},
    "create-2fa-email-message-template": Rule(
        CREATE, "creates an e-mail template, which cannot be deleted", {"appId": APP}
    ),
    "update-2fa-email-message-template": Rule(
        UPDATE, "changes the test e-mail template", {"appId": APP, "msgId": EMAIL_TEMPLATE}
    ),
    "send-2fa-pin-code-over-email": Rule(
        SEND, "e-mails a PIN", body={"applicationId": APP, "messageId": EMAIL_TEMPLATE, "to": EMAIL}
    ),
    "resend-2fa-pin-code-over-email": Rule(SEND, "e-mails a PIN again", also_needs=(EMAIL,)),
    "v1-create-api-key": Rule(NEVER, "mints an API key with the account's Basic credentials"),
}
BANDWIDTH_RULES: dict[str, Rule] = {
    "generateMessagingCode": Rule(
        SEND, "texts a code", body={"to": BW_TO, "from": BW_FROM, "applicationId": BW_MESSAGING_APP}
    ),
    "generateVoiceCode": Rule(
        SEND, "calls with a code", body={"to": BW_TO, "from": BW_FROM, "applicationId": BW_VOICE_APP}
    ),
    # Wrong codes lock a number out for minutes: when a test number is given, only it is verified.
    "verifyCode": Rule(READ, "verifies a code", body_if_set={"to": BW_TO}),
}
RULES = {"infobip": INFOBIP_RULES, "bandwidth": BANDWIDTH_RULES}


@dataclass(frozen=True)
class Plan:
    """Which operations of one vendor this run exercises, and how a live request is pinned down."""

    vendor: str
    target: str
    operations: tuple[str, ...]  # every operation of the spec, in spec order
    not_run: Mapping[str, str] = field(default_factory=dict)  # operationId -> why it is not run
    rules: Mapping[str, Rule] = field(default_factory=dict)  # live only
    values: Mapping[str, str] = field(default_factory=dict)  # live only: the designated resources, by variable
    credentials_problem: str = ""  # live only: why no operation can run (variables missing, token refused)

    def runs(self, operation_id: str) -> bool:
        return operation_id in self.operations and operation_id not in self.not_run

    def kind(self, operation_id: str) -> str:
        rule = self.rules.get(operation_id)
        return rule.kind if rule is not None else READ

    @property
    def running(self) -> list[str]:
        return [op for op in self.operations if op not in self.not_run]


def mock_plan(vendor: str, target: str, operations: tuple[str, ...]) -> Plan:
    """Against a mock every operation runs, with generated values."""
    return Plan(vendor, target, operations)


def live_plan(
    vendor: str, operations: tuple[str, ...], settings: Settings, env: Mapping[str, str], credentials_problem: str
) -> Plan:
    """The live plan: each operation runs, or is not run with the reason (``credentials_problem`` if any)."""
    rules = RULES[vendor]
    values = {
        var: env[var] for rule in rules.values() for var in [*rule.needs, *rule.body_if_set.values()] if env.get(var)
    }
    not_run: dict[str, str] = {}
    for op in operations:
        rule = rules.get(op)
        if credentials_problem:
            not_run[op] = credentials_problem
        elif rule is None:
            not_run[op] = "no live rule in contract_tests/_live.py: never run live until it has one"
        elif rule.kind == NEVER:
            not_run[op] = f"{rule.does}: runs against the mock only"
        else:
            wanted = [var for var in rule.needs if var not in values]
            if rule.kind == CREATE and not settings.allow_creates:
                wanted.insert(0, "CONTRACT_ALLOW_CREATES=1")
            if rule.kind == SEND and not settings.allow_sends:
                wanted.insert(0, "CONTRACT_ALLOW_SENDS=1")
            if wanted:
                not_run[op] = f"{rule.does}: needs {', '.join(wanted)}"
    return Plan(vendor, "live", operations, not_run, rules, values, credentials_problem)


def run_name(now: float | None = None) -> str:
    """This run's mark in every name it gives: the UTC minute it started."""
    return time.strftime("%Y%m%d%H%M", time.gmtime(now))


class Names:
    """Printable, prefixed, bounded names for what a live run creates or renames."""

    def __init__(self, run: str) -> None:
        self.run = run
        self.given = 0

    def next(self) -> str:
        self.given += 1
        name = f"{NAME_PREFIX}{self.run}-{self.given:03d}"
        if len(name) > MAX_NAME_LENGTH or not name.isprintable():
            raise ValueError(f"{name!r}: names are printable and at most {MAX_NAME_LENGTH} characters")
        return name


NAMES = Names(run_name())


def pin_request(plan: Plan, operation_id: str, path_parameters: dict[str, Any], body: Any) -> None:
    """Point a live request at the designated resources and destinations, and give it a printable name.

    Only keys the request already has are replaced: a request that leaves out a required field is
    rejected by the vendor, and filling it in would turn a rejected request into a create or a send.
    """
    rule = plan.rules.get(operation_id)
    if rule is None:
        return
    for name, var in rule.path.items():
        path_parameters[name] = plan.values[var]  # always: a generated id could name someone's resource
    if not isinstance(body, dict):
        return
    for key, var in {**rule.body_if_set, **rule.body}.items():
        if key in body and var in plan.values:
            body[key] = plan.values[var]
    if rule.renames and "name" in body:
        body["name"] = NAMES.next()

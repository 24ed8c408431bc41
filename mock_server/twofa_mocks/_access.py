"""Who may use the /_mock/ control surface: loopback Host names, JSON writes, an optional token.

The control surface shows credentials (``GET /_mock/config``) and live codes (``GET /_mock/outbox``),
and can reset the mock or inject faults. Three checks keep a web page in the tester's browser from
driving it, and are run only under /_mock/ (vendor routes answer any Host: tests reach them through
ASGI transports as ``http://infobip.mock`` and the like):

- Host: a DNS-rebinding page reaches 127.0.0.1 under its own name, so only loopback names
  (``127.0.0.1``, ``localhost``, ``[::1]``, any port) and the configured ``hosts`` are served (403).
- Content-Type: control writes (every method but GET and HEAD) need ``application/json``. A
  cross-site form or ``fetch`` can send only ``text/plain``, form or multipart bodies without a CORS
  preflight, and the mock never answers a preflight (415).
- Token: when ``token`` is set, every control request needs ``X-Mock-Control-Token`` with it (401).

``TWOFA_MOCK_CONTROL_TOKEN`` and ``TWOFA_MOCK_CONTROL_HOSTS`` (comma-separated) set them for mocks
created without an explicit ``ControlAccess``; ``python -m twofa_mocks`` has flags for both.
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Receive, Scope, Send

from ._http import Answer
from ._routing import route_path

PREFIX = "/_mock"
TOKEN_HEADER = b"x-mock-control-token"
TOKEN_ENV = "TWOFA_MOCK_CONTROL_TOKEN"  # noqa: S105 - the name of an environment variable
HOSTS_ENV = "TWOFA_MOCK_CONTROL_HOSTS"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})
READS = frozenset({"GET", "HEAD"})


def _error(status: int, text: str) -> Answer:
    return Answer.json({"error": text}, status)


WRONG_HOST = _error(403, "the control surface answers only loopback Host names (127.0.0.1, localhost, [::1])")
NO_TOKEN = _error(401, "the control surface needs the X-Mock-Control-Token header with the configured token")
NOT_JSON = _error(415, "control writes need Content-Type: application/json")


def host_name(host: str) -> str:
    """The name of a Host header value, lower case, without its port (``[::1]:80`` -> ``[::1]``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@dataclass(frozen=True)
class ControlAccess:
    """``hosts``: Host names served besides loopback ones; ``token``: required on every control request."""

    hosts: frozenset[str] = frozenset()
    token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "hosts", frozenset(host_name(h) for h in self.hosts if h.strip()))
        if self.token is not None and not self.token:
            raise ValueError("a control token must not be empty (use None for none)")

    @classmethod
    def from_environment(cls) -> ControlAccess:
        hosts = frozenset(h for h in os.environ.get(HOSTS_ENV, "").split(",") if h.strip())
        return cls(hosts=hosts, token=os.environ.get(TOKEN_ENV) or None)

    def refusal(self, scope: Scope) -> Answer | None:
        """The answer refusing this control request, or None when it may go ahead."""
        host = content_type = token = None
        for name, value in scope["headers"]:
            if name == b"host" and host is None:
                host = value.decode("latin-1")
            elif name == b"content-type" and content_type is None:
                content_type = value.decode("latin-1")
            elif name == TOKEN_HEADER and token is None:
                token = value
        name = host_name(host or "")
        if name not in LOOPBACK_NAMES and name not in self.hosts:
            return WRONG_HOST
        if self.token is not None and (token is None or not hmac.compare_digest(token, self.token.encode())):
            return NO_TOKEN
        media = (content_type or "").split(";")[0].strip().lower()
        if scope["method"] not in READS and media != "application/json":
            return NOT_JSON
        return None


def is_control(path: str) -> bool:
    return path.startswith(PREFIX + "/")  # every control route; "/_mock" alone is an unknown vendor path


class GuardedControl:
    """Wraps the app that serves /_mock/: control requests pass ``access`` first, others go straight on."""

    def __init__(self, app: ASGIApp, access: ControlAccess) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_control(route_path(scope)):
            refusal = self.access.refusal(scope)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)

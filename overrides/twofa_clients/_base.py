"""What both vendors' clients share: building the httpx clients the generated code runs on."""

from __future__ import annotations

from typing import Any

import httpx

from ._call import arecord_response, record_response

__version__ = "0.1.0"

# 2FA calls are small and user-facing: fail fast rather than keep a user waiting for a code.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
USER_AGENT = f"twofa-clients/{__version__}"


def _headers(extra: dict[str, str] | None) -> dict[str, str]:
    return {"User-Agent": USER_AGENT, "Accept": "application/json", **(extra or {})}


def sync_httpx_client(
    base_url: str,
    auth: httpx.Auth,
    timeout: httpx.Timeout | float,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    headers: dict[str, str] | None = None,
) -> httpx.Client:
    kwargs: dict[str, Any] = {}
    if isinstance(transport, httpx.BaseTransport):
        kwargs["transport"] = transport
    return httpx.Client(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=_headers(headers),
        follow_redirects=False,
        event_hooks={"response": [record_response]},
        **kwargs,
    )


def async_httpx_client(
    base_url: str,
    auth: httpx.Auth,
    timeout: httpx.Timeout | float,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    kwargs: dict[str, Any] = {}
    if isinstance(transport, httpx.AsyncBaseTransport):
        kwargs["transport"] = transport
    return httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=_headers(headers),
        follow_redirects=False,
        event_hooks={"response": [arecord_response]},
        **kwargs,
    )

"""The clients under comparison, each as a zero-argument call doing one verify.

Ours (``InfobipClient``/``BandwidthClient``), a raw ``httpx.Client`` (post the JSON body, check the
status, parse the JSON) and the official SDKs, on a canned transport (``httpx.MockTransport``, or a
stand-in for the SDKs' urllib3 pool answering the same bytes) or over loopback to a server. Every
call builds its request body, sends it and parses the answer, as a user's call would.

This module imports nothing at module level beyond ``typing``: the import group runs these
factories in fresh processes to time a cold first call, and the demo credentials come in as an
argument so that such a child never imports the mock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

VENDORS = ("infobip", "bandwidth")
KINDS = ("ours", "httpx", "sdk")
CANNED_HOST = "http://127.0.0.1:9"  # never connected to when the transport is canned
PIN_ID = "9C817C6F8AF3D48F9FE553282AFA2B67"
PIN = "1234"
TO_INFOBIP = "41793026727"
TO_BANDWIDTH = "+19195551234"
CANNED = {
    "infobip": b'{"pinId":"9C817C6F8AF3D48F9FE553282AFA2B67","msisdn":"41793026727","verified":true,'
    b'"attemptsRemaining":9}',
    "bandwidth": b'{"valid":true}',
}
JSON_HEADERS = {"Content-Type": "application/json;charset=utf-8"}

Call = Callable[[], Any]
Close = Callable[[], None]
# The mocks' demo credentials and what to verify: pin_id and pin (Infobip), code (Bandwidth).
Params = dict[str, str]


def demo_params(**verify: str) -> Params:
    """Demo credentials (imports the mock: call it in the parent) and the canned verify inputs."""
    from twofa_mocks import bandwidth, infobip

    return {
        "infobip_api_key": infobip.DEMO_API_KEY,
        "bandwidth_account": bandwidth.DEMO_ACCOUNT,
        "bandwidth_user": bandwidth.DEMO_USER,
        "bandwidth_password": bandwidth.DEMO_PASSWORD,
        "pin_id": PIN_ID,
        "pin": PIN,
        "code": PIN,
        **verify,
    }


def canned_transport(vendor: str) -> Any:
    import httpx

    body = CANNED[vendor]

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        return httpx.Response(200, headers=JSON_HEADERS, content=body)

    return httpx.MockTransport(answer)


class FakePool:
    """Stands in for the SDKs' ``urllib3.PoolManager``: every request gets the canned answer."""

    def __init__(self, body: bytes) -> None:
        import io

        import urllib3

        self._bytes_io, self._response, self._body = io.BytesIO, urllib3.HTTPResponse, body

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        body = self._bytes_io(self._body)
        return self._response(body=body, headers=JSON_HEADERS, status=200, preload_content=False)


def ours(vendor: str, p: Params, base_url: str | None = None) -> tuple[Call, Close]:
    """Our sync client; canned transport unless ``base_url`` names a server."""
    transport = canned_transport(vendor) if base_url is None else None
    host = base_url or CANNED_HOST
    if vendor == "infobip":
        from twofa_clients import InfobipClient

        infobip = InfobipClient(host, api_key=p["infobip_api_key"], transport=transport)
        return (lambda: infobip.verify_2fa_phone_number(p["pin_id"], p["pin"])), infobip.close
    from twofa_clients import BandwidthClient

    bandwidth = BandwidthClient(
        p["bandwidth_account"],
        username=p["bandwidth_user"],
        password=p["bandwidth_password"],
        base_url=f"{host}/api/v1",
        transport=transport,
    )
    return (lambda: bandwidth.verify_code(TO_BANDWIDTH, p["code"], 3)), bandwidth.close


def _raw_request(vendor: str, p: Params) -> tuple[str, str, dict[str, Any]]:
    """(Authorization header, path, JSON body) of a verify, as a raw-httpx user would write them."""
    import base64

    if vendor == "infobip":
        return f"App {p['infobip_api_key']}", f"/2fa/2/pin/{p['pin_id']}/verify", {"pin": p["pin"]}
    user_password = f"{p['bandwidth_user']}:{p['bandwidth_password']}".encode()
    path = f"/api/v1/accounts/{p['bandwidth_account']}/code/verify"
    body = {"to": TO_BANDWIDTH, "code": p["code"], "expirationTimeInMinutes": 3}
    return f"Basic {base64.b64encode(user_password).decode()}", path, body


def raw_httpx(vendor: str, p: Params, base_url: str | None = None) -> tuple[Call, Close]:
    """A plain ``httpx.Client`` with the auth header preset: post JSON, check the status, parse JSON."""
    import httpx

    transport = canned_transport(vendor) if base_url is None else None
    auth, path, body = _raw_request(vendor, p)
    client = httpx.Client(base_url=base_url or CANNED_HOST, transport=transport, headers={"Authorization": auth})

    def call() -> Any:
        response = client.post(path, json=body)
        response.raise_for_status()
        return response.json()

    return call, client.close


def sdk(vendor: str, p: Params, base_url: str | None = None, *, pool_size: int | None = None) -> tuple[Call, Close]:
    """The vendor's official SDK; its urllib3 pool answers the canned body unless ``base_url`` is given.

    ``pool_size``: the SDK's ``connection_pool_maxsize`` (its default is 5 per CPU); as many as the
    threads calling it, so that none of them opens a connection per call.
    """
    host = base_url or CANNED_HOST
    if vendor == "infobip":
        from infobip_api_client import ApiClient, Configuration, TfaApi, TfaVerifyPinRequest

        configuration = Configuration(host=host, api_key=p["infobip_api_key"])
        if pool_size is not None:
            configuration.connection_pool_maxsize = pool_size
        client: Any = ApiClient(configuration)
        api = TfaApi(client)

        def call() -> Any:
            return api.verify_tfa_phone_number(p["pin_id"], TfaVerifyPinRequest(pin=p["pin"]))

    else:
        from bandwidth import ApiClient as BwApiClient
        from bandwidth import Configuration as BwConfiguration
        from bandwidth import MFAApi
        from bandwidth.models import VerifyCodeRequest

        config = BwConfiguration(
            host=f"{host}/api/v1",
            ignore_operation_servers=True,
            username=p["bandwidth_user"],
            password=p["bandwidth_password"],
        )
        if pool_size is not None:
            config.connection_pool_maxsize = pool_size
        client = BwApiClient(config)
        mfa = MFAApi(client)
        account = p["bandwidth_account"]

        def call() -> Any:
            request = VerifyCodeRequest(to=TO_BANDWIDTH, expiration_time_in_minutes=3, code=p["code"])
            return mfa.verify_code(account, request)

    if base_url is None:
        client.rest_client.pool_manager = FakePool(CANNED[vendor])
    return call, lambda: client.__exit__(None, None, None)


FACTORIES: dict[str, Callable[[str, Params, str | None], tuple[Call, Close]]] = {
    "ours": ours,
    "httpx": raw_httpx,
    "sdk": sdk,
}


def verified(vendor: str, kind: str, result: Any) -> bool | None:
    """The verify outcome each client reports, in its own shape."""
    if kind == "ours":
        return bool(result.verified)
    if kind == "httpx":
        return result.get("verified", result.get("valid"))  # type: ignore[no-any-return]
    return result.verified if vendor == "infobip" else result.valid  # type: ignore[no-any-return]


# --- async: ours, and raw httpx for reference ----------------------------------------------------


def async_ours(vendor: str, p: Params, base_url: str) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """(coroutine function doing one verify, coroutine function closing the client)."""
    if vendor == "infobip":
        from twofa_clients import AsyncInfobipClient

        infobip = AsyncInfobipClient(base_url, api_key=p["infobip_api_key"])
        return (lambda: infobip.verify_2fa_phone_number(p["pin_id"], p["pin"])), infobip.aclose
    from twofa_clients import AsyncBandwidthClient

    bandwidth = AsyncBandwidthClient(
        p["bandwidth_account"],
        username=p["bandwidth_user"],
        password=p["bandwidth_password"],
        base_url=f"{base_url}/api/v1",
    )
    return (lambda: bandwidth.verify_code(TO_BANDWIDTH, p["code"], 3)), bandwidth.aclose


def async_raw_httpx(
    vendor: str, p: Params, base_url: str, transport: Any = None
) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """A plain ``httpx.AsyncClient`` (its own async pool unless ``transport`` is given), as ``raw_httpx``."""
    import httpx

    auth, path, body = _raw_request(vendor, p)
    client = httpx.AsyncClient(base_url=base_url, headers={"Authorization": auth}, transport=transport)

    async def call() -> Any:
        response = await client.post(path, json=body)
        response.raise_for_status()
        return response.json()

    return call, client.aclose


def async_raw_httpx_aiohttp(vendor: str, p: Params, base_url: str) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """Raw httpx again, on our async clients' default transport (aiohttp): the ceiling for ours."""
    from twofa_clients import AiohttpTransport

    return async_raw_httpx(vendor, p, base_url, transport=AiohttpTransport())

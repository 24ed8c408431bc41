from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_v1_start_authentication_request import TfaV1StartAuthenticationRequest
from ...models.tfa_v1_start_authentication_response import TfaV1StartAuthenticationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TfaV1StartAuthenticationRequest,
    nc_needed: bool | Unset = True,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["ncNeeded"] = nc_needed

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/2fa/1/pin",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaV1StartAuthenticationResponse | None:
    if response.status_code == 200:
        response_200 = TfaV1StartAuthenticationResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ApiException.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiException.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiException.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiException.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ApiException.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ApiException.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ApiException.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiException | TfaV1StartAuthenticationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TfaV1StartAuthenticationRequest,
    nc_needed: bool | Unset = True,
) -> Response[ApiException | TfaV1StartAuthenticationResponse]:
    """Send 2FA PIN code over SMS (v1)

     Legacy version of `send-2fa-pin-code-over-sms`: generates a PIN, replaces the template's
    `pinPlaceholder` with it and sends the SMS, after a Number Lookup when `ncNeeded` is true. An
    unknown `applicationId` or `messageId` gives 404 `RESOURCE_NOT_FOUND` (seed page "2FA status codes
    and error details").

    Args:
        nc_needed (bool | Unset): Whether a Number Lookup runs before the SMS is sent. Default:
            True.
        body (TfaV1StartAuthenticationRequest): Body of send PIN over SMS or voice in `/2fa/1`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1StartAuthenticationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        nc_needed=nc_needed,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TfaV1StartAuthenticationRequest,
    nc_needed: bool | Unset = True,
) -> ApiException | TfaV1StartAuthenticationResponse | None:
    """Send 2FA PIN code over SMS (v1)

     Legacy version of `send-2fa-pin-code-over-sms`: generates a PIN, replaces the template's
    `pinPlaceholder` with it and sends the SMS, after a Number Lookup when `ncNeeded` is true. An
    unknown `applicationId` or `messageId` gives 404 `RESOURCE_NOT_FOUND` (seed page "2FA status codes
    and error details").

    Args:
        nc_needed (bool | Unset): Whether a Number Lookup runs before the SMS is sent. Default:
            True.
        body (TfaV1StartAuthenticationRequest): Body of send PIN over SMS or voice in `/2fa/1`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1StartAuthenticationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        nc_needed=nc_needed,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TfaV1StartAuthenticationRequest,
    nc_needed: bool | Unset = True,
) -> Response[ApiException | TfaV1StartAuthenticationResponse]:
    """Send 2FA PIN code over SMS (v1)

     Legacy version of `send-2fa-pin-code-over-sms`: generates a PIN, replaces the template's
    `pinPlaceholder` with it and sends the SMS, after a Number Lookup when `ncNeeded` is true. An
    unknown `applicationId` or `messageId` gives 404 `RESOURCE_NOT_FOUND` (seed page "2FA status codes
    and error details").

    Args:
        nc_needed (bool | Unset): Whether a Number Lookup runs before the SMS is sent. Default:
            True.
        body (TfaV1StartAuthenticationRequest): Body of send PIN over SMS or voice in `/2fa/1`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1StartAuthenticationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        nc_needed=nc_needed,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TfaV1StartAuthenticationRequest,
    nc_needed: bool | Unset = True,
) -> ApiException | TfaV1StartAuthenticationResponse | None:
    """Send 2FA PIN code over SMS (v1)

     Legacy version of `send-2fa-pin-code-over-sms`: generates a PIN, replaces the template's
    `pinPlaceholder` with it and sends the SMS, after a Number Lookup when `ncNeeded` is true. An
    unknown `applicationId` or `messageId` gives 404 `RESOURCE_NOT_FOUND` (seed page "2FA status codes
    and error details").

    Args:
        nc_needed (bool | Unset): Whether a Number Lookup runs before the SMS is sent. Default:
            True.
        body (TfaV1StartAuthenticationRequest): Body of send PIN over SMS or voice in `/2fa/1`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1StartAuthenticationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            nc_needed=nc_needed,
        )
    ).parsed

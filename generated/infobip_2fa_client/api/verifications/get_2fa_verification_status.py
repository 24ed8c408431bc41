from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_verification_response import TfaVerificationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    app_id: str,
    *,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["msisdn"] = msisdn

    params["verified"] = verified

    params["sent"] = sent

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/2fa/2/applications/{app_id}/verifications".format(
            app_id=quote(str(app_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaVerificationResponse | None:
    if response.status_code == 200:
        response_200 = TfaVerificationResponse.from_dict(response.json())

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
) -> Response[ApiException | TfaVerificationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    app_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> Response[ApiException | TfaVerificationResponse]:
    """Get 2FA verification status

     Checks whether a phone number (or e-mail address) is already verified for the application, by
    listing its verification records, optionally filtered by `verified` and `sent`. Timestamps are UNIX
    time in milliseconds.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaVerificationResponse]
    """

    kwargs = _get_kwargs(
        app_id=app_id,
        msisdn=msisdn,
        verified=verified,
        sent=sent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    app_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> ApiException | TfaVerificationResponse | None:
    """Get 2FA verification status

     Checks whether a phone number (or e-mail address) is already verified for the application, by
    listing its verification records, optionally filtered by `verified` and `sent`. Timestamps are UNIX
    time in milliseconds.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaVerificationResponse
    """

    return sync_detailed(
        app_id=app_id,
        client=client,
        msisdn=msisdn,
        verified=verified,
        sent=sent,
    ).parsed


async def asyncio_detailed(
    app_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> Response[ApiException | TfaVerificationResponse]:
    """Get 2FA verification status

     Checks whether a phone number (or e-mail address) is already verified for the application, by
    listing its verification records, optionally filtered by `verified` and `sent`. Timestamps are UNIX
    time in milliseconds.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaVerificationResponse]
    """

    kwargs = _get_kwargs(
        app_id=app_id,
        msisdn=msisdn,
        verified=verified,
        sent=sent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    app_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> ApiException | TfaVerificationResponse | None:
    """Get 2FA verification status

     Checks whether a phone number (or e-mail address) is already verified for the application, by
    listing its verification records, optionally filtered by `verified` and `sent`. Timestamps are UNIX
    time in milliseconds.

    Args:
        app_id (str): ID of the 2FA application (the `applicationId` returned on creation).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaVerificationResponse
    """

    return (
        await asyncio_detailed(
            app_id=app_id,
            client=client,
            msisdn=msisdn,
            verified=verified,
            sent=sent,
        )
    ).parsed

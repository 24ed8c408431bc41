from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_v1_verification_response import TfaV1VerificationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    application_id: str,
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
        "url": "/2fa/1/applications/{application_id}/verifications".format(
            application_id=quote(str(application_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaV1VerificationResponse | None:
    if response.status_code == 200:
        response_200 = TfaV1VerificationResponse.from_dict(response.json())

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
) -> Response[ApiException | TfaV1VerificationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> Response[ApiException | TfaV1VerificationResponse]:
    """Get 2FA verification status (v1)

     Legacy version of `get-2fa-verification-status`: lists the verification records of one phone number
    in the application, optionally filtered by `verified` and `sent`; timestamps are UNIX milliseconds.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1VerificationResponse]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        msisdn=msisdn,
        verified=verified,
        sent=sent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> ApiException | TfaV1VerificationResponse | None:
    """Get 2FA verification status (v1)

     Legacy version of `get-2fa-verification-status`: lists the verification records of one phone number
    in the application, optionally filtered by `verified` and `sent`; timestamps are UNIX milliseconds.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1VerificationResponse
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        msisdn=msisdn,
        verified=verified,
        sent=sent,
    ).parsed


async def asyncio_detailed(
    application_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> Response[ApiException | TfaV1VerificationResponse]:
    """Get 2FA verification status (v1)

     Legacy version of `get-2fa-verification-status`: lists the verification records of one phone number
    in the application, optionally filtered by `verified` and `sent`; timestamps are UNIX milliseconds.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1VerificationResponse]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        msisdn=msisdn,
        verified=verified,
        sent=sent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: str,
    *,
    client: AuthenticatedClient,
    msisdn: str,
    verified: bool | Unset = UNSET,
    sent: bool | Unset = UNSET,
) -> ApiException | TfaV1VerificationResponse | None:
    """Get 2FA verification status (v1)

     Legacy version of `get-2fa-verification-status`: lists the verification records of one phone number
    in the application, optionally filtered by `verified` and `sent`; timestamps are UNIX milliseconds.

    Args:
        application_id (str): 2FA application ID (legacy name of `appId`).
        msisdn (str): Phone number (digits only, no `+`) or e-mail address whose records are
            requested.
        verified (bool | Unset): Filter on whether the destination was verified.
        sent (bool | Unset): Filter on whether the PIN message was sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1VerificationResponse
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            msisdn=msisdn,
            verified=verified,
            sent=sent,
        )
    ).parsed

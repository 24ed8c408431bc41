from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_v1_start_authentication_response import TfaV1StartAuthenticationResponse
from ...types import Response


def _get_kwargs(
    pin_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/2fa/1/pin/{pin_id}/resend".format(
            pin_id=quote(str(pin_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaV1StartAuthenticationResponse | None:
    if response.status_code == 200:
        response_200 = TfaV1StartAuthenticationResponse.from_dict(response.json())

        return response_200

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
    pin_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | TfaV1StartAuthenticationResponse]:
    """Resend 2FA PIN code over SMS (v1)

     Legacy version of `resend-2fa-pin-code-over-sms`: sends the same PIN again over SMS under the same
    `pinId`. The legacy API takes no request body.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1StartAuthenticationResponse]
    """

    kwargs = _get_kwargs(
        pin_id=pin_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pin_id: str,
    *,
    client: AuthenticatedClient,
) -> ApiException | TfaV1StartAuthenticationResponse | None:
    """Resend 2FA PIN code over SMS (v1)

     Legacy version of `resend-2fa-pin-code-over-sms`: sends the same PIN again over SMS under the same
    `pinId`. The legacy API takes no request body.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1StartAuthenticationResponse
    """

    return sync_detailed(
        pin_id=pin_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    pin_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApiException | TfaV1StartAuthenticationResponse]:
    """Resend 2FA PIN code over SMS (v1)

     Legacy version of `resend-2fa-pin-code-over-sms`: sends the same PIN again over SMS under the same
    `pinId`. The legacy API takes no request body.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaV1StartAuthenticationResponse]
    """

    kwargs = _get_kwargs(
        pin_id=pin_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pin_id: str,
    *,
    client: AuthenticatedClient,
) -> ApiException | TfaV1StartAuthenticationResponse | None:
    """Resend 2FA PIN code over SMS (v1)

     Legacy version of `resend-2fa-pin-code-over-sms`: sends the same PIN again over SMS under the same
    `pinId`. The legacy API takes no request body.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaV1StartAuthenticationResponse
    """

    return (
        await asyncio_detailed(
            pin_id=pin_id,
            client=client,
        )
    ).parsed

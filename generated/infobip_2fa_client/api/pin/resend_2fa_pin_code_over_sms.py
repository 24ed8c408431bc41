from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_exception import ApiException
from ...models.tfa_resend_pin_request import TfaResendPinRequest
from ...models.tfa_start_authentication_response import TfaStartAuthenticationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pin_id: str,
    *,
    body: TfaResendPinRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/2fa/2/pin/{pin_id}/resend".format(
            pin_id=quote(str(pin_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiException | TfaStartAuthenticationResponse | None:
    if response.status_code == 200:
        response_200 = TfaStartAuthenticationResponse.from_dict(response.json())

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
) -> Response[ApiException | TfaStartAuthenticationResponse]:
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
    body: TfaResendPinRequest | Unset = UNSET,
) -> Response[ApiException | TfaStartAuthenticationResponse]:
    """Resend 2FA PIN code over SMS

     Resends the same (previously sent) PIN over SMS under the same `pinId`; the PIN's time-to-live and
    attempt counter are not reset. The body is optional and only needed for custom placeholder values or
    delivery tracking.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaResendPinRequest | Unset): Optional body of resend PIN over SMS or voice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaStartAuthenticationResponse]
    """

    kwargs = _get_kwargs(
        pin_id=pin_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pin_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaResendPinRequest | Unset = UNSET,
) -> ApiException | TfaStartAuthenticationResponse | None:
    """Resend 2FA PIN code over SMS

     Resends the same (previously sent) PIN over SMS under the same `pinId`; the PIN's time-to-live and
    attempt counter are not reset. The body is optional and only needed for custom placeholder values or
    delivery tracking.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaResendPinRequest | Unset): Optional body of resend PIN over SMS or voice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaStartAuthenticationResponse
    """

    return sync_detailed(
        pin_id=pin_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    pin_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaResendPinRequest | Unset = UNSET,
) -> Response[ApiException | TfaStartAuthenticationResponse]:
    """Resend 2FA PIN code over SMS

     Resends the same (previously sent) PIN over SMS under the same `pinId`; the PIN's time-to-live and
    attempt counter are not reset. The body is optional and only needed for custom placeholder values or
    delivery tracking.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaResendPinRequest | Unset): Optional body of resend PIN over SMS or voice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiException | TfaStartAuthenticationResponse]
    """

    kwargs = _get_kwargs(
        pin_id=pin_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pin_id: str,
    *,
    client: AuthenticatedClient,
    body: TfaResendPinRequest | Unset = UNSET,
) -> ApiException | TfaStartAuthenticationResponse | None:
    """Resend 2FA PIN code over SMS

     Resends the same (previously sent) PIN over SMS under the same `pinId`; the PIN's time-to-live and
    attempt counter are not reset. The body is optional and only needed for custom placeholder values or
    delivery tracking.

    Args:
        pin_id (str): ID of the PIN (the `pinId` returned by a send operation).
        body (TfaResendPinRequest | Unset): Optional body of resend PIN over SMS or voice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiException | TfaStartAuthenticationResponse
    """

    return (
        await asyncio_detailed(
            pin_id=pin_id,
            client=client,
            body=body,
        )
    ).parsed
